"""A finding presumed, not shown (lead, 2026-12-06, third session): "presumed SCLC transformation", "putative
G1202R", "presumably MET amplification", "MET amplification presumed" read the finding FOUND before, while
"probable G1202R" and "possible LMD" were already doubted. A presumption is as strong as "probable": the finding is
left to be asked (correctable), never written in as found. Controls: the finding shown ("biopsy-proven SCLC
transformation"), and "presumed" of something else in the sentence."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_including


@pytest.mark.parametrize("text, field", [
    ("Presumed SCLC transformation given the rising NSE.", "transformation"),
    ("Presumptive leptomeningeal disease on MRI.", "leptomeningeal"),
    ("Putative G1202R on plasma.", "alk_mutations"),
    ("Presumably MET amplification, awaiting FISH.", "bypass_alterations"),
    ("MET amplification presumed.", "bypass_alterations"),
    ("Assumed G1202R (not tested).", "alk_mutations"),
])
def test_a_presumed_finding_is_not_read(text: str, field: str) -> None:
    assert_reads(text, {field: None})


@pytest.mark.parametrize("text", [
    "Biopsy-proven SCLC transformation.",
    "Liver rebiopsy: small cell carcinoma. Presumed lung origin.",
])
def test_a_transformation_shown_beside_a_presumption_still_reads(text: str) -> None:
    assert_reads(text, {"transformation": "small_cell"})


def test_a_mutation_shown_beside_a_presumption_still_reads() -> None:
    assert_reads_including("G1202R detected on tissue NGS; the presumed mechanism of resistance.", "alk_mutations",
                           ["G1202R"])
