"""Precision and recall (trust7): a risk note, a denied class with its members, a symptom with another cause, a
question answered in a note, a trial's arm and a dated line under a plan heading.

- A TKI that opens its statement with only a risk note after it, past a comma or in a bracket ("brigatinib, known
  ILD risk", "lorlatinib (CNS side-effects risk)"), is named, not received; in a history, with its dates, or stated
  as taken it stays received.
- The patient said at risk of a condition on a TKI ("at risk of hyperlipidaemia on lorlatinib") is on it; a risk
  supposed or told of the drug in general names it only.
- A class denied, then its members checked in a bracket or after "e.g." ("No strong CYP3A inducers (checked
  rifampin, carbamazepine)"), denies each member: no conflict, no inducer present.
- A complaint put down to another illness or an injury ("back pain due to a fracture after a fall", "breathlessness
  due to anaemia") is not the cancer's symptom; one put down to the cancer still reads.
- A question of whether the patient is new to treatment, answered "No -" ("Treatment-naive? No - had alectinib 2
  years"), does not deny the history its answer tells.
- The patient's own part in a trial ("participated in a phase 3 trial, randomized to lorlatinib") tells the drug
  received; a trial's own report or a part to come does not.
- Under a next-line heading, a TKI with a closed date range ("Next line: alectinib 2018-2022") was received; without
  dates it stays planned.
"""

import pytest

from bot.nlu import extractor
from bot.nlu.fields import conflicts


def case(text):
    return extractor.extract_case(text)


# 1. a TKI named with a risk note only ----------------------------------------------------------------------------

RISK_NOTES = [
    "brigatinib, known ILD risk",
    "lorlatinib (CNS side-effects risk)",
    "Alectinib, risk of photosensitivity",
    "crizotinib (visual disturbance risk)",
    "- lorlatinib, high risk of hyperlipidaemia",
    "ALK+ NSCLC, ECOG 1.\nBrigatinib, early pulmonary events risk.",
    "alectinib, at risk of CK rise",
    # the dash form, read so before this change; kept as the family
    "alectinib - risk of photosensitivity",
]


@pytest.mark.parametrize("text", RISK_NOTES)
def test_a_tki_named_with_only_a_risk_note_is_not_received(text):
    assert "prior_tkis" not in case(text)


@pytest.mark.parametrize(
    "text, tkis",
    [
        ("on brigatinib, known ILD risk", ["brigatinib"]),
        ("received brigatinib 2021-2023", ["brigatinib"]),
        ("Prior TKIs: brigatinib, known ILD risk", ["brigatinib"]),
        ("crizotinib 2016-2018, brigatinib, ILD risk", ["crizotinib", "brigatinib"]),
        ("Lorlatinib (lipid risk) 2022-2024, then progression.", ["lorlatinib"]),
        ("brigatinib, ILD risk - stopped after 2 weeks", ["brigatinib"]),
        ("taking alectinib (photosensitivity risk)", ["alectinib"]),
    ],
)
def test_control_a_tki_in_a_history_or_taken_beside_a_risk_note_still_reads(text, tkis):
    assert case(text).get("prior_tkis") == tkis


# 2. at risk of a condition on the TKI taken --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, tkis",
    [
        ("at risk of pneumonitis on brigatinib", ["brigatinib"]),
        ("ALK+ NSCLC, currently at risk of hypercholesterolaemia on lorlatinib.", ["lorlatinib"]),
        ("She is at high risk of CK elevation on brigatinib.", ["brigatinib"]),
        ("he is on alectinib and at risk of anaemia", ["alectinib"]),
    ],
)
def test_the_patient_at_risk_on_a_tki_is_on_it(text, tkis):
    assert case(text).get("prior_tkis") == tkis


@pytest.mark.parametrize(
    "text",
    [
        "She would be at risk of ILD on brigatinib.",
        "may be at risk of hyperlipidaemia on lorlatinib",
        "risk of hyperlipidaemia on lorlatinib",
        "at risk of ILD with brigatinib",
        "Is she at risk of hyperlipidaemia on lorlatinib?",
    ],
)
def test_control_a_risk_supposed_or_of_the_drug_names_it_only(text):
    assert "prior_tkis" not in case(text)


def test_the_condition_she_is_at_risk_of_is_not_hers():
    assert "comorbidities" not in case("at risk of hyperlipidaemia on lorlatinib")


# 3. a class denied with its members checked ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "No strong CYP3A inducers (checked rifampin, carbamazepine)",
        "Meds reviewed. No strong CYP3A inducers (checked rifampicin, phenytoin).",
        "No strong CYP3A inducers (rifampicin, phenytoin or carbamazepine checked)",
        "no strong CYP3A inducers, e.g. rifampicin or phenytoin",
        "No strong CYP3A inducers (e.g. carbamazepine), ECOG 1",
    ],
)
def test_a_class_denied_with_its_members_checked_denies_each(text):
    assert conflicts(extractor.load().entities(text)) == []
    assert case(text).get("strong_cyp3a_inducer") is False


@pytest.mark.parametrize(
    "text",
    [
        "strong CYP3A inducer: rifampicin",
        "strong CYP3A inducers (rifampin, carbamazepine)",
        "on carbamazepine for epilepsy",
    ],
)
def test_control_an_inducer_stated_still_reads_present(text):
    assert case(text).get("strong_cyp3a_inducer") is True


@pytest.mark.parametrize(
    "text",
    ["No strong CYP3A inducers (rifampicin started yesterday)", "No strong CYP3A inducers (but on carbamazepine)"],
)
def test_control_a_member_told_taken_in_the_bracket_is_not_denied(text):
    assert case(text).get("strong_cyp3a_inducer") is not False


# 4. a complaint put down to another cause -------------------------------------------------------------------------

OTHER_CAUSES = [
    "Back pain due to a fracture after a fall.",
    "hip pain from a mechanical fall last week",
    "Headache attributed to dehydration.",
    "Dyspnoea from a pneumonia.",
    "Breathlessness due to anaemia.",
    "Shortness of breath explained by the pulmonary embolism",
    "chest pain due to a chest infection",
    "Brain mets x2, stable. Confusion attributed to SIADH.",
    "ALK+ NSCLC on lorlatinib. Back pain secondary to osteoarthritis.",
    # read so before this change; kept as the family
    "confusion from hyponatraemia",
]


@pytest.mark.parametrize("text", OTHER_CAUSES)
def test_a_complaint_put_down_to_another_cause_is_not_symptomatic(text):
    assert "symptomatic" not in case(text)


@pytest.mark.parametrize(
    "text",
    [
        "headaches, felt to be from the brain mets",
        "bone pain from the bone mets",
        "back pain due to a pathological fracture",
        "Hip pain due to osteoarthritis. Headaches from the brain mets.",
        "Brain mets x2. Confusion attributed to SIADH, but new seizures.",
        "Brain mets x3, confusion.",
        "Dyspnoea due to the pleural effusion",
    ],
)
def test_control_the_cancers_complaint_still_reads_symptomatic(text):
    assert case(text).get("symptomatic") is True


# 5. a question of being new to treatment, answered in the note -----------------------------------------------------


@pytest.mark.parametrize(
    "text, tkis",
    [
        ("Treatment-naive? No - had alectinib for 2 years.", ["alectinib"]),
        ("TKI-naive? No - alectinib for 2 years.", ["alectinib"]),
        ("First line? No - alectinib 2019-2021, now lorlatinib.", ["alectinib", "lorlatinib"]),
        ("As first-line? No - second TKI after crizotinib", ["crizotinib"]),
        ("TKI naive: no - crizotinib 2020-2022", ["crizotinib"]),
    ],
)
def test_a_naive_question_answered_no_keeps_the_history_its_answer_tells(text, tkis):
    assert case(text).get("prior_tkis") == tkis


@pytest.mark.parametrize(
    "text",
    [
        "Treatment-naive?",
        "Is she treatment-naive? Could she have alectinib?",
        "First-line? no alectinib, no crizotinib",
        "No alectinib.",
        "Treatment-naive? Yes - no alectinib or crizotinib.",
    ],
)
def test_control_a_plain_question_or_a_denial_reads_no_tki_received(text):
    assert not case(text).get("prior_tkis")


# 6. the patient's part in a trial -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, tkis",
    [
        ("participated in a phase 3 trial, randomized to lorlatinib", ["lorlatinib"]),
        ("Took part in a randomised phase 3 study, randomised to brigatinib, PD after 2 years.", ["brigatinib"]),
        ("Was enrolled in a phase 3 study 2019-2021, lorlatinib arm, progressed.", ["lorlatinib"]),
        ("enrolled in CROWN, lorlatinib arm", ["lorlatinib"]),
    ],
)
def test_the_patients_past_part_in_a_trial_tells_the_drug_received(text, tkis):
    assert case(text).get("prior_tkis") == tkis


@pytest.mark.parametrize(
    "text",
    [
        "will be randomised to lorlatinib",
        "screen failure for the lorlatinib cohort",
        "The phase 3 trial enrolled 296 patients, randomized to lorlatinib or crizotinib.",
        "In the phase 3 CROWN trial, patients were randomized to lorlatinib or crizotinib.",
        "Could be enrolled in a phase 3 trial of lorlatinib.",
    ],
)
def test_control_a_trials_report_or_a_part_to_come_reads_no_tki(text):
    assert "prior_tkis" not in case(text)


# 7. a dated line under a next-line heading ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, tkis",
    [
        ("Next line: alectinib 2018-2022", ["alectinib"]),
        ("Next line - brigatinib (03/2019 to 11/2020)", ["brigatinib"]),
        ("Next line: alectinib Jan 2019 - Mar 2021", ["alectinib"]),
    ],
)
def test_a_tki_with_a_closed_past_date_range_under_a_plan_heading_was_received(text, tkis):
    assert case(text).get("prior_tkis") == tkis


@pytest.mark.parametrize(
    "text",
    ["Next line: lorlatinib", "Next line: lorlatinib for 2 years", "Plan: lorlatinib from 2025", "Plan: lorlatinib 2035-2037"],
)
def test_control_an_undated_or_future_plan_stays_a_plan(text):
    assert "prior_tkis" not in case(text)
