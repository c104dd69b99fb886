"""Four misreadings of safety9: a table row's per-time cells ("Brain metastases | baseline: present | current: absent")
read as brain metastases now, where the current cell says what the schema's brain_metastases means (present now, as
safety5 read "at baseline: Y; at current visit: resolved"); a pneumonitis that stopped a TKI and was later ruled out
or found to be an infection read as an ILD comorbidity; a qualified class denial ("no actionable bypass alterations",
"no targetable bypass drivers") not read as a bypass denial, so a named alteration beside it was taken as settled
where "no bypass alterations" is asked about (safety6); and the brand names of the project's other-class drugs
(Tagrisso, Iressa, Tabrecta, Keytruda ...) dropped with no word, where their generic names are named back as "not an
ALK inhibitor" (safety7). Phrasings of our own, as clinicians write them; none is a sentence of the independent
phrasing sets."""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads, assert_reads_other_than, assert_stated_both_ways

# ---- 1. a table row's per-time cells: the current cell wins ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Brain metastases | baseline: present | current: absent",
        "Brain metastases\tbaseline: present\tcurrent: absent",
        "Brain mets | baseline: yes | current: no",
        "| Brain metastases | baseline: Y | current: N |",
        "Brain metastases | baseline: absent | current: absent",
        "Brain mets | Baseline: Yes | Current: No",
        "CNS mets | at diagnosis: present | now: resolved",
        "Brain metastases | baseline: present | current visit: none",
        "brain mets\tbaseline: y\tcurrent: n",
        "Brain metastases | screening: positive | current: negative",
        "Brain metastases at baseline: Y; at current visit: resolved",
    ],
)
def test_the_current_cell_of_a_per_time_row_says_brain_metastases_now(text):
    assert_reads(text, {"brain_metastases": False})


@pytest.mark.parametrize(
    "text",
    [
        # the current cell says present: present now
        "Brain metastases | baseline: present | current: present",
        "Brain metastases | baseline: absent | current: present",
        "Brain mets | baseline: no | current: yes",
        "Brain metastases\tbaseline: absent\tcurrent: present",
        # no per-time cells at all
        "Brain metastases: present",
        "Brain metastases | present",
    ],
)
def test_brain_metastases_present_now_stay_present(text):
    assert_reads(text, {"brain_metastases": True})


@pytest.mark.parametrize(
    ("text", "now"),
    [
        ("Leptomeningeal disease | baseline: present | current: absent", False),
        ("LMD\tbaseline: yes\tcurrent: no", False),
        ("Leptomeningeal disease | baseline: absent | current: present", True),
    ],
)
def test_the_current_cell_says_leptomeningeal_disease_now(text, now):
    assert_reads(text, {"leptomeningeal": now})


@pytest.mark.parametrize("text", ["ECOG | baseline: 0 | current: 2", "ECOG PS | baseline: 2 | current: 1"])
def test_a_per_time_ecog_row_never_reads_the_baseline_score(text):
    found = extractor.extract_case(text)
    assert str(found.get("ecog")) in ("None", text[-1]), (text, found)  # the current cell's score, or none


# ---- 2. a pneumonitis ruled out is no ILD ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "brigatinib stopped for pneumonitis, later ruled out",
        "alectinib stopped for pneumonitis, turned out to be infection",
        "brigatinib d/c for pneumonitis - subsequently not confirmed",
        "brigatinib held for pneumonitis (later proved to be atypical infection)",
        "brig stopped for pneumonitis, which was excluded on BAL",
        "brigatinib stopped for pneumonitis, turned out to be COVID",
        "alectinib discontinued due to pneumonitis, later shown to be lymphangitis",
        "brigatinib stopped for pneumonitis, subsequently ruled out",
        "brigatinib stopped d/t pneumonitis, found to be an infection",
        "brigatinib ceased for pneumonitis, was reclassified as pneumonia",
    ],
)
def test_a_pneumonitis_ruled_out_adds_no_ild(text):
    found = assert_reads_other_than(text, {"comorbidities": ["interstitial_lung_disease"]})
    assert "interstitial_lung_disease" not in found.get("comorbidities", []), (text, found)
    assert not found.get("intolerant_tkis"), (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "brigatinib stopped for grade 2 pneumonitis",
        "brigatinib stopped for pneumonitis, later confirmed",
        "brigatinib stopped for pneumonitis, turned out to be drug-induced",
        "brig d/c'd for early pneumonitis",
        "hx pneumonitis on durvalumab",
        "brigatinib stopped for pneumonitis; infection ruled out",
    ],
)
def test_a_pneumonitis_had_is_still_ild(text):
    found = extractor.extract_case(text)
    assert "interstitial_lung_disease" in found.get("comorbidities", []), (text, found)


# ---- 2b. any finding ruled out or not confirmed right after it was named is no finding (the pneumonitis's case,
# generalised: clinical_phrases.yml toxicity_reason ruled_out; "turned out to be infection" only of a toxicity)


@pytest.mark.parametrize(
    "text, field",
    [
        ("MET amplification, subsequently not confirmed", "bypass_alterations"),
        ("MET amplification, later not confirmed by FISH", "bypass_alterations"),
        ("leptomeningeal disease, later excluded", "leptomeningeal"),
        ("G1202R (later ruled out)", "alk_mutations"),
        ("SCLC transformation - subsequently ruled out", "transformation"),
        ("leptomeningeal disease, which was excluded on repeat MRI", "leptomeningeal"),
    ],
)
def test_a_finding_ruled_out_after_it_was_named_is_not_read(text, field):
    assert_reads(text, {field: None})


@pytest.mark.parametrize(
    "text, fields",
    [
        ("MET amplification, subsequently confirmed by FISH", {"bypass_alterations": ["MET_amplification"]}),
        ("leptomeningeal disease, later confirmed", {"leptomeningeal": True}),
        ("no leptomeningeal disease, later excluded", {"leptomeningeal": False}),  # a denial stays one
        ("brain mets, excluded from the trial", {"brain_metastases": True}),  # excluded from something else
        ("new brain lesion, turned out to be progression", {"brain_metastases": True}),  # another finding's words
        ("G1202R; infection ruled out", {"alk_mutations": ["G1202R"]}),  # something else ruled out
        # the finding is the one that ruled something out: the verb has an object
        ("Rebiopsy excluded small cell transformation", {"biopsy": "tissue", "transformation": "none"}),
        ("Liver biopsy ruled out SCLC transformation", {"biopsy": "tissue", "transformation": "none"}),
        ("re-biopsy excluded squamous transformation", {"biopsy": "tissue"}),
    ],
)
def test_a_finding_confirmed_or_something_else_ruled_out_is_still_read(text, fields):
    assert_reads(text, fields)


# ---- 3. a qualified class denial beside a named alteration: stated both ways ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "MET amplification; no actionable bypass alterations",
        "NGS: MET amp. No targetable bypass drivers.",
        "KRAS G12C; no actionable co-drivers",
        "rebx NGS: MET amp; no actionable bypass alterations identified",
        "MET amplified (CN 9). No clinically relevant bypass alterations.",
        "no targetable bypass alterations. BRAF V600E.",
        "MET amp; no known off-target alterations",
    ],
)
def test_a_qualified_class_denial_beside_an_alteration_is_a_conflict(text):
    assert_stated_both_ways(text, "bypass_alterations")


@pytest.mark.parametrize(
    ("text", "alterations"),
    [
        ("no actionable bypass alterations", []),
        ("no targetable bypass drivers", []),
        ("no actionable co-drivers", []),
        ("Rebiopsy NGS: no actionable bypass alterations detected", []),
        # the rest of the class denied, not the finding
        ("MET amp; no other actionable bypass alterations", ["MET_amplification"]),
        ("MET amp, no further targetable bypass alterations", ["MET_amplification"]),
        ("no additional actionable bypass alterations besides MET amp", ["MET_amplification"]),
        # each under its own specimen
        ("Tissue: MET amp. Plasma: no actionable bypass alterations", ["MET_amplification"]),
    ],
)
def test_qualified_class_denials_alone_or_of_the_rest(text, alterations):
    assert_reads(text, {"bypass_alterations": alterations})


def test_bypass_testing_still_to_come_is_no_denial():
    assert_reads("actionable bypass testing pending", {"bypass_alterations": None})


# ---- 4. brand names of other-class drugs: named back as not ALK inhibitors ---------------------------------------


def _unknown(text: str) -> list[str]:
    return [e.text for e in extractor.load().entities(text) if e.entity == "unknown_drug"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("progression on alectinib, now Tagrisso", "Tagrisso"),
        ("prior TKIs: alectinib, Iressa", "Iressa"),
        ("previously on Tarceva then alectinib", "Tarceva"),
        ("alectinib -> lorlatinib; plan Tabrecta", "Tabrecta"),
        ("Tepmetko added to lorlatinib", "Tepmetko"),
        ("on lumakras since May", "lumakras"),
        ("KRAZATI started", "KRAZATI"),
        ("Gilotrif 40 mg then brigatinib", "Gilotrif"),
        ("vizimpro in 2021", "vizimpro"),
        ("imfinzi after CRT", "imfinzi"),
        ("prior TKIs: alectinib, Keytruda", "Keytruda"),
    ],
)
def test_an_other_class_brand_is_reported(text, word):
    assert word in _unknown(text), (text, _unknown(text))
    assert extractor.other_drug(word)
    assert extractor.did_you_mean(word) is None


@pytest.mark.parametrize("word", ["Tagrisso", "Iressa", "Tarceva", "Tabrecta", "Tepmetko", "Lumakras", "Krazati",
                                  "Gilotrif", "Vizimpro", "Keytruda", "Opdivo", "Tecentriq", "Imfinzi", "Libtayo"])
def test_an_other_class_brand_is_no_prior_tki(word):
    assert "prior_tkis" not in extractor.extract_case(f"prior TKIs: {word}")
    assert extractor.other_drug(word)


@pytest.mark.parametrize(
    "text",
    [
        # ALK TKIs' own brands are read, not reported
        "progression on Alecensa",
        "prior Alunbrig",
        "now on Lorbrena",
        # an unverified or unlisted brand is not claimed as another class
        "history of Gleevec",
        "she tried Tagrissa",
    ],
)
def test_alk_brands_and_unlisted_words_are_not_other_class(text):
    for word in _unknown(text):
        assert not extractor.other_drug(word), (text, word)
