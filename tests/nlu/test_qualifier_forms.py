"""A drug in a hyphenated qualifier ("lorlatinib-resistant", "alectinib-sensitive", "TKI-refractory",
"crizotinib-naive") is one word that qualifies what follows: a denial before it reaches the finding after it ("no
lorlatinib-resistant compound mutation" as "no new compound mutation"), and the drug of a mutation's qualifier is
not a drug received ("alectinib-refractory disease" still tells alectinib was given). A colleague's or another
patient's clause ends where this patient is taken up again ("- this one L1196M", "; ours ...", "- mine has ...")."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

DENIED_COMPOUND = [
    "no lorlatinib-resistant compound mutation",
    "No Lorbrena-resistant compound mutations on ctDNA.",
    "without a lorlatinib-resistant compound mutation",
    "negative for lorlatinib-resistant compound mutations",
    "lorlatinib-resistant compound mutation not detected",
    "no brigatinib-refractory compound mutation on tissue NGS",
    "No Alunbrig-sensitive compound mutation.",
    "no lorlatinib resistant compound mutation",
    "NGS: no lorlatinib-resistant compound mutation; no MET amp",
]


@pytest.mark.parametrize("text", DENIED_COMPOUND)
def test_a_denial_reaches_over_a_drug_qualifier(text):
    assert_reads(text, {"compound": False, "prior_tkis": None})


@pytest.mark.parametrize(
    "text",
    [
        "No lorlatinib-resistant G1202R.",
        "no alectinib-resistant G1202R or L1196M",
        "G1202R and L1196M (lorlatinib-resistant) not detected",
        "negative for Alecensa-resistant G1202R, L1196M or I1171N",
        "no Xalkori-refractory L1196M or G1202R",
    ],
)
def test_a_denied_mutation_named_with_its_drug_qualifier(text):
    assert_reads(text, {"alk_mutations": None, "prior_tkis": None})


@pytest.mark.parametrize(
    "text",
    [
        "no lorlatinib-resistant mutations",
        "No lorlatinib-resistant ALK mutations on ctDNA.",
        "negative for Alecensa-resistant mutations",
        "no lorlatinib resistant mutation found",
    ],
)
def test_a_qualified_class_denied_is_not_every_mutation_denied(text):
    """"no lorlatinib-resistant mutations" leaves a lorlatinib-sensitive one possible: no ALK mutation is not read."""
    assert_reads(text, {"alk_mutations": None, "prior_tkis": None})


def test_a_denial_over_a_tki_class_qualifier_says_nothing_of_the_tkis_received():
    assert_reads("no TKI-refractory compound mutation", {"compound": False, "prior_tkis": None})


@pytest.mark.parametrize(
    "text, fields",
    [
        ("No G1202R or lorlatinib-resistant compound mutation.", {"compound": False, "alk_mutations": None}),
        ("G1202R detected, no lorlatinib-resistant compound mutation", {"compound": False, "alk_mutations": ["G1202R"]}),
        ("TKI-naive; no alectinib-resistant G1202R", {"prior_tkis": [], "alk_mutations": None}),
        (
            "Alectinib-refractory disease; no lorlatinib-resistant compound mutation.",
            {"prior_tkis": ["alectinib"], "compound": False},
        ),
        ("alectinib-resistant disease, no brigatinib-resistant G1202R", {"prior_tkis": ["alectinib"], "alk_mutations": None}),
        (
            "lorlatinib-resistant G1202R/L1196M compound mutation",
            {"prior_tkis": None, "alk_mutations": ["G1202R", "L1196M"], "compound": True},
        ),
        ("Alectinib-refractory disease.", {"prior_tkis": ["alectinib"]}),
        ("G1202R (lorlatinib-resistant) on plasma", {"prior_tkis": None, "alk_mutations": ["G1202R"]}),
        ("alectinib-resistant G1202R emerged on alectinib", {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]}),
        # a qualifier says what "new" says: others may stay ("no alectinib-refractory brain mets")
        ("no alectinib-refractory brain mets", {"brain_metastases": None}),
        ("no headaches, alectinib-resistant brain mets", {"brain_metastases": True, "prior_tkis": ["alectinib"]}),
    ],
)
def test_a_qualifier_in_lists_and_statements(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text",
    [
        "Dr Jones's pt had G1202R - this one L1196M",
        "Dr Jones's patient had G1202R – ours has L1196M",
        "my colleague's pt had G1202R - mine has L1196M",
        "Dr Patel's patient had G1202R - our patient has L1196M.",
        "Dr Jones's pt had G1202R - this patient has L1196M",
        "Another oncologist's case had G1202R - here L1196M",
        "My other ALK patient had G1202R; this one L1196M",
        "Dr Jones's patient had G1202R, whereas ours has L1196M",
        "In my experience most get G1202R after alectinib - in our patient L1196M",
    ],
)
def test_this_patient_resumes_after_another_patients_clause(text):
    assert_reads(text, {"alk_mutations": ["L1196M"]})


@pytest.mark.parametrize(
    "text",
    [
        "Dr Jones's pt had G1202R - and L1196M",
        "My other ALK patient had G1202R - then L1196M on lorlatinib",
        # a pronoun after another patient's clause is that patient, not this one
        "Dr Smith's patient had G1202R - she then developed L1196M",
    ],
)
def test_another_patients_clause_goes_on_past_a_dash_without_this_patient(text):
    assert_reads(text, {"alk_mutations": None})


def test_a_relatives_clause_ends_where_this_patient_resumes():
    assert_reads("Her sister had crizotinib - ours has had alectinib", {"prior_tkis": ["alectinib"]})
