"""(diag8) Three misreads, each mended as a narrow class with its near-misses: an ALK fusion under a label that names
the diagnosis's specimen is the diagnosis's (ALK positive), not the fusion at this progression; an immunotherapy's
maintenance planned or offered but never given is no immunotherapy received; a trial's arm after a part in the trial
still to come is no TKI received."""

from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_excluding, assert_reads_including

# ---- a fusion under a label naming the diagnosis's specimen ----------------------------------------------------------


@pytest.mark.parametrize("text", [
    "2018 diagnostic EBUS: EML4-ALK fusion detected",
    "2020 diagnostic core biopsy: EML4-ALK, TP53 R273H",
    "Foundation panel 2020 (at dx): EML4-ALK fusion",
    "Oncomine panel 03/2021 (diagnosis): EML4-ALK variant 3",
    "- 2019 diagnostic lung biopsy: EML4-ALK fusion",
])
def test_fusion_under_a_diagnosis_label_is_the_diagnosis(text):
    assert_reads(text, {"alk_positive": True, "alk_fusion_at_progression": None, "alk_fusion_specimen": None})


def test_diagnosis_labelled_specimen_is_no_rebiopsy():
    assert_reads("Tempus xT panel 2020 (diagnosis): EML4-ALK fusion", {"biopsy": None, "alk_positive": True})


def test_mutation_under_a_diagnosis_label_is_read_as_before():
    # only the fusion's time is mended: the mutation is read as the reader read it
    assert_reads("2019 diagnostic biopsy: EML4-ALK, L1196M", {"alk_positive": True, "alk_fusion_at_progression": None})
    assert_reads_including("2019 diagnostic biopsy: EML4-ALK, L1196M", "alk_mutations", ["L1196M"])


@pytest.mark.parametrize("text", [
    # a label of this progression's specimen, with or without the word
    "Liver biopsy 2025: EML4-ALK fusion",
    "Repeat diagnostic biopsy at progression: EML4-ALK fusion",
    "Tempus xT panel 2025: EML4-ALK fusion",
    # the diagnosis labelled on its own line, the re-biopsy's fusion on the next
    "2019 diagnostic biopsy: adenocarcinoma.\nLiver rebiopsy 2025: EML4-ALK fusion, G1202R",
])
def test_fusion_under_a_progression_label_is_still_at_progression(text):
    assert_reads(text, {"alk_fusion_at_progression": True})


# ---- a therapy's maintenance planned or offered, never given ----------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Progressed on alectinib. Afterwards atezolizumab maintenance was planned but never given.",
    "Progressed on brigatinib. Durvalumab maintenance was offered but not started.",
    "Progressed on alectinib. Nivolumab maintenance was never started.",
])
def test_immunotherapy_maintenance_not_given_is_no_immunotherapy(text):
    assert_reads(text, {"prior_immunotherapy": None})


@pytest.mark.parametrize("text", [
    "Progressed on alectinib. Atezolizumab maintenance was given for 6 months.",
    "Progressed on brigatinib, then durvalumab maintenance, stopped for pneumonitis.",
])
def test_immunotherapy_maintenance_given_is_still_received(text):
    assert_reads(text, {"prior_immunotherapy": True})


# ---- a trial's arm still to come --------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Progressed on alectinib. He will take part in a randomised phase 3 study, randomised to brigatinib.",
    "She is going to join the trial, allocated to the lorlatinib arm.",
    "He will participate in an open-label trial next month, randomized to lorlatinib.",
])
def test_arm_after_a_part_to_come_is_not_received(text):
    assert_reads_excluding(text, "prior_tkis", ["lorlatinib", "brigatinib"])


@pytest.mark.parametrize("text", [
    "He took part in a phase 3 study, randomised to brigatinib, progressed 2024.",
    "She was enrolled in an open-label trial, randomized to lorlatinib.",
])
def test_arm_after_a_part_taken_is_still_received(text):
    assert_reads_including(text, "prior_tkis", ["lorlatinib"] if "lorlatinib" in text else ["brigatinib"])
