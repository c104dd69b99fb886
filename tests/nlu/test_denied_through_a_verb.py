"""A denial reaching its finding through a verb: a TKI the patient "has not been treated with" or "hasn't been given"
is not received, and a symptom the patient "is not experiencing", "not complaining of" or "not reporting" is denied.
Phrasings of our own, with near-miss controls: the same verbs said, not denied, still read; "has not been on X long
enough" (she is on it) and "not having chemotherapy" (no history told) are left as they were."""

from __future__ import annotations

import pytest

from bot.nlu.extractor import extract_case


@pytest.mark.parametrize("text,drug", [
    ("has not been treated with brigatinib", "brigatinib"),
    ("She has not been given lorlatinib.", "lorlatinib"),
    ("Pt hasn't been started on ceritinib", "ceritinib"),
    ("he has not been exposed to lorlatinib so far", "lorlatinib"),
    ("Not been prescribed brigatinib before.", "brigatinib"),
])
def test_a_tki_not_given_through_a_verb_is_not_received(text, drug):
    assert drug not in (extract_case(text).get("prior_tkis") or []), text


@pytest.mark.parametrize("text,drug", [
    ("She has been treated with brigatinib since 2023.", "brigatinib"),
    ("Has been given lorlatinib for 6 months.", "lorlatinib"),
    ("hasn't been given lorlatinib; on alectinib since 2022", "alectinib"),
])
def test_a_tki_given_through_the_same_verbs_is_still_received(text, drug):
    assert drug in (extract_case(text).get("prior_tkis") or []), text


@pytest.mark.parametrize("text", [
    "she is not experiencing headaches",
    "Pt not reporting any seizures.",
    "not complaining of headache or visual change",
    "He isn't experiencing any neurological symptoms.",
    "Not suffering from headaches at present, ECOG 1.",
])
def test_a_symptom_denied_through_a_verb_is_no_symptom(text):
    assert extract_case(text).get("symptomatic") is False, text


@pytest.mark.parametrize("text", [
    "she is experiencing headaches",
    "Pt reporting new seizures.",
    "complaining of headache and nausea",
])
def test_a_symptom_told_through_the_same_verbs_is_still_read(text):
    assert extract_case(text).get("symptomatic") is True, text


def test_not_having_chemotherapy_tells_no_history():
    assert "prior_chemotherapy" not in extract_case("Patient is not having chemotherapy.")
