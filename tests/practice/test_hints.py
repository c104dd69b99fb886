"""Hints point at a finding to look at, one at a time, and never give the answer away."""
from __future__ import annotations

import pytest

from bot.nlu import therapies
from bot.practice import bank, findings, grading

CASES = bank.cases()


def hints(case_id: str, n: int = 8) -> list[str]:
    return [grading.hint(case_id, i) for i in range(n)]


@pytest.mark.parametrize("practice_case", CASES, ids=lambda c: c.id)
def test_no_hint_names_a_therapy_or_a_finding_value(practice_case):
    rec = bank.expected(practice_case.id)
    keys = findings.default().key_findings(practice_case.case, [r["rule"] for r in rec["rationale"]])
    for text in hints(practice_case.id):
        assert therapies.load().choice(text).therapy in (None, therapies.REQUEST_INFORMATION), text
        for key in keys:
            value = key.id.split(":")[-1]
            assert value.lower() not in text.lower() or value in ("true", "none"), (text, key.id)


def test_hints_go_through_the_key_findings_then_general_advice():
    given = hints("CNS02", 6)
    assert len(set(given[:3])) == 3  # progression, lesions, symptoms: one finding each
    assert given[3] == findings.default().general_hints[0]
    assert given[4] == given[5] == findings.default().general_hints[-1]


def test_first_hint_is_about_the_deciding_rules_finding():
    assert "ALK kinase domain" in grading.hint("ONT01", 0)
    assert "histology" in grading.hint("TRF01", 0)
    assert "performance status" in grading.hint("PS02", 0)
    assert "bypass" in grading.hint("BYP03", 0)


def test_hint_counts_below_zero_start_at_the_first():
    assert grading.hint("ONT01", -3) == grading.hint("ONT01", 0)


def test_unknown_case_raises():
    with pytest.raises(KeyError):
        grading.hint("NOPE", 0)
