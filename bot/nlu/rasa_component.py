"""The clinical extractor in Rasa's NLU pipeline (config.yml): ClinicalEntityExtractor returns its entities,
ClinicalEntityFeaturizer gives the intent classifier the kinds of facts a message states, and
FindingsAreInformation reads a message that states findings as information.

Both readers go through the spaCy pipeline (pipeline.py) saved at var/nlu/clinical by `make nlu`: each message
becomes a Doc whose `doc.spans["clinical"]` are the findings (label, `_.value`, `_.role`), turned here into Rasa
entity dicts. spaCy hosts the pipeline in the Rasa server; `python -m bot extract` and the actions call the same
reader (reader.py, context/) without importing spaCy, whose 3.4 import pulls TensorFlow through thinc. No
training (GraphComponent.load() builds each component through create(), storing nothing): a pipeline built from
another vocabulary than the current one is rebuilt when the component loads, so a model never serves an outdated
vocabulary.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.nlu.featurizers.sparse_featurizer.sparse_featurizer import SparseFeaturizer
from rasa.nlu.tokenizers.tokenizer import Tokenizer
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from spacy.language import Language

from bot import intents, rasa_patches
from bot.nlu import compiled, pipeline
from bot.nlu.build import DEFAULT_PATH
from bot.nlu.entity import Entity
from bot.nlu.extractor import ENTITIES as ENTITY_NAMES
from bot.nlu.extractor import ROLES

rasa_patches.apply()  # Rasa imports this module (config.yml) whenever it loads or trains a model: bot/rasa_patches.py


@lru_cache(maxsize=1)
def _nlp() -> Language:
    return pipeline.load(DEFAULT_PATH)


def read(text: str) -> list[Entity]:
    """The findings in a message, read by the spaCy pipeline."""
    return list(_read(text))


@lru_cache(maxsize=16)
def _read(text: str) -> tuple[Entity, ...]:
    """Each message is read by both the extractor and the featurizer below: the second gets the first's findings
    (frozen Entity values; the pipeline is fixed once loaded, so the same text gives the same findings)."""
    return tuple(pipeline.entities(_nlp()(text)))


def _asks(text: str | None) -> bool:
    """Some sentence of the message asks (the spaCy pipeline's extractor: extractor.message_asks); in doubt, it
    asks."""
    reader = pipeline.reader_of(_nlp())
    return not text or reader is None or reader.asks(text)


# The reader's own files: its code, phrase files and the knowledge base it is built from (scripts/model_inputs.sh
# fingerprints the same folders for `make model`).
READER_DIRS = (Path(__file__).resolve().parent, Path(__file__).resolve().parents[1] / "knowledge")


@cache
def reader_fingerprint(dirs: tuple[Path, ...] = READER_DIRS) -> str:
    """A fingerprint of every file the reader is made of (.py and .yml under ``dirs``). Rasa's training cache
    (.rasa/cache) keys a component's output on its config and inputs only, not on its code: without this addon a
    retrained model reuses the training examples as an older reader featurized them (a new entity kind made the
    classifier expect one feature fewer than the server then gave it, and the model could not read a message)."""
    return compiled.files_fingerprint(
        (str(path.relative_to(d)), path)
        for d in dirs
        for path in sorted(p for p in d.rglob("*") if p.suffix in (".py", ".yml") and p.is_file())
    )


class _ReaderFingerprint:
    """Rasa's fingerprint of the component's output includes the reader's files (``reader_fingerprint``)."""

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        return reader_fingerprint()


class _BuiltFromItsConfig(_ReaderFingerprint, GraphComponent):
    """A component built from its config alone: nothing to train, store or load (GraphComponent.load() calls
    create())."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> GraphComponent:
        return cls(config)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class ClinicalEntityExtractor(_BuiltFromItsConfig, EntityExtractorMixin):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {}

    def __init__(self, config: dict[str, Any]) -> None:
        _nlp()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text: str | None = message.get(TEXT)
            if not text:
                continue
            found = [dict(e.as_rasa(), confidence_entity=1.0) for e in read(text)]
            if found:
                message.set(ENTITIES, message.get(ENTITIES, []) + self.add_extractor_name(found), add_to_output=True)
        return messages


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class ClinicalEntityFeaturizer(_ReaderFingerprint, SparseFeaturizer, GraphComponent):
    """Tells the intent classifier which kinds of clinical facts a message states (a drug, a mutation, a negated
    finding ...), so that "MET FISH negative" reads as giving findings and not as a bare "no"."""

    COLUMNS = (*ENTITY_NAMES, *ROLES)

    @classmethod
    def required_components(cls) -> list[type]:
        return [Tokenizer]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return SparseFeaturizer.get_default_config()

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        """Nothing to check: the component has no settings of its own."""

    def __init__(self, config: dict[str, Any], name: str) -> None:
        super().__init__(name, config)
        _nlp()

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ClinicalEntityFeaturizer:
        # Rasa names every graph node; its own featurizers pass the Optional node_name the same way
        return cls(config, execution_context.node_name)  # type: ignore[arg-type]

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            tokens = message.get(TOKENS_NAMES[TEXT], [])
            if not message.get(TEXT) or not tokens:
                continue
            sequence = np.zeros([len(tokens), len(self.COLUMNS)])
            sentence = np.zeros([1, len(self.COLUMNS)])
            for e in read(message.get(TEXT)):
                columns = [self.COLUMNS.index(e.entity)] + ([self.COLUMNS.index(e.role)] if e.role else [])
                sentence[0, columns] = 1.0
                for i, token in enumerate(tokens):
                    if token.start < e.end and token.end > e.start:
                        sequence[i, columns] = 1.0
            self.add_features_to_message(
                scipy.sparse.coo_matrix(sequence), scipy.sparse.coo_matrix(sentence), TEXT, message
            )
        return messages


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class FindingsAreInformation(_BuiltFromItsConfig):
    """A message that states case findings is giving information, whatever small talk the classifier heard in it;
    one that only supposes them is a question, even when the classifier heard information.

    Runs after the intent classifiers (and the fallback): when the top intent is one that carries no findings
    (greeting, yes/no, help, fallback …) but the clinical extractor found some in the message, the intent becomes
    `inform`. The intents it overrides are the registry's `no_findings` ones (bot/intents.py), not a list in
    config.yml. Questions that name findings ("why not brigatinib?", "what if MET amp?") keep their intent, and
    findings only supposed or offered (roles `hypothetical`, `candidate`) do not make a message information. The
    converse: when the classifier says `inform` but every finding the extractor read is only supposed or offered
    ("G1202R after lorlatinib?", "what about a patient with MET amp after brigatinib"), the message asks about a
    scenario: the intent becomes the registry's `SUPPOSES_FINDINGS` (what_if), answered and never written into the
    case. And back: when the classifier says what_if but the extractor reads findings stated as facts and nothing in
    the message asks, only a condition supposes ("alectinib, lorlatinib, if G1202R is found": a history and a plan
    on a condition), the message is information: its stated findings are written, the planned ones stay supposed."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "override": sorted(intents.NO_FINDINGS),
            "ignore_entities": ["unknown_drug"],
            "ignore_roles": ["hypothetical", "candidate"],
        }

    def __init__(self, config: dict[str, Any]) -> None:
        self.override = frozenset(config["override"])
        self.ignore = frozenset(config["ignore_entities"])
        self.ignore_roles = frozenset(config["ignore_roles"])

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            findings = [
                e
                for e in message.get(ENTITIES, [])
                if e.get("entity") not in self.ignore and e.get("role") not in self.ignore_roles
            ]
            supposed = [
                e
                for e in message.get(ENTITIES, [])
                if e.get("entity") not in self.ignore and e.get("role") in self.ignore_roles
            ]
            if intent.get(INTENT_NAME_KEY) in self.override and findings:
                self._become(message, intents.STATES_FINDINGS)
            elif intent.get(INTENT_NAME_KEY) == intents.STATES_FINDINGS and supposed and not findings:
                self._become(message, intents.SUPPOSES_FINDINGS)
            elif intent.get(INTENT_NAME_KEY) == intents.SUPPOSES_FINDINGS and findings and not _asks(message.get(TEXT)):
                self._become(message, intents.STATES_FINDINGS)
        return messages

    @staticmethod
    def _become(message: Message, name: str) -> None:
        """The message's intent becomes ``name``, first in the ranking."""
        chosen = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: 1.0}
        message.set(INTENT, chosen, add_to_output=True)
        ranking = [r for r in message.get(INTENT_RANKING_KEY, []) if r.get(INTENT_NAME_KEY) != name]
        message.set(INTENT_RANKING_KEY, [chosen, *ranking], add_to_output=True)
