"""`python -m bot import-fhir BUNDLE.json [--recommend]`."""
from __future__ import annotations

import json

from bot.__main__ import main
from tests.fhir.test_mapping import BUNDLES


def test_import_prints_case_provenance_and_answer(capsys):
    assert main(["import-fhir", str(BUNDLES / "tkis_wrong_order.json"), "--recommend"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["case"]["prior_tkis"] == ["alectinib", "brigatinib"]
    assert all(out["provenance"][f] for f in out["case"])
    assert out["recommendation"]["knowledge_version"] and "ecog" not in out["absent"]


def test_invalid_bundle_is_one_line_and_exit_2(tmp_path, capsys):
    path = tmp_path / "b.json"
    path.write_text(json.dumps({"resourceType": "Bundle", "type": "collection",
                                "entry": [{"resource": {"resourceType": "Observation", "status": "done",
                                                        "code": {"text": "x"}}}]}))
    assert main(["import-fhir", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: not a valid FHIR R4 Bundle") and err.count("\n") == 1
