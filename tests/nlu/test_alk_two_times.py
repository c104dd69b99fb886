"""Two ALK results for two times in one message, as clinicians write them side by side: the result at diagnosis
(alk_positive; false puts the case out of scope) and the re-biopsy's or the plasma's at progression
(alk_fusion_at_progression, alk_fusion_specimen). Each result goes to its own time, in either order, in brackets, after
a comma, a semicolon, a dash, "but", "whereas" or "while"; a denial never reaches across a bracket into the other
result; a result whose time cannot be told is left unread, never read as the diagnosis's negative. Phrasings written
from ward notes and MDT summaries, not from the independent sets."""

from __future__ import annotations

import itertools

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads_exactly

read = extractor.extract_case

AT_DIAGNOSIS = ["ALK positive at diagnosis", "ALK+ at dx", "ALK (D5F3) IHC positive at diagnosis",
                "ALK FISH positive at baseline", "originally ALK positive", "ALK-rearranged at initial diagnosis",
                "ALK pos at dx", "ALK IHC (Ventana) positive at diagnosis"]
# the negative at progression, and the specimen it says (None: a time, no specimen; plasma: the negative is left
# unread, a tumour may shed too little to show the fusion)
LATER_NEGATIVE = [("ALK IHC negative on the re-biopsy", "tissue"), ("ALK negative on rebiopsy", "tissue"),
                  ("ALK neg at PD", None), ("ALK FISH negative at progression", None),
                  ("ALK not detected on the liver rebiopsy", "tissue"), ("ALK- on rebx", "tissue"),
                  ("ALK NGS negative on the repeat biopsy", "tissue"), ("ALK negative in plasma", "plasma")]
SIDE_BY_SIDE = ["{later} ({dx})", "{later}, {dx}", "{later}; {dx}", "{dx}, but {later}", "{later} whereas {dx}",
                "{dx}; {later}", "{later} while {dx}", "{dx} ({later})", "{dx} - {later}", "{later}, but was {dx}"]


def _sentence(form: str, dx: str, later: str) -> str:
    text = form.format(dx=dx, later=later)
    return text[0].upper() + text[1:]


@pytest.mark.parametrize("text,specimen", [
    (_sentence(form, dx, later), specimen)
    for (later, specimen), dx, form in itertools.product(LATER_NEGATIVE, AT_DIAGNOSIS, SIDE_BY_SIDE)
])
def test_each_result_goes_to_its_own_time(text, specimen):
    case = read(text)
    assert case.get("alk_positive") is True, (text, case)
    if specimen == "plasma":
        assert "alk_fusion_at_progression" not in case, (text, case)
        return
    assert case.get("alk_fusion_at_progression") is False, (text, case)
    assert case.get("alk_fusion_specimen") == specimen, (text, case)


@pytest.mark.parametrize("text,fields", [
    # the examples of the defect: a denial across a bracket, a "positive" given to the re-biopsy
    ("ALK IHC negative on re-biopsy (was ALK positive at dx)",
     {"alk_positive": True, "alk_fusion_at_progression": False, "alk_fusion_specimen": "tissue"}),
    ("ALK negative on rebiopsy (originally ALK positive)",
     {"alk_positive": True, "alk_fusion_at_progression": False, "alk_fusion_specimen": "tissue"}),
    ("ALK IHC neg on rebiopsy (was ALK+ at dx)",
     {"alk_positive": True, "alk_fusion_at_progression": False, "alk_fusion_specimen": "tissue"}),
    ("ALK IHC negative on the re-biopsy; ALK-positive at diagnosis",
     {"alk_positive": True, "alk_fusion_at_progression": False, "alk_fusion_specimen": "tissue"}),
    ("ALK IHC negative on the rebiopsy — was ALK+ at dx",
     {"alk_positive": True, "alk_fusion_at_progression": False, "alk_fusion_specimen": "tissue"}),
    ("ALK negative on the repeat biopsy but ALK positive on the original biopsy",
     {"alk_positive": True, "alk_fusion_at_progression": False, "alk_fusion_specimen": "tissue"}),
    # the second result with the gene left out ("..., positive at diagnosis")
    ("ALK negative at progression, positive at diagnosis", {"alk_positive": True, "alk_fusion_at_progression": False}),
    ("ALK positive at diagnosis, negative on rebiopsy",
     {"alk_positive": True, "alk_fusion_at_progression": False, "alk_fusion_specimen": "tissue"}),
    ("ALK positive at diagnosis and negative at relapse", {"alk_positive": True, "alk_fusion_at_progression": False}),
    ("ALK was positive at diagnosis but is now negative", {"alk_positive": True, "alk_fusion_at_progression": False}),
    ("ALK positive by FISH initially; now negative", {"alk_positive": True, "alk_fusion_at_progression": False}),
    ("Previously ALK positive, now negative", {"alk_positive": True, "alk_fusion_at_progression": False}),
    ("ALK D5F3 IHC neg on the rebx, Ventana pos at dx",
     {"alk_positive": True, "alk_fusion_at_progression": False, "alk_fusion_specimen": "tissue"}),
    # a specimen of this progression named first, the result after it, the diagnosis's after that
    ("Rebx liver: ALK IHC negative, originally ALK FISH positive",
     {"alk_positive": True, "alk_fusion_at_progression": False, "alk_fusion_specimen": "tissue"}),
    ("Dx ALK+ (D5F3). PD on alectinib. Re-biopsy: ALK negative.",
     {"alk_positive": True, "alk_fusion_at_progression": False, "alk_fusion_specimen": "tissue"}),
    ("EML4-ALK at diagnosis; rebiopsy ALK negative (IHC and FISH)",
     {"alk_positive": True, "alk_fusion_at_progression": False, "alk_fusion_specimen": "tissue"}),
    ("ALK IHC positive at diagnosis. Repeat biopsy at progression: ALK IHC negative, ALK FISH negative.",
     {"alk_positive": True, "alk_fusion_at_progression": False, "alk_fusion_specimen": "tissue"}),
    ("no ALK fusion on rebiopsy (ALK positive at diagnosis)",
     {"alk_positive": True, "alk_fusion_at_progression": False, "alk_fusion_specimen": "tissue"}),
    ("ALK-rearranged at dx, now ALK-negative on rebx",
     {"alk_positive": True, "alk_fusion_at_progression": False, "alk_fusion_specimen": "tissue"}),
    # positive at both times
    ("ALK positive on rebiopsy (ALK positive at diagnosis)",
     {"alk_positive": True, "alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue"}),
    ("ALK+ at dx; ALK FISH still positive on rebiopsy",
     {"alk_positive": True, "alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue"}),
    ("ALK positive on re-biopsy, positive at dx",
     {"alk_positive": True, "alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue"}),
])
def test_two_results_in_one_message(text, fields):
    case = read(text)
    assert {k: v for k, v in case.items() if k.startswith("alk_")} == fields, (text, case)


@pytest.mark.parametrize("text", [
    "ALK negative (was positive at diagnosis)",  # the negative's time is not said: not the diagnosis's, not surely now
    "ALK+ (was ALK negative on an outside test)",
])
def test_a_result_whose_time_is_not_told_is_left_unread(text):
    case = read(text)
    assert case.get("alk_positive") is not False, (text, case)
    assert "alk_fusion_at_progression" not in case, (text, case)


@pytest.mark.parametrize("text,fields", [
    # one result for one time: read as before
    ("ALK negative on rebiopsy", {"alk_fusion_at_progression": False, "alk_fusion_specimen": "tissue"}),
    ("ALK neg at PD", {"alk_fusion_at_progression": False}),
    ("ALK not detected on rebiopsy", {"alk_fusion_at_progression": False, "alk_fusion_specimen": "tissue"}),
    ("ALK-positive at dx, not tested at progression", {"alk_positive": True}),
    ("ALK negative in plasma", {}),  # not the diagnosis's, and no loss of the fusion: a tumour may shed too little
    # a negative with no time is the diagnosis's: the case is out of scope, as it always was
    ("ALK-negative NSCLC", {"alk_positive": False}),
    ("ALK negative", {"alk_positive": False}),
    ("ALK IHC negative", {"alk_positive": False}),
    ("ALK negative NSCLC at diagnosis", {"alk_positive": False}),
    ("not ALK positive", {"alk_positive": False}),
    ("ALK-negative adenocarcinoma progressing on chemo", {"alk_positive": False}),
    ("ALK negative with progression on chemo", {"alk_positive": False}),  # the patient's progression, not a test's
    ("ALK-negative NSCLC, PD-L1 positive at diagnosis", {"alk_positive": False}),  # another test's positive
    ("ALK negative, EGFR negative, KRAS G12C positive", {"alk_positive": False}),
    # the fusion not detected with no time: read as the fusion at progression, as it is now read
    ("ALK rearrangement not detected (FISH)", {"alk_fusion_at_progression": False}),
])
def test_one_result_keeps_its_reading(text, fields):
    case = read(text)
    assert {k: v for k, v in case.items() if k.startswith("alk_")} == fields, (text, case)


@pytest.mark.parametrize("text,fields", [
    # a denial outside brackets does not reach the finding in them, nor across a clause's own result
    ("no SCLC on the rebiopsy (ALK positive at diagnosis)",
     {"alk_positive": True, "transformation": "none", "biopsy": "tissue"}),
    ("no brain mets (MRI), ALK+ at dx", {"alk_positive": True, "brain_metastases": False}),
    ("ALK-positive adenocarcinoma, negative for MET amplification on rebiopsy",
     {"alk_positive": True, "histology": "adenocarcinoma", "biopsy": "tissue"}),
])
def test_a_denial_stays_outside_the_other_results_brackets(text, fields):
    assert_reads_exactly(text, fields)


@pytest.mark.parametrize("text", [
    "Is ALK negative on rebiopsy a concern?",
    "What if ALK is negative on rebiopsy (ALK positive at dx)?",
    "If ALK is negative at progression, positive at diagnosis, what next?",
    "Was ALK negative on rebiopsy after being ALK positive at diagnosis?",
    "Does an ALK-negative rebiopsy after ALK positive at diagnosis mean transformation?",
    "ALK neg on rebx?",
])
def test_a_question_about_two_results_states_nothing(text):
    assert_reads_exactly(text, {})
