"""Which sentences ask, suppose or propose (a question, a what-if, a therapy proposed)."""

from __future__ import annotations

import re

from bot.nlu import compiled
from bot.nlu.context.cues import Cues, _per_text
from bot.nlu.context.patterns import _CLAUSE_OPENER, _HEADING

_FIRST_WORD = compiled.kept(r"\w")  # where a sentence's first word starts
# a question of how someone is ("Is she symptomatic?"): answered no, "not" what is asked ("not symptomatic")
_OF_SOMEONE = compiled.kept(
    r"(?:is|was|are)\s+(?!there\b)|(?:she|he|they|the patient|pt)\s+(?:is|was|are)\b", re.IGNORECASE
)  # (misc18) also asked in a statement's order: "she is pregnant? -> no"
# (misc18) a clause told of the patient, her subject and a verb that does not ask ("she tell me she is pregnant 8
# weeks", "she has G1202R"): after a word announcing a question with no "?" ("Small question: lady 29, on alectinib,
# she is pregnant"), the last clause so told is the case, not the question
_TOLD_CLAUSE = compiled.kept(
    r"\W*(?:she|he|they|the patient|our patient|this patient|pt)\s+(?!(?:should|would|could|can|will|may|might|shall|"
    r"need|needs|ok|okay)\b)[a-z]+\b(?![^.;:!?\n]*\b(?:or not|which|what|whether|ok|okay|safe|any|reasonable)\b)",
    re.IGNORECASE,
)
# (lead22) a short bracket inside a sentence, its aside ("Has she had brigatinib (2nd line)?", "Was the ALK fusion
# (FISH) retained on the liver core?"): its marks bound no clause of the question, which asks through it
_ASIDE = compiled.kept(r"[^()\n?]{1,40}\)")
# (misc18) an arrow leading a question's answer ("Pregnant? -> no", "LMD? => yes"): blanked with the mark
_ANSWER_ARROW = compiled.kept(r"[ \t]*(?:-+>|=+>|→|⇒)")
# (safe14) a question mark after a space and right before the value, no space between ("ECOG ?1", "PS ?2"): the value
# queried, ward shorthand, not a key asked then answered ("ECOG? 1")
_QUERY_MARK = compiled.kept(r"[ \t]\?(?=[^\W_])")
# (safe13) a reply that opens with "or": another option of the question's own value, no answer ("ECOG 2? or 3": it
# read the ECOG 2 stated)
_ANOTHER_OPTION = compiled.kept(r"(?:or|vs\.?|versus|maybe|perhaps|possibly)\b", re.IGNORECASE)

# (safe15) a finding told as the patient's course, not one paired with a therapy asked about ("alectinib and G1202R
# found - what next?", "lorla and PD on it - ok?")
_TOLD = compiled.kept(r"(?<![\w-])(?:on|after|post|since|found|detected|seen|progress\w*|pd)(?![\w-])", re.IGNORECASE)


class Questions(Cues):
    def unfilled(self, text: str) -> str:
        """``text`` with each discourse filler that is a clause of its own blanked out with the comma, colon or dash
        after it, places kept: what follows reads as if it opened the sentence ("whether or not, G1202R on tissue"
        states the G1202R; "anyway, what about lorla" asks; "in any case, if G1202R, lorlatinib" plans)."""
        return self.filler.sub(lambda m: " " * len(m.group()), text)

    def hypothetical_regions(self, text: str) -> list[tuple[int, int]]:
        """The parts of ``text`` that ask or suppose rather than state: a question from its asking clause to its
        end (the last clause when no clause starts like a question), a conditional clause, and the whole of a
        sentence that opens with a condition."""
        return self.asked_regions(text) + self.supposed_regions(text)

    def asked_regions(self, text: str) -> list[tuple[int, int]]:
        """The questions of ``text``: each sentence that asks (a question, a request, a choice), from where it
        starts to ask to its end; and each question reported as someone's (reported_ask: "the tumour board asks if
        brigatinib would work"), from its asking verb to where the patient is told of again."""
        asked = [(start, end) for start, end in self._asked_sentences(text) if start is not None]
        return asked + [r for r in self._reported_asks(text) if not any(a <= r[0] < b for a, b in asked)]

    def _reported_asks(self, text: str) -> list[tuple[int, int]]:
        """The questions ``text`` reports as someone's ("the patient wants to know whether lorlatinib ...", "her
        daughter asked about the brain pill (lorlatinib)"): from the asking verb to the end of its sentence, or to
        where the patient is told of again ("...; she has been on alectinib since 2021", reported_ask_end), and a
        topic asked about to where the patient's history follows it ("asked about lorlatinib after progressing on
        alectinib", reported_topic_end)."""
        out = []
        for start, end in self._sentences(text):
            if not text[start:end].rstrip().endswith("?") and self.stated_after_ask.search(text, start, end):
                continue  # "Wondering what to do: she progressed on alectinib with G1202R": told, not asked
            for m in self.reported_ask.finditer(text, start, end):
                stop = self.reported_ask_end.search(text, m.end(), end)
                last = stop.start() if stop else end
                if m.group("topic") and (past := self.reported_topic_end.search(text, m.end(), last)):
                    last = past.start()  # "asked about lorlatinib after progressing on alectinib": hers
                out.append((m.start(), last))
        return out

    def _asked_sentences(self, text: str) -> list[tuple[int | None, int]]:
        """Each sentence of ``text`` as (where it starts to ask or None, its end). A sentence that opens with a word
        going on with the question right before it ("Lorlatinib? Or brigatinib") asks all through. A question about a
        finding the clinician answers yes in the next sentence ("Any new brain mets? Yes, 3 new lesions on MRI")
        asks nothing: it states the finding (finding_question, answered_yes: _answered)."""
        out: list[tuple[int | None, int]] = []
        before = 0  # where the sentence before starts
        answered = self._answered(text)
        for k, (start, end) in enumerate(self._sentences(text)):
            asked = self._asked_from(text, start, end)
            if asked is None and out and out[-1][0] is not None and self._goes_on_asking(text, before, start, end):
                asked = start
            if asked is not None and answered.get(k) == "yes":
                asked = None
            out.append((asked, end))
            before = start
        return out

    def answered_questions(self, text: str) -> list[tuple[int, int]]:
        """The questions about a finding that the next sentence answers yes (_answered): a finding there is stated,
        neither supposed nor doubted by its question's mark."""
        sentences = self._sentences(text)
        return [sentences[k] for k, answer in self._answered(text).items() if answer == "yes"]

    @_per_text
    def _answered(self, text: str) -> dict[int, str]:
        """The sentences of ``text`` (by their index in _sentences) that ask "?" about a finding of this patient,
        not about a therapy to give, and that the sentence after them answers without asking again, with the answer:
        "yes" to a question about a finding ("Any new brain mets? Yes, 3 new lesions on MRI", "Is she symptomatic?
        Answer: yes"; finding_question, answered_yes), "no" ("Any brain mets? No."; answered_no), and "bare" for
        either answer to a bare question ("Brain mets? none", "Prior chemo? No", "LMD? yes"; _bare_question), and
        "value" for a bare question of a history or a score answered by its value ("Prior TKI? Alectinib", "ECOG? 1";
        value_asked). Not a
        reply that names both answers ("Yes or no?"; answer_choice), nor one that asks, plans, requests or doubts
        ("Yes, we need to check that first", "No idea"; answer_not_given). Computed once per text (_per_text)."""
        out: dict[int, str] = {}
        sentences = self._sentences(text)
        for k, (start, end) in enumerate(sentences[:-1]):
            question = text[start:end].strip()
            reply = text[sentences[k + 1][0] : sentences[k + 1][1]].strip()
            if (
                not question.endswith("?")
                or _QUERY_MARK.match(text, text.rindex("?", start, end) - 1)  # (safe14) "ECOG ?1": the value queried
                or self.therapy_asked.search(question)
                or reply.endswith("?")
                or self.answer_not_given.search(reply)  # "Yes, we need to check that first": no answer
                or self.answer_choice.match(reply)
                or _ANOTHER_OPTION.match(reply)
            ):
                continue
            if self.finding_question.match(question):
                if self.answered_yes.match(reply):
                    out[k] = "yes"
                elif self.answered_no.match(reply):
                    out[k] = "no"
            elif (self.answered_yes.match(reply) or self.answered_no.match(reply)) and self._bare_question(question):
                out[k] = "bare"
            elif self.value_asked.search(question) and self._bare_question(question):
                out[k] = "value"  # "Prior TKI? Alectinib", "ECOG? 1": a key and its value
        return out

    def _bare_question(self, question: str) -> bool:
        """A question that names a finding alone, in a few words, with no asking words nor a key's colon ("Brain
        mets?", "LMD?"); a therapy only as a history ("Prior chemo?", history_asked; not "Lorlatinib?" nor "Chemo?",
        which may ask about a plan)."""
        return (
            len(question.split()) <= 4
            and ":" not in question  # "Histology for eligibility: squamous? No - adeno": a key's value asked back
            and not self.question_start.match(question)
            and not (self.prop_therapy.search(question) and not self.history_asked.search(question))
        )

    def answers_read(self, text: str) -> str:
        """``text`` with each question answered no in the sentence after it (_answered) rewritten in place, places
        kept, as the statement its answer makes: a question about a finding as its denial, its asking words turned
        into "no" ("not" for "is she ...") and its answer blanked ("Any new brain mets? No." as "no  new brain
        mets.", which says nothing of lesions present), and a bare question answered yes, no or by its value as a key
        and its answer ("Brain mets? none" as "Brain mets: none", "ECOG? 1" as "ECOG: 1"). A question about a finding
        answered yes is read where it stands (answered_questions)."""
        answers = {k: a for k, a in (self._answered(text) if "?" in text else {}).items() if a != "yes"}
        if not answers:
            return text
        out = list(text)
        sentences = self._sentences(text)
        for k in answers:
            start, end = sentences[k]
            if self.answered_by_phrase.search(text, start, end):
                continue  # "Has she had a rebiopsy? No.": the biopsy phrases read it across the mark
            mark = text.rindex("?", start, end)
            question = text[start:end]
            opener = self.finding_question.match(question)
            if opener is None:  # a bare question: a key and its answer, yes or no
                out[mark] = ":"
                if arrow := _ANSWER_ARROW.match(text, mark + 1, sentences[k + 1][1]):
                    out[arrow.start() : arrow.end()] = " " * (arrow.end() - arrow.start())
                continue
            word_at = _FIRST_WORD.search(question)
            first, last = start + (word_at.start() if word_at else 0), start + opener.end()
            word = "not" if _OF_SOMEONE.match(text, first, last) else "no"  # "Is she symptomatic": not symptomatic
            out[first:last] = word.ljust(last - first)
            out[mark] = "."
            reply_start, reply_end = sentences[k + 1]
            said = self.answered_no.match(text[reply_start:reply_end])
            if said:
                out[reply_start : reply_start + said.end()] = " " * said.end()
        return "".join(out)

    def _goes_on_asking(self, text: str, before: int, start: int, end: int) -> bool:
        """The sentence at start:end, right after the question starting at ``before``, goes on asking it: it opens
        with "or" ("Lorlatinib? Or brigatinib"), or it is a bare phrase naming what the question is about ("Which TKI
        after alectinib. G1202R.") when that question does not ask about this patient or a result ("What was found?
        G1202R on tissue." answers it) and names something ("Any thoughts? ECOG 1." tells the case)."""
        sentence = text[start:end]
        if self.question_goes_on.match(sentence):
            return True
        if "\n" in text[before:start] and self.question_broken.search(text[before:start].rstrip("\n \t")):
            return True  # (safe22b) "Do we know if\nshe had crizotinib": the question broken across its line
        return (
            bool(self.bare_premise.match(sentence))
            and not self.bare_answered.search(text, before, start)
            and not self.open_ask.search(text[before:start])  # "What now? Brain only.": the case told, not asked
            and not self.open_slot.search(text, before, start)  # (s21b) "alectinib -> ? G1202R on liver bx"
        )

    def supposed_regions(self, text: str) -> list[tuple[int, int]]:
        """The conditions of ``text``: "if X, give Y", the whole sentence; "give Y if X", X; a supposition leading a
        clause, that clause ("for a G1202R, what would you give?", "and with ECOG 3")."""
        regions = []
        for start, stop in self._sentences(text):
            sentence = text[start:stop]
            for m in self.conditional.finditer(sentence):
                if (
                    self.case_heading.match(sentence)
                    and self.patient_described.match(sentence, m.start())
                    and not _CLAUSE_OPENER.search(sentence[: m.start()])
                    and not self.case_supposes.search(sentence)
                ):
                    continue  # "ED impression: sepsis in a patient with ALK+ NSCLC": this patient's case
                request = self.plan_opener.search(sentence, 0, m.start())
                if (
                    request
                    and self.patient_described.match(sentence, m.start())
                    and not self.case_supposes.search(sentence, request.end())
                ):
                    continue  # "We request approval of lorlatinib for a patient who progressed on ...": this patient
                if (
                    self.case_presented.match(sentence, 0, m.start())
                    and self.patient_described.match(sentence, m.start())
                    and not self.case_supposes.search(sentence, m.start())
                ):
                    continue  # "Referral for a patient with G1202R after alectinib": the patient referred is this one
                opener = _CLAUSE_OPENER.search(sentence[: m.start()])
                if opener and opener.group().strip() == "(":  # "(if G1202R, lorlatinib)": to the bracket's end
                    end = sentence.find(")", m.end())
                elif opener:  # "Plan: if G1202R, lorlatinib": the rest of the sentence
                    end = -1
                else:
                    brk = self.clause_break.search(sentence, m.end())
                    end = brk.start() if brk else -1
                regions.append((start + m.start(), start + (end if end >= 0 else len(sentence))))
            for m in self.supposition_lead.finditer(sentence):  # "for a G1202R, what would you give?": its clause
                brk = self.clause_break.search(sentence, m.end())
                regions.append((start + m.start(), start + (brk.start() if brk else len(sentence))))
        return regions

    def asks(self, text: str) -> bool:
        """Some sentence of ``text`` asks (a question, a request, a choice, a question reported as someone's),
        besides any condition it supposes."""
        return bool(self.asked_regions(text))

    def _asked_from(self, text: str, start: int, end: int) -> int | None:
        """Where the sentence at start:end starts to ask, or None when it does not ask: all of it when it opens like
        a question or a choice ("Guardant or F1 Liquid - which is better ...?"); else from its asking clause when
        it ends with "?" or with a question glued to it ("MET fusion what drug"), or from its last clause when that
        asks without one ("..., any data", "... - lorla or brig"). A clause that doubts the one before it ("... - is
        it real?") or asks what follows from it ("G1202R - what then?") takes that one in. A clause that only asks
        about the one before it ("any trial", "reasonable?", "add TKI?") takes in that one when it proposes a therapy
        ("crizo for L1198F after lorla - any data", "G1202R - lorla, ok?"), as does a request glued to a proposal
        ("capmatinib + lorla any evidence"); a proposal that follows a premise opening the sentence with a colon or a
        dash takes in the premise ("MET amp: capmatinib + lorla, thoughts?"), with "?" too when the premise is the
        sentence's only other clause ("ECOG 2 - still give carbo pem?", "G1202R: lorla?"); after a sequence of
        therapies only the last is proposed ("alectinib -> lorlatinib, thoughts?"). A pick ("which one", "which is
        better", "your pick") takes in the options named right before it, with or without "?" ("lorla and brig,
        which one better after alec", "between X and Y which would you pick"). A word announcing a question before a
        colon or a dash ("Quick q - lorla after alec for G1202R") makes the sentence ask as if it ended with "?". A
        clause asking whether the drugs named in the one before it go together takes that one in ("lorla + rifampicin
        - any interactions?")."""
        sentence = text[start:end]
        if self.question_start.match(sentence):
            if not sentence.rstrip().endswith("?") and self.stated_after_ask.search(sentence):
                return None  # "Wondering what to do: she progressed on alectinib with G1202R": told, not asked
            return start
        if slot := self.open_slot.search(text, start, end):  # (s21b) "ceritinib->alectinib->now?": the next asked
            return slot.start()
        pick = self.picks.search(text, start, end)
        heading = _HEADING.match(sentence)  # "Outcome requested from the panel: advice on sequencing after ..."
        if heading and not pick and self.question_start.match(sentence[heading.end() :]):
            if self._topic_asked(sentence[: heading.end()], sentence[heading.end() :]):
                return start  # (q22) "Lorlatinib: is it safe in pregnancy?": the drug is the question's topic
            return start + heading.end()  # (not the options of a pick: "lorlatinib and brigatinib: which to pick")
        bounds = [start] + [m.end() for m in self.clause_break.finditer(text, start, end)]
        if pick and text[max(b for b in bounds if b <= pick.start()) : pick.start()].strip():
            bounds = sorted([*bounds, pick.start()])  # "between X and Y which would you pick": the pick asks apart
        if sentence.rstrip().endswith("?"):
            asides = {
                b for a in bounds if text[a - 1 : a] == "(" and (m := _ASIDE.match(text, a, end)) for b in (a, m.end())
            }
            bounds = [b for b in bounds if b not in asides]
        bounds = [b for b in bounds if text[b:end].strip(" ?!.")]
        if not bounds:
            return None
        picked = max(b for b in bounds if b <= pick.start()) if pick else None  # where the pick's clause starts
        glued = self.glued_ask.search(text, bounds[-1], end)
        later = compiled.last_needed(self.later_clause_needs, text, start, end)  # no later clause asks past it
        if (
            sentence.rstrip().endswith("?")
            or self.glued_question.search(text, bounds[-1], end)
            # "Quick q - lorla after alec for G1202R": as if with "?"; not its last clause told of her ("Small
            # question: lady 29, she is pregnant 8 weeks")
            or (self.question_preface.match(sentence) and not _TOLD_CLAUSE.match(text, bounds[-1], end))
            # "In CROWN, what fraction had ..."
            or any(self.later_clause_asks.match(text[b:end]) for b in bounds[1:] if b <= later)
        ):
            asked = next((b for b in bounds if self.clause_question.match(text[b:end])), bounds[-1])
        elif self.trailing_ask.match(text[bounds[-1] : end]) or (
            self.choice.match(text[bounds[-1] : end]) and not self._continues_a_list(text, bounds, len(bounds) - 1)
        ):
            asked = bounds[-1]
        elif glued and (proposed := self._proposed_from(text, bounds, len(bounds) - 1, glued.start())) is not None:
            return proposed
        elif picked is not None and self._options_before(text, bounds, bounds.index(picked)) is not None:
            asked = picked  # "lorla and brig, which one better": a pick after its options asks without "?"
        else:
            return None
        k = bounds.index(asked)
        if k == 1 and (
            self._topic_asked(text[bounds[0] : asked], text[asked:end])
            or self._premise_of_a_therapy_asked(text[bounds[0] : asked], text[asked:end])
        ):
            return bounds[0]  # (q22) "Lorlatinib in Child-Pugh B - any dosing data?": the drug is the question's topic
        if k and (self.doubts_back.match(text[asked:end]) or self.supposes_back.match(text[asked:end])):
            return bounds[k - 1]
        if k and self.picks.match(text[asked:end].lstrip()):
            options = self._options_before(text, bounds, k)
            return asked if options is None else options
        if (
            k
            and self.asks_about_drugs.match(text[asked:end])
            and self.drugs_together.match(text[bounds[k - 1] : asked])
        ):
            return bounds[k - 1]  # "lorla + rifampicin - any interactions?": the drugs are the question's
        if k and self.asks_back.match(text[asked:end]):
            proposed = self._proposed_from(text, bounds, k - 1, asked)
            if proposed is not None:
                return proposed
        if k == 1 and not self.clause_question.match(text[asked:end]):  # "ECOG 2 - still give carbo pem?"
            return bounds[0] if self._proposed_from(text, bounds, k, end) == bounds[0] else asked
        return asked

    def _therapies(self, clause: str) -> tuple[int, int, int, bool]:
        """``clause`` read as therapies proposed (clinical_phrases.yml `proposal`): [a verb] therapies joined [a
        dose]; read step by step, a therapy word, a join, the next, so that the reading stays linear whatever the
        clause. Returns how many therapies it names after its last sequence word ("then", "->"), where the first of
        them starts, where the reading stopped, and whether there was a sequence word."""
        verb = self.prop_verb.match(clause)
        pos = verb.end() if verb else len(clause) - len(clause.lstrip())
        named, first, sequence = 0, pos, False
        while m := self.prop_therapy.match(clause, pos):
            named, pos = named + 1, m.end()
            join = self.prop_sequence.match(clause, pos) or self.prop_join.match(clause, pos)
            if not join or not self.prop_therapy.match(clause, join.end()):
                break
            if join.re is self.prop_sequence:
                named, first, sequence = 0, join.end(), True
            pos = join.end()
        dose = self.prop_dose.match(clause, pos) if named else None
        return named, first, dose.end() if dose else pos, sequence

    def _proposed_from(self, text: str, bounds: list[int], k: int, end: int) -> int | None:
        """Where the question starts when clause k (to ``end``) proposes a therapy, or None when it does not: the
        therapies alone, not the end of a list of them ("G1202R - lorlatinib, thoughts?"; not "crizotinib,
        alectinib, brigatinib"), or with what they are for ("crizo for L1198F after lorla", "carbo/etoposide for
        SCLC transformation"), or what a finding leads to ("MET amp -> capmatinib + lorla"): the clause (with its
        premise, _with_premise). After a sequence of therapies the last is proposed, not received, and those before
        it were ("alectinib -> lorlatinib, thoughts?", "alec then lorla - agree?"): the question starts at it."""
        clause = text[bounds[k] : end]
        if self.prop_arrow.match(clause):
            return self._with_premise(text, bounds, k)
        named, first, pos, sequence = self._therapies(clause)
        if named and self.prop_purpose.match(clause, pos):
            return self._with_premise(text, bounds, k)
        if self._paired(clause, named, pos):  # (safe15) "lorlatinib and G1202R - good?": the pair asked about
            return self._with_premise(text, bounds, k)
        if named and self.prop_alone_end.match(clause, pos):
            if sequence:
                return bounds[k] + first
            return None if self._continues_a_list(text, bounds, k) else self._with_premise(text, bounds, k)
        steps = list(self.prop_step.finditer(clause))  # "alectinib 3y -> lorlatinib": the therapies after the last step
        if steps:
            rest = clause[steps[-1].end() :]
            named, first, pos, _ = self._therapies(rest)
            if named and self.prop_alone_end.match(rest, pos):
                return bounds[k] + steps[-1].end() + first
        return None

    def _topic_asked(self, premise: str, question: str) -> bool:
        """(q22) ``question`` asks about a drug itself (asks_about_topic: its risk, dose, interactions, evidence, a
        difference between two ways of giving it) and ``premise``, the sentence's only other clause, closed by a
        colon, a dash or a comma, names that drug as its topic: the drug alone or with a dose, then what it is asked
        with, a condition, another drug, food or another dose ("Lorlatinib and a history of depression - how risky?",
        "Lorlatinib in Child-Pugh B - any dosing data?", "Lorlatinib: safe in pregnancy?", "Ceritinib 450 with food
        vs 750 fasting - any difference in efficacy?"), or that condition first ("Child-Pugh B and lorlatinib - any
        data?"). Not a premise that tells this patient's course (topic_told: "PD on alec - any data for lorla?",
        "Lorlatinib 3 months, depression - risky?", "Lorlatinib and her depression - how risky?"), nor one that
        proposes (a verb: "start lorlatinib in Child-Pugh B - dose?" is the proposal's path)."""
        body = premise.rstrip()
        if not body.endswith((":", ",", "-", "–", "—")):
            return False
        body = body.rstrip(" \t:,-–—")
        if not body.strip() or self.prop_verb.match(body):
            return False
        named, _, pos, sequence = self._therapies(body)
        purpose = self.prop_purpose.match(body, pos) if named else None
        # a purpose right after the drug is the question's, as in a proposal ("Lorlatinib after alectinib - how good
        # is the data?", "crizo for L1198F after lorla - any data", _proposed_from): not a course told
        if self.topic_told.search(body[:pos] + " " + body[purpose.end() :] if purpose else body):
            return False
        if not named:  # the condition first: "Child-Pugh B and lorlatinib"
            therapy = self.prop_therapy.search(body)
            joined_at = self._topic_join_before(body, therapy.start()) if therapy else None
            if (
                therapy is None
                or joined_at is None
                or not body[:joined_at].strip()
                or len(body[:joined_at].split()) > 5
            ):
                return False
            named, _, pos, sequence = self._therapies(body[therapy.start() :])
            pos += therapy.start()
        if sequence:
            return False
        rest = body[pos:]
        if dose := self.topic_dose.match(rest):
            rest = rest[dose.end() :]
            if self.topic_dose_choice.match(rest) and len(rest.split()) <= 6:
                return True  # "Brigatinib 90 vs 180 - which?": a choice of doses
        if not self.asks_about_topic.match(question):
            return False
        if not rest.strip():
            return True
        joined = self.topic_join.match(rest) or self.prop_purpose.match(rest)
        return joined is not None and bool(rest[joined.end() :].strip()) and len(rest.split()) <= 9

    def _premise_of_a_therapy_asked(self, premise: str, question: str) -> bool:
        """(q22) ``premise``, the sentence's only other clause, is a finding a colon or a dash leads to a question
        about a therapy (``question`` names one): "CrCl 35 - is pemetrexed out?", "G1202R - is lorlatinib the only
        option?", "History of depression: avoid lorlatinib?"; the question's premise, as "ECOG 2 - still give carbo
        pem?" is (_with_premise). Not a premise after a comma, one that names a therapy ("PD on alec - lorla?") or
        tells the patient's course (topic_told: "on", "since", "her", a duration), nor a longer one (a case told),
        nor a question that names no therapy ("G1202R - what next?")."""
        body = premise.rstrip()
        if not body.endswith((":", "-", "–", "—")) or not self.prop_therapy.search(question):
            return False
        body = body.rstrip(" \t:-–—")
        return (
            bool(body.strip())
            and len(body.split()) <= 4
            and not self.prop_therapy.search(body)
            and not self.topic_told.search(body)
            and not _TOLD.search(body)
        )

    def _topic_join_before(self, body: str, at: int) -> int | None:
        """Where the topic join right before ``at`` starts in ``body`` ("Child-Pugh B and |lorlatinib"), or None."""
        for m in self.topic_join.finditer(body, 0, at):
            if not body[m.end() : at].strip():
                return m.start()
        return None

    def _paired(self, clause: str, named: int, pos: int) -> bool:
        """``clause`` names a therapy and a finding joined by "and" (prop_paired), nothing else, the pair a question
        right after it asks about ("lorlatinib and G1202R - good?", "G1202R and lorla - ok?"): the finding is the
        question's, as in "lorlatinib for G1202R". The finding is a few words naming no therapy and no clause of
        its own ("alectinib and G1202R found", "PD on alectinib and lorlatinib" are not pairs)."""
        if named:
            join = self.prop_paired.match(clause, pos)
            finding = clause[join.end() :] if join else ""
        else:
            join = self.prop_paired.search(clause)
            finding = clause[: join.start()] if join else ""
            rest = clause[join.end() :] if join else ""
            named, _, end, sequence = self._therapies(rest)
            if not named or sequence or not self.prop_alone_end.match(rest, end):
                return False
        finding = finding.strip(" \t-–—:,")
        return (
            bool(finding)
            and len(finding.split()) <= 3
            and not self.prop_therapy.search(finding)
            and not self.prop_verb.match(finding)
            and not _TOLD.search(finding)
        )

    def _options_before(self, text: str, bounds: list[int], k: int) -> int | None:
        """Where the options start that the pick at clause k chooses among ("lorla and brig, which one better",
        "between X and Y which would you pick", "crizo, brig or lorla - which is best?"): the clauses right before
        it that name nothing but therapies (with what they are for), two or more in all; None when there are
        fewer. After a sequence word the options are the therapies that follow it ("alectinib -> lorla or brig,
        which one?"): those before it were received."""
        first, named = k, 0
        while first:
            clause = text[bounds[first - 1] : bounds[first]]
            n, start, pos, sequence = self._therapies(clause)
            if not n or not (self.prop_purpose.match(clause, pos) or self.prop_alone_end.match(clause, pos)):
                break
            first, named = first - 1, named + n
            if sequence:
                return bounds[first] + start if named >= 2 else None
        return self._with_premise(text, bounds, first) if named >= 2 else None

    def _continues_a_list(self, text: str, bounds: list[int], k: int) -> bool:
        """The clause before clause k ends with an option: clause k continues a list of them ("never received
        brigatinib, ceritinib or lorlatinib")."""
        return k > 0 and bool(self.ends_with_option.search(text[bounds[k - 1] : bounds[k]]))

    def _with_premise(self, text: str, bounds: list[int], k: int) -> int:
        """Where the question of a proposal at clause k starts: at the sentence's first clause when that is a
        premise the proposal follows with a colon or a dash and that names no therapy ("MET amp: capmatinib +
        lorla", "ECOG 2 - still give carbo pem?", "plasma only - chemo?"), else at the proposal. A premise after a
        comma, or one naming a therapy, is a case stated ("PD on alec - lorla?")."""
        premise = text[bounds[0] : bounds[k]].rstrip()
        if k == 1 and premise.endswith((":", "-", "–", "—")) and not self.prop_therapy.search(premise):
            return bounds[0]
        return bounds[k]
