"""Four misreadings of safety10: a performance score told over time read as its earlier value ("PS: 0 (2021) -> 2
(now)" read as 0; "ECOG | dx: 0 | now: 2" not read), where the current score must be read and an earlier score
alone, said of the diagnosis or the baseline, is not the current one (left unset, asked); two ALK methods that
disagree read as ALK-positive once one result is dated at the diagnosis ("ALK IHC positive (dx), FISH negative"),
where the same work-up's results disagreeing are asked about (as tests/nlu/test_safety7_forms.py reads them with no
time); an unqualified high-grade neuroendocrine carcinoma on the rebiopsy read as small-cell transformation, where the
class holds both small-cell carcinoma and LCNEC (named back, transformation unset, as LCNEC is); and immune checkpoint
inhibitor and chemotherapy brand names left unread ("prior Keytruda"). Phrasings of our own, as clinicians write
them; none is a sentence of the independent phrasing sets."""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads

# ---- 1. a performance score over time: the current one ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ecog"),
    [
        # arrows, each earlier value perhaps dated in brackets
        ("PS: 0 (2021) -> 2 (now)", 2),
        ("PS 0 (2021) -> 2 (now)", 2),
        ("ECOG 1 -> 2", 2),
        ("ECOG 0→2", 2),
        ("ECOG: 0 (2021) -> 1 (2023) -> 3 (now)", 3),
        ("ECOG 0 (dx) → 1 → 3 (current)", 3),
        ("WHO PS 1 (at diagnosis) => 2", 2),
        ("ECOG: 1 -> 3", 3),
        # per-time cells or values of one row
        ("ECOG | dx: 0 | now: 2", 2),
        ("ECOG | baseline: 1 | current: 3", 3),
        ("ECOG: baseline 1, current 2", 2),
        ("ECOG baseline 1, current 2", 2),
        ("PS at diagnosis 0, now 2", 2),
        ("ECOG: dx 0, now 2", 2),
        ("ECOG: 1 (baseline), now 2", 2),
        ("Baseline ECOG 1, current ECOG 2", 2),
        # the earlier value's time said after it, the current one after that (kept as it was)
        ("ECOG 1 at diagnosis, now 2", 2),
        ("was ECOG 0, now 2", 2),
        ("ECOG declined from 1 to 3", 3),
        ("ECOG 0 at diagnosis and ECOG 2 today", 2),
        # negative controls: one score, no time; a year alone does not say it is old; a range's worse value
        ("ECOG 1", 1),
        ("ECOG: 2", 2),
        ("ECOG 0 (2021)", 0),
        ("ECOG 2-3", 3),
        ("PS 1 -> start lorlatinib", 1),  # an arrow to a plan, not to a later score
        ("ECOG 1 previously treated with alectinib", 1),  # "previously" of the treatment, not of the score
        ("Stage IV at diagnosis, ECOG 1", 1),  # the diagnosis's time of another finding
    ],
)
def test_the_current_performance_score_is_read(text, ecog):
    assert_reads(text, {"ecog": ecog})


@pytest.mark.parametrize(
    "text",
    [
        "ECOG 1 at diagnosis",
        "ECOG 1 at the time of diagnosis",
        "ECOG 0 initially",
        "ECOG 1 (baseline)",
        "ECOG: 1 (baseline)",
        "ECOG: baseline 1",
        "ECOG | dx: 0",
        "Baseline ECOG 1",
        "Initial PS 0",
        "ECOG at diagnosis: 1",
        "ECOG_BASELINE: 1",
        "ECOG 1 at diagnosis. Now progressing on alectinib.",
        "KPS 90 at diagnosis",
    ],
)
def test_an_earlier_score_alone_is_not_the_current_one(text):
    """An earlier score is not the current one: left unset, so the assistant asks."""
    assert_reads(text, {"ecog": None})


# ---- 2. two ALK methods disagreeing, one dated at the diagnosis: still a conflict ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ALK IHC positive (dx), FISH negative",
        "ALK IHC positive at diagnosis, FISH negative",
        "ALK IHC positive at dx; FISH negative",
        "ALK FISH negative, IHC positive at diagnosis",
        "At baseline: ALK IHC 3+, FISH negative",
        "ALK (D5F3) IHC positive at diagnosis but break-apart FISH negative",
        "ALK IHC: negative; ALK FISH (dx): positive",
    ],
)
def test_discordant_methods_beside_a_diagnosis_time_are_a_conflict(text):
    entities = extractor.load().entities(text)
    assert "alk_positive" in extractor.conflicts(entities), (text, entities)
    assert "alk_positive" not in extractor.case_fields(entities), (text, entities)


@pytest.mark.parametrize(
    ("text", "positive"),
    [
        # each result with a time of its own: two times' results
        ("ALK IHC positive at diagnosis; rebiopsy: ALK FISH negative", True),
        ("ALK IHC positive at diagnosis, FISH negative at progression", True),
        ("ALK IHC positive (initially), FISH negative", True),
        # agreeing, or one method
        ("ALK IHC positive (dx), FISH positive", True),
        ("ALK IHC positive at diagnosis", True),
        ("ALK IHC positive at diagnosis, ROS1 FISH negative", True),
        # another line with a progression told between: the negative left unread (tests/nlu/test_alk_two_lines.py;
        # with nothing between, alkstat: asked as in one row, tests/nlu/test_alk_status_forms.py)
        ("ALK IHC negative.\nProgressed on alectinib.\nALK FISH: positive at diagnosis.", True),
    ],
)
def test_alk_results_of_two_times_or_agreeing_are_no_conflict(text, positive):
    entities = extractor.load().entities(text)
    assert "alk_positive" not in extractor.conflicts(entities), (text, entities)
    assert_reads(text, {"alk_positive": positive})


# ---- 3. a high-grade neuroendocrine carcinoma with no type: named back, not small cell --------------------------------


def _unplaced(text):
    return [(e.value, e.role) for e in extractor.load().entities(text) if e.entity == "unplaced_finding"]


@pytest.mark.parametrize(
    "text",
    [
        "Rebiopsy: high-grade neuroendocrine carcinoma",
        "rebx: high grade neuroendocrine carcinoma",
        "re-biopsy of the liver showed a high-grade neuroendocrine carcinoma",
        "Liver core at PD: neuroendocrine carcinoma (synaptophysin+, chromogranin+)",
        "rebiopsy showed HGNEC",
        "repeat biopsy - poorly differentiated neuroendocrine carcinoma",
    ],
)
def test_an_untyped_high_grade_neuroendocrine_carcinoma_is_named_back(text):
    assert _unplaced(text) == [("high_grade_neuroendocrine_carcinoma", None)], (text, _unplaced(text))
    assert_reads(text, {"transformation": None})


@pytest.mark.parametrize(
    ("text", "transformation"),
    [
        ("Rebiopsy: high-grade neuroendocrine carcinoma, small cell type", "small_cell"),
        ("Rebiopsy: high-grade neuroendocrine carcinoma consistent with SCLC", "small_cell"),
        ("rebx: high grade neuroendocrine carcinoma (small cell)", "small_cell"),
        ("Rebiopsy: high-grade neuroendocrine carcinoma, favour small cell carcinoma", "small_cell"),
        ("rebiopsy: small cell neuroendocrine carcinoma", "small_cell"),
        ("rebiopsy: SCLC", "small_cell"),
        ("rebiopsy: neuroendocrine transformation", "small_cell"),  # the knowledge base's own name (bypass.yml)
    ],
)
def test_a_neuroendocrine_carcinoma_typed_as_small_cell_stays_small_cell(text, transformation):
    assert_reads(text, {"transformation": transformation})
    assert all(value != "high_grade_neuroendocrine_carcinoma" for value, _ in _unplaced(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "rebiopsy: large cell neuroendocrine carcinoma",
        "Rebiopsy: high-grade neuroendocrine carcinoma (LCNEC)",
    ],
)
def test_a_neuroendocrine_carcinoma_typed_as_large_cell_is_lcnec(text):
    assert _unplaced(text) == [("large_cell_neuroendocrine_carcinoma", None)], (text, _unplaced(text))
    assert_reads(text, {"transformation": None})


@pytest.mark.parametrize(
    "text",
    [
        "no neuroendocrine carcinoma on the rebiopsy",
        "?high-grade neuroendocrine carcinoma on rebiopsy",
        "rebiopsy to rule out high-grade neuroendocrine carcinoma",
        "adenocarcinoma with high-grade neuroendocrine carcinoma component at diagnosis",
    ],
)
def test_a_neuroendocrine_carcinoma_denied_supposed_or_at_diagnosis_is_not_named_back(text):
    assert all(role is not None for _, role in _unplaced(text)), (text, _unplaced(text))
    assert_reads(text, {"transformation": None})


# ---- 4. immune checkpoint inhibitor and chemotherapy brands -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("prior Keytruda, then alectinib", {"prior_immunotherapy": True, "prior_tkis": ["alectinib"]}),
        ("received Opdivo in 2020", {"prior_immunotherapy": True}),
        ("Tecentriq was given with carboplatin", {"prior_immunotherapy": True}),
        ("consolidation Imfinzi after CRT", {"prior_immunotherapy": True}),
        ("previously treated with Libtayo", {"prior_immunotherapy": True}),
        ("Keytruda-naive", {"prior_immunotherapy": False}),
        ("never had Keytruda", {"prior_immunotherapy": False}),
        ("4 cycles of carboplatin/Alimta", {"prior_chemotherapy": True}),
        ("prior Alimta", {"prior_chemotherapy": True}),
        ("Taxotere was given in 2022", {"prior_chemotherapy": True}),
        ("currently on Alimta maintenance", {"prior_chemotherapy": True, "current_therapy": "chemotherapy"}),
        # the generic names read alike
        ("prior pembrolizumab, then alectinib", {"prior_immunotherapy": True, "prior_tkis": ["alectinib"]}),
        ("pembrolizumab-naive", {"prior_immunotherapy": False}),
    ],
)
def test_a_brand_reads_as_its_generic_name(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text",
    [
        "her sister had Keytruda",
        "should we give Keytruda?",
        "Keytruda planned if PD-L1 high",
        "Alimta is an option",
    ],
)
def test_a_brand_supposed_planned_or_someone_elses_is_no_history(text):
    assert_reads(text, {"prior_immunotherapy": None, "prior_chemotherapy": None})


@pytest.mark.parametrize(
    ("brand", "generic"),
    [("Keytruda", "pembrolizumab"), ("Opdivo", "nivolumab"), ("Tecentriq", "atezolizumab"),
     ("Imfinzi", "durvalumab"), ("Libtayo", "cemiplimab"), ("Alimta", "pemetrexed"), ("Taxol", "paclitaxel")],
)
@pytest.mark.parametrize("form", ["prior {}", "{} was given", "s/p {} x 4 cycles", "no prior {}", "{} planned"])
def test_a_brand_reads_as_its_generic_name_in_every_form(brand, generic, form):
    read = extractor.extract_case
    assert read(form.format(brand)) == read(form.format(generic)), (form, brand, read(form.format(brand)))
