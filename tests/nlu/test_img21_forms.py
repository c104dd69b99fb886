"""img21: serial brain imaging and the CSF, mended as classes from set 20's tuned misses, phrasings of our own.

1. The brain's or the leptomeninges' lesions counted zero, as a tally writes it ("brain mets 0, lepto 0", "BM 0, LMD
   0") read as present (the bare word): zero is none. Controls: zero of another time ("brain mets 0 at diagnosis, now
   2"), a size or a fraction ("0.5 cm", "0/3"), a question, a relative's tally.
2. Malignant cells found in the CSF told past what was done with it ("CSF sampled for cytology: positive for malignant
   cells", "LP: CSF with malignant cells", "CSF analysis revealed adenocarcinoma cells") were not read: positive CSF
   cytology is leptomeningeal disease. Controls: negative, atypical or suspicious cells, cells not seen, a plan, a
   relative's, CSF ctDNA alone.
3. (dropped) A complete response told after its word or as the brain's value ("MRI: CR in brain", "MRI brain: CR"):
   left unread, as an earlier scan's CR so told clashes with a later scan's lesions ("MRI 06/2024: CR in brain. MRI
   11/2025: 2 new brain mets" lost the metastases).
4. A brain scan said unchanged before its clearness ("brain MRI unchanged with no mets"): no brain metastases. (Its
   month in brackets, "MRI brain (October) negative", was left: an earlier clear scan so dated then clashes with a later
   one showing lesions, "MRI brain (March) clear; MRI brain today: 2 new mets", and the metastases went unread.) Controls: "no new" lesions alone, a relative's.
5. One to four lesions counted under a brain scan, stable or known before the count, in the answer to a
   question asked in the note, after a brain progression past a scan named after them, or parenchymal beside the
   meninges past a semicolon ("MRI brain: stable single treated lesion",
   "Does she have brain mets? - yes, 3, treated", "the progression is in the brain, 2 lesions on last week's MRI", "No
   LMD on MRI; parenchymal lesions x3") were not counted: limited. Controls: an MRI of another organ or lesions said
   elsewhere, an earlier scan's count, a question, a plan, a relative's, new lesions beside known ones whose sum is
   not told, lesions called radiation necrosis, the lung's parenchyma, a size, a count beside leptomeningeal disease
   (its extent is left unread). (A count under a bare "MRI" with no brain word, "MRI shows 2 new mets", is left
   unread: tests/nlu/test_question_forms_own.py reads such texts exactly, with no count.)
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


# 1. zero counted
@pytest.mark.parametrize(
    "text,fields",
    [
        ("brain mets 0, lepto 0", {"brain_metastases": False, "leptomeningeal": False}),
        ("BM 0, LMD 0", {"brain_metastases": False, "leptomeningeal": False}),
        ("Mets: liver 3, bone 2, brain mets 0", {"brain_metastases": False}),
        ("cns mets 0", {"brain_metastases": False}),
        ("Staging: brain metastases 0; leptomeningeal disease 0.", {"brain_metastases": False, "leptomeningeal": False}),
        ("ECOG 1, brain lesions 0", {"brain_metastases": False, "ecog": 1}),
        ("lepto 0", {"leptomeningeal": False}),
        # controls
        ("brain mets 0 at diagnosis, now 2", {"brain_metastases": True}),
        ("lepto 0 at baseline; now leptomeningeal enhancement", {"leptomeningeal": True}),
        ("brain mets 0.5 cm", {"brain_metastases": True}),
        ("brain mets 0/3 responding", {"brain_metastases": True}),
        ("Does she have brain mets 0?", {"brain_metastases": None}),
        ("Her sister: brain mets 0, lepto 0", {"brain_metastases": None, "leptomeningeal": None}),
        ("new brain mets: 0", {"brain_metastases": None}),
    ],
)
def test_zero_counted(text, fields):
    assert_reads(text, fields)


# 2. malignant cells in the CSF
@pytest.mark.parametrize(
    "text,fields",
    [
        ("CSF sent for cytology: positive for malignant cells", {"leptomeningeal": True}),
        ("Lumbar puncture done last week; CSF cytology: positive, adenocarcinoma cells.", {"leptomeningeal": True}),
        ("LP: CSF with malignant cells", {"leptomeningeal": True}),
        ("CSF analysis revealed adenocarcinoma cells", {"leptomeningeal": True}),
        ("CSF from the Ommaya: adenocarcinoma cells", {"leptomeningeal": True}),
        ("CSF was sent for cytology - positive", {"leptomeningeal": True}),
        ("Tumour cells in the CSF on the second tap.", {"leptomeningeal": True}),
        ("csf examined by cytology: malignant cells", {"leptomeningeal": True}),
        # controls
        ("CSF cytology: negative", {"leptomeningeal": None}),
        ("CSF cytology: atypical cells, not diagnostic", {"leptomeningeal": None}),
        ("CSF cytology: suspicious for malignant cells", {"leptomeningeal": None}),
        ("CSF: malignant cells not seen", {"leptomeningeal": None}),
        ("CSF negative for malignant cells", {"leptomeningeal": None}),
        ("CSF cytology pending", {"leptomeningeal": None}),
        ("Her husband's CSF showed malignant cells", {"leptomeningeal": None}),
        ("If the CSF is positive for malignant cells, we will start IT therapy", {"leptomeningeal": None}),
        ("CSF ctDNA positive for EML4-ALK", {"leptomeningeal": None}),
    ],
)
def test_csf_malignant_cells(text, fields):
    assert_reads(text, fields)


# 4. a brain scan clear, its month in brackets or unchanged before
@pytest.mark.parametrize(
    "text,fields",
    [
        ("brain MRI unchanged with no mets", {"brain_metastases": False}),
        ("Brain MRI stable, no metastases.", {"brain_metastases": False}),
        # controls
        ("brain MRI stable, no new mets", {"brain_metastases": None}),
        ("brain MRI unchanged with no new lesions", {"brain_metastases": None}),
        ("Her mother's brain MRI (October) was clear", {"brain_metastases": None}),
        ("MRI brain (2 lesions) stable", {"brain_metastases": None}),
    ],
)
def test_brain_scan_clear(text, fields):
    assert_reads(text, fields)


# 5. one to four lesions counted
@pytest.mark.parametrize(
    "text,fields",
    [
        ("MRI brain: stable single treated lesion.", {"brain_metastases": True, "cns_lesions": "limited"}),
        ("Does she have brain mets? - yes, 3, treated.", {"brain_metastases": True, "cns_lesions": "limited"}),
        ("brain metastases? yes - 2", {"cns_lesions": "limited"}),
        ("the progression is in the brain, 2 lesions on last week's MRI", {"cns_lesions": "limited"}),
        ("progressing in the brain with 3 new lesions on MRI", {"cns_lesions": "limited"}),
        ("PD in the brain: 1 new lesion on the latest scan", {"cns_lesions": "limited"}),
        ("No leptomeningeal disease on MRI; parenchymal lesions x3.", {"brain_metastases": True, "cns_lesions": "limited"}),
        # controls
        ("MRI liver shows 2 new mets", {"brain_metastases": None, "cns_lesions": None}),
        ("MRI shows 2 new mets in the liver", {"cns_lesions": None}),
        ("MRI spine: 3 lesions", {"cns_lesions": None}),
        ("MRI 3 months ago: 2 mets. MRI now: 2 mets plus 5 new ones.", {"cns_lesions": None}),
        ("MRI at baseline: 3 lesions", {"cns_lesions": None}),
        ("Does the MRI show 2 new mets?", {"cns_lesions": None}),
        ("If MRI shows 2 new mets we will do SRS", {"cns_lesions": None}),
        ("Her mother's MRI showed 2 mets", {"cns_lesions": None}),
        ("MRI shows 3 new metastases, previously treated 2 are stable.", {"cns_lesions": None}),
        ("MRI: 2 new mets plus 3 known treated ones", {"cns_lesions": None}),
        ("MRI: there are two enhancing lesions at irradiated sites, favouring radiation necrosis",
         {"cns_lesions": None}),
        ("brain (MRI)\tno mets\n\nSummary: two new lesions", {"cns_lesions": None}),
        ("No lepto on MRI; lung parenchymal lesions x3", {"brain_metastases": None, "cns_lesions": None}),
        ("progression in the brain, 2 lesions in the liver", {"cns_lesions": None}),
        ("Brain mets? - yes, 2 cm", {"cns_lesions": None}),
        # beside leptomeningeal disease the extent is left unread (README)
        ("LMD on MRI; 2 parenchymal mets as well", {"brain_metastases": True, "cns_lesions": None}),
    ],
)
def test_counted_lesions(text, fields):
    assert_reads(text, fields)
