"""(lead9) What the patient is on now and the pattern of progression, in wording classes the tuned sets under-sample:
a chemotherapy started on a day lately, a cycle counted in words or "N cycles into", a switch told before the TKI's
failure, best supportive care or observation now, "not currently on any treatment", "chemo-free"; a progression by
new lesions with its sites in brackets, "in CR", every site stable, "otherwise SD", the one site "which grew". Each
class in several phrasings of our own, with the near misses (plans, history, questions, conditions, other subjects)
that must not read."""

from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than

# ---- chemotherapy started on a day lately, or a cycle of it given lately ---------------------------------------------


@pytest.mark.parametrize("text, value", [
    ("Began docetaxel on 3 Nov after progression on brigatinib.", "chemotherapy"),
    ("Commenced carboplatin + pemetrexed on Monday; C1 went well.", "chemotherapy"),
    ("After lorlatinib failure, she commenced carboplatin and pemetrexed on 14 October.", "chemotherapy"),
    ("He began docetaxel yesterday.", "chemotherapy"),
    ("Started carbo/pem/pembro on Tuesday; tolerated C1 well.", "chemo_immunotherapy"),
    ("Initiated carboplatin-pemetrexed on Nov 2nd following brigatinib PD.", "chemotherapy"),
    ("Pt commenced ABCP on 20/10.", "chemo_immunotherapy"),
    ("Started carboplatin/pemetrexed today.", "chemotherapy"),
    ("First cycle of carboplatin/pemetrexed given on 12/11.", "chemotherapy"),
    ("Her first cycle of carboplatin-pemetrexed was given on 2 Oct.", "chemotherapy"),
    ("Third cycle of docetaxel given last week, no toxicity.", "chemotherapy"),
    ("2nd cycle of carbo/pem given yesterday.", "chemotherapy"),
    ("Had her second cycle of carbo/pem/pembro yesterday.", "chemo_immunotherapy"),
])
def test_chemotherapy_started_or_given_on_a_day_lately_is_given_now(text, value):
    assert_reads(text, {"current_therapy": value})


@pytest.mark.parametrize("text", [
    "Started carboplatin/pemetrexed on 3 Nov 2019, then alectinib.",
    "Will start carbo/pem on Monday.",
    "Plan: first cycle of carboplatin/pemetrexed on 12/11.",
    "Consented for carbo-pem; will start on Monday.",
    "Plan: start carboplatin/pemetrexed next week after lorlatinib progression.",
    "Her final cycle of carboplatin/pemetrexed was given on 12/11; now on lorlatinib.",
    "Shall we start docetaxel on Monday?",
])
def test_a_start_planned_asked_dated_years_ago_or_the_last_cycle_is_not_given_now(text):
    assert_reads_other_than(text, {"current_therapy": "chemotherapy"})
    assert_reads_other_than(text, {"current_therapy": "chemo_immunotherapy"})


# ---- cycles counted into it; switched to it at the TKI's failure, told after it -------------------------------------


@pytest.mark.parametrize("text, value", [
    ("Is 3 cycles into carboplatin/pemetrexed.", "chemotherapy"),
    ("Two cycles into carboplatin, pemetrexed and pembrolizumab; feeling tired.", "chemo_immunotherapy"),
    ("Now 4 cycles into docetaxel.", "chemotherapy"),
    ("Switched to carboplatin/pemetrexed after lorlatinib progression.", "chemotherapy"),
    ("Changed to docetaxel following PD on lorlatinib.", "chemotherapy"),
    ("Was switched to docetaxel after progression on lorlatinib.", "chemotherapy"),
    ("Switched to carbo/pem following lorlatinib failure.", "chemotherapy"),
    ("Changed to carboplatin and pemetrexed due to progression.", "chemotherapy"),
    ("Moved onto ABCP after alectinib and lorlatinib failure.", "chemo_immunotherapy"),
])
def test_cycles_into_it_or_a_switch_to_it_at_the_failure_is_given_now(text, value):
    assert_reads(text, {"current_therapy": value})


@pytest.mark.parametrize("text", [
    "Should we switch to carbo/pem after lorlatinib progression?",
    "She was switched to chemotherapy after alectinib failure in 2019, then crizotinib.",
    "If switched to docetaxel after lorlatinib failure, she would want to be seen locally.",
    "She will be switched to carboplatin/pemetrexed after lorlatinib progression is confirmed.",
    "Three cycles into carboplatin/pemetrexed it was stopped for toxicity; now on lorlatinib.",
])
def test_a_switch_asked_supposed_to_come_or_followed_by_a_later_step_is_not_given_now(text):
    assert_reads_other_than(text, {"current_therapy": "chemotherapy"})


# ---- no anticancer treatment now: best supportive care, no treatment "currently", observation after the end ----------


@pytest.mark.parametrize("text", [
    "BSC only.",
    "Now best supportive care.",
    "Currently BSC.",
    "Best supportive care alone since June.",
    "Best supportive care only after progression on lorlatinib.",
    "Managed with best supportive care since lorlatinib stopped.",
    "Currently managed with best supportive care.",
    "Being managed with BSC alone.",
    "Treatment: BSC only.",
    "Best supportive care only; hospice referral made.",
    "Not currently on any treatment.",
    "Not presently on any anticancer therapy.",
    "She is not currently on any systemic treatment.",
    "Currently treatment-free.",
    "Remains treatment-free.",
    "Currently chemo-free after 4 cycles of carbo/pem.",
    "Chemo stopped after 6 cycles in May, on observation now.",
    "Completed 4 cycles carbo/pem in September, now on a break.",
    "Finished 4 cycles of carboplatin/pemetrexed in July, currently on surveillance.",
    "Stopped pemetrexed maintenance in September and is now on a treatment break.",
    "Lorlatinib discontinued for toxicity in August; on observation since.",
    "Watch and wait since completing chemotherapy.",
    "Surveillance since completion of chemotherapy in June.",
    "On surveillance since stopping lorlatinib in May.",
])
def test_supportive_care_or_observation_now_is_no_treatment_now(text):
    assert_reads(text, {"current_therapy": "none"})


@pytest.mark.parametrize("text", [
    "Options: chemo or BSC only.",
    "Would consider BSC alone if she deteriorates.",
    "She will be managed with best supportive care if she declines chemo.",
    "Best supportive care was discussed but she wants more treatment.",
    "BSC only would be reasonable if PS worsens.",
    "Chemo stopped after 6 cycles in 2019, on observation, then started alectinib.",
    "Alectinib stopped for hepatitis, on a break; will restart at reduced dose.",
    "Completed chemo, on surveillance MRI for brain lesions, on alectinib.",
    "Not currently on any treatment for her diabetes.",
    "Her father was managed with best supportive care.",
])
def test_supportive_care_as_an_option_a_condition_or_a_pause_before_a_restart_is_not_none(text):
    assert_reads_other_than(text, {"current_therapy": "none"})


def test_chemo_free_is_no_current_chemotherapy():
    assert_reads_other_than("Currently chemo-free since June.", {"current_therapy": "chemotherapy"})
    assert_reads("Chemo-naive.", {"prior_chemotherapy": False})


# ---- a progression by new lesions with the sites in brackets --------------------------------------------------------


@pytest.mark.parametrize("text", [
    "On alectinib. RECIST: PD by new lesions (liver, bone).",
    "On lorlatinib. RECIST 1.1: PD by new lesions (liver, adrenal).",
    "On lorlatinib. Progression due to new lesions (lung, bone, liver).",
    "On lorlatinib. PD with new lesions (hepatic, osseous).",
    "On brigatinib. PD by new lesions (liver, nodes, bone).",
])
def test_progression_by_new_lesions_at_several_sites_in_brackets_is_systemic(text):
    assert_reads(text, {"progression": "systemic"})


@pytest.mark.parametrize("text", [
    "On lorlatinib. PD by new lesion (brain).",
    "On alectinib. No PD by new lesions (liver, bone).",
    "On alectinib. PD by new lesions (liver, bone) on crizotinib in 2019; now stable disease.",
])
def test_a_brain_lesion_a_denial_or_an_earlier_line_is_not_systemic(text):
    assert_reads_other_than(text, {"progression": "systemic"})


# ---- the disease in complete response now, every site stable --------------------------------------------------------


@pytest.mark.parametrize("text", [
    "On alectinib. In CR since 2023.",
    "On alectinib. Remains in CR.",
    "On alectinib. She is still in CR.",
    "On alectinib, in CR.",
    "On alectinib. Patient remains in CR at 3 years.",
    "On alectinib. All sites stable.",
    "On alectinib. Stable across all sites.",
    "On alectinib. Stable in all sites.",
    "On alectinib. All measurable lesions stable.",
    "On alectinib. CT: all lesions unchanged.",
])
def test_complete_response_now_or_every_site_stable_is_no_progression(text):
    assert_reads(text, {"progression": "none"})


@pytest.mark.parametrize("text", [
    "Was in CR until 2022 when she relapsed.",
    "On alectinib. Brain MRI: all lesions stable.",
    "On alectinib. All sites stable apart from a new rib lesion.",
    "On alectinib. All metastases stable except the adrenal, which grew.",
    "On alectinib. Liver: all lesions stable. Bone: new lesions.",
    "Her sister is in CR.",
])
def test_a_complete_response_that_ended_or_the_brain_or_one_site_stable_is_not_none(text):
    assert_reads_other_than(text, {"progression": "none"})


# ---- a few sites progressing beside "otherwise SD", or the one site "which grew" ------------------------------------


@pytest.mark.parametrize("text", [
    "On alectinib. New rib and adrenal lesions; otherwise SD.",
    "On alectinib. PD in L adrenal + T8, otherwise SD.",
    "On alectinib. PD in L adrenal and a rib, otherwise SD.",
    "On alectinib. Adrenal growing; otherwise SD.",
    "On alectinib. All metastases stable except the adrenal, which grew.",
])
def test_a_few_sites_progressing_with_the_rest_stable_is_oligoprogression(text):
    assert_reads(text, {"progression": "oligoprogression"})


@pytest.mark.parametrize("text, value", [
    ("On alectinib. New brain met, otherwise SD.", "cns_only"),
    ("On alectinib. SD.", "none"),
])
def test_otherwise_sd_beside_the_brain_or_alone(text, value):
    assert_reads(text, {"progression": value})


# ---- a regimen written with its doses, a form's regimen and cycle on one line, a line marked current ----------------


@pytest.mark.parametrize("text, value", [
    ("Treatment: Carboplatin AUC5 + pemetrexed 500 mg/m2 q21d, C3D1 today", "chemotherapy"),
    ("Carboplatin AUC5 / pemetrexed 500 mg/m2 — cycle 3.", "chemotherapy"),
    ("Systemic therapy: docetaxel 75 mg/m2 q3w (C2 given 10/11).", "chemotherapy"),
    ("Carboplatin AUC 5, pemetrexed 500 mg/m2, pembrolizumab 200 mg - C2D1 today.", "chemo_immunotherapy"),
    ("Regimen: carboplatin/pemetrexed/pembrolizumab. Cycle: 2.", "chemo_immunotherapy"),
    ("Regimen: carboplatin/pemetrexed. Cycle: 3.", "chemotherapy"),
    ("Line 3 (current): carboplatin-pemetrexed.", "chemotherapy"),
    ("3L (ongoing) - docetaxel", "chemotherapy"),
    ("Getting chemo with carbo and pem.", "chemotherapy"),
    ("Treated with carbo/pem x4 then pem maintenance - still ongoing.", "chemotherapy"),
])
def test_a_dosed_regimen_with_its_cycle_a_form_row_or_a_line_marked_current_is_given_now(text, value):
    assert_reads(text, {"current_therapy": value})


@pytest.mark.parametrize("text", [
    "Carboplatin AUC5 / pemetrexed 500 mg/m2 - cycle 1 planned for Monday.",
    "Docetaxel 75 mg/m2 q3w, cycle 4 completed in 2019; then alectinib.",
    "Regimen: carboplatin/pemetrexed. Cycle 4 completed in 2019.",
    "Regimen: carboplatin/pemetrexed. Cycle: 2.5 mg?",
    "Line 3 (current): lorlatinib. Line 2: carbo/pem.",
    "Getting chemo next week.",
])
def test_a_cycle_to_come_or_completed_or_a_line_of_the_tki_is_not_chemotherapy_now(text):
    assert_reads_other_than(text, {"current_therapy": "chemotherapy"})


# ---- slow growth in other words; a local progression beside the distant disease controlled --------------------------


@pytest.mark.parametrize("text", [
    "On alectinib. Lung nodule has grown 3 mm over 8 months; she is asymptomatic.",
    "On alectinib. The adrenal lesion has increased 2 mm over six months.",
    "On alectinib. The primary is creeping up in size.",
    "On alectinib. Nodes creeping up slowly, no symptoms.",
    "On alectinib. Small-volume progression in the lung, asymptomatic.",
])
def test_growth_told_slow_in_other_words_is_indolent(text):
    assert_reads(text, {"progression": "indolent"})


@pytest.mark.parametrize("text", [
    "On alectinib. CEA creeping up; scans stable.",
    "On alectinib. Liver met has grown 4 mm over 3 weeks.",
    "On alectinib. Her creatinine is creeping up.",
])
def test_a_marker_creeping_up_or_growth_over_weeks_is_not_indolent(text):
    assert_reads_other_than(text, {"progression": "indolent"})


@pytest.mark.parametrize("text", [
    "On alectinib. Local progression of the primary; distant disease controlled.",
    "On alectinib. Local progression at the primary with distant disease controlled.",
])
def test_a_local_progression_beside_the_distant_disease_controlled_is_oligoprogression(text):
    assert_reads(text, {"progression": "oligoprogression"})


# ---- cycles had by now; nothing taken now; comfort care only; between lines; a regimen with ramucirumab -------------


@pytest.mark.parametrize("text, value", [
    ("She has now received three cycles of carboplatin and pemetrexed.", "chemotherapy"),
    ("She has now had 2 cycles of carbo/pem/pembro.", "chemo_immunotherapy"),
    ("On docetaxel + ramucirumab.", "chemotherapy"),
    ("Not on anything at the moment.", "none"),
    ("Off everything since August.", "none"),
    ("Treatment stopped; supportive care only.", "none"),
    ("Between lines of therapy.", "none"),
    ("Currently between treatments.", "none"),
])
def test_cycles_had_by_now_or_nothing_taken_now(text, value):
    assert_reads(text, {"current_therapy": value})


@pytest.mark.parametrize("text", [
    "She has now completed four cycles of carboplatin and pemetrexed.",
    "If she has now had 4 cycles of carbo/pem, what next?",
    "A 3-month break between lines of therapy in 2021, then lorlatinib.",
    "Not taking anything at the moment for pain.",
    "Not on anything currently apart from paracetamol for pain.",
    "Her mother is not on anything at the moment.",
    "Comfort care only if she deteriorates.",
])
def test_a_course_completed_a_supposition_an_earlier_break_or_symptom_drugs_are_not_read(text):
    found = assert_reads_other_than(text, {"current_therapy": "none"})
    assert found.get("current_therapy") != "chemotherapy", (text, found)


# ---- a later step told after the start, the cycle, the switch or the statement of no treatment ----------------------


@pytest.mark.parametrize("text", [
    "Switched to carbo/pem after lorlatinib progression; progressed again after 4 cycles, now on brigatinib.",
    "Began docetaxel on 3 Nov; stopped on 20 Nov for toxicity.",
    "Commenced carboplatin/pemetrexed on Monday. Now on lorlatinib instead after the rebiopsy showed G1202R.",
    "3 cycles into carboplatin/pemetrexed she had PD; switched to lorlatinib.",
    "First cycle of carbo/pem given on 12/11, but she progressed and moved to brigatinib.",
    "She has now had 3 cycles of carbo/pem; then stopped for nephrotoxicity.",
])
def test_a_start_or_a_cycle_followed_by_a_later_step_is_not_chemotherapy_now(text):
    assert_reads_other_than(text, {"current_therapy": "chemotherapy"})


@pytest.mark.parametrize("text", [
    "BSC only. Later restarted lorlatinib at reduced dose and is on it now.",
    "Between lines of therapy; lorlatinib started last week.",
    "Not on anything at the moment, but commenced docetaxel yesterday.",
])
def test_no_treatment_followed_by_a_start_is_not_none(text):
    assert_reads_other_than(text, {"current_therapy": "none"})


# ---- a list of progressing sites with a side or an anatomy word; the rest said so in shorthand after it -------------


@pytest.mark.parametrize("text, value", [
    ("On alectinib. PD: L adrenal, rib.", "systemic"),
    ("On alectinib. PD in rt lung and L adrenal.", "systemic"),
    ("On alectinib. PD: L adrenal, rib; otherwise SD.", "oligoprogression"),
    ("On alectinib. PD in liver and bone, otherwise stable.", "oligoprogression"),
    ("On alectinib. PD in liver, bone and adrenal; SD elsewhere.", "oligoprogression"),
    ("On alectinib. PD in liver and bone, otherwise well.", "systemic"),
    ("On alectinib. PD in liver and bone; brain otherwise stable.", "systemic"),
])
def test_a_site_list_with_sides_and_the_rest_in_shorthand(text, value):
    assert_reads(text, {"progression": value})


@pytest.mark.parametrize("text", [
    "On alectinib. No PD: L adrenal, rib stable.",
    "On lorlatinib. PD in L adrenal and rib on crizotinib in 2019; now NED.",
])
def test_sites_said_stable_or_an_earlier_line_are_not_systemic(text):
    assert_reads_other_than(text, {"progression": "systemic"})
