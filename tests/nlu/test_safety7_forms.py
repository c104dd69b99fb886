"""Three misreadings of safety7 (discordG): two ALK test methods that disagree read as ALK-positive ("ALK IHC positive,
FISH negative"), where the CAP/IASLC/AMP guideline makes IHC an equivalent alternative to FISH (Lindeman NI et al.,
Arch Pathol Lab Med 2018;142:321-346) and no source we have says either settles a discordance (a third method does:
Int J Mol Sci 2019;20:3939, PMC6720438; knowledge.md rule G0): ALK status stated both ways, asked about; a drug of
another class offered an ALK TKI as a near miss ("imatinib": did you mean brigatinib?); and a panel heading led by ALK
whose bypass genes are denied ("ALK/EGFR/KRAS: no mutations") and RET / ERBB2 rows of a variant table
("RET | fusion | KIF5B-RET") left unread. Phrasings of our own, as clinicians write them; none is a sentence of the
independent phrasing sets."""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads

# ---- 1. two ALK test methods that disagree: stated both ways --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ALK IHC positive, FISH negative",
        "ALK IHC positive, FISH not confirmatory",
        "D5F3 IHC 3+ but break-apart FISH negative (8% split signals)",
        "ALK FISH+ / IHC-",
        "ALK IHC+, FISH-",
        "ALK (D5F3) IHC: positive; ALK FISH: negative",
        "ALK+ by IHC (D5F3), FISH negative",
        "ALK-positive (IHC); FISH non-confirmatory",
        "ALK rearranged by FISH; IHC negative",
        "alk ihc pos, fish neg",
        "ALK FISH negative but IHC 3+",
        "ALK IHC negative, FISH positive",
        "ALK IHC strongly positive (3+), FISH did not confirm",
        "Ventana ALK D5F3 positive; Vysis break-apart FISH negative",
        "Adenocarcinoma. ALK IHC positive, FISH negative. Alectinib 2 years, systemic PD.",
        "ALK IHC positive, FISH negative, alectinib 2 years, systemic PD",
        # one time told for both
        "At diagnosis ALK IHC positive, FISH negative",
        # (ecog branch, item 2) one result dated at the diagnosis, the other method's with no time: the same
        # work-up's results disagreeing, still asked about
        "ALK IHC positive (dx), FISH negative",
        "ALK IHC positive at diagnosis, FISH negative",
        "ALK IHC positive at dx, FISH negative at dx",
        "ALK FISH negative, IHC positive at diagnosis",
        "ALK (D5F3) IHC 3+ at baseline; break-apart FISH negative",
        "ALK IHC negative | ALK FISH: positive at diagnosis",
        "ALK FISH (at diagnosis): positive; ALK IHC neg",
        "ALK IHC: negative; ALK FISH (dx): positive",
    ],
)
def test_two_alk_methods_that_disagree_are_a_conflict(text):
    entities = extractor.load().entities(text)
    assert "alk_positive" in extractor.conflicts(entities), (text, entities)
    assert "alk_positive" not in extractor.case_fields(entities), (text, entities)


@pytest.mark.parametrize(
    ("text", "positive"),
    [
        # both methods agree, or the second gave no result
        ("ALK IHC positive, FISH positive", True),
        ("ALK IHC positive; FISH not done", True),
        ("ALK IHC positive, FISH pending", True),
        ("ALK IHC+; FISH failed (insufficient tumour)", True),
        ("ALK IHC positive and FISH confirmed", True),
        # another gene's test
        ("ALK IHC positive, EGFR negative", True),
        ("ALK IHC positive, ROS1 FISH negative", True),
        ("ALK IHC positive, PD-L1 IHC negative", True),
        ("ALK FISH positive; MET FISH negative", True),
        ("ALK FISH negative", False),
        # two times' results, not a discordance (tests/nlu/test_alk_two_lines.py reads them; with no progression
        # told between the lines, alkstat: asked as in one row, tests/nlu/test_alk_status_forms.py)
        ("ALK IHC negative. Progressed on alectinib. ALK FISH: positive at diagnosis.", True),
        ("ALK FISH (at diagnosis): positive\nPD on alectinib\nALK IHC neg", True),
        ("ALK IHC positive at diagnosis; ALK FISH negative on the rebiopsy", True),
        ("ALK IHC positive at diagnosis, FISH negative at progression", True),
        ("ALK IHC positive (initially), FISH negative", True),
        # an equivocal result is no result: the other method's decides, as the reflex test it is (it was read as a
        # negative, so an equivocal IHC beside a positive FISH was asked about as a discordance)
        ("ALK IHC positive, FISH equivocal", True),
        ("IHC was equivocal; ALK status at diagnosis was positive on FISH", True),
        ("ALK IHC (D5F3) equivocal; break-apart FISH confirmed ALK rearrangement", True),
        ("ALK IHC equivocal", None),
        ("ALK FISH equivocal", None),
        # no gene named, or no result: nothing read
        ("IHC positive; FISH not done", None),
        ("FISH pending", None),
    ],
)
def test_agreeing_or_single_alk_results_are_read(text, positive):
    entities = extractor.load().entities(text)
    assert "alk_positive" not in extractor.conflicts(entities), (text, entities)
    assert_reads(text, {"alk_positive": positive})


# ---- 2. a drug of another class is never offered an ALK TKI ---------------------------------------------------------


@pytest.mark.parametrize(
    "word",
    ["imatinib", "osimertinib", "gefitinib", "erlotinib", "dasatinib", "sunitinib", "capmatinib", "tepotinib",
     "neratinib", "baricitinib", "nilotinib", "afatinib", "entrectinib", "pralsetinib", "savolitinib",
     "taletrectinib", "larotrectinib", "Certican", "Imatinib"],
)
def test_a_drug_of_another_class_gets_no_suggestion(word):
    assert extractor.did_you_mean(word) is None
    assert "prior_tkis" not in extractor.extract_case(f"prior TKIs: {word}")


@pytest.mark.parametrize("word", ["osimertinib", "gefitinib", "erlotinib", "capmatinib", "tepotinib", "docetaxel",
                                  "rifampicin", "Osimertinib"])
def test_a_drug_the_project_lists_in_another_class_is_known_not_alk(word):
    assert extractor.other_drug(word)


@pytest.mark.parametrize("word", ["imatinib", "brigatinib", "brigatanibbb", "neladalkib", "lorla", "xyzinib"])
def test_an_alk_tki_a_slip_or_an_unlisted_word_is_not_another_class(word):
    assert not extractor.other_drug(word)


@pytest.mark.parametrize(
    ("word", "drug"),
    [("brigatanibbb", "brigatinib"), ("ceritnb", "ceritinib"), ("zlectinib", "alectinib"), ("lorlatinibb", "lorlatinib"),
     ("brigade", None), ("xyzinib", None)],
)
def test_a_close_slip_still_gets_its_suggestion(word, drug):
    assert extractor.did_you_mean(word) == drug


# ---- 3. bypass genes denied after ALK; RET and ERBB2 table rows ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("ALK/EGFR/KRAS: no mutations", {"alk_mutations": [], "bypass_alterations": []}),
        ("ALK, EGFR, KRAS: no mutations detected", {"alk_mutations": [], "bypass_alterations": []}),
        ("ALK/EGFR/KRAS/BRAF - none", {"bypass_alterations": []}),
        ("NGS panel. ALK/EGFR/BRAF/MET: negative.", {"bypass_alterations": []}),
        # one bypass gene denied says nothing of the others
        ("ALK/EGFR: no mutations", {"alk_mutations": [], "bypass_alterations": None}),
        # not a result
        ("ALK/EGFR/KRAS: testing pending", {"bypass_alterations": None}),
    ],
)
def test_bypass_genes_denied_after_alk_are_read(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("RET | fusion | KIF5B-RET", ["RET_fusion"]),
        ("RET\tfusion\tKIF5B-RET", ["RET_fusion"]),
        ("Gene | Type | Detail\nRET | rearrangement | CCDC6-RET", ["RET_fusion"]),
        ("ERBB2 | amplification", ["HER2_activation"]),
        ("HER2 | amplification | CN 9", ["HER2_activation"]),
        ("ERBB2\tamp", ["HER2_activation"]),
        ("ERBB2 | CNV: amplification", ["HER2_activation"]),
    ],
)
def test_ret_and_erbb2_table_rows_are_read(text, found):
    assert_reads(text, {"bypass_alterations": found})


@pytest.mark.parametrize(
    "text",
    [
        "RET | fusion | KIF5B-RET | VUS",
        "RET | fusion | KIF5B-RET | tier III",
        "RET\tfusion\tKIF5B-RET\tTier III",
        "RET | fusion | KIF5B::RET (below LOD)",
        "ERBB2 | amplification | VUS",
        "ERBB2 | amplification | below LOD",
        "ERBB2 | missense | p.S310F | tier III",
        "RET | fusion | not detected",
        "ERBB2 | amplification | not detected",
        "RET | SNV | p.M918T | VUS",
    ],
)
def test_uncertain_or_negative_rows_are_not_read(text):
    found = extractor.extract_case(text)
    assert not {"RET_fusion", "HER2_activation"} & set(found.get("bypass_alterations", [])), (text, found)
