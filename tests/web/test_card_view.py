"""The clinician's view of an answer (bot.render.card_view), the chat text and the note built from it, over every
rule's witness case: structure and plain words, not the clinical sentences (they belong to the knowledge base)."""
from __future__ import annotations

import re
from datetime import date

import pytest

from bot import knowledge
from bot.decision import decide
from bot.render import CONFIDENCE_MEANING, card_view, clinician, note_text, render_text

JARGON = re.compile(r"conflict register|mutation table|On the other findings|\(unverified\)|\([GCPHSMX]\d+\)")
RULE_CODE = re.compile(r"\b[GCPHSMX]\d\b")
WITNESSES = {rid: dict(rule.witness) for rid, rule in knowledge.default().rules.items()}


def _texts(view) -> list[str]:
    out = [g["why"] for g in view["preferred"] + view["alternatives"]] + [g["reason"] for g in view["avoid"]]
    out += view["caveats"] + [view["reason"]] + [a["reason"] for a in view["routine_avoid"]]
    out += [e["level"] for e in view["key_evidence"] + view["more_evidence"]]
    return out + ([view["scope"]["means"]] if view["scope"] else [])


@pytest.mark.parametrize("rule", sorted(WITNESSES))
def test_view_of_every_witness(rule):
    case = WITNESSES[rule]
    rec = decide(case)
    view = card_view(rec, case)
    for text in _texts(view):
        assert not JARGON.search(text), text
    # a sentence shared by several options is said once
    for key in ("preferred", "alternatives"):
        whys = [g["why"] for g in view[key]]
        assert len(whys) == len(set(whys))
        assert sum(len(g["labels"]) for g in view[key]) == len(rec[key])
    shown = {t for g in view["avoid"] for t in g["therapies"]} | {a["therapy"] for a in view["routine_avoid"]}
    assert shown <= {a["therapy"] for a in rec["avoid"]}
    if case.get("alk_positive") is not False:
        assert shown == {a["therapy"] for a in rec["avoid"]}  # folded, never dropped
    # confidence of the deciding rule; key evidence is the deciding rule's
    if rec["status"] != "out_of_scope":
        assert view["confidence"]["level"] == rec["rationale"][0]["confidence"]
        assert view["confidence"]["meaning"] == CONFIDENCE_MEANING[rec["rationale"][0]["confidence"]]
    else:
        assert view["scope"]["means"] and view["scope"]["instead"]
    assert {e["id"] for e in view["key_evidence"]} <= set(rec["rationale"][0]["evidence"])
    assert len(view["key_evidence"]) <= 3
    assert len(view["key_evidence"]) + len(view["more_evidence"]) == len(rec["evidence"])
    note = note_text(rec, case, date(2026, 12, 2))
    assert "2026-12-02" in note and rec["knowledge_version"] in note and not RULE_CODE.search(note)
    assert not JARGON.search(render_text(rec, case).split("Rule trace")[0])


def test_routine_avoid_entries_fold_into_one_line_unless_the_case_makes_them_relevant():
    case = {"alk_positive": True, "histology": "adenocarcinoma", "prior_tkis": ["alectinib"],
            "progression": "systemic", "biopsy": "tissue", "alk_mutations": ["G1202R"], "bypass_alterations": [],
            "ecog": 1}
    view = card_view(decide(case), case)
    folded = {a["therapy"] for a in view["routine_avoid"]}
    assert "pd1_pdl1_monotherapy" in folded
    assert "As in every ALK-positive relapse" in render_text(decide(case), case)
    high = {**case, "pdl1_tps": 80}
    view = card_view(decide(high), high)
    assert "pd1_pdl1_monotherapy" in {t for g in view["avoid"] for t in g["therapies"]}


def test_alk_negative_gets_no_alk_specific_avoid_advice():
    case = {"alk_positive": False, "prior_tkis": ["alectinib"], "progression": "systemic"}
    view = card_view(decide(case), case)
    assert view["status"] == "out_of_scope" and view["scope"]["kind"] == "alk_negative"
    assert view["routine_avoid"] == [] and view["avoid"] == [] and view["confidence"] is None


def test_a_trial_links_to_its_registry_record():
    linked = [e for rid in WITNESSES for e in card_view(decide(WITNESSES[rid]), WITNESSES[rid])["key_evidence"]
              + card_view(decide(WITNESSES[rid]), WITNESSES[rid])["more_evidence"] if e.get("registry")]
    assert linked and all(re.fullmatch(r"https://clinicaltrials\.gov/study/NCT\d{8}", e["registry"]["url"])
                          for e in linked)


def test_plain_words():
    assert clinician("Resistant to G1202R in the mutation table.") == "Resistant to G1202R in laboratory and clinical data."
    assert clinician("the knowledge base treats it as resistant (conflict register item 2).") == \
        "the knowledge base treats it as resistant."
    assert clinician("On the other findings (M4): lorlatinib.") == "lorlatinib."
    assert clinician("phase 2 (unverified)") == "phase 2 (preliminary)"
