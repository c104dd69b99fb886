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

from bot.nlu import extractor
from bot.nlu.extractor import progressing
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
        # (prog2) and told after it, with no time or date between them
        "New liver mets; stable disease.",
        "New liver and bone mets. Stable disease.",
        "PD in the adrenal, stable disease",
        "Progression in liver and bone; no disease progression.",
        "new bone lesion, no progression",
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


@pytest.mark.parametrize(
    "text",
    [
        # (prog2) a later line dated after the progression: the later state, none
        "2023: progression in the liver and bones on crizotinib. 2025: stable disease on alectinib.",
        "2023: progression in liver and bones on crizotinib. 2025: stable on alectinib.",
        "PD in 2 lung sites, SBRT; 12/2025: CT stable",
        "03/2024: new liver and bone mets. 11/2025: stable disease on lorlatinib.",
        "Mar 2024 PD in liver; Jan 2026 - stable on lorlatinib",
    ],
)
def test_a_timeline_s_later_dated_stability_is_none(text):
    assert_reads(text, {"progression": "none"})


@pytest.mark.parametrize(
    "text",
    [
        # negative controls: the progression's line dated as late or later, or no date opening the stable line
        "03/2026: PD in liver and bone. 12/2025: CT stable.",
        "2025: stable disease. 2026: new liver and bone mets.",
        "PD in liver and bone; alectinib was started in 2023 and the disease is stable",
    ],
)
def test_a_stability_not_dated_after_the_progression_is_not_none(text):
    assert_reads_other_than(text, {"progression": "none"})


@pytest.mark.parametrize(
    "text, read",
    [
        # (timing) a full date opening the stable line ("01/12/2025": 1 December or 12 January) tells its year, not
        # its month (bot/nlu/when.py): it dates nothing after a progression of that year (it was read as 12/2025)
        ("New liver mets 2025. 01/12/2025: CT stable disease.", False),
        ("Progression in the liver 2025. 03/11/2025: stable disease on lorlatinib.", False),
        # (timing) a year alone beside a month of that year tells no order (bot/nlu/when.py, date_later): the
        # progression may be of December too (it was read as before 12/2025: none)
        ("New liver mets 2025. 12/2025: CT stable disease.", False),
        # controls: a later month of one year, a later year, or a full date of a later year dates the stable line
        # after it
        ("New liver mets 03/2025. 12/2025: CT stable disease.", True),
        ("New liver mets 2024. 12/2025: CT stable disease.", True),
        ("New liver mets 03/2024. 01/12/2025: CT stable disease.", True),
    ],
)
def test_a_stable_line_is_dated_after_only_at_the_precision_both_dates_have(text, read):
    if read:
        assert_reads(text, {"progression": "none"})
    else:
        assert_stated_both_ways(text, "progression")


# ---- 5. (prog2) no progression said of one place is that place's, not the whole disease's -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "new bone lesion, no progression in the liver",
        "No progression in the lungs; new adrenal lesion.",
        "no progression in the liver",
        "Stable disease in the lungs.",
        "no disease progression in the liver, new bone mets",
    ],
)
def test_no_progression_of_one_place_beside_one_site_or_none_reads_no_pattern(text):
    assert_reads(text, {"progression": None})


@pytest.mark.parametrize(
    "text",
    [
        "new liver and bone lesions, no progression in the lungs",
        "New liver and bone mets, but stable disease in the lungs.",
        "Stable disease in the lung primary; new hepatic and osseous lesions.",
    ],
)
def test_no_progression_of_one_place_beside_two_progressing_sites_is_systemic(text):
    assert_reads(text, {"progression": "systemic"})


@pytest.mark.parametrize(
    "text",
    [
        # negative controls: said of the whole disease, or of a time, not a place
        "No disease progression.",
        "No progression in 2 years on alectinib.",
        "no progression in the last 18 months",
        "Stable disease on alectinib.",
    ],
)
def test_no_progression_of_the_whole_disease_or_of_a_time_is_still_none(text):
    assert_reads(text, {"progression": "none"})


# ---- 6. (prog2) a complete response in the brain beside body progression -------------------------------------------
# Kept as safety5 decided (tests/nlu/test_safety5_forms.py): the schema's brain_metastases is "present now", and an
# intracranial CR says the lesions are gone now, as "brain mets resolved" does, which reads absent; the decision
# module treats absent and unknown alike except in its consistency checks, which a later CNS finding then raises. The
# body's one progressing site is no pattern, never "none".


@pytest.mark.parametrize(
    "text",
    [
        "intracranial CR, extracranial PD in liver",
        "Complete intracranial response; new liver lesion.",
    ],
)
def test_a_brain_complete_response_beside_one_progressing_body_site_is_absent_brain_mets_and_no_pattern(text):
    assert_reads(text, {"brain_metastases": False, "progression": None})


@pytest.mark.parametrize(
    "text",
    [
        # negative controls: a partial response, or new brain lesions after the CR, never absent
        "intracranial PR, extracranial PD in liver",
        "intracranial CR on alectinib, then 2 new brain mets",
    ],
)
def test_a_brain_response_that_is_not_complete_now_is_not_absent_brain_mets(text):
    assert_reads_other_than(text, {"brain_metastases": False})


# ---- (prog2) a progression stated with no site: progressing, no pattern ---------------------------------------------
# "progressed on alectinib", "PD on brigatinib": no pattern is read (the form asks it), yet the disease progresses
# (fields.progressing, by which the dialogue clears a recorded "none"). Not a denial, a plan, a question, a what-if, a
# relative's, "progression-free" or PD-L1, and not an earlier TKI's progression with a later stability.


def _progressing(text: str) -> bool:
    return progressing(extractor.load().entities(text))


@pytest.mark.parametrize(
    "text",
    [
        "progressed on alectinib",
        "She has now progressed.",
        "PD on brigatinib",
        "Progressive disease on the latest CT.",
        "disease progression on lorlatinib",
        "now progressing",
        "ALK+ pt with PD",
        "Stable on alectinib for 2 years, then progressed.",
    ],
)
def test_a_bare_progression_is_progressing_with_no_pattern(text):
    assert _progressing(text), text
    assert_reads(text, {"progression": None})


@pytest.mark.parametrize(
    "text",
    [
        "progression-free for 2 years",
        "No progression.",
        "She hasn't progressed on alectinib.",
        "She has not yet progressed.",
        "never progressed on alectinib",
        "continue alectinib until progression",
        "time to progression was 30 months",
        "PD-L1 50%",
        "has she progressed?",
        "what if she progressed on alectinib?",
        "if she progresses, switch to lorlatinib",
        "her father progressed on chemo",
        "possible progression",
        "In ALK+ patients progressing on alectinib, lorlatinib is the usual next step.",
    ],
)
def test_no_progression_of_this_patient_stated_is_not_progressing(text):
    assert not _progressing(text), text


@pytest.mark.parametrize(
    "text",
    [
        # an earlier TKI's progression, then a later stability: the later state (none) wins, as with a site
        "progressed on crizotinib, then stable on alectinib since",
        "PD on crizotinib; now stable on alectinib.",
    ],
)
def test_an_earlier_bare_progression_then_stable_reads_none(text):
    assert_reads(text, {"progression": "none"})
