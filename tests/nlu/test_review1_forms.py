"""(review1, 2026-12-07) Review mends of the reader that keep its readings; where one changes, it is here.

The brain said clear of the diagnosis, then brain metastases named later: one rule now serves it and the brain
metastases denied of the diagnosis (Context._denied_at_diagnosis; the clear had a rule of its own in _stated_role,
which took any later words of brain metastases). The later metastases count by their final role, stated for this
patient: a later question, what-if or another person's brain metastases leave the clear as it is read alone (no brain
metastases), as tests/nlu/test_then_and_now.py holds of "No brain mets at diagnosis. Her sister has brain mets."
(before, the clear was dropped there and nothing was read). Controls: the clear or the denial alone, metastases stated
now (either wording), the brain clear again now, another organ later, metastases at the diagnosis and the brain clear
now."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


@pytest.mark.parametrize("text", [
    # read the same as the denial's wording (each read nothing before)
    "Brain MRI clear at diagnosis. Her sister has brain mets.",
    "Brain clear at diagnosis. If brain mets develop, lorlatinib.",
    "Brain MRI negative at diagnosis. Rule out brain mets?",
    "Brain MRI clear at diagnosis. Brain mets?",
    # the denial's wording (unchanged)
    "No brain mets at dx. Her sister has brain mets.",
    "No CNS disease at dx. His brother had brain mets.",
    "No brain mets at dx. If brain mets develop, lorlatinib.",
    "No brain metastases at diagnosis. Brain mets?",
    # controls: alone, and the brain clear again now
    "No brain mets at dx.",
    "Brain MRI clear at diagnosis.",
    "Brain MRI clear at diagnosis. No brain mets now.",
    "No brain mets at dx. Now new liver mets.",
    "Brain mets at diagnosis (SRS). MRI brain 10/2025 normal.",
])
def test_a_diagnosis_clear_or_denial_without_brain_mets_stated_now_reads_as_alone(text: str) -> None:
    assert_reads(text, {"brain_metastases": False})


@pytest.mark.parametrize("text", [
    "No brain mets at dx. Now 3 new brain mets",
    "Brain MRI clear at diagnosis. Now 2 new brain mets",
    "No brain mets at diagnosis. Brain MRI today: 2 new lesions",
    "Brain MRI at diagnosis: no metastases. Today MRI: new brain mets.",
    "CNS negative at diagnosis. Brain mets since 2024.",
    "Brain MRI normal at diagnosis in 2022; MRI 11/2025 shows 3 new brain metastases",
])
def test_brain_metastases_stated_now_after_a_diagnosis_clear_are_present(text: str) -> None:
    assert_reads(text, {"brain_metastases": True})


# (item 2) a site read on words a brain progression is read on is the brain's (reader._sites_in_brain_words, moved from
# the roles' post-pass to where the reader resolves whose words are whose); the lung's own parenchyma stays the lung's
@pytest.mark.parametrize("text, pattern", [
    ("Intracranial-only progression: three new parenchymal lesions.", "cns_only"),
    ("Intracranial-only progression on alectinib: two new parenchymal lesions, body CT unchanged.", "cns_only"),
    ("CNS progression with 2 new parenchymal lesions and new liver mets", "systemic"),
])
def test_a_site_on_a_brain_progressions_words_is_the_brains(text: str, pattern: str) -> None:
    assert_reads(text, {"progression": pattern})
