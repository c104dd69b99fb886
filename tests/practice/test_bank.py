"""The case bank is consistent with the engine, the schema and the knowledge base, and a broken bank fails loudly."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import jsonschema
import pytest
import yaml

from bot import knowledge
from bot.decision import decide
from bot.decision.engine import RULE_ORDER
from bot.practice import bank, findings

SCHEMA = json.loads((Path(bank.__file__).resolve().parents[1] / "schemas" / "case.schema.json").read_text())
CASES = bank.cases()


def fired(rec: dict) -> list[str]:
    return [r["rule"] for r in rec["rationale"]]


def test_bank_has_at_least_40_cases_over_every_topic_and_difficulty():
    assert len(CASES) >= 40
    assert {c.topic for c in CASES} == set(bank.TOPICS)
    assert {c.difficulty for c in CASES} == set(bank.DIFFICULTIES)


@pytest.mark.parametrize("practice_case", CASES, ids=lambda c: c.id)
def test_case_is_schema_valid(practice_case):
    jsonschema.Draft202012Validator(SCHEMA).validate(practice_case.case)


@pytest.mark.parametrize("practice_case", CASES, ids=lambda c: c.id)
def test_case_decides_without_needs_information_unless_it_is_about_missing_information(practice_case):
    rec = bank.expected(practice_case.id)
    assert (rec["status"] == "needs_information") == practice_case.about_missing_information, rec["missing"]


@pytest.mark.parametrize("practice_case", CASES, ids=lambda c: c.id)
def test_case_has_a_key_finding_to_name(practice_case):
    rec = bank.expected(practice_case.id)
    assert findings.default().key_findings(practice_case.case, fired(rec))


def test_every_rule_and_modifier_fires_on_some_case():
    seen = Counter(r for c in CASES for r in set(fired(bank.expected(c.id))))
    assert set(RULE_ORDER) <= set(seen), f"no case for {sorted(set(RULE_ORDER) - set(seen))}"


def test_modifiers_with_conditions_each_have_their_case():
    """X2 squamous, X3 CYP3A inducer, X4 lorlatinib with comorbidities, X5 EU after first-line brigatinib/ensartinib."""
    by_rule = {rid: [c for c in CASES if rid in fired(bank.expected(c.id))] for rid in ("X2", "X3", "X4", "X5")}
    assert any(c.case.get("histology") == "squamous" for c in by_rule["X2"])
    assert any(c.case.get("transformation") == "squamous" for c in by_rule["X2"])
    assert all(c.case.get("strong_cyp3a_inducer") for c in by_rule["X3"])
    assert any(c.case.get("comorbidities") for c in by_rule["X4"])
    assert {c.case["prior_tkis"][0] for c in by_rule["X5"]} == {"brigatinib", "ensartinib"}


def test_teaching_point_evidence_resolves():
    evidence = knowledge.default().evidence
    for c in CASES:
        assert c.teaching_points
        for point in c.teaching_points:
            assert point.evidence and set(point.evidence) <= set(evidence), (c.id, point.evidence)


def test_ids_are_unique_and_filters_work():
    assert len({c.id for c in CASES}) == len(CASES)
    for topic in bank.TOPICS:
        for difficulty in bank.DIFFICULTIES:
            assert all(c.topic == topic and c.difficulty == difficulty for c in bank.cases(topic, difficulty))
    assert sum(len(bank.cases(t)) for t in bank.TOPICS) == len(CASES)
    with pytest.raises(ValueError, match="unknown topic"):
        bank.cases("oncology")


def test_expected_is_the_engine_answer_not_a_stored_one():
    for c in CASES[:5]:
        assert bank.expected(c.id) == decide(c.case)
    with pytest.raises(KeyError):
        bank.expected("NOPE")


def test_vignettes_vary_the_report_notation():
    text = " ".join(c.vignette for c in CASES)
    for notation in ("p.G1202R", "p.Gly1202Arg", "Gly1202Arg", "Alecensa", "Alunbrig", "Zykadia", "Xalkori", "Lorbrena"):
        assert notation in text, notation


GOOD = {"id": "T01", "title": "t", "topic": "scope", "difficulty": 1, "vignette": "v",
        "case": {"alk_positive": True, "prior_tkis": ["lorlatinib"]},
        "teaching_points": [{"text": "p", "evidence": ["NCCN2019"]}]}


@pytest.mark.parametrize("change, message", [
    ({"case": {"ecog": 7}}, "ecog"),
    ({"topic": "astrology"}, "topic"),
    ({"difficulty": 4}, "difficulty"),
    ({"teaching_points": [{"text": "p", "evidence": ["NOT-A-KEY"]}]}, "NOT-A-KEY"),
    ({"teaching_points": [{"text": "p", "evidence": []}]}, "evidence"),
    ({"expected": {"preferred": ["lorlatinib"]}}, "unknown key 'expected'"),
    ({"difficulty": True}, "difficulty"),
    ({"teaching_points": []}, "teaching_points"),
    ({"title": 3}, "title"),
    ({"vignette": ""}, "vignette"),
])
def test_broken_case_fails_loudly_naming_file_and_case(tmp_path, change, message):
    (tmp_path / "scope.yml").write_text(yaml.safe_dump({"cases": [dict(GOOD, **change)]}))
    with pytest.raises(bank.BankError, match=rf"bot/practice/cases/scope.yml: T01: .*{message}"):
        bank.load(tmp_path)


def test_duplicate_ids_across_files_fail(tmp_path):
    for name in ("a.yml", "b.yml"):
        (tmp_path / name).write_text(yaml.safe_dump({"cases": [GOOD]}))
    with pytest.raises(bank.BankError, match="b.yml: T01: duplicate id"):
        bank.load(tmp_path)
