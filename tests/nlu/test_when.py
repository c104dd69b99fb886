"""The one time-reading step (bot/nlu/when.py) the readers that order events read a span's time through."""

import re

import pytest

from bot.nlu.when import UNTOLD, When, date_later, dates, is_later, when, written_date


@pytest.mark.parametrize(
    "written, date",
    [("2024", (2024, 0)), ("11/2025", (2025, 11)), ("04-2023", (2023, 4)), ("Sept 2022", (2022, 9)),
     ("13/2025", (2025, 0))],  # a number that is no month: the year alone
)
def test_written_date(written, date):
    assert written_date(written) == date


def test_dates_in_order_and_not_parts_of_longer_numbers():
    assert dates("CT 02/2024 stable, MRI Oct 2025 new lesion") == [(2024, 2), (2025, 10)]
    # a full date tells its year only (its day and month may be either way round); "2025/26" is no date
    assert dates("seen 1/12/2025, budget 2025/26") == [(2025, 0)]
    assert dates("MRI 03.11.2024") == [(2024, 0)]
    assert dates("tel 020 7946 2031x") == []


def test_when_reads_relative_words_and_the_latest_or_first_date():
    earlier = re.compile(r"\bpreviously\b")
    current = re.compile(r"\btoday\b")
    assert when("previously 2022, again 03/2024", earlier, current) == When(True, False, (2024, 3))
    assert when("previously 2022, again 03/2024", earlier, current, first=True) == When(True, False, (2022, 0))
    assert when("on today's scan", earlier, current) == When(False, True, None)
    assert when("on the scan", earlier, current) == UNTOLD
    assert when("today 2025") == When(False, False, (2025, 0))  # no words of time asked for: only the date


def test_is_later_by_words_then_dates():
    now, before = When(False, True, None), When(True, False, (2026, 0))
    assert is_later(now, before) is True  # the present's words above an earlier time's, whatever its date
    assert is_later(When(False, False, (2025, 0)), When(False, False, (2023, 0))) is True
    assert is_later(When(False, False, (2023, 0)), When(False, False, (2025, 0))) is False
    # not told: no date on one side, the same date, or both said to be the present
    assert is_later(When(False, False, (2025, 0)), UNTOLD) is None
    assert is_later(When(False, False, (2025, 0)), When(False, False, (2025, 0))) is None
    assert is_later(When(False, True, (2025, 0)), When(False, True, None)) is None


def test_date_later_at_the_precision_both_have():
    assert date_later((2025, 10), (2025, 4)) is True
    assert date_later((2024, 11), (2025, 0)) is False
    # negative controls: a year alone beside a month of that year, or the same date, tell no order
    assert date_later((2025, 10), (2025, 0)) is None
    assert date_later((2025, 0), (2025, 10)) is None
    assert date_later((2025, 3), (2025, 3)) is None
