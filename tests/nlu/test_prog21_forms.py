"""Forms of the progression pattern as CT/PET reports and clinic letters state them, each with near-miss controls:

1. The rest said stable or responding with a qualifier of the whole before its exception ("stable disease everywhere
   except a new 1.5 cm lesion in segment 7 of the liver", "stable at all sites apart from growth of the adrenal
   metastasis", "stable disease with the exception of a new liver lesion"): the rest controlled beside one growth,
   oligoprogression. It read no progression (the stability alone) or nothing.
2. Everything said shrinking, smaller or in response except one lesion or site ("everything else is shrinking except
   one mediastinal node that has grown", "everything is smaller except the adrenal, which has grown"): it read nothing.
3. A lesion or site said the only thing that grows ("the liver lesion is the only thing growing", "the adrenal is the
   only one that has grown"): it read nothing.
4. A translation's "in progression" after the lesions ("bone metastases in progression and new bilateral adrenal
   lesions", from "metastasi ossee in progressione"): the site progresses; two groups are systemic. It read nothing.
"""

from __future__ import annotations

import pytest

from bot.nlu.extractor import extract_case

_ON = "ALK+ NSCLC on alectinib. "


def _progression(text: str) -> str | None:
    return extract_case(text).get("progression")


# ---- 1. the rest stable everywhere, with its exception ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "progression"),
    [
        (_ON + "Stable disease everywhere except a new 1.5 cm lesion in segment 7 of the liver.", "oligoprogression"),
        (
            "Re-staging shows stable disease everywhere except a new 1.5 cm lesion in segment 7 of the liver.",
            "oligoprogression",
        ),
        (_ON + "Stable at all sites apart from growth of the adrenal metastasis.", "oligoprogression"),
        (_ON + "Stable disease with the exception of a new liver lesion.", "oligoprogression"),
        (_ON + "CT: stable throughout except for an enlarging left adrenal metastasis.", "oligoprogression"),
        (_ON + "Disease unchanged in all other sites except a new 12 mm liver lesion.", "oligoprogression"),
        # controls: the exception is no lesion, or only some sites are said stable, or it is asked
        (_ON + "Stable disease everywhere except for new back pain.", "none"),
        (_ON + "Everything stable except for fatigue.", None),
        (_ON + "Is the disease stable everywhere except the new liver lesion?", None),
        (_ON + "Lungs and nodes stable apart from a new rib lesion.", None),
        (_ON + "Stable disease everywhere.", "none"),
    ],
)
def test_the_rest_stable_everywhere_with_an_exception_is_oligoprogression(text, progression):
    assert _progression(text) == progression


# ---- 2. everything shrinking except one ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "progression"),
    [
        (
            _ON + "Everything else is shrinking except one mediastinal node that has grown from 12 to 19 mm.",
            "oligoprogression",
        ),
        (_ON + "Everything is smaller except the adrenal, which has grown.", "oligoprogression"),
        (_ON + "All lesions are in partial response except the left adrenal, which is bigger.", "oligoprogression"),
        (_ON + "All other sites regressing, with the exception of the right adrenal, now larger.", "oligoprogression"),
        # controls: the exception is no growth, or nothing grows, or a question
        (_ON + "Everything is smaller except the adrenal, which is unchanged.", None),
        (_ON + "Everything is shrinking except her appetite.", None),
        (_ON + "Is everything shrinking except the adrenal, which has grown?", None),
    ],
)
def test_everything_shrinking_except_one_growth_is_oligoprogression(text, progression):
    assert _progression(text) == progression


# ---- 3. the only thing growing ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "progression"),
    [
        (_ON + "The liver lesion is the only thing growing.", "oligoprogression"),
        (_ON + "The adrenal is the only one that has grown.", "oligoprogression"),
        (_ON + "The left adrenal metastasis is the only lesion that is growing.", "oligoprogression"),
        (_ON + "The only thing that has grown is the adrenal metastasis.", "oligoprogression"),
        # controls: a question, the brain's, a denial of growth, another patient's
        (_ON + "Is the liver lesion the only thing growing?", None),
        (_ON + "The brain is the only thing growing; body stable.", None),
        (_ON + "The only thing that has changed is her weight.", None),
    ],
)
def test_the_only_thing_growing_is_oligoprogression(text, progression):
    assert _progression(text) == progression


# ---- 4. "in progression" after the lesions ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "progression"),
    [
        (_ON + "Bone metastases in progression and bilateral new adrenal lesions.", "systemic"),
        (_ON + "CT: hepatic and osseous metastases in progression.", "systemic"),
        (_ON + "Liver metastases in progression, with new lytic bone lesions.", "systemic"),
        (_ON + "Bone metastases in progression; everything else stable.", "oligoprogression"),
        # controls: a denial, a progression-free time, one site with nothing said of the rest
        (_ON + "No bone metastases in progression.", None),
        (_ON + "Bone metastases, stable; 14 months in progression-free survival.", None),
        (_ON + "Bone metastases in progression, liver stable.", None),
    ],
)
def test_lesions_in_progression_progress(text, progression):
    assert _progression(text) == progression


# ---- 5. the rest in a translation's absolute clause ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "progression"),
    [
        (
            _ON
            + "CT shows a dissociated progression: appearance of two hepatic nodules, the rest of the lesions being "
            "stable.",
            "oligoprogression",
        ),
        (_ON + "Two new hepatic nodules, the rest of the lesions being stable.", "oligoprogression"),
        (_ON + "Enlarging adrenal metastasis, the rest of the metastases remaining in response.", "oligoprogression"),
        # controls: the rest growing too, the rest alone, a question
        (_ON + "Two new hepatic nodules, the rest of the lesions being larger.", None),
        (_ON + "The rest of the lesions being stable, we continue alectinib.", None),
        (_ON + "Two new hepatic nodules - is the rest of the disease being stable?", None),
    ],
)
def test_the_rest_being_stable_beside_a_growth_is_oligoprogression(text, progression):
    assert _progression(text) == progression


# ---- 6. a progression's one site after a colon or a dash, "only" ---------------------------------------------------
@pytest.mark.parametrize(
    ("text", "progression"),
    [
        (_ON + "Progression now: liver only (three new lesions), lung and nodes in response.", "oligoprogression"),
        (_ON + "Progression: liver only.", "oligoprogression"),
        (_ON + "PD - left adrenal only.", "oligoprogression"),
        (_ON + "PET 3 (today): new FDG-avid left adrenal lesion only.", "oligoprogression"),
        # controls: the brain's, a question, an earlier one with more now, a size after "only"
        (_ON + "Progression: brain only.", "cns_only"),
        (_ON + "Is the progression liver only?", None),
        (_ON + "Prior progression: liver only, treated with SBRT; now new liver and bone lesions.", "systemic"),
        (_ON + "New liver lesion only 5 mm.", None),
        (_ON + "New brain lesion only.", None),
    ],
)
def test_a_progressions_one_site_after_a_colon_is_oligoprogression(text, progression):
    assert _progression(text) == progression


# ---- 7. nothing else active on a PET beside a growth ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "progression"),
    [
        (_ON + "Solitary progressing lung lesion; PET shows no other active disease.", "oligoprogression"),
        (_ON + "Enlarging adrenal metastasis; no other active disease on PET.", "oligoprogression"),
        (_ON + "New FDG-avid left adrenal lesion, no other sites of disease activity.", "oligoprogression"),
        (_ON + "New hypermetabolic rib lesion; no other FDG-avid lesions.", "oligoprogression"),
        # controls: nothing grows, two sites grow, the brain's
        (_ON + "No other active disease.", None),
        (_ON + "PET: no other sites of abnormal uptake.", None),
        (_ON + "New liver and bone lesions; no other active disease.", "systemic"),
        (_ON + "New 4 mm brain lesion; no other active disease.", "cns_only"),
    ],
)
def test_nothing_else_active_beside_a_growth_is_oligoprogression(text, progression):
    assert _progression(text) == progression


# ---- 8. the re-biopsy or the molecular re-testing of this progression said not done --------------------------------
@pytest.mark.parametrize(
    ("text", "biopsy"),
    [
        ("ALK+ by FISH, progressed on her ALK inhibitor, no rebiopsy yet", "none"),
        ("PD on alectinib. No biopsy yet.", "none"),
        ("PD on alectinib. No bx yet.", "none"),
        ("ALK-Status (2019): IHC positive.\nRe-testing at progression 2025: not done", "none"),
        ("ALK status: positive (FISH, 2020). Repeat testing at progression: declined by patient.", "none"),
        ("PD on alectinib. No molecular testing at progression.", "none"),
        ("PD on alectinib. She hasn't had any molecular testing at progression.", "none"),
        # controls: a plan or an order after it, a question, a condition, a result under the key, another person
        ("PD on alectinib. No resistance biopsy yet; booked for Monday.", None),
        ("PD on alectinib. No biopsy yet - will discuss at MDT.", None),
        ("PD on alectinib. No molecular testing at progression yet, plasma ordered.", None),
        ("PD on alectinib. Has she had a biopsy yet?", None),
        ("PD on alectinib. If there is no biopsy yet, send plasma.", None),
        ("PD on alectinib. Re-testing at progression: pending.", None),
        ("PD on alectinib. Re-testing at progression: tissue NGS G1202R.", "tissue"),
        ("PD on alectinib. Her brother has had no rebiopsy yet.", None),
    ],
)
def test_the_testing_of_this_progression_said_not_done_is_none(text, biopsy):
    assert extract_case(text).get("biopsy") == biopsy


# ---- 9. no progression in a scan's or a status's shorthand ----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "progression"),
    [
        ("Restaging CT: PR.", "none"),
        ("lorlatinib 2 mo, CT: PR", "none"),
        ("Under lorlatinib since 03/2024. Tumour status: stable in CT 11/2025.", "none"),
        ("He is on Alunbrig since 2 years and the disease is still under control.", "none"),
        ("Latest scan: everything stable, she is happy.", "none"),
        (
            "Intracranial progression in 2023 treated with SRS; extracranial progression in 2025 -> lorlatinib. "
            "Current: stable intra- and extracranially.",
            "none",
        ),
        # controls: a brain scan's or one site's, a dated earlier scan before a new one, a question, a state that
        # ended, an exception, a status of progression
        ("MRI brain: PR.", None),
        ("CT liver: PR.", None),
        ("CT 09/2025: PR. CT 12/2025: new liver and bone lesions.", "systemic"),
        ("Was the CT: PR?", None),
        ("The disease was under control until 2024, when liver mets appeared.", None),
        ("Tumour status: stable but a new adrenal lesion.", None),
        ("Latest scan: everything stable except the adrenal, which has grown.", "oligoprogression"),
        ("New liver and bone lesions. Disease status: progression.", "systemic"),
    ],
)
def test_no_progression_in_a_scans_or_a_status_shorthand(text, progression):
    assert _progression(text) == progression


# ---- 10. the Portuguese "sob" (under) is no shortness of breath ----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "symptomatic"),
    [
        ("Na TC de reavaliação: resposta parcial mantida, sem lesões novas, sob lorlatinibe 100 mg/dia.", None),
        ("Progressão sistémica sob alectinib (fígado, osso, pulmão).", None),
        ("Paciente sob tratamento com alectinibe.", None),
        # controls: the English abbreviation
        ("SOB on exertion.", True),
        ("Increasing SOB and cough.", True),
        ("She has SOB on alectinib.", True),
    ],
)
def test_the_portuguese_sob_is_no_breathlessness(text, symptomatic):
    assert extract_case(text).get("symptomatic") == symptomatic
