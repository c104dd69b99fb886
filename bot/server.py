"""Start the Rasa server with the assistant's guards: ``python -m bot.server run …`` takes rasa's own arguments.

Rasa logs a failed custom action and carries on, so a clinician whose action server is down would get an empty
reply. Here every failed call to the action server also sends one plain sentence to the user (once per message),
and the action server's replies are validated without re-checking Rasa's fixed schema each time.
The tracker store's start-up check lives in bot.storage.stores.CheckedSQLTrackerStore (named in endpoints.yml).

Every HTTP answer carries the page's security headers (a Content-Security-Policy without inline script, no framing,
nosniff, no referrer); a path with a NUL answers 400 and the Rasa version is shown only with the token. The token
comes from RASA_AUTH_TOKEN, not the command line, so `ps` does not show it.
"""
from __future__ import annotations

import asyncio
import hmac
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import Any

ACTIONS_DOWN = ("I can't reach the part of the assistant that computes recommendations (the action server is not "
                "answering). Nothing you told me is lost: please try again in a minute, or tell the team running "
                "this service.")


def install_action_failure_reply() -> None:
    """Wrap RemoteAction.run so that a failure the user would not see becomes a sentence they do see."""
    from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
    from rasa.shared.exceptions import RasaException

    if getattr(RemoteAction.run, "_tells_user", False):
        return
    original = RemoteAction.run

    async def run(self: RemoteAction, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> Any:
        try:
            return await original(self, output_channel, nlg, tracker, domain)
        except ActionExecutionRejection:
            raise
        except RasaException:
            if not getattr(output_channel, "_told_actions_down", False):
                output_channel._told_actions_down = True
                await output_channel.send_text_message(tracker.sender_id, ACTIONS_DOWN)
            raise

    run._tells_user = True  # type: ignore[attr-defined]
    RemoteAction.run = run  # type: ignore[method-assign]


def install_cached_response_validation() -> None:
    """Check action-server replies against Rasa's response schema with a validator built once.

    Rasa calls `jsonschema.validate(result, schema)` for every custom action, and jsonschema 4.17 checks the (fixed)
    schema against its meta-schema on every call: about 55 ms of CPU per action, most of a turn's cost here
    (measured with cProfile; see bench/conversation.py). The replies are checked exactly as before."""
    from jsonschema import Draft7Validator, ValidationError
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.constants import DOCS_BASE_URL

    if getattr(RemoteAction._validate_action_result, "_cached", False):
        return
    schema = RemoteAction.action_response_format_spec()
    Draft7Validator.check_schema(schema)  # the schema uses nothing newer than draft 7, whose validator is cheaper
    validator = Draft7Validator(schema)

    def validate(self: RemoteAction, result: Any) -> bool:
        try:
            validator.validate(result)
            return True
        except ValidationError as e:
            e.message += (". Failed to validate Action server response from API, make sure your response from the "
                          f"Action endpoint is valid. For more information about the format visit "
                          f"{DOCS_BASE_URL}/custom-actions")
            raise e

    validate._cached = True  # type: ignore[attr-defined]
    RemoteAction._validate_action_result = validate  # type: ignore[method-assign]


def install_parse_off_the_loop() -> None:
    """Run NLU (tokenising, the clinical extractor, features, the intent classifier) in one worker thread.

    Rasa parses a message synchronously inside its event loop, so a message built to be expensive (thousands of
    mutation names: every finding is compared with the others) held every other clinician for about a second. In a
    thread, the interpreter hands the loop its turn every few milliseconds; one worker keeps the components'
    per-message caches single-threaded. bench/event_loop.py measures the longest hold."""
    from rasa.core.processor import MessageProcessor

    if getattr(MessageProcessor.parse_message, "_off_the_loop", False):
        return
    original = MessageProcessor.parse_message
    worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nlu")

    async def parse_message(self: MessageProcessor, message: Any, tracker: Any = None,
                            only_output_properties: bool = True) -> Any:
        if self.http_interpreter:
            return await original(self, message, tracker, only_output_properties)
        return await asyncio.get_running_loop().run_in_executor(
            worker, lambda: asyncio.run(original(self, message, tracker, only_output_properties)))

    parse_message._off_the_loop = True  # type: ignore[attr-defined]
    MessageProcessor.parse_message = parse_message  # type: ignore[method-assign]


SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                                "form-action 'self'; frame-ancestors 'none'"),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
VERSION_PATHS = ("/", "/version")


def guard_app(app: Any, token: str | None) -> None:
    """Refuse what the routes would answer with a 500 or a version string; add the security headers."""
    from sanic import response

    @app.on_request
    async def refuse(request: Any) -> Any:
        if "\x00" in request.path or b"%00" in request.raw_url:
            return response.json({"error": "a path cannot contain a NUL character"}, status=400)
        if request.path in VERSION_PATHS and not (token and hmac.compare_digest(
                str(request.args.get("token", "")).encode(), token.encode())):
            return response.json({"error": "this needs the HTTP API token (?token=...)"}, status=401)
        return None

    @app.on_response
    async def headers(_request: Any, resp: Any) -> None:
        for name, value in SECURITY_HEADERS.items():
            resp.headers.setdefault(name, value)


def install_http_guards() -> None:
    """Have Rasa's app factory hand every app it builds to guard_app."""
    import inspect

    import rasa.core.run

    if getattr(rasa.core.run.configure_app, "_guarded", False):
        return
    original = rasa.core.run.configure_app
    signature = inspect.signature(original)

    def configure_app(*args: Any, **kwargs: Any) -> Any:
        app = original(*args, **kwargs)
        guard_app(app, signature.bind(*args, **kwargs).arguments.get("auth_token"))
        return app

    configure_app._guarded = True  # type: ignore[attr-defined]
    rasa.core.run.configure_app = configure_app


def rasa_arguments(argv: list[str], env: dict[str, str]) -> list[str]:
    """Rasa's command line, with ``--auth-token`` taken from RASA_AUTH_TOKEN when the caller did not give one:
    this process's argument list is visible to every user of the machine, its environment is not."""
    if env.get("RASA_AUTH_TOKEN") and argv and argv[0] == "run" \
            and not any(a.startswith("--auth-token") for a in argv):
        return [*argv, f"--auth-token={env['RASA_AUTH_TOKEN']}"]  # "=": a token may start with "-"
    return argv


def main(argv: list[str] | None = None) -> None:
    install_action_failure_reply()
    install_cached_response_validation()
    install_http_guards()
    install_parse_off_the_loop()
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *rasa_arguments(sys.argv[1:] if argv is None else argv, dict(os.environ))]
    rasa_main()


if __name__ == "__main__":
    main()
