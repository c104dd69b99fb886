"""Four ways clinicians deny a finding that were read as the finding itself (a safety bug each), with controls that
must keep their reading:

1. a TKI the patient has not been on, will not take, or is refusing ("has not been on brigatinib", "won't take
   alectinib", "is refusing lorlatinib") is not received; one she has not been on *long*, or will not take *any more*,
   is (she is or was on it);
2. a complaint the patient is not having or getting ("is not having headaches", "no longer having seizures") is no
   symptom, and only a complaint: "not having chemotherapy" says nothing of a history of chemotherapy;
3. a count of one denied ("not one brain lesion", "not a single brain metastasis", "zero brain mets") is no brain
   metastasis; a count denied to give another ("not one brain met but two") is still metastases;
4. a list after a denial never closed by "and"/"or" ("no MET amp, RET fusion, KRAS G12C"): with three items or more
   of one kind every item is denied (the middle one already was); two items of one kind, or a last item of the
   group after two or more, are read as neither (asked), never as present; what is said of the last item (found, a
   measure) and a list of another kind after one denial keep their reading."""

from __future__ import annotations

import pytest

from bot.nlu.extractor import extract_case, load


def _tkis(text: str) -> list[str]:
    return extract_case(text).get("prior_tkis") or []


# ---- 1. a TKI not taken, through "been on", a refusal to come or one going on ----------------------------------

@pytest.mark.parametrize("text,drug", [
    ("has not been on brigatinib", "brigatinib"),
    ("She hasn't been on lorlatinib.", "lorlatinib"),
    ("Pt have not been on ceritinib, ECOG 1", "ceritinib"),
    ("he has not been on lorlatinib before", "lorlatinib"),
    ("won't take alectinib", "alectinib"),
    ("She wouldn't take brigatinib because of the cost", "brigatinib"),
    ("is not going to take brigatinib", "brigatinib"),
    ("won't go on lorlatinib", "lorlatinib"),
    ("She is refusing brigatinib.", "brigatinib"),
    ("refusing lorlatinib for now", "lorlatinib"),
    ("refuses to take brigatinib", "brigatinib"),
    ("will not start lorlatinib", "lorlatinib"),
])
def test_a_tki_not_been_on_or_refused_is_not_received(text, drug):
    assert drug not in _tkis(text), text


@pytest.mark.parametrize("text,drug", [
    # she is on it, only not long
    ("has not been on alectinib long enough to judge", "alectinib"),
    ("She hasn't been on brigatinib for long.", "brigatinib"),
    ("hasn't been on alectinib very long, ECOG 1", "alectinib"),
    ("has not been on lorlatinib for enough time to assess response", "lorlatinib"),
    # she was on it
    ("has not been on alectinib since 2023", "alectinib"),
    ("won't take alectinib anymore", "alectinib"),
    ("refuses to take brigatinib any longer", "brigatinib"),
    ("won't continue alectinib", "alectinib"),
    # stated given
    ("on brigatinib since 2024", "brigatinib"),
    ("has been on lorlatinib for 6 months", "lorlatinib"),
    ("Pt has not been on brigatinib; alectinib since 2022", "alectinib"),
])
def test_a_tki_she_is_or_was_on_is_still_received(text, drug):
    assert drug in _tkis(text), text


# ---- 2. a complaint not had, through "having"/"getting": complaints only -------------------------------------------

# (the complaint denied, False; told, True)
COMPLAINTS = [(text, False) for text in [
    "is not having headaches",
    "not having seizures",
    "She isn't having any headaches or seizures.",
    "Pt not having any neuro symptoms",
    "Not having any headaches, ECOG 1, on alectinib since 2022",
    "no longer having seizures",
    "not getting headaches",
    "has not been having headaches",
    "Hasn't been having seizures since SRS.",
]] + [(text, True) for text in [
    "she is having headaches",
    "headaches for 2 weeks",
    "Pt having new seizures",
    "not having chemo because of headaches",
    "is not having headaches but has had two seizures",
]]


@pytest.mark.parametrize("text,symptomatic", COMPLAINTS)
def test_a_complaint_not_had_through_having_is_no_symptom_and_one_had_is(text, symptomatic):
    assert extract_case(text).get("symptomatic") is symptomatic, text


@pytest.mark.parametrize("text", [
    "not having chemotherapy",
    "Patient is not having chemo at the moment",
    "She isn't having immunotherapy.",
    "not having radiotherapy",
])
def test_not_having_a_therapy_tells_no_history(text):
    case = extract_case(text)
    assert "prior_chemotherapy" not in case and "prior_immunotherapy" not in case, (text, case)


# ---- 3. a count of one denied --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "MRI: not one brain lesion",
    "not a single brain metastasis",
    "not one new lesion in the brain",
    "not even one brain lesion",
    "Not even a single brain met on the latest MRI.",
    "MRI: not one lesion in the brain, PD in liver",
    "zero brain mets",
])
def test_a_count_of_one_denied_is_no_brain_metastasis(text):
    case = extract_case(text)
    assert case.get("brain_metastases") is not True and "cns_lesions" not in case, (text, case)


@pytest.mark.parametrize("text", [
    "MRI: one new brain lesion",
    "not one but three brain lesions",
    "not one brain met but two",
    "not a single brain met, but three",
    "not just one brain lesion",
    "not an isolated brain lesion: three new lesions",
])
def test_brain_lesions_counted_are_still_present(text):
    assert extract_case(text).get("brain_metastases") is True, text


def test_a_score_of_zero_is_no_count():
    assert extract_case("ECOG zero, brain mets")["brain_metastases"] is True


# ---- 4. a denied list never closed -------------------------------------------------------------------------------

@pytest.mark.parametrize("text,field", [
    ("no MET amp, RET fusion, KRAS G12C", "bypass_alterations"),
    ("No MET amp, RET fusion, KRAS G12C.", "bypass_alterations"),
    ("negative for MET amp, RET fusion, KRAS G12C", "bypass_alterations"),
    ("no MET amp, RET fusion, KRAS G12C on tissue NGS", "bypass_alterations"),
    ("NGS at PD: no MET amp, RET fusion, KRAS G12C. ECOG 1", "bypass_alterations"),
    ("no G1202R, L1196M, I1171N", "alk_mutations"),
    ("No evidence of G1202R, L1196M, I1171N in plasma", "alk_mutations"),
])
def test_an_unclosed_list_of_three_of_one_kind_is_wholly_denied(text, field):
    found = [e for e in load().entities(text) if e.entity in ("bypass_alteration", "alk_mutation")]
    assert len(found) == 3 and all(e.role == "negated" for e in found), [(e.text, e.role) for e in found]
    assert not extract_case(text).get(field), text


@pytest.mark.parametrize("text,field,absent", [
    # two of one kind: neither read present
    ("no MET amp, KRAS G12C", "bypass_alterations", None),
    ("negative for MET amp, RET fusion", "bypass_alterations", None),
    ("no G1202R, L1196M", "alk_mutations", None),
    ("no brain mets, LMD", "leptomeningeal", None),
    # the group's last item after two or more
    ("no brain mets, LMD, headaches", "symptomatic", None),
])
def test_the_uncertain_end_of_an_unclosed_denied_list_is_not_read_present(text, field, absent):
    assert extract_case(text).get(field) == absent, (text, extract_case(text))


@pytest.mark.parametrize("text,fields", [
    ("NGS: no MET amp, RET fusion, KRAS G12C; ALK G1202R", {"alk_mutations": ["G1202R"]}),
    ("no brain mets, LMD", {"brain_metastases": False}),
    ("no headaches, seizures", {"symptomatic": False}),
])
def test_the_rest_of_a_denied_list_keeps_its_reading(text, fields):
    case = extract_case(text)
    assert {k: case.get(k) for k in fields} == fields, (text, case)


@pytest.mark.parametrize("text,field,value", [
    # something said of the last item
    ("no MET amp, KRAS G12C detected", "bypass_alterations", ["KRAS_G12C"]),
    ("negative for MET amp, RET fusion detected", "bypass_alterations", ["RET_fusion"]),
    ("no MET amp, KRAS G12C 12%", "bypass_alterations", ["KRAS_G12C"]),
    ("no MET amp, RET fusion, KRAS G12C (VAF 3%)", "bypass_alterations", ["KRAS_G12C"]),
    # a list of another kind after one denial
    ("no MET amp, G1202R", "alk_mutations", ["G1202R"]),
    ("guardant: no alk mut, MET amp, ecog1", "bypass_alterations", ["MET_amplification"]),
    ("no ALK mutation, MET amp, RET fusion", "bypass_alterations", ["MET_amplification", "RET_fusion"]),
    # each item its own statement
    ("no brain mets, 2 new liver lesions, new bone mets", "brain_metastases", False),
    # stated absent after, or found
    ("MET amp, RET fusion negative", "bypass_alterations", ["MET_amplification"]),
    ("MET amp, RET fusion, KRAS G12C", "bypass_alterations", ["MET_amplification", "RET_fusion", "KRAS_G12C"]),
])
def test_a_finding_stated_beside_a_denied_list_still_reads(text, field, value):
    got = extract_case(text).get(field)
    assert (sorted(got) if isinstance(got, list) else got) == (sorted(value) if isinstance(value, list) else value), (
        text, extract_case(text))


@pytest.mark.parametrize("text", [
    "never received brigatinib, ceritinib, lorlatinib",
    "No prior crizotinib, alectinib, brigatinib.",
    "not treated with ceritinib, brigatinib, lorlatinib; ECOG 1",
])
def test_an_unclosed_list_of_three_tkis_denied_is_none_received(text):
    assert _tkis(text) == [], text


@pytest.mark.parametrize("text,tkis", [
    ("not crizotinib, alectinib", ["alectinib"]),  # two: a correction
    ("never received brigatinib, ceritinib, lorlatinib since 2024", ["lorlatinib"]),  # its time told: given
    ("never received brigatinib or ceritinib, lorlatinib", ["lorlatinib"]),  # after a closed list
])
def test_a_tki_after_a_denied_list_that_is_no_item_of_it_is_received(text, tkis):
    assert _tkis(text) == tkis, text
