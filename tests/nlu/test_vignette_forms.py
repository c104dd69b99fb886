"""Forms of exam stems, case presentations and teaching texts (board-style vignettes, ward-round presentations,
journal-club and M&M summaries, teaching files, one-liners). Each class has several phrasings written from how these
texts are written, and the near-misses that must not be read: answer options, answer keys, general teaching
statements, trial results, another patient, requests. None is a sentence of the independent phrasing sets."""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads, assert_reads_exactly


def read(text: str) -> dict:
    return extractor.extract_case(text)


def reads(text: str, field: str):
    return read(text).get(field, "absent")


# ---- brain lesions: sizes hyphenated as adjectives, sizes after "of", counts above five -------------------------

@pytest.mark.parametrize("text", [
    "A 41-year-old woman on brigatinib has a single new 7-mm right frontal lesion on surveillance MRI.",
    "MRI: an 11-mm left parietal metastasis and a 6-mm right cerebellar metastasis.",
    "MRI shows two brain metastases of 9 and 14 mm without leptomeningeal disease.",
    "Restaging MRI: three cerebral metastases of 4, 6 and 8 mm.",
    "A solitary 5-mm occipital metastasis is seen.",
    "a new 1.5-cm right frontal lesion",
])
def test_few_brain_lesions_with_their_sizes_are_limited(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "limited"})


@pytest.mark.parametrize("text", [
    "Now with eight new brain lesions and stable extracranial disease.",
    "MRI: twelve new enhancing lesions in both hemispheres and the cerebellum.",
    "Seven cerebral metastases, the largest 12 mm.",
    "6 brain mets on the staging MRI.",
    "dozens of small brain metastases",
    "Innumerable new lesions throughout both cerebral hemispheres.",
])
def test_more_than_five_brain_lesions_are_extensive(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "extensive"})


@pytest.mark.parametrize("text", [
    "a 10-mm liver lesion",
    "a new 8-mm lung nodule",
    "multiple foci of uptake in the brain",
    "multiple new lesions in the cerebellum",
])
def test_a_size_or_a_count_elsewhere_says_nothing_of_the_brain_extent(text):
    got = read(text)
    assert "cns_lesions" not in got and got.get("progression") != "systemic", (text, got)


# ---- one site progressing while the rest responds; progression at many sites ----------------------------------

@pytest.mark.parametrize("text", [
    "PET-CT shows progression in one adrenal gland only, with all other sites in continued response.",
    "Progressed on brigatinib in the right adrenal only; the rest of his disease remains in response.",
    "Progression on alectinib confined to the primary tumour.",
    "Mixed response: the primary shrinks while a single rib lesion grows.",
    "Latest CT: liver better, one bone lesion bigger.",
    "One lung nodule has enlarged while the others are stable.",
    "Only one lymph node is bigger, everything else stable.",
])
def test_one_lesion_growing_is_oligoprogression(text):
    assert reads(text, "progression") == "oligoprogression", text


@pytest.mark.parametrize("text", [
    "Bone scan: multiple new foci in the spine, ribs and pelvis.",
    "Widespread bony progression.",
    "Diffuse hepatic progression on lorlatinib.",
    "Multiple new lesions in the liver.",
])
def test_progression_at_many_places_is_systemic(text):
    assert reads(text, "progression") == "systemic", text


# one lesion growing, with nothing said of the rest, is left unread (the project's convention: it may be one of many)
@pytest.mark.parametrize("text", ["Widespread brain progression.", "One new liver lesion.",
                                  "A single enlarging adrenal metastasis."])
def test_not_read_as_an_extracranial_pattern(text):
    assert reads(text, "progression") not in ("systemic", "oligoprogression"), text


# ---- statements that teach, trials, other patients, answer options and keys: nothing is this patient's ---------

@pytest.mark.parametrize("text", [
    "G1202R is found in roughly a third of biopsies after second-generation inhibitors.",
    "MET amplification occurs in about 15% of tumours progressing on lorlatinib.",
    "Small-cell transformation is seen in fewer than 5% of ALK-positive cancers at resistance.",
    "Explanation: in ALK-positive NSCLC, PD-1 inhibitors have minimal activity whatever the PD-L1.",
    "In ALK-rearranged tumours, compound mutations emerge after sequential TKIs.",
    "The trial excluded patients with symptomatic brain metastases or ECOG above 2.",
    "In the study's post-brigatinib cohort, the median PFS on lorlatinib was about 5 months.",
    "Median OS with alectinib in the trial was not reached.",
    "Itraconazole increases lorlatinib exposure substantially.",
    "Rifampicin reduces alectinib plasma concentrations.",
    "Carbamazepine is a strong CYP3A inducer and is contraindicated with lorlatinib.",
    "Women of reproductive potential should use non-hormonal contraception during lorlatinib.",
    "Patients on lorlatinib should have lipids checked before each cycle.",
    "Solvent-front mutations are best covered by lorlatinib.",
    "Lorlatinib has the broadest activity against ALK resistance mutations including G1202R.",
    "The slide shows a typical EML4-ALK break-apart FISH pattern.",
    "This image shows leptomeningeal enhancement, from an unrelated breast cancer case.",
    "Another patient on the ward has the same L1196M mutation.",
    "Their patient had an EGFR-mutant tumour, not ALK.",
])
def test_a_teaching_statement_states_nothing_of_this_patient(text):
    assert_reads_exactly(text, {})


@pytest.mark.parametrize("text,field,value", [
    ("She has G1202R, which is found in about a third of cases after alectinib.", "alk_mutations", ["G1202R"]),
    ("On carbamazepine, which he must continue; it reduces lorlatinib exposure.", "strong_cyp3a_inducer", True),
    ("A 58-year-old man has MET amplification, seen in 15% of such biopsies.", "bypass_alterations",
     ["MET_amplification"]),
    ("Her PFS on alectinib was 28 months.", "prior_tkis", ["alectinib"]),
])
def test_a_teaching_aside_about_this_patient_keeps_the_finding(text, field, value):
    assert reads(text, field) == value, text


@pytest.mark.parametrize("text", [
    "(A) Continue alectinib and give SRS (B) Switch to brigatinib (C) Start lorlatinib (D) Chemotherapy",
    "A. lorlatinib B. brigatinib C. ceritinib D. carboplatin-pemetrexed",
    "a) alectinib b) lorlatinib c) best supportive care",
    "Answer: C. Lorlatinib.",
    "The correct answer is (B) brigatinib.",
    "Write me three distractors for a question about lorlatinib toxicity.",
    "Draft a vignette about a patient progressing on alectinib.",
])
def test_answer_options_keys_and_requests_name_no_therapy_received(text):
    assert reads(text, "prior_tkis") == "absent", text


def test_a_stem_before_its_options_is_still_read():
    stem = ("A 54-year-old never-smoker with ALK-positive NSCLC progressed on alectinib with G1202R. "
            "Which is best? A. lorlatinib B. brigatinib C. crizotinib")
    assert_reads(stem, {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]})


# ---- scores and results as presentations tell them ----------------------------------------------------------------

@pytest.mark.parametrize("text,value", [
    ("She was ECOG 0 at diagnosis and is ECOG 2 today.", 2),
    ("ECOG 1 initially, ECOG 3 now.", 3),
    ("Overnight she was comfortable; ECOG today I'd call 2.", 2),
    ("PS I would say 1.", 1),
])
def test_the_latest_ecog_is_read(text, value):
    assert reads(text, "ecog") == value, text


@pytest.mark.parametrize("text,value", [
    ("PD-L1 on the original EBUS specimen was 30%.", 30),
    ("PD-L1 on the liver core is 80%.", 80),
    ("PD-L1 TPS less than 1%.", 0),
    ("PD-L1 below 1%.", 0),
])
def test_pdl1_told_with_its_specimen_or_below_one(text, value):
    assert reads(text, "pdl1_tps") == value, text


@pytest.mark.parametrize("text", [
    "ALK testing at recurrence in 2019 was positive, and she was given alectinib.",
    "Her ALK was FISH-positive at diagnosis.",
    "Then metastatic relapse, ALK found on re-testing.",
    "ALK FISH: break-apart signal in 42% of nuclei (positive).",
    "ALK status on the resection came back positive.",
])
def test_an_alk_test_told_positive_after_when_it_was_done(text):
    assert reads(text, "alk_positive") is True, text


@pytest.mark.parametrize("text", ["ALK testing was not positive.", "ALK FISH: 8% of nuclei (negative)."])
def test_an_alk_test_not_positive(text):
    assert reads(text, "alk_positive") is not True, text


# ---- where the patient is, as a stem says it ----------------------------------------------------------------------

@pytest.mark.parametrize("text,code", [
    ("A 47-year-old man in Singapore with ALK-positive NSCLC on alectinib.", "SG"),
    ("A 62-year-old never-smoking woman in Japan, ALK-positive.", "JP"),
    ("Teaching file: UK patient, ALK-positive, on alectinib.", "GB"),
    ("An Australia-based patient on brigatinib.", "AU"),
])
def test_a_stem_says_where_the_patient_is(text, code):
    assert reads(text, "region") == code, text


@pytest.mark.parametrize("text", [
    "A 47-year-old man in his forties.",
    "A 55-year-old woman from Japan with ALK-positive NSCLC.",
    "Her sister lives in Canada.",
])
def test_not_where_the_patient_is(text):
    assert reads(text, "region") == "absent", text


# ---- symptoms as presentations tell them --------------------------------------------------------------------------

@pytest.mark.parametrize("text,value", [
    ("Admitted with hydrocephalus for a VP shunt.", True),
    ("Admitted with a pathological femur fracture.", True),
    ("She has nausea and gait unsteadiness.", True),
    ("Headaches controlled with dexamethasone.", True),
    ("Slow growth in one lung lesion, feels well.", False),
])
def test_symptoms_told_in_a_presentation(text, value):
    assert reads(text, "symptomatic") == value, text


@pytest.mark.parametrize("text", ["She is well enough for chemotherapy.", "Pain well controlled on oxycodone.",
                                  "She remains well."])
def test_not_a_statement_of_symptoms(text):
    assert reads(text, "symptomatic") == "absent", text


# ---- inducers, intolerance, order, pregnancy ----------------------------------------------------------------------

@pytest.mark.parametrize("text,value", [
    ("On carbamazepine for epilepsy; neurology said it could not be changed.", False),
    ("Takes rifampin for latent TB, which must be completed without interruption.", False),
    ("On phenytoin, which may not be switched.", False),
    ("On carbamazepine and it can be switched.", True),
])
def test_whether_an_inducer_can_be_stopped(text, value):
    assert reads(text, "cyp3a_inducer_stoppable") == value, text


def test_an_inducer_replaced_in_the_next_clause_is_not_taken():
    assert reads("He was taking phenytoin but it was replaced by levetiracetam.", "strong_cyp3a_inducer") is False


@pytest.mark.parametrize("text,value", [
    ("She was intolerant of both crizotinib (visual disturbance) and brigatinib (hypertension).",
     ["crizotinib", "brigatinib"]),
    ("Intolerant of crizotinib, brigatinib and ceritinib.", ["crizotinib", "brigatinib", "ceritinib"]),
    ("She was intolerant of crizotinib and alectinib was then started.", ["crizotinib"]),
    ("Her alectinib was swapped for brigatinib because of oedema.", ["alectinib"]),
    # a stop for toxicity said of the whole list: a plural before it, or "both" before the list, or right after a
    # list joined by "and" (tests/nlu/test_intolerance_lists.py)
    ("Alectinib and brigatinib stopped for pneumonitis.", ["alectinib", "brigatinib"]),
    ("Both alectinib (hepatitis) and brigatinib (pneumonitis) were stopped for toxicity.", ["alectinib", "brigatinib"]),
    ("Alectinib and brigatinib were both discontinued because of toxicity.", ["alectinib", "brigatinib"]),
    ("crizotinib and ceritinib, both stopped for GI toxicity", ["crizotinib", "ceritinib"]),
    ("Both crizotinib and alectinib stopped for rash.", ["crizotinib", "alectinib"]),
    ("Crizotinib, alectinib and brigatinib were all stopped for toxicity; now on lorlatinib.",
     ["crizotinib", "alectinib", "brigatinib"]),
    # the stop said of the last TKI only, or a reason that is no toxicity
    ("crizotinib and alectinib, then brigatinib stopped for pneumonitis", ["brigatinib"]),
    ("crizotinib and alectinib (stopped for rash)", ["alectinib"]),
    ("Crizotinib (PD) and alectinib (hepatitis) were stopped.", ["alectinib"]),
    ("Crizotinib and alectinib were stopped, the latter for hepatitis.", ["alectinib"]),
    ("Both crizotinib and alectinib were stopped for progression, not toxicity.", []),
])
def test_intolerance_of_listed_tkis(text, value):
    assert reads(text, "intolerant_tkis") == value, text


@pytest.mark.parametrize("text,order", [
    ("She has had two TKIs, alectinib and, before it, brigatinib.", ["brigatinib", "alectinib"]),
    ("Lorlatinib and, before that, alectinib.", ["alectinib", "lorlatinib"]),
    ("Alectinib after progression, lorlatinib now.", ["alectinib", "lorlatinib"]),
])
def test_tkis_told_latest_first(text, order):
    assert reads(text, "prior_tkis") == order, text


@pytest.mark.parametrize("text,value", [
    ("Beta-hCG positive.", "pregnant"),
    ("Intrauterine pregnancy of 9 weeks on ultrasound.", "pregnant"),
    ("Serum hCG was positive this morning.", "pregnant"),
])
def test_pregnancy_as_a_result_tells_it(text, value):
    assert reads(text, "pregnancy_status") == value, text


# ---- a relative's history, a drug still being weighed -----------------------------------------------------------

@pytest.mark.parametrize("text", ["Her mother was treated for depression.", "His father was diagnosed with COPD.",
                                  "Her sister is treated for bipolar disorder."])
def test_a_relatives_history_is_not_the_patients(text):
    assert reads(text, "comorbidities") == "absent", text


@pytest.mark.parametrize("text", ["Clarithromycin was started while lorlatinib is being considered.",
                                  "Brigatinib is under consideration.", "Lorlatinib is being discussed."])
def test_a_tki_being_weighed_is_not_received(text):
    assert reads(text, "prior_tkis") == "absent", text
