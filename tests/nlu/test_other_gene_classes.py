"""A denied class of mutations that is another gene's ("no TP53 or KRAS mutations", "no mutations in KRAS, EGFR or
BRAF") says nothing of ALK: read as "no ALK mutation" it would send the case down the no-mutation rule on a panel
that never spoke of ALK. ALK named in the same clause keeps the denial ALK's. Phrasings of our own."""
from __future__ import annotations

import pytest

from bot.nlu import vocabulary
from bot.nlu.reader import Reader
from tests.nlu.reads import assert_reads, assert_reads_excluding


@pytest.mark.parametrize(
    "text",
    [
        "no TP53 or KRAS mutations",
        "No TP53 or STK11 mutations on the panel.",
        "no mutations in KRAS, EGFR or BRAF",
        "NGS: no mutations in TP53.",
        "no KEAP1, STK11 or SMARCA4 mutations",
        "on alectinib, rebx: no TP53 or KRAS mutation",
        "TP53 and RB1 mutations: not detected",
        "no pathogenic TP53 mutations",
        "no mutation of PTEN",
    ],
)
def test_another_genes_denied_mutations_are_not_the_alk_mutations(text):
    assert "alk_mutations" not in assert_reads_excluding(text, "alk_mutations", [])


@pytest.mark.parametrize(
    "text",
    [
        "no ALK or KRAS mutations",
        "no ALK mutations; no KRAS mutations",
        "no KRAS mutations; no ALK mutations",
        "no resistance mutations",
        "NGS: no mutations",
        "no ALK kinase domain mutations, TP53 wild-type",
        "no mutations of ALK",
    ],
)
def test_the_alk_mutations_denied_are_still_read(text):
    assert_reads(text, {"alk_mutations": []})


def _alk_class_spans(table, text):
    return [s for s in Reader(table).spans(text) if (s.entity, s.value) == ("alk_mutation", "none")]


def test_the_phrase_files_flag_decides_not_the_field():
    """The reader sets no field apart: the phrase row's `not_other_genes` flag (clinical_phrases.yml) keeps another
    gene's class from reading; the same row without it reads "no TP53 or KRAS mutations" as ALK's class."""
    table = vocabulary.table()
    flagged = [r for r in table["regexes"] if r.get("not_other_genes")]
    assert flagged and {(r["entity"], r["value"]) for r in flagged} == {("alk_mutation", "none")}
    assert not _alk_class_spans(table, "no TP53 or KRAS mutations")
    assert _alk_class_spans(table, "no ALK or KRAS mutations")
    unflagged = dict(table, regexes=[dict(r, not_other_genes=False) for r in table["regexes"]])
    assert _alk_class_spans(unflagged, "no TP53 or KRAS mutations")


# ---- one list of genes other than ALK (clinical_phrases.yml PANELGENE): the reader's other genes and the genes a
# denial names beside a bypass alteration found both come from it (they were two lists in code, each missing genes)


@pytest.mark.parametrize(
    "text",
    [
        "NTRK1 G595R detected",  # NTRK, HER3/ERBB3 and ATM were missing from the reader's other genes
        "ERBB3 V104M on NGS",
        "HER3 E928G on the rebiopsy",
        "ATM R337C",
        "IDH1 R132H",
    ],
)
def test_another_genes_change_is_not_an_alk_mutation(text):
    assert_reads(text, {"alk_mutations": None})


@pytest.mark.parametrize(
    "text",
    [
        "IDH1 R132H, ALK G1202R",
        "NTRK1 fusion negative, ALK G1202R",
        # "atm" in lower case is ward shorthand for "at the moment", not the ATM gene
        "on lorla atm - G1202R on rebiopsy",
        "on lorla atm G1202R",
    ],
)
def test_the_alk_mutation_beside_another_gene_or_atm_shorthand_is_read(text):
    assert_reads(text, {"alk_mutations": ["G1202R"]})


@pytest.mark.parametrize(
    "text",
    [
        "MET amp; HRAS and MEK1 negative",  # HRAS, MEK1, HER3 and ERBB3 were missing from the denial's genes
        "MET amplification. HER3, ERBB3: negative",
        "EGFR, HRAS negative; MET amplification",
        "MET amp; EGFR, KRAS negative",
    ],
)
def test_other_bypass_genes_denied_leave_the_alteration_found(text):
    assert_reads(text, {"bypass_alterations": ["MET_amplification"]})


@pytest.mark.parametrize("text", ["MET amplification; MET, HRAS negative", "MET amp; no bypass alterations"])
def test_the_found_alterations_gene_denied_is_still_a_conflict(text):
    assert_reads(text, {"bypass_alterations": None})
