"""Field-level scoring of the extractor on the independent phrasing sets (written by another hand, see
independent_tune.yml's header): shared by tests/nlu/test_independent.py and bench/nlu_phrasings.py.

Each case field the extractor reads is one (field, value) pair; a list contributes one pair per item, except
`prior_tkis` and `intolerant_tkis`, whose order is part of the answer (the whole list is one pair, so a wrong order
costs a false positive and a false negative). An empty list is the pair (field, []). `current_therapy: alk_tki`
counts as absent, as the set's conventions say.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

HERE = Path(__file__).resolve().parent
TUNE = HERE / "independent_tune.yml"
HELDOUT = HERE / "independent_heldout.yml"
QUESTIONS = HERE / "independent_questions.yml"  # questions that must not change the case, when the integrator adds it
# The second set, written later by another hand (/work/wt/phrasings2): a tuning half, a held-out half, and questions
# split the same way. Held-out files are copied in unread; only aggregate figures of them are ever printed.
TUNE2 = HERE / "independent2_tune.yml"
HELDOUT2 = HERE / "independent2_heldout.yml"
QUESTIONS2_TUNE = HERE / "independent2_questions_tune.yml"
QUESTIONS2_HELDOUT = HERE / "independent2_questions_heldout.yml"
# Sets 3 and 4, written later still by two other hands (/work/wt/set3: progress notes, letters, tumour boards, case
# reports; /work/wt/set4: report wording and chat shorthand), split and copied in the same way.
TUNE3 = HERE / "independent3_tune.yml"
HELDOUT3 = HERE / "independent3_heldout.yml"
QUESTIONS3_TUNE = HERE / "independent3_questions_tune.yml"
QUESTIONS3_HELDOUT = HERE / "independent3_questions_heldout.yml"
TUNE4 = HERE / "independent4_tune.yml"
HELDOUT4 = HERE / "independent4_heldout.yml"
QUESTIONS4_TUNE = HERE / "independent4_questions_tune.yml"
QUESTIONS4_HELDOUT = HERE / "independent4_questions_heldout.yml"
ORDERED = frozenset({"prior_tkis", "intolerant_tkis"})
# Fields a set's writer did not annotate, left out of its score: set 1 was written before the schema's
# alk_fusion_specimen (it never sets it, even for "ALK fusion not detected on the rebiopsy").
UNANNOTATED = {"1": frozenset({"alk_fusion_specimen"}), "2": frozenset(), "3": frozenset(), "4": frozenset()}


@dataclass(frozen=True)
class PhrasingFile:
    """One file of a phrasing set: `findings` (sentences with the fields they state) or `questions` (messages that
    must change nothing); `tuned` says whether the extractor was tuned on it (its sentences may be shown)."""
    set: str
    kind: str
    tuned: bool
    path: Path

    @property
    def name(self) -> str:
        return f"set {self.set} {self.kind} {'tuned' if self.tuned else 'held-out'}"


FILES = (PhrasingFile("1", "findings", True, TUNE), PhrasingFile("1", "findings", False, HELDOUT),
         PhrasingFile("1", "questions", False, QUESTIONS),
         PhrasingFile("2", "findings", True, TUNE2), PhrasingFile("2", "findings", False, HELDOUT2),
         PhrasingFile("2", "questions", True, QUESTIONS2_TUNE), PhrasingFile("2", "questions", False, QUESTIONS2_HELDOUT),
         PhrasingFile("3", "findings", True, TUNE3), PhrasingFile("3", "findings", False, HELDOUT3),
         PhrasingFile("3", "questions", True, QUESTIONS3_TUNE), PhrasingFile("3", "questions", False, QUESTIONS3_HELDOUT),
         PhrasingFile("4", "findings", True, TUNE4), PhrasingFile("4", "findings", False, HELDOUT4),
         PhrasingFile("4", "questions", True, QUESTIONS4_TUNE), PhrasingFile("4", "questions", False, QUESTIONS4_HELDOUT))


def changed_the_case(rows: list[dict[str, Any]], read: Callable[[str], dict[str, Any]]) -> list[str]:
    """The questions from which ``read`` takes any case field."""
    return [r["text"] for r in rows if read(r["text"])]


def items(path: Path) -> list[dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def pairs(fields: dict[str, Any], unannotated: frozenset[str] = frozenset()) -> set[tuple[str, str]]:
    out = set()
    for name, value in fields.items():
        if name in unannotated or (name == "current_therapy" and value == "alk_tki"):
            continue
        if name in ORDERED or not isinstance(value, list):
            out.add((name, json.dumps(value)))
        elif not value:
            out.add((name, "[]"))
        else:
            out |= {(name, json.dumps(v)) for v in value}
    return out


@dataclass
class Score:
    items: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    exact: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> dict[str, Any]:
        return {"items": self.items, "exact": self.exact, "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def score(rows: list[dict[str, Any]], read: Callable[[str], dict[str, Any]],
          unannotated: frozenset[str] = frozenset()) -> Score:
    s = Score()
    for row in rows:
        got, want = pairs(read(row["text"]), unannotated), pairs(row.get("expect") or {}, unannotated)
        s.items += 1
        s.tp, s.fp, s.fn = s.tp + len(got & want), s.fp + len(got - want), s.fn + len(want - got)
        if got == want:
            s.exact += 1
        else:
            s.misses.append({"text": row["text"], "class": row.get("class"), "extra": sorted(got - want),
                             "missing": sorted(want - got)})
    return s
