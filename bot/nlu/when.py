"""The time a span of text tells: the one step the readers that order events in time read it through.

A time is told by a written date (a year, perhaps after its month: "2025", "12/2025", "03-2025", "Mar 2024") and by
words of a time relative to the present (the reader's own lists: "at diagnosis", "previously" say an earlier time,
"current", "today" the present). ``when`` reads a span into a ``When``: whether it tells an earlier time, the present,
and its date as (year, month), month 0 when only the year is written. Two dates compare at the precision both have
(``date_later``): "2025" beside "11/2025" tells no order. A range ("2022-2024", "2023–24", "from 2022 to 2024",
"03/2023-11/2024") is one time with a start and an end (``times``, ``When.until``); a time is later than another when
it starts after the other ends (``time_later``), so a range orders what follows it by its end and what precedes it by
its start, and a time within it is neither. Its readers: the results of two times (context/timing.py:
Timing._when_text, with ``is_later``), a state dated after a progression (Timing._dated_after) and a score's time in
a bracket (key_value.earlier_dated), a progression and the TKI begun after it (Timing._before_current_tki) and
the date beside a TKI (context/order.py: DATE_TEXT, date_later)."""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.nlu import compiled

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# what may stand before a written date's year: its month as a number ("12/2025", "03-2025", "4.2024") or a name ("Mar
# 2024", "March. 2024"), or a day and a month ("20.10.2025", "10/20/2025": its month read when only one of the two can
# be a month; "01/12/2025": 1 December or 12 January, so only its year is read)
_HEAD = rf"(?:\d{{1,2}}[/.-](?:\d{{1,2}}[/.-])?|(?:{'|'.join(MONTHS)})[a-z]*\.? )?"
_YEAR = r"(?:19|20)\d\d"
# a written date's text, for a pattern that places it (context/order.py: the date beside a TKI); read by written_date
DATE_TEXT = rf"{_HEAD}{_YEAR}"
# a written date: a year, perhaps after its month or its day and month (_HEAD); not a part of a longer number
# ("2025/26")
WRITTEN_DATE = compiled.kept(rf"(?<![\w/.-]){DATE_TEXT}(?![\w/])", re.IGNORECASE)
# a range of time: a written date, a dash or "to" ("until", "through"), and its end: a written date, or after a year
# alone its last two digits ("2022-2024", "2023–24", "from 2022 to 2024", "03/2023-11/2024", "Mar 2023 - Nov 2024");
# not an ISO date ("2023-11-05"), nor a year and its month ("2023-11": two digits read as a year only when above 12)
WRITTEN_RANGE = compiled.kept(
    rf"(?<![\w/.-])(?P<start>{_HEAD}(?P<year>{_YEAR}))(?:\s*[-–—]\s*|\s+(?:to|until|till|through|thru)\s+)"
    rf"(?P<end>{_HEAD}{_YEAR}|(?P<short>\d\d))(?![\w/]|[-–—/.]\d)",
    re.IGNORECASE,
)

Date = tuple[int, int]  # (year, month), month 0 when not written
Time = tuple[Date, Date]  # a written time: its first date and its last, the same date twice when it is one date


class When(NamedTuple):
    """The time a span tells: an earlier one, the present, its date (None when it writes none; a range's start) and a
    range's end (None when it writes one date)."""

    earlier: bool
    current: bool
    date: Date | None
    until: Date | None = None


UNTOLD = When(False, False, None)


def _month(head: str) -> int:
    """The month a date's numbers before its year tell: one number, its month when it can be one ("12"); a day and a
    month, the one of the two that can be a month when the other cannot ("20.10": 10, "10/20": 10) or both are one
    ("05.05"); 0 when either may be the month ("05.06": 5 June or 6 May) or neither can be."""
    parts = [int(p) for p in re.split(r"[/.-]", head)]
    months = {p for p in parts if 1 <= p <= 12}
    if len(parts) == 2 and not all(1 <= p <= 31 for p in parts):
        return 0
    return months.pop() if len(months) == 1 else 0


def written_date(written: str) -> Date:
    """A written date as (year, month), month 0 when not written or not told apart from the day ("12/2025" → (2025,
    12), "Mar 2024" → (2024, 3), "20.10.2025" and "10/20/2025" → (2025, 10), "01/12/2025" → (2025, 0): 1 December or
    12 January)."""
    year = int(written[-4:])
    head = written[:-4].strip(" /.-").lower()
    if head[:1].isdigit():
        return year, _month(head)
    return year, next((k + 1 for k, m in enumerate(MONTHS) if head.startswith(m)), 0)


def _range(m: re.Match[str]) -> Time | None:
    """The range a match of WRITTEN_RANGE writes, or None when it is none: two digits after a year written with its
    month, or not above the year's own ("2023-24" is a range, "11/2023-24" and "2024-23" are not), or an end before
    its start."""
    first = written_date(m["start"])
    if m["short"] is not None:
        digits = int(m["short"])
        if m["start"] != m["year"] or digits <= max(12, first[0] % 100):
            return None
        return first, (first[0] // 100 * 100 + digits, 0)
    last = written_date(m["end"])
    return None if date_later(first, last) else (first, last)


def _time(text: str, m: re.Match[str], end: int) -> tuple[Time, int]:
    """The time written from the date ``m`` (a match of WRITTEN_DATE), up to ``end`` at most: the range it starts,
    else that date; and where it ends."""
    r = WRITTEN_RANGE.match(text, m.start(), end)
    told = _range(r) if r else None
    if r is not None and told is not None:
        return told, r.end()
    date = written_date(m.group())
    return (date, date), m.end()


def times(text: str, start: int = 0, end: int | None = None) -> list[Time]:
    """The times written in ``text[start:end]``, in the text's order: a range as its start and end ("alectinib
    2022-2024": (2022, 0), (2024, 0)), a date alone as itself twice."""
    end = len(text) if end is None else end
    out: list[Time] = []
    at = start
    while (m := WRITTEN_DATE.search(text, at, end)) is not None:
        told, at = _time(text, m, end)
        out.append(told)
    return out


def time_at(text: str, m: re.Match[str]) -> Time:
    """The time written from the date ``m`` (a match of WRITTEN_DATE in ``text``): the range it starts, else that
    date."""
    return _time(text, m, len(text))[0]


def dates(text: str, start: int = 0, end: int | None = None) -> list[Date]:
    """The dates written in ``text[start:end]``, in the text's order, a range's end too ("2022-2024": 2022, 2024)."""
    return [d for first, last in times(text, start, end) for d in ((first,) if first == last else (first, last))]


def when(
    words: str,
    earlier: re.Pattern[str] | None = None,
    current: re.Pattern[str] | None = None,
    first: bool = False,
) -> When:
    """The time ``words`` tell: ``earlier`` and ``current`` (the reader's words of an earlier time and of the
    present) found in them, and their latest time (the one whose end is latest), or their first with ``first`` (the
    one a line opens with)."""
    found = times(words)
    told = (found[0] if first else max(found, key=lambda t: (t[1], t[0]))) if found else None
    return When(
        bool(earlier and earlier.search(words)),
        bool(current and current.search(words)),
        told[0] if told else None,
        told[1] if told and told[1] != told[0] else None,
    )


def span(t: When) -> Time | None:
    """The time ``t`` tells as (first date, last date); None when it writes none."""
    return None if t.date is None else (t.date, t.until or t.date)


def _rank(t: When) -> int:
    """The present alone above neither word or both, above an earlier time alone."""
    return 2 if t.current and not t.earlier else 0 if t.earlier and not t.current else 1


def date_later(a: Date, b: Date) -> bool | None:
    """Whether date ``a`` is later than ``b`` at the precision both have: their years, or their months in one year
    when both write theirs; None when not told ("2025" beside "11/2025", or the same date)."""
    if a[0] != b[0]:
        return a[0] > b[0]
    if a[1] and b[1] and a[1] != b[1]:
        return a[1] > b[1]
    return None


def time_later(a: Time, b: Time) -> bool | None:
    """Whether time ``a`` is later than ``b``: wholly after it, ``a``'s start later than ``b``'s end (date_later);
    False when ``b`` is wholly after ``a``; None when they overlap or are not told apart. So a range orders what
    follows it by its end and what precedes it by its start: "alectinib 2022-2024" is before 2025 and after 2021, and
    neither before nor after 2023 or 2024 (a result of 2024 may be from before its end or after it)."""
    if date_later(a[0], b[1]):
        return True
    if date_later(b[0], a[1]):
        return False
    return None


def is_later(a: When, b: When) -> bool | None:
    """Whether time ``a`` is later than ``b``: by their words (_rank), else by their dates when both are written
    (time_later, a range by its ends); None when they do not tell (none told, or both told alike)."""
    if _rank(a) != _rank(b):
        return _rank(a) > _rank(b)
    ta, tb = span(a), span(b)
    if ta is not None and tb is not None:
        return time_later(ta, tb)
    return None
