"""The extent of brain disease and the fusion found at progression, in forms written in our own words (cns11): one
brain lesion told with "a solitary" or "an isolated" under a brain scan's verb; a brain scan named as a report's exam,
its impression or findings after it past a full stop, counted one to four or past counting; radiosurgery counted
with "x" after brain metastases or the CNS; a re-biopsy said to show the fusion, read as a tissue result (a liquid
or plasma re-biopsy as plasma); a fusion found on tissue after no ALK alteration on plasma, the tissue's; and a lung
biopsy said to show the fusion with no word of a re-test or a progression before it, which is the diagnosis's
finding (ALK-positive), not the fusion at progression. Each class comes with near-misses that must not be read so:
a question, a denial, a plan, a test still to come, another organ, the diagnosis."""

from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than

# ---- 1. one brain lesion, "a solitary" or "an isolated", under a brain scan's verb ---------------------------------


@pytest.mark.parametrize("text", [
    "Head MRI demonstrates a solitary enhancing lesion.",
    "MRI of the brain shows a solitary metastasis, no oedema.",
    "Brain MRI reveals an isolated new deposit.",
    "MRI brain (11/2025) showed a solitary ring-enhancing lesion.",
])
def test_a_solitary_lesion_under_a_brain_scan_is_limited(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "limited"})


@pytest.mark.parametrize("text", [
    "Is there a solitary metastasis on the brain MRI?",
    "MRI brain requested to rule out a solitary metastasis.",
    "Brain MRI pending; ?solitary metastasis.",
    "MRI brain normal. CT abdomen shows a solitary liver metastasis.",
])
def test_a_solitary_lesion_asked_planned_or_elsewhere_is_not_limited(text):
    assert_reads_other_than(text, {"cns_lesions": "limited"})


# ---- 2. a brain scan as a report's exam, its impression past a full stop ----------------------------------------


@pytest.mark.parametrize("text", [
    "Exam: MRI brain with and without contrast. Impression: two new enhancing metastases, the larger 6 mm.",
    "Study: MRI head with gadolinium. Findings: 3 enhancing lesions, largest 8 mm. No hydrocephalus.",
    "Brain MRI, post-contrast. Conclusion: 1. Four small enhancing metastases. 2. No midline shift.",
])
def test_a_brain_scan_report_impression_counting_one_to_four_is_limited(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "limited"})


@pytest.mark.parametrize("text", [
    "Exam: MRI brain with contrast. Impression: innumerable punctate enhancing metastases.",
    "Exam: head MRI. Findings: more than 20 enhancing lesions. Impression: miliary pattern.",
])
def test_a_brain_scan_report_impression_past_counting_is_extensive(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "extensive"})


@pytest.mark.parametrize("text", [
    "Exam: CT chest with contrast. Impression: three new pulmonary metastases.",
    "Exam: MRI brain with contrast. Impression: two new enhancing lesions in the liver dome.",
    "Exam: MRI brain with contrast. Findings: normal. Impression: CT shows two new liver metastases.",
    "MRI brain with contrast pending. Impression: three new bone metastases on the bone scan.",
    "Exam: MRI brain with contrast. Findings: no metastases. Impression: two small vascular lesions, benign.",
    "Her brother had a head MRI in May. Impression: two metastases.",
    "Exam: MRI brain (2020, at diagnosis). Impression: three metastases. Since then every MRI has been clear.",
    "If the brain MRI report reads Impression: two new metastases, SRS would be offered.",
])
def test_a_report_impression_elsewhere_clear_a_relatives_the_diagnosis_or_supposed_is_not_limited(text):
    assert_reads_other_than(text, {"cns_lesions": "limited"})


# ---- 3. radiosurgery counted with "x" after brain metastases or the CNS -----------------------------------------


@pytest.mark.parametrize("text", [
    "Problem list: brain metastases - s/p SRS x2 (2024).",
    "CNS: treated, gamma knife x3 in 2023, stable since.",
    "Brain mets, radiosurgery x1, no new lesions on the last MRI.",
])
def test_radiosurgery_counted_after_brain_metastases_is_limited(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "limited"})


@pytest.mark.parametrize("text", [
    "No brain mets. SRS x2 to the spine.",
    "Brain metastases treated with SRS 27 Gy x3 fractions.",
    "Would her brain mets need SRS x2?",
    "No brain metastases; SBRT x3 to the adrenal.",
])
def test_radiosurgery_elsewhere_a_dose_a_question_or_a_denial_is_not_limited(text):
    assert_reads_other_than(text, {"cns_lesions": "limited"})


# ---- 4. a re-biopsy said to show the fusion is a tissue result ----------------------------------------------------


@pytest.mark.parametrize("text", [
    "Adrenal re-biopsy showed EML4-ALK fusion.",
    "Rebiopsy confirmed the ALK fusion.",
    "Re-biopsy still shows the ALK rearrangement.",
])
def test_a_rebiopsy_showing_the_fusion_is_the_tissue_fusion_at_progression(text):
    assert_reads(text, {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue", "biopsy": "tissue"})


@pytest.mark.parametrize("text", [
    "Liquid re-biopsy showed the ALK fusion.",
    "Plasma re-biopsy confirmed EML4-ALK fusion.",
])
def test_a_liquid_rebiopsy_showing_the_fusion_is_the_plasma_fusion(text):
    assert_reads(text, {"alk_fusion_at_progression": True, "alk_fusion_specimen": "plasma", "biopsy": "plasma"})


@pytest.mark.parametrize("text", [
    "PD on alectinib: ctDNA first, no ALK alteration; then an adrenal core: EML4-ALK fusion, no kinase mutation.",
    "At progression, plasma (no ALK alteration found) and then a liver core with the EML4-ALK fusion retained.",
])
def test_a_fusion_on_tissue_after_no_alk_alteration_on_plasma_is_the_tissue_fusion(text):
    assert_reads(text, {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue"})


@pytest.mark.parametrize("text", [
    "Will the re-biopsy show the ALK fusion?",
    "Re-biopsy planned to see whether the ALK fusion is retained.",
])
def test_a_rebiopsy_asked_or_planned_is_no_fusion_found(text):
    assert_reads_other_than(text, {"alk_fusion_at_progression": True})


# ---- 5. a lung biopsy showing the fusion, with no re-test or progression before it ----------------------------------


@pytest.mark.parametrize("text", [
    "Lung biopsy showed EML4-ALK fusion.",
    "CT-guided lung biopsy revealed an EML4-ALK fusion.",
    "Lung core biopsy showed an EML4-ALK fusion.",
    "Lung biopsy in 2019 showed EML4-ALK; progressed on alectinib in 2024.",
])
def test_a_lung_biopsy_without_a_retest_or_progression_is_the_diagnosis(text):
    assert_reads(text, {"alk_positive": True, "alk_fusion_at_progression": None, "alk_fusion_specimen": None})


@pytest.mark.parametrize("text", [
    "Progressed on brigatinib; lung biopsy now shows EML4-ALK fusion, no resistance mutation.",
    "At progression on lorlatinib, plasma first (no ALK alteration), then a lung core: EML4-ALK fusion, no mutation.",
    "Lung biopsy at progression showed the EML4-ALK fusion.",
    "Liver biopsy at progression: EML4-ALK fusion retained.",
])
def test_a_lung_biopsy_after_a_progression_still_dates_the_fusion(text):
    assert_reads(text, {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue"})
