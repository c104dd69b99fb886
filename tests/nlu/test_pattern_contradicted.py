"""A CNS-only progression told beside a site outside the brain progressing (lead, 2026-12-07): "Isolated brain
progression. Update: PET shows new bone lesions." read CNS-ONLY (local therapy to the brain, the TKI continued), the
bone ignored. Stated both ways, the pattern is now asked about (a conflict), as a progression told beside "no
progression" is. Controls: sites outside the brain said stable or known, an oligoprogression overtaken by more sites
(systemic), CNS-only told alone."""
from __future__ import annotations

import pytest

from bot.nlu.extractor import load
from bot.nlu.fields import conflicts
from tests.nlu.reads import assert_reads


@pytest.mark.parametrize("text", [
    "Isolated brain progression. Update: PET shows new bone lesions.",
    "CNS-only progression was suspected, but CT shows new liver mets too",
    "Brain-only PD on MRI; restaging CT: new adrenal metastasis.",
])
def test_cns_only_beside_a_body_site_progressing_is_asked(text: str) -> None:
    found = assert_reads(text, {})
    assert found.get("progression") != "cns_only", found
    assert "progression" in conflicts(load().entities(text))


@pytest.mark.parametrize("text", [
    "CNS-only progression. Liver mets stable.",
    "Isolated CNS progression; known liver mets unchanged",
    "PD in brain, chest and abdomen stable per CT",
    "no systemic progression, only brain",
    # the brain's parenchyma, not the lung's: "parenchymal" read a lung site as well, which beside CNS-only made a clash
    "CNS-only progression: three new parenchymal lesions; CT chest/abdomen stable.",
    "Isolated intracranial progression with 2 new parenchymal foci, extracranial disease controlled",
])
def test_cns_only_with_the_body_stable_stays_cns_only(text: str) -> None:
    assert_reads(text, {"progression": "cns_only"})


@pytest.mark.parametrize("text", [
    "Oligoprogression in the liver; also new bone, adrenal and lung lesions",
    "single new liver lesion, but also new pleural effusion and bone lesions",
])
def test_a_few_sites_overtaken_by_more_are_systemic(text: str) -> None:
    assert_reads(text, {"progression": "systemic"})
