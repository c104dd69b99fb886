"""Where a statement starts and ends around a place of a text: after the last full stop or line before it, to the next
after it, a semicolon, a comma or a heading's colon ending it too when asked. A module of its own, below both the
reader (reader.py: a score's source named in its statement) and the parts of Context (context/*.py, through
context/patterns.py): one definition of a statement's bounds for both, which the reader could not import from
context/patterns.py (it imports the reader)."""

from __future__ import annotations

import bisect
import re

from bot.nlu import compiled

_STATEMENT_STOP = compiled.kept(r"\n|[.!?](?=\s|$)")  # where a statement ends (_clause_end) and the next starts
_SEMICOLON_STOP = compiled.kept(r"\n|[.!?](?=\s|$)|;")  # ... or at a semicolon too (semicolons=True)
_COMMA_STOP = compiled.kept(r"\n|[.!?](?=\s|$)|[;,]")  # ... or at a comma too: a clause (commas=True)
_COLON_STOP = compiled.kept(r"\n|[.!?](?=\s|$)|[;,:]")  # ... or after a heading's colon too (colons=True)


def _stops(semicolons: bool, commas: bool, colons: bool = False) -> re.Pattern[str]:
    if colons:
        return _COLON_STOP
    return _COMMA_STOP if commas else _SEMICOLON_STOP if semicolons else _STATEMENT_STOP


def _statement_start(
    text: str, at: int, reach: int = 0, semicolons: bool = False, commas: bool = False, colons: bool = False
) -> int:
    """The start of the statement place ``at`` is in (after the last full stop or line before it, past semicolons
    unless ``semicolons``, past commas unless ``commas``: a clause, past a colon unless ``colons``: a clause after its
    heading), looked for from ``reach`` on. As the last stop stops.finditer(text, reach, at) finds, from the stops of
    the whole text (_stop_ends): each stop is one character, the last before ``at`` matched as that search sees it
    (the text ending at ``at``)."""
    stops = _stops(semicolons, commas, colons)
    if at <= reach:
        return reach
    if stops.match(text, at - 1, at):
        return at
    ends = _stop_ends(stops, text)
    before = bisect.bisect_right(ends, at - 1)
    return max(reach, ends[before - 1]) if before else reach


_STOP_ENDS: dict[re.Pattern[str], tuple[str, list[int]]] = {}  # of each kind of stop, the last text's (_stop_ends)


def _stop_ends(stops: re.Pattern[str], text: str) -> list[int]:
    """Where each stop of ``text`` ends, in order: found once per text (the statement of every finding of a long
    message is looked for), kept for the last text of each kind of stop."""
    kept = _STOP_ENDS.get(stops)
    if kept is None or kept[0] != text:
        kept = _STOP_ENDS[stops] = (text, [m.end() for m in stops.finditer(text)])
    return kept[1]


def _clause_end(text: str, start: int, semicolons: bool = False, commas: bool = False, reach: int | None = None) -> int:
    """The end of the statement a toxicity on a TKI is told in: the next full stop or line, past semicolons
    ("pneumonitis on brigatinib; changed to alectinib") unless ``semicolons``, past commas unless ``commas``; looked
    for up to ``reach``, where it ends when none is found first."""
    end = len(text) if reach is None else min(reach, len(text))
    m = _stops(semicolons, commas).search(text, start, end)
    return m.start() if m else end


def _statement_bounds(
    text: str,
    start: int,
    end: int,
    semicolons: bool = False,
    commas: bool = False,
    reach: tuple[int, int] | None = None,
) -> tuple[int, int]:
    """The statement the words from ``start`` to ``end`` are told in: from the last full stop or line before them to
    the next after them, a semicolon ending it too when ``semicolons``, and a comma when ``commas`` (a clause); with
    ``reach``, no more than so many characters before them and after them."""
    back, on = reach if reach else (start, None)
    return (
        _statement_start(text, start, max(0, start - back), semicolons, commas),
        _clause_end(text, end, semicolons, commas, None if on is None else end + on),
    )
