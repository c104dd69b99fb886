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
    ],
)
def test_a_qualifier_in_lists_and_statements(text, fields):
    assert_reads(text, fields)
