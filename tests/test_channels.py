"""Every channel in credentials.yml passes the door (bot/channels/door.py) before Rasa sees a message.

Each HTTP channel is served alone by a Sanic app in this process, with a stand-in for Rasa that records what
reaches it, and is sent the same hostile requests: nothing unreadable may reach Rasa. A channel added to
credentials.yml without a probe here fails `test_every_channel_has_a_door_probe` (README, "Adding things: a channel").
The page's socket.io channel is probed over a real socket in tests/security/test_hostile.py.
"""
from __future__ import annotations

import asyncio
import json
import uuid

import aiohttp
import pytest
import yaml
from rasa.shared.utils.common import class_from_module_path
from sanic import Sanic

from bot.launch import ROOT, free_port

BAD_SENDERS = ["a\ud800b", "nul\x00id", "x" * 300, "", "space id", 42, None, "web-" + "a" * 20]
BAD_MESSAGES = ["", "\x00\x01", "x" * 6000]


def credential_channels() -> dict[str, type]:
    names = yaml.safe_load((ROOT / "credentials.yml").read_text())
    return {cls.name(): cls for cls in map(class_from_module_path, names)}


async def served(channel, probe) -> list:
    """Serve ``channel`` alone on a free port, run ``probe(url, session)``; what reached Rasa."""
    reached: list = []

    async def on_new_message(message) -> None:
        reached.append(message)
        await message.output_channel.send_text_message(message.sender_id, "ok")

    app = Sanic(f"door_{channel.name()}_{uuid.uuid4().hex[:6]}")
    Sanic.test_mode = True  # Sanic 21.12 rewrites its classes at each start; test mode keeps their originals
    prefix = "/webhooks/" + channel.url_prefix()  # as rasa.core.run registers a channel
    app.blueprint(channel.blueprint(on_new_message), url_prefix=prefix)
    port = free_port()
    server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False)
    await server.startup()
    try:
        async with aiohttp.ClientSession() as session:
            await probe(f"http://127.0.0.1:{port}{prefix}", session, reached)
    finally:
        server.close()
        await server.wait_closed()
    return reached


async def post(session, url: str, payload, content_type: str = "application/json") -> tuple[int, object]:
    data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    async with session.post(url, data=data, headers={"Content-Type": content_type}) as resp:
        text = await resp.text()
        try:
            return resp.status, json.loads(text)
        except ValueError:
            return resp.status, text


def conversation_webhook(path: str):
    """A channel whose client names the sender and sends the text (REST, the template's webhook)."""
    async def probe(base: str, session, reached: list) -> None:
        url = base + path
        for sender in BAD_SENDERS:
            status, body = await post(session, url, {"sender": sender, "message": "alectinib"})
            assert status in (400, 403), (repr(sender)[:30], status, body)
        for text in BAD_MESSAGES:
            status, body = await post(session, url, {"sender": "door-test", "message": text})
            assert status == 200 and body[0]["text"] and body[0]["text"] != "ok", (repr(text)[:30], body)
        status, _ = await post(session, url, {"sender": "door-test", "message": "hi"}, "text/plain")
        assert status == 415
        status, _ = await post(session, url, {"sender": "door-test", "message": "hi", "metadata": {"k": "v" * 5000}})
        assert status == 400
        assert not reached, "a message the door should have stopped reached Rasa"
        status, body = await post(session, url, {"sender": "door-test", "message": "nul\x00 ok",
                                                 "metadata": {"trainee_id": "someone-else", "page": 1}})
        assert status == 200 and body == [{"recipient_id": "door-test", "text": "ok"}], body
        assert [(m.text, m.metadata) for m in reached] == [("nul  ok", {"page": 1})]
    return probe


async def cds_door(base: str, session, reached: list) -> None:
    url = base + "/cds-services/alk-next-line"
    status, _ = await post(session, url, b"{" + b" " * 2_000_001 + b"}")
    assert status == 413
    status, _ = await post(session, url, b"not json")
    assert status == 400
    async with session.options(url, headers={"Origin": "https://elsewhere.example"}) as resp:
        assert "Access-Control-Allow-Origin" not in resp.headers
    assert not reached


PROBES = {
    "rest": conversation_webhook("/webhook"),
    "cds": cds_door,
    "template": conversation_webhook("/webhook"),
    "web": None,  # socket.io: tests/security/test_hostile.py::test_socketio_refuses_bad_sessions_and_payloads...
}


def test_every_channel_has_a_door_probe():
    missing = set(credential_channels()) - set(PROBES)
    assert not missing, f"channels in credentials.yml without a door probe in {__file__}: {missing}"


@pytest.mark.parametrize("name", sorted(n for n, p in PROBES.items() if p))
def test_the_door_stops_what_rasa_must_not_see(name, monkeypatch, tmp_path):
    monkeypatch.setenv("AUDIT_DB_URL", f"sqlite:///{tmp_path / 'audit.db'}")
    monkeypatch.delenv("CDS_JWT_JWKS", raising=False)
    from bot.channels.template import TemplateInput

    channel = {**credential_channels(), "template": TemplateInput}[name]()
    asyncio.run(served(channel, PROBES[name]))
