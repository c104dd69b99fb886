"""The clinical extractor on the project's hand-written phrasing table, its positions, its build check, its bounds,
its command line and its Rasa part. (Roles: test_roles.py; the independent set: test_independent.py.)"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bot.decision import validate_case
from bot.nlu import extractor, vocabulary
from bot.nlu.build import build
from tests.nlu.phrasing_table import rows

ROWS = rows()


def test_the_table_is_large_enough():
    assert len(ROWS) >= 130


@pytest.mark.parametrize("text,fields", ROWS, ids=[t[:60] for t, _ in ROWS])
def test_phrasing(text, fields):
    found = extractor.extract_case(text)
    assert found == fields
    validate_case({"prior_tkis": [], **found})  # what is read is a valid (partial) case


@pytest.mark.parametrize("text,entity,value", [
    ("no MET amp", "bypass_alteration", "MET_amplification"),
    ("G1202R not detected", "alk_mutation", "G1202R"),
    ("negative for ALK resistance mutations", "alk_mutation", "none"),
    ("without EGFR mutation", "bypass_alteration", "EGFR_mutation"),
    ("no SCLC", "transformation", "small_cell"),
    ("no leptomeningeal spread", "leptomeningeal", "true"),
])
def test_findings_stated_absent_are_negated(text, entity, value):
    [e] = [e for e in extractor.load().entities(text) if e.entity == entity]
    assert (e.value, e.role) == (value, "negated")


def test_positions_point_at_the_text():
    text = "Tissue NGS: ALK p.Gly1202Arg and L1196M; MET/CEP7 ratio 6; ECOG 2; on Lorbrena?"
    for e in extractor.load().entities(text):
        assert text[e.start:e.end] == e.text


def test_unknown_drugs_are_reported_with_a_suggestion():
    # three slips from brigatinib: beyond the reader's typo tolerance (typist.py), named back with a suggestion
    found = {e.value: e for e in extractor.load().entities("had xyzinib then brigatanibbb") if e.entity == "unknown_drug"}
    assert set(found) == {"xyzinib", "brigatanibbb"}
    assert extractor.did_you_mean("brigatanibbb") == "brigatinib"
    # two slips in a ten-letter name are read as it (the read-back shows it)
    assert extractor.extract_case("had brigatanibb") == {"prior_tkis": ["brigatinib"]}
    assert extractor.did_you_mean("xyzinib") is None


def test_a_broken_phrase_fails_the_build(monkeypatch, tmp_path):
    broken = dict(vocabulary.table())
    broken["regexes"] = broken["regexes"] + [{"entity": "ecog", "value": "1", "negated_only": False,
                                              "pattern": "unbalanced (bracket"}]
    monkeypatch.setattr(vocabulary, "table", lambda kb=None: broken)
    with pytest.raises(Exception, match="missing \\)|unbalanced|unterminated"):
        build(tmp_path / "clinical")


def test_huge_text_is_bounded():
    """Nothing past MAX_CHARS is read: a finding inside the limit is, the thousands after it are not. (A text of the
    limit's length dense with findings, read in full, took minutes of the suite: the reader's work on such text is the
    bench's hostile figure, bench/nlu_phrasings.py.)"""
    inside = "G1202R " + "x" * (extractor.MAX_CHARS - 7)
    assert len(inside) == extractor.MAX_CHARS
    assert {e.value for e in extractor.load().entities(inside + " L1196M" * 10000)} == {"G1202R"}


def test_rasa_component_adds_entities_with_roles():
    from rasa.shared.nlu.training_data.message import Message

    from bot.nlu.rasa_component import ClinicalEntityExtractor

    component = ClinicalEntityExtractor(ClinicalEntityExtractor.get_default_config())
    [message] = component.process([Message.build(text="alectinib, no MET amp, ECOG 1")])
    got = [(e["entity"], e["value"], e.get("role"), e["extractor"]) for e in message.get("entities")]
    assert got == [("tki", "alectinib", None, "ClinicalEntityExtractor"),
                   ("bypass_alteration", "MET_amplification", "negated", "ClinicalEntityExtractor"),
                   ("ecog", "1", None, "ClinicalEntityExtractor")]


def test_cli_extract_prints_the_partial_case():
    out = subprocess.run([sys.executable, "-m", "bot", "extract", "alectinib then systemic PD, tissue NGS G1202R, ECOG 1"],
                         capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == {"prior_tkis": ["alectinib"], "progression": "systemic", "biopsy": "tissue",
                               "alk_mutations": ["G1202R"], "ecog": 1}


def test_findings_make_a_message_information_whatever_the_classifier_heard():
    from rasa.shared.nlu.training_data.message import Message

    from bot.nlu.rasa_component import ClinicalEntityExtractor, FindingsAreInformation

    extractor_component = ClinicalEntityExtractor(ClinicalEntityExtractor.get_default_config())
    override = FindingsAreInformation(FindingsAreInformation.get_default_config())
    cases = [("systemic progression", "practice_stats", "inform"), ("no, ECOG 2", "deny", "inform"),
             ("why not brigatinib?", "ask_why", "ask_why"), ("no", "deny", "deny"),
             ("xyzinib", "nlu_fallback", "nlu_fallback"), ("is lorlatinib safe with statins?", "help", "help"),
             ("NGS: G1202fs", "nlu_fallback", "inform"),
             # only supposed or offered: a question about a scenario, whatever the classifier heard
             ("G1202R after lorlatinib?", "inform", "what_if"),
             ("what about a patient with MET amplification after brigatinib", "inform", "what_if"),
             ("considering lorlatinib", "inform", "what_if"),
             # stated, or stated beside a question: information
             ("G1202R after lorlatinib", "inform", "inform"), ("on alectinib, what next?", "inform", "inform"),
             ("what next?", "inform", "inform"),
             # a history with a plan on a condition asks nothing: information, whatever the classifier heard
             ("alectinib, lorlatinib, if G1202R is found", "what_if", "inform"),
             ("crizotinib then alectinib; brigatinib should G1202R be confirmed", "what_if", "inform"),
             ("alec 2019-2023 - lorla, if G1202R on rebx", "what_if", "inform"),
             # a what-if, even beside what it states, stays one
             ("alectinib, lorlatinib - what if G1202R is found?", "what_if", "what_if"),
             ("on alectinib; what if there were a G1202R", "what_if", "what_if"),
             ("what if it were brigatinib", "what_if", "what_if"),
             ("crizo for L1198F after lorla - any data", "what_if", "what_if")]
    for text, heard, expected in cases:
        message = Message.build(text=text)
        message.set("intent", {"name": heard, "confidence": 0.4})
        [message] = override.process(extractor_component.process([message]))
        assert message.get("intent")["name"] == expected, text


def test_cli_extract_names_what_it_did_not_take():
    done = subprocess.run([sys.executable, "-m", "bot", "extract", "MET amplified, MET not amplified; NGS G1202fs; "
                           "should we give lorlatinib?"], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == {}
    assert done.stderr.splitlines() == ["stated both ways, left out: bypass_alterations",
                                        "unreadable variant, not read: G1202fs",
                                        "candidate, not taken as a finding: lorlatinib"]


def test_cli_extract_loads_no_model_stack():
    code = ("import sys, bot.__main__ as m; m.main(['extract', 'alectinib, G1202R']); "
            "print(sorted({k.split('.')[0] for k in sys.modules} & {'tensorflow', 'rasa', 'spacy', 'torch', 'thinc'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"
