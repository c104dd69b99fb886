"""A form's answers the reader misread or missed (lead, 2026-12-06, second session).

- A key on its own line answered on the next with a no and a dash ("Brain mets:\\nNo - MRI clear") read the finding
  PRESENT: the "no" before a spaced dash is the key's answer, as before a comma; with the scan not done after it
  ("No - MRI not done", "no, CT head not performed") the answer is not known.
- A therapy proposed with a modal right after it ("Lorlatinib would be next", "brigatinib should follow") read it
  RECEIVED; the patient's own course told with a modal ("alectinib could not be tolerated", "will be continued",
  "may be responsible for the pneumonitis") is still received.
- A form's bare question of a history or a score answered by its value ("Prior TKI?\\nAlectinib", "ECOG? 1") read
  nothing, and "Treatment-naive?" answered "No - had alectinib" on the next line read nothing: a key and its value.
  A reply that asks, doubts or plans, and a bare question naming a therapy to give ("Lorlatinib? Brigatinib"), still
  read nothing."""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads, assert_reads_exactly


@pytest.mark.parametrize("text, field", [
    ("Brain metastases:\nNo - MRI brain 11/2026 clear", "brain_metastases"),
    ("CNS mets:\nNo – nothing on the staging MRI", "brain_metastases"),
    ("Leptomeningeal disease:\nno - CSF cytology negative", "leptomeningeal"),
    ("Symptomatic:\nNo - seen in clinic, neuro exam normal", "symptomatic"),
    ("Brain lesions:\n  No — scan reviewed at MDT", "brain_metastases"),
])
def test_a_no_with_a_dash_on_the_next_line_answers_the_key(text: str, field: str) -> None:
    assert_reads(text, {field: False})


@pytest.mark.parametrize("text, fields", [
    ("MET amplification:\nNo - EGFR, KRAS also negative", {"bypass_alterations": None}),
    ("G1202R:\nNo - L1196M was found", {"alk_mutations": ["L1196M"]}),
    ("Brain mets:\nNo - ECOG 1, working full time", {"brain_metastases": False, "ecog": 1}),
])
def test_what_a_dashed_no_denies_is_not_read_present(text: str, fields: dict) -> None:
    found = assert_reads(text, fields)
    assert "MET_amplification" not in found.get("bypass_alterations", []), (text, found)
    assert "G1202R" not in found.get("alk_mutations", []), (text, found)


@pytest.mark.parametrize("text", [
    "Brain metastases:\nNo - MRI not done",
    "Brain mets: No - CT head not performed",
    "Brain mets: no, MRI not yet done",
    "CNS metastases:\nno, imaging not available",
])
def test_a_no_the_scan_did_not_tell_is_not_known(text: str) -> None:
    assert_reads(text, {"brain_metastases": None})


@pytest.mark.parametrize("text, fields", [
    ("Brain metastases:\nYes - 2 lesions, largest 8 mm", {"brain_metastases": True}),
    ("Brain mets:\nNo, MRI clear", {"brain_metastases": False}),
    ("Brain mets: No - MRI clear", {"brain_metastases": False}),
    ("Brain MRI: 3 new lesions, CT not done", {"brain_metastases": True}),
])
def test_controls_of_the_dashed_answer(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("text", [
    "Lorlatinib would be next.",
    "Progressed on alectinib. Lorlatinib would be the logical next step.",
    "G1202R on tissue. Lorlatinib should follow.",
    "Alectinib 2020-2025, PD. Lorlatinib could be considered at this point.",
    "Lorlatinib might work for this mutation.",
    "Lorlatinib would probably be best here.",
    "Brigatinib may be an alternative if she cannot tolerate lorlatinib.",
    "Lorlatinib would have been next but the patient declined.",
])
def test_a_therapy_proposed_with_a_modal_is_not_received(text: str) -> None:
    found = extractor.extract_case(text)
    assert "lorlatinib" not in found.get("prior_tkis", []), (text, found)
    assert "brigatinib" not in found.get("prior_tkis", []), (text, found)


@pytest.mark.parametrize("text, tki", [
    ("Alectinib could not be tolerated beyond 3 months.", "alectinib"),
    ("Brigatinib may be responsible for the pneumonitis.", "brigatinib"),
    ("Alectinib will be continued beyond progression.", "alectinib"),
    ("Alectinib could only be given for 6 weeks.", "alectinib"),
    ("Alectinib would have been continued but for the hepatitis.", "alectinib"),
    ("Ceritinib may be causing the diarrhoea.", "ceritinib"),
    # (lead, 2026-12-06 third session) the hold and restart words the toxicity reader uses ({HOLD}, {RESUME})
    ("Alectinib will be put on hold for the CK rise.", "alectinib"),
    ("Brigatinib could be suspended for a week.", "brigatinib"),
    ("Alectinib will be rechallenged at 450 mg bd.", "alectinib"),
    ("Alectinib can be reintroduced once the LFTs settle.", "alectinib"),
])
def test_a_drugs_own_course_told_with_a_modal_is_still_received(text: str, tki: str) -> None:
    assert_reads(text, {"prior_tkis": [tki]})


@pytest.mark.parametrize("text, fields", [
    ("Prior TKI?\nAlectinib", {"prior_tkis": ["alectinib"]}),
    ("Previous TKIs? Crizotinib, then ceritinib", {"prior_tkis": ["crizotinib", "ceritinib"]}),
    ("ECOG? 1", {"ecog": 1}),
    ("WHO PS?\n2", {"ecog": 2}),
    ("Prior chemo? Carboplatin/pemetrexed x4 in 2022", {"prior_chemotherapy": True}),
    ("Treatment-naive?\nNo - had alectinib", {"prior_tkis": ["alectinib"]}),
    ("TKI naive?\n  No, brigatinib since 2023", {"prior_tkis": ["brigatinib"]}),
])
def test_a_forms_question_answered_by_its_value(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("text", [
    "Prior TKI? Not sure, checking the referral letter",
    "Prior TKI? Alectinib?",
    "Prior TKI? We need to confirm with the GP",
    "Lorlatinib? Brigatinib?",
    "Chemo? Carbo/pem",
    "Next TKI? Lorlatinib",
    "ECOG? Unknown",
])
def test_a_reply_that_does_not_answer_reads_nothing(text: str) -> None:
    assert_reads_exactly(text, {})
