"""One test (at least) per rule of the clinical reference, named after the rule id.

Each builds the case the rule is about and checks what knowledge.md says the rule does: the status, the
preferred option, what must be offered, avoided or asked for, and that the rule appears in the trace.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from bot import knowledge
from bot.decision import decide
from bot.decision import engine as engine_module
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


# ---- issue 17: the hard cases, each over several cases, and the invariants every answer keeps ----------------------

KB = knowledge.default()
CHEMO = {rid for rid, r in KB.regimens.items() if r.kind in ("chemotherapy", "chemo_immunotherapy")}
CONTINUE = {rid for rid, r in KB.regimens.items() if r.kind in ("continue", "local")}


def possible_kinase_change(name: str) -> bool:
    """A change ALK's kinase domain can carry (right reference residue, inside the domain)."""
    ref, pos, _ = knowledge.parse_mutation(name) or (None, 0, "")
    wild = KB.reference_residue(pos)
    return KB.kinase_domain[0] <= pos <= KB.kinase_domain[1] and (ref is None or wild is None or wild == ref)


def table_resistant(c: dict) -> set[str]:
    """Every TKI regimen a row of the mutation table marks resistant for the case's mutations (recomputed from the
    YAML here, not from the engine): single rows, listed pairs among the mutations and, for two or more mutations
    not stated as separate clones, the compound default (an exact listed pair in cis replaces the rest)."""
    names = [KB.canonical_mutation(m) or m for m in c.get("alk_mutations") or []]
    tabled = [n for n in names if n in KB.mutations]
    names = [n for n in names if n in KB.mutations or possible_kinase_change(n)]  # a non-ALK variant is no member
    rows = []
    if len(names) >= 2 and c.get("compound") is not False:
        exact = KB.compounds.get(frozenset(names))
        rows += [exact.activity] if exact else [e.activity for p, e in KB.compounds.items() if p <= set(names)]
        if not exact:
            rows.append(KB.compound_default)
        if not (exact and c.get("compound") is True):
            rows += [KB.mutations[n].activity for n in tabled]
    else:
        rows += [KB.mutations[n].activity for n in tabled]
    drugs = {d for row in rows for d, cell in row.items() if cell.call == "resistant"}
    return {rid for rid, r in KB.regimens.items() if r.drug in drugs}


def check_invariants(c: dict, rec: dict) -> None:
    """Issue 17's invariants for one case and its answer (a reusable checker for any generated case)."""
    offered = set(options(rec))
    avoid = set(avoided(rec))
    assert not offered & avoid, f"offered and avoided: {offered & avoid}"
    assert not offered & table_resistant(c), f"resistant TKI offered: {offered & table_resistant(c)}"
    assert not {t for t in offered if KB.regimens[t].avoid_only}
    prior = c.get("prior_tkis") or []
    running = prior[-1] if prior and c.get("current_therapy") in (None, "alk_tki") else None
    if running and offered & CONTINUE:
        assert running not in avoid, "continue of a TKI listed under avoid"
    if c.get("current_therapy") == "none":
        assert not offered & CONTINUE, "continue offered with no therapy running"
    if c.get("ecog") is not None and c["ecog"] >= 3:
        exempt = (c["ecog"] == 3 and c.get("transformation") in ("small_cell", "small_cell_mixed")
                  and c.get("goals_of_care") == "disease_directed")
        assert not (CHEMO - ({"platinum_etoposide"} if exempt else set())) & offered
    if c.get("progression") not in (None, "none") and running:
        assert running not in offered, "the TKI the disease is progressing on is re-offered"
    assert not set(c.get("intolerant_tkis") or ()) & offered, "a TKI stopped for toxicity is re-offered"
    if c.get("progression") != "none" and c.get("current_therapy") == "chemo_immunotherapy":
        assert "abcp" not in offered
    if c.get("strong_cyp3a_inducer") and c.get("cyp3a_inducer_stoppable") is False:
        assert "lorlatinib" not in offered
    # A provisional option whenever one is safe: not for a contradictory case (C0) or unconfirmed ALK status (G0),
    # where nothing is built on the findings until they are corrected.
    if rec["status"] == "needs_information" and rec["rationale"][0]["rule"] not in ("C0", "G0"):
        assert rec["preferred"], "needs_information without a provisional option"


HARD_CASES = [
    case(prior_tkis=["ensartinib"], intolerant_tkis=["ensartinib"], progression="oligoprogression",
         alk_mutations=["L1196M"], current_therapy=None),
    case(prior_tkis=["crizotinib"], alk_mutations=["G2032R", "I1171S"], progression="oligoprogression"),
    case(prior_tkis=["crizotinib"], alk_mutations=["L1196Q"]),
    case(prior_tkis=["crizotinib"], alk_mutations=["T1151M"]),
    case(alk_mutations=["I1171N", "D1203N"], compound=True),
    case(alk_mutations=["I1171N", "F1174I"]),
    case(alk_mutations=["C1156Y", "L1198F"], compound=True, prior_tkis=["alectinib", "lorlatinib"]),
    case(alk_mutations=["G1202R", "L1196M", "G1269A"], compound=True),
    case(alk_mutations=["G1202del"]),
    case(prior_tkis=["alectinib", "lorlatinib"], ecog=4, goals_of_care="comfort"),
    case(prior_tkis=["alectinib", "lorlatinib"], progression="oligoprogression"),
    case(biopsy="plasma", alk_fusion_at_progression=False),
    case(transformation="small_cell", ecog=3, goals_of_care="disease_directed"),
    case(current_therapy="chemo_immunotherapy", prior_immunotherapy=True, prior_chemotherapy=True,
         bypass_alterations=["KRAS_G12C"]),
    case(comorbidities=["renal_impairment", "interstitial_lung_disease"], bypass_alterations=["EGFR_mutation"]),
    case(strong_cyp3a_inducer=True, cyp3a_inducer_stoppable=False, alk_mutations=["I1171N"]),
    case(intolerant_tkis=["alectinib"], current_therapy="none", progression="none"),
    case(current_therapy="none", progression="indolent"),
    case(bypass_alterations=["KRAS_mutation"], leptomeningeal=True, brain_metastases=True),
    case(prior_tkis=["envonalkib"], alk_mutations=["G1202R"]),
    case(bypass_alterations=["MET_gain"]),
    case(progression="oligoprogression", alk_mutations=["I1171T"], prior_tkis=["brigatinib"]),
]


def test_invariants_hold_on_the_hard_cases():
    for c in HARD_CASES:
        check_invariants(c, decide(c))


def test_invariant_checker_catches_what_it_claims():
    """The checker fails on answers that break each invariant (so passing means something)."""
    c = case(prior_tkis=["crizotinib"], alk_mutations=["L1196Q"])
    bad = decide(c)
    bad["preferred"].append({"therapy": "alectinib", "label": "x", "evidence": []})
    bad["avoid"] = [a for a in bad["avoid"] if a["therapy"] != "alectinib"]
    with pytest.raises(AssertionError, match="resistant TKI offered"):
        check_invariants(c, bad)
    c = case(current_therapy="none", progression="indolent")
    bad = decide(c)
    bad["alternatives"].append({"therapy": "continue_current_therapy", "label": "x", "evidence": []})
    bad["avoid"] = [a for a in bad["avoid"] if a["therapy"] != "continue_current_therapy"]
    with pytest.raises(AssertionError, match="no therapy running"):
        check_invariants(c, bad)
    c = case(strong_cyp3a_inducer=True, cyp3a_inducer_stoppable=False)
    bad = decide(c)
    bad["preferred"].insert(0, {"therapy": "lorlatinib", "label": "x", "evidence": []})
    bad["avoid"] = [a for a in bad["avoid"] if a["therapy"] != "lorlatinib"]
    with pytest.raises(AssertionError):
        check_invariants(c, bad)


def test_16_every_single_mutation_call_reaches_the_filter():
    """Issue 16.1: each resistant cell of every single row is avoided and never offered, whatever else is unknown,
    on every path that can offer TKIs (after crizotinib only, after a second-generation TKI, under poor PS)."""
    for name, m in KB.mutations.items():
        resistant = {KB.regimens[r].drug for r in table_resistant({"alk_mutations": [name]})}
        for c in (case(prior_tkis=["crizotinib"], alk_mutations=[name]), case(alk_mutations=[name]),
                  case(alk_mutations=[name], ecog=3, goals_of_care="disease_directed")):
            rec = decide(c)
            for drug in resistant:
                assert drug not in options(rec), (name, drug, c["prior_tkis"])
                if drug in options(decide(dict(c, alk_mutations=[]))):
                    assert drug in avoided(rec), (name, drug)
            check_invariants(c, rec)


def test_16_every_compound_row_is_reachable_and_its_calls_reach_the_filter():
    """Every listed pair (either order, in cis or of unknown phase) goes through M3 and its resistant calls are
    avoided, even when a member has no single row or an unknown lorlatinib call."""
    for pair, entry in KB.compounds.items():
        resistant = {d for d, cell in entry.activity.items() if cell.call == "resistant" and d in KB.regimens}
        for members in (list(entry.members), list(reversed(entry.members))):
            for phase in (True, None):
                c = case(alk_mutations=members, compound=phase)
                rec = decide(c)
                assert "M3" in fired(rec), (entry.name, phase, fired(rec))
                assert resistant <= set(avoided(rec)), (entry.name, resistant - set(avoided(rec)))
                assert entry.name in " ".join(a["reason"] for a in rec["avoid"])
                check_invariants(c, rec)


def test_17_1_compounds_never_get_a_second_generation_tki_for_one_sensitive_member():
    # I1171N alone: ceritinib sensitive, brigatinib intermediate (the fallback); in cis with anything: never.
    assert "ceritinib" in options(run(alk_mutations=["I1171N"]))
    for partner in ("D1203N", "F1174I", "L1198H", "G1269A", "E1210K"):
        for phase in (True, None):
            rec = run(alk_mutations=["I1171N", partner], compound=phase)
            assert fired(rec)[0] == "M3", partner
            assert not {"ceritinib", "brigatinib", "alectinib", "crizotinib", "ensartinib"} & set(options(rec))
    for pair in (["I1171N", "D1203N"], ["I1171N", "F1174I"], ["I1171N", "L1198H"], ["G1202R", "G1269A"],
                 ["G1202R", "L1198F"], ["G1202R", "L1196M"], ["C1156Y", "L1198F"]):
        rec = run(alk_mutations=pair, compound=True)
        assert "lorlatinib" in avoided(rec) and "lorlatinib" not in options(rec), pair
        assert preferred(rec) == ["clinical_trial"]


def test_17_1_unknown_phase_says_so_and_never_rests_on_an_avoided_lorlatinib():
    for pair in (["G1202R", "L1196M"], ["I1171N", "D1203N"], ["C1156Y", "L1198F"]):
        rec = run(alk_mutations=pair)
        assert rec["status"] == "needs_information" and rec["missing"][0] == "compound"
        assert "lorlatinib" in avoided(rec) and "lorlatinib" not in options(rec)
        assert "if in cis" in " ".join(a["reason"] for a in rec["avoid"])
    rec = run(alk_mutations=["I1171T", "G1269A"])  # unlisted pair: lorlatinib unknown, kept as an alternative
    assert "lorlatinib" in options(rec) and "lorlatinib" not in avoided(rec)


def test_17_1_C1156Y_L1198F_in_cis_after_lorlatinib_puts_crizotinib_to_a_tumour_board():
    rec = run(prior_tkis=["crizotinib", "alectinib", "lorlatinib"], alk_mutations=["C1156Y", "L1198F"], compound=True)
    assert {"molecular_tumor_board", "crizotinib"} <= set(options(rec))
    assert "l1198f_crizotinib" in caveat_ids(rec) and "lorlatinib" not in options(rec)
    rec = run(prior_tkis=["alectinib", "lorlatinib"], alk_mutations=["C1156Y", "G1269A"], compound=True)
    assert "crizotinib" not in options(rec)


def test_17_3_after_lorlatinib_the_other_rules_still_apply():
    after = {"prior_tkis": ["alectinib", "lorlatinib"]}
    rec = run(ecog=4, goals_of_care="comfort", **after)
    assert preferred(rec) == ["best_supportive_care"] and "clinical_trial" not in preferred(rec)
    rec = run(ecog=3, goals_of_care="disease_directed", **after)
    assert preferred(rec) == ["best_supportive_care"] and not CHEMO & set(options(rec))
    rec = run(transformation="small_cell", **after)
    assert preferred(rec) == ["platinum_etoposide"]
    for pattern in ("oligoprogression", "indolent", "none"):
        rec = run(progression=pattern, **after)
        assert preferred(rec)[0] in ("local_therapy_continue_tki", "continue_current_therapy"), pattern
        assert "lorlatinib" not in options(rec)
    rec = run(progression="cns_only", cns_lesions="limited", leptomeningeal=False, symptomatic=False, **after)
    assert preferred(rec) == ["local_therapy_continue_tki"]
    rec = run(bypass_alterations=["MET_amplification"], **after)
    assert fired(rec)[:2] == ["G1", "M5"] and preferred(rec) == ["alk_tki_plus_met_inhibitor"]
    rec = run(**after)
    assert rec["status"] == "out_of_scope" and preferred(rec) == ["clinical_trial"]
    text = " ".join(c["text"] for c in rec["caveats"])
    assert "neladalkib" in text.lower() and "2026" in text


def test_17_4_plasma_that_misses_the_fusion_is_not_alk_loss():
    for changes in ({"biopsy": "plasma"}, {"biopsy": "tissue_and_plasma", "alk_fusion_specimen": "plasma"}):
        rec = run(alk_fusion_at_progression=False, **changes)
        assert "G0" not in fired(rec) and "plasma_fusion_not_detected" in caveat_ids(rec), changes
        assert "lorlatinib" in options(rec)
    rec = run(alk_fusion_at_progression=False, biopsy="plasma")
    assert fired(rec)[0] == "M7" and "biopsy" in rec["missing"]
    for changes in ({"biopsy": "tissue"}, {"biopsy": "plasma", "alk_fusion_specimen": "tissue"}):
        rec = run(alk_fusion_at_progression=False, **changes)
        assert fired(rec)[0] == "G0" and "lorlatinib" not in options(rec), changes
    rec = run(alk_fusion_at_progression=False, biopsy=None)
    assert fired(rec)[0] == "G0" and "alk_fusion_specimen" in rec["missing"]


def test_17_6_never_re_offers_the_regimen_the_disease_is_progressing_on():
    for current, gone in (("chemotherapy", {"platinum_pemetrexed", "platinum_paclitaxel", "abcp"}),
                          ("chemo_immunotherapy", {"platinum_pemetrexed", "platinum_paclitaxel", "abcp"})):
        for bypass in (["KRAS_G12C"], []):
            rec = run(current_therapy=current, bypass_alterations=bypass)
            assert not gone & set(options(rec)), (current, bypass)
            assert rec["preferred"]
    rec = run(prior_immunotherapy=True, bypass_alterations=["KRAS_G12C"])
    assert "abcp" in avoided(rec) and "platinum_pemetrexed" in options(rec)
    rec = run(prior_tkis=["brigatinib"], alk_mutations=["I1171N"])
    assert "brigatinib" not in options(rec) and "ceritinib" in options(rec)
    assert "prior_platinum" in caveat_ids(run(prior_chemotherapy=True, bypass_alterations=["KRAS_G12C"]))


def test_17_7_comorbidities_act():
    rec = run(comorbidities=["renal_impairment"], bypass_alterations=["KRAS_G12C"])
    assert preferred(rec) == ["platinum_paclitaxel"] and "platinum_pemetrexed" in avoided(rec)
    assert "renal_platinum" in caveat_ids(rec)
    rec = run(comorbidities=["renal_impairment"], histology="squamous", bypass_alterations=["KRAS_mutation"])
    assert preferred(rec) == ["platinum_paclitaxel"]
    rec = run(comorbidities=["interstitial_lung_disease"])
    assert "abcp" in avoided(rec) and "abcp" not in options(rec) and "ild_tki" in caveat_ids(rec)
    for comorbidity, cav in (("hepatic_impairment", "hepatic_lorlatinib"), ("diabetes", "diabetes_lorlatinib"),
                             ("renal_impairment", "renal_lorlatinib")):
        rec = run(comorbidities=[comorbidity])
        assert cav in caveat_ids(rec) and "X7" in fired(rec), comorbidity
    rec = run(pregnancy_status="pregnant")
    assert "pregnancy_embryofetal" in caveat_ids(rec)
    rec = run(pregnancy_status="childbearing_potential")
    assert "contraception_lorlatinib" in caveat_ids(rec)
    assert "X7" not in fired(run(pregnancy_status="not_applicable"))


def test_17_8_an_inducer_that_cannot_be_stopped_removes_lorlatinib_from_the_headline():
    for changes in ({}, {"alk_mutations": ["G1202R"]}, {"alk_mutations": ["I1171N"]}, {"biopsy": "none"}):
        rec = run(strong_cyp3a_inducer=True, cyp3a_inducer_stoppable=False, **changes)
        assert "lorlatinib" in avoided(rec) and "lorlatinib" not in options(rec), changes
        assert rec["preferred"] and "X3" in fired(rec)
        assert not {"alectinib", "brigatinib", "ceritinib"} & set(preferred(rec))
    rec = run(strong_cyp3a_inducer=True, cyp3a_inducer_stoppable=True)
    assert preferred(rec) == ["lorlatinib"] and rec["preferred"][0]["why"].startswith("The patient takes a strong CYP3A")
    assert rec["caveats"][0]["id"] == "cyp3a_inducer"
    rec = run(strong_cyp3a_inducer=True)
    assert rec["status"] == "needs_information" and "cyp3a_inducer_stoppable" in rec["missing"]
    rec = run(strong_cyp3a_inhibitor=True)
    assert "cyp3a_inhibitor" in caveat_ids(rec)


def test_17_9_intolerance_is_not_resistance():
    for last, changes in (("alectinib", {"current_therapy": "none"}), ("brigatinib", {}),
                          ("alectinib", {"current_therapy": "none", "progression": "oligoprogression"})):
        rec = run(prior_tkis=[last], intolerant_tkis=[last], **changes)
        assert fired(rec)[0] == "T1" and preferred(rec) == ["lorlatinib"], (last, changes)
        assert last in avoided(rec) and set(options(rec)) & {"brigatinib", "alectinib", "ensartinib"}
        assert not CONTINUE & set(options(rec))
    rec = run(current_therapy="none", progression="none")
    assert preferred(rec) == ["lorlatinib"] and "intolerant_tkis" in rec["missing"]
    for pattern in ("indolent", "oligoprogression", "cns_only"):
        rec = run(current_therapy="none", progression=pattern, cns_lesions="limited", leptomeningeal=False,
                  symptomatic=False)
        assert not CONTINUE & set(options(rec)) and rec["preferred"], pattern
    assert fired(run(intolerant_tkis=["lorlatinib"]))[0] == "C0"


def test_17_10_brain_disease_with_systemic_progression_weighs_toward_lorlatinib():
    for cns in ({"brain_metastases": True}, {"leptomeningeal": True}, {"cns_lesions": "extensive"}):
        for bypass in (["KRAS_G12C"], ["BRAF_V600E"]):
            rec = run(bypass_alterations=bypass, **cns)
            assert preferred(rec) == ["lorlatinib"] and "X6" in fired(rec), (cns, bypass)
    assert preferred(run(bypass_alterations=["KRAS_G12C"])) == ["platinum_pemetrexed"]
    assert preferred(run(bypass_alterations=["KRAS_G12C"], brain_metastases=True,
                         progression="oligoprogression")) == ["local_therapy_continue_tki"]


def test_17_12_met_gain_is_not_met_amplification():
    for bypass in (["MET_gain"], ["met_gain"]):
        rec = run(bypass_alterations=bypass)
        assert "M5" not in fired(rec) and fired(rec)[0] == "M4"
        assert "alk_tki_plus_met_inhibitor" not in options(rec)
        assert any("MET/CEP7" in c["text"] for c in rec["caveats"])
    assert "M5" in fired(run(bypass_alterations=["MET_amplification"]))
    assert "MET gain" not in KB.bypass["MET_amplification"].names


def test_17_13_engine_holds_no_mutation_names_or_regimen_swaps():
    """Clinical content lives in bot/knowledge: the engine's source names no mutation and no chemotherapy swap."""
    source = Path(engine_module.__file__).read_text()
    for name in list(KB.mutations) + ["platinum_paclitaxel", "platinum_pemetrexed", "abcp", "kras_", "hyperlipidemia",
                                      "psychiatric_history", "ceritinib", "brigatinib", "egfr_tki", "pd1_pdl1"]:
        assert name not in source, name


# ---- added for issue 16 (mutation testing): tests that pin what the rule decides, not only that it asks -----------

def test_S3_uncharacterised_cns_progression_decides_S3_with_provisional_lorlatinib():
    rec = run(progression="cns_only")
    assert fired(rec)[0] == "S3" and preferred(rec) == ["lorlatinib"]
    assert rec["status"] == "needs_information"
    assert rec["missing"][:3] == ["cns_lesions", "leptomeningeal", "symptomatic"]


def test_a_freshly_built_engine_cites_the_knowledge_base_entries_exactly():
    """Evidence items are built once, when the engine is built: check them on an engine built here."""
    from bot import knowledge
    from bot.decision import Engine

    kb = knowledge.default()
    engine = Engine(kb)
    cited = 0
    for rule in kb.rules.values():
        for item in engine.decide(rule.witness)["evidence"]:
            e = kb.evidence[item["id"]]
            assert item["citation"] == e.citation
            assert item["level"] == e.level + (" (unverified)" if e.unverified else "")
            assert item.get("year") == e.year and item.get("url") == e.url
            cited += 1
    assert cited > len(kb.rules)


def test_C0_names_each_contradiction_and_asks_for_its_fields():
    contradictions = [
        ({"biopsy": "none", "alk_mutations": ["G1202R"]}, "no re-biopsy was done, yet alk mutations reported",
         {"biopsy", "alk_mutations"}),
        ({"biopsy": "none", "alk_mutations": [], "transformation": "small_cell"}, "yet a transformation reported",
         {"biopsy", "transformation"}),
        ({"compound": True, "alk_mutations": ["G1202R"]}, "fewer than two alk mutations", {"compound", "alk_mutations"}),
        ({"progression": "cns_only", "brain_metastases": False}, "brain metastases are recorded as absent",
         {"brain_metastases", "progression"}),
        ({"progression": "indolent", "symptomatic": True}, "yet the patient is symptomatic", {"progression", "symptomatic"}),
        ({"intolerant_tkis": ["brigatinib"]}, "not among the tkis received", {"intolerant_tkis", "prior_tkis"}),
    ]
    for changes, says, asks in contradictions:
        rec = run(**changes)
        assert fired(rec)[0] == "C0" and rec["status"] == "needs_information", changes
        assert says in rec["rationale"][0]["because"].lower(), (changes, rec["rationale"][0]["because"])
        [caveat] = [c for c in rec["caveats"] if c["id"] == "contradiction"]
        assert says in caveat["text"].lower() and caveat["text"][0].isupper() and caveat["text"].endswith(".")
        assert asks <= set(rec["missing"]), (changes, rec["missing"])
    both = run(compound=True, alk_mutations=["G1202R"], progression="indolent", symptomatic=True)
    assert "fewer than two alk mutations are listed; progression is called indolent" in \
        both["rationale"][0]["because"].lower()
