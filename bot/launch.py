"""Start the action server and the Rasa server together, wait until both answer, stop both cleanly.

`make run` (through scripts/run.sh) and the integration tests use this same code, so what the tests start is what
a clinician gets. Everything binds to 127.0.0.1: Rasa's token protects its HTTP API, not its webhooks. The action
server answers only calls carrying a secret this launcher gives both servers (ACTION_SERVER_SECRET), and secrets
travel in the environment, never on a command line (which `ps` shows to every user). A server that dies while
`make run` is up is reported with the end of its log and started again (`Stack.revive`).
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from bot.storage import config

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
PAGE_PATH = "/webhooks/web/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


MODEL_NAME = re.compile(r"alk-([0-9a-f]{16})\.tar\.gz")  # scripts/train.sh: alk-<inputs fingerprint>.tar.gz


def inputs_fingerprint(root: Path = ROOT) -> str:
    """The fingerprint of everything a model is trained on, as scripts/model_inputs.sh prints it (the one place
    that says what the inputs are; scripts/train.sh names the model after it)."""
    script = root / "scripts" / "model_inputs.sh"
    return subprocess.run([str(script)], capture_output=True, text=True, check=True).stdout.strip()


def latest_model(root: Path = ROOT) -> Path:
    """The model `make` trained for the current data (named in models/LATEST by scripts/train.sh). Refuses, saying
    what to run, when there is none or when it was trained on other inputs than the current ones (training data,
    domain, config, knowledge base, extractor: scripts/model_inputs.sh): a stale model can misread what a clinician
    types, and the servers would start with it as if nothing had changed."""
    marker = root / "models" / "LATEST"
    if not marker.exists():
        raise SystemExit("No trained model: run `make run` or `make model` first.")
    name = marker.read_text().strip()
    model = root / "models" / name
    if not model.is_file():
        raise SystemExit(f"models/LATEST names {name}, which is not in models/: run `make model` first.")
    trained_on, current = MODEL_NAME.fullmatch(name), inputs_fingerprint(root)
    if trained_on is None or trained_on[1] != current:
        raise SystemExit(
            f"The model in models/LATEST ({name}) was not trained on the current training inputs (data/, domain.yml, "
            f"config.yml, bot/knowledge, bot/nlu: fingerprint {current}), so it could misread intents. Run "
            "`make model` to train it (or `make run`, which trains first), then start again."
        )
    return model


def environment(overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """The servers' environment: the caller's, the embedded storage defaults where unset, telemetry off."""
    env = dict(os.environ)
    for name in ("TRACKER_DB_URL", "AUDIT_DB_URL", "LOCK_STORE_URL", "AUDIT_SPOOL_DIR"):
        env.setdefault(name, config.setting(name))
    env.update(
        {
            "RASA_TELEMETRY_ENABLED": "false",
            "TF_CPP_MIN_LOG_LEVEL": "3",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "PYTHONPATH": str(ROOT),
        }
    )
    env.update(overrides or {})
    return env


@dataclass
class Stack:
    """One action server and one or more Rasa servers sharing it."""

    model: Path
    rasa_port: int = 5005
    action_port: int = 5055
    token: str = field(default_factory=lambda: os.environ.get("RASA_AUTH_TOKEN") or secrets.token_urlsafe(18))
    action_secret: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    env: dict[str, str] = field(default_factory=dict)
    log_dir: Path = ROOT / "var" / "log"
    with_actions: bool = True
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.rasa_port}"

    @property
    def page_url(self) -> str:
        return self.base_url + PAGE_PATH

    @property
    def action_url(self) -> str:
        return f"http://{HOST}:{self.action_port}/webhook"

    def _env(self) -> dict[str, str]:
        return environment(
            {
                "ACTION_SERVER_URL": self.action_url,
                "RASA_AUTH_TOKEN": self.token,
                "ACTION_SERVER_SECRET": self.action_secret,
                **self.env,
            }
        )

    def _spawn(self, name: str, args: list[str]) -> subprocess.Popen:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        with open(self.log_dir / f"{name}.log", "ab") as log:  # the child keeps its own copy of the descriptor
            proc = subprocess.Popen(
                args, cwd=ROOT, env=self._env(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        self.processes[name] = proc
        return proc

    def start_actions(self) -> None:
        self._spawn(
            "actions", [sys.executable, "-m", "bot.action_server", "--actions", "actions", "-p", str(self.action_port)]
        )

    def start_rasa(self, port: int | None = None, name: str = "rasa") -> str:
        port = port or self.rasa_port
        self._spawn(
            name,
            [
                sys.executable,
                "-m",
                "bot.server",
                "run",
                "--model",
                str(self.model),  # endpoints.yml,
                "--enable-api",
                "-i",
                HOST,
                "-p",
                str(port),
            ],
        )  # credentials.yml; token: RASA_AUTH_TOKEN
        return f"http://{HOST}:{port}"

    def start(self, timeout: float = 180) -> Stack:
        if self.with_actions:
            self.start_actions()
        self.start_rasa()
        self.wait(timeout)
        return self

    def wait(self, timeout: float = 180) -> None:
        """Until every server answers; a server that exits first is reported with the end of its log."""
        urls = {
            name: (
                f"http://{HOST}:{self.action_port}/health"
                if name == "actions"
                else self._url_of(name) + "/webhooks/rest/"
            )
            for name in self.processes
        }
        deadline = time.monotonic() + timeout
        pending = dict(urls)
        while pending:
            for name, url in list(pending.items()):
                proc = self.processes[name]
                if proc.poll() is not None:
                    raise RuntimeError(f"the {name} server exited (code {proc.returncode}):\n{self.log_tail(name)}")
                try:
                    with urllib.request.urlopen(url, timeout=2):
                        del pending[name]
                except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                    pass
            if pending and time.monotonic() > deadline:
                raise TimeoutError(f"not ready after {timeout:.0f} s: {', '.join(pending)}")
            time.sleep(0.3)

    def dead(self) -> list[str]:
        """The servers that have exited."""
        return [name for name, proc in self.processes.items() if proc.poll() is not None]

    def revive(self, timeout: float = 180) -> list[str]:
        """Start again, with the same arguments, every server that has exited; wait until they answer. Returns
        their names. One dead server (a crash, an out-of-memory kill) no longer takes the other one down."""
        dead = self.dead()
        for name in dead:
            self._spawn(name, self._args(name))
        if dead:
            self.wait(timeout)
        return dead

    def _args(self, name: str) -> list[str]:
        return cast(list[str], self.processes[name].args)  # _spawn passes a list of str

    def _url_of(self, name: str) -> str:
        args = self._args(name)
        return f"http://{HOST}:{args[args.index('-p') + 1]}"

    def log_tail(self, name: str, lines: int = 40) -> str:
        path = self.log_dir / f"{name}.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else "(no log)"

    def stop(self, name: str | None = None, timeout: float = 20) -> None:
        """Stop one server (or all): SIGTERM to its process group, SIGKILL if it does not exit in time."""
        for key in [name] if name else list(self.processes):
            proc = self.processes.pop(key, None)
            if proc is None or proc.poll() is not None:
                continue
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()

    def __enter__(self) -> Stack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def shell(stack: Stack) -> int:
    """`rasa shell` with the action server and the stores `make run` uses."""
    stack.start_actions()
    try:
        stack.wait()
        return subprocess.call(
            [sys.executable, "-m", "bot.server", "shell", "--model", str(stack.model)], cwd=ROOT, env=stack._env()
        )
    finally:
        stack.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.launch", description=__doc__)
    parser.add_argument("--port", type=int, default=int(os.environ.get("RASA_PORT", 5005)))
    parser.add_argument("--action-port", type=int, default=int(os.environ.get("ACTION_PORT", 5055)))
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--shell", action="store_true", help="talk to the assistant in this terminal (rasa shell)")
    args = parser.parse_args(argv)
    stack = Stack(model=args.model or latest_model(), rasa_port=args.port, action_port=args.action_port)
    if args.shell:
        return shell(stack)
    start = time.monotonic()
    print(
        f"starting the action server (:{stack.action_port}) and the Rasa server (:{stack.rasa_port}); "
        f"logs in {stack.log_dir}",
        flush=True,
    )
    try:
        stack.start()
    except (RuntimeError, TimeoutError) as err:
        stack.stop()
        print(f"could not start: {err}", file=sys.stderr)
        return 1
    print(
        f"ready in {time.monotonic() - start:.1f} s. Open the clinician page:\n{stack.page_url}\n"
        f"REST: POST {stack.base_url}/webhooks/rest/webhook   HTTP API token (RASA_AUTH_TOKEN): {stack.token}\n"
        "Ctrl-C stops both servers.",
        flush=True,
    )
    stopping = False

    def on_signal(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    failed = supervise(stack, lambda: stopping)
    print("stopping…", flush=True)
    stack.stop()
    return 1 if failed else 0


MAX_RESTARTS = 5  # per server within RESTART_WINDOW seconds; more means it cannot run, so the launcher gives up
RESTART_WINDOW = 300.0


def supervise(stack: Stack, stopping: Callable[[], bool]) -> bool:
    """Watch the servers until ``stopping()``; a server that dies is reported and started again. Returns True when
    the launcher had to give up (a server kept dying or could not start again)."""
    restarts: dict[str, list[float]] = {}
    while not stopping():
        for name in stack.dead():
            now = time.monotonic()
            recent = [t for t in restarts.get(name, []) if t > now - RESTART_WINDOW] + [now]
            restarts[name] = recent
            print(
                f"the {name} server stopped (exit code {stack.processes[name].returncode}); end of its log:\n"
                f"{stack.log_tail(name)}",
                file=sys.stderr,
                flush=True,
            )
            if len(recent) > MAX_RESTARTS:
                print(
                    f"the {name} server stopped {len(recent)} times in {RESTART_WINDOW:.0f} s: giving up",
                    file=sys.stderr,
                    flush=True,
                )
                return True
        if stack.dead():
            try:
                print(f"restarted: {', '.join(stack.revive())}", file=sys.stderr, flush=True)
            except (RuntimeError, TimeoutError) as err:
                print(f"could not restart: {err}", file=sys.stderr, flush=True)
                return True
        time.sleep(0.5)
    return False


if __name__ == "__main__":
    sys.exit(main())
