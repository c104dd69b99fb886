"""The clinician page's channel: Rasa's socket.io protocol, plus the page itself at /webhooks/web/.

Served by the Rasa server, so the page, its script and the socket share one origin: no CDN, no CORS, works
offline. Differences from Rasa's stock socket.io channel, each for a reason:
- a message with data (`custom`) is emitted as one event carrying its text, quick replies and data (the stock
  channel passes `custom` as keyword arguments to `emit`, which fails for a recommendation document);
- empty or oversized messages are answered at once (bot.messages) and never reach the tracker;
- the socket is always bound to the page's session id (session persistence), so a reload finds the conversation;
- the server, not the page, chooses session ids (unguessable, `web-` + 32 random bytes) and binds each socket to
  the session it asked for: messages go to that session whatever the payload says, and a socket resumes a session
  only with its secret (an HMAC of the id under a server key), which the page keeps in its storage. A page on
  another origin is refused at the handshake (python-socketio's default same-origin check; its
  `cors_allowed_origins=[]` would switch the check off);
- the session and message pass the same door as REST (bot.channels.door): clean text, the client's metadata
  without `trainee_id`; the page's own origin only (`same_origin`).
The page's files stay in bot/web/static/ beside its package.json (`make web`).
"""
from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, Optional, Text

import structlog
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from bot.channels.door import WEB_PREFIX, own_metadata, read_message, same_origin
from bot.messages import SOMETHING_WENT_WRONG
from bot.render import FIELD_LABELS
from bot.web.choices import list_choices
from bot.storage.config import secret
from bot.web import trainee

log = structlog.get_logger()
STATIC = (Path(__file__).resolve().parents[1] / "web" / "static")
NOT_RESUMED = ("That conversation can't be resumed from this page (its secret is missing or wrong), so a new one "
               "has started.")
NO_SESSION = "This page has no conversation yet: reload the page."


def session_secret(key: bytes, session_id: str) -> str:
    """The secret that proves a page holds ``session_id``: an HMAC of the id under the server's key."""
    return hmac.new(key, session_id.encode(), hashlib.sha256).hexdigest()


def holds_session(key: bytes, session_id: object, given: object) -> bool:
    """Whether ``given`` is the secret of the web session ``session_id`` (the page's proof that it owns it)."""
    return isinstance(session_id, str) and isinstance(given, str) and session_id.startswith(WEB_PREFIX) \
        and hmac.compare_digest(session_secret(key, session_id), given)


class WebOutput(SocketIOOutput):
    """Emits each bot message as one `bot_uttered` event: {text?, quick_replies?, custom?}."""

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        event: Dict[Text, Any] = {}
        if message.get("text"):
            event["text"] = message["text"]
        buttons = message.get("quick_replies") or message.get("buttons")
        if buttons:
            event["quick_replies"] = [{"content_type": "text", "title": b["title"], "payload": b["payload"]}
                                      for b in buttons]
        if message.get("custom"):
            event["custom"] = message["custom"]
        if message.get("image"):
            event["attachment"] = {"type": "image", "payload": {"src": message["image"]}}
        if event:
            await self._send_message(recipient_id, event)


class WebChatInput(SocketIOInput):
    @classmethod
    def name(cls) -> Text:
        return "web"

    def _resumable(self, asked: object) -> Optional[str]:
        """The session id asked for, when the request carries its secret; otherwise None."""
        if not isinstance(asked, dict):
            return None
        session_id = asked.get("session_id")
        return session_id if holds_session(self._key, session_id, asked.get("session_secret")) else None

    def get_output_channel(self) -> Optional[WebOutput]:
        return WebOutput(self.sio, self.bot_message_evt) if self.sio else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=same_origin)
        self.sio = sio
        self._key = secret("WEB_SESSION_KEY")
        bound: Dict[Text, Text] = {}  # socket id -> the session it created or proved it holds
        page = SocketBlueprint(sio, self.socketio_path, "web_page", __name__)

        @page.route("/static/<name:path>", methods=["GET"])
        async def static(_: Request, name: str) -> HTTPResponse:
            """A file of the page; a folder, a path leaving static/ or an unreadable name is a 404, not a 500."""
            try:
                path = (STATIC / name).resolve()
                found = STATIC in path.parents and path.is_file()
            except (OSError, ValueError):
                found = False
            if not found:
                return response.json({"error": "not found"}, status=404)
            return await response.file(path)

        @page.route("/", methods=["GET"])
        async def index(_: Request) -> HTTPResponse:
            return await response.file(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

        @page.route("/labels.json", methods=["GET"])
        async def labels(_: Request) -> HTTPResponse:
            return response.json(FIELD_LABELS)

        @page.route("/choices.json", methods=["GET"])
        async def choices(_: Request) -> HTTPResponse:
            return response.json(list_choices())

        @page.route("/health", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        trainee.register(sio, self.namespace)

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: object = None) -> None:
            session_id = self._resumable(data)
            if session_id is None:
                if isinstance(data, dict) and data.get("session_id"):
                    await sio.emit("session_error", {"text": NOT_RESUMED}, room=sid)
                session_id = WEB_PREFIX + secrets.token_urlsafe(32)
            if bound.get(sid) not in (None, session_id):
                sio.leave_room(sid, bound[sid])
            bound[sid] = session_id
            sio.enter_room(sid, session_id)
            await sio.emit("session_secret", session_secret(self._key, session_id), room=sid)
            await sio.emit("session_confirm", session_id, room=sid)

        @sio.on("disconnect", namespace=self.namespace)
        async def disconnect(sid: Text) -> None:
            bound.pop(sid, None)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: object = None) -> None:
            session_id = bound.get(sid)
            if session_id is None:
                await sio.emit("session_error", {"text": NO_SESSION}, room=sid)
                return
            output = WebOutput(sio, self.bot_message_evt)
            data = data if isinstance(data, dict) else {}
            raw = data.get("message")
            text, problem = read_message(raw if isinstance(raw, str) else None)
            if problem:
                await output.send_response(session_id, {"text": problem})
                return
            metadata = data.get(self.metadata_key)
            try:
                metadata = json.loads(metadata) if isinstance(metadata, str) else metadata
            except ValueError:
                metadata = None
            metadata = own_metadata(metadata)
            if metadata is None:
                await sio.emit("session_error", {"text": "The message's metadata is not a small JSON object."},
                               room=sid)
                return
            try:
                await on_new_message(UserMessage(text, output, session_id, input_channel=self.name(),
                                                 metadata=metadata))
            except Exception:  # noqa: BLE001 - the user gets a sentence, the log gets the trace
                log.exception("web.message.failure")
                await output.send_response(session_id, {"text": SOMETHING_WENT_WRONG})

        return page
