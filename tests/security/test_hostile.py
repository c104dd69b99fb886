"""Every class of hostile input of issue 11, over REST and socket.io, against the real servers; then a normal case
must still get the right answer. The counts (requests tried, failures) go to tests/artifacts/hostile_counts.json."""
from __future__ import annotations

import json
import uuid

import pytest
import socketio

from bot.decision import decide
from tests.chat import Chat
from tests.security.client import Socket, Tally, http, rest

CASE_TEXT = "ALK+ adeno, alectinib, systemic PD in liver and bone, tissue NGS ALK G1202R, no bypass, ECOG 1"
CASE = {"alk_positive": True, "prior_tkis": ["alectinib"], "progression": "systemic", "ecog": 1, "biopsy": "tissue",
        "alk_mutations": ["G1202R"], "bypass_alterations": []}
BAD_SENDERS = ["a\ud800b", "\udfff", "nul\x00id", "x" * 300, "", " ", 42, None, ["a"], {"id": 1}, "tab\tid",
               "esc\x1b[31mid", "new\nline", "space id", "\u202eevil", "ümlaut", "../../etc/passwd", "%00",
               "id;DROP TABLE events"]
BAD_MESSAGES = ["nul\x00 alectinib", "lone \ud800 surrogate", "([{" * 1666, "!?.,;:-/" * 625, "x" * 6000, "",
                "\x00\x01\x02", "\u202e\u200b\ufeff", "<script>alert(1)</script>", "G1202R " * 700, "\n" * 4000]
TYPED_INTENTS = ["/restart", '/inform{"ecog": 9}']  # their wording is helper dialogue's (issue 11, honest replies)
PATHS = ["/webhooks/web/static/", "/webhooks/web/static/vendor", "/webhooks/web/static/vendor/",
         "/webhooks/web/static/%00", "/webhooks/web/static/app.js%00", "/webhooks/web/%00", "/%00",
         "/webhooks/web/static/..%2f..%2fchannel.py", "/webhooks/rest/webhook%00"]


@pytest.fixture(scope="module")
def tally(artifacts):
    t = Tally()
    yield t
    (artifacts / "hostile_counts.json").write_text(json.dumps({"requests_tried": t.tried,
                                                               "failures": len(t.failures),
                                                               "failed": t.failures}, indent=2))
    print(f"hostile input: {t.tried} requests tried, {len(t.failures)} failures")


def _sender() -> str:
    return f"hostile-{uuid.uuid4().hex[:10]}"


def _answered(status, body) -> bool:
    return status == 200 and isinstance(body, list) and any(r.get("text") for r in body)


def test_rest_refuses_bad_senders_and_bodies_with_a_clear_4xx(stack, tally):
    for sender in BAD_SENDERS:
        status, body, _ = rest(tally, stack.base_url, {"sender": sender, "message": "alectinib"})
        assert status == 400 and "sender id" in body["error"], (repr(sender)[:40], status, body)
    status, body, _ = rest(tally, stack.base_url, {"sender": "web-" + "a" * 20, "message": "hi"})
    assert status == 403, "REST cannot address a web page's session"
    for content_type in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data", None):
        status, body, _ = rest(tally, stack.base_url, {"sender": _sender(), "message": "hi"}, content_type=content_type)
        assert status == 415, (content_type, status, body)  # a page on another origin cannot post JSON without CORS
    for raw in (b"{not json", b"[]", b'"text"', b"null", json.dumps({"sender": _sender(), "message": 5}).encode(),
                json.dumps({"sender": _sender(), "message": "hi", "metadata": "x"}).encode(),
                json.dumps({"sender": _sender(), "message": "hi", "metadata": {"k": "v" * 5000}}).encode()):
        status, body, _ = rest(tally, stack.base_url, None, raw=raw)
        assert status == 400 and body["error"], (raw[:40], status, body)


def test_rest_answers_every_bad_message_with_a_sentence(stack, tally):
    sender = _sender()
    for text in BAD_MESSAGES + TYPED_INTENTS:
        status, body, _ = rest(tally, stack.base_url, {"sender": sender, "message": text})
        assert _answered(status, body), (repr(text)[:40], status, body)


def test_paths_and_nul_bytes_answer_4xx(stack, tally):
    for path in PATHS:
        status, _, _ = http(tally, stack.base_url + path)
        assert status is not None and 400 <= status < 500, (path, status)


def test_socketio_refuses_bad_sessions_and_payloads_with_an_error_event(stack, tally):
    sock = Socket(tally, stack.base_url)
    try:
        sock.emit("user_uttered", {"message": "alectinib", "session_id": "anything"})
        assert "reload" in sock.wait("session_error", 20)["text"], "a message before a session is refused"
        for asked in ["a\ud800b", "nul\x00id", "x" * 300, 42, ["a"], "web-" + "b" * 43]:
            sock.emit("session_request", {"session_id": asked})
            assert sock.wait("session_error", 20)["text"]
            sock.wait("session_secret", 20)
            given = sock.wait("session_confirm", 20)
            assert given != asked and given.startswith("web-") and len(given) > 40
        for payload in ("just a string", ["a"], None, 7):
            sock.emit("session_request", payload)
            assert sock.wait("session_confirm", 20).startswith("web-")
        for text in BAD_MESSAGES:
            replies = sock.say(text)
            assert any(r.get("text") for r in replies), repr(text)[:40]
        for data in ({"message": 5}, {"message": "hi", "metadata": "{not json"}, {"message": "hi", "metadata": [1]},
                     "not an object", None):
            sock.emit("user_uttered", data)
            got, _ = sock.events.get(timeout=60)
            assert got in ("bot_uttered", "session_error"), (data, got)
    finally:
        sock.close()


def test_then_a_normal_case_still_gets_the_right_answer(stack, tally):
    assert stack.processes["rasa"].poll() is None and stack.processes["actions"].poll() is None, "both servers up"
    expected = decide(CASE)["preferred"][0]["therapy"]
    status, body, _ = rest(tally, stack.base_url, {"sender": _sender(), "message": CASE_TEXT})
    assert status == 200
    rec, case = Chat.data(body, "recommendation"), Chat.data(body, "case")
    assert {k: case[k] for k in CASE} == CASE and rec["preferred"][0]["therapy"] == expected
    sock = Socket(tally, stack.base_url)
    try:
        sock.session()
        replies = sock.say(CASE_TEXT)
    finally:
        sock.close()
    [rec] = [r["custom"]["recommendation"] for r in replies if "recommendation" in (r.get("custom") or {})]
    assert rec["preferred"][0]["therapy"] == expected
    assert not tally.failures, tally.failures


def test_a_page_on_another_origin_cannot_open_a_socket(stack, tally):
    for origin in ("http://evil.example", "null", f"http://127.0.0.1:{stack.rasa_port + 1}", "https://127.0.0.1"):
        with pytest.raises(socketio.exceptions.ConnectionError):
            Socket(tally, stack.base_url, origin=origin)
    Socket(tally, stack.base_url, origin=f"http://127.0.0.1:{stack.rasa_port}").close()  # the page's own origin


def _user_texts(stack, sender: str) -> list[str]:
    status, body, _ = http(Tally(), f"{stack.base_url}/conversations/{sender}/tracker?token={stack.token}")
    assert status == 200
    return [e["text"] for e in body["events"] if e["event"] == "user"]


def test_a_session_is_bound_to_its_socket_and_resumed_only_with_its_secret(stack, tally):
    victim, attacker, second_tab = (Socket(tally, stack.base_url) for _ in range(3))
    try:
        victim_id, secret = victim.session()
        victim.say("alectinib")
        attacker.emit("session_request", {"session_id": victim_id})  # the id without the secret
        assert attacker.wait("session_error", 20)
        attacker.wait("session_secret", 20)
        assert attacker.wait("session_confirm", 20) != victim_id
        attacker.emit("user_uttered", {"message": "actually it was brigatinib", "session_id": victim_id})
        attacker.wait("bot_uttered")
        assert "actually it was brigatinib" not in _user_texts(stack, victim_id), "the victim's case is untouched"
        assert not [e for e in victim.events.queue if e[0] == "bot_uttered"], "the victim got none of its replies"
        assert second_tab.session(victim_id, secret)[0] == victim_id, "the page's own secret resumes the session"
        second_tab.say("ECOG 1")
        assert _user_texts(stack, victim_id)[-1] == "ECOG 1"
    finally:
        for s in (victim, attacker, second_tab):
            s.close()


def test_a_trainee_cannot_act_as_another_trainee(stack, tally):
    first = Chat(stack.base_url, sender=_sender())
    first.say("practice")
    first.say("lorlatinib, because of the G1202R")
    assert Chat.data(first.say("stats"), "practice_stats"), first.show()
    other = Chat(stack.base_url, sender=_sender())
    stats = other.say("stats", metadata={"trainee_id": first.sender})
    assert Chat.data(stats, "practice_stats") is None, other.show()


def test_security_headers_and_the_version_behind_the_token(stack, tally):
    status, page, headers = http(tally, stack.page_url)
    assert status == 200
    csp = headers["Content-Security-Policy"]
    script_src = next(d for d in csp.split(";") if d.strip().startswith(("script-src", "default-src")))
    assert "'self'" in script_src and "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
    assert "frame-ancestors 'none'" in csp or headers.get("X-Frame-Options") == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["Referrer-Policy"] == "no-referrer"
    assert "<script>" not in page.replace(" ", ""), "no inline script: the policy would block it"
    for path in ("/", "/version"):
        status, body, _ = http(tally, stack.base_url + path)
        assert status == 401 and "3.6" not in json.dumps(body), (path, status, body)
        status, body, _ = http(tally, f"{stack.base_url}{path}?token={stack.token}")
        assert status == 200 and "3.6" in json.dumps(body)
