"""Bare answers: a word typed alone ("none", "no", "widespread", "not known") read as the answer to the question
just asked.

Every question's buttons are in the domain (domain.yml); typing a button's label must work as well
as pressing it, so the labels are read from there, and each field adds the words clinicians type instead. A bare
answer is only read when the whole message is that answer: anything longer goes through the clinical extractor.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from actions.case_state import SKIPPED
from bot import intents
from bot.decision.case import CASE_SCHEMA
from bot.nlu.extractor import case_fields

DOMAIN_FILE = Path(__file__).resolve().parents[1] / "domain.yml"
SKIP = object()  # the clinician does not know: skip the question
BOOLEAN = {
    True: (
        "yes",
        "y",
        "yep",
        "yeah",
        "yup",
        "positive",
        "present",
        "confirmed",
        "true",
        "correct",
        "affirmative",
        "pos",
    ),
    False: ("no", "n", "nope", "none", "negative", "absent", "not present", "false", "nil", "neg", "nah"),
}
NONE_FOUND = (
    "none",
    "no",
    "nil",
    "negative",
    "neg",
    "nothing",
    "none found",
    "none detected",
    "not detected",
    "wild type",
    "wt",
    "no mutation",
    "no mutations",
    "nothing found",
    "nothing detected",
    "nope",
)
DONT_KNOW = (
    "not known",
    "unknown",
    "dont know",
    "don't know",
    "do not know",
    "n/a",
    "na",
    "skip",
    "unsure",
    "not sure",
    "no idea",
    "pending",
    "not available",
    "not tested",
    "unclear",
    "idk",
    "dunno",
    "not done yet",
    "awaiting results",
    "results pending",
)
# Words for each answer beyond the buttons' labels; the keys are the case values (case.schema.json).
WORDS: dict[str, dict[Any, tuple[str, ...]]] = {
    "progression": {
        "systemic": (
            "systemic",
            "widespread",
            "multisite",
            "multi-site",
            "diffuse",
            "multiple sites",
            "several sites",
            "extensive",
            "disseminated",
            "generalised",
            "generalized",
            "sys",
            "systemic pd",
        ),
        "oligoprogression": (
            "oligo",
            "oligoprogression",
            "oligoprogressive",
            "limited",
            "one site",
            "single site",
            "a single site",
            "1 site",
            "2 sites",
            "few sites",
            "isolated",
            "local",
        ),
        "cns_only": (
            "cns",
            "cns only",
            "brain",
            "brain only",
            "intracranial",
            "intracranial only",
            "only brain",
            "only the brain",
            "cns-only",
        ),
        "indolent": ("indolent", "slow", "slow growth", "slowly", "asymptomatic slow", "slow asymptomatic"),
        "none": ("none", "no", "no progression", "stable", "sd", "stable disease", "nope"),
    },
    "biopsy": {
        "tissue": (
            "tissue",
            "tissue ngs",
            "core",
            "core biopsy",
            "rebiopsy",
            "re-biopsy",
            "biopsy",
            "tissue biopsy",
            "bx",
            "ngs",
        ),
        "plasma": ("plasma", "liquid", "liquid biopsy", "ctdna", "blood", "plasma ngs", "guardant"),
        "tissue_and_plasma": ("both", "tissue and plasma", "plasma and tissue", "tissue + plasma", "both done"),
        "none": ("none", "no", "no rebiopsy", "no re-biopsy", "no biopsy", "not done", "nope", "declined"),
    },
    "transformation": {
        "small_cell": ("small cell", "small-cell", "sclc", "sclc transformation", "neuroendocrine"),
        "small_cell_mixed": ("mixed", "mixed small cell", "mixed small-cell", "combined"),
        "squamous": ("squamous", "scc", "squamous transformation"),
        "none": ("none", "no", "nope", "no transformation", "negative", "adeno", "adenocarcinoma", "same histology"),
    },
    "goals_of_care": {
        "disease_directed": (
            "disease-directed",
            "disease directed",
            "treatment",
            "treat",
            "active treatment",
            "active",
            "full treatment",
            "anticancer treatment",
        ),
        "comfort": (
            "comfort",
            "comfort care",
            "palliative",
            "hospice",
            "bsc",
            "best supportive care",
            "supportive care",
            "end of life care",
        ),
    },
    "cns_lesions": {
        "limited": ("limited", "few", "1", "2", "3", "one", "two", "three", "srs", "amenable to srs", "small"),
        "extensive": ("extensive", "many", "multiple", "numerous", "widespread", "diffuse", "innumerable"),
    },
    "histology": {
        "adenocarcinoma": ("adeno", "adenocarcinoma", "adenoca", "adc", "luad"),
        "squamous": ("squamous", "scc", "squamous cell", "lusc"),
        "other_nsclc": ("other", "other nsclc", "nos", "nsclc nos", "large cell", "adenosquamous"),
    },
    "ecog": {
        n: (str(n), w, f"ps {n}", f"ecog {n}", f"who {n}")
        for n, w in enumerate(("zero", "one", "two", "three", "four"))
    },
    "prior_tkis": {(): ("none", "no", "nil", "tki naive", "tki-naive", "no tki", "none yet")},
}


BOOLEAN_FIELDS = frozenset(
    name
    for name, spec in CASE_SCHEMA["properties"].items()
    if "boolean" in (spec["type"] if isinstance(spec.get("type"), list) else [spec.get("type")])
)
_REGION = re.compile(r"^\s*([A-Za-z]{2})\s*\.?\s*$")  # a country code typed alone


def _normal(text: str) -> str:
    text = re.sub(r"\([^)]*\)", " ", text.lower())  # "Systemic (several sites)" is typed as "systemic" too
    return " ".join(re.sub(r"[.!,;:]+", " ", text).split())


def _button_value(field: str, payload: str) -> Any:
    """What pressing a button means for ``field``: a value, True/False, or SKIP."""
    intent, _, data = payload.lstrip("/").partition("{")
    if intent == "dont_know":
        return SKIP
    if intent in ("affirm", "deny"):
        return intent == "affirm"
    entities = [{"entity": k, "value": v} for k, v in json.loads("{" + data).items()] if data else []
    return case_fields(entities).get(field, SKIP)


@lru_cache(maxsize=1)
def _answers() -> dict[str, dict[str, Any]]:
    """For each askable field, every bare answer (normalised) and what it means."""
    responses = yaml.safe_load(DOMAIN_FILE.read_text())["responses"]
    table: dict[str, dict[str, Any]] = {}
    for name, variants in responses.items():
        if not name.startswith("utter_ask_"):
            continue
        field = name.removeprefix("utter_ask_")
        buttons = variants[0].get("buttons") or []
        answers = table.setdefault(field, {})
        if any(b["payload"] == "/affirm" for b in buttons):
            answers.update({w: value for value, words in BOOLEAN.items() for w in words})
        if field in ("alk_mutations", "bypass_alterations", "intolerant_tkis"):
            answers.update({w: [] for w in NONE_FOUND})
        for value, words in WORDS.get(field, {}).items():
            answers.update({w: list(value) if isinstance(value, tuple) else value for w in words})
        for button in buttons:
            answers[_normal(button["title"])] = _button_value(field, button["payload"])
        answers.update(dict.fromkeys(DONT_KNOW, SKIP))
    return table


def bare_answer(field: str, text: str) -> Any:
    """The value ``text`` gives ``field`` when it is a bare answer to that question; SKIP for 'not known'; None
    when the message is not a bare answer."""
    return _answers().get(field, {}).get(_normal(text))


def answer_to(field: str, message: Mapping[str, Any], skipped: list[str]) -> dict[str, Any]:
    """The slots a bare answer to the question about ``field`` sets: the field's value ('1' to the ECOG question,
    'no' or the deny button to a yes/no question), or the skipped list with ``field`` added for 'not known';
    nothing when the message is not a bare answer."""
    text = message.get("text") or ""
    intent = (message.get("intent") or {}).get("name")
    value = bare_answer(field, text)
    if value is SKIP or (value is None and intent in intents.SKIPS_QUESTION):
        return {SKIPPED: [*skipped, field]}
    if value is None and field in BOOLEAN_FIELDS and intent in ("affirm", "deny"):
        value = intent == "affirm"
    elif value is None and field == "region" and (m := _REGION.match(text)):
        value = m.group(1).upper()
    return {} if value is None else {field: value}
