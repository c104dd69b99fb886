"""(alkstat) The case form on the ALK-status forms of tests/nlu/test_alk_status_forms.py: a discordance in either
direction or split across lines is named in its methods' words and asked, never taken; an equivocal test beside
another method's result, and a fusion found with no time, are taken as ALK status only."""
from __future__ import annotations

import pytest

from actions.case_form import ValidateCaseForm
from tests.actions.conftest import make_tracker, run, slot_events

FORM = ValidateCaseForm()


def _form(text: str) -> tuple[dict, str]:
    events, dispatcher = run(FORM, make_tracker(text, events=[{"event": "active_loop", "name": "case_form"}]))
    return slot_events(events), " ".join(m.get("text") or "" for m in dispatcher.messages)


@pytest.mark.parametrize(
    ("text", "positive", "negative"),
    [
        ("ALK IHC positive; NGS: no ALK fusion detected", "IHC", "NGS"),
        ("ALK (D5F3) positive. DNA NGS: ALK rearrangement not detected", "IHC", "NGS"),
        ("Oncomine: ALK fusion not detected; ALK FISH positive", "FISH", "NGS"),
    ],
)
def test_ihc_or_fish_positive_against_ngs_without_the_fusion_is_asked_in_its_methods_words(text, positive, negative):
    """Read ALK-positive with the fusion lost at progression before (no question asked)."""
    slots, said = _form(text)
    assert f"positive by {positive}, not by {negative}" in said, said
    assert "LINDEMAN2018" not in said, said  # no guideline claim of sequencing
    assert "alk_positive" not in slots and "alk_fusion_at_progression" not in slots, slots


@pytest.mark.parametrize(
    "text", ["ALK IHC negative.\nALK FISH: positive at dx", "ALK FISH: positive at diagnosis\nALK IHC: negative"]
)
def test_ihc_and_fish_disagreeing_in_two_lines_are_asked_as_in_one_row(text):
    slots, said = _form(text)
    assert "positive by FISH, not by IHC" in said and "[LINDEMAN2018]" in said, said
    assert "alk_positive" not in slots, slots


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("ALK IHC equivocal, FISH positive", {"alk_positive": True}),
        ("ALK FISH positive; RNA NGS EML4-ALK fusion detected", {"alk_positive": True}),
        # negative controls: the sequencing placed at progression, a progression told between the lines
        ("ALK IHC positive at diagnosis; NGS at progression: no ALK fusion detected",
         {"alk_positive": True, "alk_fusion_at_progression": False}),
        ("ALK FISH positive at dx. Progressed on alectinib.\nALK IHC negative", {"alk_positive": True}),
    ],
)
def test_an_equivocal_test_a_timeless_fusion_or_two_times_results_are_taken(text, fields):
    slots, said = _form(text)
    assert "disagree" not in said, said
    assert {k: slots.get(k) for k in fields} == fields, slots
    if "alk_fusion_at_progression" not in fields:
        assert "alk_fusion_at_progression" not in slots, slots
