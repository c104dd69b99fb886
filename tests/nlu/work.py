"""Work counted, not timed: tests never assert on wall-clock or CPU time (bench/nlu_phrasings.py reports those).

`calls` counts the function calls (Python functions and built-ins such as a compiled pattern's search) one reading
makes: the same code on the same text makes the same count on any machine, under any load. A reading that does work
per pair of words (quadratic) doubles its count faster than its text. What a single built-in call does inside
(a regular expression's backtracking) is not counted: the bench's hostile-message figures cover that.
"""
from __future__ import annotations

import sys
from typing import Any, Callable


def calls(fn: Callable[..., Any], *args: Any) -> int:
    """The number of function calls ``fn(*args)`` makes."""
    count = 0

    def profile(frame: Any, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        fn(*args)
    finally:
        sys.setprofile(None)
    return count


def growth(fn: Callable[[str], Any], text: Callable[[int], str], n: int) -> float:
    """How many times more calls ``fn`` makes on ``text(2 * n)`` than on ``text(n)`` (2.0 for linear work); after one
    reading of a short text, so that loading what ``fn`` reads with is not counted."""
    fn(text(1))
    return calls(fn, text(2 * n)) / calls(fn, text(n) + " ")
