"""A relative's findings set off by a comma, a relative's (or the patient's) request or question about a therapy, and
the patient a referral or a second opinion presents. The first two read another's words as the patient's findings;
the third read nothing of the patient referred. The controls beside them must keep their readings."""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads, assert_reads_exactly


# 1. a relative or a partner opening their clause and set off by a comma: what follows, past every comma, is theirs,
# as after a colon or a dash
@pytest.mark.parametrize(
    "text",
    [
        "her sister, ALK IHC positive, on alectinib",
        "Her brother, also ALK+, did well on lorlatinib",
        "mother, NSCLC, EGFR positive",
        "Her mother, EGFR-mutant adenocarcinoma, on osimertinib",
        "His father, ALK FISH positive, G1202R on rebiopsy",
        "Their cousin, ALK rearranged NSCLC, progressed on brigatinib",
        "The patient's younger sister, ALK+ adeno, responded to crizotinib",
        "Her husband, on phenytoin for epilepsy, drives her to clinic",
        "Aunt, ALK positive, brain mets, on lorlatinib",
        "Of note, her sister, ALK+ NSCLC, on alectinib since 2020",
        "Family: brother, ALK+ NSCLC, treated with lorlatinib",
    ],
)
def test_a_relatives_comma_sets_off_their_own_findings(text):
    assert_reads_exactly(text, {})


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        # a clause of the patient's, then a relative's set off by a conjunction
        ("On alectinib since 2021, but her sister, ALK+, on lorlatinib", {"prior_tkis": ["alectinib"]}),
        ("58F on alectinib, and her sister, ALK+, on lorlatinib", {"prior_tkis": ["alectinib"]}),
        ("On brigatinib - whereas her brother, ALK+, had crizotinib", {"prior_tkis": ["brigatinib"]}),
        # the patient named again after the relative's words
        ("Her sister, ALK positive on alectinib; our patient G1202R after brigatinib",
         {"alk_mutations": ["G1202R"], "prior_tkis": ["brigatinib"]}),
        ("Her brother, ALK+ NSCLC, on lorlatinib, but she is on alectinib", {"prior_tkis": ["alectinib"]}),
        ("Mother, NSCLC, on crizotinib. Patient: G1202R after alectinib",
         {"alk_mutations": ["G1202R"], "prior_tkis": ["alectinib"]}),
    ],
)
def test_the_patients_clauses_around_a_relatives_apposition_are_read(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        # not a relative
        ("Her, ALK positive", {"alk_positive": True}),
        ("Patient, 54, ALK IHC positive", {"alk_positive": True}),
        ("Pt, 61F, ALK+ on alectinib", {"alk_positive": True, "prior_tkis": ["alectinib"]}),
        # a relative not set off by a comma of their own
        ("sister at bedside; patient ALK positive on alectinib", {"alk_positive": True, "prior_tkis": ["alectinib"]}),
        ("Lives with husband and daughter, on alectinib since 2021", {"prior_tkis": ["alectinib"]}),
        ("58F, never smoker, sister at bedside, on alectinib", {"prior_tkis": ["alectinib"]}),
        # the patient the subject right after the comma, or the relative reporting about her
        ("Daughter, she takes carbamazepine", {"strong_cyp3a_inducer": True}),
        ("Daughter, a nurse, says she takes carbamazepine", {"strong_cyp3a_inducer": True}),
        ("Daughter, present today, confirms she started lorlatinib in May", {"prior_tkis": ["lorlatinib"]}),
        ("Husband, who is a pharmacist, reports she takes rifampicin", {"strong_cyp3a_inducer": True}),
    ],
)
def test_the_patients_own_findings_beside_a_comma_are_read(text, fields):
    assert_reads(text, fields)


# 2. a request or a wish for a therapy, a relative's or the patient's, and a relative's question: the therapy is no
# treatment received
@pytest.mark.parametrize(
    "text",
    [
        "Daughter asked about lorlatinib",
        "Her husband wants to know if brigatinib is an option",
        "Son asking whether lorlatinib would help",
        "Husband requests lorlatinib",
        "Her husband requested brigatinib",
        "Daughter wants lorlatinib",
        "Son would like lorlatinib",
        "Wife asking for lorlatinib",
        "Daughter asks can she have lorlatinib",
        "Her son asked could she go on brigatinib",
        "Daughter wants her on lorlatinib",
        "Husband wants her switched to lorlatinib",
        "Patient requests lorlatinib",
        "She wants lorlatinib",
        "Husband reports she wants lorlatinib",
    ],
)
def test_a_request_or_a_question_names_no_tki_received(text):
    assert_reads_exactly(text, {})


@pytest.mark.parametrize(
    "text",
    [
        "Son asking whether chemo would help",
        "Daughter wants chemo",
        "Husband requests chemotherapy for her",
        "Daughter asked about carboplatin pemetrexed",
    ],
)
def test_a_request_or_a_question_names_no_chemotherapy_received(text):
    assert_reads(text, {"prior_chemotherapy": None})


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        # a relative reporting the patient's therapy: hers
        ("Daughter reports she started lorlatinib in May", {"prior_tkis": ["lorlatinib"]}),
        ("Husband says she has been on brigatinib since 2022", {"prior_tkis": ["brigatinib"]}),
        # the patient's question about one TKI beside one she received
        ("Patient asked about lorlatinib after progressing on alectinib", {"prior_tkis": ["alectinib"]}),
        ("Daughter wants lorlatinib; she progressed on alectinib", {"prior_tkis": ["alectinib"]}),
        # a wish about a TKI she takes
        ("She wants to continue alectinib", {"prior_tkis": ["alectinib"]}),
        ("She wants to stop lorlatinib because of oedema", {"prior_tkis": ["lorlatinib"]}),
    ],
)
def test_a_therapy_reported_beside_a_request_is_read(text, fields):
    assert_reads(text, fields)


# 3. the patient a referral, a consultation or a second opinion presents ("for a patient with ...") is this one
@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("Referral for a patient with G1202R after alectinib", {"alk_mutations": ["G1202R"], "prior_tkis": ["alectinib"]}),
        ("Referred for a woman with G1202R after alectinib", {"alk_mutations": ["G1202R"], "prior_tkis": ["alectinib"]}),
        ("Referred: 58F with G1202R on alectinib", {"alk_mutations": ["G1202R"], "prior_tkis": ["alectinib"]}),
        (
            "Second opinion for a man with ALK+ NSCLC progressing on brigatinib, L1196M on ctDNA",
            {"alk_mutations": ["L1196M"], "alk_positive": True, "prior_tkis": ["brigatinib"], "biopsy": "plasma"},
        ),
        ("Consult for a patient with ALK+ NSCLC on lorlatinib", {"alk_positive": True, "prior_tkis": ["lorlatinib"]}),
        (
            "Referred by Dr Rao for a woman who progressed on alectinib; G1202R on plasma",
            {"alk_mutations": ["G1202R"], "prior_tkis": ["alectinib"]},
        ),
        ("Re: second opinion for a woman with G1202R after alectinib",
         {"alk_mutations": ["G1202R"], "prior_tkis": ["alectinib"]}),
        ("Urgent referral for a man with L1196M on crizotinib", {"alk_mutations": ["L1196M"], "prior_tkis": ["crizotinib"]}),
    ],
)
def test_the_patient_a_referral_presents_is_read(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text",
    [
        "Referral question: would lorlatinib work for G1202R?",
        "Referral for a patient with G1202R after alectinib: would lorlatinib work?",
        "Would you refer a patient with G1202R after alectinib?",
        "For a patient with G1202R after alectinib, what would you give?",
        "Referral criteria for a patient with G1202R after alectinib",
        "Second opinion for a patient with G1202R after alectinib: is brigatinib an option",
        "In a patient with G1202R after alectinib, lorlatinib is preferred",
    ],
)
def test_a_question_or_a_rule_about_a_patient_of_a_kind_states_nothing(text):
    assert_reads_exactly(text, {})


def test_a_referrals_case_before_its_question_is_stated_and_the_question_asks():
    text = "Referral for a patient with G1202R after alectinib - what next?"
    assert_reads_exactly(text, {"alk_mutations": ["G1202R"], "prior_tkis": ["alectinib"]})
    assert extractor.message_asks(text)
