"""Known misreadings, each mended as a class of wording with near-miss controls:

1. The TKI told current by a word after it ("lorlatinib now; crizotinib and alectinib before") was read first, and a
   list of TKIs told earlier by a word closing it ("crizotinib and alectinib earlier") had its own order reversed:
   the current TKI is now last, the list goes before it whole, in its order; a bare "before" closing the clause tells
   it earlier too (not "as before").
2. The writer's own view after a score with no source named ("ECOG 1; I'd say 2") read the first score: the two now
   clash (asked), as after a named source; not a number of something else ("I'd say 2 weeks ago").
3. (not mended: see the report) "Second opinion, USA: lorlatinib" reads lorlatinib received; a heading cue read the
   history told for an opinion ("For a 2nd opinion: alectinib 3y, PD") as advised, so it was left out.
4. The brain's count told with where it was seen ("Brain: yes, 3 lesions on the MRI") or in a bracket ("Brain: yes (3
   lesions)") read no count: the "not another organ's" check let "on the <anything>" through as another organ.
5. A stop for toxicity told in the sentence after its TKI ("Started brigatinib in 2023. Stopped after 2 months because
   of pneumonitis.") read no intolerance; not another drug's stop, a stop for progression, a resumed hold.
"""

from __future__ import annotations

import pytest

from bot.nlu.extractor import extract_case


# ---- 1. the current TKI told after it; a list told earlier ----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "tkis"),
    [
        ("lorlatinib now; crizotinib and alectinib before", ["crizotinib", "alectinib", "lorlatinib"]),
        ("lorlatinib now; crizotinib and alectinib earlier", ["crizotinib", "alectinib", "lorlatinib"]),
        ("lorlatinib now; crizotinib and alectinib previously", ["crizotinib", "alectinib", "lorlatinib"]),
        ("lorlatinib now; crizotinib, alectinib before", ["crizotinib", "alectinib", "lorlatinib"]),
        ("on lorlatinib; had crizotinib and alectinib before", ["crizotinib", "alectinib", "lorlatinib"]),
        ("lorlatinib now; alectinib before", ["alectinib", "lorlatinib"]),
        ("brigatinib currently, alectinib earlier", ["alectinib", "brigatinib"]),
        # controls: told forwards, the current TKI named last already, one asked
        ("crizotinib, then alectinib, now lorlatinib", ["crizotinib", "alectinib", "lorlatinib"]),
        ("alectinib before, now lorlatinib", ["alectinib", "lorlatinib"]),
        ("Currently on lorlatinib. Crizotinib and alectinib before.", ["crizotinib", "alectinib", "lorlatinib"]),
        ("lorlatinib now; crizotinib and alectinib before? ", ["lorlatinib"]),
        ("Should we start lorlatinib now? She had alectinib before.", ["alectinib"]),
    ],
)
def test_the_current_tki_last_and_a_list_told_earlier_whole(text, tkis):
    assert extract_case(text).get("prior_tkis") == tkis


# ---- 2. the writer's view after an unsourced score -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "ecog"),
    [
        ("ECOG 1; I'd say 2", None),
        ("ECOG 1, but I'd say 2.", None),
        ("PS 1 - I would call it 2", None),
        ("Her ECOG is 1; I'd say 2, given the fatigue", None),
        # controls: the same view, a number of something else, a view of something else, a later score
        ("ECOG 1; I'd say 1", 1),
        ("ECOG 1; I'd say 2 weeks ago she was fitter", 1),
        ("ECOG 1. I'd say she has brain mets", 1),
        ("ECOG 2, now 1", 1),
        ("GP says ECOG 1; I'd say 2", None),
    ],
)
def test_the_writers_view_after_an_unsourced_score_clashes(text, ecog):
    assert extract_case(text).get("ecog") == ecog


# ---- 4. the brain's count with where it was seen ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "lesions"),
    [
        ("Brain: yes, 3 lesions on the MRI", "limited"),
        ("Brain: 3 lesions on the MRI", "limited"),
        ("Brain: yes, 3 lesions on the scan", "limited"),
        ("Brain: yes, 2 lesions in the cerebellum", "limited"),
        ("Brain: yes (3 lesions)", "limited"),
        # controls: another organ's lesions, the brain clear, a bracket of no count
        ("Brain: yes, 3 lesions in the liver", None),
        ("Brain: yes (3 lesions in the liver)", None),
        ("Brain: no. Liver: yes, 3 lesions", None),
        ("Brain: yes (treated 2 years ago)", None),
    ],
)
def test_the_brains_count_with_where_it_was_seen(text, lesions):
    assert extract_case(text).get("cns_lesions") == lesions


# ---- 5. a stop for toxicity in the next sentence ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "intolerant"),
    [
        ("Started brigatinib in 2023. Stopped after 2 months because of pneumonitis.", ["brigatinib"]),
        ("Started brigatinib in 2023. Stopped because of pneumonitis.", ["brigatinib"]),
        ("Started brigatinib in 2023. It was stopped after 2 months for pneumonitis.", ["brigatinib"]),
        ("On alectinib from 2021. It was discontinued for hepatotoxicity.", ["alectinib"]),
        # controls: no reason, progression, another drug named, a doubted toxicity, a hold resumed, another person
        ("Started brigatinib in 2023. Stopped after 2 months.", None),
        ("Started brigatinib in 2023. Stopped after 2 months because of progression.", None),
        ("Started brigatinib in 2023. Carboplatin stopped for neutropenia.", None),
        ("Started brigatinib and atorvastatin in 2023. Stopped because of myalgia.", None),
        ("Started brigatinib in 2023. Stopped for suspected pneumonitis.", None),
        ("Started brigatinib in 2023. Held for pneumonitis, then resumed at 90 mg.", None),
        ("Her sister took brigatinib. Stopped because of pneumonitis.", None),
        ("Brigatinib after alectinib since 2022. Discontinued 2024 for rash.", None),
        ("Should we start brigatinib? Stopped for pneumonitis last time?", None),
    ],
)
def test_a_stop_for_toxicity_in_the_next_sentence(text, intolerant):
    assert extract_case(text).get("intolerant_tkis") == intolerant
