"""A progression told beside an earlier response or stable disease (prog): "Stable disease on alectinib for 2 years,
then progression in liver" was read as progression "none", which the decision module takes as no progression on the
current TKI (S5: continue it). The class: an earlier state read as no progression (CR, PR, SD, "stable", "responded",
"no progression for 2 years") followed in time by a progression; a response or stability of one site (the brain)
beside progression at another; a progression followed in time by stability on the next line. The later state wins;
a site stable while another progresses is never "none"; with no time to tell them apart, no progression beside a
site said to progress is stated both ways (asked about). Phrasings of our own, as clinicians write them; none is a
sentence of the independent phrasing sets."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than, assert_stated_both_ways

# ---- 1. an earlier response or stability, then progression: never "none" ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Stable disease on alectinib for 2 years, then progression in liver",
        "SD x 18 months on brigatinib, now PD in bone",
        "Stable on alectinib for 20 months, then a new liver lesion.",
        "Disease remained stable on alectinib until March 2025, when CT showed new liver lesions.",
        "Had stable disease for 3 years but now has a new adrenal lesion.",
        "No progression for two years on brigatinib, then progression in the liver.",
        "Complete response for 18 months, subsequently new bone lesions.",
        "Stable disease on lorlatinib since 2023; latest CT: progression in the liver.",
        "Partial response on alectinib, then progression in the liver.",
        "SD on alectinib x 2 yrs, then PD in the adrenal",
    ],
)
def test_an_earlier_response_or_stability_then_one_site_progressing_is_not_none(text):
    assert_reads(text, {"progression": None})


@pytest.mark.parametrize(
    "text",
    [
        "Stable on alectinib for 2 years, then progression in liver and bone",
        "Stable disease on alectinib for 26 months, then new liver and bone metastases.",
        "SD x 18 months on brigatinib, now PD in liver and adrenal",
        "Responded well to alectinib, then progression in the liver and bones.",
        "Had stable disease for 3 years but now has new adrenal and liver lesions.",
        "No progression for two years, subsequently new hepatic and osseous lesions.",
    ],
)
def test_an_earlier_response_or_stability_then_progression_at_two_sites_is_systemic(text):
    assert_reads(text, {"progression": "systemic"})


@pytest.mark.parametrize(
    "text",
    [
        # negative controls: a state now, with no progression after it, stays none
        "Stable disease on alectinib for 2 years.",
        "SD x 18 months on brigatinib.",
        "Stable on alectinib, routine follow-up.",
        "Ongoing partial response on lorlatinib, no progression.",
        "Complete response on lorlatinib, maintained at 2 years.",
    ],
)
def test_a_response_or_stability_with_no_progression_after_it_is_still_none(text):
    assert_reads(text, {"progression": "none"})


@pytest.mark.parametrize(
    "text",
    [
        # the progression in a bare word that reads no pattern of its own, after a word of time or an arrow
        "SD on alectinib -> PD liver",
        "SD on alectinib \u2192 PD",
        "Stable on alectinib, then progressed.",
        "Stable disease on brigatinib for 14 months, then relapsed.",
        "CR on alectinib x 3 years => progression",
    ],
)
def test_an_earlier_response_or_stability_then_a_bare_progression_is_not_none(text):
    assert_reads_other_than(text, {"progression": "none"})


@pytest.mark.parametrize(
    "text",
    [
        # negative controls: the progression word denied, planned for or of a name
        "Stable on alectinib; continue until progression.",
        "Stable on alectinib, then no progression on the next scan.",
        "Stable disease, now progression-free for 2 years.",
        "Stable on alectinib; then at progression, rebiopsy.",
        "Stable disease on alectinib, then PD-L1 testing for the trial.",
    ],
)
def test_stability_beside_a_progression_word_denied_planned_or_of_a_name_is_still_none(text):
    assert_reads(text, {"progression": "none"})


# ---- 2. one site stable or responding beside another progressing: not "none" ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "progressed on alectinib; stable disease in the brain, new liver mets",
        "Progression on alectinib: stable disease in the brain, new liver lesion.",
        "Stable disease in the brain; progression in the liver.",
        "brain stable, liver progressing",
        "Partial response in the brain, new bone lesion.",
    ],
)
def test_the_brain_stable_beside_one_body_site_progressing_is_not_none(text):
    assert_reads_other_than(text, {"progression": "none"})


@pytest.mark.parametrize(
    "text",
    [
        "Stable disease in the brain, new liver and bone mets.",
        "progressed on alectinib; stable disease in the brain, progression in the liver and bones",
    ],
)
def test_the_brain_stable_beside_two_body_sites_progressing_is_systemic(text):
    assert_reads(text, {"progression": "systemic"})


@pytest.mark.parametrize(
    "text",
    [
        # no progression told before a site said to progress, with no time between them: both stated, asked about
        "Stable disease, new liver and bone mets.",
        "Stable disease. New liver mets.",
        "New liver and bone mets, but stable disease in the lungs.",
    ],
)
def test_no_progression_beside_a_site_progressing_with_no_time_is_stated_both_ways(text):
    assert_stated_both_ways(text, "progression")


@pytest.mark.parametrize(
    "text",
    [
        # negative controls: the brain's stability alone, or the body's with the brain progressing
        "Stable disease in the brain.",
        "Stable disease in the brain on alectinib.",
    ],
)
def test_stable_disease_said_of_the_brain_alone_is_not_the_whole_disease(text):
    assert_reads(text, {"progression": None})


def test_stable_body_beside_new_brain_lesions_is_still_cns_only():
    assert_reads("CT: SD. MRI: 2 new brain mets.", {"progression": "cns_only"})


# ---- 3. a progression, then stability on the next line: the later state wins --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "PD on crizotinib, then stable on alectinib for 3 years, still stable",
        "Progressed on crizotinib in the liver and bones; now stable on alectinib.",
        "PD in liver and bone on crizotinib, then stable disease on lorlatinib.",
        "Progression in the liver and bones on alectinib, since then stable on lorlatinib.",
        "2024: PD in 2 lung nodules, SBRT given, alectinib continued. 3/2025: post-SBRT CT stable.",
        "New liver and bone mets treated with SBRT, post-SBRT scans stable.",
        "stable on alectinib",
    ],
)
def test_stability_told_after_an_earlier_progression_is_none(text):
    assert_reads(text, {"progression": "none"})


@pytest.mark.parametrize(
    "text",
    [
        # negative controls: the stability is before, or of one place, or a contrast: not the later state
        "Progression in liver and bone now, stable disease before.",
        "New liver and bone mets, but stable disease in the lungs.",
        "PD in liver on crizotinib, then stable on alectinib for 2 years, now PD in bone and adrenal.",
        "PD in liver and bone; no further progression elsewhere.",
        "PD in liver and bone, SBRT to the liver planned, CT otherwise stable.",
    ],
)
def test_a_progression_not_followed_by_stability_of_the_whole_disease_is_not_none(text):
    assert_reads_other_than(text, {"progression": "none"})


def test_a_progression_after_stability_after_a_progression_is_the_latest_one():
    assert_reads(
        "PD in liver on crizotinib, then stable on alectinib for 2 years, now PD in bone and adrenal.",
        {"progression": "systemic"},
    )


# ---- 4. a brain scan's denial and its treated lesions responding are the brain's, never a progression nor "none" ---


@pytest.mark.parametrize(
    "text",
    [
        "MRI brain shows no new lesions.",
        "Brain MRI shows no new lesions and the treated lesions are stable.",
        "MRI head: not any new lesions",
        "MRI brain shows no new lesions and the previously treated lesions are smaller.",
    ],
)
def test_a_brain_scan_with_no_new_lesions_is_no_brain_progression(text):
    assert_reads_other_than(text, {"progression": "cns_only"})
    assert_reads(text, {"progression": None})


@pytest.mark.parametrize(
    "text",
    [
        # negative controls: new lesions the scan shows are the brain's progression
        "MRI brain shows 2 new lesions.",
        "Brain MRI shows two small new lesions.",
    ],
)
def test_a_brain_scan_with_new_lesions_is_still_brain_progression(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "limited"})


@pytest.mark.parametrize(
    "text",
    [
        "MRI brain shows no new lesions and the previously treated lesions are smaller. Two new liver lesions only; "
        "everything else stable.",
        "MRI brain: the 3 treated lesions are smaller. New adrenal lesion; rest of disease stable.",
    ],
)
def test_treated_brain_lesions_smaller_beside_a_new_body_lesion_and_the_rest_stable_is_oligoprogression(text):
    assert_reads(text, {"progression": "oligoprogression"})


def test_lesions_smaller_on_a_body_scan_are_still_none():
    assert_reads("CT chest: the lesions are smaller.", {"progression": "none"})


def test_a_timeline_s_later_stability_is_not_read_as_its_earlier_progression():
    # no time word before the stability: stated both ways at worst, never the earlier line's systemic progression
    assert_reads_other_than(
        "2023: progression in the liver and bones on crizotinib. 2025: stable disease on alectinib.",
        {"progression": "systemic"},
    )
