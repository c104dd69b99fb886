"""Leptomeningeal enhancement the report puts down to something else (lead, 2026-12-07): "leptomeningeal enhancement,
likely post-radiation" read LEPTOMENINGEAL DISEASE present before, while a brain lesion's "likely post-radiation
change" was already a doubt: the leptomeninges join the lesions whose doubt their clause tells (`read_lesions`), and a
treatment named by its prefix ("post-radiation", "post-SRS") is such a doubt. Controls: enhancement said to be the
disease, confirmed on CSF, or told with no doubt."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


@pytest.mark.parametrize("text", [
    "Leptomeningeal enhancement, likely post-radiation.",
    "Leptomeningeal enhancement, probably post-radiotherapy.",
    "Leptomeningeal enhancement, indeterminate.",
    "Leptomeningeal enhancement, likely reactive.",
])
def test_enhancement_put_down_to_something_else_is_not_lmd(text: str) -> None:
    assert_reads(text, {"leptomeningeal": None})


@pytest.mark.parametrize("text", [
    "New leptomeningeal enhancement, likely LMD.",
    "Leptomeningeal disease confirmed on CSF.",
    "Leptomeningeal enhancement along the cerebellar folia.",
])
def test_enhancement_of_the_disease_is_lmd(text: str) -> None:
    assert_reads(text, {"leptomeningeal": True})
