"""When: failed tests, plan sections, plans and results to come, results of other times."""

from __future__ import annotations

import bisect
import dataclasses
import datetime
import itertools
import re
from collections import namedtuple

from bot.nlu import compiled
from bot.nlu.context.cues import Cues
from bot.nlu.context.patterns import _NOTHING_FOUND, _PLAN_END, _SENTENCE_END, _compile, _plan_item, _sentence_at
from bot.nlu.entity import NEGATED, Entity
from bot.nlu.fields import NOT_PROGRESSING
from bot.nlu.reader import Span
from bot.nlu.statements import _STATEMENT_STOP, _clause_end, _statement_bounds, _statement_start
from bot.nlu.vocabulary import define
from bot.nlu.when import (
    DATE_TEXT,
    UNTOLD,
    WRITTEN_DATE,
    WRITTEN_RANGE,
    When,
    date_later,
    dates,
    is_later,
    span,
    time_at,
    time_later,
    times,
    when,
)


def _at_diagnosis_histology(text: str, span: Span) -> bool:
    """An adenocarcinoma read on a specimen is no transformation when the specimen is the diagnosis's: it is then
    the histology at diagnosis (the reader's readings of "no transformation" in context are an adenocarcinoma)."""
    return (span.entity, span.value) == ("transformation", "none") and text[span.start : span.end].lower().startswith(
        "adeno"
    )


def _current_beside_untimed(a: When, b: When) -> bool:
    """One result said to be the current one, the other with no time and no year to tell them apart: the current
    word may head both ("Rebiopsy NGS - ALK G1202R, no ALK mutation detected"), so the later is not told."""
    return (a == UNTOLD and b.current and not b.earlier and b.date is None) or (
        b == UNTOLD and a.current and not a.earlier and a.date is None
    )


def _same_clause(text: str, a: Entity, b: Entity) -> bool:
    """``b`` lies in ``a``'s clause (Timing._when's reach: back to a stop within 60 characters, on to one within 40)."""
    start = _statement_start(text, a.start, max(0, a.start - 60), semicolons=True)
    return start <= b.start and b.end <= min(_clause_end(text, a.end, semicolons=True), a.end + 40)


# "at diagnosis" a few words after a histology ("adeno with small cell component (seen) at initial diagnosis")
_AT_DIAGNOSIS_AFTER = _compile(
    rf"\s*\)?\s*(?:[\w-]+\s+){{0,3}}?(?:at|on|from) (?:the )?{define('DXNOUN')}\b",
    re.IGNORECASE,
)


# (prec10) how far after a dated diagnosis specimen a later-dated word of this progression is looked for
# (Timing._dated_before_current): a history's next lines, a bounded work per specimen
_CURRENT_REACH = 1500
# the resistance results found or denied as a class, read by the times they are told (Timing._timed_results)
_RESULT_KINDS = ("alk_mutation", "bypass_alteration")
# (ctx7) an ALK result said as the disease's name or as known from before ("ALK+ NSCLC", "ALK-positive since 2019",
# "known ALK-rearranged"): the diagnosis's, wherever it is told (Timing._progression_led)
_DISEASE_NAMED = _compile(
    r"[\s-]*(?:positive |pos |\+ |rearranged )?(?:nsclc|adeno\w*|lung|disease|cancer|carcinoma|tumou?r|patient|pt|"
    r"metasta\w*|stage|since|from|as (?:at|before|previously|known))\b",
    re.IGNORECASE,
)
_YEAR = compiled.kept(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# (spec21) the rest of a sentence's label after a specimen named in it: a few words, then its colon
_LABEL_COLON = compiled.kept(r"[^.;:?!\n]{0,40}:")
# (lead13) a label of a result's own ending in its colon, with a bracket whose commas do not end the clause
# ("Previous (2024 progression, plasma): L1196M"): Timing._when reads it whole
_BRACKETED_LABEL = compiled.kept(r"[ \t]*[\w -]{1,30}\([^()\n]{0,40}\)[ \t]*:[ \t]*")
_REPORT_ROW_REACH = 600  # (ther9) how far above a result a report's row may name its specimen this progression's
_KNOWN_BEFORE = _compile(r"\b(?:known|established|documented|proven)\s+(?:to be\s+)?$", re.IGNORECASE)
# (safe20) a break between a result's clause and a denial of a biopsy now told in its statement
# (Timing._before_no_rebiopsy)
_DENIAL_CLAUSE_BREAK = compiled.kept(r"[;,]|\s[-–—]+\s|\b(?:but|whereas|while|however)\b")
_NEW_DENIED = compiled.kept(r"\bno (?:new|fresh)\b", re.I)  # (safe20) "no new biopsy": none now (_before_no_rebiopsy)
_UNNEEDED = compiled.kept(r"\b(?:need(?:ed|s)?|required|necessary|indicated|warranted|planned|needful)\b", re.I)
# a result said to be this progression's, in so many words (not "rebiopsy", which a "first rebiopsy" also is)
_NOW = compiled.kept(
    r"\b(?:current(?:ly)?|latest|most recent|today'?s?|now|this (?:progression|pd|time|biopsy|rebiopsy))\b", re.I
)
# (biopsy2) a progression after the first one ("at the second progression", "third PD", "the latest relapse")
_LATER_PROGRESSION = compiled.kept(
    r"\b(?:second|2nd|third|3rd|fourth|4th|subsequent|later|latest|last|most recent|current|this) "
    r"(?:progression|pd|relapse)\b",
    re.I,
)
# a mutation named as what a TKI was given for ("lorlatinib for G1202R", "on lorla for the G1202R"): an earlier result
_GIVEN_FOR = compiled.kept(
    r"(?:nib|lorla|brig|alec|crizo|ceri|ensar)\w*\s+(?:(?:\d+\s*mg|started|given|begun)\s+)?for\s+(?:the\s+|an?\s+)?(?:alk\s+)?$",
    re.I,
)


def _blanked(text: str, start: int, end: int, spans: list) -> str:
    """``text[start:end]`` with the findings of ``spans`` in it blanked (the specimens, TKIs and co-listed findings a
    result's clause may name)."""
    chars = list(text[start:end])
    for s in spans:
        a, b = max(s.start, start), min(s.end, end)
        if a < b:
            chars[a - start : b - start] = " " * (b - a)
    return "".join(chars)


# between a finding's clause and the next one, which may tell another result of it (Timing._serial_result)
_SERIAL_SEP = _compile(
    r"\s*[,;]\s*(?:(?:and|but|while|whereas)\s+)?|\s+[-–—/]+\s+|\s*(?:->|→|=>)\s*|\s+(?:and|but|while|whereas)\s+",
    re.IGNORECASE,
)
_NOTE = _compile(r"\s*\([^()\n]{1,60}\)")  # a bracket in a result's clause: a note on it (Timing._serial_read)
_Place = namedtuple("_Place", "start end")  # a stretch of text to blank (_blanked), as a finding's span is
_SERIAL_STOP = _compile(r"\n|\.(?!\d)|[,;]|\s[-–—/]+\s|->|→|=>|\s(?:but|while|whereas)\s", re.IGNORECASE)


_LIST_JOIN = compiled.kept(r"\s*,?\s*(?:(?:and|or|nor|&)\s+)?")
_CLOSING = compiled.kept(r"\b(?:and|or|nor)\b|&")


def _closed_list(text: str, span: Span, words: str, spans: list[Span]) -> bool:
    """``span`` is an item of a list with commas that "and" or "or" closes, before it ("crizotinib, alectinib and
    brigatinib": brigatinib) or after it (alectinib), the items all therapies; not "after alectinib, lorlatinib"."""
    if _CLOSING.search(words.rsplit(",", 1)[-1]):
        return True
    end = span.end
    for s in spans:
        if s.start < end or s.entity != span.entity:
            continue
        join = _LIST_JOIN.fullmatch(text, end, s.start)
        if join is None:
            return False
        if _CLOSING.search(join.group()):
            return True
        end = s.end
    return False


def _this_year() -> int:
    """The year of the machine's clock, read at each call (a long-running server crosses a new year): a year told up
    to it is past or present, one after it is to come."""
    return datetime.date.today().year


class DiagnosisAnswers:
    """Timing._diagnosis_result's answers for one reading of the findings ``spans``, made by the reading that asks
    (Context.entities) and handed down: the findings by their starts, and each statement's answer, so that many
    specimens told in one statement, or in many, cost a look each, not a walk over every finding each (the reading
    stays linear)."""

    def __init__(self, spans: list[Span]):
        self.spans = spans
        self._order: list[int] | None = None
        self._starts: list[int] = []
        self.answers: dict[tuple[int, int], bool] = {}

    def told(self, start: int, end: int) -> list[Span]:
        """The findings that start from ``start`` to before ``end``, in the order of their starts."""
        if self._order is None:
            self._order = sorted(range(len(self.spans)), key=lambda k: self.spans[k].start)
            self._starts = [self.spans[k].start for k in self._order]
        first, last = bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)
        return [self.spans[k] for k in self._order[first:last]]


class Timing(Cues):
    def _besides_found(self, text: str, e: Entity) -> bool:
        """The denial ``e`` of a whole class is of the rest of it ("no other ALK mutations", "no additional resistance
        mutations", "MET amp, no other bypass alterations", "no ALK mutation besides G1202R": negation
        besides_before, besides_after)."""
        if e.value != "none" or e.role != NEGATED:
            return False
        return bool(
            self.besides_before.search(text[max(0, e.start - 40) : e.start])
            or self.besides_leading.match(text, e.start)
            or self.besides_after.match(text, e.end)
        )

    def _other_genes_denied(self, text: str, e: Entity, found: list[Entity]) -> bool:
        """The denial ``e`` names the genes it denies (the phrase file's PANELGENE), and none of them is the gene of
        an alteration found ("EGFR, KRAS, BRAF negative; MET amp"): those genes denied, not the whole class."""
        if e.entity != "bypass_alteration" or e.value != "none" or e.role != NEGATED:
            return False
        named = {self.gene(m.group()) for m in self.named_gene.finditer(text, e.start, e.end)}
        genes = set().union(
            *(self._genes_of(str(f.value)) for f in found if f.entity == e.entity and f.value != "none")
        )
        return bool(named) and not named & genes

    def _genes_of(self, alteration: str) -> set[str]:
        """The genes of a bypass alteration, each under its one name (Cues.gene): "HER2 amplification; EGFR, KRAS,
        ERBB2 negative" names HER2's gene denied."""
        return self.alteration_genes.get(alteration) or {self.gene(alteration.split("_")[0])}

    def _serial_result(self, text: str, spans: list, i: int) -> tuple[bool, tuple[int, int] | None] | None:
        """A resistance finding told with the results of two tests of it, the second in the next clause without naming
        it again, each clause holding only the result's words, times and specimens (cues result_told): found then
        denied ("G1202R previously, now not detected", "L1196M on the 2023 plasma, not detected on the 2025 tissue
        rebiopsy", "MET amp on the prior biopsy, not seen on the current one") or denied then found ("G1202R not
        detected in 2023, detected on the 2025 rebiopsy"). The later result counts, by the times of each clause
        (_when, is_later; a second result said gone, "has since cleared", is the later): (whether the finding is
        denied, the earlier clause's place, whose specimens are not this progression's). When the times do not say
        which is later and the clauses name specimens of two kinds, it is found (found on one specimen, absent on the
        other: README); otherwise, and when the finding is not told so, None (its own words decide)."""
        span = spans[i]
        if span.entity not in _RESULT_KINDS or span.value == "none":
            return None
        start = _statement_start(text, span.start, max(0, span.start - 60), commas=True)
        stop = re.search(r"\n|\.(?!\d)", text[span.end : span.end + 160])  # not a decimal point ("VAF 2.1%")
        end = span.end + (stop.start() if stop else 160)
        # in the text's order; a bare "progression" (progressing) is a time word here ("at first progression")
        others = [
            s
            for s in itertools.takewhile(lambda s: s.start < end, spans[i + 1 :])
            if (s.entity, s.value) != ("progression_pattern", "progressing")
        ]
        read = self._serial_read(text, span, start, end, others, span.end)
        if read is None:
            read = self._serial_unbroken(text, span, start, end, others)
        own = self.neg_after.match(text[span.end : span.end + 70])
        if read is None and own:  # a denial right after it: denied, then found
            read = self._serial_read(text, span, start, end, others, span.end + own.end())
        return read

    def _serial_read(
        self, text: str, span: Span, start: int, end: int, others: list, first: int
    ) -> tuple[bool, tuple[int, int] | None] | None:
        """_serial_result from the clause of finding ``span`` (``start``) whose result words end at ``first`` (past a
        denial right after it; at its end, found)."""
        denied_first = first > span.end
        if denied_first and any(s.start < first for s in others):
            return None  # the denial right after it is of a list of findings it heads
        told = self.result_told if denied_first else self.result_told_found
        # (lead) a bracket in the first clause is a note on the result, blanked, its commas no clause's end ("MET
        # amplification at diagnosis (co-occurring), now not detected", "G1202R (subclonal, VAF 0.4%), now not
        # detected": it read the finding found)
        notes = [_Place(*m.span()) for m in _NOTE.finditer(text, first, end)]
        seps = [
            m
            for m in _SERIAL_SEP.finditer(text, first, end)
            if m.end() > m.start() and not any(n.start < m.start() < n.end for n in notes)
        ]
        # the first clause may hold clauses of its own ("G1202R, previously detected, now cleared")
        for sep in seps[:3]:
            if any(s.start < sep.start() and s.entity not in ("biopsy_type", "tki", *_RESULT_KINDS) for s in others):
                return None
            if not told.fullmatch(_blanked(text, first, sep.start(), [*others, *notes]).replace(",", " ")):
                return None
            read = self._serial_second(text, start, end, others, sep, denied_first)
            if read is not None:
                return read
        return None

    def _serial_unbroken(
        self, text: str, span: Span, start: int, end: int, others: list
    ) -> tuple[bool, tuple[int, int] | None] | None:
        """_serial_result told in one clause, the finding's own time then the denial's ("L1196M (2022) not detected in
        2024", "G1202R on the 2023 plasma not detected on the 2025 rebiopsy"): the words before the denial date the
        finding, and must tell a time or a specimen (not "G1202R not detected at diagnosis", a denial then)."""
        stop = _SERIAL_STOP.search(text, span.end, end)
        b1 = min([stop.start() if stop else end, *(s.start for s in others if s.entity != "biopsy_type")])
        nxt = _SERIAL_STOP.search(text, stop.end(), end) if stop else None
        if stop and self.found_words.search(text, stop.end(), nxt.start() if nxt else end):
            return None  # "G1202R previously not detected, now detected": a result of it follows
        clause = _blanked(text, span.end, b1, others)
        for m in re.finditer(r"(?<=\s)\S", clause):
            if not self.result_told.fullmatch(clause[: m.start()]):
                return None
            said = self.neg_after.match(clause[m.start() : m.start() + 70])
            if said and self.result_told.fullmatch(clause[m.start() + said.end() :]):
                at = span.end + m.start()
                head = text[span.end : at]  # the finding's own time or specimen, between it and the denial
                if self._when_text(head) == UNTOLD and self._specimen_kind(head) is None:
                    return None
                own = self._when_text(text[start:at])
                later = is_later(self._when_text(text[at:b1]), own)
                return None if later is None else (later, (start, at) if later else (at, b1))
        return None

    def _serial_second(
        self, text: str, start: int, end: int, others: list, sep: re.Match[str], denied_first: bool
    ) -> tuple[bool, tuple[int, int] | None] | None:
        """_serial_read's second clause, after ``sep``: its times and specimens, the result, its times and specimens,
        up to the next clause or another finding."""
        b0 = sep.end()
        stop = _SERIAL_STOP.search(text, b0, end)
        b1 = min(
            [stop.start() if stop else end, *(s.start for s in others if s.start >= b0 and s.entity != "biopsy_type")]
        )
        if b1 <= b0:
            return None
        result = self._second_result(
            _blanked(text, b0, b1, [s for s in others if s.entity == "biopsy_type"]), denied_first
        )
        if result is None:
            return None
        before, after = self._when_text(text[start : sep.start()]), self._when_text(text[b0:b1])
        later = True if not denied_first and self.result_gone.search(result) else is_later(after, before)
        if later is None:
            kinds = {self._specimen_kind(text[start : sep.start()]), self._specimen_kind(text[b0:b1])}
            return (False, None) if None not in kinds and len(kinds) == 2 else None
        denied = later != denied_first
        return denied, ((b0, b1) if not later else (start, sep.start()))

    def _second_result(self, clause: str, found: bool) -> str | None:
        """The result words of ``clause`` (a denial, or with ``found`` a finding: "detected") when the rest of it
        tells only the result's time and specimen; else None."""
        cue = self.found_after if found else self.neg_after
        form = self.result_form_found if found else self.result_form_denied  # a form's value: "..., no (2025)"
        for m in re.finditer(r"(?:^|(?<=\s))\S", clause):
            head = clause[: m.start()]
            if not self.result_told.fullmatch(head):
                return None
            said = cue.match(clause[m.start() : m.start() + 70]) or form.match(clause[m.start() : m.start() + 70])
            if said and self.result_told.fullmatch(clause[m.start() + said.end() :]):
                return said.group()
        return None

    def _when_text(self, words: str, first_year: bool = False) -> When:
        """The time of a result ``words`` tell (bot/nlu/when.py), in the words of a result's time (`result_earlier`,
        `result_current`): their latest year, or the first when ``first_year`` (the one a line opens with)."""
        return when(words, self.result_earlier, self.result_current, first=first_year)

    def _specimen_kind(self, words: str) -> str | None:
        if self.plasma_specimen.search(words):
            return "plasma"
        return "tissue" if self.tissue_specimen.search(words) else None

    def _when(self, text: str, e: Entity) -> When:
        """Whether the resistance result ``e`` is said to be an earlier one, the current one, and the year it is dated
        by: words near it, in its clause (before it back to a comma, after it up to one)."""
        start, end = _statement_bounds(text, e.start, e.end, commas=True, reach=(60, 40))
        line = _statement_start(text, e.start, semicolons=True)
        if line < start and _BRACKETED_LABEL.fullmatch(text, line, e.start):
            start = line
        return self._when_text(f"{text[start : e.start]} {text[e.end : end]}")

    def _past_responses(self, text: str, found: list[Entity]) -> list[Entity]:
        """A response read as no progression that is not this progression's status (hypothetical `response_best`,
        `response_now`): a best response ("best response was partial response"), or a response with a progression
        read after it ("partial remission was reached on alectinib; now progression in the liver"), unless its
        statement says it is now ("currently in PR on lorlatinib, no progression"); and any state read as no
        progression (stable disease too) with a word of time or contrast before the progression read after it
        ("stable disease on alectinib for 2 years, then progression in the liver", "SD x 18 months, now PD in bone").
        Dropped. So is a progression with a state read as no progression after it told as what followed ("progressed
        in the liver and bones on crizotinib; now stable on alectinib": `_past_progression`): the later state wins."""
        moving = [
            e for e in found if e.entity == "progression_pattern" and e.value not in NOT_PROGRESSING and e.role is None
        ]
        later = [e.start for e in moving]
        brain = {e.start for e in moving if e.value == "cns_progressing"}
        calm = [
            e
            for e in found
            if e.entity == "progression_pattern"
            and e.value == "none"
            and e.role is None
            and not _SAID_OF_A_PLACE.match(text, e.end)
        ]
        return [
            e
            for e in found
            if not self._past_response(text, e, later, brain)
            and not self._past_progression(text, e, calm, moving)
            and not self._before_current_tki(text, e, found)
            and not self._of_one_place(text, e)
        ]

    def _before_current_tki(self, text: str, e: Entity, found: list[Entity]) -> bool:
        """(fp14) ``e`` is a progression dated in its sentence and a TKI read after it, within reach, is told as begun
        then or later and taken since (`tki_begun_after`, `tki_begun_before`: "Recurred 2021 with liver and bone mets;
        alectinib since 06/2021", "relapsed 03/2022 (pleura, bone) -> started brigatinib 04/2022, ongoing"): the
        progression came before the current TKI, history, no pattern now; unless a progression is told after the TKI
        ("...; alectinib since 06/2021, now new liver mets", "..., progressed on it in 2024"). A TKI dated before the
        progression is no later one."""
        if e.entity != "progression_pattern" or e.value in NOT_PROGRESSING or e.role is not None:
            return False
        told_from = _statement_start(text, e.start)
        # (safe11) a keyed site row under a progression's heading ("Progression 2023 on crizotinib:\nLiver: PD"):
        # the heading dates it
        head = self._heading_place(text, e.start)
        if head is not None and head[0] < told_from and self.progression_word.search(text, *head):
            told_from = head[0]
        own = WRITTEN_DATE.search(text, told_from, _clause_end(text, e.end))
        tki = next(
            (
                t
                for t in found
                if t.entity == "tki"
                and t.role is None
                and e.end <= t.start
                and (
                    (
                        t.start <= e.end + _THEN_REACH
                        and (
                            self.tki_begun_after.match(text, t.end)
                            or self.tki_begun_before.search(text, max(0, t.start - 30), t.start)
                        )
                    )
                    or self._begun_later(text, t, own)
                )
            ),
            None,
        )
        if tki is None:
            return False
        # (prog5) the date the TKI is begun from ("From 20.10.2025 lorlatinib") is not the progression's, and one
        # before the progression's is no later TKI
        cue = self.tki_begun_before.search(text, max(0, tki.start - 30), tki.start)
        dated = WRITTEN_DATE.search(text, told_from, cue.start() if cue else tki.start)
        if dated is None and not self._on_earlier_tki(text, e, tki, found):
            return False
        from_date = self._begun_from(text, tki)
        if from_date is not None and dated is not None and time_later(time_at(text, dated), time_at(text, from_date)):
            return False
        begun = WRITTEN_DATE.search(text, tki.end, min(len(text), tki.end + 25))
        # a TKI begun before the progression (its start, a range's first date), at the precision both have
        # (when.time_later: "relapsed 03/2025 ... brigatinib since 2025" tells no order)
        if begun is not None and dated is not None:
            start = time_at(text, begun)[0]
            if time_later(time_at(text, dated), (start, start)):
                return False
        # (prog11) a progression told after the TKI makes the recurrence's sites the disease's now; not a brain's alone
        # ("Recurred 2021 with pleural and bone disease; alectinib since 06/2021. ... MRI: 12 new lesions; CT chest
        # stable": the brain progresses now, not the pleura and the bones; a word of progression, "progressed in the
        # brain", still counts), nor one supposed, asked or another person's ("her brother's cancer progressed on
        # brigatinib"): neither tells the body progressing now
        brains = [(p.start, p.end) for p in found if p.value in _BRAINS_ALONE or p.entity == "brain_metastases"]
        later = any(
            p.entity == "progression_pattern"
            and p.value not in NOT_PROGRESSING
            and p.role is None
            and p.start > tki.start
            and not any(a <= p.start and p.end <= b for a, b in brains)
            for p in found
        )
        # a progression's word of its own counts, but not one in a statement supposed, asked or another person's
        aside = [(p.start, p.end) for p in found if p.entity == "progression_pattern" and p.role is not None]
        return not later and not any(
            not self.progression_word_not.search(text, max(0, m.start() - 20), m.start())
            and not any(a <= m.start() < b for a, b in aside)
            for m in self.progression_word.finditer(text, tki.end)
        )

    def _begun_from(self, text: str, t: Entity) -> re.Match[str] | None:
        """(prog5) The date TKI ``t`` is told as begun from, written before it in its statement ("From 15.10.2025 we
        started lorlatinib", "4. From 20.10.2025 lorlatinib 100 mg/day")."""
        if self.tki_begun_before.search(text, max(0, t.start - 30), t.start) is None:
            return None
        return WRITTEN_DATE.search(text, max(_statement_start(text, t.start), t.start - 30), t.start)

    def _begun_later(self, text: str, t: Entity, own: re.Match[str] | None) -> bool:
        """(prog5) TKI ``t`` is told as begun from a date (_begun_from) later than the progression's own date
        ``own``: the dates order them however far apart."""
        begun = self._begun_from(text, t)
        return own is not None and begun is not None and time_later(time_at(text, begun), time_at(text, own)) is True

    def _on_earlier_tki(self, text: str, e: Entity, tki: Entity, found: list[Entity]) -> bool:
        """(prog5) An undated progression ``e`` told on another TKI, named right after it and before the TKI begun
        after it ("new lung and liver lesions on alectinib; switched to brigatinib"), or its sites told after such a
        progression in its statement ("progressed on alectinib with new liver and bone metastases, switched to
        brigatinib"): the earlier line's, history."""
        start = _statement_start(text, e.start)
        return any(
            t.entity == "tki"
            and t.role is None
            and t.value != tki.value
            and t.start < tki.start
            and (
                (e.end <= t.start and self.progressed_on.fullmatch(text, e.end, t.start) is not None)
                or (
                    t.end <= e.end
                    and any(
                        self.progressed_on.fullmatch(text, m.end(), t.start) is not None
                        and not self.progression_word_not.search(text, max(0, m.start() - 20), m.start())
                        for m in self.progression_word.finditer(text, start, t.start)
                    )
                )
            )
            for t in found
        )

    def _of_one_place(self, text: str, e: Entity) -> bool:
        """``e`` is no progression said of an extracranial place ("no progression in the liver", "stable disease in
        the lungs": `said_of_a_place`): that place's, not the whole disease's; the rest reads the pattern, if it
        can."""
        return (
            e.entity == "progression_pattern"
            and e.value == "none"
            and e.role is None
            and self.said_of_a_place.match(text, e.end) is not None
        )

    def _dated_after(self, text: str, e: Entity, c: Entity, near: bool = True) -> bool:
        """The sentence of ``c`` (told after ``e``) opens with a date ("12/2025: CT stable", "2025: stable on
        alectinib"; a written date, within its first three words), or the heading it is told under does and ``e`` is
        not under it ("Restaging CT 12/2025:\n- stable disease": _heading); and neither the sentence of ``e`` nor its
        own heading holds a date as late, nor is that heading the present's ("Current:")."""
        opening = _statement_start(text, c.start, e.end, semicolons=True)
        date = WRITTEN_DATE.search(text, opening, c.end)
        if date is None or len(text[opening : date.start()].split()) > 2:
            # (resp) or its scan dated in brackets right after it ("partial response (CT 10/2025)")
            scan = _SCAN_DATED.match(text, c.end)
            date = WRITTEN_DATE.match(text, scan.end()) if scan else None
        if date is None:
            heading = self._heading(text, c.start)
            if heading is None or heading[0] < e.end:
                return False
            date = WRITTEN_DATE.search(text, *heading)
            if date is None:
                return False
            opening = heading[0]
        own, end = _statement_bounds(
            text, e.start, e.end, semicolons=True
        )  # its dates before or after it ("PD in liver 12/2025"), short of c's
        earlier = times(text, own, min(end, opening))
        heading = self._heading(text, e.start)
        if heading:
            if self.heading_now.search(text, *heading):
                return False
            earlier += times(text, *heading)
        if not near and not earlier:
            return False  # (resp) far from it, an undated progression is not dated before it
        told = time_at(text, date)  # after each of them: a range by its start, theirs by their ends
        return all(time_later(told, d) for d in earlier)

    def _heading(self, text: str, at: int) -> tuple[int, int] | None:
        """(start, end) of the heading place ``at`` is told under: a few words before a colon opening its statement
        ("current: lorlatinib since 06/2024, ongoing response", "latest CT: partial response"), or the nearest line
        above it, past the other items of its list, that is a heading of its own (a few words ending in a colon, or
        a date alone: "2025:", "Restaging CT 12/2025:", "Now:", "Mar 2024"); None when there is none, a blank line
        comes first, or its words tell the past ("History 2023:", "Prior imaging:"; `heading_past`), which dates no
        state as later."""
        found = self._heading_place(text, at)
        return None if found is None or self.heading_past.search(text, *found) else found

    def _heading_place(self, text: str, at: int) -> tuple[int, int] | None:
        """_heading, whatever its words tell."""
        start = _statement_start(text, at, semicolons=True)
        inline = _INLINE_HEADING.match(text, start, at)
        if inline:
            return inline.span("words")
        line = text.rfind("\n", 0, at)
        for _ in range(_HEADING_REACH):
            if line <= 0:
                return None
            above = text.rfind("\n", 0, line) + 1
            if not text[above:line].strip():
                return None
            # the line's last statement ("PD in liver 2023. Restaging CT 12/2025:")
            tail = max([above, *(m.end() for m in _SENTENCE_END.finditer(text, above, line))])
            m = _HEADING_LINE.fullmatch(text, tail, line)
            if m and (m["colon"] or WRITTEN_DATE.fullmatch(m["words"]) or WRITTEN_RANGE.fullmatch(m["words"])):
                return m.span("words")
            line = above - 1
        return None

    def _past_progression(self, text: str, e: Entity, calm: list[Entity], moving: list[Entity]) -> bool:
        """``e`` is a progression and a state read as no progression of the whole disease (one of ``calm``) follows it,
        its own clause holding a word of time ("then", "now", "since", "post-SBRT", "after 2 cycles";
        `progression_then`), or, within reach, a clause of its own between them past the last progression (of
        ``moving``) before it ("progressed on alectinib two months ago and has since been on chemotherapy, with stable
        disease"), or told under a heading of the present that ``e`` is not under ("Current:\n- stable", "latest CT:
        partial response maintained": `heading_now`), or dated after it (_dated_after)."""
        if e.entity != "progression_pattern" or e.value in NOT_PROGRESSING or e.role is not None:
            return False
        for c in calm:
            if c.start < e.end:
                continue
            heading = self._heading(text, c.start)
            # (resp) a heading of the present, a later date or a word of time in its own statement orders the two at
            # any distance ("Progressive illness 07.2025 with ... [a paragraph] ... CT 11.2025: partial response",
            # "... PD was confirmed. [...] After that she started carboplatin; CT after 2 cycles shows partial
            # response"); a word of time in a clause between them only nearby (_then_clause)
            near = c.start - e.end <= _THEN_REACH
            clause = _statement_start(text, c.start, e.end, colons=True)
            if (
                (heading and heading[0] >= e.end and self.heading_now.search(text, *heading))
                or self._dated_after(text, e, c, near)
                or self.progression_then.search(text, clause, c.end)
            ):
                return True
            if near and self._then_clause(text, max([e.end, *(m.end for m in moving if e.end <= m.end <= c.start)]), c):
                return True
        return False

    def _then_clause(self, text: str, start: int, c: Entity) -> bool:
        """A word of time (`progression_then`) between ``start`` and the state ``c`` tells a later time: anywhere in
        the statement of ``c`` when that starts after ``start`` ("PD on crizotinib in 2021; alectinib since, with
        stable disease"), else opening a clause of its own, after a comma, a semicolon, a colon or "and", its subject
        or verb before it ("and has since been on ...", ", she is now on ..."); not in a list that goes on
        ("progression in liver and then bone; stable disease")."""
        own = _statement_start(text, c.start, semicolons=True)
        return any(
            start <= own <= m.start() or _THEN_OPENS.search(text, max(start, m.start() - 30), m.start())
            for m in self.progression_then.finditer(text, start, c.start)
        )

    def _past_response(
        self, text: str, e: Entity, later: list[int], brain: frozenset[int] | set[int] = frozenset()
    ) -> bool:
        """``e`` is read as no progression, and a progression (starting at one of ``later``) is read after it with a
        word of time or contrast between them; or ``e`` is a response, its statement not told as now, and it is a best
        response or a progression is read after it. (prog4) Not the body's scan said stable, then only a contrast
        ("but", "however", "yet") before a brain progression (of ``brain``): "The last CT shows stable disease but
        the brain MRI shows one new lesion" tells the two halves of one time, not a history."""
        if e.entity != "progression_pattern" or e.value != "none" or e.role is not None:
            return False
        reach = min(len(text), e.end + _THEN_REACH)
        bare = (
            m.start()
            for m in self.progression_word.finditer(text, e.end, reach)
            if not self.progression_word_not.search(text, max(0, m.start() - 20), m.start())
        )
        following = min((s for s in (*later, *bare) if e.end <= s <= reach), default=None)
        if (
            following is not None
            and self.response_then.search(text, e.end, following)
            and not self._body_then_brain(text, e, following, brain)
        ):
            return True
        start, end = _statement_bounds(text, e.start, e.end, semicolons=True)
        if not self.response_words.search(text, e.start, e.end) or self.response_now.search(text, start, end):
            return False
        return bool(self.response_best.search(text, start, end)) or any(s > e.end for s in later)

    def _body_then_brain(self, text: str, e: Entity, following: int, brain: frozenset[int] | set[int]) -> bool:
        """The state ``e`` is told of a body scan in its own statement ("CT", "body CT", "PET-CT"; no brain scan
        there), the progression at ``following`` is the brain's, and the only words of time or contrast between them
        are a contrast's ("but", "however", "yet", "whereas", "while")."""
        if following not in brain:
            return False
        start = _statement_start(text, e.start, semicolons=True)
        own = text[start : e.end]
        if not _BODY_SCAN.search(own) or _BRAIN_SCAN_WORD.search(own):
            return False
        return all(m.group(0).lower() in _CONTRAST_ONLY for m in self.response_then.finditer(text, e.end, following))

    def _timed_results(self, text: str, found: list[Entity]) -> list[Entity]:
        """A resistance result is this progression's: a class denied at an earlier time ("negative for EGFR, KRAS and
        BRAF at diagnosis") is not its none; of an ALK mutation found and none found, the current one counts ("G1202R
        previously reported; current specimen: ALK mutation not detected" is none, "G1202R on today's biopsy; the 2023
        plasma showed no ALK mutation" is G1202R), and when the times do not say which, neither is read."""
        dates_told = dates(text)
        dropped: set[int] = set()
        for kind in _RESULT_KINDS:
            if any(e.entity == kind and e.value != "none" and e.role is None for e in found):
                # "G1202R; no other ALK mutations", "no further drivers besides MET amp": the rest of the class denied
                dropped |= {
                    k
                    for k, e in enumerate(found)
                    if e.entity == kind and (self._besides_found(text, e) or self._other_genes_denied(text, e, found))
                }
        # (specimen) a denial of the rest of a class is of this result, not an earlier one: its clause's specimen stays
        # ("G1202R on the rebiopsy, no other ALK mutations", "I1171S (tissue, at PD), no other ALK mutations")
        besides = set(dropped)
        for k, e in enumerate(found):
            if e.entity in _RESULT_KINDS and e.value == "none" and e.role == NEGATED:
                told = self._when(text, e)
                time = span(told)
                # a later year anywhere than its own (a range's end: "2022-2024" is no later than 2024; a month of
                # the same year is not enough: "NGS 08/2025: no ALK mutation ... CT 11/2025" dates a scan, not another
                # result)
                if not told.current and (
                    told.earlier or (time is not None and any(d[0] > time[1][0] for d in dates_told))
                ):
                    dropped.add(k)
        for kind in _RESULT_KINDS:
            dropped |= self._current_of_found_and_none(text, found, kind, dropped)
        # the specimens of the earlier of two results told of one finding ("L1196M on the 2023 plasma, not detected on
        # the 2025 rebiopsy": a tissue biopsy)
        for k, e in enumerate(found):
            serial = self._serial_result(text, found, k) if e.role in (None, NEGATED) else None
            if serial is not None and serial[1] is not None:
                a, b = serial[1]
                dropped |= {j for j, s in enumerate(found) if s.entity == "biopsy_type" and a <= s.start and s.end <= b}
        dropped |= self._superseded(text, found, dropped)
        dropped |= self._mutation_of_earlier_sentence(text, found, dropped)
        # (safe20) the fusion found at an earlier progression, when no biopsy was taken at this one ("First
        # progression 2022: rebiopsy confirmed ALK+. Current progression: no biopsy"): the ALK positivity, not this
        # progression's fusion
        early = self._before_no_rebiopsy(text, found)
        demoted = {k for k in early if found[k].entity == "alk_status"}
        dropped |= early - demoted
        dropped |= self._earlier_progression_specimens(text, found)
        # the specimen of an earlier result is not this progression's ("G1202R on the 2023 plasma; today's tissue: no
        # ALK mutation" is a tissue biopsy)
        dropped |= {
            b
            for k in list(dropped - besides)
            if found[k].entity in ("alk_mutation", "bypass_alteration")
            for b, s in enumerate(found)
            if s.entity == "biopsy_type"
            and s.value != "none"
            and _same_clause(text, found[k], s)
            and not self._when(text, s)[1]
        }
        return [
            dataclasses.replace(e, value="positive") if k in demoted else e
            for k, e in enumerate(found)
            if k not in dropped
        ]

    def _told_when(self, text: str, e: Entity) -> When:
        """(time21) The time the statement of the finding ``e`` tells (bot/nlu/when.py), in the words of a statement's
        time (`told_earlier`, `told_current`) and its dates: its clause's (to commas), else the words its sentence
        (to semicolons) opens with before that clause ("At diagnosis, 2 brain mets"; not another clause after it:
        "Progressed in liver, now 2 cycles into chemotherapy; CT shows stable disease" tells the progression no
        time), else the heading it is told under."""
        start, end = _statement_bounds(text, e.start, e.end, semicolons=True, commas=True)
        told = when(text[start:end], self.told_earlier, self.told_current)
        if told == UNTOLD:
            told = when(
                text[_statement_start(text, e.start, semicolons=True) : start], self.told_earlier, self.told_current
            )
        if told != UNTOLD:
            return told
        # the heading it is told under: one opening its statement ("Latest MRI: ..."), else the line above its own
        # ("Current imaging:\n- MRI brain: no brain metastases", "11/2025:\n- MRI brain: 2 mets")
        for at in (e.start, text.rfind("\n", 0, e.start) + 1):
            head = self._heading_place(text, at)
            told = UNTOLD if head is None else when(text[head[0] : head[1]], self.told_earlier, self.told_current)
            if told != UNTOLD:
                return told
        return UNTOLD

    def _latest_told(self, text: str, found: list[Entity]) -> list[Entity]:
        """(time21) The latest statement of a field stands over an earlier one, when the words of time or the dates of
        their statements order them (_told_when, when.is_later: a word of the present over one of the past or none,
        a later date over an earlier one): the brain told with metastases and told clear ("Brain MRI 6 months ago
        showed 2 mets; repeat MRI now shows no brain metastases" is none now, "MRI brain 03/2025: no mets. MRI brain
        11/2025: 2 new mets" is 2 now; the earlier metastases' count and brain progression go with them), its lesions
        counted twice ("MRI in March: 2 mets; MRI today: 8 mets"), the disease progressing and not ("Systemic PD at
        baseline CT; follow-up CT shows stable disease", "CT 03/2025: stable disease. CT 11/2025: systemic PD"; as
        _past_progression and _past_response read them by words of time between them), and two ECOG scores ("ECOG 1
        in March, ECOG 2 today"). Only what is stated or denied counts (not asked, planned, supposed or another
        person's), and a later statement told as still to come or hoped in its own words (`told_to_come`: "hopefully
        the repeat MRI will show no brain metastases") overrules nothing; two statements the times do not order stay
        as they are (a conflict, asked)."""
        told: dict[int, When] = {}

        def time(k: int) -> When:
            if k not in told:
                told[k] = self._told_when(text, found[k])
            return told[k]

        def asserted(n: int) -> bool:
            """Statement ``n`` is told as it is, not as still to come, hoped or supposed (`told_to_come`)."""
            start, end = _statement_bounds(text, found[n].start, found[n].end, semicolons=True)
            return not self.told_to_come.search(text, start, end)

        def later_than(k: int, others: list[int]) -> bool:
            # the later statement tells its own time, the present or a date: one that tells none is not later than
            # one told of the past ("Previous systemic progression on crizotinib; stable on alectinib": asked)
            return any(
                is_later(time(n), time(k)) and (time(n).current or time(n).date is not None) and asserted(n)
                for n in others
            )

        absent = [
            k
            for k, e in enumerate(found)
            if e.entity == "brain_metastases"
            and ((e.value == "false" and e.role is None) or (e.value == "true" and e.role == NEGATED))
        ]
        present = [
            k
            for k, e in enumerate(found)
            if e.role is None
            and (
                (e.entity, e.value) == ("brain_metastases", "true")
                or e.entity == "cns_lesions"
                or (e.entity == "progression_pattern" and e.value in _BRAINS_ALONE)
            )
        ]
        # a finding that tells brain metastases (a count or a brain progression alone does not overrule a denial)
        telling = [k for k in present if found[k].entity == "brain_metastases"]
        dropped: set[int] = set()
        if absent and present:
            dropped |= {k for k in present if later_than(k, absent)}
            dropped |= {k for k in absent if later_than(k, telling)}
        calm = [
            k
            for k, e in enumerate(found)
            if e.entity == "progression_pattern"
            and e.value == "none"
            and e.role is None
            and not _SAID_OF_A_PLACE.match(text, e.end)
        ]
        brains = [(e.start, e.end) for e in found if e.value in _BRAINS_ALONE or e.entity == "brain_metastases"]
        moving = [
            k
            for k, e in enumerate(found)
            if e.entity == "progression_pattern"
            and e.value not in NOT_PROGRESSING
            and e.value not in _BRAINS_ALONE
            and e.value != "lesion_growing"
            and e.role is None
            # the brain's progression is not the body's state ("MRI: 20 new lesions ... Extracranial CT: no PD")
            and not any(a <= e.start and e.end <= b for a, b in brains)
        ]
        if calm and moving:
            dropped |= {k for k in moving if later_than(k, calm)}
            dropped |= {k for k in calm if later_than(k, moving)}
        for entity in ("cns_lesions", "ecog"):
            same = [k for k, e in enumerate(found) if e.entity == entity and e.role is None]
            if len({found[k].value for k in same}) > 1:
                dropped |= {k for k in same if later_than(k, [n for n in same if found[n].value != found[k].value])}
        return [e for k, e in enumerate(found) if k not in dropped]

    def _superseded(self, text: str, found: list[Entity], dropped: set[int]) -> set[int]:
        """(s13) One alteration found and then gone, or gone and then found again, on results of two times: the later
        stands ("Repeat biopsy 2024: ALK C1156Y. / Repeat biopsy 2025: ALK G1202R; C1156Y not detected", "lorlatinib
        for G1202R (11/2025): G1202R now below detection"); the time is the result's own (Timing._when), else the
        year its line or sentence opens with, and a mutation a TKI was given for is an earlier result. When the times
        do not tell, both stay (a conflict, asked)."""
        out: set[int] = set()
        kept = [
            (k, e) for k, e in enumerate(found) if k not in dropped and e.entity in _RESULT_KINDS and e.value != "none"
        ]
        for k, e in kept:
            if e.role is not None:
                continue
            for n, d in kept:
                if d.role != NEGATED or (d.entity, d.value) != (e.entity, e.value):
                    continue
                keep = is_later(self._when_or_line(text, e), self._when_or_line(text, d))
                if keep is not None:
                    out.add(n if keep else k)
        return out

    def _mutation_of_earlier_sentence(self, text: str, found: list[Entity], dropped: set[int]) -> set[int]:
        """(safe18) An ALK mutation placed at an earlier time in its own clause ("G1202R on the first biopsy in 2022",
        "L1196M at diagnosis") and another one placed later in another sentence ("The new biopsy shows I1171N"): the
        later result counts, as a finding tested twice does (_superseded) and as the earlier progression's mutations
        give way to the later one's (_earlier_progression_specimens). Not where the two sentences name specimens of
        two kinds (a tissue and a plasma: found on one, both stay), nor where the times do not say which is later."""
        sentences = self._sentences(text)
        kept = [
            (k, e, self._when(text, e))
            for k, e in enumerate(found)
            if k not in dropped and e.entity == "alk_mutation" and e.value != "none" and e.role is None
        ]
        out: set[int] = set()
        for k, e, own in kept:
            if not (own.earlier or own.date):
                continue
            sentence = _sentence_at(sentences, e.start)
            for _, f, later in kept:
                other = _sentence_at(sentences, f.start)
                if f.value == e.value or other == sentence or is_later(later, own) is not True:
                    continue
                kinds = {self._specimen_kind(text[a:b]) for a, b in (sentence, other)}
                if None in kinds or len(kinds) == 1:
                    out.add(k)
                    break
        return out

    def _earlier_progression_specimens(self, text: str, found: list[Entity]) -> set[int]:
        """(biopsy2) Serial testing: the specimens of a statement placed at an earlier progression ("Liquid biopsy at
        the first progression (2023) showed G1202R") beside a specimen of a statement placed at a later or the current
        one ("At the second progression (2025) the tissue NGS showed ...", "Second progression now: tissue NGS"): only
        the latest progression's specimens are this progression's testing. With no later one told, nothing is left
        out. (molecular) So are its ALK mutations, where the later statement gives an ALK mutation result of its own
        ("First progression 2022: L1196M in plasma. Second progression now: tissue NGS shows I1171N" is I1171N; the
        later result counts, as a finding tested twice does)."""
        earlier: dict[str, set[int]] = {"biopsy_type": set(), "alk_mutation": set()}
        later: set[str] = set()
        told: dict[tuple[int, int], tuple[bool, bool]] = {}  # each statement's (later, earlier), read once
        for k, e in enumerate(found):
            if e.entity not in earlier or (e.value == "none" and e.entity == "biopsy_type"):
                continue
            if e.role is not None and not (e.entity == "alk_mutation" and e.role == NEGATED):
                continue
            bounds = (_statement_start(text, e.start, semicolons=True), _clause_end(text, e.end, semicolons=True))
            if bounds not in told:
                head = text[bounds[0] : bounds[1]]
                told[bounds] = (
                    bool(_LATER_PROGRESSION.search(head) or _NOW.search(head)),
                    bool(self.result_earlier.search(head)),
                )
            at_later, at_earlier = told[bounds]
            if at_later:
                later.add(e.entity)
            elif at_earlier and e.role is None and e.value != "none":
                earlier[e.entity].add(k)
        if "biopsy_type" not in later:
            return set()  # no later progression's specimen told: nothing is left out
        return set().union(*(earlier[kind] for kind in later))

    def _before_no_rebiopsy(self, text: str, found: list[Entity]) -> set[int]:
        """(s13) When the text says no biopsy was taken at this progression ("No repeat biopsy was performed at the
        current progression"), a result or a specimen placed at an earlier one ("Her first rebiopsy was in 2023 on
        alectinib, a liver core showing V1180L", "Previous biopsy (2023): V1180L") is not this progression's: left
        out, so that the assistant asks for a re-biopsy rather than deciding on an old result."""
        denials = [e for e in found if e.entity == "biopsy_type" and e.value == "none" and e.role is None]
        if not denials:
            return set()
        # (safe20) a denial of a biopsy taken now ("no new biopsy now", "no biopsy at this progression"); not one
        # said unneeded ("No new biopsy needed now": the result told is enough)
        now_denied = False
        for d in denials:
            a, b = _statement_start(text, d.start, semicolons=True), _clause_end(text, d.end, semicolons=True)
            if (_NOW.search(text, a, b) or _NEW_DENIED.search(text, max(0, d.start - 5), d.end)) and not (
                _UNNEEDED.search(text, a, b)
            ):
                now_denied = True
        out = set()
        for k, e in enumerate(found):
            if e.role is not None or not (
                (e.entity in _RESULT_KINDS and e.value != "none")
                or (e.entity == "biopsy_type" and e.value != "none")
                or (e.entity == "alk_status" and e.value.startswith("fusion_present"))
            ):
                continue
            # its statement: "Liquid biopsy at the first progression showed ..."; (safe20) not the denial's own clause
            # told in it past a semicolon or a comma ("The rebiopsy in 2022 (first progression) confirmed ALK
            # positivity; no new biopsy now": its "now" is the denial's)
            start, end = _statement_start(text, e.start), _clause_end(text, e.end)
            for d in denials:
                if e.end <= d.start < end:
                    cuts = [m.start() for m in _DENIAL_CLAUSE_BREAK.finditer(text, e.end, d.start)]
                    end = cuts[-1] if cuts else end
                elif start <= d.start and d.end <= e.start:
                    cut = _DENIAL_CLAUSE_BREAK.search(text, d.end, e.start)
                    start = cut.end() if cut else start
            head = text[start:end]
            # (safe20) or dated, when a denial says no biopsy now ("Liver biopsy 2023 (PD on alectinib): adenocarcinoma,
            # ALK+. No biopsy at current progression", "Rebiopsy in 2022; no new biopsy now")
            earlier = self.result_earlier.search(head) or (now_denied and dates(head))
            if earlier and not _NOW.search(head):
                out.add(k)
        return out

    def _when_or_line(self, text: str, e: Entity) -> When:
        """Timing._when, the year its line or sentence opens with when the result's clause tells no time, and
        earlier for a mutation a TKI was given for ("on lorlatinib for G1202R")."""
        when = self._when(text, e)
        if _GIVEN_FOR.search(text, max(0, e.start - 40), e.start):
            return When(True, False, when.date, when.until)
        if when != UNTOLD:
            return when
        return self._when_text(text[_statement_start(text, e.start) : e.start], first_year=True)

    def _current_of_found_and_none(self, text: str, found: list[Entity], kind: str, dropped: set[int]) -> set[int]:
        """Of a result of ``kind`` found and the class denied, the one the times say is the current (both dropped when
        times are told yet do not say which; both kept, a conflict, when none is told)."""
        nones = [k for k, e in enumerate(found) if k not in dropped and e.entity == kind and e.role == NEGATED]
        out: set[int] = set()
        for k, e in enumerate(found):
            if not nones or e.entity != kind or e.value == "none" or e.role is not None:
                continue
            for n in nones:
                # the finding itself denied at another time ("MET amp previously; MET not amplified on the current
                # biopsy"): a denial told as the current result counts; a denial told earlier is left to fields.py
                # with the finding (found on one specimen and absent on the other, else a conflict, asked): the
                # clause-near times of _when miss a line's own heading ("Repeat biopsy 2025 (PD on ceritinib): ALK
                # G1202R; C1156Y not detected" after a 2024 line's C1156Y), so a denial is never dropped for them
                same = found[n].value == e.value
                if found[n].value != "none" and not same:
                    continue
                keep = is_later(self._when(text, e), self._when(text, found[n]))
                if same and keep:
                    continue
                if keep is not None and _current_beside_untimed(self._when(text, e), self._when(text, found[n])):
                    continue  # "rebx NGS: G1202R, no ALK mutation detected": one report's, both kept (a conflict)
                if keep is not None:
                    out |= {n} if keep else {k}
                elif not same and any(self._when(text, x) != UNTOLD for x in (e, found[n])):
                    out |= {k, n}  # times told, yet not which is the current: neither
        return out

    def _failed_statements(self, text: str) -> list[tuple[int, int]]:
        """The statements that tell of a failed test: from the last full stop or line before its words to the next
        (_clause_end: past semicolons), or to where another test is reported first (_failed_reach)."""
        cues = list(self.failed_test.finditer(text))
        if not cues:
            return []
        stops = [m.end() for m in _STATEMENT_STOP.finditer(text)]
        return [
            (
                self._failed_from(text, stops[k - 1] if (k := bisect.bisect_right(stops, m.start())) else 0, m.start()),
                self._failed_reach(text, m.end()),
            )
            for m in cues
        ]

    def _failed_from(self, text: str, start: int, cue: int) -> int:
        """Where the statement (from ``start``) of a failed test whose words start at ``cue`` starts: after the last
        boundary (failed_test_ends) between another test's report and the failed test's own clause, each headed by
        its test ("Plasma NGS: no ALK mutations; tissue QNS"), else at ``start`` ("NGS: no ALK mutations;
        insufficient tumour content")."""
        for b in reversed(list(self.failed_ends.finditer(text, start, cue))):
            if self.another_test.match(text[b.end() : cue]) and self.another_test.match(text[start : b.start()]):
                return b.end()
        return start

    def _failed_reach(self, text: str, start: int) -> int:
        """Where the statement of a failed test whose words end at ``start`` ends: at the first boundary (a
        semicolon, "but", "then", "repeat biopsy ...": failed_test_ends) after which another test heads a clause
        that reports it ("Initial biopsy QNS; repeat rebiopsy NGS: no ALK mutations"), else at the statement's end
        (_clause_end: "NGS failed; no ALK mutations reported", "NGS failed; repeat NGS pending; no ALK ...")."""
        end = _clause_end(text, start)
        strong = {b.start() for b in self.failed_ends.finditer(text, start, end)}
        ends = sorted(
            [*self.failed_ends.finditer(text, start, end), *self.failed_ends_weak.finditer(text, start, end)],
            key=lambda b: b.start(),
        )
        own = text[_statement_start(text, start) : start]
        for b, nxt in zip(ends, [*(e.start() for e in ends[1:]), end], strict=False):
            clause = text[b.end() : max(nxt, b.end())]
            reported = (
                self.another_test.match(clause) if b.start() in strong else self._head_other_specimen(clause, own)
            ) or self._on_other_specimen(clause, own)
            if reported and not (self.test_pending.search(clause) or self.failed_test.search(clause)):
                return b.start()
        return end

    def _head_other_specimen(self, clause: str, own: str) -> bool:
        """``clause`` opens with a specimen of the other kind than the failed test's words ``own`` name (a tissue
        test unless they name plasma): "Tissue QNS, plasma NGS: G1202R"."""
        m = self.specimen_head.match(clause)
        return m is not None and bool(m["plasma"]) != bool(self.plasma_specimen.search(own))

    def _on_other_specimen(self, clause: str, own: str) -> bool:
        """``clause`` names the specimen of its result after it, of the other kind than the failed test's words
        ``own`` name (a tissue test unless they name plasma): "Tissue QNS; no ALK mutations on plasma"."""
        m = self.specimen_after.search(clause)
        return m is not None and bool(m["plasma"]) != bool(self.plasma_specimen.search(own))

    def _failed_result(self, text: str, span: Span, stated: str | None, failed: list[tuple[int, int]]) -> bool:
        """A test's finding that a failed test gives no result of: "nothing found" in the failed test's statement
        ("NGS failed QC - no ALK mutations reported"), or any finding right before the failure ("MET amplification:
        insufficient sample")."""
        if self.failed_after.match(text[span.end : span.end + 40]):
            return True
        nothing = stated == NEGATED or span.value == "none" or span.value.startswith(_NOTHING_FOUND)
        return nothing and any(a <= span.start < b for a, b in failed)

    def _plan_sections(self, text: str) -> list[tuple[int, int]]:
        """The sections a plan heading opens ("R: lorlatinib, but the azole needs sorting first", "Outcome: WBRT +
        lorlatinib"): from the heading to its sentence's full stop or the line's end (a semicolon lists the plan's
        items: "Outcome: chemotherapy; trial screening")."""
        out = []
        for m in [*self.plan_heading.finditer(text), *self.plan_opener.finditer(text)]:
            # (s12) the plan's items numbered or bulleted ("Plan: 1. Lipids. 2. Lorlatinib 100 mg od", "Plan:\n-
            # lorlatinib"): the plan runs over every item
            item = _plan_item(text, m.end())
            end = _PLAN_END.search(text, item.end())
            while item["mark"] and end and (item := _plan_item(text, end.end()))["mark"]:
                end = _PLAN_END.search(text, item.end())
            out.append((m.end(), end.start() if end else len(text)))
        return out + _unsigned_orders(text)

    def _after_history(self, text: str, span: Span, start: int, spans: list[Span]) -> bool:
        """``span`` is listed right after words of the history a plan from ``start`` follows (hypothetical
        `plan_history`, `plan_history_list`): between them only therapies, class words and joins, and a comma only
        inside brackets; after words that tell what was received (`plan_history_received`) also sequence words, a
        comma before them too (`plan_history_sequence`: "received alectinib, then brigatinib")."""
        for m in self.plan_history.finditer(text, start, span.start):
            gap = list(text[m.end() : span.start])
            for s in spans:
                if s.entity in self.plan_entities and m.end() <= s.start and s.end <= span.start:
                    gap[s.start - m.end() : s.end - m.end()] = "\x00" * (s.end - s.start)
            words = "".join(gap)
            outside = re.sub(r"\([^()]*", "", words)  # a comma inside an open bracket lists; outside it ends the list
            listed = self.plan_history_list
            if self.plan_history_received.fullmatch(m.group()):  # "received alectinib, then brigatinib": in order
                listed = self.plan_history_sequence
                outside = self.sequence_comma.sub(" ", outside)
            if ("," not in outside or _closed_list(text, span, words, spans)) and listed.fullmatch(
                words.replace(",", " ")
            ):
                return True
        return False

    def _in_plan(self, text: str, span: Span, plans: list[tuple[int, int]], spans: list[Span]) -> bool:
        """Finding ``span`` is named in a plan section before any words of the history it follows ("Requested: ABCP
        after progression on alectinib, lorlatinib": those were received), and neither as taken ("continue alectinib")
        nor as the specimen a finding was seen on ("Outcome: SCLC transformation confirmed on the adrenal biopsy")."""
        if span.entity == "biopsy_type" and self.seen_on.search(text[max(0, span.start - 40) : span.start]):
            return False
        if span.entity == "biopsy_type" and self.specimen_taken.match(text[span.end : span.end + 40]):
            return False  # (bio9) "Plan: liver core on Monday; plasma sent today": that sample was taken
        return (
            any(a <= span.start < b and not self._after_history(text, span, a, spans) for a, b in plans)
            and not self._taken(text, span)
            and not self._dated_in_plan(text, span)
        )

    def _dated_in_plan(self, text: str, span: Span) -> bool:
        """(trust7) A TKI with a closed date range right after it, ending no later than this year (hypothetical
        `plan_history_dated`: "Next line: alectinib 2018-2022"): given then, a history, not a plan."""
        m = self.plan_history_dated.match(text, span.end) if span.entity == "tki" else None
        if m is None:
            return False
        return int(re.findall(r"(?:19|20)\d\d", m.group("end"))[-1]) <= _this_year()

    def _conditional_plan(self, text: str, spans: list[Span], i: int) -> bool:
        """A TKI planned on a condition: the condition right after it, before any other finding ("lorlatinib if
        G1202R is found", "lorlatinib should G1202R be found"; "pending NGS" only after a plan word, "plan lorlatinib
        pending NGS", not "on alectinib pending NGS"), and not for alectinib in "alectinib then lorlatinib if ...".
        After a comma or a dash the condition must end the sentence with no other TKI in it ("alectinib,
        lorlatinib, if G1202R is found"; not "on alectinib, if G1202R is found, switch to lorlatinib"). A TKI stated
        as taken is never a plan."""
        span = spans[i]
        if self._taken(text, span):
            return False
        following = next((s.start for s in spans[i + 1 :] if s.start >= span.end), len(text))
        m = self.conditional_plan.match(text, span.end)
        if m is None and self.planned_before.search(text[max(0, span.start - 40) : span.start]):
            m = self.pending_plan.match(text, span.end)
        if m is None:
            m = self.conditional_after_break.match(text, span.end)
            end = _SENTENCE_END.search(text, span.end) if m else None  # only then: a search per TKI is quadratic
            if m and any(s.entity == "tki" and s.start < (end.start() if end else len(text)) for s in spans[i + 1 :]):
                m = None
        return m is not None and m.start("cue") < following

    def _to_come(self, text: str, span: Span) -> bool:
        """A TKI after "before" in a clause that plans what is to be done ("happy to switch to gabapentin before
        lorlatinib"), not in one that tells what was given ("before lorlatinib she had brigatinib"); named as the step
        after an instruction (_next_step); or (diag8) a trial's arm after the patient's part in the trial still to come
        (candidate `future_arm`: "She will participate in a phase 3 trial, randomized to lorlatinib")."""
        if self.future_arm.search(text, max(0, span.start - 100), span.start):
            return True
        cue = self.future_before.search(text[max(0, span.start - 20) : span.start])
        if cue is None:
            return self._next_step(text, span)
        if self.future_after.match(text, span.end):
            return True  # "before lorlatinib start": the start a noun, still to come
        at = span.start - 20 + cue.start() if span.start >= 20 else cue.start()
        s_start = _sentence_at(self._sentences(text), span.start)[0]
        clause = self.clause_break.split(text[s_start:at])[-1]
        return bool(self.future_clause.search(clause.lstrip()))

    def _next_step(self, text: str, span: Span) -> bool:
        """A TKI named as the step after an instruction ("switch the carbamazepine to levetiracetam, then lorlatinib",
        "stop the rifampicin; then lorlatinib"): the clause before the step, in its statement, opens with one."""
        cue = self.next_step.search(text[max(0, span.start - 20) : span.start])
        if cue is None:
            return False
        at = max(0, span.start - 20) + cue.start()
        clauses = [c for c in re.split(r"[;,:]|\band\b", text[_statement_start(text, at) : at]) if c.strip()]
        return bool(clauses) and bool(self.instruction.match(clauses[-1]))

    def _diagnosis_histology(self, text: str, span: Span) -> bool:
        """A histology said of the diagnosis's specimen ("Dx 2021: combined SCLC/adeno", "adeno with small cell
        component at diagnosis"): a diagnosis word before it in its sentence with no word of this progression between
        ("Originally adenocarcinoma, now SCLC" is a transformation), or "at diagnosis" right after it; never a finding
        whose words say it transformed."""
        if "transform" in text[span.start : span.end].lower():
            return False
        before = text[_statement_start(text, span.start, max(0, span.start - 60), semicolons=True) : span.start]
        cues = list(self.diagnostic_near.finditer(before))
        if cues and not self.result_current.search(before, cues[-1].end()):
            return True
        end = _clause_end(text, span.end, commas=True, reach=span.end + 40)
        return bool(_AT_DIAGNOSIS_AFTER.match(text[span.end : end]))

    def _copied_forward(self, text: str, found: list[Entity]) -> list[Entity]:
        """A line marked as copied from an earlier note ("Brain: no brain metastases (MRI 01/2025). [copied from
        prior]", "Hx section auto-imported 03/2024: 'MRI brain negative.'") yields, for a finding of one value
        (hypothetical `copied_kinds`), to the same finding stated on a line not so marked: the copy is the earlier
        time's, the other line the update."""
        marked = [m.start() for m in self.copied_mark.finditer(text)]
        if not marked:
            return found

        def copied(e: Entity) -> bool:
            start, end = text.rfind("\n", 0, e.start) + 1, text.find("\n", e.end)
            return any(start <= at < (end if end >= 0 else len(text)) for at in marked)

        fresh = {e.entity for e in found if e.entity in self.copied_kinds and not copied(e)}
        return [e for e in found if not (e.entity in fresh and copied(e))]

    def _diagnosis_headed(self, text: str, span: Span) -> bool:
        """``span`` is on a line headed by the diagnosis ("* Dx 2022: ALK fusion (EML4-ALK) detected by RNA NGS on
        FFPE"), with no word of this progression between the heading and it ("Dx 2021: adeno; rebiopsy 2025: ...")."""
        line = text.rfind("\n", 0, span.start) + 1
        head = self.diagnosis_heading.match(text, line) or self._diagnosis_labelled(text, line)
        if head is None or head.end() > span.start:
            return False
        return not self.result_current.search(text, head.end(), span.start) and not self._own_label_current(
            text, span, head.end()
        )

    def _own_label_current(self, text: str, span: Span, head_end: int) -> bool:
        """(spec21) ``span`` opens a later sentence of the line under a label of its own that tells this progression
        ("Tissue NGS at diagnosis: EML4-ALK. Tissue NGS at progression: EML4-ALK, L1196M": the second specimen is
        this progression's): the label is the sentence's words up to a colon within a few words after ``span``."""
        own = _statement_start(text, span.start)
        if own <= head_end:
            return False
        colon = _LABEL_COLON.match(text, span.end)
        return colon is not None and bool(self.result_current.search(text, own, colon.end()))

    def _diagnosis_labelled(self, text: str, line: int) -> re.Match[str] | None:
        """(diag8) The label of the line starting at ``line`` when it names the diagnosis's specimen ("2019 diagnostic
        biopsy:", "Tempus xT panel 2021 (diagnosis):") and no word of this progression ("Repeat diagnostic biopsy at
        progression:")."""
        head = self.diagnosis_label.match(text, line)
        return None if head is None or self.result_current.search(text, line, head.end()) else head

    def _in_diagnosis_label(self, text: str, span: Span) -> bool:
        """(diag8) ``span`` (a specimen) is named in a label of the diagnosis's specimen ("Tempus xT panel 2021
        (diagnosis): EML4-ALK fusion"): the diagnosis's specimen, not a re-biopsy."""
        head = self._diagnosis_labelled(text, text.rfind("\n", 0, span.start) + 1)
        return head is not None and span.end <= head.end()

    def _progression_led(self, text: str, span: Span) -> bool:
        """(ctx7) ``span``, an ALK test's result, follows on its line words that place it at this progression ("This
        admission, liver core: ALK IHC negative", "Resistance testing this time: tissue (liver). Result: EML4-ALK"), the
        mirror of _diagnosis_headed: no word of the diagnosis or an earlier time between them nor after it in its
        statement ("..., ALK-positive at diagnosis"), and not the disease's adjective ("This admission: known ALK+
        NSCLC, seizures")."""
        line = text.rfind("\n", 0, span.start) + 1
        leads = list(self.progression_lead.finditer(text, line, span.start))
        if not leads and line:
            # (ther9) or a row above in its report, no blank line between, names the specimen this progression's
            # ("Case: progression biopsy (pleura) after lorlatinib." ... "RNA: EML4-ALK v3")
            blank = text.rfind("\n\n", 0, line - 1)
            block = max(blank + 2 if blank >= 0 else 0, line - _REPORT_ROW_REACH)
            leads = list(self.progression_heading.finditer(text, block, line - 1))
        if not leads:
            return False
        start, end = _statement_bounds(text, span.start, span.end)
        return not (
            self.result_earlier.search(text, leads[-1].end(), end)
            # a statement of its own dated by a year ("This admission: seizure. ALK FISH positive in 2019")
            or (leads[-1].start() < start and _YEAR.search(text, start, end))
            or _DISEASE_NAMED.match(text, span.end)
            or _KNOWN_BEFORE.search(text, max(line, span.start - 12), span.start)
        )

    def _diagnosed_on(self, text: str, spans: list[Span], i: int) -> bool:
        """(plans2) Specimen i is the one the diagnosis was made on ("diagnosed by EBUS-TBNA in 2022", "ALK+ NSCLC
        diagnosed on a liver core biopsy in 2020"): a word of `diagnosed_on` before it in its statement (within 80
        characters), the specimen not named as a re-biopsy or this progression's, and no word of this progression
        nor a resistance finding in the statement before it ("small-cell transformation diagnosed on the liver
        biopsy", "diagnosed with progression on alectinib, liver biopsy ...")."""
        return not self.progression_specimen.search(text, spans[i].start, spans[i].end) and self._told_of_diagnosis(
            text, spans, i
        )

    def _diagnosis_result(self, text: str, spans: list[Span], i: int, answers: DiagnosisAnswers) -> bool:
        """(dxbx) Specimen i tells the diagnosis's result ("Jan 2020 - CT-guided biopsy: adenocarcinoma, ALK
        rearranged. Feb 2020 alectinib", "Oncomine Dx panel 2022: ALK fusion positive. Alectinib since 2022"): its
        statement tells ALK positive and no resistance finding nor word of this progression, nothing before it in the
        message tells a TKI or this progression, a TKI is named after it, and none of the TKIs after it is dated
        before the specimen (a specimen dated after the TKI is this progression's, "Liver biopsy 11/2025: ALK
        positive. On alectinib since 2021"). ``answers``: this reading's answers so far (DiagnosisAnswers, of
        ``spans``), one per statement."""
        # (lead7) or its own clause does, to a semicolon or a comma, before a TKI begun after it in the statement
        # ("EBUS 2020 showed ALK+ adeno; alectinib; PD 2025", "Liver biopsy 2021 (ALK+), alectinib started; progression
        # 2025, no rebiopsy": they read a re-biopsy of tissue); a clause that leaves a bracket open is no clause
        # ("Liver biopsy 2025 (ALK+, G1202R)")
        for semicolons, commas in ((False, False), (True, False), (True, True)):
            start, end = _statement_bounds(text, spans[i].start, spans[i].end, semicolons=semicolons, commas=commas)
            if text.count("(", start, end) == text.count(")", start, end) and self._diagnosis_answer(
                text, spans, answers, start, end
            ):
                return True
        return False

    def _diagnosis_answer(self, text: str, spans: list[Span], answers: DiagnosisAnswers, start: int, end: int) -> bool:
        """_diagnosis_told for the statement from ``start`` to ``end``, kept in ``answers``."""
        if (start, end) not in answers.answers:
            told = answers.told(start, end)
            answers.answers[start, end] = self._diagnosis_told(text, spans, told, start, end)
        return answers.answers[start, end]

    def _diagnosis_told(self, text: str, spans: list[Span], told: list[Span], start: int, end: int) -> bool:
        """_diagnosis_result for the statement from ``start`` to ``end`` and the findings ``told`` in it."""
        if not any(s.entity == "alk_status" and s.value == "positive" for s in told):
            return False
        if any(
            s.entity in (*_RESULT_KINDS, "progression_pattern") or (s.entity == "transformation" and s.value != "none")
            for s in told
        ):
            return False
        if self.result_current.search(text, 0, end) or any(s.entity == "tki" and s.start < end for s in spans):
            return False
        after = [s for s in spans if s.entity == "tki" and s.start >= end]
        own = dates(text, start, end)
        if not after and own and self._dated_before_current(text, end, own):
            return True  # (prec10) "EML4-ALK on the 2021 lung biopsy. 2025 rebiopsy (bone): failed sequencing"
        if not after:
            # (cns7) a specimen whose statement tells only the diagnosis's result, in a message that tells no TKI, no
            # progression, no resistance finding and no word of now ("Oncomine Dx panel 2022: ALK fusion positive;
            # EGFR, ROS1, BRAF negative", "EBUS-TBNA 2021: adenocarcinoma, ALK IHC positive"): the ALK positivity is
            # read as the diagnosis's, and so is its specimen
            return not self.result_current.search(text) and not any(
                s.entity in ("tki", "progression_pattern", *_RESULT_KINDS)
                or (s.entity == "transformation" and s.value != "none")
                for s in spans
            )
        for tki in after:
            t_start, t_end = _statement_bounds(text, tki.start, tki.end)
            if any(date_later(d, t) for d in own for t in dates(text, t_start, t_end)):
                return False
        return True

    def _dated_before_current(self, text: str, end: int, own: list) -> bool:
        """(prec10) A statement after ``end`` tells this progression or its specimen (`result_current`: "2025
        rebiopsy", "progression 10/2025") dated later than every date ``own`` of the specimen before it: that
        specimen, which tells only the ALK diagnosis, is the diagnosis's."""
        for m in self.result_current.finditer(text, end, end + _CURRENT_REACH):
            s, e = _statement_bounds(text, m.start(), m.end(), reach=(160, 160))
            later = dates(text, s, e)
            if later and all(any(date_later(t, d) for t in later) for d in own):
                return True
        return False

    def _told_of_diagnosis(self, text: str, spans: list[Span], i: int) -> bool:
        """(plans2) Finding i is told of the diagnosis: a word of `diagnosed_on` before it in its statement (within 80
        characters), and no word of this progression nor a resistance finding there (_diagnosed_on)."""
        span = spans[i]

        def resistance(s: Span) -> bool:
            return s.entity in (*_RESULT_KINDS, "progression_pattern") or (
                s.entity == "transformation" and s.value != "none"
            )

        start = _statement_start(text, span.start, max(0, span.start - 80), semicolons=True)
        if not self.diagnosed_on.search(text, start, span.start):
            # a report's "Diagnosis:" heading, in a message that tells no progression nor resistance finding
            return bool(
                self.diagnosis_report_heading.search(text, start, span.start)
                and not self.result_current.search(text)
                and not any(resistance(s) for s in spans)
            )
        if self.result_current.search(text, start, span.start) or self.result_current.search(
            text, span.end, _clause_end(text, span.end, semicolons=True, reach=span.end + 30)
        ):
            return False
        return not any(start <= s.start < span.start and resistance(s) for s in spans)

    def _diagnosis_count(self, text: str, span: Span | Entity) -> bool:
        """(fp14) A count of brain lesions told of the diagnosis ("At diagnosis 2 brain mets, treated with SRS",
        "initially 3 brain metastases", "2 brain mets at diagnosis"): the extent then, not the current CNS disease
        (cns_lesions); unless its statement tells the present too ("now 2 new brain mets", "2 brain mets (current
        MRI)": `result_current`). (safe16) A count its own clause places at the diagnosis ("3 new brain mets at
        diagnosis, now progression in liver", "At diagnosis 3 new brain mets; ...") is the extent then whatever a
        later clause tells: only a word of the present in that clause keeps it ("2 brain mets at diagnosis (current
        MRI)"), and "new" there is new then."""
        start, end = _statement_bounds(text, span.start, span.end, semicolons=True)
        clause = _statement_bounds(text, span.start, span.end, semicolons=True, commas=True)
        if bool(self.diagnostic_after.match(text[span.end : span.end + 40])) or self._at_diagnosis(
            text, span, clause[0]
        ):
            return not self.result_present.search(text, *clause)
        if self.result_current.search(text, start, end):
            return False
        return (
            self._at_diagnosis(text, span)
            or bool(self.count_before_tki.search(text, start, span.start))  # (lead10) "Before alectinib, 12 lesions"
        )

    def _of_a_past_year(self, text: str, span: Span) -> bool:
        """(safe15) A count of brain lesions in a sentence led by a year before this one (_PAST_YEAR_LEAD: "In 2019,
        12 brain lesions treated with WBRT", "MRI 2019: 12 lesions"), with a later sentence telling the present
        (_NOW_OPENS: "Now liver PD"): the extent then, not the current one; unless its statement tells the present
        or a progression ("12 new brain lesions", "MRI 2025: 12 new lesions": `result_current`). So is a complaint
        there ("In 2019, symptomatic brain mets treated with SRS. Now liver PD": the symptoms then)."""
        sentences = self._sentences(text)
        start, end = _sentence_at(sentences, span.start)
        lead = _PAST_YEAR_LEAD.match(text, start, span.start)
        if lead is None or int(lead.group("date")[-4:]) >= _this_year():
            return False
        if self.result_current.search(text, start, _statement_bounds(text, span.start, span.end, semicolons=True)[1]):
            return False
        return any(_NOW_OPENS.match(text, a) for a, _ in sentences if a >= end)

    def _at_diagnosis(self, text: str, span: Span | Entity, since: int = 0) -> bool:
        """A diagnosis word earlier in the sentence of ``span``, within 60 characters ("Initial EBUS FNA 2021: ..."),
        and from ``since`` on (a clause's start)."""
        start = max(since, _statement_start(text, span.start, max(0, span.start - 60), semicolons=True))
        return bool(self.diagnostic_near.search(text[start : span.start]))


# (safe15) a sentence led by a year, a scan's name perhaps before it ("In 2019, ...", "2019: ...", "MRI 2019: ..."), up
# to a count in it (Timing._of_a_past_year); not "since 2019", which runs on to now
_PAST_YEAR_LEAD = compiled.kept(
    rf"\s*(?:(?:in|during|back in|by|early|late|mid)[\s-]+)?"
    rf"(?:(?:mri|ct|pet|scan|brain|head|imaging|staging)\s+){{0,2}}"
    rf"(?P<date>{DATE_TEXT})(?![\d/])[^.;\n]*$",
    re.IGNORECASE,
)
# a sentence that opens by telling the present ("Now liver PD", "Currently on lorlatinib", "Today: ...")
_NOW_OPENS = compiled.kept(
    r"\s*(?:now|currently|presently|at present|today|this (?:admission|visit|time|month|week|year)"
    r"|at this (?:visit|time)"
    r"|(?:on )?(?:the )?(?:latest|most recent|current) (?:scan|mri|ct|imaging|restaging))(?![\w-])",
    re.IGNORECASE,
)
# (resp) a scan named in brackets after a state, before its date ("partial response (CT 10/2025)")
# (s17) an order form's status that says the order is not yet acted on: a draft, unsigned, on hold, or its sample not
# yet taken ("Status: Draft (not signed)", "Order status: Ordered - not yet collected"); and the line that opens the
# order ("Order entry:", "Order set: 'Lorlatinib initiation'", "Orders -")
_ORDER_STATUS = compiled.kept(
    r"(?:^|(?<=\n)|(?<=[.;|]\s))[ \t]*(?:order )?status[ \t]*[:=][ \t]*(?:[^\n.;|]{0,30}?\b)?"
    r"(?:draft|unsigned|not (?:yet )?signed|on hold|pended|awaiting (?:signature|authori[sz]ation|approval)|"
    r"not yet (?:collected|drawn|taken|done|performed|sent|dispensed|started|given))\b[^\n]*",
    re.IGNORECASE,
)
_ORDER_OPENS = compiled.kept(
    r"(?:^|(?<=\n))[ \t]*(?:new )?(?:orders?|order (?:entry|set|form|details?))\b", re.IGNORECASE
)


def _unsigned_orders(text: str) -> list[tuple[int, int]]:
    """(s17) The orders whose status says they are not yet acted on (_ORDER_STATUS): from the line that opens the
    order, in the same paragraph, to the end of the status's line; what such an order names is planned, never
    received or taken."""
    out = []
    for m in _ORDER_STATUS.finditer(text):
        paragraph = text.rfind("\n\n", 0, m.start()) + 1
        opens = [o.start() for o in _ORDER_OPENS.finditer(text, paragraph, m.start() + 1)]
        if opens:
            out.append((opens[-1], m.end()))
    return out


_SCAN_DATED = compiled.kept(r"\s*\((?:(?:ct|mri|pet(?:/ct)?|scan|imaging|restaging)(?: of)?\s+)?", re.IGNORECASE)
# a state said of one place ("stable disease in the lungs", "stable in the liver"), not of the whole disease
_SAID_OF_A_PLACE = compiled.kept(r"\s+(?:(?:in|at|of|within)\s|elsewhere\b|otherwise\b)", re.IGNORECASE)


_BODY_SCAN = compiled.kept(r"\b(?:ct|pet(?:[/-]ct)?|body|extracranial|restaging)\b", re.IGNORECASE)
_BRAIN_SCAN_WORD = compiled.kept(r"\b(?:brain|head|mri|cranial|intracranial|cns|cerebral)\b", re.IGNORECASE)
_CONTRAST_ONLY = frozenset({"but", "however", "yet", "whereas", "while"})
# (prog11) progressions of the brain alone: no extracranial site progressing
_BRAINS_ALONE = frozenset({"cns_progressing", "cns_only"})
_THEN_REACH = 150  # the most characters between a state read as no progression and the progression that followed it
# a heading opening a statement: up to five words before a colon ("current: ...", "Latest CT: ...")
_INLINE_HEADING = compiled.kept(r"[ \t]*(?:[-*•][ \t]*)?(?P<words>[^\s:]+(?:[ \t]+[^\s:]+){0,4})[ \t]*:(?=\s)")
# a line that is a heading: up to six words ending in a colon, or alone (then only a date: Timing._heading); each word
# after the first follows its spaces (a run of spaces split among the repeats made a long aligned line slow to fail)
_HEADING_LINE = compiled.kept(
    r"[ \t]*(?:[-*•][ \t]*)?(?P<words>[^\s:]+(?:[ \t]+[^\s:]+){0,5})[ \t]*(?P<colon>:)?[ \t]*"
)
# what may stand before a word of time opening a clause of its own (Timing._then_clause)
_THEN_OPENS = compiled.kept(
    r"(?:[,;:]|\band\b)\s*(?:she|he|they|it|has|have|had|is|are|was|were)(?:\s+(?:has|have|had|been|is|are|was|were))?\s+$",
    re.IGNORECASE,
)
_HEADING_REACH = 8  # the most lines above a statement its heading line is looked for in
