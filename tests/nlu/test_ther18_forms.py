"""ther18: therapy, drug and performance fields as clinicians type them into the chat and as translated letters and
second-language authors write them, mended as classes, phrasings of our own.

1. Goals of care: the patient's wish to go on in chat words ("he'd still like to try something", "keen for whatever
   treatment is on offer", "the goal is to keep treating", "Wishes: maximal therapy"); comfort care named in the
   letter's own language ("solo cure palliative", "medidas de confort"). Controls: the clinician's wish, a denial, a
   place to be treated, a question.
2. Strong CYP3A inducers and inhibitors by their INN as other languages spell it (fenitoína, karbamazepin,
   rifampicina, klaritromisin, itraconazolo); a medication check denying "inducers/inhibitors"; an inducer that "must
   stay" or that neurology "would not want changed". Controls: an inducer's past course, "ALK inhibitors", other
   inhibitor classes.
3. Nothing given now ("Now: no anticancer therapy", "no longer taking anything", "hasn't started anything else yet",
   "off all cancer treatment", a status row answered none, in English or the letter's language). Controls: a plan, a
   row of the past, a question, a start to come.
4. Chemotherapy given now in translated words ("now under docetaxel", "in treatment with", "currently chemotherapy
   with", "currently after cycle 3"), PD-1 antibodies of other markets (sintilimab, tislelizumab), a dated line open
   to now. Controls: a past "was under", a regimen with a later step, an option.
5. A TKI stopped for toxicity in translated words ("pneumonitis under brigatinib", "with the brigatinib ... so stopped
   it", "therefore change to", "suspendido por neumonitis", "sospeso per tossicità epatica"), and a switch told before
   the toxicity on the TKI it was on ("switched to brigatinib after grade 3 myalgia on alectinib"). Controls:
   progression the reason, a toxicity that did not stop the drug.
6. ECOG said to hold ("ECOG is still 1", "unchanged at 1", "is really 0"), at the discharge ("at the alta"), its label
   typed with letters swapped ("ECGO 1"). Controls: a question, a relative's score.
7. ALK TKIs by their Polish INN spellings (alektynib, kryzotynib); a TKI proposed by a tumour board in translated
   words ("proposition of lorlatinib", "Proposition RCP: lorlatinib"), waited for, to be started ("iniciar
   lorlatinib"), or whose access is told ("not yet approved for him", "financed only after", "not easy to get") is
   named, not received. Controls: a TKI given in the same letter, an access problem of the past before a drug given.
8. Chemotherapy and immunotherapy received, as translated letters write them: its cycles counted "4x", the adjuvant
   course named after it, "immuno-chemotherapy"; an inducer's switch told done, the Italian "assume" (takes).
   Controls: a course planned or indicated, an assumption.
"""

from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


# 1. goals of care
@pytest.mark.parametrize(
    "text,fields",
    [
        ("He would still like to try something, his daughter says.", {"goals_of_care": "disease_directed"}),
        ("She'd like to try anything further that might help.", {"goals_of_care": "disease_directed"}),
        ("Pt wants to try again even though the liver is worse.", {"goals_of_care": "disease_directed"}),
        ("She is keen for whatever treatment is on offer.", {"goals_of_care": "disease_directed"}),
        ("Hoping for any further treatment available.", {"goals_of_care": "disease_directed"}),
        ("The goal is to keep treating.", {"goals_of_care": "disease_directed"}),
        ("Goals of care: continue active treatment.", {"goals_of_care": "disease_directed"}),
        ("Patient wishes to pursue all reasonable anticancer therapy.", {"goals_of_care": "disease_directed"}),
        ("He hopes for aggressive treatment as long as possible, for his children.",
         {"goals_of_care": "disease_directed"}),
        ("Wishes: maximal therapy.", {"goals_of_care": "disease_directed"}),
        ("She wants to continue the pregnancy and also to be treated.", {"goals_of_care": "disease_directed"}),
        ("Ha deciso: solo cure palliative.", {"goals_of_care": "comfort"}),
        ("Se acuerdan medidas de confort con la familia.", {"goals_of_care": "comfort"}),
        ("Cuidados paliativos exclusivos, de acuerdo con el paciente.", {"goals_of_care": "comfort"}),
        # controls: the clinician's wish, a denial, a place, a question, a symptom's treatment, a talk about it
        ("I would like to try something different for her nausea.", {"goals_of_care": None}),
        ("We would like to try again with the biopsy.", {"goals_of_care": None}),
        ("He does not want to try anything else.", {"goals_of_care": None}),
        ("She isn't keen for any further treatment.", {"goals_of_care": None}),
        ("The goal is not to keep treating.", {"goals_of_care": None}),
        ("She wants to be treated in Padova, near her family.", {"goals_of_care": None}),
        ("He hopes aggressive treatment is not needed.", {"goals_of_care": None}),
        ("Wishes: to die at home.", {"goals_of_care": None}),
        ("The family asked about cure palliative.", {"goals_of_care": None}),
    ],
)
def test_goals_of_care_in_chat_and_translated_words(text, fields):
    assert_reads(text, fields)


# 2. strong CYP3A inducers and inhibitors
@pytest.mark.parametrize(
    "text,fields",
    [
        ("Concomitant: klaritromisin 500 mg twice daily for pneumonia.", {"strong_cyp3a_inhibitor": True}),
        ("Itraconazolo 200 mg/die per aspergillosi.", {"strong_cyp3a_inhibitor": True}),
        ("Claritromicina 500 mg cada 12 horas desde hace 3 días.", {"strong_cyp3a_inhibitor": True}),
        ("He takes fenitoína 100 mg three times a day for epilepsy.", {"strong_cyp3a_inducer": True}),
        ("Takes karbamazepin 400 mg for trigeminal neuralgia.", {"strong_cyp3a_inducer": True}),
        ("Medicação: fenobarbital 100 mg à noite.", {"strong_cyp3a_inducer": True}),
        ("On fenitoina; the neurologist agrees to switch to levetiracetam.",
         {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": True}),
        ("fenobarbitale 100 mg since childhood, cannot be stopped",
         {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": False}),
        ("no inducers/inhibitors", {"strong_cyp3a_inducer": False, "strong_cyp3a_inhibitor": False}),
        ("She takes no inhibitors or inducers.", {"strong_cyp3a_inducer": False, "strong_cyp3a_inhibitor": False}),
        ("Med rec done. No inducers.", {"strong_cyp3a_inducer": False}),
        ("Phenytoin 300 mg/d, switching was tried and failed, so it must stay.",
         {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": False}),
        ("on carbamazepine - neuro would NOT want it changed",
         {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": False}),
        ("Carbamazepine for 20 years; her neurologist does not want it switched.",
         {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": False}),
        # controls: the course of the past, another inhibitor class, another "must stay"
        ("Claritromicina was given in 2019 for pneumonia.", {"strong_cyp3a_inhibitor": None}),
        ("No ALK inhibitors other than alectinib.", {"strong_cyp3a_inhibitor": None}),
        ("proton pump inhibitors: omeprazole", {"strong_cyp3a_inhibitor": None}),
        ("He is on an inducer, phenytoin.", {"strong_cyp3a_inducer": True}),
        ("On carbamazepine; he must stay off driving.", {"cyp3a_inducer_stoppable": None}),
    ],
)
def test_cyp3a_drugs_in_other_spellings_and_checks(text, fields):
    assert_reads(text, fields)


# 3. nothing given now
@pytest.mark.parametrize(
    "text,fields",
    [
        ("Lorlatinib was stopped for progression 3 weeks ago and she hasn't started anything else yet.",
         {"current_therapy": "none"}),
        ("Stopped alectinib in May; nothing else started yet.", {"current_therapy": "none"}),
        ("He is no longer taking anything since he stopped brigatinib.", {"current_therapy": "none"}),
        ("She is now 10 weeks off all cancer treatment.", {"current_therapy": "none"}),
        ("Now: no anticancer therapy.", {"current_therapy": "none"}),
        ("Currently - no systemic treatment.", {"current_therapy": "none"}),
        ("Therapy: none (lorlatinib stopped for progression 10/2025).", {"current_therapy": "none"}),
        ("Stato attuale:\n- terapia: nessuna (sospeso lorlatinib)\n- PS 2", {"current_therapy": "none"}),
        # controls: a plan, a row of the past, a question, a start to come, another object
        ("Now: no anticancer therapy planned until the MRI.", {"current_therapy": None}),
        ("Prior therapy: none", {"current_therapy": None}),
        ("Treatment: none planned yet.", {"current_therapy": None}),
        ("He is not taking anything for the pain.", {"current_therapy": None}),
        ("He is no longer taking anything except paracetamol.", {"current_therapy": None}),
        ("Not on anything at present; started lorlatinib this morning.", {"current_therapy": None}),
        ("If she hasn't started anything else by Friday, call me.", {"current_therapy": None}),
        ("She hasn't started anything else yet; lorlatinib starts tomorrow.", {"current_therapy": None}),
        ("Currently: no pain, no cough.", {"current_therapy": None}),
    ],
)
def test_nothing_given_now_in_chat_and_translated_words(text, fields):
    assert_reads(text, fields)


# 4. chemotherapy given now
@pytest.mark.parametrize(
    "text,fields",
    [
        ("Now under docetaxel monotherapy since 3 cycles with stable disease.", {"current_therapy": "chemotherapy"}),
        ("She is now under docetaxel, cycle 3.", {"current_therapy": "chemotherapy"}),
        ("Carboplatin-pemetrexed from 10/2025, currently after cycle 3.", {"current_therapy": "chemotherapy"}),
        ("In treatment with chemotherapy (docetaxel) after progression on lorlatinib.",
         {"current_therapy": "chemotherapy"}),
        ("- En tratamiento con quimioterapia (docetaxel) tras progresión a lorlatinib",
         {"current_therapy": "chemotherapy"}),
        ("Currently chemotherapy with carboplatin AUC 5, pemetrexed and pembrolizumab, 2nd cycle given.",
         {"current_therapy": "chemo_immunotherapy"}),
        ("3. 2025-10 ~ now pemetrexed + carboplatin + bevacizumab + sintilimab",
         {"current_therapy": "chemo_immunotherapy", "prior_immunotherapy": True}),
        ("10/2025 - present: carboplatin, pemetrexed, tislelizumab", {"current_therapy": "chemo_immunotherapy"}),
        ("Toripalimab with chemotherapy 2021, then alectinib.", {"prior_immunotherapy": True}),
        # controls: a past course, a later step, an option, a question
        ("He was under docetaxel until August, then nothing.", {"current_therapy": None}),
        ("Was in treatment with docetaxel until progression in 2024.", {"current_therapy": None}),
        ("Currently under observation; docetaxel considered if progression.", {"current_therapy": None}),
        ("What if she is in treatment with chemotherapy?", {"current_therapy": None}),
    ],
)
def test_chemotherapy_now_in_translated_words(text, fields):
    assert_reads(text, fields)


# 5. a TKI stopped for toxicity
@pytest.mark.parametrize(
    "text,fields",
    [
        ("Under ceritinib diarrhoea grade 3 despite dose reduction, therefore change to alectinib.",
         {"intolerant_tkis": ["ceritinib"]}),
        ("Pneumonitis grade 2 under brigatinib 2022, steroids, switch to lorlatinib.",
         {"intolerant_tkis": ["brigatinib"]}),
        ("We had pneumonitis with the brigatinib in the first week, grade 3, so stopped it.",
         {"intolerant_tkis": ["brigatinib"]}),
        ("crizotinib 2017-2018: suspendido por neumonitis G3", {"intolerant_tkis": ["crizotinib"]}),
        ("ceritinib 2019: sospeso dopo 2 mesi per tossicità epatica G4", {"intolerant_tkis": ["ceritinib"]}),
        ("switched to brigatinib 2023 after grade 3 myalgia on alectinib", {"intolerant_tkis": ["alectinib"]}),
        ("Moved to lorlatinib because of hepatitis on alectinib.", {"intolerant_tkis": ["alectinib"]}),
        ("Alectinib 2021, switched to brigatinib in 2023 after G3 myalgia/CK rise on alectinib.",
         {"intolerant_tkis": ["alectinib"]}),
        # controls: progression the reason, a toxicity that did not stop it
        ("Switched to lorlatinib after progression on alectinib.", {"intolerant_tkis": None}),
        ("Progression under brigatinib, therefore change to lorlatinib.", {"intolerant_tkis": None}),
        ("alectinib 2019-2022: sospeso per progressione", {"intolerant_tkis": None}),
        ("Rash under alectinib, managed with creams, alectinib continued.", {"intolerant_tkis": None}),
    ],
)
def test_a_tki_stopped_for_toxicity_in_translated_words(text, fields):
    assert_reads(text, fields)


# 6. ECOG
@pytest.mark.parametrize(
    "text,fields",
    [
        ("Her ECOG is still 1.", {"ecog": 1}),
        ("ECOG unchanged at 1.", {"ecog": 1}),
        ("Yes the ECOG is really 0 - she ran a half marathon.", {"ecog": 0}),
        ("ECOG at the alta: 2.", {"ecog": 2}),
        ("ECGO 1, pd in liver", {"ecog": 1}),
        ("pd everywhere, ecgo 2", {"ecog": 2}),
        # controls: a question, a relative's score
        ("Is the ECOG still 1?", {"ecog": None}),
        ("His wife's ECOG is still 1.", {"ecog": None}),
    ],
)
def test_ecog_said_to_hold_and_typed_in_haste(text, fields):
    assert_reads(text, fields)


# 7. TKIs by Polish INN; proposed, waited for, to start, access told
@pytest.mark.parametrize(
    "text,fields",
    [
        ("ALK+, alektynib od 2023, choroba stabilna.", {"prior_tkis": ["alectinib"]}),
        ("kryzotynib 2019-2020, potem alektynib.", {"prior_tkis": ["crizotinib", "alectinib"]}),
        ("RCP of 02/12/2025: proposition of lorlatinib 100 mg/day, to rediscuss after the biopsy.",
         {"prior_tkis": None}),
        ("Proposition RCP: lorlatinib; si progression, essai thérapeutique.", {"prior_tkis": None}),
        ("Actualmente: en espera de lorlatinib (trámite de autorización)", {"prior_tkis": None}),
        ("Decisão provisória: iniciar lorlatinib após o resultado.", {"prior_tkis": None}),
        ("Plan: kwalifikacja do lorlatynibu w programie lekowym.", {"prior_tkis": None}),
        ("Ceritinib 2017-2018 (progression), alectinib 2018-2025 (progression), lorlatinib not yet approved for him.",
         {"prior_tkis": ["ceritinib", "alectinib"]}),
        ("In Spain lorlatinib is financed only after a second generation.", {"prior_tkis": None}),
        ("We're in Brazil, lorlatinib not easy to get. Pt on alectinib, PD in bones.", {"prior_tkis": ["alectinib"]}),
        # controls: a TKI given beside it, an access problem of the past before the drug was given
        ("Waiting for the scan; on lorlatinib since 2023.", {"prior_tkis": ["lorlatinib"]}),
        ("Lorlatinib, not approved by the insurer, was started on compassionate use in 2023.",
         {"prior_tkis": ["lorlatinib"]}),
        ("Proposal accepted in 2022: brigatinib, given until 2024.", {"prior_tkis": ["brigatinib"]}),
    ],
)
def test_tkis_in_other_spellings_and_only_proposed(text, fields):
    assert_reads(text, fields)


# 8. chemotherapy and immunotherapy received; an inducer switched; the Italian "assume"
@pytest.mark.parametrize(
    "text,fields",
    [
        ("- Carboplatin/Pemetrexed 4x 10/2025-12/2025, Pemetrexed maintenance planned", {"prior_chemotherapy": True}),
        ("Docetaxel 3x 2024, then lorlatinib.", {"prior_chemotherapy": True}),
        ("2014 NSCLC, cisplatin/vinorelbine adjuvant", {"prior_chemotherapy": True}),
        ("Previous immuno-chemotherapy: no", {"prior_immunotherapy": False}),
        ("Immunochemotherapy 2020 (carboplatin, pemetrexed, pembrolizumab).", {"prior_immunotherapy": True}),
        ("Il paziente assume fenitoina for epilepsy; the neurologist agrees to switch to levetiracetam.",
         {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": True}),
        ("Phenytoin started in the ER for a seizure, switch to levetiracetam already done on day 2.",
         {"strong_cyp3a_inducer": False}),
        # controls: a course planned or indicated, a switch still to come, an assumption
        ("Carboplatin/pemetrexed 4x planned", {"prior_chemotherapy": None}),
        ("Cisplatin/vinorelbine adjuvant would be indicated.", {"prior_chemotherapy": None}),
        ("Phenytoin started in the ER; switch to levetiracetam to be done next week.", {"strong_cyp3a_inducer": True}),
        ("Let us assume carbamazepine is taken.", {"strong_cyp3a_inducer": None}),
    ],
)
def test_courses_received_and_an_inducer_switched_in_translated_words(text, fields):
    assert_reads(text, fields)
