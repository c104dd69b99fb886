"""Short-lived, unguessable references to a case, so a CDS card's link opens the chat page with the case loaded
without putting the case (or anything about the patient) in a URL.

Kept in the database the audit log uses (AUDIT_DB_URL, table `case_link`, migration 0004), not in one server's
memory: with several Rasa servers behind one address a link made by one is redeemed by another, and a restart keeps
the links. A link is valid for TOKEN_SECONDS by the database rows' UTC expiry (servers share no monotonic clock);
expired rows are deleted as new links are made. The row holds the SHA-256 of the token, not the token, and the same
case and answer the audit record holds (no patient identifier: case.schema.json has none).
"""

from __future__ import annotations

import hashlib
import json
import secrets
import time
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.storage import config
from bot.storage.db import Database
from bot.storage.models import CaseLink

TOKEN_SECONDS = 15 * 60
MAX_TOKEN_LENGTH = 64  # the tokens made here are 32 characters; a longer one is refused before hashing


class CaseTokens(Database):
    """token -> payload until it expires, in the database named by ``url`` (default: AUDIT_DB_URL)."""

    def __init__(
        self, url: str | None = None, seconds: float = TOKEN_SECONDS, clock: Callable[[], float] = time.time
    ) -> None:
        super().__init__(url or config.setting("AUDIT_DB_URL"))
        self.seconds, self.clock = seconds, clock

    def _now(self) -> datetime:
        return datetime.fromtimestamp(self.clock(), timezone.utc)

    @staticmethod
    def _hash(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    def issue(self, payload: dict[str, Any]) -> str:
        """A new token for ``payload``. Raises SQLAlchemyError when the database cannot take it."""
        token = secrets.token_urlsafe(24)
        now = self._now()
        with Session(self.engine) as session, session.begin():
            session.execute(sa.delete(CaseLink).where(CaseLink.expires_at < now))
            session.add(
                CaseLink(
                    token_hash=self._hash(token),
                    expires_at=datetime.fromtimestamp(self.clock() + self.seconds, timezone.utc),
                    payload_json=json.dumps(payload, sort_keys=True),
                )
            )
        return token

    def redeem(self, token: Any) -> dict[str, Any] | None:
        """The payload while the token is valid (it may be redeemed again until then, e.g. on a reload); None for
        an unknown or expired token. Raises SQLAlchemyError when the database cannot be read."""
        if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_LENGTH:
            return None
        query = sa.select(CaseLink.payload_json, CaseLink.expires_at).where(CaseLink.token_hash == self._hash(token))
        with Session(self.engine) as session:
            row = session.execute(query).first()
        if row is None:
            return None
        expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=timezone.utc)
        if expires < self._now():
            return None
        payload: dict[str, Any] = json.loads(row.payload_json)
        return payload
