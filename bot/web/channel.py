"""The clinician page's channel: Rasa's socket.io protocol, plus the page itself at /webhooks/web/.

Served by the Rasa server, so the page, its script and the socket share one origin: no CDN, no CORS, works
offline. Differences from Rasa's stock socket.io channel, each for a reason:
- a message with data (`custom`) is emitted as one event carrying its text, quick replies and data (the stock
  channel passes `custom` as keyword arguments to `emit`, which fails for a recommendation document);
- empty or oversized messages are answered at once (bot.messages) and never reach the tracker;
- the socket is always bound to the page's session id (session persistence), so a reload finds the conversation.
"""
from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, Optional, Text

import structlog
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from bot.messages import SOMETHING_WENT_WRONG, problem_with
from bot.render import FIELD_LABELS
from bot.web import trainee

log = structlog.get_logger()
STATIC = Path(__file__).resolve().parent / "static"


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

    def get_output_channel(self) -> Optional[WebOutput]:
        return WebOutput(self.sio, self.bot_message_evt) if self.sio else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=[])
        self.sio = sio
        page = SocketBlueprint(sio, self.socketio_path, "web_page", __name__)
        page.static("/static", str(STATIC), name="web_static")

        @page.route("/", methods=["GET"])
        async def index(_: Request) -> HTTPResponse:
            return await response.file(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

        @page.route("/labels.json", methods=["GET"])
        async def labels(_: Request) -> HTTPResponse:
            return response.json(FIELD_LABELS)

        @page.route("/health", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        trainee.register(sio, self.namespace)

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Optional[Dict]) -> None:
            session_id = (data or {}).get("session_id") or uuid.uuid4().hex
            sio.enter_room(sid, session_id)
            await sio.emit("session_confirm", session_id, room=sid)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Dict) -> None:
            session_id = (data or {}).get("session_id")
            if not session_id:
                log.warning("web.message.without_session")
                return
            output = WebOutput(sio, self.bot_message_evt)
            text = data.get("message")
            problem = problem_with(text if isinstance(text, str) else None)
            if problem:
                await output.send_response(session_id, {"text": problem})
                return
            metadata = data.get(self.metadata_key) or {}
            if isinstance(metadata, str):
                metadata = json.loads(metadata)
            try:
                await on_new_message(UserMessage(text, output, session_id, input_channel=self.name(),
                                                 metadata=metadata))
            except Exception:  # noqa: BLE001 - the user gets a sentence, the log gets the trace
                log.exception("web.message.failure")
                await output.send_response(session_id, {"text": SOMETHING_WENT_WRONG})

        return page
