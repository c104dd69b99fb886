"""Which TKI was stopped for toxicity, or denied to be."""

from __future__ import annotations

import bisect
import re

from bot.nlu import compiled
from bot.nlu.context.cues import Cues
from bot.nlu.context.patterns import _ALSO_LISTED, _AND, _IN_TURN, _OWN_CLAUSE, _sentence_at
from bot.nlu.entity import CANDIDATE, HYPOTHETICAL, NEGATED, Entity
from bot.nlu.reader import trim
from bot.nlu.statements import _clause_end, _statement_start

_LINE = compiled.kept(r"[^\n]+")
# the other drugs a step of a history or a list may name, whose stop is theirs, not the TKI's (_line_intolerance)
_OTHER_DRUGS = frozenset({"cyp3a_inducer", "cyp3a_inhibitor", "prior_chemotherapy", "prior_immunotherapy"})
_CELL = compiled.kept(r"[^|\n]+")
# a table header's column for why a line was stopped ("Stop reason", "reason off", "Reason stopped")
_STOP_REASON = compiled.kept(
    r"\b(?:(?:stop|stopping|discontinuation|off) reason|reason (?:off|stopped|for (?:stopping|discontinuation|stop)|"
    r"discontinued)|why stopped)\b",
    re.IGNORECASE,
)
# a stop's reason told as a toxicity in general, and right after it the toxicity it was, in a parenthesis or after a
# dash or colon, through up to three words that neither deny nor doubt it ("stop: toxicity (pneumonitis G2)", "early
# pulmonary toxicity (pneumonitis grade 3, ...)", "toxicity - pneumonitis"): the lung toxicity named is had
# (_lung_toxicity)
_GENERIC_TOXICITY = compiled.kept(
    r"\b(?:toxicity|toxicities|adverse (?:event|reaction)s?|side[- ]effects?)$", re.IGNORECASE
)
_NAMED_AFTER = compiled.kept(
    r"\s*(?:\(|[-–—:]\s)\s*(?:(?!(?:no|not|non|without|nor|possible|possibly|suspected|query|presumed|probable|"
    r"likely|ruled|excluded|risk|fear|concern)\b)[\w-]+\s+){0,3}",
    re.IGNORECASE,
)
# (ther10) a TKI named only as the time of another's start, whose stop the sentence then tells in the other's
# predicate ("Ceritinib was started after crizotinib but stopped after 6 weeks because of diarrhoea": ceritinib's stop)
_STARTED_AFTER = compiled.kept(
    r"\s+(?:was|were|has been|had been)\s+(?:started|begun|commenced|initiated|given)\s+(?:after|following|post)\s+$",
    re.IGNORECASE,
)
# (lead22) ... or named bare after it, "B after A" ("Brigatinib after alectinib since 2022; discontinued 2024 for
# rash"), whose stop comes past B's start ("since 2022") and a comma or a semicolon: the stop is B's, the sentence's
# subject, not A's (a closed range after A, "alectinib 2020-2022, stopped for rash", may be A's own and is left so)
_AFTER_ONLY = compiled.kept(r"\s+(?:after|following|post)\s+$", re.IGNORECASE)
_DATED_THEN_STOP = compiled.kept(
    r"\s*,?\s*(?:since|from|in)\s+(?:(?:0?[1-9]|1[0-2])/)?(?:19|20)\d\d\s*[;,]\s*"
    r"(?:(?:then|later|but|was|had to be|subsequently)\s+)*(?:stopped|discontinued|ceased|withdrawn)\b",
    re.IGNORECASE,
)
# (lead15) another thing named beside a TKI in its sentence (Intolerance._next_sentence_stop)
_WITH_ANOTHER = compiled.kept(r"(?:\band|\bwith|\bplus|[+&/,])\s+[^\W\d]", re.IGNORECASE)
_OWN_STOP_NEXT = compiled.kept(
    r"\s*,?\s+(?:but|and|then)\s+(?:was\s+|had to be\s+|then\s+|later\s+)*(?:stopped|discontinued|ceased|withdrawn)\b",
    re.IGNORECASE,
)
# (ther12) where a clause of a history's step begins: a semicolon, a sentence's end (not a date's dot, "2022.06")
_CLAUSE_BREAK = compiled.kept(r";|\.(?=\s)")
_SENTENCE_BREAK = compiled.kept(r"\.(?=\s)|\n")
# (ther12) a toxicity put down to the TKI named right before it, joined to the name ("alectinib-related pneumonitis")
_ATTRIBUTED = compiled.kept(r"-(?:related|induced|associated|attributed|mediated)\s+", re.IGNORECASE)
# the next step of a history takes the TKI up again ("| resumed at 450 mg", "- restarted")
_RESUMED_NEXT = compiled.kept(
    r"^[\s|•*-]*(?:[\w/.-]+\s+){0,3}?(?:resum|re-?start|re-?introduc|re-?challeng)", re.IGNORECASE
)


class Intolerance(Cues):
    def _doubted(self, text: str, m: re.Match[str], floor: int) -> bool:
        """The toxicity ``m`` is only suspected, feared or ruled out (toxicity_reason doubted before it, from
        ``floor``; ruled_out after it), and not confirmed after it."""
        if self.confirmed_after.match(text, m.end()):
            return False
        return bool(
            self.doubted_toxicity.search(text, max(floor, m.start() - 25), m.start())
            or self.ruled_out_after.match(text, m.end())
        )

    def without_ruled_out(self, text: str, found: list[Entity]) -> list[Entity]:
        """``found`` without a finding ruled out or not confirmed right after it was named (toxicity_reason ruled_out:
        "leptomeningeal disease, later excluded", "MET amplification, subsequently not confirmed"), nor an ILD
        comorbidity read from a TKI's stop whose pneumonitis was ("brigatinib stopped for pneumonitis, later ruled
        out", "..., turned out to be infection"): no finding had (safety9; the stop itself is no intolerance,
        _doubted_reason). A finding denied or supposed is left as read."""

        def ruled_out(e: Entity) -> bool:
            named = list(self.lung_toxicity.finditer(text, e.start, e.end))
            if (e.entity, e.value) == ("comorbidity", "interstitial_lung_disease") and named:
                return bool(self.ruled_out_after.match(text, named[-1].end()))
            return (
                e.role is None
                and e.value != "none"
                and e.entity not in ("tki", "intolerant_tki")
                and bool(self.finding_ruled_out.match(text, e.end))
            )

        return [e for e in found if not ruled_out(e)]

    def _lung_toxicity(self, text: str, intolerance: list[Entity], found: list[Entity]) -> list[Entity]:
        """The ILD comorbidity of each TKI stop whose reason (``intolerance``'s span) is a pneumonitis or an ILD
        (toxicity_reason lung_toxicity: a history of it), unless read."""
        if any((e.entity, e.value) == ("comorbidity", "interstitial_lung_disease") for e in found):
            return []
        for e in intolerance:
            m = self.lung_toxicity.search(text, e.start, e.end)
            if m is None and _GENERIC_TOXICITY.search(text, e.start, e.end):
                n = self.lung_toxicity.search(text, e.end, e.end + 40)  # "stop: toxicity (pneumonitis G2)"
                m = n if n and _NAMED_AFTER.fullmatch(text, e.end, n.start()) else None
            if m and not self._doubted(text, m, 0):
                span = (m.start(), m.end())
                return [Entity("comorbidity", "interstitial_lung_disease", *span, m.group(), e.role, e.stated_role)]
        return []

    def _intolerance(self, text: str, found: list[Entity], regions: list[tuple[int, int]]) -> list[Entity]:
        """A TKI stopped for toxicity: the stop and the toxicity stated after it, before the next TKI ("alectinib
        stopped for hepatotoxicity", "crizotinib (grade 3 bradycardia), switched to ceritinib"), or the TKI named
        right after "came off", "switched from", "could not tolerate" with the toxicity in the same sentence, or
        right after a toxicity ("pneumonitis on brigatinib") with the stop in the same sentence."""
        out = []
        bounds = self._sentences(text)
        tkis = [e for e in found if e.entity == "tki"]
        # (trust) a therapy of another kind named after a TKI takes the stop that follows it ("alectinib 2020 /
        # carboplatin pemetrexed, stopped for neutropenia": the chemotherapy's stop, not alectinib's)
        therapies = [m.start() for m in self.other_therapy.finditer(text)] if tkis else []
        intolerant_of: Entity | None = None  # the TKI "could not tolerate" was said of, which a list continues
        when = {
            k
            for k in range(1, len(tkis))
            if (
                _STARTED_AFTER.fullmatch(text, tkis[k - 1].end, tkis[k].start)
                and _OWN_STOP_NEXT.match(text, tkis[k].end)
            )
            or (
                _AFTER_ONLY.fullmatch(text, tkis[k - 1].end, tkis[k].start)
                and _DATED_THEN_STOP.match(text, tkis[k].end)
            )
        }  # the TKIs named only as the time of the one before's start, whose stop follows them
        for k, e in enumerate(tkis):
            if k in when:
                continue
            if e.role in (NEGATED, CANDIDATE):
                continue
            if (
                intolerant_of is not None
                and _ALSO_LISTED.fullmatch(text, intolerant_of.end, e.start)
                and not _OWN_CLAUSE.match(text, e.end)  # not "... of crizotinib and alectinib was started"
            ):
                # "intolerant of both crizotinib (visual disturbance) and brigatinib (hypertension)"
                out.append(Entity("intolerant_tki", e.value, e.start, e.end, e.text, e.role, e.stated_role))
                intolerant_of = e
                continue
            intolerant_of = None
            s_start, s_end = _sentence_at(bounds, e.start)
            following = min(
                [t.start for j, t in enumerate(tkis[k + 1 :], k + 1) if t.start > e.end and j not in when] + [s_end]
            )
            following = min([a for a in therapies if e.end < a < following] + [following])
            statement_end = min([t.start for t in tkis[k + 1 :] if t.start > e.end] + [_clause_end(text, e.end)])
            before = text[max(s_start, e.start - 40) : e.start]
            m = self.stopped_for.search(text, e.end, following)
            if m and self.switched_to.search(before) and self.switch_reason.fullmatch(text, e.end, m.start()):
                m = None  # (lead12) the reason of the switch to this TKI: the TKI switched from (read there)
            if (
                m
                and not self.stop.match(m.group())
                and self.other_reason.search(text, m.end(), min(m.end() + 25, following))
            ):
                m = None  # (s13) "200 bid (neutropenia) -> stopped 2019 for PD": the stop's own reason is progression
            span = m.span() if m else None
            if span is None and not self.switched_to.search(before):
                # (ther10) a toxicity of more words may stand before it ("Interstitial pneumonia was occurred with
                # brigatinib")
                wide = text[max(s_start, e.start - 70) : e.start]
                offset = e.start - len(wide)
                # a form's label may be longer ("Reason for ALK TKI discontinuation: intolerance (lorlatinib")
                label = text[max(s_start, e.start - 80) : e.start]
                if b := self.not_tolerated.search(label):
                    at = e.start - len(label)
                    span, intolerant_of = (at + b.start(), at + b.end()), e
                elif (
                    (c := self.came_off.search(before))
                    and not self.never.search(before[: c.start()])
                    and (t := self.toxicity.search(text, e.end, s_end))
                ):
                    span = t.span()
                elif (b := self.toxicity_on.search(wide)) and (
                    self.stop.search(text, e.end, _clause_end(text, e.end))
                    or self._switched_before(text, s_start, offset + b.start())
                ):
                    span = (offset + b.start(), offset + b.end())
                elif (
                    k
                    and tkis[k - 1].start >= s_start
                    and self.stop.search(text, tkis[k - 1].end, e.start)
                    and not self.replaced_by.search(text, tkis[k - 1].end, e.start)  # "A -> B for rash": A's stop
                    and (g := self.gapped_reason.match(text, e.end, following))
                ):  # "alectinib stopped for progression and brigatinib for pneumonitis": the stop said once
                    span = g.span()
                else:  # recall8: "grade 3 mood change and hallucinations; lorlatinib stopped"
                    span = self._toxicity_then_stop(text, tkis, k) or self._attributed_then_stop(text, tkis, k)
            if span is None and (h := self.toxic.after.match(text, e.end, statement_end)):
                span = h.span()  # "on alectinib; dose held for CK rise": past the semicolon, through "dose"
            if span is None and k + 1 < len(tkis) and tkis[k + 1].start < s_end:
                span = self._replaced_for_toxicity(text, e, tkis[k + 1], tkis[k + 2 :], s_end)
            if span is None and k + 1 < len(tkis):
                span = self._reason_then_switch(text, e, tkis[k + 1])
            if span is None:
                span = self._next_sentence_stop(text, tkis, k, therapies, (s_start, s_end))
            later = [(t.start, t.value) for t in tkis[k + 1 :]]
            if span and self.toxic.resumed(text, e.value, e.end, max(span[1], statement_end), later):
                span = None  # "held for CK elevation and then resumed at 120 mg", "held for a week": tolerated
            # (ther12) a toxicity named before the TKI is doubted by the words before it in its sentence ("Suspected
            # pneumonitis on brigatinib; brigatinib held")
            floor = min(span[0], e.end) if span and span[0] >= e.start else s_start
            if span and self._doubted_reason(text, span, floor):
                span = None  # "stopped for fear of pneumonitis", "held for ?pneumonitis": no toxicity had
            if span and self._other_reason(text, e.end, span):
                span = None  # "stopped for CNS progression with new rash": the stop was for the progression
            if span and self._stop_denied(text, span, s_start, statement_end):
                span = None  # (lead) "alectinib was not stopped for toxicity": the stop denied (_denied_intolerance)
            if span:
                span = trim(text, *span)
                out.append(Entity("intolerant_tki", e.value, *span, text[span[0] : span[1]], e.role, e.stated_role))
                out[-1:] = [*self._listed_before(text, tkis[:k], e, span, s_start), out[-1]]
        others = [e for e in found if e.entity in _OTHER_DRUGS]
        out += self._line_intolerance(text, tkis, out, others)
        return out + self._lung_toxicity(text, out, found) + self._denied_intolerance(text, found, bounds, regions)

    def _next_sentence_stop(
        self, text: str, tkis: list[Entity], k: int, therapies: list[int], sentence: tuple[int, int]
    ) -> tuple[int, int] | None:
        """(lead15) The one TKI named in its sentence, last there, stopped for a toxicity in the next one, which
        opens with the stop and names no drug ("Started brigatinib in 2023. Stopped after 2 months because of
        pneumonitis.", "On alectinib from 2021. It was discontinued for hepatotoxicity."): the span of the stop and
        its toxicity; not one resumed there ("Held for pneumonitis, then resumed at 90 mg")."""
        e, (s_start, s_end) = tkis[k], sentence
        if k + 1 < len(tkis) and tkis[k + 1].start < s_end:
            return (
                None  # not the last TKI of its sentence (checked first: one pass over a sentence's TKIs, at its last)
            )
        if not (opening := self.next_sentence_stop.match(text, s_end)):
            return None
        end = _clause_end(text, opening.end())
        if k + 1 < len(tkis) and tkis[k + 1].start < end:
            return None  # the stop of a TKI it names
        j = k - 1
        while j >= 0 and tkis[j].start >= s_start:
            if tkis[j].value != e.value:
                return None  # not the one drug named in its sentence ("brigatinib after alectinib")
            j -= 1
        at = bisect.bisect_right(therapies, e.end)
        if at < len(therapies) and therapies[at] < end:
            return None  # another drug named after it, in its sentence or in the stop's
        if _WITH_ANOTHER.search(text, e.end, s_end):
            return None  # "Started brigatinib and atorvastatin in 2023.": the stop may be the other one's
        m = self.stopped_for.match(text, opening.end(), end)
        if m is None or self.toxic.resumed(text, e.value, opening.end(), end, []):
            return None
        return m.span()

    def _line_intolerance(
        self, text: str, tkis: list[Entity], read: list[Entity], others: list[Entity]
    ) -> list[Entity]:
        """(s13) A TKI stopped for toxicity told in the next step of a history or a table: a bullet, a line or a
        table cell that names no TKI and tells a stop (or a hold) and a toxicity, right after the step that named
        the TKI ("Feb 2020 - alectinib / Jun 2020 - stopped after grade 3 hepatitis", "alectinib started | held
        (bilirubin 4x ULN) | permanently discontinued"), or a toxicity in the stop-reason column of a table whose
        header names one ("Line | Drug | Dates | BOR | Stop reason / 1 | brigatinib | 03/22-06/22 | - |
        pneumonitis"). Not a step that resumes it, nor a toxicity denied, doubted or resolved, nor a step that names
        another drug (``others``), whose stop it tells ("* Alunbrig 180 mg daily / * St John's wort (self-started for
        low mood), happy to stop"): the TKI's steps end there."""
        taken = [e for e in tkis if e.role not in (NEGATED, CANDIDATE)]
        done = {e.value for e in read}
        if not taken or ("\n" not in text and "|" not in text):
            return []
        out: list[Entity] = []
        reason_at = None
        last: Entity | None = None
        k = 0  # the first TKI not before the line (one pass over the TKIs: linear in the text)
        for line in _LINE.finditer(text):
            while k < len(taken) and taken[k].start < line.start():
                k += 1
            row: list[Entity] = []
            while k + len(row) < len(taken) and taken[k + len(row)].start < line.end():
                row.append(taken[k + len(row)])
            cells = list(_CELL.finditer(text, line.start(), line.end()))
            if reason_at is None and len(cells) > 2 and not row:
                heads = [i for i, c in enumerate(cells) if _STOP_REASON.search(c.group())]
                if heads:
                    reason_at = heads[0]
                    continue
            for i, cell in enumerate(cells):
                named = [e for e in row if cell.start() <= e.start < cell.end()]
                if named:
                    last = named[-1]
                    continue
                if any(cell.start() <= e.start < cell.end() for e in others):
                    last = None
                    continue
                tox = self.toxicity.search(text, cell.start(), cell.end()) or self.lung_toxicity.search(
                    text, cell.start(), cell.end()
                )
                column = reason_at is not None and i == reason_at and len(row) == 1
                stopped = self.stop.search(text, cell.start(), cell.end())
                if last is None or tox is None or not (column or stopped) or last.value in done:
                    continue
                if (column and last is not row[0]) or self.toxicity_not_it.search(text, cell.start(), tox.start()):
                    continue
                if self._doubted(text, tox, cell.start()) or self.toxic.resumed(
                    text, last.value, cell.start(), cell.end(), []
                ):
                    continue
                if _RESUMED_NEXT.match(text[cell.end() : cell.end() + 40]):
                    continue
                if self.unanswered.match(text, tox.end()):  # (ther12) "TKI stopped for toxicity: —": no answer
                    continue
                out.append(
                    Entity(
                        "intolerant_tki", last.value, tox.start(), tox.end(), tox.group(), last.role, last.stated_role
                    )
                )
                done.add(last.value)
        return out

    def _doubted_reason(self, text: str, span: tuple[int, int], floor: int) -> bool:
        """Every toxicity given as the stop's reason is only suspected, feared or ruled out ("held for suspected
        pneumonitis", "stopped given the risk of pneumonitis", "stopped for pneumonitis, later ruled out"): a stop
        for a toxicity the patient did not have is no intolerance (safety6). The words that doubt it are read from
        ``floor`` on (the stop's words, or the TKI's end when the span is the toxicity alone: "stopped lorlatinib
        because of fear of hallucinations")."""
        named = [*self.toxicity.finditer(text, *span), *self.lung_toxicity.finditer(text, *span)]
        return bool(named) and all(self._doubted(text, m, floor) for m in named)

    def _other_reason(self, text: str, tki_end: int, span: tuple[int, int]) -> bool:
        """The stop of the TKI ending at ``tki_end`` is given another reason (`other_reasons`) before every toxicity
        of ``span`` after the TKI, and no word joins the toxicity to it as a reason too ("alectinib stopped for CNS
        progression with new rash", "lorlatinib stopped because of cost, she had hallucinations"; not "stopped for
        progression and rash")."""
        named = [m for m in self.toxicity.finditer(text, *span) if m.start() >= tki_end]
        if not named:
            return False
        for m in named:
            reasons = list(self.nontoxic_reason.finditer(text, tki_end, m.start()))
            if not reasons or self.also_reason.search(text, reasons[-1].end(), m.start()):
                return False
        return True

    # ---- recall8 (sets 8, 7, 3) ----------------------------------------------------------------------------------
    def _switched_before(self, text: str, s_start: int, toxicity_start: int) -> bool:
        """(ther18) A reason right before a toxicity said to be on a TKI, and a switch or stop earlier in its sentence
        ("switched to brigatinib in 2023 after grade 3 myalgia on alectinib")."""
        lead = text[s_start:toxicity_start]
        r = self.toxicity_on_reason.search(lead)
        return bool(r and self.stop.search(lead, 0, r.start()))

    def _toxicity_then_stop(self, text: str, tkis: list[Entity], k: int) -> tuple[int, int] | None:
        """The place of the toxicity told before the TKI at ``k`` in its statement (past semicolons), when the
        TKI's stop follows right after it ("Grade 3 mood change and hallucinations; lorlatinib stopped", "she
        developed psychosis and lorlatinib had to be stopped"): no other TKI between them, nothing before the
        toxicity that denies, asks or resolves it ("no rash; ...", "if she gets hallucinations ..."), and no other
        reason given to the stop ("... stopped at progression") nor named between ("new confusion, MRI shows
        progression; lorlatinib stopped")."""
        e = tkis[k]
        if not (stop := self.stop_after.match(text, e.end)):
            return None  # checked first: the cheapest, and rare
        reach = max(0, e.start - 300)  # the statement it is told in, past semicolons
        told = _statement_start(text, e.start, reach)
        start = max([told] + [t.end for t in tkis[:k] if t.end <= e.start])
        toxic = list(self.toxicity.finditer(text, start, e.start))
        if not toxic or self.toxicity_not_it.search(text, told, e.start):
            return None
        if self.other_reason.search(text, stop.end(), _clause_end(text, stop.end())):
            return None
        if self.nontoxic_named.search(text, toxic[-1].end(), e.start):
            return None  # "new confusion, MRI shows progression; lorlatinib stopped": the progression may be the reason
        return toxic[-1].span()

    def _attributed_then_stop(self, text: str, tkis: list[Entity], k: int) -> tuple[int, int] | None:
        """(ther12) The place of a toxicity the message put down to the TKI at ``k`` a little earlier, by its name
        joined to it ("alectinib-related pneumonitis", "brigatinib-induced hepatitis"), when the TKI's stop follows
        right after it in a later sentence ("Diagnosis: alectinib-related pneumonitis. Alectinib permanently
        discontinued."): not a stop given another reason ("... Alectinib stopped at progression"), nor a toxicity
        denied, doubted or gone ("no alectinib-related toxicity", "possible alectinib-related pneumonitis"), nor one
        of a TKI named in another role (another person's, supposed: "her brother had alectinib-related pneumonitis")."""
        e = tkis[k]
        if not (stop := self.stop_after.match(text, e.end)):
            return None
        if self.other_reason.search(text, stop.end(), _clause_end(text, stop.end())):
            return None
        for t in reversed(tkis[:k]):
            if t.value != e.value or t.role is not None or e.start - t.end > 300:
                continue
            m = _ATTRIBUTED.match(text, t.end)
            tox = self.toxicity.search(text, m.end(), m.end() + 40) if m else None
            if m is None or tox is None or re.search(r"[.,;:]", text[m.end() : tox.start()]):
                continue
            told = _statement_start(text, t.start, max(0, t.start - 200))
            if (
                self.toxicity_not_it.search(text, told, t.start)
                or self._doubted(text, tox, told)
                or self.doubted_toxicity.search(text, max(told, t.start - 25), t.start)
            ):
                continue
            return tox.span()
        return None

    def _listed_before(
        self, text: str, earlier: list[Entity], e: Entity, span: tuple[int, int], s_start: int
    ) -> list[Entity]:
        """The TKIs listed with ``e`` before it ("alectinib (hepatitis) and brigatinib", "alectinib/brigatinib"),
        when the stop for toxicity right after the list is said of all of them, with the toxicity given as the stop's
        reason ("Alectinib and brigatinib stopped for pneumonitis"); TKIs given in turn ("alectinib, then
        brigatinib") only with a plural before the stop ("both discontinued for rash", "were each stopped") or "both"
        before the list. None for "alectinib, then brigatinib stopped for rash" or "alectinib or brigatinib"."""
        run: list[Entity] = []
        last, in_turn = e, False
        for prev in reversed(earlier):
            between = text[prev.end : last.start]
            if prev.start < s_start or prev.role in (NEGATED, CANDIDATE):
                break
            if _IN_TURN.fullmatch(between):
                in_turn = True
            elif not _ALSO_LISTED.fullmatch(between):
                break
            if re.search(r"\bor\b", between, re.IGNORECASE):
                return []
            run.insert(0, prev)
            last = prev
        stop = self.collective_stop.match(text, e.end)
        if not run or not stop or not (in_turn or _AND.search(text[run[-1].end : e.start])):
            return []
        if not self.toxic_reason.match(text[stop.end() : _clause_end(text, stop.end())]):
            return []  # the toxicity the reason of the stop itself, not one TKI's own ("crizotinib (PD) and ...")
        if in_turn and not stop.group("plural") and not self.collective_before.search(text[s_start : run[0].start]):
            return []  # "alectinib, then brigatinib stopped for rash": the last one's stop
        return [Entity("intolerant_tki", t.value, *span, text[span[0] : span[1]], t.role, t.stated_role) for t in run]

    def _replaced_for_toxicity(
        self, text: str, first: Entity, then: Entity, later: list[Entity], s_end: int
    ) -> tuple[int, int] | None:
        """The place of the toxicity when ``first`` was replaced by ``then`` for it: the switch right before
        ``then`` and the toxicity given as the reason right after it, before any later TKI ("Xalkori -> Alecensa
        for transaminitis", "brigatinib, which was changed to alectinib in March because of hypertension"), or the
        switch's verb before ``first`` and only the word onto between them ("changed alectinib to lorlatinib because of
        muscle pains")."""
        between = text[first.end : then.start]
        switched = self.onto_between.fullmatch(between) and self.switched_object.search(
            text, max(0, first.start - 40), first.start
        )
        if then.role in (NEGATED, CANDIDATE) or not (self.replaced_by.search(between) or switched):
            return None
        end = min([t.start for t in later if t.start > then.end] + [s_end])
        m = self.toxic_reason.match(text[then.end : end])
        if m and self.stop.search(text, then.end, then.end + m.end()):
            return None  # "-> ceritinib (stopped for diarrhoea)": the second TKI's own stop, not the switch's reason
        return (then.end + m.start(), then.end + m.end()) if m else None

    def _reason_then_switch(self, text: str, first: Entity, then: Entity) -> tuple[int, int] | None:
        """(ther12) The place of the toxicity when the switch from ``first`` to ``then`` is told in a clause of its
        own after ``first`` (past a semicolon, not a sentence's end), its reason first, then the switch right before
        ``then`` ("ensartinib from 2022.06; because of rash grade 3 and itching not tolerable, changed to
        iruplinalkib"); not a reason other than a toxicity ("because of progression, changed to alectinib")."""
        between = text[first.end : then.start]
        if then.role is not None or _SENTENCE_BREAK.search(between) or not self.replaced_by.search(between):
            return None
        clause = _CLAUSE_BREAK.split(between)[-1]
        r = self.toxic_reason.match(clause)
        if r is None or self.nontoxic_reason.search(clause, 0, r.start()):
            return None
        at = then.start - len(clause)
        return at + r.start(), at + r.end()

    def _stop_denied(self, text: str, span: tuple[int, int], start: int, end: int) -> bool:
        """A stop for toxicity inside the words of its denial ("was not stopped for toxicity", "never discontinued
        because of side effects"): not a stop for it; the denial itself is read by _denied_intolerance."""
        return any(m.start() <= span[0] and span[1] <= m.end() for m in self.denied_toxicity.finditer(text, start, end))

    def _denied_intolerance(
        self, text: str, found: list[Entity], bounds: list[tuple[int, int]], regions: list[tuple[int, int]]
    ) -> list[Entity]:
        """A stop denied to be for toxicity ("stopped for progression, not for toxicity", "no TKI ever stopped for
        tox"): value "none", stated absent, when its sentence names a TKI taken or the denial names the class."""
        out = []
        with_taken = {_sentence_at(bounds, e.start) for e in found if e.entity == "tki" and e.role is None}
        for start, end in bounds:
            taken = (start, end) in with_taken or bool(
                self.tki_class.search(text, start, end)
            )  # "all TKIs stopped for progression, none for tox"
            hits = list(self.denied_toxicity.finditer(text, start, end)) if taken else []
            if taken:
                hits += [
                    m
                    for m in self.denied_after_stop.finditer(text, start, end)
                    if self.stop.search(text, start, m.start())
                ]
            for m in hits[:1]:
                role = HYPOTHETICAL if any(a <= m.start() < b for a, b in regions) else NEGATED
                out.append(Entity("intolerant_tki", "none", m.start(), m.end(), m.group(), role, NEGATED))
        return out
