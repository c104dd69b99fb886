"""Build the clinical spaCy pipeline from the knowledge base and save it: `python -m bot.nlu.build [OUT_DIR]`.

`make` runs this before training (Rasa does not pack a spaCy path into its model, nor notice when it changes).
"""
from __future__ import annotations

import sys
from pathlib import Path

from bot.nlu.extractor import DEFAULT_PATH, build_pipeline


def build(out_dir: Path = DEFAULT_PATH) -> Path:
    nlp = build_pipeline()
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out_dir)
    return out_dir


if __name__ == "__main__":
    path = build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PATH)
    print(f"clinical pipeline saved to {path}")
