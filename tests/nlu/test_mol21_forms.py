"""Forms of the secondary case fields with the lowest held-out recall (mol21, 2026-12-07), each with near-miss controls:

1. A strong CYP3A inhibitor the vocabulary already lists, named by its US brand (Biaxin clarithromycin, Sporanox
   itraconazole, Noxafil posaconazole, Vfend voriconazole, Norvir ritonavir, Kaletra lopinavir/ritonavir) or by the
   short name haematology and infection notes write with a dose, a use or after "on" ("vori 200 mg bd", "posa
   prophylaxis", "on itra"); carbamazepine (a strong inducer of drugs.yml) by its abbreviation CBZ. No drug is
   classified here that was not before: only other names of listed drugs.
2. A pregnancy or contraception field answered not applicable, no or n/a because the patient is a man ("Pregnancy:
   N/A (male)", "Contraception counselling - N/A, male", "Sex: M | Pregnancy: N/A"), and a pregnancy potential field
   answered no: not applicable. A bare "n/a" stays unread (not assessed).
3. A goals field answered comfort ("Goals: comfort now, family aware"), and "not for further SACT" / "not for further
   systemic anticancer therapy" (SACT: the UK's systemic anti-cancer therapy): goals of care comfort.
4. Chemotherapy placed in the past by a bracket holding its year or by the year after its verb ("chemo (carbo/pem,
   2023)", "chemotherapy (docetaxel) given 2023", "last chemotherapy (docetaxel) was in 2023"), or a pretreated
   setting ("platinum-pretreated"): prior chemotherapy.
5. A TKI stop told as a gerund after "after", "since" or "following" with a toxicity as its reason ("after stopping
   alectinib because of severe oedema"), and a toxicity with its CTCAE grade before "on"/"under" the TKI and a stop or
   switch after ("pneumonitis CTC grade 2 under brigatinib, switch to lorlatinib"): that TKI not tolerated.
"""

from __future__ import annotations

import pytest

from bot.nlu.extractor import extract_case


def _read(text: str) -> dict:
    return extract_case(text)


# ---- 1. strong CYP3A inhibitors by brand or short name; carbamazepine as CBZ ----------------------------------------
@pytest.mark.parametrize(
    ("text", "inhibitor"),
    [
        ("Medications: lorlatinib 100 mg, Biaxin 500 mg bid.", True),
        ("On Sporanox for aspergillosis.", True),
        ("Noxafil prophylaxis during induction.", True),
        ("Vfend 200 mg bid started for invasive aspergillosis.", True),
        ("HIV on Norvir-boosted darunavir.", True),
        ("HIV: Kaletra twice daily.", True),
        ("Started posa prophylaxis.", True),
        ("Currently on vori for aspergilloma.", True),
        ("Clari 500 bd for H. pylori eradication.", True),
        ("Meds: itra 200 mg bd.", True),
        # controls: stopped, an allergy, a question, another person, a general statement, a short name without a use
        ("Biaxin stopped last week.", False),
        ("Vfend was stopped on 11/20.", False),
        ("Allergies: Biaxin (rash).", False),
        ("Should we start posa prophylaxis?", None),
        ("Can he take vori with lorlatinib?", None),
        ("Her husband is on Sporanox.", None),
        ("Sporanox is a strong CYP3A inhibitor.", None),
        ("Posa is a word. Vori.", None),
    ],
)
def test_a_strong_inhibitor_by_brand_or_short_name(text, inhibitor):
    assert _read(text).get("strong_cyp3a_inhibitor") == inhibitor


@pytest.mark.parametrize(
    ("text", "inducer"),
    [
        ("On CBZ 200 mg bd.", True),
        ("Epilim and CBZ for epilepsy.", True),
        # controls: switched, another person, a question
        ("CBZ was switched to levetiracetam in May.", False),
        ("CBZ stopped last year.", False),
        ("Her mother takes CBZ.", None),
        ("Is CBZ a problem with lorlatinib?", None),
    ],
)
def test_carbamazepine_as_cbz(text, inducer):
    assert _read(text).get("strong_cyp3a_inducer") == inducer


def test_cbz_with_its_switch_agreed_is_stoppable():
    case = _read("On CBZ; neurology happy to switch to levetiracetam.")
    assert case.get("strong_cyp3a_inducer") is True
    assert case.get("cyp3a_inducer_stoppable") is True


# ---- 2. a pregnancy field not applicable to a man; a pregnancy potential field answered no ---------------------------
@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Pregnancy: N/A (male).", "not_applicable"),
        ("Contraception counselling - N/A, male", "not_applicable"),
        ("Patient is pregnant? No. Male, 61.", "not_applicable"),
        ("Sex: M | Pregnancy: N/A", "not_applicable"),
        ("Sex: male. Pregnancy: no.", "not_applicable"),
        ("Pregnancy potential: No", "not_applicable"),
        # controls: a bare n/a or no (not assessed), a woman, a field not answered, a question
        ("Pregnancy: N/A", None),
        ("Pregnancy: no.", None),
        ("Pregnancy: N/A, she is 75.", None),
        ("Sex: F | Pregnancy: N/A", None),
        ("Contraception: not discussed.", None),
        ("Contraception: discussed, male patient.", None),
        ("Is she pregnant?", None),
        ("Childbearing potential: yes", "childbearing_potential"),
    ],
)
def test_a_pregnancy_field_not_applicable_to_a_man(text, status):
    assert _read(text).get("pregnancy_status") == status


# ---- 3. a goals field answered comfort; not for further SACT -------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "goals"),
    [
        ("Goals: comfort.", "comfort"),
        ("goals: comfort now, family aware", "comfort"),
        ("Goals: comfort, discontinue treatment.", "comfort"),
        ("Not for further SACT; refer to community palliative care.", "comfort"),
        ("MDT outcome: Not for further SACT. DNACPR discussed and agreed.", "comfort"),
        ("Not for further systemic anticancer therapy.", "comfort"),
        ("No further SACT.", "comfort"),
        # controls: comfort weighed or undecided, beside treatment, a question, held for a time, a relative's goal
        ("Goals: comfort vs further treatment to be discussed.", None),
        ("Goals: comfort or treatment - to be decided with family.", None),
        ("Goals: comfort?", None),
        ("Goals: comfort and continue lorlatinib.", "disease_directed"),
        ("Not for further SACT until she recovers from the infection.", None),
        ("Is she for further SACT?", None),
        ("Family goals: comfort.", None),
        ("DNACPR in place.", None),
    ],
)
def test_a_goals_field_answered_comfort_and_no_further_sact(text, goals):
    assert _read(text).get("goals_of_care") == goals


# ---- 4. chemotherapy placed in the past by its bracket or its year -------------------------------------------------
@pytest.mark.parametrize(
    ("text", "chemo"),
    [
        ("Second-line chemotherapy (docetaxel) given 2023.", True),
        ("Chemotherapy twice (2022, 2024).", True),
        ("Alectinib (2021-23) -> chemo (carbo/pem, 2023) -> lorlatinib (2024-now).", True),
        ("Last chemotherapy (docetaxel) was in 2023.", True),
        ("Washout not needed - last chemotherapy (docetaxel) was 2023; current therapy is lorlatinib only.", True),
        ("Platinum-pretreated.", True),
        ("Platinum-refractory disease.", True),
        # controls: planned, proposed, asked, declined, another person, another organ's cancer of a relative
        ("Chemo (planned 01/2026) if progression.", None),
        ("Chemotherapy (carbo/pem, 2026) proposed at MDT.", None),
        ("Chemo (2023)?", None),
        ("Was chemotherapy given in 2023?", None),
        ("Chemotherapy (docetaxel) declined in 2024.", None),
        ("Her mother had chemo (2019).", None),
        ("Platinum-resistant ovarian cancer in her sister.", None),
    ],
)
def test_chemotherapy_placed_in_the_past(text, chemo):
    assert _read(text).get("prior_chemotherapy") == chemo


# ---- 5. a TKI stop as a gerund with a toxicity; a graded toxicity under a TKI then a switch -------------------------
@pytest.mark.parametrize(
    ("text", "intolerant"),
    [
        (
            "She continues on brigatinib, which she started 2 years ago after stopping alectinib because of "
            "severe oedema.",
            ["alectinib"],
        ),
        ("Since discontinuing crizotinib for grade 3 transaminitis, she has been on alectinib.", ["crizotinib"]),
        ("Status post pneumonitis CTC grade 2 under Brigatinib 2022, switch to Lorlatinib.", ["brigatinib"]),
        ("Pneumonitis grade 3 on brigatinib, drug discontinued.", ["brigatinib"]),
        # controls: a stop for progression, a stop considered or advised against, another person's drug, no stop
        ("After stopping alectinib for progression, she started lorlatinib.", None),
        ("We are considering stopping alectinib because of the oedema.", None),
        ("Stopping alectinib because of oedema is not advised.", None),
        ("Her husband felt better after stopping his statin because of myalgia. She is on alectinib.", None),
        ("Pneumonitis grade 1 on brigatinib, continued.", None),
    ],
)
def test_a_tki_stopped_for_toxicity_as_a_gerund_or_under_a_graded_toxicity(text, intolerant):
    assert _read(text).get("intolerant_tkis") == intolerant


@pytest.mark.parametrize(
    "text",
    [
        "Docetaxel (since 10/2025), stable disease.",
        "Carboplatin/pemetrexed (ongoing since 09/2025).",
        "2L: carboplatin/pemetrexed (C1 15/09/2025, C4 given 17/11/2025), ongoing.",
        "Last dose of docetaxel 2 weeks ago, next cycle due Friday.",
    ],
)
def test_chemotherapy_that_goes_on_stays_the_current_therapy(text):
    case = _read(text)
    assert case.get("prior_chemotherapy") is True
    assert case.get("current_therapy") == "chemotherapy"
