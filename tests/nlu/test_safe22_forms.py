"""Wrong findings found by probing (safe22): things still to come, plans, hedges, denials, other people and times.

Classes mended:
1. A TKI whose start is still to come is no TKI received: told with "to be" ("Lorlatinib to be started once funded",
   "lorlatinib still to be started", "Lorlatinib - to be started once approved", "to be applied for"), waiting on a
   payer or a supply ("Brigatinib once approved", "brigatinib when available", "lorlatinib once funding comes
   through"), a plan in brackets ("2L: lorlatinib (planned)"), an access asked for ("lorlatinib applied for",
   "lorlatinib compassionate access requested", "lorlatinib via EAP, awaiting drug"), its start in brackets or its
   start date still open ("Line 2: lorlatinib (to start 1/2026)", "Lorlatinib start date TBC"), or not yet on it
   ("Not yet on lorlatinib"). All read the TKI received. Controls: a TKI continued, restarted or stopped, one approved and
   started, one dosed once daily, one via an access programme since a date, stay received.

2. What a scan or a panel looks for is not found: a scan named by its purpose ("Screening MRI for brain mets", "CT
   head for brain mets", "MRI brain for LMD") read the finding present; a panel's coverage in brackets ("Resistance
   panel (incl. G1202R, L1196M, MET) pending") read the mutations found. Controls: the scan's result told after a
   colon or a verb, a scan of the patient's own known lesions, a result listed in brackets.
3. A performance score of an earlier time or hoped for is not the score now: dated past its diagnosis label ("At
   diagnosis in 2019 ECOG 0"), at a past treatment's start ("On starting alectinib in 2019 she was ECOG 0", "When
   she started alectinib she was ECOG 0"), before an event of the course ("ECOG 0 prior to progression", "Was ECOG 0
   before the brain mets"), hoped or expected ("Hopefully ECOG 1 after steroids", "Expected to be ECOG 1 once the
   steroids are weaned"). Controls: a score now told after it, a score since a start, after an event, dated.

4. A re-biopsy told by its purpose past a bare site or a colon is still to come: "Rebiopsy liver to look for G1202R",
   "Rebiopsy of the liver to look for G1202R" (the biopsy's words took the "to"), "Rebiopsy liver for NGS",
   "Rebiopsy: looking for MET amp or SCLC transformation" read a tissue biopsy taken. Controls: one performed,
   taken, done, had, or with its result or date, stays tissue.

5. A plan's imperative "Exclude ..." opening its statement is no finding ("Exclude SCLC transformation with
   rebiopsy" read small cell transformation and a tissue biopsy; "Plan: 1. Exclude SCLC transformation"), and a
   measured call said equivocal in its bracket is not stated ("MET amp (copy number 5, equivocal)"). Controls:
   transformation excluded as a result ("SCLC transformation excluded", "excluded on rebiopsy"), a measured call
   without doubt.

Probes that read correctly are kept as controls (plans, hedges, pending results, denials in abstraction styles,
other people)."""

from __future__ import annotations

import pytest

from bot.nlu.extractor import extract_case


@pytest.mark.parametrize(
    ("text", "tkis"),
    [
        ("ALK+ NSCLC, PD on alectinib. Lorlatinib to be started once funded.", ["alectinib"]),
        ("Lorlatinib to be started.", None),
        ("Lorlatinib still to be started.", None),
        ("Lorlatinib - to be started once approved.", None),
        ("Lorlatinib yet to be started.", None),
        ("Brigatinib once approved.", None),
        ("Brigatinib when available.", None),
        ("Lorlatinib once funding comes through.", None),
        ("Not yet on lorlatinib.", None),
        ("ALK+ NSCLC, not yet on a TKI.", []),
        ("ALK+ NSCLC, not yet started on TKI", []),
        ("2L: lorlatinib (planned)", None),
        ("Lorlatinib (planned).", None),
        ("Lorlatinib applied for.", None),
        ("Lorlatinib to be applied for.", None),
        ("Lorlatinib compassionate access requested.", None),
        ("Lorlatinib via EAP, awaiting drug.", None),
        ("Line 2: lorlatinib (to start 1/2026)", None),
        ("Lorlatinib (due to start Monday)", None),
        ("Lorlatinib (start planned 1/2026)", None),
        ("Lorlatinib start date TBC.", None),
        ("Current TKI: lorlatinib (pending approval)", None),
        ("Lorlatinib (awaiting funding).", None),
        ("Current TKI: lorlatinib (since 2024)", ["lorlatinib"]),
        ("Lorlatinib (PD 2025)", ["lorlatinib"]),
        ("Lorlatinib: start date TBD.", None),
        ("Lorlatinib (started 1/2024)", ["lorlatinib"]),
        ("Lorlatinib (start date 1/2024), PD 2025.", ["lorlatinib"]),
        ("Lorlatinib start date 3/2024.", ["lorlatinib"]),
        ("Lorlatinib: start date 1/2024, stop date TBC.", ["lorlatinib"]),
        # controls already right: a start to come in other words
        ("Lorlatinib to start next week.", None),
        ("Lorlatinib pending funding.", None),
        ("Lorlatinib: awaiting insurance.", None),
        ("Plan to start lorlatinib when approved.", None),
        ("Lorlatinib not yet started (awaiting funding).", None),
        ("Lorlatinib prescribed, not yet started.", None),
        ("Lorlatinib planned.", None),
        ("Lorlatinib TBD.", None),
        ("Lorlatinib?", None),
        ("Plan: switch to brigatinib.", None),
        ("Will discuss lorlatinib vs chemo.", None),
        ("A&P: #1 ALK+ NSCLC progressing on alectinib - start lorlatinib", ["alectinib"]),
        ("PD on alectinib, brig: awaiting insurance.", ["alectinib"]),
        # near misses that must still read: continued, restarted, stopped, approved and started, dosed, since a date
        ("Alectinib to be continued.", ["alectinib"]),
        ("Lorlatinib to be restarted at 75 mg.", ["lorlatinib"]),
        ("Alectinib to be stopped; lorlatinib to be started.", ["alectinib"]),
        ("Lorlatinib approved and started in May 2024.", ["lorlatinib"]),
        ("Lorlatinib via compassionate access since 2022.", ["lorlatinib"]),
        ("Lorlatinib via EAP since 03/2023, tolerating well.", ["lorlatinib"]),
        ("Brigatinib once daily since 2021.", ["brigatinib"]),
        ("Brigatinib 180 mg once daily.", ["brigatinib"]),
        ("Lorlatinib (2022-2024), PD.", ["lorlatinib"]),
        ("Lorlatinib (planned 2022), started 3/2022, PD 2024.", ["lorlatinib"]),
        ("Now on lorlatinib, started once funded in 2023.", ["lorlatinib"]),
        ("Lorlatinib, started once approved, now 6 months.", ["lorlatinib"]),
        ("Started lorlatinib 3/2024.", ["lorlatinib"]),
    ],
)
def test_a_tki_still_to_come_is_not_received(text, tkis):
    assert extract_case(text).get("prior_tkis") == tkis


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Screening MRI for brain mets.", {}),
        ("MRI for brain mets.", {}),
        ("CT head for brain mets.", {}),
        ("MRI brain for LMD.", {}),
        ("Resistance panel (incl. G1202R, L1196M, MET) pending.", {}),
        # controls already right: a test's purpose in other words, a pending result
        ("MRI brain for ?LMD.", {}),
        ("MRI brain to exclude brain mets.", {}),
        ("MRI brain to assess for brain mets.", {}),
        ("NGS to look for G1202R.", {}),
        ("Sent ctDNA to assess for G1202R / L1196M.", {}),
        ("Panel covers G1202R, L1196M.", {}),
        ("Plasma NGS sent to look for resistance mutations (e.g. G1202R).", {"biopsy": "plasma"}),
        ("Guardant ordered - ?G1202R ?MET amp.", {}),
        # near misses that must still read: the scan's result told, the patient's own known lesions, a result listed
        ("Screening MRI for brain mets: 2 new lesions.", {"brain_metastases": True, "cns_lesions": "limited"}),
        ("MRI brain for brain mets showed 3 lesions.", {"brain_metastases": True, "cns_lesions": "limited"}),
        ("Surveillance MRI for known brain mets.", {"brain_metastases": True}),
        ("Surveillance MRI for brain mets.", {"brain_metastases": True}),
        ("Completed chemo, on surveillance MRI for brain lesions, on alectinib.", {"brain_metastases": True}),
        ("Follow-up MRI for her brain mets (treated with SRS 2023).", {"brain_metastases": True}),
        ("NGS showed two ALK mutations (including G1202R).", {"alk_mutations": ["G1202R"]}),
        ("Panel (incl. G1202R) showed L1196M.", {"alk_mutations": ["L1196M"]}),
        ("Guardant showed G1202R.", {"alk_mutations": ["G1202R"], "biopsy": "plasma"}),
    ],
)
def test_what_a_scan_or_panel_looks_for_is_not_found(text, expected):
    case = extract_case(text)
    assert {k: case.get(k) for k in ("brain_metastases", "leptomeningeal", "alk_mutations", "cns_lesions", "biopsy")
            if case.get(k) is not None} == expected


@pytest.mark.parametrize(
    ("text", "ecog"),
    [
        ("At diagnosis in 2019 ECOG 0.", None),
        ("On starting alectinib in 2019 she was ECOG 0.", None),
        ("When she started alectinib she was ECOG 0.", None),
        ("ECOG 0 prior to progression.", None),
        ("Was ECOG 0 before the brain mets.", None),
        ("Hopefully ECOG 1 after steroids.", None),
        ("Expected to be ECOG 1 once the steroids are weaned.", None),
        # controls already right
        ("At diagnosis ECOG 0.", None),
        ("ECOG at diagnosis: 0.", None),
        ("Baseline ECOG 0.", None),
        ("Target ECOG 1 after rehab.", None),
        ("ECOG: TBC", None),
        ("ECOG ?1", None),
        # near misses that must still read: the score now after the earlier one, since a start, after an event
        ("At diagnosis in 2019 ECOG 0, now ECOG 2.", 2),
        ("At diagnosis in 2019 ECOG 0. Today ECOG 2.", 2),
        ("When she started alectinib she was ECOG 0; now ECOG 2.", 2),
        ("Prior to progression she was ECOG 0, now 1.", 1),
        ("Since starting lorlatinib she is ECOG 1.", 1),
        ("On lorlatinib since 2024, ECOG 1.", 1),
        ("ECOG 2 after progression.", 2),
        ("ECOG 1 despite progression.", 1),
        ("ECOG 1 post progression.", 1),
        ("Hopeful of a response. ECOG 1.", 1),
        ("Expected toxicity discussed. ECOG 1.", 1),
        ("ECOG 1, hopefully stays that way.", 1),
        ("ECOG 2 today, expected to improve to 1.", 2),
        ("At diagnosis 2019 stage IV, now ECOG 1.", 1),
        ("ECOG 1 (2025).", 1),
        ("ECOG 2 at diagnosis, ECOG 1 now", 1),
        ("Stage IV at diagnosis, ECOG 1", 1),
        ("Now back to baseline, ECOG 1.", 1),
        ("At diagnosis in 2019, ECOG 0.", None),
    ],
)
def test_a_score_of_an_earlier_time_or_hoped_for_is_not_the_score_now(text, ecog):
    assert extract_case(text).get("ecog") == ecog


@pytest.mark.parametrize(
    ("text", "biopsy"),
    [
        ("Rebiopsy liver to look for G1202R.", None),
        ("Rebiopsy of the liver to look for G1202R.", None),
        ("- rebiopsy liver to look for G1202R/MET amp", None),
        ("Rebiopsy liver for NGS.", None),
        ("Rebiopsy: looking for MET amp or SCLC transformation.", None),
        ("#1 Progression - rebiopsy liver to look for G1202R/MET amp - plasma NGS today", "plasma"),
        # controls already right
        ("Liver rebiopsy to look for resistance mechanism.", None),
        ("Rebiopsy of the liver lesion to look for G1202R.", None),
        # near misses that must still read: taken, with its result or its date
        ("Rebiopsy performed to look for G1202R.", "tissue"),
        ("Rebiopsy taken to look for resistance.", "tissue"),
        ("Rebiopsy liver done, looking for G1202R.", "tissue"),
        ("She had a rebiopsy liver to look for G1202R.", "tissue"),
        ("Rebiopsy liver: G1202R.", "tissue"),
        ("Rebiopsy liver showed G1202R.", "tissue"),
        ("Rebiopsy liver 3/2025 to look for G1202R: found.", "tissue"),
        ("Rebiopsy of the liver showed G1202R.", "tissue"),
        ("rebiopsy negative for ALK resistance mutations, no bypass", "tissue"),
        ("Rebiopsy positive for G1202R.", "tissue"),
        ("The rebiopsy failed to detect any ALK mutation.", "tissue"),
    ],
)
def test_a_rebiopsy_told_by_its_purpose_is_still_to_come(text, biopsy):
    assert extract_case(text).get("biopsy") == biopsy


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Exclude SCLC transformation with rebiopsy.", {}),
        ("R/O transformation by liver biopsy.", {}),
        ("Plan: 1. Exclude SCLC transformation.", {}),
        ("- exclude LMD", {}),
        ("MET amp (copy number 5, equivocal)", {}),
        # controls already right
        ("Rule out brain mets.", {}),
        ("R/O LMD.", {}),
        ("Exclusion criteria: LMD.", {}),
        ("G1202R pending confirmation.", {}),
        ("Low-level MET gain, not meeting amplification threshold.", {}),
        ("Cannot exclude leptomeningeal disease.", {}),
        ("Possible SCLC transformation.", {}),
        ("Likely MET amp, awaiting confirmation.", {}),
        ("?G1202R", {}),
        ("Her brother's ALK+ NSCLC progressed on alectinib with G1202R.", {}),
        ("Sister (ALK+ NSCLC) had G1202R after alectinib.", {}),
        ("Her mother had brain mets from lung cancer.", {}),
        ("Brain mets: N", {"brain_metastases": False}),
        ("LMD: no", {"leptomeningeal": False}),
        ("Transformation: not assessed", {}),
        ("MET: not tested", {}),
        ("MRI brain pending.", {}),
        ("NGS pending.", {}),
        # near misses that must still read: excluded as a result, a measured call without doubt
        ("SCLC transformation excluded.", {"transformation": "none"}),
        ("SCLC transformation was excluded on rebiopsy.", {"biopsy": "tissue", "transformation": "none"}),
        ("We excluded SCLC with a rebiopsy in 2024.", {"biopsy": "tissue", "transformation": "none"}),
        ("MET amp (copy number 12)", {"bypass_alterations": ["MET_amplification"]}),
        ("MET amp (copy number 12), confirmed.", {"bypass_alterations": ["MET_amplification"]}),
    ],
)
def test_a_plan_to_exclude_or_an_equivocal_call_is_no_finding(text, expected):
    case = extract_case(text)
    keys = ("transformation", "biopsy", "bypass_alterations", "brain_metastases", "leptomeningeal", "alk_mutations")
    assert {k: case.get(k) for k in keys if case.get(k) is not None} == expected
