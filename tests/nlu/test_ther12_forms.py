"""The therapy given now as order sheets and notes tell it (a regimen row with the cycle row under it, a maintenance
named before the word), and a TKI stopped for a toxicity as histories tell it (the toxicity put down to the drug a
sentence before its stop, the reason told before the switch); with the near-misses that must read otherwise: a
regimen proposed, a first cycle to come, a cycle completed, maintenance stopped or supposed, another person's drug, a
toxicity doubted, a form's stop key left unanswered, a "mild" that holds no ILD. In phrasings of our own, not taken
from the independent sets."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

# ---- a regimen row, then its cycle row: given now ---------------------------------------------------------------------


@pytest.mark.parametrize("text, therapy", [
    ("Chemotherapy order\nRegimen: Cisplatin 75 mg/m2 + Pemetrexed 500 mg/m2\nCycle: 4 of 6", "chemotherapy"),
    ("Regimen: docetaxel 75 mg/m2 q21d\nStart date: 02/09/2025\nCycle: 3", "chemotherapy"),
    ("- Regimen: carboplatin AUC 5 / pemetrexed / pembrolizumab 200 mg\n- Cycle #: 2 of 4", "chemo_immunotherapy"),
    ("Protocol: atezolizumab, bevacizumab, carboplatin, paclitaxel\nCycle no. 3/4", "chemo_immunotherapy"),
])
def test_a_regimen_row_with_a_later_cycle_under_it_is_given_now(text: str, therapy: str) -> None:
    assert_reads(text, {"current_therapy": therapy})


@pytest.mark.parametrize("text", [
    "Regimen: carboplatin/pemetrexed\nCycle: 1 of 4",  # the first cycle: maybe an order not yet given
    "Proposed regimen: carboplatin/pemetrexed\nCycle: 2 of 4",
    "Regimen: carboplatin/pemetrexed (offered; patient declined)\nCycle: 3",
    "Regimen: cisplatin/pemetrexed\nCycle: 4 of 4 completed",
    "Regimen: cisplatin/pemetrexed\nCycle: 4 of 4 - 2022",
    "Regimen: docetaxel\nCycle: 2 planned for 12/01",
    "Regimen options: docetaxel or carboplatin/pemetrexed\nCycle: 2",
    "Prior regimen: carboplatin/pemetrexed\nCycle: 4 of 4",
    "Mother: lung cancer, regimen: carboplatin/pemetrexed\nCycle: 3",  # not a row of its own
    "Regimen: carboplatin/pemetrexed",  # no cycle: an order or a plan, not told given
])
def test_a_regimen_row_proposed_completed_or_without_a_later_cycle_is_not_given_now(text: str) -> None:
    assert_reads(text, {"current_therapy": None})


# ---- a maintenance named before the word, given now --------------------------------------------------------------------


@pytest.mark.parametrize("text, therapy", [
    ("He is on pemetrexed maintenance following four cycles of cisplatin and pemetrexed.", "chemotherapy"),
    ("Now, after 4 cycles of carbo/pem, on pemetrexed maintenance; scans stable.", "chemotherapy"),
    ("Ongoing pemetrexed maintenance, tolerating well.", "chemotherapy"),
    ("Receives pemetrexed maintenance every three weeks at the day unit.", "chemotherapy"),
    ("She is on pembrolizumab maintenance after 4 cycles of carboplatin, pemetrexed and pembrolizumab.",
     "chemo_immunotherapy"),
])
def test_a_maintenance_named_before_the_word_is_given_now(text: str, therapy: str) -> None:
    assert_reads(text, {"current_therapy": therapy})


@pytest.mark.parametrize("text", [
    "He was on pemetrexed maintenance after four cycles of cisplatin/pemetrexed until 2023.",
    "Is she on pemetrexed maintenance after 4 cycles of carboplatin/pemetrexed?",
    "If stable, she could go on pemetrexed maintenance after 4 cycles.",
    "Pemetrexed maintenance after 4 cycles of carboplatin/pemetrexed is planned.",
    "Stopped pemetrexed maintenance after 6 cycles.",
    "Her sister is on pemetrexed maintenance.",
    "She is not on pemetrexed maintenance.",
    "Plan to start pemetrexed maintenance after 4 cycles.",
])
def test_a_maintenance_stopped_supposed_planned_or_another_persons_is_not_given_now(text: str) -> None:
    assert_reads(text, {"current_therapy": None})


# ---- a bare "Current:" right under a bulleted row of another subject is that subject's ---------------------------------


def test_a_bare_current_under_a_bulleted_row_of_another_subject_is_not_the_therapy() -> None:
    text = "Intolerances:\n- Codeine (nausea)\n- Crizotinib: visual trails, diarrhoea -> stopped 2021\nCurrent: none"
    assert_reads(text, {"current_therapy": None})


@pytest.mark.parametrize("text", [
    "Current: none",
    "Treatment history:\n- alectinib 2021-2024\nCurrent: none",
    "- Current therapy: none",
])
def test_a_bare_current_of_the_treatment_still_reads_none(text: str) -> None:
    assert_reads(text, {"current_therapy": "none"})


# ---- a toxicity put down to the TKI, its stop in the next sentence ----------------------------------------------------


@pytest.mark.parametrize("text, tki", [
    ("Bronchoscopy consistent with brigatinib-induced pneumonitis. Brigatinib permanently discontinued.",
     "brigatinib"),
    ("Impression: alectinib-related hepatitis, grade 3. Alectinib was discontinued and lorlatinib started.",
     "alectinib"),
    ("Lorlatinib-associated psychosis in June. Lorlatinib stopped; now on brigatinib.", "lorlatinib"),
])
def test_a_toxicity_put_down_to_the_tki_then_its_stop_is_intolerance(text: str, tki: str) -> None:
    assert_reads(text, {"intolerant_tkis": [tki]})


@pytest.mark.parametrize("text", [
    "Possible brigatinib-induced pneumonitis. Brigatinib stopped.",
    "Brigatinib-induced pneumonitis was ruled out. Brigatinib stopped.",
    "Alectinib-related myalgia grade 1. Alectinib stopped for CNS progression.",
    "Alectinib-related pneumonitis. Alectinib held for a week, then resumed at full dose.",
    "Her brother had alectinib-related pneumonitis. Her alectinib was stopped.",
    "If alectinib-related pneumonitis develops, alectinib will be stopped.",
    "Was this brigatinib-induced pneumonitis? Brigatinib stopped.",
])
def test_a_toxicity_doubted_gone_or_another_persons_before_a_stop_is_no_intolerance(text: str) -> None:
    assert_reads(text, {"intolerant_tkis": None})


# ---- the reason told first, then the switch, in a clause after the TKI -------------------------------------------------


@pytest.mark.parametrize("text, tki", [
    ("Started ensartinib in 2022.03; owing to grade 3 rash and pruritus, changed to alectinib in 2022.08.", "ensartinib"),
    ("On brigatinib from 2023; because of CK elevation, switched to lorlatinib.", "brigatinib"),
    ("Crizotinib 2019-2020; due to hepatotoxicity switched over to alectinib.", "crizotinib"),
])
def test_a_toxicity_told_before_the_switch_is_intolerance_of_the_first(text: str, tki: str) -> None:
    assert_reads(text, {"intolerant_tkis": [tki]})


@pytest.mark.parametrize("text", [
    "Crizotinib 2019-2020; because of brain progression, switched to alectinib.",
    "Ensartinib from 2022; because of suspected pneumonitis, changed to alectinib.",
    "Ensartinib from 2022; because of rash, would change to alectinib if it recurs?",
    "Ensartinib from 2022 because of rash. Changed to alectinib for progression.",
    "Crizotinib 2019-2020; because of progression, switched to alectinib, which caused rash.",
])
def test_a_switch_for_another_reason_doubted_or_supposed_is_no_intolerance(text: str) -> None:
    assert_reads(text, {"intolerant_tkis": None})


# ---- a form's stop key left unanswered; a toxicity word inside another word ---------------------------------------------


@pytest.mark.parametrize("text", [
    "TKIs received: alectinib\nTKI stopped for toxicity: —\nCurrent therapy: alectinib",
    "TKIs received: crizotinib, alectinib\nDiscontinued for toxicity: -\nComments: none",
    "Prior TKI: brigatinib\nStopped due to toxicity: N/A",
])
def test_a_stop_for_toxicity_key_left_unanswered_is_no_intolerance(text: str) -> None:
    assert_reads(text, {"intolerant_tkis": None})


@pytest.mark.parametrize("text", [
    "Alectinib since 2020. CT: mild growth of the right lower lobe nodule (11 -> 13 mm).",
    "On lorlatinib. Mild increase in the adrenal lesion (8 -> 10 mm).",
])
def test_mild_is_no_interstitial_lung_disease(text: str) -> None:
    assert_reads(text, {"intolerant_tkis": None})


@pytest.mark.parametrize("text, tki", [
    ("TKIs received: crizotinib\nStopped for toxicity: crizotinib", "crizotinib"),
    ("alectinib 2019-2021\nstopped for hepatotoxicity", "alectinib"),
    ("brigatinib stopped for rashes", "brigatinib"),
])
def test_a_stop_for_toxicity_answered_still_reads(text: str, tki: str) -> None:
    assert_reads(text, {"intolerant_tkis": [tki]})


@pytest.mark.parametrize("text", [
    "Suspected pneumonitis on brigatinib, infection not yet excluded; brigatinib held.",
    "Possible hepatitis on alectinib; alectinib held pending LFTs.",
])
def test_a_toxicity_doubted_before_the_tki_then_a_hold_is_no_intolerance(text: str) -> None:
    assert_reads(text, {"intolerant_tkis": None})
