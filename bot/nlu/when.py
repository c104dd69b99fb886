"""The time a span of text tells: the one step the readers that order events in time read it through.

A time is told by a written date (a year, perhaps after its month: "2025", "12/2025", "03-2025", "Mar 2024") and by
words of a time relative to the present (the reader's own lists: "at diagnosis", "previously" say an earlier time,
"current", "today" the present). ``when`` reads a span into a ``When``: whether it tells an earlier time, the present,
and its date as (year, month), month 0 when only the year is written. Two dates compare at the precision both have
(``date_later``): "2025" beside "11/2025" tells no order. Its readers: the results of two times (context/timing.py:
Timing._when_text, with ``is_later``), a state dated after a progression (Timing._dated_after) and a score's time in
a bracket (key_value.earlier_dated)."""

from __future__ import annotations

import re
from typing import NamedTuple

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# a written date: a year, perhaps after its month as a number ("12/2025", "03-2025", "4.2024") or a name ("Mar 2024",
# "March. 2024"), or after a day and a month ("01/12/2025": 1 December or 12 January, so only its year is read); not a
# part of a longer number ("2025/26")
WRITTEN_DATE = re.compile(
    rf"(?<![\w/.-])(?:\d{{1,2}}[/.-](?:\d{{1,2}}[/.-])?|(?:{'|'.join(MONTHS)})[a-z]*\.? )?(?:19|20)\d\d(?![\w/])",
    re.IGNORECASE,
)

Date = tuple[int, int]  # (year, month), month 0 when not written


class When(NamedTuple):
    """The time a span tells: an earlier one, the present, its date (None when it writes none)."""

    earlier: bool
    current: bool
    date: Date | None


UNTOLD = When(False, False, None)


def written_date(written: str) -> Date:
    """A written date as (year, month), month 0 when not written or not told apart from the day ("12/2025" → (2025,
    12), "Mar 2024" → (2024, 3), "01/12/2025" → (2025, 0))."""
    year = int(written[-4:])
    head = written[:-4].strip(" /.-").lower()
    if head.isdigit():
        return year, int(head) if 1 <= int(head) <= 12 else 0
    return year, next((k + 1 for k, m in enumerate(MONTHS) if head.startswith(m)), 0)


def dates(text: str, start: int = 0, end: int | None = None, pattern: re.Pattern[str] = WRITTEN_DATE) -> list[Date]:
    """The dates written in ``text[start:end]``, in the text's order (``pattern`` finds them)."""
    return [written_date(m.group()) for m in pattern.finditer(text, start, len(text) if end is None else end)]


def when(
    words: str,
    earlier: re.Pattern[str] | None = None,
    current: re.Pattern[str] | None = None,
    pattern: re.Pattern[str] = WRITTEN_DATE,
    first: bool = False,
) -> When:
    """The time ``words`` tell: ``earlier`` and ``current`` (the reader's words of an earlier time and of the
    present) found in them, and their latest date, or their first with ``first`` (the one a line opens with)."""
    found = dates(words, pattern=pattern)
    return When(
        bool(earlier and earlier.search(words)),
        bool(current and current.search(words)),
        (found[0] if first else max(found)) if found else None,
    )


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


def is_later(a: When, b: When) -> bool | None:
    """Whether time ``a`` is later than ``b``: by their words (_rank), else by their dates when both are written
    (date_later); None when they do not tell (none told, or both told alike)."""
    if _rank(a) != _rank(b):
        return _rank(a) > _rank(b)
    if a.date is not None and b.date is not None:
        return date_later(a.date, b.date)
    return None
