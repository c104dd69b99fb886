"""What an answer says and cites beyond which option it picks, each expectation taken from the knowledge base.

The rule tests (test_rules.py) check the options; mutation testing (make mutation) showed that the sentences, the
variant of a rule that applies, the evidence a preferred option cites and the fields an answer asks for could change
without any test noticing. Each test here builds one clinical situation and checks that part against rules.yml,
regimens.yml or caveats.yml, never against the engine's own output.
"""
from __future__ import annotations

import dataclasses
import datetime

import fastjsonschema
import pytest

from bot import knowledge
from bot.decision import CaseError, Engine, decide, validate_case
from bot.decision.case import CASE_SCHEMA, _explain
from tests.decision.conftest import case, fired, run

KB = knowledge.default()
PROPS = CASE_SCHEMA["properties"]


def because(rec: dict, rule: str) -> str:
    return next(r["because"] for r in rec["rationale"] if r["rule"] == rule)


def option(rec: dict, therapy: str) -> dict:
    return next(o for o in rec["preferred"] + rec["alternatives"] if o["therapy"] == therapy)


def variant(rule: str, name: str = "default"):
    return KB.rules[rule].variants[name]


def fixed_part(template: str) -> str:
    """The longest stretch of a rule sentence without a placeholder."""
    return max((part.split("}")[-1] for part in template.split("{")), key=len)


# ---- the deciding rule's sentence, evidence and variant ----------------------------------------------------------

def test_M2_preferred_lorlatinib_gives_the_M2_sentence_as_its_reason_and_cites_M2():
    rec = run(alk_mutations=["G1202R"])
    lorlatinib = rec["preferred"][0]
    assert lorlatinib["therapy"] == "lorlatinib"
    assert fixed_part(variant("M2").because) in lorlatinib["why"]
    assert set(KB.rules["M2"].evidence) <= set(lorlatinib["evidence"])


def test_P1_after_lorlatinib_supportive_care_cites_P1_not_the_G1_context_rule():
    """G1's context (lorlatinib given) fires first but names no option; the rule that names the preferred option
    (P1 at ECOG 3 with disease-directed goals) is the one its evidence comes from."""
    rec = run(prior_tkis=["alectinib", "lorlatinib"], ecog=3, goals_of_care="disease_directed")
    assert fired(rec)[:2] == ["G1", "P1"]
    supportive = rec["preferred"][0]
    assert supportive["therapy"] == "best_supportive_care"
    expected = list(dict.fromkeys([*KB.rules["P1"].evidence, *KB.regimens["best_supportive_care"].evidence]))
    assert supportive["evidence"] == expected


def test_S3_says_whether_the_cns_disease_is_extensive_symptomatic_or_both():
    cns = {"progression": "cns_only", "brain_metastases": True, "leptomeningeal": False}
    for lesions, symptomatic, detail in (("extensive", False, "extensive"), ("limited", True, "symptomatic"),
                                         ("extensive", True, "extensive and symptomatic")):
        rec = run(**cns, cns_lesions=lesions, symptomatic=symptomatic)
        assert fired(rec)[0] == "S3"
        assert because(rec, "S3") == variant("S3").because.format(last_tki="alectinib", cns_detail=detail)


def test_X2_names_squamous_histology_or_squamous_transformation():
    from_histology = because(run(histology="squamous"), "X2")
    from_transformation = because(run(histology="adenocarcinoma", transformation="squamous"), "X2")
    template = variant("X2").because
    assert from_histology == template.format(histology_detail="Squamous histology")
    assert from_transformation == template.format(histology_detail="Squamous transformation")


def test_X3_inducer_whose_stopping_is_unknown_uses_the_unknown_variant_and_asks():
    unknown = run(strong_cyp3a_inducer=True)
    assert because(unknown, "X3") == variant("X3", "unknown").because
    assert unknown["status"] == "needs_information" and "cyp3a_inducer_stoppable" in unknown["missing"]
    stoppable = run(strong_cyp3a_inducer=True, cyp3a_inducer_stoppable=True)
    assert because(stoppable, "X3") == variant("X3").because
    assert stoppable["status"] == "recommendation"


def test_X4_names_the_comorbidities_that_make_lorlatinib_counselling_matter_more():
    template = variant("X4").because
    assert because(run(), "X4") == template.format(comorbidity_detail="")
    rec = run(comorbidities=["hyperlipidemia"])
    assert because(rec, "X4") == template.format(comorbidity_detail=", all the more with hyperlipidemia")


# ---- options blocked, secondary rules, unreadable variants -----------------------------------------------------

def test_when_the_rules_options_are_all_blocked_the_promoted_fallback_says_so():
    """M2 prefers lorlatinib; an inducer that cannot be stopped contraindicates it (regimens.yml), so M2's first
    alternative is promoted, with M2's own reason for it after the explanation."""
    rec = run(alk_mutations=["G1202R"], strong_cyp3a_inducer=True, cyp3a_inducer_stoppable=False)
    assert "lorlatinib" in [a["therapy"] for a in rec["avoid"]]
    first, why = next(iter(variant("M2").alternatives))
    promoted = rec["preferred"][0]
    assert promoted["therapy"] == first
    assert promoted["why"] == ("The options the rule names are resistant or contraindicated here; "
                               + why[0].lower() + why[1:])


def test_M9_decides_an_unreadable_variant_beside_a_known_mutation_and_M2_only_adds_alternatives():
    """A20P lies outside the kinase domain (uninterpretable, not impossible): the tumour board is preferred (M9),
    and G1202R's rule (M2) adds lorlatinib as an alternative 'on the other findings'."""
    rec = run(alk_mutations=["G1202R", "A20P"])
    assert fired(rec)[:2] == ["M9", "M2"]
    assert [o["therapy"] for o in rec["preferred"]] == list(variant("M9", "unknown").preferred)
    assert rec["status"] == "recommendation"
    assert option(rec, "lorlatinib")["why"].startswith("On the other findings (M2): ")
    m9 = because(rec, "M9")
    assert "A20P" in m9 and "outside the ALK kinase domain" in m9


def test_M9_an_untabled_kinase_domain_variant_is_named_as_not_in_the_knowledge_base():
    rec = run(alk_mutations=["G1128A"])
    assert fired(rec)[0] == "M9"
    assert because(rec, "M9").startswith("G1128A cannot be interpreted (it is not in the knowledge base); ")


def test_M9_an_impossible_variant_asks_for_a_corrected_report():
    rec = run(alk_mutations=["G2032R"], transformation="none")  # ALK has 1,620 residues (meta.yml)
    assert fired(rec)[0] == "M9" and rec["status"] == variant("M9", "impossible").status
    assert rec["missing"] == ["alk_mutations"]


def test_T1_does_not_decide_while_another_therapy_runs_after_the_intolerant_tki():
    """Alectinib stopped for toxicity, now progressing on chemotherapy with G1202R: the resistance rule decides."""
    rec = run(intolerant_tkis=["alectinib"], current_therapy="chemotherapy", alk_mutations=["G1202R"])
    assert "T1" not in fired(rec) and fired(rec)[0] == "M2"


def test_T1_alternatives_already_failed_or_not_tolerated_are_avoided_with_the_reason():
    """T1 names the second-generation TKIs as alternatives; of them, brigatinib (given before alectinib) is avoided
    because the disease progressed on it, alectinib because it was stopped for toxicity."""
    rec = run(prior_tkis=["crizotinib", "brigatinib", "alectinib"], intolerant_tkis=["alectinib"],
              current_therapy="none", progression="none")
    assert fired(rec)[0] == "T1"
    reasons = {a["therapy"]: a["reason"] for a in rec["avoid"]}
    assert reasons["brigatinib"] == "Already given: the disease progressed on it."
    assert reasons["alectinib"] == "Stopped for toxicity before."


# ---- the case and the knowledge base the engine accepts ----------------------------------------------------------

def test_an_unknown_case_field_is_refused_naming_it_and_the_allowed_fields():
    with pytest.raises(CaseError) as err:
        validate_case(case(patient_name="X"))
    assert "patient_name" in str(err.value) and "ecog" in str(err.value)
    with pytest.raises(CaseError):
        decide(case(patient_name="X"))


def test_a_knowledge_base_without_a_therapy_the_engine_names_is_refused():
    broken = dataclasses.replace(KB, regimens={k: v for k, v in KB.regimens.items() if k != "molecular_tumor_board"})
    with pytest.raises(knowledge.KnowledgeError) as err:
        Engine(broken)
    assert str(err.value) == ("bot/knowledge/regimens.yml: molecular_tumor_board: the engine uses this therapy id; "
                              "it is missing")
    broken = dataclasses.replace(KB, caveats={k: v for k, v in KB.caveats.items() if k != "contradiction"})
    with pytest.raises(knowledge.KnowledgeError) as err:
        Engine(broken)
    assert str(err.value).startswith("bot/knowledge/caveats.yml: contradiction: ")


def test_X6_puts_lorlatinib_first_and_keeps_every_other_option_of_the_rule():
    """Brain metastases with systemic progression and a KRAS G12C bypass: M6 prefers chemotherapy; X6 moves
    lorlatinib ahead of it, with X6's sentence as its reason, and keeps M6's other options in order."""
    rec = run(bypass_alterations=["KRAS_G12C"], brain_metastases=True)
    m6 = variant("M6")
    assert [o["therapy"] for o in rec["preferred"]] == ["lorlatinib"]
    assert rec["preferred"][0]["why"] == variant("X6").because
    assert [o["therapy"] for o in rec["alternatives"]] == [*m6.preferred,
                                                          *(t for t, _ in m6.alternatives if t != "lorlatinib")]


def test_X3_a_stoppable_inducer_leads_lorlatinibs_reason_and_the_caveats():
    rec = run(alk_mutations=["G1202R"], strong_cyp3a_inducer=True, cyp3a_inducer_stoppable=True)
    lorlatinib = rec["preferred"][0]
    assert lorlatinib["therapy"] == "lorlatinib"
    assert lorlatinib["why"].startswith(variant("X3").because + " Then: ")
    assert fixed_part(variant("M2").because) in lorlatinib["why"]
    assert rec["caveats"][0]["id"] == "cyp3a_inducer"


def test_X3_an_inducer_that_cannot_be_stopped_and_an_inhibitor():
    unstoppable = run(strong_cyp3a_inducer=True, cyp3a_inducer_stoppable=False)
    assert because(unstoppable, "X3") == variant("X3", "unstoppable").because
    assert "lorlatinib" in [a["therapy"] for a in unstoppable["avoid"]]
    inhibitor = run(strong_cyp3a_inhibitor=True)
    assert because(inhibitor, "X3") == variant("X3", "inhibitor").because
    comfort = run(strong_cyp3a_inhibitor=True, ecog=4, goals_of_care="comfort")  # P2: lorlatinib is not offered
    assert "X3" not in fired(comfort)


# ---- from an independent sample of mutants (make mutation SAMPLE=n) -------------------------------------------------

def test_C0_leptomeningeal_disease_with_brain_metastases_recorded_absent_is_a_contradiction():
    assert fired(run(brain_metastases=False, leptomeningeal=True))[0] == "C0"
    for leptomeningeal in (False, None):
        rec = run(brain_metastases=False, leptomeningeal=leptomeningeal)
        assert "C0" not in fired(rec) and rec["status"] == "recommendation"
    assert "brain metastases are recorded as absent" in because(run(brain_metastases=False, leptomeningeal=True), "C0")


def test_no_rebiopsy_with_no_transformation_recorded_is_not_a_contradiction():
    rec = run(biopsy="none", transformation="none", alk_mutations=None, bypass_alterations=None)
    assert fired(rec)[0] == "M8" and because(rec, "M8") == variant("M8", "none").because.format(last_tki="alectinib")


def test_a_field_the_rules_need_makes_the_answer_provisional():
    """Unknown treatment history or performance status: the resistance rule still names an option, but the answer
    is needs_information and asks for the field."""
    for missing in ("prior_tkis", "ecog"):
        rec = run(**{missing: None}, alk_mutations=["G1202R"])
        assert rec["status"] == "needs_information" and missing in rec["missing"], missing


def test_unknown_pattern_of_progression_still_reaches_the_resistance_rule():
    rec = run(progression=None, alk_mutations=["G1202R"])
    assert fired(rec)[0] == "M2" and "progression" in rec["missing"]


def test_M9_an_impossible_variant_uses_the_impossible_sentence():
    rec = run(alk_mutations=["G2032R"])
    assert fixed_part(variant("M9", "impossible").because) in because(rec, "M9")


def test_M9_names_an_untabled_member_of_a_pair_the_table_does_not_list_then_M3_follows():
    rec = run(alk_mutations=["G1202R", "G1128A"], compound=True)
    assert fired(rec)[:2] == ["M9", "M3"] and "G1128A" in because(rec, "M9")


def test_M3_unknown_phase_says_the_phase_is_not_known():
    rec = run(alk_mutations=["G1202R", "L1196M"])
    assert fixed_part(variant("M3", "unknown_phase").because) in because(rec, "M3")
    assert "compound" in rec["missing"]


def test_M5_beside_an_unreadable_variant_adds_the_dual_inhibition_as_an_alternative():
    rec = run(alk_mutations=["A20P"], bypass_alterations=["MET_amplification"])
    assert fired(rec)[:2] == ["M9", "M5"]
    assert [o["therapy"] for o in rec["preferred"]] == list(variant("M9", "unknown").preferred)
    dual = variant("M5").preferred[0]
    assert option(rec, dual)["why"].startswith("On the other findings (M5): ")


def test_T1_offers_no_second_generation_tki_for_a_compound_whose_pair_call_is_not_active():
    """T1 (intolerance) names second-generation TKIs; with G1202R+L1196M in cis none is offered whose call in the
    pair's row is not sensitive or intermediate (mutations.yml), whatever its single-mutation rows say."""
    rec = run(prior_tkis=["alectinib"], intolerant_tkis=["alectinib"], current_therapy="none", progression="none",
              alk_mutations=["G1202R", "L1196M"], compound=True)
    assert fired(rec)[0] == "T1"
    pair = KB.compounds[frozenset({"G1202R", "L1196M"})].activity
    offered = {o["therapy"] for o in rec["preferred"] + rec["alternatives"]}
    for therapy in offered:
        drug = KB.regimens[therapy].drug
        if drug is not None:
            assert pair[drug].call in ("sensitive", "intermediate"), therapy
    assert "ensartinib" in [a["therapy"] for a in rec["avoid"]]  # named by T1; its pair call is unknown


def test_a_refused_value_is_shown_as_written_short_and_unescaped():
    with pytest.raises(CaseError) as err:
        validate_case(case(histology="adénocarcinome"))
    assert '"adénocarcinome"' in str(err.value) and "..." not in str(err.value)
    with pytest.raises(CaseError) as err:
        validate_case(case(region="R" * 100))
    assert "R" * 100 not in str(err.value) and "..." in str(err.value)


def test_a_value_json_cannot_hold_is_refused_as_a_case_error_showing_it():
    """A Python caller may hand the engine a date or a set: the answer is the field's CaseError with the value as
    text, not a crash while wording the error."""
    with pytest.raises(CaseError) as err:
        decide(case(region=datetime.date(2024, 5, 1)))
    assert err.value.field == "region" and "2024-05-01" in str(err.value)


def _allowed(values: list) -> str:
    return ", ".join("null" if v is None else v for v in values)


def _types(name: str) -> str:
    types = PROPS[name]["type"]
    return " or ".join(types if isinstance(types, list) else [types])


# A refused case is answered in the clinician's words (case.py: 'ecog: 7 is out of range; allowed values: 0 to 4'):
# the field, the value as written, and what case.schema.json allows there.
REFUSALS = [
    ({"ecog": 7}, "ecog",
     f"ecog: 7 is out of range; allowed values: {PROPS['ecog']['minimum']} to {PROPS['ecog']['maximum']}"),
    ({"pdl1_tps": -1}, "pdl1_tps",
     f"pdl1_tps: -1 is out of range; allowed values: {PROPS['pdl1_tps']['minimum']} to {PROPS['pdl1_tps']['maximum']}"),
    ({"histology": "adenocarcinoma_nos"}, "histology",
     f'histology: "adenocarcinoma_nos" is not allowed; allowed values: {_allowed(PROPS["histology"]["enum"])}'),
    ({"prior_tkis": ["alectinib", "crizotinib", "alectinib"]}, "prior_tkis", "prior_tkis: items must be unique"),
    ({"region": "eu"}, "region", f'region: "eu" does not match the pattern {PROPS["region"]["pattern"]}'),
    ({"ecog": "1"}, "ecog", f'ecog: "1" has the wrong type; expected {_types("ecog")}'),
    ({"prior_tkis": None}, "prior_tkis", f"prior_tkis: null has the wrong type; expected {_types('prior_tkis')}"),
    ({"prior_tkis": ["alectinib", "Alecensa"]}, "prior_tkis[1]",
     f'prior_tkis[1]: "Alecensa" is not allowed; allowed values: {_allowed(PROPS["prior_tkis"]["items"]["enum"])}'),
    ({"patient_name": "X"}, "patient_name", f"patient_name: unknown field; allowed fields: {', '.join(PROPS)}"),
]


@pytest.mark.parametrize("changes, field, message", REFUSALS, ids=[r[1] for r in REFUSALS])
def test_a_refused_case_names_the_field_the_value_and_what_the_schema_allows(changes, field, message):
    with pytest.raises(CaseError) as err:
        decide({**case(), **changes})  # (case() drops a None)
    assert err.value.field == field
    assert str(err.value) == message


def test_a_refused_value_is_shown_whole_up_to_60_characters_and_cut_to_60_beyond():
    pattern = PROPS["region"]["pattern"]
    with pytest.raises(CaseError) as err:
        validate_case({"region": "R" * 58})  # 60 characters once quoted
    assert str(err.value) == f'region: "{"R" * 58}" does not match the pattern {pattern}'
    with pytest.raises(CaseError) as err:
        validate_case({"region": "R" * 59})  # 61 characters: 57 of them, then '...'
    assert str(err.value) == f'region: "{"R" * 56}... does not match the pattern {pattern}'


def test_a_schema_rule_case_py_has_no_words_for_still_names_the_field_value_and_the_validators_reason():
    """case.schema.json uses no other keyword today; a field given, say, a maximum length tomorrow must still be
    refused as that field's CaseError rather than an unreadable one (the validator's own message is kept)."""
    err = fastjsonschema.JsonSchemaValueException(
        "data.region must be shorter than or equal to 2 characters", value="EUROPE", name="data.region",
        definition={"type": "string", "maxLength": 2}, rule="maxLength")
    refused = _explain(err, {"region": "EUROPE"})
    assert refused.field == "region"
    assert str(refused) == 'region: "EUROPE" is not valid (data.region must be shorter than or equal to 2 characters)'


def test_what_is_not_a_case_at_all_is_refused_without_a_field():
    with pytest.raises(CaseError) as err:
        validate_case(["alectinib"])
    assert err.value.field == "" and str(err.value) == "a case is a JSON object of fields, not list"


def test_G1_after_lorlatinib_L1198F_puts_crizotinib_to_a_tumour_board_with_the_resensitisation_caveat():
    rec = run(prior_tkis=["alectinib", "lorlatinib"], alk_mutations=["L1198F"])
    assert KB.mutations["L1198F"].activity["crizotinib"].call == "sensitive"
    for therapy in ("molecular_tumor_board", "crizotinib"):
        assert option(rec, therapy)["why"] == KB.caveats["l1198f_crizotinib"].text


def test_X1_when_the_rules_choice_is_blocked_no_second_generation_tki_is_promoted_after_one():
    """T1 prefers lorlatinib; an inducer that cannot be stopped contraindicates it. Its alternatives are all
    second-generation TKIs, and after alectinib none may be preferred: the tumour board is."""
    rec = run(intolerant_tkis=["alectinib"], current_therapy="none", progression="none", strong_cyp3a_inducer=True,
              cyp3a_inducer_stoppable=False)
    assert fired(rec)[0] == "T1"
    assert [o["therapy"] for o in rec["preferred"]] == ["molecular_tumor_board"]


def test_a_therapy_two_rules_name_is_offered_once():
    """M9 prefers the tumour board; M3, on the other findings, lists it again among its alternatives."""
    rec = run(alk_mutations=["G1202R", "G1128A"], compound=True)
    offered = [o["therapy"] for o in rec["preferred"] + rec["alternatives"]]
    assert "molecular_tumor_board" in dict(variant("M3", "compound").alternatives)
    assert len(offered) == len(set(offered)) and "molecular_tumor_board" in offered


# ---- caveats for each finding, rules applied on the other findings -------------------------------------------------

def caveat_texts(rec: dict, cid: str) -> list[str]:
    return [c["text"] for c in rec["caveats"] if c["id"].split(":")[0] == cid]


def test_each_reported_mutation_with_a_note_in_the_table_gets_its_own_note():
    """Two noted mutations in trans (not a compound): each note is said, under its own mutation's name."""
    rec = run(alk_mutations=["G1202R", "L1196M"], compound=False)
    template = KB.caveats["mutation_note"].text
    expected = {template.format(variant=m, note=" ".join(KB.mutations[m].note.split())) for m in ("G1202R", "L1196M")}
    assert set(caveat_texts(rec, "mutation_note")) == expected


def test_each_mutation_without_lorlatinib_data_is_named_in_its_own_caveat():
    unknown = [m for m in ("L1198F", "T1151M") if KB.mutations[m].activity["lorlatinib"].call == "unknown"]
    assert len(unknown) == 2
    rec = run(alk_mutations=unknown, compound=False)
    template = KB.caveats["lorlatinib_call_unknown"].text
    assert sorted(caveat_texts(rec, "lorlatinib_call_unknown")) == sorted(template.format(variant=m) for m in unknown)


@pytest.mark.parametrize("bypass", ["MET_amplification", "EGFR_mutation"])
def test_a_mutation_beside_a_met_or_other_bypass_alteration_warns_of_heterogeneous_resistance(bypass):
    both = run(alk_mutations=["G1202R"], bypass_alterations=[bypass])
    assert "co_occurring_bypass" in [c["id"] for c in both["caveats"]]
    assert "co_occurring_bypass" not in [c["id"] for c in run(alk_mutations=["G1202R"])["caveats"]]


def test_each_bypass_finding_without_implication_is_named_and_an_unconfirmed_one_says_what_it_implies():
    no_implication = sorted(b for b, x in KB.bypass.items() if x.group == "no_implication")
    unconfirmed = sorted(b for b, x in KB.bypass.items() if x.group == "unconfirmed")
    assert len(no_implication) >= 2 and unconfirmed
    rec = run(bypass_alterations=no_implication + unconfirmed)
    said = KB.caveats["bypass_no_implication"].text
    assert sorted(caveat_texts(rec, "bypass_no_implication")) == sorted(
        said.format(bypass=KB.bypass[b].label) for b in no_implication)
    said = KB.caveats["bypass_unconfirmed"].text
    assert sorted(caveat_texts(rec, "bypass_unconfirmed")) == sorted(
        said.format(bypass=KB.bypass[b].label, implication=KB.bypass[b].implication) for b in unconfirmed)


def test_a_therapy_a_bypass_finding_rules_out_is_avoided_with_the_regimens_own_reason():
    rec = run(bypass_alterations=["EGFR_mutation"])
    for therapy in KB.bypass["EGFR_mutation"].avoid:
        reg = KB.regimens[therapy]
        assert next(a["reason"] for a in rec["avoid"] if a["therapy"] == therapy) == (reg.avoid_reason or reg.label)


# An uninterpretable variant (M9) decides: the tumour board. The rule the other findings reach adds its options as
# alternatives, each saying so, and never makes them preferred.
ON_THE_OTHER_FINDINGS = [
    ("M3", "compound", {"alk_mutations": ["G1202R", "G1128A"], "compound": True}),
    ("M1", "default", {"alk_mutations": ["G1128A", "L1196M"], "compound": False}),
    ("M5", "default", {"alk_mutations": ["G1128A"], "bypass_alterations": ["MET_amplification"]}),
    ("M6", "default", {"alk_mutations": ["G1128A"], "bypass_alterations": ["EGFR_mutation"]}),
    ("M7", "default", {"alk_mutations": ["G1128A"], "biopsy": "plasma"}),
]


@pytest.mark.parametrize("rule, name, changes", ON_THE_OTHER_FINDINGS, ids=[r[0] for r in ON_THE_OTHER_FINDINGS])
def test_a_rule_on_the_other_findings_beside_an_uninterpretable_variant_adds_alternatives_only(rule, name, changes):
    rec = run(**changes)
    assert fired(rec)[:2] == ["M9", rule]
    assert [o["therapy"] for o in rec["preferred"]] == list(variant("M9", "unknown").preferred)
    named = variant(rule, name).preferred
    offered = {o["therapy"]: o["why"] for o in rec["alternatives"]}
    assert any(t in offered for t in named), (named, offered)
    for therapy in named:
        if therapy in offered:
            assert offered[therapy].startswith(f"On the other findings ({rule}): ")


def test_M3_names_the_phase_it_was_told():
    rec = run(alk_mutations=["G1202R", "L1196M"], compound=True)
    assert fixed_part(variant("M3", "compound").because) in because(rec, "M3")
    rec = run(alk_mutations=["G1202R", "L1196M"])
    assert fixed_part(variant("M3", "unknown_phase").because) in because(rec, "M3")


@pytest.mark.parametrize(
    "mutations, bypass, rule", [(None, None, "M8"), ([], None, "M7"), (None, [], "M7"), ([], [], "M7")]
)
def test_plasma_testing_is_pending_only_while_neither_finding_is_known(mutations, bypass, rule):
    """Plasma with no result at all: results pending (M8, asking for the mutations); plasma that reported nothing
    on either count was negative (M7: tissue re-biopsy)."""
    rec = run(biopsy="plasma", alk_mutations=mutations, bypass_alterations=bypass)
    assert fired(rec)[0] == rule
    assert ("alk_mutations" in rec["missing"]) == (rule == "M8")


# ---- found by a fresh mutation sample (seed 2026): contradictions, conditions, variants ---------------------------

def contradiction(rec: dict) -> str:
    return next(c["text"] for c in rec["caveats"] if c["id"] == "contradiction")


def test_a_contradiction_is_said_in_full_each_finding_named_and_only_the_stated_fields_asked_again():
    said = KB.caveats["contradiction"].text
    rec = run(biopsy="none", alk_mutations=["G1202R"], bypass_alterations=["EGFR_mutation"], transformation="squamous")
    assert fired(rec)[0] == "C0"
    assert contradiction(rec) == said.format(
        detail="No re-biopsy was done, yet ALK mutations, bypass alterations and a transformation reported.")
    rec = run(brain_metastases=False, leptomeningeal=True)  # cns_lesions never said: not asked as a contradiction
    assert contradiction(rec) == said.format(
        detail="CNS disease is described, yet brain metastases are recorded as absent.")
    assert "brain_metastases" in rec["missing"] and "cns_lesions" not in rec["missing"]


def test_a_symptomatic_patient_with_systemic_progression_is_no_contradiction():
    """Symptoms contradict only 'indolent' progression (the TKI stopped for toxicity makes the engine look)."""
    rec = run(intolerant_tkis=["alectinib"], current_therapy="alk_tki", symptomatic=True)
    assert "C0" not in fired(rec)


def test_a_single_mutation_called_compound_is_a_contradiction_that_still_avoids_its_resistant_tkis():
    rec = run(alk_mutations=["G1202R"], compound=True)
    assert fired(rec)[0] == "C0"
    resistant = {d for d, a in KB.mutations["G1202R"].activity.items() if a.call == "resistant"}
    tki_regimens = {r.drug: rid for rid, r in KB.regimens.items() if r.kind == "alk_tki" and r.drug in resistant}
    assert tki_regimens and set(tki_regimens.values()) <= {a["therapy"] for a in rec["avoid"]}


def test_a_tki_taken_now_is_not_continued_when_the_table_marks_it_resistant_even_if_once_stopped_for_toxicity():
    """Alectinib was stopped for toxicity, then taken again (current therapy: an ALK TKI); G1202R defeats it, so the
    oligoprogression option that continues it is avoided for that reason."""
    rec = run(current_therapy="alk_tki", prior_tkis=["crizotinib", "alectinib"], intolerant_tkis=["alectinib"],
              alk_mutations=["G1202R"], progression="oligoprogression")
    assert fired(rec)[0] == "S1"
    reason = next(a["reason"] for a in rec["avoid"] if a["therapy"] == "local_therapy_continue_tki")
    contra = next(k for k in KB.regimens["local_therapy_continue_tki"].contraindications
                  if k.when == "current_tki_resistant")
    assert reason == contra.reason


def test_chemotherapy_that_is_working_is_not_avoided_as_if_the_disease_progressed_on_it():
    rec = run(progression="none", current_therapy="chemotherapy")
    assert fired(rec)[0] == "S5"
    progressing = {rid for rid, r in KB.regimens.items()
                   if any(k.when == "progressing_on_chemotherapy" for k in r.contraindications)}
    assert progressing and not progressing & {a["therapy"] for a in rec["avoid"]}
    rec = run(progression="systemic", current_therapy="chemotherapy")
    assert progressing & {a["therapy"] for a in rec["avoid"]}


def test_an_earlier_tki_stopped_for_toxicity_does_not_stop_the_answer_after_lorlatinib():
    rec = run(prior_tkis=["alectinib", "lorlatinib"], intolerant_tkis=["alectinib"])
    assert [o["therapy"] for o in rec["preferred"]] == list(variant("G1").preferred)


def test_the_deciding_rules_option_after_a_second_generation_tki_keeps_the_rules_own_reason():
    """X1 demotes second-generation TKIs only: lorlatinib, M2's choice after alectinib, stays preferred with M2's
    sentence, not the sentence of an option promoted because the rule's own were blocked."""
    rec = run(alk_mutations=["G1202R"])
    assert rec["preferred"][0]["therapy"] == "lorlatinib"
    assert rec["preferred"][0]["why"] == because(rec, "M2")


def test_the_region_is_asked_only_when_unknown_and_lorlatinib_follows_a_first_tki_the_eu_label_does_not_name():
    first = next(d for d, x in KB.drugs.items() if x.generation == "2G" and d not in KB.eu_label_first_tkis)
    assert "region" in run(prior_tkis=[first])["missing"]
    assert "region" not in run(prior_tkis=[first], region="US")["missing"]


@pytest.mark.parametrize("changes, rule, name", [
    ({"alk_mutations": None}, "M4", "pending"),
    ({"progression": "cns_only", "brain_metastases": True, "leptomeningeal": True}, "S3", "leptomeningeal"),
])
def test_the_variant_the_findings_call_for_is_the_one_said(changes, rule, name):
    rec = run(**changes)
    assert fired(rec)[0] == rule
    assert fixed_part(variant(rule, name).because) in because(rec, rule)


def test_an_unknown_bypass_alteration_alone_is_said_to_be_unknown():
    rec = run(bypass_alterations=["ZZZ_fusion"])
    assert because(rec, "M9") == variant("M9", "unknown").because.format(
        variants="ZZZ_fusion", problem="not a known bypass alteration")


def test_a_validated_case_is_immutable():
    validated = validate_case(case(alk_mutations=["G1202R"], comorbidities=["diabetes"]))
    assert validated.alk_mutations == ("G1202R",) and validated.comorbidities == ("diabetes",)
    hash(validated)  # a list inside would make it unhashable


def test_a_knowledge_base_with_rules_out_of_order_or_a_caveat_missing_is_refused_naming_what():
    swapped = dict(reversed(list(KB.rules.items())))
    with pytest.raises(knowledge.KnowledgeError) as err:
        Engine(dataclasses.replace(KB, rules=swapped))
    assert "rules.yml: (order):" in str(err.value)
    broken = dataclasses.replace(KB, caveats={k: v for k, v in KB.caveats.items() if k != "mutation_note"})
    with pytest.raises(knowledge.KnowledgeError) as err:
        Engine(broken)
    assert "caveats.yml: mutation_note:" in str(err.value) and "missing" in str(err.value)


def test_a_caution_the_knowledge_base_puts_on_a_strong_cyp3a_inhibitor_reaches_the_answer():
    """knowledge.CONDITIONS lets regimens.yml caution on a strong CYP3A inhibitor (none does today): such a caution
    must reach X7 like any other, whatever the engine calls the condition inside."""
    assert "strong_cyp3a_inhibitor" in knowledge.CONDITIONS
    lorlatinib = KB.regimens["lorlatinib"]
    cautioned = dataclasses.replace(lorlatinib, cautions=(*lorlatinib.cautions, ("strong_cyp3a_inhibitor", "ild_tki")))
    engine = Engine(dataclasses.replace(KB, regimens={**KB.regimens, "lorlatinib": cautioned}))
    rec = engine.decide(case(strong_cyp3a_inhibitor=True))
    assert "lorlatinib" in [o["therapy"] for o in rec["preferred"]]
    assert "X7" in fired(rec) and "ild_tki" in [c["id"] for c in rec["caveats"]]
    assert "X7" not in fired(decide(case(strong_cyp3a_inhibitor=True)))


def test_a_witness_that_does_not_reach_its_rule_is_refused_with_the_rules_it_fired():
    m5, m6 = KB.rules["M5"], KB.rules["M6"]
    broken = dataclasses.replace(KB, rules={**KB.rules, "M5": dataclasses.replace(m5, witness=m6.witness)})
    with pytest.raises(knowledge.KnowledgeError) as err:
        Engine(broken)
    fired_by_m6s = ", ".join(r["rule"] for r in decide(m6.witness)["rationale"])
    assert str(err.value).endswith(f"the witness case does not reach M5 (fired: {fired_by_m6s})")


# ---- found by the full run of the decision module: variants, uninterpretable findings, the fallback ---------------

CNS = {"progression": "cns_only", "brain_metastases": True}


@pytest.mark.parametrize("changes, rule, name", [
    ({**CNS, "cns_lesions": "limited", "leptomeningeal": False, "symptomatic": False}, "S2", "default"),
    ({**CNS, "cns_lesions": "limited", "leptomeningeal": None, "symptomatic": False}, "S2", "unconfirmed"),
    ({**CNS, "cns_lesions": "limited", "leptomeningeal": False, "symptomatic": None}, "S2", "unconfirmed"),
    ({**CNS, "leptomeningeal": False, "symptomatic": False}, "S3", "uncharacterised"),
    ({**CNS, "cns_lesions": "extensive", "prior_tkis": ["alectinib", "lorlatinib"]}, "S3", "after_lorlatinib"),
    ({"progression": "indolent", "prior_tkis": ["alectinib", "lorlatinib"]}, "S4", "after_lorlatinib"),
    ({"transformation": "small_cell", "ecog": 3, "goals_of_care": "disease_directed"}, "H1", "small_cell_poor_ps"),
    ({"transformation": "small_cell", "ecog": 4, "goals_of_care": "disease_directed"}, "H1", "small_cell_frail"),
    ({"prior_tkis": ["alectinib", "lorlatinib"], "ecog": 3, "goals_of_care": "disease_directed"}, "P1",
     "after_lorlatinib"),
])
def test_the_pattern_and_histology_variant_the_case_calls_for_is_the_one_said(changes, rule, name):
    rec = run(**changes)
    assert rule in fired(rec)
    others = [v.because for n, v in KB.rules[rule].variants.items() if n != name]
    said = because(rec, rule)
    assert fixed_part(variant(rule, name).because) in said
    assert not any(fixed_part(o) in said for o in others if fixed_part(o) != fixed_part(variant(rule, name).because))


@pytest.mark.parametrize("biopsy, asked", [("tissue", True), ("tissue_and_plasma", True), ("plasma", False)])
def test_a_transformation_is_asked_about_only_when_tissue_was_taken(biopsy, asked):
    assert ("transformation" in run(biopsy=biopsy)["missing"]) is asked


def test_the_biopsy_is_required_without_findings_and_only_would_help_beside_them():
    rec = run(biopsy=None, alk_mutations=None, bypass_alterations=None)
    assert fired(rec)[0] == "M8" and "biopsy" in rec["missing"] and rec["status"] == "needs_information"
    for changes in ({"alk_mutations": ["G1202R"]}, {"bypass_alterations": ["MET_amplification"]}):
        rec = run(biopsy=None, **changes)
        assert fired(rec)[0] in ("M2", "M5") and "biopsy" in rec["missing"] and rec["status"] == "recommendation"


def test_each_uninterpretable_variant_gets_its_own_caveat_saying_why():
    wrong = f"A{1202}R"  # ALK has G at 1202
    assert KB.reference_residue(1202) == "G"
    rec = run(alk_mutations=[wrong, "G1128A"], compound=False)
    said = KB.caveats["unknown_variant"].text
    assert sorted(caveat_texts(rec, "unknown_variant")) == sorted([
        said.format(variant=wrong, problem="ALK has G, not A, at residue 1202."),
        said.format(variant="G1128A", problem="It is not in the knowledge base."),
    ])
    assert because(rec, "M9") == variant("M9", "impossible").because.format(
        variants=wrong, problem="ALK has G, not A, at residue 1202")
    assert "alk_mutations" in rec["missing"] and rec["status"] == "needs_information"


def test_the_kinase_domain_and_alks_length_are_inclusive_bounds():
    first, last = KB.kinase_domain

    def problem(residue: int) -> str:
        ref = KB.reference_residue(residue) or "A"
        rec = run(alk_mutations=[f"{ref}{residue}W" if ref != "W" else f"{ref}{residue}A"])
        return next(c["text"] for c in rec["caveats"] if c["id"].startswith("unknown_variant"))

    inside, outside = "It is not in the knowledge base.", "It lies outside the ALK kinase domain."
    for residue, expected in ((first, inside), (last, inside), (first - 1, outside), (last + 1, outside),
                              (KB.alk_length, outside)):
        assert expected in problem(residue), residue


def test_two_unknown_bypass_alterations_are_each_named():
    rec = run(bypass_alterations=["ZZZ_fusion", "YYY_loss"])
    said = KB.caveats["unknown_bypass"].text
    expected = sorted(said.format(variant=v) for v in ("ZZZ_fusion", "YYY_loss"))
    assert sorted(caveat_texts(rec, "unknown_bypass")) == expected
    assert because(rec, "M9") == variant("M9", "unknown").because.format(
        variants="ZZZ_fusion and YYY_loss", problem="not a known bypass alteration")


def test_an_unknown_bypass_beside_a_compound_leaves_the_compound_rule_deciding():
    rec = run(alk_mutations=["G1202R", "L1196M"], compound=True, bypass_alterations=["ZZZ_fusion"])
    assert fired(rec)[0] == "M3" and "M9" not in fired(rec)


def test_the_second_generation_fallback_offers_each_active_drug_not_yet_given_with_its_reason():
    fb = KB.fallback
    mutation = sorted(fb.mutations)[0]
    active = [d for d in fb.drugs if KB.mutations[mutation].activity[d].call in ("sensitive", "intermediate")]
    assert len(active) >= 2, active
    rec = run(prior_tkis=["alectinib"], alk_mutations=[mutation])
    offered = {o["therapy"]: o["why"] for o in rec["alternatives"]}
    for drug in active:
        assert offered[drug] == (f"Only if lorlatinib cannot be used: active against {mutation}, "
                                 "with modest benefit after a second-generation TKI.")
    assert "second_gen_switch" in [c["id"] for c in rec["caveats"]]
    given = active[0]
    rec = run(prior_tkis=[given, "alectinib"], alk_mutations=[mutation])
    offered = [o["therapy"] for o in rec["preferred"] + rec["alternatives"]]
    assert given not in offered and all(d in offered for d in active[1:])


@pytest.mark.parametrize("changes, detail", [
    ({"alk_mutations": ["G1202R"], "compound": True},
     "Compound mutations are stated but fewer than two ALK mutations are listed."),
    ({"progression": "indolent", "symptomatic": True},
     "Progression is called indolent (asymptomatic), yet the patient is symptomatic."),
    ({"intolerant_tkis": ["crizotinib"]}, "A TKI stopped for intolerance is not among the TKIs received."),
])
def test_each_contradiction_is_said_in_words(changes, detail):
    assert contradiction(run(**changes)) == KB.caveats["contradiction"].text.format(detail=detail)


def test_crizotinib_is_put_to_a_tumour_board_after_lorlatinib_only_when_no_reached_row_calls_it_resistant():
    after = ["alectinib", "lorlatinib"]
    assert KB.mutations["L1198F"].activity["crizotinib"].call == "sensitive"
    assert KB.mutations["G1202R"].activity["crizotinib"].call == "resistant"
    assert KB.mutations["D1203N"].activity["crizotinib"].call == "unknown"
    for mutations in (["L1198F", "G1202R"], ["D1203N"]):
        rec = run(prior_tkis=after, alk_mutations=mutations, compound=False)
        assert "crizotinib" not in [o["therapy"] for o in rec["alternatives"]], mutations
        assert "l1198f_crizotinib" not in [c["id"] for c in rec["caveats"]]


def test_a_fusion_not_found_again_in_tissue_asks_for_the_fusion_result():
    rec = run(alk_fusion_at_progression=False)
    assert fired(rec)[0] == "G0" and "alk_fusion_at_progression" in rec["missing"]
    assert "alk_fusion_at_progression" in run(alk_fusion_at_progression=None)["missing"]


def test_an_unknown_ecog_is_asked_for_and_the_answer_still_worked_out_on_the_findings():
    rec = run(ecog=None, alk_mutations=["G1202R"])
    assert "ecog" in rec["missing"] and fired(rec)[0] == "M2"
    assert [o["therapy"] for o in rec["preferred"]] == ["lorlatinib"]


def test_a_rules_avoid_entry_gives_the_regimens_own_reason():
    rec = run(transformation="small_cell")
    assert fired(rec)[0] == "H1"
    for therapy in variant("H1", "small_cell").avoid:
        reg = KB.regimens[therapy]
        assert next(a["reason"] for a in rec["avoid"] if a["therapy"] == therapy).startswith(
            reg.avoid_reason or reg.label)


def test_a_resistant_tki_is_avoided_naming_the_table_rows_that_say_so():
    a, b = "G1202R", "C1156Y"
    assert frozenset({a, b}) not in KB.compounds
    rec = run(alk_mutations=[a, b])  # phase unknown, pair not listed: each member's row and the compound default
    reason = {x["therapy"]: x["reason"] for x in rec["avoid"]}
    assert reason["crizotinib"] == f"Resistant to {a}, {b} and {a}+{b} (if in cis) in the mutation table."
    pair = KB.compounds[frozenset({"G1202R", "L1196M"})]
    rec = run(alk_mutations=["G1202R", "L1196M"], compound=True)  # in cis, listed: the pair's row alone
    reason = {x["therapy"]: x["reason"] for x in rec["avoid"]}
    assert reason["crizotinib"] == f"Resistant to {pair.name} (compound) in the mutation table."


def test_lorlatinib_is_kept_for_a_compound_no_reached_row_calls_it_resistant_for():
    a, b = "G1202R", "C1156Y"
    assert frozenset({a, b}) not in KB.compounds and KB.compound_default["lorlatinib"].call != "resistant"
    assert all(KB.mutations[m].activity["lorlatinib"].call != "resistant" for m in (a, b))
    rec = run(alk_mutations=[a, b])
    assert "lorlatinib" in [o["therapy"] for o in rec["preferred"] + rec["alternatives"]]
    assert "lorlatinib" not in [x["therapy"] for x in rec["avoid"]]


def test_an_early_tki_for_an_unlisted_compound_follows_the_compound_default():
    """T1 names ensartinib; for a pair the table does not list, the compound default's call (unknown) decides."""
    rec = run(intolerant_tkis=["alectinib"], current_therapy="none", progression="none",
              alk_mutations=["G1202R", "C1156Y"])
    assert fired(rec)[0] == "T1"
    assert KB.compound_default["ensartinib"].call not in ("sensitive", "intermediate")
    entry = next(a for a in rec["avoid"] if a["therapy"] == "ensartinib")
    assert entry["reason"] == ("Two or more ALK mutations (compound or of unknown phase): one member's sensitivity "
                               "does not carry to the pair, and the pair's call for it is not active.")
    assert entry["evidence"] == list(KB.compound_default["ensartinib"].evidence or ("YODA2018",))


def test_lorlatinib_is_not_offered_again_while_the_disease_progresses_on_it_but_may_resume_when_it_does_not():
    rec = run(prior_tkis=["alectinib", "lorlatinib"], bypass_alterations=["MET_amplification"])
    assert "lorlatinib" in dict(variant("M5").alternatives)
    assert "lorlatinib" not in [o["therapy"] for o in rec["preferred"] + rec["alternatives"]]
    reason = next(a["reason"] for a in rec["avoid"] if a["therapy"] == "lorlatinib")
    assert reason == "The disease is progressing on it."
    rec = run(prior_tkis=["alectinib", "lorlatinib"], current_therapy="none", progression="none")
    assert [o["therapy"] for o in rec["preferred"]] == ["lorlatinib"]


def test_an_unverified_source_is_marked_so_in_the_answers_evidence():
    """ABCP is avoided with interstitial lung disease on a source the knowledge base marks unverified."""
    rec = run(alk_mutations=["G1202R"], comorbidities=["interstitial_lung_disease"])
    levels = {e["id"]: e["level"] for e in rec["evidence"]}
    for key, level in levels.items():
        e = KB.evidence[key]
        assert level == e.level + (" (unverified)" if e.unverified else "")
    assert any(KB.evidence[k].unverified for k in levels)


# ---- found by the re-run of the full run's survivors --------------------------------------------------------------

def test_an_earlier_tki_stopped_for_toxicity_does_not_stop_the_resistance_rules():
    rec = run(prior_tkis=["crizotinib", "alectinib"], intolerant_tkis=["crizotinib"], alk_mutations=["G1202R"])
    assert fired(rec)[0] == "M2" and [o["therapy"] for o in rec["preferred"]] == ["lorlatinib"]


def test_two_impossible_variants_are_both_named_with_their_problems():
    rec = run(alk_mutations=["A1202R", "A1196M"], compound=False)
    assert KB.reference_residue(1202) == "G" and KB.reference_residue(1196) == "L"
    assert because(rec, "M9") == variant("M9", "impossible").because.format(
        variants="A1202R and A1196M", problem="ALK has G, not A, at residue 1202; ALK has L, not A, at residue 1196")


def test_each_part_of_the_answer_carries_its_title_confidence_label_and_evidence():
    rec = run(alk_mutations=["G1202R"])
    for r in rec["rationale"]:
        rule = KB.rules[r["rule"]]
        assert (r["title"], r["confidence"], r["evidence"]) == (rule.title, rule.confidence, list(rule.evidence))
    for a in rec["avoid"]:
        assert a["label"] == KB.regimens[a["therapy"]].label and a["evidence"]
    for c in rec["caveats"]:
        assert isinstance(c["evidence"], list)
    assert next(c for c in rec["caveats"] if c["id"] == "disclaimer")["evidence"] == []


def test_histology_is_asked_for_only_when_chemotherapy_is_offered():
    assert "histology" in run(histology=None)["missing"]  # M4: platinum doublets among the options
    rec = run(histology=None, progression="none", current_therapy="alk_tki")  # S5: continue the TKI
    assert "histology" not in rec["missing"]


def test_the_cyp3a_inducer_is_asked_only_while_unknown_and_x3_only_for_an_inducer():
    assert "strong_cyp3a_inducer" in run(strong_cyp3a_inducer=None)["missing"]
    assert "strong_cyp3a_inducer" not in run(strong_cyp3a_inducer=False)["missing"]
    rec = run(alk_mutations=["G1202R", "L1196M"], compound=True)  # lorlatinib avoided: resistant, no inducer
    assert "lorlatinib" in [a["therapy"] for a in rec["avoid"]] and "X3" not in fired(rec)
    # a strong inhibitor, no inducer: X3 only if lorlatinib is offered, and the inducer is not asked about
    rec = run(alk_mutations=["G1202R", "L1196M"], compound=True, strong_cyp3a_inhibitor=True)
    assert "X3" not in fired(rec)
    rec = run(strong_cyp3a_inhibitor=True)
    assert "X3" in fired(rec) and "strong_cyp3a_inducer" not in rec["missing"]


def test_x7_names_the_conditions_behind_each_offered_regimens_caution():
    rec = run(comorbidities=["interstitial_lung_disease"])
    assert because(rec, "X7") == variant("X7").because.format(conditions="interstitial lung disease")
    rec = run(prior_chemotherapy=True)  # lorlatinib (first) has no such caution; the platinum doublets have
    assert "X7" in fired(rec) and "prior_platinum" in [c["id"] for c in rec["caveats"]]


def test_x4_names_the_comorbidity_that_makes_lorlatinibs_effects_matter_more():
    rec = run(comorbidities=["psychiatric_history"])
    assert because(rec, "X4") == variant("X4").because.format(
        comorbidity_detail=", all the more with psychiatric history")


def test_x6_weighs_cns_disease_whenever_lorlatinib_is_offered():
    rec = run(brain_metastases=True)
    assert [o["therapy"] for o in rec["preferred"]] == ["lorlatinib"] and "X6" in fired(rec)


def test_lorlatinibs_toxicity_caveats_are_its_knowledge_base_entries():
    rec = run()
    said = {c["id"]: c["text"] for c in rec["caveats"]}
    for t in KB.drugs["lorlatinib"].toxicities:
        assert said[f"lorlatinib_{t['id']}"] == " ".join(t["text"].split())


def test_a_whole_number_written_as_a_float_is_read_as_an_integer():
    """JSON counts 2.0 as an integer: the case holds 2, and the answer says 'ECOG 2', not '2.0'."""
    validated = validate_case(case(ecog=2.0, pdl1_tps=50.0))
    assert (validated.ecog, validated.pdl1_tps) == (2, 50)
    assert type(validated.ecog) is int and type(validated.pdl1_tps) is int


def test_a_regimen_given_in_place_of_a_contraindicated_one_says_which_and_why():
    rec = run(histology="squamous")
    first = next(t for t in dict(variant("M4").alternatives) if KB.regimens[t].kind in ("chemotherapy",))
    contra = next(k for k in KB.regimens[first].contraindications if k.when == "squamous")
    label = KB.regimens[first].label
    assert option(rec, contra.instead)["why"] == f"In place of {label[0].lower() + label[1:]}: {contra.reason}"


def test_x6_puts_lorlatinib_first_only_ahead_of_chemotherapy_not_ahead_of_met_directed_therapy():
    rec = run(bypass_alterations=["MET_amplification"], brain_metastases=True)
    assert "X6" in fired(rec)
    assert [o["therapy"] for o in rec["preferred"]] == list(variant("M5").preferred)


def test_lorlatinib_never_given_is_offered_for_a_compound_even_when_no_row_calls_it_sensitive():
    """L1198F and T1151M: lorlatinib's call is unknown in both rows and in the compound default (nothing
    re-sensitises to it, nothing makes it resistant): a TKI never given is not 'already given'."""
    members = ["L1198F", "T1151M"]
    rows = [KB.mutations[m].activity for m in members] + [KB.compound_default]
    assert frozenset(members) not in KB.compounds and all(r["lorlatinib"].call == "unknown" for r in rows)
    rec = run(alk_mutations=members)
    assert "lorlatinib" in [o["therapy"] for o in rec["preferred"] + rec["alternatives"]]


def test_an_earlier_tki_the_disease_progressed_on_is_not_offered_again_beside_a_mutation_it_is_not_sensitive_to():
    """T1 names brigatinib, given before alectinib; S1206Y leaves brigatinib neither sensitive nor resistant, so
    nothing re-sensitises to it: it stays 'already given'."""
    assert KB.mutations["S1206Y"].activity["brigatinib"].call in ("intermediate", "unknown")
    rec = run(prior_tkis=["brigatinib", "alectinib"], intolerant_tkis=["alectinib"], current_therapy="none",
              progression="none", alk_mutations=["S1206Y"])
    assert fired(rec)[0] == "T1"
    assert "brigatinib" not in [o["therapy"] for o in rec["preferred"] + rec["alternatives"]]
    assert next(a["reason"] for a in rec["avoid"] if a["therapy"] == "brigatinib") == (
        "Already given: the disease progressed on it.")
