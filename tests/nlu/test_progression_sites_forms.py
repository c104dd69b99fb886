"""The pattern of progression told across clauses, lines and headings (prog3). Three classes:

1. A denial of one site does not take a progressing site named after it: "no progression in the liver, new bone
   mets" was read as one phrase over both sites, denied whole (nothing progressing). The site after the comma (a
   semicolon, "but", "however", "while") is read as the same words alone read it ("new bone mets": one site, no
   pattern, yet progressing); a list whose later items read nothing alone stays denied whole.
2. A progression that names no site told beside stable disease, with no time between them ("PD; stable disease"), is
   stated both ways (asked), as a sited one is ("PD in liver; stable disease"); not "none".
3. A state's time given only by the heading it is told under ("Restaging CT 12/2025:\\n- stable disease", "2025:\\n-
   stable on alectinib", "Current:", "Now:", "latest CT: ...") orders it after a progression told before, as a date
   in its own line does; a heading that tells no time, or the past, does not.
Phrasings of our own, as clinicians write them; none is a sentence of the independent phrasing sets."""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from bot.nlu.extractor import progressing
from tests.nlu.reads import assert_reads, assert_reads_other_than, assert_stated_both_ways


def _reading(text: str) -> tuple[dict, list, bool]:
    entities = extractor.load().entities(text)
    return extractor.case_fields(entities), extractor.conflicts(entities), progressing(entities)


# ---- 1. a denial of one site, then another site progressing -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        ("no progression in the liver, new bone mets", "new bone mets"),
        ("liver stable, but new bone lesions", "new bone lesions"),
        ("no new liver lesions; new adrenal met", "new adrenal met"),
        ("no intracranial progression, however new lung nodules and bone mets", "new lung nodules and bone mets"),
        ("brain: no new lesions. body: new liver mets", "new liver mets"),
        ("no new liver lesions, new bone mets", "new bone mets"),
        ("without progression in the liver, new bone mets", "new bone mets"),
        ("no growth of liver mets, new bone lesions", "new bone lesions"),
        ("no new lesions in liver, new bone mets", "new bone mets"),
        ("no progression in the liver, new bone and adrenal mets", "new bone and adrenal mets"),
        ("no PD in liver, new bone and adrenal mets", "new bone and adrenal mets"),
        ("no progression in the lungs, new liver and adrenal lesions", "new liver and adrenal lesions"),
        ("no new hepatic lesions, new osseous and adrenal mets", "new osseous and adrenal mets"),
        ("no progression in the liver, enlarging bone mets", "enlarging bone mets"),
        ("no PD in lung, new liver lesion", "new liver lesion"),
        ("no new liver lesions while new bone lesions appeared", "new bone lesions"),
        ("no progression in the brain, new liver and bone mets", "new liver and bone mets"),
    ],
)
def test_a_site_progressing_after_a_denied_site_reads_as_it_reads_alone(text, alone):
    assert _reading(text) == _reading(alone), (text, _reading(text), alone, _reading(alone))
    assert progressing(extractor.load().entities(text)), text


@pytest.mark.parametrize(
    "text",
    [
        # negative controls: one denial over a list of sites, the later ones reading nothing alone
        "no progression in the liver or bones",
        "no progression in liver, bone or adrenal",
        "no new liver, bone or adrenal lesions",
        "no progression in the liver, bones, adrenals",
        "no new lesions in the liver, bone and lungs",
        "no progression in liver and bone",
        "no disease progression in the liver, new bone mets?",
        "if no progression in the liver, new bone mets would be oligoprogression",
    ],
)
def test_one_denial_over_a_list_of_sites_or_a_question_reads_no_progression(text):
    assert not progressing(extractor.load().entities(text)), text
    assert_reads(text, {"progression": None})


@pytest.mark.parametrize(
    "text",
    [
        # controls: the same two sites progressing read alike joined as one phrase or as two
        "progression in the liver, new bone mets",
        "new liver lesions, new bone mets",
        "PD in liver, new bone mets",
    ],
)
def test_two_sites_progressing_across_a_comma_are_still_systemic(text):
    assert_reads(text, {"progression": "systemic"})


@pytest.mark.parametrize(
    "text",
    ["no intracranial progression", "no progression in the brain", "no CNS progression",
     "no intracranial progression, however new lung nodules and bone mets"],
)
def test_no_brain_progression_says_nothing_of_brain_metastases_nor_of_the_whole_disease(text):
    found = assert_reads(text, {"brain_metastases": None})
    assert found.get("progression") != "none", (text, found)


@pytest.mark.parametrize("text", ["no brain mets", "brain mets excluded", "No progression."])
def test_a_denial_of_brain_mets_or_of_any_progression_still_reads(text):
    # negative controls: a denial of the metastases themselves, or of any progression
    found = extractor.extract_case(text)
    assert found.get("brain_metastases") is False or found.get("progression") == "none", (text, found)


# ---- 2. a progression with no site beside stable disease, no time between -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "PD; stable disease",
        "progressive disease; stable disease",
        "Progression. Stable disease.",
        "PD, SD",
        "progressed, stable disease",
        "she progressed; scans stable",
        "disease progression. CT: stable disease.",
        "PD\nstable disease",
        "stable disease; PD",
        "PD on alectinib; stable disease",
    ],
)
def test_a_bare_progression_beside_stable_disease_is_stated_both_ways(text):
    assert_stated_both_ways(text, "progression")


def test_the_bare_form_reads_as_the_sited_form_does():
    assert_stated_both_ways("PD in liver; stable disease", "progression")
    assert_reads("PD", {"progression": None})
    assert_reads("stable disease", {"progression": "none"})


@pytest.mark.parametrize(
    "text",
    [
        # negative controls: a time between them, a progression denied, planned, asked, a relative's, PD-L1, or a
        # progression the stability is dated from
        "PD on crizotinib; now stable on alectinib.",
        "progressed on crizotinib, then stable on alectinib since",
        "stable disease. No PD.",
        "No RECIST progression; mets shrinking.",
        "no unequivocal progression; stable disease",
        "stable disease, continue until PD",
        "stable disease; if PD, lorlatinib",
        "stable disease, ?PD",
        "stable disease; her brother had PD",
        "stable disease, PD-L1 50%",
        "stable disease since progression on crizotinib",
        "following progression on crizotinib, stable disease on alectinib",
        "progressed on alectinib a year ago and has since been on chemotherapy, with stable disease",
        "PD on crizotinib in 2021; alectinib since, with stable disease",
    ],
)
def test_a_stability_with_no_progression_of_now_beside_it_is_none(text):
    assert_reads(text, {"progression": "none"})


@pytest.mark.parametrize(
    "text",
    [
        # negative controls: a time word that goes on with the progression's list or its treatment, not a clause of
        # a later state
        "progression in liver and then bone; stable disease",
        "PD in liver, then SBRT; stable disease",
    ],
)
def test_a_time_word_inside_the_progression_s_own_clause_does_not_end_it(text):
    assert_stated_both_ways(text, "progression")


def test_no_intracranial_progression_is_no_progression_told():
    # negative control: a denial of brain progression is no bare progression beside stable disease
    assert_reads("no intracranial progression; stable disease", {"progression": "none"})


# ---- 3. a state's time given by the heading it is told under ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "PD in liver and bone 03/2024.\nRestaging CT 12/2025:\n- stable disease",
        "progression in liver 2023. Restaging CT 12/2025:\n- stable disease",
        "2023:\n- progression in liver\n2025:\n- stable on alectinib",
        "2023:\n- progression in liver and bones\n- switched to alectinib\n2025:\n- stable disease",
        "03/2024:\nnew liver and bone mets\n11/2025:\nstable disease on lorlatinib",
        "Mar 2024:\n- PD liver, bone\nJan 2026:\n- CT stable",
        "2024\n- progression in the liver and bones\n2025\n- stable disease",
        "- 2023: progression in liver and bones\n- 2025: stable on alectinib",
        "PD in liver and bone\nCurrent:\n- stable disease on lorlatinib",
        "Progression in liver and bones on crizotinib.\nNow:\n- stable on alectinib",
        "new liver and adrenal mets on alectinib\nLatest CT:\n- stable disease",
        "progression in the liver and bones; current: lorlatinib since 06/2024, ongoing response.",
    ],
)
def test_a_state_under_a_later_heading_is_the_later_state(text):
    assert_reads(text, {"progression": "none"})


@pytest.mark.parametrize(
    "text",
    [
        # negative controls: a heading that tells no time, or the past, or an earlier date; both under one heading
        "PD in liver and bone\nImaging:\n- stable disease",
        "PD in liver and bone\nFindings:\n- stable disease",
        "PD in liver and bone\nCT chest abdomen pelvis:\n- stable disease",
        "PD in liver and bone\nLungs:\n- stable disease",
        "PD in liver and bone\nHistory 2023:\n- stable disease",
        "PD in liver and bone\nPrior imaging 2025:\n- stable disease",
        "PD in liver and bone 12/2025\nRestaging CT 06/2025:\n- stable disease",
        "2026:\n- PD in liver and bone\n2025:\n- stable disease",
        "Current:\n- PD in liver and bone\n- stable disease",
        "2025:\n- stable disease\n- new liver and bone mets",
        "PD in liver and bone\n\n2025:\n\n- stable disease",
    ],
)
def test_a_state_under_a_heading_that_is_not_later_is_not_none(text):
    assert_reads_other_than(text, {"progression": "none"})


def test_a_heading_alone_over_stable_disease_still_reads_none():
    assert_reads("Restaging CT 12/2025:\n- stable disease", {"progression": "none"})
