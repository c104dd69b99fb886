"""Other patients and people, trial criteria, advice, teaching and statements of a general rule."""

from __future__ import annotations

import itertools
import re

from bot.nlu import compiled
from bot.nlu.context.cues import Cues, _per_text
from bot.nlu.context.patterns import _OURS, _plan_end, _sentence_at
from bot.nlu.reader import Span
from bot.nlu.statements import _statement_bounds

# (s17) a date in a lettered item's line ("a) crizotinib 09/2017-03/2018 - stopped: intolerance")
_DATE = compiled.kept(r"(?<![\w/])(?:(?:19|20)\d\d|\d{1,2}/(?:19|20)?\d\d)(?![\w/])")


def _dated_rows(text: str, first: int, second: int) -> bool:
    """(s17) The first two lettered items each open their own line and carry a date: the rows of a record (a
    treatment history, "a) crizotinib 09/2017-03/2018 - stopped: intolerance"), not a question's answer options."""

    def dated_line(at: int) -> bool:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        return not text[start:at].strip() and bool(_DATE.search(text, at, len(text) if end < 0 else end))

    return dated_line(first) and dated_line(second)


# where another primary cancer's part ends at the latest (People._other_primaries): its sentence's end
_PRIMARY_END = compiled.kept(r"[.!?](?:\s|$)|\n")

# where a trial's criterion told as a rule ends (People._criterion_rules): a semicolon or a dash between spaces, after
# which the patient's answer starts; a list of rules after a colon runs on past its semicolons
_ANSWER_DASH = compiled.kept(r"\s[-–—]+\s|;")
_LIST_DASH = compiled.kept(r"\s[-–—]+\s")
# (safe9) the sex a pronoun tells, and the contrast that makes "she" or "he" after another person the patient
_PRONOUN_SEX = {"she": "f", "he": "m"}
# the writer's own relative ("My father (82) is getting weaker. He ..."): in a relative's message, the patient
_WRITERS = compiled.kept(r"(?:my|our)\s", re.IGNORECASE)
_CONTRAST = compiled.kept(r"[;–—]|\s-+\s|\b(?:but|whereas|while|whilst|though|although|however)\b", re.IGNORECASE)


def _item_start(text: str, at: int, marks: tuple[str, ...]) -> int:
    """Where the item ending at ``at`` starts: right after the nearest of ``marks`` before it (else the text's start):
    the one reckoning of _relatives_items' two kinds of item (a relative named after it, a verb telling it theirs)."""
    return max((k + len(c) for c in marks if (k := text.rfind(c, 0, at)) >= 0), default=0)


class People(Cues):
    def _criteria(self, text: str) -> list[tuple[int, int]]:
        """The eligibility criteria a trial screening note states as rules ("Exclusion 4 (strong CYP3A inhibitors
        within 14 days): ...", "Inclusion criteria: ECOG 0-1; ..."): from the criterion's heading to its bracket's end
        or to the colon that answers it, else to the sentence's end; a criterion answered as met ("...: met") states
        the patient's findings."""
        out = []
        for m in self.criterion.finditer(text):
            stop = _plan_end(text, m.end())
            close = text.find(")" if m.group("open") == "(" else ":", m.end(), stop)
            if close < 0:
                out.append((m.start(), stop))
            else:
                met = self.exclusion_met if m.group().strip().lower().startswith("excl") else self.criterion_met
                if not met.search(text[close + 1 : stop].lstrip(":")):
                    out.append((m.start(), close))
        # (recall15) a rule told as what the protocol asks ("Protocol requires ECOG 0-1"); a criterion quoted and
        # answered after a dash or a colon ("'ECOG 0-1' - ECOG 0") in a message that screens for a trial: the quotation
        out += self._criterion_rules(text)
        if self.trial_screening.search(text):
            out += [m.span() for m in self.criterion_quoted.finditer(text)]
        return out

    @_per_text
    def _criterion_rules(self, text: str) -> list[tuple[int, int]]:
        """A trial's criterion told as a rule (candidate `criterion_rule`: "the protocol requires two, one of them
        lorlatinib", "Cohort 2 excludes prior lorlatinib", "inclusion requires progression on lorlatinib"): from the
        rule's words to the end of its statement (a full stop, a line, a semicolon unless the rules are listed after a
        colon, or a dash: "... - the patient is still on alectinib"), or to where this patient is taken up again
        ("..., and she progressed on alectinib"). A therapy or finding named in it is the protocol's, not the
        patient's (Context._stated_role, _criteria). Computed once per text, as its sentences are (_per_text)."""
        rules = []
        for m in self.criterion_rule.finditer(text):
            stop = _plan_end(text, m.end())
            # a list of rules after a colon ("Protocol requires: ...; ECOG 0-1; ...") runs on past its semicolons
            listed = text[m.end() : m.end() + 2].lstrip().startswith(":")
            dash = (_LIST_DASH if listed else _ANSWER_DASH).search(text, m.end(), stop)
            stop = dash.start() if dash else stop
            rules.append((m.start(), self._until_resumed(text, m.end(), stop)))
        return rules

    def _in_criterion_rule(self, text: str, span: Span) -> bool:
        """The finding at ``span`` is named in a trial's criterion told as a rule (_criterion_rules)."""
        return any(a <= span.start < b for a, b in self._criterion_rules(text))

    def _other_people(self, text: str) -> list[tuple[int, int]]:
        """The parts of ``text`` told of another patient or person than this one (table `other_people`), of two kinds.
        Another patient, or a remark about patients or a drug in general ("Dr Smith's patient had G1202R", "in my
        experience brigatinib causes ..."): from its words to the end of the sentence. Another person ("Her husband
        takes phenobarbital", "FHx: sister ALK+ NSCLC on alectinib", "lives with her mother, who takes phenytoin"):
        from them to the end of the sentence (of the brackets after them), past a comma only with what continues their
        clause, and none when they report about the patient ("wife says he's been taking St John's wort") but their
        aside before the report ("Her husband, who is on phenytoin, attended"). Either part ends where this patient is
        named again after a clause break ("- this one L1196M", "; ours has ..."); another person's also where the
        patient is the subject again ("..., but she is on alectinib")."""
        out = []
        for start, end in self._sentences(text):
            # a person named within the patient's clause ("Lives with her husband, who ...") is not its subject
            people = [
                (*m.span("who" if m["who"] else "named"), not m["who"])
                for m in self.other_person.finditer(text, start, end)
            ]
            # a family history as a section's heading ("FAMILY HISTORY: Father - MI at 58, ..."): its colon reports
            # nothing of the patient, and the section runs on (_family_section_end)
            histories = list(self.family_history.finditer(text, start, end))
            heads = [m for m in histories if self.history_heading.match(text, m.end())]
            people += [(*m.span(), False) for m in histories if m not in heads]
            for m in heads:
                again = self._resumes(text, m.start(), m.end(), end, True)  # "FH: mother breast ca; our pt on ..."
                out.append((m.start(), again if again is not None else self._family_section_end(text, end, m.end())))
            found = [(m.start(), m.end(), False, False) for m in self.other_patients.finditer(text, start, end)]
            found += [
                (a, b, True, within)
                for a, b, within in people
                # (a blood relative's colon heads their own words: "Her sister: ALK IHC positive, on alectinib")
                if (not self.reports_back.match(text[b:end]) or self.relative_colon.match(text, a, end))
                # (recall9) the patient and the person as one subject, nothing said of the person alone
                and not (self.with_patient.search(text, start, a) and not self.said_of_them.match(text[b:end]))
            ]
            # a person reporting about the patient after an aside of their own ("Her husband, who is on phenytoin,
            # says ..."): the aside is theirs, what follows the report the patient's
            out += [
                (a, b + report.end("aside"))
                for a, b, _ in people
                if (report := self.reports_back.match(text[b:end])) and report["aside"]
            ]
            parts: list[tuple[int, int]] = []
            for a, b, person, within in sorted(found):
                stop = end
                bracketed = False  # (safe22b) their own bracket, all of it theirs past its commas
                if person and text[b:end].lstrip().startswith("("):
                    close = text.find(")", b, end)
                    stop = close if close >= 0 else end
                    bracketed = close >= 0
                    if close >= 0 and self.goes_on_in_list.match(text, close + 1):
                        stop = end  # "Her brother (also a patient here) progressed on alectinib": the bracket an aside
                        bracketed = False
                if (again := self._resumes(text, a, b, stop, person)) is not None:
                    stop = again
                listed = person and (within or self._in_patients_list(text, start, a, parts))
                # "Mother: ex-smoker, deceased, squamous ca", "Father - ALK FISH positive, G1202R": theirs past commas
                # "His father (lung ca, ALK+)": the bracket after them theirs, past its commas
                headed = (
                    bracketed
                    or text[b:stop].lstrip().startswith(":")
                    or bool(
                        person and (self.relative_colon.match(text, a, stop) or self._apposition(text, start, a, stop))
                    )
                )
                for comma in re.finditer(",", text[b:stop]) if person and not headed else ():
                    if not self._goes_on(text, a, b, b + comma.start(), listed):
                        stop = b + comma.start()
                        break
                parts.append((a, stop))
                if person and stop == end and not histories:  # (a family history's items: the patient's after)
                    parts += self._pronoun_goes_on(text, a, b, end)
            out += parts
        return out + self._relatives_items(text)

    def _pronoun_goes_on(self, text: str, a: int, b: int, end: int) -> list[tuple[int, int]]:
        """(safe9) The sentences after a person's sentence (named at a..b, theirs to its ``end``) that open with a
        pronoun that may stand for them ("Her sister's tumour: ALK positive. She has G1202R.", "Her father had NSCLC.
        He was given crizotinib."): theirs too, on the same line, each to its end or to where this patient is named
        again; not a pronoun of the other sex than the person's ("His sister had breast cancer. He has G1202R": he is
        the patient), nor after people more than one ("Her parents ... She ..."), nor after the writer's own relative,
        who may be the patient in a relative's message ("My father is getting weaker. He stopped the tablets"); and
        only after a person whose own words name this cancer (`this_cancer`: ALK, NSCLC, lung, a TKI), whose story the
        pronoun may go on with ("His brother had a lymphoma. He is ALK positive by IHC": the patient)."""
        sex = self._sex(text, a, b)
        if sex == "plural" or _WRITERS.match(text, a) or not self.this_cancer.search(text, a, end):
            return []
        out = []
        for start, stop in self._sentences(text):
            if start < end:
                continue
            if "\n" in text[end:start] or text[:end].rstrip()[-1:] not in (".", "!"):
                break  # a new line, or a semicolon: the patient may be taken up again ("...; she is on brigatinib")
            pronoun = self.pronoun_opens.match(text, start, stop)
            if pronoun is None or "\n" in text[start : pronoun.start("pronoun")]:
                break
            if sex not in (None, _PRONOUN_SEX[pronoun["pronoun"].lower()]):
                break
            again = self.patient_again.search(text, pronoun.end(), stop)
            out.append((start, again.start() if again else stop))
            if again:
                break
            end = stop
        return out

    @_per_text
    def _other_primaries(self, text: str) -> list[tuple[int, int]]:
        """(lead) The parts of ``text`` that tell another primary cancer of the patient's (cue `other_primary`: "PMH:
        prostate cancer 2016, prostatectomy; no evidence of disease"): from its clause's start (past what names this
        cancer) to its sentence's end, or to the start of the first clause (after a comma or a semicolon) that names
        this cancer (`this_cancer`: "breast cancer 2010, ALK+ NSCLC 2022 on alectinib"); its findings of
        `other_primary_kinds` are not this cancer's."""
        out = []
        for m in self.other_primary.finditer(text):
            # from its clause's start ("Previous Hodgkin lymphoma ..."), past what names this cancer before it
            start = max(text.rfind(c, 0, m.start()) for c in ",;:.\n") + 1
            start = max([start, *(o.end() for o in self.this_cancer.finditer(text, start, m.start()))])
            end = _PRIMARY_END.search(text, m.end())
            stop = end.start() if end else len(text)
            ours = self.this_cancer.search(text, m.end(), stop)
            if ours:
                clause = max(text.rfind(",", m.end(), ours.start()), text.rfind(";", m.end(), ours.start()))
                stop = clause if clause >= 0 else ours.start()
            out.append((start, stop))
        for m in self.other_primary_told.finditer(text):
            # (prec10) "small cell carcinoma of the RUL, a second primary, treated with ...": the cancer it names stands
            # before it, so its sentence from the start, past what names this cancer
            start = max(text.rfind(c, 0, m.start()) for c in ".\n") + 1
            start = max([start, *(o.end() for o in self.this_cancer.finditer(text, start, m.start()))])
            end = _PRIMARY_END.search(text, m.end())
            out.append((start, end.start() if end else len(text)))
        return out

    def _in_other_primary(self, text: str, span: Span, primaries: list[tuple[int, int]]) -> bool:
        """``span`` lies in one of ``primaries`` (_other_primaries); a finding of `other_primary_clause_kinds` only
        before a semicolon or a word of now there (`other_primary_later`: "breast cancer 2012, HER2 amplified" is the
        other cancer's, "history of breast cancer; now MET amplification" this one's)."""
        return any(
            a <= span.start < b
            and not (
                span.entity in self.other_primary_clause_kinds and self.other_primary_later.search(text, a, span.start)
            )
            for a, b in primaries
        )

    def _relatives_items(self, text: str) -> list[tuple[int, int]]:
        """(trust3) The items of a list or a form named as a relative's right after them (relative_after_item: "[x]
        Diabetes (mother)", "COPD, stroke (brother), HTN", "lung cancer - father"): from the item's start (its line, a
        list's mark, a comma, a colon, a cell, a box) to the relative; the items before and after it are the
        patient's. So is an item a verb tells theirs at its statement's end (owned_by_other: "Lorlatinib tablets in the
        house belong to her husband") or (safe16) within it, to the person ("Lorlatinib tablets belonging to her
        husband were found at home", "alectinib prescribed for his late father")."""
        out = []
        for m in self.relative_after_item.finditer(text):
            out.append((_item_start(text, m.start(), tuple(",;:|\n(]")), m.end()))
        # (safe15) an item told theirs by its verb ("Lorlatinib tablets in the house belong to her husband"): from its
        # statement's start (a sentence's too)
        for m in self.owned_by_other.finditer(text):
            at = m.start()
            if text[:at].rstrip().endswith(","):  # "Brigatinib pack found at home, belongs to her mother"
                at = text.rindex(",", 0, at)
            out.append((_item_start(text, at, (",", ";", ":", "|", "\n", "(", "]", ". ")), m.end()))
        return out

    def _relatives_wishes(self, text: str) -> list[tuple[int, int]]:
        """The parts of ``text`` that tell a relative's or the family's own wish (cue `relative_wish`: "Her husband
        wants further treatment", "Her son would like comfort care only", "Family wishes to continue all treatment"):
        from the relative to the end of the sentence, or to where the patient is named or the subject again ("...,
        but she wants comfort care"). Not the patient and the relative as one subject ("Patient and family wish to
        continue treatment"); a relative reporting the patient's wish ("Husband reports she wants comfort care") is
        no wish of theirs. A goal of care in such a part is not the patient's (Context.entities)."""
        out = []
        sentences = self._sentences(text)
        for m in self.relative_wish.finditer(text):  # (its clause break may end the sentence before: "Seen; her ...")
            a = m.start("who")
            start, end = _sentence_at(sentences, a)
            if self.with_patient.search(text, start, a):
                continue
            out.append((a, self._until_resumed(text, m.end(), end)))
        return out

    def _until_resumed(self, text: str, at: int, stop: int) -> int:
        """Where this patient is taken up again after ``at`` (`patient_resumes`: named again, or the subject again:
        "..., and she progressed on alectinib", "..., but she wants comfort care"), else ``stop``: the end of a
        trial's rule (_criterion_rules) or of a relative's wish (_relatives_wishes)."""
        again = self.patient_resumes.search(text, at, stop)
        return again.start() if again else stop

    def _apposition(self, text: str, start: int, a: int, stop: int) -> bool:
        """The relative or partner named at ``a`` opens their clause set off by a comma, their own words after it
        ("her sister, ALK IHC positive, on alectinib", "Mother, NSCLC, EGFR positive", "..., but her brother, also
        ALK+, did well on lorlatinib"): the sentence from ``start`` holds nothing before them but an opener
        (`apposition_opener`: "Of note,", "but", a short heading's colon) or a clause of its own and a conjunction
        that opens theirs ("On alectinib, but her sister, ALK+, on lorlatinib"; "and" before "her", "his" or "their"),
        so they are no item of the patient's list ("58F, never smoker, sister, ...") nor of a list of people ("husband
        and daughter, on alectinib")."""
        if not self.relative_comma.match(text, a, stop):
            return False
        if self.apposition_opener.fullmatch(text, start, a):
            return True
        clause = self.apposition_after_clause.fullmatch(text, start, a)
        if clause is None:
            return False
        return clause["conj"].lower() != "and" or bool(self.apposition_own.match(text, a))

    def _family_section_end(self, text: str, end: int, heading: int) -> int:
        """Where a family history headed as a section ("FAMILY HISTORY: Father - MI at 58, hyperlipidaemia. Mother -
        type 2 diabetes, depression.") ends: its first sentence is the relatives' past every comma (its colon reports
        nothing of the patient), and so is each sentence after it on its line that starts with a relative ("Mother -
        ...", "Sister: ...", "; father stroke at 70"); the first that does not ("Pt: ...", "On alectinib since 2022")
        is the patient's again."""
        while end < len(text) and text[end - 1] != "\n" and (relative := self.relative_led.match(text, end)):
            end = _sentence_at(self._sentences(text), relative.end())[1]
        line_end = text.find("\n", heading)
        if line_end < 0 or text[heading:line_end].strip(" \t:-–—"):
            return end
        # (trust3) a heading alone on its line ("Family history:" then "- diabetes", "- stroke (brother)"): its items
        # run on over the lines after it to a blank line, a line that heads or keys its own section ("Past medical
        # history:", "Social: ...") or one with the patient as its subject; a relative's line ("Mother: breast ca")
        # is an item of it
        end = line_end
        while end < len(text):
            nxt = text.find("\n", end + 1)
            nxt = len(text) if nxt < 0 else nxt
            line = text[end + 1 : nxt]
            if not line.strip() or (self.section_line.match(line) and not self.relative_led.match(line)):
                break
            end = nxt
        return end

    def _resumes(self, text: str, a: int, b: int, stop: int, person: bool) -> int | None:
        """Where this patient is taken up again after another patient's or person's words at a..b, before ``stop``:
        named again, or for a person also as the subject, not by a pronoun of the other sex than the patient's ("Her
        husband had NSCLC, he was given alectinib": he is the husband); (safe9) nor by one of the person's own sex,
        or of a person whose sex their word does not tell, unless a contrast opens its clause ("Her sister had ALK+
        NSCLC, she was treated with alectinib", "His brother had lung cancer and he ...": theirs; "..., but she is on
        lorlatinib": the patient)."""
        for m in (self.patient_resumes if person else self.patient_again).finditer(text, b, stop):
            theirs = bool(text[b : m.start()].strip()) and self._may_be_them(text, a, b, m.group(), m.start())
            if not (person and (self._of_other_sex(text, a, b, m.group()) or theirs)):
                return m.start()
        return None

    def _sex(self, text: str, a: int, b: int) -> str | None:
        """(safe9) The sex of the person named at a..b by their word ("f", "m"), "plural" for people more than one
        ("parents", "children"), None when the word does not tell ("partner", "cousin")."""
        word = text[a:b].split()[-1:]
        if not word or self.people_plural.fullmatch(word[0]):
            return "plural" if word else None
        return "f" if self.people_female.fullmatch(word[0]) else "m" if self.people_male.fullmatch(word[0]) else None

    def _may_be_them(self, text: str, a: int, b: int, said: str, told_end: int) -> bool:
        """(safe9) ``said`` (a clause break, then the patient as the subject) ends with "she" or "he" that may stand
        for the person named at a..b: of their sex or of one their word does not tell, after no contrast ("but",
        "whereas") nor a stronger break than a comma or "and" (a semicolon, a dash: "...; she is on brigatinib"), their
        own words before it (to ``told_end``) naming this cancer, as _pronoun_goes_on asks."""
        words = said.lower().split()
        pronoun = words[-1] if words else ""
        if pronoun not in _PRONOUN_SEX or _CONTRAST.search(said) or _WRITERS.match(text, a):
            return False
        if not self.this_cancer.search(text, a, told_end):
            return False
        return self._sex(text, a, b) in (None, _PRONOUN_SEX[pronoun])

    def _of_other_sex(self, text: str, a: int, b: int, said: str) -> bool:
        """``said`` ends with a pronoun of the other sex than the patient's, the patient told by the lead of the
        person at a..b ("Her husband ..., he ...")."""
        lead, words = text[a:b].split()[:1], said.split()[-1:]
        return bool(lead and words) and (lead[0].lower(), words[0].lower()) in self.other_sex

    def _in_patients_list(self, text: str, start: int, at: int, parts: list[tuple[int, int]]) -> bool:
        """The person named at ``at`` is one item of a list of the patient's ("58F, never smoker, mother had breast
        ca, on alectinib"): an item before them in the sentence from ``start`` (or from its heading's colon), past an
        opener ("Of note, ..."), not another person's (``parts``: "FH: mother breast ca, sister ...")."""
        head = max(start, text.rfind(":", start, at) + 1)
        if opener := self.list_opener.match(text, head, at):
            head = opener.end()
        comma = text.rfind(",", head, at)
        return comma >= 0 and not any(first <= comma <= last for first, last in parts)

    def _goes_on(self, text: str, a: int, b: int, comma: int, listed: bool) -> bool:
        """The clause of the person named at a..b goes on past the comma at ``comma``: what follows continues it (a
        relative clause, a participle, a preposition, "and", "now" ...: "Her mother had ALK+ lung cancer, treated
        here, with L1196M"), or has them as its subject ("Her husband had NSCLC, he was ..."); when they are an item
        of the patient's list or named within the patient's clause (``listed``: "58F, mother had breast ca, on
        alectinib", "Lives with her husband, who has epilepsy, on alectinib"), or before their illness or its
        treatment is told (people_ill: "Husband at bedside, on lorlatinib"), only a relative clause or a verb; after
        what only says where or how they are ("daughter nearby, on carbamazepine") only a relative clause."""
        subject = text[comma + 1 : comma + 12].split()[:1]
        if self.relative_goes_on.match(text, comma + 1) or (
            subject
            and (
                self._of_other_sex(text, a, b, subject[0])
                or (bool(text[b:comma].strip()) and self._may_be_them(text, a, b, subject[0], comma))
            )
        ):
            return True
        told = not listed and self.person_ill.search(text, b, comma)  # "had lung cancer, now on ...": theirs
        goes_on = self.goes_on_of_them if told else self.goes_on_in_list
        return bool(goes_on.match(text, comma + 1)) and not self.person_aside.search(text, b, comma)

    def _advised(self, text: str, spans: list[Span]) -> list[tuple[int, int]]:
        """The clauses that advise about drugs or name their interaction ("Avoid carbamazepine with lorlatinib",
        "lorlatinib should not be co-administered with carbamazepine", "caution: lorlatinib + carbamazepine"): back
        to the clause's start (to the sentence's past a colon with only drugs before it: "lorlatinib and rifampicin:
        contraindicated"), on to the sentence's end, up to a clause that lists no more drugs or where the patient is
        the subject again."""
        named = [s for s in spans if s.entity in self.advice_entities]
        out = []
        for start, end in self._sentences(text):
            for m in self.advice.finditer(text, start, end):
                breaks = list(self.clause_break.finditer(text, start, m.start()))
                first = breaks[-1].end() if breaks else start
                while breaks and breaks[-1].group().strip() in (",", ":"):  # the list of drugs the advice is about
                    before = breaks[-2].end() if len(breaks) > 1 else start
                    if not self._only_drugs(text, named, before, breaks[-1].start()):
                        break
                    first = before
                    breaks.pop()
                stop = end
                for b in self.clause_break.finditer(text, m.end(), end):
                    rest = text[b.end() : end]
                    nxt = next((s for s in named if s.start >= b.end()), None)
                    if self.patient_resumes.match(text, b.start()) or nxt is None or nxt.start >= end:
                        stop = b.start()
                        break
                    if not self.lists.join.match(text[b.end() : nxt.start]) and not rest.lstrip().startswith("("):
                        stop = b.start()
                        break
                out.append((first, stop))
        return out

    def _only_drugs(self, text: str, named: list[Span], start: int, end: int) -> bool:
        """Nothing but drugs and list words between start and end ("lorlatinib + rifampicin")."""
        gap = list(text[start:end])
        inside = [s for s in named if start <= s.start and s.end <= end]
        for s in inside:
            gap[s.start - start : s.end - start] = " " * (s.end - s.start)
        return bool(inside) and bool(
            re.fullmatch(r"[\s,/&+]*(?:(?:and|or|with|vs\.?|versus|plus)[\s,/&+]*)*", "".join(gap), re.I)
        )

    def _named_in_advice(self, text: str, span: Span, advised: list[tuple[int, int]]) -> bool:
        """A TKI or an interacting drug named in advice (_advised), not stated as taken right before it ("on
        carbamazepine", "takes", "her carbamazepine")."""
        if not any(a <= span.start < b for a, b in advised):
            return False
        before = text[max(0, span.start - 30) : span.start]
        return not (self.taking_before.search(before) or _OURS.search(before))

    def _teaching(self, text: str) -> list[tuple[int, int]]:
        """The sentences that teach rather than tell of this patient ("G1202R is found in about a third of biopsies
        after second-generation TKIs", "the trial excluded patients with symptomatic brain metastases") and do not
        name the patient ("she has G1202R, found in a third of cases" tells of her); and a multiple-choice question's
        answer options, from the first ("(A) Continue alectinib (B) Switch to brigatinib")."""
        out = []
        for start, end in self._sentences(text):
            sentence = text[start:end].strip()
            if self.teaching.search(sentence) and not self.this_patient.search(sentence):
                out.append((start, end))
        for m in self.teaching_heading.finditer(text):  # (safe13) "Guideline: ...; lorlatinib after progression."
            if not self.this_patient.search(m.group()):
                out.append(m.span())
        out.sort()
        letters = [(m.start(), m["letter"].lower()) for m in self.answer_option.finditer(text)]
        firsts = [
            at
            for (at, a), (after, b) in itertools.pairwise(letters)
            if (a, b) == ("a", "b")
            and not self.lettered_list_heading.search(text, max(0, at - 60), at)
            and not _dated_rows(text, at, after)
        ]
        return out + [(firsts[0], len(text))] if firsts else out

    def _general(self, text: str) -> list[tuple[int, int]]:
        """The clauses of statements about the drugs or the findings in general ("brigatinib after alectinib has a
        modest response rate", "MET amplification is found in about 15% of biopsies"): a TKI there is named, not
        received, and a finding there is not stated of this patient."""
        out = []
        for start, end in self._sentences(text):
            for m in self.general_statement.finditer(text, start, end):
                breaks = [b.end() for b in self.clause_break.finditer(text, start, m.start())]
                after = self.clause_break.search(text, m.end(), end)
                first = max([start, *breaks])
                if len(breaks) == 1 and self._leads_rule(text[start:first]):
                    first = start  # "After alectinib, lorlatinib is funded": what the rule follows is the rule's
                out.append((first, after.start() if after else end))
        return out

    def _leads_rule(self, lead: str) -> bool:
        """``lead`` is a phrase that opens a general statement's sentence with a comma, naming what the rule follows
        or where it holds ("After alectinib,", "In England,"), without this patient in it ("After alectinib she
        progressed,")."""
        return bool(self.rule_lead.match(lead)) and not self.this_patient.search(lead)

    def _general_region(self, text: str, span: Span, general: list[tuple[int, int]]) -> bool:
        """A country or health system named in a sentence that states a rule in general (a clause of ``general``:
        "Under the PBS, lorlatinib is funded after alectinib", "NHS England commissions lorlatinib after alectinib") is
        not where this patient is treated, unless the sentence names the patient ("her lorlatinib is funded under the
        PBS") or where the patient is treated ("treated under the NHS in Leeds"); nor is one named where she would
        get a drug (candidate access_elsewhere: "In the UK she would be funded for lorlatinib"), unless the sentence
        says where she is treated ("she lives in the UK and would be funded for lorlatinib")."""
        start, end = _sentence_at(self._sentences(text), span.start)
        sentence = text[start:end]
        if self.access_elsewhere.search(sentence):  # "In the UK she would be funded for lorlatinib": where she might be
            return not self.region_care.search(sentence)
        if not any(start <= a < end for a, _ in general):
            return False
        return not (self.this_patient.search(sentence) or self.region_care.search(sentence))

    def _elsewhere_region(self, text: str, span: Span) -> bool:
        """(safe20) A country named after a laboratory, a test sent away, an opinion, a colleague or a trial's site in
        its statement (`region_elsewhere`: "NGS sent to Foundation Medicine (USA)", "Second opinion (Germany) advised
        lorlatinib", "discussed with colleagues in Germany (Heidelberg)", "Trial site (France)"): where the test was
        done or the advice given, not where the patient is treated; unless the statement says so before it
        (region_context: "Second opinion request from a colleague in Italy", "NGS showed G1202R, treated in Spain") or
        anywhere in it (`region_care_word`: "..., the patient is treated there")."""
        start, end = _statement_bounds(text, span.start, span.end, semicolons=True, reach=(100, len(text)))
        if not self.region_elsewhere.search(text, start, span.start):
            return False
        return not (self.region_care.search(text, start, span.end) or self.region_care_word.search(text, start, end))

    def _opinion_region(self, text: str, span: Span) -> bool:
        """A country named in the statement of a second opinion ("came to our hospital in Chennai for a second opinion
        only") when the message says the patient is treated elsewhere (hypothetical `treated_elsewhere`: "treatment
        to continue in Dhaka", "referred from ...", "her local oncologist"), outside the clause that names it: where
        the opinion is given, not where she is treated."""
        start = max((m.end() for m in re.finditer(r"[.;\n]", text[: span.start])), default=0)
        stop = compiled.kept(r"[.;\n]").search(text, span.end)
        end = stop.start() if stop else len(text)
        if not self.opinion_site.search(text, start, end):
            return False
        # "treated in Vienna" names its own country as where she is treated
        own = compiled.kept(r"\s*(?:the\s+)?")
        return any(
            m.end() > span.start or own.fullmatch(text, m.end(), span.start) is None
            for m in self.treated_elsewhere.finditer(text)
        )
