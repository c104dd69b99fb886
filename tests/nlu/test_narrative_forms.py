"""Narrative forms of exam stems, teaching files, M&M reviews and hand-overs (sets 8, 7 and 3's tuning halves, read
as examples of a style): a toxicity told before the TKI it made stop, a sequence told on with "after that", a TKI
told as given "before that". Each form failed before its fix; each near miss must keep reading as it did."""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads

# ---- a toxicity told first, then the TKI and its stop ("grade 3 mood change and hallucinations; lorlatinib
# stopped", "she developed pneumonitis and brigatinib had to be discontinued") ----------------------------------
TOX_THEN_STOP = [
    ("Grade 3 mood change and hallucinations; lorlatinib stopped.", "lorlatinib"),
    ("Within a month she developed worsening psychosis and lorlatinib had to be stopped.", "lorlatinib"),
    ("Developed grade 3 pneumonitis in week 2, brigatinib was discontinued.", "brigatinib"),
    ("G3 transaminitis at 6 weeks; alectinib was permanently discontinued.", "alectinib"),
    ("Severe diarrhoea and vomiting, so ceritinib was withdrawn.", "ceritinib"),
    ("Hepatotoxicity at cycle 2 - crizotinib stopped.", "crizotinib"),
    ("Intolerable myalgia and CK rise; alectinib ceased after 3 months.", "alectinib"),
]


@pytest.mark.parametrize("text,tki", TOX_THEN_STOP)
def test_a_toxicity_told_before_the_tki_it_stopped(text, tki):
    assert_reads(text, {"intolerant_tkis": [tki]})


@pytest.mark.parametrize("text", [
    "No rash or hepatotoxicity; lorlatinib stopped at progression.",
    "Hallucinations resolved; lorlatinib continued.",
    "Pneumonitis on brigatinib; alectinib stopped for progression.",
    "Mild nausea, alectinib stopped for CNS progression.",
    "If she gets hallucinations, lorlatinib stopped?",
    "Would you stop lorlatinib for grade 2 mood change?",
    "Her mother had pneumonitis; alectinib continued.",
    "Rash settled and brigatinib was restarted.",
])
def test_a_toxicity_before_a_tki_is_not_its_stop_when_denied_asked_or_the_stop_has_another_reason(text):
    found = extractor.extract_case(text)
    assert not {"lorlatinib", "alectinib"} & set(found.get("intolerant_tkis", [])), found


# ---- a sequence told on: "after that X, and after that Y", "X, given before that" ---------------------------------
IN_TURN = [
    ("He received carboplatin-pemetrexed first, after that crizotinib, and after that brigatinib.",
     ["crizotinib", "brigatinib"]),
    ("Crizotinib for 13 months; after that alectinib, and after which lorlatinib.",
     ["crizotinib", "alectinib", "lorlatinib"]),
    ("She took alectinib two years; following that, brigatinib.", ["alectinib", "brigatinib"]),
    ("Ceritinib caused intractable diarrhoea and was stopped; crizotinib, given before that, had failed.",
     ["crizotinib", "ceritinib"]),
    ("Now on lorlatinib. Alectinib, received before that, gave 3 years.", ["alectinib", "lorlatinib"]),
    ("Brigatinib was stopped for pneumonitis; alectinib (given before it) had been stopped for PD.",
     ["alectinib", "brigatinib"]),
]


@pytest.mark.parametrize("text,order", IN_TURN)
def test_a_sequence_told_on_keeps_its_order(text, order):
    assert_reads(text, {"prior_tkis": order})


@pytest.mark.parametrize("text,order", [
    ("Lorlatinib after alectinib.", ["alectinib", "lorlatinib"]),
    ("Brigatinib, after crizotinib failed.", ["crizotinib", "brigatinib"]),
    ("Crizotinib, then alectinib.", ["crizotinib", "alectinib"]),
    ("Alectinib; before that, crizotinib.", ["crizotinib", "alectinib"]),
])
def test_the_orders_read_before_still_hold(text, order):
    assert_reads(text, {"prior_tkis": order})


# ---- a tissue biopsy that yielded no tumour is no tissue result; a rebiopsy said to be plasma only is plasma -------
NO_TISSUE_RESULT = [
    ("A bone biopsy failed to yield tumour.", "none"),
    ("The liver biopsy did not yield diagnostic tissue.", "none"),
    ("Rebiopsy of the adrenal yielded no tumour cells.", "none"),
    ("CT-guided core failed to obtain adequate material; plasma NGS showed G1202R.", "plasma"),
    ("In the tissue was not possible to obtain sample; plasma: EML4-ALK and G1202R.", "plasma"),
    ("It was not possible to obtain a tissue sample; Guardant showed G1202R.", "plasma"),
    ("Tissue could not be obtained, so ctDNA was sent.", "plasma"),
    ("Presenter's note: the re-biopsy in our patient was a plasma sample only, which found ALK V1180L.", "plasma"),
    ("The rebiopsy was plasma only: G1202R.", "plasma"),
    ("Rebiopsy (liquid only) showed ALK G1202R.", "plasma"),
]


@pytest.mark.parametrize("text,biopsy", NO_TISSUE_RESULT)
def test_a_biopsy_without_tumour_or_plasma_only_is_not_tissue(text, biopsy):
    assert_reads(text, {"biopsy": biopsy})


@pytest.mark.parametrize("text,biopsy", [
    ("A core biopsy failed to show G1202R.", "tissue"),
    ("The rebiopsy failed to detect any ALK mutation.", "tissue"),
    ("The liver biopsy yielded adenocarcinoma with ALK G1202R.", "tissue"),
    ("Rebiopsy and plasma both sent: G1202R on both.", "tissue_and_plasma"),
    ("Liver rebiopsy showed G1202R; plasma only showed the fusion.", "tissue_and_plasma"),
])
def test_a_biopsy_with_a_result_is_still_tissue(text, biopsy):
    assert_reads(text, {"biopsy": biopsy})


# ---- no progression told as a TKI that has controlled the disease, or as the brain responding with the body stable --
NO_PROGRESSION = [
    "Her alectinib was swapped for brigatinib because of oedema; brigatinib has controlled the disease for a year.",
    "Lorlatinib has kept her disease under control since 2022.",
    "Alectinib continues to control the disease, now 30 months.",
    "On 1L brigatinib with a complete intracranial response and stable body disease.",
    "Partial intracranial response after SRS; extracranial disease stable on alectinib.",
    "Complete intracranial response; extracranial disease stable.",
    "Brain mets stable after SRS, body stable.",
]


@pytest.mark.parametrize("text", NO_PROGRESSION)
def test_disease_controlled_or_the_brain_responding_with_the_body_stable_is_no_progression(text):
    assert_reads(text, {"progression": "none"})


@pytest.mark.parametrize("text,progression", [
    ("Alectinib controlled the disease for 2 years until progression in the liver and bone.", "systemic"),
    ("Alectinib had controlled the disease for 3 years; now new liver and bone mets.", "systemic"),
    ("Has brigatinib controlled the disease?", None),
    ("Would lorlatinib have controlled the disease?", None),
    ("Complete intracranial response; new liver lesion.", None),
    ("Intracranial response, but new bone and liver mets.", "systemic"),
    ("Complete intracranial response, body stable, but a new adrenal lesion grows.", None),
    ("Extracranial disease stable.", None),
    ("Stable body disease; MRI brain: three new lesions.", "cns_only"),
])
def test_a_control_told_of_the_past_asked_or_beside_progression_is_not_none(text, progression):
    assert_reads(text, {"progression": progression})


# ---- a scan that shows one site stable beside something new is not "no progression" ("Restaging shows stable lung
# disease but new diffuse leptomeningeal enhancement") --------------------------------------------------------------
@pytest.mark.parametrize("text,progression", [
    ("Restaging shows stable lung disease but new brain lesions.", "cns_only"),
    ("CT shows stable liver disease but new bone lesions.", "oligoprogression"),
    ("Restaging shows stable lung disease but new diffuse leptomeningeal enhancement.", "cns_only"),
    ("New leptomeningeal disease on MRI; rest of disease stable.", "cns_only"),
    ("CT chest shows stable pulmonary nodules but a new adrenal mass.", "oligoprogression"),
    ("Stable nodal disease, but new liver and bone metastases.", "systemic"),
    ("Imaging shows stable bone disease while two new brain metastases appeared.", "cns_only"),
])
def test_one_site_stable_beside_new_disease_is_not_no_progression(text, progression):
    assert_reads(text, {"progression": progression})


@pytest.mark.parametrize("text", ["Restaging shows stable disease.", "CT stable.", "Scans remain stable on alectinib.",
                                  "CT shows stable appearances.", "Restaging: stable disease, no new lesions."])
def test_a_scan_stable_as_a_whole_is_still_no_progression(text):
    assert_reads(text, {"progression": "none"})


# ---- chemotherapy told in the passive ("carboplatin-pemetrexed was given despite ...") or as what a patient was
# switched to ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "M&M: carboplatin-pemetrexed was given despite a creatinine clearance of 30 mL/min.",
    "Carboplatin and pemetrexed were given first line because the ALK result came late.",
    "Docetaxel was administered for 4 cycles in 2018.",
    "Platinum doublet had been started before the ALK result.",
    "A patient on alectinib with a single progressing adrenal lesion was switched to chemotherapy.",
    "After brigatinib she was changed over to carboplatin/pemetrexed.",
])
def test_chemotherapy_given_in_the_passive_or_switched_to_is_prior_chemotherapy(text):
    assert_reads(text, {"prior_chemotherapy": True})


@pytest.mark.parametrize("text", [
    "Carboplatin-pemetrexed was offered but declined.",
    "Chemotherapy was not given.",
    "Carboplatin-pemetrexed was discussed.",
    "She should be switched to chemotherapy.",
    "Will she be switched to chemotherapy?",
    "If chemotherapy were given, which regimen?",
    "Carboplatin will be given next week.",
])
def test_chemotherapy_offered_denied_asked_or_planned_is_not_received(text):
    assert extractor.extract_case(text).get("prior_chemotherapy") is not True, extractor.extract_case(text)


# ---- a measure dictated in words ("CrCl forty mL/min") ---------------------------------------------------------------
@pytest.mark.parametrize("text,renal", [
    ("ECOG two; PD-L1 fifty percent; CrCl forty mL/min.", True),
    ("Creatinine clearance thirty-five ml/min.", True),
    ("eGFR twenty five mL/min.", True),
    ("CrCl was about forty mL/min at the last check.", True),
    ("CrCl sixty mL/min.", False),
    ("Creatinine clearance fifty-five ml/min.", False),
    ("CrCl ninety mL/min, normal.", False),
])
def test_a_clearance_dictated_in_words(text, renal):
    found = extractor.extract_case(text)
    assert ("renal_impairment" in found.get("comorbidities", [])) == renal, found


# ---- a radiology read's lesion words ("new liver hypodensities", "new lucencies in the femur") --------------------
@pytest.mark.parametrize("text,progression", [
    ("Radiology read: new sclerotic lesions in T8, L2, the pelvis and multiple ribs, plus new liver hypodensities; "
     "primary stable.", "systemic"),
    ("CT: new hepatic hypodensities and new lytic bone lesions.", "systemic"),
    ("New lucencies in the femur and the iliac bone, and new liver hypodensities.", "systemic"),
    ("Enlarging liver hypodensities; adrenal stable.", None),
    ("Stable liver hypodensities, new bone lesions.", None),
    ("Known liver hypodensities unchanged; no new bone lesions.", "none"),
])
def test_lesion_words_of_a_radiology_read(text, progression):
    assert_reads(text, {"progression": progression})


# ---- the histology of a progression specimen told after a semicolon ("EBUS-TBNA of station 7 at progression;
# cytology adenocarcinoma") -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,transformation", [
    ("EBUS-TBNA of station 7 at progression; cytology adenocarcinoma, NGS pending.", "none"),
    ("Liver core at PD; histology: adenocarcinoma, ALK IHC positive.", "none"),
    ("Rebiopsy of the new adrenal lesion; pathology showed adenocarcinoma.", "none"),
    ("EBUS-TBNA at diagnosis; cytology adenocarcinoma.", None),
    ("Rebiopsy at progression; histology small cell carcinoma.", "small_cell"),
    ("Rebiopsy at progression; cytology adenocarcinoma with a small-cell component.", "small_cell_mixed"),
])
def test_the_histology_of_a_progression_specimen_after_a_semicolon(text, transformation):
    assert_reads(text, {"transformation": transformation})


# ---- the fusion named beside a mutation of this progression ("his rebiopsy shows ALK T1151M, plus the fusion") ----
@pytest.mark.parametrize("text,specimen", [
    ("I wanted your view: his rebiopsy shows an ALK mutation I've never seen, ALK T1151M, plus the fusion.", "tissue"),
    ("Rebiopsy NGS: G1202R alongside the fusion.", "tissue"),
    ("Liver rebiopsy: ALK L1196M together with the original fusion.", "tissue"),
    ("Guardant at progression: G1202R plus the fusion.", "plasma"),
])
def test_the_fusion_named_beside_a_mutation_at_progression(text, specimen):
    assert_reads(text, {"alk_fusion_at_progression": True, "alk_fusion_specimen": specimen})


@pytest.mark.parametrize("text", [
    "Rebiopsy showed G1202R, and the fusion was lost.",
    "Rebiopsy: G1202R but not the fusion.",
    "Rebiopsy: KRAS G12C plus a RET fusion.",
    "Rebiopsy showed G1202R; is it worth testing for the fusion as well?",
])
def test_the_fusion_lost_denied_or_another_genes_is_not_retained(text):
    assert extractor.extract_case(text).get("alk_fusion_at_progression") is not True, extractor.extract_case(text)


# ---- the region given as an item of minutes without a colon ("...; region Canada. Outcome: ...") ---------------------
@pytest.mark.parametrize("text,region", [
    ("Discussed: ALK+, PD on lorlatinib; region Canada. Outcome: trial.", "CA"),
    ("ALK+ NSCLC, 2L, country Germany.", "DE"),
    ("Region UK; ECOG 1.", "GB"),
    ("Country of birth Germany; treated in France.", "FR"),
])
def test_the_region_as_an_item_of_minutes(text, region):
    assert_reads(text, {"region": region})


def test_a_region_word_of_a_birthplace_is_not_the_region():
    assert extractor.extract_case("Born in the Lombardy region, Italy; treated in Switzerland.").get("region") != "IT"


# ---- no treatment given yet ("No systemic therapy has been given.") ----------------------------------------------------
@pytest.mark.parametrize("text", [
    "ALK-positive adenocarcinoma at 24 weeks' gestation. No systemic therapy has been given.",
    "No anticancer treatment has yet been started.",
    "She has not received any systemic therapy.",
    "He has never had any systemic treatment.",
])
def test_no_treatment_given_yet_is_current_therapy_none(text):
    assert_reads(text, {"current_therapy": "none"})


@pytest.mark.parametrize("text", [
    "No systemic therapy has been given since the SRS? Is that right?",
    "Should no systemic therapy be given?",
    "No chemotherapy has been given; she is on alectinib.",
    "Her sister has not received any systemic therapy.",
])
def test_no_treatment_asked_or_of_a_class_or_of_another_person_is_not_current_none(text):
    assert extractor.extract_case(text).get("current_therapy") != "none", extractor.extract_case(text)


# ---- a plasma test told negative past its verbs ("a plasma test was done instead and was negative") -----------------
@pytest.mark.parametrize("text", [
    "A re-biopsy was declined; a plasma test was done instead and was negative.",
    "The plasma test came back negative.",
    "A liquid biopsy was sent and was negative.",
    "ctDNA assay was performed but was negative.",
])
def test_a_plasma_test_told_negative(text):
    assert_reads(text, {"alk_mutations": [], "bypass_alterations": [], "biopsy": "plasma"})


@pytest.mark.parametrize("text", [
    "Plasma test negative for the fusion; tissue pending.",
    "Is the plasma test negative?",
    "The plasma test was sent and is pending.",
    "If the plasma test comes back negative, rebiopsy.",
])
def test_a_plasma_test_asked_pending_or_negative_for_one_finding_says_nothing_of_the_lists(text):
    found = extractor.extract_case(text)
    assert found.get("alk_mutations") is None and found.get("bypass_alterations") is None, found
