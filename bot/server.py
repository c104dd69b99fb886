"""Start the Rasa server with the assistant's guards: ``python -m bot.server run …`` takes rasa's own arguments.

Rasa logs a failed custom action and carries on, so a clinician whose action server is down would get an empty
reply. Here every failed call to the action server also sends one plain sentence to the user (once per message).
The tracker store's start-up check lives in bot.storage.stores.CheckedSQLTrackerStore (named in endpoints.yml).
"""
from __future__ import annotations

import sys
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


def main(argv: list[str] | None = None) -> None:
    install_action_failure_reply()
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *(sys.argv[1:] if argv is None else argv)]
    rasa_main()


if __name__ == "__main__":
    main()
