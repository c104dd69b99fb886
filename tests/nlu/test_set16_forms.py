"""Imaging findings the report holds back from (phrasing set 16's class of radiology hedges).

A lesion said new or growing, a count of brain lesions or meningeal disease, that the report in the same breath
suspects rather than calls ("highly suspicious for metastasis", "worrisome for leptomeningeal spread"), puts down
to something likelier than the tumour ("possibly due to atelectasis", "probably benign", "likely reactive"), or
closes with a clause of its own calling it uncertain ("...; uncertain significance", "...; true change
uncertain"): what was seen is told, not what it is. The assistant reads no progression, no brain metastases and no
meningeal disease for it, and the dialogue asks. Negative controls: the same findings stated plainly are read, a
likelihood of the disease itself is not turned into a benign cause, a doubt about another finding in a later
sentence leaves the first alone, and a plain denial stays a denial.
Phrasings of our own, as radiologists and clinicians write them; none is a sentence of the independent phrasing
sets.
"""
from __future__ import annotations

import pytest

from bot.nlu import extractor


def _case(text: str) -> dict:
    return extractor.extract_case(text)


# ---- 1. a growing or new lesion with a likelier benign cause or a suspicion right after it: no progression ---------

CAUSE_OR_SUSPICION_AFTER = [
    "CT chest: the right paratracheal node is a little bigger, possibly due to a recent chest infection.",
    "The RLL nodule has grown by 2 mm, probably related to surrounding post-radiation fibrosis.",
    "New 6 mm left lower lobe nodule, probably benign (calcified).",
    "Subcarinal node enlarged to 14 mm, likely reactive.",
    "Interval increase in the left pleural effusion, presumably secondary to the recent pneumonia.",
    "PET: a new avid left adrenal nodule (SUVmax 7.1), highly suspicious for metastasis; rest of disease quiescent.",
    "A new 12 mm liver lesion in segment 6, suspicious for a metastatic deposit. MRI liver advised.",
    "Enlarging mediastinal lymph node (from 8 to 12 mm), concerning for nodal progression.",
]


# ---- 2. a clause of its own closing the sentence calls it uncertain ------------------------------------------------

CLOSING_DOUBT = [
    "Slight growth of the left hilar nodes (10 to 12 mm short axis); uncertain significance.",
    "The right upper lobe mass measures 31 mm against 29 mm before; true size change uncertain.",
    "Report: 'mild enlargement of the right adrenal, 15 mm from 12 mm; of unclear clinical significance'.",
    "Two new sub-centimetre lung nodules; their significance is uncertain.",
]


@pytest.mark.parametrize("text", CAUSE_OR_SUSPICION_AFTER + CLOSING_DOUBT)
def test_growth_held_back_by_a_cause_a_suspicion_or_a_closing_doubt_is_no_progression(text):
    assert "progression" not in _case(text)


# ---- 3. brain lesions and meningeal disease held back from ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "MRI brain: two new punctate enhancing foci; significance uncertain, recheck in 6 weeks.",
    "MRI head: 2 new tiny lesions in the left hemisphere, indeterminate.",
])
def test_brain_lesions_held_back_from_are_neither_metastases_nor_counted(text):
    case = _case(text)
    assert "brain_metastases" not in case
    assert "cns_lesions" not in case


@pytest.mark.parametrize("text", [
    "The radiologist wrote 'worrisome for leptomeningeal disease'. CSF cytology to follow.",
    "Sulcal enhancement along the cerebellar folia, worrying for leptomeningeal spread.",
])
def test_meningeal_disease_only_worried_about_is_not_read(text):
    assert "leptomeningeal" not in _case(text)


# ---- 4. negative controls: stated plainly, or the doubt is about something else ------------------------------------

@pytest.mark.parametrize("text, expected", [
    # plain growth and new lesions: read
    ("CT: new 2 cm liver metastasis and new lytic bone lesions; the lung primary is also larger.", "systemic"),
    ("PET: a new avid left adrenal metastasis (SUVmax 7.1); rest of disease quiescent.", "oligoprogression"),
    # the doubt is about a different, later finding in its own sentence
    ("CT: new liver and bone metastases. A 3 mm lung nodule is of uncertain significance.", "systemic"),
    # the semicolon clause is not only a doubt: a conclusion follows
    ("New liver and bone lesions; unequivocal progression.", "systemic"),
])
def test_plain_or_elsewhere_doubted_growth_is_still_read(text, expected):
    assert _case(text).get("progression") == expected


def test_a_plain_count_of_new_brain_lesions_is_still_read():
    case = _case("MRI brain: two new enhancing lesions in the left frontal lobe, 5 and 7 mm.")
    assert case.get("brain_metastases") is True
    assert case.get("cns_lesions") == "limited"


def test_plain_meningeal_disease_is_still_read():
    assert _case("MRI: diffuse leptomeningeal enhancement; CSF cytology positive.").get("leptomeningeal") is True


def test_a_denial_stays_a_denial_beside_a_doubt_elsewhere():
    case = _case("MRI brain: no metastases. Incidental 4 mm pituitary lesion of uncertain significance.")
    assert case.get("brain_metastases") is False


# ---- 5. a reading quoted as it was before an amendment: superseded, the amended one stands -------------------------

@pytest.mark.parametrize("text", [
    "ADDENDUM: the conclusion is revised from 'progression (new liver metastasis)' to 'stable disease, no new lesions'.",
    "Corrected report - amended from \"new lytic bone lesions, progressive disease\" to \"stable disease\".",
    "The initial impression of 'new right pleural nodules consistent with progression' has been withdrawn after "
    "comparison with older films. Final impression: stable disease.",
])
def test_a_quoted_reading_since_amended_gives_way_to_the_amended_one(text):
    assert _case(text).get("progression") == "none"


@pytest.mark.parametrize("text, expected", [
    # a report quoted as it stands, no amendment: read
    ("Radiology: 'new liver metastases and new bone lesions, progressive disease'.", "systemic"),
    # an amendment that keeps the progression and adds to it: the new reading is read
    ("Impression amended from 'stable disease' to 'progression: new liver and bone metastases'.", "systemic"),
])
def test_a_quote_not_superseded_or_the_amended_reading_is_still_read(text, expected):
    assert _case(text).get("progression") == expected


def test_the_original_diagnosis_quoted_is_still_the_histology():
    assert _case("Original diagnosis: 'adenocarcinoma', ALK positive by FISH.").get("histology") == "adenocarcinoma"


# ---- 6. no symptoms save an exception: not a statement that there are none -----------------------------------------

@pytest.mark.parametrize("text", [
    "Dry cough for a month, otherwise asymptomatic.",
    "Grade 2 fatigue; otherwise, asymptomatic.",
    "Feels well apart from some breathlessness on stairs.",
    "Asymptomatic except for intermittent back pain.",
    "No symptoms other than mild nausea in the mornings.",
    "Clinically well, aside from a sore shoulder.",
])
def test_no_symptoms_with_an_exception_is_not_read_as_asymptomatic(text):
    assert _case(text).get("symptomatic") is not False


@pytest.mark.parametrize("text", [
    "Asymptomatic; ECOG 0.",
    "She feels well on brigatinib and is back at work.",
    "No symptoms. Scans stable.",
    "Clinically well, no neurological deficit.",
    "Feels well, no headache, no cough.",
])
def test_a_plain_absence_of_symptoms_is_still_read(text):
    assert _case(text).get("symptomatic") is False
