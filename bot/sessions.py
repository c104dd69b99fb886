"""One Rasa session per case: which messages begin a case, and what a new session keeps from the one before.

Rasa loads, replays and featurises the whole current session on every turn and sends it to the action server with
every custom action, so a session spanning many cases makes each turn slower as the conversation grows (×6-12 by
message 300, issue 14). bot.server therefore starts a new session before a message that begins another case ("new
case", "back to clinical use", the next practice case), and action_session_start (actions/session.py) carries over
only what this module names. Earlier cases are not lost: the tracker store keeps every session, the audit log every
answer, the page its transcript.
"""
from __future__ import annotations

from typing import Any, Mapping

CASE_STARTS = frozenset({"start_case", "start_over", "practice_start"})  # intents that begin another case
CASE_BOUNDARY = "case_boundary"  # key of the session_started_metadata slot: the intent that began the case
METADATA_SLOT = "session_started_metadata"  # Rasa's slot for the metadata of the message that started a session
# What a new case keeps: the client's metadata (the page's trainee_id). The trainee id and the page's other
# metadata also arrive with every message, so nothing else is needed; nothing of the previous case is kept.
CARRIED_ACROSS_CASES: tuple[str, ...] = (METADATA_SLOT,)


def carried_slots(slots: Mapping[str, Any], carry_over_slots: bool = True) -> dict[str, Any]:
    """The slot values a new session starts with, from the last session's.

    At a case boundary (marked in the metadata slot by bot.server) only CARRIED_ACROSS_CASES, without the mark, so
    that a later session start without metadata is not taken for another boundary. Otherwise (the first message,
    or after session_expiration_time) every slot, as Rasa's own action does with `carry_over_slots`: a clinician
    coming back to an unfinished case finds it."""
    metadata = slots.get(METADATA_SLOT)
    boundary = isinstance(metadata, Mapping) and bool(metadata.get(CASE_BOUNDARY))
    carry_all = carry_over_slots and not boundary
    keep = {name: value for name, value in slots.items()
            if value is not None and (carry_all or name in CARRIED_ACROSS_CASES)}
    if boundary:
        keep[METADATA_SLOT] = {k: v for k, v in metadata.items() if k != CASE_BOUNDARY}
    return keep
