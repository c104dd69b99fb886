"""Treatment history: the order of the TKIs when one was started for progression on another, or when a dated
timeline names one of its TKIs again without a date; a therapy only recommended, worked up for, awaiting access,
passed over or judged acceptable is no therapy received. A plan, a question, a declined drug and a relative's
medicine are the controls (never received)."""
import pytest

from bot.nlu import extractor


def _tkis(text):
    return extractor.extract_case(text).get("prior_tkis")


STARTED_FOR_PROGRESSION = [
    ("Brigatinib begun in 2022 for progression on crizotinib.", ["crizotinib", "brigatinib"]),
    ("He takes lorlatinib, given because of PD on alectinib.", ["alectinib", "lorlatinib"]),
    ("Ceritinib started due to intracranial progression on crizotinib.", ["crizotinib", "ceritinib"]),
    ("Now lorlatinib 100 mg, commenced for failure of brigatinib", ["brigatinib", "lorlatinib"]),
]


@pytest.mark.parametrize("text,want", STARTED_FOR_PROGRESSION)
def test_a_tki_started_for_progression_on_another_comes_after_it(text, want):
    assert _tkis(text) == want


DATED_AGAIN = [
    (
        "Taking brigatinib since 06/2024 (previously crizotinib 2019-2021 and alectinib 2021-2024). Plan: carry on "
        "with brigatinib 180 mg.",
        ["crizotinib", "alectinib", "brigatinib"],
    ),
    (
        "Lorlatinib from 2023; alectinib 2020-2023. Tolerating lorlatinib well.",
        ["alectinib", "lorlatinib"],
    ),
]


@pytest.mark.parametrize("text,want", DATED_AGAIN)
def test_a_tki_named_again_without_a_date_keeps_the_timeline(text, want):
    assert _tkis(text) == want


NOT_RECEIVED = [
    ("Our recommendation: brigatinib. Crizotinib 2019-2021, PD.", ["crizotinib"]),
    ("Reason for visit: baseline ECG before lorlatinib. Alectinib failed.", ["alectinib"]),
    ("Awaiting prior authorization: Lorbrena. Alectinib stopped (PD).", ["alectinib"]),
    ("Crizotinib stopped for progression; ceritinib not selected because of GI toxicity.", ["crizotinib"]),
    ("Opinion: brigatinib acceptable. Progressed on alectinib.", ["alectinib"]),
]


@pytest.mark.parametrize("text,want", NOT_RECEIVED)
def test_a_therapy_only_proposed_is_not_received(text, want):
    assert _tkis(text) == want


CONTROLS = [
    ("Should she start lorlatinib for progression on alectinib?", None),  # a question (nothing stated)
    ("Plan: will start brigatinib after progression on crizotinib.", None),  # a plan
    ("She declined lorlatinib after progression on alectinib.", None),  # a declined drug
    ("Her brother took alectinib for his lung cancer.", None),  # a relative's medicine
]


@pytest.mark.parametrize("text,want", CONTROLS)
def test_controls_never_add_a_tki(text, want):
    got = _tkis(text) or []
    assert "lorlatinib" not in got and "brigatinib" not in got
    if want is None and "brother" in text:
        assert got == []


def test_a_current_tki_stated_forwards_is_unchanged():
    assert _tkis("Crizotinib 2018-2020, then alectinib from 2020 for progression on crizotinib.") == [
        "crizotinib",
        "alectinib",
    ]


def test_an_acceptable_dose_of_a_tki_taken_is_still_received():
    assert _tkis("On alectinib, toxicity acceptable.") == ["alectinib"]


QUOTED = [
    ("Alunbrig 180 mg since 2022 (before that 'Xalkori' for a year)", ["crizotinib", "brigatinib"]),
    ('Lorviqua started 05/2025, after "Alecensa" 2020-2025', ["alectinib", "lorlatinib"]),
]


@pytest.mark.parametrize("text,want", QUOTED)
def test_a_quoted_brand_told_as_earlier_comes_first(text, want):
    assert _tkis(text) == want


def test_a_quoted_brand_only_wished_for_is_not_received():
    assert _tkis("Alunbrig since 2022; her husband asks for 'Lorbrena'.") == ["brigatinib"]
