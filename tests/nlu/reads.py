"""The shape many form tests share: a text written as clinicians write it, and the case fields it must be read with.

One helper a kind of comparison; each reads ``text`` once, fails with the text and everything read, and returns
everything read (for a test that checks more of it)."""
from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from bot.nlu import extractor


class _NotRead:
    def __repr__(self) -> str:
        return "<not read>"


_NOT_READ = _NotRead()


def _read(text: str) -> dict[str, Any]:
    return extractor.extract_case(text)


def _same(found: dict[str, Any], field: str, value: Any) -> bool:
    """``field`` is read as ``value``; None: it is not read at all; True and False: that bool, as ``is`` checks."""
    if value is None:
        return field not in found
    if isinstance(value, bool):
        return found.get(field, _NOT_READ) is value
    return found.get(field, _NOT_READ) == value


def assert_reads(text: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The extractor reads each of ``fields`` from ``text`` with that value (a field given as None must not be read);
    it may read other fields too."""
    found = _read(text)
    assert all(_same(found, k, v) for k, v in fields.items()), (text, found)
    return found


def assert_reads_exactly(text: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The extractor reads ``fields`` from ``text`` and nothing else (``{}``: nothing at all)."""
    found = _read(text)
    assert found == fields, (text, found)
    return found


def assert_reads_other_than(text: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The extractor does not read any of ``fields`` with that value: another value, or none at all (a value given
    as True, False or None: not that very object, as ``is not`` checks)."""
    found = _read(text)
    assert not any(found.get(k) is v if v is None or isinstance(v, bool) else found.get(k) == v
                   for k, v in fields.items()), (text, found)
    return found


def assert_reads_one_of(text: str, field: str, values: Collection[Any]) -> dict[str, Any]:
    """The extractor reads ``field`` with one of ``values`` (None among them: or does not read it)."""
    found = _read(text)
    assert found.get(field) in values, (text, found)
    return found


def assert_reads_including(text: str, field: str, values: Iterable[Any]) -> dict[str, Any]:
    """The list the extractor reads as ``field`` holds each of ``values`` (it may hold others)."""
    found = _read(text)
    assert all(v in found.get(field, []) for v in values), (text, found)
    return found


def assert_reads_excluding(text: str, field: str, values: Iterable[Any]) -> dict[str, Any]:
    """The list the extractor reads as ``field``, if any, holds none of ``values``."""
    found = _read(text)
    assert not any(v in found.get(field, []) for v in values), (text, found)
    return found


def assert_stated_both_ways(text: str, field: str) -> list[Any]:
    """``field`` is stated both ways in ``text`` (extractor.conflicts) and so not read; returns the entities."""
    entities = extractor.load().entities(text)
    assert field in extractor.conflicts(entities), (text, entities)
    assert field not in extractor.case_fields(entities), (text, entities)
    return entities
