"""Wording classes the tuned sets under-sample (lead10): the brain lesions' burden told by a scan's words or by the
radiosurgery decision, the specimen of the fusion told as blood or as a repeat tissue, an earlier small-cell lung
cancer told as past history (no transformation), and a complaint told long over or benign (not symptomatic); each in
phrasings of our own, with the near-misses that must not be read."""

from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than

# ---- brain lesions past counting, in a scan's words -------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "MRI brain: diffuse miliary enhancing lesions, new since the last scan.",
    "Brain MRI shows a miliary pattern of tiny enhancing metastases in both hemispheres.",
    "MRI head: widespread miliary metastases, new on lorlatinib.",
    "MRI: brain with innumerable punctate foci of enhancement, new compared with March.",
    "MRI brain today - countless tiny foci of contrast enhancement throughout the cerebrum.",
    "Brain MRI: scattered innumerable enhancing foci of enhancement, new.",
])
def test_brain_lesions_past_counting_on_a_scan_are_extensive(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "extensive"})


@pytest.mark.parametrize("text", [
    "Progression on alectinib: multiple new brain metastases (at least 12), WBRT being arranged.",
    "MRI: numerous cerebral mets (>10), new since June.",
    "Now several new intracranial lesions (approximately 15).",
    "Multiple brain lesions (20+), new on brigatinib.",
])
def test_multiple_brain_lesions_with_a_count_above_five_in_brackets_are_extensive(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "extensive"})


@pytest.mark.parametrize("text", [
    "CT chest: miliary pattern of pulmonary nodules, new on alectinib.",
    "CT abdomen: innumerable tiny foci of enhancement in the liver.",
    "Multiple new liver metastases (at least 12); brain MRI clear.",
    "MRI brain: multiple new brain lesions (3), each under 1 cm.",
])
def test_lesions_of_another_organ_or_few_in_the_brain_are_not_extensive(text):
    assert_reads_other_than(text, {"cns_lesions": "extensive"})


# ---- radiosurgery ruled out, or whole-brain radiotherapy chosen for the number ----------------------------------------


@pytest.mark.parametrize("text", [
    "New brain metastases on lorlatinib; she is not an SRS candidate, referring for WBRT.",
    "Progressing intracranially. Not an appropriate candidate for radiosurgery per rad onc.",
    "New brain mets: unsuitable for gamma knife, whole-brain RT planned.",
    "Brain progression. Ineligible for stereotactic radiosurgery; HA-WBRT to be discussed.",
    "New cerebral metastases on alectinib; WBRT recommended given the number of lesions.",
    "Brain MRI: many new mets. Whole-brain radiotherapy advised in view of the multiplicity of metastases.",
    "Intracranial PD. Given the number of brain lesions we recommend whole brain radiotherapy.",
    "New brain lesions; rad onc: WBRT because of the large number of metastases.",
])
def test_radiosurgery_ruled_out_or_wbrt_for_the_number_is_extensive(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "extensive"})


@pytest.mark.parametrize("text", [
    "Is she an SRS candidate for the new brain lesion?",
    "New 3 mm brain lesion: not an SRS candidate at present as too small, surveillance MRI in 6 weeks.",
    "Two new tiny brain mets, not suitable for radiosurgery yet - observe with repeat MRI.",
    "Brain metastases 2019: WBRT given the number of lesions. Now liver progression on lorlatinib, brain stable.",
    "New brain mets x2, amenable to SRS; WBRT not recommended.",
])
def test_radiosurgery_asked_deferred_or_long_ago_is_not_extensive_now(text):
    assert_reads_other_than(text, {"cns_lesions": "extensive"})


# ---- the specimen of the fusion: blood, or a repeat tissue ------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Progressed on alectinib. Peripheral blood NGS: EML4-ALK variant 3, G1202R.",
    "PD on lorlatinib. Blood NGS at progression: EML4-ALK fusion detected.",
    "Progression on alectinib.\nSpecimen type: peripheral blood\nResult: EML4-ALK fusion detected.",
    "Progression on brigatinib.\nSample: whole blood (Streck tube)\nALK fusion detected.",
    "Progression on alectinib; blood ctDNA sequencing shows EML4-ALK and no kinase domain mutation.",
])
def test_the_fusion_found_on_blood_is_on_plasma(text):
    assert_reads(text, {"alk_fusion_at_progression": True, "alk_fusion_specimen": "plasma", "biopsy": "plasma"})


@pytest.mark.parametrize("text", [
    "Progression on alectinib. Repeat tissue: EML4-ALK detected by RNA fusion panel.",
    "Progressing on lorlatinib. Fresh tissue at progression (liver): ALK fusion present on RNA NGS.",
    "PD on alectinib. Progression tissue: EML4-ALK retained.",
])
def test_the_fusion_found_on_a_repeat_tissue_is_on_tissue(text):
    assert_reads(text, {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue", "biopsy": "tissue"})


@pytest.mark.parametrize("text", [
    "Peripheral blood count normal; on alectinib, stable.",
    "Blood tests unremarkable. Alectinib continued, disease stable.",
    "Plan peripheral blood NGS at the next progression.",
])
def test_blood_tests_and_a_planned_blood_test_are_no_plasma_specimen(text):
    assert_reads(text, {"biopsy": None, "alk_fusion_specimen": None})


# ---- an earlier small-cell lung cancer told as past history is no transformation -------------------------------------


@pytest.mark.parametrize("text", [
    "PMH: limited-stage small cell lung cancer 2011, chemoradiation, in remission. Now ALK-positive adenocarcinoma "
    "on alectinib.",
    "Past medical history: SCLC 2014, treated with cisplatin-etoposide and PCI, disease-free. ALK+ adenocarcinoma of "
    "the lung diagnosed 2022, on lorlatinib.",
    "Background: treated small-cell carcinoma of the lung (2010). Metachronous ALK+ adenocarcinoma 2023.",
    "Previous cancers: LS-SCLC 2009, cured. Current: stage IV ALK-rearranged adenocarcinoma progressing on alectinib.",
    "History of limited-stage small-cell lung cancer in 2012, NED since. 2021: ALK+ NSCLC, started alectinib.",
])
def test_an_earlier_small_cell_lung_cancer_in_the_history_is_no_transformation(text):
    assert_reads_other_than(text, {"transformation": "small_cell"})


@pytest.mark.parametrize("text", [
    "History of SCLC transformation on alectinib, confirmed on liver rebiopsy in 2023.",
    "ALK+ adenocarcinoma 2019 on alectinib. 2024 rebiopsy of the liver: small cell carcinoma.",
    "Past history: ALK+ adeno 2019, on alectinib; 2023 progression, liver core: small cell lung carcinoma.",
    "Hx of SCLC after alectinib (rebiopsy 2023), now on carboplatin-etoposide.",
])
def test_a_small_cell_transformation_in_the_history_still_reads(text):
    assert_reads(text, {"transformation": "small_cell"})


# ---- a complaint told long over, or benign, is not symptomatic ---------------------------------------------------------


@pytest.mark.parametrize("text", [
    "New brain mets. Seizure in 2022 from the treated frontal lesion, none since.",
    "Brain progression on lorlatinib. Previously had headaches before SRS in 2021, none now.",
    "New brain mets on alectinib. Headaches at diagnosis from the resected lesion; none any more.",
    "New brain mets. Back pain is mechanical (disc prolapse on MRI), not metastatic.",
    "New brain lesions. Knee pain, non-malignant (osteoarthritis).",
])
def test_a_complaint_long_over_or_benign_is_not_symptomatic(text):
    assert_reads_other_than(text, {"symptomatic": True})


@pytest.mark.parametrize("text", [
    "New brain mets. Seizure last week from the new frontal lesion.",
    "New brain metastasis with headaches for two weeks, none now on dexamethasone.",
    "New frontal metastasis, focal seizure on Monday; started levetiracetam.",
    "Brain progression: new headaches and vomiting.",
])
def test_a_recent_complaint_of_the_cancer_stays_symptomatic(text):
    assert_reads(text, {"symptomatic": True})


@pytest.mark.parametrize("text", [
    "New brain mets. One seizure in 2021 before the SRS; seizure-free since.",
    "Brain PD. Headaches at presentation in 2020, none currently.",
])
def test_a_complaint_of_long_ago_told_over_is_not_symptomatic(text):
    assert_reads_other_than(text, {"symptomatic": True})


# ---- a biopsy and a plasma test declined together: neither done --------------------------------------------------------


@pytest.mark.parametrize("text", [
    "He refused a repeat biopsy and plasma testing.",
    "Patient declined both tissue biopsy and ctDNA.",
    "She declined rebiopsy or a blood test for ctDNA.",
])
def test_a_biopsy_and_a_plasma_test_declined_together_is_none(text):
    assert_reads(text, {"biopsy": "none"})


@pytest.mark.parametrize("text", [
    "Pt declined rebiopsy; plasma NGS at PD: EML4-ALK, G1202R.",
    "Declined a tissue biopsy, so Guardant360 was sent: EML4-ALK detected.",
])
def test_a_biopsy_declined_then_a_plasma_result_is_plasma(text):
    assert_reads(text, {"biopsy": "plasma"})


# ---- brain lesions counted after them, or across two brain regions ---------------------------------------------------


@pytest.mark.parametrize("text", [
    "Brain: multiple small new lesions - at least eight.",
    "MRI head: new enhancing lesions in both hemispheres, the largest 9 mm; more than 15 in total.",
    "Cerebral metastases: more than twenty.",
    "MRI: numerous new supratentorial and infratentorial enhancing lesions.",
    "Brain MRI - countless new frontal and occipital deposits.",
])
def test_brain_lesions_counted_after_them_or_across_regions_above_five_are_extensive(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "extensive"})


@pytest.mark.parametrize("text", [
    "CT: numerous lytic frontal and parietal bone lesions.",
    "Innumerable frontal and parietal skull lesions on CT.",
])
def test_lesions_of_the_skull_are_no_brain_metastases(text):
    assert_reads(text, {"brain_metastases": None, "cns_lesions": None})


@pytest.mark.parametrize("text", [
    "Before alectinib there were 12 brain lesions; now MRI shows complete intracranial response. Progression in bone.",
    "Prior to starting lorlatinib: 14 brain mets, WBRT. Now brain stable, new liver lesions.",
])
def test_a_brain_count_before_the_tki_is_not_the_extent_now(text):
    assert_reads_other_than(text, {"cns_lesions": "extensive"})


def test_a_brain_count_before_the_tki_leaves_the_count_now():
    assert_reads("Prior to starting lorlatinib: 3 brain mets. Now 9 new brain lesions.", {"cns_lesions": "extensive"})


# ---- squamous metaplasia, or squamous features said not to make a transformation --------------------------------------


@pytest.mark.parametrize("text", [
    "Rebiopsy shows squamous metaplasia of the bronchial mucosa, no malignancy.",
    "Repeat biopsy: benign bronchial mucosa with squamous metaplasia; no tumour seen.",
    "Rebiopsy: adenocarcinoma with squamous features (p40 focal), not diagnostic of transformation.",
    "Rebx at progression: adenocarcinoma and focal squamous differentiation, insufficient for a squamous transformation.",
])
def test_squamous_metaplasia_or_features_said_not_a_transformation_is_no_squamous_transformation(text):
    assert_reads_other_than(text, {"transformation": "squamous"})


@pytest.mark.parametrize("text", [
    "Rebiopsy: squamous cell carcinoma, p40 positive, TTF-1 negative.",
    "Rebiopsy of the adrenal: adenocarcinoma with a squamous component (about 40%).",
    "Progression on alectinib; transformed to squamous cell carcinoma on the liver core.",
])
def test_a_squamous_carcinoma_on_the_rebiopsy_still_reads(text):
    assert_reads(text, {"transformation": "squamous"})


@pytest.mark.parametrize("text", [
    "Rad onc: SRS to all 3 lesions next week.",
    "Radiosurgery delivered to all four new brain metastases on 3 May.",
    "Gamma knife to each of the 2 new lesions.",
])
def test_radiosurgery_to_all_of_a_few_lesions_is_limited(text):
    assert_reads(text, {"cns_lesions": "limited"})
