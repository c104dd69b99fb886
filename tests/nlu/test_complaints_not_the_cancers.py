"""A complaint its own words give to something other than the cancer, or tell as over (lead, 2026-12-06, third
session): each read SYMPTOMATIC brain disease before.

"Mild headache, not thought related to the brain mets", "headache unrelated to her metastases" (the cause denied,
checked before the cancer named in the clause), "Headache, likely tension-type" (a benign kind), "Seizure in 2021,
none since" (told as over). Symptomatic brain disease changes the local-therapy advice; these are not it (left to be
asked, or read as the rest of the message says). Controls: a complaint given to the brain disease, one with a
benign word that is not its cause, a complaint still going on."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


@pytest.mark.parametrize("text", [
    "Mild headache, not thought related to the brain mets.",
    "Headache unrelated to her metastases.",
    "Occasional headaches, felt not to be due to the brain lesions.",
    "Headache, likely tension-type.",
    "Headaches, probably migrainous.",
    "Seizure in 2021, none since.",
    "One seizure in March, no further episodes since.",
])
def test_a_complaint_not_the_cancers_or_over_is_not_symptomatic(text: str) -> None:
    assert_reads(text, {"symptomatic": None})


@pytest.mark.parametrize("text", [
    "Headache, likely from the brain mets.",
    "Headaches from the brain mets, and some neck tension too.",
    "New headaches, brain mets progressing.",
    "Seizures since March, ongoing despite levetiracetam; new frontal metastasis.",
    "Headache for 2 weeks, worse in the mornings.",
])
def test_a_complaint_of_the_cancer_or_still_going_is_symptomatic(text: str) -> None:
    assert_reads(text, {"symptomatic": True})
