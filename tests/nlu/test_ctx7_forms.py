"""(ctx7) Five classes of wording the reader missed, in phrasings of our own, each with the near-misses that must read
otherwise (questions, denials, plans, other people, earlier lines):

1. chemotherapy or chemo-immunotherapy told as given now in a letter's or a timeline's words (an immunotherapy's
   maintenance after a chemo-immunotherapy regimen; a chemotherapy's maintenance as a timeline's last step with the
   response on it);
2. "This admission: ...", "Resistance testing this time ...", "At this progression ...": an ALK test's result told
   under them is the fusion's at this progression, not the diagnosis's ALK status;
3. a question heading before the findings: the findings after it are stated, the question reads nothing;
4. a numbered list of the lines given ("Lines of therapy: (1) alectinib (2) lorlatinib (3) carboplatin-pemetrexed"): a
   later chemotherapy line is prior chemotherapy;
5. dictation spelling the ALK fusion's genes letter by letter ("E M L four A L K").
"""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads

# ---- 1. current therapy: chemotherapy or chemo-immunotherapy given now -----------------------------------------------


@pytest.mark.parametrize("text,fields", [
    ("Four cycles of carboplatin, paclitaxel, atezolizumab and bevacizumab after brigatinib failed; she is now on "
     "atezolizumab-bevacizumab maintenance.",
     {"current_therapy": "chemo_immunotherapy", "prior_chemotherapy": True}),
    ("Carbo/pac/atezo/bev x4 (2025), then atezo/bev maintenance (ongoing).",
     {"current_therapy": "chemo_immunotherapy"}),
    ("ABCP induction x 4, currently on atezolizumab/bevacizumab maintenance.",
     {"current_therapy": "chemo_immunotherapy"}),
    ("Timeline\n1L alectinib 2021-2024 (PD liver)\n2L carboplatin/pemetrexed x4 → pemetrexed maintenance (PR)",
     {"current_therapy": "chemotherapy", "prior_chemotherapy": True}),
    ("2022 crizotinib; 2023 cisplatin/pemetrexed x 4 then pem maintenance (stable disease)",
     {"current_therapy": "chemotherapy"}),
])
def test_chemotherapy_told_as_given_now(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("text,fields", [
    # a maintenance planned, or given before a later therapy
    ("Carboplatin/paclitaxel/atezolizumab x4; atezolizumab maintenance to start next week.", {"current_therapy": None}),
    ("ABCP x4 in 2023, then atezo/bev maintenance until progression in 2024; now lorlatinib.",
     {"current_therapy": None}),
    ("1L alectinib (PD)\n2L carboplatin/pemetrexed x 4 → pem maintenance (SD)\n3L lorlatinib since 2025",
     {"current_therapy": None}),
    # another person's treatment
    ("Her sister had carboplatin/paclitaxel/atezolizumab x4 and is now on atezolizumab maintenance.",
     {"current_therapy": None, "prior_chemotherapy": None}),
    # a question
    ("ABCP x4 - should she now go on atezo/bev maintenance?", {"current_therapy": None}),
])
def test_chemotherapy_not_given_now_is_not_current(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# ---- 2. this admission / this time / this progression: the fusion's result at this progression ----------------------


@pytest.mark.parametrize("text,fields", [
    ("Molecular testing this time: liver core only. Report: EML4-ALK, no kinase domain mutation, KRAS G12C.",
     {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue", "alk_positive": None}),
    ("Repeat testing this time showed EML4-ALK still detectable, no ALK mutation.",
     {"alk_fusion_at_progression": True, "alk_positive": None}),
    ("This admission, adrenal biopsy: small cell carcinoma; ALK IHC negative.",
     {"alk_fusion_at_progression": False, "alk_fusion_specimen": "tissue", "alk_positive": None,
      "transformation": "small_cell"}),
    ("Histology from this admission (EBUS node): small cell carcinoma, ALK IHC negative. The 2019 diagnostic "
     "biopsy had been an ALK-positive adenocarcinoma.",
     {"alk_fusion_at_progression": False, "alk_positive": True}),
    ("This admission (10/2025): lung core, ALK IHC positive, ALK L1196M.",
     {"alk_fusion_at_progression": True, "alk_mutations": ["L1196M"]}),
])
def test_result_under_this_progression_is_the_fusions(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("text,fields", [
    # the disease named, or known from before, under the same heading
    ("This admission: 58F with ALK+ NSCLC, admitted with headaches.",
     {"alk_positive": True, "alk_fusion_at_progression": None}),
    ("This admission: known ALK-positive since 2020, now short of breath.",
     {"alk_positive": True, "alk_fusion_at_progression": None}),
    # the diagnosis's result, or an earlier year's, after the heading
    ("This admission: ALK FISH was positive at diagnosis; no new biopsy yet.",
     {"alk_positive": True, "alk_fusion_at_progression": None}),
    ("This admission: pneumonia. Her tumour was ALK positive by IHC in 2018.",
     {"alk_positive": True, "alk_fusion_at_progression": None}),
    # another person, a question, a plan
    ("This admission: her brother's tumour was ALK negative.", {"alk_positive": None, "alk_fusion_at_progression": None}),
    ("Was ALK IHC repeated this admission? Negative?", {"alk_positive": None, "alk_fusion_at_progression": None}),
    ("This admission: plan ALK IHC on the liver core.", {"alk_positive": None, "alk_fusion_at_progression": None}),
    # no heading: an ALK result of no time stays the ALK status
    ("ALK IHC negative.", {"alk_positive": False, "alk_fusion_at_progression": None}),
])
def test_results_not_of_this_progression_stay_as_they_were(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# ---- 3. a question heading before the findings ----------------------------------------------------------------------


@pytest.mark.parametrize("text,fields", [
    ("MDT question: what next? Findings: progression on brigatinib, plasma ALK G1202R.",
     {"alk_mutations": ["G1202R"], "biopsy": "plasma", "prior_tkis": ["brigatinib"]}),
    ("Question for the board - next line?\nFindings: progressed on lorlatinib; liver core MET amplification.",
     {"bypass_alterations": ["MET_amplification"], "biopsy": "tissue", "prior_tkis": ["lorlatinib"]}),
    ("Question: lorlatinib or chemotherapy? Findings: three new brain lesions only, body stable, ECOG 1.",
     {"progression": "cns_only", "ecog": 1}),
])
def test_findings_after_a_question_heading_are_read(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("text,fields", [
    ("Question for the board: next line after brigatinib if plasma shows G1202R?",
     {"alk_mutations": None, "prior_tkis": None, "biopsy": None}),
    ("MDT question: is a MET amplification on the liver core likely after lorlatinib?",
     {"bypass_alterations": None, "prior_tkis": None}),
])
def test_the_question_itself_reads_nothing(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# ---- 4. a numbered list of the lines given ---------------------------------------------------------------------------


@pytest.mark.parametrize("text,fields", [
    ("Lines of therapy: (1) crizotinib (2) alectinib (3) carboplatin/pemetrexed",
     {"prior_chemotherapy": True, "prior_tkis": ["crizotinib", "alectinib"], "current_therapy": None}),
    ("Prior treatment: 1) alectinib 2) docetaxel", {"prior_chemotherapy": True, "prior_tkis": ["alectinib"]}),
    ("Treatment lines: L1 brigatinib, L2 lorlatinib, L3 cisplatin-pemetrexed",
     {"prior_chemotherapy": True, "prior_tkis": ["brigatinib", "lorlatinib"]}),
    ("1L alectinib; 2L carboplatin + pemetrexed", {"prior_chemotherapy": True, "prior_tkis": ["alectinib"]}),
    ("Lines of therapy: (1) alectinib (2) lorlatinib (3) carboplatin-pemetrexed (ongoing)",
     {"prior_chemotherapy": True, "current_therapy": "chemotherapy"}),
])
def test_a_numbered_chemotherapy_line_is_read(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("text", [
    "Options: (1) lorlatinib (2) carboplatin-pemetrexed (3) a trial",
    "Lines of therapy: (1) alectinib (2) lorlatinib (3) carboplatin-pemetrexed planned",
    "Lines of therapy: (1) alectinib (2) lorlatinib; next (3) carboplatin-pemetrexed?",
    "Plan: 1) SRS 2) carboplatin/pemetrexed",
    "Treatment options: (1) brigatinib (2) docetaxel",
])
def test_a_numbered_chemotherapy_option_or_plan_is_not_received(text: str) -> None:
    assert_reads(text, {"prior_chemotherapy": None, "current_therapy": None})


# ---- 5. dictation spelling the fusion's genes -----------------------------------------------------------------------


@pytest.mark.parametrize("text,fields", [
    ("Dictated: tissue NGS showed E M L four A L K, variant three.", {"alk_positive": True}),
    ("She has an E M L 4 A L K fusion on the original biopsy.", {"alk_positive": True}),
    ("Liver rebiopsy: E M L four A L K fusion retained.", {"alk_fusion_at_progression": True}),
    ("A L K positive adenocarcinoma, stage four.", {"alk_positive": True, "histology": "adenocarcinoma"}),
])
def test_the_fusion_spelled_out_is_read(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("spelled,written", [
    ("NGS: E-M-L-4-A-L-K fusion detected.", "NGS: EML4-ALK fusion detected."),
    ("E.M.L.4 A.L.K. rearranged adenocarcinoma", "EML4-ALK rearranged adenocarcinoma"),
    ("tissue: EML 4 ALK; plasma: ALK G1202R", "tissue: EML4-ALK; plasma: ALK G1202R"),
])
def test_the_fusion_spelled_reads_as_written(spelled: str, written: str) -> None:
    assert extractor.extract_case(spelled) == extractor.extract_case(written) != {}


@pytest.mark.parametrize("text,fields", [
    ("Liver rebiopsy: no E M L four A L K fusion detected.",
     {"alk_fusion_at_progression": False, "alk_positive": None}),
    ("No EML4-ALK fusion detected on the liver core.", {"alk_fusion_at_progression": False}),
    ("Is there an E M L four A L K fusion?", {"alk_positive": None, "alk_fusion_at_progression": None}),
    ("Her cousin has E M L four A L K positive lung cancer.", {"alk_positive": None}),
    # letters that spell no gene: "a lot", a word written whole
    ("She walks a lot better.", {"alk_positive": None}),
])
def test_the_spelled_fusion_denied_asked_or_anothers(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# a list of options names no therapy received (the options' heading was no plan's: "Options: (1) lorlatinib ..." read
# lorlatinib as received)
@pytest.mark.parametrize("text,fields", [
    ("Options: (1) lorlatinib (2) carboplatin-pemetrexed (3) a trial", {"prior_tkis": None}),
    ("Therapeutic options: brigatinib or lorlatinib.", {"prior_tkis": None}),
    ("On alectinib since 2022. Options at progression: lorlatinib, chemotherapy.", {"prior_tkis": ["alectinib"]}),
    # what was chosen and started after the options is received
    ("Options discussed. She chose lorlatinib, started 03/2025.", {"prior_tkis": ["lorlatinib"]}),
])
def test_a_list_of_options_is_no_therapy_received(text: str, fields: dict) -> None:
    assert_reads(text, fields)
