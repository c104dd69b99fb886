"""The role of each finding in its sentence: stated, stated absent, named as an option, or only supposed.

    negated       "no MET amp", "G1202R not detected", "denies headaches", "lorlatinib-naive"
    candidate     a TKI named as an option ("should we give lorlatinib?", "considering brigatinib")
    hypothetical  inside a question, a what-if or an uncertain clause ("is lorlatinib safe with statins?",
                  "what would you give if there were a G1202R?", "to rule out SCLC transformation")

Every kind of finding can be negated except a measured value (ECOG, PD-L1) and the reader's reports (unknown drug,
unreadable variant). A cue (a negation, a hedge, a plan, what to watch for) reaches a finding only through a list:
list words, other findings and items it does not know ("negative for ALK, MET or other bypass", "no headache,
photophobia or seizures"), never across a clause break nor into or out of brackets (except a plan's). A TKI in a
statement about the drugs ("brigatinib after alectinib has a modest response rate") or after "before" in a plan
("switch to gabapentin before lorlatinib") is a candidate, not one received. Also here: which TKI was stopped for
toxicity (also when replaced by the next one for a toxicity: "Xalkori -> Alecensa for transaminitis"), a stop denied
to be for toxicity (intolerance "none": "stopped for progression, not toxicity"), and the treatment sequence of the
TKIs named ("brigatinib after crizotinib" was crizotinib first; "before lorlatinib she had brigatinib" was
brigatinib first).
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from bot.nlu import compiled
from bot.nlu.corrections import Corrections
from bot.nlu.entity import CANDIDATE, HYPOTHETICAL, NEGATED, Entity
from bot.nlu.reader import Span, trim

# The sentence's and the plan section's ends stay here, not in clinical_phrases.yml: punctuation, with the full
# stops that end nothing ("vs.", "e.g.", "i.e.", a variant's "p." and "c.") as fixed-width lookbehinds; and
# sentences() serves therapies.py without a phrase table.
# (s10rest) not a "?" glued to the word it queries, as ward shorthand writes it ("on alectinib, ?progression, headache")
_SENTENCE_END = re.compile(
    r"(?:[!;\n]|\?(?![^\W\d_]))+|(?<!\bvs)(?<!\be\.g)(?<!\bi\.e)(?<!\bp)(?<!\bc)\.(?=\s|$)", re.IGNORECASE
)
# what a condition opening the rest of a sentence (or of its brackets) may follow: "Plan: if G1202R, lorlatinib"
_CLAUSE_OPENER = re.compile(r"^\s*$|(?::|\s[-–—]+|\()\s*$")
# where a plan heading's section ends: a full stop or a line's end
_PLAN_END = re.compile(r"\n|(?<!\bvs)(?<!\be\.g)(?<!\bi\.e)\.(?=\s|$)", re.IGNORECASE)
# a plan's item marker ("1.", "a)", "-")
_PLAN_ITEM = re.compile(r"\s*(?P<mark>(?:\d{1,2}|[a-e])[.)](?=\s)|[-*•](?=\s))?[ \t]*")


def _plan_item(text: str, at: int) -> re.Match[str]:
    """The item marker at ``at``, or the empty match there (the pattern matches anywhere)."""
    item = _PLAN_ITEM.match(text, at)
    assert item is not None
    return item


# a few words heading a sentence before a colon ("Query:", "Outcome requested from the panel:")
_HEADING = re.compile(r"^\W*[\w'/-]+(?:[ ][\w'/-]+){0,5}:[ \t]*")
# right before a finding: this patient's ("against this compound mutation", "her G1202R")
_OURS = re.compile(r"\b(?:this|these|her|his|their|(?:the )?patient's|pt's)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
# between a drug's name and its other name in brackets ("Lorbrena (lorlatinib)")
_GLOSS = re.compile(r"^\s*[(\[]\s*$")
# a toxicity said to be tolerated is no reason for the stop after it: "crizotinib (visual disturbance, tolerated) ->
# ceritinib"
_TOLERATED = (
    r"(?![\s,;(]*(?:(?:but|and|though|was|were|is|well|adequately|easily|fully)\s+)*"
    r"(?:tolerated|tolerable|manageable)\b)"
)
# between two TKIs of one list, each with its note in brackets: "crizotinib (visual disturbance) and brigatinib"
_ALSO_LISTED = re.compile(
    r"\s*(?:\([^()]{0,80}\))?\s*(?:,\s*|\s(?:and|or|&|as well as)\s+|,\s*(?:and|or)\s+|\s*/\s*)(?:also\s+)?"
)
_AND = re.compile(r"\b(?:and|as well as)\b|&|/", re.IGNORECASE)
# between two TKIs given one after the other ("alectinib, then brigatinib, both stopped for rash"): a stop after them
# is said of both only with a plural
_IN_TURN = re.compile(
    r"\s*(?:\([^()]{0,80}\))?\s*,?\s*(?:and\s+)?(?:then|later|subsequently|followed by)\s+", re.IGNORECASE
)
_OWN_CLAUSE = re.compile(r"\s+(?:was|is|were|has|had|then|started|begun|given|commenced|followed)\b", re.IGNORECASE)
# the values of an ALK result that say nothing was found ("fusion not detected", "no ALK alterations")
_NOTHING_FOUND = ("fusion_lost", "no_alk_alteration", "negative_plasma", "nothing_besides")
_STATEMENT_STOP = re.compile(r"\n|[.!?](?=\s|$)")  # where a statement ends (_clause_end) and the next starts
# what ends an item the reader does not know as a clause would (a dash between spaces, a colon): "no headache -
# photophobia or seizures" tells the headache, then something else
_CLAUSE_STOP = re.compile(r"[,;\n]|\.(?=\s|$)")  # where a symptom's clause ends (Context._other_illness)
_ITEM_BREAK = re.compile(r"\s[-–—]+\s|:")
_DROPPED = "dropped"  # a finding whose words say nothing either way ("no new brain mets")


def _compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` from the programs kept between runs (bot/nlu/compiled.py): the extractor's build compiles
    several hundred patterns here; the extractor saves the programs once it is built."""
    return compiled.shared().compile(pattern, flags)


def _words(cues: Iterable[str]) -> str:
    return "|".join(f"(?:{c})" for c in cues)


def _cue(cues: Iterable[str]) -> re.Pattern[str]:
    """Any of ``cues`` as whole words, anywhere."""
    return _compile(rf"(?<![\w-])(?:{_words(cues)})(?![\w])", re.IGNORECASE)


def _before(cues: Iterable[str], gap: str = "") -> re.Pattern[str]:
    return _compile(rf"(?<![\w-])(?:{_words(cues)}){gap}$", re.IGNORECASE)


def _after(cues: Iterable[str], copulas: Iterable[str], arrows: bool = False) -> re.Pattern[str]:
    """Any of ``cues`` right after a finding, past a colon, a dash or a table's cell border and one of ``copulas``
    ("MET amp: not detected", "G1202R | negative", "brain mets were excluded"); not a next cell that heads its own
    list ("MET amplification | Not detected: EGFR, KRAS"). With ``arrows``, past an arrow too ("G1202R -> neg"): a
    finding's result (not after a TKI, where an arrow leads to the next one: "alectinib -> consider lorlatinib")."""
    lead = r"(?:[\s:=-]|(?<=[-=])>|[→⇒⟶➔➝])*" if arrows else r"[\s:=-]*"
    return _frame(
        rf"^{lead}(?:\|(?![^|\n]*:)[\s:=|-]*)?(?:\b{{copulas}}\s+)?{{cues}}(?![\w])", {"copulas": copulas, "cues": cues}
    )


_SLOT = _compile(r"\{([a-z][a-z_]*)\}")  # {name}; never a quantifier's {0,3}, nor a phrase file's {TKI}


def _fill(frame: str, cues: Mapping[str, Iterable[str]]) -> str:
    """``frame`` with each {name} replaced by any of ``cues[name]``: the frame is the code's (anchors, gaps,
    punctuation), the words are the phrase file's."""
    return _SLOT.sub(lambda m: f"(?:{_words(cues[m.group(1)])})", frame)


def _frame(frame: str, cues: Mapping[str, Iterable[str]]) -> re.Pattern[str]:
    """``frame`` filled with ``cues`` (_fill), compiled case-insensitively."""
    return _compile(_fill(frame, cues), re.IGNORECASE)


def _not_after(cues: Iterable[str]) -> str:
    """Not right after any of ``cues`` (each one a fixed run of words: Python's lookbehinds are of a fixed width)."""
    return "".join(rf"(?<!\b{c} )" for c in cues)


class ListWords:
    """The words that join the items of a list (clinical_phrases.yml `list_words`), compiled for the lists of
    findings here and the groups of therapies of therapies.py: one definition of the words. Each list keeps its own
    marks (, / & +), and the two readers keep their own shapes where they read differently: a findings' list takes
    one mark and one conjunction between two items, a group of therapies any run of them and more words ("plus",
    "as well as"); TKIs given together take "and" and "then", not "or". One shape for all would change what is
    read."""

    def __init__(self, table: Mapping[str, Any]):
        words = table["list_words"]
        # after a comma, a cue still covers a finding only inside a list: "no MET, KRAS or BRAF", "negative for EGFR,
        # KRAS,": a conjunction right before the finding, or one of these right after it
        self.ends = _frame(r"\b{conjunctions}(?:\s+{item_openers})*\s*$", words)
        self.goes_on = _frame(r"^\s*(?:,|/|\b{conjunctions}\b)", words)
        # the marks and conjunctions between the items of a list, and what makes an item a clause of its own
        self.item_break = _frame(r"\s*(?:,|/|&|\b{conjunctions}\b)\s*", words)
        self.not_in_item = _frame(r"\b{not_in_items}\b", words)
        self.disjunction = _frame(r"\b{disjunctions}\b", words)
        # between two findings of one list
        self.join = _frame(r"^\s*(?:,|/|&)?\s*(?:{conjunctions}\s+)?$", words)
        # the join that closes a list of findings ("X, Y and Z", "X or Y", "X & Y")
        self.closes = _frame(r"\b{conjunctions}\b|&", words)
        # TKIs listed together as given ("after crizotinib and ceritinib", "crizotinib -> ceritinib")
        self.given_together = _frame(r"^\s*(?:,|&|/|\+|,?\s*{given_together}|{arrows})\s*$", words)
        # what may stand between two therapies of one group ("brigatinib, ceritinib and/or alectinib")
        self.therapy_filler = _frame(
            r"^[\s,/&]*(?:(?:{conjunctions}|{therapy_conjunctions}|{therapy_fillers})[\s,/&]+)*$", words
        )
        # a conjunction between two therapies: they are a list ("carbo/pem", "lorlatinib and SRS")
        self.therapy_conjunction = _frame(r"\b(?:{conjunctions}|{therapy_conjunctions})\b|/|&", words)
        self.alternative = _frame(r"\b{alternatives}\b", words)
        self.words = words


# between a word of resumption and the other TKI it restarts ("restarted alectinib", "back on brigatinib")
_RESTARTS_ANOTHER = _compile(r"\s*(?:(?:on|with|onto|the|her|his|previous|prior|original|first-line)\s+)*")


class ToxicStops:
    """The cues of a TKI stopped (held, interrupted) for a toxicity that the case reader (Context._intolerance) and
    the therapy-role reader (therapies.py, its intolerant role) share, compiled from clinical_phrases.yml
    `intolerance` and `toxicity_reason`. Each is matched (``match``, at a TKI's end) or searched right before one."""

    def __init__(self, table: Mapping[str, Any]):
        tol, reason = table["intolerance"], table["toxicity_reason"]
        self.not_ = _not_after(reason["not_the_reason"])  # "stopped on progression, not toxicity"
        # up to three words that qualify a toxicity ("for early pneumonitis", "because of difficult-to-control
        # hypertension", "due to grade 3 rash"), not a duration or another clause ("for 2 years with rash")
        self.qualifiers = _fill(r"(?:(?:{qualifier_grades}|(?!{not_a_qualifier}\b)[a-z][\w-]*)\s+){0,3}?", reason)
        toxicity = rf"{self.not_}(?:{_words(tol['toxicity'])})"
        because = rf"(?:{_words(tol['reason'])})\s+{self.qualifiers}{toxicity}(?![\w])"
        # a toxicity given as the reason, a few words on ("for transaminitis", "in March because of hypertension")
        self.reason = _compile(rf"[^.;,]{{0,40}}?(?<![\w-]){because}", re.IGNORECASE)
        # right after a TKI, past its dose or a bracket, its stop or hold for a toxicity given as the reason, also
        # in the next clause through a word that stands for it ("alectinib held for hepatotoxicity", "brigatinib 180
        # mg, withheld because of pneumonitis", "on alectinib; dose held for CK rise"), or a word that says it was
        # not tolerated ("alectinib not tolerated")
        lead = (
            r"(?:\s*\([^()]{0,40}\))?(?:\s+\d+(?:\.\d+)?\s*mg(?:\s+[a-z]{2,5})?)?"
            rf"(?:\s*(?:[,;:]|\s[-–—]+)\s*(?:(?:{_words(tol['stands_for_it'])})\s+)?|\s+)"
            r"(?:(?:was|were|is|has been|had been|had to be|have been|being|then|temporarily|subsequently|later|"
            r"briefly|eventually)\s+)*"
        )
        self.after = _compile(
            rf"{lead}(?:(?:{_words(tol['stop'])})(?![\w])\s+{because}|"
            rf"(?:{_words(tol['stopped_for_toxicity'])})(?![\w]))",
            re.IGNORECASE,
        )
        # right before a TKI: the stop ("came off", "switched from", "held"), with a toxicity later; or enough alone
        # ("could not tolerate", "intolerant of")
        self.came_off = _before(tol["came_off"], r"\s*")
        self.not_tolerated = _before(tol["not_tolerated"], r"\s*")
        # given again after the stop, or a hold said to be a short pause: no intolerance
        pause = _words(tol["pause"])
        hold = _words(tol["hold"])
        self.tolerated = _compile(
            rf"(?<![\w-])(?:{_words(tol['resumed'])}|(?:{pause})\s+(?:{hold})|(?:{hold})\s+(?:{pause}))(?![\w])",
            re.IGNORECASE,
        )

    def resumed(self, text: str, value: str, start: int, end: int, later: Iterable[tuple[int, str]]) -> bool:
        """The therapy ``value`` stopped at ``start`` is said given again, or its hold a short pause, before ``end``
        ("held for CK elevation and then resumed at 120 mg", "held for a week"); not a restart of another therapy of
        ``later`` (their places and values) named right after the word ("lorlatinib stopped for neuropathy,
        restarted alectinib": alectinib is restarted)."""
        later = sorted(later)
        for m in self.tolerated.finditer(text, start, end):
            nxt = next(((at, v) for at, v in later if at >= m.end()), None)
            if nxt is None or nxt[1] == value or not _RESTARTS_ANOTHER.fullmatch(text, m.end(), nxt[0]):
                return True
        return False


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; the end includes its terminator."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append((start, m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def _inside(places: list[tuple[int, int]], span: Span) -> bool:
    """``span`` lies inside one of ``places`` (sorted, not overlapping each other but for a bracket's own word)."""
    k = bisect.bisect_right(places, (span.start, math.inf)) - 1
    return any(a <= span.start and span.end <= b for a, b in places[max(0, k - 1) : k + 1])


def _sentence_at(bounds: list[tuple[int, int]], at: int) -> tuple[int, int]:
    """The sentence of ``bounds`` (sentences()) that the place ``at`` is in, found by halving, not by a pass over
    them: a pass per finding is work per finding and sentence."""
    k = bisect.bisect_right(bounds, (at, math.inf)) - 1
    return bounds[k] if k >= 0 else (0, 0)


class Context:
    def __init__(self, table: dict[str, Any]):
        neg, hyp = table["negation"], table["hypothetical"]
        copulas = table["after_copulas"]

        self.not_negatable = frozenset(table["not_negatable"])
        self.lists = ListWords(table)
        self.kinds = {e: kind for kind, entities in table["list_kinds"].items() for e in entities}
        self.groups = {e: group for group, entities in table["list_groups"].items() for e in entities}
        self.order = _Order(table["treatment_order"], self.lists)
        self.corrections = Corrections(table)
        self.new_keeps = frozenset(table["unchanged_when_new"])
        self.neg_before = _cue(neg["before"])
        self.neg_after = _after(neg["after"] + neg["gone_after"], copulas, arrows=True)
        self.score_denied = _before(neg["score_denied"], r"\s+")
        self.score_entities = frozenset(neg["score_entities"])
        self.found_after = _after(neg["found_after"], copulas)
        self.breaks = _compile(_words(neg["breaks"]), re.IGNORECASE)
        self.own_statement = _compile(rf"(?:{_words(neg['own_statement'])})\b", re.IGNORECASE)
        self.ends_clause = _compile(rf"^\s*(?:{_words(neg['ends_clause'])})\s*(?:[,(]|[-–—]\s)", re.IGNORECASE)
        self.experience = _compile(_words(neg["experience"]), re.IGNORECASE)
        self.gap = _compile(rf"^(?:[\s,/&:()+]|\b(?:{_words(neg['gap_words'])})\b)*$", re.IGNORECASE)
        self.new = _frame(r"\b{new}\b", neg)
        # a drug's qualifier, one word of what follows it (_unqualified): hyphenated, alone in its brackets or not
        # ("lorlatinib-resistant", "(TKI-refractory)"), or the rest of a TKI's ("-resistant", " resistant")
        word = _fill(r"(?<![\w-])\w+(?:-\w+)*?-{qualifier}(?![\w-])", neg)
        self.qualifier = _compile(rf"\(\s*{word}\s*\)|{word}", re.IGNORECASE)
        self.qualifier_after = _frame(r"(?:-|\s+){qualifier}(?![\w-])", neg)
        cand = table["candidate"]
        self.qualified_findings = frozenset(cand["qualified_findings"])
        self.qualified_gap = _frame(r"\s*(?:{qualified_gap}\s+)*", cand)
        self.qualified_words = _frame(r"{qualified_words}(?![\w-])", cand)
        self.led_to = _frame(r"\s*(?:{led_to})\s*", cand)
        self.led_to_given = _frame(r"[\s,;:-]*(?:\d+\s*mg\s*)?(?:{led_to_given})(?![\w])", cand)
        self.tki_neg_before = _before(
            table["tki_negation"]["before"], _fill(r"[\s-]+(?:(?!{not_between})\w+\s+)?", table["tki_negation"])
        )
        self.tki_neg_after = _after(table["tki_negation"]["after"], copulas)
        # a dose gap right after a denied TKI ("has not had her alectinib for 3 days"): a dose held, not a denial
        self.dose_gap = _frame(r"\s*(?:(?:{dose_gap_words})\s+)?(?:{dose_gap})", table["tki_negation"])
        self.not_a_gap = _cue(table["tki_negation"]["not_a_gap"])
        self.cand_before = _before(
            table["candidate"]["before"], _fill(r"\s+(?:(?!{not_between})\w+\s+)?", table["candidate"])
        )
        self.cand_after = _after(table["candidate"]["after"], copulas)
        self.received_after = _compile(rf"(?:{_words(cand['received_after'])})", re.IGNORECASE)
        # a modal or an entitlement up to six words before a TKI, in its clause, not past a word telling of a TKI
        # given, nor right after "on" or "of" ("would be funded under the CDF for lorlatinib"; `access`); a cue may
        # open at a contraction's apostrophe ("she'd be covered")
        self.access_before = _frame(
            r"(?:(?<![\w-])|(?='))(?:{access})(?:[ \t]+(?!(?:{access_stop})(?![\w-]))[\w'-]+){0,6}?[ \t]+"
            r"(?<!\bon )(?<!\bof )$",
            cand,
        )
        self.future_clause = _cue(table["candidate"]["future_clause"])
        self.future_before = _before(table["candidate"]["future_before"], r"\s+")
        self.next_step = _before(table["candidate"]["next_step"], r"\s+")
        self.instruction = _compile(rf"^\W*(?:{_words(table['candidate']['instruction'])})(?![\w])", re.IGNORECASE)
        self.general_statement = _cue(table["candidate"]["general_statement"])
        # a counterfactual access ("she would be funded for"): a country in its sentence is not hers (_general_region)
        self.access_elsewhere = _frame(r"(?:(?<![\w-])|(?='))(?:{access_elsewhere})(?![\w-])", cand)
        # a phrase opening a general statement's sentence with a comma ("After alectinib, lorlatinib is funded")
        self.rule_lead = _frame(r"^\s*(?:{rule_lead})\s+[^,;:()]{1,60},\s*$", cand)
        self.question_start = _compile(
            rf"^\W*(?:{_words(hyp['question_start'] + hyp['choice'])})(?![\w])", re.IGNORECASE
        )
        self.clause_question = _compile(rf"^\W*(?:{_words(hyp['clause_start'])})(?![\w])", re.IGNORECASE)
        self.choice = _compile(rf"^\W*(?:{_words(hyp['choice'])})[\s.!]*$", re.IGNORECASE)
        self.trailing_ask = _compile(rf"^\W*(?:{_words(hyp['trailing_ask'])})[\s.!]*$", re.IGNORECASE)
        self.asks_back = _compile(rf"^\W*(?:{_words(hyp['trailing_ask'] + hyp['asks_back'])})[\s.!?]*$", re.IGNORECASE)
        self.glued_question = _compile(rf"\s(?:{_words(hyp['glued_question'])})[\s.!]*$", re.IGNORECASE)
        self.doubts_back = _compile(rf"^\W*(?:{_words(hyp['doubts_back'])})[\s.!?]*$", re.IGNORECASE)
        self.names_option = _compile(rf"(?<![\w-])(?:{_words(hyp['option'])})(?![\w])", re.IGNORECASE)
        self.glued_ask = _compile(rf"\s(?:{_words(hyp['trailing_ask'])})[\s.!]*$", re.IGNORECASE)
        # a list goes on past a comma; a colon, a dash or an arrow leads from one to the next ("alectinib: lorlatinib")
        self.ends_with_option = _compile(rf"(?<![\w-])(?:{_words(hyp['option'])})\s*,\s*$", re.IGNORECASE)
        self.picks = _compile(rf"(?<![\w-])(?:{_words(hyp['picks'])})(?![\w])", re.IGNORECASE)
        prop = table["proposal"]
        self.prop_therapy = _compile(rf"(?<![\w-])(?:{_words(prop['therapy'])})(?![\w])", re.IGNORECASE)
        self.prop_verb = _compile(rf"\s*(?:{_words(prop['verb'])})\s+", re.IGNORECASE)
        self.prop_join = _compile(_words(prop["join"]), re.IGNORECASE)
        self.prop_sequence = _compile(_words(prop["sequence"]), re.IGNORECASE)
        self.prop_step = _compile(rf"(?<![\w-])(?:{_words(prop['sequence'])})", re.IGNORECASE)
        self.prop_dose = _compile(_words(prop["dose"]), re.IGNORECASE)
        self.prop_purpose = _compile(rf"\s+(?:{_words(prop['purpose'])})(?![\w])", re.IGNORECASE)
        self.prop_alone_end = _compile(rf"(?:\s+(?:{_words(prop['alone_end'])}))?\W*$", re.IGNORECASE)
        self.prop_arrow = _compile(rf"\s*(?:{_words(prop['arrow'])})(?![\w])", re.IGNORECASE)
        self.conditional = _cue(hyp["conditional"])
        self.filler = _compile(
            rf"(?<![\w-])(?:{_words(hyp['filler'])})[ \t]*(?:[,:]|[-–—]+(?=\s)|(?=[;.!?\n]|$))", re.IGNORECASE
        )
        plan = r"\s*(?:(?:\d+\s*mg|[a-z]+)\s+){0,2}?(?P<cue>%s)(?![\w])"
        self.conditional_plan = _compile(plan % _words(hyp["conditional_plan"]), re.IGNORECASE)
        self.pending_plan = _compile(plan % _words(hyp["pending_plan"]), re.IGNORECASE)
        self.planned_before = _before(hyp["planned_before"], r"\s+")
        # "..., lorlatinib, if G1202R is found": a condition after a comma or a dash, not one that qualifies
        self.conditional_after_break = _compile(
            rf"\s*(?:,|\s[-–—]+)\s*(?P<cue>{_words(hyp['conditional_plan'])})(?![\w])"
            rf"(?!\s+(?:{_words(hyp['not_a_condition'])})(?![\w]))",
            re.IGNORECASE,
        )
        self.taking_before = _before(hyp["taking_before"], r"\s+")
        self.plan_heading = _compile(
            rf"(?:^|[.;,\n])\s*(?:{_words(hyp['plan_heading'])})\s*(?::|[-–—]+\s)", re.IGNORECASE
        )
        self.plan_entities = frozenset(hyp["plan_entities"])
        others = table["other_people"]
        self.other_patients = _cue(others["patients"])
        # another person: at a clause's start, or named with what is said of them (", who ...", "(...)"), or theirs
        person = _fill(r"(?:(?:{people_lead})\s+)?(?:(?:{people_kin})[\s-]+)?(?:{people})(?![\w-])", others)
        self.other_person = _compile(
            rf"(?:^|[.;:,(\n]|\s[-–—]+|\b(?:and|but|while|whereas|whilst|though|although|because|fyi|btw|nb)\b)\s*(?P<who>{person})"
            # (s12) "of the patient" names whose they are ("The sister of the patient received lorlatinib")
            rf"(?!\s+(?:of|to)\b(?!\s+(?:the|our|this|my)\s+(?:patient|pt)\b))|(?<![\w-])(?P<named>{person})(?='s|\s*,?\s*(?:who|whose)\b|\s*\()",
            re.IGNORECASE,
        )
        self.family_history = _cue(others["family_history"])
        now = _words(hyp["other_illness_now"])
        self.other_illness_before = _compile(
            rf"(?<![\w-])(?:{_words(hyp['other_illness_before'])})[\s(:-]+(?:(?!(?:{now})\b)[\w/-]+[\s(-]+){{0,2}}$",
            re.IGNORECASE,
        )
        self.other_illness_after = _compile(rf"^[\s(]*(?:{_words(hyp['other_illness_after'])})(?![\w])", re.IGNORECASE)
        self.of_the_cancer = _cue(hyp["other_illness_cancer"])
        # (recall9) the patient and the person as one subject ("he and his partner choose comfort care"): the patient's;
        # not when what is said is the person's own ("she and her husband, who is on phenytoin", "his wife's")
        self.with_patient = _frame(r"(?:^|(?<=[\s,;:(]))(?:{patient_subject})\s+(?:and|&)\s*$", others)
        self.said_of_them = _compile(r"^(?:'s\b|\s*,?\s*(?:who|whose)\b|\s*\()", re.IGNORECASE)
        self.reports_back = _frame(
            r"^(?:'s\b.*)?(?P<aside>\s*,[^,.;]{0,60},)?\s*(?:(?:also|now|today|however|too|kindly|has|had|have|was|is|then|"
            r"later|who|,)\s+)*(?:{reports_back})(?![\w])",
            others,
        )
        # this patient again after a clause break: named (another patient's or person's part ends), or as the subject
        # (another person's part ends, an advice's too)
        resumes = (
            r"(?:[,;]|\s[-–—]+|\b(?:and|but|while|whereas|whilst|though|although|however|as|because|since|so)\b)\s*"
            r"(?:%s)(?![\w])"
        )
        self.patient_again = _frame(resumes % "{patient_again}", others)
        self.patient_resumes = _frame(resumes % "{patient_again}|{patient_subject}", others)
        # past a comma, the other person's clause goes on only with what continues it ("..., treated here, with
        # L1196M"), and after what only says where or how they are ("daughter nearby") only with a relative clause
        self.goes_on_of_them = _frame(
            r"\s*(?:{goes_on_relative}|{goes_on_verb}|{goes_on_adverb}|{goes_on})(?:(?<=/)|(?![\w]))", others
        )
        self.goes_on_in_list = _frame(
            r"\s*(?:and\s+)?(?:(?:{goes_on_adverb})\s+)?(?:{goes_on_relative}|{goes_on_verb})(?![\w])", others
        )
        self.relative_goes_on = _frame(r"\s*(?:{goes_on_relative})(?![\w])", others)
        self.other_sex = frozenset(tuple(pair.split()) for pair in others["other_sex"])
        self.list_opener = _frame(r"\s*(?:{list_opener})\s*,", others)
        self.person_ill = _cue(others["people_ill"])
        self.person_aside = _frame(r"(?<![\w-])(?:{people_aside})\W*$", others)
        self.advice = _cue(hyp["advice"] + table["no_longer"]["advice_before"])
        self.advice_entities = frozenset(hyp["advice_entities"])
        self.criterion = _compile(
            rf"(?:^|(?<=[.;\n(]))\s*(?:{_words(hyp['criterion'])})(?![\w])\s*(?P<open>\(|[-–—:])", re.IGNORECASE
        )
        met = _words(hyp["criterion_met"])
        answered = r"^\s*(?:%s)(?![\w])|(?<![\w-])(?<!\bnot )(?<!\bno )(?:%s)\W*$"
        self.criterion_met = _compile(answered % (met, met), re.IGNORECASE)
        excluded = _words(hyp["criterion_met"] + hyp["exclusion_met"])
        self.exclusion_met = _compile(answered % (excluded, excluded), re.IGNORECASE)
        self.teaching = _cue(hyp["teaching"])
        self.this_patient = _cue(hyp["this_patient"])
        self.region_care = _compile(table["region_context"], re.IGNORECASE)
        self.answer_option = _compile(_words(hyp["answer_option"]))
        self.lettered_list_heading = _compile(rf"(?:{_words(hyp['lettered_list_heading'])})", re.IGNORECASE)
        self.case_heading = _compile(rf"^\W*(?:{_words(hyp['case_heading'])})", re.IGNORECASE)
        self.patient_described = _compile(_words(hyp["patient_described"]), re.IGNORECASE)
        self.case_supposes = _cue(hyp["case_supposes"])
        self.diagnostic_before = _before(hyp["diagnostic_before"], r"[\s:-]+(?:[\w-]+\s+){0,3}")
        self.diagnostic_after = _after(hyp["diagnostic_after"], copulas)
        self.diagnostic_near = _cue(hyp["diagnostic_before"])
        self.result_earlier = _cue(hyp["diagnostic_before"] + hyp["result_earlier"])
        self.result_current = _cue(hyp["result_current"])
        self.result_year = _cue(hyp["result_year"])
        self.since_before = _before(hyp["since_before"], _fill(r"\s+(?:{since_gap}\s+)?", hyp))
        # right before a specimen: what was found on it ("confirmed on the adrenal biopsy", "in the liver core")
        self.seen_on = _frame(r"\b{seen_on}\s+(?:{seen_on_gap}\s+)?(?:[\w-]+\s+){0,2}$", hyp)
        self.clause_break = _frame(r",|:|\s[-–—]+\s|\(|\)|\b{clause_breaks}\b", hyp)
        self.result_after = _after(hyp["result_after"], copulas)
        self.result_in = _cue(hyp["result_after"])
        self.specimen_taken = _after(hyp["specimen_taken_after"], copulas)
        self.biopsy_to_come = _before(
            hyp["biopsy_to_come"], r"\s+(?:(?!(?:after|following|post|since|from|with|on|of)\b)[\w-]+\s+){0,2}"
        )
        self.uncertain_before = _cue(hyp["uncertain_before"] + hyp["plan_before"] + hyp["watch_for"])
        self.plan_before = _cue(hyp["plan_before"])
        self.uncertain_after = _after(hyp["uncertain_after"], copulas)
        self.consequence_after = _after(hyp["consequence_after"], ())
        # alternatives ("G1202R or L1196M", "either G1202R or I1171N", "G1202R vs L1196M") and, after them, a result
        # still to come or doubted ("..., awaiting report", "... - report pending", "... (to be confirmed)")
        self.alternative_join = _frame(r"^\s*,?\s*{alternatives}\s+$", table["list_words"])
        self.alternatives_doubted = _compile(
            rf"^[\s,;:?(–—-]*(?:[\w-]+\s+){{0,3}}?(?:{_words(hyp['uncertain_after'] + hyp['plan_before'])})(?![\w])",
            re.IGNORECASE,
        )
        self.alternatives_unknown = frozenset(hyp["alternatives_unknown"])
        # another gene after "or", or before it, beside a finding ("MET amp or EGFR", "EGFR or MET amplification")
        alternatives, genes = _words(table["list_words"]["alternatives"]), table["other_genes"]
        self.or_gene_after = _compile(rf"^\s*,?\s*(?:{alternatives})\s+(?:{genes})(?![\w-])", re.IGNORECASE)
        self.gene_or_before = _compile(
            rf"(?<![\w-])(?:{genes})(?:[\s-]+[\w.-]+){{0,2}}\s*,?\s*(?:{alternatives})\s+$", re.IGNORECASE
        )
        self.failed_test = _cue(hyp["failed_test"])
        self.failed_after = _after(hyp["failed_test"], copulas)
        self.failed_kinds = frozenset(hyp["failed_test_findings"])
        self.failed_ends = _compile(_words(hyp["failed_test_ends"]), re.IGNORECASE)
        # another test heading a clause, past up to three words that deny nothing ("; repeat rebiopsy NGS: ...")
        self.another_test = _frame(
            r"^\s*(?:(?!(?:no|not|nil|none|negative|without)(?![\w-]))[\w-]+\s+){0,3}?{another_test}(?![\w])", hyp
        )
        self.test_pending = _cue(hyp["plan_before"] + hyp["failed_test_pending"])
        self.plasma_specimen = _cue(hyp["plasma_specimens"])
        # a finding's specimen named after it ("no ALK mutations on plasma", "G1202R in the liver core")
        self.specimen_after = _compile(
            rf"\b(?:on|in|by|from|via|per)\s+(?:(?:the|a|an|her|his|repeat|subsequent|liver|lung|nodal|node)\s+)*"
            rf"(?P<kind>(?P<plasma>{_words(hyp['plasma_specimens'])})|{_words(hyp['tissue_specimens'])})(?![\w])",
            re.IGNORECASE,
        )
        tol = table["intolerance"]
        self.toxic = ToxicStops(table)
        not_, qualifiers = self.toxic.not_, self.toxic.qualifiers
        self.stopped_for = _compile(
            rf"(?:{_words(tol['stop'])})(?![\w])[^.;]*?{not_}(?:{_words(tol['toxicity'])})|"
            rf"(?:{_words(tol['toxicity'])})(?![\w]){_TOLERATED}[^.;]*?(?:{_words(tol['stop'])})(?![\w])|"
            rf"{not_}(?:{_words(tol['stopped_for_toxicity'])})(?![\w])",
            re.IGNORECASE,
        )
        self.came_off = self.toxic.came_off
        self.toxicity_on = _before(tol["toxicity_on"], r"\s*")
        self.stop = _cue(tol["stop"])
        # a stop said of every TKI of the list before it ("... and brigatinib (pneumonitis) were stopped for tox")
        self.collective_stop = _compile(
            rf"\s*(?:\([^()]{{0,80}}\))?\s*,?\s*(?P<plural>(?:{_words(tol['collective_after'])})\s+)?"
            rf"(?:(?:been|then|later|eventually|subsequently|ultimately)\s+)?(?:{_words(tol['stop'])})(?![\w])",
            re.IGNORECASE,
        )
        self.collective_before = _before(tol["collective_before"], r"\s+")
        self.not_tolerated = self.toxic.not_tolerated
        self.toxicity = _compile(rf"{not_}(?:{_words(tol['toxicity'])})(?![\w])", re.IGNORECASE)
        gone = table["no_longer"]
        self.no_longer_kinds = frozenset(gone["entities"])
        self.no_longer_before = _before(gone["before"], r"\s+")
        self.no_longer_after = _after(gone["after"], copulas)
        self.advice_before = _cue(gone["advice_before"])
        self.switched_to = _frame(r"\b{switched_onto}\s+$", tol)
        self.replaced_by = _compile(rf"(?:{_words(tol['switched_to'])})\s*$", re.IGNORECASE)
        self.toxic_reason = self.toxic.reason
        # right after a TKI, the reason of a stop said of the TKI before it ("... stopped for PD and brigatinib for
        # pneumonitis")
        self.gapped_reason = _compile(
            rf"[ \t]+(?:{_words(tol['reason'])})\s+{qualifiers}{not_}(?:{_words(tol['toxicity'])})(?![\w])",
            re.IGNORECASE,
        )
        self.denied_after_stop = _cue(tol["denied_after_stop"])
        self.denied_toxicity = _cue(tol["denied"])
        self.never = _frame(r"\b{never_came_off}\s+$", tol)
        # ---- recall8 (sets 8, 7, 3): a toxicity told before the TKI, the stop right after it ("hallucinations;
        # lorlatinib stopped"); _toxicity_then_stop
        self.stop_after = _frame(
            r"\s*(?:\([^()]{0,40}\)\s*)?,?\s*(?:{stop_words_between}\s+){0,3}{stop_after}(?![\w])", tol
        )
        self.toxicity_not_it = _frame(r"(?<![\w-]){toxicity_not_it}(?![\w])", tol)
        self.other_reason = _compile(
            rf"(?<![\w-])(?:{_words(tol['reason'])}|at|on|with|after)\s+(?:(?:the|a|an|his|her|disease|cns|brain|"
            rf"systemic|radiological|clinical|further)\s+)*(?:progress\w*|pd|relapse\w*|growth|resistance)(?![\w])",
            re.IGNORECASE,
        )
        # ---- end recall8
        self.tki_class = _frame(r"\b{tki_class}\b", tol)
        self._split: tuple[str, list[tuple[int, int]]] = ("", [])  # the last text's sentences (_sentences)
        # the last reading's qualifiers, its text with them blanked and its findings outside them (_unqualified)
        self._qualifiers: tuple[Any, ...] = ("", None, [], "", [], {})

    def _sentences(self, text: str) -> list[tuple[int, int]]:
        """sentences(text), computed once per text: a reading asks for them from several places, and once per
        finding (_to_come), which made the work per finding and sentence."""
        last, bounds = self._split
        if text != last or not bounds:
            bounds = sentences(text)
            self._split = (text, bounds)
        return bounds

    # ---- questions and what-ifs ------------------------------------------------------------------------------

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
        starts to ask to its end."""
        out = []
        for start, end in self._sentences(text):
            asked = self._asked_from(text, start, end)
            if asked is not None:
                out.append((asked, end))
        return out

    def supposed_regions(self, text: str) -> list[tuple[int, int]]:
        """The conditions of ``text``: "if X, give Y", the whole sentence; "give Y if X", X."""
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
                opener = _CLAUSE_OPENER.search(sentence[: m.start()])
                if opener and opener.group().strip() == "(":  # "(if G1202R, lorlatinib)": to the bracket's end
                    end = sentence.find(")", m.end())
                elif opener:  # "Plan: if G1202R, lorlatinib": the rest of the sentence
                    end = -1
                else:
                    brk = self.clause_break.search(sentence, m.end())
                    end = brk.start() if brk else -1
                regions.append((start + m.start(), start + (end if end >= 0 else len(sentence))))
        return regions

    def asks(self, text: str) -> bool:
        """Some sentence of ``text`` asks (a question, a request, a choice), besides any condition it supposes."""
        return any(self._asked_from(text, start, end) is not None for start, end in self._sentences(text))

    def _asked_from(self, text: str, start: int, end: int) -> int | None:
        """Where the sentence at start:end starts to ask, or None when it does not ask: all of it when it opens like
        a question or a choice ("Guardant or F1 Liquid - which is better ...?"); else from its asking clause when
        it ends with "?" or with a question glued to it ("MET fusion what drug"), or from its last clause when that
        asks without one ("..., any data", "... - lorla or brig"). A clause that doubts the one before it ("... - is
        it real?") takes that one in. A clause that only asks about the one before it ("any trial", "reasonable?",
        "add TKI?") takes in that one when it proposes a therapy ("crizo for L1198F after lorla - any data", "G1202R -
        lorla, ok?"), as does a request glued to a proposal ("capmatinib + lorla any evidence"); a proposal that
        follows a premise opening the sentence with a colon takes in the premise ("MET amp: capmatinib + lorla,
        thoughts?"); after a sequence of therapies only the last is proposed ("alectinib -> lorlatinib, thoughts?").
        A pick ("which one", "which is better", "your pick") takes in the options named right before it, with or
        without "?" ("lorla and brig, which one better after alec", "between X and Y which would you pick")."""
        sentence = text[start:end]
        if self.question_start.match(sentence):
            return start
        pick = self.picks.search(text, start, end)
        heading = _HEADING.match(sentence)  # "Outcome requested from the panel: advice on sequencing after ..."
        if heading and not pick and self.question_start.match(sentence[heading.end() :]):
            return start + heading.end()  # (not the options of a pick: "lorlatinib and brigatinib: which to pick")
        bounds = [start] + [m.end() for m in self.clause_break.finditer(text, start, end)]
        if pick and text[max(b for b in bounds if b <= pick.start()) : pick.start()].strip():
            bounds = sorted([*bounds, pick.start()])  # "between X and Y which would you pick": the pick asks apart
        bounds = [b for b in bounds if text[b:end].strip(" ?!.")]
        if not bounds:
            return None
        picked = max(b for b in bounds if b <= pick.start()) if pick else None  # where the pick's clause starts
        glued = self.glued_ask.search(text, bounds[-1], end)
        if sentence.rstrip().endswith("?") or self.glued_question.search(text, bounds[-1], end):
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
        if k and self.doubts_back.match(text[asked:end]):
            return bounds[k - 1]
        if k and self.picks.match(text[asked:end].lstrip()):
            options = self._options_before(text, bounds, k)
            return asked if options is None else options
        if k and self.asks_back.match(text[asked:end]):
            proposed = self._proposed_from(text, bounds, k - 1, asked)
            return asked if proposed is None else proposed
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
        premise the proposal follows with a colon and that names no therapy ("MET amp: capmatinib + lorla"), else
        at the proposal."""
        premise = text[bounds[0] : bounds[k]]
        if k == 1 and premise.rstrip().endswith(":") and not self.names_option.search(premise):
            return bounds[0]
        return bounds[k]

    # ---- roles -----------------------------------------------------------------------------------------------

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
        out: list[Entity] = []
        only_doubted: list[Entity] = []
        for i, span in enumerate(spans):
            if span.decided:  # a key-value line's reading: its value said the role
                supposed = span.role == HYPOTHETICAL or any(a <= span.start < b for a, b in regions)
                role = HYPOTHETICAL if supposed else span.role
                out.append(
                    Entity(span.entity, span.value, span.start, span.end, text[span.start : span.end], role, span.role)
                )
                continue
            stated = self._stated_role(text, spans, i)
            if stated is None and span.entity == "tki" and any(a <= span.start < b for a, b in general):
                stated = CANDIDATE  # "brigatinib after alectinib has a modest response rate": named, not received
            if stated is None and span.entity == "tki" and out and self._listed_with(text, out[-1], span, NEGATED):
                stated = NEGATED
            if stated is None and span.entity == "tki" and out and self._listed_with(text, out[-1], span, CANDIDATE):
                stated = CANDIDATE  # "request Lorbrena (lorlatinib)", "sensitive to lorlatinib or brigatinib"
            if stated == _DROPPED and _at_diagnosis_histology(text, span):  # "Initial EBUS FNA 2021: adenocarcinoma"
                span, stated = Span(span.start, span.end, "histology", "adenocarcinoma", span.priority), None
            if stated == _DROPPED or (span.negated_only and stated != NEGATED):
                continue
            # doubted by its own words ("G1202R unconfirmed", "ECOG 1 maybe"): supposed, yet correctable
            doubted = stated is None and span.value != "none" and self._uncertain(text, spans, i)
            supposed = (
                any(a <= span.start < b for a, b in regions)
                or (stated is None and span.entity == "tki" and self._conditional_plan(text, spans, i))
                # a therapy in a plan, given or withheld ("Outcome: no further IO" says nothing of what was given)
                or (
                    stated in (None, NEGATED) and span.entity in self.plan_entities and self._in_plan(text, span, plans)
                )
                or any(a <= span.start < b for a, b in others)  # a remark about other patients or people
                or (
                    span.entity in self.advice_entities
                    and not span.negated_only  # "nothing that interacts with CYP3A" denies, it does not advise
                    and self._named_in_advice(text, span, advised)
                )
                or (span.entity in self.failed_kinds and self._failed_result(text, span, stated, failed))
                or (span.entity == "region" and self._general_region(text, span, general))
                # a finding named in a statement about drugs or mutations in general ("G1202R is the commonest
                # resistance mutation after second-generation TKIs", "lorlatinib commonly causes hypercholesterolaemia",
                # "In patients with G1202R, lorlatinib is preferred"); not in a clause that names this patient ("She
                # has G1202R and lorlatinib is the preferred option")
                or (
                    stated is None
                    and span.entity != "region"
                    and any(a <= span.start < b and not self.this_patient.search(text, a, b) for a, b in general)
                    and not _OURS.search(text, max(0, span.start - 30), span.start)  # "against this compound mutation"
                )
            )
            role = stated if stated == CANDIDATE or not (supposed or doubted) else HYPOTHETICAL
            out.append(Entity(span.entity, span.value, span.start, span.end, text[span.start : span.end], role, stated))
            if doubted and not supposed:
                only_doubted.append(out[-1])
        out = self.corrections.apply(text, out, only_doubted, regions)
        out = self._timed_results(text, out)
        out += self._intolerance(text, out, regions)
        return _chronological(text, out, self.order)

    def _when(self, text: str, e: Entity) -> tuple[bool, bool, int | None]:
        """Whether the resistance result ``e`` is said to be an earlier one, the current one, and the year it is dated
        by: words near it, in its clause (before it back to a comma, after it up to one)."""
        before = re.split(r"[.;,\n]", text[max(0, e.start - 60) : e.start])[-1]
        after = re.split(r"[.;,\n]", text[e.end : e.end + 40])[0]
        near = f"{before} {after}"
        years = [int(m.group()) for m in self.result_year.finditer(near)]
        return bool(self.result_earlier.search(near)), bool(self.result_current.search(near)), max(years, default=None)

    def _timed_results(self, text: str, found: list[Entity]) -> list[Entity]:
        """A resistance result is this progression's: a class denied at an earlier time ("negative for EGFR, KRAS and
        BRAF at diagnosis") is not its none; of an ALK mutation found and none found, the current one counts ("G1202R
        previously reported; current specimen: ALK mutation not detected" is none, "G1202R on today's biopsy; the 2023
        plasma showed no ALK mutation" is G1202R), and when the times do not say which, neither is read."""
        years = [int(m.group()) for m in self.result_year.finditer(text)]
        dropped: set[int] = set()
        for k, e in enumerate(found):
            if e.entity in ("alk_mutation", "bypass_alteration") and e.value == "none" and e.role == NEGATED:
                earlier, current, year = self._when(text, e)
                if not current and (earlier or (year is not None and any(y > year for y in years))):
                    dropped.add(k)
        nones = [
            k
            for k, e in enumerate(found)
            if k not in dropped and e.entity == "alk_mutation" and e.value == "none" and e.role == NEGATED
        ]
        for k, e in enumerate(found):
            if not nones or e.entity != "alk_mutation" or e.value == "none" or e.role is not None:
                continue
            for n in nones:
                keep = _later(self._when(text, e), self._when(text, found[n]))
                if keep is not None:
                    dropped |= {n} if keep else {k}
                elif any(self._when(text, x) != (False, False, None) for x in (e, found[n])):
                    dropped |= {k, n}  # times told, yet not which is the current: neither
        return [e for k, e in enumerate(found) if k not in dropped]

    def _criteria(self, text: str) -> list[tuple[int, int]]:
        """The eligibility criteria a trial screening note states as rules ("Exclusion 4 (strong CYP3A inhibitors
        within 14 days): ...", "Inclusion criteria: ECOG 0-1; ..."): from the criterion's heading to its bracket's end
        or to the colon that answers it, else to the sentence's end; a criterion answered as met ("...: met") states
        the patient's findings."""
        out = []
        for m in self.criterion.finditer(text):
            end = _PLAN_END.search(text, m.end())
            stop = end.start() if end else len(text)
            close = text.find(")" if m.group("open") == "(" else ":", m.end(), stop)
            if close < 0:
                out.append((m.start(), stop))
            else:
                met = self.exclusion_met if m.group().strip().lower().startswith("excl") else self.criterion_met
                if not met.search(text[close + 1 : stop].lstrip(":")):
                    out.append((m.start(), close))
        return out

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
            people += [(*m.span(), False) for m in self.family_history.finditer(text, start, end)]
            found = [(m.start(), m.end(), False, False) for m in self.other_patients.finditer(text, start, end)]
            found += [
                (a, b, True, within)
                for a, b, within in people
                if not self.reports_back.match(text[b:end])
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
                if person and text[b:end].lstrip().startswith("("):
                    close = text.find(")", b, end)
                    stop = close if close >= 0 else end
                if (again := self._resumes(text, a, b, stop, person)) is not None:
                    stop = again
                listed = person and (within or self._in_patients_list(text, start, a, parts))
                for comma in re.finditer(",", text[b:stop]) if person else ():
                    if not self._goes_on(text, a, b, b + comma.start(), listed):
                        stop = b + comma.start()
                        break
                parts.append((a, stop))
            out += parts
        return out

    def _resumes(self, text: str, a: int, b: int, stop: int, person: bool) -> int | None:
        """Where this patient is taken up again after another patient's or person's words at a..b, before ``stop``:
        named again, or for a person also as the subject, not by a pronoun of the other sex than the patient's ("Her
        husband had NSCLC, he was given alectinib": he is the husband)."""
        for m in (self.patient_resumes if person else self.patient_again).finditer(text, b, stop):
            if not (person and self._of_other_sex(text, a, b, m.group())):
                return m.start()
        return None

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
        if self.relative_goes_on.match(text, comma + 1) or (subject and self._of_other_sex(text, a, b, subject[0])):
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
        letters = [(m.start(), m["letter"].lower()) for m in self.answer_option.finditer(text)]
        firsts = [
            at
            for (at, a), (_, b) in itertools.pairwise(letters)
            if (a, b) == ("a", "b") and not self.lettered_list_heading.search(text, max(0, at - 60), at)
        ]
        return out + [(firsts[0], len(text))] if firsts else out

    def _uncertain(self, text: str, spans: list[Span], i: int) -> bool:
        """A hedge or a plan around a finding stated present ("to rule out SCLC", "tissue biopsy planned"); a
        statement of absence stays one ("no rebiopsy planned"). A TKI stated as taken ("on alectinib pending NGS")
        is not made uncertain by what follows it: the words after it are about something else."""
        if text[spans[i].start - 1 : spans[i].start] == "?":  # "?SCLC transformation": queried, ward shorthand
            return True
        text, spans, i = self._unqualified(text, spans, i)  # "to rule out a lorlatinib-resistant compound mutation"
        span = spans[i]
        if span.entity == "biopsy_type" and self.specimen_taken.match(text[span.end : span.end + 40]):
            return False  # "NGS pending on the node core taken yesterday": the specimen was taken
        if span.entity == "biopsy_type" and self.biopsy_to_come.search(text[max(0, span.start - 100) : span.start]):
            return True  # "admitted for liver biopsy": the biopsy the admission is for is to come
        if span.entity in self.score_entities and self.score_denied.search(text[max(0, span.start - 20) : span.start]):
            return True  # "not ECOG 3": what the score is not; a correction may say what it is ("- more like 1")
        if span.entity != "tki" and self.consequence_after.match(text[span.end : span.end + 20]):
            return True  # "ECOG 3 would mean BSC": the premise of a consequence
        return (
            self._scoped(self.uncertain_before, text, spans, i) is not None
            or (not self._taken(text, span) and bool(self.uncertain_after.match(text[span.end : span.end + 60])))
            or self._doubted_alternative(text, spans, i)
        )

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
        ends = list(self.failed_ends.finditer(text, start, end))
        own = text[_statement_start(text, start) : start]
        for b, nxt in zip(ends, [*(e.start() for e in ends[1:]), end], strict=False):
            clause = text[b.end() : max(nxt, b.end())]
            if (self.another_test.match(clause) or self._on_other_specimen(clause, own)) and not (
                self.test_pending.search(clause) or self.failed_test.search(clause)
            ):
                return b.start()
        return end

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
        for m in self.plan_heading.finditer(text):
            # (s12) the plan's items numbered or bulleted ("Plan: 1. Lipids. 2. Lorlatinib 100 mg od", "Plan:\n-
            # lorlatinib"): the plan runs over every item
            item = _plan_item(text, m.end())
            end = _PLAN_END.search(text, item.end())
            while item["mark"] and end and (item := _plan_item(text, end.end()))["mark"]:
                end = _PLAN_END.search(text, item.end())
            out.append((m.end(), end.start() if end else len(text)))
        return out

    def _in_plan(self, text: str, span: Span, plans: list[tuple[int, int]]) -> bool:
        """Finding ``span`` is named in a plan section, and neither as taken ("continue alectinib") nor as the
        specimen a finding was seen on ("Outcome: SCLC transformation confirmed on the adrenal biopsy")."""
        if span.entity == "biopsy_type" and self.seen_on.search(text[max(0, span.start - 40) : span.start]):
            return False
        return any(a <= span.start < b for a, b in plans) and not self._taken(text, span)

    def _taken(self, text: str, span: Span) -> bool:
        """The TKI at ``span`` is stated as being taken ("on alectinib", "continues alectinib")."""
        return span.entity == "tki" and bool(self.taking_before.search(text[max(0, span.start - 30) : span.start]))

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

    def _stated_role(self, text: str, spans: list[Span], i: int) -> str | None:
        span = spans[i]
        if span.entity in self.not_negatable:
            return None
        if span.role == NEGATED:  # "MET CN 2.1 (not amplified)": the phrase says it
            return NEGATED
        if span.entity == "tki" and self._qualifies_mutation(text, spans, i):
            return CANDIDATE  # "lorlatinib-resistant compound mutation": what the mutation does to the drug
        typed = text
        if span.entity != "tki":
            text, spans, i = self._unqualified(text, spans, i)
        before, after = text[max(0, span.start - 40) : span.start], text[span.end : span.end + 40]
        if span.entity == "tki":
            denied = self.tki_neg_before.search(before)
            if denied and self.dose_gap.match(text, span.end) and not self.not_a_gap.search(denied.group()):
                denied = None  # "has not had her alectinib for 3 days": a dose held, of a TKI received
            if denied or self.tki_neg_after.match(after):
                return NEGATED
            if self.cand_after.match(after) and self._received_after(text, spans, i):
                return None  # "Lorlatinib was approved by her insurer and started in May": an access, then given
            if self.cand_before.search(before) or self.cand_after.match(after) or self._to_come(text, span):
                return CANDIDATE
            if self._led_to(text, spans, i):
                return CANDIDATE  # "G1202R -> lorlatinib": what the finding calls for
            if self.access_before.search(text, max(0, span.start - 100), span.start):
                return CANDIDATE  # "she would be funded for lorlatinib", "she qualifies for lorlatinib"
            return None
        if span.entity == "transformation" and span.value == "none" and self._at_diagnosis(text, span):
            return _DROPPED  # "Diagnostic core biopsy of the lung mass: adenocarcinoma" is the diagnosis's histology
        if span.entity in self.no_longer_kinds and self._scoped(self.advice_before, text, spans, i) is not None:
            return _DROPPED  # "avoid strong CYP3A inducers": advice, not what is taken
        if span.entity in self.no_longer_kinds and (
            (self.no_longer_before.search(before) and not _kept(text, spans, i))
            or self.no_longer_after.match(text[span.end : span.end + 70])
        ):
            return NEGATED  # "itraconazole was stopped": not taken now
        if span.entity == "biopsy_type":  # "no SCLC on the rebiopsy" denies the SCLC, not the rebiopsy
            if span.value != "none" and (
                self.diagnostic_before.search(before[-30:]) or self.diagnostic_after.match(after)
            ):
                return _DROPPED  # "the original biopsy", "dx bx": the diagnosis's specimen, not a re-biopsy
            if self.since_before.search(before) and not (
                self.result_after.match(after) or self.result_in.search(text, span.start, span.end)
            ):
                return _DROPPED  # "on phenytoin since her craniotomy": when the drug was started, not a test
            return NEGATED if self.tki_neg_before.search(before) or self.tki_neg_after.match(after) else None
        if self.neg_after.match(text[span.end : span.end + 70]) or self._denied_after_list(text, spans, i):
            return NEGATED
        gap = self._scoped(self.neg_before, text, spans, i)
        if gap is None:
            return _DROPPED if self._other_illness(text, span) else None
        # a qualifier in the gap qualifies as "new" does: "no alectinib-refractory brain mets" may leave others, and
        # "no lorlatinib-resistant mutations" denies no class (a lorlatinib-sensitive one may be there)
        qualified = typed[span.start - len(gap) : span.start] != text[span.start - len(gap) : span.start]
        if qualified and span.value == "none":
            return _DROPPED
        return _DROPPED if span.entity in self.new_keeps and (self.new.search(gap) or qualified) else NEGATED

    def _received_after(self, text: str, spans: list[Span], i: int) -> bool:
        """The TKI at ``spans[i]``, named with an access statement ("was approved", "funded"), is told as started in
        the same statement before any other TKI is named (candidate `received_after`: "... and started in May", "...;
        started 3/2024", "..., on it since June")."""
        m = self.received_after.match(text, spans[i].end)
        following = next((s.start for s in spans[i + 1 :] if s.entity == "tki" and s.start >= spans[i].end), len(text))
        return m is not None and m.end() <= following

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
        if self.of_the_cancer.search(after):
            return False
        return bool(self.other_illness_before.search(before) or self.other_illness_after.match(after))

    def _to_come(self, text: str, span: Span) -> bool:
        """A TKI after "before" in a clause that plans what is to be done ("happy to switch to gabapentin before
        lorlatinib"), not in one that tells what was given ("before lorlatinib she had brigatinib")."""
        cue = self.future_before.search(text[max(0, span.start - 20) : span.start])
        if cue is None:
            return self._next_step(text, span)
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

    def _at_diagnosis(self, text: str, span: Span) -> bool:
        """A diagnosis word earlier in the sentence of ``span``, within 60 characters ("Initial EBUS FNA 2021: ...")."""
        start = max(0, span.start - 60)
        before = re.split(r"[.;\n]", text[start : span.start])[-1]
        return bool(self.diagnostic_near.search(before))

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
        cues = list(cue.finditer(text, start, span.start))
        if not cues:
            return None
        if self.experience.match(text, cues[-1].start()):
            return None  # "I've never seen T1151M before": the clinician's experience
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
        if unknown and (straddled or not self._closed_over(text, spans, i, gap, supposes)):
            return None
        if "," in gap and not self._in_denied_list(text, spans, i, gap_start, supposes):
            return None  # "negative for X, KRAS G12C found"; "no headaches, two small brain mets"
        return gap

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
        if any(self._kind(s) != self._kind(span) for s in listed):
            return False
        last, k = span, i
        for nxt in spans[i + 1 :]:  # the rest of the list: findings of this kind joined by list words
            if self._kind(nxt) != self._kind(span) or not self.lists.join.match(text[last.end : nxt.start]):
                break
            last, k = nxt, k + 1
        if self.found_after.match(text[last.end : last.end + 40]):
            return False
        gap = text[cue_end : span.start]
        if self.lists.ends.search(gap) or self.lists.goes_on.match(text[span.end : span.end + 40]):
            return True
        # a cue that only supposes (uncertain, watch-for) also reaches a list without a conjunction that runs to its
        # clause's end ("Red flags: headache, vomiting, seizures"): leaving a finding unread is the safe side; a
        # denial reads the finding absent, and needs the list closed ("no MET amp, G1202R" states the G1202R)
        return supposes and self._list_to_clause_end(text, spans, k) is not None

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
        return tail if not first.strip() and self._items(items) else None

    def _list_run(self, text: str, spans: list[Span], i: int) -> list[Span]:
        """The findings of finding i's group that follow it in one list (only list words between them: "G1202R,
        L1196M and MET amp"), up to a finding of another group or anything else."""
        run, last = [], spans[i]
        for nxt in spans[i + 1 :]:
            if self._group(nxt) != self._group(last) or not self.lists.join.match(text[last.end : nxt.start]):
                break
            run.append(nxt)
            last = nxt
        return run

    def _denied_after_list(self, text: str, spans: list[Span], i: int) -> bool:
        """A negation after a list covers every item of it: "G1202R and MET amplification not detected", "EGFR, KRAS,
        BRAF: not detected", "brain mets and LMD absent". The list must be closed by and/or/nor, or the negation
        come after a colon, so that a report line keeps its first finding ("ALK G1202R, MET amp not detected" is
        left as it is read: ambiguous lists are for the clinician to restate)."""
        run = self._list_run(text, spans, i)
        if not run:
            return False
        after = text[run[-1].end : run[-1].end + 40]
        if not self.neg_after.match(after):
            return False
        return self._closed_list(text, [spans[i], *run]) or after.lstrip().startswith(":")

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
            return False
        return bool(self.lists.closes.search(text[items[-2].end : items[-1].start]))

    def _group(self, span: Span) -> str:
        return self.groups.get(span.entity, span.entity)

    def _kind(self, span: Span) -> str:
        return self.kinds.get(span.entity, span.entity)

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

    # ---- intolerance -----------------------------------------------------------------------------------------

    def _intolerance(self, text: str, found: list[Entity], regions: list[tuple[int, int]]) -> list[Entity]:
        """A TKI stopped for toxicity: the stop and the toxicity stated after it, before the next TKI ("alectinib
        stopped for hepatotoxicity", "crizotinib (grade 3 bradycardia), switched to ceritinib"), or the TKI named
        right after "came off", "switched from", "could not tolerate" with the toxicity in the same sentence, or
        right after a toxicity ("pneumonitis on brigatinib") with the stop in the same sentence."""
        out = []
        bounds = self._sentences(text)
        tkis = [e for e in found if e.entity == "tki"]
        intolerant_of: Entity | None = None  # the TKI "could not tolerate" was said of, which a list continues
        for k, e in enumerate(tkis):
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
            following = min([t.start for t in tkis[k + 1 :] if t.start > e.end] + [s_end])
            statement_end = min([t.start for t in tkis[k + 1 :] if t.start > e.end] + [_clause_end(text, e.end)])
            before = text[max(s_start, e.start - 40) : e.start]
            m = self.stopped_for.search(text, e.end, following)
            span = m.span() if m else None
            if span is None and not self.switched_to.search(before):
                offset = e.start - len(before)
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
                elif (b := self.toxicity_on.search(before)) and self.stop.search(text, e.end, _clause_end(text, e.end)):
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
                    span = self._toxicity_then_stop(text, tkis, k)
            if span is None and (h := self.toxic.after.match(text, e.end, statement_end)):
                span = h.span()  # "on alectinib; dose held for CK rise": past the semicolon, through "dose"
            if span is None and k + 1 < len(tkis) and tkis[k + 1].start < s_end:
                span = self._replaced_for_toxicity(text, e, tkis[k + 1], tkis[k + 2 :], s_end)
            later = [(t.start, t.value) for t in tkis[k + 1 :]]
            if span and self.toxic.resumed(text, e.value, e.end, max(span[1], statement_end), later):
                span = None  # "held for CK elevation and then resumed at 120 mg", "held for a week": tolerated
            if span:
                span = trim(text, *span)
                out.append(Entity("intolerant_tki", e.value, *span, text[span[0] : span[1]], e.role, e.stated_role))
                out[-1:] = [*self._listed_before(text, tkis[:k], e, span, s_start), out[-1]]
        return out + self._denied_intolerance(text, found, bounds, regions)

    # ---- recall8 (sets 8, 7, 3) ----------------------------------------------------------------------------------
    def _toxicity_then_stop(self, text: str, tkis: list[Entity], k: int) -> tuple[int, int] | None:
        """The place of the toxicity told before the TKI at ``k`` in its statement (past semicolons), when the
        TKI's stop follows right after it ("Grade 3 mood change and hallucinations; lorlatinib stopped", "she
        developed psychosis and lorlatinib had to be stopped"): no other TKI between them, nothing before the
        toxicity that denies, asks or resolves it ("no rash; ...", "if she gets hallucinations ..."), and no other
        reason given to the stop ("... stopped at progression")."""
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
        return toxic[-1].span()

    # ---- end recall8

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
        for transaminitis", "brigatinib, which was changed to alectinib in March because of hypertension")."""
        if then.role in (NEGATED, CANDIDATE) or not self.replaced_by.search(text[first.end : then.start]):
            return None
        end = min([t.start for t in later if t.start > then.end] + [s_end])
        m = self.toxic_reason.match(text[then.end : end])
        if m and self.stop.search(text, then.end, then.end + m.end()):
            return None  # "-> ceritinib (stopped for diarrhoea)": the second TKI's own stop, not the switch's reason
        return (then.end + m.start(), then.end + m.end()) if m else None

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


def _at_diagnosis_histology(text: str, span: Span) -> bool:
    """An adenocarcinoma read on a specimen is no transformation when the specimen is the diagnosis's: it is then
    the histology at diagnosis (the reader's readings of "no transformation" in context are an adenocarcinoma)."""
    return (span.entity, span.value) == ("transformation", "none") and text[span.start : span.end].lower().startswith(
        "adeno"
    )


def _later(a: tuple[bool, bool, int | None], b: tuple[bool, bool, int | None]) -> bool | None:
    """Whether result a (earlier, current, year: Context._when) is later than result b; None when their times do
    not tell (none told, or both told alike)."""
    rank_a = 2 if a[1] and not a[0] else 0 if a[0] and not a[1] else 1
    rank_b = 2 if b[1] and not b[0] else 0 if b[0] and not b[1] else 1
    if rank_a != rank_b:
        return rank_a > rank_b
    if a[2] is not None and b[2] is not None and a[2] != b[2]:
        return a[2] > b[2]
    return None


def _unclosed_bracket(gap: str) -> bool:
    """A bracket opened or closed between a cue and a finding, not both: the cue is outside the brackets the finding
    is in ("negative on the rebx (was ALK positive at dx)", "possible LMD (brain mets stable)", "(query SCLC) G1202R
    on tissue"). A bracket closed in the
    gap ("no MET amp (FISH) or KRAS G12C") is a remark inside one statement; one opened right after the cue holds
    what it denies ("negative for (MET, KRAS)")."""
    outside = re.sub(r"\([^()]*\)", "", gap.lstrip().removeprefix("("))
    return "(" in outside or ")" in outside


def _statement_start(text: str, at: int, reach: int = 0) -> int:
    """The start of the statement place ``at`` is in (after the last full stop or line before it, past semicolons),
    looked for from ``reach`` on."""
    return max([reach] + [m.end() for m in _STATEMENT_STOP.finditer(text, reach, at)])


def _clause_end(text: str, start: int) -> int:
    """The end of the statement a toxicity on a TKI is told in: the next full stop or line, past semicolons
    ("pneumonitis on brigatinib; changed to alectinib")."""
    m = _STATEMENT_STOP.search(text, start)
    return m.start() if m else len(text)


# ---- treatment sequence ----------------------------------------------------------------------------------------


class _Order:
    """The cues of the order the TKIs were given in (clinical_phrases.yml `treatment_order`), compiled. The date's
    and the line's notation stay here: digits, a month before a slash, "2L", "2nd-line" are the shapes of a number,
    not words ("line" is also fixed in line_is's lookbehind, which Python wants of a fixed width)."""

    def __init__(self, cues: Mapping[str, list[str]], lists: ListWords):
        # between two TKIs, the second came first; unless the sequence is also stated forwards
        # (or, right after the cue, only a comma: "alectinib and, before it, brigatinib")
        self.later_first = _frame(r"^[^.\n]{0,90}?\b{later_first}\b(?:[\w\s/-]{0,40}|,\s*)$", cues)
        self.forwards = _frame(r"\b{forwards}\b|{arrows}", {**cues, "arrows": lists.words["arrows"]})
        # right before the TKI the patient is on now: it is the last one whatever else the sentence says
        self.current = _frame(r"\b{current_before}\s+$", cues)
        # right after the TKI the patient had first, past a bracket ("crizotinib (2019) initially")
        self.first = _frame(r"^\s*(?:\([^)]{0,30}\)\s*)?{first_after}", cues)
        self.first_before = _frame(r"\b{first_before}\s*$", cues)
        # "before <TKI A> she had <TKI B>", "prior to A, B was given": B came before A, wherever A is named first
        self.before_it = _frame(r"\b{before_it}\s+(?:{before_it_gap}\s+)?$", cues)
        self.had = _frame(r"^\s*,?\s*(?:{had_who}\s+)?{had}\s+(?:[\w-]+\s+){0,4}?$", cues)
        self.was_given = _frame(r"^\s*{was_given}\b", cues)
        # recall8: "crizotinib, given before that, ...": it came before the TKI told before it
        self.given_before_that = _frame(r"^\s*[,(]\s*{given_before_that}\b", cues)
        self.joined = lists.given_together  # TKIs listed together ("after crizotinib and ceritinib")
        # a date written right beside a TKI, its start: "lorlatinib 2023-", "crizotinib 2018-2020", "brigatinib from
        # 11/2024", "ENVONALKIB (TQ-B3139) 2022-2024", or at the start of its line, "04/2016-02/2018 crizotinib"
        date = r"(?:(?P<month>0?[1-9]|1[0-2])/)?(?P<year>(?:19|20)\d\d)"
        range_end = _fill(r"(?:\s*{range_to}\s*(?:(?:\d{1,2}/)?(?:19|20)\d\d|{range_open})?)?", cues)
        self.date_after = _compile(
            _fill(r"^[ \t]*(?:\([^)\n]{0,30}\)[ \t]*)?[,:(]?[ \t]*(?:{date_opens}\s+)?", cues)
            + date
            + range_end
            + _fill(r"(?!\s*{not_a_year})", cues),
            re.IGNORECASE,
        )
        self.date_before = _compile(
            rf"(?:^|\n)[ \t]*(?:[-*•][ \t]*)?{date}{range_end}[ \t]*[:,]?[ \t]*$", re.IGNORECASE
        )
        # the line of therapy: "2L", "2nd-line", "second-line" (the ordinal words, in order: the first is line 1)
        self.ordinal = {w.lower(): n for n, w in enumerate(cues["line_ordinals"], start=1)}
        self.line = _frame(
            r"\b(?:([1-5])\s*L\b|([1-5])(?:st|nd|rd|th)[\s-]*line|({line_ordinals})[\s-]*line|line\s*([1-5])\b)", cues
        )
        # a bare ordinal or a list's number right beside a TKI, when no line is written: after it, ending its item
        # ("alectinib (2nd)", "alectinib was the second TKI,"), or right before it ("2nd alectinib", "second:
        # alectinib", "2) alectinib", "2. alectinib", "(2) alectinib")
        ordinal = r"(?:(?P<digit>[1-5])(?:st|nd|rd|th)|(?P<word>{line_ordinals}))(?![\w-])"
        self.bare_after = _frame(
            r"\s*(?:\(\s*)?(?:(?:{line_is})\s+)?(?:(?:the|her|his|their)\s+)?"
            + ordinal
            + r"(?:\s+(?:tki|alk tki|alk inhibitor|agent|drug|one))?\s*\)?(?=\s*(?:[,;.)\n]|$|and\b))",
            cues,
        )
        self.bare_before = _frame(r"(?:^|(?<=[\s,;:(]))" + ordinal + r"\s*[:)-]?\s*$", cues)
        self.numbered = _compile(r"(?:^|(?<=[\s;,(]))[(#]?(?P<digit>[1-9])\s*[.)]\s*$")
        # "first-line was Alecensa": the line, then a verb or a colon, then the TKI
        self.line_is = _frame(r"(?:(?<=line)|(?<=\dL))\s*(?:(?<=\s){line_is}|:)\s*$", cues)
        # a list said to be newest first ("Treatment history (most recent first): lorlatinib 2023-; brigatinib ...")
        self.newest_first = _frame(r"\b{newest_first}\b", cues)
        # a line of its own labelled as earlier treatment ("ENVONALKIB 2022-2024 — PD\nPrior: crizotinib 2019-2022")
        self.earlier_line = _frame(r"^[^\n]{0,60}\n\s*{earlier_label}(?: {earlier_label_what})?\s*[:-]\s*$", cues)


def _started(text: str, e: Entity, order: _Order) -> tuple[int, int] | None:
    """(year, month) of the date written right beside a TKI (its start when a range), or None."""
    m = order.date_after.match(text[e.end : e.end + 50]) or order.date_before.search(
        text[max(0, e.start - 40) : e.start]
    )
    return (int(m.group("year")), int(m.group("month") or 0)) if m else None


def _line(text: str, start: int, end: int, order: _Order, bare: bool = True) -> int | None:
    """The line of therapy written right beside a TKI ("2L lorlatinib", "alectinib (first-line)"), the nearer one
    when there is one on each side (one before it across a comma only when none follows it), never across a
    sentence break; else (when ``bare``) a bare ordinal or a list's number beside it (_bare_line). ``start``,
    ``end``: the TKI's place (a finding's, or a therapy's of therapies.py)."""
    before = order.line_is.sub("", re.split(r"[.;\n]", text[max(0, start - 24) : start])[-1])[-14:]
    after = re.split(r"[.;\n]", text[end : end + 26])[0]
    # a line before a comma is the TKI's only when none follows it ("brigatinib was 2nd line, alectinib was 1st line")
    found = [("," in before[m.end() :], len(before) - m.end(), m) for m in order.line.finditer(before)] + [
        (False, m.start(), m) for m in order.line.finditer(after)
    ]
    if not found:
        return _bare_line(text, start, end, order) if bare else None
    m = min(found, key=lambda f: f[:2])[2]
    digit = m.group(1) or m.group(2) or m.group(4)
    return int(digit) if digit else order.ordinal[m.group(3).lower()]


def _bare_line(text: str, start: int, end: int, order: _Order) -> int | None:
    """The line a bare ordinal or a list's number right beside a TKI gives it ("alectinib (2nd)", "2nd alectinib",
    "2) alectinib"), or None."""
    m = (
        order.bare_after.match(text, end)
        or order.bare_before.search(text[max(0, start - 16) : start])
        or order.numbered.search(text[max(0, start - 8) : start])
    )
    if m is None:
        return None
    digit = m.group("digit")
    return int(digit) if digit else order.ordinal[m.group("word").lower()]


def _chronological(text: str, found: list[Entity], order: _Order) -> list[Entity]:
    """The stated TKIs in treatment order: by the lines written beside them when each has a different one, else by
    the dates written beside them (their starts) when each has a different one, else as written, except that what
    follows 'after', 'following', 'previously' ... (and the TKIs listed with it) came before the TKI it follows."""
    glosses = _glosses(text, found)  # (recall9) "Ensartinib (Ensacove) since 05/2025": one drug, ordered once
    slots = [i for i, e in enumerate(found) if e.entity == "tki" and e.role is None and i not in glosses]
    tkis = [found[i] for i in slots]
    lines = [_line(text, e.start, e.end, order) for e in tkis]
    numbers = [n for n in lines if n is not None]
    dates = [_started(text, e, order) for e in tkis]
    known = [d for d in dates if d is not None]
    if len(tkis) > 1 and len(numbers) == len(lines) and len(set(numbers)) == len(numbers):
        ordered = [e for _, e in sorted(zip(numbers, tkis, strict=True), key=lambda p: p[0])]
    elif len(tkis) > 1 and len(known) == len(dates) and len(set(known)) == len(known):  # a dated timeline
        ordered = [e for _, e in sorted(zip(known, tkis, strict=True), key=lambda p: p[0])]
    elif tkis and order.newest_first.search(text[max(0, tkis[0].start - 80) : tkis[0].start]):
        ordered = tkis[::-1]
    else:
        ordered, k = [], 0
        while k < len(tkis):
            block, k = _earlier_first(text, tkis, k, order)
            ordered += block
    first = [
        e
        for e in ordered
        if order.first.match(text[e.end : e.end + 60])
        or order.first_before.search(text[max(0, e.start - 40) : e.start])
    ]
    if len(first) == 1 and len(ordered) > 1:  # "alectinib since 2019; ceritinib had been given first"
        ordered = first + [e for e in ordered if e is not first[0]]
    current = [e for e in ordered if order.current.search(text[max(0, e.start - 30) : e.start])]
    if len(current) == 1 and len(ordered) > 1:  # "currently on Lorviqua; had Alunbrig first-line"
        ordered = [e for e in ordered if e is not current[0]] + current
    for a, b in itertools.pairwise(tkis):  # "before lorlatinib she had Alunbrig": Alunbrig before every lorlatinib
        if a.value == b.value or not _had_before(text, a, b, order):
            continue  # checked first: the places below cost a pass over the list, per pair ("lorla and brig " x 300)
        first_a = next(k for k, e in enumerate(ordered) if e.value == a.value)
        if ordered.index(b) > first_a:
            ordered.remove(b)
            ordered.insert(first_a, b)
    out = list(found)
    for i, e in zip(slots, ordered, strict=True):  # ordered is tkis reordered
        out[i] = e
    if glosses:  # each other name right after the TKI it names again, wherever that one went
        out = [e for i, e in enumerate(out) if i not in glosses]
        for i, head in sorted(glosses.items()):
            at = next(k for k, e in enumerate(out) if e is head)
            out.insert(at + 1, found[i])
    return out


def _glosses(text: str, found: list[Entity]) -> dict[int, Entity]:
    """(recall9) The TKIs that only name again, in brackets, the one right before them ("Ensartinib (Ensacove)",
    "Lorbrena (lorlatinib)"), each with that one: the drug is ordered once, by its first name, and the date after
    the brackets is its own ("Lorlatinib (Lorbrena) since 2024, previously alectinib")."""
    out: dict[int, Entity] = {}
    previous: Entity | None = None
    for i, e in enumerate(found):
        if e.entity != "tki":
            continue
        if (
            previous is not None
            and e.role is None
            and previous.role is None
            and previous.value == e.value
            and _GLOSS.match(text[previous.end : e.start])
        ):
            out[i] = previous
        else:
            previous = e
    return out


def _had_before(text: str, a: Entity, b: Entity, order: _Order) -> bool:
    """``b`` is told as given before ``a``: "before lorlatinib she had brigatinib", "prior to A, B was given", "A
    was stopped; B, given before that, had failed" (recall8)."""
    if order.given_before_that.match(text[b.end : b.end + 40]):
        return True
    if not order.before_it.search(text[max(0, a.start - 30) : a.start]):
        return False
    between = text[a.end : b.start]
    return bool(order.had.match(between)) or (
        between.strip() in ("", ",") and bool(order.was_given.match(text[b.end : b.end + 30]))
    )


def _earlier_first(text: str, tkis: list[Entity], k: int, order: _Order) -> tuple[list[Entity], int]:
    """The TKI at k with what the text says came before it, oldest first; and the index after them."""
    head, nxt = tkis[k], k + 1
    if nxt == len(tkis) or not _later_first(text[head.end : tkis[nxt].start], order):
        return [head], nxt
    before, nxt = _earlier_first(text, tkis, nxt, order)
    while nxt < len(tkis) and order.joined.match(text[tkis[nxt - 1].end : tkis[nxt].start]):
        more, nxt = _earlier_first(text, tkis, nxt, order)
        before += more
    return before + [head], nxt


def _later_first(between: str, order: _Order) -> bool:
    return bool(order.later_first.match(between) or order.earlier_line.match(between)) and not order.forwards.search(
        between
    )
