"""Building cue patterns (compiled through bot/nlu/compiled.py), the list words, the sentence bounds, and the
module-level patterns and helpers the parts of Context share."""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from bot.nlu import compiled
from bot.nlu.reader import Span

# The sentence's and the plan section's ends stay here, not in clinical_phrases.yml: punctuation, with the full
# stops that end nothing ("vs.", "e.g.", "i.e.", a variant's "p." and "c.") as fixed-width lookbehinds; and
# sentences() serves therapies.py without a phrase table.
# (s10rest) not a "?" glued to the word it queries, as ward shorthand writes it ("on alectinib, ?progression, headache")
_SENTENCE_END = compiled.kept(
    r"(?:[!;\n]|\?(?![^\W\d_]))+|(?<!\bvs)(?<!\be\.g)(?<!\bi\.e)(?<!\bp)(?<!\bc)\.(?=\s|$)", re.IGNORECASE
)
# what a condition opening the rest of a sentence (or of its brackets) may follow: "Plan: if G1202R, lorlatinib"
_CLAUSE_OPENER = compiled.kept(r"^\s*$|(?::|\s[-–—]+|\()\s*$")
# where a plan heading's section ends: a full stop or a line's end; not _STATEMENT_STOP (bot/nlu/statements.py), which
# ends at "!" "?" (a plan cut there reads "Outcome: WBRT! then lorlatinib" as lorlatinib given) and at "vs.", "e.g.",
# "i.e."
_PLAN_END = compiled.kept(r"\n|(?<!\bvs)(?<!\be\.g)(?<!\bi\.e)\.(?=\s|$)", re.IGNORECASE)


def _plan_end(text: str, at: int) -> int:
    """Where the section or the statement going on at ``at`` ends (_PLAN_END): a trial's criterion (People._criteria,
    People._criterion_rules); the text's end when nothing ends it."""
    end = _PLAN_END.search(text, at)
    return end.start() if end else len(text)


# a plan's item marker ("1.", "a)", "-")
_PLAN_ITEM = compiled.kept(r"\s*(?P<mark>(?:\d{1,2}|[a-e])[.)](?=\s)|[-*•](?=\s))?[ \t]*")


def _plan_item(text: str, at: int) -> re.Match[str]:
    """The item marker at ``at``, or the empty match there (the pattern matches anywhere)."""
    item = _PLAN_ITEM.match(text, at)
    assert item is not None
    return item


# a few words heading a sentence before a colon ("Query:", "Outcome requested from the panel:")
_HEADING = compiled.kept(r"^\W*[\w'/-]+(?:[ ][\w'/-]+){0,5}:[ \t]*")
# right before a finding: this patient's ("against this compound mutation", "her G1202R")
_OURS = compiled.kept(r"\b(?:this|these|her|his|their|(?:the )?patient's|pt's)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
# between a drug's name and its other name in brackets ("Lorbrena (lorlatinib)")
_GLOSS = compiled.kept(r"^\s*[(\[]\s*$")
# a toxicity said to be tolerated is no reason for the stop after it: "crizotinib (visual disturbance, tolerated) ->
# ceritinib"
_TOLERATED = (
    r"(?![\s,;(]*(?:(?:but|and|though|was|were|is|well|adequately|easily|fully)\s+)*"
    r"(?:tolerated|tolerable|manageable)\b)"
)
# (ther12) after a toxicity that ends a form's key: the key answered with nothing, a dash or none ("TKI stopped for
# toxicity: —"), which tells no stop
_UNANSWERED = r"[\w-]*\s*[:=]\s*(?:[-–—_]+|none|nil|no|n/?a|unknown)?[ \t]*(?:\n|$)"
# between two TKIs of one list, each with its note in brackets: "crizotinib (visual disturbance) and brigatinib"
_ALSO_LISTED = compiled.kept(
    r"\s*(?:\([^()]{0,80}\))?\s*(?:,\s*|\s(?:and|or|&|as well as)\s+|,\s*(?:and|or)\s+|\s*/\s*)(?:also\s+)?"
)
_AND = compiled.kept(r"\b(?:and|as well as)\b|&|/", re.IGNORECASE)
# between two TKIs given one after the other ("alectinib, then brigatinib, both stopped for rash"): a stop after them
# is said of both only with a plural
_IN_TURN = compiled.kept(
    r"\s*(?:\([^()]{0,80}\))?\s*,?\s*(?:and\s+)?(?:then|later|subsequently|followed by)\s+", re.IGNORECASE
)
_OWN_CLAUSE = compiled.kept(r"\s+(?:was|is|were|has|had|then|started|begun|given|commenced|followed)\b", re.IGNORECASE)
# the values of an ALK result that say nothing was found ("fusion not detected", "no ALK alterations")
_NOTHING_FOUND = ("fusion_lost", "no_alk_alteration", "negative_plasma", "nothing_besides")
# what ends an item the reader does not know as a clause would (a dash between spaces, a colon): "no headache -
# photophobia or seizures" tells the headache, then something else
_CLAUSE_STOP = compiled.kept(r"[,;\n]|\.(?=\s|$)")  # where a symptom's clause ends (Context._other_illness)
_ITEM_BREAK = compiled.kept(r"\s[-–—]+\s|:")
_DROPPED = "dropped"  # a finding whose words say nothing either way ("no new brain mets")


def _compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` from the programs kept between runs (bot/nlu/compiled.py): the extractor's build compiles
    several hundred patterns here; the extractor saves the programs once it is built."""
    return compiled.shared().compile(pattern, flags)


@functools.lru_cache(maxsize=256)
def _needs(regex: re.Pattern[str]) -> tuple[str, ...] | None:
    """The words one of which every match of ``regex`` has (compiled.necessary), kept between runs as its program is;
    asked once per pattern (a cue's, Lists._scoped, asks at every finding)."""
    return compiled.shared().needs(regex.pattern, regex.flags)


def _words(cues: Iterable[str]) -> str:
    return "|".join(f"(?:{c})" for c in cues)


def _cue(cues: Iterable[str]) -> re.Pattern[str]:
    """Any of ``cues`` as whole words, anywhere."""
    return _compile(rf"(?<![\w-])(?:{_words(cues)})(?![\w])", re.IGNORECASE)


def _opening(cues: Iterable[str], tail: str = "", lead: str = "") -> re.Pattern[str]:
    """Any of ``cues`` opening the text, past the punctuation before it (and ``lead``, a pattern that may come
    first), then ``tail``: a whole word (``_WHOLE``), or the whole text but for its closing punctuation (``_ALONE``,
    ``_ALONE_ASKED``)."""
    return _compile(rf"^\W*{lead}(?:{_words(cues)}){tail}", re.IGNORECASE)


_WHOLE = r"(?![\w])"
_ALONE = r"[\s.!]*$"
_ALONE_ASKED = r"[\s.!?]*$"  # a question mark closing it as well


def _before(cues: Iterable[str], gap: str = "") -> re.Pattern[str]:
    return _compile(rf"(?<![\w-])(?:{_words(cues)}){gap}$", re.IGNORECASE)


# a checklist's dot leader between an item and its answer ("Leptomeningeal disease ........ N"): four dots or more, not
# an ellipsis ("brain mets... no idea"); taken whole ((?!\.)), or a repeat around it could split a long leader every
# way it can be split before failing (tests/nlu/test_pattern_audit.py)
LEADER = r"\.{4,}(?!\.)"
# a colon or a dot leader: an item's answer follows; (safe10) or a dash set off by spaces, a form's separator
# ("Symptomatic CNS disease - no")
COLON_OR_LEADER = _compile(rf"\s*(?::|{LEADER})|\s+[-–—]+[ \t]")


def _after(cues: Iterable[str], copulas: Iterable[str], arrows: bool = False) -> re.Pattern[str]:
    """Any of ``cues`` right after a finding, past a colon, a dash or a table's cell border and one of ``copulas``
    ("MET amp: not detected", "G1202R | negative", "brain mets were excluded"), a checklist's dot leader ("MET
    amplification ........ N") or the quote the finding is named in ("'Prior lorlatinib' - no"); not a next cell
    that heads its own list ("MET amplification | Not detected: EGFR, KRAS"). With ``arrows``, past an arrow too
    ("G1202R -> neg"): a finding's result (not after a TKI, where an arrow leads to the next one: "alectinib ->
    consider lorlatinib")."""
    # (safe10) an en or em dash as a hyphen is ("Symptomatic brain mets — no")
    # (lead) past a markdown emphasis closing the finding's words ("**MET amplification**: not detected", "`G1202R`:
    # negative")
    lead = rf"(?:[\s:=–—*`-]|{LEADER}|(?<=[-=])>|[→⇒⟶➔➝])*" if arrows else rf"(?:[\s:=–—*`-]|{LEADER})*"
    return _frame(
        rf"^[\"'\u201d\u2019]?{lead}(?:\|(?![^|\n]*:)[\s:=|-]*)?(?:(?<![\w]){{copulas}}\s+)?{{cues}}(?![\w])",
        {"copulas": copulas, "cues": cues},
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
        self.item_qualifier = _frame(r"\s*(?:{item_qualifiers})\s*", words)  # (safe14) "G1202R hotspot"
        # the first word of a list's item, when it is a qualifier each item repeats (Lists._restated)
        self.restated = _frame(r"\s*({restated_qualifiers})\b", words)
        # what ends a denied list never closed (Lists._ends_denied_list), and a measure that says its last item found
        self.denied_tail = _frame(r"\s*(?:{denied_list_tail})\s*(?:[.;\n]|$)", words)
        self.measured = _frame(r"(?:{measured_after})", words)
        # what closes a denied list of TKIs after its last one, and what after it may tell that TKI given
        self.tki_aside = _frame(r"\s*(?:{denied_tki_aside})\s*", words)
        self.tki_given = _frame(r"(?:{tki_given_after})", words)
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
        # (trust7) a class denied, then its members looked for listed (Lists._denied_examples)
        self.examples_open = _frame(r"(?:{denied_examples_open})", words)
        # ... looked for in a window: the same openers past their leading spaces and comma, which match empty (a
        # search of "\s*,?\s*e.g." tried every split of a run of spaces at every place in it: an aligned report's
        # 60 spaces cost a second a message)
        seek = [re.sub(r"^(?:\\s\*)?(?:,\?)?(?:\\s\*)?", "", w) for w in words["denied_examples_open"]]
        self.examples_seek = _compile(_words(seek), re.IGNORECASE)
        # (each character matched one way only: a space taken by the list's own "[\s,/]" and by "\s" both split a run
        # of spaces every way before failing, tests/nlu/test_pattern_audit.py)
        self.examples_join = _frame(r"(?:{denied_examples_join})*", words)
        self.examples_close = _frame(r"(?:{denied_examples_close})", words)
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
        # (tunelow) also past the TKI's time and the stop's ("alectinib 2019-2021; stopped for hepatotoxicity",
        # "started brigatinib in 2022; discontinued in 2024 for pneumonitis")
        # (s22b) also a coded line's month or quarter ("ceritinib 2020-05 to 2020-11; ...", "2020 Q2 - 2020 Q4")
        date = r"(?:(?:\d{1,2}/)?(?:19|20)\d\d(?:-[01]\d(?:-[0-3]\d)?| ?q[1-4])?|[a-z]{3,9}\.? (?:19|20)\d\d)"
        when = rf"(?:\s+(?:in|from|since|until|on|at)?\s*{date}(?:\s*(?:-|–|to|until)\s*(?:{date}|now|present))?)?"
        # (s15) and past how long it was taken, also opening the bracket the stop is told in ("ceritinib for 3 months;
        # stopped for diarrhoea", "ceritinib 2019 (3 months; stopped for GI toxicity)")
        lasted = (
            r"(?:\s*[(,]?\s*(?:for\s+|x\s*)?(?:\d+|one|two|three|four|five|six|a few|several)\s*"
            r"(?:months?|mo|weeks?|wks?|years?|yrs?|days?)(?![\w])(?=\s*[,;:]))?"
        )
        lead = (
            rf"{when}(?:\s*\([^()]{{0,40}}\))?{lasted}(?:\s+\d+(?:\.\d+)?\s*mg(?:\s+[a-z]{{2,5}})?)?"
            rf"(?:\s*(?:[,;:]|\s[-–—]+)\s*(?:(?:{_words(tol['stands_for_it'])})\s+)?|\s+)"
            r"(?:(?:was|were|is|has been|had been|had to be|have been|being|then|temporarily|subsequently|later|"
            r"briefly|eventually)\s+)*"
        )
        # (s22b) a coded line's stop with its reason after a dash ("2020 Q2 - 2020 Q4; discontinued - toxicity (GI)")
        dashed = rf"[-–—]\s+{self.qualifiers}{toxicity}(?![\w])"
        self.after = _compile(
            rf"{lead}(?:(?:{_words(tol['stop'])})(?![\w]){when}\s+(?:{because}|{dashed})|"
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
            # (ther10) not a resumption denied ("held for hypertriglyceridaemia and never restarted")
            rf"(?<![\w-])(?<!never )(?<!not )(?<!not been )(?<!never been )"
            rf"(?:{_words(tol['resumed'])}|(?:{pause})\s+(?:{hold})|(?:{hold})\s+(?:{pause}))(?![\w])",
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


def _past_spaces(text: str, at: int) -> int:
    """Where the words after ``at`` are read from: past a run of spaces there but its last (safe9: a checklist's dot
    leader rewritten as spaces and a colon, tick_boxes.py, "Symptomatic CNS metastases                : N (no CNS
    metastases; MRI 11/28)", keeps its answer and its bracket in reach of what reads the words after a finding)."""
    end = at
    while end < len(text) and text[end] in " \t":
        end += 1
    return max(at, end - 1)


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


def _unclosed_bracket(gap: str) -> bool:
    """A bracket opened or closed between a cue and a finding, not both: the cue is outside the brackets the finding
    is in ("negative on the rebx (was ALK positive at dx)", "possible LMD (brain mets stable)", "(query SCLC) G1202R
    on tissue"). A bracket closed in the
    gap ("no MET amp (FISH) or KRAS G12C") is a remark inside one statement; one opened right after the cue holds
    what it denies ("negative for (MET, KRAS)"); (safe11) so is one closed right after the cue, before the finding
    ("No (asymptomatic) brain mets": a remark on what is denied)."""
    if not re.search(r"[()]", re.sub(r"\([^()]*\)", "", gap)):
        return False
    outside = re.sub(r"\([^()]*\)", "", gap.lstrip().removeprefix("("))
    return "(" in outside or ")" in outside
