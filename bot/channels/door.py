"""The door every channel's messages pass before Rasa sees them: one set of checks for REST, the page's socket.io
channel and any channel added later (bot/channels/template.py shows where each check goes).

- `sender_problem`: what identifies a conversation. Rasa's SQL tracker store stops the whole server (`sys.exit`) on a
  sender id it cannot encode (a lone UTF-16 surrogate, a NUL on PostgreSQL), and the audit and tracker columns are
  255 characters wide, so a sender id is 1 to MAX_SENDER_CHARS characters of plain ASCII. Ids starting with
  WEB_PREFIX belong to the page's sessions (bot.channels.web), which only their socket and secret reach.
- `read_message`: empty and oversized messages (bot.messages) are answered at the door and never reach the tracker;
  control characters are removed and runs without a space are split (`clean_text`).
- `own_metadata`: the client's metadata, a bounded JSON object without `trainee_id`: a trainee is always the
  conversation's sender, so nobody acts as another trainee.
- `admit`: the three checks above in one call, for a channel whose client names the sender (REST, a webhook):
  `Admitted` or `Refused`, which `http_refusal` turns into the HTTP answer.
- `is_json`: a channel that takes JSON over HTTP takes `application/json` only, which a page on another site cannot
  post without CORS; `allowed_origin` / `same_origin`: which browser origins may call (CORS allowlist, or the page's
  own origin for its socket); `body_too_large`: a request body cap for channels that read a whole document.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Collection, Dict, Optional, Union

from sanic import response
from sanic.response import HTTPResponse

from bot.messages import problem_with

MAX_SENDER_CHARS = 128
MAX_METADATA_CHARS = 2000
_SENDER = re.compile(r"[A-Za-z0-9_.:@+=-]{1,%d}" % MAX_SENDER_CHARS)
_UNREADABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
MAX_RUN = 64  # characters without a space; longer runs are split (spaCy's tokenizer is quadratic in a run's length)
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))
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




@dataclass(frozen=True)
class Admitted:
    sender: str
    text: str
    metadata: Dict[str, Any]


@dataclass(frozen=True)
class Refused:
    """A request the door turns away (`status`, `error`); with `in_chat` the request was fine but the message
    cannot be read (empty, too long), and `error` is the sentence the user gets as the reply."""
    status: int
    error: str
    in_chat: bool = False


def admit(sender: object, text: Optional[str], metadata: object) -> Union[Admitted, Refused]:
    """The door for a message whose client names its sender: the sender id (never a web page's session), the
    metadata, then the message, in that order."""
    problem = sender_problem(sender)
    if problem or not isinstance(sender, str):
        return Refused(400, problem or SENDER_RULE)
    if sender.startswith(WEB_PREFIX):
        return Refused(403, f"sender ids starting with {WEB_PREFIX!r} belong to the web page's sessions")
    kept = own_metadata(metadata)
    if kept is None:
        return Refused(400, f"metadata must be a JSON object of at most {MAX_METADATA_CHARS} characters")
    text, problem = read_message(text if isinstance(text, str) else None)
    if problem:
        return Refused(200, problem, in_chat=True)
    return Admitted(sender, text, kept)


def http_refusal(refused: Refused, sender: object) -> HTTPResponse:
    """The HTTP answer to a refusal: an error object, or for an unreadable message the reply list REST clients read."""
    if refused.in_chat:
        return response.json([{"recipient_id": sender, "text": refused.error}])
    return response.json({"error": refused.error}, status=refused.status)


def is_json(content_type: Optional[str]) -> bool:
    """Whether a request's Content-Type is JSON (parameters such as charset aside)."""
    return (content_type or "").split(";")[0].strip().lower() == "application/json"


def json_object(request: Any) -> Optional[Dict[str, Any]]:
    """The request's body when it is a JSON object, else None (not JSON, or another JSON value)."""
    try:
        body = request.json
    except Exception:  # noqa: BLE001 - Sanic raises its own error for a body that is not JSON
        return None
    return body if isinstance(body, dict) else None


def body_too_large(body: Optional[bytes], limit: int) -> bool:
    return len(body or b"") > limit


def allowed_origin(origin: Optional[str], allowed: Collection[str]) -> bool:
    """Whether a browser page on ``origin`` may call (CORS): only the origins an operator listed."""
    return bool(origin) and origin in allowed


def same_origin(origin: Optional[str], environ: Dict[str, Any]) -> bool:
    """A browser's socket is accepted only from the page's own origin (host and port of the request). Without an
    Origin header (not a browser) there is nothing to allow: no CORS header is sent."""
    host = environ.get("HTTP_HOST", "").lower()
    return bool(origin and host) and origin.lower().split("://", 1)[-1].rstrip("/") == host
