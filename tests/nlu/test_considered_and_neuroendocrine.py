"""A diagnosis weighed, and neuroendocrine features (lead7, 2026-12-07).

- A finding considered, then excluded or not borne out ("Small cell carcinoma was considered but excluded by IHC",
  "SCLC transformation considered but not supported by IHC", "MET amp considered but excluded", "G1202R was considered
  but not found"), or only weighed ("we considered SCLC transformation"), read it PRESENT: a small-cell transformation
  is platinum-etoposide.
- Neuroendocrine differentiation or features alone ("Features suggestive of neuroendocrine differentiation; SCLC not
  confirmed") read a SMALL-CELL TRANSFORMATION; now read only where denied ("no neuroendocrine features": none).
Controls: a transformation confirmed, said the cause, a neuroendocrine transformation (the knowledge base's name), a
small-cell component beside neuroendocrine features (mixed)."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


@pytest.mark.parametrize(("text", "field"), [
    ("Small cell carcinoma was considered but excluded by IHC.", "transformation"),
    ("SCLC was considered and excluded.", "transformation"),
    ("SCLC considered, excluded.", "transformation"),
    ("SCLC transformation considered but not supported by IHC", "transformation"),
    ("SCLC transformation not supported", "transformation"),
    ("we considered SCLC transformation", "transformation"),
    ("The MDT is considering small cell transformation.", "transformation"),
    ("Features suggestive of neuroendocrine differentiation; SCLC not confirmed.", "transformation"),
    ("Rebiopsy: carcinoma with neuroendocrine features, awaiting stains.", "transformation"),
    ("neuroendocrine morphology on the liver core", "transformation"),
    ("MET amp considered but excluded", "bypass_alterations"),
    ("brain mets considered but excluded on MRI", "brain_metastases"),
    ("LMD was considered; CSF cytology negative.", "leptomeningeal"),
    ("G1202R was considered but not found", "alk_mutations"),
])
def test_a_finding_weighed_or_not_borne_out_is_not_read_present(text: str, field: str) -> None:
    found = assert_reads(text, {})
    assert found.get(field) not in (True, "small_cell", ["G1202R"], ["MET_amplification"]), (text, found)


@pytest.mark.parametrize(("text", "fields"), [
    ("SCLC transformation confirmed", {"transformation": "small_cell"}),
    ("SCLC transformation, considered the cause of progression", {"transformation": "small_cell"}),
    ("SCLC transformation considered likely", {"transformation": "small_cell"}),
    ("neuroendocrine transformation", {"transformation": "small_cell"}),
    ("adenocarcinoma with neuroendocrine features, focal small cell carcinoma component (20%)",
     {"transformation": "small_cell_mixed"}),
    ("no neuroendocrine features", {"transformation": "none"}),
    ("neuroendocrine differentiation: absent", {"transformation": "none"}),
    ("small cell transformation was excluded", {"transformation": "none"}),
    ("Brain mets x3, considered for SRS", {"brain_metastases": True}),
])
def test_a_finding_confirmed_or_denied_still_reads(text: str, fields: dict) -> None:
    assert_reads(text, fields)
