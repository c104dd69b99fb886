"""The vocabulary round-trip: every drug and mutation spelling of the knowledge base reaches the case as its
canonical name. It agrees with the vocabulary by construction (the rows are generated from the same spellings), so
it checks the plumbing from bot/knowledge to the reader, not how well clinicians' wording is read."""
from __future__ import annotations

import pytest

from bot import knowledge
from bot.nlu import extractor
from tests.nlu.phrasing_table import vocabulary_rows

ROWS = vocabulary_rows()


def test_every_drug_and_mutation_is_in_the_round_trip():
    kb = knowledge.default()
    named = {v for _, fields in ROWS for vs in fields.values() for v in vs}
    assert named == set(kb.drugs) | set(kb.mutations)


@pytest.mark.parametrize("text,fields", ROWS, ids=[t[:60] for t, _ in ROWS])
def test_spelling_round_trip(text, fields):
    assert extractor.extract_case(text) == fields


INDUCER_ROWS = [
    (template.format(spelling), generic)
    for generic, inducer in knowledge.default().strong_cyp3a_inducers.items()
    for spelling in inducer.spellings
    for template in ("Meds: {}.", "on {} since 2019", "{} 100 mg bd")
]


@pytest.mark.parametrize("text,generic", INDUCER_ROWS, ids=[t for t, _ in INDUCER_ROWS])
def test_every_strong_inducer_spelling_reads_as_a_strong_inducer(text, generic):
    """Every name, brand and misspelling of drugs.yml strong_cyp3a_inducers reaches the case (the phrase file holds
    no inducer name of its own)."""
    assert extractor.extract_case(text) == {"strong_cyp3a_inducer": True}, (text, generic)
