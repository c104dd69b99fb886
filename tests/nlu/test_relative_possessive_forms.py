"""A relative's test, scan, biopsy, report or illness told in the possessive ("her mother's MRI", "his brother's
biopsy showed G1202R", "the patient's sister's tumour had MET amplification", "Dad's scan", "my wife's NGS"): the
findings of that clause are the relative's, not this patient's (People._other_people), as when the relative is the
subject ("Her sister had ALK+ NSCLC"). A verb that reports ("showed", "says") after such a possessive is the test's
result, not the relative reporting about the patient. Negative controls: the patient's own possessive ("the patient's
MRI", "her MRI"), a relative who reports the patient's scan ("Her mother reports that her MRI showed ..."), a
relative as the source ("per her husband, she is on alectinib"), and a doctor's or hospital's possessive ("Dr Lee's
review", "the hospital's MRI"): these are still read. Phrasings of our own."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


@pytest.mark.parametrize(
    "text,fields",
    [
        ("Her mother's brain MRI showed 2 new lesions.", {"brain_metastases": None, "cns_lesions": None}),
        ("His brother's biopsy showed G1202R.", {"alk_mutations": None, "biopsy": None}),
        ("The patient's sister's tumour had MET amplification.", {"bypass_alterations": None}),
        ("Dad's scan showed brain mets.", {"brain_metastases": None}),
        ("My wife's NGS showed G1202R.", {"alk_mutations": None}),
        ("Her father's CT showed multiple brain metastases.", {"brain_metastases": None, "cns_lesions": None}),
        ("his mum's MRI head demonstrated three enhancing lesions", {"brain_metastases": None, "cns_lesions": None}),
        ("Her sister's liquid biopsy detected L1196M.", {"alk_mutations": None, "biopsy": None}),
        ("Her husband's pathology report showed ALK rearranged adenocarcinoma with G1202R.",
         {"alk_mutations": None}),
        ("His uncle's PET-CT showed progression in the brain.", {"brain_metastases": None}),
        ("her daughter's tumour sequencing found an ALK I1171N", {"alk_mutations": None}),
        ("Mum's lung cancer had a G1202R mutation.", {"alk_mutations": None}),
        ("His father's brain mets were treated with SRS.", {"brain_metastases": None}),
        ("Her twin sister's rebiopsy showed MET amplification.", {"bypass_alterations": None, "biopsy": None}),
        ("Her brother's ctDNA result revealed G1202R and L1196M", {"alk_mutations": None}),
        ("Her mother's brain MRI showed 3 stable treated lesions.", {"brain_metastases": None}),
        ("his wife's scan shows brain metastases", {"brain_metastases": None}),
        ("He is on alectinib. His wife's scan shows brain mets.", {"brain_metastases": None, "prior_tkis": ["alectinib"]}),
        ("Her sister's biopsy showed G1202R - ours has L1196M.", {"alk_mutations": ["L1196M"]}),
        ("The patient's sister's NGS showed G1202R; the patient's NGS showed L1196M.", {"alk_mutations": ["L1196M"]}),
    ],
)
def test_a_relatives_possessive_finding_is_theirs(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text,fields",
    [
        ("The patient's MRI showed 2 new brain lesions.", {"brain_metastases": True}),
        ("Her MRI showed 2 new brain lesions.", {"brain_metastases": True}),
        ("Her mother reports that her MRI showed 2 new brain lesions.", {"brain_metastases": True}),
        ("Per her husband, she is on alectinib.", {"prior_tkis": ["alectinib"]}),
        ("Dr Lee's review of the biopsy showed G1202R.", {"alk_mutations": ["G1202R"]}),
        ("The hospital's MRI showed brain metastases.", {"brain_metastases": True}),
        ("His biopsy showed G1202R.", {"alk_mutations": ["G1202R"]}),
        ("Her mother's brain MRI was normal; the patient's MRI showed brain metastases.", {"brain_metastases": True}),
        ("Her sister's scan was clear, but she has brain metastases.", {"brain_metastases": True}),
        ("Her husband says she is on lorlatinib.", {"prior_tkis": ["lorlatinib"]}),
        ("Her daughter's wedding is next month. MRI showed brain metastases.", {"brain_metastases": True}),
        ("Her brother's biopsy was negative. Her own biopsy showed G1202R.", {"alk_mutations": ["G1202R"]}),
        ("Our radiologist's report: brain metastases.", {"brain_metastases": True}),
        # "'s" as "is": the relative worries about the patient's scan
        ("Her mother's worried her MRI showed new brain lesions.", {"brain_metastases": True}),
        ("Her oncologist's letter: progressed on alectinib, now on lorlatinib.", {"prior_tkis": ["alectinib", "lorlatinib"]}),
    ],
)
def test_the_patients_own_and_reported_findings_are_read(text, fields):
    assert_reads(text, fields)
