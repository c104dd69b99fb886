"""Classes found on set 22's tuning half (restaging notes, oncologic-history auto-text, real-world-data abstraction,
sign-out lines), each with near-miss controls:

1. The re-biopsy of this progression said none or not to be done: an abstraction form's key naming the progression
   ("Re-biopsy at progression: none documented", "Rebx at rwP: none") is the re-biopsy key (it read a TISSUE biopsy
   from "biopsy at progression"), "rebiopsy not planned / not indicated" is none (it read tissue), and a biopsy
   declined or refused with "the" ("patient declined the biopsy") is none. Not a re-biopsy whose plan is still to come
   ("not yet planned", "not planned until ..."), nor a key answered with a specimen and a result.
2. A TKI recorded as planned only or only talked of: an abstraction's next regimen "documented as PLANNED ONLY:
   lorlatinib" or "Planned only: brigatinib", and "brigatinib was only discussed" are not received (they read it
   received). A TKI "discussed and started", or a coded later line with a start date, is received.
3. A coded line of therapy's reason told as a toxicity after its dates ("LoT2 lorlatinib (2026-10-05 to 2026-11-20,
   reason: toxicity - hallucinations)"): intolerant (it read nothing). Not a reason of progression, nor a line whose
   reason is something else.
4. Chemotherapy started now beside the TKI stopped in the same sentence ("Started carboplatin + pemetrexed today
   (C1D1), alectinib stopped"): current chemotherapy (the TKI's stop was read as the chemotherapy's, and it read
   nothing of the chemotherapy). A stop said of the chemotherapy itself still ends it.
5. A biopsy's result pending with its taking told in brackets ("liver bx pending (taken 12/3)", "Liver biopsy
   pending (done Tuesday)"): a tissue biopsy taken (it read it planned). Not one booked or to be done.
"""

from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


# ---- 1. the re-biopsy of this progression said none or not to be done ---------------------------------------------
@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Registry form\nLoT1 alectinib 2021-03 to present\nRe-biopsy at progression: none documented", {"biopsy": "none"}),
        ("Re-biopsy at PD: none\nECOG: 1", {"biopsy": "none"}),
        ("Rebx at rwP: none performed", {"biopsy": "none"}),
        ("Re-biopsy at progression: not done (lesions inaccessible)", {"biopsy": "none"}),
        ("PD on brigatinib in liver and bone. Rebiopsy not planned; plasma NGS sent today.", {"biopsy": "plasma"}),
        ("Handover: PD on alectinib, multisite. Re-biopsy not indicated per the attending.", {"biopsy": "none"}),
        ("She refused the rebiopsy. PD on lorlatinib in the lungs.", {"biopsy": "none"}),
        ("Patient declined the biopsy; continuing alectinib for now.", {"biopsy": "none"}),
        # controls: a key answered with a specimen, a re-biopsy still to come, a plasma test declined alone
        ("Re-biopsy at progression: liver core 11/2026, ALK G1202R", {"biopsy": "tissue", "alk_mutations": ["G1202R"]}),
        ("Re-biopsy at progression: pending (booked 12/09)", {"biopsy": None}),
        ("PD on alectinib. Rebiopsy planned for next week.", {"biopsy": None}),
        ("Patient declined the liquid biopsy.", {"biopsy": None}),
    ],
)
def test_rebiopsy_none(text: str, expect: dict) -> None:
    assert_reads(text, expect)


# ---- 2. a TKI recorded as planned only or only talked of -----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expect"),
    [
        (
            "Abstraction: LoT1 brigatinib 2021-05 to 2026-10 (PD). Next regimen documented as planned only: lorlatinib "
            "(awaiting insurance).",
            {"prior_tkis": ["brigatinib"]},
        ),
        ("LoT1 alectinib 2020-2026 (progression). Next line recorded as PLANNED ONLY: lorlatinib.", {"prior_tkis": ["alectinib"]}),
        ("Lines of therapy: alectinib 2019-2026. Planned only: brigatinib.", {"prior_tkis": ["alectinib"]}),
        ("Chart review: alectinib from 04/2021 to date; lorlatinib was only discussed at the 2024 tumour board.", {"prior_tkis": ["alectinib"]}),
        ("On brigatinib since 2022 (ensartinib discussed only, not available).", {"prior_tkis": ["brigatinib"]}),
        # controls: discussed and then given, a coded later line with its start, a plan heading of a drug already given
        ("Alectinib 2020-2023; brigatinib was discussed and started in 2023.", {"prior_tkis": ["alectinib", "brigatinib"]}),
        ("LoT1 alectinib 2021-01 to 2026-09. LoT2 lorlatinib 2026-10 - ongoing.", {"prior_tkis": ["alectinib", "lorlatinib"]}),
        ("Alectinib only, since 2022. PD now.", {"prior_tkis": ["alectinib"]}),
    ],
)
def test_planned_only(text: str, expect: dict) -> None:
    assert_reads(text, expect)


# ---- 3. a coded line's reason told as a toxicity -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expect"),
    [
        (
            "LoT1 alectinib (2021-02-01 to 2024-06-30, reason: progression). LoT2 lorlatinib (2024-07-05 to 2024-09-10, "
            "reason: toxicity - psychosis). LoT3 brigatinib (2024-09-20, ongoing).",
            {"intolerant_tkis": ["lorlatinib"], "prior_tkis": ["alectinib", "lorlatinib", "brigatinib"]},
        ),
        ("LoT1 ceritinib (2019-03 to 2019-06, reason: toxicity (diarrhoea, grade 3)). LoT2 alectinib (2019-06, ongoing).", {"intolerant_tkis": ["ceritinib"]}),
        ("Line 1 crizotinib 2018-2019, reason: intolerance (visual disturbance). Line 2 alectinib 2019-now.", {"intolerant_tkis": ["crizotinib"]}),
        # controls: a reason of progression, a reason given to something else
        ("LoT1 alectinib (2021-02 to 2025-11, reason: progression). LoT2 lorlatinib (2025-12, ongoing).", {"intolerant_tkis": None}),
        ("LoT1 brigatinib (2022-01 to 2025-03, reason: patient choice). LoT2 alectinib (2025-04, ongoing).", {"intolerant_tkis": None}),
    ],
)
def test_coded_line_toxicity(text: str, expect: dict) -> None:
    assert_reads(text, expect)


# ---- 4. chemotherapy started now beside the TKI stopped ------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expect"),
    [
        (
            "Sign-out: bed 9, ALK+ NSCLC, PD on lorlatinib. Started carboplatin + pemetrexed today (C1D1), lorlatinib stopped.",
            {"current_therapy": "chemotherapy", "prior_chemotherapy": True},
        ),
        ("Started carboplatin and pemetrexed 10 days ago, brigatinib was stopped.", {"current_therapy": "chemotherapy"}),
        ("Started carbo/pem this week; alectinib discontinued.", {"current_therapy": "chemotherapy"}),
        # controls: the chemotherapy itself stopped, a start still to come
        ("Started carboplatin + pemetrexed last week, then stopped after C1 for sepsis.", {"current_therapy": None}),
        ("Plan: carboplatin + pemetrexed C1 next week, alectinib stopped today.", {"current_therapy": None}),
    ],
)
def test_chemo_started_tki_stopped(text: str, expect: dict) -> None:
    assert_reads(text, expect)


# ---- 5. a biopsy's result pending, its taking told in brackets -----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Now PD in liver and nodes on lorlatinib; liver bx pending (taken 11/28).", {"biopsy": "tissue"}),
        ("PD in the adrenal on alectinib. Adrenal biopsy result pending (done Monday).", {"biopsy": "tissue"}),
        ("Summary: PD on brigatinib, liver core pending (obtained yesterday), plasma ALK L1196M.", {"biopsy": "tissue_and_plasma"}),
        # controls: booked or to be done
        ("PD on alectinib; liver bx pending (booked 12/3).", {"biopsy": None}),
        ("PD on alectinib; liver biopsy pending (to be done Tuesday).", {"biopsy": None}),
    ],
)
def test_biopsy_taken_pending(text: str, expect: dict) -> None:
    assert_reads(text, expect)
