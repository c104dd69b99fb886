"""Classes found where a blind second annotator and the sets' writers AGREED and the extractor did not (the tuning
halves' sample of bench/annotator_agreement.py, 2026-12-07), each with near-miss controls:

1. A TKI named as a label of the setting ("cohort B (post-lorlatinib)", "alectinib-refractory") and named again in a
   list of the TKIs received is ordered where the list puts it (it read lorlatinib first and alectinib current).
2. A TKI whose first dose is still to come ("moving from brigatinib to lorlatinib, first dose planned 5/12") or
   switched to "tomorrow" is not received (it read lorlatinib as received).
3. A progression said in the bare noun of a non-native hand after a state ("best effect SD, now progress") ends the
   state: it read no progression.
4. A result under a label of its own with a bracket ("Previous (2024 progression, plasma): L1196M") is the earlier
   one: it read the old mutation as this progression's.
5. A record's row said at its end to be entered in error ("... | Reaction: none - entry made in error") takes back what
   the row holds: it read lorlatinib received and not tolerated.
"""
from __future__ import annotations

import pytest

from bot.nlu.extractor import extract_case


def _read(text: str) -> dict:
    return extract_case(text)


# ---- 1. a TKI named as a label, then in the list ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "tkis"),
    [
        ("Eligibility checklist, cohort B (post-lorlatinib). Prior ALK TKIs: 3 - crizotinib, alectinib, lorlatinib.",
         ["crizotinib", "alectinib", "lorlatinib"]),
        ("post-lorlatinib cohort. Prior: crizotinib, alectinib, lorlatinib.", ["crizotinib", "alectinib", "lorlatinib"]),
        ("Post-lorlatinib. Received crizotinib then alectinib then lorlatinib.",
         ["crizotinib", "alectinib", "lorlatinib"]),
        ("alectinib-refractory. Prior TKIs: crizotinib, alectinib, brigatinib", ["crizotinib", "alectinib", "brigatinib"]),
        ("Brigatinib-pretreated; sequence: alectinib -> brigatinib -> lorlatinib",
         ["alectinib", "brigatinib", "lorlatinib"]),
        # controls: the label's drug named again alone, not in a list, keeps the order told
        ("post-alectinib setting: now on brigatinib. Alectinib was given 2019-2022", ["alectinib", "brigatinib"]),
        ("alectinib-refractory disease, now on lorlatinib", ["alectinib", "lorlatinib"]),
        ("Eligibility: post-lorlatinib. Prior TKIs: lorlatinib only", ["lorlatinib"]),
        # not a label: the first mention is a drug received, and the list's order is the one written
        ("Prior ALK TKIs: crizotinib, alectinib, lorlatinib.", ["crizotinib", "alectinib", "lorlatinib"]),
        ("crizotinib, then alectinib, then lorlatinib", ["crizotinib", "alectinib", "lorlatinib"]),
    ],
)
def test_a_tki_named_as_a_label_is_ordered_where_the_list_puts_it(text, tkis):
    assert _read(text).get("prior_tkis") == tkis


# ---- 2. a first dose still to come ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "tkis"),
    [
        ("Moving from brigatinib to lorlatinib, first dose planned 5/12.", ["brigatinib"]),
        ("brigatinib stopped for PD; lorlatinib (first dose scheduled Monday)", ["brigatinib"]),
        ("Switching from alectinib to lorlatinib, first dose due next week.", ["alectinib"]),
        ("changing from brigatinib to lorlatinib tomorrow.", ["brigatinib"]),
        ("switched to lorlatinib next week.", None),
        # controls: a dose given, a day past, a stop on a day, a day that is another thing's
        ("lorlatinib, first dose given 02/2025, tolerating well", ["lorlatinib"]),
        ("started lorlatinib; first dose on 3/3/2025", ["lorlatinib"]),
        ("switched to lorlatinib last week.", ["lorlatinib"]),
        ("she stopped the alectinib on Monday.", ["alectinib"]),
        ("ceritinib 750 fasting then switched to alectinib when it got funded", ["ceritinib", "alectinib"]),
        ("alectinib, next week MRI", ["alectinib"]),
    ],
)
def test_a_tki_whose_first_dose_is_to_come_is_not_received(text, tkis):
    assert _read(text).get("prior_tkis") == tkis


# ---- 3. "now progress" ends the state before it --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "progression"),
    [
        ("The patient previously received iruplinalkib second line after crizotinib, best effect SD, now progress.", None),
        ("best effect SD, now progress", None),
        ("SD on alectinib, then progress", None),
        ("stable disease for 2 years, now progress in liver", None),
        # controls: a state told with no progression after it, or with "progress" that is no disease's
        ("CT: stable disease on alectinib", "none"),
        ("stable disease, good progress with rehab", "none"),
        ("Stable on lorlatinib; NGS in progress", "none"),
        ("Best response to current line: SD; progression: none", "none"),
    ],
)
def test_now_progress_ends_the_state_before_it(text, progression):
    assert _read(text).get("progression") == progression


# ---- 4. an earlier result under a bracketed label ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "mutations"),
    [
        ("Plasma NGS result (Dec 2): ALK G1202R detected, VAF 0.4%. Tissue: not done. Previous (2024 progression, "
         "plasma): L1196M.", ["G1202R"]),
        ("Plasma NGS: ALK G1202R detected. Previous (2023, plasma): G1269A.", ["G1202R"]),
        ("Previous (2024, plasma): L1196M. Current (tissue, 2025): G1202R", ["G1202R"]),
        ("Plasma NGS: ALK G1202R detected. Previous: L1196M.", ["G1202R"]),
        # controls: a bracketed label of the current result
        ("Rebiopsy (liver, 11/2025): G1202R", ["G1202R"]),
        ("Plasma NGS (current, 2025): ALK G1202R detected", ["G1202R"]),
        ("Tissue (liver core, 2025 progression): G1202R and L1196M", ["G1202R", "L1196M"]),
    ],
)
def test_a_result_under_an_earlier_bracketed_label_is_not_this_progressions(text, mutations):
    assert _read(text).get("alk_mutations") == mutations


# ---- 5. a record's row entered in error ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Agent: Lorlatinib | Type: Intolerance | Reaction: none - entry made in error, see note", {}),
        ("Lorlatinib intolerance - entered in error", {}),
        ("Structured allergy/intolerance entries:\nAgent: Brigatinib | Type: Intolerance | Reaction: pneumonitis (G3) | "
         "Date: 2021-08\nAgent: Lorlatinib | Type: Intolerance | Reaction: none - entry made in error, see note",
         {"prior_tkis": ["brigatinib"], "intolerant_tkis": ["brigatinib"]}),
        ("MET amplification (recorded in error)", {}),
        # controls: the error told of something else past a stop, or of a row below
        ("Alectinib stopped for nausea; the allergy entry was made in error",
         {"prior_tkis": ["alectinib"], "intolerant_tkis": ["alectinib"]}),
        ("Agent: Brigatinib | Type: Intolerance | Reaction: pneumonitis\nAgent: Penicillin | entry made in error",
         {"prior_tkis": ["brigatinib"], "intolerant_tkis": ["brigatinib"]}),
    ],
)
def test_a_row_entered_in_error_is_taken_back(text, expected):
    found = _read(text)
    assert {k: found.get(k) for k in ("prior_tkis", "intolerant_tkis", "bypass_alterations") if k in found or k in
            expected} == expected


# ---- 6. the rest said in remission is the rest controlled ----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "progression"),
    [
        ("PD in liver and bone, rest in remission", "oligoprogression"),
        ("PD in liver and bone, other sites in remission", "oligoprogression"),
        ("new liver mets, lungs and nodes in complete remission", "oligoprogression"),
        # it read the sites in remission as the disease's extent (systemic); the count of sites is left unread
        ("Progression in 4 sites: liver, 2 lymph node stations, one vertebra; primary and lung metastases further in "
         "remission.", None),
        # controls: five groups are systemic whatever the rest does; a remission that ended is history
        ("PD in liver, bone, adrenal, nodes and peritoneum; rest in remission", "systemic"),
        ("PD in liver and bone, was in remission until May", "systemic"),
        ("PD in liver and bone, rest stable", "oligoprogression"),
    ],
)
def test_the_rest_in_remission_is_the_rest_controlled(text, progression):
    assert _read(text).get("progression") == progression


# ---- 7. "Nothing since." after a stop -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "therapy"),
    [
        ("Carboplatin-pemetrexed completed x4 cycles in 2024 then pemetrexed maintenance, which stopped when she "
         "progressed in October. Nothing since.", "none"),
        ("alectinib stopped in October. Nothing since.", "none"),
        ("Brigatinib discontinued for pneumonitis; no treatment since.", "none"),
        # controls: a start after it, a question, no stop before it
        ("alectinib stopped in October. Nothing since then; lorlatinib starts Monday.", None),
        ("alectinib stopped in October. Nothing since then, now on lorlatinib.", None),
        ("alectinib stopped in October. Nothing since?", None),
        ("Nothing since.", None),
    ],
)
def test_nothing_since_a_stop_is_no_therapy_now(text, therapy):
    assert _read(text).get("current_therapy") == therapy


# ---- 8. a drug advised is not a drug received ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "tkis"),
    [
        ("Second opinion (Germany) advised lorlatinib", None),
        ("we advised lorlatinib", None),
        ("lorlatinib advised", None),
        ("On alectinib since 2021; the tumour board advised lorlatinib at progression.", ["alectinib"]),
        # controls: advice to stop or go on with the drug taken, advice before the drug's own start, advice by someone
        ("She was advised to stop alectinib because of pneumonitis", ["alectinib"]),
        ("advised to continue alectinib", ["alectinib"]),
        ("lorlatinib was advised, started 03/2025", ["lorlatinib"]),
        ("alectinib, as advised by the oncologist, since 2020", ["alectinib"]),
    ],
)
def test_a_drug_advised_is_not_received(text, tkis):
    assert _read(text).get("prior_tkis") == tkis


# ---- 9. lesions of another organ's MRI, or placed in another organ, are not the brain's -----------------------------
@pytest.mark.parametrize(
    ("text", "brain"),
    [
        ("MRI: 2 new mets in the liver", None),
        ("MRI shows 2 new mets in the liver", None),
        ("spine MRI: 2 new lesions", None),
        ("liver MRI: 2 new lesions", None),
        ("Brain MRI: 3 new lesions in the liver dome", None),
        # controls: a bare MRI's lesions (the brain's in this chat), or placed in the brain
        ("MRI: 2 new lesions", True),
        ("MRI today: 3 new mets", True),
        ("MRI: 3 new mets in the brain", True),
        ("MRI brain: 2 new lesions in the left frontal lobe", True),
    ],
)
def test_another_organs_lesions_are_not_the_brains(text, brain):
    assert _read(text).get("brain_metastases") == brain


# ---- 10. a biopsy itself awaited is not done --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "biopsy"),
    [
        ("Liver biopsy awaiting.", None),
        ("Liver biopsy: awaiting", None),
        ("Rebiopsy still awaiting", None),
        # controls: the biopsy done, its results awaited
        ("liver biopsy awaiting histology", "tissue"),
        ("Liver biopsy awaiting results; plasma NGS: G1202R", "tissue_and_plasma"),
    ],
)
def test_a_biopsy_itself_awaited_is_not_done(text, biopsy):
    assert _read(text).get("biopsy") == biopsy
