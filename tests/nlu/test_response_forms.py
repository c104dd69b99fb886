"""A response or stable disease on the CURRENT therapy, as clinicians, tables and relayed patients tell it, is
progression "none"; the reading conventions of README "## Limitations" hold around it.

- A line of therapy said to be responding at the end of its item ("(3) carboplatin-pemetrexed, ongoing and
  responding", "on docetaxel now after lorlatinib failed, responding"), a status key ("Current status: stable on
  lorlatinib", "Progression pattern: not applicable - responding").
- A progression of an earlier line, followed by a response or stable disease told later: under a date after it at any
  distance ("Progression 09.2025: ... [a paragraph] ... Therapy from 10.2025: ..., partial response"), with a scan
  dated in brackets ("partial response (CT 10/2025)"), or a word of time in its own statement ("after that she
  started carboplatin; CT after 2 cycles shows partial response", "CT after C3: partial response").
- A patient's or a nurse's words: "the scan last week was stable", "the cancer is smaller", "the scan looks better",
  "the nurse said PR", "the cancer was stable" (when the TKI was changed for toxicity).
- The brain's response or a treated brain lesion stable, beside the body stable, is none; a denial before "and"
  does not reach "stable body disease".

Negative controls: a response at an earlier line followed by progression now; one site stable beside a site that
grows; a question; a hoped or expected response; a brain response with new body lesions; a relative's scan; "stable"
of the patient's condition; "no progression in the brain"; a state that ended ("was stable until ...").
"""

from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than

# ---- a response or stable disease on the current line: none ---------------------------------------------------

CURRENT_RESPONSE = [
    # a line's item, responding
    "Treatment lines: 1) alectinib, 2) lorlatinib, 3) carboplatin + pemetrexed, ongoing and responding.",
    "Sequence so far: brigatinib, then lorlatinib, now docetaxel, still responding.",
    "she's on docetaxel now after brig failed, responding",
    "4th line carbo-pem-bev, ongoing, responding.",
    # a status key
    "Current status: stable on brigatinib",
    "Disease status: responding",
    "Pattern of progression: N/A - responding",
    "Response assessment: stable disease",
    "Status: stable on lorlatinib, routine follow-up",
    # a progression of an earlier line, then the response dated after it, far apart
    "ALK+ adenocarcinoma (2020). Brigatinib 2020-2024.\nProgression 05.2024: liver, adrenal, bone. Rebiopsy of the"
    " liver: adenocarcinoma, ALK fusion retained, no ALK mutation; PD-L1 5%.\nTherapy from 06.2024: carboplatin-"
    "pemetrexed, 4 cycles, then pemetrexed maintenance; CT 10.2024: partial response.",
    "Treatment: crizotinib 2017-03.2019 (progressive illness 03.2019, new liver lesions and pleural effusion).\n"
    "Liquid biopsy 03.2019: ALK fusion only. Tissue: not available. Cardiology review: normal echo.\n"
    "Lorlatinib from 04.2019. CT 09.2025: stable disease.",
    "- 01/2023 progression (bone, nodes)\n- 02/2023-09/2024 lorlatinib, stopped for grade 3 neuropathy and mood change"
    "\n- 10/2024-now docetaxel; CT 02/2025: stable disease",
    "TKIs: alectinib 2021-02/2024 (PD, new liver mets and bone lesions); lorlatinib 100 mg from 03/2024 - present."
    " Best tolerated, lipids treated. Response on lorlatinib: partial response (CT 09/2024).",
    "She had crizotinib, then ceritinib, then a trial drug until 06/2025 when progression was confirmed in the liver"
    " and nodes.\nRebiopsy: adenocarcinoma, ALK fusion retained.\nAfter that she started carboplatin + pemetrexed,"
    " 3 cycles; CT after 3 cycles shows partial response.",
    "Prior ALK TKIs: alectinib, brigatinib (PD on both).\nToday: cycle 5 of carboplatin-pemetrexed, tolerating well.\n"
    "CT after C4: stable disease, no new lesions.\nPlan: continue; clinical trial at next progression.",
    "Xalkori 2016-2018 (PD); Alunbrig 2018-2023 (PD pleura + liver).\nNow: pemetrexed + bevacizumab maintenance,"
    " 8 cycles, partial response.",
    # a patient or a nurse relays it
    "Portal: 'the scan on Tuesday was the same, nothing new, so I stay on the Lorbrena'",
    "Patient message: my CT yesterday was stable! Still on the alectinib.",
    "Pt says the scan last month came back stable and she feels great on brigatinib.",
    "RN call: patient reports the doctor said the cancer is smaller on the new chemo.",
    "Message from patient: 'my cancer is shrinking, the doctor is very happy'",
    "Portal msg: 'Dr R said the scans look better, so we continue the tablets.'",
    "Daughter relayed: 'the nurse said PR after the second cycle' (patient on carboplatin-etoposide).",
    "Phone note: the oncologist told her it is stable disease, continue lorlatinib.",
    "Nurse note: the oncologist switched brigatinib to alectinib because of pneumonitis; the disease was stable.",
    "RN: changed from lorlatinib to alectinib last week for mood changes; the tumour was under control.",
    # the brain's response beside the body stable
    "Neuro-onc review: SRS to two lesions in 08/2025. MRI today shows response and no new lesions. On alectinib,"
    " no headache and stable body disease.",
    "Brain: irradiated frontal lesion stable. Body: stable on brigatinib.",
    "MRI after radiosurgery showed partial response of the lesion. Still on lorlatinib; body stable.",
    "Treated cerebellar metastasis smaller on MRI. Extracranial disease stable on alectinib.",
]


@pytest.mark.parametrize("text", CURRENT_RESPONSE)
def test_a_response_or_stable_disease_on_the_current_therapy_is_no_progression(text):
    assert_reads(text, {"progression": "none"})


# ---- negative controls: not none --------------------------------------------------------------------------------

NOT_NONE = [
    # a response of an earlier line, a progression now
    "Partial response on alectinib for 2 years, now PD in liver and bone.",
    "Lines: (1) crizotinib, responding for a year; (2) alectinib, now progressing in liver and lungs.",
    "CT 03/2024: partial response. CT 10/2025: new liver and bone lesions.",
    "She was responding on brigatinib, but the latest CT shows new liver mets.",
    "the cancer was stable until March, then new liver mets",
    "the disease was stable for 3 years but the last scan showed new bone lesions",
    # one site stable beside a site growing
    "Liver lesions stable; new adrenal and bone lesions.",
    "Brain stable, but new liver and lung nodules.",
    "Lungs stable, new liver mets and new bone mets.",
    # a question
    "Is she responding to the chemo?",
    "on carbo/pem now, is it still responding?",
    "Was the scan stable?",
    "is the cancer smaller?",
    # hoped, expected, if
    "Hopefully responding after two cycles.",
    "We expect a response to lorlatinib.",
    "If responding, continue pemetrexed maintenance.",
    "he's on carbo/pem now, hoping it will be responding by the next scan",
    # a brain response with new body lesions
    "MRI shows response of the treated brain lesion, but new liver and bone mets on CT.",
    "Brain: treated lesion stable. Body: new liver and lung mets.",
    # a relative's scan
    "My sister's scan last week was stable.",
    "Her mother's cancer is smaller after chemo.",
    "My brother's doctor said PR.",
    # the patient's condition, not the disease
    "Clinically stable, haemodynamically stable, on alectinib.",
    "Vitals stable. Patient stable overnight on the ward.",
    # one place
    "Good news, my scan of the liver was stable.",
    "no progression in the brain",
    # a progression now told after a status key
    "Current status: progressing on lorlatinib",
    "Current status: PD in liver and bone on lorlatinib",
    # a scan stable save for a new lesion
    "the scan last week was stable apart from a new adrenal lesion",
    # a progression with no later state
    "Lines: (1) alectinib, PR; (2) lorlatinib, PD.",
]


@pytest.mark.parametrize("text", NOT_NONE)
def test_history_places_questions_hopes_relatives_and_conditions_are_not_no_progression(text):
    assert_reads_other_than(text, {"progression": "none"})


# ---- the pattern told now keeps its reading -----------------------------------------------------------------------

KEEPS_PATTERN = [
    ("Partial response on alectinib for 3 years, now PD in liver, bone and adrenal.", "systemic"),
    ("Lines: (1) crizotinib, PR; (2) alectinib, now progressing in liver and lungs.", "systemic"),
    ("CT body last week was stable. MRI brain: 3 new lesions.", "cns_only"),
    ("the scan last week was stable. MRI brain shows 2 new mets", "cns_only"),
]


@pytest.mark.parametrize(("text", "pattern"), KEEPS_PATTERN)
def test_a_progression_told_now_keeps_its_pattern(text, pattern):
    assert_reads(text, {"progression": pattern})
