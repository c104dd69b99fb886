"""The REST channel, as spec/README.md section 4 describes it.

Rasa's stock REST channel splits a message into one element per paragraph and puts its data (`custom`) in an
element of its own. Our contract is that the element carrying the recommendation's data also carries its text
and buttons, so a script reads the answer and its data together. Empty and oversized messages are answered here
and never reach the tracker.
"""
from __future__ import annotations

from asyncio import CancelledError
from typing import Any, Awaitable, Callable

import structlog
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput as StockRestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.messages import SOMETHING_WENT_WRONG, problem_with

log = structlog.get_logger()


class CardCollectingOutputChannel(CollectingOutputChannel):
    """Collects replies; a message with data stays one element: its text, buttons and `custom` together."""

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        if not message.get("custom"):
            await super().send_response(recipient_id, message)
            return
        await self._persist_message(self._message(recipient_id, text=message.get("text"),
                                                  buttons=message.get("buttons"), custom=message["custom"]))


class RestInput(StockRestInput):
    """`POST /webhooks/rest/webhook` with `{"sender": ..., "message": ...}`; replies as a JSON list."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("card_rest_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            body = request.json if isinstance(request.json, dict) else {}
            sender, text = body.get("sender"), body.get("message")
            if not isinstance(sender, str) or not sender or not isinstance(text, (str, type(None))):
                return response.json({"error": "send a JSON object {\"sender\": \"<id>\", \"message\": \"<text>\"}"},
                                     status=400)
            problem = problem_with(text)
            if problem:
                return response.json([{"recipient_id": sender, "text": problem}])
            collector = CardCollectingOutputChannel()
            try:
                await on_new_message(UserMessage(text, collector, sender, input_channel=self.name(),
                                                 metadata=self.get_metadata(request)))
            except CancelledError:
                log.error("rest.message.timeout")
            except Exception:  # noqa: BLE001 - the user gets a sentence, the log gets the trace
                log.exception("rest.message.failure")
            return response.json(collector.messages or [{"recipient_id": sender, "text": SOMETHING_WENT_WRONG}])

        return webhook
