"""A channel to copy when the assistant gets another way in (a messenger's webhook, a hospital chat system).

Copy this file to bot/channels/<name>.py, rename the class and `name()`, adapt how a request carries the sender,
the text and the metadata, and list `bot.channels.<name>.<Class>:` in credentials.yml. Keep every door check
(bot.channels.door) before `on_new_message`: tests/test_channels.py sends each channel in
credentials.yml the same hostile requests and fails for a channel it has no probe for, so add the new channel's
probe there. Replies: `reply_collected` answers in the HTTP response (as here and REST); a channel that pushes
replies later subclasses `OutputChannel` and calls the door's checks one by one (see bot.channels.web).

This class is a working example (a JSON webhook at /webhooks/template/webhook), not listed in credentials.yml.
"""
from __future__ import annotations

from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.door import Refused, admit, http_refusal, is_json, json_object
from bot.channels.rest import reply_collected


class TemplateInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "template"  # the URL prefix: /webhooks/template/

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        hook = Blueprint("template_webhook", __name__)

        @hook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not is_json(request.content_type):  # 1. the content type: JSON only
                return response.json({"error": "send Content-Type: application/json"}, status=415)
            body = json_object(request)
            body = body or {}
            admitted = admit(body.get("sender"), body.get("message"), body.get("metadata"))  # 2. sender, metadata, text
            if isinstance(admitted, Refused):
                return http_refusal(admitted, body.get("sender"))
            return await reply_collected(on_new_message, admitted, self.name())  # 3. to Rasa; never a trace

        return hook
