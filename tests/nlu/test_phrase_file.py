"""clinical_phrases.yml has the shape the extractor relies on (bot/nlu/models.py), and a malformed entry fails
loudly, naming the entry; keys the reader does not use yet are let through."""
from __future__ import annotations

import pytest
import yaml

from bot.nlu import models, vocabulary


def _raw() -> dict:
    return yaml.safe_load(vocabulary.PHRASES_FILE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("change, says", [
    (lambda d: d["phrases"][3].update(patterns=[]), "phrases[3]: 'patterns' must list at least one pattern"),
    (lambda d: d["phrases"][0].pop("entity"), "phrases[0]: 'entity' is required"),
    (lambda d: d["negation"].update(before="no"), "negation: 'before': value is not a valid list"),
    (lambda d: d.pop("hypothetical"), "'hypothetical' is required"),
    (lambda d: d["phrases"][1].update(patterns=["systemic", 7]), "phrases[1].patterns[1]: str type expected"),
])
def test_a_malformed_phrase_file_names_the_entry(change, says):
    raw = _raw()
    change(raw)
    with pytest.raises(ValueError) as err:
        models.checked(raw)
    assert str(err.value).startswith("bot/nlu/clinical_phrases.yml: ") and says in str(err.value), str(err.value)


def test_keys_the_reader_does_not_use_yet_are_let_through():
    raw = _raw()
    models.checked(raw)
    raw["phrases"][0]["role"] = "stated"
    raw["new_cues"] = {"before": ["x"]}
    assert models.checked(raw) is raw
