"""Therapies proposed, not given (lead, 2026-12-06, second session): each read as RECEIVED before.

- A regimen named by its agents with what is said of it after its last agent ("Atezolizumab, bevacizumab, carboplatin
  and paclitaxel would be the alternative"): the first agents read as given (prior immunotherapy); what is said after
  a regimen is said of each agent (tki_negation `regimen_rest`).
- What the patient could be given, told with a modal before the drug ("she would benefit from lorlatinib", "he will
  need lorlatinib", "she can take lorlatinib once ..."), and a drug waiting on its payer ("Lorlatinib - awaiting
  funding").
Controls: the same words of a course given ("she benefited from alectinib", "responded to alectinib", "will need to
stop alectinib"), a regimen given with its start or cycles told, two therapies told apart by a comma."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_exactly


@pytest.mark.parametrize("text", [
    "Atezolizumab, bevacizumab, carboplatin and paclitaxel would be the alternative.",
    "Atezolizumab/bevacizumab/carboplatin/paclitaxel could be considered if she declines a trial.",
    "Pembrolizumab and carboplatin would be next.",
    "Atezolizumab plus chemotherapy is an option.",
    "Carboplatin, pemetrexed and pembrolizumab would be reasonable.",
    "Atezolizumab with carboplatin and paclitaxel under consideration.",
])
def test_a_regimen_proposed_after_its_last_agent_is_not_given(text: str) -> None:
    assert_reads(text, {"prior_immunotherapy": None, "prior_chemotherapy": None, "current_therapy": None})


@pytest.mark.parametrize("text, fields", [
    ("Carboplatin, pemetrexed and pembrolizumab x4, then pembrolizumab maintenance",
     {"prior_chemotherapy": True, "prior_immunotherapy": True}),
    ("Pembrolizumab with carboplatin and pemetrexed 2022, PD", {"prior_chemotherapy": True, "prior_immunotherapy": True}),
    ("Received carboplatin; pembrolizumab was discussed.", {"prior_chemotherapy": True, "prior_immunotherapy": None}),
    ("Received carboplatin, pembrolizumab was discussed.", {"prior_chemotherapy": True, "prior_immunotherapy": None}),
    ("Carboplatin/pemetrexed/pembrolizumab offered but declined.",
     {"prior_chemotherapy": False, "prior_immunotherapy": False}),
])
def test_a_regimen_given_or_refused_keeps_its_reading(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("text, tki", [
    ("She would benefit from lorlatinib.", "lorlatinib"),
    ("He will need lorlatinib now the G1202R is confirmed.", "lorlatinib"),
    ("She can take lorlatinib once the statin is sorted.", "lorlatinib"),
    ("He may respond to brigatinib.", "brigatinib"),
    ("Lorlatinib - awaiting funding", "lorlatinib"),
    ("Lorlatinib pending prior auth", "lorlatinib"),
    ("Alectinib 2021-2025. She will need lorlatinib.", "lorlatinib"),
])
def test_a_drug_she_could_be_given_is_not_received(text: str, tki: str) -> None:
    found = assert_reads(text, {})
    assert tki not in found.get("prior_tkis", []), (text, found)


@pytest.mark.parametrize("text, tki", [
    ("She benefited from alectinib for 3 years.", "alectinib"),
    ("She responded to alectinib for 30 months.", "alectinib"),
    ("She will need to stop alectinib.", "alectinib"),
    ("On alectinib, pending repeat MRI.", "alectinib"),
])
def test_a_course_given_is_still_received(text: str, tki: str) -> None:
    assert_reads(text, {"prior_tkis": [tki]})


def test_nothing_else_is_read_from_a_proposal() -> None:
    assert_reads_exactly("Atezolizumab, bevacizumab, carboplatin and paclitaxel would be the alternative.", {})
