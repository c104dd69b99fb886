"""Each finding's role in its sentence (Context.entities), from the parts in the other modules."""

from __future__ import annotations

import dataclasses
import itertools
import re

from bot.nlu import compiled
from bot.nlu.context.doubt import Doubt
from bot.nlu.context.intolerance import Intolerance
from bot.nlu.context.order import _chronological
from bot.nlu.context.patterns import _CLAUSE_STOP, _DROPPED, _OURS, _past_spaces, _sentence_at
from bot.nlu.context.people import People
from bot.nlu.context.questions import Questions
from bot.nlu.context.timing import _RESULT_KINDS as _SERIAL_KINDS
from bot.nlu.context.timing import DiagnosisAnswers, Timing, _at_diagnosis_histology
from bot.nlu.entity import CANDIDATE, HYPOTHETICAL, NEGATED, Entity
from bot.nlu.reader import Span
from bot.nlu.statements import _statement_bounds
from bot.nlu.vocabulary import define

# a short aside between a complaint and its cause ("seizure last month, thought to be due to ...")
_ONE_COMMA = compiled.kept(r"[^,;.\n]{0,30},\s*")
_BREAK = compiled.kept(r"[.;!?\n(]")  # where a retraction's words may start (Context._retracted)
_SENTENCE_END = compiled.kept(r"[.!?\n](?:\s|$)")
_SPACES = compiled.kept(r"[ \t]*")
# a word that names the call again ("classified as a variant of uncertain significance"): no other finding
_ANAPHOR = compiled.kept(r"(?:variant|mutation|alteration|call|change)s?", re.IGNORECASE)
_CLAUSE_END = compiled.kept(r"[.!?](?:\s|$)|[;\n]")  # where a disowned call's clause ends (Context._disowned)
# between an offered therapy and its refusal ("offered chemo, she declined", "discussed chemo; patient declined")
_REFUSAL_LEAD = compiled.kept(r"\s*(?:[,;]|[-–—]+)?\s*(?:(?:but|and|however),?\s+)?")
# the therapies other than the ALK inhibitors whose history is read ("prior pembrolizumab"): named as an option after
# them, as an ALK inhibitor is (candidate `after`), they are no therapy received
_OTHER_THERAPIES = frozenset({"prior_chemotherapy", "prior_immunotherapy"})
# (lead14) a ctDNA or cfDNA test whose statement names the cerebrospinal fluid before it, as its source or its heading
# ("CSF from lumbar drain: ALK fusion on ctDNA", "Lumbar puncture - cfDNA: G1202R"): no plasma (the phrase file's
# NOTCSF reads only the CSF named right beside it), unless blood is named between them ("CSF cytology negative; plasma
# ctDNA: G1202R")
_CSF_NAMED = compiled.kept(
    rf"(?<![\w-])(?:{define('CSFSOURCE')})(?![\w-])(?![^.;\n]*?(?<![\w-])(?:{define('BLOODSOURCE')})(?![\w-]))",
    re.IGNORECASE,
)
_CSF_FUSIONS = frozenset({"fusion_present", "fusion_lost", "fusion_present_plasma", "fusion_lost_plasma"})
_CELL_FREE = compiled.kept(define("CELLFREEDNA"), re.IGNORECASE)


class Context(Questions, People, Doubt, Timing, Intolerance):
    def entities(self, text: str, spans: list[Span], regions: list[tuple[int, int]] | None = None) -> list[Entity]:
        """The roles of the findings ``spans`` of ``text``, given the parts of it that ask or suppose (``regions``,
        hypothetical_regions(text) when not given)."""
        regions = self.hypothetical_regions(text) if regions is None else regions
        general = self._general(text) if spans else []
        plans = self._plan_sections(text)
        others = self._criteria(text)
        others += self._other_people(text)
        advised = self._advised(text, spans)
        others += self._teaching(text)
        failed = self._failed_statements(text)
        wishes = self._relatives_wishes(text) if any(s.entity in self.wish_kinds for s in spans) else []
        primaries = self._other_primaries(text) if any(s.entity in self.other_primary_kinds for s in spans) else []
        answered = self.answered_questions(text) if "?" in text else []  # "Any new brain mets? Yes, ...": stated
        out: list[Entity] = []
        only_doubted: list[Entity] = []
        diagnosis = DiagnosisAnswers(spans)  # this reading's answers of _diagnosis_result, one per statement
        for i, span in enumerate(spans):
            if self._systems_reviewed(text, spans, i, diagnosis):
                continue  # "ROS: Denies headache, visual change, weakness": the template's screen, asked
            if span.decided:  # a key-value line's reading: its value said the role
                supposed = (
                    span.role == HYPOTHETICAL
                    or any(a <= span.start < b for a, b in regions)
                    # (prec10) "Prior chemotherapy: adjuvant, for breast cancer": the key's value is another primary
                    # cancer's clause (its part starts right past the key's mark), that cancer's treatment
                    or (span.entity in self.other_primary_kinds and self._of_other_primary(text, span, primaries))
                )
                role = HYPOTHETICAL if supposed else span.role
                out.append(
                    Entity(span.entity, span.value, span.start, span.end, text[span.start : span.end], role, span.role)
                )
                continue
            if self._csf_cell_free(text, span):
                if span.entity == "biopsy_type":
                    continue  # (lead14) "CSF from lumbar drain: ALK fusion on ctDNA": no plasma
                # ... and the fusion the CSF's, on no specimen of the schema
                span = dataclasses.replace(span, value=f"{span.value.removesuffix('_plasma')}_csf")
            # (safe20) "ECOG 2 was a typo, it is 1": the value meant, in place of the slip
            slip = self._score_slip(text, span, regions)
            if slip is not None:
                out.append(slip)
                continue
            stated = self._stated_role(text, spans, i, diagnosis)
            if (
                stated is None
                and span.entity == "tki"
                and any(a <= span.start < b for a, b in general)
                and not self._general_then_taken(text, spans, i)
            ):
                stated = CANDIDATE  # "brigatinib after alectinib has a modest response rate": named, not received
            if stated is None and span.entity == "tki" and out and self._listed_with(text, out[-1], span, NEGATED):
                stated = NEGATED
            if stated is None and span.entity == "tki":
                # "never received brigatinib, ceritinib, lorlatinib (G1202R)": the list's last, as its middle
                stated = self._ends_denied_tkis(text, out, span)
            if stated is None and span.entity == "tki" and out and self._listed_with(text, out[-1], span, CANDIDATE):
                stated = CANDIDATE  # "request Lorbrena (lorlatinib)", "sensitive to lorlatinib or brigatinib"
            if stated is None and out and self._denied_examples(text, out, spans, i):
                stated = NEGATED  # (trust7) "No strong CYP3A inducers (checked rifampin, carbamazepine)": each denied
            if (
                span.entity == "alk_status"
                and span.value.startswith("fusion_present")
                and self._diagnosis_headed(text, span)
            ):
                span = dataclasses.replace(span, value="positive")  # "Dx 2022: ALK fusion detected": at diagnosis
            elif (
                span.entity == "alk_status"
                and span.value in ("positive", "negative")
                and self._progression_led(text, span)
            ):
                # (ctx7) "This admission, liver core: ALK IHC negative": the fusion's result at this progression
                span = dataclasses.replace(span, value="fusion_present" if span.value == "positive" else "fusion_lost")
            if (
                stated == _DROPPED
                and _at_diagnosis_histology(text, span)  # "Initial EBUS FNA 2021: adenocarcinoma"
                and not self._transformation_doubted(text, span)  # (prec1) this progression's, in doubt: unread
            ):
                span, stated = Span(span.start, span.end, "histology", "adenocarcinoma", span.priority), None
            if stated == _DROPPED or (span.negated_only and stated != NEGATED):
                continue
            if (
                stated == NEGATED
                and span.entity in self.complaint_entities
                and self.imaging_sign.fullmatch(text, span.start, span.end)
            ):
                continue  # "No cord compression." on a spine MRI: the image's word, not one on the symptoms
            if (
                span.entity == "symptomatic"
                and ((span.value == "false" and stated is None) or (span.value == "true" and stated == NEGATED))
                and self._held_by_steroids(text, span)
            ):
                continue  # (prec1) "asymptomatic on dexamethasone 4 mg": held down by steroids, not told free of them
            # doubted by its own words ("G1202R unconfirmed", "ECOG 1 maybe"): supposed, yet correctable
            doubted = (
                stated is None
                and span.value != "none"
                and not any(a <= span.start < b for a, b in answered)
                and self._uncertain(text, spans, i)
                # listed right after the history a request or a plan follows: received ("requesting funding for
                # lorlatinib following failure of alectinib and brigatinib")
                and not (
                    span.entity in self.plan_entities
                    and self._after_history(text, span, max(0, span.start - 160), spans)
                )
            )
            supposed = (
                # (biopsy2) not a phrase that runs on past the question's mark into its answer ("Any resistance
                # testing since progression? No."): the answer states it; a phrase that only runs out of a supposition
                # into the question after it ("After lorlatinib failure, is platinum ...") is still supposed
                any(
                    a <= span.start < b and (span.end <= b or "?" not in text[span.start : span.end])
                    for a, b in regions
                )
                or (stated is None and span.entity == "tki" and self._conditional_plan(text, spans, i))
                # a therapy in a plan, given or withheld ("Outcome: no further IO" says nothing of what was given)
                or (
                    stated in (None, NEGATED)
                    and span.entity in self.plan_entities
                    and self._in_plan(text, span, plans, spans)
                )
                or any(a <= span.start < b for a, b in others)  # a remark about other patients or people
                # a relative's or the family's own wish is not the patient's goal ("Her husband wants more treatment")
                or (span.entity in self.wish_kinds and any(a <= span.start < b for a, b in wishes))
                # another primary cancer's treatment and outcome ("breast cancer 2010, chemotherapy, NED")
                or (span.entity in self.other_primary_kinds and self._of_other_primary(text, span, primaries))
                or (
                    span.entity in self.advice_entities
                    and not span.negated_only  # "nothing that interacts with CYP3A" denies, it does not advise
                    and self._named_in_advice(text, span, advised)
                )
                or (span.entity in self.failed_kinds and self._failed_result(text, span, stated, failed))
                or (span.entity == "region" and self._general_region(text, span, general))
                # (trust3) "ALK FISH negative. Note: diagnostic IHC 2021 was positive": not the diagnosis's result
                or (
                    span.entity == "alk_status"
                    and span.value == "negative"
                    and stated is None
                    and bool(self.diagnosis_test_positive.search(text))
                )
                or (span.entity == "region" and self._opinion_region(text, span))  # where a second opinion is given
                # (safe20) where a laboratory tested or a colleague advised ("NGS sent to Foundation Medicine (USA)")
                or (span.entity == "region" and self._elsewhere_region(text, span))
                # a finding named in a statement about drugs or mutations in general ("G1202R is the commonest
                # resistance mutation after second-generation TKIs", "lorlatinib commonly causes hypercholesterolaemia",
                # "In patients with G1202R, lorlatinib is preferred"); not in a clause that names this patient ("She
                # has G1202R and lorlatinib is the preferred option")
                or (
                    stated is None
                    and span.entity != "region"
                    and any(a <= span.start < b and not self.this_patient.search(text, a, b) for a, b in general)
                    and not _OURS.search(text, max(0, span.start - 30), span.start)  # "against this compound mutation"
                    # (safe15) "alectinib improved PFS, and she has been taking it": the clause after the comma tells
                    # it taken
                    and not (span.entity == "tki" and self._general_then_taken(text, spans, i))
                )
            )
            # (an option among other therapies asked about stays supposed: "what about chemo-immunotherapy?" is a
            # what-if's case, as before)
            option = stated == CANDIDATE and not (supposed and span.entity in _OTHER_THERAPIES)
            role = stated if option or not (supposed or doubted) else HYPOTHETICAL
            out.append(Entity(span.entity, span.value, span.start, span.end, text[span.start : span.end], role, stated))
            if doubted and not supposed:
                only_doubted.append(out[-1])
        out = self.corrections.apply(text, out, only_doubted, regions)
        out = self._timed_results(text, out)
        out = self._denied_at_diagnosis(text, out)
        out = self._latest_told(text, out)
        out = self._copied_forward(text, out)
        out = self._past_responses(text, out)
        out += self._intolerance(text, out, regions)
        out = self.without_ruled_out(text, out)
        out = self._bare_alk_negative(out)
        out = self._order_unknown(text, out)
        return _chronological(text, out, self.order)

    @staticmethod
    def _csf_cell_free(text: str, span: Span) -> bool:
        """(lead14) The plasma at ``span`` (a ctDNA or cfDNA test read as a plasma biopsy), or the ALK fusion's result
        at it (on plasma or naming no specimen), is told in a statement with a ctDNA or cfDNA test that names the
        cerebrospinal fluid before it, no blood named after the CSF ("CSF from lumbar drain: ALK fusion on ctDNA"): the
        CSF's, neither plasma nor a biopsy of tissue."""
        if span.entity == "biopsy_type":
            if span.value != "plasma" or not _CELL_FREE.search(text, span.start, span.end):
                return False
        elif span.entity != "alk_status" or span.value not in _CSF_FUSIONS:
            return False
        start, end = _statement_bounds(text, span.start, span.end, semicolons=True)
        if not _CELL_FREE.search(text, start, end):
            return False
        return any(m.start() < span.start for m in _CSF_NAMED.finditer(text[:end], start))

    def _order_unknown(self, text: str, found: list[Entity]) -> list[Entity]:
        """(lead) Two TKIs or more received in a message that tells their order not known (hypothetical
        `order_unknown`: "alectinib and brigatinib, order unknown"): which was last, the current one, is not stated, so
        none is read and the TKIs are asked."""
        received = [e for e in found if e.entity == "tki" and e.role is None]
        if len({e.value for e in received}) < 2 or not self.order_unknown.search(text):
            return found
        return [dataclasses.replace(e, role=HYPOTHETICAL) if e in received else e for e in found]

    def _bare_alk_negative(self, found: list[Entity]) -> list[Entity]:
        """(trust5) Beside an ALK resistance mutation found, an ALK result told negative in words that name neither
        the fusion nor its test ("ALK negative, G1202R detected") contradicts the mutation: neither the diagnosis's
        result nor the fusion's at progression (fields._statements reads "EML4-ALK fusion not detected" so), it is
        left unread and asked (hypothetical `fusion_said`)."""
        if not any(e.entity == "alk_mutation" and e.role is None and e.value != "none" for e in found):
            return found
        return [
            dataclasses.replace(e, role=HYPOTHETICAL)
            if e.entity == "alk_status"
            and (e.value, e.role) in (("negative", None), ("positive", NEGATED))
            and not self.fusion_said.search(e.text)
            else e
            for e in found
        ]

    def _qualifies_mutation(self, text: str, spans: list[Span], i: int) -> bool:
        """The TKI at ``spans[i]`` is the drug of a mutation's qualifier (negation `qualifier`, candidate
        `qualified_findings`): before the mutation ("lorlatinib-resistant compound mutation", "alectinib-resistant
        G1202R/L1196M") or in brackets after it ("G1202R (lorlatinib-resistant)"); not one of anything else
        ("alectinib-refractory disease")."""
        span = spans[i]
        m = self.qualifier_after.match(text, span.end)
        if m is None:
            return False
        gap = self.qualified_gap.match(text, m.end())  # words that may stand before the mutation ("compound")
        head = gap.end() if gap else m.end()
        if self.qualified_words.match(text, head):
            return True
        nxt = next((s for s in spans[i + 1 :] if s.start >= m.end()), None)
        if nxt is not None and nxt.entity in self.qualified_findings and nxt.start <= head:
            return True
        prev = spans[i - 1] if i else None
        return (
            prev is not None
            and prev.entity in self.qualified_findings
            and re.fullmatch(r"\s*\(\s*", text[prev.end : span.start]) is not None
            and text[m.end() :].lstrip().startswith(")")
        )

    def _led_to(self, text: str, spans: list[Span], i: int) -> bool:
        """The TKI at ``spans[i]`` is one a finding right before it leads to (candidate `led_to`: "G1202R ->
        lorlatinib", "L1196M, so lorlatinib"), and not told as given after it (`led_to_given`: "... -> PD")."""
        prev = spans[i - 1] if i else None
        return (
            prev is not None
            and prev.entity in self.qualified_findings
            and self.led_to.fullmatch(text, prev.end, spans[i].start) is not None
            and not self.led_to_given.match(text, spans[i].end)
        )

    def _score_slip(self, text: str, span: Span, regions: list[tuple[int, int]]) -> Entity | None:
        """(safe20) The ECOG score at ``span`` called a slip right after it, with the value meant after that ("ECOG 2
        was a typo, it is 1", "PS 3 - typo, should be 2", "ECOG 3 was a typo for 2"): the value meant, read in the
        slip's place; None when none is told ("ECOG 2 was a typo": taken back by `withdrawn`), when the slip is denied
        ("ECOG 2 is not a typo") or inside a question or a what-if."""
        if span.entity != "ecog" or any(a <= span.start < b for a, b in regions):
            return None
        m = self.score_slip.match(text, span.end)
        if m is None:
            return None
        v = "v" if m.group("v") is not None else "w"
        return Entity("ecog", m.group(v), m.start(v), m.end(v), m.group(v), None, None)

    def _retracted(self, text: str, spans: list[Span], i: int) -> bool:
        """The writer takes the finding at ``spans[i]`` back (the phrase file's `retraction`): their own earlier words
        with a time or an error ("Earlier I said no brain mets", "(I wrote L1169M before)"), a part struck out ("Scrap
        the leptomeningeal part"), a call withdrawn ("G1202del call retracted"), or a misspelling after "not" once a
        correction cue opens the sentence ("typo: lorlatinib not lorlatanib": the same value, not denied; another
        value after "not" stays denied, "sorry, Alunbrig not Alecensa"). Not "As I said, G1202R"."""
        span = spans[i]
        reach = max(0, span.start - 60)
        start = max((m.end() for m in _BREAK.finditer(text, reach, span.start)), default=reach)
        before = text[start : span.start]
        said = self.said_before.search(before)
        if said and (
            self.said_when_before.search(said.group()) or self.said_when_after.match(text[span.end : span.end + 20])
        ):
            return True
        if self.scrapped.search(before) and self.scrapped_end.match(text[span.end : span.end + 25]):
            return True
        if self.withdrawn.match(text[span.end : span.end + 40]) or self.withdrawn_row.match(text, span.end):
            return True
        if self.withdrawn_next.match(text, span.end):
            return True  # (lead14) "G1202R detected. Entry made in error.": the next statement takes it back
        if self.withdrawn_heading.search(text, max(0, span.start - 80), span.start):
            return True  # (lead) "Report withdrawn (sample mislabelled): G1202R"
        if span.entity in self.disowned_entities and self._disowned(text, spans, i):
            return True
        if span.entity in self.read_lesions and span.value != "false" and self._lesion_doubted(text, spans, i):
            return True
        if (
            span.entity != "tki"
            and span.entity not in _OTHER_THERAPIES
            and (
                self.superseded_before.search(before)
                or self.superseded_quote.search(text, max(0, span.start - 150), span.start)
            )
        ):
            return True  # "(previously reported as G1269S)", "revised from 'small cell carcinoma' to ...": superseded
        prev = spans[i - 1] if i else None
        return (
            prev is not None
            and (prev.entity, prev.value) == (span.entity, span.value)
            and re.fullmatch(r"\s*[,(]?\s*not\s+", text[prev.end : span.start]) is not None
            and self.not_cue.search(text, start, prev.start) is not None
        )

    def _clause_rest(self, text: str, spans: list[Span], i: int) -> tuple[int, re.Match[str] | None]:
        """Where the words after ``spans[i]`` stop being about it: the next finding (not a specimen, nor a TKI, nor a
        word naming the call again) and the end of its clause."""
        span = spans[i]
        nxt = next(  # the spans are in order: the first such is the nearest (linear work over a text's findings)
            (
                s.start
                for s in (spans[j] for j in range(i + 1, len(spans)))
                if s.start >= span.end
                and s.entity not in ("biopsy_type", "tki")  # where it was found, what the patient was on
                and not _ANAPHOR.fullmatch(text, s.start, s.end)
            ),
            len(text),
        )
        return nxt, _CLAUSE_END.search(text, span.end)

    def _lesion_doubted(self, text: str, spans: list[Span], i: int) -> bool:
        """The lesion at ``spans[i]`` is called indeterminate or put down to treatment in the rest of its clause (the
        phrase file's `retraction` `lesion_doubt`: "new 4 mm focus, indeterminate", "growing lesion, favoured to be
        treatment effect"), or the clause after a semicolon, closing its sentence, is only that doubt ("slight
        enlargement of the nodes (9 to 11 mm); uncertain significance")."""
        nxt, end = self._clause_rest(text, spans, i)
        if self.lesion_doubt.search(text, spans[i].end, min(end.start() if end else len(text), nxt)) is not None:
            return True
        if end is None or nxt <= end.start() or text[end.start()] != ";":
            return False
        after = _CLAUSE_END.search(text, end.end())
        closing = after is None or text[after.start()] in ".!?\n"
        rest = text[end.end() : min(after.start() if after else len(text), nxt)]
        return closing and self.lesion_doubt_alone.fullmatch(rest) is not None

    def _disowned(self, text: str, spans: list[Span], i: int) -> bool:
        """The report does not stand behind the molecular call at ``spans[i]`` (the phrase file's `retraction`
        `disowned`): said in the rest of its clause, before another finding ("G1202R 0.15%, below the reportable
        range", "KRAS G12V 0.3%, possible CHIP", "G1202R ... revised to 'indeterminate'"), or in the next clause or
        sentence of something standing for it, with no other finding between ("The lab would not stand behind it",
        "the lab has withdrawn it")."""
        span = spans[i]
        if self.disowned_right_after.match(text[span.end : span.end + 40]):
            return True
        nxt, end = self._clause_rest(text, spans, i)
        if self._doubt_of_it(text[span.end : min(end.start() if end else len(text), nxt)]):
            return True
        for _ in range(2):  # the next two clauses, before another finding
            if end is None or nxt <= end.start():
                return False
            start = end.end()
            end = _CLAUSE_END.search(text, start)
            part = text[start : min(end.start() if end else len(text), nxt)]
            if self.disowned_ref.search(part) is not None and self._doubt_of_it(part):
                return True
        return False

    def _named_after(self, text: str, span: Span, after: str) -> bool:
        """A therapy named as an option right after it (candidate `after`), or as the drug of a caution, a check or a
        risk (candidate `caution_after`: "brigatinib: caution in ILD", "lorlatinib - watch lipids") unless stated as
        taken ("on lorlatinib - watch lipids")."""
        return (
            bool(self.cand_after.match(after))
            or (bool(self.caution_after.match(after)) and not self._taken(text, span))
            or (bool(self.risk_note_after.match(after)) and self._opens_statement(text, span))
        )

    def _answers_naive(self, text: str, at: int) -> bool:
        """(trust7) The denial at ``at`` is a bare "no" and a mark (hypothetical `naive_answered_no`: "No -", "No,")
        answering, right after its mark, a question of whether the patient is new to treatment (hypothetical
        `naive_asked`: "Treatment-naive? No - had alectinib 2 years", "As first-line? No, second TKI after
        crizotinib"; the mark may be the colon a bare question was read as)."""
        if not self.naive_answered_no.match(text, at):
            return False
        # the question's pattern ends at the "no" and holds no full stop or "!": of the ends of a statement, only a
        # line break can fall inside it. Not its statement (_statement_start): the question's own "?" ends one. A "no"
        # opening its line answers the line above ("Treatment-naive?\nNo - had alectinib", a form's question and answer)
        line = text.rfind("\n", 0, at) + 1
        if line and not text[line:at].strip():
            line = text.rfind("\n", 0, line - 1) + 1
        return bool(self.naive_asked.search(text, line, at))

    def _opens_statement(self, text: str, span: Span) -> bool:
        """(trust7) The TKI at ``span`` opens its statement (_statement_bounds with its semicolons: after a line break,
        a sentence's end, "?" and "!" too, or a semicolon): nothing but a bullet or an item's number before it there
        (candidate `risk_note_lead`: "brigatinib, known ILD risk", "Which TKI next? brigatinib, known ILD risk"; not
        "Prior TKIs: brigatinib, known ILD risk" nor "on brigatinib, known ILD risk"), and nothing in the rest of its
        statement tells it given (`risk_note_given`: "Lorlatinib (lipid risk) 2022-2024")."""
        start, end = _statement_bounds(text, span.start, span.end, semicolons=True)
        return bool(self.risk_note_lead.match(text, start, span.start)) and not self.risk_note_given.search(
            text, span.end, end
        )

    def _general_then_taken(self, text: str, spans: list[Span], i: int) -> bool:
        """(safe14) The TKI i, named in a general statement, is then told taken by the patient in its sentence, the
        only TKI named there before ("alectinib improved PFS and she has been on it for 3 years"), besides one it is
        compared with (safe15, general_comparator: "alectinib has superior PFS to crizotinib, and she has been taking
        it" tells alectinib taken, the statement's subject, and crizotinib is not; not "alectinib, crizotinib: she has
        been taking it")."""
        start, end = _sentence_at(self._sentences(text), spans[i].start)
        told = self.general_then_taken.search(text, spans[i].end, end)
        return told is not None and not any(
            s.entity == "tki"
            and s.value != spans[i].value
            and start <= s.start < told.start()
            and not (s.start > spans[i].start and self.general_comparator.search(text, spans[i].end, s.start))
            for s in spans
        )

    def _past_use(self, text: str, span: Span, before: str) -> bool:
        """(safe14) The drug at ``span`` (a CYP3A inducer or inhibitor) is told of a past time in its statement ("had
        rifampicin for TB in 2015", "In 2012 she took carbamazepine", "phenytoin as a child") or told not tolerated
        ("carbamazepine intolerance in 2010", "intolerant of phenytoin"), and nothing in the statement says it goes
        on (`still_taken`: "on rifampicin for TB since March", "started in 2025, ongoing"): not told taken now."""
        start, end = _statement_bounds(text, span.start, span.end, semicolons=True, reach=(120, 120))
        if self.still_taken.search(text, start, end):
            return False
        return bool(
            self.past_time.search(text, start, end)
            or self.intolerance_after.match(text, span.end)
            or self.intolerance_before.search(before)
        )

    def _doubt_of_it(self, part: str) -> bool:
        """A `disowned` doubt in ``part`` with no other gene named before it (then the doubt is that gene's)."""
        m = self.disowned.search(part)
        return m is not None and self.another_gene.search(part, 0, m.start()) is None

    def _stated_role(
        self, text: str, spans: list[Span], i: int, diagnosis: DiagnosisAnswers | None = None
    ) -> str | None:
        """The role the words around ``spans[i]`` state for it; ``diagnosis``: the reading's answers of
        _diagnosis_result so far (DiagnosisAnswers of ``spans``; a fresh one when not given)."""
        span = spans[i]
        if self._retracted(text, spans, i):
            return _DROPPED  # "(I wrote L1169M before)": taken back, the value told in its place stands alone
        if span.entity in _OTHER_THERAPIES and self._first_cycle_to_come(text, span):
            return CANDIDATE  # "carbo/pem, cycle 1 next week": a plan, neither received nor given now
        if span.entity in self.not_negatable:
            return None
        if span.role == NEGATED:  # "MET CN 2.1 (not amplified)": the phrase says it
            return NEGATED
        if span.entity == "tki" and self._qualifies_mutation(text, spans, i):
            return CANDIDATE  # "lorlatinib-resistant compound mutation": what the mutation does to the drug
        if span.entity in _OTHER_THERAPIES and span.value == "true" and self._refused(text, spans, i):
            # an offer refused is a denial, as "declined chemotherapy" is: "Chemotherapy offered, declined", "offered
            # chemo - pt declined", "carboplatin pemetrexed offered but declined"
            return NEGATED
        if span.refused_only:
            return _DROPPED  # "carboplatin-etoposide, no pemetrexed": the agent denied, not chemotherapy
        typed = text
        if span.entity != "tki":
            text, spans, i = self._unqualified(text, spans, i)
        before, after = text[max(0, span.start - 40) : span.start], text[span.end : span.end + 40]
        if span.entity in _OTHER_THERAPIES:
            after = self._said_after(text, span, 40)  # "Pembrolizumab monotherapy offered": an offer
        if span.entity == "tki":
            denied = self.tki_neg_before.search(before)
            if denied and self._answers_naive(text, span.start - len(before) + denied.start()):
                denied = None  # (trust7) "Treatment-naive? No - had alectinib 2 years": the question's no, not hers
            if denied and self.dose_gap.match(text, span.end) and not self.not_a_gap.search(denied.group()):
                denied = None  # "has not had her alectinib for 3 days": a dose held, of a TKI received
            if denied and self.cause_of_denied.match(text, span.end):
                return _DROPPED  # (safe13) "No alectinib-related toxicity": the toxicity denied, not the drug
            if denied and self.started_until_denial.search(before) and self.started_until.match(text, span.end):
                return None  # (safe13) "she did not start alectinib until June 2023": started then
            if (
                denied
                or self.tki_neg_after.match(text[span.end : span.end + 80])
                or self._not_started_later(text, spans, i)
                or self.all_but.search(text, max(0, span.start - 120), span.start)  # "every TKI except lorlatinib"
                or self._key_answered_by_other(text, spans, i)  # (safe12) "Prior lorlatinib: brigatinib only"
            ):
                return NEGATED
            if (self._named_after(text, span, after) or self.offered_before.search(before)) and self._received_after(
                text, spans, i
            ):
                # "Lorlatinib was approved by her insurer and started in May", "Offered lorlatinib; started 03/2025": an
                # access or an offer, then given
                return None
            if (
                self.cand_before.search(before)
                or self._named_after(text, span, after)
                or self._to_come(text, span)
                or self._in_criterion_rule(text, span)  # "the protocol requires two, one of them lorlatinib"
            ):
                return CANDIDATE
            if self._led_to(text, spans, i):
                return CANDIDATE  # "G1202R -> lorlatinib": what the finding calls for
            if self.access_before.search(text, max(0, span.start - 100), span.start):
                return CANDIDATE  # "she would be funded for lorlatinib", "she qualifies for lorlatinib"
            if self.recommended_before.search(text, max(0, span.start - 200), span.start):
                return CANDIDATE  # "recommends a re-biopsy and, if ..., a therapy with Lorviqua"
            return None
        if (
            span.entity in _OTHER_THERAPIES
            and span.value == "true"
            and not span.negated_only  # a word read only where denied ("why not chemo")
            and (
                self.cand_before.search(before)
                or self._named_after(text, span, after)
                or self._in_criterion_rule(text, span)  # "the study excludes prior pembrolizumab"
            )
            and not self._received_after(text, spans, i)
            and not self.neg_after.match(after)
            and not self.given_in_own_words.search(text, span.start, span.end)  # "offered chemo, received 4 cycles"
        ):
            # (ecog2) as an ALK inhibitor's: "pembrolizumab was considered but not given", "Keytruda discussed, not
            # started", "chemotherapy offered but declined", "-> start pembrolizumab" is no therapy received (each
            # was read as prior immunotherapy); "... approved and started in May" is; an offer refused right after it is
            # a denial ("pembrolizumab offered but declined", as "declined pembrolizumab" and "Chemotherapy was offered
            # but declined.")
            return CANDIDATE
        if (
            span.entity in _OTHER_THERAPIES
            and span.value == "true"
            and self.tki_neg_after.match(after)
            and not self.neg_after.match(after)
        ):
            # "pembrolizumab never given", "chemo not started": not received (it was read as received); left unread,
            # as "Immunotherapy was not given." is (a history of none is asked, not taken from one course not given);
            # an offer refused is a denial, as "declined pembrolizumab" is ("Chemotherapy was offered but declined.":
            # none had, tests/nlu/test_administrative_forms.py)
            return _DROPPED
        if (span.entity == "cns_lesions" and self._diagnosis_count(text, span)) or (
            span.entity in ("cns_lesions", "symptomatic") and self._of_a_past_year(text, span)
        ):
            # "At diagnosis 2 brain mets, treated with SRS", (safe15) "In 2019, 12 brain lesions ... Now liver PD", "In
            # 2019, symptomatic brain mets treated with SRS. Now liver PD": the extent or the complaint then, not now
            return _DROPPED
        if (
            span.entity == "brain_metastases"
            and span.value == "true"
            and span.role is None
            and self._diagnosis_count(text, span)
            and (self._brain_clear_after(text, spans, i) or self._brain_clear_before(text, spans, i))
        ):
            return _DROPPED  # "brain mets at diagnosis (SRS x3); MRI brain 10/2025 normal": the brain then, clear now
        if span.entity == "symptomatic" and self._symptoms_then(text, span):
            return _DROPPED  # "4 asymptomatic brain mets at dx", "initially presented with back pain": then, not now
        if (
            span.entity == "transformation"
            and span.value == "none"
            and (
                self._at_diagnosis(text, span)
                or self._told_of_diagnosis(text, spans, i)
                or self._diagnosis_result(text, spans, i, diagnosis or DiagnosisAnswers(spans))
            )
        ):
            return _DROPPED  # "Diagnostic core biopsy of the lung mass: adenocarcinoma" is the diagnosis's histology
        if span.entity == "transformation" and span.value == "none" and self._transformation_doubted(text, span):
            return _DROPPED  # "Rebiopsy: adenocarcinoma with neuroendocrine features": not told free of transformation
        if (
            span.entity in ("transformation", "unplaced_finding")
            and span.value != "none"
            and self._diagnosis_histology(text, span)
        ):
            return _DROPPED  # "adenocarcinoma with LCNEC component at diagnosis": the histology then, no transformation
        if span.entity in self.no_longer_kinds and self._scoped(self.advice_before, text, spans, i) is not None:
            return _DROPPED  # "avoid strong CYP3A inducers": advice, not what is taken
        if (
            span.entity in self.no_longer_kinds
            and not self.stop_to_come.search(before)  # a stop still to come
            and (
                (self.no_longer_before.search(before) and not _kept(text, spans, i))
                or self.no_longer_after.match(text[span.end : span.end + 70])
            )
        ):
            return NEGATED  # "itraconazole was stopped": not taken now
        if span.entity in self.no_longer_kinds and self._past_use(text, span, before):
            return _DROPPED  # (safe14) "had rifampicin for TB in 2015", "carbamazepine intolerance": not told taken now
        if span.entity == "biopsy_type":  # "no SCLC on the rebiopsy" denies the SCLC, not the rebiopsy
            if span.value != "none" and (
                self.diagnostic_before.search(before[-30:])
                or self.diagnostic_after.match(after)
                or self._diagnosis_headed(text, span)
                or self._in_diagnosis_label(text, span)
                or self._diagnosed_on(text, spans, i)
                or self._diagnosis_result(text, spans, i, diagnosis or DiagnosisAnswers(spans))
            ):
                return _DROPPED  # "the original biopsy", "dx bx": the diagnosis's specimen, not a re-biopsy
            if (
                span.value != "none"
                and self.specimen_before_tki.match(text, span.end)
                and not self.specimen_again.search(text, max(0, span.start - 20), span.end)
            ):
                return _DROPPED  # (safe14) "resection of brain met 2018, then alectinib": an earlier line's specimen
            if self.since_before.search(before) and not (
                self.result_after.match(after) or self.result_in.search(text, span.start, span.end)
            ):
                return _DROPPED  # "on phenytoin since her craniotomy": when the drug was started, not a test
            if span.value != "none" and self._benign_result(text, span):
                return _DROPPED  # "the adrenal nodule was biopsied: adenoma, no malignancy": no tumour sampled
            if span.value != "none" and any(
                s.entity == "biopsy_type" and s.value == "none" for s in self._right_after(text, spans, i)
            ):
                return _DROPPED  # (safe11) "tissue NGS not done": the specimen named is the one not tested
            if span.value == "none" and self.test_not_done_in_result.search(text, max(0, span.start - 40), span.end):
                return _DROPPED  # (safe11) "EML4-ALK fusion: positive (NGS not done)": another test, no biopsy denied
            return NEGATED if self.tki_neg_before.search(before) or self.tki_neg_after.match(after) else None
        serial = self._serial_result(text, spans, i) if span.entity in _SERIAL_KINDS else None
        if serial is not None and self._scoped(self.neg_before, text, spans, i) is None:
            return NEGATED if serial[0] else None  # "G1202R previously, now not detected": the later result counts
        said_at = _past_spaces(text, span.end)
        denied = self.neg_after.match(text[said_at : said_at + 70])
        if denied and self.answer_unknown.match(text, said_at + denied.end()):
            return _DROPPED  # "CNS metastases: N (MRI not done)": the no told without the scan that would tell it
        if denied or self._denied_after_list(text, spans, i):
            if span.entity in self.new_keeps and (
                self.new_before.search(text, max(0, span.start - 40), span.start)
                or self.coded_new_before.match(text, text.rfind("\n", 0, span.start) + 1, span.start)
                or (denied and self.new_after.match(text, said_at + denied.end()))
            ):
                return _DROPPED  # "New brain mets: none", "brain mets: none new": the known ones may stay
            return NEGATED
        if span.entity in self.complaint_entities and self.complaint_gone.match(text, span.end, span.end + 90):
            return NEGATED  # "headaches are gone since dexamethasone": no current complaint
        gap = self._scoped(self.neg_before, text, spans, i)
        if gap is None and span.entity in self.complaint_entities:  # "is not having headaches" (not "... chemo")
            gap = self._scoped(self.complaint_verb, text, spans, i)
        if (
            gap is not None
            and span.value in ("false", "none")
            and self.answer_restated.search(text, max(0, span.start - 20), span.start)
        ):
            return None  # (safe10) "Headaches: no (asymptomatic)": the bracket restates the no, no complaint denied
        if gap is None:
            if self._either_of_two(text, span):
                return _DROPPED  # (safe11) "Symptomatic or untreated CNS metastases: Y": a yes to either, not which
            if self._unclosed_list_end(text, spans, i):
                return _DROPPED  # "no MET amp, KRAS G12C": a second denied item or a new statement, unread
            return _DROPPED if self._other_illness(text, span) else None
        if self.one_of_several.search(text, max(0, span.start - len(gap) - 4), span.start):
            return None  # "not an isolated brain lesion: three new lesions": there are lesions, more than one
        if self.count_of_one.search(gap) and self.another_count.match(text, span.end):
            return None  # "not one brain met but two": the count is denied, not the finding
        if span.entity == "symptomatic" and span.value == "false" and self._right_after(text, spans, i):
            return _DROPPED  # (safe11) "No asymptomatic brain mets": the brain mets denied, no symptom told
        # a qualifier in the gap qualifies as "new" does: "no alectinib-refractory brain mets" may leave others, and
        # "no lorlatinib-resistant mutations" denies no class (a lorlatinib-sensitive one may be there)
        qualified = typed[span.start - len(gap) : span.start] != text[span.start - len(gap) : span.start]
        if qualified and span.value == "none":
            return _DROPPED
        # (prog3) so does a change in the finding's own words: "no intracranial progression" says nothing of whether
        # there are brain metastases, as "no new brain mets" does not
        changes = self.changes.search(text, span.start, span.end)
        # (safe11) a qualifier read as a finding of its own still qualifies ("no symptomatic brain mets", "No
        # (symptomatic) brain mets"): the gap's words as written, not blanked of it
        new = self.new.search(gap) or self.new.search(text, span.start - len(gap), span.start)
        return _DROPPED if span.entity in self.new_keeps and (new or qualified or changes) else NEGATED

    def _either_of_two(self, text: str, span: Span) -> bool:
        """(safe11) The finding at ``span`` is one of two joined by "or" in words that state neither: "symptomatic"
        and another qualifier ("Symptomatic or untreated CNS metastases: Y", "Active or symptomatic brain mets: yes"),
        brain and leptomeningeal disease ("Brain or leptomeningeal metastases: yes")."""
        if span.value != "true":
            return False
        if span.entity == "symptomatic":
            after, before = self.or_qualified_after, self.or_qualified_before
        elif span.entity in ("brain_metastases", "leptomeningeal"):
            after, before = self.cns_or_after, self.cns_or_before
        else:
            return False
        return bool(after.match(text, span.end) or before.search(text, max(0, span.start - 30), span.start))

    @staticmethod
    def _right_after(text: str, spans: list[Span], i: int) -> list[Span]:
        """The findings that start right after finding i, only spaces between ("asymptomatic brain mets", "tissue NGS
        not done"); the spans are in the order of their starts."""
        spaces = _SPACES.match(text, spans[i].end)
        at = spaces.end() if spaces else spans[i].end
        out = []
        for s in itertools.islice(spans, i + 1, None):
            if s.start > at:
                break
            if s.start == at:
                out.append(s)
        return out

    def _denied_at_diagnosis(self, text: str, found: list[Entity]) -> list[Entity]:
        """(lead) Brain metastases denied, or the brain said clear, of the diagnosis ("No brain mets at dx", "Brain MRI
        clear at diagnosis") and metastases stated present, or counted, in a later statement not of the diagnosis
        ("now 3 new brain mets"): the denial is then, the metastases now, and is dropped (it read a conflict, asked).
        The later finding by its final role: stated, not supposed, nor another person's ("Her sister has brain
        mets")."""
        later = [
            e.start
            for e in found
            if e.entity in ("brain_metastases", "cns_lesions")
            and e.role is None
            and e.value != "false"
            and not self._diagnosis_count(text, e)
        ]
        return [
            e
            for e in found
            if not (
                e.entity == "brain_metastases"
                and (e.value == "false" or (e.value == "true" and e.role == NEGATED))
                and any(at > e.end for at in later)
                and self._diagnosis_count(text, e)
            )
        ]

    def _brain_clear_after(self, text: str, spans: list[Span], i: int) -> bool:
        """(cns2) After brain metastases told of the diagnosis (span i), the brain is said clear in a later statement
        not itself told of the diagnosis ("At diagnosis 3 brain mets, SRS. Brain MRI 10/2025: no metastases"): the
        schema's brain metastases "present now" are the later statement's (none), not the diagnosis's (the other way
        round, metastases told after a brain clear at the diagnosis: _denied_at_diagnosis)."""
        # (safe13) a clear brain by a denial's cue too ("brain mets at diagnosis, no brain mets now")
        return any(
            s.entity == "brain_metastases"
            and s.start > spans[i].end
            and not self._diagnosis_count(text, s)
            and (
                s.value == "false"
                or (s.value == "true" and (s.role == NEGATED or self._stated_role(text, spans, j) == NEGATED))
            )
            for j, s in enumerate(spans[i + 1 :], i + 1)
        )

    def _brain_clear_before(self, text: str, spans: list[Span], i: int) -> bool:
        """(safe13) Before brain metastases told of the diagnosis (span i), the brain is said clear in a statement not
        itself told of the diagnosis ("No brain mets now; brain mets at diagnosis treated with SRS"): clear now, as
        the same told the other way round (_brain_clear_after)."""
        return any(
            s.entity == "brain_metastases"
            and s.end <= spans[i].start
            and not self._diagnosis_count(text, s)
            and (s.value == "false" or (s.value == "true" and self._stated_role(text, spans, j) == NEGATED))
            for j, s in enumerate(spans[:i])
        )

    def _benign_result(self, text: str, span: Span) -> bool:
        """The specimen at ``span`` finds, in its own statement (to its full stop or line), a benign lesion or
        another process and names no tumour ("EBUS: non-necrotising granulomas; no malignant cells")."""
        stop = _SENTENCE_END.search(text, span.end, span.end + 200)
        statement = text[span.end : stop.start() if stop else span.end + 200]
        return bool(self.benign_result.search(statement)) and not self.malignant_result.search(statement)

    def _first_cycle_to_come(self, text: str, span: Span) -> bool:
        """The regimen at ``span`` ends on its cycle, and that cycle is the first, still to come (candidate
        `first_to_come`: "Docetaxel, cycle 1 due this Friday", "on carbo/pem, cycle 1 next week", "docetaxel, to start
        cycle 1 on Monday"): nothing given yet, a plan; not a later cycle to come ("cycle 2 next week": the first was
        given) nor a first cycle told given ("cycle 1 given 2 weeks ago")."""
        cycle = self.cycle_at_end.search(text, span.start, span.end)
        return cycle is not None and self.first_to_come.match(text, cycle.start()) is not None

    def _refused(self, text: str, spans: list[Span], i: int) -> bool:
        """The therapy at ``spans[i]``, named and nothing else (no words of its own telling it was given: "after 4
        cycles of chemo"), is refused: right after it (tki_negation `refused_after`: "chemo was discussed; patient
        declined", "carboplatin pemetrexed offered but declined"), after an offer right before it past a comma, a
        semicolon or a dash ("offered chemo, she declined"), by a bare refusal as the next sentence after an offer
        (tki_negation `refused_next`, `offered_refused_next`: "Chemo was offered. She declined."), or by a refusal
        before it (negation `refused_before`: "declined carboplatin-pemetrexed", "declined the offer of chemotherapy";
        not "no pemetrexed")."""
        span = spans[i]
        if not (span.negated_only or span.refused_only or self.named_therapies.fullmatch(text, span.start, span.end)):
            return False
        after = self._said_after(text, span, 80)
        if self.refused_after.match(after) or self.offered_refused_next.match(after):
            return True
        if self.cand_before.search(text, max(0, span.start - 40), span.start) or self._in_criterion_rule(text, span):
            lead = _REFUSAL_LEAD.match(after)
            if (lead and self.refused_after.match(after[lead.end() :])) or self.refused_next.match(after):
                return True
        gap = self._scoped(self.neg_before, text, spans, i)
        return (
            gap is not None
            and self.refused_before.search(text, max(0, span.start - len(gap) - 60), span.start - len(gap)) is not None
        )

    def _said_after(self, text: str, span: Span, size: int) -> str:
        """The ``size`` characters after the therapy at ``span``, past the rest of its regimen (tki_negation
        `regimen_rest`: "Atezolizumab, bevacizumab, carboplatin and paclitaxel would be the alternative") and what it
        may carry right after it (`therapy_tail`: "Pembrolizumab monotherapy offered, patient declined")."""
        run = self.regimen_rest.match(text, span.end)
        end = run.end() if run else span.end
        tail = self.therapy_tail.match(text, end)
        end = tail.end() if tail else end
        return text[end : end + size]

    def _not_started_later(self, text: str, spans: list[Span], i: int) -> bool:
        """The TKI at ``spans[i]`` is said not started later in its sentence, before any other TKI is named, in a
        bracket or a clause of its own ("Brigatinib prescription sent to specialty pharmacy; delivery expected Friday
        (not started)", "lorlatinib ordered, delivery Monday - not yet started")."""
        reach = min(len(text), spans[i].end + 200)
        stop = _SENTENCE_END.search(text, spans[i].end, reach)
        nxt = next((s.start for s in spans[i + 1 :] if s.entity == "tki" and s.start >= spans[i].end), reach)
        end = min(stop.start() if stop else reach, nxt)
        return self.not_started_later.search(text, spans[i].end, end) is not None

    def _received_after(self, text: str, spans: list[Span], i: int) -> bool:
        """The TKI at ``spans[i]``, named with an access statement ("was approved", "funded"), is told as started in
        the same statement before any other TKI is named (candidate `received_after`: "... and started in May", "...;
        started 3/2024", "..., on it since June")."""
        m = self.received_after.match(text, spans[i].end)
        following = next((s.start for s in spans[i + 1 :] if s.entity == "tki" and s.start >= spans[i].end), len(text))
        return m is not None and m.end() <= following

    def _systems_reviewed(self, text: str, spans: list[Span], i: int, diagnosis: DiagnosisAnswers) -> bool:
        """(symp) A symptom denied, or no symptoms said, in a review of systems ("ROS: (-) headache, (-) confusion",
        "REVIEW OF SYSTEMS: Denies headache, visual change, weakness", "ROS:\\n Neuro - no headaches"): its line opens
        with the review's heading, or a line above it in its paragraph does with only the systems' own lines between.
        A complaint it names stands ("ROS: + hip pain")."""
        span = spans[i]
        if span.entity not in self.complaint_entities:
            return False
        line = text.rfind("\n", 0, span.start) + 1
        while not self.systems_review.match(text, line):
            if not self.review_system.match(text, line) or line == 0 or text[max(0, line - 2) : line] == "\n\n":
                return False
            line = text.rfind("\n", 0, line - 1) + 1
        if span.value != "true":
            return True
        return (span.role if span.decided else self._stated_role(text, spans, i, diagnosis)) == NEGATED

    def _of_other_primary(self, text: str, span: Span, primaries: list[tuple[int, int]]) -> bool:
        """``span`` is another primary cancer's (People._in_other_primary), or is the key whose value is such a part,
        right past its mark ("Prior chemotherapy: adjuvant, for breast cancer 2010")."""
        return self._in_other_primary(text, span, primaries) or any(
            a >= span.end and _KEY_TO_VALUE.fullmatch(text, span.end, a) for a, _ in primaries
        )

    def _symptoms_then(self, text: str, span: Span) -> bool:
        """(prec10) A complaint, or its absence, told of the diagnosis (`symptoms_then` in its clause: "2021: 4
        asymptomatic brain mets at dx", "At diagnosis she had headaches", "Initially presented with back pain in
        2019"), its clause telling no present (`result_current`: "asymptomatic at diagnosis; now headaches")."""
        start, end = _statement_bounds(text, span.start, span.end, semicolons=True, reach=(160, 160))
        return bool(self.symptoms_then.search(text, start, end)) and not self.result_current.search(text, start, end)

    def _held_by_steroids(self, text: str, span: Span) -> bool:
        """(prec1) No symptoms told in a sentence that has steroids taken now (`steroids_now`: "asymptomatic but
        remains on dexamethasone 2 mg", "no headaches on dex 4 mg"): the complaints held down, not told absent."""
        start, end = _statement_bounds(text, span.start, span.end, reach=(120, 120))
        return bool(self.steroids_now.search(text, start, end))

    def _transformation_doubted(self, text: str, span: Span) -> bool:
        """(prec1) An adenocarcinoma read as no transformation, with a neuroendocrine, small-cell or sarcomatoid part
        found or in doubt after it on its line (`transformation_in_doubt`: "adenocarcinoma with neuroendocrine
        features", "adenocarcinoma; synaptophysin focal", "a small cell component cannot be excluded"): the specimen
        is not told free of transformation. Only the adenocarcinoma's reading: "no small cell component" read on its
        own still says none."""
        if not text[span.start : span.end].lower().startswith("adeno"):
            return False
        stop = text.find("\n", span.end)
        end = min(len(text) if stop < 0 else stop, span.end + 200)
        return bool(self.transformation_in_doubt.search(text, span.end, end))

    def _other_illness(self, text: str, span: Span) -> bool:
        """A symptom of another illness or of long ago, not of the cancer now ("hx of epilepsy with seizures",
        "childhood seizures", "seizure disorder since age 12"): the words before it in its clause or right after it
        say so, and its clause does not name the cancer as its cause ("history of seizures from her brain mets")."""
        if span.entity != "symptomatic" or span.value != "true":
            return False
        reach = max(0, span.start - 120)
        start = max((m.end() for m in _CLAUSE_STOP.finditer(text, reach, span.start)), default=reach)
        stop = _CLAUSE_STOP.search(text, span.end)
        before, after = text[start : span.start], text[span.end : stop.start() if stop else len(text)]
        past = _ONE_COMMA.match(text, span.end)
        if self.other_cause_denied.match(after) or (past and self.other_cause_denied.match(text, past.end())):
            return True  # (lead) "mild headache, not thought related to the brain mets"
        # (lead10) told over in its clause or the next one (after a comma or a semicolon), and told long ago
        later = stop.end() if stop and text[stop.start()] in ",;" else span.end
        over = self.symptom_over.match(after) or (later > span.end and self.symptom_over.match(text, later))
        if over and self.symptom_long_ago.search(text, start, max(later, span.end + len(after))):
            return True  # (lead10) "Seizure in 2022 from the treated lesion, none since": long over, whatever its cause
        if self.of_the_cancer.search(self.cancer_set_aside.sub(" ", after)):  # (prec1) not "rather than the mets"
            return False
        if self.other_illness_before.search(before) or self.other_illness_after.match(after):
            return True
        # "the confusion was attributed to lorlatinib", "seizure last month, thought to be due to hyponatraemia",
        # "stopped: grade 3 hypertriglyceridaemia and confusion"
        if self.other_cause_after.match(after) or (past and self.other_cause_after.match(text, past.end())):
            return True
        if self.other_illness_table.search(text, start, span.start):
            return True
        return self._epileptic_seizure(text, span)

    def _epileptic_seizure(self, text: str, span: Span) -> bool:
        """(prec) A seizure its sentence gives to the patient's epilepsy: epilepsy or an antiepileptic drug named, and
        no mark of a new event ("carbamazepine for epilepsy; ... poorly controlled seizures", "phenytoin -- seizures
        refractory", "Keppra 500 mg bd (seizures)"); not one whose sentence names the cancer ("seizures from the new
        frontal metastasis, on levetiracetam")."""
        if not self.epileptic_seizure.match(text[span.start : span.end]):
            return False
        start = max(text.rfind(".", 0, span.start), text.rfind("\n", 0, span.start)) + 1
        ends = [i for i in (text.find(".", span.end), text.find("\n", span.end)) if i >= 0]
        sentence = text[start : min(ends, default=len(text))]
        if self.of_the_cancer.search(sentence):
            return False
        named, drugs, new = (self.epilepsy[k].search(sentence) for k in ("named", "drugs", "new_event"))
        return bool((named or drugs) and not new)


# between a key and the other primary cancer its value names: the key's mark and the words of a bare answer ("Prior
# chemotherapy: adjuvant, breast cancer 2008", "Previous chemo: yes (ovarian ca 2011)")
_KEY_TO_VALUE = compiled.kept(
    r"[ \t]*[:=–-][ \t]*(?:(?:yes|y|adjuvant|neo-?adjuvant|given|received|only|for|once)[ \t]*[,(]?[ \t]*)*",
    re.IGNORECASE,
)


def _kept(text: str, spans: list[Span], i: int) -> bool:
    """The drug of finding i is said, later in its sentence, to have to be kept ("was on carbamazepine for
    epilepsy; it could not be changed"): still taken, whatever "was on" said."""
    span = spans[i]
    for later in spans[i + 1 :]:
        if "." in text[span.end : later.start]:
            return False
        if later.entity == span.entity:  # the next said of this kind of drug: kept, or another drug named
            return later.value == "must_continue"
    return False
