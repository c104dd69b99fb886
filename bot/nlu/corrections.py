"""A finding corrected inside the message that states it: "on alec, sorry i mean brig", "squamous, no, adeno",
"ps 2, actually 1 after the steroids", "brain mets yes. correction: no brain mets".

A correction cue (the phrase file's ``correction.cues``: sorry, I mean, actually after a break, correction, no wait,
my bad, scratch that, or rather, a bare "no," after a break) stands between the finding it corrects and the one that
replaces it. The finding right before the cue (the last one stated before it, within 40 characters) is dropped when
the first finding stated after it (within 40 characters, same sentence) is of the same field: the corrected value
replaces it, and only it. When nothing of that field is read after the cue, a bare value right after it is read as
that field ("ps 2, actually 1"; "treated in the US, sorry, Canada"; "liquid bx only, actually tissue too"). A value
followed by an adding word ("too", "also", "as well", "both") is added, not substituted.

Safe by construction: nothing is dropped unless the words on both sides of the cue are findings of one field, so
"actually" as an intensifier ("alk+, actually responding well") and "sorry" as politeness drop nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from bot.nlu import compiled
from bot.nlu.entity import NEGATED, Entity
from bot.nlu.fields import HALVES
from bot.nlu.reader import SITES

_NEAR = 40
_STATED = (None, NEGATED)
_SENTENCE = compiled.kept(r"[.!?;\n](?:\s|$)")


def _field(e: Entity) -> tuple[str, str]:
    """Findings of one case field: the entity, and for the ALK status which of its two fields it states; a
    transformation and the histology are one call of the tumour's type ("SCLC, sorry, adeno"). Progression
    at named sites and the halves of a pattern ("the rest is stable") are read together with what else is said, so
    they are parts, never one value that replaces another."""
    if e.entity in ("transformation", "histology"):
        return "histology", ""  # a transformation's call replaced by the histology read on review, or the other way
    if e.entity == "alk_status":
        return e.entity, "fusion" if e.value.startswith("fusion") else "status"
    if e.entity == "progression_pattern" and (e.value.startswith(SITES) or e.value in HALVES):
        return e.entity, e.value
    return e.entity, ""


class Corrections:
    def __init__(self, table: dict[str, Any]):
        spec = table["correction"]
        self.cue = compiled.kept(rf"(?:{'|'.join(f'(?:{c})' for c in spec['cues'])})(?![\w])", re.IGNORECASE)
        self.adds = compiled.kept(rf"^[\s,]*(?:{'|'.join(spec['adds'])})(?![\w])", re.IGNORECASE)
        self.bare = {
            entity: [
                (str(value), compiled.kept(rf"[\s,:]*(?P<v>{pattern})(?![\w])", re.IGNORECASE))
                for value, pattern in rows
            ]
            for entity, rows in spec["bare"].items()
        }

    def apply(
        self,
        text: str,
        found: list[Entity],
        doubted: Sequence[Entity] = (),
        regions: Sequence[tuple[int, int]] = (),
    ) -> list[Entity]:
        """``found`` with each corrected finding left out, and bare corrected values read. A finding only its own words
        doubt (``doubted``: "ECOG 1 maybe.. no, 2") is corrected as a stated one is, by a cue outside the questions and
        what-ifs (``regions``)."""
        dropped: set[int] = set()
        added: list[Entity] = []
        stated = [e for e in found if e.role in _STATED and e.entity not in ("intolerant_tki",)]
        correctable = sorted([*stated, *doubted], key=lambda e: e.end)
        for m in self.cue.finditer(text):
            asked = any(a <= m.start() < b for a, b in regions)
            before = [e for e in (stated if asked else correctable) if e.end <= m.start() and id(e) not in dropped]
            if not before or m.start() - before[-1].end > _NEAR:
                continue
            prev = max(before, key=lambda e: e.end)
            end = _SENTENCE.search(text, m.end())
            limit = min(m.end() + _NEAR, end.start() if end else len(text))
            after = [e for e in stated if m.end() <= e.start < limit]
            if after:
                nxt = after[0]
                if _field(nxt) == _field(prev) and not self.adds.match(text[nxt.end : nxt.end + 12]):
                    dropped.add(id(prev))
                continue
            for value, pattern in self.bare.get(prev.entity, ()):
                b = pattern.match(text, m.end(), limit)
                if b:
                    v = b.group("v") if value == "#" else value
                    added.append(Entity(prev.entity, v, b.start("v"), b.end("v"), b.group("v"), None, None))
                    if not self.adds.match(text[b.end() : b.end() + 12]):
                        dropped.add(id(prev))
                    break
        if not dropped and not added:
            return found
        return sorted([e for e in found if id(e) not in dropped] + added, key=lambda e: e.start)
