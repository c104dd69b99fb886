"""The grader's tables have the shape their models describe, and a malformed one fails loudly, naming the file and
the entry (bot/practice/models.py; the cross-references are the loaders' own checks, tested in test_reading.py).
The therapy table moved to the extractor with the reading: tests/nlu/test_therapy_roles.py checks its shape."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.practice import models


@pytest.mark.parametrize("file, model, change, says", [
    ("grading_findings.yml", models.GradingFindings, lambda d: d["key_findings"]["M2"][0].update(feild="x"),
     "key_findings.M2[0]: unknown key 'feild'"),
    ("grading_findings.yml", models.GradingFindings, lambda d: d["key_findings"]["M2"].append({"when": ["x"]}),
     "names either a case field ('field') or a finding ('finding')"),
    ("grading_findings.yml", models.GradingFindings, lambda d: d["hints"].update(ecog=["a", "b"]), "hints: 'ecog'"),
])
def test_a_malformed_grading_table_names_the_file_and_entry(file, model, change, says):
    raw = yaml.safe_load((Path(models.__file__).parent / file).read_text(encoding="utf-8"))
    models.checked(model, raw, file)  # the project's table has the right shape
    change(raw)
    with pytest.raises(ValueError) as err:
        models.checked(model, raw, file)
    assert str(err.value).startswith(f"bot/practice/{file}: ") and says in str(err.value), str(err.value)
