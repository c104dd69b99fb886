"""Precision of the transformation and symptom readings (prec1, 2026-12-07): findings read that the text did not state.

1. An adenocarcinoma on a specimen of this progression reads "no transformation"; with a neuroendocrine, small-cell
   or sarcomatoid part found or in doubt after it on its line ("adenocarcinoma with neuroendocrine features",
   "synaptophysin focal", "a small cell component cannot be excluded") it is not told free of transformation: left
   unread (asked). An explicit denial read on its own ("no small cell component") still says none.
2. "SCLC markers negative / positive" named the stains, yet read small-cell transformation.
3. "adenocarcinoma with a 20% small cell component" is a mixed transformation, not pure small cell.
4. No symptoms told while steroids are taken now ("asymptomatic on dexamethasone 4 mg") read NOT symptomatic; the
   complaints are held down by the steroids (as "headaches resolved on dexamethasone" reads symptomatic): left unread.
5. A complaint given another cause "rather than the brain mets" read symptomatic: the cancer so named is set aside.

Each table has near-miss controls that must still read: a true transformation, a denial told, steroids stopped,
a complaint given to the cancer.
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

# ---- 1. transformation in doubt: no "none" from the adenocarcinoma ---------------------------------------------------


@pytest.mark.parametrize("text", [
    "Rebiopsy: adenocarcinoma with neuroendocrine features.",
    "Rebiopsy of the liver lesion: adenocarcinoma with neuroendocrine differentiation (synaptophysin positive).",
    "Rebiopsy: adenocarcinoma, synaptophysin positive, chromogranin negative.",
    "Rebiopsy: adenocarcinoma. Synaptophysin focal positive.",
    "EBUS at progression: adenocarcinoma; synaptophysin focal, INSM1 pending.",
    "Liver core at PD: adenocarcinoma with focal chromogranin staining.",
    "Rebiopsy: adenocarcinoma; a small cell component cannot be excluded (crush artefact).",
    "Rebiopsy: adenocarcinoma, sample small, small cell component not excluded.",
    "Rebiopsy: adenocarcinoma, features suspicious for early small cell transformation.",
    "Rebiopsy: adenocarcinoma, ?small cell component, awaiting expert review.",
    "Rebiopsy: adenocarcinoma; equivocal neuroendocrine markers, second opinion requested.",
    "Rebiopsy: adenocarcinoma, cannot rule out an SCLC component.",
    "Rebiopsy: adenocarcinoma with sarcomatoid features.",
    "Pleural fluid cytology (progression): adenocarcinoma; CD56 positive, possible neuroendocrine differentiation.",
])
def test_adenocarcinoma_with_a_transformation_in_doubt_is_not_read_none(text: str) -> None:
    assert_reads(text, {"transformation": None})


@pytest.mark.parametrize("text", [
    "Rebiopsy: adenocarcinoma with neuroendocrine features.",
    "Rebiopsy: adenocarcinoma; a small cell component cannot be excluded.",
])
def test_the_progression_specimen_in_doubt_is_no_diagnosis_histology(text: str) -> None:
    assert_reads(text, {"transformation": None, "histology": None, "biopsy": "tissue"})


@pytest.mark.parametrize("text, value", [
    # controls: the adenocarcinoma alone, or the neuroendocrine and small-cell parts denied, still read none
    ("Rebiopsy: adenocarcinoma.", "none"),
    ("Rebiopsy: adenocarcinoma, no neuroendocrine features.", "none"),
    ("Rebiopsy of liver lesion: adenocarcinoma, neuroendocrine features absent.", "none"),
    ("Rebiopsy: adenocarcinoma; synaptophysin and chromogranin negative.", "none"),
    ("Rebiopsy: adenocarcinoma with mucinous features.", "none"),
    ("Rebiopsy: adenocarcinoma; TTF-1 positive, napsin A positive.", "none"),
    ("Rebiopsy at progression: adenocarcinoma; SCLC markers negative.", "none"),
    ("Rebiopsy: adenocarcinoma; synaptophysin focal, chromogranin negative; no small cell component.", "none"),
    ("Rebiopsy: adenocarcinoma; synaptophysin weakly positive - no neuroendocrine transformation.", "none"),
    ("Liver rebiopsy: no evidence of transformation.", "none"),
    ("Small cell transformation excluded on rebiopsy; adenocarcinoma.", "none"),
    # controls: a true transformation still reads
    ("Rebiopsy: small cell carcinoma, synaptophysin and chromogranin positive, Rb loss.", "small_cell"),
    ("Rebiopsy: combined small cell carcinoma and adenocarcinoma.", "small_cell_mixed"),
    ("Rebiopsy: adenocarcinoma with small cell features.", "small_cell_mixed"),
    ("Rebiopsy: adenocarcinoma with neuroendocrine features, partial small cell carcinoma component (30%).",
     "small_cell_mixed"),
    ("Rebiopsy: squamous cell carcinoma, p40 positive, TTF-1 negative.", "squamous"),
    ("Original biopsy showed adenocarcinoma; the rebiopsy showed small cell carcinoma.", "small_cell"),
])
def test_controls_still_read(text: str, value: str) -> None:
    assert_reads(text, {"transformation": value})


# ---- 2. the stains named, no small-cell carcinoma found ---------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "SCLC markers negative.",
    "SCLC markers positive.",
    "SCLC IHC panel: synaptophysin negative, chromogranin negative.",
    "SCLC stains pending on the rebiopsy.",
])
def test_sclc_markers_are_no_small_cell_carcinoma(text: str) -> None:
    assert_reads(text, {"transformation": None})


@pytest.mark.parametrize("text", [
    "Rebiopsy: SCLC.",
    "The liver biopsy shows SCLC; markers confirm it.",
    "SCLC transformation on the liver rebiopsy.",
])
def test_sclc_itself_still_reads(text: str) -> None:
    assert_reads(text, {"transformation": "small_cell"})


# ---- 3. a share of small cell beside the adenocarcinoma ----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Rebiopsy: adenocarcinoma with a 20% small cell component.",
    "Rebiopsy: adenocarcinoma with a minor small-cell component.",
    "Rebiopsy: adeno with a focal SCLC component.",
])
def test_a_share_of_small_cell_is_mixed(text: str) -> None:
    assert_reads(text, {"transformation": "small_cell_mixed"})


# ---- 4. no symptoms told on steroids -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Asymptomatic but remains on dexamethasone 2 mg.",
    "Asymptomatic on dexamethasone 4 mg daily.",
    "Brain mets asymptomatic on dexamethasone 4 mg daily.",
    "No headaches while on dexamethasone.",
    "Neurologically asymptomatic on dex 2 mg, taper planned.",
    "Asymptomatic, steroid-dependent.",
    "On dexamethasone 4 mg bd; no neurological symptoms.",
    "Denies headache on dexamethasone 8 mg.",
    "She is asymptomatic with ongoing dexamethasone 2 mg daily.",
    "Currently asymptomatic, still requiring dexamethasone 1 mg.",
])
def test_no_symptoms_on_steroids_is_not_read_asymptomatic(text: str) -> None:
    assert_reads(text, {"symptomatic": None})


@pytest.mark.parametrize("text, value", [
    ("Asymptomatic off steroids.", False),
    ("Asymptomatic; dexamethasone stopped in May.", False),
    ("Asymptomatic after dexamethasone was weaned.", False),
    ("Asymptomatic, no steroids.", False),
    ("Asymptomatic, never on steroids.", False),
    ("Asymptomatic brain mets, not on steroids.", False),
    ("Asymptomatic; steroids not required.", False),
    ("Asymptomatic, dexamethasone tapered off last month.", False),
    ("Asymptomatic; dexamethasone premedication with pemetrexed.", False),
    ("Asymptomatic from the brain; on prednisolone for pneumonitis.", False),
    ("No headache. Dexamethasone was stopped after SRS.", False),
    ("Asymptomatic. Her brother is on dexamethasone.", False),
    # complaints on steroids are still complaints
    ("Headaches persist despite dexamethasone 8 mg.", True),
    ("Headaches on dexamethasone.", True),
    ("headaches resolved on dexamethasone", True),
])
def test_steroid_controls_still_read(text: str, value: bool) -> None:
    assert_reads(text, {"symptomatic": value})


# ---- 5. another cause, the cancer set aside ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Mild headaches, attributed to caffeine withdrawal rather than the brain lesions.",
    "Headaches attributed to dehydration rather than the brain mets.",
    "Confusion attributed to hyponatraemia rather than her CNS disease.",
    "Headaches more likely tension-type than from the metastases.",
    "Headache, from sinusitis and not from the brain metastases.",
])
def test_a_complaint_given_another_cause_is_not_symptomatic(text: str) -> None:
    assert_reads(text, {"symptomatic": None})


@pytest.mark.parametrize("text", [
    "Headaches, likely from the brain metastases rather than the lorlatinib.",
    "Headache from the brain mets rather than migraine.",
    "Left arm weakness from the parietal metastasis.",
    "New headaches and vomiting for a week.",
])
def test_a_complaint_given_to_the_cancer_still_reads(text: str) -> None:
    assert_reads(text, {"symptomatic": True})


# ---- 6. a carcinoma with neuroendocrine features, untyped; a rate in a population ---------------------------------------


@pytest.mark.parametrize("text", [
    "Rebiopsy: NSCLC with neuroendocrine features, favour LCNEC.",
    "Rebiopsy: high-grade carcinoma with neuroendocrine morphology; awaiting stains.",
    "Rebiopsy: poorly differentiated carcinoma with neuroendocrine morphology; IHC pending.",
    "Liver core: carcinoma with focal neuroendocrine differentiation, further stains to follow.",
    "Small cell transformation occurs in 3-5% of ALK resistance.",
    "SCLC transformation is seen in 5 to 10% of biopsies at progression.",
])
def test_no_small_cell_from_features_or_rates(text: str) -> None:
    assert_reads(text, {"transformation": None})


@pytest.mark.parametrize("text", [
    "Her rebiopsy showed small cell transformation, which occurs in 3-5% of cases.",
    "Rebiopsy of the liver shows neuroendocrine transformation.",
    "Rebiopsy: carcinoma with neuroendocrine morphology, consistent with small cell carcinoma.",
    "Rebiopsy: high-grade neuroendocrine carcinoma, small cell type.",
])
def test_small_cell_told_still_reads(text: str) -> None:
    assert_reads(text, {"transformation": "small_cell"})


# ---- 7. a trial's rule told passive or as a criterion: no finding of this patient ---------------------------------------


@pytest.mark.parametrize("text, field", [
    ("Symptomatic brain mets are an exclusion criterion.", "symptomatic"),
    ("Symptomatic brain mets are an exclusion criterion.", "brain_metastases"),
    ("Patients with symptomatic CNS disease were excluded from the trial.", "symptomatic"),
    ("Patients with symptomatic CNS disease were excluded from the trial.", "brain_metastases"),
    ("Patients with untreated brain metastases are ineligible for this study.", "brain_metastases"),
    ("Prior lorlatinib is an exclusion criterion.", "prior_tkis"),
])
def test_a_trials_rule_is_no_finding(text: str, field: str) -> None:
    assert_reads(text, {field: None})


@pytest.mark.parametrize("text", [
    "She was excluded from the trial because of symptomatic brain mets.",
    "She has symptomatic brain mets, which are an exclusion criterion.",
    "Symptomatic brain mets; ineligible for the trial.",
])
def test_this_patients_finding_beside_a_rule_still_reads(text: str) -> None:
    assert_reads(text, {"symptomatic": True, "brain_metastases": True})
