"""The REST channel, as spec/README.md section 4 describes it.

Rasa's stock REST channel splits a message into one element per paragraph and puts its data (`custom`) in an
element of its own. Our contract is that the element carrying the recommendation's data also carries its text
and buttons, so a script reads the answer and its data together. Every request passes the door first
(bot.channels.door): JSON only, a readable sender id that is not a web page's session, bounded metadata without
`trainee_id`, a message that is neither empty nor oversized.
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

from bot.channels.door import Admitted, Refused, admit, http_refusal, is_json, json_object
from bot.messages import SOMETHING_WENT_WRONG

log = structlog.get_logger()


def _bad_request(status: int, error: str) -> HTTPResponse:
    return response.json({"error": error}, status=status)


class CardCollectingOutputChannel(CollectingOutputChannel):
    """Collects replies; a message with data stays one element: its text, buttons and `custom` together."""

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        if not message.get("custom"):
            await super().send_response(recipient_id, message)
            return
        await self._persist_message(self._message(recipient_id, text=message.get("text"),
                                                  buttons=message.get("buttons"), custom=message["custom"]))


async def reply_collected(on_new_message: Callable[[UserMessage], Awaitable[Any]], admitted: Admitted,
                          channel: str) -> HTTPResponse:
    """Hand an admitted message to Rasa and answer with every reply it collected; never an empty answer or a trace."""
    collector = CardCollectingOutputChannel()
    try:
        await on_new_message(UserMessage(admitted.text, collector, admitted.sender, input_channel=channel,
                                         metadata=admitted.metadata))
    except CancelledError:
        log.error(f"{channel}.message.timeout")
    except Exception:  # noqa: BLE001 - the user gets a sentence, the log gets the trace
        log.exception(f"{channel}.message.failure")
    return response.json(collector.messages or [{"recipient_id": admitted.sender, "text": SOMETHING_WENT_WRONG}])


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
            # a form or text/plain POST from another site's page is refused: browsers send JSON only after CORS
            if not is_json(request.content_type):
                return _bad_request(415, "send Content-Type: application/json")
            body = json_object(request)
            if not isinstance(body, dict) or not isinstance(body.get("message"), (str, type(None))):
                return _bad_request(400, "send a JSON object {\"sender\": \"<id>\", \"message\": \"<text>\"}")
            admitted = admit(body.get("sender"), body.get("message"), body.get("metadata"))
            if isinstance(admitted, Refused):
                return http_refusal(admitted, body.get("sender"))
            return await reply_collected(on_new_message, admitted, self.name())

        return webhook
