"""(prog3) "The rest is stable." after a message that named one site progressing is that site's rest."""
from __future__ import annotations

from actions.case_form import ValidateCaseForm
from tests.actions.conftest import make_tracker, run, slot_events

FORM = ValidateCaseForm()



def _after(first: str, second: str) -> dict:
    previous = {"event": "user", "text": first, "parse_data": make_tracker(first).latest_message}
    events, _ = run(FORM, make_tracker(second, events=[previous], active_loop="case_form"))
    return slot_events(events)


def test_the_rest_stable_after_a_site_named_progressing_is_oligoprogression():
    assert _after("New liver met on CT.", "The rest is stable.").get("progression") == "oligoprogression"


def test_the_rest_stable_alone_or_after_nothing_progressing_writes_no_pattern():
    assert "progression" not in _after("ECOG 1.", "The rest is stable.")
    assert "progression" not in _after("New 5 mm liver lesion, indeterminate.", "Rest unchanged.")
    assert "progression" not in _after("Is a new liver met oligoprogression?", "The rest is stable.")


def test_a_first_message_with_its_own_pattern_is_not_read_again():
    assert "progression" not in _after("Widespread progression in liver, bone and lungs.", "The rest is stable.")
