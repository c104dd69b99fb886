"""One test (at least) per rule of the clinical reference, named after the rule id.

Each builds the case the rule is about and checks what knowledge.md says the rule does: the status, the
preferred option, what must be offered, avoided or asked for, and that the rule appears in the trace.
"""
from __future__ import annotations

from bot.decision import decide
from tests.decision.conftest import case, fired, options, run


def preferred(rec: dict) -> list[str]:
    return [o["therapy"] for o in rec["preferred"]]


def avoided(rec: dict) -> list[str]:
    return [a["therapy"] for a in rec["avoid"]]


def caveat_ids(rec: dict) -> list[str]:
    return [c["id"].split(":")[0] for c in rec["caveats"]]


# ---- scope -------------------------------------------------------------------------------------------------------

def test_G0_alk_negative_is_out_of_scope():
    rec = run(alk_positive=False)
    assert rec["status"] == "out_of_scope" and fired(rec)[0] == "G0"
    assert not any(o.startswith(("lorlatinib", "alectinib", "brigatinib")) for o in options(rec))


def test_G0_alk_unconfirmed_offers_no_alk_directed_therapy_and_asks():
    rec = run(alk_positive=None, alk_mutations=["G1202R"])
    assert rec["status"] == "needs_information"
    assert rec["missing"][0] == "alk_positive"
    assert rec["preferred"] == [] and rec["alternatives"] == []
    assert "G0" in fired(rec)


def test_G0_no_fusion_and_no_mutation_at_progression_is_discordant():
    rec = run(alk_fusion_at_progression=False)
    assert rec["status"] == "needs_information" and fired(rec)[0] == "G0"
    assert preferred(rec) == ["molecular_tumor_board"]
    assert "lorlatinib" not in options(rec)


def test_G0_fusion_lost_but_mutation_found_is_not_discordant():
    rec = run(alk_fusion_at_progression=False, alk_mutations=["L1196M"])
    assert "G0" not in fired(rec) and preferred(rec) == ["lorlatinib"]


def test_G1_after_lorlatinib_is_out_of_scope_and_signposts_a_trial():
    rec = run(prior_tkis=["alectinib", "lorlatinib"])
    assert rec["status"] == "out_of_scope" and fired(rec)[0] == "G1"
    assert preferred(rec) == ["clinical_trial"]
    assert "platinum_pemetrexed" in options(rec)
    for tki in ("alectinib", "brigatinib", "ceritinib", "ensartinib"):
        assert tki not in options(rec)


def test_G1_with_L1198F_asks_a_tumour_board_about_crizotinib():
    rec = run(prior_tkis=["lorlatinib"], alk_mutations=["L1198F"])
    assert "molecular_tumor_board" in options(rec)
    assert "l1198f_crizotinib" in caveat_ids(rec)


def test_G2_crizotinib_only_is_out_of_scope_and_points_to_a_second_generation_tki():
    rec = run(prior_tkis=["crizotinib"])
    assert rec["status"] == "out_of_scope" and fired(rec)[0] == "G2"
    assert set(preferred(rec)) <= {"alectinib", "brigatinib", "ceritinib"} and preferred(rec)
    assert not {"platinum_pemetrexed", "abcp"} & set(preferred(rec))


def test_G2_crizotinib_only_with_G1202R_keeps_only_lorlatinib():
    rec = run(prior_tkis=["crizotinib"], alk_mutations=["G1202R"])
    assert preferred(rec) == ["lorlatinib"]
    assert {"alectinib", "brigatinib", "ceritinib"} <= set(avoided(rec))


def test_G2_no_tki_yet_is_first_line_and_out_of_scope():
    rec = run(prior_tkis=[])
    assert rec["status"] == "out_of_scope" and fired(rec)[0] == "G2" and rec["preferred"] == []


def test_G2_iruplinalkib_and_envonalkib_are_second_generation_class_for_sequencing():
    """Issue 17.11: a case after them runs the post-second-generation algorithm, not left without options."""
    for tki in ("iruplinalkib", "envonalkib"):
        for changes, rule in (({}, "M4"), ({"alk_mutations": ["G1202R"]}, "M2"), ({"progression": "oligoprogression"}, "S1")):
            rec = run(prior_tkis=[tki], **changes)
            assert rec["status"] == "recommendation" and fired(rec)[0] == rule, (tki, changes)
            assert rec["preferred"]
        rec = run(prior_tkis=["crizotinib", tki], alk_mutations=["I1171N"])
        assert preferred(rec) == ["lorlatinib"] and tki not in options(rec)


# ---- consistency -------------------------------------------------------------------------------------------------

def test_C0_findings_without_a_biopsy_are_contradictory():
    rec = run(biopsy="none", alk_mutations=["G1202R"])
    assert rec["status"] == "needs_information" and fired(rec)[0] == "C0"
    assert rec["preferred"] == [] and {"biopsy", "alk_mutations"} <= set(rec["missing"])


def test_C0_compound_with_one_mutation_and_cns_without_brain_mets():
    assert fired(run(compound=True, alk_mutations=["G1202R"]))[0] == "C0"
    assert fired(run(progression="cns_only", brain_metastases=False, cns_lesions="limited"))[0] == "C0"
    assert fired(run(progression="indolent", symptomatic=True))[0] == "C0"


# ---- performance status ------------------------------------------------------------------------------------------

def test_P1_poor_ps_disease_driven_gets_lorlatinib_and_no_chemotherapy():
    rec = run(ecog=3, goals_of_care="disease_directed", alk_mutations=[])
    assert fired(rec)[0] == "P1" and preferred(rec) == ["lorlatinib"]
    assert not {"platinum_pemetrexed", "abcp", "platinum_etoposide", "platinum_paclitaxel"} & set(options(rec))
    assert {"platinum_pemetrexed", "abcp"} <= set(avoided(rec))


def test_P1_unknown_goals_asks_for_them():
    rec = run(ecog=4)
    assert rec["status"] == "needs_information" and rec["missing"][0] == "goals_of_care"


def test_H1_small_cell_is_not_overridden_by_the_performance_status_rule():
    """Issue 17.5: platinum-etoposide also at ECOG 3 with disease-driven decline; never an ALK TKI alone."""
    for t in ("small_cell", "small_cell_mixed"):
        rec = run(ecog=3, goals_of_care="disease_directed", transformation=t)
        assert fired(rec)[0] == "H1" and preferred(rec) == ["platinum_etoposide"], t
        assert "lorlatinib" not in preferred(rec) and "alk_tki_monotherapy" in avoided(rec)
        assert {"platinum_pemetrexed", "abcp"} <= set(avoided(rec))  # the exception is platinum-etoposide only
    for changes in ({"ecog": 4, "goals_of_care": "disease_directed"}, {"ecog": 3, "goals_of_care": None}):
        rec = run(transformation="small_cell", **changes)
        assert fired(rec)[0] == "H1" and preferred(rec) == ["best_supportive_care"], changes
        assert "platinum_etoposide" in avoided(rec) and "platinum_etoposide" not in options(rec)
        assert not {"lorlatinib", "alectinib"} & set(options(rec))
    rec = run(ecog=3, goals_of_care="comfort", transformation="small_cell")
    assert fired(rec)[0] == "P2" and preferred(rec) == ["best_supportive_care"]


def test_P2_comfort_goals_get_best_supportive_care():
    rec = run(ecog=4, goals_of_care="comfort")
    assert fired(rec)[0] == "P2" and preferred(rec) == ["best_supportive_care"]
    assert "lorlatinib" not in preferred(rec)


# ---- histology ---------------------------------------------------------------------------------------------------

def test_H1_small_cell_transformation_gets_platinum_etoposide():
    rec = run(transformation="small_cell", alk_mutations=["G1202R"])
    assert fired(rec)[0] == "H1" and preferred(rec) == ["platinum_etoposide"]


def test_H1_mixed_histology_adds_a_tumour_board_on_keeping_the_tki():
    rec = run(transformation="small_cell_mixed")
    assert preferred(rec) == ["platinum_etoposide"] and "molecular_tumor_board" in options(rec)


# ---- pattern of progression --------------------------------------------------------------------------------------

def test_S1_oligoprogression_gets_local_therapy_whatever_the_biopsy():
    for mutations in ([], ["L1196M"], None):
        rec = run(progression="oligoprogression", alk_mutations=mutations)
        assert fired(rec)[0] == "S1" and preferred(rec) == ["local_therapy_continue_tki"], mutations
        assert "lorlatinib" in options(rec) and "biopsy" not in rec["missing"]


def test_S1_never_continues_a_tki_the_table_marks_resistant():
    """Invariant: 'continue' of the running TKI is never offered while that TKI is listed under avoid."""
    rec = run(progression="oligoprogression", alk_mutations=["G1202R"])
    assert fired(rec)[0] == "S1" and "alectinib" in avoided(rec)
    assert preferred(rec) == ["lorlatinib"] and "local_therapy_continue_tki" not in options(rec)


def test_S2_limited_cns_only_gets_radiosurgery_and_continue():
    rec = run(progression="cns_only", brain_metastases=True, cns_lesions="limited", leptomeningeal=False, symptomatic=False)
    assert rec["status"] == "recommendation" and fired(rec)[0] == "S2"
    assert preferred(rec) == ["local_therapy_continue_tki"] and "lorlatinib" in options(rec)


def test_S2_asks_about_symptoms_and_leptomeningeal_disease_when_unknown():
    rec = run(progression="cns_only", cns_lesions="limited")
    assert rec["status"] == "needs_information"
    assert {"leptomeningeal", "symptomatic"} <= set(rec["missing"])


def test_S3_extensive_symptomatic_or_leptomeningeal_cns_gets_lorlatinib():
    for detail in ({"cns_lesions": "extensive"}, {"cns_lesions": "limited", "symptomatic": True},
                   {"leptomeningeal": True}):
        rec = run(progression="cns_only", **detail)
        assert fired(rec)[0] == "S3" and preferred(rec) == ["lorlatinib"], detail


def test_S3_unknown_cns_extent_is_provisional_lorlatinib():
    rec = run(progression="cns_only")
    assert rec["status"] == "needs_information" and rec["missing"][0] == "cns_lesions"


def test_S4_indolent_progression_continues_the_tki():
    rec = run(progression="indolent", symptomatic=False)
    assert fired(rec)[0] == "S4" and preferred(rec) == ["continue_current_therapy"]
    assert "flare_risk" in caveat_ids(rec)


def test_S5_responding_on_chemotherapy_continues_it():
    rec = run(progression="none", current_therapy="chemotherapy")
    assert fired(rec)[0] == "S5" and preferred(rec) == ["continue_current_therapy"]
    assert "lorlatinib" in options(rec)


# ---- resistance findings -----------------------------------------------------------------------------------------

def test_M1_single_known_mutation_gets_lorlatinib():
    for mutation in ("L1196M", "I1171T", "C1156Y", "F1174L", "1151Tins", "E1210K"):
        rec = run(alk_mutations=[mutation])
        assert fired(rec)[0] == "M1" and preferred(rec) == ["lorlatinib"], mutation


def test_M1_I1171N_offers_a_mutation_consistent_second_gen_fallback_not_the_failed_drug():
    rec = run(alk_mutations=["I1171N"])
    alts = [a["therapy"] for a in rec["alternatives"]]
    assert "ceritinib" in alts and "alectinib" not in alts
    assert preferred(rec) == ["lorlatinib"]


def test_M1_never_offers_a_tki_the_table_marks_resistant():
    rec = run(alk_mutations=["F1174C"])  # ceritinib R, crizotinib R
    assert not {"ceritinib", "crizotinib"} & set(options(rec))
    assert {"ceritinib", "crizotinib"} <= set(avoided(rec))


def test_M2_G1202R_gets_lorlatinib_and_avoids_first_and_second_generation_tkis():
    rec = run(alk_mutations=["G1202R"])
    assert fired(rec)[0] == "M2" and preferred(rec) == ["lorlatinib"]
    assert {"crizotinib", "ceritinib", "alectinib", "brigatinib"} <= set(avoided(rec))


def test_M3_compound_mutations_go_to_a_trial():
    rec = run(alk_mutations=["G1202R", "L1196M"], compound=True)
    assert fired(rec)[0] == "M3" and preferred(rec) == ["clinical_trial"]
    assert "lorlatinib" not in options(rec), "G1202R+L1196M is described as lorlatinib-resistant"
    assert "platinum_pemetrexed" in options(rec)


def test_M3_unlisted_compound_pair_keeps_lorlatinib_as_an_alternative():
    rec = run(alk_mutations=["I1171T", "G1269A"], compound=True)
    assert preferred(rec) == ["clinical_trial"] and "lorlatinib" in options(rec)


def test_M3_two_mutations_of_unknown_phase_ask_for_it():
    rec = run(alk_mutations=["G1202R", "L1196M"])
    assert rec["status"] == "needs_information" and rec["missing"][0] == "compound"


def test_M3_separate_clones_are_treated_as_single_mutations():
    rec = run(alk_mutations=["G1202R", "L1196M"], compound=False)
    assert fired(rec)[0] == "M2" and preferred(rec) == ["lorlatinib"]


def test_M4_tissue_negative_gets_lorlatinib_with_equal_chemotherapy_alternatives():
    rec = run()
    assert fired(rec)[0] == "M4" and preferred(rec) == ["lorlatinib"]
    assert {"platinum_pemetrexed", "abcp"} <= set(options(rec))


def test_M4_unreported_bypass_is_asked_for():
    rec = run(bypass_alterations=None)
    assert rec["status"] == "needs_information" and "bypass_alterations" in rec["missing"]


def test_M5_MET_amplification_gets_dual_inhibition_via_trial_or_board():
    rec = run(bypass_alterations=["MET_amplification"])
    assert fired(rec)[0] == "M5" and preferred(rec) == ["alk_tki_plus_met_inhibitor"]
    assert "clinical_trial" in options(rec)


def test_M6_other_bypass_gets_chemotherapy_and_never_a_kras_inhibitor_alone():
    rec = run(bypass_alterations=["KRAS_G12C"])
    assert fired(rec)[0] == "M6" and preferred(rec) == ["platinum_pemetrexed"]
    assert "kras_inhibitor_monotherapy" in avoided(rec)


def test_M6_no_implication_finding_does_not_change_the_rule():
    rec = run(bypass_alterations=["TP53_mutation"])
    assert fired(rec)[0] == "M4"


def test_M7_plasma_negative_asks_for_tissue():
    rec = run(biopsy="plasma")
    assert rec["status"] == "needs_information" and fired(rec)[0] == "M7"
    assert preferred(rec) == ["lorlatinib"] and "biopsy" in rec["missing"]


def test_M7_plasma_positive_mutation_is_used_with_a_caveat():
    rec = run(biopsy="plasma", alk_mutations=["G1202R"])
    assert fired(rec)[0] == "M2" and "plasma_only_mutation" in caveat_ids(rec)


def test_M8_no_testing_gets_lorlatinib_and_advice_to_test():
    rec = run(biopsy="none", alk_mutations=None, bypass_alterations=None)
    assert fired(rec)[0] == "M8" and preferred(rec) == ["lorlatinib"]
    assert "testing_advised" in caveat_ids(rec) and rec["status"] == "recommendation"


def test_M9_impossible_residue_is_flagged_never_interpreted():
    rec = run(alk_mutations=["G2032R"])
    assert fired(rec)[0] == "M9" and rec["status"] == "needs_information"
    assert preferred(rec) == ["molecular_tumor_board"]
    assert any("1,620" in c["text"] for c in rec["caveats"])


def test_M9_wrong_reference_residue_is_flagged():
    rec = run(alk_mutations=["A1202R"])  # ALK has G at 1202
    assert fired(rec)[0] == "M9" and any("ALK has G" in r["because"] for r in rec["rationale"])


def test_M9_unknown_but_possible_variant_goes_to_the_board_then_proceeds_as_M4():
    rec = run(alk_mutations=["G1128A"])
    assert fired(rec)[:2] == ["M9", "M4"]
    assert preferred(rec) == ["molecular_tumor_board"] and "lorlatinib" in options(rec)
    assert rec["status"] == "recommendation"


def test_M1_tabled_mutation_with_unknown_lorlatinib_call_is_on_target_with_a_caveat():
    """Issue 17.2: G1202del, D1203N (and any tabled row with an unknown lorlatinib call) decide by M1, not M9."""
    for mutation in ("G1202del", "D1203N", "G1123S", "L1256F", "L1196Q", "T1151M"):
        rec = run(alk_mutations=[mutation])
        assert fired(rec)[0] == "M1" and preferred(rec) == ["lorlatinib"], mutation
        assert "M9" not in fired(rec) and rec["status"] == "recommendation"
        assert "lorlatinib_call_unknown" in caveat_ids(rec), mutation
    assert "lorlatinib_call_unknown" not in caveat_ids(run(alk_mutations=["L1196M"]))


def test_M9_unknown_variant_beside_G1202R_keeps_the_G1202R_reasoning():
    rec = run(alk_mutations=["G1202R", "G1128A"], compound=False)
    assert fired(rec)[:2] == ["M9", "M2"] and "brigatinib" in avoided(rec)


# ---- modifiers ---------------------------------------------------------------------------------------------------

def test_X1_always_avoids_pd1_monotherapy_and_egfr_tki_even_with_high_pdl1():
    for c in (case(pdl1_tps=90), case(prior_tkis=["lorlatinib"]), case(alk_positive=False)):
        rec = decide(c)
        assert {"pd1_pdl1_monotherapy", "egfr_tki"} <= set(avoided(rec)) and "X1" in fired(rec)


def test_X1_a_second_generation_switch_is_never_preferred():
    rec = run(prior_tkis=["alectinib"], alk_mutations=["I1171T"], strong_cyp3a_inducer=True)
    assert not {"ceritinib", "brigatinib"} & set(preferred(rec))


def test_X2_squamous_histology_removes_pemetrexed_and_bevacizumab():
    rec = run(histology="squamous")
    assert "X2" in fired(rec)
    assert not {"platinum_pemetrexed", "abcp"} & set(options(rec))
    assert "platinum_paclitaxel" in options(rec)
    assert {"platinum_pemetrexed", "abcp"} <= set(avoided(rec))


def test_X2_squamous_with_other_bypass_promotes_a_squamous_compatible_option():
    rec = run(histology="squamous", bypass_alterations=["KRAS_mutation"])
    assert preferred(rec) == ["platinum_paclitaxel"]


def test_X3_strong_cyp3a_inducer_caveat_on_lorlatinib():
    rec = run(strong_cyp3a_inducer=True)
    assert "X3" in fired(rec) and "cyp3a_inducer" in caveat_ids(rec)
    assert "strong_cyp3a_inducer" in run(strong_cyp3a_inducer=None)["missing"]


def test_X4_lorlatinib_toxicity_caveats_are_stronger_with_comorbidities():
    plain = run()
    assert "X4" in fired(plain) and any(c["id"].startswith("lorlatinib_") for c in plain["caveats"])
    rec = run(comorbidities=["hyperlipidemia", "psychiatric_history"])
    assert {"lipids_comorbidity", "psychiatric_comorbidity"} <= set(caveat_ids(rec))
    assert "X4" not in fired(run(progression="oligoprogression"))


def test_X5_eu_label_caveat_after_first_line_brigatinib():
    rec = run(prior_tkis=["brigatinib"], region="EU")
    assert "X5" in fired(rec) and "eu_label" in caveat_ids(rec)
    assert "X5" not in fired(run(prior_tkis=["alectinib"], region="EU"))
    assert "X5" not in fired(run(prior_tkis=["brigatinib"], region="US"))
    assert "X5" in fired(run(prior_tkis=["ensartinib"], region="DE"))


def test_no_caveat_or_sentence_has_an_unfilled_placeholder():
    for c in (case(prior_tkis=["brigatinib"], region="EU"), case(prior_tkis=["iruplinalkib"]),
              case(alk_mutations=["G2032R", "G1123S"], bypass_alterations=["FOO_fusion", "TP53_mutation"]),
              case(biopsy="none", alk_mutations=["G1202R"]), case(bypass_alterations=["KRAS_G12C"])):
        rec = decide(c)
        texts = [x["text"] for x in rec["caveats"]] + [r["because"] for r in rec["rationale"]] + \
                [o["why"] for o in rec["preferred"] + rec["alternatives"]]
        for text in texts:
            assert "{" not in text and "?" not in text.replace("?)", ""), text
