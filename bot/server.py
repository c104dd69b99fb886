"""Start the Rasa server: ``python -m bot.server run …`` takes rasa's own arguments.

The same Rasa as a plain `rasa run`: the changes to Rasa's private code (a sentence for the user when the action
server does not answer, the cached reply validation and event lookup, parsing off the event loop, a session per
case, the HTTP guards, the action endpoint from the environment) all live in bot/rasa_patches.py, which Rasa
applies when it imports our channels, stores and NLU components; `main` applies them first as well. The one
addition: the token for Rasa's HTTP API comes from RASA_AUTH_TOKEN, not the command line, so `ps` does not show it.
"""
from __future__ import annotations

import os
import sys

from bot import rasa_patches


def rasa_arguments(argv: list[str], env: dict[str, str]) -> list[str]:
    """Rasa's command line, with ``--auth-token`` taken from RASA_AUTH_TOKEN when the caller did not give one:
    this process's argument list is visible to every user of the machine, its environment is not."""
    if env.get("RASA_AUTH_TOKEN") and argv and argv[0] == "run" \
            and not any(a.startswith("--auth-token") for a in argv):
        return [*argv, f"--auth-token={env['RASA_AUTH_TOKEN']}"]  # "=": a token may start with "-"
    return argv


def main(argv: list[str] | None = None) -> None:
    rasa_patches.apply()
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *rasa_arguments(sys.argv[1:] if argv is None else argv, dict(os.environ))]
    rasa_main()


if __name__ == "__main__":
    main()
