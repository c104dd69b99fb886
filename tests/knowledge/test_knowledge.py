"""The knowledge base loads, and a broken one fails loudly, naming the file and the entry at fault."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot import knowledge
from bot.decision import Engine

KB_DIR = knowledge.KNOWLEDGE_DIR
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(KB_DIR, target)
    return target


def edit(directory: Path, name: str, change) -> None:
    path = directory / f"{name}.yml"
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def test_project_knowledge_base_loads_and_every_rule_is_reachable():
    kb = knowledge.load(KB_DIR)
    Engine(kb)
    assert kb.version and kb.alk_length == 1620
    assert {"G1202R", "L1196M", "I1171N", "1151Tins"} <= set(kb.mutations)


def test_project_knowledge_base_matches_its_recorded_hash():
    """content_sha256 in meta.yml must match the files: edit the KB, bump the version, re-hash."""
    knowledge.check_content_hash(KB_DIR)


def _bump(directory: Path) -> str:
    meta = directory / "meta.yml"
    text = meta.read_text()
    old = re.search(r"(?m)^knowledge_version: (\S+)$", text).group(1)
    year, month, patch = old.split(".")
    new = f"{year}.{month}.{int(patch) + 1}"
    meta.write_text(text.replace(f"knowledge_version: {old}", f"knowledge_version: {new}"))
    return new


def test_content_change_without_a_version_bump_is_refused(kb_copy):
    """A clinical statement edited in a copy of the KB, version and hash untouched: the hash check refuses it,
    naming the version that should have been bumped; bumping the version and re-hashing makes it load."""
    path = kb_copy / "caveats.yml"
    path.write_text(path.read_text().replace("keep the gap to the next therapy short", "keep the gap short", 1))
    with pytest.raises(knowledge.KnowledgeError, match=r"meta.yml: content_sha256: .*knowledge_version "
                                                       + re.escape(knowledge.default().version) + " was not bumped"):
        knowledge.check_content_hash(kb_copy)
    cli = [sys.executable, "-m", "bot"]
    refused = subprocess.run(cli + ["check-kb", "--path", str(kb_copy)], capture_output=True, text=True, cwd=ROOT)
    assert refused.returncode != 0 and "was not bumped" in refused.stderr + refused.stdout
    new_version = _bump(kb_copy)
    subprocess.run(cli + ["kb-hash", "--path", str(kb_copy), "--write"], check=True, capture_output=True, cwd=ROOT)
    knowledge.check_content_hash(kb_copy)
    assert knowledge.load(kb_copy).version == new_version


def test_a_comment_or_layout_edit_is_not_a_content_change(kb_copy):
    """The hash covers what the knowledge base says, not how the file is laid out: a comment added and a line
    re-indented as an equivalent flow list leave the hash (and so the version) valid; a value changed does not."""
    path = kb_copy / "regimens.yml"
    path.write_text("# a reviewer's comment\n" + path.read_text())
    knowledge.check_content_hash(kb_copy)
    path.write_text(path.read_text().replace("# a reviewer's comment\n", "", 1).replace("kind:", "kind: ", 1))
    knowledge.check_content_hash(kb_copy)
    meta = kb_copy / "meta.yml"
    meta.write_text(meta.read_text().replace("tumour-board review", "tumour board review", 1))
    with pytest.raises(knowledge.KnowledgeError, match="content_sha256"):
        knowledge.check_content_hash(kb_copy)


def test_a_version_bump_alone_is_refused_until_rehashed(kb_copy):
    _bump(kb_copy)
    with pytest.raises(knowledge.KnowledgeError, match="content_sha256"):
        knowledge.check_content_hash(kb_copy)


def test_every_mutation_has_a_call_for_every_tki_and_matches_alk(kb=None):
    kb = knowledge.default()
    for m in list(kb.mutations.values()) + list(kb.compounds.values()):
        assert set(m.activity) == set(kb.drugs), m.name
    for name in kb.mutations:
        ref, pos, _ = knowledge.parse_mutation(name)
        assert ref is None or kb.reference_residue(pos) == ref


@pytest.mark.parametrize("file, change, where, says", [
    ("evidence", lambda d: d["evidence"].pop("SHAW2019"), "SHAW2019", "not in evidence.yml"),
    ("mutations", lambda d: d["mutations"]["G1202R"]["activity"].pop("brigatinib"), "G1202R",
     "no activity call for brigatinib"),
    ("mutations", lambda d: d["mutations"]["L1196M"]["activity"]["lorlatinib"].update(call="maybe"),
     "L1196M.activity.lorlatinib", "'call' must be one of"),
    ("mutations", lambda d: d["mutations"].update(G2032R=d["mutations"]["G1202R"]), "G2032R",
     "outside ALK's 1620 amino acids"),
    ("mutations", lambda d: d["mutations"].update(A1202R=d["mutations"]["G1202R"]), "A1202R", "ALK has G at 1202"),
    ("mutations", lambda d: d["compound_mutations"]["G1202R+L1196M"].update(members=["G1202R", "X9999Y"]),
     "G1202R+L1196M", "member 'X9999Y'"),
    ("rules", lambda d: d["rules"]["M2"]["variants"]["default"].update(preferred=["lorlatinib_plus_magic"]), "M2",
     "therapy id 'lorlatinib_plus_magic' is not in regimens.yml"),
    ("rules", lambda d: d["rules"]["S1"]["variants"]["default"].update(caveats=["no_such_caveat"]), "S1",
     "caveat 'no_such_caveat'"),
    ("rules", lambda d: d["rules"]["M1"]["variants"]["default"].update(preferred=["pd1_pdl1_monotherapy"]), "M1",
     "may only be named in 'avoid'"),
    ("regimens", lambda d: d["regimens"]["abcp"].update(kind="magic"), "abcp", "'kind' must be one of"),
    ("regimens", lambda d: d["regimens"]["abcp"]["contraindications"][0].update(when="tuesday"),
     "abcp.contraindications[0]", "'when' must be one of"),
    ("regimens", lambda d: d["regimens"]["abcp"].update(drug="lorlatinib"), "abcp",
     "an alk_tki regimen names its drug, others none"),
    ("regimens", lambda d: d["regimens"]["abcp"].update(avoid_only=True), "abcp", "'avoid_reason' must be"),
    ("drugs", lambda d: d["drugs"]["lorlatinib"].update(genration="3G"), "lorlatinib", "unknown key 'genration'"),
    ("drugs", lambda d: d["drugs"]["lorlatinib"].update(dose_label="  "), "lorlatinib", "'dose_label' must be non-empty"),
    ("evidence", lambda d: d["evidence"]["SHAW2019"].update(year="2019"), "SHAW2019", "'year'"),
    ("rules", lambda d: d["rules"]["M2"].pop("title"), "M2", "'title' is required"),
    ("rules", lambda d: d["rules"]["M2"]["variants"]["default"]["alternatives"].update(abcp=""),
     "M2.variants", "abcp: 'why' must be non-empty text"),
    ("mutations", lambda d: d["mutations"]["L1196M"]["activity"]["lorlatinib"].update(evidence=[]),
     "L1196M.activity.lorlatinib", "at least one evidence key"),
    ("mutations", lambda d: d["compound_mutations"].pop("default"), "compound_mutations",
     "a 'default' compound entry is required"),
    ("mutations", lambda d: d["compound_mutations"]["G1202R+L1196M"].update(members=["G1202R"]), "G1202R+L1196M",
     "at least two members"),
    ("bypass", lambda d: d["transformations"].update(adenosquamous=d["transformations"]["squamous"]), "adenosquamous",
     "not an allowed name"),
    ("caveats", lambda d: d.update(caveats={}), "caveats", "missing or empty section"),
    ("drugs", lambda d: d["drugs"]["lorlatinib"].update(generation="9G"), "lorlatinib", "'generation' must be"),
    ("caveats", lambda d: d["caveats"]["flare_risk"].update(evidence=[]), "flare_risk", "at least one evidence key"),
    ("meta", lambda d: d.update(knowledge_version="latest"), "knowledge_version", "must look like"),
    ("bypass", lambda d: d["bypass_alterations"]["MET_amplification"].update(group="maybe"), "MET_amplification",
     "'group' must be one of"),
    ("meta", lambda d: d["karnofsky_to_ecog"]["MA2010-PS"][1]["kps"].remove(90), "MA2010-PS",
     "every Karnofsky score 10-100 once"),
    ("meta", lambda d: d["karnofsky_to_ecog"]["MA2010-PS"][1].update(ecog=[5]), "karnofsky_to_ecog.MA2010-PS[1]",
     "ECOG grades are 0-4"),
    ("meta", lambda d: d["karnofsky_to_ecog"]["MA2010-PS"][1].update(kps=[85, 80, 90]),
     "karnofsky_to_ecog.MA2010-PS[1]", "Karnofsky scores are 10-100 in tens"),
    ("meta", lambda d: d["karnofsky_to_ecog"].update(NOSUCH=d["karnofsky_to_ecog"]["MA2010-PS"]), "karnofsky_to_ecog",
     "evidence key 'NOSUCH' is not in evidence.yml"),
    ("drugs", lambda d: d["strong_cyp3a_inducers"]["phenobarbital"].update(evidence=["NOSUCH"]),
     "strong_cyp3a_inducers.phenobarbital", "evidence key 'NOSUCH' is not in evidence.yml"),
    ("drugs", lambda d: d["strong_cyp3a_inducers"]["primidone"].update(evidence=[]), "primidone",
     "at least one evidence key"),
    ("drugs", lambda d: d["strong_cyp3a_inducers"]["fosphenytoin"].update(brand=["Cerebyx"]), "fosphenytoin",
     "unknown key 'brand'"),
    ("drugs", lambda d: d.update(strong_cyp3a_inducers={}), "strong_cyp3a_inducers", "missing or empty section"),
])
def test_broken_knowledge_base_names_file_and_entry(kb_copy, file, change, where, says):
    edit(kb_copy, file, change)
    with pytest.raises(knowledge.KnowledgeError) as err:
        knowledge.load(kb_copy)
    message = str(err.value)
    assert f"{file}.yml" in message and where in message and says in message, message


def test_unreachable_rule_is_caught_by_its_witness(kb_copy):
    # A witness that no longer reaches its rule means the rule became unreachable (or the witness is wrong).
    edit(kb_copy, "rules", lambda d: d["rules"]["S4"].update(witness={**d["rules"]["S4"]["witness"],
                                                                       "progression": "systemic"}))
    with pytest.raises(knowledge.KnowledgeError, match=r"rules.yml: S4.witness: the witness case does not reach S4"):
        Engine(knowledge.load(kb_copy))


def test_rules_out_of_order_are_refused(kb_copy):
    def swap(d):
        rules = d["rules"]
        d["rules"] = {"M2" if k == "M1" else "M1" if k == "M2" else k: rules["M2" if k == "M1" else "M1" if k == "M2" else k]
                      for k in rules}
    edit(kb_copy, "rules", swap)
    with pytest.raises(knowledge.KnowledgeError, match="in that order"):
        Engine(knowledge.load(kb_copy))


def test_invalid_yaml_names_the_file(kb_copy):
    (kb_copy / "drugs.yml").write_text("drugs: [unclosed\n")
    with pytest.raises(knowledge.KnowledgeError, match=r"drugs.yml: \(file\): not valid YAML"):
        knowledge.load(kb_copy)


@pytest.mark.parametrize("text, canonical", [
    ("G1202R", "G1202R"), ("p.G1202R", "G1202R"), ("p.Gly1202Arg", "G1202R"), ("Gly1202Arg", "G1202R"),
    ("gly1202arg", "G1202R"), ("p.(Gly1202Arg)", "G1202R"), ("l1196m", "L1196M"), ("T1151dup", "1151Tins"),
    ("1151Tins", "1151Tins"), ("p.Thr1151dup", "1151Tins"), ("Ile1171Asn", "I1171N"),
])
def test_mutation_spellings_normalise(text, canonical):
    assert knowledge.default().canonical_mutation(text) == canonical


def test_evidence_links_are_built_from_identifiers():
    ev = knowledge.default().evidence
    assert ev["SHAW2019"].url == "https://doi.org/10.1200/JCO.18.02236"
    assert ev["ALTA3-2023"].url == "https://clinicaltrials.gov/study/NCT03596866"
    assert ev["NCCN2019"].url is None


def test_a_witness_that_is_not_a_valid_case_is_refused(kb_copy):
    edit(kb_copy, "rules", lambda d: d["rules"]["S4"].update(witness={"ecog": 9}))
    with pytest.raises(knowledge.KnowledgeError, match=r"rules.yml: S4.witness: not a valid case: ecog"):
        Engine(knowledge.load(kb_copy))


# ---- Karnofsky -> ECOG: a score is converted only where every cited table puts it on one grade ---------------------

def _raw_tables() -> dict:
    return yaml.safe_load((KB_DIR / "meta.yml").read_text())["karnofsky_to_ecog"]


def test_a_karnofsky_score_converts_only_where_every_table_admits_one_grade():
    tables = _raw_tables()
    assert len(tables) >= 2 and all(source in knowledge.default().evidence for source in tables)
    agreed = {}
    for score in range(10, 101, 10):
        admitted = [{g for row in rows if score in row["kps"] for g in row["ecog"]} for rows in tables.values()]
        common = set.intersection(*admitted)
        if len(common) == 1:
            agreed[score] = common.pop()
    assert knowledge.default().karnofsky_ecog == agreed and agreed


def test_the_scores_the_ecog_acrin_and_ma_tables_put_on_different_grades_are_never_converted():
    # ECOG-ACRIN's comparison puts KPS 90 with ECOG 0, 70 with 1, 50 with 2 and 30 with 3; Ma et al. 2010 one grade
    # worse: whatever other tables are added, these scores stay unconverted
    assert not {90, 70, 50, 30} & set(knowledge.default().karnofsky_ecog)


def test_a_table_that_disagrees_removes_a_conversion_and_one_that_agrees_keeps_it(kb_copy):
    def disagree(d):
        rows = d["karnofsky_to_ecog"]["MA2010-PS"]
        rows[0]["kps"].append(80)  # Ma's table moved to put KPS 80 with ECOG 0
        rows[1]["kps"].remove(80)
    edit(kb_copy, "meta", disagree)
    assert 80 not in knowledge.load(kb_copy).karnofsky_ecog
    edit(kb_copy, "meta", lambda d: d["karnofsky_to_ecog"].pop("PRASAD2018-PS"))
    kb = knowledge.load(kb_copy)
    assert kb.karnofsky_ecog.get(60) == 2 and 80 not in kb.karnofsky_ecog  # Prasad alone put 60 with ECOG 3


def test_the_grades_a_disputed_score_falls_between_are_the_tables_own():
    kb = knowledge.default()
    assert kb.karnofsky_spread(70) == (1, 2) and kb.karnofsky_spread(90) == (0, 1)
    assert kb.karnofsky_spread(85) is None


# ---- strong CYP3A inducers (drugs.yml strong_cyp3a_inducers; rule X3) ----------------------------------------------

def test_phenobarbital_primidone_and_fosphenytoin_are_strong_inducers_on_the_fda_based_table():
    kb = knowledge.default()
    for name in ("phenobarbital", "primidone", "fosphenytoin"):
        assert "CYP3A-UPTODATE-76992" in kb.strong_cyp3a_inducers[name].evidence, name
    # the drugs the earlier phrase-file list named stay
    assert {"rifampicin", "carbamazepine", "phenytoin", "St John's wort"} <= set(kb.strong_cyp3a_inducers)


def test_no_moderate_inducer_of_the_cited_table_is_listed_as_strong():
    """The FDA-based table's moderate inducers (bar St John's wort, which the labels name strong) are no name of a
    strong inducer."""
    kb = knowledge.default()
    spellings = {s.lower() for i in kb.strong_cyp3a_inducers.values() for s in i.spellings}
    moderate = {"bosentan", "dexamethasone", "efavirenz", "etravirine", "modafinil", "nafcillin", "rifabutin",
                "rifapentine", "lorlatinib", "cenobamate", "eslicarbazepine", "dabrafenib"}
    assert not moderate & spellings
    assert "luminal" not in spellings  # a phenobarbital brand that is also a word of reports


def test_every_inducer_variant_of_X3_says_where_the_sources_disagree():
    kb = knowledge.default()
    for name in ("default", "unknown", "unstoppable"):
        assert "cyp3a_inducer_sources" in kb.rules["X3"].variants[name].caveats, name
    assert "cyp3a_inducer_sources" not in kb.rules["X3"].variants["inhibitor"].caveats
    cited = set(kb.caveats["cyp3a_inducer_sources"].evidence)
    assert {"CYP3A-FDA-TABLE", "CYP3A-UPTODATE-76992", "ALUNBRIG-MIMS", "UW-DIDB-CYP3A"} <= cited


def test_the_fda_table_is_cited_at_fdas_own_page_and_flagged_where_its_rows_were_not_read():
    """CYP3A-FDA-TABLE is FDA's page, not a copy of a secondary table; what could not be read there is said, and no
    inducer's class rests on it alone."""
    kb = knowledge.default()
    fda = kb.evidence["CYP3A-FDA-TABLE"]
    addresses = re.findall(r"https?://[^\s,;)]+", fda.citation)
    assert addresses and all(a.startswith("https://www.fda.gov/drugs/drug-interactions-labeling/") for a in addresses)
    assert fda.level == "regulatory" and fda.unverified
    for name, inducer in kb.strong_cyp3a_inducers.items():
        assert "CYP3A-FDA-TABLE" not in inducer.evidence, name


def test_the_brands_of_the_strong_inducers_cite_the_label_that_names_them():
    kb = knowledge.default()
    for name, brand in [("enzalutamide", "Xtandi"), ("apalutamide", "Erleada"), ("mitotane", "Lysodren"),
                        ("rifampicin", "Rifadin"), ("lumacaftor", "Orkambi")]:
        inducer = kb.strong_cyp3a_inducers[name]
        assert brand in inducer.brands and inducer.brand_evidence, name
        for key in inducer.brand_evidence:
            citation = kb.evidence[key].citation
            assert brand.upper() in citation and "accessed 2026-12-03" in citation, key
            assert kb.evidence[key].level == "regulatory", key
    assert "ivacaftor" in kb.evidence["ORKAMBI-LABEL"].citation  # Orkambi is the combination, not lumacaftor alone
    for name, inducer in kb.strong_cyp3a_inducers.items():  # and every other brand listed
        for brand in inducer.brands:
            assert any(brand.upper() in kb.evidence[k].citation.upper() for k in inducer.brand_evidence), (name, brand)


def test_brand_evidence_needs_brands(kb_copy):
    def add(d):
        d["strong_cyp3a_inducers"]["phenobarbital"]["brand_evidence"] = ["LABEL-QA"]
    edit(kb_copy, "drugs", add)
    with pytest.raises(knowledge.KnowledgeError, match="brand_evidence"):
        knowledge.load(kb_copy)
    def unknown(d):
        del d["strong_cyp3a_inducers"]["phenobarbital"]["brand_evidence"]
        d["strong_cyp3a_inducers"]["mitotane"]["brand_evidence"] = ["NO-SUCH-LABEL"]
    edit(kb_copy, "drugs", unknown)
    with pytest.raises(knowledge.KnowledgeError, match="NO-SUCH-LABEL"):
        knowledge.load(kb_copy)
