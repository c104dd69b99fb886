"""(ther11) Classes of wording the reader missed for the therapy given now (current_therapy), in phrasings of our own,
each with the near-misses that must read otherwise (questions, plans, conditions, a past line, other people):

1. the patient's own words in a portal message ("I'm having chemo every three weeks", "I am on carboplatin and
   pemetrexed now");
2. a statement opening on the therapy ("Ongoing docetaxel.", "On second line chemo with docetaxel.", "On chemo
   (carbo/pem), cycle 3 given on 11/20"), or the treatment now said with a verb ("treatment at present is ...");
   "3rd line" without its hyphen as a qualifier of the regimen;
3. the patient given it on its schedule ("he's getting carbo pem every three weeks", "receives docetaxel q3w"), going on
   with it ("continues to receive pemetrexed maintenance"), started then in a cycle now ("started chemo in October and
   is on cycle 3 now"), a cycle just had, the next cycle due after its dose line ("Docetaxel 75 mg/m2 q3w, cycle 4 due
   Monday"), given since the progression it followed;
4. a chemotherapy agent with its dose in a medication list; the form key "Current line of therapy";
5. nothing given now: no ALK inhibitor taken now with nothing else named ("not currently receiving any ALK
   inhibitor"), a TKI not taken for a time up to now ("has not taken her Alecensa since November"), treatment-free
   or untreated since a time, no longer on any cancer treatment, a drug holiday, treatment paused since a date, every
   medication stopped;
6. a TKI denied now ("not on any ALK inhibitor at present") is no denial of the TKIs had before: prior_tkis unread;
7. a TKI stopped for a toxicity told first, then changed to another ("because of grade 3 rash, X was changed to Y"); a
   drug pneumonitis in a patient's words ("a lung inflammation from the drug") or as organising pneumonia; a form key
   in quotes ("Referral form field 'Intolerances to ALK TKIs': None").
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than

# ---- 1. the patient's own words ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text,value", [
    ("Portal message: I'm having chemo every three weeks and the nausea is manageable.", "chemotherapy"),
    ("Message from patient: I am on carboplatin and pemetrexed now, the cough is better.", "chemotherapy"),
    ("I'm getting carboplatin, pemetrexed and pembrolizumab at the day unit.", "chemo_immunotherapy"),
])
def test_own_words(text: str, value: str) -> None:
    assert_reads(text, {"current_therapy": value})


@pytest.mark.parametrize("text", [
    "If I am on chemo, can I still fly to see my grandchildren?",
    "I'm having chemo from next week, is that right?",
    "Am I on chemo or on the tablets now?",
    "I was on chemo in 2019 before the tablets.",
    "I'm getting anxious about chemo.",
])
def test_own_words_near_misses(text: str) -> None:
    assert_reads(text, {"current_therapy": None})


# ---- 2. a statement opening on it, the treatment now said with a verb ------------------------------------------------


@pytest.mark.parametrize("text,value", [
    ("ALK+ NSCLC after alectinib and lorlatinib. Ongoing docetaxel.", "chemotherapy"),
    ("Ongoing chemotherapy with carboplatin and pemetrexed, scans stable.", "chemotherapy"),
    ("Progressed on lorlatinib. On second line chemo with docetaxel.", "chemotherapy"),
    ("On chemo (carbo/pem), cycle 3 given on 11/20.", "chemotherapy"),
    ("Treatment at present is carboplatin plus pemetrexed.", "chemotherapy"),
    ("Therapy now consists of carboplatin, pemetrexed and pembrolizumab.", "chemo_immunotherapy"),
    ("Currently receiving 3rd line docetaxel.", "chemotherapy"),
])
def test_statement_opening_on_it(text: str, value: str) -> None:
    assert_reads(text, {"current_therapy": value})


@pytest.mark.parametrize("text", [
    "Ongoing chemotherapy is not an option given her ECOG of 3.",
    "Ongoing chemotherapy?",
    "On chemo in 2020 she developed a neuropathy.",
    "On carboplatin/pemetrexed 2019-2020, then alectinib.",
    "Treatment at present would be docetaxel if she wishes.",
    "Treatment now: docetaxel or lorlatinib?",
])
def test_statement_opening_on_it_near_misses(text: str) -> None:
    assert_reads(text, {"current_therapy": None})


# ---- 3. on its schedule, going on, started then in a cycle now, a cycle just had, the next cycle due ----------------


@pytest.mark.parametrize("text,value", [
    ("He's getting carbo pem every three weeks now.", "chemotherapy"),
    ("Receives docetaxel q3w at the local hospital.", "chemotherapy"),
    ("She continues to receive pemetrexed maintenance, tolerating it.", "chemotherapy"),
    ("Started chemo in October and is on cycle 3 now.", "chemotherapy"),
    ("Has just had cycle 2 of docetaxel, mucositis grade 1.", "chemotherapy"),
    ("Docetaxel 75 mg/m2 q3w, cycle 4 due Monday.", "chemotherapy"),
    ("On carbo/pem since PD on lorlatinib, responding.", "chemotherapy"),
])
def test_schedule_and_cycles(text: str, value: str) -> None:
    assert_reads(text, {"current_therapy": value})


@pytest.mark.parametrize("text", [
    "Her mother is getting chemo every three weeks for ovarian cancer.",
    "She would receive docetaxel every 3 weeks.",
    "Plan: docetaxel every 3 weeks.",
    "Her husband is on chemo.",
    "She is receiving docetaxel from Monday.",
    "Started carboplatin/pemetrexed in 2019, then switched to alectinib.",
    "No chemo since progression on lorlatinib.",
])
def test_schedule_and_cycles_near_misses(text: str) -> None:
    assert_reads(text, {"current_therapy": None})


# ---- 4. a medication list, a form key -----------------------------------------------------------------------------


@pytest.mark.parametrize("text,value", [
    ("Medications: docetaxel 75 mg/m2 IV q3w, dexamethasone premedication, ondansetron prn.", "chemotherapy"),
    ("Current medications:\ncarboplatin AUC5 IV q3w\npemetrexed 500 mg/m2 IV q3w\nfolic acid 400 mcg daily",
     "chemotherapy"),
    ("Current line of therapy: docetaxel", "chemotherapy"),
])
def test_med_list_and_key(text: str, value: str) -> None:
    assert_reads(text, {"current_therapy": value})


@pytest.mark.parametrize("text", [
    "Medications: folic acid 400 mcg daily, vitamin B12 injections.\nPrevious chemotherapy: carboplatin 2019.",
    "Medications: amlodipine 5 mg\nHistory: carboplatin AUC5 and pemetrexed 500 mg/m2 x4 in 2022",
    "Medications:\namlodipine 5 mg\n\nOncology history: docetaxel 75 mg/m2, 2021",
    "Medications: docetaxel 75 mg/m2 q3w stopped for neuropathy.",
])
def test_med_list_near_misses(text: str) -> None:
    assert_reads(text, {"current_therapy": None})


# ---- 5. nothing given now ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Utilization review: the patient is not currently receiving any ALK inhibitor; last alectinib dose 09/30.",
    "Not currently on any ALK TKI.",
    "She wrote: I have not taken my Alecensa since November because of the cost.",
    "He has not taken brigatinib since the admission in October.",
    "Treatment-free since 08/2025.",
    "Untreated since progression on lorlatinib in September.",
    "No longer on any cancer treatment.",
    "Patient is on a drug holiday.",
    "Therapy paused since October at her request.",
    "His daughter phoned: he has stopped all his medications, including the lung cancer tablets.",
])
def test_nothing_now(text: str) -> None:
    assert_reads(text, {"current_therapy": "none"})


@pytest.mark.parametrize("text", [
    "Is she not on any ALK inhibitor now?",
    "In 2021 she was not on any ALK inhibitor, only chemotherapy.",
    "At the time of the first scan he was not receiving any treatment at the moment of imaging.",
    "Not on any ALK inhibitor at present; carboplatin/pemetrexed started last week.",
    "He has not taken brigatinib since May; lorlatinib started in June.",
    "She has been off lorlatinib for 6 weeks and started brigatinib yesterday.",
    "Off alectinib since October, now on lorlatinib.",
    "Off lorlatinib for 2 weeks, will restart at 75 mg.",
    "She has not taken metformin since May.",
    "If she goes on a treatment holiday, what then?",
    "Therapy would be paused from next month if she travels.",
    "She stopped all her medications except alectinib.",
    "He stopped all medications but restarted alectinib last week.",
    "Her father stopped all his medications.",
])
def test_nothing_now_near_misses(text: str) -> None:
    assert_reads_other_than(text, {"current_therapy": "none"})


# ---- 6. a TKI denied now is no denial of the TKIs had before (prior_tkis stays unread) ----------------------------


@pytest.mark.parametrize("text", [
    "Not on any ALK inhibitor at present; carboplatin/pemetrexed started last week.",
    "She is not currently receiving any ALK TKI.",
    "Not taking any TKI right now because of the liver tests.",
])
def test_denied_now_is_not_naive(text: str) -> None:
    assert_reads_other_than(text, {"prior_tkis": []})


@pytest.mark.parametrize("text", [
    "No prior ALK TKI.",
    "She has not received any ALK inhibitor.",
    "TKI-naive, chemotherapy first because of cost.",
])
def test_denied_ever_is_naive(text: str) -> None:
    assert_reads(text, {"prior_tkis": []})


# ---- 7. a TKI stopped for a toxicity: the reason told first, then the TKI changed to another; a drug pneumonitis in a
# patient's words, or as the organising pneumonia a biopsy found --------------------------------------------------


@pytest.mark.parametrize("text,tkis", [
    ("Owing to grade 3 hepatitis, crizotinib was changed to alectinib.", ["crizotinib"]),
    ("I stopped my brigatinib on Friday because of the cough, the hospital told me it was a lung inflammation from the "
     "tablets.", ["brigatinib"]),
    ("Transbronchial biopsy: organizing pneumonia on alectinib; alectinib discontinued.", ["alectinib"]),
])
def test_toxic_stop(text: str, tkis: list[str]) -> None:
    assert_reads(text, {"intolerant_tkis": tkis})


@pytest.mark.parametrize("text", [
    "Because of CNS progression, alectinib was changed to lorlatinib.",
    "Because of rash, alectinib was changed to a lower dose.",
    "No rash; alectinib was changed to lorlatinib at progression.",
    "If rash develops, alectinib would be changed to brigatinib.",
    "Brigatinib continues; the ER wondered about a lung inflammation from the drug but the CT was clear.",
    "Her mother had a lung inflammation from the drug and stopped brigatinib.",
    "I stopped the brigatinib because of the cost; the cough from a chest infection has settled.",
])
def test_toxic_stop_near_misses(text: str) -> None:
    assert_reads_other_than(text, {"intolerant_tkis": ["alectinib"]})
    assert_reads_other_than(text, {"intolerant_tkis": ["brigatinib"]})


def test_quoted_form_key() -> None:
    assert_reads("Referral form field 'Intolerances to ALK TKIs': None", {"intolerant_tkis": []})
    assert_reads("'Current line: 2L docetaxel' - confirmed with the day unit.", {"current_therapy": "chemotherapy"})
    assert_reads("She asked 'Intolerances to ALK TKIs: any?'", {"intolerant_tkis": None})


# ---- 8. more of the same two classes: given now by the week of its cycle or on its schedule since a date; nothing
# now told as a form's value, a present denial of any treatment, no anticancer drugs or no treatment since a time, a
# stop never restarted; "Currently:" as a key --------------------------------------------------------------------


@pytest.mark.parametrize("text,value", [
    ("She is in week 3 of cycle 2 of carboplatin/pemetrexed.", "chemotherapy"),
    ("Pemetrexed every 3 weeks since June, seven cycles so far.", "chemotherapy"),
    ("Currently: carboplatin/pemetrexed/pembrolizumab, cycle 3.", "chemo_immunotherapy"),
    ("Currently: no treatment.", "none"),
    ("Systemic treatment: none at present.", "none"),
    ("The patient is not receiving any treatment right now.", "none"),
    ("No anticancer medication for the last 3 months.", "none"),
    ("She has been without therapy since the summer progression.", "none"),
    ("Lorlatinib stopped for PD; since then no further treatment.", "none"),
    ("Therapy was discontinued in September and has not been restarted.", "none"),
])
def test_more_now(text: str, value: str) -> None:
    assert_reads(text, {"current_therapy": value})


@pytest.mark.parametrize("text", [
    "Currently: PD in the liver.",
    "Treatment: none currently planned.",
    "He is not receiving any treatment at the moment for the pain.",
    "If he is not receiving any treatment at the moment, should we start lorlatinib?",
    "No anticancer drugs since August, apart from the trial drug.",
    "She has been without treatment since September?",
    "Since then no further treatment is planned.",
    "Radiotherapy was stopped in October and has not been restarted.",
    "Her mother has been without treatment since September.",
    "Week 2 of cycle 3 of docetaxel was complicated by neutropenia in 2021.",
    "Docetaxel every three weeks since November, stopped in March.",
])
def test_more_now_near_misses(text: str) -> None:
    assert_reads(text, {"current_therapy": None})
