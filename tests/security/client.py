"""What an attacker sends: raw HTTP requests (any body, any header) and socket.io clients (any Origin, any payload),
with a tally of every request tried and every one the server failed (a 5xx, or no answer at all)."""
from __future__ import annotations

import json
import queue
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any

import socketio


@dataclass
class Tally:
    tried: int = 0
    failures: list[str] = field(default_factory=list)

    def note(self, what: str, status: int | None) -> None:
        self.tried += 1
        if status is None or status >= 500:
            self.failures.append(f"{what}: {status or 'no answer'}")


def http(tally: Tally, url: str, body: bytes | None = None, content_type: str | None = "application/json",
         method: str | None = None, headers: dict[str, str] | None = None) -> tuple[int | None, Any, dict]:
    """One request; returns (status, parsed JSON or text, headers). Never raises for an HTTP status."""
    request = urllib.request.Request(url, data=body, method=method or ("POST" if body is not None else "GET"),
                                     headers={**({"Content-Type": content_type} if content_type else {}),
                                              **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=120) as r:
            status, raw, head = r.status, r.read(), dict(r.headers)
    except urllib.error.HTTPError as e:
        status, raw, head = e.code, e.read(), dict(e.headers)
    except (urllib.error.URLError, ConnectionError, TimeoutError) as e:
        tally.note(f"{url} {body[:60] if body else ''}", None)
        return None, str(e), {}
    tally.note(f"{url} {body[:60] if body else ''}", status)
    try:
        return status, json.loads(raw), head
    except ValueError:
        return status, raw.decode(errors="replace"), head


def rest(tally: Tally, base_url: str, payload: Any, raw: bytes | None = None, **kw: Any):
    body = raw if raw is not None else json.dumps(payload).encode()
    return http(tally, f"{base_url}/webhooks/rest/webhook", body, **kw)


class Socket:
    """A socket.io client (long-polling, so any Origin header can be sent) that keeps every event it receives."""

    def __init__(self, tally: Tally, base_url: str, origin: str | None = None):
        self.tally, self.events, self.seen = tally, queue.Queue(), []
        self.client = socketio.Client(reconnection=False)
        for name in ("session_confirm", "session_secret", "session_error", "bot_uttered"):
            self.client.on(name, lambda data, name=name: self.events.put((name, data)))
        headers = {"Origin": origin} if origin else {}
        try:
            self.client.connect(base_url, headers=headers, transports=["polling"], socketio_path="/socket.io",
                                wait_timeout=20)
            tally.note(f"socket.io connect from {origin}", 200)
        except socketio.exceptions.ConnectionError:
            tally.note(f"socket.io connect from {origin}", 400)  # refused at the handshake: an answer, not a failure
            raise

    def emit(self, event: str, data: Any) -> None:
        self.tally.note(f"socket.io {event} {str(data)[:60]}", 200)
        self.client.emit(event, data)

    def wait(self, name: str, timeout: float = 60) -> Any:
        """The next event called ``name`` (others received meanwhile are kept in order in ``seen``)."""
        while True:
            got, data = self.events.get(timeout=timeout)
            self.seen.append((got, data))
            if got == name:
                return data

    def session(self, session_id: str | None = None, secret: str | None = None) -> tuple[str, str]:
        self.emit("session_request", {"session_id": session_id, "session_secret": secret})
        given = self.wait("session_secret", 20)
        return self.wait("session_confirm", 20), given

    def say(self, text: str, timeout: float = 60) -> list[dict]:
        """Send a message; the bot's events until it has been quiet for a moment after the first."""
        self.emit("user_uttered", {"message": text})
        try:
            replies = [self.wait("bot_uttered", timeout)]
        except queue.Empty:
            raise AssertionError(f"no reply to {text[:60]!r} (events seen: {self.seen[-3:]})") from None
        while True:
            try:
                got, data = self.events.get(timeout=3)
            except queue.Empty:
                return replies
            self.seen.append((got, data))
            if got == "bot_uttered":
                replies.append(data)

    def close(self) -> None:
        self.client.disconnect()
