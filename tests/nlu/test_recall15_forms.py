"""How specialists, palliative and geriatric teams and letters from abroad tell the performance status in words, the
therapy given now (or none), and the patient's goals; a trial's rule told as what its protocol asks. Each form in
phrasings of our own, with the near-misses that must read otherwise; not taken from the independent sets."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_exactly

# ---- an earlier score whose time is said before it, then the score now: the score now ----------------------------------


@pytest.mark.parametrize("text, ecog", [
    ("ECOG one year ago 1, now 2", 2),
    ("PS last month 1; today 3", 3),
    ("ECOG in June 0, currently 2", 2),
    ("WHO PS two years ago 0, now 1", 1),
])
def test_a_score_dated_in_words_before_it_then_the_score_now(text: str, ecog: int) -> None:
    assert_reads(text, {"ecog": ecog})


@pytest.mark.parametrize("text", [
    "ECOG one year ago 1",  # only the earlier score: asked
    "ECOG two years ago 0, now 1?",  # a question
    "Was her ECOG one year ago 1, and is it 2 now?",
])
def test_an_earlier_score_alone_or_asked_is_not_read(text: str) -> None:
    assert_reads(text, {"ecog": None})


@pytest.mark.parametrize("text, ecog", [
    ("PS at discharge 2-3.", 3),  # a range: the worse
    ("ECOG on discharge 1", 1),
])
def test_a_score_at_discharge_is_the_score_now(text: str, ecog: int) -> None:
    assert_reads(text, {"ecog": ecog})


# ---- the scale's grades in a note's own words -------------------------------------------------------------------------


@pytest.mark.parametrize("text, ecog", [
    # 1: strenuous or heavy work avoided or restricted, light work still done
    ("She keeps working from home and walks every day, but avoids strenuous activity.", 1),
    ("Plays tennis no more; some restriction in heavy work, otherwise independent.", 1),
    ("He is restricted in physically strenuous activity only.", 1),
    ("Up and about all day; she still does light housework.", 1),
    ("Manages light work in the office three mornings a week.", 1),
    # 2: all self-care, no work; up more than half of the day
    ("Tired, but manages all self-care; she cannot work anymore.", 2),
    ("He is independent in self-care but unable to work since the summer.", 2),
    ("She is up more than half of the day.", 2),
    # 3: bed to chair only
    ("Now she only goes from bed to the chair, with help to wash.", 3),
    ("He transfers from his bed to a chair and back, nothing more.", 3),
    # 4: in bed all day, unable to feed oneself, help with everything
    ("Spends all day in bed and sleeps most of it.", 4),
    ("Now in bed all day long.", 4),
    ("He can no longer feed himself.", 4),
    ("She needs help with everything, including eating.", 4),
    ("Totally dependent for all personal care.", 4),
])
def test_a_grade_told_in_the_scales_own_words(text: str, ecog: int) -> None:
    assert_reads(text, {"ecog": ecog})


@pytest.mark.parametrize("text", [
    "She is unable to do even light housework.",  # worse than 1: not read as 1
    "She cannot do light housework any more.",
    "Does she manage light housework?",  # a question
    "Is he able to feed himself?",
    "Her husband does light housework for her.",  # someone else
    "She avoids contact sports.",  # not strenuous activity in the scale's sense
    "Is she up more than half of the day?",
])
def test_words_that_only_look_like_a_grade_read_no_score(text: str) -> None:
    assert_reads(text, {"ecog": None})


# ---- a trial's rule told as what its protocol asks: the rule is no finding of the patient ---------------------------------


@pytest.mark.parametrize("text, fields", [
    ("Reason for ineligibility: protocol requires ECOG 0-1.", {"ecog": None}),
    ("ECOG 2 (fatigue).\nNot eligible: the protocol requires ECOG 0-1.", {"ecog": 2}),
    ("The study excludes symptomatic brain metastases; she has none.", {"symptomatic": None}),
    ("Trial eligibility. 'ECOG 0-1' - ECOG 0.", {"ecog": 0}),
    ("Screening: 'Prior lorlatinib' - no; 'ECOG 0-2': ECOG 2.", {"ecog": 2}),
    # a list of rules after a colon runs on past its semicolons; the patient's data on the next line are read
    ("Protocol requires: no prior lorlatinib; ECOG 0-1; no symptomatic CNS disease.\nPatient data: ECOG 2, on "
     "alectinib.", {"ecog": 2, "symptomatic": None, "prior_tkis": ["alectinib"]}),
    # after a semicolon or a dash between spaces the patient's answer
    ("Not eligible: the study requires prior lorlatinib; she had alectinib only.", {"prior_tkis": ["alectinib"]}),
    ("Inclusion requires progression on lorlatinib - the patient is still on alectinib.",
     {"prior_tkis": ["alectinib"]}),
])
def test_a_protocols_rule_is_not_read_as_the_patients(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("text, fields", [
    # negative controls: a quotation outside a trial's screening, a patient's quoted words, a score stated plainly
    ("She said 'I am on alectinib' - good.", {"prior_tkis": ["alectinib"]}),
    ("Portal message: 'I stay in bed all day now' - RN informed.", {"ecog": 4}),
    ("ECOG 1. Eligible for the study.", {"ecog": 1}),
])
def test_a_quotation_outside_a_screening_note_is_read_as_usual(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# ---- no therapy now ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Now no cancer treatment.",
    "Currently no cancer therapy; symptom control.",
    "Actual treatment: nothing.",  # European "actual" for current
    "Actual therapy: none, she waits for the trial.",
    "Prior therapies: crizotinib, alectinib, lorlatinib. Actually no therapy.",
    "Pharmacist: current TKI - none.",
    "Current ALK inhibitor: none",
    "- From 11.2025: no therapy (waiting for a trial slot).",
    "Lines: 1) alectinib 2019-2023; 2) lorlatinib 2023-08/2025; 3) from 09/2025 no treatment, patient wants a pause.",
    "Treatment: 1) crizotinib 2016-2017; 2) alectinib 2017-2025; 3) none since.",
    "Since March 2025 no anticancer treatment.",
])
def test_no_therapy_now_in_a_letters_words(text: str) -> None:
    assert_reads(text, {"current_therapy": "none"})


@pytest.mark.parametrize("text", [
    "Actual treatment: carboplatin-pemetrexed, cycle 3.",  # a therapy now
    "From 2022 no treatment for the brain lesions was needed.",  # one site's treatment
    "Since 2023: no therapy of the bone metastases.",
    "Headaches: none since.",  # another subject
    "Current TKI: lorlatinib",
    "Is there no cancer treatment now?",  # a question
])
def test_no_therapy_of_one_site_another_subject_or_a_question_is_not_none(text: str) -> None:
    assert_reads(text, {"current_therapy": None} if "carboplatin" not in text else {"current_therapy": "chemotherapy"})


def test_the_current_tki_none_beside_a_chemotherapy_now_is_asked() -> None:
    # "Current TKI: none" says nothing of the chemotherapy: the two readings clash and the field is asked
    assert_reads("Current TKI: none; on carboplatin/pemetrexed cycle 2.", {"current_therapy": None})


@pytest.mark.parametrize("text", [
    "Brigatinib stopped yesterday.",
    "Palliative: she stopped the alectinib on Monday; hospice chosen.",
    "He stopped his cancer tablets (Alecensa) a week ago because of vomiting.",
    "Lorlatinib was discontinued 3 days ago for confusion.",
    "Hospice note: progressive despite lorlatinib; lorlatinib stopped 11/20/25.",
])
def test_the_tki_stopped_lately_with_nothing_given_since_is_no_therapy_now(text: str) -> None:
    assert_reads(text, {"current_therapy": "none"})


@pytest.mark.parametrize("text", [
    # a past therapy is not the current one, and a stop with a therapy started or taken is no "none"
    "Alectinib stopped yesterday, lorlatinib starts today.",
    "Stopped brigatinib last week and is now on lorlatinib.",
    "On lorlatinib. Alectinib stopped yesterday.",
    "Lorlatinib since 11/2025; alectinib stopped 10/10/2025.",
    "Lorlatinib 2023-; alectinib stopped 10/10/2023.",
    "Alectinib stopped 10/10/2023 for progression; lorlatinib from 11/2023.",
    "Alectinib stopped yesterday; plan lorlatinib.",
    "Alectinib stopped yesterday?",
    "If alectinib is stopped today, what next?",
    "Her husband stopped his tablets (Alecensa) a week ago.",
    "Crizotinib stopped 2018, then alectinib.",
])
def test_a_stop_with_a_therapy_taken_planned_or_asked_is_not_none(text: str) -> None:
    assert_reads(text, {"current_therapy": None})


# ---- chemotherapy (with immunotherapy or not) given now ----------------------------------------------------------------


@pytest.mark.parametrize("text, now", [
    ("Now: receiving carboplatin + pemetrexed + bevacizumab, 3 cycles, partial response.", "chemotherapy"),
    ("Now stable illness since 8 months on carboplatin and pemetrexed.", "chemotherapy"),
    ("Stable disease for 4 months on carboplatin-pemetrexed.", "chemotherapy"),
    ("The nurse said the spots are shrinking again on the chemo + immunotherapy drip.", "chemo_immunotherapy"),
    ("- from 11.2025 carboplatin/pemetrexed/atezolizumab/bevacizumab, cycle 2 ongoing", "chemo_immunotherapy"),
    ("Therapy from 10.2025: carboplatin-etoposide-atezolizumab, 3 cycles, partial response.", "chemo_immunotherapy"),
    ("Treatment since 09/2025: docetaxel.", "chemotherapy"),
])
def test_a_chemotherapy_given_now_in_a_letters_words(text: str, now: str) -> None:
    assert_reads(text, {"current_therapy": now})


@pytest.mark.parametrize("text", [
    "Stable disease on carboplatin-pemetrexed until 2023, then alectinib.",  # a past line
    "The tumour was shrinking on chemo in 2019.",
    "Stable disease was achieved on carboplatin in 2020.",
    "Is the disease stable on carboplatin?",
])
def test_a_past_or_asked_chemotherapy_is_not_the_therapy_now(text: str) -> None:
    assert_reads(text, {"current_therapy": None})


# ---- goals of care ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Advance care planning: full code. Wants to keep treating the cancer.",
    "Decision with the patient: she prefers to keep treating.",
    "She knows the results and wishes to be treated further.",
    "She wants to keep up her current treatment.",
    "He is clear that he wants 'every treatment available'.",
    "Goals: to keep going with the lorlatinib as long as it works.",
    "Goals: 'to see my grandson start school' - continue treatment.",
    "The family and the patient want to continue with active oncological treatment; they do not accept palliative "
    "care only.",
])
def test_a_wish_to_go_on_treating_the_cancer_is_disease_directed(text: str) -> None:
    assert_reads(text, {"goals_of_care": "disease_directed"})


@pytest.mark.parametrize("text", [
    "Comfort remains the focus per the advance directive.",
    "Quality of life is now the main priority.",
    "They want him to stay at home and be comfortable.",
    "She wants to go home and be comfortable.",
    "He says he does not want more hospital or new medicines, just to be at home.",
])
def test_comfort_as_the_focus_or_a_wish_for_home_is_comfort(text: str) -> None:
    assert_reads(text, {"goals_of_care": "comfort"})


@pytest.mark.parametrize("text", [
    "They would like to speak about hospice.",  # talk of it, no wish
    "The daughter wants to talk about hospice.",
    "Goals: comfort; do not continue treatment.",  # not disease-directed
    "Goals: comfort, discontinue treatment.",
    "Does she want to keep treating the cancer?",  # a question
    "Would he prefer to stay at home and be comfortable?",
])
def test_talk_of_hospice_a_stop_or_a_question_is_not_read_the_other_way(text: str) -> None:
    # never disease-directed where the goal is comfort; nothing at all from talk of hospice or a question
    found = assert_reads(text, {})
    assert found.get("goals_of_care") != "disease_directed", found
    if text.endswith("?") or "hospice" in text:
        assert "goals_of_care" not in found, found


@pytest.mark.parametrize("text", [
    "Should brigatinib be stopped today?",
    "Is her ECOG 2 if she manages all self-care but cannot work?",
    "Would you call spending all day in bed ECOG 4?",
    "Is there a role for treatment from 10.2025: carboplatin?",
])
def test_a_question_reads_nothing(text: str) -> None:
    assert_reads_exactly(text, {})
