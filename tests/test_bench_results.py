"""bench/: every benchmark writes its figures through one helper (bench/results_file.py), not a copy of its own."""
from __future__ import annotations

import json
import re
from pathlib import Path

from bench.results_file import RESULTS_DIR, write_results

BENCH = Path(__file__).resolve().parents[1] / "bench"


def test_write_results_writes_indented_json_and_says_where(tmp_path, capsys):
    data = {"rows_per_second": 1234, "nested": {"p95_ms": [1.5, 2.0]}}
    path = write_results("audit", data, folder=tmp_path / "results")
    assert path == tmp_path / "results" / "audit.json"
    assert json.loads(path.read_text()) == data and path.read_text().endswith("}\n")
    assert str(path) in capsys.readouterr().out
    assert RESULTS_DIR == BENCH / "results"


def test_no_benchmark_writes_its_results_file_by_hand():
    """audit.py and decide.py, conversation.py and shorthand_turns.py (and most of the others) each made the folder,
    dumped the JSON and printed the path in the same lines."""
    by_hand = [p.name for p in sorted(BENCH.glob("*.py"))
               if p.name != "results_file.py" and re.search(r'"bench"\s*/\s*"results"', p.read_text())]
    assert not by_hand, f"write bench/results/ through bench.results_file.write_results: {by_hand}"
