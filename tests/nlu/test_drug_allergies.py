"""A CYP3A inducer named as the patient's allergy or adverse reaction (lead, 2026-12-06, third session): read as TAKEN
before ("Carbamazepine allergy", "Allergies: carbamazepine (rash), penicillin", "allergic to phenytoin", "ADR:
carbamazepine - SJS" read a strong CYP3A inducer taken, which bars lorlatinib).

A drug the patient is allergic to is not taken now (no_longer before/after). Controls: the inducer taken beside an
allergy to something else, an inducer taken despite a rash that settled, and a TKI named in an allergy list (it was
received: the reaction is a toxicity)."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

ALLERGIES = [
    "Carbamazepine allergy",
    "Allergies: carbamazepine (rash), penicillin",
    "Allergies: penicillin, carbamazepine",
    "allergic to phenytoin",
    "Known allergy to phenytoin (DRESS 2015).",
    "ADR: carbamazepine - SJS",
    "Hypersensitivity to carbamazepine.",
    "Phenytoin (allergic)",
]


@pytest.mark.parametrize("text", ALLERGIES)
def test_an_inducer_the_patient_is_allergic_to_is_not_taken(text: str) -> None:
    assert_reads(text, {"strong_cyp3a_inducer": False})


@pytest.mark.parametrize("text", [
    "Allergies: penicillin. Meds: carbamazepine 200 mg bd.",
    "On carbamazepine for epilepsy; penicillin allergy.",
    "Takes phenytoin 300 mg nocte. NKDA.",
])
def test_an_inducer_taken_beside_another_allergy_is_still_taken(text: str) -> None:
    assert_reads(text, {"strong_cyp3a_inducer": True})


def test_a_tki_in_an_allergy_list_was_received() -> None:
    assert_reads("Allergies: brigatinib (pneumonitis)", {"prior_tkis": ["brigatinib"]})
