"""safe17: the brain named inside a list of progressing sites, phrasings of our own.

The brain (or the meninges) at the start, in the middle or at the end of a list of sites said to progress, with or
without its lesions' word and a bracketed count or note after it ("progression in liver and brain (2 lesions)",
"PD in brain (3 new lesions), liver and bone", "liver, brain and bone progression", "new liver mets and brain mets
(x2)"), keeps both readings: brain_metastases true (and the count where one is read) and the extracranial sites. So
bot/nlu/fields.py decides: the brain and one site beside the rest controlled is no pattern (the form asks), never
CNS-only nor oligoprogression; the brain with two site groups reads as "brain and liver and bone progression" does
(systemic). Controls keep their readings: the brain said stable, known or treated beside the sites, the brain alone
progressing with the rest stable (CNS-only), the sites alone, a denial, a question, a plan.
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

# 1. the brain and one extracranial site progressing, the rest controlled: the brain read, no pattern
BRAIN_AND_ONE_SITE_REST_CONTROLLED = [
    ("progression in liver and brain, others stable", {}),
    ("progression in liver and brain (2 lesions), others stable", {"cns_lesions": "limited"}),
    ("new liver mets and brain mets (x2), rest stable", {"cns_lesions": "limited"}),
    ("progression in brain (2 lesions) and liver, others stable", {"cns_lesions": "limited"}),
    ("Restaging: progression in the adrenal and the brain, everything else stable.", {}),
    ("PD in lung and brain; rest of disease unchanged", {}),
    ("Progressing in bone and brain (3 lesions), other sites controlled.", {"cns_lesions": "limited"}),
    ("progression in nodes and cerebellar mets, remaining disease stable", {}),
    ("progression in liver and intracranial, others responding", {}),
    ("new liver lesions and new brain mets (x3), other disease stable", {"cns_lesions": "limited"}),
    ("New bone mets and brain mets (2), rest stable.", {}),
    ("new adrenal and brain metastases, otherwise stable", {}),
    ("new liver and brain mets, rest stable", {}),
    ("progression in brain (1 new lesion) and adrenal, rest quiet", {"cns_lesions": "limited"}),
    ("PD in brain (two new mets) and lung, others stable", {"cns_lesions": "limited"}),
    ("brain and adrenal progression, everything else stable", {}),
    ("brain and liver progression, rest stable", {}),
    ("progression in liver and known brain mets, others stable", {}),
]


@pytest.mark.parametrize("text,more", BRAIN_AND_ONE_SITE_REST_CONTROLLED)
def test_the_brain_and_one_site_beside_the_rest_controlled_is_no_pattern(text, more):
    assert_reads(text, {"brain_metastases": True, "progression": None, **more})


# 2. the brain beside two or more extracranial site groups: as "brain and liver and bone progression" reads
@pytest.mark.parametrize(
    "text,more",
    [
        ("brain and liver and bone progression", {}),
        ("PD in brain (3 new lesions), liver and bone", {"cns_lesions": "limited"}),
        ("PD in brain (4 lesions), bone and nodes", {"cns_lesions": "limited"}),
        ("progression in brain (2 mets), liver, bone", {"cns_lesions": "limited"}),
        ("Progression: liver, brain (3 lesions), bone.", {"cns_lesions": "limited"}),
        ("PD: liver, brain mets (x3), bone", {"cns_lesions": "limited"}),
        ("progression in liver, brain and bone", {}),
        ("liver, brain and bone progression", {}),
        ("adrenal, brain and bone progression", {}),
    ],
)
def test_the_brain_and_two_site_groups_progressing_is_systemic(text, more):
    assert_reads(text, {"brain_metastases": True, "progression": "systemic", **more})


# 3. the brain with sites and the rest controlled, two groups among them: never CNS-only, never oligoprogression
@pytest.mark.parametrize(
    "text",
    [
        "progression in brain, liver and bone, others stable",
        "progression in liver, brain and adrenal, rest stable",
        "new brain, liver and bone mets, rest stable",
    ],
)
def test_the_brain_among_sites_beside_the_rest_controlled_is_never_cns_only(text):
    assert_reads(text, {"brain_metastases": True, "progression": None})


# 4. the brain and one site, nothing said of the rest: the brain read, one site no pattern
@pytest.mark.parametrize(
    "text,more",
    [
        ("progression in liver and brain", {}),
        ("Progression at the adrenal gland and the brain.", {}),
        ("PD in pleura, brain", {}),
        ("new liver and brain mets", {}),
        ("brain (2 lesions) and liver progression", {"cns_lesions": "limited"}),
        ("new liver mets, new brain mets (x2)", {"cns_lesions": "limited"}),
    ],
)
def test_the_brain_and_one_site_progressing_reads_the_brain(text, more):
    assert_reads(text, {"brain_metastases": True, "progression": None, **more})


# 5. the meninges beside a site: never oligoprogression
def test_the_meninges_beside_a_site_are_never_oligoprogression():
    assert_reads("progression in liver and leptomeninges, rest stable", {"progression": None})


# 6. the brain said stable after a list a "new" heads: the liver's new, the brain's stable (it read CNS-only)
def test_the_brain_said_stable_after_new_liver_mets_is_not_progressing():
    assert_reads("new liver mets and brain mets stable, rest stable", {"progression": "oligoprogression"})


# 7. controls: the brain stable, known or treated beside the sites; the brain alone; the sites alone; denials,
# questions and plans
@pytest.mark.parametrize(
    "text,fields",
    [
        ("liver and bone PD, brain stable", {"progression": "systemic"}),
        ("progression in liver and bone, brain mets stable", {"progression": "systemic"}),
        ("progression in the liver; brain stable, others stable", {"progression": "oligoprogression"}),
        ("progression in liver; brain mets treated with SRS and stable; others stable",
         {"progression": "oligoprogression"}),
        ("progression in liver, known brain mets unchanged, others stable", {"progression": "oligoprogression"}),
        ("progression in brain, others stable", {"brain_metastases": True, "progression": "cns_only"}),
        ("PD in brain only (2 lesions), rest stable",
         {"brain_metastases": True, "cns_lesions": "limited", "progression": "cns_only"}),
        ("Intracranial-only progression: three new parenchymal lesions.", {"progression": "cns_only"}),
        ("progression in liver and bone, others stable", {"progression": "oligoprogression", "brain_metastases": None}),
        ("progression in liver, others stable", {"progression": "oligoprogression", "brain_metastases": None}),
        ("progression in liver and bone", {"progression": "systemic", "brain_metastases": None}),
        ("no progression in liver and brain", {"progression": None, "brain_metastases": None}),
        ("progression in liver, no brain progression, rest stable", {"progression": "oligoprogression"}),
        ("progression in liver and brain?", {"progression": None, "brain_metastases": None}),
        ("if there is progression in liver and brain, switch to lorlatinib",
         {"progression": None, "brain_metastases": None}),
    ],
)
def test_controls_keep_their_reading(text, fields):
    assert_reads(text, fields)
