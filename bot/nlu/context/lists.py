"""Lists of findings: how far a cue reaches through a list, denied lists, closed lists."""

from __future__ import annotations

import itertools
import re

from bot.nlu import compiled
from bot.nlu.context.cues import Cues
from bot.nlu.context.patterns import (
    _DROPPED,
    _GLOSS,
    _ITEM_BREAK,
    COLON_OR_LEADER,
    _needs,
    _past_spaces,
    _sentence_at,
    _unclosed_bracket,
)
from bot.nlu.entity import NEGATED, Entity
from bot.nlu.reader import Span
from bot.nlu.statements import _statement_start

_BARE_COMMA = compiled.kept(r"\s*,\s*")
_LEAD_REMARK = compiled.kept(r"^\s*\([^()\n.;]{1,30}\)")  # a bracket right after a denial's cue (_scoped)
# (safe13) a report's heading of what it did not find, its list after it ("negative for MET amp, G1202R", "Not
# detected: G1202R, MET amplification"): the heading lists the results, of any kind (_unclosed_list_end)
# (safe14) not the heading of _HEADING_END/_heading_list below, which is another job: that one is any cue closed by a
# colon or a dash that opens its statement, and it carries the cue past commas to its sentence's end; this one is
# the words of a denial anywhere in the statement ("Guardant negative for ALK mutations and ..."), colon or not, and
# only lets a list already denied hold findings of one group rather than one kind. Made one, either reading changes
# (the heading's reach alone: "negative for MET amp, G1202R" read G1202R; both ways: 7 dumped readings, among them
# "liquid bx neg for alk muts and bypass, alk fusion not detected in plasma" read the fusion kept)
_REPORT_HEADING = compiled.kept(
    r"(?:negative|neg)\s+for\s*:?\s*$|(?:negative|neg|(?:not|none)\s+(?:detected|found|identified))\s*:\s*$",
    re.IGNORECASE,
)
# (lead7) a cue that heads its statement, a colon or a spaced dash closing it ("Not detected: G1202R, MET amp")
_HEADING_END = compiled.kept(r"(?::|\s[-–—])\s*$")
_HEADING_COLON = compiled.kept(r"\s*(?::|[-–—](?=\s))")  # ... or right after it ("Negative for: ROS1, MET amp")


def _bare_comma(between: str) -> bool:
    """``between`` (the words between two findings) is a comma alone: a list that goes on, never closed by a
    conjunction ("no MET amp, KRAS G12C")."""
    return _BARE_COMMA.fullmatch(between) is not None


class Lists(Cues):
    def _scoped(self, cue: re.Pattern[str], text: str, spans: list[Span], i: int) -> str | None:
        """The words between the nearest ``cue`` before finding i and the finding, when the cue reaches it; None when
        it does not. A cue reaches over a list: list words, other findings and items the reader does not know
        (_items: "no headache, photophobia or seizures"), to its clause's end (a break: "but", ";", a verb clause:
        "no headache, she has seizures"); past a comma only inside a list (_in_denied_list). No cue reaches a finding
        in brackets it is outside of ("ALK IHC negative on the rebiopsy (was ALK positive at dx)", "possible LMD
        (brain mets stable)"), except a plan's (plan_before), whose brackets name what is planned ("plan liquid bx
        (Guardant360)")."""
        span = spans[i]
        start = max(0, span.start - 160)
        if not compiled.has_needed(_needs(cue), text, start, span.start):
            return None  # none of the words every match of the cue has (compiled.necessary): no cue there
        cues = list(cue.finditer(text, start, span.start))
        if not cues:
            return None
        if self.experience.match(text, cues[-1].start()):
            return None  # "I've never seen T1151M before": the clinician's experience
        if not cue.match(text, cues[-1].start()):
            return None  # the cue's own end refuses what follows it: "declined after 4 cycles of chemo" (seen whole)
        if cue.match(text, span.start):
            return None  # the finding's own words say its role: "without new mets and without symptoms"
        gap_start = cues[-1].end()
        gap = text[gap_start : span.start]
        if text[gap_start : gap_start + gap.find(":")].strip():
            return None  # a colon after a finding opens what follows: "no MET amp: ALK G1202R" (not "negative for: X")
        if gap.lstrip().startswith(",") or self.ends_clause.match(gap):
            return None  # a cue that ends its clause reaches nothing after it: "SRS planned, ECOG 0", "never seen, X"
        # (a finding read with its opening bracket, "(G1202R", is inside that bracket)
        opened = "(" if text.startswith("(", span.start) else ""
        sought = (k := self.sought_kind.match(text, cues[-1].start())) is not None and k.end() == cues[-1].end()
        if sought and _unclosed_bracket(cues[-1].group() + gap + opened) and ")" not in gap:
            return gap  # (lead22) the examples bracketed after the kind looked for: each is looked for, not found
        if _unclosed_bracket(gap + opened) and not self.plan_before.fullmatch(cues[-1].group()):
            return None
        straddled = False  # the cue is in another finding's words: "No transformation and no loss of the fusion"
        for other in spans[:i]:  # blank out the findings listed between the cue and this one
            straddled = straddled or other.start < gap_start < other.end
            if other.start >= gap_start and other.end <= span.start:
                if other.entity == span.entity == "goals_of_care" and other.value != span.value:
                    return None  # a contrast, not a list: "declines hospice and would like to try chemotherapy"
                a, b = other.start - gap_start, other.end - gap_start
                gap = gap[:a] + " " * (b - a) + gap[b:]
        # (safe11) a remark in brackets right after the cue is no item of its list ("No (MRI 11/2025) brain mets")
        gap = _LEAD_REMARK.sub(lambda m: " " * len(m.group()), gap, count=1)
        if self.breaks.search(gap):
            return None
        if self.own_statement.match(text, span.start) and any(
            o.start >= gap_start and o.end <= span.start for o in spans[:i]
        ):
            return None  # "not pregnant uses condoms": the verb opens a statement of its own
        *items, own = self.lists.item_break.split(gap)
        if not self.gap.match(own) or not self._items(items):
            return None  # the finding's own item takes only the gap words: "no change in the brain mets" denies nothing
        unknown = not all(self.gap.match(item) for item in items)
        supposes = cue is not self.neg_before
        # (s14) a review of systems' denial reaches its list of complaints to the clause's end as a supposing cue does
        # ("Denies headache, visual change, weakness, numbness, seizures"): the patient's complaints only
        complaints = (
            span.entity in self.complaint_entities
            and self.complaints_denied.fullmatch(cues[-1].group())
            and not self.complaint_told.search(gap)  # "Denies headache, has had seizures": told, not denied
        )
        supposes = supposes or bool(complaints)
        if unknown and (straddled or not self._closed_over(text, spans, i, gap, supposes)):
            return None
        heads = bool(_HEADING_END.search(cues[-1].group()) or _HEADING_COLON.match(gap)) and not text[
            _statement_start(text, cues[-1].start(), semicolons=True, colons=True) : cues[-1].start()
        ].strip(" \t*•-")
        if "," in gap and not (
            (heads and self._heading_list(text, spans, i)) or self._in_denied_list(text, spans, i, gap_start, supposes)
        ):
            return None  # "negative for X, KRAS G12C found"; "no headaches, two small brain mets"
        return gap

    def _heading_list(self, text: str, spans: list[Span], i: int) -> bool:
        """(lead7) Finding i is in the list a heading's cue opens ("Not detected: G1202R, MET amp", "Negative for: ROS1,
        MET amp"), findings of any kind: the list runs to its sentence's end (list words, findings and items only),
        and no word after it finds them ("Not detected: G1202R, MET amp detected" states the MET amp)."""
        run = self._list_run(text, spans, i)
        last = run[-1] if run else spans[i]
        return self._list_to_clause_end(text, spans, i + len(run)) is not None and not self.found_after.match(
            text[last.end : last.end + 40]
        )

    def _closed_over(self, text: str, spans: list[Span], i: int, gap: str, supposes: bool) -> bool:
        """The list that finding i is in, past items the reader does not know, is closed: by "or"/"nor", or by a
        conjunction after a comma, before it or after it to its clause's end ("no headache, photophobia or
        seizures", "no photophobia, seizures or diplopia"; not "not good for radiosurgery, body is stable, he takes
        alectinib"); for a cue that only supposes, also by the clause's end alone ("Red flags: headache,
        photophobia, seizures")."""
        run = self._list_run(text, spans, i)
        joins = gap + "".join(text[a.end : b.start] for a, b in itertools.pairwise([spans[i], *run]))
        rest = self._list_to_clause_end(text, spans, i + len(run))
        if rest is None:
            return bool(self.lists.disjunction.search(joins) or ("," in joins and self.lists.closes.search(joins)))
        joins += rest
        return supposes or bool(
            self.lists.disjunction.search(joins) or ("," in joins and self.lists.closes.search(joins))
        )

    def _items(self, items: list[str]) -> bool:
        """``items`` are items of a list: the gap words (_scoped), or up to four words the reader does not know that
        make no clause ("photophobia", "new weakness", "worsening nausea"): none of the list's not_in_items ("she has",
        "is better"), no last word in -ed ("nausea improved", "pain settled"), no dash or colon (_ITEM_BREAK)."""
        for item in items:
            if self.gap.match(item):
                continue
            words = re.findall(r"[\w'-]+", item)
            if (
                _ITEM_BREAK.search(item)
                or not words
                or len(words) > 4
                or self.lists.not_in_item.search(item)
                or words[-1].lower().endswith("ed")
            ):
                return False
        return True

    def _in_denied_list(self, text: str, spans: list[Span], i: int, cue_end: int, supposes: bool = False) -> bool:
        """Past a comma, a negation cue still covers finding i only inside a list of findings of one kind: every
        finding between the cue and it is of its kind ("negative for MET amp, RET fusion and KRAS G12C", not "no
        headaches, G1202R and L1196M"), the list goes on past the comma (a list word right before it or after it:
        "not systemic, only the brain" corrects, it does not list), and no positive word ends the list ("negative
        for X, Y and Z detected")."""
        span = spans[i]
        listed = [s for s in spans[:i] if s.start >= cue_end]
        if listed and self._closed_list(text, [*listed, span, *self._list_run(text, spans, i)]):
            return True  # "no G1202R, L1196M or MET amp found", "no brain mets, LMD or headaches": every item
        # (safe13) under a report's heading of what it did not find, a list of one group ("negative for: MET amp,
        # G1202R, L1196M")
        first = listed[0].start if listed else span.start
        kind = self._group if _REPORT_HEADING.search(text, max(0, cue_end - 30), first) else self._kind
        if any(kind(s) != kind(span) for s in listed):
            return False
        last, k = span, i
        for nxt in spans[i + 1 :]:  # the rest of the list: findings of this kind joined by list words
            if kind(nxt) != kind(span) or not self.lists.join.match(text[last.end : nxt.start]):
                break
            last, k = nxt, k + 1
        if self.found_after.match(text[last.end : last.end + 40]):
            return False
        gap = text[cue_end : span.start]
        if self.lists.ends.search(gap):
            return True
        if self.lists.goes_on.match(text[span.end : span.end + 40]):
            return supposes or not self._restated(text, spans, i, cue_end)
        # a cue that only supposes (uncertain, watch-for) also reaches a list without a conjunction that runs to its
        # clause's end ("Red flags: headache, vomiting, seizures"): leaving a finding unread is the safe side; a
        # denial reads the finding absent, and needs the list closed ("no MET amp, G1202R" states the G1202R)
        if supposes:
            return self._list_to_clause_end(text, spans, k) is not None
        # (deny4) or, in a list of one kind that lists (list_groups), after two items denied before it (those after
        # the first are denied as the list goes on past them): "no MET amp, RET fusion, KRAS G12C" denies the KRAS
        # G12C as it denies the RET fusion; two items alone are left unread (Lists._unclosed_list_end)
        return len(listed) >= 2 and span.entity in self.groups and self._ends_denied_list(text, spans, i, k, cue_end)

    def _ends_denied_list(self, text: str, spans: list[Span], i: int, k: int, cue_end: int) -> bool:
        """Finding i, the last item of a denied list of its kind never closed by a conjunction (k: the last finding
        of its run), ends its clause: nothing after it but list words and findings to the clause's end
        (_list_to_clause_end), or the test or specimen it was looked for on (list_words `denied_list_tail`: "on
        tissue NGS"); no measure after it ("KRAS G12C 12%": found), and no qualifier each item repeats ("no new liver
        lesions, new bone mets, new adrenal nodule": each item its own statement, _restated)."""
        last = spans[k]
        if self.lists.measured.match(text, last.end) or self._restated(text, spans, i, cue_end):
            return False
        return bool(
            self._list_to_clause_end(text, spans, k) is not None or self.lists.denied_tail.match(text, last.end)
        )

    def _unclosed_list_end(self, text: str, spans: list[Span], i: int) -> bool:
        """(deny4) Finding i, of a kind that lists (list_groups: molecular, CNS; not "not pregnant, postmenopausal",
        one field told twice), ends a denied list never closed by a conjunction, past a bare comma after a finding the
        denial reaches, with nothing said of it to its clause's end: a second denied item or a new statement, which
        the words do not tell; read as neither (asked), never as present. After one item of its kind ("no MET amp,
        KRAS G12C", "no brain mets, LMD"), or after two or more items of its group, each naming one finding ("no
        brain mets, LMD, headaches"); not after one item of another kind ("no ALK mutation, MET amp" states the MET
        amp), nor where something is said of it ("no MET amp, KRAS G12C detected", "..., KRAS G12C 12%")."""
        span = spans[i]
        before = [j for j in range(i) if spans[j].end <= span.start]
        if span.entity not in self.groups or not before or self.found_after.match(text[span.end : span.end + 40]):
            return False
        j = before[-1]
        prev = spans[j]
        if self._group(prev) != self._group(span) or not _bare_comma(text[prev.end : span.start]):
            return False
        gap = self._scoped(self.neg_before, text, spans, j)
        if gap is None:
            return False  # the item before it is not denied by the cue before the list
        cue_end = prev.start - len(gap)
        listed = [s for s in spans[: j + 1] if s.start >= cue_end]
        heading = _REPORT_HEADING.search(text, max(0, cue_end - 30), prev.start)
        if len(listed) == 1 and self._kind(prev) != self._kind(span) and not heading:
            return False
        if len(listed) > 1 and any(s.value == "none" or self._group(s) != self._group(span) for s in listed):
            return False
        return self._ends_denied_list(text, spans, i, i, cue_end)

    def _ends_denied_tkis(self, text: str, out: list[Entity], span: Span) -> str | None:
        """(deny4) The role of the TKI at ``span`` when it ends, past a bare comma, a list of TKIs denied never closed
        by a conjunction, two or more denied before it ("never received brigatinib, ceritinib, lorlatinib": the middle
        one is denied as the list goes on past it, _listed_with); None when it ends no such list (two alone: "not
        crizotinib, alectinib" corrects). Denied when its clause ends with it (Lists._ends_denied_list's tail) or an
        aside closes the list (list_words `denied_tki_aside`: "(G1202R)", "(per records)", "- alectinib only", ";
        on alectinib", each its own statement); given (None) when the words right after it tell it given
        (`tki_given_after`: "lorlatinib since 2024"); else, or where the aside's first words may tell it given ("(100
        mg daily since 2022)") or a measure follows, neither (_DROPPED, asked): never received."""
        if len(out) < 2:
            return None
        first, prev = out[-2], out[-1]
        if not (
            all(e.entity == "tki" and e.stated_role == NEGATED for e in (first, prev))
            and all(_bare_comma(text[a.end : b.start]) for a, b in ((first, prev), (prev, span)))
        ):
            return None
        if self.lists.measured.match(text, span.end):
            return _DROPPED
        if self.lists.denied_tail.match(text, span.end):
            return NEGATED
        if self.lists.tki_given.match(text[span.end :].lstrip()):
            return None  # "never received brigatinib, ceritinib, lorlatinib since 2024": its time told, given (deny4)
        aside = self.lists.tki_aside.match(text, span.end)
        return NEGATED if aside and not self.lists.tki_given.match(text, aside.end()) else _DROPPED

    def _denied_examples(self, text: str, out: list[Entity], spans: list[Span], i: int) -> bool:
        """(trust7) Finding i is a member of a class denied right before it, listed as looked for in a bracket or
        after an example's words (list_words `denied_examples_open`: "No strong CYP3A inducers (checked rifampin,
        carbamazepine)", "no strong CYP3A inducers, e.g. rifampicin or phenytoin"): only members of its kind, blanked,
        and list words between (`denied_examples_join`), and after it to the bracket's close (or, unbracketed, to
        the clause's end) nothing else ("No strong CYP3A inducers (rifampicin stopped last week)" is not denied)."""
        span = spans[i]
        reach = max(0, span.start - 200)  # a class and its members within a few lines: the reading stays linear
        if "(" not in text[reach : span.start] and not self.lists.examples_seek.search(text, reach, span.start):
            return False
        near = spans[max(0, i - 30) : i + 30]
        for e in reversed(out):
            if e.end > span.start:
                continue
            if e.entity != span.entity or e.end < reach:
                return False  # another finding between (no list of members), or too far back
            gap = self._members_blanked(text, near, e.end, span.start, span.entity)
            opened = self.lists.examples_open.match(gap)
            if opened is None or not self.lists.examples_join.fullmatch(gap, opened.end()):
                if self.lists.examples_join.fullmatch(gap):
                    continue  # a member listed before it: the class is further back
                return False
            if e.stated_role != NEGATED:
                return False
            end = min(_sentence_at(self._sentences(text), span.start)[1], span.end + 200)
            tail = self._members_blanked(text, near, span.end, end, span.entity)
            joined = self.lists.examples_join.match(tail)
            rest = tail[joined.end() if joined else 0 :]
            if "(" in opened.group():
                return self.lists.examples_close.match(rest) is not None
            return not rest.strip(" .;\n")
        return False

    @staticmethod
    def _members_blanked(text: str, spans: list[Span], start: int, end: int, entity: str) -> str:
        """``text[start:end]`` with the findings of ``entity`` in it blanked."""
        part = list(text[start:end])
        for s in spans:
            if s.entity == entity and start <= s.start and s.end <= end:
                part[s.start - start : s.end - start] = " " * (s.end - s.start)
        return "".join(part)

    def _restated(self, text: str, spans: list[Span], i: int, cue_end: int) -> bool:
        """Finding i opens with the qualifier the denial before it opened with (list_words `restated_qualifiers`), and
        the list it goes on in is never closed by a conjunction: "no new liver lesions, new bone mets, new adrenal
        nodule" denies the liver and states the rest, as the list closed by "and" does (not "... or new adrenal
        nodule": a denied list; "no MET amp, RET fusion, KRAS G12C" repeats no qualifier: wholly denied)."""
        head = next(s for s in spans if s.start >= cue_end)  # the list's first item
        first = self.lists.restated.match(text, head.start)
        own = self.lists.restated.match(text, spans[i].start)
        if first is None or own is None or first.group(1).lower() != own.group(1).lower():
            return False
        run = [spans[i], *self._list_run(text, spans, i)]
        joins = "".join(text[a.end : b.start] for a, b in itertools.pairwise(run))
        joins += self._list_to_clause_end(text, spans, i + len(run) - 1) or ""  # "..., new adrenal nodule or effusion"
        return not self.lists.closes.search(joins)

    def _list_to_clause_end(self, text: str, spans: list[Span], k: int) -> str | None:
        """What follows finding k to the end of its sentence when it is nothing but list words, findings and items
        (_items) up to a break, else None."""
        last = spans[k]
        end = _sentence_at(self._sentences(text), last.start)[1]
        rest = list(text[last.end : end])
        for s in itertools.islice(spans, k + 1, None):
            if s.start >= end:
                break
            if last.end <= s.start and s.end <= end:
                rest[s.start - last.end : s.end - last.end] = " " * (s.end - s.start)
        tail = "".join(rest).rstrip(" .!?;\n")
        if self.breaks.search(tail):
            return None
        first, *items = self.lists.item_break.split(tail)
        # (safe14) the kind of the item named right after it ("..., G1202R hotspot"): no clause of its own
        first_kept = not first.strip() or self.lists.item_qualifier.fullmatch(first)
        return tail if first_kept and self._items(items) else None

    def _list_run(self, text: str, spans: list[Span], i: int, qualified: bool = False) -> list[Span]:
        """The findings of finding i's group that follow it in one list (only list words between them: "G1202R,
        L1196M and MET amp"), up to a finding of another group or anything else; ``qualified``: a qualifier of the
        next one may stand in the join too ("Symptomatic or untreated CNS metastases")."""
        run, last = [], spans[i]
        for k, nxt in enumerate(spans[i + 1 :], i + 1):
            if nxt.start < last.end:
                continue  # another reading of the item just taken ("new brain mets": the pattern's and the finding's)
            between = text[last.end : nxt.start]
            joined = self.lists.join.match(between) or (qualified and self.qualified_join.match(between))
            if self._group(nxt) != self._group(last):
                # (lead) the item read within a wider reading of its words ("Headache or new brain mets: none": the
                # pattern's "new brain mets" around the brain metastases) is the list's next item
                nxt = next(
                    (
                        s
                        for s in spans[k + 1 :]
                        if s.start < nxt.end and s.end <= nxt.end and self._group(s) == self._group(last)
                    ),
                    nxt,
                )
            if self._group(nxt) != self._group(last) or not joined:
                break
            run.append(nxt)
            last = nxt
        return run

    def _denied_after_list(self, text: str, spans: list[Span], i: int) -> bool:
        """A negation after a list covers every item of it: "G1202R and MET amplification not detected", "EGFR, KRAS,
        BRAF: not detected", "brain mets and LMD absent". The list must be closed by and/or/nor, or the negation
        come after a colon or a checklist's dot leader ("Symptomatic brain metastases ...... N"), so that a report
        line keeps its first finding ("ALK G1202R, MET amp not detected" is left as it is read: ambiguous lists are
        for the clinician to restate). (safe10) Such a row's qualifier of the next finding in a join ("Symptomatic or
        untreated CNS metastases: N") keeps the list, after a colon or a leader only."""
        run = self._list_run(text, spans, i)
        qualified = not run
        if qualified:
            run = self._list_run(text, spans, i, qualified=True)
        if not run:
            return False
        at = _past_spaces(text, run[-1].end)
        after = text[at : at + 40]
        if not self.neg_after.match(after):
            return False
        return (not qualified and self._closed_list(text, [spans[i], *run])) or bool(COLON_OR_LEADER.match(after))

    def _closed_list(self, text: str, items: list[Span]) -> bool:
        """Two or more findings of one group joined only by list words, the last join a conjunction ("X, Y and Z",
        "X or Y"). Findings of two kinds make one list only when each names one finding: "no ALK mutation, MET amp
        and RET fusion" denies the class, then lists what was found."""
        joined = all(self.lists.join.match(text[a.end : b.start]) for a, b in itertools.pairwise(items))
        if len(items) < 2 or not joined:
            return False
        if len({self._group(s) for s in items}) > 1 or len({(s.entity, s.value) for s in items}) < len(items):
            return False  # another group, or a finding named twice: two statements ("G1202R, and G1202R not detected")
        if len({self._kind(s) for s in items}) > 1 and any(s.value == "none" for s in items):
            # unless each names a class of genes denied, the last a panel's own closed list: "negative for ALK, EGFR
            # and KRAS mutations" (not "... mutations detected")
            return all(s.value == "none" for s in items) and bool(
                self.lists.closes.search(text[items[-2].end : items[-1].end])
                and not self.found_after.match(text[items[-1].end : items[-1].end + 40])
            )
        return bool(self.lists.closes.search(text[items[-2].end : items[-1].start]))

    def _listed_with(self, text: str, previous: Entity, span: Span, role: str) -> bool:
        """A TKI listed right after a TKI denied or named as an option (``role``) has that role with it ("never on
        brigatinib or ceritinib", "never received brigatinib, ceritinib or lorlatinib", "request Lorbrena
        (lorlatinib)"); after a bare comma only when the list goes on ("not crizotinib, alectinib" corrects, it does
        not list)."""
        between = text[previous.end : span.start]
        if previous.entity != "tki" or previous.stated_role != role:
            return False
        if previous.value == span.value and _GLOSS.match(between):  # a brand and its generic name: one drug
            return True
        if not self.lists.join.match(between):
            return False
        return "," not in between or bool(
            self.lists.ends.search(between) or self.lists.goes_on.match(text[span.end : span.end + 40])
        )
