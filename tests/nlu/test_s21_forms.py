"""Classes found on set 21's tuning half (whole cases pasted in one chat message), each with near-miss controls:

1. A dash between spaces after ALK is a separator, not a minus: "ALK - negative", "ALK - not detected" and "not ALK -
   the report says ROS1" read ALK POSITIVE (the minus read as ALK negative, then denied by the words after or before
   it). A minus glued to ALK or ending its item ("ALK- NSCLC", "EGFR -, ALK -, ROS1 -") is still ALK negative.
2. The order of TKIs told in other ways than the list: "crizotinib before ceritinib" after a label naming ceritinib
   first ("Post-ceritinib NGS: ..."), an earlier TKI told after the current one with "before that" or "earlier" and no
   comma ("she had alectinib before that"), a "Prior:" sentence whose own TKIs are ordered by "then" ("PD on
   lorlatinib (3L). Prior: crizotinib, then alectinib"), "came first"; and a sentence opened by "After <TKI>" says
   nothing of the order of the TKI told before it ("... (on crizotinib). After alectinib the new biopsy shows ...").
3. A request to review or advise heading the case, the case after a colon or a dash ("Please review: 66M, ALK+ NSCLC,
   on alectinib 3.5 years", "Please advise: ALK+ NSCLC on alectinib"): the case is told; it read nothing (the whole
   sentence taken as the request's, and "advise" as a test advised for ALK).
4. A test denied with a specimen named before it ("No tissue or plasma testing at progression", "no tissue/plasma
   NGS") or refused by a payer ("insurance denied liquid biopsy", "liquid biopsy denied by insurance"): no plasma
   biopsy (it read one).
5. A sequence of TKIs closed by an arrow to an open slot ("ceritinib->alectinib->now?", "crizo -> alec -> next?"):
   the TKIs were given and what comes next is asked (it read them all as the question's).
6. The spread word after the progression ("Alectinib PD widespread.", "now 2nd PD widespread (liver, bone, nodes)",
   "disease progression, widespread"): systemic (it read no pattern), not the brain's.
"""

from __future__ import annotations

import pytest

from bot.nlu.extractor import extract_case


# ---- 1. a dash after ALK between spaces --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "alk"),
    [
        ("ALK - negative", False),
        ("ALK - negative, alectinib", False),
        ("ALK - not detected", False),
        ("ALK - neg", False),
        ("ALK – negative by IHC", False),
        ("ALK - positive", True),
        # the words after the dash say no status: nothing read (asked), never positive from a minus denied
        ("Please note: not ALK - the report says ROS1 fusion, I typed ALK by mistake.", None),
        ("not ALK - ROS1", None),
        ("ALK - the report says so", None),
        # controls: a minus glued to ALK, or ending its item, is ALK negative
        ("ALK- NSCLC", False),
        ("EGFR-/ALK-/ROS1-", False),
        ("EGFR -, ALK -, ROS1 -", False),
        ("ALK -", False),
        ("ALK -ve", False),
        ("ALK - ve", False),
        ("Markers: TTF1+, ALK -.", False),
        ("ALK+ adeno on alectinib", True),
    ],
)
def test_a_dash_after_alk_between_spaces_is_a_separator(text: str, alk: bool | None) -> None:
    assert extract_case(text).get("alk_positive") is alk


# ---- 2. the order of TKIs --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "tkis"),
    [
        ("Post-ceritinib NGS: ALK S1206Y. Was on crizotinib before ceritinib.", ["crizotinib", "ceritinib"]),
        ("Post-alectinib biopsy: G1202R. She had crizotinib before alectinib.", ["crizotinib", "alectinib"]),
        ("Post-alectinib biopsy: G1202R. Crizotinib was given before alectinib.", ["crizotinib", "alectinib"]),
        ("crizotinib before alectinib, then lorlatinib", ["crizotinib", "alectinib", "lorlatinib"]),
        ("Progression on brigatinib; she had alectinib before that.", ["alectinib", "brigatinib"]),
        ("Progression on brigatinib; alectinib earlier.", ["alectinib", "brigatinib"]),
        ("PD on lorlatinib (3L). Prior: crizotinib, then alectinib.", ["crizotinib", "alectinib", "lorlatinib"]),
        ("After alectinib the new liver biopsy shows G1202R. Crizotinib came first.", ["crizotinib", "alectinib"]),
        (
            "MET amplification was on the 2022 biopsy at first progression (on crizotinib). After alectinib the new "
            "liver biopsy shows MET not amplified, ALK G1202R.",
            ["crizotinib", "alectinib"],
        ),
        ("Currently: brigatinib. Previously: crizotinib (2017-2019, PD).", ["crizotinib", "brigatinib"]),
        # controls: the forms read before, in their order
        ("alectinib currently. Prior to this, crizotinib", ["crizotinib", "alectinib"]),
        ("She has been on Alecensa for 3 yrs. Before that Xalkori.", ["crizotinib", "alectinib"]),
        ("lorlatinib after alectinib", ["alectinib", "lorlatinib"]),
        ("Zykadia 2L after crizotinib", ["crizotinib", "ceritinib"]),
        ("G1202R on the biopsy at progression on alectinib. Previously crizotinib.", ["crizotinib", "alectinib"]),
        ("alectinib after crizotinib, then lorlatinib", ["crizotinib", "alectinib", "lorlatinib"]),
        ("crizotinib, then alectinib. After alectinib: lorlatinib.", ["crizotinib", "alectinib", "lorlatinib"]),
        ("Alectinib failure. Before that she was on crizotinib for 2 years.", ["crizotinib", "alectinib"]),
        ("crizotinib was stopped after 6 weeks and alectinib started", ["crizotinib", "alectinib"]),
    ],
)
def test_the_order_of_tkis_told_by_their_relation(text: str, tkis: list[str]) -> None:
    assert extract_case(text).get("prior_tkis") == tkis


# ---- 3. a request heading the case ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Please review: 66M, ALK+ NSCLC, on alectinib 3.5 years.", {"alk_positive": True, "prior_tkis": ["alectinib"]}),
        ("Please advise: ALK+ NSCLC on alectinib, PD in liver.", {"alk_positive": True, "prior_tkis": ["alectinib"]}),
        ("Kindly review: ALK+ NSCLC, alectinib, G1202R.", {"alk_positive": True, "alk_mutations": ["G1202R"]}),
        ("Kindly review - 58F, ALK-rearranged, progressed on brigatinib", {"prior_tkis": ["brigatinib"]}),
        ("Please advise on this patient: 72 yo F, ALK+, alectinib, G1202R", {"alk_mutations": ["G1202R"]}),
        ("pls review: pt with ALK+ NSCLC on alectinib", {"prior_tkis": ["alectinib"]}),
    ],
)
def test_a_request_heading_the_case_leaves_the_case_told(text: str, want: dict) -> None:
    case = extract_case(text)
    assert {k: case.get(k) for k in want} == want


@pytest.mark.parametrize(
    "text",
    [
        # controls: a request about options or the evidence, or a case closing with "?", asks
        "Please advise: lorlatinib or brigatinib",
        "Please advise: lorlatinib after alectinib?",
        "Please review the evidence for lorlatinib after alectinib",
        "Please comment on lorlatinib in G1202R",
        "please check: is brigatinib ok after alectinib",
        "Please advise: 60M on alectinib - lorlatinib next?",
    ],
)
def test_a_request_about_options_changes_nothing(text: str) -> None:
    case = extract_case(text)
    assert not case.get("prior_tkis") and not case.get("alk_mutations"), case


# ---- 4. a test denied beside another specimen, or refused by a payer ----------------------------------------------
@pytest.mark.parametrize(
    ("text", "biopsy"),
    [
        ("No tissue or plasma testing at progression.", None),
        ("no tissue or liquid biopsy done", None),
        ("No tissue or plasma NGS at progression.", None),
        ("no tissue/plasma testing", None),
        ("no biopsy or plasma testing", "none"),
        (
            "ALK+ NSCLC, PD on brigatinib. No tissue or plasma testing at progression - patient declined biopsy and "
            "insurance denied liquid biopsy.",
            "none",
        ),
        ("insurance denied liquid biopsy", None),
        ("the insurer refused to cover the liquid biopsy", None),
        ("liquid biopsy denied by insurance", None),
        # controls: a plasma test done beside a tissue one not done, or covered
        ("Tissue biopsy not possible; plasma NGS: G1202R", "plasma"),
        ("no tissue, plasma NGS: G1202R", "plasma"),
        ("liquid biopsy: G1202R, insurance covered it", "plasma"),
        ("tissue and plasma NGS: G1202R", "tissue_and_plasma"),
    ],
)
def test_a_test_denied_beside_a_specimen_or_by_a_payer_is_not_done(text: str, biopsy: str | None) -> None:
    assert extract_case(text).get("biopsy") == biopsy


@pytest.mark.parametrize(
    ("text", "tkis"),
    [
        ("insurance denied lorlatinib, so she stays on alectinib", ["alectinib"]),
        ("lorlatinib not covered by her insurer; continues alectinib", ["alectinib"]),
        ("alectinib, then lorlatinib (covered by insurance after appeal)", ["alectinib", "lorlatinib"]),
    ],
)
def test_a_drug_a_payer_refused_is_not_received(text: str, tkis: list[str]) -> None:
    assert extract_case(text).get("prior_tkis") == tkis


# ---- 5. a sequence closed by an arrow to an open slot -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "tkis"),
    [
        ("ceritinib->alectinib->now? progression in brain, 2 lesions, SRS-able, body quiet", ["ceritinib", "alectinib"]),
        ("crizo -> alec -> next? PD brain only", ["crizotinib", "alectinib"]),
        ("crizotinib -> alectinib -> ?", ["crizotinib", "alectinib"]),
        ("alectinib -> what next? G1202R on tissue", ["alectinib"]),
        ("alectinib => ?? PD liver", ["alectinib"]),
        # controls: a therapy in the slot is proposed, and a sentence opening as a question asks it all
        ("alectinib -> lorlatinib?", None),
        ("alectinib -> lorlatinib, thoughts?", ["alectinib"]),
        ("what about crizotinib -> alectinib -> ?", None),
        ("could we do crizotinib -> alectinib -> ?", None),
    ],
)
def test_a_sequence_closed_by_an_open_slot_was_given(text: str, tkis: list[str] | None) -> None:
    assert extract_case(text).get("prior_tkis") == tkis


# ---- 6. the spread word after the progression --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("ALK+ NSCLC. Alectinib PD widespread.", "systemic"),
        ("now 2nd PD widespread (liver, bone, nodes)", "systemic"),
        ("progression widespread", "systemic"),
        ("disease progression, widespread", "systemic"),
        ("progression is diffuse", "systemic"),
        # controls: the brain's, denied, asked, or no progression
        ("PD widespread in the brain", None),
        ("PD widespread (brain)", None),
        ("PD not widespread, only the liver", None),
        ("Is the PD widespread?", None),
        ("no progression; widespread disease stable", "none"),
    ],
)
def test_the_spread_word_after_the_progression(text: str, pattern: str | None) -> None:
    assert extract_case(text).get("progression") == pattern
