"""Build the spaCy clinical pipeline and save it: `python -m bot.nlu.build [OUT_DIR]` (run by `make nlu`).

The pipeline (pipeline.py) is `spacy.blank("en")` with a bounded tokenizer and the `clinical_reader` component,
built from the knowledge base and bot/nlu/clinical_phrases.yml; no model is downloaded. Building compiles
every pattern once, so a broken phrase fails `make` and not a clinician's first message. The directory holds what
`spacy.load()` reads (config.cfg, meta.json with the vocabulary's fingerprint, clinical_reader/table.json).
"""

from __future__ import annotations

import sys
from pathlib import Path

from bot.nlu import pipeline

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "var" / "nlu" / "clinical"


def build(out_dir: Path = DEFAULT_PATH) -> Path:
    nlp = pipeline.build_nlp()  # compiles every pattern: a broken one raises here
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out_dir)
    return out_dir


if __name__ == "__main__":
    path = build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PATH)
    print(f"spaCy clinical pipeline built and saved to {path}")
