"""Four forms the case reader misread, each with its near-misses; written from how clinicians write, not from the
independent sets.

- A specimen too scant to test ("core QNS for NGS", "rebiopsy tissue insufficient") gave no resistance result: the
  phrase file's convention for a biopsy without a result (tests/nlu/test_field_forms.py, "Node core insufficient for
  NGS") is `biopsy` none — the schema's `biopsy` is the resistance testing done, the README's the specimens of the
  genomic results — and, as for any failed test (test_failed_tests.py), its mutations stay unknown, never "none
  found". A plasma test sent beside it is the only testing (plasma). A biopsy that gave a result stays tissue.
- A seizure of an epilepsy or of childhood ("hx of epilepsy with seizures, on levetiracetam", "childhood seizures")
  is no symptom of the cancer now; a seizure said new or of the brain metastases stays one.
- A health system named in a general statement ("Under the PBS, lorlatinib is funded after alectinib", "NHS England
  commissions lorlatinib ...") is not where this patient is treated; the patient's own care ("treated under the NHS
  in Leeds", "her lorlatinib is funded under the PBS") still says it.
- A pregnancy test's sign in the middle of a line, after a comma, a semicolon or a full stop ("LMP 2 weeks ago,
  pregnancy test: +"), with its negatives ("-", "neg", "-ve", "negative") and the Greek β of β-hCG.
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

# ---- a specimen too scant to test --------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "core QNS for NGS",
    "Core QNS for NGS.",
    "tissue QNS",
    "re-biopsy tissue insufficient",
    "rebiopsy tissue insufficient for NGS",
    "Rebiopsy QNS",
    "re-bx QNS",
    "Liver biopsy QNS for molecular testing.",
    "EBUS QNS for NGS",
    "Lung core - QNS",
    "Re-biopsy: tissue insufficient",
    "Biopsy: tissue QNS",
    "Rebx: QNS for NGS",
    "Progressed on alectinib. Liver core at PD was QNS; no mutations reported.",
    "Adrenal rebiopsy quantity not sufficient for sequencing.",
])
def test_a_specimen_too_scant_to_test_is_no_resistance_testing(text):
    assert_reads(text, {"biopsy": "none", "alk_mutations": None, "bypass_alterations": None})


@pytest.mark.parametrize("text,fields", [
    ("Core QNS for NGS; Guardant360: ALK G1202R", {"biopsy": "plasma", "alk_mutations": ["G1202R"]}),
    ("Rebiopsy QNS, so plasma NGS was sent: EML4-ALK with L1196M.", {"biopsy": "plasma", "alk_mutations": ["L1196M"]}),
    # a biopsy with a result stays tissue, scant for another test or not
    ("Rebiopsy showed adenocarcinoma, QNS for PD-L1.", {"biopsy": "tissue"}),
    ("Liver core biopsy: G1202R (QNS for PD-L1).", {"biopsy": "tissue", "alk_mutations": ["G1202R"]}),
    ("Initial biopsy QNS. Repeat rebiopsy NGS: no ALK mutations.", {"biopsy": "tissue", "alk_mutations": []}),
])
def test_the_testing_beside_a_scant_specimen_or_after_it(text, fields):
    assert_reads(text, fields)


# ---- a seizure of another illness or of the past --------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "hx of epilepsy with seizures, on levetiracetam",
    "childhood seizures",
    "Febrile seizures as a child.",
    "PMH: epilepsy with generalised seizures, well controlled on lamotrigine.",
    "Seizure disorder since age 12, on levetiracetam.",
    "Known epilepsy and absence seizures since childhood.",
    "Seizures in childhood, none since.",
    "History of alcohol-withdrawal seizures in 2015.",
    "Past history of seizures (epilepsy), on valproate.",
])
def test_a_seizure_of_another_illness_or_of_childhood_is_no_symptom_now(text):
    assert_reads(text, {"symptomatic": None})


@pytest.mark.parametrize("text", [
    "New seizures; MRI shows three brain metastases.",
    "Presented with seizures from a new frontal metastasis.",
    "Known epilepsy, but new focal seizures since last week.",
    "Headaches and a seizure last week.",
    "History of seizures from her brain metastases, on levetiracetam.",
    "2-week history of seizures.",
    "Epilepsy since childhood; now headaches for 2 weeks.",
])
def test_a_seizure_of_the_cancer_or_new_is_still_a_symptom(text):
    assert_reads(text, {"symptomatic": True})


# ---- a health system in a general statement --------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Under the PBS, lorlatinib is funded after alectinib.",
    "under the PBS, lorlatinib is funded after progression on a second-generation TKI",
    "NHS England commissions lorlatinib after alectinib.",
    "NHS England commissions lorlatinib after failure of a second-generation ALK TKI.",
    "AIFA reimburses lorlatinib after alectinib or brigatinib.",
    "In the UK, brigatinib is funded first line.",
    "On the NHS, lorlatinib is approved after alectinib.",
])
def test_a_health_system_in_a_general_statement_is_not_the_patients_region(text):
    assert_reads(text, {"region": None, "prior_tkis": None})


@pytest.mark.parametrize("text,region", [
    ("Treated under the NHS in Leeds.", "GB"),
    ("She is treated under the NHS in Leeds; NHS England commissions lorlatinib after alectinib.", "GB"),
    ("Her lorlatinib is funded under the PBS.", "AU"),
    ("Funding: lorlatinib is PBS-listed for this indication.", "AU"),
    ("NHS Individual Funding Request for lorlatinib.", "GB"),
    ("AIFA early access requested for her.", "IT"),
    ("57F, brig PD, ECOG 1, NHS Scotland.", "GB"),
])
def test_a_health_system_of_this_patients_care_is_still_the_region(text, region):
    assert_reads(text, {"region": region})


# ---- a pregnancy test's sign in the middle of a line ----------------------------------------------------------------


@pytest.mark.parametrize("before", ["ECOG 1, ", "Seen with her partner; ", "On alectinib. ", "Bloods unremarkable, "])
@pytest.mark.parametrize("test,status", [
    ("pregnancy test: +", "pregnant"),
    ("pregnancy test +ve", "pregnant"),
    ("β-hCG positive", "pregnant"),
    ("β-hCG: +", "pregnant"),
    ("UPT: pos", "pregnant"),
    ("pregnancy test: -", "childbearing_potential"),
    ("pregnancy test: neg", "childbearing_potential"),
    ("pregnancy test -ve", "childbearing_potential"),
    ("pregnancy test neg", "childbearing_potential"),
    ("pregnancy test: negative", "childbearing_potential"),
    ("β-hCG: negative", "childbearing_potential"),
    ("βhCG -ve", "childbearing_potential"),
    ("urine hCG: -", "childbearing_potential"),
])
def test_a_pregnancy_test_in_the_middle_of_a_line(before, test, status):
    assert_reads(before + test, {"pregnancy_status": status})


@pytest.mark.parametrize("text", [
    "Pregnancy test: -",
    "Pregnancy test -ve",
    "β-hCG: neg",
    "UPT neg (urine)",
])
def test_a_negative_pregnancy_test_alone(text):
    assert_reads(text, {"pregnancy_status": "childbearing_potential"})


@pytest.mark.parametrize("text", [
    "Pregnancy test - to be done",
    "pregnancy test - not done",
    "ECOG 1, pregnancy test: pending",
    "ECOG 1, β-hCG: awaited",
    "Pregnancy test?",
])
def test_near_misses_of_a_pregnancy_test(text):
    assert_reads(text, {"pregnancy_status": None})


@pytest.mark.parametrize("text", ["ALK: -", "ALK IHC: -", "ALK (D5F3): -"])
def test_a_bare_dash_is_read_as_negative_only_for_the_pregnancy_test(text):
    # a guard: a dash left in a template's ALK field is no ALK-negative result
    assert_reads(text, {"alk_positive": None})
