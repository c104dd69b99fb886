"""The README's recipes for adding things ("Adding things"): each place a new case field, rule or drug must reach is
checked here, so a forgotten place fails a test that names it. (A mutation: tests/knowledge/test_knowledge.py and
tests/nlu/test_vocabulary_roundtrip.py; a channel: tests/test_channels.py; how a therapy's role is read:
tests/nlu/test_therapy_roles.py.)"""
from __future__ import annotations

import ast
import json
import re

import yaml

from bot import knowledge
from bot.launch import ROOT
from bot.nlu import therapies
from bot.nlu.extractor import extract_case, therapy_choice
from bot.render import FIELD_LABELS

SCHEMA = json.loads((ROOT / "bot/schemas/case.schema.json").read_text())
CASE_FIELDS = set(SCHEMA["properties"])
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text())

# Case fields the form never asks for, and why (every other field is a required slot of case_form with a question).
NOT_ASKED = {
    "current_therapy": "only needed when the disease responds on chemotherapy (S5); stated, or from the FHIR import",
    "pdl1_tps": "only spells out the immunotherapy line of the avoid list; read when stated",
    "comorbidities": "caveats (X7) when stated; absence is not asked for",
}
# Regimens of bot/knowledge/regimens.yml that no phrase of bot/nlu/therapy_phrases.yml names, and why.
NOT_WRITTEN = {
    "alk_tki_monotherapy": "an entry of the avoid list (a TKI alone for a small-cell transformation): a trainee who "
    "writes a TKI is read as choosing that TKI, which the engine places itself",
}
# Case fields the clinical extractor does not read from free text, and why.
NOT_FROM_TEXT = {
    "alk_fusion_specimen": "asked with buttons (tissue / plasma) after the fusion result; inferred from biopsy",
    "cyp3a_inducer_stoppable": "a yes/no the form asks only after a strong CYP3A inducer is stated",
    "region": "a two-letter country code, read as the bare answer to its question",
    "current_therapy": "from the FHIR import (the active TKI) or the page's correction, not from text",
}


def extractor_written_fields() -> set[str]:
    """The case fields the extractor's mapping (bot/nlu/fields.py) names: the fields it can write from text."""
    tree = ast.parse((ROOT / "bot/nlu/fields.py").read_text())
    return {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and n.value in CASE_FIELDS}


def test_a_case_field_reaches_every_place():
    """README recipe "a case field": schema, domain slot, form question, read-back label, extractor."""
    slots = set(DOMAIN["slots"])
    assert CASE_FIELDS - slots == set(), "case fields without a slot in domain.yml"
    assert CASE_FIELDS ^ set(FIELD_LABELS) == set(), "bot.render.FIELD_LABELS (the read-back) and the schema differ"
    asked = set(DOMAIN["forms"]["case_form"]["required_slots"])
    assert asked <= CASE_FIELDS, asked - CASE_FIELDS
    assert CASE_FIELDS - asked <= set(NOT_ASKED), "a case field is neither asked by case_form nor in NOT_ASKED"
    no_question = {f for f in asked if f"utter_ask_{f}" not in DOMAIN["responses"]}
    assert not no_question, f"asked without an utter_ask_<field> response: {no_question}"
    unread = CASE_FIELDS - extractor_written_fields()
    assert unread <= set(NOT_FROM_TEXT), f"fields the extractor never writes, without a reason here: {unread}"


def test_a_rule_has_its_test():
    """README recipe "a rule": every rule id of bot/knowledge/rules.yml is tested in tests/decision/test_rules.py,
    by a test named test_<id>_... or one that checks the rule fired ("<id>" in its body)."""
    tree = ast.parse((ROOT / "tests/decision/test_rules.py").read_text())
    tested: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
            if m := re.match(r"test_([A-Z]\d+)_", node.name):
                tested.add(m.group(1))
            tested |= {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    untested = [rule for rule in knowledge.default().rules if rule not in tested]
    assert not untested, f"rules without a test in tests/decision/test_rules.py: {untested}"


def test_a_drug_reaches_every_place():
    """README recipe "a drug": the extractor reads it, and any list of drugs written out in bot/ or actions/ (a
    string naming three or more, or a collection of three or more names) names it too. (A call for it in every
    mutation row: tests/knowledge/test_knowledge.py; every spelling: tests/nlu/test_vocabulary_roundtrip.py.)"""
    drugs = set(knowledge.default().drugs)
    for name in drugs:
        assert extract_case(f"progressed on {name}") == {"prior_tkis": [name]}, name
    incomplete = []
    for path in sorted([*(ROOT / "bot").rglob("*.py"), *(ROOT / "actions").rglob("*.py")]):
        tree = ast.parse(path.read_text())
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                      and node.body and isinstance(node.body[0], ast.Expr)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                named = {d for d in drugs if re.search(rf"\b{d}\b", node.value, re.IGNORECASE)}
            elif isinstance(node, (ast.Tuple, ast.List, ast.Set, ast.Dict)):
                items = node.keys if isinstance(node, ast.Dict) else node.elts
                named = {e.value.lower() for e in items if isinstance(e, ast.Constant) and isinstance(e.value, str)}
                named &= drugs
            else:
                continue
            if len(named) >= 3 and named != drugs:
                incomplete.append(f"{path.relative_to(ROOT)}:{node.lineno} lacks {sorted(drugs - named)}")
    assert not incomplete, incomplete


def test_a_regimen_is_read_in_free_text():
    """README recipe "a regimen": every therapy id of regimens.yml is read by the therapy reader (bot/nlu/therapies.py,
    which the practice grader and the question reader share): an ALK TKI by its drug's names, any other by a phrase,
    an acronym or a family of bot/nlu/therapy_phrases.yml, unless NOT_WRITTEN says why not."""
    reader, raw = therapies.load(), therapies.phrases()
    written = set(raw["therapies"]) | set(raw["acronyms"]) | {m for ms in reader.families.values() for m in ms}
    unread = []
    for rid, regimen in knowledge.default().regimens.items():
        if regimen.kind == "alk_tki" and regimen.drug:
            read = therapy_choice(f"I would give {regimen.drug}").therapy == rid
        else:
            read = rid in written
        if not read and rid not in NOT_WRITTEN:
            unread.append(rid)
    assert not unread, f"regimens no phrase of bot/nlu/therapy_phrases.yml names: {unread}"
    assert set(NOT_WRITTEN) <= set(knowledge.default().regimens) - written
