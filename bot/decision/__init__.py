"""The deterministic decision module: ``decide(case)`` -> a recommendation.schema.json document.

Pure: no Rasa, spaCy or SQLAlchemy import anywhere below this package (design.md). The knowledge base is read
once per process, on first use.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from bot import knowledge
from bot.decision.case import FIELDS, Case, CaseError, case_to_dict, validate_case
from bot.decision.engine import Engine, Recommendation

__all__ = [
    "FIELDS",
    "Case",
    "CaseError",
    "Engine",
    "Recommendation",
    "case_to_dict",
    "decide",
    "default_engine",
    "validate_case",
]


@lru_cache(maxsize=1)
def default_engine() -> Engine:
    """The engine over the project's knowledge base, built (and checked) once per process."""
    return Engine(knowledge.default())


def decide(case: Mapping[str, Any] | Case) -> Recommendation:
    """The recommendation for ``case``. A case the schema rejects raises CaseError (a ValueError)."""
    return default_engine().decide(case)
