"""Longitudinal histories and a case given or corrected in pieces: oncologic-history bullets, treatment-line tables,
flowsheet cells, serial biopsies, and a writer who takes a value back. The current state is picked out of the history:
the line still given, the TKI stopped for toxicity in the step after it, the later of two results, no result of an
earlier progression when none was taken at this one. Each form in phrasings of our own, with the near-misses that
must read otherwise; not taken from the independent sets."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

# ---- a question about what is generally done, after a history phrase: the history is the question's premise -------


@pytest.mark.parametrize("text", [
    "After lorlatinib failure, is platinum-pemetrexed the default?",
    "Following alectinib, what is the standard second line?",
    "After brigatinib, is lorlatinib the preferred option?",
    "Post crizotinib, are there data for ceritinib?",
    "After progression on alectinib, what do the guidelines recommend?",
])
def test_a_history_leading_a_general_question_changes_nothing(text: str) -> None:
    assert_reads(text, {"prior_tkis": None, "prior_chemotherapy": None})


@pytest.mark.parametrize("text, tkis", [
    # negative controls: a question about this patient's next step keeps the history told (test_question_forms.py)
    ("after crizotinib and alectinib, which one next?", ["crizotinib", "alectinib"]),
    ("After alectinib she had lorlatinib. Is chemo the default now?", ["alectinib", "lorlatinib"]),
])
def test_a_history_before_a_question_about_this_patient_is_kept(text: str, tkis: list[str]) -> None:
    assert_reads(text, {"prior_tkis": tkis})


# ---- another person's history: a bracketed aside or a colon that tells of them keeps the clause theirs -------------


@pytest.mark.parametrize("text", [
    "Her brother (also a patient here) progressed on alectinib with G1202R.",
    "His sister (treated elsewhere) received lorlatinib for G1202R.",
    "Her father (now deceased) was on crizotinib for ALK+ NSCLC.",
])
def test_a_relative_after_a_bracketed_aside_is_not_the_patient(text: str) -> None:
    assert_reads(text, {"prior_tkis": None, "alk_mutations": None, "alk_positive": None})


@pytest.mark.parametrize("text", [
    "Father: smoker, died of squamous lung cancer 2010.",
    "Mother: ex-smoker, deceased, squamous cell lung cancer.",
    "Uncle: diagnosed with small cell lung cancer at 60.",
])
def test_a_relative_told_after_a_colon_is_not_the_patient(text: str) -> None:
    assert_reads(text, {"histology": None, "transformation": None})


@pytest.mark.parametrize("text, fields", [
    # negative controls: a relative who reports, a patient named again after the relative's part
    ("Collateral from husband: taking carbamazepine for trigeminal neuralgia.", {"strong_cyp3a_inducer": True}),
    ("Her sister (a nurse) was treated with crizotinib; she is on lorlatinib.", {"prior_tkis": ["lorlatinib"]}),
    ("Mother: ex-smoker, died of lung cancer (squamous); patient: adenocarcinoma.", {"histology": "adenocarcinoma"}),
])
def test_the_patient_beside_a_relative_still_reads(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# ---- a TKI prescribed but not started, or declined: not received -----------------------------------------------


@pytest.mark.parametrize("text", [
    "Brigatinib prescription sent to specialty pharmacy; delivery expected Friday (not started).",
    "lorlatinib ordered, delivery Monday - not yet started",
    "Lorlatinib was prescribed 10/2025 but the patient declined to start it.",
    "brigatinib prescribed in May, she chose not to take it",
    "Lorlatinib script faxed to the pharmacy today.",
])
def test_a_tki_on_its_way_or_declined_is_not_received(text: str) -> None:
    assert_reads(text, {"prior_tkis": None})


@pytest.mark.parametrize("text, tkis", [
    # negative controls: prescribed and taken; another TKI named before the "not started" remark
    ("lorlatinib was prescribed in 2024 and she took it for a year", ["lorlatinib"]),
    ("Lorlatinib prescription sent in May; started 3 June.", ["lorlatinib"]),
    ("alectinib 2019-2024; lorlatinib 2024- ongoing", ["alectinib", "lorlatinib"]),
])
def test_a_tki_prescribed_and_taken_is_received(text: str, tkis: list[str]) -> None:
    assert_reads(text, {"prior_tkis": tkis})


# ---- an interacting drug stopped: not taken now ------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Update: he stopped the carbamazepine, now on levetiracetam.",
    "Interval: she stopped taking St John's wort a month ago.",
    "He has come off his phenytoin since the last visit.",
])
def test_an_inducer_stopped_is_not_taken(text: str) -> None:
    assert_reads(text, {"strong_cyp3a_inducer": False})


@pytest.mark.parametrize("text", [
    # negative controls: still taken, another drug stopped
    "On carbamazepine; stopped the dexamethasone.",
    "Still taking St John's wort daily.",
])
def test_an_inducer_still_taken_reads(text: str) -> None:
    assert_reads(text, {"strong_cyp3a_inducer": True})


# ---- a value taken back: said neither way ----------------------------------------------------------------------


@pytest.mark.parametrize("text, fields", [
    ("correction: it's L1196M (I wrote L1169M before)", {"alk_mutations": ["L1196M"]}),
    ("Earlier I said no brain mets - please ignore that.", {"brain_metastases": None}),
    ("I said ECOG 1 earlier by mistake.", {"ecog": None}),
    ("Scrap the leptomeningeal part - MRI re-read, no leptomeningeal disease.", {"leptomeningeal": False}),
    ("ALK G1202R and G1202del? Addendum: G1202R confirmed, G1202del call retracted.", {"alk_mutations": ["G1202R"]}),
    ("the L1169M was a typo", {"alk_mutations": None}),
    ("sorry, typo: lorlatinib not lorlatanib; on it since March", {"prior_tkis": ["lorlatinib"]}),
])
def test_a_value_taken_back_is_not_read(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("text, fields", [
    # negative controls: a value confirmed, a drug withdrawn (stopped), another value after "not" stays denied
    ("As I said, G1202R on the rebiopsy.", {"alk_mutations": ["G1202R"]}),
    ("I wrote G1202R on the form.", {"alk_mutations": ["G1202R"]}),
    ("Severe diarrhoea and vomiting, so ceritinib was withdrawn.", {"intolerant_tkis": ["ceritinib"]}),
    ("sorry, Alunbrig not Alecensa", {"prior_tkis": ["brigatinib"]}),
])
def test_a_value_confirmed_or_stopped_still_reads(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# ---- a result gone on a later test ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text, mutations", [
    ("Repeat tissue NGS on lorlatinib for G1202R (11/2025): G1202R now below detection; new ALK L1256F.", ["L1256F"]),
    ("G1202R undetectable on the repeat NGS; L1196M present.", ["L1196M"]),
    ("Repeat biopsy 2024: ALK C1156Y.\nRepeat biopsy 2025: ALK G1202R; C1156Y not detected.", ["G1202R"]),
    ("2023 plasma: L1196M not detected.\n2025 tissue: L1196M and G1202R.", ["L1196M", "G1202R"]),
])
def test_the_later_of_two_results_stands(text: str, mutations: list[str]) -> None:
    assert_reads(text, {"alk_mutations": mutations})


def test_two_results_of_no_told_time_read_neither() -> None:
    # negative control: nothing tells which is the later
    assert_reads("G1202R on rebiopsy; G1202R not detected", {"alk_mutations": None})


# ---- no biopsy at this progression: an earlier progression's result is not read -----------------------------------


@pytest.mark.parametrize("text", [
    "Her first rebiopsy was in 2023 on alectinib, a liver core showing V1180L. No repeat biopsy at the current "
    "progression on lorlatinib.",
    "Previous biopsy (2023, on alectinib): V1180L. Now progressing on lorlatinib, no repeat biopsy.",
    "Liquid biopsy at the first progression showed G1202R. No rebiopsy this time.",
])
def test_an_earlier_progressions_result_is_not_this_ones(text: str) -> None:
    assert_reads(text, {"alk_mutations": None, "biopsy": "none"})


@pytest.mark.parametrize("text, fields", [
    # negative controls: a result of this progression, or an earlier one with no statement of no biopsy now
    ("Rebiopsy at this progression: G1202R. No plasma test.", {"alk_mutations": ["G1202R"]}),
    ("Previous biopsy (2023, on alectinib): V1180L.", {"alk_mutations": ["V1180L"]}),
])
def test_a_result_with_no_biopsy_denied_still_reads(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# ---- a line still given: the current therapy --------------------------------------------------------------------


@pytest.mark.parametrize("text, current", [
    ("6. Docetaxel 2025– (current)", "chemotherapy"),
    ("L4 docetaxel 2025- ongoing", "chemotherapy"),
    ("Line 3: ABCP (2025–), current, response pending", "chemo_immunotherapy"),
    ("carboplatin/pemetrexed/pembrolizumab started 10/2025, currently cycle 3.", "chemo_immunotherapy"),
    ("2L pemetrexed (since 03/2025 - present)", "chemotherapy"),
])
def test_an_open_line_is_the_current_therapy(text: str, current: str) -> None:
    assert_reads(text, {"current_therapy": current, "prior_chemotherapy": True})


@pytest.mark.parametrize("text", [
    # negative controls: a line with an end, chemotherapy before the TKI now taken, chemotherapy denied to date
    "docetaxel 2019-2020",
    "carboplatin/pemetrexed 2023, currently on lorlatinib",
    "carbo/pem 2021-2022; lorlatinib 2023-",
])
def test_a_closed_line_is_not_the_current_therapy(text: str) -> None:
    assert_reads(text, {"current_therapy": None, "prior_chemotherapy": True})


def test_chemotherapy_denied_to_date_is_not_current() -> None:
    assert_reads("The patient has not received any chemotherapy to date.",
                 {"current_therapy": None, "prior_chemotherapy": False})


# ---- a TKI stopped for toxicity in the next step of a history or in a table's stop-reason column -------------------


@pytest.mark.parametrize("text, intolerant", [
    ("• Feb 2020 – alectinib\n• Jun 2020 – stopped after grade 3 hepatitis\n• Jul 2020 – brigatinib", ["alectinib"]),
    ("2025-06-01 alectinib started | 2025-06-20 held (bilirubin 4x ULN) | 2025-07-05 permanently discontinued",
     ["alectinib"]),
    ("Line | Drug | Dates | BOR | Stop reason\n1 | brigatinib | 03/22–06/22 | — | pneumonitis grade 2\n"
     "2 | alectinib | 07/22–11/25 | PR | PD", ["brigatinib"]),
    ("line | agent | from | to | reason off\n1 | Xalkori | 2017 | 2017 | rash\n2 | Alecensa | 2017 | 2025 | PD",
     ["crizotinib"]),
    ("2L: Lorlatinib 2024-2025, stopped after 4 weeks for severe low mood and insomnia", ["lorlatinib"]),
])
def test_a_stop_for_toxicity_in_a_history_or_table(text: str, intolerant: list[str]) -> None:
    assert_reads(text, {"intolerant_tkis": intolerant})


@pytest.mark.parametrize("text", [
    # negative controls: a dose change and not a stop; a stop for progression after a toxicity; resumed after a
    # hold; a toxicity column that is not the stop's reason
    "Dose log: crizotinib 250 bid -> 200 bid 2019 (neutropenia) -> stopped 2019 for PD -> alectinib.",
    "1L alectinib (2020-2022) -> dose reduced to 450 mg BID for CK elevation -> continued",
    "alectinib 2019 | held for rash | resumed at 450 mg",
    "Drug | Toxicity | Stop reason\nalectinib | rash | PD",
    "• Feb 2020 – alectinib\n• Jun 2020 – stopped at progression\n• Jul 2020 – brigatinib",
])
def test_no_stop_for_toxicity_in_a_history_or_table(text: str) -> None:
    assert_reads(text, {"intolerant_tkis": None})


# ---- a case given in pieces: nothing taken now, where the patient is now ---------------------------------------


@pytest.mark.parametrize("text", [
    "he's on nothing right now",
    "She is on nothing at present.",
    "pt currently on nothing",
])
def test_nothing_taken_now_is_no_current_therapy(text: str) -> None:
    assert_reads(text, {"current_therapy": "none"})


@pytest.mark.parametrize("text", [
    # negative controls: something taken beside "nothing"; hospice beside no further therapy is the goal of care
    "she is on nothing but paracetamol",
    "He and his family have chosen hospice; no further anticancer therapy.",
])
def test_nothing_else_or_hospice_is_not_read_as_no_therapy(text: str) -> None:
    assert_reads(text, {"current_therapy": None})


@pytest.mark.parametrize("text, region", [
    ("patient is in NZ", "NZ"),
    ("Since the previous note the patient has moved to Melbourne and transferred her care to our clinic in Australia.",
     "AU"),
    ("Since the last visit the patient has relocated to Auckland.", "NZ"),
])
def test_where_the_patient_is_now(text: str, region: str) -> None:
    assert_reads(text, {"region": region})


@pytest.mark.parametrize("text", [
    # negative controls: another patient of the clinician's; where the patient comes from
    "my previous ALK patient was treated in Australia with lorlatinib",
    "NZ-born, lives in Spain",
])
def test_another_patient_or_a_birthplace_is_not_where_the_patient_is(text: str) -> None:
    found = assert_reads(text, {"prior_tkis": None})
    assert found.get("region") != ("AU" if "Australia" in text else "NZ"), (text, found)


# ---- the fusion on a specimen of a new lesion named with its size and site ---------------------------------------


@pytest.mark.parametrize("text", [
    "Since last visit: new 3 cm liver lesion only (rest stable), biopsied: adenocarcinoma, ALK fusion+, no ALK "
    "mutation.",
    "New 2 cm adrenal nodule, core biopsy: EML4-ALK fusion, no resistance mutation.",
    "growing right lower lobe lesion biopsied - ALK FISH positive, G1202R",
])
def test_the_fusion_on_a_new_lesions_specimen_is_at_progression(text: str) -> None:
    assert_reads(text, {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue"})


@pytest.mark.parametrize("text", [
    # negative controls: the fusion at diagnosis; a new lesion with no specimen of it
    "New 3 cm liver lesion; ALK FISH positive at diagnosis.",
    "New 2 cm adrenal nodule on CT. Diagnosis 2020: EML4-ALK.",
])
def test_the_fusion_of_the_diagnosis_is_not_at_progression(text: str) -> None:
    assert_reads(text, {"alk_fusion_at_progression": None})
