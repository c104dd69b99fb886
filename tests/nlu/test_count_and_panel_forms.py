"""Three conventions of how clinicians and reports state the extent of brain disease and a resistance panel:

- a stated count of one to four brain lesions, with no size or treatment said, is the schema's limited CNS disease
  (few lesions, the number radiosurgery classically treats), in spoken and shorthand forms, the count before or after
  the lesions; never lesions elsewhere, a denial, a question, a supposition or another person's lesions, and not
  beside leptomeningeal disease or lesions said not amenable to radiosurgery;
- a MET/CEP7 ratio or MET copy number stated as a bare number, read by the published definitions the phrase file
  cites: amplification only where every one of them says so, MET_gain where they disagree, nothing below;
- a panel that denies two or more bypass genes, or bypass alterations as a class, is bypass_alterations []: tested,
  none found; one gene denied says nothing of the others, and a question or a result still to come is no panel.

Each class has several phrasings and its near-misses. None is a sentence of the independent phrasing sets."""
from __future__ import annotations

import pytest

from bot.decision import decide
from bot.nlu import extractor
from tests.decision.conftest import case, fired
from tests.nlu.reads import assert_reads, assert_reads_exactly, assert_reads_other_than

# ---- 1. a count of one to four brain lesions -----------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "1 brain met",
    "one brain metastasis on the restaging MRI",
    "Now 2 new brain mets, asymptomatic, body stable.",
    "three new cerebral metastases",
    "MRI found four new brain lesions.",
    "single brain met",
    "A solitary cerebellar metastasis.",
    "pd on ceritinib at 2 brain lesions, rest stable",
    "Only one new intracranial lesion.",
    "Status post radiosurgery of 2 cerebral metastases in 09/2024.",
    "2 treated brain mets, no new lesions",
    # the count after the lesions, in shorthand
    "brain mets x2, asx",
    "Brain mets x 3.",
    "Brain mets 2, stable.",
    "brain lesions (n=3)",
    "cerebral metastases: 2",
    "brain met x1 on MRI",
    # the count after a brain-only progression or in a brain scan's finding
    "PD brain only, 1 met, body stable.",
    "progression in the brain with 2 new lesions",
    "MRI brain: 3 new lesions.",
    "Brain MRI shows two new enhancing foci.",
    # the lesions a radiosurgery request names are stated
    "Request for SRS to 3 new brain metastases.",
    "Prior authorisation submitted for radiosurgery for 2 brain metastases.",
])
def test_a_count_of_one_to_four_brain_lesions_is_limited(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "limited"})


@pytest.mark.parametrize("text", [
    "2 liver mets",
    "three new bone lesions",
    "MRI brain clear; CT: 2 new lesions in the liver.",
    "brain mets 2019",
    "Brain mets 2 cm, single.",  # the size is no count; "single" after it is not read either
    "brain mets 2 years ago, treated",
    "brain mets 4+",
    "5 brain mets",
])
def test_lesions_elsewhere_or_a_number_that_is_no_count_are_not_limited(text):
    assert_reads_other_than(text, {"cns_lesions": "limited"})


@pytest.mark.parametrize("text", [
    "No new brain mets.",
    "MRI: no brain metastases; 2 liver lesions.",
    "If there were 2 brain mets, would you give SRS and continue alectinib?",
    "What would you do with 3 new brain mets on lorlatinib?",
    "Her mother had 2 brain metastases from breast cancer.",
    "MRI planned to look for brain metastases.",
    "CT head to exclude 2 brain metastases.",
])
def test_a_denial_question_supposition_or_another_person_is_no_count(text):
    assert_reads(text, {"cns_lesions": None})


@pytest.mark.parametrize("text", [
    "Two brain mets and new leptomeningeal enhancement.",
    "1 brain met, LMD on CSF cytology",
    "new diffuse leptomeningeal enhancement and two parenchymal lesions",
])
def test_a_count_beside_leptomeningeal_disease_is_not_limited(text):
    assert_reads(text, {"leptomeningeal": True, "cns_lesions": None})


@pytest.mark.parametrize("text", [
    "2 brain mets, not amenable to SRS (brainstem).",
    "3 brain mets, not suitable for radiosurgery",
    "2 new brain mets plus more than 10 smaller lesions",
])
def test_a_count_beside_lesions_not_amenable_or_many_is_extensive(text):
    assert_reads(text, {"cns_lesions": "extensive"})


def test_a_count_said_with_no_leptomeningeal_disease_stays_limited():
    assert_reads("Two brain mets, no leptomeningeal enhancement.",
                 {"cns_lesions": "limited", "leptomeningeal": False})


@pytest.mark.parametrize("text", [
    "Brain MRI: stable treated R cerebellar met, no new lesions.",
    "the irradiated frontal met remains stable",
])
def test_one_stable_treated_lesion_keeps_its_reading(text):
    assert_reads(text, {"cns_lesions": "limited"})


@pytest.mark.parametrize("text", [
    "On alectinib 2 yrs, now 2 new brain mets, asymptomatic, body stable. No headache. No LMD.",
    "brigatinib 1L, PD brain only 1 met, stable body, asx, no leptomeningeal disease",
])
def test_a_counted_brain_only_progression_is_decided_as_limited_cns_disease(text):
    found = extractor.extract_case(text)
    assert found.get("cns_lesions") == "limited" and found.get("progression") == "cns_only", found
    rec = decide(case(**found))
    assert "S2" in fired(rec), (text, fired(rec))
    assert rec["status"] == "recommendation", rec["status"]


# ---- 2. a MET/CEP7 ratio or MET copy number stated as a number ----------------------------------------------------


@pytest.mark.parametrize("text,read", [
    # amplified by every cited definition (ratio >= 4, copy number >= 6)
    ("MET/CEP7 ratio 6.2 by FISH.", "MET_amplification"),
    ("MET:CEP7 = 4.5", "MET_amplification"),
    ("MET/CEP7 ratio of 10", "MET_amplification"),
    ("MET copy number of 9 by NGS.", "MET_amplification"),
    ("MET CN 12", "MET_amplification"),
    ("MET GCN 6.0 (NGS)", "MET_amplification"),
    ("MET amplification (CN 8)", "MET_amplification"),
    # amplified by some, below the trials' cut-offs: the lesser finding, never amplification
    ("MET/CEP7 ratio 2.5", "MET_gain"),
    ("MET/CEP7 3.1 by FISH", "MET_gain"),
    ("MET CN 5", "MET_gain"),
    ("MET copy number 4.4 copies per cell", "MET_gain"),
    ("MET GCN 6.4, MET/CEP7 1.3", "MET_gain"),  # polysomy: copies raised, the ratio below 2
    ("MET/CEP7 ratio 1.1, mean MET copy number 7", "MET_gain"),
])
def test_a_ratio_or_copy_number_is_read_by_the_cited_definitions(text, read):
    assert_reads_exactly(text, {"bypass_alterations": [read]})


@pytest.mark.parametrize("text", [
    "MET CN 3",
    "MET copy number 2",
    "MET/CEP7 ratio 1.2",
    "MET/CEP7 >= 2 defines amplification in the trial.",
    "MET CN 6 or more is required for the trial.",
    "MET CN 5, not amplified",
    "MET/CEP7 2.5, equivocal",
    "If the MET/CEP7 ratio were 6, would you add crizotinib?",
    "MET copy number 9 pending",
])
def test_a_normal_number_a_criterion_a_report_call_or_a_question_is_no_amplification(text):
    assert_reads_other_than(text, {"bypass_alterations": ["MET_amplification"]})
    found = extractor.extract_case(text)
    assert "MET_amplification" not in found.get("bypass_alterations", []), (text, found)


def test_the_reports_own_call_decides_over_the_number():
    assert_reads_exactly("MET/CEP7 ratio 2.1, amplified", {"bypass_alterations": ["MET_amplification"]})
    assert_reads_exactly("MET copy number 3 (not amplified).", {})


def test_a_copy_number_beside_immunohistochemistry_is_amplification_and_overexpression_as_stated():
    # the text states both: the copy number (amplification) and IHC 3+ (overexpression, a caveat only)
    assert_reads_exactly("MET copy number of 9 by NGS, with MET IHC 3+ in 80% of cells.",
                         {"bypass_alterations": ["MET_amplification", "MET_overexpression"]})
    assert_reads_exactly("MET IHC 3+", {"bypass_alterations": ["MET_overexpression"]})


def test_met_amplification_by_number_reaches_the_met_rule():
    found = extractor.extract_case("Rebiopsy (tissue): MET/CEP7 ratio 7.1, no ALK mutation.")
    assert found.get("bypass_alterations") == ["MET_amplification"], found
    assert "M5" in fired(decide(case(**found)))


# ---- 3. a panel with no bypass alteration --------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "No MET, EGFR, KRAS, BRAF or PIK3CA alterations found on the progression panel.",
    "NGS negative for MET, KRAS and EGFR.",
    "negative for EGFR/KRAS/BRAF",
    "No EGFR or KRAS mutations.",
    "MET, EGFR and KRAS: none detected.",
    "no bypass drivers identified",
    "no bypass",
    "no other actionable drivers",
    "no targetable co-alterations",
    "No actionable co-mutations on the rebiopsy NGS.",
])
def test_a_panel_denying_bypass_genes_or_the_class_is_an_empty_bypass_list(text):
    assert_reads(text, {"bypass_alterations": []})


def test_one_gene_denied_says_nothing_of_the_others():
    assert_reads("no MET amplification", {"bypass_alterations": None})
    assert_reads("MET not amplified by FISH.", {"bypass_alterations": None})


@pytest.mark.parametrize("text,found", [
    ("No MET or EGFR alterations; KRAS G12C detected.", ["KRAS_G12C"]),
    ("MET amplification; no other bypass.", ["MET_amplification"]),
    ("EGFR L858R. No MET, KRAS or BRAF alterations.", ["EGFR_mutation"]),
])
def test_a_bypass_stated_beside_the_denial_is_the_reading(text, found):
    assert_reads(text, {"bypass_alterations": found})


@pytest.mark.parametrize("text", [
    "any bypass?",
    "Any MET or EGFR alterations?",
    "bypass results awaited",
    "no bypass results yet",
    "no MET/EGFR testing yet",
    "If there were no MET or EGFR alterations, would you give lorlatinib?",
    "Her sister's tumour had no EGFR or KRAS mutation.",
])
def test_a_question_a_pending_result_or_another_person_is_no_panel(text):
    assert_reads(text, {"bypass_alterations": None})


@pytest.mark.parametrize("text", [
    "TP53 R273H and CDKN2A loss; no bypass drivers identified",
    "TP53 p.R273H; no MET, EGFR or KRAS alterations",
])
def test_a_tp53_co_mutation_beside_no_bypass_driver_stays_a_caveat_finding(text):
    # TP53 is a knowledge-base finding with no implication (a caveat only): the panel found it and no bypass driver
    assert_reads(text, {"bypass_alterations": ["TP53_mutation"]})


@pytest.mark.parametrize("text", [
    "MET amplification (FISH MET/CEP7 ratio 3.1)",
    "MET amplified; MET/CEP7 ratio 2.4",
])
def test_the_reports_amplification_beside_a_lower_number_is_amplification_alone(text):
    # the laboratory's call refines the gain a bare number in the disputed range reads
    assert_reads_exactly(text, {"bypass_alterations": ["MET_amplification"]})
