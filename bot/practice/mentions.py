"""Find phrases in a trainee's free text and read each one in its context: chosen, rejected, prior or conditional.

Trainees write "lorlatinib, because of the G1202R; I'd avoid brigatinib and ceritinib" or "after alectinib,
not chemo but SRS". The same drug name can be the answer, something to avoid, a treatment already given or a
fallback, and only the words around it tell which. The cue words are data: the words that reject or choose are
the clinical extractor's (bot/nlu/clinical_phrases.yml), the others the grader's (grading_vocabulary.yml); this
module only applies them, the same way for every phrase table that uses it.

Reading order for a group of mentions joined by 'and', 'or', '/' or commas: words right after the group
(post cues) win; then a 'prior' cue right before it; then the last cue earlier in its clause. A mention with no
cue is chosen.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

CHOSEN, REJECTED, PRIOR, CONDITIONAL = "chosen", "rejected", "prior", "conditional"
# What may stand between two mentions of one group ("brigatinib, ceritinib and/or alectinib").
_FILLER = re.compile(r"^[\s,/&]*(?:(?:and/or|and|or|nor|as well as|plus|also|either|neither)[\s,/&]+)*(?:also\s+)?$",
                     re.IGNORECASE)
_CONJUNCTION = re.compile(r"\b(?:and|or|nor|as well as)\b|/|&", re.IGNORECASE)
_PRIOR_GAP = r"(?:\s+|\s*-\s*)(?:[\w'-]+\s+){0,2}$"  # at most two words between a prior cue and the mention
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


@dataclass(frozen=True)
class Mention:
    """One phrase found in the text: what it stands for, where it is, and how the sentence uses it."""
    value: str
    start: int
    end: int
    reading: str
    text: str


def phrase_regex(phrase: str, case_sensitive: bool = False) -> re.Pattern[str]:
    """A phrase matched as whole words: 'EP' is not inside 'step', 'alectinib' is inside 'post-alectinib'."""
    return re.compile(rf"(?<!\w)(?:{phrase})(?!\w)", 0 if case_sensitive else re.IGNORECASE)


def _alternation(cues: Iterable[str]) -> str:
    return "|".join(f"(?:{c})" for c in cues)


def _words(cues: Iterable[str]) -> re.Pattern[str]:
    """Any of the cues, as whole words, anywhere."""
    return re.compile(rf"(?<!\w)(?:{_alternation(cues)})(?!\w)", re.IGNORECASE)


def _leading(cues: Iterable[str]) -> re.Pattern[str]:
    """Any of the cues at the start of a text (after spaces or a hyphen: 'alectinib-refractory')."""
    return re.compile(rf"^[\s-]*(?:{_alternation(cues)})(?!\w)", re.IGNORECASE)


class Cues:
    """The compiled cue lists of grading_vocabulary.yml."""

    KEYS = ("boundaries", "masks", "negation", "positive", "prior", "conditional", "post_negation",
            "post_conditional", "post_prior", "post_positive")

    def __init__(self, raw: Mapping[str, Sequence[str]]):
        missing = [k for k in self.KEYS if not raw.get(k)]
        if missing:
            raise ValueError(f"grading_vocabulary.yml: cues: missing or empty: {', '.join(missing)}")
        self.boundaries = re.compile(_alternation(raw["boundaries"]), re.IGNORECASE)
        self.masks = _words(raw["masks"])
        self.before = [(_words(raw["negation"]), REJECTED), (_words(raw["positive"]), CHOSEN),
                       (_words(raw["conditional"]), CONDITIONAL)]
        self.negated_verb = re.compile(rf"(?<!\w)(?:{_alternation(raw['negation'])})\W+(?:[\w'-]+\W+){{0,1}}$", re.IGNORECASE)
        self.prior = re.compile(rf"(?<!\w)(?:{_alternation(raw['prior'])}){_PRIOR_GAP}", re.IGNORECASE)
        self.after = [(_leading(raw["post_positive"]), CHOSEN), (_leading(raw["post_negation"]), REJECTED),
                      (_leading(raw["post_prior"]), PRIOR), (_leading(raw["post_conditional"]), CONDITIONAL)]


class MentionReader:
    """Finds the phrases of one table in a text and reads each in context."""

    def __init__(self, phrases: Sequence[tuple[re.Pattern[str], str]], cues: Cues):
        self.phrases = phrases
        self.cues = cues

    def normalise(self, text: str) -> str:
        """Same length as ``text`` (offsets stay valid): typographic apostrophes unified, mask phrases blanked."""
        text = text.translate(_APOSTROPHES)
        return self.cues.masks.sub(lambda m: " " * len(m.group()), text)

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping (start, end, value), the longest match winning, in text order."""
        found = [(m.start(), m.end(), value, i) for i, (pattern, value) in enumerate(self.phrases)
                 for m in pattern.finditer(text)]
        found.sort(key=lambda f: (f[0] - f[1], f[0], f[3]))
        taken: list[tuple[int, int, str]] = []
        for start, end, value, _ in found:
            if all(end <= s or start >= e for s, e, _ in taken):
                taken.append((start, end, value))
        return sorted(taken)

    def read(self, text: str) -> list[Mention]:
        """Every mention in ``text`` with its reading, in text order."""
        clean = self.normalise(text)
        spans = self.spans(clean)
        cuts = sorted({0, len(clean)} | {p for m in self.cues.boundaries.finditer(clean) for p in (m.start(), m.end())})
        out: list[Mention] = []
        previous_end = 0
        for group, clause in self._groups(clean, spans, cuts):
            reading = self._reading(clean, group, clause, previous_end)
            out.extend(Mention(value, start, end, reading, text[start:end]) for start, end, value in group)
            previous_end = group[-1][1]
        return out

    @staticmethod
    def _clause(cuts: list[int], start: int, end: int) -> tuple[int, int]:
        before = max(c for c in cuts if c <= start)
        after = min(c for c in cuts if c >= end)
        return before, after

    def _groups(self, text: str, spans: list[tuple[int, int, str]], cuts: list[int]):
        """Mentions joined by list filler in one clause form a group. A comma-only list needs a conjunction, and a
        comma after the conjunction ends the list ("after alectinib and brigatinib, lorlatinib")."""
        groups: list[tuple[list[tuple[int, int, str]], tuple[int, int]]] = []
        for span in spans:
            clause = self._clause(cuts, span[0], span[1])
            if groups and groups[-1][1][0] == clause[0]:
                members = groups[-1][0]
                gap = text[members[-1][1]:span[0]]
                closed = not _CONJUNCTION.search(gap) and any(
                    _CONJUNCTION.search(text[a[1]:b[0]]) for a, b in zip(members, members[1:]))
                if _FILLER.match(gap) and not closed:
                    members.append(span)
                    continue
            groups.append(([span], clause))
        split: list[tuple[list[tuple[int, int, str]], tuple[int, int]]] = []
        for members, clause in groups:
            gaps = [text[a[1]:b[0]] for a, b in zip(members, members[1:])]
            if gaps and not any(_CONJUNCTION.search(g) for g in gaps):  # "no chemo, lorlatinib": not a list
                split.extend(([m], clause) for m in members)
            else:
                split.append((members, clause))
        return split

    def _reading(self, text: str, group: list[tuple[int, int, str]], clause: tuple[int, int], previous_end: int) -> str:
        """Post cues first; then cues before the group, read from the previous mention or comma on (a cue
        belongs to the nearest mention: in "no chemo, lorlatinib" the 'no' is spent on chemo)."""
        after = text[group[-1][1]:clause[1]]
        for pattern, reading in self.cues.after:
            if pattern.search(after):
                return reading
        start = max(clause[0], previous_end, text.rfind(",", clause[0], group[0][0]) + 1)
        before = text[start:group[0][0]]
        if self.cues.prior.search(before):
            return PRIOR
        last, reading, start = -1, CHOSEN, 0
        for pattern, meaning in self.cues.before:
            for m in pattern.finditer(before):
                if m.end() > last:
                    last, reading, start = m.end(), meaning, m.start()
        if reading == CHOSEN and self.cues.negated_verb.search(before[:start]):  # "don't use", "wouldn't give"
            return REJECTED
        return reading
