"""The CDS Hooks service as a Rasa input channel: served by the Rasa server at /webhooks/cds/, the same origin as
the clinician page, so a card's link opens the page; the case link is kept in the database (bot.cds.tokens), so any
Rasa server sharing it opens the link.

Routes (base URL for the EHR: http://127.0.0.1:5005/webhooks/cds):
  GET  /cds-services                    discovery
  POST /cds-services/{id}               a hook call (patient-view, order-select)
  POST /cds-services/{id}/feedback      card outcomes, recorded in the audit log
  POST /case-exchange                   the page trades a card link's token, with its session and secret, for the
                                        case, which is written into that conversation (bot.cds.handover)
Requests are checked for size, JSON and shape before anything else (the door, bot.channels.door); the JWT
when CDS_JWT_JWKS is set (bot.cds.auth). Browser-based CDS clients (the CDS Hooks sandbox) need CORS: allow their
origin with CDS_ALLOWED_ORIGINS (comma-separated); none is allowed by default.
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import structlog
from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sqlalchemy.exc import SQLAlchemyError

from bot.cds.auth import AuthError, JwtVerifier
from bot.cds.handover import write_case
from bot.cds.service import MAX_BODY_BYTES, CdsError, CdsService
from bot.cds.tokens import CaseTokens
from bot.channels.door import allowed_origin, body_too_large
from bot.channels.web import holds_session
from bot.storage.audit import AuditLog
from bot.storage.config import secret

log = structlog.get_logger()


class JsonWithLength(HTTPResponse):
    """Sanic 21.12 drops the Content-Length and Content-Type of every 412 (read as the answer to a conditional
    request), so the EHR would wait for the end of a body it cannot measure; CDS Hooks' 412 carries a JSON message."""

    @property
    def processed_headers(self) -> Iterator[tuple[bytes, bytes]]:
        return ((name.encode("ascii"), f"{value}".encode()) for name, value in self.headers.items())


class CdsHooksInput(InputChannel):
    """No conversation runs through this channel: it only answers the EHR (and the page's case exchange)."""

    @classmethod
    def name(cls) -> str:
        return "cds"

    def __init__(self) -> None:
        self._audit: AuditLog | None = None
        self._web_key: bytes | None = None
        self.service = CdsService(audit=self.audit_log, tokens=CaseTokens())
        self.verifier = JwtVerifier.from_environment()
        self.origins = {o.strip() for o in os.environ.get("CDS_ALLOWED_ORIGINS", "").split(",") if o.strip()}

    def web_key(self) -> bytes:
        """The web channel's session key (bot.channels.web.holds_session): the page proves its session with it."""
        if self._web_key is None:
            self._web_key = secret("WEB_SESSION_KEY")
        return self._web_key

    def audit_log(self) -> AuditLog:
        if self._audit is None:
            self._audit = AuditLog()
        return self._audit

    @staticmethod
    def public_base(request: Request) -> str:
        """The service's base URL as the EHR calls it: CDS_PUBLIC_URL behind a proxy, else this request's own."""
        return os.environ.get("CDS_PUBLIC_URL") or f"{request.scheme}://{request.host}/webhooks/cds"

    def _headers(self, request: Request) -> dict[str, str]:
        origin = request.headers.get("origin")
        if origin and allowed_origin(origin, self.origins):
            return {
                "Access-Control-Allow-Origin": origin,
                "Vary": "Origin",
                "Access-Control-Allow-Headers": "Authorization, Content-Type",
                "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
            }
        return {}

    def _reply(self, request: Request, body: Any, status: int = 200) -> HTTPResponse:
        if status == 412:
            return JsonWithLength(
                json.dumps(body),
                status=status,
                content_type="application/json",
                headers={**self._headers(request), "content-type": "application/json"},
            )
        return response.json(body, status=status, headers=self._headers(request))

    def _error(self, request: Request, status: int, message: str) -> HTTPResponse:
        return self._reply(request, {"error": message}, status)

    async def _guarded(self, request: Request, path: str, work: Callable[[Any], Any]) -> HTTPResponse:
        """Size, JSON and JWT checks, then ``work(body)`` off the event loop (it reads and writes the audit DB)."""
        if request.method == "OPTIONS":
            return response.empty(headers=self._headers(request))
        if self.verifier is not None:
            try:
                self.verifier.verify(request.headers.get("authorization"), self.public_base(request) + path)
            except AuthError as err:
                return self._error(request, 401, str(err))
        body: Any = None
        if request.method == "POST":
            if body_too_large(request.body, MAX_BODY_BYTES):
                return self._error(request, 413, f"request larger than {MAX_BODY_BYTES} bytes")
            try:
                body = json.loads(request.body or b"")
            except (ValueError, UnicodeDecodeError):
                return self._error(request, 400, "the request body must be JSON")
        try:
            return self._reply(request, await asyncio.get_running_loop().run_in_executor(None, work, body))
        except CdsError as err:
            return self._error(request, err.status, str(err))
        except Exception:  # the EHR gets a sentence, the log gets the trace
            log.exception("cds.failure", path=path)
            return self._error(request, 500, "the CDS service could not answer this request; it has been logged")

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = Blueprint("cds_hooks", __name__)

        @bp.route("/cds-services", methods=["GET", "OPTIONS"])
        async def discovery(request: Request) -> HTTPResponse:
            return await self._guarded(request, "/cds-services", lambda _: self.service.discovery())

        @bp.route("/cds-services/<service_id>", methods=["POST", "OPTIONS"])
        async def call(request: Request, service_id: str) -> HTTPResponse:
            page = self.public_base(request).rsplit("/cds", 1)[0] + "/web/"
            return await self._guarded(
                request, f"/cds-services/{service_id}", lambda body: self.service.call(service_id, body, page)
            )

        @bp.route("/cds-services/<service_id>/feedback", methods=["POST", "OPTIONS"])
        async def feedback(request: Request, service_id: str) -> HTTPResponse:
            return await self._guarded(
                request, f"/cds-services/{service_id}/feedback", lambda body: self.service.feedback(service_id, body)
            )

        @bp.route("/case-exchange", methods=["POST"])
        async def case_exchange(request: Request) -> HTTPResponse:
            """The clinician page's half of a card link: the token and the page's session (with its secret) in;
            the case written into that conversation, and the case and its answer out."""
            try:
                body = json.loads(request.body or b"")
                token, session_id, given = body.get("token"), body.get("session_id"), body.get("session_secret")
            except (ValueError, AttributeError):
                token = session_id = given = None
            if not holds_session(self.web_key(), session_id, given):
                return response.json(
                    {
                        "error": "this page's conversation could not be confirmed: reload the page "
                        "and open the card's link again"
                    },
                    status=403,
                )
            try:
                payload = await asyncio.get_running_loop().run_in_executor(None, self.service.tokens.redeem, token)
            except (SQLAlchemyError, OSError):
                log.warning("cds.case_exchange.store_unavailable", exc_info=True)
                return response.json(
                    {
                        "error": "case links cannot be read right now (their database is unavailable): try the link "
                        "again in a minute"
                    },
                    status=503,
                )
            if payload is None:
                return response.json(
                    {"error": "this case link has expired or is unknown: open the card again"}, status=404
                )
            try:
                await write_case(request.app.ctx.agent, session_id, payload["case"], payload.get("record_id"))
            except Exception:  # the page gets a sentence, the log gets the trace
                log.exception("cds.case_exchange.failure")
                return response.json(
                    {"error": "the case could not be loaded into this conversation; it has been logged"}, status=500
                )
            return response.json(payload, headers={"Cache-Control": "no-store"})

        return bp
