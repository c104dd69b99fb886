"""Check the extractor's vocabulary and save it: `python -m bot.nlu.build [OUT_DIR]` (run by `make`).

The extractor builds itself from the knowledge base and data/vocabulary/clinical_phrases.yml when it loads; this
compiles every pattern once at build time, so a broken phrase fails `make` and not a clinician's first message,
and writes the table (table.json) and its fingerprint (meta.json) for inspection and for `make`'s dependencies.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from bot.nlu import vocabulary
from bot.nlu.extractor import Extractor

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "var" / "nlu" / "clinical"


def build(out_dir: Path = DEFAULT_PATH) -> Path:
    table = vocabulary.table()
    extractor = Extractor(table)  # compiles every pattern: a broken one raises here
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "table.json").write_text(json.dumps(table, sort_keys=True, indent=1), encoding="utf-8")
    (out_dir / "meta.json").write_text(json.dumps({"clinical_fingerprint": extractor.fingerprint}), encoding="utf-8")
    return out_dir


if __name__ == "__main__":
    path = build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PATH)
    print(f"clinical vocabulary checked and saved to {path}")
