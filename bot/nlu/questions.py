"""What a question about the case names: a label question (dosing, interactions, side effects), the therapies it
names as options, and whether a TKI is named as one the patient received.

The assistant answers such questions and never reads them into the case (actions/questions.py); the words are
here, beside the extractor that reads findings, so the actions hold none.
"""
from __future__ import annotations

import re

LABEL_QUESTION = re.compile(
    r"\b(?:dos(?:e|es|ed|ing|age)|mg|titrat\w*|interact\w*|safe|safely|together with|combined? with|alongside|"
    r"co-?administ\w*|(?:given|give|taken|take|used|use|start\w*)\s+(?:together\s+)?with|inducers?|rifamp\w*|"
    r"carbamazepine|phenytoin|statins?|grapefruit|warfarin|anticoagula\w*|ppis?|side[- ]effects?|toxicit\w*|adverse|"
    r"qtc?|pregnan\w*|breast-?feeding|renal|hepatic|liver function|food)\b", re.IGNORECASE)
# Therapies a clinician names in words, and the therapy ids (regimens.yml) each stands for.
THERAPY_WORDS = {
    r"chemo\w*|platin\w*|carboplatin|cisplatin|pemetrexed|paclitaxel|etoposide|docetaxel":
        ("platinum_pemetrexed", "platinum_paclitaxel", "platinum_etoposide", "abcp"),
    r"immuno\w*|io|checkpoint\w*|pembro\w*|nivo\w*|atezo\w*|durva\w*|pd-?1|pd-?l1 inhibitors?":
        ("pd1_pdl1_monotherapy", "abcp"),
    r"abcp|impower ?150": ("abcp",),
    r"(?:clinical )?trials?": ("clinical_trial",),
    r"srs|sbrt|radio\w*|radiation|radiosurgery|local therapy|surgery|resection":
        ("local_therapy_continue_tki",),
    r"supportive|hospice|palliative care|bsc": ("best_supportive_care",),
    r"continu\w*|stay on|keep (?:going|on)": ("continue_current_therapy",),
    r"met inhibitors?|capmatinib|tepotinib|savolitinib|crizotinib plus": ("alk_tki_plus_met_inhibitor",),
}
_THERAPY = [(re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE), ids) for words, ids in THERAPY_WORDS.items()]
# A TKI named after these words is one the patient received in the scenario, not an option to give now.
_RECEIVED = re.compile(r"\b(?:was|were|had|has|received|been on|after|following|post|on|failed|progressed on|"
                       r"progressing on|treated with)\s+(?:\w+\s+)?$", re.IGNORECASE)


def asks_about_the_label(text: str) -> bool:
    """A dosing, interaction or side-effect question ("is lorlatinib safe with statins?")."""
    return bool(LABEL_QUESTION.search(text))


def therapies_named(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each therapy named in words ("chemo", "SRS"), as written, with the therapy ids it stands for."""
    return [(m.group(), ids) for regex, ids in _THERAPY for m in regex.finditer(text)]


def named_as_received(text: str, start: int) -> bool:
    """The drug at ``start`` is named as one the patient received ("after brigatinib", "what if it was ...")."""
    return bool(_RECEIVED.search(text[max(0, start - 30):start]))
