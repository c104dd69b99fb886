"""Drive a case conversation as a clinician would: type the case, answer any question the bot asks from the
structured case, and return the recommendation the bot sends as data."""
from __future__ import annotations

from typing import Any, Mapping

from tests.chat import Chat

# How a clinician answers each question, from the structured case's value.
_WORDS = {True: "yes", False: "no", None: "not known"}


def answer_for(field: str, case: Mapping[str, Any]) -> str:
    value = case.get(field)
    if isinstance(value, bool) or value is None:
        return _WORDS[value]
    if field == "prior_tkis":
        return " then ".join(value)
    if field in ("alk_mutations", "bypass_alterations"):
        return " and ".join(v.replace("_", " ") for v in value) if value else "none found"
    if field == "ecog":
        return f"ECOG {value}"
    return {"cns_only": "CNS only", "oligoprogression": "oligoprogression", "systemic": "systemic progression",
            "tissue": "tissue NGS", "plasma": "plasma ctDNA", "none": "none", "small_cell": "small cell",
            "comfort": "comfort care", "limited": "limited, amenable to SRS"}.get(value, str(value).replace("_", " "))


def consult(chat: Chat, message: str, case: Mapping[str, Any], max_questions: int = 10) -> tuple[dict, dict, list]:
    """Type ``message``; answer questions from ``case``; return (recommendation, case as the bot holds it, asked)."""
    replies = chat.say(message)
    asked: list[str] = []
    for _ in range(max_questions):
        rec = Chat.data(replies, "recommendation")
        if rec is not None:
            return rec, Chat.data(replies, "case"), asked
        field = Chat.data(replies, "asking")
        assert field, f"the bot neither answered nor asked:\n{chat.show()}"
        assert field not in asked[-2:], f"the bot asked for {field} again:\n{chat.show()}"
        asked.append(field)
        replies = chat.say(answer_for(field, case))
    raise AssertionError(f"no recommendation after {max_questions} questions:\n{chat.show()}")
