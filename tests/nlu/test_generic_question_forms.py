"""Questions asked in general, not of this patient, that were read as findings (set 15's tuned questions, written by
consultants abroad, radiation oncologists, trial coordinators and pharmacists): a population or a topic leading the
question to its comma or colon ("for patients who progressed on X, ...?", "for <a disease> in ALK NSCLC, is there a
role ...?", "regarding <a therapy> for <a finding>: ...?"), a history leading a question about what a label or a payer
allows ("after X, which TKI is licensed ...?"), and an opinion asked on the use of a therapy ("we would like to know
your opinion about the use of X after Y"). A question is never a finding: nothing in them changes the case.

Controls: this patient's case stated before the question (in a sentence of its own or a clause of its own), a topic
that names the patient ("for her ...", "regarding our patient ..."), a lead with a determiner ("for the brain mets"),
a lead that names no topic ("for now", "for 2 years"), a history before a question about this patient's next step
("after X and Y, which one next?"), and a letter that presents its patient ("I would like to consult you about my
patient ...") keep what they state. Phrasings of our own; none is a sentence of the independent phrasing sets."""

from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads

# ---- 1. a population or a topic leading a question: nothing is read -----------------------------------------------

_GENERIC = [
    # a population of patients
    "In general, for patients who progressed on alectinib, is brigatinib or lorlatinib the better choice?",
    "For patients who relapse on crizotinib, which second-generation TKI would you favour?",
    "for pts progressing on brigatinib, what do you usually give next?",
    "For ALK-positive patients with a G1202R after alectinib, is lorlatinib the standard?",
    "In patients who progressed on alectinib, is there a role for continuing it beyond progression?",
    "Among patients with leptomeningeal spread on lorlatinib, how often does intrathecal therapy help?",
    "From a centre in Lima: in general, for patients on crizotinib with new brain metastases, should we switch?",
    # a disease or a finding as the topic
    "For leptomeningeal carcinomatosis in ALK NSCLC, is there a place for intrathecal pemetrexed?",
    "For brain-only progression on alectinib, would you prefer SRS or a switch?",
    "For small cell transformation after ALK TKIs, what chemotherapy do you use?",
    "For MET amplification after lorlatinib: any data for adding capmatinib?",
    "Regarding SRS for oligoprogression in the brain: how many lesions is too many?",
    "Concerning ECOG 3 patients after alectinib, is chemotherapy ever reasonable?",
    "With regard to plasma-only NGS after lorlatinib, how reliable is a negative result?",
    "As for G1202R after brigatinib, which drug has the best activity?",
]


# ---- 2. a history before a question about what a label or a payer allows ------------------------------------------

_LABEL = [
    "After Alecensa, which ALK inhibitor is licensed by the label?",
    "After brigatinib, which TKIs are reimbursed in Europe?",
    "Following crizotinib, which second-line agent is covered by the insurers here?",
    "After alectinib, which drug would be funded on the NHS?",
]


# ---- 3. an opinion asked on the use of a therapy, without a question mark -----------------------------------------

_OPINION = [
    "We would like to know your opinion about the use of crizotinib after lorlatinib when L1198F appears",
    "I'd value your views on the role of SRS for oligoprogression on alectinib",
    "We would appreciate your advice on the sequencing of brigatinib after alectinib",
    "I would like to hear your thoughts on the place of lorlatinib after ceritinib",
]


@pytest.mark.parametrize("text", _GENERIC + _LABEL + _OPINION)
def test_a_question_asked_in_general_changes_nothing(text: str) -> None:
    assert extractor.extract_case(text) == {}, (text, extractor.extract_case(text))


# ---- 4. controls: this patient's case stated with or before the question is read ----------------------------------

_STATED = [
    # the case in a sentence of its own, then a question in general words
    ("She progressed on crizotinib. Is alectinib or lorlatinib preferred?", {"prior_tkis": ["crizotinib"]}),
    ("He progressed on crizotinib. In general, is alectinib or lorlatinib preferred?", {"prior_tkis": ["crizotinib"]}),
    (
        "She has leptomeningeal disease. For leptomeningeal disease in ALK NSCLC, is there a role for proton therapy?",
        {"leptomeningeal": True},
    ),
    # the case in a clause of its own before the question
    ("She progressed on crizotinib, is alectinib or lorlatinib preferred?", {"prior_tkis": ["crizotinib"]}),
    ("Progressed on alectinib with G1202R, what next?", {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]}),
    # a topic that names this patient, or has a determiner
    ("For her leptomeningeal disease, is there a role for craniospinal irradiation?", {"leptomeningeal": True}),
    ("Regarding her oligoprogression: how many sites can SBRT treat?", {"progression": "oligoprogression"}),
    ("For our patient who progressed on alectinib, is lorlatinib preferred?", {"prior_tkis": ["alectinib"]}),
    ("Regarding our patient on brigatinib: is a switch to lorlatinib reasonable?", {"prior_tkis": ["brigatinib"]}),
    # a lead that names no topic
    (
        "For context, she progressed on alectinib with G1202R, what next?",
        {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]},
    ),
    ("For 2 years on alectinib, now progressing, what next?", {"prior_tkis": ["alectinib"]}),
    # a history before a question about this patient's next step
    ("After crizotinib and alectinib, which one next?", {"prior_tkis": ["crizotinib", "alectinib"]}),
    # a statement about the patient, not a question ("for" past a word in its clause)
    ("Treated with alectinib for patients' convenience, she now has G1202R.", {"alk_mutations": ["G1202R"]}),
    # a letter that presents its patient
    ("I would like to consult you about my patient who progressed on alectinib.", {"prior_tkis": ["alectinib"]}),
    (
        "We would like your opinion on this patient: progressed on brigatinib, ECOG 1.",
        {"prior_tkis": ["brigatinib"], "ecog": 1},
    ),
]


@pytest.mark.parametrize(("text", "fields"), _STATED, ids=[t for t, _ in _STATED])
def test_a_case_stated_with_a_general_question_is_read(text: str, fields: dict) -> None:
    assert_reads(text, fields)
