"""The vocabulary round-trip: every drug and mutation spelling of the knowledge base reaches the case as its
canonical name. It agrees with the vocabulary by construction (the rows are generated from the same spellings), so
it checks the plumbing from bot/knowledge to the reader, not how well clinicians' wording is read."""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.phrasing_table import vocabulary_rows

ROWS = vocabulary_rows()


def test_every_drug_and_mutation_is_in_the_round_trip():
    from bot import knowledge

    kb = knowledge.default()
    named = {v for _, fields in ROWS for vs in fields.values() for v in vs}
    assert named == set(kb.drugs) | set(kb.mutations)


@pytest.mark.parametrize("text,fields", ROWS, ids=[t[:60] for t, _ in ROWS])
def test_spelling_round_trip(text, fields):
    assert extractor.extract_case(text) == fields
