"""Trainee sign-in on the page's socket: a name and a personal code bind this conversation to the trainee's
practice record (bot.storage.practice), so progress follows the trainee to another browser.

Handled here, beside the socket, rather than as a chat message: a message's text and metadata are kept in the
tracker store, and the code must never be stored as typed. Only a socket that joined the conversation's room
(session_request) can sign that conversation in or out.
"""

from __future__ import annotations

import asyncio
from typing import Any

import structlog
from socketio import AsyncServer

from bot.storage.practice import SignInError, shared_store

log = structlog.get_logger()


def register(sio: AsyncServer, namespace: str | None) -> None:
    """Add the `trainee_sign_in` and `trainee_sign_out` events; each answers with `trainee_status`."""

    def joined(sid: str, session_id: Any) -> bool:
        return isinstance(session_id, str) and session_id in (sio.rooms(sid, namespace=namespace) or [])

    @sio.on("trainee_sign_in", namespace=namespace)
    async def sign_in(sid: str, data: dict | None) -> None:
        data = data or {}
        session_id = data.get("session_id")
        if not joined(sid, session_id):
            await sio.emit("trainee_status", {"error": "Reload the page, then sign in again."}, room=sid)
            return
        assert isinstance(session_id, str)  # joined() holds only for a string
        try:
            _trainee_id, name, created = await asyncio.get_running_loop().run_in_executor(
                None, shared_store().sign_in, session_id, str(data.get("name") or ""), str(data.get("code") or "")
            )
        except SignInError as err:
            await sio.emit("trainee_status", {"error": str(err)}, room=sid)
            return
        except Exception:  # the trainee gets a sentence, the log gets the trace
            log.exception("web.trainee.sign_in_failure")
            await sio.emit(
                "trainee_status",
                {"error": "Signing in failed on the server; your practice still counts for this browser."},
                room=sid,
            )
            return
        await sio.emit("trainee_status", {"name": name, "created": created}, room=sid)

    @sio.on("trainee_sign_out", namespace=namespace)
    async def sign_out(sid: str, data: dict | None) -> None:
        session_id = (data or {}).get("session_id")
        if joined(sid, session_id):
            assert isinstance(session_id, str)  # joined() holds only for a string
            await asyncio.get_running_loop().run_in_executor(None, shared_store().sign_out, session_id)
        await sio.emit("trainee_status", {"name": None}, room=sid)
