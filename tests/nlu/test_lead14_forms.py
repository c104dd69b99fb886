"""Known misreadings of README's "Found and not mended", each mended as a class of wording with near-miss controls:

1. A brain scan named first reached past a later scan or key of another organ ("MRI brain clear, MRI spine: 2 new
   lesions"): it counted the spine's lesions as the brain's.
2. Another organ's lesions named inside a bare MRI's count ("MRI: 3 new liver mets, rest stable") were read as the
   brain's (CNS-only), and the brain said clear after a liver's new lesions ("..., brain clear, other sites stable") as
   a list's progressing item: the liver's progression is read where the rest of the text makes it a pattern.
3. A repeat biopsy told bare, its statement's only words ("Repeat biopsy."), read as tissue taken.
4. A biopsy's result told come back or returned ("the biopsy came back: G1202R") read no biopsy.
5. A score with its date between its label and its value ("ECOG 03/2025: 1. ECOG 11/2025: 2") read no score: the
   latest by the dates now stands.
6. A retraction as the whole of the next statement ("G1202R detected. Entry made in error.") did not take back the
   finding before it.
7. A ctDNA test whose statement names the cerebrospinal fluid as its source or heading ("CSF from lumbar drain: ALK
   fusion on ctDNA") read as plasma, and the fusion on plasma.
8. The writer's own view after a score whose source is named before it ("GP says ECOG 1; I'd say 2") read the
   source's score: the two now clash (asked).
"""

from __future__ import annotations

import pytest

from bot.nlu.extractor import extract_case


def _read(text: str) -> dict:
    return extract_case(text)


# ---- 1. another organ's scan or key ends a brain scan's reach -------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "brain", "lesions"),
    [
        ("MRI brain clear, MRI spine: 2 new lesions", False, None),
        ("MRI brain clear, CT chest: 2 new lesions", False, None),
        ("MRI brain clear, spine MRI shows 2 new lesions", False, None),
        ("Brain MRI clear, bone scan: 2 new lesions", False, None),
        ("MRI brain clear, PET: 2 new lesions", False, None),
        ("MRI brain clear, spine: 2 new lesions", False, None),
        ("MRI brain clear\nLiver: 2 new lesions", False, None),
        # controls: the brain's own scan or CT, a body scan named before the brain's, one exam of brain and spine
        ("MRI brain: 2 new lesions", True, "limited"),
        ("MRI brain and CT head: 2 new lesions", True, "limited"),
        ("CT chest stable, MRI brain: 2 new lesions", True, "limited"),
        ("MRI brain: 3 new lesions, CT chest stable", True, "limited"),
        ("MRI brain and spine: 2 new lesions", True, "limited"),
    ],
)
def test_another_organs_scan_ends_the_brain_scans_reach(text, brain, lesions):
    case = _read(text)
    assert (case.get("brain_metastases"), case.get("cns_lesions")) == (brain, lesions)


# ---- 2. another organ's lesions after a bare MRI are that organ's progression ----------------------------------------
@pytest.mark.parametrize(
    ("text", "progression", "brain"),
    [
        ("MRI: 3 new liver mets, rest stable", "oligoprogression", None),
        ("MRI: a new liver lesion, rest stable", "oligoprogression", None),
        ("MRI: 2 new mets in the liver, rest stable", "oligoprogression", None),
        ("MRI shows 2 new hepatic metastases, other sites stable", "oligoprogression", None),
        ("MRI: 2 new mets in the liver, brain clear, other sites stable", "oligoprogression", False),
        ("MRI: 2 new mets in the liver and new bone lesions", "systemic", None),
        # one site alone is no pattern (asked), and not the brain's
        ("MRI: 2 new mets in the liver", None, None),
        # controls: a bare MRI's lesions (the brain's in this chat), the brain among the sites progressing
        ("MRI: 3 new mets, rest stable", "cns_only", True),
        ("MRI brain: 2 new lesions in the left frontal lobe", None, True),
        ("new mets in liver and brain, rest stable", None, True),
    ],
)
def test_another_organs_lesions_are_its_progression(text, progression, brain):
    case = _read(text)
    assert (case.get("progression"), case.get("brain_metastases")) == (progression, brain)


# ---- 3. a bare repeat biopsy is no biopsy done -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "biopsy"),
    [
        ("Repeat biopsy.", None),
        ("Rebiopsy.", None),
        ("Re-biopsy.", None),
        ("Repeat liver biopsy.", None),
        ("Progression on alectinib. Repeat biopsy.", None),
        ("Progression on alectinib.\nRepeat biopsy.\nStart lorlatinib.", None),
        ("- Repeat biopsy\n- Start lorlatinib", None),
        # controls: its result, its taking, its date, a finding told after it
        ("Repeat biopsy: G1202R", "tissue"),
        ("repeat biopsy of liver showed G1202R", "tissue"),
        ("Repeat biopsy done.", "tissue"),
        ("Repeat biopsy performed.", "tissue"),
        ("Repeat biopsy 11/2025.", "tissue"),
        ("Had a repeat biopsy.", "tissue"),
        ("We rebiopsied.", "tissue"),
        ("Rebiopsy: yes", "tissue"),
        ("Repeat biopsy. Shows G1202R.", "tissue"),
        ("Repeat biopsy.\nNGS: G1202R", "tissue"),
    ],
)
def test_a_bare_repeat_biopsy_is_not_done(text, biopsy):
    assert _read(text).get("biopsy") == biopsy


# ---- 4. a biopsy's result come back ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "biopsy"),
    [
        ("the biopsy came back: G1202R", "tissue"),
        ("biopsy results came back showing G1202R", "tissue"),
        ("biopsy returned G1202R", "tissue"),
        ("the rebiopsy came back positive for MET amplification", "tissue"),
        ("The biopsy report has come back: small cell transformation", "tissue"),
        ("Biopsy result showed G1202R", "tissue"),
        ("the liquid biopsy came back: G1202R", "plasma"),
        # controls: to come, supposed, asked, not yet back, another person's
        ("if the biopsy comes back positive for G1202R, lorlatinib", None),
        ("when the biopsy comes back we will decide", None),
        ("awaiting biopsy results", None),
        ("biopsy results not back yet", None),
        ("The biopsy has not come back yet.", None),
        ("Has the biopsy come back?", None),
        ("Her mother's biopsy came back: adenocarcinoma", None),
    ],
)
def test_a_biopsy_come_back_is_done(text, biopsy):
    assert _read(text).get("biopsy") == biopsy


def test_a_biopsy_come_back_keeps_its_result():
    assert _read("the biopsy came back: G1202R").get("alk_mutations") == ["G1202R"]


# ---- 5. a score dated between its label and its value ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "ecog"),
    [
        ("ECOG 03/2025: 1. ECOG 11/2025: 2", 2),
        ("ECOG 11/2025: 2. ECOG 03/2025: 1", 2),
        ("PS (03/2025) 1; PS (11/2025) 2", 2),
        ("ECOG Jan 2025: 0, ECOG Nov 2025: 2", 2),
        ("ECOG 2024: 0. ECOG 2025: 1", 1),
        ("ECOG (in 03/2025) 1, ECOG (in 11/2025) 2", 2),
        ("ECOG 03/2025: 1", 1),
        # controls: two undated scores, or two of one date, stay a clash (asked)
        ("ECOG: 1. ECOG: 2", None),
        ("ECOG 1. PS 2", None),
        ("ECOG 2025: 1, ECOG 2025: 2", None),
    ],
)
def test_dated_scores_read_the_latest(text, ecog):
    assert _read(text).get("ecog") == ecog


# ---- 6. a retraction as the next statement ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("G1202R detected. Entry made in error.", "alk_mutations", None),
        ("G1202R detected.\nEntered in error - please ignore", "alk_mutations", None),
        ("MET amplification on NGS. This was entered in error.", "bypass_alterations", None),
        ("G1202R detected. Entry made in error. L1196M detected.", "alk_mutations", ["L1196M"]),
        # controls: a retraction naming another item, of the statement between, denied or asked
        ("G1202R detected. ECOG entry made in error.", "alk_mutations", ["G1202R"]),
        ("G1202R detected. The ECOG entry was made in error.", "alk_mutations", ["G1202R"]),
        ("G1202R detected. ECOG 1. Entry made in error.", "alk_mutations", ["G1202R"]),
        ("G1202R detected. ECOG 1. Entry made in error.", "ecog", None),
        ("G1202R detected. No entry made in error.", "alk_mutations", ["G1202R"]),
        ("G1202R detected. Was the entry made in error?", "alk_mutations", ["G1202R"]),
    ],
)
def test_a_retraction_as_the_next_statement_takes_back_the_one_before(text, field, value):
    assert _read(text).get(field) == value


# ---- 7. the CSF's ctDNA is no plasma ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "fusion", "specimen", "biopsy"),
    [
        ("Progression on alectinib. CSF from lumbar drain: ALK fusion on ctDNA. Plasma negative", True, None, "plasma"),
        ("Progression on alectinib. CSF from lumbar drain: ALK fusion on ctDNA.", True, None, None),
        ("Progression on alectinib. CSF from lumbar drain: ALK fusion detected on ctDNA only", True, None, None),
        ("Progression on alectinib. CSF from lumbar drain: G1202R on ctDNA.", None, None, None),
        ("Progression on alectinib. CSF (lumbar drain) ctDNA: G1202R", None, None, None),
        ("Progression on alectinib. Lumbar puncture - cfDNA: G1202R", None, None, None),
        # controls: the plasma's ctDNA, the CSF in another statement or clause, blood named after the CSF
        ("Progression on alectinib. Plasma ctDNA: ALK fusion detected", True, "plasma", "plasma"),
        ("Progression on alectinib. CSF cytology negative; plasma ctDNA: G1202R", None, None, "plasma"),
        ("Progression on alectinib. CSF cytology negative. ctDNA: G1202R", None, None, "plasma"),
        ("Progression on alectinib. CSF clear, ctDNA from blood: G1202R", None, None, "plasma"),
        ("Progression on alectinib. ctDNA: G1202R. CSF: malignant cells.", None, None, "plasma"),
    ],
)
def test_the_csf_ctdna_is_no_plasma(text, fusion, specimen, biopsy):
    case = _read(text)
    assert (case.get("alk_fusion_at_progression"), case.get("alk_fusion_specimen"), case.get("biopsy")) == (
        fusion,
        specimen,
        biopsy,
    )


# ---- 8. the writer's own score after a source's named before it ------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "ecog"),
    [
        ("GP says ECOG 1; I'd say 2", None),
        ("The GP says ECOG 1, I'd say 2.", None),
        ("According to the GP, ECOG 1; I would say 2", None),
        ("GP: ECOG 1. I'd say 2", None),
        ("Referral letter: PS 1 - we would call it 2", None),
        ("The oncologist scored her ECOG 1, but I would call it 2", None),
        ("ECOG 1 per the GP, but I'd say 2", None),
        # controls: the same view, no view of the writer's, a later score now
        ("GP says ECOG 1; I'd say 1", 1),
        ("GP says ECOG 1", 1),
        ("ECOG 2 per GP, now 1", 1),
    ],
)
def test_the_writers_view_after_a_sources_score_clashes(text, ecog):
    assert _read(text).get("ecog") == ecog
