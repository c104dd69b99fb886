"""The intents of the assistant and the groups the dialogue treats alike: one registry.

Every intent of domain.yml is here, with its group and the ways the code treats it. The actions and the NLU
component read the sets below instead of lists of their own; tests/test_intents.py checks that the registry, the
domain, the training data and the rules agree (README, "Adding an intent").

Groups (what the intent is, for a reader):
    case        the clinician's case: findings, a new case, a correction from the page
    question    a question about the answer (why, evidence, what if)
    answer      a bare answer to the question asked (yes, no, not known)
    feedback    the clinician's rating of an answer
    small_talk  greeting, thanks and goodbye, help, out of scope, stop
    practice    the trainees' practice mode

Flags (what the code does with it):
    interrupts_case      during the case form, the message is not an answer: the form hands it back to the rules,
                         which answer it and return to the form (each has a rule: tests/test_intents.py)
    never_findings       an interruption even when the message names findings ("why not brigatinib?"): it never
                         fills the case; the other interruptions stating findings are read as the answer they are
    interrupts_practice  during a practice case, the message is not the trainee's answer
    starts_case          begins another case (bot/sessions.py starts a new Rasa session)
    skips_question       in the case form, the question asked is skipped (declared not known)
    no_findings          carries no findings: when the extractor reads findings in it, the NLU component
                         (FindingsAreInformation) makes the intent `inform`
    button_only          sent only by a button or the page (a payload), never typed: no training data
    typed_as             for a button-only intent, the typed intent that does the same ("start over" typed is
                         start_case, whose rules are start_over's): what a typed request for it is classified as
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

GROUPS = ("case", "question", "answer", "feedback", "small_talk", "practice")
FALLBACK = "nlu_fallback"  # Rasa's own intent for a message below the classifier's threshold (config.yml)


@dataclass(frozen=True)
class Intent:
    name: str
    group: str
    meaning: str
    interrupts_case: bool = False
    never_findings: bool = False
    interrupts_practice: bool = False
    starts_case: bool = False
    skips_question: bool = False
    no_findings: bool = False
    button_only: bool = False
    typed_as: str | None = None


_I = Intent
REGISTRY: tuple[Intent, ...] = (
    # the clinician's case
    _I("inform", "case", "states findings: starts, continues or corrects the case (also after the answer)"),
    _I(
        "correct_finding",
        "case",
        "the page's in-place correction of a finding (/correct_finding{...})",
        button_only=True,
    ),
    _I(
        "start_case",
        "case",
        "a new case, or start over",
        interrupts_case=True,
        never_findings=True,
        interrupts_practice=True,
        starts_case=True,
    ),
    _I(
        "start_over",
        "case",
        "the practice answer's 'Back to clinical use' button",
        interrupts_case=True,
        never_findings=True,
        interrupts_practice=True,
        starts_case=True,
        button_only=True,
        typed_as="start_case",
    ),
    # questions about the answer
    _I("ask_why", "question", "why this answer: the rule trace", interrupts_case=True, never_findings=True),
    _I("ask_evidence", "question", "the evidence behind the answer", interrupts_case=True, never_findings=True),
    _I(
        "what_if",
        "question",
        "a scenario or an option asked about, answered and compared, never written into the case",
        interrupts_case=True,
        never_findings=True,
    ),
    # bare answers to the question asked
    _I("affirm", "answer", "yes", no_findings=True),
    _I("deny", "answer", "no / none", no_findings=True),
    _I("dont_know", "answer", "not known (the case form skips the question)", skips_question=True, no_findings=True),
    # feedback on an answer
    _I("feedback_helpful", "feedback", "the answer helped", interrupts_case=True, no_findings=True),
    _I("feedback_not_helpful", "feedback", "the answer did not help", interrupts_case=True, no_findings=True),
    _I(
        "feedback_disagree",
        "feedback",
        "disagrees; the next message is the reason, recorded as feedback",
        interrupts_case=True,
        never_findings=True,
    ),
    # small talk
    _I("greet", "small_talk", "hello", interrupts_case=True, interrupts_practice=True, no_findings=True),
    _I(
        "thanks",
        "small_talk",
        "thanks, okay, goodbye",
        interrupts_case=True,
        interrupts_practice=True,
        no_findings=True,
    ),
    _I(
        "help",
        "small_talk",
        "how to use the assistant",
        interrupts_case=True,
        interrupts_practice=True,
        no_findings=True,
    ),
    _I("out_of_scope", "small_talk", "anything the assistant does not do", interrupts_case=True, no_findings=True),
    _I(
        "stop",
        "small_talk",
        "stop the case or the practice case",
        interrupts_case=True,
        never_findings=True,
        interrupts_practice=True,
        no_findings=True,
    ),
    # practice mode
    _I(
        "practice_start",
        "practice",
        "a practice case (optionally a topic and a level)",
        interrupts_case=True,
        interrupts_practice=True,
        starts_case=True,
    ),
    _I("practice_hint", "practice", "a hint on the open practice case", interrupts_practice=True),
    _I(
        "practice_skip",
        "practice",
        "skip: another practice case instead of this one; in the case form, skip the question asked (as dont_know)",
        interrupts_practice=True,
        skips_question=True,
    ),
    _I(
        "practice_stats",
        "practice",
        "the trainee's progress",
        interrupts_case=True,
        interrupts_practice=True,
        no_findings=True,
    ),
    _I("practice_reveal", "practice", "the answer to the open practice case", interrupts_practice=True),
    _I("practice_end", "practice", "the end of the practice session and its summary", interrupts_practice=True),
)
INTENTS: dict[str, Intent] = {i.name: i for i in REGISTRY}


def _names(test: Callable[[Intent], bool]) -> frozenset[str]:
    return frozenset(i.name for i in REGISTRY if test(i))


CASE_INTERRUPTIONS = _names(lambda i: i.interrupts_case)
NEVER_FINDINGS = _names(lambda i: i.never_findings)
PRACTICE_INTERRUPTIONS = _names(lambda i: i.interrupts_practice)
CASE_STARTS = _names(lambda i: i.starts_case)
SKIPS_QUESTION = _names(lambda i: i.skips_question)
# the fallback carries no intent at all: findings in it are information too
NO_FINDINGS = _names(lambda i: i.no_findings) | {FALLBACK}
BUTTON_ONLY = _names(lambda i: i.button_only)
# A message the classifier calls `inform` whose findings are all only supposed or offered ("G1202R after
# lorlatinib?", "what about a patient with MET amplification after brigatinib"): a question about a scenario, answered
# by the what-if action and never written into the case (FindingsAreInformation, bot/nlu/rasa_component.py); and
# one it calls `what_if` that states findings and asks nothing, only plans on a condition ("alectinib, lorlatinib, if
# G1202R is found"), is information.
STATES_FINDINGS = "inform"
SUPPOSES_FINDINGS = "what_if"
TYPED = _names(lambda i: not i.button_only)
# what a typed request for a button-only intent is classified as (the intent whose rules do the same)
TYPED_AS = {i.name: i.typed_as for i in REGISTRY if i.typed_as}


def group(name: str) -> frozenset[str]:
    """The intents of one group."""
    if name not in GROUPS:
        raise KeyError(f"no intent group {name!r}: one of {', '.join(GROUPS)}")
    return _names(lambda i: i.group == name)
