"""A form's answer of no set apart from its key, and a key closed by markdown (lead, 2026-12-07): each read the
finding PRESENT before.

- An aligned form's "No" three or more spaces after the colon ("MET amp:      No"), and a tick-box pair answered no
  ("MET amp [ ] Yes [x] No", which the tick-box reader blanks to "MET amp :           No"): the no was read only up to
  two spaces after the colon (ANSWERAT).
- A finding closed by markdown emphasis before its result ("**MET amplification**: not detected", "`G1202R`:
  negative"): the denial now reaches past the emphasis (the after-frame's lead).
Controls: the same forms answered yes, and a key whose answer is a value of its own."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_including


@pytest.mark.parametrize("text, field", [
    ("MET amp:      No", "bypass_alterations"),
    ("MET amplification:   N", "bypass_alterations"),
    ("MET amp [ ] Yes [x] No", "bypass_alterations"),
    ("G1202R [ ] Yes [x] No", "alk_mutations"),
    ("**MET amplification**: not detected", "bypass_alterations"),
    ("**G1202R**: negative", "alk_mutations"),
    ("`G1202R`: not detected", "alk_mutations"),
])
def test_an_answer_of_no_apart_from_its_key_is_no(text: str, field: str) -> None:
    assert_reads(text, {field: None})


@pytest.mark.parametrize("text, field, value", [
    ("MET amp [x] Yes [ ] No", "bypass_alterations", "MET_amplification"),
    ("MET amplification:      Yes (CN 12)", "bypass_alterations", "MET_amplification"),
    ("**MET amplification** (CN 14)", "bypass_alterations", "MET_amplification"),
])
def test_the_same_forms_answered_yes_still_read(text: str, field: str, value: str) -> None:
    assert_reads_including(text, field, [value])


def test_an_aligned_brain_key_answered_no() -> None:
    assert_reads("Brain mets:            no", {"brain_metastases": False})
