"""During a practice case, which messages are the trainee's answer and which are requests (hint, skip, stop, thanks,
help, progress, show me the answer): the classifier's intent alone decides wrongly for answers that read like a
request, so an answer that chooses a therapy is graded whatever the intent."""
from __future__ import annotations

import pytest

from actions.practice import ValidatePracticeForm
from bot import intents, practice
from tests.actions.conftest import make_tracker

SLOTS = {"practice_case_id": "PRG03", "requested_slot": "practice_answer"}
# the requests a case start is not among: a new case leaves practice whatever it names
REQUESTS = sorted(intents.PRACTICE_INTERRUPTIONS - intents.CASE_STARTS)


def _extract(text: str, intent: str) -> dict:
    tracker = make_tracker(text, intent=intent, slots=SLOTS, active_loop="practice_form")
    return ValidatePracticeForm().extract_practice_answer(None, tracker, {})


def _answers() -> list[str]:
    labels = {o["label"] for c in practice.cases() for o in practice.expected(c.id)["preferred"]}
    return sorted(labels) + [
        "more information first",
        "I'd want more information before choosing",
        "stop alectinib and start lorlatinib",
        "continue the current TKI and rescan in 6 weeks",
        "brigatinib, I think",
    ]


@pytest.mark.parametrize("intent", REQUESTS)
@pytest.mark.parametrize("text", _answers())
def test_an_answer_taken_for_a_request_is_still_the_answer(text, intent):
    assert _extract(text, intent) == {"practice_answer": text}


@pytest.mark.parametrize(
    "text,intent",
    [
        ("hint please", "practice_hint"),
        ("give me a clue", "practice_hint"),
        ("skip this one", "practice_skip"),
        ("stop", "stop"),
        ("stop practising", "stop"),
        ("show me the answer", "practice_reveal"),
        ("I give up, what is it?", "practice_reveal"),
        ("my progress", "practice_stats"),
        ("thanks", "thanks"),
        ("help", "help"),
        ("hello", "greet"),
        ("end session", "practice_end"),
        ("/practice_hint", "practice_hint"),
        ("/stop", "stop"),
    ],
)
def test_a_request_is_not_an_answer(text, intent):
    assert _extract(text, intent) == {}


@pytest.mark.parametrize(
    "text,intent",
    [
        ("new case: progressed on alectinib, G1202R on tissue", "start_case"),
        ("another practice case, on lorlatinib", "practice_start"),
        ('/practice_start{"practice_topic": "cns"}', "practice_start"),
    ],
)
def test_a_new_case_is_not_an_answer_whatever_it_names(text, intent):
    assert _extract(text, intent) == {}


@pytest.mark.parametrize("text", ["lorlatinib", "more information first", "hint please"])
def test_a_message_classified_as_an_answer_is_one(text):
    assert _extract(text, "inform") == {"practice_answer": text}
