"""The action server: rasa_sdk's app, answering only the Rasa server.

Stock rasa_sdk runs any caller's action call, and on a failing action logs and returns the request body, i.e. the
whole conversation. Here every call except /health must carry the action server's secret (header X-Action-Secret;
ACTION_SERVER_SECRET, or var/action_server_secret.key when unset, bot.storage.config.secret), which the Rasa server
sends (bot/rasa_patches.py), so a forged call that would write audit or feedback records is refused even from this
machine; and a failing action is logged with its traceback only (`guard`).

Two ways to start it, with the same guard:
- `python -m bot.action_server` (what `make run` starts): on 127.0.0.1 only, CORS off.
- plain `rasa run actions` at the root: actions/__init__.py registers `RasaSdkGuard` with rasa_sdk's plugin hook,
  so the secret check and the failure handler are in place; rasa_sdk itself still listens on every interface
  (SANIC_HOST=127.0.0.1 binds it to this machine) and answers CORS for any origin (the secret still holds).
"""
from __future__ import annotations

import argparse
import hmac
import logging
import sys
from typing import Any

import pluggy

SECRET_HEADER = "X-Action-Secret"
HOST = "127.0.0.1"
log = logging.getLogger("bot.action_server")


def action_secret() -> str:
    from bot.storage import config

    return config.secret("ACTION_SERVER_SECRET").decode()


def guard(app: Any, secret: str) -> Any:
    """Refuse calls without ``secret``; log a failing action's traceback and answer without the request's data."""
    if not secret:
        raise ValueError("the action server needs a secret (ACTION_SERVER_SECRET)")
    from sanic import response

    @app.on_request
    async def authenticate(request: Any) -> Any:
        if request.path == "/health":
            return None
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            return response.json({"error": "this server answers the assistant's Rasa server only"}, status=401)
        return None

    @app.exception(Exception)
    async def failure(request: Any, exception: Exception) -> Any:
        log.error("action call %s failed (%s)", request.path, type(exception).__name__, exc_info=exception)
        return response.json({"error": "the action failed; the action server's log has the traceback"}, status=500)

    return app


def create_app(secret: str, package: str = "actions") -> Any:
    """rasa_sdk's Sanic app for ``package`` with the secret check and a failure handler that keeps data out."""
    from rasa_sdk.endpoint import create_app as sdk_app

    return guard(sdk_app(package, cors_origins=None), secret)


class RasaSdkGuard:
    """rasa_sdk's plugin hook (rasa_sdk.plugin): `rasa run actions` hands it the app it built."""

    @staticmethod
    @pluggy.HookimplMarker("rasa_sdk")
    def attach_sanic_app_extensions(app: Any) -> None:
        guard(app, action_secret())


def register_with_rasa_sdk() -> None:
    """Have a plain `rasa run actions` guard its app (called by actions/__init__.py; registering twice is a no-op)."""
    from rasa_sdk.plugin import plugin_manager

    manager = plugin_manager()
    if not manager.is_registered(RasaSdkGuard):
        manager.register(RasaSdkGuard)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.action_server", description=__doc__)
    parser.add_argument("-p", "--port", type=int, default=5055)
    parser.add_argument("--actions", default="actions")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    create_app(action_secret(), args.actions).run(HOST, args.port, workers=1, access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
