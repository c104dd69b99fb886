"""Lines of a template, a form or a table: "Key: value", "KEY - value", "Key | value".

Clinicians paste what their record shows: "PS: WHO 1", "Transformation: small cell", "ALK (D5F3) IHC: positive",
"Systemic therapy other than TKI: none", "Re-biopsy: planned". The key names the field and the value says it, in
words that say nothing on their own ("none", "positive", "planned"). One table of keys (clinical_phrases.yml
`key_value`) says which field each key names and how its value reads.

A key starts a line, a table cell, a clause after a semicolon, a sentence ("Seen today. Brain: no mets"), an item
after a comma or a dash ("ECOG: 2, brain: clear", "Summary - Transformation: none"); a key inside a sentence
("Concern for transformation: yes") is no key. Its value runs to the end of the line, cell, clause or sentence, or to
the next key of the table ("Brain: no mets, lepto: yes"). The value reads:

- with a question mark or a word of `hedges` in its first clause ("Brain: mets?", "Transformation: ?SCLC", "Brain:
  clear? ...", "Transformation: possible SCLC") or a word of `pending` anywhere ("Biopsy: tissue planned, not yet
  done", "n/a", which may say not applicable or not assessed): the finding supposed, not stated;
- a word of `not_done` ("not done", "declined", "failed"): the key's absent value for a key marked `not_done` (no
  biopsy, no therapy received); for any other key supposed ("Brain MRI: not done" says nothing of the brain);
- a word of `absent` states the finding absent (the key's `absent` value when it has one: "Re-biopsy: not done" no
  biopsy); a key marked `result` (a test's result) is denied only by a word of `result` ("Pregnancy test: negative"
  is childbearing potential, "Pregnancy test: none" says no test was done); a `present` word states it. Such a word
  is the whole value or is followed by a bracket, a comma or a word of `trailing`, which only says where, when or how
  it was found ("Brain mets: none seen on MRI", "Pregnancy test: negative on 2/3"); any other word may name what it
  denies ("Tissue NGS: no ALK mutation" denies the mutation, not the tissue);
- a key's `values` read the value in the key's own terms ("Transformation: small cell", "Location: USA (Texas)"),
  denied by a word of `denies` right before or after them ("no small cell features", "small cell excluded"), and left
  to the other phrases when such a word stands elsewhere in their clause; `number` reads a measured value ("PS: WHO
  1", "PDL1: 30");
- an `implied` key states its finding whatever the value says, unless it denies or defers it (a specimen as the
  heading of its results: "Tissue (supraclavicular LN): ALK F1174L");
- a key with `unless_after` is left to the other phrases when that pattern stands in the text before it or in its
  value (an ALK test under the heading of a re-biopsy is the fusion at progression, not the diagnosis).

A reading covers the key and the words of the value it read, so the key's own words are never read on their own
("Systemic therapy other than TKI" is no systemic progression) and the reading decides over the plain ones it
covers. A value the table does not read is left to the reader's other patterns, as is any other line. A bracketed
qualifier of the key ("ALK (D5F3) IHC", "Treatment history (most recent first)") does not change what the key names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from bot.nlu import compiled, vocabulary
from bot.nlu.entity import HYPOTHETICAL, NEGATED
from bot.nlu.when import DATE_TEXT, Time, When, is_later, span, time_later, when

# where a key may start: a line, a table cell, a clause after a semicolon, a sentence ("... on alectinib. Brain: no
# mets"), an item after a comma ("Smoking: never, ECOG: 1") or a dash ("Summary - Brain: no mets"), or what a report
# showed ("the rebiopsy showed transformation: small cell"); a full stop, a question mark, a comma or a dash starts
# one only before a space ("2.5", "1,000", "T-cell" do not); (ther11) a key in quotes after a space ("Referral form
# field 'Intolerances to ALK TKIs': None", "'Current line: 3L docetaxel'")
_SHOWED = ("showed", "shows", "revealed", "reveals", "confirmed", "confirms", "demonstrated", "found", "with")
_START = compiled.kept(
    r"^|(?<=\n)|(?<=[;|])|(?<=[.!?,])(?=[ \t])|(?<=[ \t][-–—])(?=[ \t])|(?<=[ \t])(?=['\"\u2018\u201c][^\W\d_])|"
    + "|".join(rf"(?<=(?<![\w-]){word})(?=[ \t])" for word in _SHOWED),
    re.MULTILINE | re.IGNORECASE,
)
# a key, its separator, then the value to the end of the line, cell, clause or sentence (a full stop or a question
# mark before a space or the end; not after a single letter: "U.S. (Texas)", "e.g. ...")
# (safe9) a checklist's item code before the key ("E6 Strong CYP3A inducer use ..... N", "I2 ALK+ NSCLC: Y") is
# no part of it, as a list's number is not
ITEM_CODE = (
    r"[A-Z]{1,2}\d{1,2}[a-z]?"  # a checklist's item code ("E6", "I2", "EX3"), case as written: context/cues.py too
)
_LINE = compiled.kept(
    rf"[ \t]*(?:[-*•·>][ \t]+|\d{{1,2}}[.)][ \t]+|{ITEM_CODE}[.)]?[ \t]+)?(?:['\"\u2018\u201c](?=[^\W\d_]))?"
    r"(?P<key>[^\W\d_][\w /+().,'&%-]{0,60}?)[ \t]*(?P<sep>:|\||[ \t]?=(?![=>])|[ \t][-–—]+[ \t])[ \t]*"
    r"(?P<value>(?:[^\n|;.!?]|(?<=\b[^\W\d_])[.!?]|[.!?](?![ \t\n]|$))*)"
)
# the value's first clause ends at a comma or a dash between spaces
_CLAUSE = compiled.kept(r",|[ \t][-–—]+[ \t]")
_BESIDE = 250  # how far another line's statement may stand to qualify a key's value (absent_beside)
_STATUS = compiled.kept(r" status$")
_BRACKETS = compiled.kept(r"\([^()]*\)|\[[^\]]*\]")
# where another line or sentence starts (_absent: a line break, or a full stop before a space or the end)
_BREAK = compiled.kept(r"\n|\.(?=\s|$)")
# the diagnosis as a time, its nouns and its adverbs: the phrase file's one list (clinical_phrases.yml DXNOUN, DXADV)
_DXNOUN, _DXADV = vocabulary.define("DXNOUN"), vocabulary.define("DXADV")
# the diagnosis's time after "at" ("at diagnosis", "at the time of initial diagnosis", "at dx")
EARLIER_AT = rf"at (?:the time of )?{_DXNOUN}"
# the label of an earlier score's time, and of the current score's, as per-time values write them ("ECOG: baseline 1,
# current 2", "ECOG | dx: 0 | now: 2"; reader.py reads the same in running text)
EARLIER_LABEL = (
    rf"(?:at |on )?(?:the time of )?(?:{_DXNOUN}|initial(?:ly)?|original(?:ly)?|previous(?:ly)?|prior|pre-?treatment|"
    r"before)"
)
NOW_LABEL = (
    r"(?:current(?:ly)?|now|today|at present|present(?:ly)?|latest|most recent|at (?:this|the latest|the last) visit|"
    r"at (?:progression|pd|relapse))"
)
# a value's time in a bracket right after it ("0 (2021)", "2 (today, 12/2025)", "3 (last year)"; _WHEN what the bracket
# holds, _bracket_time reads it), and an arrow to a later value past it ("0 (2021) -> 2", "0 → 1"): the later value is
# the one now (LATER_ARROW below; later_number, later_value and reader.py's running text; earlier_dated compares the
# brackets' times)
_WHEN = r"[^()\n]{0,30}"
TIME_BRACKET = rf"\s*\({_WHEN}\)"
_SCORE = r"([0-4])(?![\d.,/%]|\s*(?:mm|cm|months?|mo\b|years?|weeks?|cycles?|lines?))"
# an ECOG value that starts under an earlier time's label ("baseline 1", "dx: 0", "at diagnosis 1")
_EARLIER_FIRST = compiled.kept(rf"{EARLIER_LABEL}\s*[:=]?\s*{_SCORE}", re.IGNORECASE)
# ... the current one's label and score, in the value or later in its row ("current 2", "| now: 2")
_NOW_SCORE = compiled.kept(rf"(?<![\w-]){NOW_LABEL}(?:{TIME_BRACKET})?\s*[:=]?\s*{_SCORE}", re.IGNORECASE)
# a score said to be an earlier one, its time right after it ("ECOG 0 at diagnosis", "PS 1 initially", "ECOG: 1
# (baseline)"): never read as the current score (here and in reader.py); the later one, when the message gives it,
# is ("ECOG 1 at diagnosis, now 2"), and with none the score is left unset, to be asked (an old score is not the
# current one)
# (s14) a value copied forward from an earlier note says so in a bracket ("ECOG: 1 (copied from 08/2025 note)", "PS 0
# [carried forward]", "ECOG 1 (auto-imported 03/2024)"): an earlier time's, as "(baseline)" is
_COPIED = r"[(\[]\s*(?:copied|carried|pulled|auto-?imported|imported|auto-?populated)\b[^()\[\]\n]{0,30}[)\]]"
# (lead7) a time well before now, said after a score with no later one ("ECOG 0 two years ago", "ECOG 1 premorbid",
# "ECOG 1 pre-illness", "PS 1 before admission"): they read the old score as the current one
_LONG_BEFORE = (
    r"(?:\w+ )?(?:months?|years?|yrs?) ago|last year|pre-?morbid(?:ly)?|pre-?illness|pre-?diagnosis|pre-?admission|"
    r"(?:prior to|before) (?:the |her |his |their |this )?(?:illness|diagnosis|admission"
    # (safe22) an event of the disease's course since ("ECOG 0 prior to progression", "was ECOG 0 before the brain
    # mets": they read the score now)
    r"|progression|pd|relapse|recurrence|brain (?:mets|metastases)|seizures?|fall|fracture|hospitali[sz]ation)"
)
EARLIER_AFTER = compiled.kept(
    rf"\s*(?:{EARLIER_AT}|{_DXADV}|previously|before|{_LONG_BEFORE}|\(\s*{EARLIER_LABEL}\s*\)|{_COPIED})(?![\w-])",
    re.IGNORECASE,
)
# ... with no other score in the message, an adverb only where it ends the score's clause ("ECOG 1 initially."; not
# "ECOG 1 previously treated with alectinib", "PS 1 before starting lorlatinib", where it tells of something else)
EARLIER_ALONE = compiled.kept(
    rf"\s*(?:(?:{EARLIER_AT}|{_LONG_BEFORE})(?![\w-])|"
    rf"(?:{_DXADV}|previously|before)(?=\s*(?:$|[,.;:)\n]|and\b|but\b))|"
    rf"\(\s*{EARLIER_LABEL}\s*\)|{_COPIED})",
    re.IGNORECASE,
)
# (ecog2) a score's change told with a verb, to its later value ("deteriorated to 3", "improving to 1", "now down to
# 3", "has since recovered to 1"): the value after it is the current one (here, in reader.py's running text and in
# its labels' lead-in "ECOG declined from 1 to 3")
CHANGE_VERB = (
    r"(?:(?:has |have |had )?(?:since )?(?:been )?"
    r"(?:(?:deteriorat|worsen|declin|dropp|improv|recover|increas|decreas|climb|slipp|fall|chang|ris)\w*|drops?|fell|"
    r"gone|went|going|goes|rose|came|come|bounced)(?: (?:back|down|up|further|again))?|(?:now )?(?:down|up|back))"
)
CHANGE_TO = rf"(?:(?:then|since|subsequently|later|now|but|and|which|has|had)\s+)*{CHANGE_VERB} (?:to|at)"
# the earlier value's time, said right after it, before the later value ("ECOG 0 last year, 2 today")
EARLIER_WHEN = (
    # (lead) the admission's time, before a score now ("ECOG 3 on admission, now 1", "ECOG 3 in hospital, 1 today")
    rf"(?:{_LONG_BEFORE}|before (?:the |this )?admission|(?:on|at) admission|in hospital|"
    r"during (?:the |this |her |his |their )?(?:admission|stay|hospitali[sz]ation)|when admitted|"
    rf"at (?:{_DXNOUN}|(?:the )?last visit)|last (?:week|month|visit)|"  # last year, years ago: _LONG_BEFORE
    rf"previously|{_DXADV}|in (?:19|20)\d\d|(?:\w+ )?(?:days?|weeks?) ago|"
    # (tunelow) a month, or a month's date ("ECOG 1 in June, now 2", "PS 0 in 03/2025, now 2")
    r"in (?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?: (?:19|20)\d\d)?|(?:in|on) \d{1,2}/(?:19|20)?\d\d)"
)
_NOW_WORD = r"(?:now|today|currently|at present|presently)"
# (plans) the earlier value's time also said in words before the arrow ("1 at dx -> 2", "0 last year -> 2"), and the
# later value labelled now after it ("1 at dx -> now 2")
LATER_ARROW = rf"(?:{TIME_BRACKET}|\s+{EARLIER_WHEN})?\s*(?:->|-->|→|=>)\s*(?:{_NOW_WORD}\s*[:=]?\s*)?"
# a later value after an arrow, the earlier perhaps dated in brackets ("0 (2021) -> 2 (now)", "0 → 1 → 3", "50% -> 80%")
_ARROW = compiled.kept(rf"%?{LATER_ARROW}(\d{{1,3}})(?![\d.,/])", re.IGNORECASE)
# (fp14) the time a score is told for, in a bracket right after it ("ECOG: 1 (03/2025)", "ECOG: 2 (today, 12/2025)"):
# its date (bot/nlu/when.py), or a label of now
_WHEN_BRACKET = compiled.kept(rf"\s*\(({_WHEN})\)")
_BRACKET_NOW = compiled.kept(rf"(?<![\w-]){NOW_LABEL}(?![\w-])", re.IGNORECASE)


def _bracket_time(text: str, at: int) -> Time | None:
    """The time in a bracket right after a value ending at ``at``: now above any date, else its latest date (a range
    as its first and last date: "(2021-2023)")."""
    m = _WHEN_BRACKET.match(text, at)
    if m is None:
        return None
    told = when(m.group(1), current=_BRACKET_NOW)
    return ((10000, 0), (10000, 0)) if told.current else span(told)


def earlier_dated(text: str, readings: list[Reading], entity: str) -> list[Reading]:
    """(fp14) Of scores of ``entity`` told one per line, each with its time in a bracket ("ECOG: 1 (03/2025)\nECOG: 2
    (today, 12/2025)"), the earlier ones: the latest stands, as a later value after an arrow does ("PS: 0 (2021) -> 2
    (now)"). None when one has no time, or two the same (all stay: a conflict, asked)."""
    scores = [r for r in readings if r.entity == entity and r.role is None]
    if len({r.value for r in scores}) < 2:
        return []
    times = [_bracket_time(text, r.end) for r in scores]
    known = [t for t in times if t is not None]
    if len(known) < len(times):
        return []
    # the latest: later than each other one at the precision both have, after a range's end (when.time_later)
    latest = [k for k, t in enumerate(known) if all(time_later(t, u) for j, u in enumerate(known) if j != k)]
    return [r for k, r in enumerate(scores) if k not in latest] if latest else []


_CAUSE = r"(?:\s+(?:with|from|due to|because of|after|during)\s+[\w-]+(?:\s+[\w-]+){0,2}?)"


def later_value(value: str, plain: str) -> str:
    """A later value told right after a score's first one, in its clause, the first perhaps dated ("ECOG was 3, now 1",
    "ECOG: 3 (last year), now 1", "PS 2 but today 1", "ECOG 1 last year, 2 today", "ECOG 1, deteriorated to 3"):
    ``value`` the later value's pattern with its group, ``plain`` the same without a group."""
    return (
        # (lead) the earlier time perhaps with its cause ("ECOG 3 on admission due to pneumonia, back to 1 now", "ECOG 2
        # last week with sepsis, now 1")
        rf"%?(?:{TIME_BRACKET})?(?:\s+{EARLIER_WHEN}{_CAUSE}?)?(?:\s+[-–—]\s+|\s*[,;]?\s*)(?:(?:but|and)\s+)?"
        # (tunelow) the later value said of the patient or the score ("ECOG was 1 last month, it's 3 now")
        r"(?:(?:it|she|he)(?:['\u2019]s|\s+is)\s+)?"
        rf"(?:{_NOW_WORD}\s*(?:(?:is|of|at|ecog|ps|who|kps|:|=)\s*)*|{CHANGE_TO}\s*|"
        rf"(?={plain}\s*%?\s+(?:{_NOW_WORD}|this (?:week|month|visit|admission)|on admission)(?![\w-])))"
        rf"{value}"
    )


# a later value given bare after the first in one value ("ECOG: 3 (last year), now 1", "PS: 2 but today 1",
# "ECOG: 1, deteriorated to 3"): the one now. Right after the first value only: "PD-L1: 50%, ECOG now 1" is no later
# PD-L1 (it was read as PD-L1 1)
_NOW = compiled.kept(
    later_value(r"(\d{1,3})", r"\d{1,3}")
    + r"(?![\d.,/]|\s*(?:mm|cm|mg|months?|mo\b|years?|weeks?|days?|cycles?|lines?|lesions?|mets|doses?|tab))",
    re.IGNORECASE,
)


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
    # "Re-biopsy: not done" is no biopsy: a word of `not_done` states the key's absent value; for any other key
    # it says nothing of the finding ("Brain MRI: not done", "Pregnancy test: declined")
    not_done: bool
    # a test's result: only a word of `result` denies it ("Pregnancy test: none" says no test was done)
    result: bool
    # the key's absent value read as another value when this pattern stands in another line, cell or sentence near it
    # (an ALK negative with no time beside an ALK positive at the diagnosis: its time is not told)
    absent_beside: tuple[re.Pattern[str], str] | None


@dataclass(frozen=True)
class _Line:
    """A key and its value as written: where the key starts and ends, where its separator ends, the value and
    where it starts."""

    start: int
    key_end: int
    sep_end: int
    value_at: int
    value: str
    after: str  # the character that ends the value ("?": a question)


def _words(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


class KeyValues:
    def __init__(self, table: dict[str, Any]):
        kv = table["key_value"]
        kept = compiled.shared()  # the programs kept between runs (bot/nlu/compiled.py), as the reader's patterns
        # the word is the value, or a bracket, a comma or a word that only qualifies it follows it ("none seen on
        # MRI", "negative on 2/3", "positive by IHC"): never a word that names what it denies ("no ALK mutation")
        whole = rf"(?=\s*(?:$|[(\[,.:]|\s[-–—]|\s+(?:{_words(kv['trailing'])})(?![\w-])))"
        self.present = kept.compile(rf"^(?:{_words(kv['present'])}){whole}", re.IGNORECASE)
        self.absent = kept.compile(rf"^(?:{_words(kv['absent'])}){whole}", re.IGNORECASE)
        self.result = kept.compile(rf"^(?:{_words(kv['result'])}){whole}", re.IGNORECASE)
        self.not_done = kept.compile(rf"^(?:{_words(kv['not_done'])}){whole}", re.IGNORECASE)
        self.pending = kept.compile(rf"(?<![\w-])(?:{_words(kv['pending'])})(?![\w])", re.IGNORECASE)
        self.elsewhere = kept.compile(rf"(?:{_words(kv['elsewhere'])})(?![\w])", re.IGNORECASE)
        self.placeholder = kept.compile(rf"(?:{_words(kv['placeholder'])})[ \t.]*", re.IGNORECASE)  # (safe14)
        taken = kv["taken"]  # a specimen key's sample said taken, whatever its result ("Plasma: drawn, pending")
        self.taken = {
            specimen: kept.compile(rf"^{taken[specimen]}{taken['words']}", re.IGNORECASE)
            for specimen in ("tissue", "plasma", "tissue_and_plasma")
        }
        self.tissue_found = kept.compile(rf"^{taken['tissue_found']}", re.IGNORECASE)
        self.hedges = kept.compile(rf"(?<![\w-])(?:{_words(kv['hedges'])})(?![\w])", re.IGNORECASE)
        # (ther9) a later clause that plans the next local treatment of what the first states ("1 small lesion, SRS
        # planned"): its value to come is the treatment's, not the finding's
        step = kv.get("next_step") or {}
        self.next_step_entities = frozenset(step.get("entities", ()))
        self.next_step = kept.compile(rf"(?<![\w-])(?:{_words(step.get('words') or ['(?!)'])})(?![\w-])", re.IGNORECASE)
        # a value's words that deny what the key's own terms name, right before it or right after it ("Transformation:
        # no small cell features", "small cell excluded"), or elsewhere in its clause
        denies = kv["denies"]
        self.denied_before = kept.compile(rf"(?<![\w-])(?:{_words(denies['before'])})\s+$", re.IGNORECASE)
        self.denied_after = kept.compile(rf"^\s*(?:{_words(denies['after'])})(?![\w-])", re.IGNORECASE)
        self.denies = kept.compile(
            rf"(?<![\w-])(?:{_words(denies['before'])}|{_words(denies['after'])})(?![\w-])", re.IGNORECASE
        )
        self.number = kept.compile(kv["number"], re.IGNORECASE)
        self.keys = [
            _Key(
                entity=k["entity"],
                key=kept.compile(rf"(?:{_words(k['keys'])})", re.IGNORECASE),
                present=k.get("present"),
                absent=k.get("absent"),
                values=tuple(
                    (str(value), kept.compile(rf"(?<![\w-])(?:{pattern})(?![\w])", re.IGNORECASE))
                    for value, pattern in k.get("values") or []
                ),
                number=k.get("number"),
                implied=bool(k.get("implied")),
                unless_after=kept.compile(k["unless_after"], re.IGNORECASE) if k.get("unless_after") else None,
                not_done=bool(k.get("not_done")),
                result=bool(k.get("result")),
                absent_beside=(
                    (kept.compile(k["absent_beside"]["pattern"], re.IGNORECASE), str(k["absent_beside"]["value"]))
                    if k.get("absent_beside")
                    else None
                ),
            )
            for k in kv["keys"]
        ]

    def readings(self, text: str) -> list[Reading]:
        out: list[Reading] = []
        for line, keys in self._lines(text):
            for k in keys:
                if not (
                    k.unless_after
                    and (
                        k.unless_after.search(text, max(0, line.start - 300), line.start)
                        or k.unless_after.search(line.value)
                    )
                ):
                    reading = self._read(k, text, line)
                    if reading:
                        out.append(reading)
        return out

    def _lines(self, text: str) -> list[tuple[_Line, list[_Key]]]:
        """The lines whose key is in the table, each with its keys; a value ends where the next such key starts
        ("Brain: no mets, lepto: yes")."""
        found: list[tuple[re.Match[str], list[_Key]]] = []
        taken = -1
        for s in _START.finditer(text):
            m = _LINE.match(text, s.start())
            if not m or m.start("key") < taken:
                continue
            if s.start() and text[s.start() - 1].isalpha() and m.group("sep") != ":":
                continue  # after what a report showed, only a colon ("showed transformation: small cell")
            # a database column's key is spelled with underscores ("ECOG_CURRENT", "PRIOR_CHEMO")
            key = " ".join(_BRACKETS.sub(" ", m.group("key")).replace("_", " ").split()).lower()
            key = key.rstrip("'\"\u2019\u201d")  # (ther11) a quoted key ("'Intolerances to ALK TKIs': None")
            keys = [k for k in self.keys if key and k.key.fullmatch(key)]
            if not keys and (bare := _STATUS.sub("", key)) != key:
                # (s17) a form's field named for its status ("Rebiopsy status: declined", "Brain mets status: none")
                # is the key's own field
                keys = [k for k in self.keys if bare and k.key.fullmatch(bare)]
            if keys:
                found.append((m, keys))
                taken = m.end("sep")
        out = []
        for i, (m, keys) in enumerate(found):
            end = m.end("value")
            if i + 1 < len(found):
                end = min(end, found[i + 1][0].start("key"))
            value = text[m.start("value") : end].rstrip(" \t,")
            line = _Line(m.start("key"), m.end("key"), m.end("sep"), m.start("value"), value, text[end : end + 1])
            out.append((line, keys))
        return out

    def _next_step(self, k: _Key, value: str, clause: str, at: int) -> bool:
        """The value to come at ``at`` stands only in a later clause, one that names the next local treatment of what
        the first clause states ("Brain MRI - 1 small lesion, SRS planned"), under a key of `next_step`'s entities: the
        plan is the treatment's. Not a first clause itself to come or empty ("Brain MRI: planned", "Brain: -, SRS
        planned"), nor a later pending word of any other kind; the caller leaves a value that ends asking ("2 lesions,
        SRS planned?") to be supposed."""
        if k.entity not in self.next_step_entities or at < len(clause) or not re.search(r"[^\W\d_]", clause):
            return False
        if self.pending.search(clause) or self.hedges.search(clause):
            return False
        cuts = [m.end() for m in _CLAUSE.finditer(value, 0, at)]
        later = value[cuts[-1] if cuts else len(clause) : at]
        return bool(self.next_step.search(later)) and not self.pending.search(value, at + 1)

    def _read(self, k: _Key, text: str, line: _Line) -> Reading | None:
        start, value_at, value = line.start, line.value_at, line.value

        def reading(end: int, val: str | None, role: str | None = None) -> Reading | None:
            return Reading(start, end, k.entity, val, role, line.sep_end) if val is not None else None

        # what a question, a doubt or a value to come supposes: the value it names ("?SCLC", "possibly squamous"),
        # else the key's finding, else the first of its values by name (the same in any process)
        named = [val for val, pattern in k.values if pattern.search(value)]
        supposed = next(iter(named), None) or k.present or min((val for val, _ in k.values), default=None)
        clause = _CLAUSE.split(value, maxsplit=1)[0]
        # (bio9) a tissue key's tumour found, queried or awaiting more ("Rebiopsy (liver): adenocarcinoma with
        # neuroendocrine features? awaiting IHC"): the specimen was taken
        if k.implied and k.present == "tissue" and self.tissue_found.match(value):
            return reading(line.key_end, k.present)  # the key alone, as an implied key's: the value is read on its own
        # a question ("Brain: mets?", "Transformation: ?SCLC"), a doubt ("possible SCLC") or a value to come
        # ("Biopsy: planned"): supposed
        if "?" in clause or (clause == value and line.after == "?"):
            return reading(value_at + len(clause), supposed, HYPOTHETICAL)
        # a value the key's own terms name, restated in a bracket ("Pregnancy status: postmenopausal (N/A)"): the
        # bracket's "n/a" is no value to come
        plain = _BRACKETS.sub(lambda b: " " * len(b.group()), value) if named else value
        if k.implied and k.present in self.taken and (t := self.taken[k.present].match(value)):
            # the specimen taken, its result to come ("Plasma: drawn 11/30, result pending"): this progression's
            return reading(value_at + t.end(), k.present)
        pending = self.pending.search(plain)
        if pending and line.after != "?" and self._next_step(k, value, clause, pending.start()):
            pending = None
        if p := pending or self.hedges.search(clause):
            return reading(value_at + p.end(), supposed, HYPOTHETICAL)
        if p := self.elsewhere.match(value):
            return reading(value_at + p.end(), supposed, HYPOTHETICAL)  # (safe13) "Brain mets: see above"
        if p := self.placeholder.fullmatch(value):
            return reading(value_at + p.end(), supposed, HYPOTHETICAL)  # (safe14) "Brain mets: XYZ": no answer
        if n := self.not_done.match(value):
            if k.not_done:
                return reading(value_at + n.end(), k.absent or k.present, None if k.absent else NEGATED)
            return reading(value_at + n.end(), supposed, HYPOTHETICAL)
        if n := (self.result if k.result else self.absent).match(value):
            return (
                reading(value_at + n.end(), self._absent(k, text, start, value_at + len(value)), None)
                if k.absent
                else reading(value_at + n.end(), k.present, NEGATED)
            )
        for val, pattern in k.values:
            if v := pattern.search(value):
                if EARLIER_AFTER.match(value, v.end()):
                    return None  # (lead) "Brain: clear at diagnosis, now 2 lesions": then, left to the other phrases
                said = self._denied(value, v)
                return reading(value_at + said[0], val, said[1]) if said else None
        if k.entity == "ecog" and (m := _EARLIER_FIRST.match(value)):
            # "ECOG: baseline 1, current 2", "ECOG | dx: 0 | now: 2": the current score, in the value or its row;
            # with none, an earlier score alone, not the current one: unset
            row_end = text.find("\n", value_at)
            now = _NOW_SCORE.search(text, value_at + m.end(), len(text) if row_end < 0 else row_end)
            return reading(now.end(1), now.group(1)) if now else None
        if k.number is not None and (num := self.number.match(value)) and int(num.group(1)) <= k.number:
            if later := later_number(value, num.end(1), k.number):
                return reading(value_at + later.end(1), str(int(later.group(1))))  # "0 (2021) -> 2 (now)"
            if later_told(value, num.end(1)):
                return None  # "ECOG: 1 (2023) -> 7": a later value no score has; the score is asked
            if k.entity == "ecog" and EARLIER_ALONE.match(value, num.end(1)):
                return None  # "ECOG: 1 (baseline)": an earlier score, not the current one
            return reading(value_at + num.end(1), str(int(num.group(1))))
        if y := self.present.match(value):
            return reading(value_at + y.end(), k.present)
        if k.implied:
            return reading(line.key_end, k.present)
        return None

    def _absent(self, k: _Key, text: str, start: int, end: int) -> str | None:
        """The key's absent value, or the value it is read as when its `absent_beside` pattern stands within
        _BESIDE characters before or after the line, in another line or sentence (past a line break or a full stop).
        In the line's own statement, cells or clauses of one row ("ALK IHC: negative; ALK FISH: positive at
        diagnosis"), the two are one time's results stated both ways (a discordance, asked about)."""
        if k.absent_beside:
            pattern, value = k.absent_beside
            before = text[max(0, start - _BESIDE) : start]
            before = before[: max((m.start() for m in _BREAK.finditer(before)), default=0)]
            after = text[end : end + _BESIDE]
            after = after[next((m.end() for m in _BREAK.finditer(after)), len(after)) :]
            if pattern.search(before) or pattern.search(after):
                return value
        return k.absent

    def _denied(self, value: str, v: re.Match[str]) -> tuple[int, str | None] | None:
        """A value read in the key's own terms (where its reading ends, its role): stated; denied by the words right
        before or after it ("no small cell features", "small cell excluded"); or, when another word of its clause
        denies, None: left to the other phrases."""
        clause_start = value.rfind(",", 0, v.start()) + 1
        comma = value.find(",", v.end())
        clause_end = comma if comma >= 0 else len(value)
        before = self.denied_before.search(value, clause_start, v.start())
        after = self.denied_after.match(value[v.end() : clause_end])
        if before or after:
            return v.end() + (after.end() if after else 0), NEGATED
        if self.denies.search(value, clause_start, v.start()) or self.denies.search(value, v.end(), clause_end):
            return None
        return v.end(), None


def later_number(text: str, at: int, most: int) -> re.Match[str] | None:
    """The later value told right after a value ending at ``at``, none above ``most``: the last of its arrows ("0
    (2021) -> 2 (now)", "50% -> 80%"), or one told as now or with a verb ("3 (last year), now 1", "1, deteriorated to
    3"), or the last of a timeline whose times rise (_timeline: "0 (2023), 1 (2024), 2 (2025)"); its group 1 is the
    value."""
    arrows = _iterate(_ARROW, text, at)
    if arrows and all(int(a.group(1)) <= most for a in arrows):
        return arrows[-1]
    now = _NOW.match(text, at)
    if now:
        return now if int(now.group(1)) <= most else None
    return timeline_latest(text, at, most)


def timeline_latest(text: str, at: int, most: int) -> re.Match[str] | None:
    """The last value of a timeline after a value ending at ``at`` whose times rise (_timeline), none above ``most``;
    its group 1 is the value."""
    steps, rising = _timeline(text, at)
    return steps[-1] if rising and all(int(s.group(1)) <= most for s in steps) else None


def later_told(text: str, at: int) -> bool:
    """(plans) A later value of any size is told right after a value ending at ``at`` ("ECOG 1 (2023) -> 7", "KPS 80 ->
    150"), or a timeline whose times do not say which value is the latest ("1 (2025), 2 (2024)"): where the score's own
    reading did not take it, none is the current score (not the older one: an impossible later value is a slip, and a
    timeline out of order a question, to be asked)."""
    return later_number(text, at, 999) is not None or bool(_timeline(text, at)[0])


# (misc) a value's time written right after it: a bracket, a written date ("0 2023", "1 in 03/2024"), the words of an
# earlier time ("1 at dx", "0 last year") or of now ("2 today")
_TIME_AFTER = (
    rf"(?:\s*\({_WHEN}\)|\s+(?:(?:in |on )?{DATE_TEXT}(?![\w/])|{EARLIER_WHEN}(?![\w-])|"
    rf"{NOW_LABEL}(?![\w-])|{EARLIER_LABEL}(?![\w-])))"
)
_TIMED = compiled.kept(rf"%?{_TIME_AFTER}", re.IGNORECASE)
# ... then the next value of a timeline, after a comma, a semicolon or a slash ("0 (2023), 1 (2024)", "0 2023 / 1 2024")
_TIMELINE_STEP = compiled.kept(rf"%?{_TIME_AFTER}\s*[,;/]\s*(?:(?:and|then)\s+)?(\d{{1,3}})(?![\d.,/])", re.IGNORECASE)
# the words of an earlier time with no date ("at dx", "baseline", "last year", "2 months ago")
_EARLIER_WORDS = compiled.kept(
    rf"(?<![\w-])(?:{EARLIER_LABEL}|last (?:week|month|year|visit)|ago|pre-?admission|pre-?morbid(?:ly)?)(?![\w-])",
    re.IGNORECASE,
)


def _timeline(text: str, at: int) -> tuple[list[re.Match[str]], bool]:
    """(misc) A score's values over time, each with its time after it, joined by commas, semicolons or slashes, as a
    timeline lists them ("WHO PS 0 (2023), 1 (2024), 2 (2025)", "ECOG 0 2023 / 1 2024 / 2 today"): the steps to each
    later value after the one ending at ``at``, and whether each time is later than the one before (the last value then
    the one now). No steps when a value has no time that tells one (a date, an earlier time or now): "ECOG 1 (2024), 2
    lesions" is no timeline."""
    steps = _iterate(_TIMELINE_STEP, text, at)
    last = _TIMED.match(text, steps[-1].end()) if steps else None
    if last is None:
        return [], False
    told: list[When] = []
    for m in (*(_TIMED.match(text, s.start()) for s in steps), last):
        t = when(m.group(), earlier=_EARLIER_WORDS, current=_BRACKET_NOW) if m else None
        if t is None or not (t.earlier or t.current or t.date):
            return [], False
        told.append(t)
    return steps, all(is_later(b, a) for a, b in pairwise(told))


def _iterate(pattern: re.Pattern[str], text: str, at: int) -> list[re.Match[str]]:
    """The matches of ``pattern`` one right after another from ``at`` ("-> 1 -> 3": both arrows)."""
    out = []
    while m := pattern.match(text, at):
        out.append(m)
        at = m.end()
    return out
