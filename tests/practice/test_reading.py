"""Reading free text: which therapy is chosen, rejected or already given, and which findings are named."""
from __future__ import annotations

import pytest
import yaml

from bot.practice import findings, vocabulary

# text, chosen therapy, therapies read as rejected, therapies read as already given
CHOICES = [
    ("after alectinib and brigatinib, lorlatinib", "lorlatinib", [], ["alectinib", "brigatinib"]),
    ("switch from alectinib to lorlatinib", "lorlatinib", [], ["alectinib"]),
    ("progressed on Alecensa; Lorbrena next", "lorlatinib", [], ["alectinib"]),
    ("alectinib-refractory disease: lorlatinib", "lorlatinib", [], ["alectinib"]),
    ("no chemo, lorlatinib", "lorlatinib", ["chemotherapy"], []),
    ("avoid brigatinib, ceritinib and alectinib; lorlatinib is the answer", "lorlatinib",
     ["brigatinib", "ceritinib", "alectinib"], []),
    ("Avoid crizotinib/ceritinib/alectinib/brigatinib. Lorlatinib.", "lorlatinib",
     ["crizotinib", "ceritinib", "alectinib", "brigatinib"], []),
    ("brigatinib would be wrong here, lorlatinib", "lorlatinib", ["brigatinib"], []),
    ("lorlatinib rather than chemo or brigatinib", "lorlatinib", ["chemotherapy", "brigatinib"], []),
    ("I wouldn't give pembrolizumab; lorlatinib", "lorlatinib", ["pd1_pdl1_monotherapy"], []),
    ("Don't use osimertinib", None, ["egfr_tki"], []),
    ("no role for immunotherapy. Lorlatinib.", "lorlatinib", ["pd1_pdl1_monotherapy"], []),
    ("hold alectinib and give lorlatinib", "lorlatinib", ["alectinib"], []),
    ("stop rifampicin, then lorlatinib", "lorlatinib", [], []),
    ("lorlatinib; keep chemo for later", "lorlatinib", [], []),
    ("chemo if lorlatinib isn't available", "chemotherapy", [], []),
    ("maybe a trial, otherwise carbo/pem", "clinical_trial", [], []),
    ("carbo/pem +/- bev or ABCP", "platinum_pemetrexed", [], []),
    ("cisplatin-pemetrexed", "platinum_pemetrexed", [], []),
    ("carboplatin with paclitaxel", "platinum_paclitaxel", [], []),
    ("SRS, then continue alectinib", "local_therapy_continue_tki", [], []),
    ("I'd give lorla", "lorlatinib", [], []),
    ("alectanib", "alectinib", [], []),
    ("Xalkori", "crizotinib", [], []),
    ("NVL-655", "clinical_trial", [], []),
    ("refer to the molecular tumor board", "molecular_tumor_board", [], []),
    ("palliative care only", "best_supportive_care", [], []),
    ("continue current therapy with short-interval imaging", "continue_current_therapy", [], []),
    ("single-agent immunotherapy", "pd1_pdl1_monotherapy", [], []),
    ("the step was right", None, [], []),
]


@pytest.mark.parametrize("text, chosen, rejected, prior", CHOICES, ids=[c[0][:40] for c in CHOICES])
def test_therapy_reading(text, chosen, rejected, prior):
    choice = vocabulary.default().choice(text)
    assert choice.therapy == chosen, [(m.value, m.reading) for m in choice.mentions]
    assert set(rejected) <= set(choice.rejected())
    assert set(prior) <= set(choice.prior())


def test_every_kb_tki_spelling_is_understood():
    kb = vocabulary.default().kb
    for rid, regimen in kb.regimens.items():
        if regimen.kind == "alk_tki":
            drug = kb.drugs[regimen.drug]
            for spelling in (drug.name, *drug.brands, *drug.misspellings):
                assert vocabulary.default().choice(f"I would give {spelling}").therapy == rid, spelling


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


def test_a_broken_vocabulary_fails_naming_the_entry():
    raw = yaml.safe_load(vocabulary.VOCABULARY_FILE.read_text())
    kb = vocabulary.default().kb
    with pytest.raises(ValueError, match="therapies.radiowaves"):
        vocabulary.TherapyVocabulary(dict(raw, therapies={"radiowaves": ["x"]}), kb)
    with pytest.raises(ValueError, match="merges"):
        vocabulary.TherapyVocabulary(dict(raw, merges=[{"when_all": ["kind:magic"], "becomes": "lorlatinib"}]), kb)
    with pytest.raises(ValueError, match="cues: missing"):
        vocabulary.TherapyVocabulary(dict(raw, cues={}), kb)


def test_a_rule_without_key_findings_entry_fails():
    raw = yaml.safe_load(findings.FINDINGS_FILE.read_text())
    table = dict(raw["key_findings"])
    del table["M2"]
    with pytest.raises(ValueError, match="rule M2 has no entry"):
        findings.FindingTable(dict(raw, key_findings=table), vocabulary.default().kb, vocabulary.default())
