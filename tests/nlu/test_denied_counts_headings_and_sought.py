"""Findings read that the text denied or only named (lead7, 2026-12-07).

- A count of none written as a digit before what it counts ("0 brain mets", "Brain: 0 new mets", "MRI brain: 0
  lesions", "0 brain mets, 2 liver mets") read brain metastases PRESENT (and a few lesions, or a brain progression);
  after it ("brain mets x0", "brain lesions (n=0)") or in words as a form's answer ("Brain mets: zero", "Number of new
  brain lesions: zero") too.
- A count that heads the next item ("brain mets, 2 liver mets") was read as the brain's (a few lesions).
- The one TKI excepted from all of them ("she's had every ALK TKI except lorlatinib", "all 2G TKIs but brigatinib")
  read RECEIVED: after lorlatinib the case is out of scope.
- A result denied in its bracket ("G1202R (not detected)", "MET amplification (not detected)", "brain mets (none)"),
  hyphenated or in one word ("G1202R: not-detected", "G1202R undetected"), or under a report's heading ("Not detected:
  G1202R, L1196M", "Negative for: G1202R, MET amp") read PRESENT.
- A finding only looked for ("was tested for G1202R", "screened for MET amp", "MRI to assess for brain mets") or a
  panel's coverage ("Panel covers G1202R, L1196M", "Tested: G1202R, L1196M") read PRESENT.
- A trial's result or a standard in general ("per CROWN, lorlatinib improves PFS", "alectinib is 1L standard") read
  the TKI RECEIVED; a mutation's kind in general ("L1196M is the gatekeeper mutation") read the mutation.
Controls: counts of one and more, a score of 0 beside lesions, sizes and stages; an exception after a denial of the
rest ("never had any TKI except alectinib": given), one said of tolerance or response ("tolerated all TKIs except
ceritinib": given), and "all of her TKIs apart from crizotinib" (hers); results found beside the denied ones or after
the heading's sentence; "tested positive for"; a TKI given beside a trial's words; the patient's own mutation named
with its kind."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than


@pytest.mark.parametrize("text", [
    "0 brain mets",
    "0 brain metastases on MRI",
    "MRI brain: 0 lesions",
    "Brain MRI 11/2025: 0 new lesions",
    "brain: 0 mets",
    "0 x brain mets",
    "0 intracranial lesions",
    "brain mets x0",
    "brain mets x 0",
    "brain lesions (n=0)",
    "Brain mets: zero",
    "brain lesions: zero",
    "Number of new brain lesions: zero",
    "0 brain mets, 2 liver mets",
])
def test_a_count_of_none_is_never_brain_metastases_present(text: str) -> None:
    assert_reads_other_than(text, {"brain_metastases": True})
    assert_reads(text, {"cns_lesions": None, "progression": None})


@pytest.mark.parametrize("text", ["0 brain mets", "0 x brain mets", "brain mets x0", "brain lesions (n=0)",
                                  "Brain mets: zero", "0 brain mets, 2 liver mets"])
def test_a_count_of_none_of_the_brains_metastases_denies_them(text: str) -> None:
    assert_reads(text, {"brain_metastases": False})


@pytest.mark.parametrize("text", [
    "Brain: 0 new mets",
    "MRI brain: 0 new lesions",
    "0 new brain lesions",
])
def test_a_count_of_no_new_brain_lesions_is_no_brain_progression(text: str) -> None:
    assert_reads(text, {"brain_metastases": None, "progression": None, "cns_lesions": None})


@pytest.mark.parametrize(("text", "lesions"), [
    ("10 brain mets", "extensive"),
    ("2 brain mets", "limited"),
    ("brain mets x2", "limited"),
    ("brain mets x2, liver mets x3", "limited"),
    ("brain mets 2 stable", "limited"),
    ("PS 0; 3 brain mets", "limited"),
    ("ECOG 0 brain mets x2", "limited"),
    ("T2N0M1c, 2 brain mets", "limited"),
    ("0.5 cm brain lesion", "limited"),
    ("brain mets = 1", "limited"),
])
def test_counts_of_one_and_more_still_read(text: str, lesions: str) -> None:
    assert_reads(text, {"brain_metastases": True, "cns_lesions": lesions})


@pytest.mark.parametrize("text", ["ECOG 0 brain mets x2", "PS 0; 3 brain mets", "ECOG 0, 2 new brain lesions"])
def test_a_score_of_0_beside_lesions_stays_a_score(text: str) -> None:
    assert_reads(text, {"ecog": 0, "brain_metastases": True})


@pytest.mark.parametrize("text", [
    "brain mets, 2 liver mets",
    "brain mets, 3 new bone lesions",
    "Brain metastases, 2 adrenal metastases and 4 liver lesions",
])
def test_a_count_that_heads_another_site_is_not_the_brains(text: str) -> None:
    assert_reads(text, {"brain_metastases": True, "cns_lesions": None})


@pytest.mark.parametrize(("text", "excepted"), [
    ("she's had every ALK TKI except lorlatinib", "lorlatinib"),
    ("All TKIs apart from lorlatinib.", "lorlatinib"),
    ("has received all the ALK TKIs but lorlatinib", "lorlatinib"),
    ("received all 2nd gen TKIs other than brigatinib", "brigatinib"),
    ("Prior TKIs: all approved ALK inhibitors except lorlatinib", "lorlatinib"),
    ("every TKI except brigatinib and lorlatinib", "lorlatinib"),
    ("alectinib, brigatinib - i.e. everything except lorlatinib", "lorlatinib"),
    ("Has tried every available targeted option, excluding lorlatinib.", "lorlatinib"),
])
def test_a_tki_excepted_from_all_is_not_received(text: str, excepted: str) -> None:
    found = assert_reads(text, {})
    assert excepted not in found.get("prior_tkis", []), (text, found)


@pytest.mark.parametrize(("text", "given"), [
    ("no TKI at all other than alectinib", "alectinib"),
    ("never had any TKI except alectinib", "alectinib"),
    ("has not had any TKI other than alectinib", "alectinib"),
    ("She tolerated all TKIs except ceritinib", "ceritinib"),
    ("All TKIs were well tolerated except ceritinib", "ceritinib"),
    ("responded to all TKIs except brigatinib", "brigatinib"),
    ("all of her TKIs apart from crizotinib were second generation", "crizotinib"),
    ("Crizotinib, then alectinib; all stable except the liver.", "alectinib"),
])
def test_a_tki_excepted_after_a_denial_or_of_tolerance_is_still_received(text: str, given: str) -> None:
    found = assert_reads(text, {})
    assert given in found.get("prior_tkis", []), (text, found)


# ---- (lead7) a result the report denies, bracketed or under its heading; a finding only looked for ----------------

@pytest.mark.parametrize("text", [
    "G1202R (not detected)",
    "G1202R (not found)",
    "G1202R (ND)",
    "G1202R (n.d.)",
    "G1202R: not-detected",
    "G1202R undetected",
    "MET amplification (not detected)",
    "Not detected: G1202R, L1196M",
    "NOT DETECTED: G1202R",
    "Not detected - G1202R",
    "Not detected: G1202R, MET amp",
    "Negative for: G1202R, MET amp",
    "- Not detected: G1202R, MET amp",
    "Not detected: G1202R, L1196M and MET amplification",
    "was tested for G1202R",
    "tested for G1202R",
    "screened for MET amp",
    "Panel covers G1202R, L1196M, I1171N",
    "The panel includes G1202R and L1196M hotspots",
    "Mutations detected: none. Tested: G1202R, L1196M",
    "Hotspots analysed: G1202R, L1196M",
    "The assay detects G1202R, L1196M and MET amplification",
])
def test_a_result_denied_or_only_looked_for_is_not_found(text: str) -> None:
    found = assert_reads(text, {})
    assert not found.get("alk_mutations") and not found.get("bypass_alterations"), (text, found)


@pytest.mark.parametrize(("text", "brain"), [
    ("brain mets (none)", False),
    ("assessed for brain mets", None),
    ("MRI to assess for brain mets", None),
])
def test_brain_metastases_denied_in_brackets_or_only_looked_for(text: str, brain: bool | None) -> None:
    assert_reads(text, {"brain_metastases": brain})


@pytest.mark.parametrize(("text", "mutations", "bypass"), [
    ("Detected: L1196M. Not detected: G1202R, MET amplification.", ["L1196M"], None),
    ("Detected: L1196M; not detected: G1202R, I1171N", ["L1196M"], None),
    ("Not detected: G1202R. MET amplification detected.", None, ["MET_amplification"]),
    ("Negative for: G1202R, MET amp detected", None, ["MET_amplification"]),
    ("Negative: ROS1, RET. Positive: MET amp", None, ["MET_amplification"]),
    ("G1202R (detected)", ["G1202R"], None),
    ("tested positive for G1202R", ["G1202R"], None),
    ("G1202R detected; tested for MET amp", ["G1202R"], None),
    ("no MET amp, G1202R", ["G1202R"], None),
])
def test_a_finding_found_beside_them_still_reads(text: str, mutations: list[str] | None,
                                                  bypass: list[str] | None) -> None:
    assert_reads(text, {"alk_mutations": mutations, "bypass_alterations": bypass})


@pytest.mark.parametrize("text", ["She has brain mets, assessed for SRS", "3 brain mets; assessed for SRS"])
def test_brain_metastases_told_beside_an_assessment_for_a_therapy_still_read(text: str) -> None:
    assert_reads(text, {"brain_metastases": True})


# ---- (lead7) a statement about a drug or a mutation in general ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "per CROWN, lorlatinib improves PFS",
    "Lorlatinib prolonged PFS in CROWN.",
    "as in the ALEX trial, alectinib is 1L standard",
    "Lorlatinib improves intracranial PFS over crizotinib.",
])
def test_a_trial_result_or_a_standard_names_no_tki_received(text: str) -> None:
    assert_reads(text, {"prior_tkis": None})


@pytest.mark.parametrize(("text", "tki"), [
    ("She is on standard-dose alectinib.", "alectinib"),
    ("Alectinib is her current therapy since 2022.", "alectinib"),
    ("On lorlatinib; it improves PFS over crizotinib.", "lorlatinib"),
    ("Lorlatinib, which improves intracranial PFS, was started in May.", "lorlatinib"),
    ("Alectinib improved her headaches.", "alectinib"),
])
def test_a_tki_given_beside_such_words_still_reads(text: str, tki: str) -> None:
    found = assert_reads(text, {})
    assert tki in found.get("prior_tkis", []), (text, found)


@pytest.mark.parametrize(("text", "mutation"), [
    ("L1196M is the gatekeeper mutation", None),
    ("G1202R is a solvent-front mutation", None),
    ("Her L1196M is the gatekeeper mutation.", ["L1196M"]),
    ("She has G1202R, a solvent front mutation.", ["G1202R"]),
])
def test_a_mutations_kind_in_general_is_not_the_patients(text: str, mutation: list[str] | None) -> None:
    assert_reads(text, {"alk_mutations": mutation})


@pytest.mark.parametrize(("text", "fields"), [
    ("We looked for G1202R and found it.", {"alk_mutations": ["G1202R"]}),
    ("tested for G1202R: positive", {"alk_mutations": ["G1202R"]}),
    ("screened for MET amp, which was detected", {"bypass_alterations": ["MET_amplification"]}),
    ("we looked for brain mets and found none", {"brain_metastases": False}),
    ("tested for G1202R: negative", {"alk_mutations": None}),
])
def test_what_the_search_found_after_the_finding_is_read(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# (lead7) a question's lead past a dot inside a word: found by tests/test_questions_property.py's random search
@pytest.mark.parametrize(("text", "mutations"), [
    ("for a p.Gly1202Arg, what would you give?", None),
    ("for a p.Leu1196Met, what would you give?", None),
    ("lorlatinib was given for a p.Gly1202Arg", ["G1202R"]),
])
def test_a_question_about_a_three_letter_variant_states_nothing(text: str, mutations: list[str] | None) -> None:
    assert_reads(text, {"alk_mutations": mutations})
