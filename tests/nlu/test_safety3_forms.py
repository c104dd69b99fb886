"""Five misreads left by the last session (safety3): a TKI started after an access statement ("Lorlatinib was approved
by her insurer and started in May") read as not received; findings joined by "or" ("G1202R or L1196M") read as both
found; a plasma result after a failed tissue test ("Tissue QNS; no ALK mutations on plasma") left unread; a TKI
stopped for toxicity when another TKI is restarted after it ("lorla stopped for neuropathy, restarted alectinib") not
read as intolerant; and a word of a TKI sequence the reader does not know ("criz -> cert -> lorla") silently dropped.
Phrasings of our own, as clinicians write them; none is a sentence of the independent phrasing sets."""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads, assert_reads_exactly

# ---- 1. an access statement, then the start: received -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Lorlatinib was approved by her insurer and started in May.",
        "Lorlatinib was approved and started 3/2024",
        "Lorbrena was approved via the access programme; started 5/2024",
        "lorlatinib approved by insurance, started on 12 March",
        "Lorlatinib was funded and commenced in March.",
        "insurance approved lorlatinib; started 3/2024",
        "got lorlatinib through compassionate access, on it since June",
        "Lorlatinib was funded via compassionate access and she has been on it since June.",
        "lorlatinib offered and commenced 2/2024",
        "Lorlatinib was approved by the CDF and initiated the same week.",
    ],
)
def test_a_tki_approved_then_started_is_received(text):
    assert_reads(text, {"prior_tkis": ["lorlatinib"]})


@pytest.mark.parametrize(
    "text",
    [
        "Lorlatinib was approved",
        "Lorlatinib is available",
        "lorlatinib pending approval",
        "Lorlatinib was approved and will be started Monday",
        "Lorlatinib was approved, to start next week",
        "Lorlatinib approved but not yet started",
        "Lorlatinib was approved and started dexamethasone",  # another drug started
        "Was lorlatinib approved and started?",
        "If lorlatinib is approved and started in May, check lipids",
        "Her sister's lorlatinib was approved and started in May",
    ],
)
def test_an_approval_without_the_tki_started_is_not_receipt(text):
    assert_reads(text, {"prior_tkis": None})


def test_the_start_after_an_approval_is_of_the_tki_named_before_it():
    assert_reads("Lorlatinib was approved, alectinib started in May", {"prior_tkis": ["alectinib"]})


# ---- 2. findings joined by "or": the writer does not know which ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "G1202R or L1196M",
        "G1202R or L1196M detected",
        "ALK G1202R or I1171N on NGS",
        "ALK G1202R, L1196M or I1171N detected",
        "G1202R and/or L1196M",
        "G1202R vs L1196M on plasma",
        "Rebiopsy NGS: either G1202R or L1196M",
        "G1202R or MET amp",
    ],
)
def test_alternative_mutations_are_not_found(text):
    assert_reads(text, {"alk_mutations": None, "bypass_alterations": None})


@pytest.mark.parametrize(
    "text",
    ["MET amp or EGFR", "EGFR or MET amplification on plasma", "MET amp or EGFR mutation",
     "MET amplification or RET fusion on NGS"],
)
def test_alternative_bypass_alterations_are_not_found(text):
    assert_reads(text, {"bypass_alterations": None})


def test_alternatives_are_doubted_not_dropped():
    found = [e for e in extractor.load().entities("G1202R or L1196M detected") if e.entity == "alk_mutation"]
    assert [e.value for e in found] == ["G1202R", "L1196M"] and all(e.role == "hypothetical" for e in found), found


@pytest.mark.parametrize(
    "text,fields",
    [
        ("no G1202R or L1196M", {"alk_mutations": None}),
        ("G1202R or L1196M not detected", {"alk_mutations": None}),
        ("neither G1202R nor L1196M", {"alk_mutations": None}),
        ("Neither G1202R nor L1196M detected", {"alk_mutations": None}),
        ("neither MET amp nor RET fusion", {"bypass_alterations": None}),
        ("G1202R and L1196M", {"alk_mutations": ["G1202R", "L1196M"]}),
        ("G1202R, L1196M and I1171N on tissue", {"alk_mutations": ["G1202R", "L1196M", "I1171N"]}),
        ("G1202R/L1196M compound", {"alk_mutations": ["G1202R", "L1196M"], "compound": True}),
        ("G1202R detected; MET amp or RET fusion not found", {"alk_mutations": ["G1202R"]}),
        ("G1202R detected. MET FISH or IHC pending", {"alk_mutations": ["G1202R"]}),
        ("G1202R; EGFR negative", {"alk_mutations": ["G1202R"]}),
    ],
)
def test_denials_and_findings_joined_by_and_keep_their_reading(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text",
    ["Is it G1202R or L1196M?", "would lorlatinib cover G1202R or L1196M?", "if G1202R or L1196M is found, lorlatinib"],
)
def test_questions_about_alternatives_change_nothing(text):
    assert_reads(text, {"alk_mutations": None, "prior_tkis": None})


# ---- 3. a failed tissue test, then a plasma result ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text,fields",
    [
        ("Tissue QNS; no ALK mutations on plasma", {"biopsy": "plasma", "alk_mutations": []}),
        ("Rebiopsy non-diagnostic; no resistance mutations on ctDNA", {"biopsy": "plasma", "alk_mutations": []}),
        ("Core insufficient for NGS; no ALK mutations detected in plasma", {"biopsy": "plasma", "alk_mutations": []}),
        ("biopsy non-diagnostic; Guardant: ALK G1202R", {"biopsy": "plasma", "alk_mutations": ["G1202R"]}),
        ("Tissue QNS; G1202R on plasma", {"biopsy": "plasma", "alk_mutations": ["G1202R"]}),
    ],
)
def test_a_plasma_result_after_a_failed_tissue_test_is_read(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize("text", ["tissue QNS", "insufficient tissue for NGS", "Rebiopsy non-diagnostic",
                                  "Liver core QNS for molecular testing"])
def test_a_failed_tissue_test_alone_is_no_testing_and_no_result(text):
    assert_reads(text, {"biopsy": "none", "alk_mutations": None})


@pytest.mark.parametrize(
    "text",
    [
        "Repeat biopsy QNS; no ALK mutations detected on NGS",  # the failed test's own method
        "Tissue QNS; no ALK mutations on tissue",
        "Plasma NGS failed; no ALK mutations in plasma",
        "Tissue QNS for NGS; no resistance mutations identified.",
    ],
)
def test_nothing_found_on_the_failed_tests_own_specimen_is_no_result(text):
    assert_reads(text, {"alk_mutations": None})


# ---- 4. a TKI stopped for toxicity, another restarted ------------------------------------------------------------


@pytest.mark.parametrize(
    "text,tki",
    [
        ("lorla stopped for neuropathy+weight gain, restarted alectinib", "lorlatinib"),
        ("lorlatinib stopped for neuropathy, restarted alectinib", "lorlatinib"),
        ("brigatinib dc'd due to pneumonitis, restarted alectinib", "brigatinib"),
        ("brigatinib d/c'd due to pneumonitis -> alectinib", "brigatinib"),
        ("brigatinib stopped for pneumonitis; back on alectinib", "brigatinib"),
        ("lorlatinib stopped for oedema, switched to brigatinib", "lorlatinib"),
        ("alectinib stopped for CK rise + myalgia, switched to brigatinib", "alectinib"),
    ],
)
def test_a_tki_stopped_for_toxicity_before_another_is_restarted_is_not_tolerated(text, tki):
    assert_reads(text, {"intolerant_tkis": [tki]})


@pytest.mark.parametrize(
    "text",
    [
        "lorlatinib held for weight gain, restarted at 75 mg",
        "alectinib held for CK rise, restarted alectinib at 450 mg",
        "lorlatinib held for oedema and restarted, then alectinib",
        "if lorlatinib is stopped for neuropathy, restart alectinib",
        "lorlatinib stopped for neuropathy? restarted alectinib",
    ],
)
def test_a_tki_resumed_or_a_supposed_stop_is_not_intolerance(text):
    assert_reads(text, {"intolerant_tkis": None})


# ---- 5. a word of a TKI sequence the reader does not know: reported, not dropped ---------------------------------


def _unknown(text: str) -> list[str]:
    return [e.text for e in extractor.load().entities(text) if e.entity == "unknown_drug"]


@pytest.mark.parametrize(
    "text,word",
    [
        ("criz -> cert -> lorla", "cert"),
        ("crizotinib -> cert -> lorlatinib", "cert"),
        ("criz then cert then lorla", "cert"),
        ("cert -> lorla", "cert"),
        ("Xalkori → Certican → Lorbrena", "Certican"),
    ],
)
def test_an_unknown_word_in_a_tki_sequence_is_reported(text, word):
    assert _unknown(text) == [word]
    found = assert_reads(text, {})
    assert "ceritinib" not in found.get("prior_tkis", []), found  # never guessed


@pytest.mark.parametrize(
    "text",
    ["criz -> alec -> lorla", "crizotinib -> ceritinib -> lorlatinib", "criz -> PD -> lorla",
     "crizotinib then chemo then alectinib", "alectinib then later lorlatinib", "certain it was crizotinib"],
)
def test_known_words_of_a_sequence_report_nothing(text):
    assert _unknown(text) == []


def test_a_sequence_with_an_unknown_word_keeps_the_tkis_it_knows():
    assert_reads_exactly("criz -> cert -> lorla", {"prior_tkis": ["crizotinib", "lorlatinib"]})
