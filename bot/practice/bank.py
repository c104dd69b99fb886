"""The practice case bank (``bot/practice/cases/*.yml``): load it, check it, and serve cases and their expected answers.

A case holds a vignette, the structured case and teaching points, never an answer: the expected answer is
whatever :func:`bot.decision.decide` returns, so the bank can never drift from the engine. Loading checks
everything a trainee could trip over later and raises :class:`BankError` naming the file and the case: each file
against its pydantic model (bot/practice/models.py: known keys, topics and difficulties, schema-valid cases,
non-empty texts), then what crosses files (unique ids, evidence keys that resolve). Pure: no Rasa and no
database imports.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

import yaml
from pydantic import ValidationError

from bot import knowledge
from bot.decision import decide
from bot.practice import models

CASES_DIR = Path(__file__).resolve().parent / "cases"
TOPICS, DIFFICULTIES = models.TOPICS, models.DIFFICULTIES
TOPIC_LABELS = {"scope": "scope", "testing": "testing", "on_target_mutation": "on-target mutations",
                "compound_mutation": "compound mutations", "bypass": "bypass alterations",
                "transformation": "transformation", "progression_pattern": "pattern of progression", "cns": "CNS",
                "performance_status": "performance status", "modifiers": "modifiers"}
DIFFICULTY_LABELS = {1: "easy", 2: "medium", 3: "hard"}
# How a trainee names a topic or a difficulty when asking for a case ("quiz me on hard CNS cases").
TOPIC_WORDS = {
    "scope": r"scope|out of scope",
    "testing": r"testing|biops(?:y|ies)|rebiops(?:y|ies)|ngs|ctdna|liquid",
    "on_target_mutation": r"on[- ]target|resistance mutations?|single mutations?|kinase[- ]domain",
    "compound_mutation": r"compound",
    "bypass": r"bypass|met\b|off[- ]target",
    "transformation": r"transformation|small[- ]cell|sclc",
    "progression_pattern": r"oligo\w*|pattern|indolent",
    "cns": r"cns|brain|lepto\w*|intracranial",
    "performance_status": r"performance|ecog|frail",
    "modifiers": r"modifiers?|toxicit\w*|interactions?|cyp3a",
}
DIFFICULTY_WORDS = {1: r"easy|simple|basic", 2: r"medium|intermediate", 3: r"hard|difficult|advanced|tricky"}


class BankError(ValueError):
    """The case bank is broken: the message names the file and the case."""

    def __init__(self, file: str, case_id: str, message: str):
        super().__init__(f"bot/practice/cases/{file}: {case_id}: {message}")
        self.file, self.case_id = file, case_id


@dataclass(frozen=True)
class TeachingPoint:
    text: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class PracticeCase:
    id: str
    title: str
    topic: str
    difficulty: int
    vignette: str
    case: Mapping[str, Any]
    teaching_points: tuple[TeachingPoint, ...]
    about_missing_information: bool
    file: str


def _need(ok: bool, file: str, case_id: str, message: str) -> None:
    if not ok:
        raise BankError(file, case_id, message)


def _read(path: Path) -> list[PracticeCase]:
    """The cases of one file, checked against the file's model (models.CaseFile)."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise BankError(path.name, "(file)", f"not valid YAML: {err}") from None
    _need(isinstance(raw, dict), path.name, "(file)", "expected a top-level 'cases' list")
    try:
        parsed = models.CaseFile.parse_obj(raw)
    except ValidationError as err:
        raise BankError(path.name, *models.case_file_problem(err, raw)) from None
    return [PracticeCase(c.id, c.title, c.topic, c.difficulty, c.vignette, dict(c.case),
                         tuple(TeachingPoint(p.text, tuple(p.evidence)) for p in c.teaching_points),
                         c.about_missing_information, path.name) for c in parsed.cases]


class Bank:
    """The checked cases of one directory, in file then listing order."""

    def __init__(self, practice_cases: list[PracticeCase]):
        self._cases = {c.id: c for c in practice_cases}

    def __len__(self) -> int:
        return len(self._cases)

    def get(self, case_id: str) -> PracticeCase:
        try:
            return self._cases[case_id]
        except KeyError:
            raise KeyError(f"no practice case '{case_id}'") from None

    def cases(self, topic: str | None = None, difficulty: int | None = None) -> list[PracticeCase]:
        """The cases on ``topic`` at ``difficulty`` (either may be None for all)."""
        if topic is not None and topic not in TOPICS:
            raise ValueError(f"unknown topic '{topic}'; topics: {', '.join(TOPICS)}")
        return [c for c in self._cases.values()
                if (topic is None or c.topic == topic) and (difficulty is None or c.difficulty == difficulty)]


def load(directory: Path | str = CASES_DIR, kb: knowledge.KnowledgeBase | None = None) -> Bank:
    """Read and check every case file; raise BankError on the first problem found."""
    kb = kb or knowledge.default()
    directory = Path(directory)
    files = sorted(directory.glob("*.yml"))
    if not files:
        raise BankError(str(directory), "(files)", "no case files found")
    seen: dict[str, str] = {}
    loaded = []
    for path in files:
        for practice_case in _read(path):
            _need(practice_case.id not in seen, path.name, practice_case.id,
                  f"duplicate id (also in {seen.get(practice_case.id)})")
            for i, point in enumerate(practice_case.teaching_points):
                for key in point.evidence:
                    _need(key in kb.evidence, path.name, practice_case.id,
                          f"teaching_points[{i}]: evidence key '{key}' is not in evidence.yml")
            seen[practice_case.id] = path.name
            loaded.append(practice_case)
    return Bank(loaded)


@lru_cache(maxsize=1)
def default() -> Bank:
    """The project's case bank, loaded and checked once per process."""
    return load(CASES_DIR)


def cases(topic: str | None = None, difficulty: int | None = None) -> list[PracticeCase]:
    """The project's cases on ``topic`` at ``difficulty`` (either may be None for all)."""
    return default().cases(topic, difficulty)


def get(case_id: str) -> PracticeCase:
    return default().get(case_id)


def expected(case_id: str) -> dict[str, Any]:
    """The expected answer: the decision module's recommendation for the case, never a stored one."""
    return decide(get(case_id).case)


def sizes() -> dict[str, dict[str, Any]]:
    """How many cases the bank holds per topic, in all and per difficulty (the practice menu shows them)."""
    return {t: {"label": TOPIC_LABELS[t], "total": len(cases(t)),
                "by_difficulty": {str(d): len(cases(t, d)) for d in DIFFICULTIES}} for t in TOPICS}


def filters_named(text: str) -> tuple[str | None, int | None]:
    """The topic and difficulty a request for a case names ("quiz me on hard CNS cases"), each None if not named."""
    text = text.lower()
    topic = next((t for t, words in TOPIC_WORDS.items() if re.search(rf"\b(?:{words})", text)), None)
    level = next((d for d, words in DIFFICULTY_WORDS.items() if re.search(rf"\b(?:{words})\b", text)), None)
    return topic, level


def nearest_topic(topic: str, exclude: set[str] | frozenset[str] = frozenset()) -> str | None:
    """The topic closest to ``topic`` that still has cases outside ``exclude`` (case ids): topics are ordered as
    the decision module checks a case (scope, testing, mutations, ..., modifiers), so the nearest is the
    neighbouring step of the same reasoning; the later neighbour wins a tie."""
    i = TOPICS.index(topic)
    by_distance = sorted((t for t in TOPICS if t != topic), key=lambda t: (abs(TOPICS.index(t) - i), -TOPICS.index(t)))
    return next((t for t in by_distance if any(c.id not in exclude for c in cases(t))), None)
