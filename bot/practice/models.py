"""The shape of the practice files, as pydantic models (pydantic 1): the case bank (``cases/*.yml``) and the
grader's table (``grading_findings.yml``; how therapies are written is the extractor's, bot/nlu/therapy_phrases.yml).

A model says which keys a file may hold and of which type; unknown keys are refused. What needs the knowledge base
or several files (an evidence key resolves, a therapy id or rule id exists, a case id is unique across files) is
checked by the loaders (bank.py, findings.py). Phrases are regular expressions; the loaders compile
them.
"""

from __future__ import annotations

from typing import Any, Literal, get_args

from pydantic import Field, StrictBool, StrictInt, StrictStr, ValidationError, root_validator, validator

from bot.decision import CaseError, validate_case
from bot.knowledge.models import Strict, check_shape, cites, first_problem, not_empty, texts

Topic = Literal[
    "scope",
    "testing",
    "on_target_mutation",
    "compound_mutation",
    "bypass",
    "transformation",
    "progression_pattern",
    "cns",
    "performance_status",
    "modifiers",
]
TOPICS = get_args(Topic)
DIFFICULTIES = (1, 2, 3)

Phrases = list[StrictStr]

# ---- cases/*.yml ---------------------------------------------------------------------------------------------------


class TeachingPoint(Strict):
    text: str
    evidence: list[StrictStr]  # keys of bot/knowledge/evidence.yml (resolved by the loader)

    _text = texts("text", one_line=True)
    _cites = cites("evidence")


class PracticeCaseEntry(Strict):
    """A bank case: a vignette, the structured case and teaching points; never an expected answer."""

    id: StrictStr
    title: str
    topic: Topic
    difficulty: StrictInt
    vignette: str
    case: dict[StrictStr, Any]
    teaching_points: list[TeachingPoint]
    about_missing_information: StrictBool = False

    _texts = texts("title", "vignette", one_line=True)

    @validator("difficulty")
    def _difficulty(cls, value: int) -> int:
        if value not in DIFFICULTIES:
            raise ValueError(f"must be one of {', '.join(map(str, DIFFICULTIES))}")
        return value

    @validator("case")
    def _schema_valid(cls, case: dict[str, Any]) -> dict[str, Any]:
        try:
            validate_case(case)
        except CaseError as err:
            raise ValueError(f"is not valid against case.schema.json: {err}") from None
        return case

    _some_points = not_empty("teaching_points", says="must list at least one point")


class CaseFile(Strict):
    cases: list[PracticeCaseEntry]

    @validator("cases", pre=True)
    def _some_cases(cls, cases: Any) -> Any:
        if not isinstance(cases, list) or not cases:
            raise ValueError("expected a top-level 'cases' list")
        return cases


def case_file_problem(err: ValidationError, raw: Any) -> tuple[str, str]:
    """(case id, message) for the first problem of a case file: the case is named by its id where it has one."""
    entry, message = first_problem(err, frozenset({"cases"}))
    head, _, rest = entry.partition("]")
    if not head.startswith("[") or not head[1:].isdigit():
        return "(file)", message
    case = raw["cases"][int(head[1:])]
    case_id = str(case.get("id", f"(case {head[1:]})")) if isinstance(case, dict) else f"(case {head[1:]})"
    rest = rest.lstrip(".")
    return case_id, f"{rest}: {message}" if rest else message


# ---- grading_findings.yml ------------------------------------------------------------------------------------------


class KeyFindingRow(Strict):
    """One key finding of a rule: a case field (limited by 'when', named 'as'), or a finding that always holds."""

    field: StrictStr | None = None
    when: list[Any] | None = None
    as_: StrictStr | None = Field(None, alias="as")
    finding: StrictStr | None = None

    @root_validator(skip_on_failure=True)
    def _field_or_finding(cls, values: dict[str, Any]) -> dict[str, Any]:
        if (values["field"] is None) == (values["finding"] is None):
            raise ValueError("names either a case field ('field') or a finding ('finding')")
        return values


class GradingFindings(Strict):
    """The rule -> key-finding table, labels, hints and the finder's phrases (read by findings.py)."""

    key_findings: dict[StrictStr, list[KeyFindingRow]] = {}  # rule id -> rows (the loader checks the ids)
    buckets: dict[StrictStr, dict[StrictStr, list[Any]]] = {}
    labels: dict[StrictStr, StrictStr] = {}
    hints: dict[StrictStr, StrictStr] = {}
    general_hints: list[StrictStr] = []
    finder: dict[StrictStr, Phrases] = {}  # absent findings are read with the extractor's negation


def checked(model: type[Strict], raw: Any, file: str) -> Any:
    """``raw`` if it has the shape ``model`` describes; otherwise a ValueError naming the file and the entry."""
    return check_shape(model, raw, f"bot/practice/{file}")
