"""Red-team forms, second pass: messages that put into the case a finding the clinician did not state as present.
Alternatives awaiting a result ("G1202R or L1196M, awaiting report"), a finding as the premise of a consequence
("ECOG 3 would mean BSC") or denied right before it ("not ECOG 3"), a denial after an arrow ("G1202R -> not
detected"), a doubt about a variant's origin after its allele fraction ("G1202R at 0.3% VAF, probably CHIP"), and
brain metastases said treated and gone ("brain mets treated, none now")."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

# ---- 1. alternatives awaiting a result: neither is stated ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "G1202R or L1196M, awaiting report",
        "either G1202R or I1171N - report pending",
        "G1202R or L1196M - NGS result awaited",
        "G1202R vs L1196M, awaiting confirmation",
        "ALK G1202R versus L1196M; final report pending",
        "Either G1202R or I1171N, to be confirmed. ECOG 1",
        "G1202R or L1196M? awaiting report",
        "G1202R or L1196M (report pending)",
        "G1202R vs L1196M?",
    ],
)
def test_alternatives_awaiting_a_result_are_not_present(text):
    found = assert_reads(text, {"alk_mutations": None})
    if "ECOG 1" in text:
        assert found.get("ecog") == 1, (text, found)


@pytest.mark.parametrize(
    "text, fields",
    [
        ("no G1202R or L1196M", {"alk_mutations": None}),
        ("no G1202R or L1196M, awaiting MET FISH", {"alk_mutations": None}),
        ("G1202R and L1196M", {"alk_mutations": ["G1202R", "L1196M"]}),
        ("G1202R and L1196M, awaiting report on MET", {"alk_mutations": ["G1202R", "L1196M"]}),
        ("G1202R detected. MET FISH or IHC pending", {"alk_mutations": ["G1202R"]}),
    ],
)
def test_denied_and_compound_lists_keep_their_reading(text, fields):
    assert_reads(text, fields)


# ---- 2. a finding as a consequence's premise, or denied right before it -------------------------------------------


@pytest.mark.parametrize(
    "text, ecog",
    [
        ("ECOG 3 would mean BSC", None),
        ("ECOG 3 would change things", None),
        ("PS 3 would rule out chemo", None),
        ("ECOG 2 could push us to BSC", None),
        ("if ECOG 3 then BSC", None),
        ("not ECOG 3", None),
        ("ECOG not 3", None),
        ("Not PS 3 - more like 1", 1),
        ("she's not ECOG 2, ECOG 1", 1),
        ("ECOG 1. ECOG 3 would mean BSC", 1),
        ("ECOG 2", 2),
    ],
)
def test_a_score_as_a_premise_or_denied_is_not_read(text, ecog):
    assert_reads(text, {"ecog": ecog})


def test_a_mutation_as_a_premise_is_not_read():
    assert_reads("G1202R would favour lorlatinib", {"alk_mutations": None})


# ---- 3. an arrow, then a denial: a denial ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, fields",
    [
        ("G1202R -> not detected", {"alk_mutations": None}),
        ("G1202R => neg", {"alk_mutations": None}),
        ("G1202R → negative", {"alk_mutations": None}),
        ("MET amp --> absent", {"bypass_alterations": None}),
        ("G1202R ⇒ not detected, ECOG 1", {"alk_mutations": None, "ecog": 1}),
        ("G1202R -> detected", {"alk_mutations": ["G1202R"]}),
        ("MET amp → positive", {"bypass_alterations": ["MET_amplification"]}),
        # after a TKI an arrow leads to the next therapy, not to the TKI's result
        ("alectinib -> consider lorlatinib", {"prior_tkis": ["alectinib"]}),
        ("crizotinib -> alectinib -> PD, G1202R", {"prior_tkis": ["crizotinib", "alectinib"], "alk_mutations": ["G1202R"]}),
    ],
)
def test_an_arrow_then_a_denial_denies(text, fields):
    assert_reads(text, fields)


# ---- 4. a doubt about the variant's origin after its allele fraction ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "G1202R at 0.3% VAF, probably CHIP",
        "G1202R at 0.3% VAF, likely clonal haematopoiesis",
        "G1202R at 0.3% VAF, possibly germline",
        "G1202R 0.2% - likely clonal hematopoiesis",
        "L1196M (0.4% AF), probably artefact",
        "G1202R @ 0.1% VAF; likely CHIP",
    ],
)
def test_a_doubted_variant_after_its_fraction_is_not_present(text):
    assert_reads(text, {"alk_mutations": None})


@pytest.mark.parametrize("text", ["G1202R at 0.3% VAF", "G1202R at 12% VAF, likely driving resistance"])
def test_a_variant_with_its_fraction_alone_is_read(text):
    assert_reads(text, {"alk_mutations": ["G1202R"]})


# ---- 5. brain metastases treated and gone -------------------------------------------------------------------------
# The case's brain_metastases means brain metastases present now, treated or not (bot/schemas/case.schema.json; an
# active Condition in FHIR). Treated brain mets that are still there are brain mets ("Treated brain mets",
# "Known brain mets (SRS 2022)": tests/nlu/test_known_brain_mets.py), and "no active disease" after treatment says
# they are controlled, not gone; treated brain mets said gone now read as "brain mets resolved" reads: absent.


@pytest.mark.parametrize(
    "text",
    [
        "brain mets treated, none now",
        "brain mets treated, resolved",
        "brain mets s/p SRS, none now",
        "Brain metastases treated with SRS in 2022, none currently",
        "brain mets, none now",
        "brain mets s/p SRS 2022 - none on latest MRI",
        "Brain mets treated with WBRT, now resolved",
    ],
)
def test_brain_mets_treated_and_gone_are_not_present(text):
    assert_reads(text, {"brain_metastases": False})


@pytest.mark.parametrize(
    "text",
    [
        "brain mets s/p SRS, no active disease",
        "Treated brain mets, no active disease",
        "two brain mets, none elsewhere",
        "two brain mets - none elsewhere",
        "brain mets s/p SRS 2022 - stable, no active disease",
    ],
)
def test_brain_mets_treated_and_controlled_are_present(text):
    assert_reads(text, {"brain_metastases": True})
