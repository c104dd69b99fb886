"""The shape many form tests share: a text written as clinicians write it, and the case fields it must be read with."""
from __future__ import annotations

from typing import Any

from bot.nlu import extractor


def assert_reads(text: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The extractor reads each of ``fields`` from ``text`` with that value (a field given as None must not be read);
    it may read other fields too. Returns everything it read."""
    found = extractor.extract_case(text)
    assert {k: found.get(k) for k in fields} == fields, (text, found)
    return found
