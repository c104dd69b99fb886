"""The specimen of this progression (`biopsy`) and of the fusion found on it (`alk_fusion_specimen`), by class of
wording, with near-misses that keep their reading; phrasings written as notes and reports word them, not taken
from the independent sets.

- A specimen whose own statement finds a benign lesion or another process and no tumour (an adenoma, granulomas,
  radiation necrosis or fibrosis, organising pneumonia, "no malignancy") sampled no tumour: no specimen of the
  progression is read. A statement that names the tumour as well keeps its specimen, and a failed sample ("only
  necrosis, no tumour cells") stays none.
- A resection still to come ("resection of the lesion planned"), the cavity of a past one, or a test only said
  feasible is no specimen taken.
- A report's specimen line naming a site ("specimen: lymph node") and a block of the progression are tissue.
- The fusion at progression with no specimen named beside it takes this progression's one kind of specimen, as the
  schema infers it; not when tissue and plasma were both sent.
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

NO_TUMOUR_SAMPLED = [
    "The enlarging left adrenal nodule was biopsied: lipid-poor adenoma, no malignancy.",
    "EBUS-TBNA of the subcarinal node: non-necrotising granulomas, no malignant cells seen.",
    "CT-guided core of the new RLL opacity showed radiation fibrosis only; no evidence of recurrence.",
    "Bronchoscopy with transbronchial biopsies: organising pneumonia, no malignancy; likely drug pneumonitis.",
    "The temporal lesion was resected - radionecrosis, no viable tumour.",
    "Liver biopsy of the new lesion: benign haemangioma.",
    "Skin biopsy of the nodule on her back: benign, a sebaceous cyst.",
]

TUMOUR_SAMPLED = [
    ("Rebiopsy of the liver: metastatic adenocarcinoma, no small cell component; ALK G1202R.", "tissue"),
    ("Core biopsy of the adrenal: adenocarcinoma with fibrosis; NGS pending.", "tissue"),
    ("The adrenal mass was biopsied: metastatic adenocarcinoma, not an adenoma.", "tissue"),
    ("Liver core at progression: adenocarcinoma, ALK IHC positive, no other malignancy.", "tissue"),
    ("CT-guided biopsy attempted; only necrosis, no tumour cells.", "none"),
    ("Rebiopsy not feasible.", "none"),
    ("Of the tests, only the liquid biopsy was feasible at this relapse.", "plasma"),
]

NOT_TAKEN = [
    "Neurosurgery: resection of the dominant lesion planned, SRS to the others.",
    "Post-operative MRI: the resection cavity shows thin linear enhancement only.",
    "Enhancement along the resection bed is unchanged.",
    "Respiratory view: EBUS feasible if the nodes grow further.",
    "A liver core would be possible but she prefers to wait.",
]

TISSUE_NAMED = [
    "Amended NGS report (specimen: lymph node, progression on alectinib): ALK G1202R.",
    "Specimen: right adrenal core. Result: ALK G1202R (VAF 12%).",
    "PD-L1 22C3 on the progression block: TPS 50%.",
]

# a specimen line of the diagnosis, or a resection said of the progressing lesion, keep their readings
SPECIMEN_KEPT = [
    ("Specimen: lung core at diagnosis. Diagnosis: adenocarcinoma.", {"biopsy": None}),
    ("Specimen: liver core (diagnostic, 2019). ALK FISH positive.", {"biopsy": None}),
    ("Lorlatinib was held for two weeks around the resection of the oligoprogressive adrenal lesion.",
     {"progression": "oligoprogression"}),
]

FUSION_ON_THE_ONE_SPECIMEN = [
    ("Rebiopsy at progression on brigatinib (right pleura), sent for hybrid-capture DNA and RNA sequencing at the "
     "reference laboratory; tumour content forty percent, coverage adequate, turnaround three weeks. ALK fusion "
     "still detected.", "tissue"),
    ("Guardant360 at progression on lorlatinib, drawn 02/11, results back this week after a delay at the lab: "
     "no ALK kinase-domain mutations; ALK fusion detected.", "plasma"),
]


@pytest.mark.parametrize("text", NO_TUMOUR_SAMPLED)
def test_a_specimen_with_no_tumour_but_a_benign_finding_is_no_biopsy(text: str) -> None:
    assert_reads(text, {"biopsy": None})


@pytest.mark.parametrize("text, biopsy", TUMOUR_SAMPLED)
def test_a_specimen_naming_the_tumour_or_failing_keeps_its_reading(text: str, biopsy: str) -> None:
    assert_reads(text, {"biopsy": biopsy})


@pytest.mark.parametrize("text", NOT_TAKEN)
def test_a_resection_to_come_a_past_cavity_or_a_feasible_test_is_no_biopsy(text: str) -> None:
    assert_reads(text, {"biopsy": None})


@pytest.mark.parametrize("text", TISSUE_NAMED)
def test_a_report_specimen_line_or_a_progression_block_is_tissue(text: str) -> None:
    assert_reads(text, {"biopsy": "tissue"})


@pytest.mark.parametrize("text, fields", SPECIMEN_KEPT)
def test_a_diagnostic_specimen_line_or_a_progression_beside_a_resection_keeps_its_reading(
    text: str, fields: dict[str, str | None]
) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("text, specimen", FUSION_ON_THE_ONE_SPECIMEN)
def test_the_fusion_takes_this_progressions_one_specimen(text: str, specimen: str) -> None:
    assert_reads(text, {"alk_fusion_at_progression": True, "alk_fusion_specimen": specimen, "biopsy": specimen})


def test_no_specimen_inferred_from_tissue_and_plasma() -> None:
    text = ("Progression on alectinib: tissue and plasma NGS both sent.\nResults summary for the board, prepared "
            "by the fellow after the meeting on Tuesday:\n\nALK fusion still detected.")
    assert_reads(text, {"biopsy": "tissue_and_plasma", "alk_fusion_specimen": None})
