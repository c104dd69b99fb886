"""The clinical extractor as a Rasa 3 NLU component (config.yml: bot.nlu.rasa_component.ClinicalEntityExtractor).

It needs no training: the pipeline is built from the knowledge base by `make` (bot/nlu/build.py) and loaded from
`pipeline_path`; if that is missing or stale it is built in memory, so a model never serves an outdated vocabulary.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.extractor import DEFAULT_PATH, Extractor, load


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class ClinicalEntityExtractor(GraphComponent, EntityExtractorMixin):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"pipeline_path": str(DEFAULT_PATH)}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.extractor: Extractor = load(config.get("pipeline_path") or None)

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "ClinicalEntityExtractor":
        return cls(config)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "ClinicalEntityExtractor":
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text: Optional[Text] = message.get(TEXT)
            if not text:
                continue
            found = [dict(e.as_rasa(), confidence_entity=1.0) for e in self.extractor.entities(text)]
            if found:
                message.set(ENTITIES, message.get(ENTITIES, []) + self.add_extractor_name(found),
                            add_to_output=True)
        return messages
