"""What a clinician typing in a hurry writes, rewritten into what the reader reads, with the way back to the words
as typed: one slip in a long word of the vocabulary ("alektinib", "sqaumous", "progresion"), and numbers dictated
or spaced out ("E cog one", "G twelve oh two R", "ALK G 1202 R", "P D L one eighty percent").

Typo tolerance (``Typos``): a word is read as a vocabulary term when it is one Damerau-Levenshtein edit (a letter
left out, added, changed, or two neighbours swapped) away from it, or two for a drug name of ten letters or more;
nothing else. The terms are the knowledge base's ALK inhibitor names and brands, and the phrase file's
``typo_tolerance.words`` (other drugs the phrases name, and key finding words), each a word the reader already
reads. Rules that keep it safe:
  - only words of 5 letters or more, starting with the term's first letter (slips at the first letter are rare, and
    other drugs and English words close to a term mostly differ there: "modules", "erlotinib");
  - finding words (English words) take one edit only: English has real words two edits from them ("profession" is
    two from "progression"); drug names are coined, and their two-edit neighbourhoods hold no English word and no
    drug of the knowledge base (tests/nlu/test_typist_forms.py checks a list of near drugs and words);
  - never a word the reader already knows (any word of the phrase files or of the knowledge base's names), nor one
    of ``typo_tolerance.not_typos`` (real words one edit from a term, "multiply", "plural"), nor a term's own
    inflection ("positives");
  - only when exactly one term is nearest (of tied terms, the one the word misses a letter of, if only one:
    "rifampicn" is rifampicin, not rifampin).
Candidates are found by deletion neighbourhoods (a dictionary lookup per deletion of the word: at most 1 + n + n(n-1)/2
lookups for a word of n <= 16 letters), so the work stays linear in the message's length.

Dictation (``DICTATION``): a spaced or spelled mutation name ("G 1202 R", "gee twelve oh two are"), "E cog", "P D L
one", and a percentage in words or "percent" ("eighty percent") are written as the reader's notation. A number word
becomes an ECOG value only in the ECOG pattern's own context (reader.py), never here.

`Rewrite` keeps where each changed piece came from, so entities found in the rewritten text are given back at the
places and with the words of the text as typed: the read-back shows what was read.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from bot.nlu import compiled, exports

_WORD = compiled.kept(r"(?<![\w'])[A-Za-z]{5,16}(?![\w'])")
_MIN_TERM = 6  # a shorter term has too many neighbours (a 5-letter word one edit from another is common)
_TWO_EDITS = 10  # drug names this long take two edits


def distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (optimal string alignment) of a and b, or limit + 1 when it is larger."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _deletions(word: str, depth: int) -> set[str]:
    out = {word}
    layer = {word}
    for _ in range(depth):
        layer = {w[:i] + w[i + 1 :] for w in layer for i in range(len(w))}
        out |= layer
    return out


class Typos:
    """The vocabulary term a mistyped word stands for (see the module's docstring)."""

    def __init__(self, drugs: Iterable[str], words: Iterable[str], known: Iterable[str], not_typos: Iterable[str]):
        self.limits: dict[str, int] = {}
        for term in drugs:
            if len(term) >= _MIN_TERM and term.isalpha():
                self.limits[term.lower()] = 2 if len(term) >= _TWO_EDITS else 1
        for term in words:
            if len(term) >= _MIN_TERM and term.isalpha():
                self.limits.setdefault(term.lower(), 1)
        self.known = frozenset(w.lower() for w in known) | frozenset(w.lower() for w in not_typos) | set(self.limits)
        self.index: dict[str, set[str]] = {}
        for term, limit in self.limits.items():
            for key in _deletions(term, limit):
                self.index.setdefault(key, set()).add(term)
        self.term = lru_cache(maxsize=8192)(self._term)

    def _term(self, word: str) -> str | None:
        word = word.lower()
        if word in self.known:
            return None
        found: dict[int, set[str]] = {}
        for key in _deletions(word, 2):
            for term in self.index.get(key, ()):
                limit = self.limits[term]
                if term[0] != word[0] or len(word) < _MIN_TERM - 1:
                    continue
                if word in (term + "s", term + "es", term + "d", term + "ly"):
                    continue  # an inflection is a word of its own ("false positives")
                d = distance(word, term, limit)
                if d <= limit:
                    found.setdefault(d, set()).add(term)
        if not found:
            return None
        nearest = found[min(found)]
        if len(nearest) > 1:  # a tie: the term the word is missing a letter of (the commonest slip), if only one
            nearest = {t for t in nearest if len(t) > len(word)}
        return next(iter(nearest)) if len(nearest) == 1 else None


@dataclass(frozen=True)
class Edit:
    start: int  # in the text as typed
    end: int
    new_start: int  # in the rewritten text
    new_end: int


class Rewrite:
    """A text rewritten piece by piece, and the way back from a place in it to the text as typed."""

    def __init__(self, text: str, pieces: list[tuple[int, int, str]]):
        self.original = text
        out, edits, at, shift = [], [], 0, 0
        for start, end, new in sorted(pieces):
            if start < at:
                continue  # overlapping pieces: the first stands
            out.append(text[at:start])
            edits.append(Edit(start, end, start + shift, start + shift + len(new)))
            out.append(new)
            shift += len(new) - (end - start)
            at = end
        out.append(text[at:])
        self.text = "".join(out)
        self.edits = edits
        self.starts = [e.new_start for e in edits]
        self.typed_starts = [e.start for e in edits]

    def back(self, pos: int, end: bool = False) -> int:
        """The place in the typed text of place ``pos`` of the rewritten one (``end``: a span's end): a place inside a
        rewritten piece goes to that piece's start (or end), any other is shifted by the pieces before it."""
        k = (bisect.bisect_left if end else bisect.bisect_right)(self.starts, pos) - 1
        if k < 0:
            return pos
        e = self.edits[k]
        if pos < e.new_end or (end and pos == e.new_end):
            return e.end if end else e.start
        return pos + e.end - e.new_end

    def forth(self, pos: int, end: bool = False) -> int:
        """The place in the rewritten text of place ``pos`` of the typed one (``end``: a span's end): back's
        counterpart."""
        k = (bisect.bisect_left if end else bisect.bisect_right)(self.typed_starts, pos) - 1
        if k < 0:
            return pos
        e = self.edits[k]
        if pos < e.end or (end and pos == e.end):
            return e.new_end if end else e.new_start
        return pos + e.new_end - e.end

    def span_back(self, start: int, end: int) -> tuple[int, int]:
        """The place in the typed text of the span start:end of the rewritten one (``self.original[a:b]`` are its words
        as typed)."""
        return self.back(start), self.back(end, end=True)


# ---- dictation -----------------------------------------------------------------------------------------------------

_UNITS = {
    "zero": 0,
    "oh": 0,
    "o": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_UNIT = "|".join(u for u in _UNITS if u not in ("o", "oh"))
_TEEN = "|".join(_TEENS)
_TEN = "|".join(_TENS)
# two digits said as a number: "oh two", "ninety six", "twelve", "fifty", "seven"
_PAIR = rf"(?:(?:oh|o|zero)[\s-]+(?:{_UNIT})|(?:{_TEN})(?:[\s-]+(?:{_UNIT}))?|{_TEEN}|{_UNIT})"
# letters said as their names (NATO words are not used for amino acids)
_LETTER_NAMES = {
    "ay": "A",
    "cee": "C",
    "see": "C",
    "dee": "D",
    "ee": "E",
    "eff": "F",
    "gee": "G",
    "aitch": "H",
    "eye": "I",
    "kay": "K",
    "el": "L",
    "ell": "L",
    "em": "M",
    "en": "N",
    "pee": "P",
    "cue": "Q",
    "queue": "Q",
    "are": "R",
    "ar": "R",
    "ess": "S",
    "tee": "T",
    "vee": "V",
    "double u": "W",
    "why": "Y",
    "wye": "Y",
}
_NAMED = "|".join(sorted(_LETTER_NAMES, key=len, reverse=True))
_AMINO = "ACDEFGHIKLMNPQRSTVWY"
# "G twelve oh two R", "gee twelve oh two are", "ALK G 1202 R", "L eleven ninety six M"
_SAID_MUTATION = compiled.kept(
    rf"(?<![\w-])(?P<a>[{_AMINO}]|(?i:{_NAMED}))[\s-]+"
    rf"(?P<n>\d{{4}}|(?i:(?:{_TEEN})[\s-]+{_PAIR}|(?:{_UNIT}|oh|zero)(?:[\s-]+(?:{_UNIT}|oh|zero)){{3}}))"
    rf"[\s-]+(?P<b>[{_AMINO}]|(?i:{_NAMED}))(?![\w-])"
)
# "G1202 R", "G 1202R": a letter written apart from the digits on one side only
_SPACED_MUTATION = compiled.kept(
    rf"(?<![\w-])(?P<a>[{_AMINO}])(?:[\s-]+(?P<n1>\d{{4}})[\s-]*|(?P<n2>\d{{4}})[\s-]+)(?P<b>[{_AMINO}])(?![\w-])"
)
_SAID_ECOG = compiled.kept(  # "E cog one", "E C O G 1", "e.c.o.g."
    r"(?<![\w-])(?!ecog\b)e\.?[\s.-]*c\.?[\s.-]*o\.?[\s.-]*g\.?(?![\w-])", re.IGNORECASE
)
_SAID_PDL1 = compiled.kept(  # "P D L one", "PD L1", "PDL one", "p.d.l.1"
    r"(?<![\w-])p\.?[\s.-]*d\.?[\s.-]*l\.?[\s.-]*(?:1|one)(?![\w-])(?<!pdl1)(?<!pd-l1)", re.IGNORECASE
)
# (ctx7) the ALK fusion's gene names spelled out letter by letter, as dictation writes them down ("E M L four A L K",
# "E-M-L-4 A-L-K", "EML 4 ALK"): EML4-ALK; "A L K" spelled alone is ALK. Only letters with a mark between them (a word
# written whole stays as typed); "four" only as EML4's number
_SPELLED_ALK = r"A(?:[\s.-]+L[\s.-]+K|L[\s.-]+K|[\s.-]+LK)\.?"
_SAID_EML4_ALK = compiled.kept(
    rf"(?<![\w-])E[\s.-]*M[\s.-]*L[\s.-]*(?:4|four)[\s.-]*(?:{_SPELLED_ALK}|ALK)(?![\w-])", re.IGNORECASE
)
_SAID_ALK = compiled.kept(rf"(?<![\w-]){_SPELLED_ALK}(?![\w-])")
_NUMBER = rf"(?:(?:{_TEN})(?:[\s-]+(?:{_UNIT}))?|{_TEEN}|{_UNIT}|a hundred|one hundred|hundred)"
_SAID_PERCENT = compiled.kept(  # "eighty percent", "20 per cent"
    rf"(?<![\w-])(?P<n>\d{{1,3}}|{_NUMBER})\s*(?:percent|per cent|pct)(?![\w])", re.IGNORECASE
)

# ---- recall8 (sets 8, 7, 3): a measure dictated in words, before its unit ("CrCl forty mL/min", "a twelve mm lesion")
_SAID_MEASURE = compiled.kept(
    rf"(?<![\w-])(?P<n>{_NUMBER})"
    r"(?=[\s-]*(?:ml/min|mls/min|(?:ml|mls|mils?|millilit(?:re|er)s?) per min(?:ute)?|mm|cm)(?![\w]))",
    re.IGNORECASE,
)
# ---- end recall8

# punctuation said aloud in a dictated note ("ECOG one comma now three period", "number two new line"): the mark; a
# "period" only where it ends a sentence (the text's end, or a new word starting one), never "a period of", "the
# washout period", "period of observation"
_SAID_COMMA = compiled.kept(r"(?<=\w) comma(?![\w-])", re.IGNORECASE)
# (not "the next line", "a new line of therapy": a line of treatment)
_SAID_LINE = compiled.kept(
    r"(?<=\w)(?<!\ba)(?<!\bthe)(?<!\banother)(?<!\bany)(?<!\bnext) new (?:line|paragraph)(?![\w-])"
    r"(?! (?:of|therapy|treatment|tki|agent|drug|regimen|chemo\w*)\b)",
    re.IGNORECASE,
)
# the words that make "period" a span of time, not a full stop: right before it ("a period", "the washout period",
# "each period", "2 period": a single digit as well) and right after it ("period of observation", "period when")
_PERIOD_NOT_AFTER = (
    "a", "the", "this", "that", "each", "any", "same", "one", "washout", "grace", "trial", "time", "follow-up",
    "observation", "short", "long", "brief", "whole", "entire", "menstrual", "last", "first",
)  # fmt: skip
_PERIOD_NOT_BEFORE = (
    "of", "in", "from", "between", "during", "after", "before", "when", "where", "that", "which", "since", "until",
    "for", "was", "is", "and", "or", "to", "with", "without", "on", "off",
)  # fmt: skip
_SAID_PERIOD = compiled.kept(
    r"(?<![\w-])"
    + "".join(rf"(?<!\b{re.escape(w)} )" for w in _PERIOD_NOT_AFTER)
    + r"(?<!\b\d )(?<=[a-z0-9] )period(?=\s*$|\s+(?:new (?:line|paragraph)\b|(?!(?:"
    + "|".join(_PERIOD_NOT_BEFORE)
    + r")\b)[a-z]))",
    re.IGNORECASE,
)


def said_punctuation(text: str) -> list[tuple[int, int, str]]:
    """The punctuation marks said aloud in ``text``, with the space before each: "one comma now" is "one, now"."""
    pieces = [(m.start(), m.end(), ",") for m in _SAID_COMMA.finditer(text)]
    pieces += [(m.start(), m.end(), "\n") for m in _SAID_LINE.finditer(text)]
    pieces += [(m.start() - 1, m.end(), ".") for m in _SAID_PERIOD.finditer(text)]
    return pieces


# (lead7) characters that look like others or like nothing: a zero-width space or joiner, a word joiner, a byte-order
# mark and a soft hyphen, invisible (dropped: "no\u200bbrain mets", "G12\u200b02R", "brain mets: n\u200bo" read as
# seen; "no brain mets" with one read the metastases PRESENT); the hyphens and minus signs of other code points as
# "-" ("G1202R not\u2011detected", "ALK\u2212"); full-width letters, digits and signs, and the ideographic space, as
# their ASCII ("ECOG \uff11")
_INVISIBLE = compiled.kept("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_HYPHENS = compiled.kept("[\u2010\u2011\u2012\u2212\ufe63\uff0d]")
_FULL_WIDTH = compiled.kept("[\uff01-\uff5e\u3000]")


def characters(text: str) -> list[tuple[int, int, str]]:
    """The invisible characters of ``text`` dropped, other hyphens as "-", full-width characters as ASCII."""
    pieces = [(m.start(), m.end(), "") for m in _INVISIBLE.finditer(text)]
    pieces += [(m.start(), m.end(), "-") for m in _HYPHENS.finditer(text)]
    pieces += [
        (m.start(), m.end(), " " if m.group() == "\u3000" else chr(ord(m.group()) - 0xFEE0))
        for m in _FULL_WIDTH.finditer(text)
    ]
    return pieces


# (s12) a dosage form before a drug's name, as Indian and South-East Asian notes write it ("to start Tab. Alectinib
# 150 mg", "Cap. Lorlatinib"): its full stop ends no sentence
_DOSAGE_FORM = compiled.kept(r"(?<![\w.-])(?:tabs?|caps?|inj|syp)(\.)(?=[ \t]+[A-Za-z])", re.IGNORECASE)


def dosage_forms(text: str) -> list[tuple[int, int, str]]:
    """The full stop of each dosage form before a drug's name, dropped: "Tab. Alectinib" is "Tab Alectinib"."""
    return [(m.start(1), m.end(1), "") for m in _DOSAGE_FORM.finditer(text)]


# a registry form's coded field: the key's legend of codes in a bracket, then the code ("Progression pattern
# (1=systemic, 2=oligo, 3=CNS only, 4=indolent): 3"), read as the key and the code's label ("Progression pattern: CNS
# only"), so that the legend's other labels are not read; a code the legend does not give, or none, reads no label
_LEGEND = compiled.kept(
    r"\((?P<legend>\s*\d{1,2}\s*[=:]\s*[^,;/()=:\n]+?(?:\s*[,;/]\s*\d{1,2}\s*[=:]\s*[^,;/()=:\n]+?)+)\s*\)"
    r"[ \t]*(?P<sep>[:=|])(?:[ \t]*(?P<code>\d{1,2})(?![\w.]))?"
)
_LEGEND_ITEM = compiled.kept(r"(\d{1,2})\s*[=:]\s*([^,;/]+)")


def coded_fields(text: str) -> list[tuple[int, int, str]]:
    """The coded fields of ``text`` rewritten as ": label" (": code" when the legend does not give the code)."""
    pieces = []
    for m in _LEGEND.finditer(text):
        labels = {int(c): label.strip() for c, label in _LEGEND_ITEM.findall(m.group("legend"))}
        code = m.group("code") or ""
        pieces.append((m.start(), m.end(), f"{m.group('sep')} {labels.get(int(code), code) if code else ''}"))
    return pieces


# a drug's name dictated in pieces, as speech recognition hears its syllables ("alec tinib", "bri ga tinib", "lore lah
# tinib", "lore lattin ib"): two to four short words, the last ending in "ib", read joined when the joined word is a
# drug's name or within its typo tolerance
_SAID_DRUG = compiled.kept(r"(?<![\w'-])(?:[A-Za-z]{1,8}[ \t-]+){1,3}(?:[A-Za-z]{0,4}n)?ib(?![\w'-])", re.IGNORECASE)


def said_drugs(text: str, drugs: frozenset[str], term: Callable[[str], str | None]) -> list[tuple[int, int, str]]:
    """The drug names said in pieces in ``text`` (``drugs``: the names, lower case; ``term``: a slip's term), each
    the longest run of its last pieces that joins into one."""
    pieces = []
    for m in _SAID_DRUG.finditer(text):
        words = list(re.finditer(r"[A-Za-z]+", m.group()))
        for k in range(len(words), 1, -1):
            first = words[-k]
            joined = "".join(w.group() for w in words[-k:]).lower()
            found = joined if joined in drugs else term(joined)
            if found in drugs:
                pieces.append((m.start() + first.start(), m.end(), found))
                break
    return pieces


def said_number(words: str) -> int | None:
    """The number words say, read as a clinician dictates: digit by digit ("one two zero two"), or in pairs
    ("twelve oh two" 1202, "eleven ninety six" 1196, "ninety six" 96), or "1202"; None for anything else."""
    parts = [p for p in re.split(r"[\s-]+", words.strip().lower()) if p]
    if len(parts) == 1 and parts[0].isdigit():
        return int(parts[0])
    if parts in (["hundred"], ["a", "hundred"], ["one", "hundred"]):
        return 100
    if len(parts) > 1 and all(p in _UNITS for p in parts):
        return int("".join(str(_UNITS[p]) for p in parts))
    digits, i = "", 0
    while i < len(parts):
        p, nxt = parts[i], parts[i + 1] if i + 1 < len(parts) else ""
        if p in _TEENS:
            digits, i = digits + str(_TEENS[p]), i + 1
        elif p in _TENS:
            unit = _UNITS.get(nxt, 0) if nxt not in ("o", "oh", "zero") else 0
            digits, i = digits + str(_TENS[p] + unit), i + (2 if nxt in _UNITS and unit else 1)
        elif p in ("o", "oh", "zero") and nxt in _UNITS and nxt not in ("o", "oh", "zero"):
            digits, i = digits + f"0{_UNITS[nxt]}", i + 2
        elif p in _UNITS and p not in ("o", "oh") and len(parts) == 1:
            digits, i = str(_UNITS[p]), i + 1
        else:
            return None
    return int(digits) if digits else None


def _letter(said: str) -> str:
    return _LETTER_NAMES.get(said.lower(), said.upper())


def dictation(text: str, residues: tuple[int, int]) -> list[tuple[int, int, str]]:
    """The pieces of ``text`` said rather than written, with what the reader reads for them; a mutation said or
    spaced out only at a residue of ALK's kinase domain (``residues``, the knowledge base's), never a year."""
    pieces = []
    for m in _SAID_MUTATION.finditer(text):
        number = said_number(m.group("n"))
        if number is not None and residues[0] <= number <= residues[1]:
            pieces.append((m.start(), m.end(), f"{_letter(m.group('a'))}{number}{_letter(m.group('b'))}"))
    for m in _SPACED_MUTATION.finditer(text):
        number = int(m.group("n1") or m.group("n2"))
        if residues[0] <= number <= residues[1]:
            pieces.append((m.start(), m.end(), f"{m.group('a')}{number}{m.group('b')}"))
    for m in _SAID_ECOG.finditer(text):
        pieces.append((m.start(), m.end(), "ECOG"))
    for m in _SAID_PDL1.finditer(text):
        pieces.append((m.start(), m.end(), "PD-L1"))
    for m in _SAID_EML4_ALK.finditer(text):  # (ctx7)
        if m.group() != "EML4-ALK":
            pieces.append((m.start(), m.end(), "EML4-ALK"))
    for m in _SAID_ALK.finditer(text):  # (ctx7) overlapping an EML4-ALK piece, the first stands
        pieces.append((m.start(), m.end(), "ALK"))
    for m in _SAID_PERCENT.finditer(text):
        number = said_number(m.group("n"))
        if number is not None and number <= 100:
            pieces.append((m.start(), m.end(), f"{number}%"))
    for m in _SAID_MEASURE.finditer(text):  # recall8
        number = said_number(m.group("n"))
        if number is not None:
            pieces.append((m.start(), m.end(), str(number)))
    return pieces


# ---- markup --------------------------------------------------------------------------------------------------------

# a tag of pasted HTML, as sent or escaped ("<b>", "</li>", "&lt;br/&gt;"), of the tags that format text (not any word
# in angle brackets: "<lorlatinib>" stays a word); a block's tag ends a line
_BLOCK_TAG = compiled.kept(r"p|br|div|li|ul|ol|tr|t(?:able|body|head)|h[1-6r]|section|article|blockquote|pre", re.I)
_INLINE_TAGS = r"b|i|u|s|em|strong|span|font|a|sup|sub|mark|small|big|code|tt|del|ins|td|th|label|abbr|cite|q"
_TAG = compiled.kept(
    rf"(?:<|&lt;)/?(?P<name>(?:{_INLINE_TAGS}|{_BLOCK_TAG.pattern}))(?![\w-])(?:\s[^<>&]{{0,200}}?)?/?(?:>|&gt;)",
    re.IGNORECASE,
)
_ENTITIES = {"&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&apos;": "'"}
_ENTITY = compiled.kept("|".join(map(re.escape, _ENTITIES)), re.IGNORECASE)
_CODE = compiled.kept(r"`+")  # a code span's backticks ("`G1202R`: neg")


def markup(text: str) -> list[tuple[int, int, str]]:
    """The pieces of ``text`` that are markup around the words, not words: HTML tags (a block's tag read as a line's
    end, any other as a space: "<b>G1202R</b> absent" is "G1202R absent", "G1202R<br>not detected" two lines), HTML
    entities as their characters, and backticks as spaces. Read without them, a denial after a finding in bold still
    denies it."""
    pieces = []
    for m in _TAG.finditer(text):
        pieces.append((m.start(), m.end(), "\n" if _BLOCK_TAG.fullmatch(m.group("name")) else " "))
    tagged = [(a, b) for a, b, _ in pieces]
    for m in _ENTITY.finditer(text):
        if not any(a <= m.start() < b for a, b in tagged):
            pieces.append((m.start(), m.end(), _ENTITIES[m.group().lower()]))
    pieces += [(m.start(), m.end(), " " * len(m.group())) for m in _CODE.finditer(text)]
    return pieces


def short_slips(slips: dict[str, list[str]]) -> Callable[[str], list[tuple[int, int, str]]]:
    """The short words typed with a slip (``slips``: word -> its slips, the phrase file's ``short_words``), each a whole
    word written in lower case as listed, rewritten as the word ("n0 MET amp"); never "N0", a TNM stage's ("T2, N0,
    M1c"), nor one right after a T stage ("t2 n0")."""
    word_of = {slip: word for word, spelled in slips.items() for slip in spelled}
    pattern = compiled.kept(
        r"(?<![\w-])(?<![Tt]\d )(?<![Tt]\d[abc] )(?<![Tt]x )(?:"
        + "|".join(map(re.escape, sorted(word_of, key=len, reverse=True)))
        + r")(?![\w-])"
    )

    def find(text: str) -> list[tuple[int, int, str]]:
        if not word_of:
            return []
        out = []
        for m in pattern.finditer(text):
            out.append((m.start(), m.end(), word_of[m.group()]))
        return out

    return find


def zero_counts(patterns: Iterable[str]) -> Callable[[str], list[tuple[int, int, str]]]:
    """(lead7) A count of none written as a digit before what it counts ("0 brain mets", "Brain: 0 new mets"), the
    phrase file's ``zero_count``: rewritten as the word ("zero brain mets"), whose count of none the reader denies;
    as a digit a count's patterns read the lesions present."""
    pattern = compiled.kept("|".join(f"(?:{p})" for p in patterns) or r"(?!)", re.IGNORECASE)

    def find(text: str) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), "zero") for m in pattern.finditer(text)] if "0" in text else []

    return find


def translated(terms: Iterable[tuple[str, str]]) -> Callable[[str], list[tuple[int, int, str]]]:
    """(brain18) The clinical words of a letter translated from another language, or written in it, read as their
    English (the phrase file's ``translated_terms``: a pattern and its English, which may name the pattern's groups):
    "RM encefalo: negativa" as "brain MRI: negative", "metastases cerebral" as "brain metastases". The terms are tried
    in their order and a match overlapping an earlier term's is left, so a longer phrase listed first stands. A term is
    searched only in a text holding one word of each group of words its every match needs (compiled.every_necessary,
    as the reader's own patterns are): most messages hold none of a letter's foreign words."""
    kept = compiled.shared()
    table = [(kept.compile(p, re.IGNORECASE), r, kept.needs_every(p, re.IGNORECASE)) for p, r in terms]

    def find(text: str) -> list[tuple[int, int, str]]:
        taken: list[tuple[int, int, str]] = []
        folded = compiled.folded(text)
        for pattern, english, needs in table:
            if not all(any(word in folded for word in words) for words in needs):
                continue
            for m in pattern.finditer(text):
                if not any(m.start() < b and a < m.end() for a, b, _ in taken):
                    taken.append((m.start(), m.end(), m.expand(english)))
        return taken

    return find


def typos(text: str, term: Callable[[str], str | None]) -> list[tuple[int, int, str]]:
    pieces = []
    for m in _WORD.finditer(text):
        found = term(m.group())
        if found:
            word = m.group()
            pieces.append((m.start(), m.end(), found.upper() if word.isupper() else found))
    return pieces


# ---- (recall256) words joined by '+' with no spaces ------------------------------------------------------------
# "brain+lepto+liver+bone", "neuropathy+weight gain": each word read as if spaced ("brain + lepto"), so a site or a
# reason is a word of its own; not a result's sign ("ALK+ve", "ALK+ adeno", "p40+, TTF1+": no letter word after it).
_PLUS_JOIN = compiled.kept(r"(?<=[A-Za-z]{2})\+(?=[A-Za-z]{2})(?!ve\b)", re.IGNORECASE)


def plus_joins(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), " + ") for m in _PLUS_JOIN.finditer(text)]


# ---- (recall256) end ---------------------------------------------------------------------------------------------


# ---- (denial3) a negated auxiliary typed without its apostrophe, with it misplaced or typographic -------------------
# "doesnt", "does'nt", "doesn\u2019t", "DONT", "hasnt", "isnt", "cant" are written "doesn't", "don't", ..., the form the
# phrase file's cues name ("didn't get brigatinib", "didn't want ..."); "wont" is left as typed (a word of its own).
_APOSTROPHES = "'\u2019`"
_NEGATED_AUX = compiled.kept(
    rf"(?<![\w{_APOSTROPHES}])(?:(?P<aux>does|do|did|has|have|had|is|was|are|were|could|would|should|ca(?=n))"
    rf"(?:n[{_APOSTROPHES}]?t|[{_APOSTROPHES}]nt)|(?P<wo>wo)n[\u2019`]t)(?![\w{_APOSTROPHES}])",
    re.IGNORECASE,
)


def negated_auxiliaries(text: str) -> list[tuple[int, int, str]]:
    pieces = []
    for m in _NEGATED_AUX.finditer(text):
        aux = m.group("aux") or m.group("wo")
        written = aux + ("N'T" if aux.isupper() and len(aux) > 1 else "n't")
        if written != m.group():
            pieces.append((m.start(), m.end(), written))
    return pieces


def load(table: dict[str, Any]) -> Callable[[str], Rewrite]:
    """The rewriting the reader reads through, for the vocabulary ``table`` (vocabulary.table)."""
    spec = table["typo_tolerance"]
    checker = Typos(spec["drugs"], spec["words"], spec["known"], spec["not_typos"])
    low, high = table["kinase_domain"]
    slipped = short_slips(spec.get("short_words", {}))
    zeros = zero_counts(spec.get("zero_count", ()))
    translations = translated(spec.get("translated", ()))
    drugs = frozenset(d.lower() for d in spec["drugs"] if d.isalpha())
    relative = exports.relatives(table["other_people"])

    def rewrite(text: str) -> Rewrite:
        return Rewrite(
            text,
            characters(text)
            + translations(text)
            + markup(text)
            + exports.hl7(text)
            + exports.tables(text, relative)
            + exports.aligned(text, relative)
            + exports.codes(text)
            + exports.therapy_lines(text)
            + exports.orders(text)
            + exports.form_answers(text)
            + dictation(text, (low, high))
            + said_drugs(text, drugs, checker.term)
            + said_punctuation(text)
            + dosage_forms(text)
            + coded_fields(text)
            + typos(text, checker.term)
            + slipped(text)
            + zeros(text)
            + plus_joins(text)
            + negated_auxiliaries(text),
        )  # (recall256)

    return rewrite
