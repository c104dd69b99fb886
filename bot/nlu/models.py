"""The shape of bot/nlu/clinical_phrases.yml and bot/nlu/therapy_phrases.yml, as pydantic models (pydantic 1).

The extractor's vocabulary (vocabulary.py) reads the file through :func:`checked`: every phrase names an entity,
a value and at least one pattern; every cue list is a list of patterns. New keys are let through (a phrase may
carry more than the reader uses yet, and a new cue section is the reader's business): the model guards what the
reader relies on, not the file's growth. Whether a pattern compiles is the vocabulary's check (python -m
bot.nlu.build). The therapy table (therapies.py reads it through :func:`checked_therapies`) refuses unknown keys;
whether its therapy ids exist is the reader's check.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Extra, StrictBool, StrictInt, StrictStr

from bot.knowledge.models import Strict, check_shape, not_empty

Patterns = list[StrictStr]
CueSection = dict[StrictStr, Patterns]


class Lenient(BaseModel):
    class Config:
        extra = Extra.allow
        allow_mutation = False


class Phrase(Lenient):
    entity: StrictStr
    value: StrictStr | StrictInt | StrictBool
    patterns: Patterns
    negated_only: StrictBool = False
    # read only where refused ("carboplatin pemetrexed offered but declined"), not where denied otherwise ("no
    # pemetrexed" denies the agent, not the class): context.Context._refused
    refused_only: StrictBool = False
    # a gene denied on its own ("ERBB2 negative"): each of its bypass alterations stated absent (its group `gene`)
    gene_denial: StrictBool = False
    stated_absent: StrictBool = False  # the phrase itself says the finding is absent ("MET CN 2 (not amplified)")
    # not read where another gene is named right before or after it unless ALK is in its clause ("no TP53 or KRAS
    # mutations" is not "no ALK mutations"; reader.Reader._another_genes)
    not_other_genes: StrictBool = False
    _some = not_empty("patterns", says="must list at least one pattern")


class ClinicalPhrases(Lenient):
    defines: dict[StrictStr, StrictStr] = {}
    # brand names of other-class drugs, read wherever a phrase or cue names the generic (vocabulary.build)
    drug_brands: dict[StrictStr, StrictStr] = {}
    not_negatable: list[StrictStr]
    unchanged_when_new: list[StrictStr]
    phrases: list[Phrase]
    negation: CueSection
    candidate: CueSection
    tki_negation: CueSection
    hypothetical: CueSection
    other_people: CueSection  # other patients and other people, and where this patient is taken up again (context/)
    intolerance: CueSection
    proposal: CueSection  # a therapy proposed in a question (context/)
    # the cues that give a therapy its role (therapies.py), with negation, tki_negation, candidate and hypothetical
    rejected: CueSection
    preferred: CueSection
    prior: CueSection
    fallback: CueSection
    therapy_clause: CueSection
    # the words that join a list (context/ ListWords, also therapies.py), its kinds and groups of findings, and the
    # cues of the order the TKIs were given in
    list_words: CueSection
    list_kinds: dict[StrictStr, list[StrictStr]]
    list_groups: dict[StrictStr, list[StrictStr]]
    treatment_order: CueSection
    toxicity_reason: CueSection  # why a TKI was stopped (context/, with intolerance)
    after_copulas: Patterns  # between a finding and any section's `after` cues


class Merge(Strict):
    """Therapies chosen together that are one choice ('SRS and continue alectinib')."""

    when_all: list[StrictStr]
    becomes: StrictStr


class LesserForm(Strict):
    """A form of a regimen the knowledge base ranks below the regimen's own ('WBRT' beside radiosurgery)."""

    regimen: StrictStr  # the therapy id of regimens.yml it is a form of
    label: StrictStr  # how the grader names it
    caveat: StrictStr  # the caveat id of caveats.yml that says why it is not the preferred form


class TherapyPhrases(Strict):
    """How therapies are written (therapy_phrases.yml, read by therapies.py): unknown keys are refused."""

    therapies: dict[StrictStr, Patterns] = {}  # therapy id, family or request_information -> phrases
    acronyms: dict[StrictStr, Patterns] = {}  # matched with their case
    brands: dict[StrictStr, list[StrictStr]] = {}  # therapy id -> brand names of its other-class drugs
    families: dict[StrictStr, list[StrictStr]] = {}  # a generic word -> therapy ids
    not_in_knowledge_base: Patterns = []  # therapies recognised in a question, though no regimen of the KB
    combinations: dict[StrictStr, list[StrictStr]] = {}  # a combined regimen -> the therapies/families it contains
    merges: list[Merge] = []
    lesser_forms: dict[StrictStr, LesserForm] = {}  # a therapy word -> the regimen it is a lesser form of
    asides: dict[Literal["reason", "later", "fallback", "compared"], Patterns] = {}  # words opening an aside


def checked(raw: Any) -> dict[str, Any]:
    """``raw`` if it has the shape of clinical_phrases.yml; otherwise a ValueError naming the entry at fault."""
    return check_shape(ClinicalPhrases, raw, "bot/nlu/clinical_phrases.yml")


def checked_therapies(raw: Any) -> dict[str, Any]:
    """``raw`` if it has the shape of therapy_phrases.yml; otherwise a ValueError naming the entry at fault."""
    return check_shape(TherapyPhrases, raw, "bot/nlu/therapy_phrases.yml")
