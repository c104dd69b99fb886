"""One Rasa session per case: which messages begin a case, and what the new session keeps from the one before.

Rasa loads, replays and featurises the whole current session on every turn and sends it to the action server with
every custom action, so a session spanning many cases made each turn slower as the conversation grew (×6-20 by
message 300, issue 14). bot.server therefore starts a new session before a message that begins another case ("new
case", "back to clinical use", the next practice case), keeping only the slots named here. Earlier cases are not
lost: the tracker store keeps every session, the audit log every answer, the page its transcript. A session that
starts for Rasa's own reasons (the first message, or after `session_expiration_time`) keeps every slot, as Rasa's
`carry_over_slots_to_new_session` says: a clinician coming back to an unfinished case finds it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot import intents

CASE_STARTS = intents.CASE_STARTS  # intents that begin another case (bot/intents.py)
# What a new case keeps: the trainee's practice session (the filter asked for, the cases seen, one result per case:
# "skip" moves on and the summary covers the sitting), and Rasa's slot with the metadata the client sent when the
# conversation began. Nothing of the previous case is kept.
CARRIED_ACROSS_CASES: tuple[str, ...] = ("practice_session", "session_started_metadata")


def carried_slots(slots: Mapping[str, Any]) -> dict[str, Any]:
    """The slot values the next case's session starts with, from the current session's."""
    return {name: slots[name] for name in CARRIED_ACROSS_CASES if slots.get(name) is not None}
