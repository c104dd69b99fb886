"""The practice case bank (``bot/practice/cases/*.yml``): load it, check it, and serve cases and their expected answers.

A case holds a vignette, the structured case and teaching points, never an answer: the expected answer is
whatever :func:`bot.decision.decide` returns, so the bank can never drift from the engine. Loading checks
everything a trainee could trip over later (schema-valid cases, unique ids, known topics and difficulties,
evidence keys that resolve) and raises :class:`BankError` naming the file and the case. Pure: no Rasa and no
database imports.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

import yaml

from bot import knowledge
from bot.decision import CaseError, decide, validate_case

CASES_DIR = Path(__file__).resolve().parent / "cases"
TOPICS = ("scope", "testing", "on_target_mutation", "compound_mutation", "bypass", "transformation",
          "progression_pattern", "cns", "performance_status", "modifiers")
TOPIC_LABELS = {"scope": "scope", "testing": "testing", "on_target_mutation": "on-target mutations",
                "compound_mutation": "compound mutations", "bypass": "bypass alterations",
                "transformation": "transformation", "progression_pattern": "pattern of progression", "cns": "CNS",
                "performance_status": "performance status", "modifiers": "modifiers"}
DIFFICULTIES = (1, 2, 3)
DIFFICULTY_LABELS = {1: "easy", 2: "medium", 3: "hard"}
REQUIRED = ("id", "title", "topic", "difficulty", "vignette", "case", "teaching_points")
OPTIONAL = ("about_missing_information",)


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


def _need(ok: object, file: str, case_id: str, message: str) -> None:
    if not ok:
        raise BankError(file, case_id, message)


def _text(value: Any, file: str, case_id: str, what: str) -> str:
    _need(isinstance(value, str) and value.strip() != "", file, case_id, f"'{what}' must be non-empty text")
    return " ".join(value.split())


def _teaching_points(raw: Any, file: str, case_id: str, evidence: Mapping[str, Any]) -> tuple[TeachingPoint, ...]:
    _need(isinstance(raw, list) and raw, file, case_id, "'teaching_points' must list at least one point")
    points = []
    for i, point in enumerate(raw):
        where = f"teaching_points[{i}]"
        _need(isinstance(point, dict), file, case_id, f"{where} must be a mapping with text and evidence")
        keys = point.get("evidence")
        _need(isinstance(keys, list) and keys, file, case_id, f"{where} must cite at least one evidence key")
        for key in keys:
            _need(key in evidence, file, case_id, f"{where}: evidence key '{key}' is not in evidence.yml")
        points.append(TeachingPoint(_text(point.get("text"), file, case_id, f"{where}.text"), tuple(keys)))
    return tuple(points)


def _parse_case(raw: Any, file: str, kb: knowledge.KnowledgeBase) -> PracticeCase:
    _need(isinstance(raw, dict), file, "(entry)", "each case must be a mapping")
    case_id = str(raw.get("id", "(no id)"))
    for key in REQUIRED:
        _need(key in raw, file, case_id, f"missing '{key}'")
    unknown = set(raw) - set(REQUIRED) - set(OPTIONAL)
    _need(not unknown, file, case_id, f"unknown keys: {', '.join(sorted(unknown))}")
    _need(raw["topic"] in TOPICS, file, case_id, f"topic '{raw['topic']}' is not one of {', '.join(TOPICS)}")
    _need(raw["difficulty"] in DIFFICULTIES and type(raw["difficulty"]) is int, file, case_id,
          f"difficulty must be one of {', '.join(map(str, DIFFICULTIES))}")
    about_missing = raw.get("about_missing_information", False)
    _need(isinstance(about_missing, bool), file, case_id, "'about_missing_information' must be true or false")
    try:
        validate_case(raw["case"])
    except CaseError as err:
        raise BankError(file, case_id, f"case is not valid against case.schema.json: {err}") from None
    return PracticeCase(case_id, _text(raw["title"], file, case_id, "title"), raw["topic"], raw["difficulty"],
                        _text(raw["vignette"], file, case_id, "vignette"), dict(raw["case"]),
                        _teaching_points(raw["teaching_points"], file, case_id, kb.evidence), about_missing, file)


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
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as err:
            raise BankError(path.name, "(file)", f"not valid YAML: {err}") from None
        _need(isinstance(data, dict) and isinstance(data.get("cases"), list) and data["cases"], path.name, "(file)",
              "expected a top-level 'cases' list")
        for raw in data["cases"]:
            practice_case = _parse_case(raw, path.name, kb)
            _need(practice_case.id not in seen, path.name, practice_case.id,
                  f"duplicate id (also in {seen.get(practice_case.id)})")
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


def nearest_topic(topic: str, exclude: set[str] | frozenset[str] = frozenset()) -> str | None:
    """The topic closest to ``topic`` that still has cases outside ``exclude`` (case ids): topics are ordered as
    the decision module checks a case (scope, testing, mutations, ..., modifiers), so the nearest is the
    neighbouring step of the same reasoning; the later neighbour wins a tie."""
    i = TOPICS.index(topic)
    by_distance = sorted((t for t in TOPICS if t != topic), key=lambda t: (abs(TOPICS.index(t) - i), -TOPICS.index(t)))
    return next((t for t in by_distance if any(c.id not in exclude for c in cases(t))), None)
