"""Residual forms of the tuned phrasing sets, as classes: lesions counted with no organ beside brain progression or the
body controlled (the brain's, never systemic), sites listed with a count after them, growth said slow at a few sites
(indolent), a key and its value written with "=", a referral's heading naming where the patient is cared for, a
finding that opens with its own verb after a denial of another, and the patient's wish for a local treatment. Each
class has its near misses, read as before. None is a sentence of the independent phrasing sets."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than

# ---- 1. lesions counted with no organ: the brain's beside brain progression or the body controlled -----------------


@pytest.mark.parametrize(
    "text",
    [
        "progress in brain, many lesions, body is stable",
        "Progression in the brain with numerous lesions; extracranial disease stable.",
        "PD brain, many new lesions, body stable, on lorlatinib",
        "brain mets progressing, multiple lesions, CT body stable",
        "MRI brain shows multiple new lesions; CT chest/abdomen stable",
        "she progressed in the brain - innumerable lesions - rest stable",
        "PD in brain: several new lesions, systemic disease controlled",
    ],
)
def test_a_bare_count_beside_brain_progression_and_the_body_controlled_is_cns_only(text):
    assert_reads(text, {"progression": "cns_only", "brain_metastases": True})


@pytest.mark.parametrize(
    "text",
    [
        "progressed in brain; many lesions",  # the brain's lesions, the body not told: no pattern, never systemic
        "Progression in the brain, numerous new lesions",
    ],
)
def test_a_bare_count_beside_brain_progression_alone_is_not_systemic(text):
    assert_reads_other_than(text, {"progression": "systemic"})


@pytest.mark.parametrize(
    "text",
    [
        "multiple new lesions",
        "PD with many new lesions, ECOG 1",
        "numerous new lesions on restaging CT",
        "multiple new liver and bone lesions",
    ],
)
def test_a_count_with_nothing_else_said_or_with_its_organs_stays_systemic(text):
    assert_reads(text, {"progression": "systemic"})


# (lead, 2026-12-06, second session) these two expected systemic before: a count and the organs it is in, with no
# word of growth, tell where the disease is, not that it progressed there ("She has liver and bone metastases"); beside
# a progression told they are its extent and read systemic (tests/nlu/test_safe11_forms.py), alone they are asked
@pytest.mark.parametrize("text", ["multiple lesions in the liver and bones", "many mets, liver and bone"])
def test_a_count_with_its_organs_and_no_growth_is_no_pattern(text):
    assert_reads(text, {"progression": None})


@pytest.mark.parametrize("text", ["multiple brain mets, body stable", "innumerable lesions throughout the brain"])
def test_brain_lesions_counted_are_never_systemic(text):
    assert_reads_other_than(text, {"progression": "systemic"})


@pytest.mark.parametrize(
    "text, value",
    [
        ("no progress in the brain", None),
        ("progress in the brain, body stable", "cns_only"),
        ("progressing at the brain, extracranial stable", "cns_only"),
    ],
)
def test_progress_in_the_brain(text, value):
    found = assert_reads(text, {"progression": value})
    if value:
        assert found.get("brain_metastases") is True, (text, found)


# ---- 2. sites listed with a count or a word after each ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "PD liver multiple + new spine",
        "PD lung x3, bone new",
        "progressing liver multiple, bones",
        "progression liver mets and bone",
        "pd on alec liver several + bones",
    ],
)
def test_sites_listed_with_a_count_after_them_are_systemic(text):
    assert_reads(text, {"progression": "systemic"})


@pytest.mark.parametrize("text", ["PD liver multiple + bones stable", "no PD liver multiple + bones"])
def test_sites_said_stable_or_denied_are_not_systemic(text):
    assert_reads(text, {"progression": None})


# ---- 3. growth said slow at one or a few sites: indolent (case.schema.json: slow, asymptomatic growth) ----------


@pytest.mark.parametrize(
    "text",
    [
        "slow growth of the pleural disease only, no symptoms",
        "slow growth of one lung nodule, asymptomatic, everything else stable",
        "minimal progression in a single node only, rest stable",
        "slow progression at 2 sites, rest stable",
        "slowly enlarging right pleural thickening without new disease",
        "gradual growth in the adrenal only, otherwise stable",
    ],
)
def test_slow_growth_at_a_few_sites_is_indolent(text):
    assert_reads(text, {"progression": "indolent"})


@pytest.mark.parametrize(
    "text",
    [
        "growth of nodal dz only",
        "progression in the adrenal only",
        "single adrenal lesion growing, rest stable",
        "oligoprogression, slow growth",  # said in the clinician's words
    ],
)
def test_growth_not_said_slow_stays_oligoprogression(text):
    assert_reads(text, {"progression": "oligoprogression"})


# ---- 4. a key and its value written with "=" -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, fields",
    [
        ("repeat bx = squamous cell carcinoma", {"biopsy": "tissue"}),
        ("new bx = squamous cell ca", {"biopsy": "tissue", "transformation": "squamous"}),
        ("rebiopsy = small cell transformation", {"biopsy": "tissue", "transformation": "small_cell"}),
        ("Transformation = small cell", {"transformation": "small_cell"}),
        ("Biopsy = not done", {"biopsy": "none"}),
        ("Brain = no mets", {"brain_metastases": False}),
        ("PS = 1", {"ecog": 1}),
    ],
)
def test_a_key_and_its_value_with_an_equals_sign(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize("text", ["If ECOG = 3 what then?", "what if transformation = SCLC?"])
def test_an_equals_sign_in_a_question_states_nothing(text):
    assert_reads(text, {"ecog": None, "transformation": None})


# ---- 5. the heading of a referral or a consultation names where the patient is cared for -----------------------


@pytest.mark.parametrize(
    "text, region",
    [
        ("Referral from Germany: ALK+ NSCLC on alectinib, PD in liver and bone.", "DE"),
        ("Phone referral from Norway: ALK+ on lorlatinib", "NO"),
        ("E-consult from Auckland: ALK+ NSCLC, ECOG 1", "NZ"),
        ("Teaching case from Hong Kong: ALK+ NSCLC on brigatinib", "HK"),
        ("ALK clinic e-consult from Toronto: 44M, ALK+", "CA"),
        ("Consultation from Taipei: 58F, ALK+ on alectinib", "TW"),
    ],
)
def test_a_referral_heading_names_the_region(text, region):
    assert_reads(text, {"region": region})


@pytest.mark.parametrize(
    "text",
    [
        "Patient from Sweden, ALK+",  # where she comes from
        "Transfer from China: ALK+ NSCLC",  # care moved from there
        "records from a hospital in Barcelona are attached.",
        "a 66-year-old woman from Ohio with ALK-positive NSCLC",
        "she was referred from Sweden to us in Norway",  # two places: neither read alone
        "Her sister's referral from Spain",
    ],
)
def test_a_place_someone_comes_from_is_no_region(text):
    assert_reads(text, {"region": None})


# ---- 6. a finding that opens with its own verb is not reached by a denial of the finding before it -------------


@pytest.mark.parametrize(
    "text",
    [
        "pt 51f not pregnant uses condoms",
        "not pregnant uses condoms, perimenopausal",
        "no headache takes the pill",
        "not pregnant, uses condoms",
    ],
)
def test_contraception_after_a_denied_pregnancy_is_childbearing_potential(text):
    assert_reads(text, {"pregnancy_status": "childbearing_potential"})


@pytest.mark.parametrize("text, fields", [("no headache takes the pill", {"symptomatic": False}),
                                          ("no headache, nausea or seizures", {"symptomatic": False})])
def test_the_denial_still_covers_its_own_finding(text, fields):
    assert_reads(text, fields)


# ---- 7. the patient's wish for a local treatment of the cancer -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "asymptomatic, PS 0, wants SRS + keep going",
        "she wants SRS and to continue alectinib",
        "pt keen on SBRT to the adrenal",
        "Patient would like radiosurgery.",
        "he is asymptomatic and still wants SRS",
    ],
)
def test_the_patients_wish_for_local_treatment_is_disease_directed(text):
    assert_reads(text, {"goals_of_care": "disease_directed"})


@pytest.mark.parametrize(
    "text",
    [
        "I would like SRS for her",  # the clinician's
        "rad onc wants SRS",  # a team's
        "does she want SRS?",
        "if she wants SRS we can book it",
        "she does not want SRS",
    ],
)
def test_a_clinicians_or_a_supposed_wish_is_no_goal(text):
    assert_reads(text, {"goals_of_care": None})
