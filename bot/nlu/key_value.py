"""Lines of a template, a form or a table: "Key: value", "KEY - value", "Key | value".

Clinicians paste what their record shows: "PS: WHO 1", "Transformation: small cell", "ALK (D5F3) IHC: positive",
"Systemic therapy other than TKI: none", "Re-biopsy: planned". The key names the field and the value says it, in
words that say nothing on their own ("none", "positive", "planned"). One table of keys (clinical_phrases.yml
`key_value`) says which field each key names and how its value reads:

- a word of `present` as the value states the key's finding; a word of `absent` states it absent (the key's
  `absent` value when it has one: "Pregnancy test: negative" is childbearing potential, "Re-biopsy: not done" no
  biopsy); such a word is the whole value or is followed by a bracket or a comma ("Tissue NGS: no ALK mutation"
  denies the mutation, not the tissue);
- a word of `pending` anywhere in the value leaves the finding supposed, not stated ("Biopsy: tissue planned, not
  yet done");
- a key's `values` read the value in the key's own terms ("Transformation: small cell", "Location: USA (Texas)");
  `number` reads a measured value ("PS: WHO 1", "PDL1: 30");
- an `implied` key states its finding whatever the value says, unless it denies or defers it (a specimen as the
  heading of its results: "Tissue (supraclavicular LN): ALK F1174L");
- a key with `unless_after` is left to the other phrases when that pattern stands in the text before it (an ALK test
  under the heading of a re-biopsy is the fusion at progression, not the diagnosis).

A reading covers the key and the words of the value it read, so the key's own words are never read on their own
("Systemic therapy other than TKI" is no systemic progression) and the reading decides over the plain ones it
covers. Any other line is left to the reader's other patterns. A bracketed qualifier of the key ("ALK (D5F3) IHC",
"Treatment history (most recent first)") does not change what the key names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.nlu.entity import HYPOTHETICAL, NEGATED

# a key at the start of a line, of a table cell or after a semicolon, then its separator, then the value to the end
# of the line, cell or clause
_LINE = re.compile(
    r"(?:^|(?<=\n)|(?<=;)|(?<=\|))[ \t]*(?:[-*•·>][ \t]+|\d{1,2}[.)][ \t]+)?"
    r"(?P<key>[^\W\d_][\w /+().,'&-]{0,60}?)[ \t]*(?P<sep>:|\||[ \t][-–—]+[ \t])[ \t]*(?P<value>[^\n|;]*)"
)
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\]]*\]")


@dataclass(frozen=True)
class Reading:
    """What one key-value line states: the entity and value, the characters it covers, its role (None: stated), and
    where the key and its separator end (the plain readings up to there, or to ``end``, are superseded)."""

    start: int
    end: int
    entity: str
    value: str
    role: str | None
    key_end: int


@dataclass(frozen=True)
class _Key:
    entity: str
    key: re.Pattern[str]
    present: str | None
    absent: str | None
    values: tuple[tuple[str, re.Pattern[str]], ...]
    number: int | None
    implied: bool
    unless_after: re.Pattern[str] | None


def _words(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


class KeyValues:
    def __init__(self, table: dict[str, Any]):
        kv = table["key_value"]
        whole = r"(?=\s*(?:$|[(\[,.]|\s[-–—]))"  # the word is the value, or a bracket or a comma follows it
        self.present = re.compile(rf"^(?:{_words(kv['present'])}){whole}", re.IGNORECASE)
        self.absent = re.compile(rf"^(?:{_words(kv['absent'])}){whole}", re.IGNORECASE)
        self.pending = re.compile(rf"(?<![\w-])(?:{_words(kv['pending'])})(?![\w])", re.IGNORECASE)
        self.number = re.compile(kv["number"], re.IGNORECASE)
        self.keys = [
            _Key(
                entity=k["entity"],
                key=re.compile(rf"(?:{_words(k['keys'])})", re.IGNORECASE),
                present=k.get("present"),
                absent=k.get("absent"),
                values=tuple(
                    (str(value), re.compile(rf"(?<![\w-])(?:{pattern})(?![\w])", re.IGNORECASE))
                    for value, pattern in (k.get("values") or {}).items()
                ),
                number=k.get("number"),
                implied=bool(k.get("implied")),
                unless_after=re.compile(k["unless_after"], re.IGNORECASE) if k.get("unless_after") else None,
            )
            for k in kv["keys"]
        ]

    def readings(self, text: str) -> list[Reading]:
        out: list[Reading] = []
        for m in _LINE.finditer(text):
            key = " ".join(_BRACKETS.sub(" ", m.group("key")).split()).lower()
            if not key:
                continue
            for k in self.keys:
                if k.key.fullmatch(key) and not (
                    k.unless_after and k.unless_after.search(text, max(0, m.start() - 300), m.start())
                ):
                    reading = self._read(k, text, m)
                    if reading:
                        out.append(reading)
        return out

    def _read(self, k: _Key, text: str, m: re.Match[str]) -> Reading | None:
        start, value_at, value = m.start("key"), m.start("value"), m.group("value").rstrip()

        def reading(end: int, val: str | None, role: str | None = None) -> Reading | None:
            return Reading(start, end, k.entity, val, role, m.end("sep")) if val is not None else None

        if p := self.pending.search(value):
            return reading(value_at + p.end(), k.present or (k.values[0][0] if k.values else None), HYPOTHETICAL)
        if n := self.absent.match(value):
            return (
                reading(value_at + n.end(), k.absent, None)
                if k.absent
                else reading(value_at + n.end(), k.present, NEGATED)
            )
        for val, pattern in k.values:
            if v := pattern.search(value):
                return reading(value_at + v.end(), val)
        if k.number is not None and (num := self.number.match(value)) and int(num.group(1)) <= k.number:
            return reading(value_at + num.end(1), str(int(num.group(1))))
        if y := self.present.match(value):
            return reading(value_at + y.end(), k.present)
        if k.implied:
            return reading(m.end("key"), k.present)
        return None
