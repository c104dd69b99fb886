"""A clinician at the REST channel: sends messages, keeps the replies, finds the recommendation's data."""
from __future__ import annotations

import json
import urllib.request
import uuid
from typing import Any


def post(url: str, body: dict[str, Any], timeout: float = 60) -> Any:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


class Chat:
    def __init__(self, base_url: str, sender: str | None = None):
        self.base_url = base_url
        self.sender = sender or f"test-{uuid.uuid4().hex[:12]}"
        self.transcript: list[tuple[str, list[dict[str, Any]]]] = []

    def say(self, text: str, base_url: str | None = None, metadata: dict[str, Any] | None = None) -> list[dict]:
        body: dict[str, Any] = {"sender": self.sender, "message": text}
        if metadata:
            body["metadata"] = metadata
        replies = post(f"{base_url or self.base_url}/webhooks/rest/webhook", body)
        self.transcript.append((text, replies))
        return replies

    @staticmethod
    def texts(replies: list[dict]) -> list[str]:
        return [r["text"] for r in replies if r.get("text")]

    @staticmethod
    def data(replies: list[dict], key: str) -> Any:
        """The last `custom[key]` among the replies, or None."""
        found = [r["custom"][key] for r in replies if isinstance(r.get("custom"), dict) and key in r["custom"]]
        return found[-1] if found else None

    def show(self) -> str:
        """The conversation so far, for an assertion message."""
        lines = []
        for text, replies in self.transcript:
            lines.append(f"> {text[:300]}")
            lines += [f"< {t}" for t in self.texts(replies)]
        return "\n".join(lines)
