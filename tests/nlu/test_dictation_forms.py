"""Dictated notes, colleagues' short messages and registry case-report forms: the narrative fields (therapies and
their order, intolerance, current therapy, ECOG, progression, comorbidities, CYP3A, pregnancy, region, goals). Each
form in phrasings of our own, with the near-misses that must read otherwise; not taken from the independent sets."""
from __future__ import annotations

import pytest

from bot.nlu import typist
from tests.nlu.reads import (
    assert_reads,
    assert_reads_exactly,
    assert_reads_excluding,
    assert_reads_including,
    assert_reads_other_than,
)

# ---- a drug's name as speech recognition splits it into syllables ------------------------------------------------


@pytest.mark.parametrize("text, tki", [
    ("she is currently on lore lah tinib one hundred milligrams daily", "lorlatinib"),
    ("he was on lore lattin ib for a year", "lorlatinib"),
    ("she had bri ga tinib first line", "brigatinib"),
    ("progressed on alec tinib", "alectinib"),
    ("treated with cri zo tinib in twenty eighteen", "crizotinib"),
])
def test_a_drug_dictated_in_pieces_is_read_as_the_drug(text: str, tki: str) -> None:
    assert_reads(text, {"prior_tkis": [tki]})


@pytest.mark.parametrize("text", [
    "the rib is tender",
    "she had a crib sheet",
    "a nib of the pen",
])
def test_words_ending_like_a_drug_are_no_drug(text: str) -> None:
    assert_reads(text, {"prior_tkis": None})


# ---- punctuation said aloud ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, ecog", [
    ("ECOG was one at diagnosis comma now it is three period", 3),
    ("E cog two at baseline comma now it's one", 1),
    ("ecog for", 4),
    ("ECOG for period lives alone", 4),
    ("performance status ECOG for comma lives with his wife", 4),
])
def test_dictated_ecog(text: str, ecog: int) -> None:
    assert_reads(text, {"ecog": ecog})


@pytest.mark.parametrize("text", [
    "what is the ECOG for?",
    "ECOG for the last month has been hard to judge",
    "asked about the ECOG for the trial",
])
def test_ecog_for_that_is_no_score(text: str) -> None:
    assert_reads(text, {"ecog": None})


def test_a_period_of_time_is_no_full_stop() -> None:
    assert_reads("after a period of observation on alectinib he progressed", {"prior_tkis": ["alectinib"]})


def _said_periods(text: str) -> list[str]:
    return [text[a:b] for a, b, mark in typist.said_punctuation(text) if mark == "."]


@pytest.mark.parametrize("text", [
    "ECOG three comma now two period", "ECOG two period new paragraph", "on alectinib period Progressed in liver",
    "biopsy done PERIOD next steps", "ECOG 12 period", "PD-L1 80 percent period",
])
def test_period_said_at_a_sentences_end_is_a_full_stop(text: str) -> None:
    assert [p.lower() for p in _said_periods(text)] == [" period"]


@pytest.mark.parametrize("word", typist._PERIOD_NOT_AFTER)
def test_period_after_a_word_of_time_is_no_full_stop(word: str) -> None:
    """Each word of the typist's list before "period" makes it a span of time ("the washout period ends")."""
    assert _said_periods(f"stable {word} period ends") == []
    assert _said_periods(f"stable {word.upper()} period") == []
    assert _said_periods(f"stable x{word} period ends") == [" period"]  # only the whole word


@pytest.mark.parametrize("word", typist._PERIOD_NOT_BEFORE)
def test_period_before_a_joining_word_is_no_full_stop(word: str) -> None:
    assert _said_periods(f"on alectinib period {word} observation") == []
    assert _said_periods(f"on alectinib period {word}x observation") == [" period"]


def test_period_after_a_single_digit_is_no_full_stop() -> None:
    assert _said_periods("cycle 2 period ends") == []


# ---- TKIs named but not received; their order ---------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "lorlatinib is not an option per the patient who is afraid of the mood side effects",
    "brigatinib no longer an option given the pneumonitis risk",
    "crizotinib is not a realistic option",
    "lorlatinib was never a candidate",
])
def test_a_tki_said_not_to_be_an_option_is_not_received(text: str) -> None:
    assert_reads(text, {"prior_tkis": None})


@pytest.mark.parametrize("text, order", [
    ("Because of hepatotoxicity, crizotinib was discontinued after 6 weeks and alectinib was started.",
     ["crizotinib", "alectinib"]),
    ("crizotinib stopped after two months, then ceritinib", ["crizotinib", "ceritinib"]),
    ("Lorlatinib was initiated at 100 mg once daily as third-line therapy after crizotinib and ceritinib.",
     ["crizotinib", "ceritinib", "lorlatinib"]),
    ("two lines of TKI, the second being lorlatinib and the first alectinib", ["alectinib", "lorlatinib"]),
    ("lorlatinib after alectinib", ["alectinib", "lorlatinib"]),
])
def test_treatment_order(text: str, order: list[str]) -> None:
    assert_reads(text, {"prior_tkis": order})


@pytest.mark.parametrize("text, tki", [
    ("Discontinued for intolerance: ceritinib", "ceritinib"),
    ("Intolerance-driven discontinuation: ceritinib (GI toxicity)", "ceritinib"),
    ("Reason for ALK TKI discontinuation: intolerance (lorlatinib - grade 3 mood changes)", "lorlatinib"),
    ("TKI stopped due to toxicity - brigatinib", "brigatinib"),
])
def test_a_forms_label_of_a_stop_for_intolerance(text: str, tki: str) -> None:
    assert_reads(text, {"intolerant_tkis": [tki], "prior_tkis": [tki]})


@pytest.mark.parametrize("text", [
    "Reason for discontinuation: progression (lorlatinib)",
    "Discontinued for progression: alectinib",
])
def test_a_stop_for_progression_is_no_intolerance(text: str) -> None:
    assert_reads(text, {"intolerant_tkis": None})


# ---- registry forms: coded values, unknowns, columns ----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Prior chemotherapy: UNK | Prior IO: UNK",
    "Prior chemotherapy: U/K",
    "Prior chemotherapy (0=No, 1=Yes, 9=Unknown): 9",
])
def test_a_coded_unknown_states_nothing(text: str) -> None:
    assert_reads_exactly(text, {})


@pytest.mark.parametrize("text, progression", [
    ("Progression pattern (1=systemic, 2=oligo, 3=CNS only, 4=indolent): 3", "cns_only"),
    ("Progression pattern (1=systemic, 2=oligo, 3=CNS only, 4=indolent): 1", "systemic"),
    ("Progression pattern (1=systemic, 2=oligo, 3=CNS only, 4=indolent): 9", None),
    ("Progression pattern (1=systemic, 2=oligo, 3=CNS only, 4=indolent):", None),
])
def test_a_coded_field_reads_its_codes_label_only(text: str, progression: str | None) -> None:
    assert_reads(text, {"progression": progression})


@pytest.mark.parametrize("text, ecog", [
    ("ECOG_BASELINE: 1 | ECOG_CURRENT: 2", 2),
    ("ECOG baseline: 0; ECOG current: 1", 1),
    ("Current PS: 2", 2),
])
def test_the_ecog_now_beside_a_baseline_one(text: str, ecog: int) -> None:
    assert_reads(text, {"ecog": ecog})


@pytest.mark.parametrize("text, region", [
    ("Country: IT | Site 014", "IT"),
    ("Country of treatment: DE (Heidelberg)", "DE"),
    ("Country: Italy", "IT"),
])
def test_a_countrys_code(text: str, region: str) -> None:
    assert_reads(text, {"region": region})


def test_a_lower_case_word_is_no_country_code() -> None:
    assert_reads("country: it", {"region": None})


@pytest.mark.parametrize("text, status", [
    ("Pregnancy status: postmenopausal (N/A)", "not_applicable"),
    ("Pregnancy status: premenopausal", "childbearing_potential"),
    ("she is post menopausal period", "not_applicable"),
    ("Pregnancy: not applicable", "not_applicable"),
])
def test_pregnancy_status_on_a_form(text: str, status: str) -> None:
    assert_reads(text, {"pregnancy_status": status})


@pytest.mark.parametrize("text", ["Pregnancy: N/A", "Pregnancy status: premenopausal, test pending"])
def test_pregnancy_not_assessed_or_pending_states_nothing(text: str) -> None:
    assert_reads(text, {"pregnancy_status": None})


@pytest.mark.parametrize("text", [
    "Prior lines: 1) alectinib [PD] 2) carboplatin-pemetrexed [PD] 3) lorlatinib [ongoing]",
    "Line 2: carboplatin-pemetrexed, PD",
    "docetaxel (PD)",
])
def test_chemotherapy_in_a_list_of_lines(text: str) -> None:
    assert_reads(text, {"prior_chemotherapy": True})


@pytest.mark.parametrize("text", [
    "next line: carboplatin-pemetrexed?",
    "Line 3: docetaxel planned",
    "plan: carboplatin-pemetrexed",
])
def test_chemotherapy_to_come_is_not_received(text: str) -> None:
    assert_reads(text, {"prior_chemotherapy": None})


# ---- narrative fields in short messages and dictation ---------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "he took St Johns wort but stopped it two months ago",
    "he took carbamazepine but stopped it two months ago",
    "was on rifampicin and she has since come off it",
])
def test_an_inducer_stopped_in_the_next_clause(text: str) -> None:
    assert_reads(text, {"strong_cyp3a_inducer": False})


def test_an_inducer_beside_another_drug_stopped_is_still_taken() -> None:
    assert_reads("on carbamazepine and stopped alectinib", {"strong_cyp3a_inducer": True})


@pytest.mark.parametrize("text", [
    "stable on alec, just routine f/u q3m",
    "she remains stable on lorlatinib",
    "Our patient remains on lorlatinib without evidence of progression 18 months later.",
])
def test_stable_on_the_treatment(text: str) -> None:
    assert_reads(text, {"progression": "none"})


@pytest.mark.parametrize("text", [
    "brain progression, body stable on brigatinib",
    "She remained on alectinib without progression until 2023, when CT showed liver mets",
    "is she stable on alectinib?",
])
def test_stable_said_of_one_site_or_of_the_past_or_asked(text: str) -> None:
    assert_reads_other_than(text, {"progression": "none"})


@pytest.mark.parametrize("text", [
    "she stopped alectinib herself 2 mo ago, nothing since",
    "came off lorlatinib in May and has had no treatment since",
])
def test_a_stop_then_nothing_since(text: str) -> None:
    assert_reads(text, {"current_therapy": "none"})


def test_nothing_since_but_another_drug() -> None:
    assert_reads("stopped alectinib, nothing since except dexamethasone", {"current_therapy": None})


@pytest.mark.parametrize("text", [
    "creat cl 30",
    "creatinine clearance is thirty eight mils per minute",
    "DM2 + CKD4",
    "CKD3b, on ramipril",
])
def test_renal_impairment_in_short_forms(text: str) -> None:
    assert_reads_including(text, "comorbidities", ["renal_impairment"])


@pytest.mark.parametrize("text", ["creat cl 60", "CKD3a", "creatinine clearance is sixty milliliters per minute"])
def test_a_clearance_above_the_threshold(text: str) -> None:
    assert_reads_excluding(text, "comorbidities", ["renal_impairment"])


@pytest.mark.parametrize("text", [
    "the family asked about hospice but the patient himself wants more treatment",
    "she asked about hospice",
    "hospice was discussed with the family",
])
def test_a_question_about_hospice_is_no_wish_for_comfort(text: str) -> None:
    assert_reads_other_than(text, {"goals_of_care": "comfort"})


@pytest.mark.parametrize("text", ["referred to hospice", "she wants hospice"])
def test_hospice_wished_or_referred(text: str) -> None:
    assert_reads(text, {"goals_of_care": "comfort"})


@pytest.mark.parametrize("text", [
    "Keen for the next line.",
    "Happy to proceed with next line treatment.",
])
def test_a_line_of_treatment_is_no_line_said_aloud(text: str) -> None:
    assert_reads(text, {"goals_of_care": "disease_directed"})


def test_new_line_said_aloud_ends_an_item() -> None:
    assert_reads("number one depression new line number two ECOG two", {"ecog": 2})
