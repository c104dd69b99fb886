"""A finding's short name with its noun, answered (lead, 2026-12-06, third session): "lepto disease? no", "lepto
disease: no" read LEPTOMENINGEAL DISEASE present before (the answer came after "disease", which the short name's
pattern did not take, while "leptomeningeal disease: no" was already a no). Controls: the short name found, and a
word of asking after it ("lepto concern raised" names no disease)."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


@pytest.mark.parametrize("text, value", [
    ("lepto disease? no", False),
    ("Lepto disease: no", False),
    ("lepto spread - none", False),
    ("No lepto disease on the MRI.", False),
    ("Lepto disease on MRI and CSF.", True),
    ("Lepto spread along the cerebellar folia.", True),
])
def test_lepto_with_its_noun_takes_its_answer(text: str, value: bool) -> None:
    assert_reads(text, {"leptomeningeal": value})


def test_lepto_with_a_word_of_asking_is_not_read() -> None:
    assert_reads("Lepto concern raised by the outside read.", {"leptomeningeal": None})
