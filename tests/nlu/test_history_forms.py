"""The treatment history (prior_tkis, intolerant_tkis, current_therapy, prior_chemotherapy, prior_immunotherapy) read
from how clinic letters, referral notes and ward shorthand tell it: a switch given its reason, a stop denied to be
for toxicity, the order told backwards ("before X she had Y"), statements about the drugs in general and plans that
name a TKI still to come, chemotherapy given now, and immunotherapy given before the ALK result. Each form with
several phrasings and the near-misses that must not be read; written from clinical wording, not from the
independent sets."""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads, assert_reads_exactly, assert_reads_excluding, assert_reads_one_of

read = extractor.extract_case

# ---- intolerance stated by its reason ------------------------------------------------------------------------------

REPLACED = [
    ("Crizotinib -> alectinib for grade 3 transaminitis.", "crizotinib", "alectinib"),
    ("Alunbrig → Alecensa because of hypertension.", "brigatinib", "alectinib"),
    ("Ceritinib was switched to alectinib due to diarrhoea.", "ceritinib", "alectinib"),
    ("Started lorlatinib in 2022, which was changed to brigatinib in May owing to mood changes.", "lorlatinib",
     "brigatinib"),
    ("crizo switched over to alec secondary to bradycardia", "crizotinib", "alectinib"),
    ("Alectinib replaced by lorlatinib because of myalgia.", "alectinib", "lorlatinib"),
    ("brig d/c'd for pneumonitis, switched to alec", "brigatinib", "alectinib"),
    ("Xalkori changed to Zykadia in 2017 for severe visual disturbance.", "crizotinib", "ceritinib"),
]


@pytest.mark.parametrize("text,first,then", REPLACED)
def test_a_tki_replaced_for_a_toxicity_is_intolerance(text, first, then):
    found = assert_reads(text, {"prior_tkis": [first, then], "intolerant_tkis": [first]})
    # a pneumonitis also states the lung disease (recall9: "brig d/c'd for pneumonitis" as "stopped for pneumonitis")
    extra = {"comorbidities"} if "pneumonitis" in text else set()
    assert set(found) - extra == {"prior_tkis", "intolerant_tkis"}, (text, found)


@pytest.mark.parametrize("text", [
    "Crizotinib -> alectinib for CNS progression.",  # a reason that is no toxicity
    "Crizotinib was switched to alectinib because of brain metastases.",
    "Crizotinib then alectinib, which caused a rash later on.",  # the toxicity is the second TKI's, with no stop
    "Crizotinib -> alectinib for progression, not for hepatotoxicity.",
    "Should we switch crizotinib to alectinib because of the rash?",
    "Crizotinib -> alectinib. Rash on alectinib, managed with emollients.",
    "Crizotinib -> alectinib for 2 years with rash.",  # a duration, not a reason
    "crizotinib -> alectinib, now on steroids for pneumonitis",  # another clause
])
def test_a_switch_for_another_reason_or_asked_about_is_not_intolerance(text):
    assert read(text).get("intolerant_tkis", []) == [], text


DENIED = [
    ("Alectinib was stopped for progression, not for toxicity.", ["alectinib"]),
    ("brig stopped at PD, not due to side effects", ["brigatinib"]),
    ("Crizotinib -> ceritinib (switched for CNS progression, not toxicity).", ["crizotinib", "ceritinib"]),
    ("Alectinib discontinued because of progression rather than intolerance.", ["alectinib"]),
    ("No TKI was ever stopped for toxicity.", None),
    ("no ALK inhibitor discontinued due to AEs", None),
    ("Never stopped crizotinib for side effects; it was changed at progression.", ["crizotinib"]),
    ("No intolerance to any TKI.", None),
    ("Came off crizotinib at progression, not for toxicity.", ["crizotinib"]),
]


@pytest.mark.parametrize("text,tkis", DENIED)
def test_a_stop_denied_to_be_for_toxicity_states_no_intolerance(text, tkis):
    assert_reads(text, {"intolerant_tkis": [], "prior_tkis": tkis})


@pytest.mark.parametrize("text", [
    "Carboplatin was stopped for progression, not toxicity.",  # no TKI: says nothing of the TKIs
    "Not for toxicity.",
    "No toxicity so far.",  # no stop denied
    "what if alectinib had been stopped for progression, not toxicity?",
])
def test_a_denial_without_a_tki_or_of_no_stop_or_supposed_says_nothing_of_intolerance(text):
    assert_reads(text, {"intolerant_tkis": None})


def test_a_stop_for_toxicity_stands_beside_a_denial_for_another_tki():
    text = "Crizotinib stopped for hepatitis. Alectinib stopped for progression, not toxicity."
    assert_reads_exactly(text, {"prior_tkis": ["crizotinib", "alectinib"], "intolerant_tkis": ["crizotinib"]})


@pytest.mark.parametrize("text", [
    "Brigatinib was held for a week for asymptomatic CK elevation and then resumed at 120 mg.",
    "Alectinib interrupted for asymptomatic transaminitis, restarted at a reduced dose.",
    "Lorlatinib paused for asymptomatic grade 2 lipase rise and resumed.",
    "asx CPK elevation on brig, held x5d then restarted",
])
def test_a_tki_held_and_resumed_for_a_laboratory_toxicity_is_no_intolerance_and_no_symptom_status(text):
    assert_reads(text, {"intolerant_tkis": None, "symptomatic": None})


@pytest.mark.parametrize("text,symptomatic", [
    ("Asymptomatic brain metastases.", False),
    ("Asymptomatic, with a raised CK.", False),
    ("An asymptomatic rise in the size of one lung nodule.", False),
    ("Symptomatic bradycardia on crizotinib.", None),
    ("Asymptomatic bradycardia on alectinib.", None),
    ("Symptomatic brain mets.", True),
])
def test_asymptomatic_said_of_a_toxicity_is_not_the_patients_status(text, symptomatic):
    assert_reads(text, {"symptomatic": symptomatic})


# ---- order told backwards ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,tkis", [
    ("She came off Lorbrena at progression to join a trial; before lorlatinib she had Alunbrig.",
     ["brigatinib", "lorlatinib"]),
    ("Now progressing on lorlatinib. Before lorlatinib he had two years of alectinib.", ["alectinib", "lorlatinib"]),
    ("Ceritinib stopped in 2020. Prior to ceritinib, crizotinib was given for a year.", ["crizotinib", "ceritinib"]),
    ("Before alectinib, she received crizotinib.", ["crizotinib", "alectinib"]),
    ("She had brigatinib before lorlatinib.", ["brigatinib", "lorlatinib"]),
    ("Crizotinib, then alectinib; before crizotinib nothing.", ["crizotinib", "alectinib"]),
])
def test_before_a_tki_she_had_another_puts_the_other_first(text, tkis):
    assert_reads(text, {"prior_tkis": tkis})


# ---- statements about the drugs and plans are not history ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Brigatinib after alectinib has a modest response rate, as we discussed.",
    "Lorlatinib has an ORR of about 40% after second-generation TKIs.",
    "Ceritinib following crizotinib shows a median PFS of around 7 months.",
    "Brigatinib is approved after crizotinib.",
    "Lorlatinib retains activity after alectinib.",
    "Lorlatinib has good CNS penetration.",
])
def test_a_statement_about_the_drugs_is_not_this_patients_history(text):
    assert_reads(text, {"prior_tkis": None})


@pytest.mark.parametrize("text,tkis", [
    ("Alectinib since 2019, which has good CNS activity; now PD in the liver.", ["alectinib"]),
    ("Alectinib has given her five good years.", ["alectinib"]),
    ("Alectinib 2019-2023 with a response; lorlatinib since.", ["alectinib", "lorlatinib"]),
    ("Crizotinib had a short response, then alectinib.", ["crizotinib", "alectinib"]),
])
def test_the_patients_own_response_stays_history(text, tkis):
    assert_reads(text, {"prior_tkis": tkis})


@pytest.mark.parametrize("text", [
    "She is on carbamazepine for trigeminal neuralgia, but neurology are happy to switch to gabapentin before lorlatinib.",
    "Lipids need to be controlled before lorlatinib.",
    "Statin to be started before lorlatinib.",
    "Plan: stop phenytoin before lorlatinib.",
    "We will check an echo before lorlatinib.",
])
def test_a_tki_after_before_in_a_plan_is_still_to_come(text):
    assert_reads_excluding(text, "prior_tkis", ["lorlatinib"])


@pytest.mark.parametrize("text,tkis", [
    ("She was switched to alectinib two years before lorlatinib.", ["alectinib", "lorlatinib"]),
    ("Lipids were controlled before lorlatinib, which she has taken since 2021.", ["lorlatinib"]),
])
def test_before_a_tki_in_a_past_clause_is_history(text, tkis):
    assert_reads(text, {"prior_tkis": tkis})


# ---- chemotherapy given now ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "on carbo/pem after alec failure, responding (PR)",
    "On docetaxel, tolerating it well.",
    "On carboplatin-pemetrexed since lorlatinib failed, with a partial response.",
    "Carbo/pem x4 then pem maintenance, now PD.",
    "alectinib -> carbo/pem, now progressing",
    "Pemetrexed maintenance ongoing.",
])
def test_chemotherapy_given_now_is_the_current_therapy(text):
    assert_reads(text, {"current_therapy": "chemotherapy"})


@pytest.mark.parametrize("text", [
    "Was on carbo/pem after alectinib, responding.",
    "Carbo/pem x4 in 2018, then alectinib, now PD.",
    "Carbo/pem x4, then pem maintenance until 2020; alectinib since.",
    "Would carbo/pem be an option, responding patients?",
])
def test_chemotherapy_in_the_past_or_asked_about_is_not_current(text):
    assert_reads(text, {"current_therapy": None})


# ---- immunotherapy given before the ALK result ---------------------------------------------------------------------

@pytest.mark.parametrize("text,fields", [
    ("had 6 cycles pembro before the ALK result came back", {"prior_immunotherapy": True}),
    ("Received 4 cycles of nivo in 2019.", {"prior_immunotherapy": True}),
    ("He received chemo-immunotherapy in the first line before the ALK result.",
     {"prior_immunotherapy": True, "prior_chemotherapy": True}),
    ("1L chemoimmunotherapy before ALK was known.", {"prior_immunotherapy": True, "prior_chemotherapy": True}),
    ("Prior atezo x2.", {"prior_immunotherapy": True}),
    ("Three cycles of carbo/pem/pembro while awaiting NGS.", {"prior_immunotherapy": True, "prior_chemotherapy": True}),
])
def test_immunotherapy_given_before_the_alk_result_is_prior_immunotherapy(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize("text", [
    "Never received a checkpoint inhibitor or cytotoxic chemotherapy.",
    "No prior immunotherapy or systemic chemotherapy.",
    "No prior chemo-immunotherapy.",
])
def test_both_classes_denied(text):
    found = read(text)
    assert (found.get("prior_immunotherapy"), found.get("prior_chemotherapy")) == (False, False), (text, found)


@pytest.mark.parametrize("text", [
    "Should we give chemo-immunotherapy?",
    "Pembro is not recommended for ALK-positive disease.",
    "Cytotoxic chemotherapy is an option later.",
])
def test_immunotherapy_asked_about_or_discussed_is_not_history(text):
    assert_reads(text, {"prior_immunotherapy": None, "prior_chemotherapy": None})


# ---- record and template forms: reasons, labels, lines told out of order ------------------------------------------

@pytest.mark.parametrize("text,fields", [
    ("Reason for discontinuation of Alecensa: toxicity (CK elevation, myalgia)",
     {"prior_tkis": ["alectinib"], "intolerant_tkis": ["alectinib"]}),
    ("Reason for stopping crizotinib: hepatotoxicity.", {"prior_tkis": ["crizotinib"], "intolerant_tkis": ["crizotinib"]}),
    ("Reason for discontinuation of Alecensa: PD", {"prior_tkis": ["alectinib"]}),
    ("all TKIs stopped for progression, none for toxicity", {"intolerant_tkis": []}),
    ("Chemo stopped for PD, none for toxicity.", {}),  # no TKI named
    ("lorla after brig (he never got alec)", {"prior_tkis": ["brigatinib", "lorlatinib"]}),
    ("never took crizotinib; alectinib since 2020", {"prior_tkis": ["alectinib"]}),
])
def test_record_forms_of_the_reason_and_the_denial(text, fields):
    assert_reads_exactly(text, fields)


@pytest.mark.parametrize("text,tkis", [
    ("Treatment history (most recent first): lorlatinib 2023-; brigatinib 2020-2023; crizotinib 2018-2020",
     ["crizotinib", "brigatinib", "lorlatinib"]),
    ("TKIs, newest first: lorlatinib, alectinib", ["alectinib", "lorlatinib"]),
    ("Second-line lorlatinib from 11/2024; first-line was Alecensa", ["alectinib", "lorlatinib"]),
    ("2L: brigatinib; 1L was crizotinib", ["crizotinib", "brigatinib"]),
    ("ENVONALKIB 2022-2024 — PD\nPrior: crizotinib 2019-2022 (PD)", ["crizotinib", "envonalkib"]),
    ("Lorlatinib now.\nPrevious TKIs: alectinib", ["alectinib", "lorlatinib"]),
    ("Crizotinib 2018-2020\nAlectinib 2020-2023\nLorlatinib since 2023", ["crizotinib", "alectinib", "lorlatinib"]),
])
def test_lists_told_newest_first_or_labelled_earlier(text, tkis):
    assert_reads(text, {"prior_tkis": tkis})


@pytest.mark.parametrize("text", ["Lorlatinib: consider at next progression",
                                  "Please draft a letter requesting funding for lorlatinib.",
                                  "Prior authorisation for brigatinib submitted."])
def test_a_tki_considered_or_applied_for_is_not_received(text):
    assert_reads(text, {"prior_tkis": None})


@pytest.mark.parametrize("text,current", [
    ("Current treatment: carboplatin AUC5 + pemetrexed 500 mg/m2, C3D1 today", "chemotherapy"),
    ("Current: pembrolizumab + carboplatin + pemetrexed", "chemo_immunotherapy"),
    ("Ongoing regimen: docetaxel 75 mg/m2", "chemotherapy"),
    ("Now on pemetrexed maintenance", "chemotherapy"),
    ("currently no therapy", "none"),
    ("No current anticancer therapy (stopped lorlatinib 05/2025, PD)", "none"),
    ("at present on no systemic treatment", "none"),
])
def test_current_therapy_labelled_or_stated_first(text, current):
    assert_reads(text, {"current_therapy": current})


@pytest.mark.parametrize("text", ["Previous treatment: carbo/pem", "Current: alectinib 600 mg bd",
                                  "No current plans for chemotherapy."])
def test_a_past_or_tki_regimen_or_no_plan_is_not_current_chemotherapy(text):
    assert_reads_one_of(text, "current_therapy", (None, "alk_tki"))


@pytest.mark.parametrize("text,fields", [
    ("got atezo once", {"prior_immunotherapy": True}),
    ("pembro mono 1st line before ALK was known", {"prior_immunotherapy": True}),
    ("chemoradiation then durva consolidation back in 2020", {"prior_chemotherapy": True, "prior_immunotherapy": True}),
    ("pt had pembro + chemo first (pdl1 90%), then ALK found", {"prior_chemotherapy": True, "prior_immunotherapy": True}),
    ("never got immunotherapy nor chemo", {"prior_chemotherapy": False, "prior_immunotherapy": False}),
])
def test_immunotherapy_and_chemotherapy_in_ward_shorthand(text, fields):
    assert_reads(text, fields)
