"""Four safety misreads (safety2): another person's aside before they report about the patient ("Her husband, who is
on phenytoin, attended"), a dose gap read as a TKI never received ("has not had her alectinib for 3 days"), a TKI
a finding leads to read as received ("G1202R -> lorlatinib"), and a denied switch read as rejecting the TKI kept
("don't switch brigatinib"). Phrasings of our own, as clinicians write them; none is a sentence of the independent
phrasing sets."""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from bot.nlu.therapies import CONTINUE, REJECTED
from tests.nlu.reads import assert_reads

# ---- 1. another person's aside, then a report about the patient ---------------------------------------------------


@pytest.mark.parametrize(
    "text,field",
    [
        ("Her husband, who is on phenytoin, attended.", "strong_cyp3a_inducer"),
        ("His wife, who takes carbamazepine for epilepsy, came with him today and reports no new symptoms.",
         "strong_cyp3a_inducer"),
        ("Daughter, on rifampicin for TB, says mum is managing well.", "strong_cyp3a_inducer"),
        ("Her husband, who takes phenytoin, says she has had headaches.", "strong_cyp3a_inducer"),
        ("Her sister, who had alectinib, attends with her.", "prior_tkis"),
        ("Her son, himself on itraconazole, was present at the consultation.", "strong_cyp3a_inhibitor"),
    ],
)
def test_a_persons_aside_before_their_report_is_theirs(text, field):
    assert_reads(text, {field: None})


@pytest.mark.parametrize(
    "text,fields",
    [
        ("Her husband, who takes phenytoin, says she has had headaches.", {"symptomatic": True}),
        ("Her husband, who is on phenytoin, says she takes carbamazepine.", {"strong_cyp3a_inducer": True}),
        ("His wife, who has epilepsy, reports he is on alectinib.", {"prior_tkis": ["alectinib"]}),
    ],
)
def test_what_follows_the_report_is_the_patients(text, fields):
    assert_reads(text, fields)


# ---- 2. a dose gap: the TKI held, so received ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,tki",
    [
        ("Has not had her alectinib for 3 days.", "alectinib"),
        ("hasn't had alectinib for a week due to vomiting", "alectinib"),
        ("Not taken lorlatinib for 2 days (D+V).", "lorlatinib"),
        ("hasn't had any alectinib since Friday", "alectinib"),
        ("Has not had brigatinib since 2 weeks, nausea.", "brigatinib"),
        ("No lorlatinib for the last 5 days - admitted with vomiting.", "lorlatinib"),
    ],
)
def test_a_dose_gap_is_a_held_dose_of_a_tki_received(text, tki):
    assert_reads(text, {"prior_tkis": [tki]})


@pytest.mark.parametrize(
    "text",
    ["Has not had alectinib.", "has never had alectinib for her ALK+ disease", "hasn't yet started alectinib",
     "Not had any TKI since diagnosis; no alectinib."],
)
def test_a_denial_without_a_gap_stays_denied(text):
    assert_reads(text, {"prior_tkis": None})


# ---- 3. a TKI a finding leads to is a plan, not received ----------------------------------------------------------


@pytest.mark.parametrize(
    "text,mutation",
    [
        ("G1202R -> lorlatinib", "G1202R"),
        ("G1202R => lorla", "G1202R"),
        ("L1196M, so lorlatinib", "L1196M"),
        ("Rebiopsy: I1171N \u2192 lorlatinib", "I1171N"),
        ("ctDNA shows G1202R, therefore lorlatinib.", "G1202R"),
    ],
)
def test_a_tki_a_finding_leads_to_is_not_received(text, mutation):
    found = assert_reads(text, {"prior_tkis": None})
    assert mutation in found.get("alk_mutations", []), (text, found)


@pytest.mark.parametrize(
    "text,tkis",
    [
        ("alectinib -> lorlatinib", ["alectinib", "lorlatinib"]),
        ("crizotinib -> alectinib -> lorlatinib", ["crizotinib", "alectinib", "lorlatinib"]),
        ("G1202R on alectinib -> lorlatinib", ["alectinib", "lorlatinib"]),
        ("G1202R -> lorlatinib -> PD", ["lorlatinib"]),
    ],
)
def test_a_sequence_of_tkis_by_arrow_is_still_received(text, tkis):
    assert_reads(text, {"prior_tkis": tkis})


# ---- 4. a denied switch keeps the TKI -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["don't switch brigatinib", "don't change the brigatinib", "no need to switch from brigatinib",
     "I would not switch her off brigatinib", "wouldn't change brigatinib, it's working", "Do NOT stop brigatinib"],
)
def test_a_denied_switch_continues_the_tki(text):
    choice = extractor.therapy_choice(text)
    mentions = [(m.value, m.role) for m in choice.mentions]
    assert choice.therapy == CONTINUE, mentions
    assert "brigatinib" not in choice.rejected(), mentions


@pytest.mark.parametrize("text", ["don't switch brigatinib to lorlatinib", "do not change brigatinib for alectinib"])
def test_a_denied_switch_to_another_still_rejects_the_target(text):
    choice = extractor.therapy_choice(text)
    mentions = [(m.value, m.role) for m in choice.mentions]
    assert choice.therapy is None and dict(mentions).get(mentions[-1][0]) == REJECTED, mentions
