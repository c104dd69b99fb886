"""Trust, third round: a message puts into the case only what the clinician states about this patient. My own words
for three classes of misreading, each beside near misses that must still be read as before:

1. a finding named and then said not to be known ("... no clue", "- can't say", "(unsure)", "not scanned yet") is
   unknown, left to be asked; the same words about something else in a later clause do not touch it;
2. a relative's history in a form or a list: an item with the relative after it ("(sister)", "- uncle") and the lines
   of a family history whose heading stands alone on its line, until a blank line, a heading of its own or the patient
   again; the patient's own items, before and after, are still read;
3. the clinician's own question answered no in the next sentence states the denial, as a question answered yes states
   the finding; a "no" that does not know, a plan, "no change", or a no to a therapy question records nothing.
"""

from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads, assert_reads_exactly

# 1. not known: nothing read for the field
NOT_KNOWN = [
    ("Known to have progressed on alectinib. Cerebral mets .. no clue", "brain_metastases"),
    ("brain metastases - can't say", "brain_metastases"),
    ("Brain mets (unsure)", "brain_metastases"),
    ("brain lesions: haven't scanned yet", "brain_metastases"),
    ("CNS mets, dunno", "brain_metastases"),
    ("leptomeningeal spread... we don't know", "leptomeningeal"),
    ("L1196M ... uncertain", "alk_mutations"),
    ("symptomatic - who knows", "symptomatic"),
    ("PMH: diabetes (not certain)", "comorbidities"),
    ("ECOG 2... no clue about brain mets", "brain_metastases"),
]


@pytest.mark.parametrize(("text", "field"), NOT_KNOWN)
def test_a_finding_said_unknown_is_not_read(text: str, field: str) -> None:
    assert field not in extractor.extract_case(text), text


NOT_KNOWN_CONTROLS = [
    ("brain mets: none", {"brain_metastases": False}),
    ("brain mets, 3 lesions on MRI", {"brain_metastases": True}),
    ("brain metastases, unsure about the adrenal", {"brain_metastases": True}),
    ("Brain mets present; EGFR status unknown", {"brain_metastases": True}),
    ("ECOG 2... no clue about brain mets", {"ecog": 2}),
    ("on alectinib... not sure", {"prior_tkis": ["alectinib"]}),
    ("L1196M detected, unsure what to give next", {"alk_mutations": ["L1196M"]}),
]


@pytest.mark.parametrize(("text", "fields"), NOT_KNOWN_CONTROLS)
def test_a_doubt_about_something_else_leaves_the_finding(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# 2. a relative's history
RELATIVES = [
    "Progressed on brigatinib.\n[x] Diabetes (sister)\n[x] Heart failure - uncle",
    "[X] diabetes mellitus (maternal aunt)",
    "Comorbidities: COPD, diabetes (father, aged 60), ILD",
    "Progressed on brigatinib.\nFHx:\n* diabetes\n* ischaemic heart disease (dad)\n",
    "Family history -\n- type 2 diabetes\n- Mother: heart failure\n- stroke",
]


@pytest.mark.parametrize("text", RELATIVES)
def test_a_relatives_history_is_not_the_patients(text: str) -> None:
    found = extractor.extract_case(text)
    assert "diabetes" not in found.get("comorbidities", []), (text, found)
    assert "cardiovascular_disease" not in found.get("comorbidities", []), (text, found)


RELATIVES_CONTROLS = [
    ("[x] Diabetes", {"comorbidities": ["diabetes"]}),
    ("[x] Diabetes\n[x] Heart failure (mother)", {"comorbidities": ["diabetes"]}),
    ("Family history:\n- stroke\n\nPMH:\n- diabetes", {"comorbidities": ["diabetes"]}),
    ("Family history:\n- stroke (brother)\nPast medical history: type 2 diabetes", {"comorbidities": ["diabetes"]}),
    ("FHx:\n- stroke\nShe has diabetes on metformin.", {"comorbidities": ["diabetes"]}),
    ("Diabetes; her mother had a stroke", {"comorbidities": ["diabetes"]}),
]


@pytest.mark.parametrize(("text", "fields"), RELATIVES_CONTROLS)
def test_the_patients_own_history_beside_a_relatives_is_read(text: str, fields: dict) -> None:
    assert_reads_exactly(text, fields)


# 3. a question answered no
ANSWERED_NO = [
    ("On lorlatinib since 2024. Any CNS mets? None.", {"brain_metastases": False}),
    ("Does he have brain metastases? Nope.", {"brain_metastases": False}),
    ("Is he symptomatic? no - MRI done for staging only", {"symptomatic": False}),
    ("Leptomeningeal spread? nil", {"leptomeningeal": False}),
    ("Any previous chemotherapy? Negative.", {"prior_chemotherapy": False}),
    ("Previous immunotherapy? no", {"prior_immunotherapy": False}),
    ("Was there leptomeningeal disease on the MRI? No.", {"leptomeningeal": False}),
]


@pytest.mark.parametrize(("text", "fields"), ANSWERED_NO)
def test_a_question_answered_no_states_the_denial(text: str, fields: dict) -> None:
    assert_reads(text, fields)
    assert not extractor.message_asks(text), text


ANSWERED_NO_CONTROLS = [
    ("Any CNS mets? No clue.", "brain_metastases"),
    ("Does he have brain metastases? No, not imaged yet.", "brain_metastases"),
    ("Any brain mets? No, but I would like an MRI.", "brain_metastases"),
    ("Any brain mets? No change from before.", "brain_metastases"),
    ("Any new brain mets? No.", "brain_metastases"),
    ("Should we start lorlatinib? No.", "prior_tkis"),
    ("Lorlatinib? No.", "prior_tkis"),
    ("Chemo? No.", "prior_chemotherapy"),
    ("Brain mets? Yes or no?", "brain_metastases"),
]


@pytest.mark.parametrize(("text", "field"), ANSWERED_NO_CONTROLS)
def test_an_unsure_or_therapy_no_records_nothing(text: str, field: str) -> None:
    assert field not in extractor.extract_case(text), text


def test_a_yes_still_states_and_each_answer_keeps_to_its_question() -> None:
    assert_reads("Any CNS mets? Yes, two small ones.", {"brain_metastases": True})
    assert_reads("Leptomeningeal spread? yes", {"leptomeningeal": True})
    assert_reads("Any liver mets? No. Brain mets? Yes.", {"brain_metastases": True})
    assert_reads("Any brain mets? None. ECOG 1.", {"brain_metastases": False, "ecog": 1})
    # a key's value asked back and answered is the key's: the answer after it still read
    assert_reads("Trial screen: squamous? No - adenocarcinoma on the 2021 core.", {"histology": "adenocarcinoma"})


# 4. an ALK negative beside a positive test of the diagnosis is not the diagnosis's
ALK_NOT_MIS_SIGNED = [
    ("ALK IHC negative. NB: initial FISH (2020) positive.", None),
    ("ALK NGS negative; baseline FISH was positive", None),
    ("ALK FISH negative. Remark: the diagnostic ALK IHC 2019 was positive.", True),
]


@pytest.mark.parametrize(("text", "value"), ALK_NOT_MIS_SIGNED)
def test_an_alk_negative_beside_a_positive_diagnostic_test_is_not_the_diagnosis(text: str, value: bool | None) -> None:
    assert_reads(text, {"alk_positive": value})


ALK_CONTROLS = [
    ("ALK FISH negative", {"alk_positive": False}),
    ("ALK IHC negative. Diagnostic IHC positive for TTF-1.", {"alk_positive": False}),
    ("Initial ALK FISH 2020 positive", {"alk_positive": True}),
]


@pytest.mark.parametrize(("text", "fields"), ALK_CONTROLS)
def test_an_alk_result_alone_is_read_as_before(text: str, fields: dict) -> None:
    assert_reads(text, fields)
