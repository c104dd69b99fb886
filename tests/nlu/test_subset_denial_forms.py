"""A denial of only some of the brain metastases ("no new brain mets", "no untreated brain metastases", "New brain
mets: none", "brain mets: none new") says nothing of the others: brain metastases are left unread (asked), neither
present nor absent. A plain denial, a denial of what is left after treatment, and a finding told present are
controls."""
import pytest

from bot.nlu import extractor

SUBSET_DENIED = [
    "no untreated brain metastases",
    "MRI: no growing brain mets",
    "no enlarging cerebral metastases on today's scan",
    "no additional brain lesions since SRS",
    "no further brain metastases after radiosurgery",
    "New brain mets: none",
    "new brain lesions - none",
    "Untreated brain metastases: none",
    "Symptomatic brain mets: no",
    "brain mets: none new",
    "Growing brain lesions: no",
]


@pytest.mark.parametrize("text", SUBSET_DENIED)
def test_a_denial_of_some_brain_mets_leaves_the_field_unread(text):
    assert extractor.extract_case(text).get("brain_metastases") is None


CONTROLS = [
    ("no brain metastases", False),
    ("Brain mets: none", False),
    ("brain MRI: no metastases", False),
    ("no residual brain disease after SRS", False),      # what was left after treatment: none now
    ("New brain mets: yes, 2", True),
    ("untreated brain metastases x2", True),
    ("growing brain mets despite alectinib", True),
    ("Is there any new brain met?", None),
]


@pytest.mark.parametrize("text,want", CONTROLS)
def test_plain_denials_and_findings_still_read(text, want):
    assert extractor.extract_case(text).get("brain_metastases") is want


def test_a_subset_denial_keeps_the_other_findings():
    case = extractor.extract_case("Progressed on alectinib. New brain mets: none. ECOG 1.")
    assert case.get("prior_tkis") == ["alectinib"] and case.get("ecog") == 1
    assert case.get("brain_metastases") is None
