"""The phrasing table: tests/nlu/phrasings.yml plus every drug and mutation spelling of the knowledge base.

Shared by the test (tests/nlu/test_phrasings.py) and the benchmark (bench/nlu_extractor.py)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bot import knowledge

HERE = Path(__file__).resolve().parent


def rows() -> list[tuple[str, dict[str, Any]]]:
    kb = knowledge.default()
    table = [(r["text"], r["fields"]) for r in yaml.safe_load((HERE / "phrasings.yml").read_text())]
    for generic, drug in kb.drugs.items():
        for spelling in (generic, *drug.brands, *drug.misspellings):
            table.append((f"progressed on {spelling}", {"prior_tkis": [generic]}))
            table.append((f"{spelling.upper()} 1L", {"prior_tkis": [generic]}))
    for canonical, mutation in kb.mutations.items():
        for spelling in knowledge.spellings_of(canonical) + list(getattr(mutation, "aliases", ()) or ()):
            table.append((f"NGS: ALK {spelling}", {"alk_mutations": [canonical]}))
    return table
