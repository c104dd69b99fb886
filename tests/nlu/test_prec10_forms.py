"""Precision (prec10): findings read that the text did not state, in my own words for nine classes of wording, each
with near-miss controls that must still be read:

1. a finding hedged with a word of degree ("a pathological fracture cannot be entirely excluded", "leptomeningeal
   disease could not be completely ruled out") is not stated;
2. a complaint whose cause is named before it as a treatment ("radiation-related cognitive decline",
   "lorlatinib-induced confusion") is the treatment's toxicity, not the cancer's symptom; one named as the tumour's
   ("tumour-related headache") stays a symptom;
3. a complaint's word naming a precaution, a service, a tool or a drug class ("seizure precautions", "headache diary",
   "the breathlessness clinic", "anti-seizure medication", "Confusion Assessment Method") is no complaint;
4. the diagnosis's specimen in a history ("03/2019 EBUS of the 7 node: adenocarcinoma, ALK FISH positive", followed
   by the TKI started on it) tells the histology then, not that this progression's specimen kept it (no
   "transformation: none");
5. another primary cancer's treatment or histology is not this cancer's: a chemotherapy key answered with another
   cancer ("Prior chemotherapy: adjuvant, breast cancer 2008"), a cancer named a second primary in its own words
   ("small-cell carcinoma of the left lower lobe, a separate primary, treated with cisplatin-etoposide"), a
   neuroendocrine prostate cancer in the past history;
6. a dated specimen that tells only the ALK diagnosis, before a later-dated re-biopsy or progression ("ALK
   rearrangement on the 2020 bronchial biopsy. 2025 re-biopsy of the rib: no tumour in the sample") is the
   diagnosis's, not a biopsy of this progression;
7. a pathologist's denial qualified by its method ("no morphological evidence of small cell carcinoma", "no
   histologic or immunohistochemical features of SCLC") denies the transformation, never reads it;
8. what a finding predisposes to or raises the risk of ("RB1 loss, which predisposes to small-cell transformation", "a
   risk factor for SCLC transformation") is not found;
9. a biopsy still to come, asked of a service or consented for ("referred to IR for a core biopsy", "IR consulted for
   biopsy of the adrenal", "consent obtained for EBUS", "a biopsy of the rib lesion will be done next week") is no
   biopsy done;
10. a complaint, or its absence, told of the diagnosis ("3 asymptomatic brain mets at diagnosis", "initially presented
   with hip pain in 2020") is the symptoms then, not now; a clause that tells now keeps its complaint."""

from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than

# 1. hedged with a word of degree: not stated
HEDGED = [
    ("No definite lytic lesion; a pathological fracture of L2 cannot be entirely excluded.", "symptomatic"),
    ("MRI spine: leptomeningeal disease could not be completely ruled out.", "leptomeningeal"),
    ("Subtle nodular enhancement; leptomeningeal spread cannot be fully excluded.", "leptomeningeal"),
]
HEDGED_CONTROLS = [
    ("Pathological fracture of the left femur through a lytic metastasis, for fixation.", {"symptomatic": True}),
    ("Leptomeningeal disease confirmed on CSF cytology.", {"leptomeningeal": True}),
    ("Leptomeningeal disease has been excluded on MRI and CSF.", {"leptomeningeal": False}),
]

# 2. a treatment named as the cause before the complaint: no symptom of the cancer
TREATMENT_CAUSED = [
    "Impression: radiotherapy-related cognitive decline, no new intracranial disease.",
    "Lorlatinib-induced confusion, settling after a dose reduction.",
    "She has WBRT-related cognitive decline.",
    "steroid-induced weakness of both legs",
]
TREATMENT_CAUSED_CONTROLS = [
    "tumour-related headache since the new frontal lesion appeared",
    "Headaches and seizures from the brain metastases.",
    "New seizures; MRI shows two new brain mets.",
    "Back pain from the progressing T11 metastasis.",
]

# 3. a precaution, a service, a tool or a drug class named by a complaint's word: no complaint
NAMED_NOT_HAD = [
    "Seizure precautions and driving advice given before SRS.",
    "Given a headache diary to bring to the next visit.",
    "Referred to the headache clinic at the neurology department.",
    "Started anti-seizure medication before the craniotomy.",
    "Seizure threshold may be lowered by tramadol; avoid.",
    "Confusion Assessment Method: negative.",
    "Referral to the breathlessness clinic for fan and pacing advice.",
    "Bone pain service contact details provided.",
]
NAMED_NOT_HAD_CONTROLS = [
    "Two focal seizures this week; precautions discussed.",
    "Daily headaches, worse in the morning.",
    "Bone pain score 6/10 in the right hip.",
    "Progressive breathlessness over two weeks.",
    "Acute confusion since yesterday.",
]

# 4. the diagnosis's specimen, told in a history before the TKI: no "transformation: none"
DIAGNOSIS_SPECIMEN = [
    "History:\n- 02/2019 EBUS of station 7: adenocarcinoma, ALK FISH positive\n- 03/2019 alectinib started\n"
    "- 08/2025 PD liver and bone\n- 09/2025 liver core: ALK L1196M",
    "Timeline: 11/2020 CT-guided lung biopsy: adenocarcinoma, ALK IHC (D5F3) positive. 12/2020 brigatinib. "
    "10/2025 progression in the adrenal.",
]
DIAGNOSIS_SPECIMEN_CONTROLS = [
    ("Rebiopsy of the enlarging adrenal (09/2025): adenocarcinoma, ALK FISH still rearranged.",
     {"transformation": "none"}),
    ("Biopsy of the new liver lesion at progression: adenocarcinoma; NGS ALK G1202R.", {"transformation": "none"}),
    ("Progression on alectinib; the liver biopsy showed SCLC transformation.", {"transformation": "small_cell"}),
]

# 5. another primary cancer's treatment or histology
OTHER_PRIMARY = [
    ("Prior chemotherapy: adjuvant, breast cancer 2008", "prior_chemotherapy"),
    ("Previous chemo: yes (ovarian ca 2011); none for the lung cancer.", "prior_chemotherapy"),
    ("Small-cell carcinoma of the left lower lobe, a separate primary, treated with cisplatin-etoposide in 2014.",
     "prior_chemotherapy"),
    ("Small-cell carcinoma of the left lower lobe, a separate primary, treated with cisplatin-etoposide in 2014.",
     "transformation"),
    ("Past history: prostate cancer 2016 with neuroendocrine differentiation, on ADT.", "transformation"),
]
OTHER_PRIMARY_CONTROLS = [
    ("Prior chemotherapy: carboplatin/pemetrexed x4 (2022)", {"prior_chemotherapy": True}),
    ("She received carboplatin/pemetrexed x4 in 2022, then alectinib.", {"prior_chemotherapy": True}),
    ("Re-biopsy: SCLC transformation, not a second primary; started carboplatin-etoposide last month.",
     {"transformation": "small_cell"}),
    ("Biopsy showed SCLC transformation at progression on lorlatinib.", {"transformation": "small_cell"}),
    ("Breast cancer 2008 (surgery only). Prior chemotherapy for the lung cancer: cisplatin/pemetrexed 2019.",
     {"prior_chemotherapy": True}),
]

# 6. a dated specimen of the ALK diagnosis before a later re-biopsy or progression: no biopsy at this progression
DATED_DIAGNOSIS = [
    "ALK rearrangement on the 2020 bronchial biopsy. 2025 rib re-biopsy: insufficient tumour, failed sequencing.",
    "EML4-ALK fusion on the 2019 EBUS sample. Progression in the liver 09/2025; a biopsy is being arranged.",
]
DATED_DIAGNOSIS_CONTROLS = [
    ("EML4-ALK on the 2020 bronchial biopsy. 2025 re-biopsy of the liver: ALK G1202R.", {"biopsy": "tissue"}),
    ("Liver biopsy 11/2025: ALK fusion retained, ALK L1196M. On alectinib since 2021.", {"biopsy": "tissue"}),
]

# 7. a denial qualified by the pathologist's method: no small cell read
METHOD_DENIED = [
    "Liver core at progression: adenocarcinoma; no morphological evidence of small cell carcinoma.",
    "Rebiopsy shows no histologic or immunohistochemical features of SCLC.",
    "There is no cytological evidence of small cell carcinoma in the pleural fluid.",
]
METHOD_DENIED_CONTROLS = [
    ("Rebiopsy: small cell carcinoma with classic morphological features.", {"transformation": "small_cell"}),
    ("Histological transformation to small cell carcinoma on the adrenal biopsy.", {"transformation": "small_cell"}),
]

# 8. what a finding predisposes to or raises the risk of: not found
RISK_OF = [
    ("TP53 and RB1 co-alteration, which predisposes to small-cell transformation.", "transformation"),
    ("RB1 loss is a recognised risk factor for SCLC transformation.", "transformation"),
    ("Dural-based disease carries an increased risk of leptomeningeal spread.", "leptomeningeal"),
]
RISK_OF_CONTROLS = [
    ("RB1 loss on the rebiopsy, which now shows small-cell transformation.", {"transformation": "small_cell"}),
    ("Leptomeningeal spread on the spine MRI.", {"leptomeningeal": True}),
]

# 9. a biopsy asked of a service, consented for or told in the future: not done
BIOPSY_TO_COME = [
    "Referred to interventional radiology for a core biopsy of the liver lesion.",
    "IR consulted for biopsy of the left adrenal.",
    "Consent obtained for EBUS-TBNA of station 7.",
    "A biopsy of the rib lesion will be done next week.",
    "Repeat biopsy of the pleura should be done once the INR is corrected.",
]
BIOPSY_TO_COME_CONTROLS = [
    ("IR biopsied the left adrenal on 11/20: adenocarcinoma.", {"biopsy": "tissue"}),
    ("Rebiopsy was done on 11/20 and NGS showed ALK G1202R.", {"biopsy": "tissue"}),
    ("The liver biopsy has been done; results awaited. Plasma ctDNA sent to the lab.", {"biopsy": "tissue_and_plasma"}),
]


# 10. symptoms told of the diagnosis: not the symptoms now
SYMPTOMS_THEN = [
    "2020: three asymptomatic brain metastases at diagnosis, treated with SRS. 10/2025: new liver and bone lesions.",
    "She initially presented with right hip pain in 2020; alectinib since then, now new adrenal lesions.",
    "At diagnosis he had seizures from a frontal metastasis, resected; now PD in the liver only.",
]
SYMPTOMS_THEN_CONTROLS = [
    ("Asymptomatic at diagnosis; now headaches and two new brain lesions.", {"symptomatic": True}),
    ("No symptoms at diagnosis. Now new seizures and a growing frontal metastasis.", {"symptomatic": True}),
    ("Presented to the ED today with seizures; CT head shows new brain mets.", {"symptomatic": True}),
    ("Her initial headaches have worsened over the past week.", {"symptomatic": True}),
    ("Back pain since diagnosis, worse over the last month.", {"symptomatic": True}),
    ("Presenting complaint: breathlessness on exertion for ten days.", {"symptomatic": True}),
]

# what must not be read, as (text, field)
NOT_STATED = (
    HEDGED
    + [(t, "symptomatic") for t in TREATMENT_CAUSED + NAMED_NOT_HAD]
    + [(t, "transformation") for t in DIAGNOSIS_SPECIMEN]
    + OTHER_PRIMARY
    + RISK_OF
    + [(t, "biopsy") for t in BIOPSY_TO_COME]
    + [(t, "symptomatic") for t in SYMPTOMS_THEN]
)
# the near misses that must still be read, as (text, fields)
STATED = (
    HEDGED_CONTROLS
    + [(t, {"symptomatic": True}) for t in TREATMENT_CAUSED_CONTROLS + NAMED_NOT_HAD_CONTROLS]
    + DIAGNOSIS_SPECIMEN_CONTROLS
    + OTHER_PRIMARY_CONTROLS
    + DATED_DIAGNOSIS_CONTROLS
    + METHOD_DENIED_CONTROLS
    + RISK_OF_CONTROLS
    + BIOPSY_TO_COME_CONTROLS
    + SYMPTOMS_THEN_CONTROLS
)


@pytest.mark.parametrize("text,field", NOT_STATED)
def test_what_the_text_does_not_state_is_not_read(text, field):
    assert_reads(text, {field: None})


@pytest.mark.parametrize("text,fields", STATED)
def test_the_near_miss_that_states_it_is_read(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize("text", DIAGNOSIS_SPECIMEN)
def test_the_diagnosis_specimen_tells_the_histology(text):
    assert_reads(text, {"histology": "adenocarcinoma"})


@pytest.mark.parametrize(
    "text,fields",
    [(t, {"biopsy": "tissue"}) for t in DATED_DIAGNOSIS]
    + [(t, {"transformation": "small_cell"}) for t in METHOD_DENIED],
)
def test_no_biopsy_or_small_cell_from_the_diagnosis_or_a_denial(text, fields):
    """A dated diagnosis specimen is no biopsy of this progression (its re-biopsy failed or is to come: none or
    unread); a method-qualified denial is no transformation (none or unread)."""
    assert_reads_other_than(text, fields)
