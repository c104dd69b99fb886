"""The case as the conversation holds it: one slot per case.schema.json field, read and written here only.

Every message may state findings; they overwrite what was said before (a correction is just a newer statement).
What a short answer means depends on the question it answers ("1" to the ECOG question, "yes" to the brain
metastases question), so the requested slot is used to read it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from bot.decision import FIELDS
from bot.nlu.extractor import case_fields, did_you_mean
from bot.render import FIELD_LABELS

CASE_SLOTS: tuple[str, ...] = tuple(FIELDS)
BOOLEAN_FIELDS = frozenset({"alk_positive", "alk_fusion_at_progression", "brain_metastases", "leptomeningeal",
                            "symptomatic", "compound", "strong_cyp3a_inducer", "prior_chemotherapy",
                            "prior_immunotherapy", "cyp3a_inducer_stoppable", "strong_cyp3a_inhibitor"})
LIST_FIELDS = frozenset({"alk_mutations", "bypass_alterations", "intolerant_tkis"})
MAX_MESSAGE = 5000  # characters read from one message; a pasted note longer than this is asked to be trimmed

_BARE_ECOG = re.compile(r"^\s*(?:ecog|ps|who)?\s*:?\s*([0-4])\s*\.?\s*$", re.IGNORECASE)
_BARE_REGION = re.compile(r"^\s*([A-Za-z]{2})\s*\.?\s*$")
_NONE = re.compile(r"^\s*(?:none(?: found| detected)?|no(?:ne|thing)?|negative|nil|not detected)\s*\.?\s*$", re.IGNORECASE)


@dataclass
class Reading:
    """What one message says about the case."""
    updates: dict[str, Any] = field(default_factory=dict)
    skip: bool = False          # "not known" to the question asked
    problems: list[str] = field(default_factory=list)
    too_long: bool = False

    @property
    def understood(self) -> bool:
        return bool(self.updates) or self.skip


def case_from_slots(slots: Mapping[str, Any]) -> dict[str, Any]:
    """The case document (case.schema.json) from the tracker's slots: known fields only."""
    return {name: slots[name] for name in CASE_SLOTS if slots.get(name) is not None}


def read_message(message: Mapping[str, Any], requested: str | None) -> Reading:
    """The case fields a user message states, read in the light of the question it answers."""
    text = message.get("text") or ""
    intent = (message.get("intent") or {}).get("name")
    reading = Reading()
    if len(text) > MAX_MESSAGE:
        reading.too_long = True
        return reading
    entities = message.get("entities") or []
    reading.updates = dict(case_fields(entities))
    for entity in entities:
        if entity.get("entity") == "unknown_drug":
            word = str(entity.get("value") or entity.get("text") or "")
            guess = did_you_mean(word)
            hint = f": did you mean {guess}?" if guess else ". I know crizotinib, ceritinib, alectinib, brigatinib, " \
                                                             "ensartinib, lorlatinib, iruplinalkib and envonalkib."
            reading.problems.append(f"I don't know '{word}' as an ALK inhibitor{hint}")
    if requested and requested not in reading.updates:
        if intent in ("dont_know", "practice_skip"):
            reading.skip = True
        elif requested in BOOLEAN_FIELDS and intent in ("affirm", "deny"):
            reading.updates[requested] = intent == "affirm"
        elif requested == "ecog" and (m := _BARE_ECOG.match(text)):
            reading.updates["ecog"] = int(m.group(1))
        elif requested == "region" and (m := _BARE_REGION.match(text)):
            reading.updates["region"] = m.group(1).upper()
        elif requested in LIST_FIELDS and _NONE.match(text):
            reading.updates[requested] = []
    return reading


def changed_slots(tracker: Any, values: Mapping[str, Any]) -> list[Any]:
    """SlotSet events for the values that differ from the tracker's (an unchanged slot costs an event anyway)."""
    from rasa_sdk.events import SlotSet

    current = tracker.current_slot_values()
    return [SlotSet(name, value) for name, value in values.items() if current.get(name) != value]


def label(field_name: str) -> str:
    """How a field is named to a clinician."""
    return FIELD_LABELS.get(field_name, field_name.replace("_", " "))
