"""(ther9) Classes of wording the reader missed for the therapy given now and the brain lesions' extent, in phrasings of
our own, each with the near-misses that must read otherwise (questions, plans, stops, other people, other organs):

1. an immunotherapy's maintenance after a chemo-immunotherapy regimen, with the disease's state on it now ("carbo/pem/
   pembro x4, then pembrolizumab maintenance, now PD"): chemo-immunotherapy, not chemotherapy ("pem" is no
   pembrolizumab);
2. a regimen started and a cycle of it given lately ("... started 09/2025; C3 given yesterday"), or the patient's own
   start of it told as the last step ("then she started carboplatin and etoposide");
3. nothing given now: best supportive care as what the patient is on or a form's treatment status; the last row of a
   treatment or dispensing history told as none since;
4. the count of brain lesions on the form's next row ("Brain mets present: [x]" / "Number: >10"), or as "xN" after a
   progression in the brain ("PD brain x8"); each lesion's size beside a brain region's noun ("right thalamus 6 mm");
5. a brain scan's row stating the lesions, then the next local treatment planned ("Brain MRI - 1 small lesion, SRS
   planned"): the plan is the treatment's, the lesions are stated;
6. a report's row naming its specimen as this progression's ("Case: progression biopsy (pleura) after lorlatinib"),
   the ALK fusion in a row below it ("RNA: EML4-ALK v3"): the fusion at this progression, on tissue;
7. chemotherapy given now told by its cycle ("day 14 of cycle 3 of ...", "C3D14 ...", "her fourth cycle of ..."), its
   continuation ("continuing docetaxel", "still on carbo/pem", "she is having chemotherapy"), its start date with no
   end ("since 10/2025 on ...", "docetaxel (since 09/2025)") or a cycle held; an immunotherapy's maintenance continued.
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

# ---- 1. the immunotherapy's maintenance after chemo-immunotherapy, the disease's state on it -----------------------


@pytest.mark.parametrize("text", [
    "Carboplatin, pemetrexed and pembrolizumab x4, then pembrolizumab maintenance, now PD.",
    "carbo/pem/pembro x 4 -> pembro maintenance, now progressing in the liver",
    "2L: cisplatin + pemetrexed + pembrolizumab for 4 cycles, followed by pembrolizumab maintenance, now SD",
    "Four cycles of carboplatin/pemetrexed/pembrolizumab after alectinib, then pembro maintenance, now stable.",
])
def test_io_maintenance_after_chemo_io_is_chemo_immunotherapy(text: str) -> None:
    assert_reads(text, {"current_therapy": "chemo_immunotherapy"})


@pytest.mark.parametrize("text,fields", [
    # a chemotherapy's own maintenance stays chemotherapy
    ("Carboplatin/pemetrexed x4, then pemetrexed maintenance, now PD.", {"current_therapy": "chemotherapy"}),
    # the maintenance stopped, a TKI after it
    ("Carbo/pem/pembro x4 then pembro maintenance until PD in 2024; lorlatinib since.",
     {"current_therapy": None}),
    # asked, or planned
    ("Carbo/pem/pembro x4 done - should pembrolizumab maintenance now follow?", {"current_therapy": None}),
    ("Carboplatin, pemetrexed and pembrolizumab x4; pembrolizumab maintenance to start next week.",
     {"current_therapy": None}),
    # another person's
    ("His brother had carboplatin, pemetrexed and pembrolizumab x4, then pembrolizumab maintenance, now PD.",
     {"current_therapy": None}),
])
def test_io_maintenance_near_misses(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# ---- 2. a regimen started with a cycle given lately; the patient's own start as the last step -----------------------


@pytest.mark.parametrize("text,value", [
    ("Atezolizumab + bevacizumab + carboplatin + paclitaxel started 10/2025 after brigatinib failed; C3 given "
     "yesterday.", "chemo_immunotherapy"),
    ("Carboplatin/pemetrexed started 11/2025 after lorlatinib PD, cycle 2 given today.", "chemotherapy"),
    ("Docetaxel commenced in October; C4 administered on 12/11.", "chemotherapy"),
    ("After that she started carboplatin and etoposide; CT after 2 cycles shows a partial response.", "chemotherapy"),
    ("Then he started carboplatin, pemetrexed and pembrolizumab; tolerating it well.", "chemo_immunotherapy"),
    ("Since then the patient started docetaxel, 3 cycles so far.", "chemotherapy"),
])
def test_regimen_started_and_given_now(text: str, value: str) -> None:
    assert_reads(text, {"current_therapy": value})


@pytest.mark.parametrize("text", [
    # a step after it, or a stop
    "After that she started carboplatin and etoposide, then switched to docetaxel.",
    "She started carboplatin and pemetrexed in 2019, then alectinib.",
    "He started carboplatin-pemetrexed, stopped after 2 cycles for neutropenia.",
    "Carboplatin/pemetrexed started 09/2024; C4 given, then alectinib from 2025.",
    # earlier, before a TKI
    "She had started carboplatin and etoposide before the crizotinib.",
    # a plan, a question, another person
    "She will be started on carboplatin and pemetrexed next week.",
    "If she started carboplatin now, would it help?",
    "Her mother started carboplatin and paclitaxel last month.",
])
def test_regimen_started_near_misses(text: str) -> None:
    assert_reads(text, {"current_therapy": None})


# ---- 3. nothing given now: best supportive care; a history's last row "none since" -------------------------------


@pytest.mark.parametrize("text", [
    "Lorlatinib was planned but never started after the admission with sepsis; instead on best supportive care.",
    "She is now on best supportive care only, at home with the community palliative team.",
    "Treatment status: best supportive care",
    "ECOG 3.\nTreatment status: BSC",
    "Prior treatment:\n- alectinib 600 mg bid 2020-2023 (stopped: PD)\n- lorlatinib 100 mg 2023-10/2025 (stopped: PD)\n"
    "- none since",
    "Lines:\n1) crizotinib 2019-2020\n2) brigatinib 2020-2025\n3) nothing since",
    "Dispensing record\n2021-03 to 2024-06  alectinib 600 mg bid  -> stopped: progression\n"
    "2024-07 to 2025-09  lorlatinib 100 mg  -> stopped: progression\n2025-10 ->  none",
])
def test_nothing_given_now(text: str) -> None:
    assert_reads(text, {"current_therapy": "none"})


@pytest.mark.parametrize("text", [
    # asked, supposed or offered
    "Would she be better served by best supportive care?",
    "If the ECOG drops to 3, best supportive care.",
    "Options: lorlatinib, or best supportive care.",
    "Treatment status: BSC if no response to chemotherapy",
    "Treatment status: best supportive care?",
    # another person
    "Her father is on best supportive care.",
    # a row of none that is no history's last row ("none since" inside a sentence, a side effect's row)
    "Prior treatment:\n- alectinib 2020-2023\n- lorlatinib since 2023, no problems since",
    "Toxicity:\n2024-05 -> none",
    "Side effects:\n- rash 2023\n- none since",
])
def test_nothing_given_now_near_misses(text: str) -> None:
    assert_reads(text, {"current_therapy": None})


# ---- 4. the brain lesions' count: a form's next row; "xN" after a brain progression ---------------------------------


@pytest.mark.parametrize("text,value", [
    ("CNS section\nBrain metastases present: [x]\nNumber: >10\nLargest: 14 mm", "extensive"),
    ("Brain mets: yes\nNumber of lesions: 3", "limited"),
    ("Brain metastases: Y\nCount: innumerable", "extensive"),
    ("Intracranial metastases: present\n- count: 2", "limited"),
    ("Row: ALK+ | crizo->alec | PD brain x9 + stable body | ECOG 1", "extensive"),
    ("PD brain x2, body stable on lorlatinib.", "limited"),
    ("Progression in the brain x3, all under 1 cm.", "limited"),
    # each lesion's size beside a brain region's noun
    ("MRI 12/2025: two new lesions (left thalamus 5 mm, right parietal 8 mm); no oedema.", "limited"),
    ("MRI brain: 2 new lesions (right insula 4 mm, left frontal lobe 7 mm).", "limited"),
])
def test_brain_lesion_counts(text: str, value: str) -> None:
    assert_reads(text, {"cns_lesions": value})


@pytest.mark.parametrize("text", [
    # the brain denied, the count of another row
    "Brain metastases: no\nNumber: 2",
    "Brain mets: no\nNumber of prior lines: 3",
    # another organ's progression counted
    "PD liver x3, brain clear.",
    "PD bone x8, MRI brain negative.",
    # denied, asked, a time not a count
    "No PD brain x2.",
    "PD brain x2 weeks ago?",
    # another organ's lesions with their sizes
    "CT chest 12/2025: two new lesions (right lower lobe 6 mm, left upper lobe 9 mm).",
])
def test_brain_lesion_count_near_misses(text: str) -> None:
    assert_reads(text, {"cns_lesions": None})


# ---- 5. a brain scan's row with the lesions, then the next local treatment planned -----------------------------------


@pytest.mark.parametrize("text,value", [
    ("Brain MRI - 2 small lesions, SRS planned", "limited"),
    ("[x] MRI brain - one 6 mm lesion, gamma knife booked", "limited"),
    ("MRI head: innumerable enhancing lesions - whole brain RT planned.", "extensive"),
    ("Head MRI: more than 12 new lesions, WBRT scheduled next week", "extensive"),
    ("Brain MRI: 1 new 9 mm left frontal metastasis, resection planned", "limited"),
])
def test_lesions_stated_beside_a_planned_treatment(text: str, value: str) -> None:
    assert_reads(text, {"cns_lesions": value})


@pytest.mark.parametrize("text", [
    # the scan itself to come, or its result
    "Brain MRI: planned",
    "Brain MRI: SRS planned",
    "Brain MRI - 2 small lesions, repeat MRI planned",
    "Brain MRI - 2 small lesions, SRS planned, formal report pending",
    # doubted, or asked
    "Brain MRI - possible 3 mm focus, SRS planned",
    "Brain MRI - 2 lesions, SRS planned?",
    # denied
    "Brain MRI - no lesions, SRS not planned",
])
def test_lesions_beside_a_plan_near_misses(text: str) -> None:
    assert_reads(text, {"cns_lesions": None})


# ---- 6. a report's row naming the specimen this progression's; the fusion in a row below ---------------------------


@pytest.mark.parametrize("text", [
    "MOLECULAR REPORT\nCase: re-biopsy of the left adrenal at progression on alectinib\nDNA: ALK L1196M (VAF 8%)\n"
    "RNA: EML4-ALK variant 1",
    "Material: bone core (relapse on brigatinib)\nHistology: adenocarcinoma\nRNA NGS: EML4-ALK v3a/b",
    "Specimen: progression biopsy, liver segment 6\nMorphology: adenocarcinoma, solid pattern\n"
    "Fusion: EML4-ALK (E13;A20)",
])
def test_fusion_under_a_progression_specimen_row(text: str) -> None:
    assert_reads(text, {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue"})


@pytest.mark.parametrize("text", [
    # the row names the diagnosis's specimen
    "Case: diagnostic biopsy (2019)\nRNA: EML4-ALK v3",
    "Specimen: archival block from the initial resection, before any progression\nRNA: EML4-ALK v1",
    # the fusion told as the diagnosis's, under a progression specimen's row
    "Case: progression biopsy (liver)\nOriginal diagnosis 2020: EML4-ALK v1",
    "Case: progression biopsy (liver), sent for NGS\nComment: the patient was diagnosed with EML4-ALK NSCLC in 2019.",
])
def test_fusion_under_a_progression_specimen_row_near_misses(text: str) -> None:
    assert_reads(text, {"alk_fusion_at_progression": None, "alk_fusion_specimen": None})


# ---- 7. chemotherapy given now in the words of its cycle, its continuation, its start date or a pause ----------------


@pytest.mark.parametrize("text,value", [
    # the day of a cycle, or the patient's cycle
    ("Seen on day 8 of cycle 2 of carboplatin and pemetrexed; mild nausea.", "chemotherapy"),
    ("C4D1 carboplatin/pemetrexed/pembrolizumab given today.", "chemo_immunotherapy"),
    ("Cycle 5, day 1 of docetaxel today; counts fine.", "chemotherapy"),
    ("He is on his third cycle of cisplatin/pemetrexed.", "chemotherapy"),
    # still given
    ("Continuing docetaxel at 75 mg/m2.", "chemotherapy"),
    ("She continues on carboplatin, pemetrexed and pembrolizumab with a good response.", "chemo_immunotherapy"),
    ("Still on carbo/pem, tolerating it.", "chemotherapy"),
    ("Pt is currently receiving docetaxel at the day unit.", "chemotherapy"),
    ("Receiving pemetrexed every three weeks since June.", "chemotherapy"),
    # given since a date
    ("Since 11/2025 on carboplatin/etoposide.", "chemotherapy"),
    ("Docetaxel (since 10/2025), stable disease.", "chemotherapy"),
    ("Atezolizumab/carboplatin/etoposide since September, responding.", "chemo_immunotherapy"),
    # a cycle held or delayed: paused, not stopped
    ("Docetaxel delayed by one week for neutropenia.", "chemotherapy"),
    ("Carboplatin/pemetrexed held this cycle (creatinine up).", "chemotherapy"),
    # the immunotherapy's maintenance continued after the regimen named after it
    ("Continues on pembrolizumab maintenance after 4 cycles of carboplatin, pemetrexed and pembrolizumab.",
     "chemo_immunotherapy"),
])
def test_chemotherapy_given_now(text: str, value: str) -> None:
    assert_reads(text, {"current_therapy": value})


@pytest.mark.parametrize("text", [
    # after a cycle, then stopped; dated with a later step
    "Febrile after cycle 2 of docetaxel, then stopped.",
    "Day 8 of cycle 2 of carboplatin/pemetrexed in 2022, then alectinib.",
    "Continuing docetaxel until progression in 2024, then lorlatinib.",
    # asked, planned
    "Still on carbo/pem?",
    "She is having chemotherapy next week.",
    "He is receiving docetaxel from Monday.",
    # off it, stopped, or never since
    "Off carboplatin since 09/2025.",
    "No chemotherapy since 2019.",
    "Carboplatin since 2022, stopped 2023.",
    "Docetaxel since 03/2024 x4, then lorlatinib.",
    # another person
    "Her sister is still on carboplatin.",
    # stopped, not held
    "Docetaxel stopped for neutropenia.",
])
def test_chemotherapy_given_now_near_misses(text: str) -> None:
    assert_reads(text, {"current_therapy": None})
