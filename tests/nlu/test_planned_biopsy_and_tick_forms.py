"""Three misreadings mended as classes of phrasing, each with the near-misses that must keep their reading; written
from how oncology notes word plans, histories and checklists, not from the independent sets.

- A biopsy still to come (planned, advised, needed, its time ahead) has no result: it is not this progression's
  biopsy, whatever its kind; a biopsy done beside it keeps its reading.
- The biopsy the diagnosis was made on ("diagnosed by EBUS-TBNA in 2022", "EBUS 2021 at diagnosis") is not this
  progression's biopsy; one named as a re-biopsy or taken at or after progression is.
- A checklist question printed with its options ("Brain mets Y/N: N") or answered after a spaced three-dot leader
  ("Strong CYP3A inducer use ... N") reads its answer: N denied, Y present; one with no answer is left unread.
"""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads, assert_reads_exactly

# ---- a biopsy still to come: no biopsy read ------------------------------------------------------------------------

BIOPSY_TO_COME = [
    # a plan's item
    "re-biopsy planned",
    "plan CT-guided lung biopsy",
    "Plan: CT-guided core of the liver lesion",
    "plan: EBUS-TBNA to assess resistance",
    "plan for an ultrasound-guided liver core biopsy",
    "we plan a rebiopsy of the adrenal",
    # a need or advice
    "rebiopsy recommended",
    "liver biopsy advised before changing therapy",
    "re-biopsy needed to look for resistance",
    "Tissue rebiopsy is indicated.",
    "needs a rebiopsy",
    "will need a repeat EBUS",
    "MDT recommended a re-biopsy of the liver",
    "we would suggest a repeat biopsy",
    # arranged or awaited
    "will arrange a liver core biopsy next week",
    "to have bronchoscopy and biopsy next week",
    "she remains on brigatinib while we await the rebiopsy",
    "arranging an EBUS for next week",
    # its time ahead
    "Biopsy booked for 12/12",
    "rebiopsy next week",
    "rebiopsy of the left adrenal next week",
    "EBUS tomorrow",
    "liver biopsy on Monday",
    "CT-guided lung biopsy in 2 weeks",
    # a bracket naming the biopsy to come
    "Biopsy planned next week (EBUS of station 7) for resistance testing.",
]


@pytest.mark.parametrize("text", BIOPSY_TO_COME)
def test_a_biopsy_to_come_is_no_biopsy(text: str) -> None:
    assert_reads(text, {"biopsy": None})


@pytest.mark.parametrize("text, fields", [
    # a liquid biopsy done beside a tissue biopsy to come: the liquid one
    ("plasma NGS done, tissue biopsy planned", {"biopsy": "plasma"}),
    ("Guardant360: L1196M; liver biopsy booked for Thursday", {"biopsy": "plasma", "alk_mutations": ["L1196M"]}),
    ("ctDNA at progression: no ALK mutations; tissue rebiopsy recommended", {"biopsy": "plasma"}),
    ("plasma NGS negative, EBUS next week", {"biopsy": "plasma"}),
])
def test_a_biopsy_done_beside_one_to_come_is_read(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("text, fields", [
    # negative controls: a biopsy done, its result or its date told (past), or no biopsy planned
    ("re-biopsy (liver core, 03/2025): G1202R", {"biopsy": "tissue", "alk_mutations": ["G1202R"]}),
    ("rebiopsy 03/2025 showed G1202R", {"biopsy": "tissue"}),
    ("Liver biopsy after alectinib: L1196M", {"biopsy": "tissue"}),
    ("We arranged a liver biopsy; it showed G1202R", {"biopsy": "tissue"}),
    ("She needed a rebiopsy, which showed G1202R", {"biopsy": "tissue"}),
    ("rebiopsy done last week, NGS pending", {"biopsy": "tissue"}),
    ("no rebiopsy planned", {"biopsy": "none"}),
    # a plan on another line says nothing of the biopsy on the next
    ("Reason for admission: port placement and planned procedure\n\nRebiopsy at progression: MET amplified; "
     "ALK C1156Y.", {"biopsy": "tissue"}),
    ("Plan: restage in 8 weeks\nLiver biopsy 11/2025: G1202R", {"biopsy": "tissue"}),
    ("Re-biopsy: not done", {"biopsy": "none"}),
])
def test_a_biopsy_done_or_denied_keeps_its_reading(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# ---- the diagnosis's biopsy: not this progression's ---------------------------------------------------------------

DIAGNOSTIC_BIOPSY = [
    "diagnosed by EBUS-TBNA in 2022",
    "Diagnosed 2021 via CT-guided lung biopsy: adenocarcinoma, ALK IHC positive",
    "diagnosed in 2019 on EBUS (adenocarcinoma)",
    "ALK+ NSCLC diagnosed on a liver core biopsy in 2020",
    "Initial diagnosis (03/2020) by bronchoscopic biopsy: adenocarcinoma, ALK IHC 3+",
    "The diagnosis was made on a supraclavicular node FNA in 2021.",
    "EBUS at diagnosis 2021 showed adenocarcinoma, ALK FISH+",
    "EBUS 2021 at diagnosis",
    "core biopsy (diagnostic, 2020): ALK IHC positive",
    "dx by EBUS 2021, ALK IHC positive",
    # a report's diagnosis heading, in a message telling no progression nor resistance finding
    "FINAL DIAGNOSIS: Lung, right lower lobe, EBUS-FNA: adenocarcinoma. Ancillary: ALK IHC positive, ROS1 negative.",
    "ALK-positive NSCLC (adenocarcinoma, diagnosed 11/2025 on EBUS; EML4-ALK by NGS), alectinib planned.",
]


@pytest.mark.parametrize("text", DIAGNOSTIC_BIOPSY)
def test_the_diagnosis_biopsy_is_not_this_progression_biopsy(text: str) -> None:
    assert_reads(text, {"biopsy": None})


@pytest.mark.parametrize("text, fields", [
    # its histology is the diagnosis's, no transformation
    ("Diagnosed 2021 via CT-guided lung biopsy: adenocarcinoma, ALK IHC positive",
     {"histology": "adenocarcinoma", "transformation": None}),
    ("diagnosed in 2019 on EBUS (adenocarcinoma)", {"histology": "adenocarcinoma", "transformation": None}),
])
def test_the_diagnosis_biopsy_histology_is_no_transformation(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("text, fields", [
    # negative controls: the biopsy of this progression, beside the diagnosis's or alone
    ("EBUS at progression showed G1202R", {"biopsy": "tissue"}),
    ("Diagnosed by EBUS-TBNA in 2022. Re-biopsy after alectinib: G1202R", {"biopsy": "tissue"}),
    ("diagnosed by EBUS in 2021; progressed on alectinib; liver biopsy 11/2025: MET amplification",
     {"biopsy": "tissue"}),
    ("Diagnosed 2021 by EBUS, now progression on alectinib. EBUS repeated: L1196M", {"biopsy": "tissue"}),
    ("Small-cell transformation was diagnosed on a liver biopsy after alectinib",
     {"biopsy": "tissue", "transformation": "small_cell"}),
    ("SCLC transformation diagnosed by EBUS", {"biopsy": "tissue", "transformation": "small_cell"}),
    ("diagnosed with progression on alectinib; liver biopsy showed G1202R", {"biopsy": "tissue"}),
    ("Progression on alectinib diagnosed by liver biopsy: G1202R", {"biopsy": "tissue"}),
    ("EBUS 2021 at diagnosis; rebiopsy not done", {"biopsy": "none"}),
    # a report's "Diagnosis:" heading heads a re-biopsy's report too: this progression's when the message tells one
    ("FINAL DIAGNOSIS: Liver, core biopsy: carcinoma with small cell features, consistent with small cell carcinoma.",
     {"biopsy": "tissue", "transformation": "small_cell"}),
    ("Specimen: pleural fluid (cell block), collected after progression on brigatinib. Diagnosis: metastatic "
     "adenocarcinoma. ALK (D5F3) IHC: positive.", {"biopsy": "tissue", "transformation": "none"}),
    ("Diagnosis: liver core biopsy, adenocarcinoma with ALK G1202R", {"biopsy": "tissue"}),
])
def test_a_biopsy_at_progression_is_read_beside_the_diagnosis(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# ---- a checklist question with its printed options or a spaced leader ----------------------------------------------


@pytest.mark.parametrize("text, fields", [
    ("Brain mets Y/N: N", {"brain_metastases": False}),
    ("Brain mets Y/N: Y", {"brain_metastases": True}),
    ("Brain mets (Y/N): N", {"brain_metastases": False}),
    ("Brain metastases (yes/no): no", {"brain_metastases": False}),
    ("Brain mets [Y/N] - Y", {"brain_metastases": True}),
    ("Leptomeningeal disease Y/N: N", {"leptomeningeal": False}),
    ("Prior chemotherapy Y/N: N", {"prior_chemotherapy": False}),
    ("Prior chemotherapy (yes/no): yes", {"prior_chemotherapy": True}),
    ("Symptomatic Y/N: N", {"symptomatic": False}),
    ("Rebiopsy Y/N: N", {"biopsy": "none"}),
    ("Brain mets Y/N: N | ECOG 1", {"brain_metastases": False, "ecog": 1}),
    ("Concomitant strong CYP3A inducers Y/N: N", {"strong_cyp3a_inducer": False}),
])
def test_a_question_printed_with_its_options_reads_its_answer(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("text, fields", [
    ("Strong CYP3A inducer use ... N", {"strong_cyp3a_inducer": False}),
    ("Strong CYP3A inducer use ... Y", {"strong_cyp3a_inducer": True}),
    ("Strong CYP3A inducer use ... N (phenytoin stopped 2023)", {"strong_cyp3a_inducer": False}),
    ("Current use of strong CYP3A4 inducers ... N", {"strong_cyp3a_inducer": False}),
    ("Strong CYP3A inhibitor use … N", {"strong_cyp3a_inhibitor": False}),
    ("Strong CYP3A inducer use: N", {"strong_cyp3a_inducer": False}),
    ("Concomitant strong CYP3A inducers: N", {"strong_cyp3a_inducer": False}),
    ("Concomitant strong CYP3A inducers: Y", {"strong_cyp3a_inducer": True}),
    ("Brain mets ... N", {"brain_metastases": False}),
    ("Brain mets ... Y", {"brain_metastases": True}),
])
def test_a_checklist_row_after_a_spaced_leader_reads_its_answer(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("text", [
    "Brain mets Y/N:",
    "Brain mets Y/N",
    "Brain mets: Y/N",
    "Brain mets (Y/N) ___",
    "Brain mets: ___",
    "Strong CYP3A inducer use (Y/N):",
])
def test_a_question_with_no_answer_is_left_unread(text: str) -> None:
    assert_reads_exactly(text, {})


@pytest.mark.parametrize("text, fields", [
    # negative controls: an unanswered question beside an answered one, an ellipsis in chat, a long leader as before
    ("Brain mets: Y/N | ECOG 1", {"ecog": 1, "brain_metastases": None}),
    ("brain mets... no", {"brain_metastases": True}),
    ("brain mets... no idea how many", {"brain_metastases": True}),
    ("Leptomeningeal disease ........ Y", {"leptomeningeal": True}),
    ("Leptomeningeal disease ........ N", {"leptomeningeal": False}),
    ("on phenytoin ... no plans to stop it", {"strong_cyp3a_inducer": True}),
    ("Strong CYP3A inducer: phenytoin", {"strong_cyp3a_inducer": True}),
])
def test_chat_and_long_leaders_keep_their_reading(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("text", ["any brain mets y/n?", "Brain mets Y/N?", "lepto yes/no?"])
def test_options_asked_with_a_question_mark_still_ask(text: str) -> None:
    assert extractor.message_asks(text), text
    assert_reads_exactly(text, {})
