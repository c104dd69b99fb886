"""Why a form's validation action runs now. Rasa calls it in three situations that need different handling."""
from __future__ import annotations

from typing import Any

ACTIVATION, ANSWER, RESUME = "activation", "answer", "resume"


def turn_kind(events: list[dict[str, Any]], form: str) -> str:
    """'activation' (the form starts), 'answer' (right after the user spoke) or 'resume' (after a rule answered an
    interruption such as a hint or 'why?', the form asks again without reading the message a second time)."""
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=-1)
    after = events[last_user + 1:]
    if any(e.get("event") == "active_loop" and e.get("name") == form for e in after):
        return ACTIVATION
    actions = {e.get("name") for e in after if e.get("event") == "action"}
    return RESUME if actions - {"action_listen", "action_extract_slots", form} else ANSWER
