"""Forms the case reader left open: sites stated after a denial that does not reach them, a request's history told
with sequence words, a chemotherapy offer accepted and given, a relative's findings headed by a colon, a TKI offered
and then started. Each read wrongly or not at all before; the controls beside them must keep their readings."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_exactly


# 1. sites listed after a denial, each repeating its "new", the list never closed by a conjunction: the denial covers
# the first, the rest are stated (as "no new liver lesions, new bone mets and new adrenal nodule" was read already)
@pytest.mark.parametrize(
    "text",
    [
        "no new liver lesions, new bone mets, new adrenal nodule",
        "CT CAP: No new lung nodules, new liver mets, new bone lesions, new adrenal mass.",
        "restaging - no new hepatic lesions, new osseous mets, new adrenal nodule",
        "No evidence of new liver lesions, new bone mets, new adrenal nodule",
        "new bone mets and adrenal nodule",
    ],
)
def test_sites_after_a_denial_that_does_not_reach_them_are_systemic(text):
    assert_reads(text, {"progression": "systemic"})


@pytest.mark.parametrize(
    "text",
    [
        # a list closed by "or"/"nor", the denial's own, and one running into an item the reader does not know
        "no new liver lesions, new bone mets or new adrenal nodule",
        "no new liver lesions, new bone mets, nor new adrenal nodule",
        "no new liver lesions, new bone mets, new adrenal nodule or pleural effusion",
        # one qualifier for the whole list: denied
        "no new liver lesions, bone mets, adrenal nodule or nodes",
        "no new liver, bone or adrenal lesions",
        # asked, supposed
        "no new liver lesions, new bone mets, new adrenal nodule?",
        "if no new liver lesions, new bone mets, new adrenal nodule, continue alectinib",
    ],
)
def test_sites_a_denial_reaches_or_a_question_asks_are_not_progression(text):
    assert_reads(text, {"progression": None})


def test_a_denied_panel_without_a_repeated_qualifier_is_left_as_it_was():
    # nothing repeated after the denial: the reading of an unclosed denied list of genes is not changed here
    assert_reads("no EGFR, KRAS, BRAF", {"bypass_alterations": []})


# 2. a new site told after the current TKI reads as the site told alone does: one site no pattern, two systemic
@pytest.mark.parametrize(
    ("alone", "after_tki"),
    [
        ("new liver mets", "on alectinib since 2021, now new liver mets"),
        ("new liver mets", "Alectinib from 03/2021; new liver mets on the latest CT"),
        ("new liver and bone mets", "on brigatinib since 2022, now new liver and bone mets"),
        ("new liver mets and adrenal nodule", "alectinib 600 bd since 2021 - now new liver mets and adrenal nodule"),
    ],
)
def test_a_new_site_after_the_current_tki_reads_as_it_does_alone(alone, after_tki):
    found = assert_reads(after_tki, {})
    assert {k: v for k, v in found.items() if k != "prior_tkis"} == assert_reads(alone, {}), (alone, after_tki)
    assert found["prior_tkis"] in (["alectinib"], ["brigatinib"])


# 3. chemotherapy offered, accepted and given is prior chemotherapy; declined is none, still to decide is nothing
@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("offered chemo, accepted, received 4 cycles", True),
        ("Offered carboplatin pemetrexed, she agreed and received four cycles", True),
        ("Chemotherapy offered - accepted and completed 6 cycles", True),
        ("offered chemo, received 4 cycles", True),
        ("offered chemo, declined", False),
        ("offered chemo, will consider", None),
        ("offered chemo, accepted", None),
        ("offered chemo, accepted 4 cycles", None),
        ("offered chemo, 4 cycles planned", None),
        ("her mother was offered chemo, accepted, received 4 cycles", None),
        ("would you give carbo pem if she accepted, received 4 cycles?", None),
    ],
)
def test_chemotherapy_offered_then_given(text, given):
    assert_reads(text, {"prior_chemotherapy": given})


# 4. a funding or authorisation request's history told with sequence words: every TKI, in order; the drug requested
# is not received
@pytest.mark.parametrize(
    "text",
    [
        "I am writing to request funding for lorlatinib; the patient received alectinib then brigatinib.",
        "Request for authorisation: the patient received alectinib then brigatinib",
        "We request approval of lorlatinib as the patient received alectinib followed by brigatinib.",
        "We request approval of lorlatinib as the patient received alectinib and subsequently brigatinib.",
        "We request approval of lorlatinib as the patient received alectinib, then later brigatinib.",
        "We request approval of lorlatinib; she has been treated with alectinib -> brigatinib",
        # the drug the letter asks for is not received
        "Please authorise lorlatinib. The patient received alectinib then brigatinib.",
        "We are applying for lorlatinib because the patient received alectinib then brigatinib.",
        "Kindly approve lorlatinib for this patient, who received alectinib then brigatinib.",
    ],
)
def test_a_requests_history_in_sequence_is_every_tki_in_order(text):
    assert_reads(text, {"prior_tkis": ["alectinib", "brigatinib"]})


@pytest.mark.parametrize(
    ("text", "tkis"),
    [
        ("Please authorise lorlatinib 100 mg daily.", None),
        ("Please continue alectinib.", ["alectinib"]),
        ("Please note she received alectinib then brigatinib.", ["alectinib", "brigatinib"]),
    ],
)
def test_a_letters_ask_and_its_controls(text, tkis):
    assert_reads(text, {"prior_tkis": tkis})


@pytest.mark.parametrize(
    "text",
    [
        # after words that only say what a plan follows, a sequence word does not tell a TKI given
        "Request for funding: after progression on alectinib then lorlatinib",
        "Request for funding of lorlatinib. Plan: after alectinib then brigatinib",
        "We request approval of lorlatinib as the patient received alectinib, lorlatinib to follow",
    ],
)
def test_a_plan_after_a_history_is_not_received(text):
    assert_reads(text, {"prior_tkis": ["alectinib"]})


# 5. a blood relative heading their findings with a colon or a dash: theirs, not the patient's
@pytest.mark.parametrize(
    "text",
    [
        "Her sister: ALK IHC positive, on alectinib",
        "Sister: ALK IHC positive, on alectinib",
        "His brother - ALK+ adenocarcinoma, treated with crizotinib then lorlatinib",
        "Mother: ALK positive lung cancer, had brigatinib",
        "Father — ALK FISH positive, G1202R on rebiopsy",
        "Her cousin: ALK rearranged NSCLC, on lorlatinib",
        "Aunt: ALK+ adeno, brigatinib",
    ],
)
def test_a_relatives_colon_heads_their_own_findings(text):
    assert_reads_exactly(text, {})


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("Patient: ALK IHC positive", {"alk_positive": True}),
        ("Pt: ALK IHC positive, on alectinib", {"alk_positive": True, "prior_tkis": ["alectinib"]}),
        ("Cousin: ALK IHC positive. Patient: ALK IHC negative.", {"alk_positive": False}),
        ("Her uncle: on lorlatinib. Our patient: alectinib since 2021.", {"prior_tkis": ["alectinib"]}),
        ("Daughter: patient on alectinib since 2022", {"prior_tkis": ["alectinib"]}),
        # a spouse's or a relative's report of the patient stays the patient's
        ("Collateral from husband: taking carbamazepine for trigeminal neuralgia.", {"strong_cyp3a_inducer": True}),
        ("Daughter: she takes carbamazepine", {"strong_cyp3a_inducer": True}),
    ],
)
def test_the_patients_own_heading_and_a_report_of_the_patient_are_read(text, fields):
    assert_reads(text, fields)


# 6. a TKI offered, then told started in the same statement, is received; offered alone, declined or still to start
# is not
@pytest.mark.parametrize(
    "text",
    [
        "Lorlatinib was offered and started",
        "Offered lorlatinib; started 03/2025",
        "Offered lorlatinib, started in March",
        "offered lorlatinib, accepted and started 03/2025",
        "Offered lorlatinib; commenced 2 weeks later",
    ],
)
def test_a_tki_offered_then_started_is_received(text):
    assert_reads_exactly(text, {"prior_tkis": ["lorlatinib"]})


@pytest.mark.parametrize(
    "text",
    [
        "Lorlatinib was offered. She declined.",
        "Offered lorlatinib; to start 03/2025",
        "Offered lorlatinib; starts 03/2025",
        "Offered lorlatinib, will start in March",
        "Offered lorlatinib; started atorvastatin 03/2025",
        "Offered lorlatinib; she wants to think about it",
        "Offered lorlatinib or brigatinib; started 03/2025",
        "Her sister was offered lorlatinib; started 03/2025",
    ],
)
def test_a_tki_offered_and_not_told_started_is_not_received(text):
    assert_reads(text, {"prior_tkis": None})
