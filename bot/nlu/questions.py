"""What a question about the case names: a label question (dosing, interactions, side effects), the therapies it
names as options, and whether a TKI is named as one the patient received (the therapy table and the prior-treatment
cues are the therapy-role reader's, bot/nlu/therapies.py).

The assistant answers such questions and never reads them into the case (actions/questions.py); the words are
here, beside the extractor that reads findings, so the actions hold none.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot import knowledge
from bot.nlu import compiled, therapies, vocabulary

_LABEL_WORDS = (
    r"dos(?:e|es|ed|ing|age)|mg|titrat\w*|interact\w*|safe|safely|together with|combined? with|alongside|"
    r"co-?administ\w*|(?:given|give|taken|take|used|use|start\w*)\s+(?:together\s+)?with|inducers?|rifamp\w*|"
    r"statins?|grapefruit|warfarin|anticoagula\w*|ppis?|side[- ]effects?|toxicit\w*|adverse|"
    r"qtc?|pregnan\w*|breast-?feeding|renal|hepatic|liver function|food"
)


@lru_cache(maxsize=1)
def _label_question() -> re.Pattern[str]:
    """The label-question words, with every strong CYP3A inducer's name of the knowledge base ("is lorlatinib safe
    with phenobarbital?")."""
    inducers = vocabulary.inducer_names(knowledge.default())
    return compiled.kept(rf"\b(?:{_LABEL_WORDS}|{inducers})\b", re.IGNORECASE)


def asks_about_the_label(text: str) -> bool:
    """A dosing, interaction or side-effect question ("is lorlatinib safe with statins?")."""
    return bool(_label_question().search(text))


def therapies_named(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each therapy other than an ALK TKI named in words ("chemo", "SRS"), as written, with the therapy ids it
    stands for (the therapy phrase table, bot/nlu/therapy_phrases.yml; a family stands for its members, a therapy
    the knowledge base lacks for none); the TKIs are the extractor's entities."""
    reader = therapies.load()
    return [(words, ids) for words, ids in reader.named(text) if not ids or not all(_is_tki(reader, t) for t in ids)]


def _is_tki(reader: therapies.TherapyReader, therapy: str) -> bool:
    regimen = reader.kb.regimens.get(therapy)
    return regimen is not None and regimen.kind == "alk_tki"


def named_as_received(text: str, start: int) -> bool:
    """The drug at ``start`` is named as one the patient received ("after brigatinib", "what if it was ..."): the
    extractor's prior-treatment cues (clinical_phrases.yml `prior`)."""
    return therapies.load().received_in_question(text, start)


def lesser_forms_named(text: str) -> list[tuple[str, str]]:
    """Each lesser form of a regimen named in ``text`` ("WBRT" of local therapy), as (label, caveat id): a question
    about it is answered for its regimen, with the caveat that says why it is not the preferred form."""
    return [(form.label, form.caveat) for form in therapies.load().lesser_forms_named(text)]
