"""Pattern-of-progression forms of the prog5 pass (own phrasings, with near-miss negative controls).

1. A progression told before the TKI the patient is on now is that earlier line's history, no pattern now (asked):
   the TKI's start date written before it ("From 03.11.2025 lorlatinib"), or the progression said on another TKI
   before a switch, undated ("new liver and bone lesions on alectinib; switched to lorlatinib"). A progression told
   after the new TKI, on the same TKI, or a switch only planned or asked about, still reads.
2. Sites the vocabulary lacked: a lymphangitic spread said new or growing is the lungs' ("new lymphangitis"), an
   effusion that re-accumulated grew back at its site; not one known, stable or denied.
3. A progression called isolated, solitary or single-site at one extracranial site ("isolated adrenal progression")
   is oligoprogression, as "progression isolated to the adrenal" is; not the brain's, nor a question.
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

# ---- 1. a progression before the current line --------------------------------------------------------------------
BEFORE_CURRENT_LINE = [
    "08/2025: new lesions in the liver and the bones. From 03.11.2025 lorlatinib 100 mg daily, first CT due in January.",
    "Relapse 06.2024 in the pleura, liver and nodes. Since 07/2024 brigatinib 180 mg.",
    "2023: progression in lungs and adrenals. From 2023 alectinib, tolerating well.",
    "CT showed new liver and bone metastases on alectinib; switched to lorlatinib, restaging pending.",
    "Enlarging lung nodules and new adrenal mets under brigatinib, so she was changed to lorlatinib last month.",
    "Multiple new hepatic lesions on crizotinib; started on alectinib two weeks ago.",
    # the dates order them however far apart
    "09/2025: new liver and bone lesions. A liver biopsy was taken in October and sent for sequencing, which found the"
    " fusion again and no resistance mutation or bypass alteration at all. From 11/2025 lorlatinib 100 mg.",
]


@pytest.mark.parametrize("text", BEFORE_CURRENT_LINE)
def test_a_progression_before_the_current_tki_is_history(text):
    assert_reads(text, {"progression": None})


STILL_NOW = [
    # the progression told after the new TKI is the current one
    "08/2025: new bone lesions. From 09.2025 lorlatinib; now new liver and lung lesions.",
    # on the same TKI, no switch
    "CT showed new liver and bone metastases on alectinib; alectinib continued for now.",
    # a switch only asked about or planned
    "New liver and bone metastases on alectinib - should we switch to lorlatinib?",
    "New liver and bone metastases on alectinib; plan to start lorlatinib next week.",
    # a TKI begun before it, far from it
    "09/2025: new liver and bone lesions. A liver biopsy was taken in October and sent for sequencing, which found the"
    " fusion again and no resistance mutation or bypass alteration at all. From 06/2025 lorlatinib 100 mg.",
    # no TKI begun after it
    "08/2025: new lesions in the liver and the bones on alectinib.",
]


@pytest.mark.parametrize("text", STILL_NOW)
def test_a_progression_on_the_current_tki_still_reads(text):
    assert_reads(text, {"progression": "systemic"})


# ---- 2. lymphangitic spread, a re-accumulated effusion ------------------------------------------------------------
NEW_SITES = [
    ("Admitted with breathlessness: new lymphangitis and new liver deposits.", "systemic"),
    ("CT: progressive lymphangitic spread and new bone lesions in the pelvis.", "systemic"),
    ("The right pleural effusion has re-accumulated and there are new liver metastases.", "systemic"),
    ("Worsening bilateral lymphangitic change; the rest is stable.", "oligoprogression"),
]


@pytest.mark.parametrize("text,progression", NEW_SITES)
def test_lymphangitis_and_a_reaccumulated_effusion_are_sites(text, progression):
    assert_reads(text, {"progression": progression})


NOT_NEW_SITES = [
    "Known lymphangitis, stable, and new liver deposits.",
    "No lymphangitis; liver unchanged.",
    "Is this new lymphangitis or just oedema?",
    "Lymphangitic spread is unchanged; no new lesions.",
]


@pytest.mark.parametrize("text", NOT_NEW_SITES)
def test_lymphangitis_known_denied_or_asked_is_no_spread(text):
    found = assert_reads(text, {})
    assert found.get("progression") not in ("systemic", "oligoprogression"), (text, found)


# ---- 3. isolated progression at one site --------------------------------------------------------------------------
ISOLATED = [
    "Tumour board: isolated adrenal progression on alectinib, for SBRT.",
    "Solitary hepatic progression on lorlatinib; the plan is ablation.",
    "She has single-site nodal progression on brigatinib.",
    "Isolated left adrenal relapse while on alectinib.",
]


@pytest.mark.parametrize("text", ISOLATED)
def test_isolated_progression_at_one_site_is_oligoprogression(text):
    assert_reads(text, {"progression": "oligoprogression"})


NOT_ISOLATED = [
    "Is this isolated adrenal progression?",
    "If there is isolated adrenal progression later, we would give SBRT.",
    "No isolated adrenal progression seen.",
    "Her father had isolated adrenal progression on chemotherapy.",
]


@pytest.mark.parametrize("text", NOT_ISOLATED)
def test_isolated_progression_asked_planned_denied_or_a_relatives_is_not_read(text):
    found = assert_reads(text, {})
    assert found.get("progression") != "oligoprogression", (text, found)


def test_isolated_brain_progression_is_not_oligoprogression():
    found = assert_reads("Isolated brain progression on alectinib; body stable.", {})
    assert found.get("progression") != "oligoprogression", found


# ---- 4. region: a form's "Region" key with the country's code, the patient's "treated in" key ----------------------
REGION_KEYS = [
    ("Decision form | ECOG: 1\nRegion: DE", "DE"),
    ("Region: Japan", "JP"),
    ("Patient treated in: Canada\nECOG: 0", "CA"),
    ("Pt treated in: Italy", "IT"),
]


@pytest.mark.parametrize("text,region", REGION_KEYS)
def test_a_forms_region_key_and_treated_in_key_name_the_region(text, region):
    assert_reads(text, {"region": region})


NOT_REGION_KEYS = [
    "Region: right upper lobe",
    "Region: liver",
    "Region: no",
    "Patient born in: Canada",
]


@pytest.mark.parametrize("text", NOT_REGION_KEYS)
def test_a_region_key_without_a_country_names_none(text):
    assert_reads(text, {"region": None})


# ---- 5. a place in brackets after the diagnosis is where the patient was diagnosed, not where treated -------------
@pytest.mark.parametrize("text", [
    "ALK+ adenocarcinoma dx 2021 (Shanghai); alectinib since.",
    "Lung adenocarcinoma diagnosed 04/2020 (Lyon), ALK FISH positive.",
    "History:\n- ALK+ NSCLC dx 2019 (Madrid)\n- Brigatinib 2019-2024",
])
def test_a_place_in_brackets_after_the_diagnosis_is_no_region(text):
    assert_reads(text, {"region": None})


@pytest.mark.parametrize("text,region", [
    ("ALK+ adenocarcinoma dx 2021 (Shanghai, treated there).", "CN"),
    ("58F, ALK+ NSCLC, 1L alectinib (Spain)", "ES"),
    ("ALK+ NSCLC dx 2020; treated in France.", "FR"),
])
def test_a_place_where_treated_still_names_the_region(text, region):
    assert_reads(text, {"region": region})
