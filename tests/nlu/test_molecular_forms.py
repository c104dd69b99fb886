"""Molecular results as NGS, FISH and IHC reports and clinic notes state them: the ALK fusion found at progression (not
the diagnosis), which specimen each result comes from, what a denial covers (one alteration, or the whole class) and
MET amplification called so. Phrasings written from report layouts (Guardant360, FoundationOne CDx / Liquid CDx,
pathology reports with a "Specimen:" line) and ward shorthand; not from the independent sets."""

from __future__ import annotations

import itertools

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads, assert_reads_exactly, assert_reads_excluding, assert_reads_other_than

read = extractor.extract_case

# ---- class 1: an ALK fusion reported on a progression specimen is the fusion at progression ------------------------

FUSION_WORDS = ["EML4-ALK", "EML4-ALK fusion", "EML4-ALK v3", "ALK fusion detected", "ALK FISH positive",
                "ALK (D5F3) IHC: positive", "KIF5B-ALK fusion", "ALK rearranged by FISH"]
PLASMA_AT_PD = ["Guardant360 drawn at progression | Detected: ALK G1202R 0.3%; {f}",
                "FoundationOne Liquid CDx (blood drawn at PD). Tumour fraction 8%. Findings: {f}; ALK L1196M",
                "ctDNA at relapse: {f}, no ALK KD mutation"]
TISSUE_AT_PD = ["rebx liver NGS: {f}, ALK I1171N", "Progression core (adrenal): {f}",
                "PD in nodes; EBUS 7: adenocarcinoma; RNA panel: {f}", "tissue bx of the growing lung lesion: {f}",
                "Specimen: ascitic fluid cell block, obtained after progression on lorlatinib.\nDiagnosis: adenocarcinoma."
                "\n{f}."]


@pytest.mark.parametrize("text,specimen", [
    *((form.format(f=f), "plasma") for form, f in itertools.product(PLASMA_AT_PD, FUSION_WORDS[:4])),
    *((form.format(f=f), "tissue") for form, f in itertools.product(TISSUE_AT_PD, FUSION_WORDS)),
])
def test_a_fusion_reported_at_progression_is_the_fusion_at_progression(text, specimen):
    assert_reads(text, {"alk_fusion_at_progression": True, "alk_fusion_specimen": specimen, "alk_positive": None})


@pytest.mark.parametrize("text,fields", [
    # each result of a multi-specimen line to its own specimen
    ("plasma and tissue sent at PD; tissue: EML4-ALK, no ALK mutation; plasma: ALK G1202R 1.1%",
     {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue", "alk_mutations": ["G1202R"],
      "biopsy": "tissue_and_plasma"}),
    ("Both sent at progression | plasma (Guardant360): EML4-ALK 0.4%, ALK L1196M | tissue: pending",
     {"alk_fusion_at_progression": True, "alk_fusion_specimen": "plasma", "alk_mutations": ["L1196M"],
      "biopsy": "plasma"}),
    # the whole ALK gene clean on one specimen: the fusion not found there and no ALK mutation
    ("Guardant360 showed no detectable ALK alterations.",
     {"alk_fusion_at_progression": False, "alk_fusion_specimen": "plasma", "alk_mutations": [], "biopsy": "plasma"}),
    ("Plasma NGS at PD: no ALK alterations identified",
     {"alk_fusion_at_progression": False, "alk_fusion_specimen": "plasma", "alk_mutations": [], "biopsy": "plasma"}),
    ("rebiopsy panel: no ALK alterations detected",
     {"alk_fusion_at_progression": False, "alk_fusion_specimen": "tissue", "alk_mutations": [], "biopsy": "tissue"}),
    ("Re-biopsy of the adrenal at PD; RNA NGS failed to detect the ALK fusion.",
     {"alk_fusion_at_progression": False, "alk_fusion_specimen": "tissue", "biopsy": "tissue"}),
])
def test_each_result_goes_to_its_own_specimen(text, fields):
    assert_reads_exactly(text, fields)


@pytest.mark.parametrize("text,fields", [
    # ward notes write the ALK fusion as "fusion"
    ("lorla PD, rebx: adeno, fusion present, no KD mutation",
     {"prior_tkis": ["lorlatinib"], "biopsy": "tissue", "transformation": "none",
      "alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue", "alk_mutations": []}),
    ("fusion still positive on the rebiopsy", {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue",
                                               "biopsy": "tissue"}),
    ("fusion retained in tissue", {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue"}),
    ("no fusion detected in ctDNA", {"alk_fusion_at_progression": False, "alk_fusion_specimen": "plasma"}),
    ("plasma NGS negative for ALK fusion", {"alk_fusion_at_progression": False, "alk_fusion_specimen": "plasma",
                                            "biopsy": "plasma"}),
    ("the repeat FISH lost the ALK rearrangement", {"alk_fusion_at_progression": False, "alk_fusion_specimen": "tissue"}),
    ("ALK FISH negative on the rebx", {"alk_fusion_at_progression": False, "alk_fusion_specimen": "tissue",
                                       "biopsy": "tissue"}),
])
def test_ward_forms_of_the_fusion_at_progression(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize("text,fields", [
    # a report block under a heading that says progression, or the TKI the patient is on, line by line
    ("NGS at relapse (on brigatinib):\nFusion: EML4(ex6)-ALK(ex20) detected\nALK KD: no mutation\n",
     {"alk_fusion_at_progression": True, "alk_mutations": []}),
    ("Rebiopsy, right adrenal core:\nHistology: adenocarcinoma\nALK (D5F3) IHC: negative\nALK FISH: not rearranged\n",
     {"alk_fusion_at_progression": False, "alk_fusion_specimen": "tissue", "biopsy": "tissue"}),
    ("Molecular (liquid biopsy, patient on lorlatinib):\nEML4-ALK fusion 0.8%\nALK G1202R 0.5%\n",
     {"alk_fusion_at_progression": True, "alk_fusion_specimen": "plasma", "alk_mutations": ["G1202R"]}),
    # each section's result to its own specimen: found on one, not on the other, is found
    ("Workup at PD:\n- Tissue (liver core): EML4-ALK, MET amplification by FISH\n- Plasma: MET amplification not "
     "detected\n", {"bypass_alterations": ["MET_amplification"], "biopsy": "tissue_and_plasma"}),
    ("tissue: ALK L1196M | plasma: L1196M not detected", {"alk_mutations": ["L1196M"], "biopsy": "tissue_and_plasma"}),
    ("Tissue (supraclavicular node): ALK G1202R", {"alk_mutations": ["G1202R"], "biopsy": "tissue"}),
])
def test_report_blocks_and_sections(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize("text,field", [
    ("MET amplified, MET not amplified", "bypass_alterations"),  # one specimen (none named): still both ways
    ("tissue NGS: G1202R, and G1202R not detected on the same tissue", "alk_mutations"),
])
def test_a_finding_stated_both_ways_on_one_specimen_is_a_conflict(text, field):
    assert field in extractor.conflicts(extractor.load().entities(text)), text


@pytest.mark.parametrize("text", [
    "RET fusion present on the rebx", "PD on alectinib; rebiopsy: ROS1 fusion detected", "s/p spinal fusion, PD on alec",
    "Pathology report (EBUS 4R, 2021):\nFinal Dx: adenocarcinoma\nALK IHC (D5F3): positive\n",
])
def test_other_fusions_and_diagnostic_reports_are_not_the_alk_fusion_at_progression(text):
    assert_reads(text, {"alk_fusion_at_progression": None})


@pytest.mark.parametrize("text", [
    "ALK+ adenocarcinoma, alectinib 2020-2024, now PD",
    "Dx ALK+ (2019, D5F3+), PD on brigatinib",
    "EML4-ALK v3 at diagnosis; progressed on alectinib",
    "Progression on lorlatinib. The original biopsy showed EML4-ALK v1.",
    "PD on alectinib; EML4-ALK fusion-positive adenocarcinoma diagnosed 2018",
    "PD-L1 80%, EML4-ALK detected on the diagnostic EBUS",
    "Progressed on crizotinib; archival tissue: ALK FISH positive",
    "He had pembrolizumab before the ALK fusion was identified on NGS",
])
def test_the_diagnosis_stays_the_diagnosis(text):
    assert_reads(text, {"alk_positive": True, "alk_fusion_at_progression": None})


@pytest.mark.parametrize("text", [
    "RNA NGS did not detect the ALK fusion",
    "no ALK fusion",
])
def test_a_fusion_not_found_is_never_read_as_positive(text):
    assert_reads_other_than(text, {"alk_positive": True, "alk_fusion_at_progression": True})


# ---- class 2: a denied alteration says nothing of the rest of its list ------------------------------------------

@pytest.mark.parametrize("text,field,value", [
    *((f"{m} {neg}", "alk_mutations", m)
      for m, neg in itertools.product(["G1202R", "ALK L1196M", "I1171N"],
                                      ["not detected", "neg", "negative", "was not found", "absent"])),
    *((f"{neg} {m}", "alk_mutations", m)
      for m, neg in itertools.product(["G1202R", "ALK G1202R"], ["No", "negative for", "no evidence of"])),
    ("MET amp neg", "bypass_alterations", "MET_amplification"),
    ("MET not amplified", "bypass_alterations", "MET_amplification"),
    ("MET CN 1.9 (not amplified)", "bypass_alterations", "MET_amplification"),
    ("MET/CEP7 1.2 - non-amplified", "bypass_alterations", "MET_amplification"),
    ("MET gene copy number 2.2, within normal limits", "bypass_alterations", "MET_amplification"),
    ("no KRAS G12C", "bypass_alterations", "KRAS_G12C"),
    ("G1202R neg, L1196M neg, I1171N neg", "alk_mutations", "G1202R"),
])
def test_one_alteration_denied_leaves_the_list_unknown(text, field, value):
    case = read(text)
    assert field not in case, (text, case)  # never "tested, none found"
    found = [e for e in extractor.load().entities(text) if e.entity in ("alk_mutation", "bypass_alteration")]
    assert found and all(e.role == extractor.NEGATED for e in found), (text, found)


@pytest.mark.parametrize("text,fields", [
    ("no ALK mutation", {"alk_mutations": []}),
    ("no KD mutation", {"alk_mutations": []}),
    ("negative for ALK resistance mutations", {"alk_mutations": []}),
    ("no bypass drivers identified", {"bypass_alterations": []}),
    ("no other actionable alterations", {"bypass_alterations": []}),
    ("ctDNA negative", {"biopsy": "plasma", "alk_mutations": [], "bypass_alterations": []}),
    ("Liquid biopsy came back negative", {"biopsy": "plasma", "alk_mutations": [], "bypass_alterations": []}),
    ("rebx panel: no alterations other than the ALK fusion",
     {"biopsy": "tissue", "alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue", "alk_mutations": [],
      "bypass_alterations": []}),
    # a specific denial beside a finding of its list: the finding stands
    ("G1202R not detected; L1196M detected", {"alk_mutations": ["L1196M"]}),
    ("MET amp neg, RET fusion present", {"bypass_alterations": ["RET_fusion"]}),
    # a specific denial beside a whole-class denial: tested, none found
    ("G1202R not detected, no other ALK mutations", {"alk_mutations": []}),
])
def test_a_whole_class_denied_is_tested_and_empty(text, fields):
    assert_reads_exactly(text, fields)


@pytest.mark.parametrize("text", ["G1202R not detected", "No G1202R seen", "MET amp neg", "MET CN 2 (not amplified)",
                                  "not MET amplified"])
def test_a_denied_alteration_is_never_present(text):
    case = read(text)
    assert "G1202R" not in case.get("alk_mutations", []) and "MET_amplification" not in case.get(
        "bypass_alterations", []), (text, case)


@pytest.mark.parametrize("text,mutation", [
    ("an ALK mutation I've never seen, ALK T1151M", "T1151M"),
    ("Progressing on lorlatinib with an ALK mutation I've never seen, ALK T1151M.", "T1151M"),
    ("a variant we have never encountered (ALK T1151M) on the rebiopsy", "T1151M"),
    ("I've never seen ALK L1256F before; it came up on her liver core.", "L1256F"),
    ("never heard of ALK L1256F, but Guardant found it", "L1256F"),
    ("I have never come across T1151M - plasma NGS shows it at 2%.", "T1151M"),
    ("ALK T1151M, never seen before by our team", "T1151M"),
])
def test_the_clinicians_experience_does_not_deny_the_patients_finding(text, mutation):
    assert mutation in read(text).get("alk_mutations", []), text


@pytest.mark.parametrize("text", ["G1202R not seen before", "Never had G1202R.", "never seen G1202R on her biopsies",
                                  "G1202R: never seen", "G1202R never seen on any of her biopsies",
                                  "G1202R never detected"])
def test_never_seen_of_the_patient_still_denies(text):
    assert_reads_excluding(text, "alk_mutations", ["G1202R"])


@pytest.mark.parametrize("text", ["ctDNA negative?", "if ctDNA is negative, rebiopsy", "not ctDNA negative"])
def test_a_negative_panel_supposed_or_denied_states_nothing(text):
    assert_reads(text, {"alk_mutations": None, "bypass_alterations": None})


# ---- class 3: the specimen named by a result, not by a plan ------------------------------------------------------

@pytest.mark.parametrize("text,biopsy", [
    ("MET amplification on the progression core", "tissue"),
    ("ALK G1202R on the progressing node biopsy", "tissue"),
    ("ALK resistance mutations: none detected (tissue, DNA+RNA panel)", "tissue"),
    ("No ALK KD mutation (tissue; RNA panel)", "tissue"),
    ("MET amp on the growing liver core", "tissue"),
])
def test_a_result_names_its_specimen(text, biopsy):
    assert_reads(text, {"biopsy": biopsy})


@pytest.mark.parametrize("text,biopsy", [
    ("Re-bx: not feasible; plasma NGS sent", "plasma"),
    ("rebiopsy: declined. Guardant360: ALK G1202R", "plasma"),
])
def test_a_biopsy_not_done_is_no_tissue_biopsy(text, biopsy):
    assert_reads(text, {"biopsy": biopsy})


@pytest.mark.parametrize("text,biopsy", [
    ("Guardant360 negative; tissue bx to follow", "plasma"),
    ("tissue biopsy planned", None),
    ("will send tissue for NGS if possible", None),
    ("ctDNA: no ALK mutation; a core biopsy is being arranged", "plasma"),
    ("Biopsy: tissue pending", None),
    ("Rebiopsy: liquid biopsy requested, not yet done", None),
    ("Plan: request FoundationOne Liquid at the next progression", None),
])
def test_a_planned_biopsy_is_no_biopsy_done(text, biopsy):
    assert_reads(text, {"biopsy": biopsy})


# ---- class 4: a copy number called amplified ---------------------------------------------------------------------

@pytest.mark.parametrize("text", ["MET copy number gain 7.2 -- amplified", "MET CN gain 9, amplified",
                                  "MET copy-number gain of 11 (amplification)", "MET gene copy number gain 8: amplified"])
def test_a_copy_number_gain_called_amplified_is_amplification(text):
    assert_reads(text, {"bypass_alterations": ["MET_amplification"]})


@pytest.mark.parametrize("text", ["MET copy number gain 7.2", "MET CN 5", "MET/CEP7 ratio 3.5", "MET copy number gain",
                                  "MET CN gain 3.1, not amplified"])
def test_a_bare_copy_number_or_gain_is_not_amplification(text):
    assert_reads_excluding(text, "bypass_alterations", ["MET_amplification"])


# ---- shorthand of a variant and of the clones it sits in ---------------------------------------------------------

@pytest.mark.parametrize("text,alteration", [
    ("KRAS mut on the rebx", "KRAS_mutation"),
    ("ctDNA: pik3ca mut, low VAF", "PIK3CA_mutation"),
    ("braf mut (non-V600)", "BRAF_mutation"),
    ("NRAS mut detected", "NRAS_mutation"),
    ("egfr mut acquired", "EGFR_mutation"),
    ("EGFR ex19del at 2% on Guardant", "EGFR_mutation"),
    ("new EGFR exon19del in plasma", "EGFR_mutation"),
    ("EGFR del19 emerged", "EGFR_mutation"),
    ("EGFR 19del, ALK fusion retained", "EGFR_mutation"),
    ("EGFR ex20ins found on tissue", "EGFR_mutation"),
])
def test_a_variant_in_shorthand_is_the_alteration(text, alteration):
    assert alteration in read(text).get("bypass_alterations", []), text


@pytest.mark.parametrize("text", [
    "no EGFR ex19del",
    "EGFR ex19del not detected",
    "does EGFR ex19del matter here?",
    "was the pik3ca mut there before?",
])
def test_a_denied_or_asked_variant_in_shorthand_is_not_found(text):
    assert "bypass_alterations" not in read(text) or read(text)["bypass_alterations"] == [], text


@pytest.mark.parametrize("text,compound", [
    ("ALK G1202R + L1196M (cis)", True),
    ("ALK L1196M/G1202R (cis by phasing)", True),
    ("ALK G1202R + F1174L (trans)", False),
    ("ALK I1171N and G1202R - independent subclones", False),
    ("G1202R and L1196M, separate subclones on phasing", False),
    ("F1174L and D1203N in distinct clones", False),
])
def test_the_phase_of_two_mutations_in_brackets_or_clones(text, compound):
    assert_reads(text, {"compound": compound})


@pytest.mark.parametrize("text", [
    "ALK G1202R + L1196M (phase unknown)",
    "are G1202R and L1196M in cis?",
    "clonal architecture not resolved",
])
def test_an_unknown_phase_is_not_read(text):
    assert_reads(text, {"compound": None})


@pytest.mark.parametrize("text", [
    "MET gain (focal, high-level)",
    "High-level MET gain on the rebx",
    "focal high-level MET copy number gain",
    "Tissue NGS: MET copy-number gain (high-level, focal)",
])
def test_a_high_level_focal_met_gain_is_amplification(text):
    assert_reads(text, {"bypass_alterations": ["MET_amplification"]})


@pytest.mark.parametrize("text", ["low-level MET gain", "MET gain (polysomy 7)", "MET copy number gain"])
def test_a_low_level_met_gain_stays_a_gain(text):
    assert_reads(text, {"bypass_alterations": ["MET_gain"]})
