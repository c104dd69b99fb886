"""A strong CYP3A inducer as clinicians write it, read by the extractor and decided: phenobarbital, primidone and
fosphenytoin (strong since knowledge base 2026.12.2) reach rule X3 as every other strong inducer does, and a moderate
inducer does not."""
from __future__ import annotations

import pytest

from bot.decision import decide
from bot.nlu import extractor
from tests.decision.conftest import case, fired, options


def decided(text: str) -> dict:
    """The systemic-progression case after alectinib, with what the text says of CYP3A inducers."""
    return decide(case(**{"strong_cyp3a_inducer": None, **extractor.extract_case(text)}))


def caveat_ids(rec: dict) -> list[str]:
    return [c["id"] for c in rec["caveats"]]


@pytest.mark.parametrize("text", [
    "On phenobarbital 60 mg nocte for epilepsy.",
    "Meds: phenobarbitone 30mg bd, omeprazole",
    "Takes primidone for essential tremor.",
    "Mysoline 250 mg tds",
    "Cerebyx IV for status, continuing",
    "on fos-phenytoin",
])
def test_a_barbiturate_or_fosphenytoin_reaches_X3_and_asks_whether_it_can_be_stopped(text):
    rec = decided(text)
    assert "X3" in fired(rec), text
    assert rec["status"] == "needs_information" and "cyp3a_inducer_stoppable" in rec["missing"], text
    assert caveat_ids(rec)[0] == "cyp3a_inducer" and "cyp3a_inducer_sources" in caveat_ids(rec), text


@pytest.mark.parametrize("text", [
    "Phenobarbital can be switched to levetiracetam.",
    "Mysoline: the neurologist is happy to switch to propranolol",
])
def test_a_stoppable_phenobarbital_or_primidone_keeps_lorlatinib_after_it_is_stopped(text):
    rec = decided(text)
    assert "X3" in fired(rec) and "lorlatinib" in options(rec), text
    assert rec["status"] != "needs_information", text


@pytest.mark.parametrize("text", [
    "Primidone - neurology will not change it",
    "On phenobarbital for epilepsy; it cannot be stopped.",
])
def test_a_phenobarbital_or_primidone_that_must_continue_removes_lorlatinib(text):
    rec = decided(text)
    assert "X3" in fired(rec) and "lorlatinib" not in options(rec), text
    assert "cyp3a_inducer_unstoppable" in caveat_ids(rec), text


@pytest.mark.parametrize("text", ["Phenobarbital was switched to lamotrigine.", "No phenobarbital or primidone."])
def test_a_replaced_or_denied_barbiturate_does_not_reach_X3(text):
    rec = decided(text)
    assert "X3" not in fired(rec) and "lorlatinib" in options(rec), text


@pytest.mark.parametrize("text", ["on efavirenz-based ART", "modafinil 100 mg mane for fatigue",
                                  "dexamethasone 4 mg bd for cerebral oedema", "Takes Rifabutin for MAC."])
def test_a_moderate_inducer_does_not_reach_X3(text):
    rec = decided(text)
    assert "X3" not in fired(rec), text
