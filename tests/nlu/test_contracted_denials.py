"""A denial typed with a contracted "not" reads as the same denial with "not" written out: "Doesn't have brain mets"
as "does not have brain mets", "hasn't had chemo" as "has not had chemo", "didnt get brigatinib" as "did not get
brigatinib", whatever the apostrophe (left out, misplaced, typographic) and whether the subject is written or left
out in the chart's style. The near misses that deny something else keep their reading: an intolerance, a TKI that
failed, a wish about a treatment beside a finding, a progression denied."""

from __future__ import annotations

import pytest

from bot.nlu import extractor

read = extractor.extract_case

# each auxiliary with "not" written out, and the ways it is typed contracted
SPELLINGS = {
    "does not": ["doesn't", "doesnt", "does'nt", "doesn\u2019t"],
    "do not": ["don't", "dont", "don\u2019t"],
    "did not": ["didn't", "didnt", "did'nt", "didn\u2019t"],
    "has not": ["hasn't", "hasnt", "hasn\u2019t"],
    "have not": ["haven't", "havent", "haven\u2019t"],
    "had not": ["hadn't", "hadnt"],
    "is not": ["isn't", "isnt", "isn\u2019t"],
    "was not": ["wasn't", "wasnt", "wasn\u2019t"],
    "will not": ["won't", "won\u2019t"],
}
PAIRS = [(full, short) for full, shorts in SPELLINGS.items() for short in shorts]

# what each kind of denial reads written out ({} where the written-out form reads a finding's denial as nothing)
HAVE = [  # "... have X", after does / do / did
    ("{} have brain mets, ECOG 1", {"brain_metastases": False, "ecog": 1}),
    ("{} have any brain mets on the latest MRI", {"brain_metastases": False}),
    ("{} have any evidence of intracranial disease", None),
    ("{} have leptomeningeal disease", {"leptomeningeal": False}),
    ("{} have any LMD on imaging", {"leptomeningeal": False}),
    ("{} have headaches or seizures", {"symptomatic": False}),
    ("{} have small cell transformation on the rebiopsy", {"transformation": "none", "biopsy": "tissue"}),
    # (safe16, the lead's decision) one named mutation denied is not a negative panel: alk_mutations [] means "tested,
    # no ALK resistance mutation found", which "does not have a G1202R mutation" does not say; read as nothing, asked
    # (the whole class denied still reads []: "{} have an ALK resistance mutation" below)
    ("{} have a G1202R mutation", {}),
    ("{} have an ALK resistance mutation", {"alk_mutations": []}),
    ("{} have MET amplification", {}),
    ("{} have an EGFR mutation", {}),
    ("{} have interstitial lung disease", {}),
    ("{} have any liver impairment", {}),
]
HAD = [  # "... had X", after has / have / had / did
    ("{} had chemo", {"prior_chemotherapy": False}),
    ("{} had any chemotherapy before", None),
    ("{} had brain mets", {"brain_metastases": False}),
    ("{} had brigatinib", {}),
    ("{} had any TKI so far", None),
    ("{} had seizures", None),
]
RECEIVED = [  # a therapy not received, after did / has / have / was
    ("{} get brigatinib", None),
    ("{} receive chemo", None),
    ("{} take alectinib", None),
    ("{} been on chemo", None),
    ("{} been given lorlatinib", None),
    ("{} started lorlatinib yet", None),
]
ON = [  # "... on X", after is / was
    ("{} on chemo", {"prior_chemotherapy": False}),
    ("{} on any TKI", {"prior_tkis": []}),
    ("{} on any ALK inhibitor at the moment", None),
]
FRAMES = {
    "does not": HAVE + RECEIVED[:3],
    "do not": HAVE,
    "did not": HAVE + HAD + RECEIVED[:3],
    "has not": HAD + RECEIVED[3:],
    "have not": HAD + RECEIVED[3:],
    "had not": HAD + RECEIVED[3:],
    "is not": ON[:1],  # "isn't" is no denial of a TKI (a state now: "isn't on alectinib anymore", given before)
    "was not": ON,
    "will not": HAVE[:6],
}
CASES = [
    (full, short, frame, expected)
    for full, shorts in SPELLINGS.items()
    for short in shorts
    for frame, expected in FRAMES[full]
]


def _opening(word: str, frame: str) -> str:
    """The chart's style: the sentence opens with the auxiliary, its subject left out."""
    text = frame.format(word)
    return text[0].upper() + text[1:] if frame.startswith("{}") else text


@pytest.mark.parametrize("full,short,frame,expected", CASES)
def test_a_contracted_denial_reads_as_written_out(full, short, frame, expected):
    written_out = read(_opening(full, frame))
    if expected is not None:
        assert written_out == expected, "the written-out form's reading changed"
    assert read(_opening(short, frame)) == written_out
    assert read(f"Pt {frame.format(short)}") == read(f"Pt {frame.format(full)}")
    assert read(f"she {frame.format(short)}") == read(f"she {frame.format(full)}")


@pytest.mark.parametrize(
    "text",
    [
        "Doesn't have brain mets, ECOG 1",
        "Doesnt have any brain mets. ECOG 1",
        "Doesn\u2019t have brain mets, PS 1",
        "DOESN'T HAVE BRAIN METS",
        "Does'nt have brain mets",
    ],
)
def test_a_chart_opening_with_a_contracted_denial_is_no_brain_mets(text):
    assert read(text).get("brain_metastases") is False


@pytest.mark.parametrize(
    "text",
    [
        "hasn't had chemo",
        "Hasnt had any chemotherapy",
        "Pt hasn\u2019t had chemo yet",
        "haven't given her any chemo",
        "Didnt have any chemo, on alectinib since 2021",
    ],
)
def test_chemotherapy_denied_contracted_is_none_received(text):
    assert read(text).get("prior_chemotherapy") is False


@pytest.mark.parametrize(
    "text",
    ["didnt get brigatinib", "Didn't receive brigatinib", "hasnt received brigatinib", "Didn\u2019t take brigatinib"],
)
def test_a_tki_denied_contracted_is_not_received(text):
    assert "brigatinib" not in read(text).get("prior_tkis", [])


@pytest.mark.parametrize("text", ["Doesn't have LMD", "doesnt have leptomeningeal disease on MRI"])
def test_leptomeningeal_disease_denied_contracted(text):
    assert read(text).get("leptomeningeal") is False


@pytest.mark.parametrize(
    "text", ["Doesn't have MET amplification", "doesnt have MET amp", "Doesn't have an EGFR mutation"]
)
def test_a_bypass_alteration_denied_contracted_is_not_read(text):
    assert not read(text).get("bypass_alterations")


# ---- negative controls: a contraction that denies something else -------------------------------------------------


@pytest.mark.parametrize(
    "short,full", [("doesn't", "does not"), ("doesnt", "does not"), ("didn't", "did not"), ("didnt", "did not")]
)
def test_a_tolerance_or_a_response_denied_keeps_the_tki_given(short, full):
    for frame in ["{} tolerate alectinib well", "{} respond to alectinib", "{} tolerate lorlatinib"]:
        reading = read(frame.format(short))
        assert "alectinib" in reading.get("prior_tkis", []) or "lorlatinib" in reading.get("prior_tkis", [])
        assert reading == read(frame.format(full))


def test_a_tki_that_did_not_work_was_given():
    assert read("didn't respond to alectinib")["prior_tkis"] == ["alectinib"]
    assert read("Didnt respond to alectinib, ECOG 1")["prior_tkis"] == ["alectinib"]


@pytest.mark.parametrize(
    "text",
    [
        "brain mets, doesn't want WBRT",
        "Brain mets - doesnt want WBRT",
        "brain mets but she doesn\u2019t want whole brain RT",
        "Brain mets; won't have WBRT",
    ],
)
def test_a_treatment_not_wanted_beside_brain_mets_keeps_them(text):
    assert read(text).get("brain_metastases") is True


@pytest.mark.parametrize("short,full", [("hasn't", "has not"), ("hasnt", "has not"), ("hasn\u2019t", "has not")])
def test_progression_denied_contracted_reads_as_written_out(short, full):
    for frame in ["{} progressed", "{} progressed on alectinib", "Alectinib since 2020, {} progressed"]:
        assert read(frame.format(short)) == read(frame.format(full))


@pytest.mark.parametrize("text", ["can't tolerate alectinib", "cannot tolerate alectinib", "cant tolerate alectinib"])
def test_cannot_keeps_its_reading(text):
    assert read(text) == read("can't tolerate alectinib")


@pytest.mark.parametrize(
    "text,tkis",
    [
        ("don't switch brigatinib", ["brigatinib"]),
        ("Isn't on alectinib anymore, now lorlatinib", ["alectinib", "lorlatinib"]),
    ],
)
def test_an_instruction_or_a_state_now_keeps_the_tki_given(text, tkis):
    assert read(text)["prior_tkis"] == tkis


def test_wont_as_typed_is_not_a_contraction():
    from bot.nlu import typist

    assert typist.negated_auxiliaries("as is his wont") == []
    assert typist.negated_auxiliaries("Doesnt, cant, isn\u2019t") == [
        (0, 6, "Doesn't"),
        (8, 12, "can't"),
        (14, 19, "isn't"),
    ]
