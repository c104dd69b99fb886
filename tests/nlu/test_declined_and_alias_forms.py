"""An offer refused, and one gene under two names.

1. A therapy offered and refused is a denial of it ("Chemotherapy was offered but declined." read prior_chemotherapy
   false), however the refusal is joined to the offer: after a comma, a dash or a semicolon ("Chemotherapy offered,
   declined", "offered chemo - pt declined", "chemo was discussed; patient declined"), and for a regimen named by its
   agents ("carboplatin pemetrexed offered but declined"). A decline of something else is no refusal ("declined after
   4 cycles of chemo": the chemo was given), an agent denied otherwise is no denial of chemotherapy ("carboplatin-
   etoposide, no pemetrexed"), and an ALK inhibitor refused is no TKI received.
2. A bypass gene denied under one name and an alteration of it found under the other ("HER2 amplification; EGFR,
   KRAS, ERBB2 negative") is the gene stated both ways, asked about, as "... HER2 negative" is; other genes denied
   beside it are still those genes only.
3. A refusal as a sentence of its own right after an offer ("Chemo was offered. She declined.", "Offered
   pembrolizumab. Pt declined.") is a denial, only when it is bare (no object of its own but "it" or "treatment"), and
   a refusal of a therapy's start with words between ("refused to take brigatinib", "chose not to take brigatinib")
   is no therapy received; a decline after it or a refusal to go on with it ("declined to continue lorlatinib") is.

Phrasings of our own, as clinicians write them; none is a sentence of the independent phrasing sets."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_exactly, assert_reads_excluding, assert_stated_both_ways

# ---- 1. an offer refused ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "field"),
    [
        # read before, kept
        ("Chemotherapy was offered but declined.", "prior_chemotherapy"),
        ("pembrolizumab offered but declined", "prior_immunotherapy"),
        ("declined chemotherapy", "prior_chemotherapy"),
        ("she refused platinum doublet", "prior_chemotherapy"),
        # the refusal after a comma, a dash or a semicolon
        ("Chemotherapy offered, declined", "prior_chemotherapy"),
        ("Chemo: offered, declined", "prior_chemotherapy"),
        ("Chemo offered - declined", "prior_chemotherapy"),
        ("chemo offered - pt refused", "prior_chemotherapy"),
        ("chemo was discussed; patient declined", "prior_chemotherapy"),
        ("Chemotherapy was offered; she declined.", "prior_chemotherapy"),
        ("chemo recommended, patient declined due to fear of side effects", "prior_chemotherapy"),
        ("Chemotherapy was recommended but she declined it.", "prior_chemotherapy"),
        ("chemotherapy was offered to her but she declined", "prior_chemotherapy"),
        ("platinum doublet proposed, declined", "prior_chemotherapy"),
        ("pembrolizumab offered, declined", "prior_immunotherapy"),
        ("immunotherapy offered, pt declined", "prior_immunotherapy"),
        ("Keytruda was discussed but the patient refused", "prior_immunotherapy"),
        ("Pembrolizumab monotherapy offered, patient declined", "prior_immunotherapy"),
        # the offer before the therapy, the refusal after it
        ("offered chemo - pt declined", "prior_chemotherapy"),
        ("offered chemo, she declined", "prior_chemotherapy"),
        ("discussed chemotherapy; patient declined", "prior_chemotherapy"),
        ("Pt offered chemotherapy but declined.", "prior_chemotherapy"),
        ("He was offered chemotherapy and declined.", "prior_chemotherapy"),
        ("offered pembrolizumab; she declined", "prior_immunotherapy"),
        # a regimen named by its agents
        ("carboplatin pemetrexed offered but declined", "prior_chemotherapy"),
        ("carbo/pem recommended but the patient refused", "prior_chemotherapy"),
        ("Offered carboplatin/pemetrexed; patient declined.", "prior_chemotherapy"),
        ("Carboplatin and pemetrexed were offered but she turned it down", "prior_chemotherapy"),
        ("Docetaxel was offered as second line but she declined.", "prior_chemotherapy"),
        ("She declined carboplatin-pemetrexed.", "prior_chemotherapy"),
        # refused before it
        ("Patient declined the offer of chemotherapy.", "prior_chemotherapy"),
        ("declined to start chemotherapy", "prior_chemotherapy"),
    ],
)
def test_an_offer_refused_is_a_denial(text, field):
    assert_reads(text, {field: False})


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        # a decline of something else: the chemo was given, or nothing is said of it
        ("declined after 4 cycles of chemo", {"prior_chemotherapy": True}),
        ("ECOG declined after chemotherapy", {"prior_chemotherapy": True}),
        ("pt declined after cycle 2 of carboplatin", {"prior_chemotherapy": True}),
        ("After 4 cycles of carboplatin pemetrexed her ECOG declined.", {"prior_chemotherapy": True}),
        ("platelets declined on carboplatin", {"prior_chemotherapy": None}),
        ("her performance status declined on chemotherapy", {"prior_chemotherapy": None}),
        ("was on chemo; she declined rapidly", {"prior_chemotherapy": None}),
        ("She declined on chemotherapy and was switched to alectinib.", {"prior_chemotherapy": None}),
        # one more of what was given refused, or another thing refused
        ("received 4 cycles of carboplatin pemetrexed, then declined maintenance", {"prior_chemotherapy": True}),
        ("completed 4 cycles of chemo; patient declined further chemotherapy", {"prior_chemotherapy": True}),
        ("carboplatin/pemetrexed 4 cycles, pt declined maintenance pemetrexed", {"prior_chemotherapy": True}),
        ("Patient declined pembrolizumab after chemo", {"prior_immunotherapy": False, "prior_chemotherapy": True}),
        ("chemo was discussed; she declined hospice", {"prior_chemotherapy": None}),
        ("chemo discussed; patient declined SRS", {"prior_chemotherapy": None}),
        ("Was on pembrolizumab; she declined.", {"prior_immunotherapy": True}),
        # an offer accepted is no refusal (accepted and given: received, tests/nlu/test_leftopen_forms.py)
        ("offered chemo, accepted, received 4 cycles", {"prior_chemotherapy": True}),
        ("chemo was offered and accepted", {"prior_chemotherapy": None}),
        # an agent denied otherwise: another agent given, no denial of chemotherapy
        ("carboplatin-etoposide, no pemetrexed", {"prior_chemotherapy": None}),
        ("carboplatin, not cisplatin", {"prior_chemotherapy": None}),
        ("Carboplatin + paclitaxel (no pemetrexed or cisplatin)", {"prior_chemotherapy": None}),
        ("No pemetrexed due to renal function", {"prior_chemotherapy": None}),
        # the regimen's agents yield to what tells them given
        ("s/p cisplatin-pemetrexed as adjuvant therapy after lobectomy", {"prior_chemotherapy": True}),
        ("She had carboplatin pemetrexed x4. Pembrolizumab offered but declined.",
         {"prior_chemotherapy": True, "prior_immunotherapy": False}),
        # a refusal supposed is no refusal
        ("If she refuses chemotherapy, what next?", {"prior_chemotherapy": None}),
    ],
)
def test_a_decline_of_something_else_is_no_refusal(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text",
    [
        "lorlatinib offered but declined",
        "offered lorlatinib, she declined",
        "lorlatinib was discussed; patient declined",
        "Lorlatinib offered, declined",
    ],
)
def test_an_alk_inhibitor_refused_is_not_received(text):
    assert_reads_excluding(text, "prior_tkis", ["lorlatinib"])


def test_an_alk_inhibitor_refused_leaves_the_ones_received():
    assert_reads_exactly("alectinib, then lorlatinib offered but declined", {"prior_tkis": ["alectinib"]})


# ---- 2. one gene under two names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "HER2 amplification; EGFR, KRAS, ERBB2 negative",
        "ERBB2 amplification; EGFR, KRAS, HER2 negative",  # (read so before)
        "HER2 amplification; negative for EGFR, KRAS and ERBB2",
        "ERBB2 amplification. EGFR/ERBB2/MET: no alterations",
        "HER3 activation; EGFR, KRAS, ERBB3 negative",
        "MAP2K1 mutation; EGFR, KRAS, MEK1 negative",
        "MEK1 mutation; EGFR, KRAS, MAP2K1 negative",
        "MET amplification; EGFR, KRAS, c-MET negative",
        "c-MET amplification; EGFR, KRAS, MET negative",
        "MET amp; c-MET, EGFR, KRAS: negative",
        "G12C; EGFR, KRAS, BRAF negative",
        "KRAS G12C; EGFR, KRAS, BRAF negative",
    ],
)
def test_a_gene_denied_under_its_other_name_is_stated_both_ways(text):
    assert_stated_both_ways(text, "bypass_alterations")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # other genes denied beside a finding: those genes only, the finding stands
        ("HER2 amplification; EGFR, KRAS, BRAF negative", ["HER2_activation"]),
        ("HER2 amplification; EGFR, KRAS, MET negative", ["HER2_activation"]),
        ("HER2 amplification; EGFR, KRAS, c-MET negative", ["HER2_activation"]),
        ("MET amplification; EGFR, KRAS, ERBB2 negative", ["MET_amplification"]),
        ("KRAS G12C; EGFR, NRAS, BRAF negative", ["KRAS_G12C"]),
        ("MAP2K1 mutation; EGFR, KRAS, ERBB2 negative", ["MAP2K1_mutation"]),
    ],
)
def test_other_genes_denied_beside_a_finding_are_not_conflated(text, found):
    assert_reads(text, {"bypass_alterations": found})


def test_a_panel_denied_alone_is_still_no_bypass_alteration():
    assert_reads("EGFR, KRAS, c-MET negative", {"bypass_alterations": []})


@pytest.mark.parametrize(
    "text",
    [
        # one gene denied on its own, under either name, beside an alteration of it found
        "HER2 amp; ERBB2 negative",
        "HER2 amp; HER2 negative",
        "ERBB2 amplified; no HER2 amplification",
        "MET amp; MET negative",
        "MET amp. no c-MET amplification",  # (read MET amplification present)
        "c-MET amplified; MET not detected",
        "KRAS G12C detected; KRAS negative",
        "BRAF V600E; BRAF wild-type",
        "MEK1 mutation; MAP2K1 wild-type",
        "RET fusion; RET negative",
    ],
)
def test_one_gene_denied_beside_its_alteration_is_stated_both_ways(text):
    assert_stated_both_ways(text, "bypass_alterations")


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        # another gene denied, or another alteration of the gene, or another specimen: the finding stands
        ("MET amp; EGFR negative", {"bypass_alterations": ["MET_amplification"]}),
        ("HER2 amp; KRAS wild-type", {"bypass_alterations": ["HER2_activation"]}),
        ("G12C detected; NRAS negative", {"bypass_alterations": ["KRAS_G12C"]}),
        ("KRAS G12C detected; KRAS G12D negative", {"bypass_alterations": ["KRAS_G12C"]}),
        ("MET amplification; MET exon 14 negative", {"bypass_alterations": ["MET_amplification"]}),
        ("history of HER2-negative breast cancer; now MET amplification", {"bypass_alterations": ["MET_amplification"]}),
        ("Tissue: MET amplification. Plasma: MET negative", {"bypass_alterations": ["MET_amplification"]}),
        # one gene denied alone says nothing of the class; a panel's genes denied still deny it
        ("ERBB2 negative", {"bypass_alterations": None}),
        ("KRAS wild-type", {"bypass_alterations": None}),
        ("EGFR, KRAS negative", {"bypass_alterations": []}),
        ("EGFR and KRAS negative", {"bypass_alterations": []}),
        ("EGFR, KRAS, HER2 negative", {"bypass_alterations": []}),
    ],
)
def test_one_gene_denied_does_not_reach_other_genes_or_the_class(text, fields):
    assert_reads(text, fields)


# ---- 3. a request's history -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "prior"),
    [
        # read before, kept
        ("We request approval of lorlatinib for this patient who progressed on alectinib and brigatinib",
         ["alectinib", "brigatinib"]),
        ("I am requesting lorlatinib for this patient who progressed on alectinib and brigatinib.",
         ["alectinib", "brigatinib"]),
        ("We would like to request lorlatinib for this patient, who progressed on alectinib and then brigatinib.",
         ["alectinib", "brigatinib"]),
        ("I am writing to request lorlatinib for my patient, previously treated with alectinib and brigatinib.",
         ["alectinib", "brigatinib"]),
        # a history after a request: the TKIs listed after it were received
        ("We are requesting funding for lorlatinib following failure of alectinib and brigatinib.",
         ["alectinib", "brigatinib"]),
        ("We request approval of lorlatinib; the patient received alectinib and brigatinib.",
         ["alectinib", "brigatinib"]),
        ("Dear colleague, we request approval of lorlatinib for Mrs X, who progressed on alectinib (2019-2022) and "
         "brigatinib (2022-2024).", ["alectinib", "brigatinib"]),
        ("requesting authorization for lorlatinib in a patient who has progressed on alectinib and brigatinib",
         ["alectinib", "brigatinib"]),
        ("I am requesting authorization for lorlatinib for a patient who progressed on crizotinib, alectinib and "
         "brigatinib.", ["crizotinib", "alectinib", "brigatinib"]),
        ("We would like to request approval of lorlatinib for a patient who progressed on alectinib and brigatinib",
         ["alectinib", "brigatinib"]),
    ],
)
def test_a_request_keeps_the_history_after_it(text, prior):
    assert_reads(text, {"prior_tkis": prior})


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        # what is requested, or named as to come, is not received
        ("We request approval of lorlatinib; brigatinib to follow if not tolerated", {"prior_tkis": None}),
        ("We request approval of lorlatinib, then brigatinib at progression", {"prior_tkis": None}),
        ("We request approval of lorlatinib; alectinib and brigatinib are alternatives", {"prior_tkis": None}),
        ("Requesting authorization for lorlatinib or brigatinib after alectinib", {"prior_tkis": ["alectinib"]}),
        # a patient supposed, in a question or a rule, is no history of this one
        ("What would you give for a patient who progressed on crizotinib, alectinib and brigatinib?",
         {"prior_tkis": None}),
        ("In a patient who progressed on alectinib and brigatinib, lorlatinib is preferred.", {"prior_tkis": None}),
        ("We request approval of lorlatinib, which would be preferred in a patient with G1202R",
         {"alk_mutations": None}),
        # a comma list not closed by "and": the plan's next step, as before
        ("Plan: after alectinib, lorlatinib", {"prior_tkis": ["alectinib"]}),
    ],
)
def test_what_a_request_asks_for_or_supposes_is_not_received(text, fields):
    assert_reads(text, fields)


# ---- 3. a refusal in the next sentence, and an ALK inhibitor refused with words between ---------------------------


@pytest.mark.parametrize(
    ("text", "field"),
    [
        # a bare refusal by its subject as the next sentence, after an offer after the therapy or before it
        ("Chemo was offered. She declined.", "prior_chemotherapy"),
        ("Chemotherapy was offered in clinic today. She declined.", "prior_chemotherapy"),
        ("Chemo was offered. She declined it.", "prior_chemotherapy"),
        ("Chemo was offered. The patient declined treatment.", "prior_chemotherapy"),
        ("Offered pembrolizumab. Pt declined.", "prior_immunotherapy"),
        ("Offered carboplatin/pemetrexed. He refused.", "prior_chemotherapy"),
        # a refusal of its start with words between
        ("chose not to take chemotherapy", "prior_chemotherapy"),
        ("did not want to start chemo", "prior_chemotherapy"),
    ],
)
def test_a_refusal_in_the_next_sentence_is_a_denial(text, field):
    assert_reads(text, {field: False})


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        # another object, no refusal, or no offer: nothing of the chemo
        ("Chemo was offered. She declined further imaging.", {"prior_chemotherapy": None}),
        ("Chemo was offered. She declined SRS.", {"prior_chemotherapy": None}),
        ("Chemo was offered. Her appetite declined.", {"prior_chemotherapy": None}),
        ("Chemo given. She declined afterwards.", {"prior_chemotherapy": None}),
        ("Chemo was offered and given. She declined.", {"prior_chemotherapy": None}),
        ("Offered chemo. She declined rapidly.", {"prior_chemotherapy": None}),
        ("Chemo. She declined.", {"prior_chemotherapy": None}),
        # given, then refused more of it
        ("carboplatin pemetrexed x4. She declined maintenance.", {"prior_chemotherapy": True}),
    ],
)
def test_a_next_sentence_that_is_no_bare_refusal_is_no_denial(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    ("text", "tki"),
    [
        ("refused to take brigatinib", "brigatinib"),
        ("declined to take lorlatinib", "lorlatinib"),
        ("declined to start lorlatinib", "lorlatinib"),
        ("refuses to take alectinib", "alectinib"),
        ("chose not to take brigatinib", "brigatinib"),
        ("unwilling to take lorlatinib", "lorlatinib"),
        ("did not want to start lorlatinib", "lorlatinib"),
        ("refused to go on lorlatinib", "lorlatinib"),
        ("declined the offer of lorlatinib", "lorlatinib"),
    ],
)
def test_an_alk_inhibitor_refused_with_words_between_is_not_received(text, tki):
    assert_reads_excluding(text, "prior_tkis", [tki])


@pytest.mark.parametrize(
    ("text", "tkis"),
    [
        # a decline after it, or a refusal to go on with it, stop it or restart it: it was given
        ("declined after 2 years on lorlatinib", ["lorlatinib"]),
        ("declined to continue lorlatinib", ["lorlatinib"]),
        ("did not want to continue lorlatinib", ["lorlatinib"]),
        ("refused to stop lorlatinib", ["lorlatinib"]),
        ("refused to restart alectinib", ["alectinib"]),
        ("she took brigatinib", ["brigatinib"]),
        # the one received kept beside the one refused
        ("alectinib 2 years; refused to take brigatinib", ["alectinib"]),
    ],
)
def test_an_alk_inhibitor_given_before_a_decline_or_refusal_to_go_on_is_received(text, tkis):
    assert_reads_exactly(text, {"prior_tkis": tkis})


@pytest.mark.parametrize(
    ("text", "given"),
    [
        # the cycles given after the regimen: received
        ("chemo, received 4 cycles", True),
        ("carboplatin pemetrexed 4 cycles", True),
        ("Chemo given 4 cycles, then alectinib", True),
        ("cisplatin/pemetrexed, completed four cycles", True),
        # planned, proposed, supposed, a relative's, refused: not received
        ("carbo pem 4 cycles planned", None),
        ("plan: carbo pem 4 cycles", None),
        ("recommend carboplatin pemetrexed 4 cycles", None),
        ("if it progresses, carbo pem 4 cycles", None),
        ("would you give carbo pem 4 cycles?", None),
        ("her mother had carbo pem 4 cycles", None),
        ("carbo pem 4 cycles declined", False),
        ("carboplatin pemetrexed, 4 cycles proposed", None),
    ],
)
def test_the_cycles_of_a_regimen_tell_it_given(text, given):
    assert_reads(text, {"prior_chemotherapy": given})
