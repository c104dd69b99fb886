"""Structured exports pasted into a chat, second set (bot/nlu/exports.py): diagnosis codes of a problem list written as
their conditions (only the codes whose condition is certain and known), lines of therapy flattened into "LOTn=" rows,
an order's status (ordered: not done yet), and the relatives' words of a table or a lone ticked box taken from the
phrase table. Negative controls: an unknown or partial code, a relative's row, an ordered test or drug, an empty line."""

from __future__ import annotations

import pytest

from bot.nlu import extractor, vocabulary
from bot.nlu import exports
from tests.nlu.reads import assert_reads

read = extractor.extract_case


# ---- diagnosis codes ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,fields", [
    ("Billing codes: C34.12, C79.31, E78.5", {"brain_metastases": True}),
    ("Dx codes -> C34.11 / C79.31 (active)", {"brain_metastases": True}),
    ("Coded problems: C34.90 ; C79.32 (new 12/2025)", {"leptomeningeal": True}),
    ("Encounter diagnoses: J84.10; I10", {"comorbidities": ["interstitial_lung_disease"]}),
    ("Past problems - J70.4 (2023, on brigatinib)", {"comorbidities": ["interstitial_lung_disease"]}),
    ("Codes on the admission: Z33.1, C34.30", {"pregnancy_status": "pregnant"}),
])
def test_a_known_diagnosis_code_reads_its_condition(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize("text,field", [
    ("Billing codes: C34.12, C78.7, C79.51", "brain_metastases"),  # liver and bone: no field of their own
    ("Codes: C79.319", "brain_metastases"),  # not a code of the map (a longer code)
    ("Codes: C79.3", "brain_metastases"),  # brain and meninges together: not certain which
    ("Codes: J84.0", "comorbidities"),  # alveolar conditions: not the interstitial disease itself
    ("Codes: Z33.2", "pregnancy_status"),  # not a pregnant state
    ("Mother: C79.31 (2019)", "brain_metastases"),  # a relative's code
    ("Problem list (her brother): C79.31", "brain_metastases"),
])
def test_an_unknown_partial_or_relatives_code_reads_nothing(text, field):
    assert field not in read(text)


def test_a_code_is_rewritten_as_words_in_place():
    assert exports.codes("ICD C79.31; C78.7") == [(4, 10, "brain metastases")]
    assert exports.codes("variant C1156Y, lab code C79.310") == []


# ---- lines of therapy flattened into rows ------------------------------------------------------------------------------

def test_a_flattened_line_stopped_for_toxicity_reads_the_intolerance():
    text = "Therapy export\nLOT1=CRIZOTINIB;2018-01;2018-06;TOX:hepatitis G3\nLOT2=ALECTINIB;2018-07;2024-11;PD"
    case = read(text)
    assert case.get("prior_tkis") == ["crizotinib", "alectinib"]
    assert case.get("intolerant_tkis") == ["crizotinib"]
    text = "line_1=BRIGATINIB;2020-02;2021-01;toxicity\nline_2=LORLATINIB;2021-02;ongoing;"
    case = read(text)
    assert case.get("intolerant_tkis") == ["brigatinib"]
    assert "lorlatinib" in case.get("prior_tkis", [])


def test_a_flattened_line_stopped_for_progression_or_empty_reads_no_intolerance():
    case = read("LOT1=ALECTINIB;2019-03;2023-08;PD\nLOT2=;;;")
    assert case.get("prior_tkis") == ["alectinib"]
    assert "intolerant_tkis" not in case
    assert "intolerant_tkis" not in read("LOT1=LORLATINIB;2022-05;2025-01;progression")


def test_an_empty_flattened_line_is_dropped_and_a_full_one_written_out():
    rewrite = extractor.load().rewrite
    assert rewrite("LOT3=;;;").text == ""
    assert rewrite("LOT1=ALECTINIB;2021-09;2022-02;TOX:rash").text == (
        "LOT1: ALECTINIB 2021-09 to 2022-02, stopped for toxicity: rash"
    )


# ---- an order's status: ordered is not done ----------------------------------------------------------------------------

@pytest.mark.parametrize("text,biopsy", [
    ("Specimens:\n- Adrenal core: taken 12/02\n- cfDNA: ordered, not yet drawn", "tissue"),
    ("Liquid biopsy: Ordered\nTissue: obtained 11/28 (liver)", "tissue"),
])
def test_an_ordered_specimen_is_not_one_taken(text, biopsy):
    assert read(text).get("biopsy") == biopsy


def test_an_ordered_plasma_test_alone_reads_no_biopsy():
    assert "biopsy" not in read("Plasma NGS: ordered")
    assert "biopsy" not in read("ctDNA NGS: Ordered")


# ---- the relatives' words of a table come from the phrase table -------------------------------------------------------

def test_the_relatives_pattern_is_the_phrase_tables():
    pattern = exports.relatives(vocabulary.table()["other_people"])
    for word in ("Mother", "grandfather", "Relation", "FHx", "maternal", "siblings", "family"):
        assert pattern.search(f"row: {word}"), word
    for word in ("someone", "transfusion", "mothership", "parenteral", "familial"):
        assert not pattern.fullmatch(word), word


def test_a_relatives_table_or_ticked_box_still_reads_nothing():
    assert read("relation,ALK,brain_mets\nsister,positive,yes") == {}
    assert "comorbidities" not in read("Hypertension (paternal grandmother) [x]")


# ---- an HL7 note after a run of results: the specimen they were found in ----------------------------------------------

def test_a_note_after_the_results_gives_their_progression_specimen():
    text = (
        "OBX|1|ST|FUS^ALK rearrangement (RNA NGS)^L||EML4-ALK variant 1 detected||||||F\n"
        "OBX|2|ST|KD^ALK resistance mutations^L||None detected||||||F\n"
        "NTE|1||cfDNA drawn at progression on alectinib"
    )
    case = read(text)
    assert case.get("alk_fusion_at_progression") is True
    assert case.get("alk_fusion_specimen") == "plasma"
    text = (
        "OBX|1|ST|FUS^ALK fusion^L||Present (EML4 exon 13 - ALK exon 20)||||||F\n"
        "NTE|1||Specimen: pleural core biopsy taken at progression on brigatinib"
    )
    case = read(text)
    assert case.get("alk_fusion_at_progression") is True
    assert case.get("alk_fusion_specimen") == "tissue"


def test_a_note_of_a_diagnostic_specimen_reads_no_result_at_progression():
    text = "OBX|1|ST|FUS^ALK fusion^L||Detected||||||F\nNTE|1||Diagnostic bronchoscopic biopsy, 2020"
    assert "alk_fusion_at_progression" not in read(text)


def test_notes_between_rows_stay_each_rows_own():
    text = "OBX|1|ST|A^ALK fusion^L||Detected||||||F\nNTE|1||first row's note\nOBX|2|NM|B^ECOG^L||1||||||F"
    rewritten = extractor.load().rewrite(text).text
    assert rewritten.index("first row's note") > rewritten.index("ALK fusion")
    rewritten = extractor.load().rewrite("OBX|1|ST|A^ALK fusion^L||Detected||||||F\nNTE|1||at progression").text
    assert rewritten.startswith("at progression:\nALK fusion: Detected")


# ---- a variant table parted by commas, semicolons or tabs: each row's variant is its own gene's -----------------------

@pytest.mark.parametrize("text", [
    "Variant calls: gene,hgvs_p,vaf\nALK,p.G1202R,12.5\nTP53,p.R248Q,40.1",
    "Gene;Protein change;VAF\nALK;p.G1202R;12%\nKRAS;p.G13D;4%",
    "Gene\tVariant\tAF\nALK\tG1202R\t0.12\nPIK3CA\tH1047R\t0.30",
])
def test_a_variant_tables_other_gene_row_is_not_an_alk_mutation(text):
    assert read(text).get("alk_mutations") == ["G1202R"]


def test_a_variant_table_with_only_another_genes_row_reads_no_alk_mutation():
    assert "alk_mutations" not in read("gene,change,vaf\nTP53,p.R273H,31.0\nRB1,p.Q702*,12.0")


# ---- a whitespace-aligned table of results ----------------------------------------------------------------------------

def test_an_aligned_table_with_a_result_column_reads_each_row_as_its_value():
    text = "Molecular results\nAssay                 Result           Comment\nALK FISH              Positive         42% split\nROS1 FISH             Negative"
    assert read(text).get("alk_positive") is True
    text = "Item            Value\nECOG PS         2\nHistology       Squamous cell carcinoma"
    case = read(text)
    assert case.get("ecog") == 2
    assert case.get("histology") == "squamous"


def test_an_aligned_dated_grid_reads_each_rows_value():
    text = "Results (newest first)\n10/05/2025  Brain MRI         No metastases\n09/30/2025  ECOG              1"
    case = read(text)
    assert case.get("brain_metastases") is False
    assert case.get("ecog") == 1


def test_an_aligned_relatives_row_or_a_table_without_a_value_column_reads_nothing():
    assert "alk_positive" not in read("Test               Result\nSister ALK IHC     Positive")
    # no column says which cell is the value: left as written
    assert exports.aligned("Site        Size      Change\nliver       12 mm     new lesion", exports.relatives(
        vocabulary.table()["other_people"])) == []
    # one dated row alone is no grid
    assert exports.aligned("10/05/2025  Brain MRI   No metastases", exports.relatives(
        vocabulary.table()["other_people"])) == []


def test_a_table_whose_gene_column_is_not_first_is_left_as_written():
    # the rows are samples (a diagnostic tissue one among them): which is this progression's is not the table's to say
    text = "sample,type,gene,change\nA,tissue,ALK,EML4-ALK\nB,plasma,ALK,G1202R"
    assert extractor.load().rewrite(text).text == text


# ---- orders still to come, and a reconciliation's stopped drugs ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Order: brigatinib 90 mg daily x7d then 180 mg - Status: Ordered",
    "Rx awaiting insurance approval: Alunbrig 180 mg",
    "Prescription (pending): lorlatinib 100 mg once daily",
    "Orders:\n- Orders: lorlatinib 100 mg | status: scheduled",
])
def test_an_order_still_to_come_is_no_therapy_given(text):
    case = read(text)
    assert "prior_tkis" not in case
    assert "current_therapy" not in case


def test_a_completed_order_is_left_as_written():
    assert extractor.load().rewrite("Order: alectinib 600 mg bid - Status: Completed").text == (
        "Order: alectinib 600 mg bid - Status: Completed"
    )
    assert read("Order: alectinib 600 mg bid - Status: Completed").get("prior_tkis") == ["alectinib"]


@pytest.mark.parametrize("text", [
    "Med rec at discharge\nCONTINUE: alectinib 600 mg bid\nSTOP: itraconazole (infection treated)",
    "Medication changes:\n- Discontinued: ketoconazole\n- Continue: brigatinib",
])
def test_a_reconciliations_stopped_strong_inhibitor_is_not_taken(text):
    assert read(text).get("strong_cyp3a_inhibitor") is not True


def test_a_stop_reason_field_is_no_stopped_drug():
    assert exports.orders("Stop reason: toxicity") == []
    assert exports.orders("Stop date: 2024-03-01") == []
    assert exports.orders("Discontinued: yes (rash)") == []
    assert exports.orders("Stopped: PD 03/2024") == []


# ---- a table of therapies, one a row ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Medications (export)\nmedication,start_date,end_date,reason_stopped\nCrizotinib,2017-02-01,2017-05-20,hepatitis G3\n"
    "Alectinib,2017-06-01,,",
    "TKI;from;to;why stopped\ncrizotinib;2017;2017;hepatotoxicity G3\nalectinib;2017;2024;progression",
    "Drug            Start       Stop        Reason\ncrizotinib      2017-02     2017-05     QT prolongation\n"
    "alectinib       2017-06",
])
def test_a_table_of_therapies_reads_each_row_as_a_line(text):
    case = read(text)
    assert case.get("prior_tkis") == ["crizotinib", "alectinib"]
    assert case.get("intolerant_tkis") == ["crizotinib"]


def test_an_aligned_regimen_table_reads_its_chemotherapy():
    text = (
        "Regimens\nRegimen                    Cycles   Start        End          Reason\n"
        "CISPLATIN/PEMETREXED       6        2019-01-10   2019-05-02   Completed\n"
        "LORLATINIB                 -        2019-06-01   (active)"
    )
    case = read(text)
    assert case.get("prior_chemotherapy") is True
    assert case.get("prior_tkis") == ["lorlatinib"]


def test_a_table_of_therapies_of_several_patients_or_stopped_for_progression_reads_no_intolerance():
    text = "drug,patient_id,start,stop,reason\nalectinib,A1,2020,2021,rash G3\nalectinib,B7,2021,2023,PD"
    assert extractor.load().rewrite(text).text == text  # two patients' rows: left as written
    assert "intolerant_tkis" not in read("drug,start,stop,reason\nbrigatinib,2020-01,2023-02,PD")


@pytest.mark.parametrize("text", [
    "Gene | Alteration | VAF | Tier\nALK | EML4-ALK fusion (E6a/b;A20) | - | IA\nTP53 | p.R273H | 30% | IIC",
    "gene;event;copy number\nALK;EML4-ALK rearrangement;—\nMET;not amplified;2.1",
])
def test_a_variant_tables_dash_cell_is_no_negative_alk(text):
    assert read(text).get("alk_positive") is not False


def test_a_table_of_therapies_with_a_column_of_another_kind_is_left_as_written():
    text = "Drug,Adverse events,Reason stopped\nbrigatinib,hypertension G2,progression\nlorlatinib,oedema G1,"
    assert extractor.load().rewrite(text).text == text
    assert "intolerant_tkis" not in read(text)


def test_a_note_that_names_no_specimen_stays_where_it_stands():
    rewritten = extractor.load().rewrite("OBX|1|NM|PS^ECOG^L||1||||||F\nNTE|1||Seen with her husband today").text
    assert rewritten == "ECOG: 1\nSeen with her husband today"
