"""Whose finding it is, and whether it is told or advised (issue: safety misreads of the clinical reader).

A relative's or another person's drug, TKI, mutation or metastases is not this patient's ("Her husband takes
phenobarbital", "FHx: sister ALK+ NSCLC on alectinib", "my other ALK patient is on lorlatinib"), while a relative
reporting about the patient still tells the patient's ("wife says he's been taking St John's wort", "per her
daughter, she has had headaches"). An advice, a contraindication or an interaction check names drugs without saying
they are taken or were received ("Avoid carbamazepine with lorlatinib", "interaction check: lorlatinib vs
phenytoin"), unless the patient is separately said to take one ("She takes carbamazepine; avoid it with
lorlatinib"). And a strong CYP3A inducer said to be stoppable without a subject ("Long-standing phenobarbital; can
be weaned") reads stoppable. Phrasings of our own, in notes, chat shorthand, letters and EHR pastes; none is a
sentence of the independent phrasing sets."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

# ---- another person's drug or finding ------------------------------------------------------------------------------

@pytest.mark.parametrize("text,field", [
    ("Her husband takes phenobarbital.", "strong_cyp3a_inducer"),
    ("Wife is on carbamazepine.", "strong_cyp3a_inducer"),
    ("Her husband is on phenytoin for his epilepsy.", "strong_cyp3a_inducer"),
    ("His wife takes rifampicin for TB.", "strong_cyp3a_inducer"),
    ("Partner on carbamazepine.", "strong_cyp3a_inducer"),
    ("fyi her hubby is on carbamazepine not her", "strong_cyp3a_inducer"),
    ("Her husband, who has epilepsy, takes phenytoin.", "strong_cyp3a_inducer"),
    ("She lives with her mother, who takes phenobarbital.", "strong_cyp3a_inducer"),
    ("SH: lives w/ wife (on carbamazepine for epilepsy). Never smoker.", "strong_cyp3a_inducer"),
    ("Social hx: husband on phenytoin, 2 kids.", "strong_cyp3a_inducer"),
    ("The patient's son has been on carbamazepine for years.", "strong_cyp3a_inducer"),
    ("Her carer takes St John's wort.", "strong_cyp3a_inducer"),
    ("Her daughter is on itraconazole for aspergillosis.", "strong_cyp3a_inhibitor"),
    ("His brother was on alectinib.", "prior_tkis"),
    ("His brother was on alectinib for 3 years.", "prior_tkis"),
    ("FHx: sister ALK+ NSCLC on alectinib.", "prior_tkis"),
    ("Fam hx - brother lung ca (ALK+), treated w/ crizotinib", "prior_tkis"),
    ("Her sister had ALK+ lung cancer, treated with alectinib.", "prior_tkis"),
    ("Family history of ALK-positive lung cancer in her father, who received crizotinib.", "prior_tkis"),
    ("Her mother progressed on brigatinib in 2019.", "prior_tkis"),
    ("My mother was on lorlatinib for two years.", "prior_tkis"),
    ("Her sister has an ALK G1202R mutation.", "alk_mutations"),
    ("Her brother's tumour had G1202R on rebiopsy.", "alk_mutations"),
    ("Her mother has brain mets from breast cancer.", "brain_metastases"),
    ("His father had brain metastases from melanoma.", "brain_metastases"),
    ("Her husband had chemotherapy for lymphoma.", "prior_chemotherapy"),
    ("His father received immunotherapy for melanoma.", "prior_immunotherapy"),
])
def test_a_relatives_drug_or_finding_is_not_the_patients(text, field):
    assert_reads(text, {field: None})


@pytest.mark.parametrize("text,field", [
    ("My other ALK patient is on lorlatinib.", "prior_tkis"),
    ("My last patient had G1202R.", "alk_mutations"),
    ("Another of my patients progressed on brigatinib.", "prior_tkis"),
    ("Our previous ALK+ patient took phenytoin alongside brigatinib.", "strong_cyp3a_inducer"),
    ("A friend of hers with lung cancer did well on lorlatinib.", "prior_tkis"),
    ("Someone in her support group takes lorlatinib.", "prior_tkis"),
    ("my other pt on lorla had G1202R too", "alk_mutations"),
])
def test_another_patients_or_persons_drug_or_finding_is_not_the_patients(text, field):
    assert_reads(text, {field: None})


@pytest.mark.parametrize("text,field,value", [
    ("the patient's wife reports he stopped alectinib", "prior_tkis", ["alectinib"]),
    ("wife says he's been taking St John's wort", "strong_cyp3a_inducer", True),
    ("per her daughter, she has had headaches", "symptomatic", True),
    ("Daughter reports she is on phenytoin.", "strong_cyp3a_inducer", True),
    ("Her husband says she takes carbamazepine.", "strong_cyp3a_inducer", True),
    ("According to his wife, he has been on phenytoin since 2010.", "strong_cyp3a_inducer", True),
    ("Husband confirms she takes phenobarbital nightly.", "strong_cyp3a_inducer", True),
    ("Daughter tells us he was on brigatinib in Spain.", "prior_tkis", ["brigatinib"]),
    ("Came with his wife, who reports headaches for 2 weeks.", "symptomatic", True),
    ("Collateral from husband: taking carbamazepine for trigeminal neuralgia.", "strong_cyp3a_inducer", True),
    ("Her daughter gives her the phenytoin every morning.", "strong_cyp3a_inducer", True),
    ("Seen with her husband. She is on carbamazepine.", "strong_cyp3a_inducer", True),
    ("As per wife, pt stopped alectinib last month due to rash.", "prior_tkis", ["alectinib"]),
    ("Wife reports new headaches.", "symptomatic", True),
    ("Lives with her husband and takes carbamazepine for epilepsy.", "strong_cyp3a_inducer", True),
    ("Her husband, who was with her today, says she has been on alectinib since 2021.", "prior_tkis", ["alectinib"]),
    ("Husband has noticed she is more confused; MRI shows new brain mets.", "brain_metastases", True),
    ("Her husband takes phenytoin, but she is on alectinib.", "prior_tkis", ["alectinib"]),
    # the patient herself described by her family, and a relative named beside what is hers
    ("45F, mother of two, never smoker, ALK+ adenocarcinoma, on alectinib.", "prior_tkis", ["alectinib"]),
    ("Lives alone, daughter nearby, on carbamazepine.", "strong_cyp3a_inducer", True),
    ("She looks after her mother and takes phenytoin.", "strong_cyp3a_inducer", True),
    ("Husband present. On alectinib since 2021, now PD.", "prior_tkis", ["alectinib"]),
])
def test_a_relative_reporting_about_the_patient_still_tells_the_patients(text, field, value):
    assert_reads(text, {field: value})


def test_the_patients_drug_beside_a_relatives_is_read():
    assert_reads("Her husband takes phenytoin and she takes carbamazepine.", {"strong_cyp3a_inducer": True})


# ---- advice, contraindication, interaction -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Avoid carbamazepine with lorlatinib.",
    "do not combine lorlatinib with rifampicin",
    "Don't combine lorlatinib and carbamazepine.",
    "lorlatinib should not be co-administered with carbamazepine",
    "Lorlatinib must not be given alongside rifampicin.",
    "caution: lorlatinib + carbamazepine",
    "Caution with lorlatinib and phenytoin.",
    "lorlatinib is contraindicated with strong inducers",
    "Lorlatinib and rifampicin: contraindicated.",
    "interaction check: lorlatinib vs phenytoin",
    "DDI: lorlatinib / carbamazepine - major, avoid.",
    "Rifampicin interacts with lorlatinib (hepatotoxicity).",
    "Pharmacy note: co-administration of lorlatinib with strong CYP3A inducers is contraindicated.",
    "Never co-prescribe phenytoin with lorlatinib.",
    "Carbamazepine, phenytoin and rifampicin must be avoided with lorlatinib.",
])
def test_advice_names_a_tki_without_it_being_received(text):
    assert_reads(text, {"prior_tkis": None, "strong_cyp3a_inducer": None})


@pytest.mark.parametrize("text", [
    "She takes carbamazepine; avoid it with lorlatinib.",
    "She takes carbamazepine, which should be avoided with lorlatinib.",
    "On phenytoin for epilepsy. Do not combine lorlatinib with phenytoin.",
    "Pt on carbamazepine - contraindicated with lorlatinib.",
    "Her carbamazepine interacts with lorlatinib.",
])
def test_an_inducer_taken_beside_advice_is_read_but_not_the_tki(text):
    assert_reads(text, {"strong_cyp3a_inducer": True, "prior_tkis": None})


@pytest.mark.parametrize("text,tkis", [
    ("On lorlatinib; avoid St John's wort.", ["lorlatinib"]),
    ("Currently taking lorlatinib, so avoid carbamazepine.", ["lorlatinib"]),
    ("Progressed on alectinib. Avoid rifampicin with lorlatinib.", ["alectinib"]),
    ("Continues alectinib; caution with strong inducers.", ["alectinib"]),
    ("Received crizotinib with caution due to bradycardia.", ["crizotinib"]),
    ("Pt's mother had lung cancer; pt on lorlatinib since 2023 after alectinib.", ["alectinib", "lorlatinib"]),
])
def test_a_tki_taken_beside_advice_is_read(text, tkis):
    assert_reads(text, {"prior_tkis": tkis})


# ---- a strong inducer stoppable, without a subject -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Long-standing phenobarbital; can be weaned over 4 weeks",
    "Long-standing phenobarbital. Neurology say it can be weaned.",
    "On phenytoin for years. Can be switched to levetiracetam.",
    "Carbamazepine for TN - could be switched to gabapentin",
    "phenytoin (switchable to levetiracetam)",
    "On carbamazepine; plan to swap to lamotrigine.",
    "Takes phenobarbital. It can be weaned per neurology.",
    "Phenytoin: can be substituted with levetiracetam.",
    "Carbamazepine 200 mg bd. Could be changed to lamotrigine.",
])
def test_an_inducer_said_stoppable_without_a_subject_reads_stoppable(text):
    assert_reads(text, {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": True})


@pytest.mark.parametrize("text", [
    "Phenytoin for epilepsy. Can it be weaned?",
    "Carbamazepine; could be switched?",
    "On phenobarbital. Alectinib could be switched to lorlatinib.",
    "On phenytoin. Nothing else can be stopped.",
])
def test_near_misses_of_a_stoppable_inducer(text):
    assert_reads(text, {"cyp3a_inducer_stoppable": None})


@pytest.mark.parametrize("text,tkis", [
    ("Could be switched to lorlatinib.", None),
    ("Alectinib can be switched to lorlatinib.", ["alectinib"]),
    ("On brigatinib; may be changed to lorlatinib if G1202R.", ["brigatinib"]),
])
def test_a_switch_that_can_be_made_is_no_tki_received(text, tkis):
    assert_reads(text, {"prior_tkis": tkis})
