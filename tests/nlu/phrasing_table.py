"""The project's hand-written phrasing table (tests/nlu/phrasings.yml), and apart from it the vocabulary round-trip:
every drug and mutation spelling of the knowledge base in a short carrier sentence.

The round-trip rows are generated from the same spellings that build the extractor's vocabulary, so they agree by
construction on the spelling and prove only that nothing is lost between the knowledge base and the reader; they
are kept out of the phrasing table and out of every reading figure. Shared by the tests and bench/nlu_extractor.py.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bot import knowledge

HERE = Path(__file__).resolve().parent


def rows() -> list[tuple[str, dict[str, Any]]]:
    """The hand-written rows: (text, exactly the fields it states)."""
    return [(r["text"], r["fields"]) for r in yaml.safe_load((HERE / "phrasings.yml").read_text(encoding="utf-8"))]


def vocabulary_rows() -> list[tuple[str, dict[str, Any]]]:
    """Every knowledge-base spelling of a drug or mutation, in a carrier sentence, with the field it must give."""
    kb = knowledge.default()
    table = []
    for generic, drug in kb.drugs.items():
        for spelling in (generic, *drug.brands, *drug.misspellings):
            table.append((f"progressed on {spelling}", {"prior_tkis": [generic]}))
            table.append((f"{spelling.upper()} 1L", {"prior_tkis": [generic]}))
    for canonical, mutation in kb.mutations.items():
        for spelling in knowledge.spellings_of(canonical) + list(getattr(mutation, "aliases", ()) or ()):
            table.append((f"NGS: ALK {spelling}", {"alk_mutations": [canonical]}))
    return table
