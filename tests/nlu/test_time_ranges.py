"""A range of time ("2022-2024", "2023–24", "from 2022 to 2024", "03/2023-11/2024") is read as its start and its end
(bot/nlu/when.py), not as its first year; times compare at the precision both have, so a year alone and a month of
that year are not ordered. Where times are compared, a range orders what follows it by its end and what precedes it
by its start: "alectinib 2022-2024" is before 2025, after 2021, neither before nor after 2023 or 2024. Each class with
negative controls that must keep their reading; written from how oncology histories date therapies and tests, not
from the independent sets."""

from __future__ import annotations

import pytest

from bot.nlu import extractor
from bot.nlu.when import When, dates, is_later, time_later, times, when

read = extractor.extract_case

# ---- the reader: a range is one time with a start and an end ---------------------------------------------------------

RANGES = [
    ("alectinib 2022-2024", ((2022, 0), (2024, 0))),
    ("alectinib 2022 - 2024", ((2022, 0), (2024, 0))),
    ("alectinib 2022–2024", ((2022, 0), (2024, 0))),  # an en dash
    ("alectinib 2023–24", ((2023, 0), (2024, 0))),  # the end's last two digits
    ("alectinib 2019-21", ((2019, 0), (2021, 0))),
    ("alectinib from 2022 to 2024", ((2022, 0), (2024, 0))),
    ("brigatinib 2021 until 2023", ((2021, 0), (2023, 0))),
    ("alectinib 03/2023-11/2024", ((2023, 3), (2024, 11))),
    ("alectinib Mar 2023 - Nov 2024", ((2023, 3), (2024, 11))),
]


@pytest.mark.parametrize("text,told", RANGES)
def test_a_range_is_read_as_its_start_and_end(text: str, told) -> None:
    assert times(text) == [told], text
    assert dates(text) == list(told), text  # every date written, the end too
    assert when(text) == When(False, False, told[0], told[1]), text


NOT_RANGES = [
    ("NGS 2023-11-05", [(2023, 0)]),  # an ISO date: its year
    ("CT 2023-11", [(2023, 0)]),  # a year and its month, not 2023 to 2011
    ("CT 2011-12", [(2011, 0)]),  # two digits that may be a month: no range
    ("11/2023-24", [(2023, 11)]),  # two digits after a month's date: no year
    ("2024-2022", [(2024, 0)]),  # an end before its start
    ("budget 2025/26", []),
    ("PD 2023 - alectinib 2024", [(2023, 0), (2024, 0)]),  # two dates, each alone
    ("MRI 03/2025, CT 11/2025", [(2025, 3), (2025, 11)]),
]


@pytest.mark.parametrize("text,found", NOT_RANGES)
def test_what_is_no_range_stays_dates(text: str, found) -> None:
    assert dates(text) == found, text
    assert all(first == last for first, last in times(text)), text


def test_a_range_orders_by_its_end_what_follows_and_by_its_start_what_precedes():
    therapy = ((2022, 0), (2024, 0))
    assert time_later(((2025, 0), (2025, 0)), therapy) is True
    assert time_later(therapy, ((2025, 0), (2025, 0))) is False
    assert time_later(therapy, ((2021, 6), (2021, 6))) is True
    for inside in [(2022, 0), (2023, 0), (2024, 0), (2024, 5)]:
        assert time_later((inside, inside), therapy) is None, inside
        assert time_later(therapy, (inside, inside)) is None, inside
    # at the precision both have: a month range beside a year
    assert time_later(((2024, 12), (2024, 12)), ((2023, 3), (2024, 11))) is True
    assert time_later(((2024, 0), (2024, 0)), ((2023, 3), (2024, 11))) is None
    # two dates alone compare as before
    assert time_later(((2025, 3), (2025, 3)), ((2025, 0), (2025, 0))) is None
    assert is_later(When(False, False, (2025, 0)), When(False, False, (2022, 0), (2024, 0))) is True
    assert is_later(When(False, False, (2023, 0)), When(False, False, (2022, 0), (2024, 0))) is None


def test_the_latest_time_of_a_span_is_the_one_that_ends_last():
    assert when("alectinib 2021-2024, NGS 2023") == When(False, False, (2021, 0), (2024, 0))
    assert when("alectinib 2021-2024, NGS 2023", first=True) == When(False, False, (2021, 0), (2024, 0))
    assert when("NGS 2023, CT 2025") == When(False, False, (2025, 0))


# ---- a result dated before a therapy's end is not this progression's ------------------------------------------------

EARLIER_THAN_THE_RANGE_END = [
    "Plasma NGS 2023: no ALK mutations. Alectinib 2021-2024, now progression in liver and bone.",
    "Plasma NGS 2023: no ALK mutations. Alectinib 2021–24, now progression in liver and bone.",
    "Plasma NGS 2023: no ALK mutations. Alectinib 2021 - 2024, now progression in liver and bone.",
    "Plasma NGS 06/2023: no ALK mutations. Alectinib 01/2021-11/2024, now progression in liver and bone.",
    "Tissue NGS (2022) negative for ALK mutations; alectinib 2020-2023; progression in liver and bone.",
]


@pytest.mark.parametrize("text", EARLIER_THAN_THE_RANGE_END)
def test_a_denial_older_than_a_therapys_end_is_not_this_progressions(text: str) -> None:
    case = read(text)
    assert "alk_mutations" not in case, (text, case)  # asked, not taken as tested and none found
    assert case.get("progression") == "systemic", (text, case)


STILL_THIS_PROGRESSIONS = [
    # the test in the range's last year, or after it
    "Plasma NGS 2024: no ALK mutations. Alectinib 2021-2024, now progression in liver and bone.",
    "Plasma NGS 2024: no ALK mutations. Alectinib 2021–24, now progression in liver and bone.",
    "Plasma NGS 2025: no ALK mutations. Alectinib 2021-2024, progression in liver and bone.",
    # a range that ends before the test
    "Plasma NGS 2023: no ALK mutations. Alectinib 2021-2023, now progression in liver and bone.",
    # no range: an ISO date's month is no later year
    "Plasma NGS 2023-11-05: no ALK mutations. Alectinib since 2021, now progression in liver and bone.",
]


@pytest.mark.parametrize("text", STILL_THIS_PROGRESSIONS)
def test_a_denial_at_or_after_the_ranges_end_still_reads(text: str) -> None:
    assert read(text).get("alk_mutations") == [], text


# the dash a range is written with changes nothing: a hyphen reads as an en dash and as "from ... to" always did
@pytest.mark.parametrize(
    "template",
    [
        "Tissue NGS 2023: no ALK mutation detected. Plasma NGS {}: ALK G1202R.",
        "Plasma NGS 2023: no ALK mutations. Alectinib {}, now progression in liver and bone.",
        "Progression in liver and bone on alectinib {}.\n2025: stable disease on lorlatinib.",
        "Progression in liver and bone on alectinib {}.\n2024: stable disease on lorlatinib.",
    ],
)
def test_every_way_of_writing_a_range_reads_alike(template: str) -> None:
    forms = ["2022-2024", "2022–2024", "2022 - 2024", "from 2022 to 2024", "2022–24"]
    readings = [read(template.format(f)) for f in forms]
    assert all(r == readings[0] for r in readings), list(zip(forms, readings, strict=True))


# ---- a state dated after a progression: after the range's end --------------------------------------------------------


def test_a_state_dated_after_the_progressions_range_is_the_later():
    assert (
        read("Progression in liver and bone on alectinib 2022-2024.\n2025: stable disease on lorlatinib.").get(
            "progression"
        )
        == "none"
    )


@pytest.mark.parametrize(
    "text",
    [
        # dated in the range's last year: not told as later (both stay: asked)
        "Progression in liver and bone on alectinib 2022-2024.\n2024: stable disease on lorlatinib.",
        "Progression in liver and bone on alectinib 2022-2025.\n2025: stable disease on lorlatinib.",
        "Progression in liver and bone on alectinib 2022–25.\n2025: stable disease on lorlatinib.",
    ],
)
def test_a_state_dated_within_the_progressions_range_is_not_the_later(text: str) -> None:
    assert read(text).get("progression") != "none", text


# ---- the order of the TKIs and the current one ---------------------------------------------------------------------

TIMELINES = [
    "crizotinib 2019-2022, alectinib 2022-2024, lorlatinib since 2024",
    "lorlatinib since 2024; alectinib 2022–24; crizotinib 2019 to 2022",
    "lorlatinib 11/2024-; alectinib 03/2023-11/2024; crizotinib from 2019 to 2023",
    "Lorlatinib Nov 2024 - present. Alectinib Mar 2022 - Oct 2024. Crizotinib 2019-2022.",
    "2019-2022 crizotinib\n2022-2024 alectinib\n2024- lorlatinib",
]


@pytest.mark.parametrize("text", TIMELINES)
def test_tkis_with_ranges_are_ordered_by_their_starts_the_latest_current(text: str) -> None:
    assert read(text).get("prior_tkis") == ["crizotinib", "alectinib", "lorlatinib"], text


@pytest.mark.parametrize(
    "text,tkis",
    [
        # dates written as the time reader reads them: month names, a month after a dash
        (
            "Lorlatinib since Nov 2024; alectinib Mar 2022 - Oct 2024; crizotinib 2019-2022",
            ["crizotinib", "alectinib", "lorlatinib"],
        ),
        (
            "lorlatinib since 11-2024; alectinib 03-2022 to 10-2024; crizotinib 2019",
            ["crizotinib", "alectinib", "lorlatinib"],
        ),
        # a year and a month of it are not ordered: the order as written (no date order claimed)
        ("lorlatinib since 03/2024; brigatinib 2024", ["lorlatinib", "brigatinib"]),
        ("brigatinib 2024; lorlatinib since 03/2024", ["brigatinib", "lorlatinib"]),
        # controls: distinct years or months still order the timeline
        ("lorlatinib since 03/2024; brigatinib 01/2024", ["brigatinib", "lorlatinib"]),
        ("lorlatinib since 2024; brigatinib 2022-2024", ["brigatinib", "lorlatinib"]),
    ],
)
def test_tki_dates_read_by_the_time_reader_and_compared_at_shared_precision(text: str, tkis: list[str]) -> None:
    assert read(text).get("prior_tkis") == tkis, text


# ---- a progression and the TKI begun after it: at the precision both have --------------------------------------------

BEFORE_CURRENT_TKI = [
    # a month of the year the TKI began in: the order is not told, so no pattern now (asked)
    "Recurred 03/2025 with liver and bone mets -> brigatinib since 2025, ongoing",
    "Relapsed 06/2024 with liver and bone mets -> started alectinib 2024, ongoing",
    "Progression in liver and bone 05/2023 on crizotinib; started alectinib 2023, ongoing",
    "Widespread relapse in May 2022 (liver, adrenal, bones); commenced lorlatinib 2022 and continues.",
    # a year beside a month of it: the same
    "Recurred 2025 with liver and bone mets -> brigatinib since 03/2025, ongoing",
    # the TKI begun a later month: history, as before
    "Recurred 03/2025 with liver and bone mets -> brigatinib since 04/2025, ongoing",
    "Recurred 2023-2024 with liver and bone mets; alectinib since 2024",
]


@pytest.mark.parametrize("text", BEFORE_CURRENT_TKI)
def test_a_progression_not_told_after_the_tkis_start_is_history(text: str) -> None:
    assert "progression" not in read(text), text


PROGRESSION_ON_THE_TKI = [
    # the TKI begun an earlier month or year than the progression: a progression on it
    "Recurred 05/2025 with liver and bone mets -> brigatinib since 04/2025, ongoing",
    "Recurred 2025 with liver and bone mets -> brigatinib since 2024, ongoing",
    "Recurred 03/2025 with liver and bone mets -> brigatinib since 11/2024, ongoing",
    "Progression in liver and bone 05/2023 on crizotinib; started alectinib 2022, ongoing",
    "Relapsed 06/2024 with liver and bone mets -> started alectinib 2023, ongoing",
    "Recurred 2024 with liver and bone mets; alectinib since 2021-2022",  # its range's start is its begin
]


@pytest.mark.parametrize("text", PROGRESSION_ON_THE_TKI)
def test_a_progression_after_the_tkis_start_still_reads(text: str) -> None:
    assert read(text).get("progression") == "systemic", text


# ---- a score's time in a bracket: a range ends where it ends ---------------------------------------------------------


@pytest.mark.parametrize(
    "text,ecog",
    [
        ("ECOG: 1 (2021-2023)\nECOG: 2 (2024)", 2),
        ("ECOG: 2 (2025)\nECOG: 1 (2021–23)", 2),
        ("ECOG: 1 (03/2023-11/2024)\nECOG: 2 (12/2024)", 2),
        # the later score dated within the range's last year: not told, asked
        ("ECOG: 1 (2022-2024)\nECOG: 2 (2024)", None),
        ("ECOG: 1 (03/2023-11/2024)\nECOG: 2 (2024)", None),
    ],
)
def test_a_score_dated_by_a_range(text: str, ecog) -> None:
    assert read(text).get("ecog") == ecog, text
