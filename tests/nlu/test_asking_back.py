"""A proposal asked back with a word of approval (lead, 2026-12-06, third session): "lorlatinib for G1202R - good?",
"brigatinib for L1196M, the right call?", "brigatinib after alectinib, best?" read the TKIs RECEIVED and the mutation
found before; "... - ok?" and "..., reasonable?" already asked back (hypothetical `asks_back`). The clause before the
approval word is what is asked about: nothing of it is written into the case. Controls: a finding stated before a
question of its own ("G1202R detected - next step?"), a statement with "good" in it ("good response to alectinib")."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_exactly


@pytest.mark.parametrize("text", [
    "lorlatinib for G1202R - good?",
    "brigatinib for L1196M, the right call?",
    "brigatinib after alectinib, best?",
    "lorlatinib for the G1202R, a good choice?",
    "carboplatin-etoposide for the SCLC transformation - the best option?",
    "Lorlatinib next, the way to go?",
])
def test_a_proposal_asked_back_with_approval_writes_nothing(text: str) -> None:
    assert_reads_exactly(text, {})


@pytest.mark.parametrize("text, fields", [
    ("G1202R detected - next step?", {"alk_mutations": ["G1202R"]}),
    ("Good response to alectinib for 3 years, now PD.", {"prior_tkis": ["alectinib"]}),
    ("On alectinib, which was a good choice: 3 years of response.", {"prior_tkis": ["alectinib"]}),
])
def test_a_finding_stated_beside_its_own_question_still_reads(text: str, fields: dict) -> None:
    assert_reads(text, fields)
