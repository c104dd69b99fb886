"""When a resistance result was had: the case describes the testing at this progression, so

- a test still to do is no test done: "will confirm on tissue", "recommend tissue rebiopsy" read no biopsy, while a
  confirmation told as done ("confirmed on tissue") and a tissue result ("tissue NGS showed ...") still read it;
- a class denied at the diagnosis or on an earlier specimen ("negative for EGFR, KRAS and BRAF at diagnosis", "no ALK
  mutations on the initial biopsy") is not this progression's none, while the same denial on the rebiopsy is;
- of an ALK mutation found and none found, the current one counts: an old G1202R gives way to the current specimen's
  none, and an old none to today's G1202R; when the times do not tell which, neither is read (never both).

Each class has several phrasings and its near-misses. None is a sentence of the independent phrasing sets."""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads, assert_reads_other_than, assert_stated_both_ways

# ---- 1. a test to come is no biopsy done ------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Progression on lorlatinib; G1202R on plasma, will confirm on tissue",
    "G1202R on plasma, to be confirmed on a tissue biopsy",
    "Progression on alectinib. Recommend tissue rebiopsy",
    "We will confirm on tissue biopsy",
    "Plan to confirm on tissue.",
    # a biopsy said as a plan with its own verb
    "Progression on alectinib, will rebiopsy for tissue confirmation",
    "We will rebiopsy the liver lesion.",
    "we'll get a liver biopsy next week",
    "PD on brig - plan to repeat the core biopsy",
    "will rebx",
    "Needs to have a rebiopsy before we choose.",
])
def test_a_tissue_test_to_come_is_no_tissue_biopsy(text: str) -> None:
    assert_reads_other_than(text, {"biopsy": "tissue"})
    assert_reads_other_than(text, {"biopsy": "tissue_and_plasma"})


@pytest.mark.parametrize("text", [
    "Progression on lorlatinib; G1202R on plasma, plan tissue confirmation",
    "G1202R on Guardant; tissue to follow",
    "G1202R on Guardant, awaiting tissue",
])
def test_a_plasma_result_with_tissue_to_come_reads_plasma(text: str) -> None:
    assert_reads(text, {"biopsy": "plasma", "alk_mutations": ["G1202R"]})


@pytest.mark.parametrize(("text", "biopsy"), [
    ("G1202R on plasma, confirmed on tissue", "tissue_and_plasma"),
    ("tissue NGS showed G1202R", "tissue"),
    ("Liver rebiopsy done; tissue NGS showed no ALK mutations", "tissue"),
    ("the rebiopsy we did last week showed G1202R", "tissue"),
    ("She had a rebiopsy (G1202R); we will discuss at MDT", "tissue"),
    ("rebiopsy done, will start lorlatinib", "tissue"),
])
def test_a_tissue_test_done_still_reads(text: str, biopsy: str) -> None:
    assert_reads(text, {"biopsy": biopsy})


# ---- 2. a denial at the diagnosis is not this progression's none -------------------------------------------------


@pytest.mark.parametrize("text", [
    "negative for EGFR, KRAS and BRAF alterations at diagnosis",
    "EGFR/KRAS/BRAF negative at dx",
    "No EGFR, KRAS or BRAF alterations on the initial biopsy",
    "EGFR, KRAS and BRAF negative on the 2019 panel; alectinib since 2020, now progressing",
])
def test_a_bypass_panel_denied_at_diagnosis_is_not_read(text: str) -> None:
    assert_reads(text, {"bypass_alterations": None})


@pytest.mark.parametrize("text", [
    "No ALK mutations on the initial biopsy",
    "ALK kinase domain mutations were not detected at diagnosis",
    "no ALK resistance mutations on the baseline specimen",
])
def test_alk_mutations_denied_at_diagnosis_are_not_read(text: str) -> None:
    assert_reads(text, {"alk_mutations": None})


@pytest.mark.parametrize(("text", "fields"), [
    ("Rebiopsy at progression: negative for EGFR, KRAS and BRAF alterations", {"bypass_alterations": []}),
    ("No ALK mutations and no MET, EGFR or KRAS alterations on the liver rebiopsy",
     {"alk_mutations": [], "bypass_alterations": []}),
    ("Guardant360 today: no ALK mutations", {"alk_mutations": []}),
])
def test_a_denial_at_this_progression_still_reads(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# ---- 3. the current result over an old one -----------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "G1202R previously reported; current specimen: ALK mutation not detected",
    "G1202R found earlier; latest NGS: no ALK mutation",
    "G1202R on the prior biopsy; this specimen shows no ALK mutations",
    "G1202R in 2023; 2025 rebiopsy: no ALK mutations detected",
    "G1202R on the 2023 plasma; today's tissue: no ALK mutation",
])
def test_an_old_mutation_gives_way_to_the_current_none(text: str) -> None:
    assert_reads(text, {"alk_mutations": []})


@pytest.mark.parametrize("text", [
    "G1202R on today's biopsy; the 2023 plasma showed no ALK mutation",
    "Current specimen: G1202R; no ALK mutations on the prior biopsy",
    "No ALK mutation on the 2022 panel; 2025 rebiopsy shows G1202R",
])
def test_a_current_mutation_over_an_old_none(text: str) -> None:
    assert_reads(text, {"alk_mutations": ["G1202R"]})


@pytest.mark.parametrize("text", [
    "G1202R on the 2023 plasma; tissue: no ALK mutation",
    "G1202R on the 2024 tissue; 2024 plasma: no ALK mutations",
])
def test_an_unclear_order_reads_neither(text: str) -> None:
    assert_reads(text, {"alk_mutations": None})


# ---- (timing) a result's time read through bot/nlu/when.py: a month's date in one year, a date written with dashes


@pytest.mark.parametrize("text", [
    "Repeat NGS 04/2025: G1202R not detected. Rebiopsy 10/2025: ALK G1202R.",
    "Rebiopsy 11/2025: ALK G1202R. Repeat NGS 10/2025: G1202R not detected.",
    # a date written with dashes dates the denial (it read no time, and neither result was read)
    "Plasma NGS 03-2024: no ALK mutation. Tissue 2025: G1202R.",
])
def test_the_later_month_of_one_year_or_a_dashed_date_orders_two_results(text: str) -> None:
    assert_reads(text, {"alk_mutations": ["G1202R"]})
    assert "alk_mutations" not in extractor.conflicts(extractor.load().entities(text)), text


@pytest.mark.parametrize("text", [
    # a month beside a year alone, in one year: the order is not told, both stated (asked)
    "Rebiopsy 2025: ALK G1202R. Repeat NGS 10/2025: G1202R not detected.",
    "Repeat NGS 2025: G1202R not detected. Rebiopsy 10/2025: ALK G1202R.",
    # the same month
    "Rebiopsy 10/2025: ALK G1202R. Repeat NGS 10/2025: G1202R not detected.",
])
def test_a_year_beside_a_month_of_that_year_tells_no_order(text: str) -> None:
    assert_stated_both_ways(text, "alk_mutations")


def test_the_later_month_s_denial_gives_way_to_nothing_found() -> None:
    text = "Rebiopsy 04/2025: ALK G1202R. Repeat NGS 10/2025: G1202R not detected."
    assert "alk_mutations" not in extractor.extract_case(text), text
    assert "alk_mutations" not in extractor.conflicts(extractor.load().entities(text)), text


@pytest.mark.parametrize("text, mutations", [
    # (timing) a result's clause (Timing._when, through statements._statement_bounds) is not cut at a decimal point: its
    # year after a VAF dates it (it read no time, and neither result was read)
    ("G1202R at 0.4% on the 2023 plasma; no ALK mutations on the 2025 tissue.", []),
    # controls: the same without a decimal, and the years the other way round
    ("G1202R at 4% on the 2023 plasma; no ALK mutations on the 2025 tissue.", []),
    ("G1202R at 0.4% on the 2025 plasma; no ALK mutations on the 2023 tissue.", ["G1202R"]),
])
def test_a_result_s_year_after_a_decimal_dates_it(text: str, mutations: list) -> None:
    assert_reads(text, {"alk_mutations": mutations})


@pytest.mark.parametrize("text", [
    # (timing) the clause before a finding told with two results (Timing._serial_result) is not cut at a decimal
    # point: the earlier result's plasma is not this progression's specimen (it read tissue_and_plasma)
    "ctDNA fraction 0.8% with L1196M on the 2023 plasma, not detected on the 2025 tissue rebiopsy.",
    # control: the same without a decimal
    "ctDNA fraction 8% with L1196M on the 2023 plasma, not detected on the 2025 tissue rebiopsy.",
])
def test_the_earlier_result_s_specimen_after_a_decimal_is_not_this_progression_s(text: str) -> None:
    assert_reads(text, {"biopsy": "tissue"})


@pytest.mark.parametrize("text, mutations", [
    # (timing) a denial dated by a month is not an earlier result for a later month of that year elsewhere (a scan's)
    ("Alectinib to 06/2025, PD in the liver. Tissue NGS 07/2025: no ALK mutation. On lorlatinib, CT 10/2025: PR.", []),
    # control: a later year elsewhere still makes the dated denial an earlier one
    ("Alectinib to 06/2024, PD in the liver. Tissue NGS 07/2024: no ALK mutation. On lorlatinib, CT 10/2025: PR.", None),
])
def test_a_month_dated_denial_beside_a_later_month_of_its_year(text: str, mutations: list | None) -> None:
    assert_reads(text, {"alk_mutations": mutations})
