"""(ther13) How clinicians write the regimen given now and the pattern of a progression, written from published ALK
NSCLC case reports, oligoprogression reviews (progression "confined to" or "limited to" a site, "beyond progression"),
mixed or dissociated responses (some lesions growing while others respond) and clinic-letter and tumour-board wording
("C3D1", "continues on maintenance", "restarted after a delay", "dose reduced to", "treatment break", "intracranial PD
with extracranial control"); not from the independent sets. Each class has its near misses: a plan, a question, a
condition, a break only discussed, an earlier time, another person, the TKI (no value of its own here), a control lost.
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than

# ---- the chemotherapy given now -----------------------------------------------------------------------------------
CHEMO_NOW = [
    "She is currently on cycle 3 of carboplatin and pemetrexed.",
    "C3D1 carboplatin/pemetrexed today, bloods fine.",
    "Day 1 cycle 4 of pemetrexed maintenance given today.",
    "Day 8, cycle 2 of docetaxel: mild mucositis.",
    "Continues on maintenance pemetrexed, now cycle 8.",
    "He remains on pemetrexed maintenance with stable disease.",
    "Currently receiving docetaxel 75 mg/m2 three-weekly.",
    "Docetaxel dose reduced to 60 mg/m2 from cycle 3 because of neutropenia.",
    "Pemetrexed dose reduced to 400 mg/m2 for renal function, continuing.",
    "Carboplatin dropped after cycle 4; continuing single-agent pemetrexed.",
    "Pemetrexed maintenance ongoing since March.",
    "Cycle 5 of pemetrexed deferred by one week for neutropenia.",
    "Currently in week 2 of cycle 3 of docetaxel.",
    "Pt continues 3-weekly pemetrexed/bevacizumab maintenance.",
    "She continues 3-weekly docetaxel.",
    "Started carboplatin and pemetrexed on 3/10; C2 given 3/31.",
    "Commenced docetaxel after lorlatinib failure, cycle 2 administered.",
    "Three of four planned cycles of carboplatin/pemetrexed delivered so far.",
    "Two of six cycles of carboplatin and pemetrexed given to date.",
    "Midway through four cycles of carboplatin and pemetrexed.",
    "Tolerating cycle 2 of carboplatin/pemetrexed well.",
    "Admitted with febrile neutropenia on day 10 of cycle 1 of docetaxel.",
    "Restarted carboplatin/pemetrexed after a 3-week delay for neutropenia.",
    "She resumed pemetrexed maintenance after the admission.",
    "Pemetrexed was resumed last week after the creatinine settled.",
    "Pemetrexed maintenance was restarted after the admission.",
    "Carboplatin AUC5 + pemetrexed 500 mg/m2 q3w, currently cycle 4.",
    "Since progression on lorlatinib she has been receiving carboplatin and pemetrexed.",
    "Second-line carboplatin/pemetrexed is ongoing with partial response after 2 cycles.",
    "She is now on chemotherapy (carboplatin and pemetrexed), cycle 2 due Friday.",
    "On treatment with carboplatin-pemetrexed since 09/2025.",
    "Pemetrexed maintenance continues; CT after cycle 10 shows stable disease.",
    "Switched to docetaxel in May and remains on it.",
    "Changed to carboplatin/pemetrexed after PD on brigatinib and continues on it.",
    "Now on weekly paclitaxel.",
    "Received C2D1 docetaxel yesterday.",
    "Cycle 4 carbo/pem delayed 1 week due to thrombocytopenia.",
    "2L: carboplatin/pemetrexed (C1 15/09/2025, C4 given 17/11/2025), ongoing.",
    "Receiving treatment beyond progression with pemetrexed.",
    "Pemetrexed continued beyond progression.",
    "Is tolerating pemetrexed maintenance well.",
]


@pytest.mark.parametrize("text", CHEMO_NOW)
def test_chemotherapy_given_now(text):
    assert_reads(text, {"current_therapy": "chemotherapy"})


# ---- chemotherapy with immunotherapy given now -------------------------------------------------------------------
CHEMO_IO_NOW = [
    "Now on atezolizumab/bevacizumab maintenance after 4 cycles of ABCP.",
    "Currently on cycle 2 of ABCP (atezolizumab, bevacizumab, carboplatin, paclitaxel).",
    "Receiving carboplatin, pemetrexed and pembrolizumab; C2D1 next week.",
    "Pembrolizumab/pemetrexed maintenance continues after carboplatin/pemetrexed/pembrolizumab induction.",
    "Atezolizumab/bevacizumab maintenance ongoing after carboplatin/paclitaxel/atezolizumab/bevacizumab x4.",
    "Now on maintenance pemetrexed + pembrolizumab, cycle 7.",
    "C4D1 of carboplatin-paclitaxel-atezolizumab-bevacizumab today.",
    "She remains on atezolizumab and bevacizumab after four cycles of carboplatin/paclitaxel/atezolizumab/bevacizumab.",
    "He continues on pembrolizumab after 4 cycles of carboplatin, pemetrexed and pembrolizumab.",
]


@pytest.mark.parametrize("text", CHEMO_IO_NOW)
def test_chemo_immunotherapy_given_now(text):
    assert_reads(text, {"current_therapy": "chemo_immunotherapy"})


# ---- nothing given now --------------------------------------------------------------------------------------------
NOTHING_NOW = [
    "Lorlatinib stopped in June; off all anticancer treatment since.",
    "Alectinib discontinued at progression; no systemic therapy since.",
    "Not currently on any systemic therapy.",
    "Treatment break since October after six cycles of carboplatin/pemetrexed.",
    "Carboplatin/pemetrexed completed in May; observation off treatment since.",
    "On a chemotherapy break since January.",
    "Chemotherapy holiday since August.",
    "Currently on a TKI break after grade 3 hepatitis.",
    "Managed with best supportive care alone.",
    "She is being managed with supportive care only.",
    "Brigatinib was stopped for pneumonitis three weeks ago and has not been restarted.",
    "Pemetrexed was stopped and has not been restarted.",
    "No anticancer treatment at present.",
    "Currently off treatment.",
    "She has received no systemic treatment since stopping lorlatinib in April.",
    "Has had no further treatment since the last admission.",
    "On surveillance only, no active treatment.",
    "No treatment since progression on lorlatinib in August.",
    "Discontinued all anticancer therapy in September.",
]


@pytest.mark.parametrize("text", NOTHING_NOW)
def test_nothing_given_now(text):
    assert_reads(text, {"current_therapy": "none"})


# ---- near misses: planned, asked, supposed, stopped, past, another person, the TKI -------------------------------
NOT_NOW = [
    "Plan: start carboplatin/pemetrexed next week.",
    "Should she start carboplatin-pemetrexed now?",
    "Received carboplatin/pemetrexed x4 in 2019, then alectinib.",
    "Docetaxel stopped after cycle 2 for toxicity; now on lorlatinib.",
    "Consider pemetrexed maintenance if stable after 4 cycles.",
    "Her husband is currently on chemotherapy for bowel cancer.",
    "Not a candidate for chemotherapy.",
    "A treatment break was discussed, but she wishes to continue lorlatinib.",
    "Chemotherapy break discussed at clinic.",
    "She asked about a treatment break.",
    "Would a chemotherapy holiday be reasonable after cycle 6?",
    "Treatment break from 2020 to 2021, then restarted alectinib.",
    "Cycle 1 of carboplatin/pemetrexed is booked for Monday.",
    "Previously on pemetrexed maintenance until progression in 2021.",
    "Is she currently on any treatment?",
    "If she declines chemotherapy, best supportive care alone.",
    "Managed with best supportive care alone if she deteriorates.",
    "Carboplatin/pemetrexed was discontinued in March; lorlatinib was started.",
    "Off treatment for two weeks in 2022 with pneumonitis, then restarted alectinib.",
    "Brigatinib was stopped and has not been restarted; lorlatinib started last week.",
    "Continues on lorlatinib 100 mg daily.",
    "Remains on alectinib; dose reduced to 450 mg bd for myalgia.",
    "Restart carboplatin/pemetrexed once counts recover?",
    "Plan to restart pemetrexed next week.",
    "Pemetrexed will be resumed after the scan.",
    "Pemetrexed to be resumed once the creatinine settles.",
    "Carboplatin/pemetrexed resumed?",
    "Carboplatin/pemetrexed was resumed in 2019 after a delay.",
    "Should he be switched to docetaxel and remain on it?",
    "Was switched to docetaxel in 2019 and remained on it until 2020.",
    "In 2021 the docetaxel dose was reduced to 60 mg/m2 from cycle 3.",
    "Docetaxel dose reduced to 60 mg/m2 from cycle 3, stopped after cycle 5 for PD.",
    "Would pemetrexed be continued beyond progression?",
    "Alectinib continued beyond progression with SBRT.",
    "Cycle 2 carboplatin/pemetrexed to be delayed by 1 week?",
    "No treatment since 2019 until lorlatinib was started.",
    "Discontinued all anticancer therapy in 2019, then restarted alectinib in 2020.",
]


@pytest.mark.parametrize("text", NOT_NOW)
def test_no_current_therapy_from_a_plan_a_question_a_stop_or_the_past(text):
    assert_reads(text, {"current_therapy": None})


# ---- the pattern of a progression ----------------------------------------------------------------------------------
PATTERNS = [
    ("PD in liver only; all other sites stable.", "oligoprogression"),
    ("Progression confined to a single adrenal metastasis, remaining disease controlled.", "oligoprogression"),
    ("Isolated progression in the left adrenal gland.", "oligoprogression"),
    ("Solitary new liver lesion, otherwise stable disease.", "oligoprogression"),
    ("One enlarging bone lesion at T10; remainder of disease stable.", "oligoprogression"),
    ("Oligoprogressive disease at the primary.", "oligoprogression"),
    ("Mixed response: the primary is growing while the liver and bone lesions continue to respond.", "oligoprogression"),
    ("Mixed response: liver lesions growing while the lung and nodes continue to respond.", "oligoprogression"),
    ("Dissociated response, with a single growing lung nodule and regression elsewhere.", "oligoprogression"),
    ("Local progression at the primary site with distant disease controlled.", "oligoprogression"),
    ("Growth of the right adrenal metastasis, while the metastatic sites remain in response.", "oligoprogression"),
    ("RECIST PD driven by a single new liver lesion; all other lesions stable.", "oligoprogression"),
    ("Progression limited to the right adrenal; no other sites of progression.", "oligoprogression"),
    ("Growth of a single pleural nodule, the rest of the disease stable.", "oligoprogression"),
    ("Progression at one site only (left adrenal).", "oligoprogression"),
    ("New solitary bone metastasis in the sacrum, otherwise ongoing response.", "oligoprogression"),
    ("Enlarging left adrenal metastasis, elsewhere continued response.", "oligoprogression"),
    ("Intracranial PD with extracranial control.", "cns_only"),
    ("Brain progression and good systemic control.", "cns_only"),
    ("Isolated CNS progression; body disease stable.", "cns_only"),
    ("Three new brain metastases with stable extracranial disease.", "cns_only"),
    ("Progression in the brain only.", "cns_only"),
    ("MRI brain: two new lesions. CT CAP: no evidence of extracranial progression.", "cns_only"),
    ("Intracranial progression, extracranial response maintained.", "cns_only"),
    ("CNS-only relapse on alectinib.", "cns_only"),
    ("Growth of the known right frontal metastasis; systemic disease remains controlled.", "cns_only"),
    ("Brain progression with ongoing extracranial response.", "cns_only"),
    ("Leptomeningeal progression, body disease stable.", "cns_only"),
    ("Progression confined to the CNS.", "cns_only"),
    ("Isolated leptomeningeal progression.", "cns_only"),
    ("The patient progressed on brigatinib in the brain only.", "cns_only"),
    ("She is progressing in the CNS only.", "cns_only"),
    ("New brain lesions; stable extracranial lung cancer.", "cns_only"),
    ("New cerebellar lesion on MRI; CT chest/abdomen/pelvis shows continued response.", "cns_only"),
    ("Widespread progression in liver, bone and lymph nodes.", "systemic"),
    ("Multi-site progression (liver, bone, adrenal, nodes).", "systemic"),
    ("Diffuse progression with new liver and bone metastases.", "systemic"),
    ("RECIST PD with new lesions in the liver, lungs and bones.", "systemic"),
    ("Disease progression at multiple extracranial sites.", "systemic"),
    ("Global progression, both intra- and extracranial.", "systemic"),
    ("Polymetastatic progression.", "systemic"),
    ("New lesions in the liver, spleen and peritoneum, and growth of the primary.", "systemic"),
    ("Extensive progression: innumerable new hepatic metastases and diffuse bony disease.", "systemic"),
    ("Progressive disease in the lung, liver and bones.", "systemic"),
    ("Multifocal progression across the liver, bones and pleura.", "systemic"),
    ("The primary is growing while the liver and bone lesions are also enlarging.", "systemic"),
    ("Previous CNS-only progression on crizotinib treated with SRS; now widespread progression in liver and bone on "
     "alectinib.", "systemic"),
]


@pytest.mark.parametrize(("text", "pattern"), PATTERNS)
def test_progression_pattern(text, pattern):
    assert_reads(text, {"progression": pattern})


NO_PATTERN = [
    "Is this oligoprogression?",
    "If progression is confined to the brain, would you give SRS?",
    "Concern for systemic progression; awaiting PET.",
    "Systemic therapy options were discussed.",
    "MRI brain booked to rule out intracranial progression.",
    "Oligoprogression would be treated with SBRT and continuation of the TKI.",
    "Her mother had brain-only relapse of breast cancer.",
    "Mixed response would favour local therapy.",
    "Intracranial PD with loss of extracranial control.",
    "Intracranial PD; is extracranial control maintained?",
    "Good extracranial control on alectinib.",
    "Brigatinib since 2021 with excellent extracranial control.",
    "If she progressed in the brain only, SRS would be used.",
    "Controlled extracranial disease.",
    "Local progression at the primary with distant disease progressing.",
    "Otherwise ongoing response.",
    # a pattern told of an earlier progression
    "Prior oligoprogression treated with SBRT in 2023.",
    "History of oligoprogression treated with SBRT.",
    "Previous CNS-only progression on crizotinib treated with SRS; now stable.",
    "Previous systemic progression on crizotinib; stable on alectinib.",
    "Is this isolated leptomeningeal progression?",
    "Isolated leptomeningeal progression is unlikely.",
]


@pytest.mark.parametrize("text", NO_PATTERN)
def test_no_pattern_from_a_question_a_plan_another_person_or_half_a_pattern(text):
    assert_reads(text, {"progression": None})


NOT_THAT_PATTERN = [
    ("No evidence of progression in the liver.", {"progression": "oligoprogression"}),
    ("Stable disease, no new lesions.", {"progression": "oligoprogression"}),
    ("No new brain lesions; extracranial disease stable.", {"progression": "cns_only"}),
    # the brain and one site outside it: never CNS-only (the form asks the pattern)
    ("Progression both intracranially and in the liver.", {"progression": "cns_only"}),
    ("Intracranial progression with a new liver lesion; bones stable.", {"progression": "cns_only"}),
    ("New brain lesions; not stable extracranial disease.", {"progression": "cns_only"}),
    ("3 new brain mets; uncontrolled extracranial disease.", {"progression": "cns_only"}),
    # a growth beside sites that respond names those sites as responding, not as progressing
    ("The primary is growing while the liver and bone lesions continue to respond.", {"progression": "systemic"}),
]


@pytest.mark.parametrize(("text", "fields"), NOT_THAT_PATTERN)
def test_not_that_pattern(text, fields):
    assert_reads_other_than(text, fields)
