"""Shared fixtures for the decision-module tests: the knowledge base, the engine and the output schema."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from bot import knowledge
from bot.decision import decide

SCHEMAS = Path(__file__).resolve().parents[2] / "bot" / "schemas"


@pytest.fixture(scope="session")
def kb() -> knowledge.KnowledgeBase:
    return knowledge.default()


@pytest.fixture(scope="session")
def rec_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / "recommendation.schema.json").read_text())
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="session")
def case_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / "case.schema.json").read_text())
    return jsonschema.Draft202012Validator(schema)


def options(rec: dict) -> list[str]:
    """Therapy ids offered (preferred then alternatives)."""
    return [o["therapy"] for o in rec["preferred"] + rec["alternatives"]]


def fired(rec: dict) -> list[str]:
    return [r["rule"] for r in rec["rationale"]]


BASE = {"alk_positive": True, "histology": "adenocarcinoma", "prior_tkis": ["alectinib"], "progression": "systemic",
        "ecog": 1, "biopsy": "tissue", "alk_mutations": [], "bypass_alterations": [], "alk_fusion_at_progression": True,
        "strong_cyp3a_inducer": False}


def case(**changes) -> dict:
    """A complete systemic-progression case after alectinib, with the given fields changed (None removes one)."""
    out = dict(BASE, **changes)
    return {k: v for k, v in out.items() if v is not None}


def run(**changes) -> dict:
    return decide(case(**changes))
