"""The action server: rasa_sdk's app, on 127.0.0.1, answering only the Rasa server (``python -m bot.action_server``).

Stock rasa_sdk listens on every interface, runs any caller's action call, and on a failing action logs and returns the
request body, i.e. the whole conversation. Here every call except /health must carry the secret the launcher gives both
servers (ACTION_SERVER_SECRET; Rasa sends it as a header, endpoints.yml), so a forged call that would write audit
or feedback records is refused even from this machine; and a failing action is logged with its traceback only.
"""
from __future__ import annotations

import argparse
import hmac
import logging
import os
import sys
from typing import Any

SECRET_HEADER = "X-Action-Secret"
HOST = "127.0.0.1"
log = logging.getLogger("bot.action_server")


def create_app(secret: str, package: str = "actions") -> Any:
    """rasa_sdk's Sanic app for ``package`` with the secret check and a failure handler that keeps data out."""
    if not secret:
        raise ValueError("the action server needs a secret (ACTION_SERVER_SECRET)")
    from rasa_sdk.endpoint import create_app as sdk_app
    from sanic import response

    app = sdk_app(package, cors_origins=None)

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.action_server", description=__doc__)
    parser.add_argument("-p", "--port", type=int, default=5055)
    parser.add_argument("--actions", default="actions")
    args = parser.parse_args(argv)
    secret = os.environ.get("ACTION_SERVER_SECRET", "")
    if not secret:
        print("ACTION_SERVER_SECRET is not set: start the servers with `make run` (bot/launch.py), which sets it.",
              file=sys.stderr)
        return 2
    from bot.profiling import profile_process_if_asked

    profile_process_if_asked(".actions")  # only with ALKBOT_PROFILE set (bot/profiling.py)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    create_app(secret, args.actions).run(HOST, args.port, workers=1, access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
