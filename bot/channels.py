"""The REST channel, as spec/README.md section 4 describes it.

Rasa's stock REST channel splits a message into one element per paragraph and puts its data (`custom`) in an
element of its own. Our contract is that the element carrying the recommendation's data also carries its text
and buttons, so a script reads the answer and its data together. Empty and oversized messages are answered here
and never reach the tracker.

Every channel also checks what identifies the conversation before Rasa sees it (`sender_problem`): Rasa's SQL tracker
store stops the whole server (`sys.exit`) on a sender id it cannot encode (a lone UTF-16 surrogate, a NUL on
PostgreSQL), and the audit and tracker columns are 255 characters wide. A trainee is always the conversation's
sender: a `trainee_id` in the metadata a client sends is dropped (`own_metadata`), so nobody acts as another trainee.
"""
from __future__ import annotations

import json
import re
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
MAX_SENDER_CHARS = 128
MAX_METADATA_CHARS = 2000
_SENDER = re.compile(rf"[A-Za-z0-9_.:@+=-]{{1,{MAX_SENDER_CHARS}}}")
_UNREADABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
MAX_RUN = 64  # characters without a space; longer runs are split (spaCy's tokenizer is quadratic in a run's length)
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
_PAYLOAD = re.compile(r"/\w+(\{.*\})?", re.DOTALL)
MAX_PAYLOAD = 300  # a longer run costs the tokenizer more than a few milliseconds, if Rasa does not take it whole
SENDER_RULE = (f"a sender id is 1 to {MAX_SENDER_CHARS} characters: letters, digits and . _ : @ + = -")


WEB_PREFIX = "web-"  # the page's sessions (bot.web.channel): reachable only through their socket and secret


def sender_problem(sender: object) -> str | None:
    """Why ``sender`` cannot name a conversation, or None. Plain ASCII only: nothing a database can refuse."""
    if not isinstance(sender, str) or not _SENDER.fullmatch(sender):
        return SENDER_RULE
    return None


def clean_text(text: str) -> str:
    """The message without control characters (NUL, escape codes) or lone surrogates, which no store or reply
    encoder accepts (tabs and line breaks stay), and with every run of more than MAX_RUN characters without a space
    split into pieces of MAX_RUN: no finding is that long, and 5,000 brackets in one run cost spaCy's tokenizer
    about 8 s of the event loop, while the same split into runs costs a millisecond (bench/event_loop.py)."""
    text = _UNREADABLE.sub(" ", text)
    if len(text) <= MAX_PAYLOAD and _PAYLOAD.fullmatch(text):  # a button's or the page's `/intent{...}` stays whole
        return text
    return _LONG_RUN.sub(lambda m: " ".join(m[0][i:i + MAX_RUN] for i in range(0, len(m[0]), MAX_RUN)), text)


def read_message(text: str | None) -> tuple[str, str | None]:
    """The message as the assistant will read it, and why it cannot be read (None when it can): the length is
    judged on what the user sent, emptiness on what is left after cleaning."""
    problem = problem_with(text)
    if problem or text is None:
        return "", problem
    cleaned = clean_text(text)
    return cleaned, None if cleaned.strip() else problem_with(None)


def own_metadata(metadata: object) -> dict[str, Any] | None:
    """The client's metadata that the assistant may keep: a bounded JSON object, without `trainee_id` (the trainee
    is the conversation's sender, which the channel has checked). None when it is not an object or too big."""
    if metadata is None:
        return {}
    if not isinstance(metadata, dict):
        return None
    kept = {k: v for k, v in metadata.items() if k != "trainee_id"}
    try:
        size = len(json.dumps(kept))
    except (TypeError, ValueError):
        return None
    return kept if size <= MAX_METADATA_CHARS else None


def _bad_request(status: int, error: str) -> HTTPResponse:
    return response.json({"error": error}, status=status)


class CardCollectingOutputChannel(CollectingOutputChannel):
    """Collects replies; a message with data stays one element: its text, buttons and `custom` together."""

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        if not message.get("custom"):
            await super().send_response(recipient_id, message)
            return
        text, buttons = message.get("text"), message.get("buttons")
        # Rasa's _message annotates text and buttons as required but defaults them to None, as here
        stored = self._message(recipient_id, text=text, buttons=buttons, custom=message["custom"])  # type: ignore[arg-type]
        await self._persist_message(stored)


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
            if (request.content_type or "").split(";")[0].strip().lower() != "application/json":
                return _bad_request(415, "send Content-Type: application/json")
            try:
                body = request.json
            except Exception:  # noqa: BLE001 - Sanic raises its own error for a body that is not JSON
                body = None
            if not isinstance(body, dict) or not isinstance(body.get("message"), (str, type(None))):
                return _bad_request(400, "send a JSON object {\"sender\": \"<id>\", \"message\": \"<text>\"}")
            sender, text = body.get("sender"), body.get("message")
            if (problem := sender_problem(sender)) is not None:
                return _bad_request(400, problem)
            assert isinstance(sender, str)  # sender_problem refuses anything else
            if sender.startswith(WEB_PREFIX):
                return _bad_request(403, f"sender ids starting with {WEB_PREFIX!r} belong to the web page's sessions")
            metadata = own_metadata(body.get("metadata"))
            if metadata is None:
                return _bad_request(400, f"metadata must be a JSON object of at most {MAX_METADATA_CHARS} characters")
            text, problem = read_message(text)
            if problem:
                return response.json([{"recipient_id": sender, "text": problem}])
            collector = CardCollectingOutputChannel()
            try:
                await on_new_message(UserMessage(text, collector, sender, input_channel=self.name(),
                                                 metadata=metadata))
            except CancelledError:
                log.error("rest.message.timeout")
            except Exception:  # the user gets a sentence, the log gets the trace
                log.exception("rest.message.failure")
            return response.json(collector.messages or [{"recipient_id": sender, "text": SOMETHING_WENT_WRONG}])

        return webhook
