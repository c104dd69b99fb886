"""(ther10) Classes of wording the reader missed for the therapy given now (current_therapy) and the TKIs stopped for
toxicity (intolerant_tkis), in phrasings of our own, each with the near-misses that must read otherwise (questions,
plans, options, a finished regimen followed by a later step, other people, a toxicity without a stop):

1. a regimen of several agents given now after "currently/now" and a verb of receiving ("currently on carboplatin,
   pemetrexed and pembrolizumab": chemo-immunotherapy, not chemotherapy), the patient's present treatment ("she is
   being treated with ...", "undergoing ..."), a statement opening on it ("Receiving docetaxel 3-weekly."), tolerating
   it; "chemo-immunotherapy" written with its hyphen;
2. its cycles given so far ("has had 3 cycles of ... to date", "2 cycles so far"), fewer than those planned ("2 of 4
   planned cycles"), part way through it ("halfway through 4 cycles");
3. the cycle calendar: a day after a cycle ("day 8 post cycle 2 ..."), the next or a later cycle due, a cycle given
   lately ("had C2 of carbo/pem last Tuesday"), a regimen of several agents with its cycle ("carboplatin + pemetrexed
   + pembrolizumab C3D1 today"); not a cycle told completed, nor a cycle after which another regimen came;
4. a start a short time ago ("started carboplatin and pemetrexed 6 weeks ago"), a switch to it as the last step
   ("progressed on alectinib, switched to carboplatin/pemetrexed"), said to go on ("carboplatin and pemetrexed
   continue"), a line open to the present ("docetaxel 10/2025 - ongoing.", "(ongoing since 09/2025)"), a German
   history's "seit" (since);
5. a form's key of the treatment given now ("Active treatment:", "Treatment at present:"); in a cycle of it now ("she is
   in cycle 3 of ..."); given for a time up to now ("she has been on docetaxel for 3 months"); the regimen named, then
   started a short time ago; a line's bracket with its start and open end; a response after its cycles, then continued
   ("after 2 cycles of carbo/pem: PR; continue");
6. a TKI stopped for a toxicity named as clinicians write it (US spellings and organ names: "hyperbilirubinemia",
   "rhabdomyolysis", "drug-induced liver injury", "renal impairment"); "intolerance to"/"intolerant to" a TKI (read as
   a switch onto it before); "discontinuation of <TKI> due to <toxicity>"; the patient's own stop ("stopped taking
   lorlatinib herself because of ...", "self-discontinued"); a hold never restarted; a toxicity told first, then the TKI
   replaced or switched to another ("due to intolerance, lorlatinib was replaced by brigatinib"); a toxicity of many words
   before "on <TKI>"; the TKI named in brackets after the patient's words for it ("stopped his cancer tablets
   (Alecensa)"); a TKI named only as the time of another's start ("X was started after Y but stopped for ...": X's).
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

# ---- 1. given now: a verb of receiving, the patient's present treatment, a statement opening on it -------------------


@pytest.mark.parametrize("text,value", [
    ("Currently on carboplatin, pemetrexed and pembrolizumab after lorlatinib failure.", "chemo_immunotherapy"),
    ("She is now receiving cisplatin, pemetrexed and atezolizumab.", "chemo_immunotherapy"),
    ("Presently undergoing third-line docetaxel.", "chemotherapy"),
    ("He is being treated with carboplatin and etoposide for the small-cell transformation.", "chemotherapy"),
    ("Patient is undergoing palliative chemotherapy with carboplatin/pemetrexed.", "chemotherapy"),
    ("Receiving docetaxel 3-weekly at the day unit.", "chemotherapy"),
    ("PD on lorlatinib. Undergoing chemotherapy with carboplatin and pemetrexed.", "chemotherapy"),
    ("She is tolerating cycle 3 of carbo/pem with mild fatigue only.", "chemotherapy"),
    ("Tolerating docetaxel reasonably well, some mucositis.", "chemotherapy"),
    ("He is on chemo-immunotherapy since the lorlatinib stopped working.", "chemo_immunotherapy"),
    ("Her friend says she is tolerating docetaxel well.", "chemotherapy"),
])
def test_given_now_by_its_verb(text: str, value: str) -> None:
    assert_reads(text, {"current_therapy": value})


@pytest.mark.parametrize("text", [
    "Is she currently receiving carboplatin and pemetrexed?",
    "Receiving docetaxel from next week once the counts recover.",
    "Undergoing chemotherapy would be an option if ECOG improves.",
    "Her mother is currently receiving carboplatin and pemetrexed for breast cancer.",
    "She is not currently receiving chemotherapy.",
    "She was tolerating docetaxel until it was stopped for neutropenia in 2023.",
    "Tolerated carboplatin/pemetrexed well in 2019, then alectinib.",
    "Will start carboplatin and pemetrexed next week.",
    "Consider chemotherapy with carboplatin/pemetrexed.",
    "Options discussed: undergoing chemotherapy with carboplatin/pemetrexed, or best supportive care.",
    "Her friend with lung cancer is tolerating docetaxel well.",
    "His friend is currently receiving carboplatin and pemetrexed.",
])
def test_given_now_by_its_verb_near_misses(text: str) -> None:
    assert_reads(text, {"current_therapy": None})


# ---- 2. cycles given so far, fewer than planned, part way through -----------------------------------------------------


@pytest.mark.parametrize("text,value", [
    ("He has had three cycles of carboplatin and pemetrexed so far.", "chemotherapy"),
    ("Has received 2 cycles of docetaxel to date, scan after the fourth.", "chemotherapy"),
    ("Carbo/pem/pembro from October, 2 cycles so far, tolerating.", "chemo_immunotherapy"),
    ("She has completed 2 of 4 planned cycles of carboplatin/pemetrexed.", "chemotherapy"),
    ("He is halfway through 4 cycles of carboplatin and etoposide.", "chemotherapy"),
])
def test_cycles_so_far(text: str, value: str) -> None:
    assert_reads(text, {"current_therapy": value})


@pytest.mark.parametrize("text", [
    "Completed 4 of 4 cycles of carboplatin/pemetrexed in 2020.",
    "Received 3 of 4 planned cycles of carboplatin/pemetrexed before progression.",
    "Had 4 cycles of carboplatin/pemetrexed to date, then switched to alectinib in 2019.",
    "Has she had 2 cycles of docetaxel so far?",
])
def test_cycles_so_far_near_misses(text: str) -> None:
    assert_reads(text, {"current_therapy": None})


# ---- 3. the cycle calendar ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text,value", [
    ("Day 10 post cycle 2 carboplatin/pemetrexed, neutrophils 0.9.", "chemotherapy"),
    ("Next cycle of carbo/pem is due on Monday.", "chemotherapy"),
    ("Cycle 4 of docetaxel due next week, bloods beforehand.", "chemotherapy"),
    ("Due C3 carboplatin/etoposide on Thursday.", "chemotherapy"),
    ("Had C2 of carbo/pem last Wednesday, nausea since.", "chemotherapy"),
    ("Received cycle 2 of ABCP 10 days ago.", "chemo_immunotherapy"),
    ("Carboplatin + pemetrexed + pembrolizumab C3D1 today.", "chemo_immunotherapy"),
    ("Treatment: carboplatin + pemetrexed (cycle 3).", "chemotherapy"),
])
def test_cycle_calendar(text: str, value: str) -> None:
    assert_reads(text, {"current_therapy": value})


@pytest.mark.parametrize("text", [
    "Cycle 1 of carboplatin/pemetrexed due next week.",
    "Final cycle of docetaxel given last week; restaging to follow.",
    "Received cycle 2 of carboplatin/pemetrexed on 12/11/2019.",
    "Her sister had C2 of carbo/pem last Tuesday.",
    "Carboplatin/pemetrexed, cycle 4 completed in 2022; then alectinib.",
    "Received carboplatin/pemetrexed x4 after cycle 2 of docetaxel.",
    "Day 8 post cycle 2 carboplatin/pemetrexed in 2019 she had neutropenic sepsis.",
])
def test_cycle_calendar_near_misses(text: str) -> None:
    assert_reads(text, {"current_therapy": None})


# ---- 4. a recent start, a switch to it, said to go on, open to the present ---------------------------------------------


@pytest.mark.parametrize("text,value", [
    ("Started carboplatin and pemetrexed 6 weeks ago.", "chemotherapy"),
    ("She commenced docetaxel last week.", "chemotherapy"),
    ("Progressed on alectinib, switched to carboplatin/pemetrexed.", "chemotherapy"),
    ("After lorlatinib failure he was changed to carboplatin, pemetrexed and pembrolizumab.", "chemo_immunotherapy"),
    ("Carboplatin and pemetrexed continue.", "chemotherapy"),
    ("Third-line chemotherapy (carboplatin/pemetrexed) is ongoing.", "chemotherapy"),
    ("Carboplatin/pemetrexed (ongoing since 09/2025).", "chemotherapy"),
    ("Docetaxel 10/2025 - ongoing.", "chemotherapy"),
    ("Carboplatin/pemetrexed 09/2025 - present.", "chemotherapy"),
    ("Seit 10.2025 Carboplatin/Pemetrexed, gut vertragen.", "chemotherapy"),
])
def test_recent_start_switch_ongoing(text: str, value: str) -> None:
    assert_reads(text, {"current_therapy": value})


@pytest.mark.parametrize("text", [
    "Started carboplatin/pemetrexed 3 weeks ago, stopped after cycle 1 for sepsis.",
    "Switched to carboplatin/pemetrexed in 2020, then alectinib.",
    "Plan: switch to carboplatin/pemetrexed if progression is confirmed.",
    "She could be switched to docetaxel.",
    "Should she be switched to carboplatin/pemetrexed?",
    "Chemotherapy would continue if she responds.",
    "Carboplatin/pemetrexed continued until progression in 2022.",
    "Docetaxel 10/2024-02/2025.",
    "Received 4 cycles of carboplatin/pemetrexed in 2021, then alectinib.",
])
def test_recent_start_switch_ongoing_near_misses(text: str) -> None:
    assert_reads(text, {"current_therapy": None})


# ---- 5. a form's key, in a cycle, given up to now, a line's open bracket, a response then continued ------------------


@pytest.mark.parametrize("text,value", [
    ("Active treatment: carboplatin AUC5 + pemetrexed 500 mg/m2", "chemotherapy"),
    ("Treatment at present: cisplatin/pemetrexed/pembrolizumab", "chemo_immunotherapy"),
    ("Active treatment: none (treatment break since October)", "none"),
    ("She is in cycle 3 of carboplatin/pemetrexed, counts fine.", "chemotherapy"),
    ("He has been on docetaxel for 3 months with stable disease.", "chemotherapy"),
    ("Since progression on lorlatinib she has been receiving carboplatin and pemetrexed.", "chemotherapy"),
    ("Chemotherapy (carboplatin + etoposide) started 5 weeks ago, well tolerated.", "chemotherapy"),
    ("LOT3: carboplatin-pemetrexed (start 2025-09-10, ongoing)", "chemotherapy"),
    ("CT after 2 cycles of carboplatin/pemetrexed/pembrolizumab: partial response; continue.", "chemo_immunotherapy"),
    ("Restaging after three cycles of docetaxel shows stable disease; plan to continue.", "chemotherapy"),
])
def test_key_cycle_up_to_now(text: str, value: str) -> None:
    assert_reads(text, {"current_therapy": value})


@pytest.mark.parametrize("text", [
    "If she is in cycle 3 of carboplatin/pemetrexed, hold the next dose.",
    "Her husband has been on docetaxel for 3 months.",
    "She has been receiving carboplatin/pemetrexed until last month, when it was stopped for progression.",
    "Carboplatin/pemetrexed was started 3 weeks ago and stopped last week for sepsis.",
    "Chemotherapy (carboplatin + pemetrexed) started 6 weeks ago? Please confirm.",
    "After 4 cycles of carboplatin/pemetrexed, PR; continue with alectinib.",
    "After 4 cycles of carboplatin/pemetrexed in 2019: PR. Continue lorlatinib.",
    "Active treatment options: docetaxel or carboplatin/pemetrexed.",
])
def test_key_cycle_up_to_now_near_misses(text: str) -> None:
    assert_reads(text, {"current_therapy": None})


# ---- 6. a TKI stopped for a toxicity named as clinicians write it --------------------------------------------------------


@pytest.mark.parametrize("text,tkis", [
    ("Alectinib was stopped for grade 3 hyperbilirubinemia.", ["alectinib"]),
    ("Brigatinib discontinued due to rhabdomyolysis.", ["brigatinib"]),
    ("Crizotinib stopped in 2019 because of drug-induced liver injury; alectinib since.", ["crizotinib"]),
    ("Ceritinib ceased owing to renal impairment, then alectinib.", ["ceritinib"]),
    ("Alectinib caused grade 3 hyperbilirubinemia and was switched to brigatinib.", ["alectinib"]),
    ("Intolerance to ceritinib (GI), switched to alectinib.", ["ceritinib"]),
    ("She was intolerant to crizotinib and moved on to alectinib.", ["crizotinib"]),
    ("Discontinuation of lorlatinib due to cognitive impairment.", ["lorlatinib"]),
    ("She stopped taking lorlatinib herself because of the mood changes.", ["lorlatinib"]),
    ("Self-discontinued alectinib due to myalgia; brigatinib since.", ["alectinib"]),
    ("Lorlatinib was held for hypertriglyceridaemia and never restarted.", ["lorlatinib"]),
    ("Due to intolerance, lorlatinib was replaced by brigatinib.", ["lorlatinib"]),
    ("Due to grade 3 rash, crizotinib was switched to alectinib.", ["crizotinib"]),
    ("Brigatinib stopped after a week due to hypoxia (early pulmonary event).", ["brigatinib"]),
    ("Grade 3 drug-induced interstitial pneumonitis developed on brigatinib and it was discontinued.", ["brigatinib"]),
    ("He came off his cancer tablets (Alecensa) last month because of constant vomiting.", ["alectinib"]),
    ("Lorlatinib was started after alectinib but stopped within a month because of hallucinations.", ["lorlatinib"]),
    ("Lorlatinib was started after alectinib, which was stopped for hepatitis.", ["alectinib"]),
])
def test_stopped_for_named_toxicity(text: str, tkis: list) -> None:
    assert_reads(text, {"intolerant_tkis": tkis})


@pytest.mark.parametrize("text", [
    "Alectinib dose reduced for hyperbilirubinemia, continued at 450 mg bid.",
    "Lorlatinib caused hypercholesterolemia, managed with a statin.",
    "Her brother stopped alectinib due to rhabdomyolysis.",
    "Will stop brigatinib if the renal impairment worsens.",
    "Should we stop lorlatinib for the cognitive impairment?",
    "Discontinuation of alectinib due to progression.",
    "Brigatinib held for CK elevation and then resumed at reduced dose.",
    "Lorlatinib was held for hypertriglyceridaemia and resumed.",
    "Despite nausea, crizotinib was switched to alectinib for CNS progression.",
    "Due to rash, crizotinib was switched to a lower dose.",
    "Due to progression, crizotinib was replaced by alectinib.",
    "She stopped taking alectinib because of cost.",
    "Her brother stopped taking lorlatinib because of mood changes.",
    "She stopped her cancer tablets (Alecensa) because of cost.",
    "Brigatinib was started after crizotinib but stopped for CNS progression.",
])
def test_stopped_for_named_toxicity_near_misses(text: str) -> None:
    assert_reads(text, {"intolerant_tkis": None})
