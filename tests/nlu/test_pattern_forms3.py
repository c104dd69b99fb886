"""Pattern, brain and doubt forms of the prog3 pass (own phrasings, with negative controls).

1. "The rest" said controlled in a message that tells nothing progressing is no pattern: the rest of nothing told
   ("The rest is stable.", "CT: stable. Rest unchanged."), and so when the only new lesion is called indeterminate.
   With a site or a progression told beside it, it stays oligoprogression.
2. A doubt of what a test showed reaches over the test's verb ("Her husband's not sure her scan showed brain mets").
3. A brain "mass" on brain imaging is a brain lesion; mass effect, a mass called another tumour, and a denial are not.
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

# ---- 1. the rest of nothing told ---------------------------------------------------------------------------------
REST_ALONE = [
    "The rest is stable.",
    "Rest of the disease unchanged.",
    "CT: stable. Rest unchanged.",
    "Restaging CT today - rest of disease stable.",
    "CT CAP: new 5 mm liver lesion, indeterminate; rest stable",
    "New 4 mm lung nodule, too small to characterise, rest unchanged.",
    "Everything else remains stable.",
    "No new lesions; rest stable.",
    "Liver lesions unchanged, rest stable.",
]


@pytest.mark.parametrize("text", REST_ALONE)
def test_the_rest_controlled_with_nothing_progressing_is_no_pattern(text):
    assert_reads(text, {"progression": None})


REST_WITH_SITE = [
    "New liver met; the rest is stable.",
    "Enlarging left adrenal metastasis, rest of disease unchanged.",
    "Lorlatinib failing in the adrenal only, the rest stable.",
    "CT: new 6 mm liver lesion, indeterminate; new lytic L2 lesion; rest stable",
    "progressed on alectinib, rest stable",
    # a lesion said new or growing where no site group is named
    "One node growing on the last CT; everything else unchanged.",
    "Solitary new 9 mm L adrenal, rest stable.",
    "Two foci of progression on PET, all other sites quiet.",
    "Rise in size of one lung nodule; the rest is stable.",
]


@pytest.mark.parametrize("text", REST_WITH_SITE)
def test_the_rest_controlled_beside_a_site_progressing_stays_oligoprogression(text):
    assert_reads(text, {"progression": "oligoprogression"})


# ---- 2. a doubt of what a test showed; 3. a brain mass ------------------------------------------------------------
# (text, brain_metastases read: None for not read)
BRAIN = [
    ("Her husband's not sure her scan showed brain mets", None),
    ("Husband's not certain the MRI showed brain metastases.", None),
    ("Not sure the CT head showed brain mets, report awaited", None),
    ("Her son is unsure whether the MRI found brain lesions.", None),
    ("Her husband says the MRI showed brain mets", True),
    ("MRI showed brain mets.", True),
    ("Not sure about the dose; MRI showed brain mets.", True),
    ("MRI brain: 2 cm mass in the left frontal lobe", True),
    ("CT head: new right parietal mass", True),
    ("MRI: enhancing mass in the cerebellum, 14 mm", True),
    ("brain MRI shows a 1.5 cm enhancing mass, right occipital", True),
    ("New cerebellar mass on MRI last week.", True),
    ("MRI brain: no mass effect, no midline shift", None),
    ("CT head: no intracranial mass or haemorrhage", None),
    ("MRI head: left frontal mass, likely meningioma", None),
    ("CT chest: right parietal pleural mass", None),
    ("Is a new frontal mass on MRI always a metastasis?", None),
    ("No intracranial mass.", False),
]


@pytest.mark.parametrize("text,present", BRAIN)
def test_brain_metastases_from_a_doubted_scan_and_a_brain_mass(text, present):
    assert_reads(text, {"brain_metastases": present})
