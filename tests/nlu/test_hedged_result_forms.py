"""Molecular results the report itself does not stand behind, and results amended, revised or withdrawn.

A call the laboratory flags as below its reporting limit, for research or information only, not confirmed, of
uncertain significance, possibly clonal haematopoiesis, or that the team says it does not count, is no finding: the
assistant reads nothing for it and asks. A result corrected or revised takes its latest value ("I1171T corrected to
I1171N" is I1171N; "revised to indeterminate" or "withdrawn" is nothing; "previously reported as X" is not X). A change
whose residue numbering the writer says is another gene's is not read as ALK's. Negative controls: a plain low-level
call the lab reports is read, a denial stays one, and a hedge about something else leaves the finding alone.
Phrasings of our own, as clinicians and laboratories write them; none is a sentence of the independent phrasing sets.
"""
from __future__ import annotations

import pytest

from bot.nlu import extractor


def _read(text: str, field: str):
    return extractor.extract_case(text).get(field)


# ---- 1. a call the report does not stand behind: nothing read ------------------------------------------------------

NOT_STOOD_BEHIND = [
    ("ctDNA: ALK L1196M found at 0.12%, below the lab's reportable range; listed as 'low confidence'.", "alk_mutations"),
    ("Plasma NGS shows ALK G1202R 0.06% - below limit of reporting, research use only.", "alk_mutations"),
    ("ALK I1171N detected at 0.1% VAF, which is under the validated limit of detection; for information only.",
     "alk_mutations"),
    ("ALK G1269A seen at 0.2% (below the assay's validated LOD of 0.5%), reported for information only.",
     "alk_mutations"),
    ("Liquid biopsy: ALK F1174C at 0.3%, not confirmed by an orthogonal method.", "alk_mutations"),
    ("ALK V1180L 0.4% in plasma, flagged by the lab as low confidence.", "alk_mutations"),
    ("ALK L1198F called at 0.1%, reported as 'detected - low confidence'.", "alk_mutations"),
    ("The lab lists ALK E1210K at 0.07% with the comment 'for research use only, not for clinical decisions'.",
     "alk_mutations"),
    ("ALK C1156Y 0.3%, clinical significance uncertain per the lab.", "alk_mutations"),
    ("ALK G1202R at 0.2% in plasma; the report calls it of uncertain clinical significance.", "alk_mutations"),
    ("ALK S1206Y at 0.5%, classified as a variant of uncertain significance.", "alk_mutations"),
    ("KRAS G12D at 0.4% in plasma, possibly clonal haematopoiesis according to the lab.", "bypass_alterations"),
    ("BRAF V600E at 0.2%, probable CHIP - we do not count it.", "bypass_alterations"),
    ("EGFR L858R found in plasma at 0.1%, below the reporting threshold.", "bypass_alterations"),
    ("MET amplification called on plasma, reported as low confidence given the tumour fraction.",
     "bypass_alterations"),
    ("PIK3CA E545K 0.3% in ctDNA - for research use only.", "bypass_alterations"),
    ("The plasma report lists ALK G1202R at 0.09%. The lab would not stand behind it clinically.",
     "alk_mutations"),
    ("Plasma shows NRAS Q61K at 0.2% that tissue did not. The lab classes the plasma call as of uncertain "
     "significance.", "bypass_alterations"),
    ("ALK L1196M 0.05% in plasma. We do not count it; tissue is awaited.", "alk_mutations"),
    ("ALK G1202R detected at 0.1% - clinical significance unclear; repeat in 4 weeks.", "alk_mutations"),
]


@pytest.mark.parametrize(("text", "field"), NOT_STOOD_BEHIND, ids=[t[:60] for t, _ in NOT_STOOD_BEHIND])
def test_a_call_the_report_does_not_stand_behind_is_not_read(text, field):
    assert _read(text, field) is None, text


# ---- 2. amended, revised, corrected or withdrawn results take their latest value ----------------------------------

REVISED = [
    ("Amended report: 'ALK G1202R detected (0.1%)' has been revised to 'indeterminate'.", "alk_mutations", None),
    ("ALK L1196M, initially issued as detected, was revised to 'not detected' on repeat testing.", "alk_mutations",
     None),
    ("The plasma MET amplification has since been withdrawn by the lab in an amended report.", "bypass_alterations",
     None),
    ("KRAS G12C was reported on 2 May; the laboratory has withdrawn it after re-analysis.", "bypass_alterations",
     None),
    ("The lab retracted the ALK I1171S call after review of the raw reads.", "alk_mutations", None),
    ("Correction from the lab: 'ALK I1171T' corrected to 'ALK I1171N'.", "alk_mutations", ["I1171N"]),
    ("Revised report - ALK L1196M is corrected to ALK L1198F.", "alk_mutations", ["L1198F"]),
    ("ALK G1202R (VAF 5%) amended to ALK G1202del (VAF 5%) after manual review.", "alk_mutations", ["G1202del"]),
    ("Final NGS: ALK G1269A at 9% (previously reported as ALK G1269S).", "alk_mutations", ["G1269A"]),
    ("ALK F1174L, 12% - originally reported as ALK F1174C.", "alk_mutations", ["F1174L"]),
    ("ALK C1156Y revised to 'equivocal' in the addendum.", "alk_mutations", None),
    ("Addendum: the EGFR exon 20 insertion on the first report is reclassified as a sequencing artefact.",
     "bypass_alterations", None),
    ("Plasma 'MET gene copy number gain, indeterminate'; tissue to clarify.", "bypass_alterations", None),
    ("Re-reported: ALK L1152R (10%), erroneously reported as ALK L1152P in the first version.", "alk_mutations",
     ["L1152R"]),
]


# ---- 3. a residue numbered as in another gene: not ALK's -----------------------------------------------------------

OTHER_NUMBERING = [
    "The outside report says 'ALK G2032R'; that residue numbering belongs to ROS1, and we asked the lab to re-check.",
    "An 'ALK D2033N' was called - that is ROS1 numbering, so we have queried the report.",
    "'ALK G2032R' on the outside panel: the residue numbering is ROS1's, not ALK's.",
]


@pytest.mark.parametrize("text", OTHER_NUMBERING, ids=[t[:60] for t in OTHER_NUMBERING])
def test_a_change_numbered_as_another_genes_is_not_alks(text):
    assert _read(text, "alk_mutations") is None, text


# ---- 3b. a lesion the report calls indeterminate or puts down to treatment: no new lesion, no progression ----------

LESION_DOUBTED = [
    "MRI head: new 3 mm enhancing focus in the right parietal lobe, indeterminate; repeat in 6 weeks.",
    "The enlarging left frontal lesion is favoured to represent treatment effect after SRS.",
    "Growing right cerebellar lesion, most likely radiation necrosis on perfusion.",
    "MRI: a growing occipital lesion, in keeping with pseudoprogression.",
    "New 4 mm focus in the left insula, too small to characterise.",
]


@pytest.mark.parametrize("text", LESION_DOUBTED, ids=[t[:60] for t in LESION_DOUBTED])
def test_a_lesion_called_indeterminate_or_treatment_effect_is_no_progression(text):
    case = extractor.extract_case(text)
    assert "progression" not in case and not case.get("brain_metastases"), (text, case)


LESION_READ = [
    ("Two new brain metastases (6 and 9 mm) on MRI; body stable on alectinib.", "brain_metastases", True),
    ("Enlarging right frontal lesion: true progression rather than radiation necrosis, per perfusion.",
     "brain_metastases", True),
    ("MRI shows the treated lesion is bigger; we treat this as PD in the brain and refer for SRS.", "brain_metastases",
     True),
]


# ---- 4. negative controls: still read -----------------------------------------------------------------------------

STILL_READ = [
    ("ALK G1202R 0.4% in plasma.", "alk_mutations", ["G1202R"]),
    ("Plasma: ALK G1202R detected, VAF 0.3%.", "alk_mutations", ["G1202R"]),
    ("ctDNA showed a low-level ALK L1196M (0.6%), reported by the lab as detected.", "alk_mutations", ["L1196M"]),
    ("ALK I1171N at 0.2%, confirmed on repeat ddPCR.", "alk_mutations", ["I1171N"]),
    ("ALK G1202R at 14% in the liver core; no MET amplification.", "alk_mutations", ["G1202R"]),
    ("ALK G1202R detected (12%); TP53 VUS also noted.", "alk_mutations", ["G1202R"]),
    ("ALK L1196M 8%; a NOTCH2 variant of uncertain significance was also reported.", "alk_mutations", ["L1196M"]),
    ("KRAS G12C 18% on tissue, confirmed on plasma.", "bypass_alterations", ["KRAS_G12C"]),
    ("ALK F1174L 9%. The lab notes a DNMT3A change as possible CHIP.", "alk_mutations", ["F1174L"]),
    ("ALK G1202R 10% on tissue; the plasma was below the limit of detection for everything.", "alk_mutations",
     ["G1202R"]),
    ("MET amplification (CN 12) on the pleural core; reported with high confidence.", "bypass_alterations",
     ["MET_amplification"]),
    ("ALK V1180L 15%, not an artefact on manual review.", "alk_mutations", ["V1180L"]),
    ("ALK G1202R 6%. Her mother's tumour had a variant of uncertain significance.", "alk_mutations", ["G1202R"]),
    ("ALK L1196M at 4%. The PET was indeterminate.", "alk_mutations", ["L1196M"]),
    ("MET copy number 4.4: a low-level gain, under the amplification threshold.", "bypass_alterations", ["MET_gain"]),
]


# a revised result at its latest value (section 2), a lesion stated or concluded (3b), a call stood behind (4)
VALUES = REVISED + LESION_READ + STILL_READ


@pytest.mark.parametrize(("text", "field", "value"), VALUES, ids=[t[:60] for t, _, _ in VALUES])
def test_the_latest_or_stated_value_is_read(text, field, value):
    assert _read(text, field) == value, text


# a denial stays one: "not detected" is read as it is read without any hedge near it
DENIALS = [
    "ALK G1202R not detected; clinical significance of the KRAS call uncertain.",
    "No ALK kinase-domain mutations detected.",
    "ALK L1196M not detected in plasma.",
]


@pytest.mark.parametrize("text", DENIALS, ids=[t[:60] for t in DENIALS])
def test_a_denial_is_not_read_as_a_mutation(text):
    assert not _read(text, "alk_mutations"), text


# ---- 5. questions and what others had: nothing read ---------------------------------------------------------------

NOTHING = [
    "Is an ALK G1202R at 0.1% below the reporting limit something we should act on?",
    "Would you count a KRAS G12D at 0.2% flagged as possible CHIP?",
    "What if the lab revises the G1202R to indeterminate?",
    "Her brother's tumour had ALK G1202R, reported as low confidence.",
]


@pytest.mark.parametrize("text", NOTHING, ids=[t[:60] for t in NOTHING])
def test_questions_and_others_read_no_mutation(text):
    case = extractor.extract_case(text)
    assert not case.get("alk_mutations") and not case.get("bypass_alterations"), text
