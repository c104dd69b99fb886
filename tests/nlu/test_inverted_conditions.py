"""A condition put by inversion (lead, 2026-12-07): "Were she to develop brain mets, lorlatinib would be preferred" read
brain metastases PRESENT (they change the answer to the CNS-active choice); "should she develop ..." likewise. Now the
clause is supposed, as one opened by "if" is.
Controls: "were to" said of what was going to happen, a question about a finding stated before it."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


@pytest.mark.parametrize("text, field", [
    ("Were she to develop brain mets, lorlatinib would be preferred", "brain_metastases"),
    ("were he to progress in the brain only we would give SRS", "brain_metastases"),
    ("Should she develop leptomeningeal disease, lorlatinib", "leptomeningeal"),
    ("Should he have a G1202R on the rebiopsy, lorlatinib is next.", "alk_mutations"),
    ("Were there to be MET amplification, a trial", "bypass_alterations"),
])
def test_an_inverted_condition_is_supposed(text: str, field: str) -> None:
    assert_reads(text, {field: None})


@pytest.mark.parametrize("text, field, value", [
    ("They were to start lorlatinib but had brain mets", "brain_metastases", True),
    ("brain mets were to be treated with SRS", "brain_metastases", True),
    ("She has brain mets. Should she have SRS first?", "brain_metastases", True),
])
def test_a_finding_stated_beside_were_to_or_should_still_reads(text: str, field: str, value) -> None:
    assert_reads(text, {field: value})
