"""One finding read from a message: what it is, where it stands, and in which role it was stated.

Kept apart from the reader so that the field logic (fields.py) and the Rasa component share it without importing
the reader's regular expressions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

NEGATED, CANDIDATE, HYPOTHETICAL = "negated", "candidate", "hypothetical"
ROLES = (NEGATED, CANDIDATE, HYPOTHETICAL)


@dataclass(frozen=True)
class Entity:
    """``role``: None (stated present), ``negated`` (stated absent), ``candidate`` (a TKI named as an option) or
    ``hypothetical`` (inside a question, a what-if or an uncertain clause). ``stated_role`` is the role the words
    would have outside the question: what a what-if supposes."""

    entity: str
    value: str
    start: int
    end: int
    text: str
    role: str | None = None
    stated_role: str | None = None

    def as_rasa(self) -> dict[str, Any]:
        out = {"entity": self.entity, "value": self.value, "start": self.start, "end": self.end}
        return {**out, "role": self.role} if self.role else out


def as_dict(e: Mapping[str, Any] | Entity) -> Mapping[str, Any]:
    """Our entities and Rasa's entity dicts alike."""
    return e if isinstance(e, Mapping) else e.as_rasa()
