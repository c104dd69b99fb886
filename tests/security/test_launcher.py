"""`make run`'s launcher (python -m bot.launch): secrets stay off the command line (`ps` shows it to every user),
and a server that dies is reported and started again instead of taking the other one down."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from bot.launch import free_port
from tests.chat import Chat

ROOT = Path(__file__).resolve().parents[2]


def _children(pid: int) -> dict[int, str]:
    """Child processes of ``pid`` and their command lines, as `ps` shows them."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found[int(entry.name)] = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except (OSError, IndexError, ValueError):
                continue
    return found


class Output(threading.Thread):
    """The launcher's output, read as it comes."""

    def __init__(self, stream):
        super().__init__(daemon=True)
        self.stream, self.text = stream, ""

    def run(self) -> None:
        for line in self.stream:
            self.text += line

    def wait_for(self, pattern: str, timeout: float = 300) -> re.Match:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = re.search(pattern, self.text)
            if found:
                return found
            time.sleep(0.5)
        raise AssertionError(f"{pattern!r} not in the launcher's output:\n{self.text[-3000:]}")


def test_launcher_keeps_secrets_off_the_command_line_and_restarts_a_dead_server(tmp_path):
    rasa_port = free_port()
    env = {**os.environ, "TRACKER_DB_URL": f"sqlite:///{tmp_path / 'tracker.db'}",
           "AUDIT_DB_URL": f"sqlite:///{tmp_path / 'audit.db'}", "AUDIT_SPOOL_DIR": str(tmp_path / "spool"),
           "LOCK_STORE_URL": "memory://"}
    env.pop("RASA_AUTH_TOKEN", None)
    launcher = subprocess.Popen([sys.executable, "-m", "bot.launch", "--port", str(rasa_port),
                                 "--action-port", str(free_port())], cwd=ROOT, env=env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    output = Output(launcher.stdout)
    output.start()
    try:
        token = output.wait_for(r"RASA_AUTH_TOKEN\): (\S+)")[1]
        children = _children(launcher.pid)
        assert len(children) == 2, children
        for cmdline in children.values():
            assert token not in cmdline and "--auth-token" not in cmdline and "SECRET" not in cmdline, cmdline
        base_url = f"http://127.0.0.1:{rasa_port}"
        chat = Chat(base_url)
        chat.say("alectinib")
        [rasa_pid] = [pid for pid, cmdline in children.items() if "bot.server" in cmdline]
        os.kill(rasa_pid, signal.SIGKILL)
        output.wait_for(r"the rasa server stopped")
        output.wait_for(r"restarted: rasa")
        assert launcher.poll() is None, "the launcher carries on"
        replies = chat.say("ECOG 1")
        assert Chat.texts(replies) and Chat.data(replies, "case")["prior_tkis"] == ["alectinib"], chat.show()
    finally:
        launcher.send_signal(signal.SIGINT)
        try:
            launcher.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(launcher.pid, signal.SIGKILL)
            launcher.wait()
    assert launcher.returncode == 0, output.text[-2000:]


def test_launcher_refuses_to_start_when_the_model_does_not_load(tmp_path):
    """`make run` with a model that cannot be loaded (a stale pipeline under var/nlu took the model down the same
    way): the launcher stops both servers and says what to run, rather than serving the failure sentence."""
    model = tmp_path / "alk-damaged.tar.gz"
    model.write_bytes(b"\x1f\x8b not a model archive" * 64)
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="3",
               TRACKER_DB_URL=f"sqlite:///{tmp_path / 'tracker.db'}", AUDIT_DB_URL=f"sqlite:///{tmp_path / 'a.db'}",
               AUDIT_SPOOL_DIR=str(tmp_path / "spool"), LOCK_STORE_URL="memory://")
    rasa_port, action_port = free_port(), free_port()
    launcher = subprocess.Popen([sys.executable, "-m", "bot.launch", "--model", str(model), "--port", str(rasa_port),
                                 "--action-port", str(action_port)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True)
    output = Output(launcher.stdout)
    output.start()
    try:
        deadline = time.monotonic() + 400
        while launcher.poll() is None and "ready in" not in output.text and time.monotonic() < deadline:
            time.sleep(0.3)
        assert "ready in" not in output.text, "the launcher served a model that does not load"
        assert launcher.wait(30) == 1
    finally:
        if launcher.poll() is None:
            launcher.send_signal(signal.SIGINT)
            launcher.wait(60)
    output.join(10)
    assert "could not start" in output.text and "make nlu model" in output.text, output.text[-3000:]
    assert not [pid for pid, cmd in _children(os.getpid()).items() if str(rasa_port) in cmd or str(action_port) in cmd]
