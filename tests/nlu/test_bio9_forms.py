"""bio9: this progression's resistance testing (`biopsy`) by class of wording, with the near-misses that must keep
their reading; written as notes, reports and forms word them, not taken from the independent sets.

Precision:
- A pleural or abdominal tap told done for the patient's relief, with nothing said sent or found ("Thoracentesis
  performed. Dyspnoea improved.", "therapeutic paracentesis"), is no specimen for testing; a tap whose cytology or cell
  block is reported still is.
- A resection named as one of the treatments to choose from ("re-irradiation or resection", "resection vs SRS") is
  no specimen taken.
- A biopsy heading whose value names the plasma ("Post-lorlatinib biopsy: plasma ... ; tissue not done") is the
  plasma's testing alone.
- A biopsy that failed, with its site or its handling in a bracket ("Bone biopsy (decalcified) was non-diagnostic",
  "rebiopsy (sternum, decalcified): failed sequencing"), gave no tissue result.
- A form's biopsy answered "Not applicable (...)" states nothing; its option "None yet" ticked, or the whole value "Not
  yet performed", is none (as "Biopsy planned, not yet performed" reads), and so is a registry's "Resistance testing
  at PD1: none performed".
Recall:
- The tissue of this progression told beside the plasma's result ("tissue did not show it", "the tissue from the same
  episode", "tissue (same week)"), by the progression in a bracket or after a comma ("core (PD on brigatinib)",
  "Tissue, progression on lorlatinib"), at a TKI's failure, by an endobronchial biopsy, by a mutation it carries
  ("tissue ALK G1202R"), or as the new tissue.
- A sample said sent or drawn under a plan's heading ("Plan: ... ; plasma sent today") was taken.
"""

from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

TAP_FOR_RELIEF = [
    "Admitted breathless with a large right effusion. Thoracentesis performed. Breathlessness improved.",
    "Therapeutic paracentesis, 4 litres removed.",
    "Pleural tap for dyspnoea on the ward; discharged the next day.",
    "Thoracocentesis done, with good symptomatic relief.",
    "Paracentesis of 3 L for comfort.",
]

TAP_SAMPLED = [
    "Thoracentesis at progression: cytology positive for adenocarcinoma, cell block sent for NGS.",
    "Thoracentesis performed; fluid cytology showed malignant cells.",
    "Paracentesis at progression, cytology: metastatic adenocarcinoma.",
]

RESECTION_AS_OPTION = [
    "MDT view: SRS or resection for the enlarging frontal lesion.",
    "Options discussed: resection vs SRS to the growing cerebellar metastasis.",
    "Neurosurgery: re-irradiation or resection both reasonable.",
]

PLASMA_UNDER_A_BIOPSY_HEADING = [
    "Post-alectinib biopsy: plasma 2025-09-12 -> ALK I1171N; tissue not done",
    "Post-brigatinib biopsy: ctDNA (Guardant360) showed G1202R; no tissue taken.",
]

FAILED_WITH_A_BRACKET = [
    ("Sternal biopsy (decalcified) was non-diagnostic. Guardant360 the same week: ALK G1202R 1.1%.", "plasma"),
    ("Rebiopsy (iliac bone, decalcified): failed sequencing.", "none"),
    ("Liver core (segment VI) was non-diagnostic, necrosis only.", "none"),
]

FORM_NOT_APPLICABLE_OR_NONE_YET = [
    ("Biopsy: Not applicable (brain-only progression)", None),
    ("Rebiopsy: not applicable (no extracranial disease)", None),
    ("Bx: [ ] Tissue [ ] Plasma [x] None yet", "none"),
    ("Re-biopsy: none to date", "none"),
    # the whole value "not yet performed": the act not done, as "Biopsy planned, not yet performed" reads
    ("Rebiopsy: Not yet performed", "none"),
    ("Repeat biopsy: not yet done", "none"),
    ("Resistance testing at PD2: none performed (no safe target)", "none"),
    ("Molecular testing at progression: not done", "none"),
    # still to come: a plan beside it, or "not yet" alone
    ("Re-biopsy: not yet done (awaiting IR slot)", None),
    ("Rebiopsy: core booked, not yet performed", None),
    ("Rebiopsy: not yet", None),
]

TISSUE_OF_THIS_PROGRESSION = [
    ("ALK G1202R found on plasma at progression on alectinib; tissue did not confirm it.", "tissue_and_plasma"),
    (
        "Plasma NGS was negative, but the tissue from the same progression showed EML4-ALK with I1171N.",
        "tissue_and_plasma",
    ),
    ("ctDNA: MET amplification (CN 8). Tissue (same week): MET FISH amplified.", "tissue_and_plasma"),
    ("Right lower lobe core (PD on brigatinib): adenocarcinoma, ALK IHC positive.", "tissue"),
    ("The 2025 biopsy (progression on lorlatinib) showed MET amplification.", "tissue"),
    ("Tissue, progression on alectinib: ALK fusion retained, no kinase domain mutation.", "tissue"),
    ("NGS on the liver biopsy at brigatinib failure showed ALK G1202R.", "tissue"),
    ("Endobronchial biopsy at progression: squamous cell carcinoma, p40 positive.", "tissue"),
    ("Progressing on alectinib with tissue ALK G1202R, switching to lorlatinib.", "tissue"),
    ("We did not see the ALK fusion in the new tissue (adrenal, RNA panel).", "tissue"),
    ("G1202R was found in the new tissue from the adrenal.", "tissue"),
    ("Plan: EBUS next week for tissue; plasma sent today.", "plasma"),
    ("Plan: liver core on Monday; Guardant360 drawn this morning.", "plasma"),
    # a biopsy heading with its date and site, and a tissue key whose tumour found is queried or awaits more
    ("Bx 10/2025 (adrenal): adenocarcinoma, NGS to follow.", "tissue"),
    ("Biopsy 2025 (pleura): poorly differentiated carcinoma? neuroendocrine stains awaited.", "tissue"),
    ("Rebiopsy (liver): adenocarcinoma with focal neuroendocrine features? - awaiting synaptophysin.", "tissue"),
]

# never read as this progression's testing
CONTROLS = [
    # plans, options, questions
    ("Plan: plasma sent next week if the core is inadequate.", None),
    ("Plan: plasma to be sent after the scan.", None),
    ("Would a resection of the frontal lesion give us tissue?", None),
    ("Recommend endobronchial biopsy of the new RUL lesion.", None),
    ("Should we send tissue from the same episode for RNA NGS?", None),
    # the diagnostic specimen
    ("Diagnosed in 2021 on an endobronchial biopsy: adenocarcinoma, ALK IHC positive.", None),
    ("The diagnostic tissue (2020) showed EML4-ALK v3.", None),
    # another person
    ("Her brother's liver biopsy showed ALK G1202R.", None),
    # a tap for relief beside a plan to sample
    ("Therapeutic thoracentesis today; will send fluid for cytology next time.", None),
    # a dated biopsy of the diagnosis, a query before the finding
    ("Bx 2020 (RUL): adenocarcinoma, ALK FISH positive. Alectinib since 03/2020.", None),
    ("Biopsy 03/2019 (lung): adenocarcinoma, ALK IHC positive; started crizotinib.", None),
    ("Rebiopsy: ?small cell, to be discussed", None),
    ("Bx 2021 (lung): adenocarcinoma (diagnosis).", None),
    # a form's value to come keeps its reading
    ("Rebiopsy: pending", None),
    ("Pregnancy: not applicable (male)", None),
]


# every class as (text, the biopsy read; None: none read)
CASES = [
    *((text, None) for text in TAP_FOR_RELIEF),
    *((text, "tissue") for text in TAP_SAMPLED),
    *((text, None) for text in RESECTION_AS_OPTION),
    *((text, "plasma") for text in PLASMA_UNDER_A_BIOPSY_HEADING),
    *FAILED_WITH_A_BRACKET,
    *FORM_NOT_APPLICABLE_OR_NONE_YET,
    *TISSUE_OF_THIS_PROGRESSION,
    *CONTROLS,
]


@pytest.mark.parametrize("text, biopsy", CASES)
def test_the_biopsy_of_this_progression_by_class(text: str, biopsy: str | None) -> None:
    assert_reads(text, {"biopsy": biopsy})


def test_pregnancy_not_applicable_keeps_its_value() -> None:
    assert_reads("Pregnancy: not applicable (male)", {"pregnancy_status": "not_applicable"})
