"""prog22: forms of the pattern of progression found in the tuned halves' misses, each in phrasings of our own, with
near-misses that must not be read.

Classes:
1. the extent of each site written after it, as translated letters put it ("PD osseous diffuse and hepatic", "PD hepatic
   (multiple), osseous (new), adrenal bilateral"), and a German letter's bare "progress" before its sites ("progress
   hepatic and ossary"): systemic; not a site said stable after the list.
2. a progression seen on a scan, told with its time, before its sites ("PD on scan yesterday (liver, nodes, bones)",
   "progression on the restaging CT today: liver, bone and adrenal"): systemic, or oligoprogression beside the rest
   said stable; not denied, asked, or said of a relative.
3. the body's scan said not to have changed or to respond still ("body CT no change", "Body: no changes", "CT body
   (11/2025): no interval change", "body CT still good response"), beside new brain lesions: CNS-only progression;
   not a change denied of one place ("no change in the liver") or a response of one place, nor a body "no change"
   alone (no pattern), nor with an exception after it.
"""

from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

# ---- 1. sites with their extent after them -------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Patient treated in Liège, ALK+ since 2020, alectinib then lorlatinib, now PD osseous diffuse and hepatic.",
    "ALK+ on lorlatinib. Staging 11/2025: PD hepatic (multiple), osseous (new), adrenal bilateral.",
    "ALK+ adenocarcinoma, brigatinib since 2022; CT 11/2025: progression hepatic multifocal and osseous.",
    "Alectinib 2019-2025, 11/2025 progress hepatic and ossary, new pleural effusion.",
    "On lorlatinib: PD pulmonary bilateral and hepatic (multiple).",
])
def test_sites_with_their_extent_after_them_are_systemic(text):
    assert_reads(text, {"progression": "systemic"})


@pytest.mark.parametrize("text", [
    # the list said stable after it
    "ALK+ on lorlatinib, no PD: hepatic (multiple) and osseous lesions stable.",
    # a question
    "ALK+ on lorlatinib - is this PD osseous diffuse and hepatic?",
    # the word "progress" of a note, no sites
    "ALK+ on lorlatinib. Progress note: hepatic function normal.",
])
def test_sites_with_their_extent_near_misses(text):
    assert_reads(text, {"progression": None})


# ---- 2. a progression seen on a scan with its time -----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "on pem maintenance, PD on scan yesterday (liver, nodes, bones)",
    "ALK+ on alectinib, progression on the restaging CT today: liver, bone and adrenal.",
    "ALK+ NSCLC, brigatinib. PD on PET last week (liver, adrenal, bones).",
    "ALK+ on lorlatinib, PD on the latest CT (liver, nodes, bones).",
])
def test_progression_seen_on_a_scan_with_its_time_then_its_sites_is_systemic(text):
    assert_reads(text, {"progression": "systemic"})


def test_progression_seen_on_a_scan_then_sites_beside_the_rest_stable_is_oligoprogression():
    assert_reads("ALK+ on alectinib, PD on the latest CT: liver, nodes; everything else stable.",
                 {"progression": "oligoprogression"})


@pytest.mark.parametrize("text", [
    "ALK+ on alectinib, PD on scan yesterday (liver, nodes, bones)?",
    "ALK+ on alectinib, PD on the latest CT (liver, nodes, bones)?",
    "ALK+ on alectinib. Her sister had PD on scan yesterday (liver, nodes, bones).",
])
def test_progression_seen_on_a_scan_near_misses(text):
    assert_reads(text, {"progression": None})


def test_progression_denied_on_a_scan_with_its_time_is_none():
    assert_reads("ALK+ on alectinib, no progression on scan yesterday (liver, nodes, bones stable).",
                 {"progression": "none"})


# ---- 3. the body's scan said unchanged or still responding, beside new brain lesions -------------------------------


@pytest.mark.parametrize("text", [
    "ALK+ on alectinib. Brain MRI: 3 new metastases, body CT no change.",
    "ALK+ on alectinib, brain MRI: 3 new metastases; body: no change.",
    "ALK+ on brigatinib. MRI brain: two new mets. CT body (11/2025): no interval change.",
    "ALK+ on alectinib, now progression only in brain (2 new small lesions), body CT still good response.",
    "Alectinib since 2022. Head MRI shows 2 new lesions; body CT without significant change.",
    "ALK+ on lorlatinib. MRI brain: 4 new metastases. Body: no changes.",
])
def test_new_brain_lesions_beside_the_body_unchanged_is_cns_only(text):
    assert_reads(text, {"progression": "cns_only"})


@pytest.mark.parametrize("text", [
    # a change denied of one place only
    "ALK+ on alectinib, brain MRI: 3 new metastases; body CT no change in the liver, new bone lesions.",
    # a response of one place only
    "ALK+ on alectinib, brain MRI: 3 new metastases; body CT good response in the liver, new bone lesions.",
    # an exception after it
    "ALK+ on alectinib, brain MRI: 3 new metastases; body CT no change apart from a new liver lesion.",
    # a question
    "ALK+ on alectinib. Brain MRI: 3 new metastases. Is the body CT no change?",
])
def test_body_unchanged_near_misses_are_not_cns_only(text):
    assert_reads(text, {"progression": None})


@pytest.mark.parametrize("text", [
    "ALK+ on alectinib. Body CT no change.",
    "ALK+ on alectinib. Body: no change.",
])
def test_the_body_unchanged_alone_states_no_pattern(text):
    assert_reads(text, {"progression": None})
