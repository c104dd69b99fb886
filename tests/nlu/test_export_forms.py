"""Structured exports pasted into a chat (bot/nlu/exports.py, tick_boxes.py): the findings the reader reads in prose
are read in the export's own form too (HL7 OBX rows, a delimited table's header over its row, drop-downs, a form's
answered questions, a lone ticked box, a dated lettered history), and the form's non-statements stay unread (an
unticked box, an empty cell, N/A, a superseded or void row, several patients' rows, a single question with a reply)."""

from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads

read = extractor.extract_case


# ---- HL7 v2 OBX / NTE segments ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,fields", [
    ("OBX|1|ST|ALKIHC^ALK immunohistochemistry^LN||Positive, diffuse||||||F", {"alk_positive": True}),
    ("OBX|4|NM|TPS^PD-L1 TPS 22C3^L||35|%|||||F", {"pdl1_tps": 35}),
    ("OBX|2|NM|PS^ECOG^L||1||||||F", {"ecog": 1}),
    ("OBX|1|NM|CLCR^Creatinine clearance (Cockcroft-Gault)^L||31|mL/min|>60|L|||F", {"comorbidities": ["renal_impairment"]}),
    ("OBX|3|ST|HX^Histology^L||Squamous cell carcinoma, keratinising||||||F", {"histology": "squamous"}),
])
def test_an_obx_row_reads_its_observation_and_value(text, fields):
    assert_reads(text, fields)


def test_a_corrected_obx_row_supersedes_the_earlier_row_of_the_same_observation():
    text = "OBX|2|NM|PDL1^PD-L1 TPS^L||5|%||||||F\nOBX|2|NM|PDL1^PD-L1 TPS^L||40|%||||||C"
    assert read(text).get("pdl1_tps") == 40
    text = "OBX|1|ST|ECOG^ECOG^L||1||||||P\nOBX|1|ST|ECOG^ECOG^L||2||||||F"
    assert read(text).get("ecog") == 2


def test_a_void_or_retracted_obx_row_states_nothing():
    assert "ecog" not in read("OBX|1|NM|ECOG^ECOG^L||3||||||X")  # result cannot be obtained
    assert "pdl1_tps" not in read("OBX|1|NM|PDL1^PD-L1 TPS^L||80|%||||||D")  # deleted
    # the later row of the same observation withdraws the earlier value
    text = "OBX|3|ST|MUT^ALK mutation^L||L1196M||||||F\nOBX|3|ST|MUT^ALK mutation^L||withdrawn - sample mix-up||||||C"
    assert "alk_mutations" not in read(text)


def test_different_observations_in_one_message_both_stand():
    text = "OBX|1|NM|PDL1^PD-L1 TPS^L||20|%||||||F\nOBX|2|NM|ECOG^ECOG^L||0||||||F"
    assert_reads(text, {"pdl1_tps": 20, "ecog": 0})


def test_an_obx_row_that_asks_or_defers_states_nothing():
    assert "ecog" not in read("OBX|1|ST|ECOG^ECOG^L||not assessed||||||F")
    assert "pdl1_tps" not in read("OBX|1|ST|PDL1^PD-L1 TPS^L||pending||||||P")
    assert "alk_positive" not in read("OBX|1|ST|ALK^ALK FISH^L||||||||F")  # empty value


def test_a_note_segment_reads_as_its_comment():
    assert_reads("NTE|1||Patient declined rebiopsy.", {"biopsy": "none"})
    assert_reads("OBX|1|NM|ECOG^ECOG^L||1||||||F\nNTE|1||On alectinib since 2022", {"ecog": 1, "prior_tkis": ["alectinib"]})


# ---- a delimited table's header over its one row ---------------------------------------------------------------------

@pytest.mark.parametrize("text,fields", [
    ("pt_id,brain_mets,lmd,steroids\n7781,Y,N,N", {"brain_metastases": True, "leptomeningeal": False}),
    ("visit\tECOG\tbrain\nC3D1\t2\tno mets", {"ecog": 2, "brain_metastases": False}),
    ("histology;ALK;ECOG\nadenocarcinoma;positive;1", {"histology": "adenocarcinoma", "alk_positive": True, "ecog": 1}),
    ("Export: subject,lmd,brain_mets\n0042,yes,yes", {"leptomeningeal": True, "brain_metastases": True}),
])
def test_a_header_is_read_over_its_single_row(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize("text,fields", [
    ("field,value\necog,2\nbiopsy,none", {"ecog": 2, "biopsy": "none"}),
    ("row,item,value\n1,ALK_status,POS\n2,ECOG,1\n3,PD_pattern,", {"alk_positive": True, "ecog": 1}),
])
def test_a_table_of_names_and_values_is_read_row_by_row(text, fields):
    assert_reads(text, fields)


def test_an_empty_cell_states_nothing():
    found = read("subject,brain_mets,lmd\n0042,,N")
    assert "brain_metastases" not in found and found.get("leptomeningeal") is False
    assert "ecog" not in read("name,value\necog,\nbiopsy,tissue")


def test_several_rows_under_one_header_are_not_read_as_one_patient():
    # a worksheet of several patients: which row is this one is not the table's to say
    found = read("initials,brain_mets,ecog\nAB,yes,0\nCD,no,2")
    assert "brain_metastases" not in found and "ecog" not in found


def test_prose_lines_with_commas_are_no_table():
    text = "Seen today, stable, ECOG 1\nMRI, CT and bloods, all fine"
    assert read(text).get("ecog") == 1


# ---- drop-downs ------------------------------------------------------------------------------------------------------

def test_a_drop_down_arrow_is_no_part_of_its_value():
    assert_reads("Brain: no ▼", {"brain_metastases": False})
    assert_reads("Histology: Squamous ▼ | ECOG: 2 ▼", {"histology": "squamous", "ecog": 2})


def test_an_edited_drop_down_keeps_its_new_value():
    text = "Histology (edited): Adenocarcinoma ▼ -> changed to: Squamous ▼"
    assert read(text).get("histology") == "squamous"


def test_an_unselected_drop_down_states_nothing():
    assert "ecog" not in read("ECOG: ▼")
    assert "histology" not in read("Histology: -- select -- ▼")


# ---- a form's questions answered after their question marks ------------------------------------------------------------

def test_answered_form_questions_are_read():
    assert_reads("Any brain mets? N. Lepto? N. Chemo before? Y.", {"brain_metastases": False, "leptomeningeal": False})
    assert_reads("Prior IO? No; Prior chemo? Yes", {"prior_immunotherapy": False, "prior_chemotherapy": True})


def test_a_single_question_with_a_reply_is_left_as_written():
    assert "prior_chemotherapy" not in read("Chemo? No - not yet.")
    assert read("Brain mets? no idea. Lepto? not sure.") == {}


# ---- a lone ticked box -----------------------------------------------------------------------------------------------

def test_a_lone_ticked_box_answers_its_item_yes():
    assert_reads("Diabetes [x]\nILD [ ]", {"comorbidities": ["diabetes"]})
    assert_reads("Leptomeningeal disease: [x]", {"leptomeningeal": True})
    assert_reads("Hyperlipidaemia ☒ (on statin)", {"comorbidities": ["hyperlipidemia"]})


def test_a_lone_unticked_box_states_nothing():
    assert read("Diabetes [ ]\nILD/pneumonitis [ ]") == {}
    assert "leptomeningeal" not in read("Leptomeningeal disease: [ ]")


def test_a_relatives_row_with_a_ticked_box_is_not_the_patients():
    assert "comorbidities" not in read("Family history - mother: diabetes [x]")


# ---- a dated lettered history is a record, not answer options -----------------------------------------------------------

def test_dated_lettered_rows_are_a_treatment_history():
    text = (
        "Prior TKIs:\n  a) brigatinib 02/2019-08/2021 - stopped: rash G3\n  b) lorlatinib 09/2021-11/2025 - stopped: PD\n"
        "ECOG: 1"
    )
    assert_reads(text, {"prior_tkis": ["brigatinib", "lorlatinib"], "ecog": 1})


def test_lettered_answer_options_still_state_nothing():
    text = "Which next? a) lorlatinib b) brigatinib c) chemo"
    assert "prior_tkis" not in read(text)


# ---- an order not yet acted on ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,field", [
    ("Order entry:\nTest: plasma ctDNA panel (FoundationOne Liquid)\nStatus: Ordered - not yet drawn", "biopsy"),
    ("Order set 'Brigatinib start' - lipase, BP log, CXR. Status: Draft, unsigned.", "prior_tkis"),
    ("Orders:\nCT-guided liver core biopsy\nOrder status: awaiting signature", "biopsy"),
])
def test_an_order_not_yet_acted_on_changes_nothing(text, field):
    assert field not in read(text)


def test_an_order_acted_on_and_the_history_before_an_unsigned_order_still_stand():
    assert_reads("Order: lorlatinib 100 mg daily\nStatus: signed, dispensed 11/02", {"prior_tkis": ["lorlatinib"]})
    text = "Progressed on alectinib.\n\nOrder set: 'Lorlatinib start' - lipids, ECG. Status: Draft."
    assert read(text).get("prior_tkis") == ["alectinib"]


# ---- an empty leader and a form's current-therapy field ------------------------------------------------------------------

def test_a_leader_before_no_value_states_nothing():
    assert "ecog" not in read("ECOG ..........\nPS ......... n/a")


def test_the_current_regimen_field_is_the_last_tki_whatever_line_names_it_first():
    text = "Current regimen: BRIGATINIB 180 mg daily\nPrevious regimens: CRIZOTINIB 250 mg bid (2019-06 -> 2021-01, PD)"
    assert read(text).get("prior_tkis") == ["crizotinib", "brigatinib"]


# ---- relatives' rows -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "relative,condition\nbrother,type 2 diabetes",
    "Relation | Diagnosis\nMother | interstitial lung disease",
    "Family history:\nHyperlipidaemia [x]\nDiabetes [ ]",
    "Diabetes (father) [x]",
])
def test_a_relatives_row_or_ticked_box_is_not_the_patients(text):
    assert "comorbidities" not in read(text)


def test_the_patients_own_boxes_after_a_family_paragraph_still_stand():
    text = "Family history:\nHyperlipidaemia [x]\n\nComorbidities:\nDiabetes [x]"
    assert read(text).get("comorbidities") == ["diabetes"]


def test_a_variant_tables_single_row_is_left_to_the_result_patterns():
    assert read("Gene | Type | Detail\nRET | rearrangement | KIF5B-RET").get("bypass_alterations") == ["RET_fusion"]
