"""Serial results, lines of chemotherapy and the reasons a TKI was stopped (probe2):

- a resistance finding found on an earlier test and stated absent on the current one is not read as present: the
  current result counts, told in the next clause without naming the finding again ("G1202R previously, now not
  detected", "L1196M on the 2023 plasma, not detected on the 2025 tissue rebiopsy") or named again ("MET amp
  previously, MET not amplified on the current biopsy"); the other way round, today's finding stands over an older
  test's denial; where the times do not tell and the two results are on specimens of two kinds, it is found on one
  and absent on the other: found (README), and the earlier test's specimen is not this progression's;
- chemotherapy given before the TKI is read from its line or from the TKI that followed it ("carboplatin pemetrexed
  first line, then alectinib"), never from chemotherapy planned, offered, declined or a relative's;
- a TKI stopped after a short course for a toxicity is intolerant, whatever the course's length ("lorlatinib for 2
  days then stopped because of confusion"), not when the stop is given another reason first ("stopped for CNS
  progression with new rash") or the toxicity was only feared.

Each class has several phrasings and its near-misses. None is a sentence of the independent phrasing sets."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_including, assert_reads_other_than

# ---- 1. the current result of a finding tested twice counts ------------------------------------------------------


@pytest.mark.parametrize("text", [
    "G1202R previously, now not detected",
    "G1202R previously detected, now not detected",
    "G1202R previously; not detected now",
    "G1202R, previously detected, now cleared",
    "previously G1202R, now negative",
    "G1202R (2023) - not detected on 2025 rebiopsy",
    "G1202R seen in 2023, absent on repeat biopsy",
    "G1202R on 2023 ctDNA, undetectable on current ctDNA",
    "G1202R was detected in 2023; repeat NGS 2025: G1202R not detected",
    "Prior ctDNA showed G1202R; current ctDNA: no G1202R",
    "G1202R and L1196M on 2023 plasma, not detected on 2025 rebiopsy",
    # an earlier progression is an earlier time, whatever "progression" says alone
    "G1202R detected at first progression (2022). At current progression, G1202R not detected.",
    "G1202R at first progression on alectinib, not detected at current progression",
    "G1202R at prior progression; current rebiopsy: G1202R not detected",
    # the two times in one clause, or after an arrow
    "G1202R (2022) not detected in 2024",
    "G1202R 2022 → not detected 2024",
    "G1202R on the 2023 plasma not detected on the 2025 rebiopsy",
    # a variant fraction and dates in the first clause, a slash between the two results, a result said to become one
    "G1202R (VAF 2.1%) on Guardant 03/2023; not detected on Guardant 01/2025",
    "ALK G1202R: detected (2023) / not detected (2025)",
    "On lorlatinib the G1202R became undetectable",
])
def test_a_mutation_found_earlier_and_absent_now_is_not_read(text: str) -> None:
    found = assert_reads_other_than(text, {"alk_mutations": ["G1202R"]})
    assert "G1202R" not in found.get("alk_mutations", []), (text, found)


@pytest.mark.parametrize(("text", "biopsy"), [
    ("L1196M on 2023 plasma, not detected on 2025 tissue rebiopsy", "tissue"),
    ("L1196M on the prior plasma, not detected on the current tissue biopsy", "tissue"),
])
def test_the_earlier_tests_specimen_is_not_this_progressions(text: str, biopsy: str) -> None:
    found = assert_reads(text, {"biopsy": biopsy})
    assert "L1196M" not in found.get("alk_mutations", []), (text, found)


@pytest.mark.parametrize("text", [
    "MET amp previously, MET not amplified on the current biopsy",
    "MET amp in 2022; repeat FISH 2024 MET not amplified",
    "MET amplified previously, no longer amplified",
    "MET amp on prior biopsy, not seen on current biopsy",
])
def test_a_bypass_alteration_found_earlier_and_absent_now_is_not_read(text: str) -> None:
    found = assert_reads_other_than(text, {"bypass_alterations": ["MET_amplification"]})
    assert "MET_amplification" not in found.get("bypass_alterations", []), (text, found)


@pytest.mark.parametrize(("text", "biopsy"), [
    # today's finding stands over an older test's denial (near-misses of the above)
    ("G1202R detected on 2025 tissue, not detected on 2023 plasma", None),
    ("G1202R on today's biopsy, not detected on the 2023 plasma", "tissue"),
    ("G1202R on repeat biopsy, not detected on prior plasma", "tissue"),
    ("G1202R not detected in 2023, detected on 2025 rebiopsy", "tissue"),
    ("G1202R previously not detected, now detected", None),
    ("G1202R negative in 2022, positive in 2024", None),
    ("G1202R (VAF 2.1%) on Guardant 01/2025", "plasma"),
    ("G1202R: not detected (2023) / detected (2025)", None),
    # the same time, specimens of two kinds: found on one, absent on the other (README)
    ("G1202R on tissue, not detected on plasma", "tissue_and_plasma"),
    ("G1202R detected on tissue, not detected on plasma", "tissue_and_plasma"),
    ("G1202R not detected on plasma, detected on tissue", "tissue_and_plasma"),
    ("tissue: G1202R; plasma: G1202R not detected", "tissue_and_plasma"),
])
def test_a_mutation_found_now_or_on_one_specimen_is_read(text: str, biopsy: str | None) -> None:
    found = assert_reads(text, {"alk_mutations": ["G1202R"]})
    if biopsy:
        assert found.get("biopsy") == biopsy, (text, found)


@pytest.mark.parametrize("text", [
    # the second clause denies another finding, or names one: the first finding stands
    "G1202R previously, MET amp not detected now",
    "G1202R previously, now negative for MET amplification",
    "G1202R on plasma, negative for EGFR",
    "G1202R, L1196M not detected",
    "G1202R on 2025 tissue, L1196M not detected in 2023",
])
def test_a_denial_of_another_finding_leaves_the_mutation(text: str) -> None:
    found = assert_reads(text, {})
    assert "G1202R" in found.get("alk_mutations", []), (text, found)


def test_a_denial_on_a_later_line_is_never_dropped_for_an_earlier_lines_finding() -> None:
    # the near times of each finding miss a line's own heading: the 2024 line's C1156Y is not read over the 2025
    # line's denial of it (stated both ways at worst, and asked)
    text = ("Repeat biopsy 2024 (PD on crizotinib): ALK C1156Y.\n"
            "Repeat biopsy 2025 (PD on ceritinib): ALK G1202R; C1156Y not detected.")
    found = assert_reads(text, {})
    assert "C1156Y" not in found.get("alk_mutations", []), found


@pytest.mark.parametrize("text", [
    # a denial at one time alone is a denial: the words before it tell no time of a finding
    "G1202R not detected at diagnosis",
    "G1202R not detected in 2024",
    "G1202R: not detected",
])
def test_a_denial_with_its_time_alone_stays_a_denial(text: str) -> None:
    found = assert_reads(text, {})
    assert "G1202R" not in found.get("alk_mutations", []), (text, found)


def test_a_denial_of_another_finding_after_an_old_bypass_keeps_the_mutation() -> None:
    found = assert_reads("MET amp previously, not detected now, G1202R present", {"alk_mutations": ["G1202R"]})
    assert "MET_amplification" not in found.get("bypass_alterations", []), found


# ---- 2. chemotherapy before the TKI ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "carboplatin pemetrexed first line, then alectinib",
    "carboplatin and pemetrexed first line then alectinib",
    "first line carboplatin pemetrexed then alectinib",
    "1L carbo/pem, then alectinib",
    "carbo/pem 1L then alectinib",
    "carboplatin/pemetrexed as first-line, then crizotinib",
    "cis/pem -> alectinib",
    "chemo then alectinib",
    "platinum doublet x4 then crizotinib",
    "cis/pem 2019",
    "first line: carboplatin + pemetrexed; second line: alectinib",
    "carbo/pem/pembro x4 first line, then alectinib",
])
def test_chemotherapy_before_the_tki_is_prior(text: str) -> None:
    assert_reads(text, {"prior_chemotherapy": True})


@pytest.mark.parametrize("text", [
    "chemo planned: carbo/pem",
    "plan carbo/pem then lorlatinib",
    "carbo/pem offered but declined",
    "she declined first line carboplatin pemetrexed",
    "her mother received carboplatin pemetrexed first line",
    "her mother had chemo then alectinib",
    "carbo/pem if progression on lorlatinib",
    "consider carbo/pem next line",
    "would you give carbo/pem first line?",
    "carbo/pem as second-line option after lorlatinib",
    "carbo/pem as first-line option",
    "recommend carbo/pem then lorlatinib",
    "chemo considered first line but ALK came back positive",
    "chemo was discussed but she chose alectinib first line",
])
def test_chemotherapy_planned_offered_declined_or_a_relatives_is_not_prior(text: str) -> None:
    assert_reads_other_than(text, {"prior_chemotherapy": True})


# ---- 3. a TKI stopped for a toxicity, after however short a course -----------------------------------------------


@pytest.mark.parametrize(("text", "tki"), [
    ("She took lorlatinib for 2 days then stopped because of confusion", "lorlatinib"),
    ("lorlatinib stopped because of confusion", "lorlatinib"),
    ("lorlatinib discontinued (grade 3 hypertriglyceridemia)", "lorlatinib"),
    ("lorlatinib discontinued after 2 weeks (grade 3 CNS effects)", "lorlatinib"),
    ("lorlatinib was stopped after 10 days due to delirium", "lorlatinib"),
    ("lorlatinib discontinued: grade 3 cognitive effects", "lorlatinib"),
    ("stopped brigatinib after 3 weeks because of pneumonitis", "brigatinib"),
    ("alectinib stopped for progression and rash", "alectinib"),
    ("brigatinib stopped after 2 doses because of early pulmonary events", "brigatinib"),
    ("she couldn't tolerate lorlatinib beyond a week (confusion)", "lorlatinib"),
])
def test_a_tki_stopped_for_a_toxicity_is_intolerant(text: str, tki: str) -> None:
    found = assert_reads(text, {"intolerant_tkis": [tki]})
    assert "symptomatic" not in found, (text, found)  # the toxicity is the drug's, not a symptom of the brain disease


@pytest.mark.parametrize("text", [
    "stopped lorlatinib after 2 days because of progression",
    "alectinib stopped after 3 months for progression",
    "stopped brigatinib because of cost",
    "brigatinib stopped per patient preference",
    "worried about lorlatinib CNS side effects",
    "stopped lorlatinib because of fear of hallucinations",
    "alectinib stopped for CNS progression with new rash",
    "alectinib stopped for CNS progression with hallucinations",
    "lorlatinib stopped for cost, she had hallucinations",
    "new confusion, MRI shows progression; lorlatinib stopped",
    "alectinib stopped for progression; confusion from brain mets",
    "lorlatinib held for a week for confusion, restarted at 75 mg",
    "lorlatinib dose reduced for confusion",
    "confusion from brain mets, alectinib continued",
])
def test_a_stop_for_another_reason_or_a_feared_toxicity_is_no_intolerance(text: str) -> None:
    found = assert_reads(text, {})
    assert not found.get("intolerant_tkis"), (text, found)


# ---- (small) a form's value given twice with times: the later counts, as in running text -------------------------


@pytest.mark.parametrize(("text", "field", "value", "read"), [
    ("MET amp: yes (2023), no (2025)", "bypass_alterations", "MET_amplification", False),
    ("MET amp: yes (2023) / no (2025)", "bypass_alterations", "MET_amplification", False),
    ("G1202R: yes (2023), no (2025)", "alk_mutations", "G1202R", False),
    ("L1196M: yes (2022); no (2024)", "alk_mutations", "L1196M", False),
    ("MET amp: no (2025)", "bypass_alterations", "MET_amplification", False),
    # negative controls: the later value found, or the times not telling which is later (today's reading)
    ("MET amp: no (2023), yes (2025)", "bypass_alterations", "MET_amplification", True),
    ("MET amp: yes (2025), no (2023)", "bypass_alterations", "MET_amplification", True),
    ("G1202R: no (2023), yes (2025)", "alk_mutations", "G1202R", True),
    ("MET amp: yes, no", "bypass_alterations", "MET_amplification", True),
    ("MET amp: yes (2023), no progression (2025)", "bypass_alterations", "MET_amplification", True),
])
def test_a_form_value_given_twice_reads_the_later(text: str, field: str, value: str, read: bool) -> None:
    if read:
        assert_reads_including(text, field, [value])
    else:
        found = assert_reads_other_than(text, {field: [value]})
        assert value not in found.get(field, []), (text, found)


@pytest.mark.parametrize("text", [
    "pembrolizumab offered but declined",
    "Pembrolizumab was offered but declined.",
    "pembrolizumab was offered and refused",
    "pembrolizumab was discussed but declined",
])
def test_immunotherapy_offered_and_refused_is_not_received(text: str) -> None:
    assert_reads(text, {"prior_immunotherapy": False})


@pytest.mark.parametrize("text", [
    # negative controls: an offer still open, or not given for no refusal, is no history either way
    "pembrolizumab offered",
    "pembrolizumab offered but not yet started",
    "pembrolizumab considered but not given",
])
def test_immunotherapy_offered_not_refused_reads_no_history(text: str) -> None:
    found = assert_reads_other_than(text, {"prior_immunotherapy": False})
    assert "prior_immunotherapy" not in found, (text, found)
