"""Where a role's reach starts and ends (bot/nlu/context/), sentence by sentence: which TKI a stop or a toxicity
belongs to, which words say so, a question or a what-if that ends where its sentence or clause ends, a negation
that reaches every finding of its list. Mutation testing (make mutation) showed these edges could move without any
test noticing; each expectation is what the sentence says to a clinician."""
from __future__ import annotations

import itertools

import pytest

from bot.nlu import extractor
from bot.nlu.entity import CANDIDATE, HYPOTHETICAL, NEGATED
from tests.nlu.reads import assert_reads, assert_reads_excluding, assert_reads_exactly


def intolerance(text: str) -> list[tuple[str, str, object]]:
    """(TKI, the words that say it was not tolerated, role) for each intolerance read from ``text``."""
    return [(e.value, e.text.strip(), e.role) for e in extractor.load().entities(text) if e.entity == "intolerant_tki"]


@pytest.mark.parametrize("text,tki,words", [
    ("could not tolerate alectinib", "alectinib", "could not tolerate"),
    ("Could not tolerate alectinib, now progressing on lorlatinib", "alectinib", "Could not tolerate"),
    ("grade 3 pneumonitis on brigatinib, which was discontinued", "brigatinib", "pneumonitis on"),
    ("alectinib stopped for hepatotoxicity", "alectinib", "stopped for hepatotoxicity"),
])
def test_intolerance_names_the_tki_and_the_words_that_say_so(text, tki, words):
    assert intolerance(text) == [(tki, words, None)]


def test_a_stop_and_toxicity_belong_to_the_tki_just_before_them_not_an_earlier_one():
    text = "crizotinib then alectinib stopped for hepatotoxicity, then brigatinib"
    assert extractor.extract_case(text) == {"prior_tkis": ["crizotinib", "alectinib", "brigatinib"],
                                            "intolerant_tkis": ["alectinib"]}


def test_a_tki_never_given_does_not_stop_intolerance_being_read_for_the_next():
    text = "lorlatinib-naive, alectinib stopped for hepatotoxicity"
    assert_reads_exactly(text, {"prior_tkis": ["alectinib"], "intolerant_tkis": ["alectinib"]})


def test_a_toxicity_that_resolved_is_not_intolerance_when_the_stop_is_in_a_later_sentence():
    """Pneumonitis on brigatinib that resolved; brigatinib stopped later, at progression: not stopped for toxicity."""
    text = "pneumonitis on brigatinib, resolved with steroids. Later it was stopped at progression."
    assert_reads_exactly(text, {"prior_tkis": ["brigatinib"]})


def test_a_what_if_intolerance_is_supposed_not_stated():
    text = "what if alectinib had been stopped for hepatotoxicity?"
    assert [role for *_, role in intolerance(text)] == [HYPOTHETICAL]
    assert_reads_exactly(text, {})
    assert extractor.scenario_fields(text) == {"prior_tkis": ["alectinib"], "intolerant_tkis": ["alectinib"]}


def test_cues_are_read_whatever_the_case_of_the_letters():
    assert [(e.value, e.role) for e in extractor.load().entities("CONSIDERING LORLATINIB")] == [("lorlatinib", CANDIDATE)]
    assert extractor.extract_case("COULD NOT TOLERATE ALECTINIB") == {"prior_tkis": ["alectinib"],
                                                                     "intolerant_tkis": ["alectinib"]}


@pytest.mark.parametrize("text", ["no MET amp or KRAS G12C", "no MET amplification, EGFR mutation or KRAS G12C",
                                  "negative for MET amp, RET fusion or KRAS G12C"])
def test_one_negation_reaches_every_finding_of_its_list(text):
    found = [e for e in extractor.load().entities(text) if e.entity == "bypass_alteration"]
    assert len(found) >= 2 and all(e.role == NEGATED for e in found)
    assert extractor.extract_case(text) == {}  # the alterations named are absent; nothing said of the others


def test_a_one_word_question_is_a_question():
    assert_reads_exactly("Lorlatinib?", {})


def test_a_question_ends_with_its_line():
    text = "Should we give lorlatinib?\nAlectinib stopped working."
    assert_reads_exactly(text, {"prior_tkis": ["alectinib"]})


def test_a_conditional_aside_covers_only_its_clause():
    """'if that helps' supposes nothing: what comes before it and after its clause is stated."""
    text = "Progressed on alectinib with G1202R on tissue if that helps, ECOG 1"
    assert extractor.extract_case(text) == {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"],
                                            "biopsy": "tissue", "ecog": 1}


def test_a_finding_dropped_as_saying_nothing_does_not_hide_the_next_one():
    """'no new brain mets' says nothing about the brain metastases already known; the G1202R after it is read."""
    assert extractor.extract_case("no new brain mets, G1202R on tissue") == {"alk_mutations": ["G1202R"],
                                                                           "biopsy": "tissue"}


def test_a_conditional_inside_a_sentence_supposes_until_its_clause_ends():
    assert_reads("Progressed on alectinib, lorlatinib if G1202R is found, ECOG 1", {"alk_mutations": None, "ecog": 1})


@pytest.mark.parametrize("text", [
    "Outcome: WBRT! then lorlatinib",
    "Plan: SRS to the 2 lesions!! then lorlatinib",
    "Plan: switch? lorlatinib if G1202R",
    "R: restage vs. lorlatinib now",
    "Plan: re-biopsy, e.g. liver; then lorlatinib",
])
def test_a_plan_section_runs_on_past_an_exclamation_a_question_mark_and_abbreviations(text):
    """A plan heading's section ends at a full stop or a line's end (_PLAN_END), not at "!" or "?" as a statement
    does (_STATEMENT_STOP): the TKI planned after them is not one received."""
    assert_reads_excluding(text, "prior_tkis", ["lorlatinib"])


def test_a_long_run_of_tki_names_does_not_search_for_the_sentence_end_per_name(monkeypatch):
    """A TKI's conditional plan looks for the end of its sentence only when a condition follows it: searching per TKI
    made "is lorla " x 2,000 take seconds (quadratic). Counted in searches, not timed."""
    from bot.nlu.context import timing

    calls = []
    real = timing._SENTENCE_END

    class Counting:
        def search(self, *args, **kwargs):
            calls.append(1)
            return real.search(*args, **kwargs)

        def __getattr__(self, name):
            return getattr(real, name)

    monkeypatch.setattr(timing, "_SENTENCE_END", Counting())
    extractor.load().entities("is lorla " * 300)
    assert len(calls) <= 3


def test_a_long_run_of_tki_names_is_put_in_order_in_linear_work():
    """Each pair of neighbouring TKIs is checked for "before X she had Y" before its places in the list are looked up
    (looking them up first made "lorla and brig " x n cost n² work). Counted in calls (tests/nlu/work.py)."""
    from tests.nlu import work

    assert work.growth(extractor.extract_case, lambda n: "lorla and brig " * n, 150) < 2.2


@pytest.mark.parametrize("sentence", [
    "Switch to gabapentin before lorlatinib. ",  # a TKI after "before": which sentence it is in, per TKI
    "Happy to stop the statin before starting brigatinib; ",
    "no headache, vomiting or seizures. ",
    "G1202R and MET amp not detected. ",
    "alectinib stopped for progression, not toxicity. ",  # a stop denied to be for toxicity: per sentence, its TKIs
    "crizotinib (rash) -> alectinib\n",
    "Watch for headache or vomiting. ",
    "no photophobia, headache or seizures. ",  # a list past an item the reader does not know, to its clause's end
    "Red flags: photophobia, headache, seizures. ",
])
def test_a_text_of_many_sentences_with_findings_is_read_in_linear_work(sentence):
    """The sentences of a text are split once per reading and the sentence of a finding is found by halving, not
    by splitting the text again or passing over every sentence per finding (that made the work findings x
    sentences). Counted in calls (tests/nlu/work.py): twice the sentences, about twice the calls."""
    from tests.nlu import work

    assert work.growth(extractor.load().read, lambda n: sentence * n, 120) < 2.2


# ---- a cue that supposes reaches over a list past items the reader does not know ---------------------------------

SUPPOSING = ["Red flags:", "Watch for", "Advised to report", "Asked to look out for", "Safety-netted for",
             "Told to report any", "possible", "query", "to rule out", "concern for"]
UNKNOWN = [("photophobia", "diplopia"), ("neck stiffness", "unsteadiness"), ("new weakness", "worsening nausea")]
SUPPOSED_LISTS = ["{cue} {u}, {v}, {f}", "{cue} {u}, {f}", "{cue} {u}, {v} or {f}", "{cue} {u} or {f}",
                  "{cue} {u}, {f} or {v}", "{cue} {u}, {v} and {f}."]


@pytest.mark.parametrize("text", [
    shape.format(cue=cue, u=u, v=v, f=f)
    for cue, (u, v), f, shape in itertools.product(SUPPOSING, UNKNOWN, ["seizures", "headache"], SUPPOSED_LISTS)
])
def test_a_cue_that_supposes_reaches_its_list_past_items_it_does_not_know(text):
    """What to watch for, what may be or is to be ruled out, listed with symptoms the reader has no finding for: none
    of it is a symptom had (a list without a conjunction too: leaving it unread is the safe side)."""
    found = [e for e in extractor.load().entities(text) if e.entity == "symptomatic"]
    assert found and all(e.role == HYPOTHETICAL for e in found), [(e.text, e.role) for e in found]
    assert_reads(text, {"symptomatic": None})


@pytest.mark.parametrize("text", [
    shape.format(cue=cue, u=u, f=f)
    for cue, (u, _), f, shape in itertools.product(SUPPOSING[:6], UNKNOWN, ["seizures", "headache"], [
        "{cue} {u}; {f} since Monday", "{cue} {u}. Has {f}.", "{cue} {u}, {f} started last week",
        "{cue} {u} but has {f}", "{cue} {u}, she reports {f}",
    ])
])
def test_a_symptom_after_the_list_to_watch_for_is_had(text):
    """The list ends at its clause: a symptom told after it is the patient's."""
    assert_reads(text, {"symptomatic": True})


# ---- brackets end every cue's reach, except a plan's ---------------------------------------------------------------

# a cue outside brackets, each of a kind: a denial, an uncertain or possible finding, a query (a question in ward
# shorthand), a test to rule out, a concern
OUTSIDE = ["no MET amp", "no RET fusion on the rebiopsy", "negative for KRAS G12D", "without leptomeningeal disease",
           "possible SCLC transformation", "suspected LMD", "query radionecrosis", "?SCLC transformation",
           "to rule out leptomeningeal disease", "concern for transformation", "probable pseudoprogression"]
# what the brackets state: a finding now, or one the patient had before ("previously", "originally")
INSIDE = [("G1202R on tissue NGS", "alk_mutations", ["G1202R"]), ("brain mets on MRI", "brain_metastases", True),
          ("previously G1202R on plasma", "alk_mutations", ["G1202R"]),
          ("two brain mets, stable", "brain_metastases", True),
          ("originally KRAS G12C on tissue", "bypass_alterations", ["KRAS_G12C"])]


@pytest.mark.parametrize("text,field,value", [
    (f"{cue} ({inside})", field, value) for cue, (inside, field, value) in itertools.product(OUTSIDE, INSIDE)
])
def test_no_cue_reaches_into_brackets_it_is_outside_of(text, field, value):
    assert_reads(text, {field: value})


@pytest.mark.parametrize("text,field,value", [
    (f"({cue}) {after}", field, value)
    for cue, (after, field, value) in itertools.product(OUTSIDE, [
        ("G1202R on tissue NGS", "alk_mutations", ["G1202R"]), ("brain mets on MRI", "brain_metastases", True)])
])
def test_no_cue_in_brackets_reaches_past_them(text, field, value):
    assert_reads(text, {field: value})


@pytest.mark.parametrize("text", [
    f"{plan} {test} ({name})"
    for plan, test, name in itertools.product(
        ["plan", "awaiting", "planned", "requesting", "will send", "PA for"],
        ["liquid bx", "tissue NGS", "plasma NGS"],
        ["Guardant360", "FoundationOne CDx", "FoundationOne Liquid CDx"],
    )
])
def test_a_plan_reaches_into_the_brackets_that_name_what_is_planned(text):
    """The exception: a plan's brackets name the test planned ("plan liquid bx (Guardant360)"), not a test done."""
    assert_reads(text, {"biopsy": None})


@pytest.mark.parametrize("text", [
    "What would you give for G1202R (or L1196M)?", "Would lorlatinib work for a G1202R (or a compound mutation)?",
    "Is brigatinib an option if there is MET amp (or KRAS G12C)?", "What if she had brain mets (say two)?",
])
def test_a_question_still_supposes_what_its_brackets_name(text):
    """A question is not cut at a bracket: what it names in brackets is as supposed as the rest of it."""
    assert_reads_exactly(text, {})
