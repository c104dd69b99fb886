"""Short-lived, unguessable references to a case, so a CDS card's link opens the chat page with the case loaded
without putting the case (or anything about the patient) in a URL.

Kept in the Rasa server's memory: a link works on the server that issued it, for TOKEN_SECONDS. Several Rasa
servers behind one address would need a shared store; the README says so.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

TOKEN_SECONDS = 15 * 60
MAX_TOKENS = 2000


class CaseTokens:
    """token -> (expiry, payload); the oldest are dropped beyond MAX_TOKENS."""

    def __init__(self, seconds: float = TOKEN_SECONDS, clock: Callable[[], float] = time.monotonic):
        self.seconds, self.clock = seconds, clock
        self._items: OrderedDict[str, tuple[float, dict[str, Any]]] = OrderedDict()
        self._lock = threading.Lock()

    def issue(self, payload: dict[str, Any]) -> str:
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._items[token] = (self.clock() + self.seconds, payload)
            while len(self._items) > MAX_TOKENS:
                self._items.popitem(last=False)
        return token

    def redeem(self, token: Any) -> dict[str, Any] | None:
        """The payload while the token is valid (it may be redeemed again until then, e.g. on a reload)."""
        if not isinstance(token, str):
            return None
        with self._lock:
            item = self._items.get(token)
            if item is None or item[0] < self.clock():
                self._items.pop(token, None)
                return None
            return item[1]
