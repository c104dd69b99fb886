"""Paraphrases, in the helper's own words, of correctly-read sentences of the weakest tuned phrasing halves (sets 9,
10, 11, 13) for the fields whose wording varies most: a reading fitted to one wording should survive another.

tests/nlu/paraphrase_robustness.yml (two thirds: tuned on) must read right throughout; the held-back third
(paraphrase_robustness_holdback.yml, written first, its failures never looked at while tuning) is held to a floor
and shows only its figure. A paraphrase reads right when each scored field is read exactly as expected, and a scored
field it does not state is not read (a list compares as a set, except prior_tkis, whose order is part of it)."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest
import yaml

from bot.nlu import extractor

HERE = Path(__file__).resolve().parent
MAIN = HERE / "paraphrase_robustness.yml"
HOLDBACK = HERE / "paraphrase_robustness_holdback.yml"
SCORED = ("progression", "biopsy", "ecog", "transformation", "bypass_alterations", "prior_tkis", "cns_lesions")
# the share of the held-back third read right after tuning on the other two thirds, less 0.01
HOLDBACK_FLOOR = 0.9021  # 83 of 91 read right (0.9121) after; 82 of 91 (0.9011) before (commit 3cc46ac)


def load_rows(path: Path) -> list[dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _value(name: str, value: Any) -> Any:
    return frozenset(value) if isinstance(value, list) and name != "prior_tkis" else value


def reads_right(row: dict[str, Any], read: Callable[[str], dict[str, Any]]) -> bool:
    got, want = read(row["text"]), row["expect"]
    return all(_value(n, got.get(n)) == _value(n, want.get(n)) for n in SCORED)


ROWS = load_rows(MAIN)


def test_files_are_well_formed():
    for path in (MAIN, HOLDBACK):
        rows = load_rows(path)
        assert rows and all(set(r) == {"text", "source", "expect"} for r in rows), path.name
        assert all(set(r["expect"]) <= set(SCORED) and r["expect"] for r in rows), path.name
    assert len(load_rows(HOLDBACK)) * 2 == len(ROWS)  # the held-back third


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['source']}:{r['text'][:40]}" for r in ROWS])
def test_each_paraphrase_reads_right(row):
    got = extractor.extract_case(row["text"])
    assert reads_right(row, extractor.extract_case), ({n: got.get(n) for n in SCORED}, row["expect"])


def test_the_held_back_third_reads_right_at_its_floor():
    rows = load_rows(HOLDBACK)
    share = sum(reads_right(r, extractor.extract_case) for r in rows) / len(rows)
    assert share >= HOLDBACK_FLOOR, round(share, 4)  # the figure only: its sentences are not shown


# The classes generalised to read the paraphrases, each beside near-miss texts that must not read as it (a plan, a
# question, a relative's finding, a steroid's maintenance, a value or a dose a little larger, one gene denied, the
# diagnosis's tissue, a symptom that is new): (text, the scored fields as they must be read, None = not read).
CLASSES = [
    # a bypass gene's variant in three-letter notation, the knowledge base's named variants by their own ids
    ("NRAS c.181C>A (p.Gln61Lys)", {"bypass_alterations": ["NRAS_mutation"]}),
    ("EGFR p.Leu858Arg detected on the rebiopsy", {"bypass_alterations": ["EGFR_mutation"], "biopsy": "tissue"}),
    ("KRAS p.Gly12Cys", {"bypass_alterations": ["KRAS_G12C"]}),
    ("BRAF p.(Val600Glu)", {"bypass_alterations": ["BRAF_V600E"]}),
    ("EGFR wild-type, KRAS p.Gly12Cys not detected", {"bypass_alterations": None}),
    # neuroendocrine markers each said negative
    ("Rebiopsy IHC: chromogranin neg, INSM1 neg.", {"biopsy": "tissue", "transformation": "none"}),
    ("Rebiopsy: synaptophysin neg, chromogranin positive.", {"biopsy": "tissue", "transformation": None}),
    # the progression's tissue named by its time
    ("Tissue obtained at progression: MET amplification.", {"biopsy": "tissue",
                                                             "bypass_alterations": ["MET_amplification"]}),
    ("tissue at diagnosis: EML4-ALK", {"biopsy": None}),
    ("we will send tissue at progression", {"biopsy": None}),
    # brain lesions counted past a bracketed size, "an isolated" one, a count bracketed after a brain-only progression
    ("two tiny (3 mm) asymptomatic brain mets", {"cns_lesions": "limited"}),
    ("an isolated cerebellar metastasis", {"cns_lesions": "limited"}),
    ("brain metastases (<1 cm) x 12", {"cns_lesions": None}),
    ("her sister has three small (<1 cm) brain metastases", {"cns_lesions": None}),
    ("progression in the brain only (3 new lesions)", {"cns_lesions": "limited", "progression": "cns_only"}),
    ("PD in the brain only (12 new lesions)", {"cns_lesions": "extensive", "progression": "cns_only"}),
    # stable on the maintenance chemotherapy, "currently"
    ("currently stable on maintenance pemetrexed", {"progression": "none"}),
    ("she is stable on maintenance dexamethasone", {"progression": None}),
    ("haemodynamically stable on noradrenaline", {"progression": None}),
    # a lesion a little larger
    ("the right adrenal nodule is marginally bigger, nothing new", {"progression": "indolent"}),
    ("slightly larger dose of dexamethasone", {"progression": None}),
    ("creatinine slightly increased", {"progression": None}),
    ("lesion slightly smaller", {"progression": None}),
    # the score after the verb of its change
    ("ECOG worsened 1 -> 2", {"ecog": 2}),
    ("if ECOG improves 2 -> 1 we will restart", {"ecog": None}),
    # the rest responding before new lesions counted in digits, or after a bare comma with a site or lesion named
    ("liver mets smaller, 2 new bone mets", {"progression": "oligoprogression"}),
    ("lung lesions stable, new cough", {"progression": None}),
    ("fracture of the left ilium, no metastases", {"progression": None}),
    # the body said without progression beside a brain-only progression
    ("one new brain met; extracranial disease without progression", {"progression": "cns_only",
                                                                     "cns_lesions": "limited"}),
    ("no new brain lesions; extracranial disease without progression", {"progression": None}),
    # the body's scan with its day or date before what it shows
    ("MRI brain: one new 5 mm lesion. CT body 11/2025 unchanged.", {"progression": "cns_only", "cns_lesions": "limited"}),
    ("MRI brain: one new 5 mm lesion. CT body same day: new liver mets.", {"progression": None}),
    # sites bracketed after a progression, each with its lesion's word
    ("progression 03/2026 (liver lesions, bone mets, adrenal)", {"progression": "systemic"}),
    # a plasma test that found nothing
    ("Guardant360: nothing reportable", {"biopsy": "plasma", "bypass_alterations": []}),
    ("ctDNA: no ALK alterations", {"bypass_alterations": None}),
    ("Plan: plasma NGS; if nothing detected, rebiopsy", {"bypass_alterations": None, "biopsy": None}),
    ("will the plasma NGS show nothing?", {"bypass_alterations": None}),
]


@pytest.mark.parametrize("text,fields", CLASSES, ids=[t for t, _ in CLASSES])
def test_each_class_reads_and_its_near_misses_do_not(text, fields):
    got = extractor.extract_case(text)
    assert {n: _value(n, got.get(n)) for n in fields} == {n: _value(n, v) for n, v in fields.items()}, got
