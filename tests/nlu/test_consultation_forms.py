"""Specialist and cross-border consultations: trial eligibility checklists answered with dot leaders, a trial's own
criteria that name a drug or a finding the patient does not have, a referring doctor's apology, the country of
treatment named by its city. Each form in phrasings of our own, with the near-misses that must read otherwise; not
taken from the independent sets."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

# ---- a checklist's row answered "N" after a dot leader: the finding denied, never read present -----------------------


@pytest.mark.parametrize("text, fields", [
    ("EX3 Leptomeningeal involvement ............ N", {"leptomeningeal": False}),
    ("Leptomeningeal disease ....... N (MRI 10/2025)", {"leptomeningeal": False}),
    # (2026-12-06, lead: safe10) an answer of no to SYMPTOMATIC brain metastases denies the symptoms, not the
    # metastases (the row without its item code already read so); was {"symptomatic": None, "brain_metastases": False}
    ("X2 Symptomatic brain metastases ........... N", {"symptomatic": False, "brain_metastases": None}),
    ("Symptomatic CNS mets ....... N (no brain lesions on screening MRI)", {"symptomatic": None,
                                                                          "brain_metastases": False}),
    ("Pregnancy / lactation ......... N (male)", {"pregnancy_status": None}),
    # (2026-12-06, lead) an N whose bracket says the scan that would tell it was not done is not known (as safe9's
    # "N (not imaged)"); was {"brain_metastases": False}
    ("Brain metastases ...... N (MRI not done)", {"brain_metastases": None}),
    ("ALK G1202R ............ N", {"alk_mutations": None}),
])
def test_a_checklist_row_answered_no_after_a_dot_leader_is_denied(text: str, fields: dict) -> None:
    found = assert_reads(text, {k: v for k, v in fields.items() if v is not None})
    # the finding the row names is not read as present (a "no" may read it false, never true)
    assert all(found.get(k) in (None, False) for k, v in fields.items() if v is None), (text, found)


@pytest.mark.parametrize("text, fields", [
    # negative controls: the row answered yes, an ellipsis in chat, a colon row as before
    ("Leptomeningeal disease ........ Y", {"leptomeningeal": True}),
    ("brain mets... no idea how many", {"brain_metastases": True}),
    ("brain mets... no", {"brain_metastases": True}),
    ("Leptomeningeal disease: N", {"leptomeningeal": False}),
    ("Brain metastases: N (not done)", {"brain_metastases": False}),
])
def test_a_checklist_row_answered_yes_or_an_ellipsis_is_not_denied(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# ---- a trial's criterion that names a TKI is the protocol's, not the patient's history -------------------------------


@pytest.mark.parametrize("text, tkis", [
    ("Screen fail: one prior TKI only (alectinib); the protocol requires two, one of them lorlatinib.", ["alectinib"]),
    ("Not eligible - the study requires prior lorlatinib; she had crizotinib then brigatinib.",
     ["crizotinib", "brigatinib"]),
    ("Cohort 2 excludes prior lorlatinib. He is on alectinib.", ["alectinib"]),
    ("Inclusion requires progression on lorlatinib; our patient is still on brigatinib.", ["brigatinib"]),
    ("'Prior lorlatinib' - no. Prior ALK TKIs: ceritinib.", ["ceritinib"]),
    ("Lorlatinib is hard to obtain in our country; she continues alectinib.", ["alectinib"]),
    ("Brigatinib stopped for PD; lorlatinib script on hold awaiting insurer approval.", ["brigatinib"]),
])
def test_a_tki_in_a_trial_criterion_or_out_of_reach_is_not_received(text: str, tkis: list[str]) -> None:
    assert_reads(text, {"prior_tkis": tkis})


@pytest.mark.parametrize("text, tkis", [
    # negative controls: given, with the protocol or a quote nearby
    ("He received alectinib, then lorlatinib as the protocol required.", ["alectinib", "lorlatinib"]),
    ("Prior lorlatinib - yes (2023-2025).", ["lorlatinib"]),
    ("'Prior lorlatinib' - yes; before it alectinib.", None),
    ("On lorlatinib since 2024, obtained through the access programme.", ["lorlatinib"]),
])
def test_a_tki_given_beside_a_protocol_is_received(text: str, tkis: list[str] | None) -> None:
    found = assert_reads(text, {"prior_tkis": tkis} if tkis else {})
    assert "lorlatinib" in found.get("prior_tkis", []), (text, found)


# a criterion told as a rule covers its whole statement, however far the therapy stands from the rule's verb, up to a
# full stop, a semicolon, a dash or this patient taken up again


@pytest.mark.parametrize("text, fields", [
    ("The study requires at least two prior ALK inhibitors including lorlatinib.", {"prior_tkis": None}),
    ("The protocol requires prior treatment with a second-generation inhibitor such as alectinib or brigatinib.",
     {"prior_tkis": None}),
    ("Study excludes prior checkpoint inhibitor therapy such as pembrolizumab or nivolumab.",
     {"prior_immunotherapy": None}),
    ("Cohort B is restricted to patients previously treated with lorlatinib; she had alectinib only.",
     {"prior_tkis": ["alectinib"]}),
    ("Exclusion criteria exclude anyone who received prior platinum-based chemotherapy within 6 months.",
     {"prior_chemotherapy": None}),
    # near-misses: the patient's own history after the rule's statement ends
    ("protocol requires progression on lorlatinib, and she progressed on alectinib.", {"prior_tkis": ["alectinib"]}),
    ("The study requires a washout of two weeks; she stopped lorlatinib 10 days ago.", {"prior_tkis": ["lorlatinib"]}),
    ("The protocol requires two prior TKIs. She received alectinib then lorlatinib.",
     {"prior_tkis": ["alectinib", "lorlatinib"]}),
    ("Trial requires prior lorlatinib - she was treated with alectinib then brigatinib.",
     {"prior_tkis": ["alectinib", "brigatinib"]}),
])
def test_a_trial_rule_covers_its_statement(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# ---- a writer's apology for a mix-up is no symptom -------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "My previous letter named the wrong mutation; sorry for the confusion.",
    "Apologies for any confusion caused by the earlier report.",
    "We apologise for the confusion about the dates.",
])
def test_an_apology_for_confusion_is_no_symptom(text: str) -> None:
    assert_reads(text, {"symptomatic": None})


@pytest.mark.parametrize("text", [
    # negative controls: the patient's confusion
    "Sorry for the delay. She has new confusion since last week.",
    "Admitted with acute confusion; MRI shows a new frontal metastasis.",
])
def test_a_patients_confusion_is_a_symptom(text: str) -> None:
    assert_reads(text, {"symptomatic": True})


# ---- the country of treatment in a cross-border letter: its cities, and "treated there" after the place --------------


@pytest.mark.parametrize("text, region", [
    ("Referral from the oncology unit in Almaty: ALK+ NSCLC on alectinib, treated in Almaty since 2021.", "KZ"),
    ("Our patient, treated at our hospital in Sofia, started brigatinib in 2023.", "BG"),
    ("Case sent by the team in Beirut (Lebanon), where she is treated; alectinib since 2022.", "LB"),
    ("Mr. R. comes from Kuwait (treated there) for a second opinion.", "KW"),
    ("ALK+ adenocarcinoma; the patient is treated in Tehran and asks about lorlatinib.", "IR"),
    ("He lives in Reykjavik and is followed there by the lung team.", "IS"),
    ("After the visit he will go back to Lagos for treatment.", "NG"),
    ("She will remain in our care in Boston.", "US"),
    ("Lettre du CHUM (Montréal, Québec): ALK+ NSCLC on alectinib.", "CA"),
    ("Treated in Zürich since 2020; alectinib ongoing.", "CH"),
])
def test_the_country_of_treatment_from_its_city_or_treated_there(text: str, region: str) -> None:
    assert_reads(text, {"region": region})


@pytest.mark.parametrize("text", [
    # negative controls: a relative's place, where the patient was born or diagnosed, a person named like a city
    "Her brother lives in Kuwait and is treated there.",
    "Born in Sofia, she moved away as a child; ALK+ NSCLC on alectinib.",
    "Diagnosed in Tehran in 2019; alectinib since.",
    "His daughter will go back to Lagos for treatment of her asthma.",
    "Seen with Sofia, his wife, who asked about side effects.",
])
def test_a_place_not_of_treatment_is_not_the_region(text: str) -> None:
    assert_reads(text, {"region": None})


# ---- "illness" for the disease, as letters translated from Romance languages write it --------------------------------


@pytest.mark.parametrize("text, progression", [
    ("On alectinib since 2023; the illness remains stable at the last CT.", "none"),
    ("Stable illness for 14 months on brigatinib.", "none"),
    ("Last PET: progressive illness in the liver, the bones and the adrenal glands.", "systemic"),
])
def test_illness_reads_as_the_disease(text: str, progression: str) -> None:
    assert_reads(text, {"progression": progression})


@pytest.mark.parametrize("text", [
    # negative controls: an intercurrent illness, a question
    "Admitted last week with a viral illness; recovered.",
    "Is the illness stable?",
])
def test_another_illness_or_a_question_is_no_pattern(text: str) -> None:
    assert_reads(text, {"progression": None})


# ---- a count of brain lesions in a brain scan or a brain-only progression, written in a consultant's words -----------


@pytest.mark.parametrize("text, fields", [
    ("Brain MRI 10.2025 shows 2 small new lesions; the body CT is stable.", {"brain_metastases": True,
                                                                             "cns_lesions": "limited"}),
    ("The brain MRI showed one new lesion of 6 mm, without oedema.", {"cns_lesions": "limited"}),
    ("Cerebral MRI: appearance of 3 lesions infra-centimetric.", {"cns_lesions": "limited"}),
    ("The progression is only in the brain (2 lesions).", {"progression": "cns_only", "cns_lesions": "limited"}),
    ("Progression of the disease only in the brain: 9 new metastases.", {"progression": "cns_only",
                                                                         "cns_lesions": "extensive"}),
    ("PD on brigatinib (brain only: 2 new lesions).", {"progression": "cns_only", "cns_lesions": "limited"}),
])
def test_a_brain_lesion_count_in_consultation_wording(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("text", [
    # negative controls: lesions of another organ, a size that is no count, a count of five
    "Brain MRI clear. CT 11.2025 shows 2 new lesions of the liver.",
    "Brain MRI: no lesions. Bone scan shows 3 lesions of 1.5 cm in the spine.",
    "Progression only in the brain (5 lesions).",
])
def test_lesions_elsewhere_or_five_are_no_brain_count(text: str) -> None:
    assert_reads(text, {"cns_lesions": None})
