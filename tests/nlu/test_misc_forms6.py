"""Forms clinicians write that the reader missed (misc6), each a class with near-miss controls:

- a progression told with its date, the sites in a bracket after it ("PD 03/2025 (brain, adrenal)"), reads as the same
  sites written out ("progression in brain and adrenal"); a bracket that calls its sites stable, or a denial, does not;
- a form's field of the TKIs not tolerated answered none ("TKI intolerance: nil") states the list empty; a question, a
  value to come or a TKI named as the answer are not that;
- a trial arm the patient was randomised to is a TKI received; an arm still to be randomised to, screened for or only
  eligible for is not;
- a score's timeline ("ECOG 0 (2023), 1 (2024), 2 (2025)") reads its latest value; a timeline out of order reads none;
- the diagnosis's specimen told beside a later progression biopsy does not stand for that biopsy.
"""
import pytest

from bot.nlu import extractor


def case(text: str) -> dict:
    return extractor.extract_case(text)


# ---- 1. a dated progression, its sites in a bracket --------------------------------------------------------------

DATED_BRACKET = [
    ("Progression 05.2024 (liver, bone)", "progression", "systemic"),
    ("PD 2025 (bone, adrenal, nodes)", "progression", "systemic"),
    ("progressed in Mar 2024 (liver, bone)", "progression", "systemic"),
    ("Disease progression 11/2025 (nodes, pleura)", "progression", "systemic"),
    ("PD 03/2025 (brain, adrenal)", "brain_metastases", True),
    ("progression 02.2025 (brain, liver, bone)", "brain_metastases", True),
    ("progression 05.2024 in brain", "brain_metastases", True),
]


@pytest.mark.parametrize("text,field,value", DATED_BRACKET)
def test_a_dated_progression_reads_its_bracketed_sites(text, field, value):
    assert case(text).get(field) == value


@pytest.mark.parametrize(
    "bracketed,written",
    [
        ("Progression 05.2024 (liver, bone)", "progression in liver and bone"),
        ("PD 03/2025 (brain, adrenal)", "PD in brain and adrenal"),
        ("progressed 2024 (new liver mets)", "progressed with new liver mets"),
    ],
)
def test_the_bracket_reads_as_the_sites_written_out(bracketed, written):
    assert case(bracketed) == case(written)


@pytest.mark.parametrize(
    "text",
    [
        "progression 05.2024 (liver, bone stable)",  # the sites called stable
        "PD 03/2025 (brain stable, adrenal)",
        "No progression 05.2024 (liver, bone)",  # denied
        "Staging 05.2024 (liver, bone)",  # no progression told
    ],
)
def test_a_dated_bracket_of_calm_or_denied_sites_reads_no_progression(text):
    got = case(text)
    assert got.get("progression") in (None, "none")
    assert got.get("brain_metastases") is not True


def test_an_undated_bracket_in_a_stop_log_is_left_as_before():
    # an earlier stop's reason, its brain progression in a bracket with no date: not read as this progression's
    text = "brigatinib stopped 2024, reason: 'PD (brain)'. lorlatinib since. CT 11/2025: progression (liver x2, rest stable)"
    assert case(text).get("progression") != "cns_only"


def test_the_brain_progressing_beside_the_body_stable_stays_cns_only():
    assert case("progression in brain, body stable").get("progression") == "cns_only"


# ---- 2. a form's TKI intolerance field answered none -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Intolerances to ALK TKIs: None",
        "TKI intolerance: nil",
        "intolerant_tkis: none",
        "Intolerance to ALK inhibitors: none known",
        "TKIs not tolerated: none",
        "Prior TKI intolerance - no",
    ],
)
def test_an_intolerance_field_answered_none_states_the_list_empty(text):
    assert case(text).get("intolerant_tkis") == []


@pytest.mark.parametrize(
    "text",
    [
        "any intolerance?",  # a question
        "any TKI intolerance: none?",
        "TKI intolerance: N/A",  # not applicable or not assessed
        "TKI intolerance: to be confirmed",
        "Intolerances: none",  # no TKI named in the key: perhaps other drugs
        "TKI intolerance: yes",  # none named
    ],
)
def test_an_intolerance_question_or_open_answer_reads_nothing(text):
    assert "intolerant_tkis" not in case(text)


def test_a_tki_named_in_the_field_is_the_intolerant_one():
    assert case("Intolerant TKIs: ceritinib").get("intolerant_tkis") == ["ceritinib"]


def test_a_stop_for_toxicity_told_beside_a_none_answer_is_still_read():
    assert case("TKI intolerance: none. Alectinib stopped for CK rise").get("intolerant_tkis") == ["alectinib"]


# ---- 3. trial arms ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,tki",
    [
        ("enrolled in ALTA-3, brigatinib arm", "brigatinib"),
        ("in the crizotinib arm of the trial", "crizotinib"),
        ("cohort B (alectinib)", "alectinib"),
        ("randomised to the alectinib arm", "alectinib"),
        ("has been randomised to the brigatinib arm", "brigatinib"),
        ("was randomized to the lorlatinib arm of the study in 2019", "lorlatinib"),
        ("lipid screening on lorlatinib every 3 months", "lorlatinib"),  # a check while on it, no trial screening
    ],
)
def test_a_trial_arm_given_is_a_tki_received(text, tki):
    assert tki in case(text).get("prior_tkis", [])


@pytest.mark.parametrize(
    "text",
    [
        "eligible for the lorlatinib arm",
        "screening for a trial",
        "screening for the brigatinib arm",
        "screen failure for the lorlatinib cohort",
        "screen-failed for the lorlatinib arm",
        "will be randomised to the alectinib arm",
        "awaiting randomisation to the alectinib arm",
        "to be randomised to alectinib or crizotinib",
        "will be started on alectinib",
    ],
)
def test_an_arm_to_come_or_screened_for_is_no_tki_received(text):
    assert not case(text).get("prior_tkis")


# ---- 4. a score's timeline --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,ecog",
    [
        ("ECOG 0 (2023) -> 1 (2024) -> 2 now", 2),
        ("PS: 1 at dx, 2 today", 2),
        ("WHO PS 0 (2023), 1 (2024), 2 (2025)", 2),
        ("ECOG 0 2023 / 1 2024 / 2 today", 2),
        ("ECOG: 0 (2022), 1 (03/2024), 2 (today)", 2),
        ("ECOG 0 at diagnosis; 1 in 2024; 3 now", 3),
        ("performance status 1 (06/2024), 2 (01/2025)", 2),
    ],
)
def test_a_timeline_reads_its_latest_score(text, ecog):
    assert case(text).get("ecog") == ecog


@pytest.mark.parametrize(
    "text",
    [
        "PS 2 (2025), 1 (2023)",  # out of order: which is now is not told
        "ECOG 0 (2023), 1 (2023)",  # the same time twice
    ],
)
def test_a_timeline_out_of_order_reads_no_score(text):
    assert "ecog" not in case(text)


@pytest.mark.parametrize(
    "text,ecog",
    [
        ("ECOG 1 (2024), 2 lesions in the liver", 1),  # a count, not a score
        ("ECOG 1 (2025)", 1),
        ("ECOG 1, PD-L1 50%", 1),
    ],
)
def test_a_dated_score_beside_other_numbers_is_no_timeline(text, ecog):
    assert case(text).get("ecog") == ecog


# ---- 5. the diagnosis's specimen beside a progression biopsy --------------------------------------------------


@pytest.mark.parametrize(
    "text,biopsy,mutations",
    [
        ("Dx 2021: EBUS, EML4-ALK v3 by NGS. Progression 2025 on alectinib; liver biopsy: G1202R", "tissue", ["G1202R"]),
        ("Dx 2021 EBUS (ALK FISH+). 2025 PD on alectinib, bone biopsy showed G1202R", "tissue", ["G1202R"]),
        ("Diagnosis 2020: bronchoscopic biopsy, ALK+ by IHC. Now progressing on brigatinib; plasma ctDNA: L1196M",
         "plasma", ["L1196M"]),
    ],
)
def test_the_progression_specimen_is_read_beside_the_diagnosis_one(text, biopsy, mutations):
    got = case(text)
    assert got.get("biopsy") == biopsy
    assert got.get("alk_mutations") == mutations


@pytest.mark.parametrize(
    "text",
    [
        "Dx 2021: EBUS, EML4-ALK v3 by NGS. Progression 2025 on alectinib",
        "Diagnosed 2019 on a CT-guided lung biopsy (ALK IHC positive); progressed on crizotinib 2023",
    ],
)
def test_the_diagnosis_specimen_alone_is_no_progression_biopsy(text):
    assert "biopsy" not in case(text)
