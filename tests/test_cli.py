"""The command line as a user runs it: python -m bot recommend / check-kb (spec/README.md section 2)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = yaml.safe_load((ROOT / "tests" / "fixtures" / "examples.yaml").read_text())["examples"]


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True, cwd=ROOT,
                          timeout=60)


def test_recommend_prints_sorted_json_and_is_byte_stable(tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(EXAMPLES[0]["case"]))
    first, second = cli("recommend", str(path)), cli("recommend", "-", stdin=path.read_text())
    assert first.returncode == 0 and first.stdout == second.stdout
    doc = json.loads(first.stdout)
    assert list(doc) == sorted(doc)
    assert doc["preferred"][0]["therapy"] == "lorlatinib"


def test_recommend_text_reads_as_a_clinician_expects():
    out = cli("recommend", "-", "--text", stdin=json.dumps(EXAMPLES[0]["case"]))
    assert out.returncode == 0
    text = out.stdout
    for words in ("Lorlatinib", "Why:", "Avoid:", "Brigatinib", "Rule trace: M2", "Knowledge base 2", "clinical judgement"):
        assert words in text


@pytest.mark.parametrize("stdin, says", [
    ('{"prior_tkis": ["xyzinib"]}', "prior_tkis[0]: \"xyzinib\" is not allowed; allowed values: crizotinib"),
    ('{"progression": "sistemic"}', "progression: \"sistemic\" is not allowed; allowed values: systemic"),
    ('{"ecog": 7}', "ecog: 7 is out of range; allowed values: 0 to 4"),
    ('{"ecog": "1"}', "ecog: \"1\" has the wrong type; expected integer or null"),
    ('{"patient_name": "Smith"}', "patient_name: unknown field"),
    ('{"alk_mutations": ["G 1202 R"]}', "alk_mutations[0]"),
    ('[1, 2]', "a case is a JSON object"),
    ('{"prior_tkis": [', "not valid JSON"),
    ('', "not valid JSON"),
])
def test_bad_input_exits_2_with_one_line(stdin, says):
    out = cli("recommend", "-", stdin=stdin)
    assert out.returncode == 2 and out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and says in lines[0], out.stderr


def test_missing_file_exits_2():
    out = cli("recommend", "/nonexistent/case.json")
    assert out.returncode == 2 and "cannot read" in out.stderr


def test_check_kb():
    out = cli("check-kb")
    assert out.returncode == 0 and "OK" in out.stdout
