"""Who may call what (issue 11): both servers listen on 127.0.0.1 only, the action server answers only the Rasa
server (a forged call from this machine is refused and writes nothing), and a failing action keeps the conversation
out of the response and the logs."""
from __future__ import annotations

import json
import uuid
from pathlib import Path

from bot.action_server import SECRET_HEADER
from bot.storage.audit import AuditLog
from tests.security.client import Tally, http

LOCALHOST = "0100007F"  # 127.0.0.1 as /proc/net/tcp writes it


def _listening(port: int) -> set[str]:
    """The local addresses a TCP socket listens on for ``port`` (IPv4 and IPv6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def _call(sender: str, text: str, action: str = "action_feedback", slots: object = None) -> dict:
    """An action call as Rasa makes it (rasa_sdk's format)."""
    return {"next_action": action, "sender_id": sender, "version": "3.6.21", "domain": {},
            "tracker": {"sender_id": sender, "slots": slots if slots is not None else {"last_record_id": "r1"},
                        "latest_message": {"text": text, "intent": {"name": "feedback_disagree"}, "entities": []},
                        "events": [{"event": "user", "text": text}], "paused": False, "followup_action": None,
                        "active_loop": {}, "latest_action_name": "action_listen"}}


def test_both_servers_listen_on_localhost_only(stack):
    assert _listening(stack.action_port) == {LOCALHOST}
    assert _listening(stack.rasa_port) == {LOCALHOST}


def test_a_forged_action_call_is_refused_even_from_localhost(stack, tmp_path):
    sender = f"forger-{uuid.uuid4().hex[:8]}"
    body = json.dumps(_call(sender, "disagree because forged")).encode()
    for headers in ({}, {SECRET_HEADER: "guess"}, {SECRET_HEADER: ""}, {"Authorization": f"Bearer {stack.token}"}):
        status, answer, _ = http(Tally(), stack.action_url, body, headers=headers)
        assert status == 401, (headers, status, answer)
    status, _, _ = http(Tally(), stack.action_url.replace("/webhook", "/actions"))
    assert status == 401, "the list of actions is not public either"
    audit = AuditLog(stack.env["AUDIT_DB_URL"], tmp_path / "spool")
    assert not [r for r in audit.records(limit=None) if r["conversation_id"] == audit.conversation_key(sender)]


def test_a_failing_action_keeps_the_conversation_out_of_the_answer_and_the_log(stack):
    marker = f"zebra{uuid.uuid4().hex[:8]}"
    body = json.dumps(_call(f"failing-{marker}", f"my patient {marker}", "action_recommend", slots=[1])).encode()
    status, answer, _ = http(Tally(), stack.action_url, body, headers={SECRET_HEADER: stack.action_secret})
    assert status == 500 and marker not in json.dumps(answer), answer
    assert "Traceback" in stack.log_tail("actions", 200), "the failure itself is logged"
    assert marker not in (stack.log_dir / "actions.log").read_text(errors="replace")


def test_plain_rasa_run_actions_has_the_same_guard(tmp_path):
    """`rasa run actions` (rasa_sdk's own start, at the root; only the port is chosen here, and SANIC_HOST keeps it on
    this machine) gets the secret check and the failure handler through rasa_sdk's plugin hook (actions/__init__.py)."""
    import os
    import signal
    import subprocess
    import sys
    import time
    import urllib.request

    from bot.launch import ROOT, environment, free_port

    port, secret = free_port(), f"test-{uuid.uuid4().hex}"
    env = environment({"ACTION_SERVER_SECRET": secret, "SANIC_HOST": "127.0.0.1", "AUDIT_DB_URL":
                       f"sqlite:///{tmp_path / 'audit.db'}", "AUDIT_SPOOL_DIR": str(tmp_path / "spool")})
    log = open(tmp_path / "actions.log", "wb")
    proc = subprocess.Popen([sys.executable, "-m", "rasa", "run", "actions", "-p", str(port)], cwd=ROOT, env=env,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            assert proc.poll() is None, (tmp_path / "actions.log").read_text()[-3000:]
            try:
                urllib.request.urlopen(url + "/health", timeout=2)
                break
            except OSError:
                assert time.monotonic() < deadline, "rasa run actions did not answer"
                time.sleep(0.5)
        assert _listening(port) == {LOCALHOST}
        marker = f"zebra{uuid.uuid4().hex[:8]}"
        body = json.dumps(_call(f"failing-{marker}", f"my patient {marker}", "action_recommend", slots=[1])).encode()
        for headers in ({}, {SECRET_HEADER: "guess"}):
            status, answer, _ = http(Tally(), url + "/webhook", body, headers=headers)
            assert status == 401, (headers, status, answer)
        status, answer, _ = http(Tally(), url + "/webhook", body, headers={SECRET_HEADER: secret})
        assert status == 500 and marker not in json.dumps(answer), answer
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(30)
        log.close()
