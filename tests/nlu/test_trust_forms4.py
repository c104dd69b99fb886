"""Precision (trust4): what the clinician did not state is not read.

- ALK "not detected" beside an ALK resistance mutation found is the fusion's result on that specimen, never a
  negative ALK diagnosis; ALK negative with no mutation beside it stays a negative diagnosis.
- A relative's own record (problem list, history, PMH, medication list) is theirs, past every comma.
- A test or a procedure that cannot be paid for, is only asked an opinion on, or whose repeat is pending, was not
  taken.
- A caution or a check about a drug, and a form heading for its start, are not the drug received.
- A request to record, log, note or add the case, findings after a colon or a dash, states them; a request to tell
  or to check, and a question after the colon, still ask.
"""

import pytest

from bot.nlu import extractor


def case(text):
    return extractor.extract_case(text)


# 1. the fusion not found beside a resistance mutation ------------------------------------------------------------

FUSION_MISSED_BESIDE_MUTATION = [
    "ctDNA panel: EML4-ALK not detected; ALK L1196M detected at 0.4%",
    "Liquid biopsy - ALK not detected, ALK G1202R found (VAF 1.1%)",
    "Guardant: no ALK fusion detected. ALK I1171N 0.3%.",
    "ALK negative on plasma; ALK G1202R 0.2% on the same sample",
]


@pytest.mark.parametrize("text", FUSION_MISSED_BESIDE_MUTATION)
def test_fusion_not_detected_beside_a_resistance_mutation_is_no_negative_diagnosis(text):
    found = case(text)
    assert found.get("alk_positive") is not False
    assert found.get("alk_mutations")


def test_the_fusion_not_found_beside_a_mutation_is_the_fusion_result():
    found = case("Plasma NGS: EML4-ALK not detected, ALK G1202R 0.5%")
    assert found.get("alk_fusion_at_progression") is False
    assert found.get("alk_mutations") == ["G1202R"]
    assert "alk_positive" not in found


def test_control_fusion_lost_on_rebiopsy_keeps_the_diagnosis_positive():
    found = case("EML4-ALK not detected on the liver rebiopsy; ALK IHC positive at diagnosis")
    assert found.get("alk_positive") is True
    assert found.get("alk_fusion_at_progression") is False


def test_control_fusion_lost_and_a_mutation_keep_the_diagnosis_positive():
    found = case("ALK fusion not detected on the rebiopsy; ALK IHC positive at diagnosis; G1202R on plasma")
    assert found.get("alk_positive") is True
    assert found.get("alk_mutations") == ["G1202R"]


@pytest.mark.parametrize("text", ["EML4-ALK not detected", "ALK negative by IHC, EGFR wild type"])
def test_control_alk_negative_without_a_mutation_stays_negative(text):
    assert case(text).get("alk_positive") is False


def test_control_no_alk_mutation_is_no_mutation_found():
    # "no ALK mutation" names no mutation found: it does not turn ALK negative into the fusion's result
    found = case("ALK negative; no ALK resistance mutations")
    assert found.get("alk_fusion_at_progression") is None


# 2. a relative's own record ---------------------------------------------------------------------------------------

RELATIVES_RECORDS = [
    ("Her brother's problem list: brain metastases, diabetes", ("brain_metastases", "comorbidities")),
    ("Father's history: diabetes, COPD, lung cancer", ("comorbidities",)),
    ("His mother's PMH - hypertension, stroke", ("comorbidities",)),
    ("Her husband's medication list: phenytoin, metformin", ("strong_cyp3a_inducer",)),
    ("The patient's daughter's medical history: interstitial lung disease, brain metastases", ("comorbidities", "brain_metastases")),
]


@pytest.mark.parametrize("text,fields", RELATIVES_RECORDS)
def test_a_relatives_record_is_not_the_patients(text, fields):
    found = case(text)
    for field in fields:
        assert field not in found, (field, found)


def test_control_the_patients_own_problem_list_is_read():
    found = case("Problem list: brain metastases, diabetes")
    assert found.get("brain_metastases") is True
    assert found.get("comorbidities") == ["diabetes"]


def test_control_the_patients_history_after_a_relatives_is_read():
    found = case("Her sister's history: breast cancer. PMH: diabetes, brain metastases")
    assert found.get("comorbidities") == ["diabetes"]
    assert found.get("brain_metastases") is True


def test_control_a_relative_reporting_about_the_patient():
    assert case("Her son says she takes St John's wort").get("strong_cyp3a_inducer") is True


# 3. a test or a procedure not done --------------------------------------------------------------------------------

NOT_TAKEN = [
    "Liquid biopsy unaffordable for the family",
    "cfDNA testing not reimbursed",
    "tissue rebiopsy not covered by her insurance",
    "Guardant360 cannot be afforded",
    "thoracic surgery opinion on resection of the adrenal lesion",
    "referral for biopsy of the liver lesion",
    "MET FISH (awaiting repeat on the new core)",
]


@pytest.mark.parametrize("text", NOT_TAKEN)
def test_a_test_not_done_is_no_specimen(text):
    assert "biopsy" not in case(text)


@pytest.mark.parametrize(
    "text,specimen",
    [
        ("liquid biopsy done: negative", "plasma"),
        ("cfDNA sent and reimbursed, showed G1202R", "plasma"),
        ("resection of the right upper lobe 2021: adenocarcinoma", "tissue"),
        ("PD-L1 5% on the repeat rebiopsy", "tissue"),
    ],
)
def test_control_a_test_done_is_its_specimen(text, specimen):
    assert case(text).get("biopsy") == specimen


# 4. a caution or a check about a drug -----------------------------------------------------------------------------

NOT_GIVEN = [
    "brigatinib pulmonary caution",
    "Lorlatinib: monitor cholesterol prior to initiation",
    "lorlatinib - caution, statin interaction",
    "TKI INITIATION (brigatinib)",
    "Treatment commencement (lorlatinib) checklist",
]


@pytest.mark.parametrize("text", NOT_GIVEN)
def test_a_caution_about_a_drug_is_not_the_drug(text):
    assert not case(text).get("prior_tkis")


@pytest.mark.parametrize(
    "text,drug",
    [
        ("on lorlatinib since March, lipids checked monthly", "lorlatinib"),
        ("brigatinib started 2023, given with caution", "brigatinib"),
        ("lorlatinib 100 mg daily; hyperlipidaemia on atorvastatin", "lorlatinib"),
    ],
)
def test_control_a_drug_taken_with_a_check_is_received(text, drug):
    assert drug in (case(text).get("prior_tkis") or [])


# 5. a request to record the case --------------------------------------------------------------------------------

RECORD_REQUESTS = [
    "Could you record this: ALK-positive adenocarcinoma, progressed on alectinib, G1202R on the rebiopsy",
    "can u add to the case - ALK+ NSCLC, alectinib then progression, L1196M",
    "Would you please note the following: ALK positive, progressed on alectinib, ECOG 1",
]


@pytest.mark.parametrize("text", RECORD_REQUESTS)
def test_a_request_to_record_states_the_findings(text):
    assert not extractor.message_asks(text)
    found = case(text)
    assert found.get("alk_positive") is True
    assert "alectinib" in (found.get("prior_tkis") or [])


@pytest.mark.parametrize(
    "text",
    [
        "Can you tell me: ALK+, progressed on alectinib, G1202R - which TKI next?",
        "Could you check whether she has had brigatinib",
        "Could you note: which dose of lorlatinib after alectinib",
        "Can you log this for me: has she had brigatinib?",
    ],
)
def test_control_a_question_after_the_request_still_asks(text):
    assert extractor.message_asks(text)
    assert "brigatinib" not in (case(text).get("prior_tkis") or [])
    assert "lorlatinib" not in (case(text).get("prior_tkis") or [])
