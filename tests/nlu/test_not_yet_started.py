"""A TKI not yet started, and a drug's stop still to come (lead, 2026-12-07): each read the opposite of what was said.

- A TKI said with a modal not to be started yet ("lorlatinib will not be started until the statin is sorted",
  "Lorlatinib won't be given until the LFTs improve", "lorlatinib cannot be started while she is on rifampicin"):
  read lorlatinib RECEIVED, which puts the case out of scope (after lorlatinib); now named, not received.
- A TKI prescribed and never dispensed ("alectinib was prescribed but never dispensed", "has not been dispensed yet"):
  read received; now not received.
- A strong CYP3A inducer whose stop is still to come ("... until the rifampicin is stopped"): read NOT TAKEN, which
  lets lorlatinib through; now taken.
Controls: a TKI that could not be tolerated, given at a lower dose, not to be restarted (all received); an inducer
stopped."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


@pytest.mark.parametrize("text, tki", [
    ("lorlatinib will not be started until the statin is sorted", "lorlatinib"),
    ("Lorlatinib won't be given until the LFTs improve.", "lorlatinib"),
    ("lorlatinib cannot be started while she is on rifampicin", "lorlatinib"),
    ("Brigatinib can't be commenced yet - awaiting the respiratory review.", "brigatinib"),
    ("Progressed on alectinib. Lorlatinib should not be initiated before the lipids are checked.", "lorlatinib"),
    ("alectinib was prescribed but never dispensed", "alectinib"),
    ("Lorlatinib has not been dispensed yet.", "lorlatinib"),
    ("brigatinib prescribed 01/12, not yet dispensed", "brigatinib"),
])
def test_a_tki_not_yet_started_is_not_received(text: str, tki: str) -> None:
    found = assert_reads(text, {})
    assert tki not in found.get("prior_tkis", []), found


@pytest.mark.parametrize("text, tkis", [
    ("alectinib could not be tolerated", ["alectinib"]),
    ("alectinib could not be given at full dose, 450 mg bd", ["alectinib"]),
    ("alectinib will not be restarted after the pneumonitis", ["alectinib"]),
    ("alectinib 2020-2023, could not be continued due to myalgia", ["alectinib"]),
    ("Progressed on alectinib. Lorlatinib should not be initiated before the lipids are checked.", ["alectinib"]),
    ("alectinib dispensed 03/2024, progression 2025", ["alectinib"]),
])
def test_a_tki_received_is_still_received(text: str, tkis: list[str]) -> None:
    assert_reads(text, {"prior_tkis": tkis})


@pytest.mark.parametrize("text", [
    "lorlatinib cannot be started until the rifampicin is stopped",
    "Lorlatinib on hold till the carbamazepine is stopped.",
])
def test_an_inducer_whose_stop_is_to_come_is_taken(text: str) -> None:
    assert_reads(text, {"strong_cyp3a_inducer": True})


@pytest.mark.parametrize("text", ["rifampicin was stopped", "rifampicin stopped last week",
                                  "carbamazepine discontinued in May; on levetiracetam since"])
def test_an_inducer_stopped_is_not_taken(text: str) -> None:
    assert_reads(text, {"strong_cyp3a_inducer": False})
