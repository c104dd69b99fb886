"""Brain metastases known from before (known, existing, treated, previously irradiated) are no progression: beside
the body said controlled they state no pattern; brain progression told beside the body controlled is CNS-only, as
before ("New brain mets. Extracranial disease stable.")."""

from __future__ import annotations

import itertools

import pytest

from tests.nlu.reads import assert_reads

KNOWN = ["Known brain mets", "Known brain metastases", "Existing brain mets", "Pre-existing brain metastases",
         "Previously treated brain mets", "Known CNS metastases", "Treated brain mets", "Hx of brain mets",
         "Known intracranial disease", "Previously irradiated brain metastases", "Known cerebellar met",
         "Background of known brain mets", "Known brain mets (SRS 2022)", "Longstanding brain mets"]
BODY_STABLE = ["Extracranial disease stable", "extracranial disease controlled", "body stable",
               "CT CAP stable", "systemic disease controlled", "stable extracranial disease"]
JOINS = [". ", ", ", "; ", "\n"]


def _text(a: str, join: str, b: str) -> str:
    return a + join + (b[0].upper() + b[1:] if join in (". ", "\n") else b)


@pytest.mark.parametrize("text", [
    _text(known, join, body) for known, body, join in itertools.product(KNOWN, BODY_STABLE, JOINS)
])
def test_known_brain_mets_beside_the_body_controlled_state_no_pattern(text):
    # no pattern; a stable CT of the body read alone says no progression there, as it does without the brain mets
    assert_reads(text, {"progression": "none" if "CT CAP" in text else None, "brain_metastases": True})


NEW_IN_BRAIN = ["New brain mets", "Two new brain metastases", "Progression in the brain only",
                "Brain progression", "Known brain mets, now enlarging", "Known brain mets with 2 new lesions",
                "Enlarging brain mets", "New cerebellar lesion"]


@pytest.mark.parametrize("text", [
    _text(new, join, body) for new, body, join in itertools.product(NEW_IN_BRAIN, BODY_STABLE, JOINS[:2])
])
def test_brain_progression_beside_the_body_controlled_is_cns_only(text):
    assert_reads(text, {"progression": "cns_only"})


@pytest.mark.parametrize("text", [
    "Progression in the brain only; body stable",
    "PD in brain only, extracranial disease controlled",
    "Brain-only progression",
])
def test_stated_cns_only_stays(text):
    assert_reads(text, {"progression": "cns_only"})
