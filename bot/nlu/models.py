"""The shape of bot/nlu/clinical_phrases.yml, as pydantic models (pydantic 1).

The extractor's vocabulary (vocabulary.py) reads the file through :func:`checked`: every phrase names an entity,
a value and at least one pattern; every cue list is a list of patterns. New keys are let through (a phrase may
carry more than the reader uses yet, and a new cue section is the reader's business): the model guards what the
reader relies on, not the file's growth. Whether a pattern compiles is the vocabulary's check (python -m
bot.nlu.build).
"""
from __future__ import annotations

from typing import Any, Dict, List, Union

from pydantic import BaseModel, Extra, StrictBool, StrictInt, StrictStr

from bot.knowledge.models import check_shape, not_empty

Patterns = List[StrictStr]
CueSection = Dict[StrictStr, Patterns]


class Lenient(BaseModel):
    class Config:
        extra = Extra.allow
        allow_mutation = False


class Phrase(Lenient):
    entity: StrictStr
    value: Union[StrictStr, StrictInt, StrictBool]
    patterns: Patterns
    negated_only: StrictBool = False
    _some = not_empty("patterns", says="must list at least one pattern")


class ClinicalPhrases(Lenient):
    defines: Dict[StrictStr, StrictStr] = {}
    not_negatable: List[StrictStr]
    unchanged_when_new: List[StrictStr]
    phrases: List[Phrase]
    negation: CueSection
    candidate: CueSection
    tki_negation: CueSection
    hypothetical: CueSection
    intolerance: CueSection
    rejected: CueSection   # read by the practice grader too (bot/practice/vocabulary.py)
    preferred: CueSection


def checked(raw: Any) -> Dict[str, Any]:
    """``raw`` if it has the shape of clinical_phrases.yml; otherwise a ValueError naming the entry at fault."""
    return check_shape(ClinicalPhrases, raw, "bot/nlu/clinical_phrases.yml")
