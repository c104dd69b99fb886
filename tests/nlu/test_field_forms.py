"""Forms of seven case fields as clinicians and reports write them (issue 15): an ECOG range, a wish for comfort,
pregnancy status, a CYP3A inducer replaced or kept, the histology of the diagnosis's specimen, the re-biopsy's
histology unchanged, and whether resistance testing was done. Each class has several phrasings of our own and the
near-misses that must not be read; none is a sentence of the independent phrasing sets."""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from bot.nlu.reader import ecog_range
from tests.nlu.reads import assert_reads, assert_reads_exactly


def read(text: str) -> dict:
    return extractor.extract_case(text)


def reads(text: str, field: str):
    return read(text).get(field, "absent")


# ---- ECOG as a range: the worse (higher) value ----------------------------------------------------------------------

@pytest.mark.parametrize("text,ecog", [
    ("ECOG 2-3", 3),
    ("PS 1-2", 2),
    ("ECOG PS 0/1", 1),
    ("performance status 2 to 3", 3),
    ("WHO PS 1 or 2", 2),
    ("ECOG 3–4, bedbound", 4),
    ("ECOG one-two", 2),
    ("Ca lung, ALK+, on brigatinib; ECOG 1-2; new liver mets", 2),
])
def test_an_ecog_range_reads_its_worse_value(text, ecog):
    assert reads(text, "ecog") == ecog, text


@pytest.mark.parametrize("text,span", [("ECOG 2-3", (2, 3)), ("PS 1/2", (1, 2)), ("ECOG 2", None),
                                       ("ECOG 1->3", None), ("ECOG 2-2", None)])
def test_the_range_written_is_known_for_the_read_back(text, span):
    assert ecog_range(text) == span


@pytest.mark.parametrize("text,ecog", [
    ("now ECOG 3, bedbound most of the day", 3),  # in bed most of the day is ECOG 3, not 4: no conflict
    ("s/p brig; ECOG 3, in bed most of day; on phenytoin", 3),
    ("bed-bound for more than half of the waking hours", 3),
    ("mostly in the chair", 3),
    ("in a chair for most of the day, ECOG 3", 3),
    ("completely bedbound", 4),  # bedbound without a qualifier stays ECOG 4
    ("bedridden, ECOG 4", 4),
])
def test_how_much_of_the_day_in_bed_or_chair_gives_ecog(text, ecog):
    assert reads(text, "ecog") == ecog, text


@pytest.mark.parametrize("text", ["ECOG 1. Later in the letter: ECOG 2.", "ECOG 1; ECOG 3",
                                  "ECOG 2, bedbound"])
def test_two_separate_ecog_statements_that_disagree_stay_a_conflict(text):
    entities = extractor.load().entities(text)
    assert "ecog" in extractor.conflicts(entities) and "ecog" not in extractor.case_fields(entities), text


@pytest.mark.parametrize("text", ["what if ECOG were 2-3?", "Would lorlatinib be reasonable at PS 2-3?",
                                  "TPS 1-2%"])
def test_near_misses_of_an_ecog_range(text):
    assert_reads(text, {"ecog": None})


# ---- goals of care: comfort stated as a wish ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "She wants to concentrate on her quality of life.",
    "After a long talk he is concentrating on comfort.",
    "wants comfort focus",
    "He would like to stay at home without further systemic treatment.",
    "She has chosen to spend the time she has left with her family without any more anticancer therapy.",
    "Pt wishes to go home w/o further tx",
])
def test_comfort_stated_as_a_wish(text):
    assert reads(text, "goals_of_care") == "comfort", text


@pytest.mark.parametrize("text", [
    "She wants to concentrate on her quality of life while continuing lorlatinib.",
    "He wants to get through his daughter's wedding without further treatment and then restart lorlatinib.",
    "wants to go home without further delay",
    "Quality of life is good.",
    "Stable for six months without further treatment.",
])
def test_near_misses_of_a_wish_for_comfort(text):
    assert reads(text, "goals_of_care") != "comfort", text


# ---- pregnancy status -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,status", [
    ("31F, not pregnant, not using contraception", "childbearing_potential"),
    ("34-year-old woman, no contraception at present", "childbearing_potential"),
    ("Not on any form of contraception.", "childbearing_potential"),
    ("She does not use birth control.", "childbearing_potential"),
    ("not of childbearing potential (bilateral oophorectomy)", "not_applicable"),
    ("Non-childbearing potential.", "not_applicable"),
    ("not currently of child-bearing age", "not_applicable"),
    ("Not a WOCBP.", "not_applicable"),
    ("post-menopausal, no need for contraception", "not_applicable"),
    ("contraception not required (hysterectomy 2015)", "not_applicable"),
])
def test_pregnancy_status_from_contraception_and_childbearing_potential(text, status):
    assert reads(text, "pregnancy_status") == status, text


@pytest.mark.parametrize("text", ["not pregnant", "pregnancy test not done", "Contraception was discussed?"])
def test_near_misses_of_pregnancy_status(text):
    assert_reads(text, {"pregnancy_status": None})


def test_contraception_denied_beside_menopause_is_asked_about():
    entities = extractor.load().entities("not using contraception, postmenopausal for ten years")
    assert "pregnancy_status" in extractor.conflicts(entities)


# ---- strong CYP3A inducers: replaced, kept, and a procedure named as a date -------------------------------------

@pytest.mark.parametrize("text,fields", [
    ("Carbamazepine was switched to lamotrigine last month.", {"strong_cyp3a_inducer": False}),
    ("phenytoin switched to levetiracetam in May", {"strong_cyp3a_inducer": False}),
    ("Rifampicin has been replaced by moxifloxacin.", {"strong_cyp3a_inducer": False}),
    ("switched off mitotane", {"strong_cyp3a_inducer": False}),
    ("Long-standing carbamazepine; the neurologists say it can be weaned over a month.",
     {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": True}),
    ("Carbamazepine can be switched to lamotrigine.", {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": True}),
    ("phenytoin - neuro won't change it", {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": False}),
    ("On phenytoin since her craniotomy.", {"strong_cyp3a_inducer": True}),
    ("Taking carbamazepine ever since the resection in 2019.", {"strong_cyp3a_inducer": True}),
    # "was on" with the drug said to be kept: still taken
    ("The patient was on carbamazepine for epilepsy; it could not be changed",
     {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": False}),
    ("Was on rifampicin for TB, which must be completed.",
     {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": False}),
    ("She was on carbamazepine for trigeminal neuralgia; it cannot be stopped.",
     {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": False}),
    ("The patient was on carbamazepine for epilepsy; it was changed to levetiracetam.", {"strong_cyp3a_inducer": False}),
    ("Was on carbamazepine for epilepsy.", {"strong_cyp3a_inducer": False}),
])
def test_an_inducer_replaced_kept_or_dated_by_a_procedure(text, fields):
    assert_reads_exactly(text, fields)


# ---- the strong CYP3A inducers the knowledge base names (drugs.yml strong_cyp3a_inducers): phenobarbital, primidone
# and fosphenytoin count as strong since knowledge base 2026.12.2; read as every other inducer is -----------------

@pytest.mark.parametrize("text,fields", [
    # replaced: no longer taken, as "carbamazepine was switched to lamotrigine" reads
    ("Phenobarbital was switched to lamotrigine.", {"strong_cyp3a_inducer": False}),
    ("Primidone was switched to levetiracetam last week.", {"strong_cyp3a_inducer": False}),
    ("phenobarbitone changed to lamotrigine in March", {"strong_cyp3a_inducer": False}),
    ("Fosphenytoin has been replaced by levetiracetam.", {"strong_cyp3a_inducer": False}),
    ("Previously on primidone, stopped two years ago.", {"strong_cyp3a_inducer": False}),
    # can be stopped or switched
    ("Long-standing phenobarbital; the neurologists say it can be weaned over a month.",
     {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": True}),
    ("Phenobarbital can be switched to levetiracetam.", {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": True}),
    ("Mysoline: the neurologist is happy to switch to propranolol",
     {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": True}),
    # must continue
    ("Primidone - neurology will not change it", {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": False}),
    ("On phenobarbital for epilepsy; it cannot be stopped.",
     {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": False}),
    # taken now, by name, brand, other spelling or misspelling
    ("On phenobarbital 60 mg nocte for epilepsy since childhood.", {"strong_cyp3a_inducer": True}),
    ("Meds: phenobarbitone 30mg bd, omeprazole", {"strong_cyp3a_inducer": True}),
    ("PMH epilepsy on phenobarbitone.", {"strong_cyp3a_inducer": True}),
    ("Takes primidone for essential tremor.", {"strong_cyp3a_inducer": True}),
    ("Mysoline 250 mg tds", {"strong_cyp3a_inducer": True}),
    ("Current medications: levothyroxine, primidone 125 mg at night.", {"strong_cyp3a_inducer": True}),
    ("Cerebyx IV for status, continuing", {"strong_cyp3a_inducer": True}),
    ("on fos-phenytoin", {"strong_cyp3a_inducer": True}),
    ("phenobarbitol for epilepsy", {"strong_cyp3a_inducer": True}),
    ("primadone for tremor", {"strong_cyp3a_inducer": True}),
    ("primidon 250 mg", {"strong_cyp3a_inducer": True}),
    ("fosphenytion loading", {"strong_cyp3a_inducer": True}),
    ("takes St. John's wort", {"strong_cyp3a_inducer": True}),
    ("St Johns wort daily", {"strong_cyp3a_inducer": True}),
    # denied
    ("No phenobarbital or primidone.", {"strong_cyp3a_inducer": False}),
    ("Not on phenobarbitone.", {"strong_cyp3a_inducer": False}),
])
def test_phenobarbital_primidone_and_fosphenytoin_read_as_strong_inducers(text, fields):
    assert_reads_exactly(text, fields)


@pytest.mark.parametrize("text", [
    "Is primidone a strong CYP3A inducer?",
    "Would phenobarbital interact with lorlatinib?",
    "If she were on phenobarbital, lorlatinib would be contraindicated.",
])
def test_a_question_or_hypothetical_about_a_strong_inducer_says_nothing(text):
    assert_reads(text, {"strong_cyp3a_inducer": None})


@pytest.mark.parametrize("text", [
    # moderate CYP3A inducers (the FDA-based table the knowledge base cites): not read as strong
    "on efavirenz-based ART",
    "modafinil 100 mg mane for fatigue",
    "dexamethasone 4 mg bd for cerebral oedema",
    "Takes Rifabutin for MAC.",
    "bosentan for pulmonary hypertension",
    "on nafcillin",
    # "Luminal" is a phenobarbital brand and a word of reports: the knowledge base leaves it out
    "Luminal narrowing of the left main bronchus.",
])
def test_a_moderate_inducer_is_not_read_as_a_strong_one(text):
    assert_reads(text, {"strong_cyp3a_inducer": None})


@pytest.mark.parametrize("text,biopsy", [
    ("since the rebiopsy showed G1202R we chose lorlatinib", "tissue"),  # 'since' with a result: the test was done
    ("Craniotomy specimen from the cerebellar lesion went for an RNA fusion panel.", "tissue"),
])
def test_a_procedure_with_its_result_is_still_a_biopsy(text, biopsy):
    assert reads(text, "biopsy") == biopsy, text


# ---- histology from the diagnosis's specimen -----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Initial EBUS FNA 2019: adenocarcinoma, TTF-1+",
    "Original core biopsy of the RUL mass: adenocarcinoma, napsin positive",
    "Dx bx 2020: adeno",
    "Diagnostic EBUS station 7: adenocarcinoma",
])
def test_the_diagnosis_specimen_gives_the_histology_not_a_transformation(text):
    assert_reads(text, {"histology": "adenocarcinoma", "transformation": None, "biopsy": None})


@pytest.mark.parametrize("text", ["Rebx liver 2024: adenocarcinoma", "EBUS at progression: adenocarcinoma"])
def test_the_specimen_at_progression_gives_no_transformation_not_the_histology(text):
    assert_reads(text, {"transformation": "none", "histology": None})


# ---- transformation: none stated, and a hedge that is no finding ------------------------------------------------

@pytest.mark.parametrize("text", [
    "Repeat biopsy shows the same adenocarcinoma.",
    "Rebx liver: adenocarcinoma again, no SCLC/squamous component.",
    "The progression core has no small-cell or squamous features.",
    "Liver bx: adenocarcinoma as before; no neuroendocrine or squamous differentiation.",
])
def test_the_same_histology_and_denied_transformations_read_none(text):
    assert reads(text, "transformation") == "none", text


@pytest.mark.parametrize("text", [
    "The possibility of small-cell transformation was raised; a biopsy would be needed to confirm it.",
    "SCLC transformation was raised as a possibility.",
    "A question of squamous transformation.",
])
def test_a_hedged_transformation_is_no_finding(text):
    assert_reads(text, {"transformation": None})


def test_a_transformation_stated_is_still_read():
    assert reads("Small-cell transformation confirmed on the rebiopsy.", "transformation") == "small_cell"


# ---- resistance testing: not done, specimen taken, a failed tissue test --------------------------------------------

@pytest.mark.parametrize("text,biopsy", [
    ("Resistance testing was not performed at this progression.", "none"),
    ("Molecular testing has not been done.", "none"),
    ("NGS was not sent.", "none"),
    ("Plasma NGS pending on blood drawn today; tissue NGS is pending on the adrenal core taken on Monday.", "tissue"),
    ("Results awaited on the liver biopsy performed last week.", "tissue"),
    ("Liver core failed sequencing; Guardant: ALK G1202R", "plasma"),
    ("The bone biopsy was decalcified and failed NGS, so ctDNA was sent.", "plasma"),
    ("tissue NGS failed (low tumour content)", "none"),
    ("Node core insufficient for NGS.", "none"),
    # a biopsy not done or without tumour is no tissue result; one with its result stays tissue
    ("Re-biopsy: no tissue obtained", "none"),
    ("Biopsy at progression: none performed", "none"),
    ("rebiopsy attempted but non-diagnostic / insufficient tissue", "none"),
    ("Rebx: nondiagnostic", "none"),
    ("Re-biopsy: attempted, non-diagnostic", "none"),
    ("The repeat biopsy was non-diagnostic.", "none"),
    ("Liver core biopsy came back inadequate.", "none"),
    ("Attempted rebiopsy of the adrenal: no tumour obtained.", "none"),
    ("the biopsy at progression was not done", "none"),
    ("EBUS at progression was unsuccessful; plasma NGS sent.", "plasma"),
    ("Rebiopsy failed to show SCLC.", "tissue"),  # a result: no SCLC on the tissue
    ("Core biopsy of the node showed G1202R; insufficient for PD-L1.", "tissue"),
    ("Rebiopsy: tissue, G1202R", "tissue"),
    ("Biopsy at progression: liver, G1202R", "tissue"),
    ("Tissue biopsy done; plasma also sent.", "tissue_and_plasma"),
])
def test_whether_resistance_testing_was_done(text, biopsy):
    assert reads(text, "biopsy") == biopsy, text


@pytest.mark.parametrize("text", [
    "Resistance testing has not yet been performed.",  # not yet: it may be on its way
    "Liver core to be taken next week.",
    "rebiopsy pending",
    "awaiting a liver biopsy",
])
def test_near_misses_of_testing_done(text):
    assert_reads(text, {"biopsy": None})



# ---- the same fields written as a label and its value (templates, letters, medication lists) ---------------------

@pytest.mark.parametrize("text,fields", [
    ("Performance status: WHO 2", {"ecog": 2}),
    ("PS: ECOG 1", {"ecog": 1}),
    ("Transformation: none", {"transformation": "none"}),
    ("Histological transformation: small-cell carcinoma", {"transformation": "small_cell"}),
    ("Transformation: squamous", {"transformation": "squamous"}),
    ("Urine hCG: positive", {"pregnancy_status": "pregnant"}),
    ("Gestation: 22/40", {"pregnancy_status": "pregnant"}),
    ("Adrenal core: poorly differentiated adenocarcinoma", {"biopsy": "tissue", "transformation": "none"}),
    ("re-bx: adeno still, no SCLC", {"biopsy": "tissue", "transformation": "none"}),
])
def test_a_label_and_its_value(text, fields):
    assert_reads_exactly(text, fields)


@pytest.mark.parametrize("text,stoppable", [
    ("on carbamazepine (could switch to lamotrigine)", True),
    ("rifampicin for TB; ID say they can change it to another regimen", True),
    ("St John's wort bought OTC - advised to stop it, she agreed", True),
    ("Carbamazepine: switching is not possible (refractory epilepsy)", False),
    ("phenytoin - change not an option per neurology", False),
])
def test_whether_an_inducer_can_be_stopped(text, stoppable):
    assert reads(text, "cyp3a_inducer_stoppable") == stoppable, text


@pytest.mark.parametrize("text,ecog", [
    ("SRS planned, ECOG 0, asymptomatic", 0),  # a cue that ends its clause reaches nothing after the comma
    ("rebiopsy pending, PS 1", 1),
])
def test_a_plan_before_a_comma_does_not_make_what_follows_supposed(text, ecog):
    assert reads(text, "ecog") == ecog, text
