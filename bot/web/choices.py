"""The values the case panel's list editors offer: the knowledge base's ALK TKIs and bypass alteration ids, so the
page never offers a value the assistant would not take (a mutation is typed, and read by the assistant)."""

from __future__ import annotations

from functools import lru_cache

from bot import knowledge


@lru_cache(maxsize=1)
def list_choices() -> dict[str, list[list[str]]]:
    """{case field: [[value, label], ...]} in the knowledge base's order."""
    kb = knowledge.default()
    return {
        "prior_tkis": [[name, name] for name in kb.drugs],
        "bypass_alterations": [[fid, finding.label] for fid, finding in kb.bypass.items()],
    }
