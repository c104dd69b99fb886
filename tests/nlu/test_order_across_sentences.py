"""The order of the TKIs when the earlier one is told in the next sentence, or after a comma's "then" (lead,
2026-12-07). The last TKI is the current one, which the answer turns on (the mutation table is read against it).
"She has been on Alecensa for 3 yrs. Before that Xalkori." read crizotinib LAST; "alectinib after crizotinib, then
lorlatinib" read lorlatinib before alectinib. Controls: "then" with no comma after an "after" list, a forward sequence
across sentences, a sentence opened by "Previously" that names no TKI."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


@pytest.mark.parametrize("text, tkis", [
    ("She has been on Alecensa for 3 yrs. Before that Xalkori.", ["crizotinib", "alectinib"]),
    ("alectinib currently. Prior to this, crizotinib for 2 years.", ["crizotinib", "alectinib"]),
    ("Started lorlatinib. Before that, she had brigatinib for 2 years.", ["brigatinib", "lorlatinib"]),
    ("alectinib 2019-2021.\nPreviously crizotinib 2018.", ["crizotinib", "alectinib"]),
    ("lorlatinib since May; before, alectinib 2020-2025", ["alectinib", "lorlatinib"]),
    ("alectinib after crizotinib, then lorlatinib", ["crizotinib", "alectinib", "lorlatinib"]),
    ("brigatinib following crizotinib, then lorlatinib from 2024", ["crizotinib", "brigatinib", "lorlatinib"]),
])
def test_the_earlier_tki_told_after_is_first(text: str, tkis: list[str]) -> None:
    assert_reads(text, {"prior_tkis": tkis})


@pytest.mark.parametrize("text, tkis", [
    ("lorlatinib after crizotinib then alectinib", ["crizotinib", "alectinib", "lorlatinib"]),
    ("lorlatinib after crizotinib and alectinib", ["crizotinib", "alectinib", "lorlatinib"]),
    ("Crizotinib 2018. Alectinib after progression. Then lorlatinib.", ["crizotinib", "alectinib", "lorlatinib"]),
    ("alectinib 2019-2021. Previously well. Then lorlatinib.", ["alectinib", "lorlatinib"]),
    ("On alectinib now; before that crizotinib", ["crizotinib", "alectinib"]),
])
def test_orders_already_read_are_kept(text: str, tkis: list[str]) -> None:
    assert_reads(text, {"prior_tkis": tkis})
