"""The latest statement of a field stands over an earlier one (context/timing.py: Timing._latest_told), when the
words of time or the dates of the two statements order them: words of an earlier time ("earlier", "previous",
"prior", "baseline", "6 months ago", "in March", "at diagnosis", an earlier date) against words of the present
("latest", "most recent", "current", "now", "today", "repeat", "follow-up", a later date), for the brain (brain
metastases and their count), the pattern of progression and the ECOG, in both orders and both ways (the earlier
finding worse or better than the later). Near-misses: a later statement that asks, plans, hopes or supposes, or is
another person's, overrules nothing; two statements with no order between them stay as they were (a conflict,
asked); the history at the diagnosis stays history."""

from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than

# ---- the brain: metastases earlier, none in the later statement -----------------------------------------------------


@pytest.mark.parametrize("text", [
    "Brain MRI 6 months ago showed 2 mets; repeat MRI now shows no brain metastases",
    "Previous MRI: 3 brain mets. Latest MRI: no brain metastases",
    "Prior brain MRI showed 2 metastases, current brain MRI shows no brain metastases",
    "Baseline MRI brain: 2 brain mets. Follow-up MRI brain: no brain mets",
    "MRI brain 03/2025: 2 brain mets. MRI brain 11/2025: no brain mets",
    "MRI brain in March: 2 brain mets; MRI brain today: no brain metastases",
    "No brain metastases on the current MRI; 2 brain mets on the MRI 6 months ago",
    "Brain MRI at diagnosis: 3 brain mets. Brain MRI today: no brain metastases",
    "MRI brain (03/2025): 2 brain mets; MRI brain (11/2025): no brain metastases",
    "Initially 2 brain mets; currently no brain metastases on MRI",
    "Latest MRI: no brain metastases. Prior MRI: 2 brain mets",
])
def test_brain_metastases_told_earlier_and_none_later_are_none_now(text):
    assert_reads(text, {"brain_metastases": False, "cns_lesions": None})


# ---- the brain: clear earlier, metastases in the later statement ----------------------------------------------------


@pytest.mark.parametrize("text", [
    "MRI brain 03/2025: no mets. MRI brain 11/2025: 2 new mets, rest of body stable",
    "Brain MRI 6 months ago: no brain mets. Repeat MRI now: 3 brain mets",
    "Previous MRI: no brain metastases. Latest MRI: 2 brain mets",
    "Brain MRI 2 months ago normal; most recent brain MRI shows 3 brain metastases",
    "MRI brain 11/2025: 2 new brain mets. MRI brain 03/2025: no brain mets",
    "Brain MRI 2 weeks ago: no brain mets; brain MRI yesterday: 2 brain mets",
])
def test_brain_clear_earlier_and_metastases_later_are_metastases_now(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "limited"})


@pytest.mark.parametrize("text", [
    "MRI brain in March clear. MRI today: 2 new mets",
])
def test_a_brain_scan_clear_in_a_month_and_new_lesions_today_are_brain_metastases(text):
    assert_reads(text, {"brain_metastases": True})


@pytest.mark.parametrize("text", [
    "MRI brain in March clear, MRI today 2 new mets",
    "MRI brain in March clear, repeat MRI now shows 2 new mets",
    "MRI brain 03/2025 negative, repeat MRI now shows 3 new lesions",
])
def test_an_mri_named_again_in_the_sentence_of_a_brain_scan_counts_the_brains_lesions(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "limited"})


@pytest.mark.parametrize("text", [
    "MRI brain in March clear, MRI today 2 new mets in the liver",
    "MRI brain in March clear, MRI spine today 2 new mets",
    "MRI today 2 new mets in the bones",
])
def test_new_lesions_of_another_place_on_todays_mri_are_not_the_brains(text):
    assert_reads_other_than(text, {"brain_metastases": True})


@pytest.mark.parametrize("text", [
    "MRI brain in March clear",
    "Brain MRI 2 months ago normal",
    "MRI brain in November was clear",
])
def test_a_brain_scan_told_clear_at_a_month_or_a_time_ago_is_no_brain_metastases(text):
    assert_reads(text, {"brain_metastases": False})


@pytest.mark.parametrize("text", [
    "MRI today 2 new mets",
    "MRI brain today 2 new mets",
])
def test_new_lesions_on_todays_mri_are_brain_metastases(text):
    assert_reads(text, {"brain_metastases": True})


def test_the_later_count_of_brain_lesions_stands():
    assert_reads("Earlier MRI: 2 brain mets. Current MRI: 8 brain mets", {"brain_metastases": True,
                                                                            "cns_lesions": "extensive"})
    assert_reads("MRI brain in March: 8 brain mets. MRI brain today: 2 brain mets", {"cns_lesions": "limited"})


# ---- the brain: near-misses ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    # a later statement that plans, asks, hopes or supposes, or is another person's
    "Brain MRI 6 months ago showed 2 mets; will repeat MRI to check for new brain metastases",
    "Brain MRI 6 months ago showed 2 mets; is the repeat MRI now free of brain metastases?",
    "Brain MRI 6 months ago showed 2 mets; if the repeat MRI shows no brain metastases we will stop steroids",
    "Brain MRI 6 months ago showed 2 mets; hopefully the repeat MRI will show no brain metastases",
    "Brain MRI 6 months ago showed 2 mets; her sister's MRI now shows no brain metastases",
    # no order between the two
    "Brain MRI showed 2 mets; MRI shows no brain metastases",
])
def test_a_later_statement_not_told_as_it_is_or_not_ordered_does_not_clear_the_brain(text):
    assert_reads_other_than(text, {"brain_metastases": False})


def test_brain_metastases_at_diagnosis_stay_history():
    assert_reads("At diagnosis 2 brain mets, treated with SRS", {"brain_metastases": True, "cns_lesions": None})
    assert_reads("No brain mets at diagnosis; now 3 new brain mets", {"brain_metastases": True,
                                                                      "cns_lesions": "limited"})


# ---- the pattern of progression: progression earlier, no progression in the later statement ------------------------


@pytest.mark.parametrize("text", [
    "Earlier CT showed systemic PD; latest CT shows response on lorlatinib",
    "CT 6 months ago: systemic progression. Repeat CT now: partial response",
    "Previous CT: systemic PD; current CT: stable disease",
    "CT in March showed systemic PD; CT today shows stable disease",
    "Prior CT showed systemic PD, most recent CT stable disease",
    "Systemic PD at baseline CT; follow-up CT shows stable disease",
    "CT 03/2025: systemic PD. CT 11/2025: stable disease",
    "CT 11/2025: stable disease. CT 03/2025: systemic PD",
    "CT last year: progression in liver, bones, adrenal, lungs and nodes. CT this month: stable disease",
    "Most recent CT: stable disease. Previous CT: systemic PD",
])
def test_a_progression_told_earlier_and_no_progression_later_is_none_now(text):
    assert_reads(text, {"progression": "none"})


@pytest.mark.parametrize("text", [
    "Baseline CT: partial response; follow-up CT: systemic progression",
    "Prior scan stable disease; most recent scan shows systemic progression",
    "CT in March stable disease, CT today systemic PD",
    "CT 03/2025: stable disease. CT 11/2025: systemic PD",
    "CT 6 months ago showed partial response; repeat CT now shows systemic progression",
    "CT 2 months ago: partial response. Current CT: progression in liver, bones, adrenal, lungs and nodes",
])
def test_no_progression_told_earlier_and_a_progression_later_is_the_progression(text):
    assert_reads(text, {"progression": "systemic"})


@pytest.mark.parametrize("text", [
    "latest CT shows response",
    "The repeat CT shows a response to lorlatinib",
    "Restaging CT demonstrates good response",
])
def test_a_body_scan_showing_a_response_is_no_progression(text):
    assert_reads(text, {"progression": "none"})


@pytest.mark.parametrize("text", [
    "CT shows response",  # a scan of no time: unread
    "CT showed response on alectinib",  # told in the past
    "Latest CT shows response, but a new adrenal lesion",
    "CT showed response in liver",
    "CT shows mixed response",
    "CT shows no response",
    "Does the CT show response?",
    "Brain MRI shows response",
    "Latest CT shows response until 2024",
])
def test_a_response_of_one_place_mixed_denied_asked_or_past_is_not_the_disease_controlled(text):
    assert_reads_other_than(text, {"progression": "none"})


@pytest.mark.parametrize("text", [
    "Earlier CT showed systemic PD; will the latest CT show response?",
    "Earlier CT showed systemic PD; if the repeat CT shows stable disease, continue lorlatinib",
])
def test_a_later_response_asked_or_planned_does_not_clear_the_progression(text):
    assert_reads(text, {"progression": "systemic"})


def test_a_later_response_hoped_does_not_clear_the_progression():
    # the hope is read as told (a conflict, asked): never as no progression now
    assert_reads_other_than("Earlier CT showed systemic PD; hopefully the repeat CT will show stable disease",
                            {"progression": "none"})


def test_two_states_with_no_order_between_them_are_asked():
    assert_reads("CT showed systemic PD; CT shows stable disease", {"progression": None})


# ---- ECOG ------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, ecog", [
    ("ECOG 1 in March, ECOG 2 today", 2),
    ("ECOG 1 (03/2025), ECOG 2 (11/2025)", 2),
    ("PS 1 in March; PS 3 now", 3),
    ("ECOG 2 6 weeks ago, ECOG 1 today", 1),
    ("ECOG 0 on the previous visit, ECOG 2 at follow-up", 2),
    ("ECOG 2 at diagnosis, ECOG 1 now", 1),
    ("Prior ECOG 0, latest ECOG 2", 2),
    ("ECOG 3 at baseline; ECOG 1 at follow-up", 1),
    ("ECOG 1 a month ago, now ECOG 2", 2),
])
def test_the_later_ecog_stands(text, ecog):
    assert_reads(text, {"ecog": ecog})


@pytest.mark.parametrize("text, ecog", [
    ("ECOG 1; ECOG 2", None),  # no order: asked
    ("ECOG 1 today; ECOG 2 if she gets worse", 1),  # a later one supposed
    ("ECOG 1 now; hopefully ECOG 0 after steroids", 1),
])
def test_an_ecog_not_ordered_or_supposed_later_does_not_overrule(text, ecog):
    assert_reads(text, {"ecog": ecog})


# ---- a later statement that tells no time of its own is not later than one told of the past ---------------------------


@pytest.mark.parametrize("text, fields", [
    ("Previous systemic progression on crizotinib; stable on alectinib.", {"progression": None}),
    ("Earlier CT: systemic PD. CT: stable disease", {"progression": None}),
    ("Prior MRI showed 2 brain mets; MRI shows no brain metastases", {"brain_metastases": None}),
    ("Previous MRI: no brain metastases. MRI: 2 brain mets", {"brain_metastases": None}),
])
def test_a_later_statement_with_no_time_of_its_own_overrules_nothing(text, fields):
    assert_reads(text, fields)


# ---- the time told by the heading a statement is listed under ---------------------------------------------------------


@pytest.mark.parametrize("text, fields", [
    ("Prior imaging:\n- MRI brain: 2 brain mets\nCurrent imaging:\n- MRI brain: no brain metastases",
     {"brain_metastases": False, "cns_lesions": None}),
    ("03/2025:\n- MRI brain: no brain mets\n11/2025:\n- MRI brain: 2 brain mets",
     {"brain_metastases": True, "cns_lesions": "limited"}),
    # a heading of no time orders nothing: asked
    ("Imaging:\n- MRI brain: 2 brain mets\n- MRI brain: no brain metastases", {"brain_metastases": None}),
])
def test_the_heading_a_statement_is_listed_under_tells_its_time(text, fields):
    assert_reads(text, fields)
