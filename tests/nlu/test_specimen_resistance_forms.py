"""The specimen and the fusion of this progression's resistance testing, written in our own words.

Classes: (1) a specimen named beside a mutation stays when the rest of the class is denied after it ("no other ALK
mutations" is said of this result, not of an earlier one); (2) a form's specimen key told of this progression ("Tissue
NGS at PD: not done") is that specimen's, and both kinds said not done is no re-biopsy, never both taken; (3) a plasma
test said not done or not sent is no plasma specimen; (4) the ALK fusion listed with a kinase-domain mutation in one
result is the fusion at progression (the mutation arises on the TKI). Controls: a diagnostic biopsy's history, a planned
biopsy, a question, a plasma test still pending, a fusion told of the diagnosis, the fusion in a bracket after the
disease, and a fusion said not detected.
"""
import pytest

from bot.nlu import extractor


def case(text):
    return extractor.extract_case(text)


# (1) the rest of the class denied after a result keeps the result's specimen
BESIDES = [
    ("L1196M on the repeat biopsy, no further ALK mutations.", "tissue"),
    ("ALK F1174L (plasma, at progression on brigatinib), no other ALK resistance mutations", "plasma"),
    ("C1156Y found on the adrenal rebiopsy; no additional ALK mutations detected.", "tissue"),
    ("MET amplification on the liver core, no other bypass alterations.", "tissue"),
]


@pytest.mark.parametrize("text,specimen", BESIDES)
def test_the_rest_denied_keeps_the_specimen(text, specimen):
    assert case(text).get("biopsy") == specimen


# (2) a form's specimen key of this progression
KEYS = [
    ("Tissue/plasma at progression: not done", "none"),
    ("Tissue + plasma NGS at PD: declined by patient", "none"),
    ("Tissue NGS at relapse: not performed", "none"),
    ("Plasma NGS at progression: ALK I1171N 0.9%", "plasma"),
    ("Tissue NGS at PD: ALK G1202R, MET not amplified", "tissue"),
]


@pytest.mark.parametrize("text,specimen", KEYS)
def test_a_specimen_key_of_this_progression(text, specimen):
    assert case(text).get("biopsy") == specimen


# (3) a plasma test said not done or not sent is no plasma specimen
PLASMA_NOT_DONE = [
    "Plasma test not done.",
    "The ctDNA assay was not sent.",
    "plasma tests not performed",
]


@pytest.mark.parametrize("text", PLASMA_NOT_DONE)
def test_a_plasma_test_not_done_is_no_plasma(text):
    assert case(text).get("biopsy") != "plasma"


# (4) the fusion listed with an ALK kinase-domain mutation is the fusion at progression
FUSION_WITH_MUTATION = [
    ("Core of the growing adrenal lesion: adenocarcinoma. Panel: EML4-ALK fusion, ALK L1196M.", "tissue"),
    ("EBUS of the new subcarinal node - NGS: EML4-ALK v3; ALK G1202R (VAF 12%)", "tissue"),
    ("Lung core NGS: ALK I1171N with EML4-ALK v1", "tissue"),
    ("Liver biopsy of a new lesion. Sequencing: EML4-ALK detected; ALK G1269A.", "tissue"),
]


@pytest.mark.parametrize("text,specimen", FUSION_WITH_MUTATION)
def test_the_fusion_beside_a_mutation_is_the_fusion_at_progression(text, specimen):
    got = case(text)
    assert got.get("alk_fusion_at_progression") is True
    assert got.get("alk_fusion_specimen") == specimen


# (5) a specimen named in the value of another field's key is still the specimen taken
IN_ANOTHER_KEY = [
    ("Transformation: the repeat biopsy shows small cell carcinoma, previously adenocarcinoma.", "tissue"),
    ("Histologic transformation: none, the liver rebiopsy shows adenocarcinoma", "tissue"),
]


@pytest.mark.parametrize("text,specimen", IN_ANOTHER_KEY)
def test_a_specimen_in_another_keys_value(text, specimen):
    assert case(text).get("biopsy") == specimen


def test_a_planned_rebiopsy_in_another_keys_value_is_no_specimen():
    assert case("Transformation: ?SCLC, rebiopsy planned").get("biopsy") is None


# negative controls: nothing of this progression's testing is read from them
CONTROLS = [
    # a diagnostic biopsy's history: no fusion at progression
    ("Diagnosed 2021 on an EBUS biopsy: EML4-ALK v1, no other driver.", "alk_fusion_at_progression", None),
    ("Dx 2020: EML4-ALK v3. Rebiopsy 2025: ALK G1202R.", "alk_fusion_at_progression", None),
    ("EML4-ALK found at diagnosis, G1202R now on plasma.", "alk_fusion_at_progression", None),
    # the fusion in a bracket after the disease
    ("ALK-positive adenocarcinoma (EML4-ALK v3), G1202R after alectinib.", "alk_fusion_at_progression", None),
    # a planned biopsy
    ("Plan: tissue NGS at progression next week", "biopsy", None),
    ("Liver core at PD recommended; plasma to be drawn.", "biopsy", None),
    # a question
    ("Should we send tissue NGS at progression, or is plasma enough?", "biopsy", None),
    ("Is EML4-ALK with G1202R an indication for lorlatinib?", "alk_fusion_at_progression", None),
    # a plasma test still pending is not the tissue, nor none
    ("Plasma test sent today, result pending.", "biopsy", "plasma"),
    ("Tissue/plasma at PD: both sent, awaiting results", "biopsy", "tissue_and_plasma"),
]


NOT_FOUND = [
    "Plasma: EML4-ALK not detected, ALK G1202R 0.3%",
    "Rebiopsy: ALK L1196M; EML4-ALK no longer detected",
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_a_fusion_said_not_detected_beside_a_mutation_is_never_found(text):
    assert case(text).get("alk_fusion_at_progression") is not True


@pytest.mark.parametrize("text,field,expected", CONTROLS)
def test_controls(text, field, expected):
    assert case(text).get(field) == expected
