"""The grader's negation (bot.nlu.extractor.stated_absent) reads a trainee's answer as the reader reads a case:
through the typist's rewriting, so a slip in a cue or in a drug listed before the finding does not turn a denied
finding into one the trainee is credited for naming, and the places given back are those of the answer as typed."""

from __future__ import annotations

import pytest

from bot.nlu.extractor import stated_absent
from bot.practice.findings import default


def _place(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


@pytest.mark.parametrize("text", [
    "negatve for MET amplification",
    "Negtive for MET amplification",
    "no alektinib or MET amplification",
    "no alectnib or MET amplification",
    "no lorlatinbi or MET amplification",
    "no lorlatinb or MET amplification",
    "no brigatnib or MET amplification",
    "I would not give alektinib; negatve for MET amplification",
])
def test_a_slip_does_not_hide_the_denial(text):
    place = _place(text, "MET amplification")
    assert stated_absent(text, [place]) == {place}, text
    assert "bypass_alterations:MET_amplification" not in default().cited(text), text


@pytest.mark.parametrize("text", [
    "positve for MET amplification",
    "alektinib, then MET amplification on rebiopsy",
    "MET amplification after alektinib",
    "lorlatinb: MET amplification",
])
def test_a_slip_does_not_make_a_denial(text):
    place = _place(text, "MET amplification")
    assert stated_absent(text, [place]) == set(), text
    assert "bypass_alterations:MET_amplification" in default().cited(text), text


@pytest.mark.parametrize("text", ["negatve for MET amplification", "alektinib then lorlatinb, negatve for G1202R",
                                  "G twelve oh two R, sqaumous, progresion"])
def test_places_go_to_the_rewriting_and_back(text):
    from bot.nlu.extractor import load

    rewritten = load().rewrite(text)
    for pos in range(len(text) + 1):
        assert rewritten.back(rewritten.forth(pos)) <= pos <= rewritten.back(rewritten.forth(pos, end=True), end=True)
    for words in ("MET amplification", "G1202R", "lorlatinb"):
        if words in text:
            a, b = _place(text, words)
            assert rewritten.text[rewritten.forth(a) : rewritten.forth(b, end=True)] == words
