"""Reading free text: which findings an answer names. (Which therapy it chooses, rejects or names as given is the
extractor's therapy-role reader: tests/nlu/test_therapy_roles.py.)"""
from __future__ import annotations

import pytest
import yaml

from bot.nlu import therapies
from bot.practice import findings

# text, findings that must be cited, findings that must not be
FINDS = [
    ("p.Gly1202Arg", ["alk_mutations:G1202R"], []),
    ("g1202r", ["alk_mutations:G1202R"], []),
    ("G1202R not detected", [], ["alk_mutations:G1202R"]),
    ("no MET amplification", ["bypass_alterations:none"], ["bypass_alterations:MET_amplification"]),
    ("BRAF V600E", ["bypass_alterations:BRAF_V600E"], ["alk_mutations:V600E"]),
    ("MET/CEP7 ratio of 6", ["bypass_alterations:MET_amplification"], []),
    ("ECOG 1", [], ["ecog:3-4"]),
    ("PS 3", ["ecog:3-4"], []),
    ("bedbound", ["ecog:3-4"], []),
    ("ECOG 3-4", ["ecog:3-4"], ["ecog:0-2"]),  # the extractor's ECOG grammar: a range, "PS", "performance status"
    ("ECOG PS 2", ["ecog:0-2"], ["ecog:3-4"]),
    ("performance status of 4", ["ecog:3-4"], []),
    ("asymptomatic", [], ["symptomatic:true"]),
    ("gatekeeper mutation", ["alk_mutations:L1196M"], []),
    ("gatekeeper-adjacent mutation", ["alk_mutations:V1180L"], ["alk_mutations:L1196M"]),
    ("1151Tins", ["alk_mutations:1151Tins"], []),
    ("cisplatin/pemetrexed", [], ["compound:true"]),
    ("after Lorbrena", ["prior_tkis:lorlatinib"], []),
    ("crizotinib only so far", ["prior_tkis:crizotinib"], []),
    ("liquid biopsy", ["biopsy:plasma"], []),
    ("rifampin", ["strong_cyp3a_inducer:true"], []),
    ("SCLC transformation", ["transformation:small_cell"], []),
    ("one new adrenal lesion", ["progression:oligoprogression"], []),
    ("isolated CNS progression", ["progression:cns_only"], []),
    ("no leptomeningeal disease", [], ["leptomeningeal:true"]),
    ("squamous", ["squamous"], []),
    ("treated in the EU", ["region:EU"], []),
]


@pytest.mark.parametrize("text, present, absent", FINDS, ids=[f[0] for f in FINDS])
def test_finding_reading(text, present, absent):
    cited = findings.default().cited(text)
    assert set(present) <= cited, cited
    assert not set(absent) & cited, cited


def test_every_rule_has_a_key_finding_entry():
    table = findings.default()
    assert set(table.rules) == set(table.kb.rules)


def test_a_rule_without_key_findings_entry_fails():
    raw = yaml.safe_load(findings.FINDINGS_FILE.read_text())
    table = dict(raw["key_findings"])
    del table["M2"]
    with pytest.raises(ValueError, match="rule M2 has no entry"):
        findings.FindingTable(dict(raw, key_findings=table), therapies.load().kb, therapies.load())
