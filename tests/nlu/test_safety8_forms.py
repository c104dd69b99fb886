"""Four misreadings of safety8: a regimen requested, applied for or proposed read as received ("Requested: carbo +
pem + bev + atezolizumab" read prior immunotherapy), while the TKIs the request says it follows must stay received;
a plan on a condition in other words read as given ("provided that", "falls Mutation:", "on condition that"); the
country of a second opinion read as where the patient is treated ("came to our hospital in Chennai for a second
opinion only; treatment to continue in Dhaka" read IN); and a past best response read as no progression beside a
later progression ("partial remission was reached on alectinib; now progression in the liver" read none). Phrasings
of our own, as clinicians write them (NHS letters, EMR exports, prior-authorization text, European English, case
reports, shorthand); none is a sentence of the independent phrasing sets."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_excluding, assert_reads_including

# ---- 1. a regimen requested or proposed is not received; the history it follows is ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Requested: carbo + pem + bev + atezolizumab",
        "Requested regimen: atezolizumab, bevacizumab, carboplatin, paclitaxel (IMpower150)",
        "Regimen requested - atezolizumab + bevacizumab + carboplatin + paclitaxel",
        "Drug requested: Tecentriq (atezolizumab)",
        "Proposed: atezolizumab with carboplatin and pemetrexed",
        "Proposed treatment: pembrolizumab plus platinum doublet",
        "Funding requested for pembrolizumab plus chemotherapy",
        "We request funding for atezolizumab-based ABCP.",
        "Application for funding of atezolizumab (IMpower150 regimen).",
        "Request: ABCP (atezolizumab/bev/carbo/pac) 4th line",
        "Individual funding is sought for atezolizumab + bevacizumab + chemotherapy.",
    ],
)
def test_a_regimen_requested_is_not_received(text):
    assert_reads(text, {"prior_immunotherapy": None})


@pytest.mark.parametrize(
    ("text", "tkis"),
    [
        ("Requested: ABCP after progression on ALK TKIs (alectinib, lorlatinib)", ["alectinib", "lorlatinib"]),
        ("Proposed: ABCP after progression on alectinib and lorlatinib", ["alectinib", "lorlatinib"]),
        ("Requested regimen: carboplatin/pemetrexed/pembrolizumab after alectinib and lorlatinib",
         ["alectinib", "lorlatinib"]),
        ("Funding requested for pembrolizumab plus chemotherapy following progression on alectinib and lorlatinib",
         ["alectinib", "lorlatinib"]),
        ("Proposed treatment: atezolizumab, bevacizumab, carboplatin and paclitaxel post-alectinib and lorlatinib",
         ["alectinib", "lorlatinib"]),
        ("Plan: lorlatinib given progression on alectinib", ["alectinib"]),
        ("Request: please review; she progressed on alectinib and lorlatinib", ["alectinib", "lorlatinib"]),
        ("We request funding for ABCP. Previously treated with alectinib, lorlatinib.", ["alectinib", "lorlatinib"]),
    ],
)
def test_the_history_a_request_follows_is_received(text, tkis):
    found = assert_reads_including(text, "prior_tkis", tkis)
    assert "prior_immunotherapy" not in found, (text, found)


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        # what was given before the request is still given
        ("Prior immunotherapy: pembrolizumab. Requested: docetaxel", {"prior_immunotherapy": True}),
        ("Received atezolizumab with carboplatin in 2022. Requested: lorlatinib", {"prior_immunotherapy": True}),
        # the plan's own drug stays planned
        ("Plan: lorlatinib after progression on alectinib", {"prior_tkis": ["alectinib"]}),
        ("Outcome: WBRT + lorlatinib", {"prior_tkis": None}),
        ("Plan: stop fluconazole, after that lorlatinib", {"prior_tkis": None}),
        ("Plan: on progression on imaging, lorlatinib", {"prior_tkis": None}),
        ("Plan: after chemo, lorlatinib", {"prior_tkis": None}),
        ("Plan: after alectinib, lorlatinib", {"prior_tkis": ["alectinib"]}),
        ("Plan: carbo/pem after alectinib then lorlatinib", {"prior_tkis": ["alectinib"]}),
        # prior-authorization and cost-coverage forms
        ("Prior-authorization request. Requested medication: Tecentriq 1200 mg q3w with bevacizumab, carboplatin, "
         "paclitaxel. Prior therapies: alectinib, lorlatinib.",
         {"prior_tkis": ["alectinib", "lorlatinib"], "prior_immunotherapy": None}),
        ("Antrag auf Kostenübernahme: Atezolizumab + Bevacizumab + Carboplatin + Paclitaxel",
         {"prior_immunotherapy": None}),
        ("Cost coverage requested for atezolizumab/bevacizumab/carboplatin/paclitaxel after failure of alectinib and "
         "lorlatinib.", {"prior_tkis": ["alectinib", "lorlatinib"], "prior_immunotherapy": None}),
    ],
)
def test_requests_and_plans_beside_what_was_given(text, fields):
    assert_reads(text, fields)


# ---- 2. a plan on a condition is not given, nor its condition found --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "in case of missing resistance mutation, a therapy with Lorviqua",
        "In the case of a missing resistance mutation, therapy with Lorviqua is recommended.",
        "In case of G1202R, lorlatinib",
        "should a resistance mutation be found, lorlatinib",
        "Should G1202R be found, lorlatinib will be started.",
        "if no mutation -> lorlatinib",
        "falls Mutation: G1202R -> Lorlatinib",
        "falls keine Resistenzmutation: Lorviqua",
        "In the event of a G1202R mutation, lorlatinib.",
        "lorlatinib provided that G1202R is confirmed",
        "Lorlatinib only if G1202R is confirmed",
        "provided that no bypass is found, lorlatinib",
        "On condition that the rebiopsy shows G1202R, lorlatinib will be applied for.",
    ],
)
def test_a_conditional_plan_is_not_received(text):
    found = assert_reads(text, {"prior_tkis": None})
    assert "alk_mutations" not in found and "bypass_alterations" not in found, (text, found)


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        # the noun, not the German conjunction
        ("history of recurrent falls; on alectinib", {"prior_tkis": ["alectinib"]}),
        ("Falls: 2 this year. On lorlatinib.", {"prior_tkis": ["lorlatinib"]}),
        # a drug given, then a condition on what follows
        ("On alectinib since 2021. NGS: G1202R.", {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]}),
        ("Lorlatinib was provided free of charge via EAP", {"prior_tkis": ["lorlatinib"]}),
    ],
)
def test_conditions_beside_statements(text, fields):
    assert_reads(text, fields)


# ---- 3. the country of a second opinion is not where the patient is treated ------------------------------------------


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("came to our hospital in Chennai for a second opinion only; treatment to continue in Dhaka", None),
        ("Referred from Dhaka to our centre in Chennai for a second opinion.", None),
        ("Second opinion: 54F, ALK+ NSCLC, Chennai. Treatment continues at her local hospital in Dhaka.", None),
        ("Second opinion at our clinic in Berlin. She will continue treatment locally in Bangladesh.", None),
        ("Seen for second opinion in Munich, treated in Vienna.", "AT"),
        # where she is treated, said so
        ("Treated in Chennai; here for a second opinion on lorlatinib.", "IN"),
        ("Second opinion requested by her oncologist in Toronto, where she is treated.", "CA"),
        ("We treat her here in Chennai. Second opinion given.", "IN"),
        ("Treated in Germany. ALK+ NSCLC on alectinib.", "DE"),
    ],
)
def test_the_region_is_where_she_is_treated(text, region):
    assert_reads(text, {"region": region})


# ---- 4. a past best response is not no progression now -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "progression"),
    [
        ("partial remission was reached on alectinib; now progression in the liver", None),
        ("Best response was partial response. Now new liver and bone metastases.", "systemic"),
        ("achieved PR on alectinib, then PD in liver and bone after 26 months", "systemic"),
        # stable disease is left to the pattern's halves ("CT stable, MRI 2 new brain mets"): here stated both ways
        ("stable disease on brigatinib for 3 years; progression in liver, bone and adrenal", None),
        ("Alectinib 2021-2024: best response PR.", None),
        ("CR on alectinib", None),
        ("Brain mets responded to alectinib, now extracranial progression in liver and bone", "systemic"),
        # told as now: none
        ("currently in PR on lorlatinib, no progression", "none"),
        ("complete response maintained on lorlatinib", "none"),
        ("On lorlatinib since 2023, stable disease.", "none"),
        ("Best response: PR (RECIST 1.1). PD 03/2025: new liver and bone mets.", "systemic"),
        ("Alectinib 600 mg bd 2020-2024 (BOR: PR), progressed in liver and bone", "systemic"),
        ("She achieved a good partial response to alectinib, and subsequently progressed in the liver, bones and "
         "adrenals.", "systemic"),
        ("Case report: a 52-year-old woman achieved complete remission on alectinib; 3 years later, multiple liver and "
         "bone metastases appeared.", "systemic"),
        # told as now
        ("Restaging CT today: ongoing partial response, no progression.", "none"),
        ("latest scan: stable disease on lorlatinib", "none"),
    ],
)
def test_a_past_response_is_not_this_progressions_status(text, progression):
    assert_reads(text, {"progression": progression})


def test_a_past_response_keeps_the_tki():
    assert_reads_excluding("partial remission was reached on alectinib; now progression in the liver", "prior_tkis", ["lorlatinib"])
