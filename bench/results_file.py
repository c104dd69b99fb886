"""Where every benchmark writes its figures: bench/results/<name>.json (ignored by git), one helper for all of them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS_DIR = ROOT / "bench" / "results"


def write_results(name: str, data: Any, folder: Path = RESULTS_DIR) -> Path:
    """Write ``data`` as indented JSON to ``folder``/``name``.json (the folder made if missing), say where, and
    return the path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(json.dumps(data, indent=2) + "\n")
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    print(f"written to {shown}")
    return path
