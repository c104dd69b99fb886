"""The extent of brain disease, the specimen of the fusion at progression and the re-biopsy, in forms written in our own
words (cns7): a brain scan's count of ten or more in digits or words, at least ten, or lesions said numerous, many,
innumerable or miliary (six to nine are left to the older patterns); the number of brain lesions told after them, as translated reports write it; lesions too many to treat one by
one; one to four lesions told as treated; a single brain mass with its size between; the fusion told beside
resistance mutations denied (a resistance test, this progression's); the fusion found on plasma and then on tissue
(the tissue's); the result of a test still awaited. Each class comes with near-misses that must not be read so: a
question, a denial, a plan, another person, another organ, the diagnosis's specimen."""

from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than

# ---- 1. a brain scan's count above five, or lesions past counting ---------------------------------------------------


@pytest.mark.parametrize("text", [
    "MRI head today: 14 new enhancing lesions, the biggest 6 mm.",
    "Brain MRI shows eleven new small metastases.",
    "MRI brain - at least ten new foci, no hydrocephalus.",
    "Brain MRI shows many new metastases since March.",
    "MRI brain: numerous small punctate metastases.",
    "Cranial MRI showed miliary metastases.",
    "MRI brain: several (at least 12) new enhancing lesions.",
])
def test_a_brain_scans_count_above_five_or_past_counting_is_extensive(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "extensive"})


@pytest.mark.parametrize("text", [
    "Brain MRI clear, CT abdomen: 19 new nodules.",
    "Brain MRI normal. CT: many new liver lesions.",
    "Does the brain MRI show more than 10 new lesions?",
    "No brain MRI yet; if there are 8 lesions we would give WBRT.",
    "Her husband's brain MRI showed 12 metastases.",
    "MRI brain: 3 new lesions.",
])
def test_another_scan_a_question_a_what_if_a_relative_or_a_few_are_not_extensive(text):
    assert_reads_other_than(text, {"cns_lesions": "extensive"})


# ---- 2. the number told after the lesions; too many to treat one by one ----------------------------------------------


@pytest.mark.parametrize("text", [
    "Cranial MRI: scattered enhancing nodules in both cerebral hemispheres, considered metastases, the number over 15.",
    "Brain MRI with contrast: ring-enhancing foci in the cerebellum and both lobes, metastatic, number more than 20.",
    "Spoke with the neurosurgeon: the brain has lots of new spots, too many to zap one by one.",
])
def test_the_number_told_after_brain_lesions_or_too_many_to_zap_is_extensive(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "extensive"})


@pytest.mark.parametrize("text", [
    "MRI brain: 2 small lesions. CT: liver metastases, the number more than 10.",
    "Liver lesions too many to ablate; brain not imaged.",
    "Brain MRI clear; the liver has too many lesions for radiofrequency ablation.",
])
def test_another_organs_number_is_not_the_brains(text):
    assert_reads_other_than(text, {"cns_lesions": "extensive"})


# ---- 3. one to four lesions told as treated; a single brain mass ------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Both irradiated cerebellar metastases are smaller.",
    "MRI brain: both treated lesions, no new disease.",
    "Both treated right frontal metastases show no change.",
    "CT head: single 2 cm left frontal mass with surrounding oedema.",
    "Head CT shows a solitary 18 mm right occipital mass.",
])
def test_treated_lesions_counted_or_a_single_brain_mass_are_limited(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "limited"})


@pytest.mark.parametrize("text", [
    "Is there a single right frontal mass on the CT head?",
    "No solitary brain mass seen; CT head normal.",
    "CT head: single left frontal mass, likely meningioma.",
    "His mother had a solitary 2 cm right parietal mass resected years ago.",
])
def test_a_single_mass_asked_denied_called_another_tumour_or_a_relatives_is_not_limited(text):
    assert_reads_other_than(text, {"cns_lesions": "limited"})


# ---- 4. the fusion beside resistance mutations denied -----------------------------------------------------------------


@pytest.mark.parametrize("text, specimen", [
    ("Rebiopsy NGS (tissue): ALK fusion detected; no ALK resistance mutation found.", "tissue"),
    ("Liquid biopsy result: EML4-ALK present, no kinase-domain mutations.", "plasma"),
    ("Core of the growing adrenal lesion - EML4-ALK, no secondary ALK mutations.", "tissue"),
])
def test_the_fusion_beside_resistance_mutations_denied_is_the_fusion_at_progression(text, specimen):
    assert_reads(text, {"alk_fusion_at_progression": True, "alk_fusion_specimen": specimen})


@pytest.mark.parametrize("text", [
    "At diagnosis: EML4-ALK fusion, no resistance mutations.",
    "2018 diagnostic core: EML4-ALK, no ALK kinase domain mutation.",
    "Does the rebiopsy show the ALK fusion with no resistance mutation?",
    "Her sister's tumour: EML4-ALK fusion, no resistance mutations.",
    "If the plasma shows EML4-ALK and no resistance mutation, we continue.",
])
def test_the_diagnosis_a_question_a_relative_or_a_what_if_is_no_fusion_at_progression(text):
    assert_reads_other_than(text, {"alk_fusion_at_progression": True})


# ---- 5. the fusion found on plasma and on tissue: the tissue's --------------------------------------------------------


@pytest.mark.parametrize("text", [
    "At PD we sent plasma first (ALK fusion detected, no ALK mutation), then a liver core (ALK fusion, no ALK mutation).",
    "Progression: Guardant360 showed EML4-ALK; the node biopsy also showed EML4-ALK fusion retained.",
])
def test_the_fusion_on_plasma_and_on_tissue_is_the_tissues(text):
    assert_reads(text, {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue",
                        "biopsy": "tissue_and_plasma"})


def test_the_fusion_on_plasma_alone_stays_plasma():
    assert_reads("At PD: plasma NGS (Guardant360) - EML4-ALK detected, ALK G1202R.",
                 {"alk_fusion_at_progression": True, "alk_fusion_specimen": "plasma", "biopsy": "plasma"})


# ---- 6. the result of a test still awaited ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Pending the results of the ctDNA test before choosing the next line.",
    "We are awaiting results from the liquid biopsy.",
    "Awaiting the result of the plasma NGS (Guardant360).",
])
def test_a_test_whose_result_is_awaited_is_no_biopsy_read(text):
    assert_reads_other_than(text, {"biopsy": "plasma"})


@pytest.mark.parametrize("text", [
    "Liquid biopsy (Guardant360) at progression: ALK G1202R.",
    "Plasma NGS resulted: EML4-ALK, ALK L1196M.",
])
def test_a_plasma_test_with_its_result_is_read(text):
    assert_reads(text, {"biopsy": "plasma"})


# ---- 7. a specimen that tells only the diagnosis's result, alone in its message ---------------------------------------


@pytest.mark.parametrize("text", [
    "Oncomine Focus panel 2021: ALK fusion positive; EGFR and KRAS negative.",
    "Bronchoscopic biopsy 2019: adenocarcinoma, ALK FISH positive.",
    "EUS-FNA of a node, 2022: NSCLC, ALK IHC (D5F3) positive, PD-L1 5%.",
])
def test_a_specimen_telling_only_the_diagnosis_alone_is_not_the_rebiopsy(text):
    assert_reads(text, {"alk_positive": True, "biopsy": None})


@pytest.mark.parametrize("text", [
    "Rebiopsy of the adrenal: adenocarcinoma, ALK IHC positive.",
    "Biopsy of the enlarging liver lesion: adenocarcinoma, ALK IHC positive.",
    "Core biopsy 2025 on lorlatinib progression: ALK FISH positive, ALK G1202R.",
    "Liver biopsy 2025: ALK IHC positive, MET amplification.",
])
def test_a_specimen_of_this_progression_or_with_a_resistance_finding_is_read(text):
    assert_reads(text, {"biopsy": "tissue"})


# ---- 8. a brain scan's range of two to four, sizes listed before the lesions, one new lesion with "a" ----------------


@pytest.mark.parametrize("text", [
    "Brain MRI shows 1-2 new punctate lesions.",
    "MRI head: two or three small enhancing foci.",
    "MRI brain today - new 5 mm, 8 mm and 3 mm metastases.",
    "Restaging MRI found a new metastasis in the left cerebellum.",
])
def test_a_range_sizes_listed_or_a_new_lesion_in_the_brain_are_limited(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "limited"})


@pytest.mark.parametrize("text", [
    "Brain MRI clear; CT chest: 1-2 new nodules.",
    "MRI brain normal. CT abdomen: 6 mm and 9 mm lesions in the liver.",
    "Could there be a new lesion in the brain?",
    "No new metastasis in the left cerebellum.",
    "His wife had a new lesion in the brain last year.",
])
def test_another_organ_a_question_a_denial_or_a_relative_is_not_limited(text):
    assert_reads_other_than(text, {"cns_lesions": "limited"})


def test_innumerable_foci_under_a_brain_scan_are_the_brains_not_a_systemic_progression():
    found = assert_reads("Brain MRI: innumerable tiny foci.", {"cns_lesions": "extensive"})
    assert found.get("progression") != "systemic"


# ---- 9. a specimen key answered "not yet" -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Tissue: not yet",
    "Plasma (12/2025): no ALK alterations detected. Tissue: not yet.",
])
def test_a_specimen_key_answered_not_yet_is_not_that_specimen(text):
    assert_reads_other_than(text, {"biopsy": "tissue"})
    assert_reads_other_than(text, {"biopsy": "tissue_and_plasma"})


def test_a_specimen_key_answered_with_its_result_is_read():
    assert_reads("Tissue: EML4-ALK retained, ALK L1196M. Plasma: not yet.",
                 {"biopsy": "tissue", "alk_fusion_specimen": "tissue"})
