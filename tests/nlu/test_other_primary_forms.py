"""Another primary cancer of the patient's, told with its own treatment and outcome ("PMH: prostate cancer 2016,
prostatectomy; no evidence of disease", "breast cancer 2010, chemotherapy, NED"), is not this cancer's response,
chemotherapy, immunotherapy, specimen or histology; what is told of this cancer after it (a clause that names the lung
cancer, ALK or a TKI, or the next sentence) is read as before."""
import pytest

from bot.nlu import extractor

OTHER = [
    ("PMH: breast cancer 2011 - lumpectomy, adjuvant chemotherapy, no evidence of disease since.",
     ("progression", "prior_chemotherapy")),
    ("Other history: prostate ca 2016 treated with radical prostatectomy; NED.", ("progression",)),
    ("Second primary: melanoma 2018, on pembrolizumab for a year, in complete response.",
     ("progression", "prior_immunotherapy")),
    ("Hx colorectal cancer 2014, core biopsy adenocarcinoma, FOLFOX, disease-free.",
     ("biopsy", "prior_chemotherapy", "histology")),
    ("Previous Hodgkin lymphoma treated with chemotherapy in 1998, cured", ("prior_chemotherapy",)),
]


@pytest.mark.parametrize("text,fields", OTHER)
def test_another_primarys_treatment_and_outcome_are_not_this_cancers(text, fields):
    case = extractor.extract_case(text)
    assert not set(fields) & set(case), case


def test_this_cancer_told_after_it_is_read():
    case = extractor.extract_case(
        "PMH: bladder cancer 2015, BCG, no evidence of disease. ALK+ NSCLC since 2021: carboplatin-pemetrexed x4 "
        "then alectinib, now progression in liver and bone."
    )
    assert case.get("prior_tkis") == ["alectinib"]
    assert case.get("progression") is not None and case.get("progression") != "none"
    assert case.get("prior_chemotherapy") is True


KEPT = [
    # this cancer's own response, in a clause that names it
    ("thyroid cancer 2009 (thyroidectomy), ALK+ NSCLC on brigatinib, NED on the last CT", "progression", "none"),
    ("ALK-positive adenocarcinoma on alectinib, no evidence of disease on PET", "progression", "none"),
    # a relative's cancer is handled as before: the patient's own response stays read
    ("Mother had breast cancer. On lorlatinib, stable disease.", "progression", "none"),
    # chemotherapy given for this cancer in its own clause after the other primary
    ("renal cell carcinoma 2012 (nephrectomy); lung adenocarcinoma ALK+ 2020, carboplatin-pemetrexed x4 then "
     "alectinib", "prior_chemotherapy", True),
]


@pytest.mark.parametrize("text,field,value", KEPT)
def test_this_cancers_findings_beside_another_primary_are_kept(text, field, value):
    assert extractor.extract_case(text).get(field) == value
