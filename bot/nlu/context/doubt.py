"""Doubt: uncertain findings and findings named as alternatives ('A or B')."""

from __future__ import annotations

import re

from bot.nlu import compiled
from bot.nlu.context.lists import Lists
from bot.nlu.context.patterns import _inside
from bot.nlu.reader import Span
from bot.nlu.statements import _clause_end, _statement_bounds, _statement_start

# (lead) findings a test reads besides `untested_entities`: a test on the next line may be theirs (_doubted_after)
_READ_ON_TESTS = frozenset({"transformation", "histology"})
# (safe13) a question mark right after a score ("ECOG 2? or 3": it read 2)
_QUERIED_SCORE = compiled.kept(r"[ \t]*\?")
# (safe15) a query mark glued to a yes/no value right after a finding, after a space or a key's mark ("Brain mets ?yes",
# "LMD ?no", "Symptomatic ?y"): the answer queried, as "ECOG ?1" is; not a question answered ("Brain mets? yes")
_QUERIED_ANSWER = compiled.kept(
    r"(?:[ \t]+|[ \t]*[:=][ \t]*)\?(?:yes|y|no|n|present|absent|positive|pos|negative|neg|true|false)(?![\w+-])",
    re.IGNORECASE,
)
# (safe13) a result another test did not confirm, right after it ("MET amplification by NGS (CN 4), FISH negative", "MET
# amp on FISH, NGS negative", "G1202R on plasma; tissue NGS not detected"): discordant, not stated (it read the result)
_DISCORDANT = compiled.kept(
    r"(?:[ \t]+(?:by|on|in)[ \t]+[\w-]+(?:[ \t]+[\w-]+)?)?(?:[ \t]*\([^()\n]{0,30}\))?[ \t]*[,;][ \t]*(?:but[ \t]+)?"
    r"(?:(?:by|on)[ \t]+)?(?:the[ \t]+)?(?:(?:tissue|plasma|confirmatory|orthogonal|repeat)[ \t]+)?"
    r"(?:fish|ngs|ihc|pcr|ddpcr|plasma|tissue|ctdna|liquid biopsy|testing|sequencing)[ \t]+"
    r"(?:(?:was|is|came back|were)[ \t]+)?(?:negative|neg|-ve|not (?:detected|amplified|confirmed|confirmatory)|"
    r"did not confirm|failed to confirm|normal)(?![\w-])",
    re.IGNORECASE,
)
# (safe20) what opens a clause before a biopsy told by its purpose (Doubt._biopsy_purpose)
_RESULT_MARK = compiled.kept(r"[:=]")
_CLAUSE_START = compiled.kept(r"\.(?=\s)|[;:,(]|\s[-–—]+\s|\b(?:and|but|then)\b")
_BARE_AFTER = compiled.kept(r"[ \t]*(?:\.(?=\s|$)|;|\n|$)")
_BIOPSY_NOUN = compiled.kept(r"(?:[\w-]+[ \t]+){0,2}(?:re-?)?(?:biopsy|bx)", re.IGNORECASE)  # a noun, not "rebiopsied"
_REPEAT = compiled.kept(r"\b(?:re-?biops\w*|re-?bx|repeat|further|another)\b", re.IGNORECASE)
_FINDINGS = frozenset({"alk_mutation", "bypass_alteration", "transformation", "histology", "alk_status"})
# (safe13) a score told with the condition it would hold on ("ECOG 3 if she gets worse", "PS 2 should she deteriorate":
# it read the score)
_CONDITIONED_SCORE = compiled.kept(r"[ \t]+(?:if|should|in case|in the event)\b", re.IGNORECASE)


class Doubt(Lists):
    def _uncertain(self, text: str, spans: list[Span], i: int) -> bool:
        """A hedge or a plan around a finding stated present ("to rule out SCLC", "tissue biopsy planned"); a
        statement of absence stays one ("no rebiopsy planned"). A TKI stated as taken ("on alectinib pending NGS")
        is not made uncertain by what follows it: the words after it are about something else."""
        if text[spans[i].start - 1 : spans[i].start] == "?":  # "?SCLC transformation": queried, ward shorthand
            return True
        if _QUERIED_ANSWER.match(text, spans[i].end):  # (safe15) "Brain mets ?yes": the answer queried
            return True
        if spans[i].entity == "tki" and (self._blinded(text, spans[i]) or self._drug_doubted(text, spans, i)):
            return True  # (safe12) "on lorlatinib trial (blinded: lorlatinib vs placebo)", "alectinib (or was it ...?)"
        text, spans, i = self._unqualified(text, spans, i)  # "to rule out a lorlatinib-resistant compound mutation"
        span = spans[i]
        if span.entity == "biopsy_type" and self.specimen_taken.match(text[span.end : span.end + 40]):
            return False  # "NGS pending on the node core taken yesterday": the specimen was taken
        if span.entity == "biopsy_type" and self._biopsy_to_come(text, spans, i):
            return True  # "admitted for liver biopsy", "rebiopsy next week": the biopsy is to come
        if span.entity in self.score_entities and _QUERIED_SCORE.match(text, span.end):
            return True  # (safe13) "ECOG 2? or 3", "PS 1? 2?": the score queried, whatever follows it
        if span.entity in ("alk_mutation", "bypass_alteration") and _DISCORDANT.match(text, span.end):
            return True  # (safe13) "MET amplification by NGS (CN 4), FISH negative": another test did not confirm it
        if span.entity in self.score_entities and _CONDITIONED_SCORE.match(text, span.end):
            return True  # (safe13) "ECOG 3 if she gets worse": a score supposed on a condition
        if span.entity in self.score_entities and self.score_denied.search(text[max(0, span.start - 20) : span.start]):
            return True  # "not ECOG 3": what the score is not; a correction may say what it is ("- more like 1")
        # (lead) "Target ECOG 1 after rehab", "hoping for PS 1": a score aimed at, not the patient's now
        if span.entity in self.score_entities and self.score_goal.search(text, max(0, span.start - 60), span.start):
            return True
        if span.entity in self.score_entities and self.assessment_heading.search(
            text, max(0, span.start - 60), span.start
        ):
            return False  # (s14) "Impression/plan: ECOG 2 (up and about)": the assessment's score, nothing planned
        if span.entity != "tki" and self.consequence_after.match(text[span.end : span.end + 20]):
            return True  # "ECOG 3 would mean BSC": the premise of a consequence
        if span.entity != "tki" and self._weighed(text, span.start):
            return True  # (lead) "Differential: MET amp, SCLC": each finding of the list is weighed, not found
        at_risk_on = span.entity == "tki" and self.at_risk_on.search(text, max(0, span.start - 80), span.start)
        return (
            # (trust7) not a TKI taken that the patient is said at risk on ("at risk of hyperlipidaemia on lorlatinib")
            (
                self._scoped(self.uncertain_before, text, spans, i) is not None
                and not at_risk_on
                and not self.sought_found.match(text, span.end)  # (lead7) "We looked for G1202R and found it"
            )
            or (not self._taken(text, span) and self._doubted_after(text, span))
            or (not self._taken(text, span) and bool(self.unknown_after.match(text[span.end : span.end + 80])))
            or (span.entity in self.untested_entities and bool(self.untested_after.match(text, span.end)))
            or (span.entity in self.untested_entities and self._told_by_patient(text, span))
            # (safe14) "she thinks the headaches are due to brain mets": a belief of a cause, not a finding
            or (span.entity != "tki" and self._scoped(self.cause_believed, text, spans, i) is not None)
            or self._doubted_alternative(text, spans, i)
        )

    def _doubted_after(self, text: str, span: Span) -> bool:
        """A doubt or a test still to come right after the finding at ``span`` ("G1202R PCR pending", "brain mets
        suspected"); (lead) past a line's end only one standing alone on its line, an answer to the finding ("Brain
        metastases\nsuspected", "Diabetes:\nunknown"): a line opened by a test or a specimen ("ECOG 1\nplasma sent",
        "alectinib\n\nNGS pending") or going on past the cue to words of its own ("ECOG 1\nsuspected LMD") is that
        line's item (it read the score or the TKI doubted). A test's result (`untested_entities`, a histology or a
        transformation: "G1202R\nPCR pending", "SCLC transformation\nIHC pending") stays doubted by the test on the
        next line: it may be that test's."""
        m = self.uncertain_after.match(text[span.end : span.end + 60])
        if m is None:
            return False
        if span.entity in self.untested_entities or span.entity in _READ_ON_TESTS:
            return True
        cue = m.group()
        if "\n" not in cue.lstrip(" \t:=*`-").rstrip() and "\n" not in cue[: len(cue) - len(cue.lstrip())]:
            return True
        line_start = span.end + cue.rindex("\n") + 1
        line_end = text.find("\n", span.end + m.end())
        rest = text[span.end + m.end() : len(text) if line_end < 0 else line_end]
        return not re.search(r"\w", rest) and not self.line_item_start.match(text, line_start)

    def _told_by_patient(self, text: str, span: Span) -> bool:
        """(safe14) The test's result at ``span`` is told by the patient or a relative, right after it or right before
        it ("G1202R (per patient)", "according to her husband, MET amp", "pt says her tumour has G1202R"): hearsay of
        a result, not one; a report is ("G1202R (per outside report)")."""
        return bool(
            self.result_told_after.match(text, span.end)
            or self.result_told_before.search(text[max(0, span.start - 80) : span.start])
        )

    def _blinded(self, text: str, span: Span) -> bool:
        """(safe12) The TKI at ``span`` is told in a statement of a trial whose arm is not known ("Patient on lorlatinib
        trial (blinded: lorlatinib vs placebo)", "double-blind study, brigatinib or placebo"): not known to be
        received; unless the statement says the arm known ("unblinded", "open-label", "lorlatinib plus placebo")."""
        # (lead) a statement reached no further than 200 characters each way: found from the text's start for every TKI,
        # its start made the work TKIs x statements (tests/nlu/test_context_details.py linear work)
        start, end = _statement_bounds(text, span.start, span.end, semicolons=True, reach=(200, 200))
        return bool(self.blinded.search(text, start, end)) and not self.blinded_known.search(text, start, end)

    def _drug_doubted(self, text: str, spans: list[Span], i: int) -> bool:
        """(safe12) The TKI i is one of two the writer doubts between: a word of doubt joins them ("alectinib (or was
        it brigatinib?)", "alectinib or maybe brigatinib", "alectinib? or brigatinib"), or they are joined by "or" and
        a question mark or a word of not knowing follows the second ("alectinib or brigatinib, can't recall which")."""
        for a, b in ((i - 1, i), (i, i + 1)):
            if a < 0 or b >= len(spans) or spans[a].entity != "tki" or spans[b].entity != "tki":
                continue
            between = text[spans[a].end : spans[b].start]
            if len(between) > 30 or spans[a].value == spans[b].value:
                continue
            if self.drug_doubt_between.fullmatch(between) or (
                self.drug_doubt_or.fullmatch(between) and self.drug_doubt_after.match(text, spans[b].end)
            ):
                return True
            if self.drug_source_between.fullmatch(between) and self.drug_source_after.match(text, spans[b].end):
                return True  # "alectinib (per pt) / brigatinib (per records)": two sources, two drugs
        return False

    def _key_answered_by_other(self, text: str, spans: list[Span], i: int) -> bool:
        """(safe12) The TKI i names a form's key ("Prior lorlatinib:", "Previous alectinib -") whose value is another
        TKI ("brigatinib only", "only crizotinib", "no, brigatinib"): the key's drug is not the one received."""
        span = spans[i]
        answer = self.tki_key_answer.match(text, span.end)
        if not answer or answer.end() == span.end:
            return False
        if not self.tki_key_before.search(text, max(0, span.start - 40), span.start) and not (
            # the key's word after the drug ("Alectinib exposure: crizotinib only")
            self.tki_key_start.search(text, max(0, span.start - 10), span.start)
            and self.tki_key_suffix.match(text, span.end)
        ):
            return False
        later = [s for s in spans[i + 1 :] if s.start >= answer.end()]
        return (
            bool(later) and later[0].entity == "tki" and later[0].start == answer.end() and later[0].value != span.value
        )

    def _biopsy_to_come(self, text: str, spans: list[Span], i: int) -> bool:
        """Biopsy i is still to come: what it is for is to come or planned right before it ("admitted for liver
        biopsy", "plan CT-guided lung biopsy", "need a rebiopsy"), or it is advised or its time is ahead right after
        it ("rebiopsy recommended", "EBUS next week"), or it names, in a bracket, a biopsy to come right before it
        ("Biopsy planned next week (EBUS of station 7)"); never one whose result follows it ("Plan: re-biopsy showed
        G1202R, start lorlatinib")."""
        span = spans[i]
        if self.result_after.match(text, span.end) or self.result_in.search(text, span.start, span.end):
            return False
        if self._bare_repeat_biopsy(text, spans, i):
            return True
        line = text.rfind("\n", 0, span.start) + 1  # what is to come is said on the biopsy's line
        if self.biopsy_to_come.search(text[max(line, span.start - 100) : span.start]):
            return True
        if self.biopsy_to_come_after.match(text[span.end : span.end + 100]):
            return True
        if self.biopsy_planned_bracket.search(text[max(0, span.start - 80) : span.start]):
            return True
        if self._biopsy_purpose(text, span, line):
            return True
        if i and spans[i - 1].entity == "biopsy_type":
            # (safe20) a specimen named in the purpose of the biopsy before it ("Biopsy of the adrenal lesion for
            # tissue NGS"): to come as that biopsy is
            purpose = self.biopsy_purpose_after.match(text[spans[i - 1].end : spans[i - 1].end + 120])
            if purpose and spans[i - 1].end + purpose.end() >= span.end and self._uncertain(text, spans, i - 1):
                return True
            between = text[spans[i - 1].end : span.start]
            return bool(self.specimen_named_after.match(between)) and self._uncertain(text, spans, i - 1)
        return False

    def _bare_repeat_biopsy(self, text: str, spans: list[Span], i: int) -> bool:
        """(lead14) Biopsy i is a repeat biopsy told bare, the only words of its statement ("Repeat biopsy.",
        "Rebiopsy.", "Progression on alectinib. Repeat liver biopsy."), with no finding told after it: a plan as much
        as a deed, so no biopsy done ("Liver biopsy awaiting." is none either). Not one with its result or date after it
        ("Repeat biopsy: G1202R", "Repeat biopsy 11/2025."), a verb before it ("Had a repeat biopsy."), or a finding
        told later ("Rebiopsy. Shows G1202R.")."""
        span = spans[i]
        before = text[_statement_start(text, span.start, semicolons=True) : span.start]
        if not _BIOPSY_NOUN.fullmatch(text, span.start, span.end):
            return False
        if not self.bare_before.search(before) or not _BARE_AFTER.match(text, span.end):
            return False
        if not _REPEAT.search(before + text[span.start : span.end]):
            return False
        return not any(s.entity in _FINDINGS for s in spans[i + 1 :])

    def _biopsy_purpose(self, text: str, span: Span, line: int) -> bool:
        """(safe20) Biopsy ``span`` is told by its purpose right after it ("repeat biopsy to exclude small cell
        transformation", "rebiopsy of the liver lesion to look for resistance mutations", "liver biopsy for NGS"): still
        to come, unless its statement says it done past the purpose (a result, its taking, a date, its report awaited:
        "Rebiopsy to look for resistance showed G1202R", "Rebiopsy for NGS: G1202R", "... for NGS, result pending") or a
        verb right before it in its clause says it taken ("She underwent a repeat biopsy to exclude SCLC")."""
        at = span.end
        purpose = self.biopsy_purpose_after.match(text[at : at + 120])
        if purpose is None:
            # (safe22) the biopsy's words took the purpose's first word with its site ("Rebiopsy of the liver to look
            # for G1202R", "Biopsy of the adrenal to exclude SCLC": it read a tissue biopsy taken)
            at = text.rfind(" ", span.start, span.end) + 1
            purpose = self.biopsy_purpose_after.match(text[at : at + 120]) if at > span.start + 1 else None
            if purpose is None:
                return False
        start = at + purpose.end()
        rest = text[start : _clause_end(text, start, semicolons=True)]
        if self.biopsy_purpose_done.search(rest) or _RESULT_MARK.search(rest):
            return False
        if self.biopsy_purpose_done.search(text[span.start : start]):
            return False  # "Liver biopsy (11/2025) for NGS", "Pleural fluid sent for NGS": its date, its taking
        clause = max([line, *(m.end() for m in _CLAUSE_START.finditer(text, max(line, span.start - 80), span.start))])
        return not self.biopsy_done_before.search(text[clause : span.start])

    def _doubted_alternative(self, text: str, spans: list[Span], i: int) -> bool:
        """Finding i is one of alternatives of one group ("G1202R or L1196M", "either G1202R or I1171N", "G1202R vs
        L1196M") that a result still to come or a doubt follows ("..., awaiting report", "... - report pending"):
        neither is stated. A denial before them denies both ("no G1202R or L1196M": a stated role, read first), and
        findings joined by "and" are both stated."""
        first = last = i
        while first and self._alternatives(text, spans[first - 1], spans[first]):
            first -= 1
        while last + 1 < len(spans) and self._alternatives(text, spans[last], spans[last + 1]):
            last += 1
        end = spans[last].end
        if spans[i].entity in self.alternatives_unknown and self._unknown_alternative(text, spans, i, first, last):
            return True
        return first < last and bool(self.alternatives_doubted.match(text[end : end + 60]))

    def _unknown_alternative(self, text: str, spans: list[Span], i: int, first: int, last: int) -> bool:
        """Finding i (of hypothetical `alternatives_unknown`) is one of alternatives with no denial before them: joined
        by "or" to another finding of its group (first..last: "G1202R or L1196M"), in a list closed by "or" ("G1202R,
        L1196M or I1171N detected"), or to another gene ("MET amp or EGFR", "EGFR or MET amplification")."""
        if first < last:
            return True
        run = self._list_run(text, spans, i)
        back = i
        while (
            back
            and self._group(spans[back - 1]) == self._group(spans[i])
            and self.lists.join.match(text[spans[back - 1].end : spans[back].start])
        ):
            back -= 1
        items = [*spans[back : i + 1], *run]
        if len(items) > 1 and self.lists.alternative.search(text[items[-2].end : items[-1].start]):
            return True
        end = items[-1].end
        return bool(
            self.or_gene_after.match(text[end : end + 40])
            or self.gene_or_before.search(text[max(0, items[0].start - 40) : items[0].start])
        )

    def _alternatives(self, text: str, a: Span, b: Span) -> bool:
        return self._group(a) == self._group(b) and bool(self.alternative_join.match(text[a.end : b.start]))

    def _unqualified(self, text: str, spans: list[Span], i: int) -> tuple[str, list[Span], int]:
        """``text`` with each drug qualifier blanked (negation `qualifier`: "lorlatinib-resistant", "TKI-refractory",
        "(Alecensa-sensitive)", a TKI's "lorlatinib resistant"), but one that finding i is in, and ``spans`` without
        the findings inside them, with finding i's index among those left: a cue, a list and what follows a finding
        read "no lorlatinib-resistant compound mutation" as "no compound mutation", "no alectinib-resistant G1202R
        or L1196M" as "no G1202R or L1196M". Worked out once per reading (once per finding made the work findings x
        findings), again only for a finding inside a qualifier."""
        last, last_spans, places, plain, kept, where = self._qualifiers
        if text != last or spans is not last_spans:
            places = [m.span() for m in self.qualifier.finditer(text)] + [
                (s.start, m.end())
                for s in spans
                if s.entity == "tki" and (m := self.qualifier_after.match(text, s.end))
            ]
            plain, kept = self._blanked(text, spans, places)
            where = {id(s): k for k, s in enumerate(kept)}
            self._qualifiers = (text, spans, places, plain, kept, where)
        if not places:
            return text, spans, i
        span = spans[i]
        if id(span) in where and not any(a < span.end and span.start < b for a, b in places):
            return plain, kept, where[id(span)]
        own_plain, own_kept = self._blanked(
            text, spans, [(a, b) for a, b in places if not (a < span.end and span.start < b)], span
        )
        return own_plain, own_kept, next(k for k, s in enumerate(own_kept) if s is span)

    @staticmethod
    def _blanked(
        text: str, spans: list[Span], places: list[tuple[int, int]], keep: Span | None = None
    ) -> tuple[str, list[Span]]:
        """``text`` with ``places`` blanked, and ``spans`` without those inside them (but ``keep``)."""
        chars = list(text)
        for a, b in places:
            chars[a:b] = " " * (b - a)
        inside = sorted(set(places))
        kept = [s for s in spans if s is keep or not _inside(inside, s)]
        return "".join(chars), kept

    def _weighed(self, text: str, at: int) -> bool:
        """(lead) A differential's heading or verb (hypothetical `differential`: "Differential:", "DDx includes") stands
        before ``at`` in its sentence, looked for up to 300 characters back: a full stop, a semicolon or a line's end
        closes its list."""
        start = _statement_start(text, at, max(0, at - 300), semicolons=True)
        return bool(self.differential.search(text, start, at))
