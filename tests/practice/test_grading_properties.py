"""What must hold for every bank case and every phrasing of an answer, stated as properties (hypothesis).

The strategies are built from the case bank (bot/practice/cases/: each case's engine answer, its preferred,
alternative and avoid lists) and the knowledge base (bot/knowledge/drugs.yml through the extractor's vocabulary:
generic names, brands, misspellings and ward shorthand of the ALK TKIs), plus a hand-written table of how trainees
write the other regimens (each checked to be read as that regimen). The grades follow from grading.py's rubric:
a therapy the engine lists under avoid is 'harmful', its preferred therapy 'preferred'. Then a hand-made table of
answers whose expected grade is stated, reasoned from the engine's answer for that case.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from bot import knowledge
from bot.nlu import extractor, vocabulary
from bot.practice import bank, grading

P, A, W, H = "preferred", "acceptable", "wrong", "harmful"
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# How trainees write the regimens that are not ALK TKIs; acronyms read only with their case ('EP') marked True.
WRITTEN = {
    "platinum_pemetrexed": ["carboplatin-pemetrexed", "carbo/pem", "cisplatin and pemetrexed", "pem/carbo",
                            "pemetrexed plus carboplatin", "Alimta"],
    "platinum_paclitaxel": ["carboplatin-paclitaxel", "carbo/taxol", "paclitaxel and carboplatin"],
    "platinum_etoposide": ["carboplatin-etoposide", "cisplatin/etoposide", "etoposide-carboplatin", ("EP", True)],
    "abcp": ["atezolizumab, bevacizumab, carboplatin and paclitaxel", "the IMpower150 regimen", "ABCP"],
    "pd1_pdl1_monotherapy": ["pembrolizumab", "nivolumab alone", "Keytruda", "single-agent immunotherapy",
                             "pembro monotherapy", "atezolizumab"],
    "egfr_tki": ["osimertinib", "Tagrisso", "erlotinib", "an EGFR TKI"],
    "kras_inhibitor_monotherapy": ["sotorasib", "adagrasib", "a KRAS G12C inhibitor alone"],
    "best_supportive_care": ["best supportive care", "hospice", "comfort care"],
    "local_therapy_continue_tki": ["stereotactic radiosurgery", "local ablative therapy", "SBRT", "srs"],
    "clinical_trial": ["a clinical trial", "neladalkib", "NVL-655"],
    "molecular_tumor_board": ["the molecular tumour board", "MTB", "mdt"],
    "alk_tki_plus_met_inhibitor": ["lorlatinib plus capmatinib", "dual ALK/MET inhibition"],
    "continue_current_therapy": ["continue the current TKI", "stay on the current TKI"],
}


def _written() -> dict[str, list[tuple[str, bool]]]:
    """therapy id -> [(how it is written, whether it is an acronym)]: the table above and every TKI name."""
    kb = knowledge.default()
    out = {t: [w if isinstance(w, tuple) else (w, False) for w in ws] for t, ws in WRITTEN.items()}
    tki = {r.drug: rid for rid, r in kb.regimens.items() if r.kind == "alk_tki" and r.drug}
    for name in vocabulary.table(kb)["names"]:
        if name["label"] == "tki" and name["id"] in tki:
            out.setdefault(tki[name["id"]], []).append((name["pattern"], False))
    return out


NAMES = _written()
CASES = [c.id for c in bank.cases()]


def _ids(rec, key):
    return [o["therapy"] for o in rec[key]]


def _writable(ids):
    return [t for t in ids if t in NAMES]


def name_of(therapy: str):
    return st.sampled_from(NAMES[therapy])


# ---- the therapy table itself ------------------------------------------------------------------------------------

@pytest.mark.parametrize("therapy, written", [(t, w) for t, ws in NAMES.items() for w, _ in ws])
def test_each_way_of_writing_a_therapy_is_read_as_it(therapy, written):
    assert extractor.therapy_choice(written).therapy == therapy


# ---- an avoided therapy, however it is worded, is harmful --------------------------------------------------------

CHOOSE = [
    "{x}", "I'd give {x}", "I would give {x}", "switch to {x}", "{x} because of the findings in this case",
    "start {x} now", "my choice is {x}", "I'd go with {x}", "{x} next", "treat with {x}", "{x} is the best option",
    "Answer: {x}", "{x} for this patient", "I'd recommend {x}", "{x}, I think",
]
AGAINST_PREFERRED = [
    "{x}, not {p}", "{x} rather than {p}", "{x} instead of {p}", "avoid {p}; {x}", "not {p} but {x}",
    "{x}; {p} would be wrong here", "{p}? No, {x}", "{p} or {x}", "{x} or {p}", "{p} is too toxic, so {x}",
    "since {p} is too toxic, {x}", "I considered {p} but would give {x}", "{p} at progression, {x} now",
    # the avoided therapy offered as an alternative to the preferred one's phrase (its dose, schedule, site)
    "either {p} or {x}", "{p} at the usual dose or {x}", "{p} versus {x}", "{p} alone, or {x}",
    "{p} or alternatively {x}", "I'd go with {p} or maybe {x}",
]


@st.composite
def avoided_answers(draw, with_preferred: bool):
    case_id = draw(st.sampled_from(CASES))
    rec = bank.expected(case_id)
    avoided = _writable(_ids(rec, "avoid"))
    preferred = _writable(_ids(rec, "preferred"))
    if not avoided or (with_preferred and not preferred):
        return None
    x = draw(name_of(draw(st.sampled_from(avoided))))[0]
    if not with_preferred:
        return case_id, draw(st.sampled_from(CHOOSE)).format(x=x)
    p = draw(name_of(draw(st.sampled_from(preferred))))[0]
    return case_id, draw(st.sampled_from(AGAINST_PREFERRED)).format(x=x, p=p)


@SETTINGS
@given(avoided_answers(with_preferred=False))
def test_an_answer_choosing_only_an_avoided_therapy_is_harmful(drawn):
    if drawn is None:
        return
    case_id, answer = drawn
    g = grading.grade(case_id, answer)
    assert g.therapy_grade == H, (case_id, answer, g.chosen_therapy)
    assert g.score == 0.0


@SETTINGS
@given(avoided_answers(with_preferred=True))
def test_an_avoided_therapy_beside_or_against_the_preferred_one_is_harmful(drawn):
    if drawn is None:
        return
    case_id, answer = drawn
    g = grading.grade(case_id, answer)
    assert g.therapy_grade == H, (case_id, answer, g.chosen_therapy)


@pytest.mark.parametrize("case_id", CASES)
def test_every_avoided_therapy_of_every_case_is_harmful_by_each_of_its_names(case_id):
    rec = bank.expected(case_id)
    for therapy in _writable(_ids(rec, "avoid")):
        for written, _ in NAMES[therapy]:
            g = grading.grade(case_id, f"I'd give {written}")
            assert g.therapy_grade == H, (therapy, written, g.chosen_therapy)


# ---- the preferred therapy chosen while rejecting an avoided one is preferred ------------------------------------

REJECTING = [
    "{p}; avoid {x}", "{p}, not {x}", "{p} rather than {x}", "{p} instead of {x}", "I'd give {p} and avoid {x}",
    "not {x}: {p}", "{p}; {x} would be wrong here", "avoid {x}. {p}.", "{p}, no {x}", "{p}; I wouldn't give {x}",
    "Preferred: {p}. Avoid: {x}.", "{p}, better than {x}", "{p}, unlike {x}", "{p}; {x} lacks activity here",
    "{p}. This mutation confers resistance to {x}.", "{p} because {x} would not help", "{p}; {x} has no role",
]


@st.composite
def preferred_rejecting(draw):
    case_id = draw(st.sampled_from(CASES))
    rec = bank.expected(case_id)
    avoided, preferred = _writable(_ids(rec, "avoid")), _writable(_ids(rec, "preferred"))
    if not avoided or not preferred:
        return None
    p = draw(name_of(draw(st.sampled_from(preferred))))[0]
    x = draw(name_of(draw(st.sampled_from(avoided))))[0]
    return case_id, draw(st.sampled_from(REJECTING)).format(p=p, x=x)


@SETTINGS
@given(preferred_rejecting())
def test_the_preferred_therapy_rejecting_an_avoided_one_is_preferred(drawn):
    if drawn is None:
        return
    case_id, answer = drawn
    g = grading.grade(case_id, answer)
    assert g.therapy_grade == P, (case_id, answer, g.chosen_therapy, g.rejected_therapies)


# ---- a therapy named as given before, or for later, is not the choice --------------------------------------------

ASIDE = [
    "after {q}, {c}", "{c} after progression on {q}", "{c}; {q} if it progresses", "{c}, keeping {q} for later",
    "{c}; {q} at the next progression", "{c} now, {q} later", "following {q}, {c}", "{c}, {q} as a fallback",
    "{c}; if not tolerated, {q}", "{c}, then {q}", "{c}; {q} if that fails", "Previously: {q}. Now: {c}.",
]


@st.composite
def answers_with_aside(draw):
    case_id = draw(st.sampled_from(CASES))
    rec = bank.expected(case_id)
    preferred, avoided = _writable(_ids(rec, "preferred")), _writable(_ids(rec, "avoid"))
    chosen_grade = draw(st.sampled_from([P, H]))
    pool = preferred if chosen_grade == P else avoided
    if not pool:
        return None
    c = draw(name_of(draw(st.sampled_from(pool))))[0]
    other = [t for t in NAMES if t != "continue_current_therapy" and t not in pool]
    q = draw(name_of(draw(st.sampled_from(other))))[0]
    return case_id, draw(st.sampled_from(ASIDE)).format(c=c, q=q), chosen_grade


@SETTINGS
@given(answers_with_aside())
def test_a_prior_or_conditional_therapy_never_becomes_the_choice(drawn):
    if drawn is None:
        return
    case_id, answer, expected = drawn
    g = grading.grade(case_id, answer)
    assert g.therapy_grade == expected, (case_id, answer, g.chosen_therapy)


# ---- the grade does not depend on how the answer is typed --------------------------------------------------------

@st.composite
def any_answer(draw):
    case_id = draw(st.sampled_from(CASES))
    therapies = sorted(NAMES)
    x, x_acronym = draw(name_of(draw(st.sampled_from(therapies))))
    y, y_acronym = draw(name_of(draw(st.sampled_from(therapies))))
    template = draw(st.sampled_from(CHOOSE + AGAINST_PREFERRED + REJECTING + ASIDE))
    answer = template.format(x=x, p=y, c=x, q=y)
    return case_id, answer, x_acronym or y_acronym


def _variants(answer: str, acronyms: bool) -> list[str]:
    spaced = answer.replace(" ", "  ")
    out = [
        answer.upper(),
        f"  {answer}\t ",
        spaced,
        answer.replace("'", "\u2019"),
        answer.rstrip(".") + ".",
        answer.rstrip("."),
        answer.rstrip(".") + "?",  # a trainee unsure of the answer still answers
    ]
    if not acronyms:  # acronyms ('EP', 'MTB') are read with their case, so 'ep' is not etoposide
        out += [answer.lower(), answer.title()]
    return out


@SETTINGS
@given(any_answer())
def test_the_grade_does_not_depend_on_case_spacing_apostrophes_or_final_punctuation(drawn):
    case_id, answer, acronyms = drawn
    base = grading.grade(case_id, answer)
    for variant in _variants(answer, acronyms):
        g = grading.grade(case_id, variant)
        assert (g.therapy_grade, g.chosen_therapy) == (base.therapy_grade, base.chosen_therapy), (answer, variant)


# ---- hand-made answers, the grade reasoned from the engine's answer for the case ---------------------------------

# case, answer, expected grade. The engine's answer for each case (printed from bank.expected):
#  ONT01 (G1202R after alectinib): preferred lorlatinib; alternatives platinum-pemetrexed, ABCP; avoid crizotinib,
#        ceritinib, alectinib, brigatinib, PD-(L)1 alone, EGFR TKI.
#  ONT03 (I1171T): preferred lorlatinib; alternatives chemo, ABCP, ceritinib, brigatinib; avoid crizotinib, alectinib.
#  MOD01 (squamous): preferred lorlatinib; alternative carboplatin-paclitaxel; avoid pemetrexed regimens and ABCP.
#  TRF04 (small-cell, ECOG 3): preferred platinum-etoposide; alternative BSC; avoid every other chemo, ABCP.
#  PS02 (ECOG 4): preferred best supportive care; avoid every chemotherapy.
#  CNS01 (limited CNS): preferred local therapy continuing the TKI; alternative lorlatinib.
#  BYP01 (MET amplification): preferred ALK TKI + MET inhibitor; alternatives trial, chemo, ABCP, lorlatinib.
#  BYP03 (KRAS G12C): preferred platinum-pemetrexed; alternatives ABCP, trial, lorlatinib; avoid KRAS inhibitor alone.
#  CMP01 (compound): preferred trial; alternatives chemo, ABCP, MTB; avoid every ALK TKI incl. lorlatinib.
#  MOD09: preferred lorlatinib; alternatives brigatinib, ensartinib, ceritinib; avoid alectinib.
#  PRG03 (indolent): preferred continue current therapy; alternative lorlatinib.
#  SCP03 (after crizotinib only): preferred alectinib, brigatinib, ceritinib; alternative lorlatinib.
HAND = [
    ("ONT01", "brigatinib, not lorlatinib", H),
    ("ONT01", "lorlatinib; avoid brigatinib", P),
    ("ONT01", "lorlatinib? no, brigatinib", H),
    ("ONT01", "since lorlatinib is too toxic, brigatinib", H),
    ("ONT01", "lorlatinib or brigatinib", H),
    ("ONT01", "I considered lorlatinib but would give brigatinib", H),
    ("ONT01", "after alectinib, lorlatinib", P),
    ("ONT01", "lorlatinib because brigatinib has no activity against G1202R", P),
    ("ONT01", "Lorbrena, then chemo at the next progression", P),
    ("ONT01", "lorlatinib, then carboplatin-pemetrexed", P),
    ("ONT01", "carbo/pem, lorlatinib if it progresses", A),
    ("ONT01", "  LORLATINIB  ", P),
    ("ONT01", "I’d give Alunbrig", H),
    ("ONT03", "brigatinib, not crizotinib", A),
    ("ONT03", "ceritinib or lorlatinib", A),
    ("ONT03", "lorlatinib or crizotinib", H),
    ("ONT03", "after alectinib and crizotinib, lorlatinib", P),
    ("MOD01", "carboplatin, pemetrexed", H),
    ("MOD01", "carboplatin and paclitaxel, not pemetrexed", A),
    ("MOD01", "platinum doublet with pemetrexed", H),
    ("MOD01", "chemo", A),
    ("MOD01", "lorlatinib; carboplatin-paclitaxel later", P),
    ("TRF04", "pem/carbo", H),
    ("TRF04", "paclitaxel and carboplatin", H),
    ("TRF04", "carboplatin, etoposide", P),
    ("TRF04", "etoposide/carboplatin", P),
    ("TRF04", "carboplatin-based chemo with paclitaxel", H),
    ("TRF04", "carboplatin-etoposide, no pemetrexed", P),
    ("PS02", "best supportive care, no chemo", P),
    ("PS02", "chemo, not best supportive care", H),
    ("PS02", "hospice or chemo", H),
    ("CNS01", "SRS and continue alectinib", P),
    ("CNS01", "stereotactic radiosurgery; avoid pembrolizumab", P),
    ("CNS01", "lorlatinib, not SRS", A),
    ("CNS01", "SRS or WBRT", A),
    ("CNS01", "SRS rather than WBRT", P),
    ("BYP01", "lorlatinib plus capmatinib", P),
    ("BYP01", "lorlatinib plus capmatinib or osimertinib", H),
    ("BYP03", "carbo/pem; sotorasib at the next progression", P),
    ("BYP03", "sotorasib, then carboplatin-pemetrexed", H),
    ("CMP01", "a clinical trial, not lorlatinib", P),
    ("CMP01", "lorlatinib rather than a trial", H),
    ("CMP01", "a 3rd generation TKI", H),
    ("MOD09", "a second-generation TKI", A),
    ("MOD09", "2nd gen TKI or alectinib", H),
    ("PRG03", "continue alectinib and keep scanning", P),
    ("PRG03", "continue the current TKI; lorlatinib at progression", P),
    ("SCP03", "alectinib after crizotinib", P),
    ("SCP03", "lorlatinib, not alectinib", A),
    ("ONT01", "Preferred: lorlatinib. Avoid: brigatinib.", P),
    ("ONT01", "Lorlatinib. G1202R confers resistance to alectinib and brigatinib.", P),
    ("ONT01", "lorlatinib; if not tolerated, brigatinib", P),
    ("ONT01", "lorlatinib / brigatinib", H),
    ("BYP01", "lorlatinib + capmatinib; osimertinib is irrelevant", P),
    ("PS02", "hospice; chemo would harm her", P),
    ("TRF01", "EP; lorlatinib alone would not treat the small-cell clone", P),
    # chemotherapy with a PD-1 drug is not PD-1 monotherapy; with atezolizumab-bevacizumab it is ABCP
    ("BYP03", "carboplatin-pemetrexed plus pembrolizumab", P),
    ("BYP03", "carboplatin-pemetrexed or pembrolizumab", H),
    ("MOD01", "carboplatin-paclitaxel-bevacizumab-atezolizumab", H),
    ("MOD01", "carboplatin, paclitaxel, atezolizumab and bevacizumab", H),
    ("ONT01", "chemo plus pembrolizumab", A),
    # the drugs to avoid talked about in the explanation of a right answer
    ("ONT01", "Switch to lorlatinib; G1202R confers resistance to 2nd generation TKIs including brigatinib", P),
    ("ONT01", "Lorlatinib 100 mg daily. Don't rechallenge alectinib or try brigatinib.", P),
    ("MOD01", "Lorlatinib. Squamous so pemetrexed and bevacizumab (ABCP) are out.", P),
    ("CMP01", "Clinical trial (e.g. NVL-655) - the compound mutation makes lorlatinib unlikely to work", P),
]


@pytest.mark.parametrize("case_id, answer, expected", HAND, ids=[f"{c}:{a[:40]}" for c, a, _ in HAND])
def test_hand_made_answers(case_id, answer, expected):
    g = grading.grade(case_id, answer)
    assert g.therapy_grade == expected, (g.chosen_therapy, g.rejected_therapies)


def test_hand_made_table_spans_cases_and_grades():
    assert len(HAND) >= 40 and len({c for c, _, _ in HAND}) >= 10 and {g for _, _, g in HAND} == {P, A, H}


# ---- the preferred therapy, however it is worded, is preferred ----------------------------------------------------

@st.composite
def preferred_answers(draw):
    case_id = draw(st.sampled_from(CASES))
    preferred = _writable(_ids(bank.expected(case_id), "preferred"))
    if not preferred:
        return None
    p = draw(name_of(draw(st.sampled_from(preferred))))[0]
    return case_id, draw(st.sampled_from(CHOOSE)).format(x=p)


@SETTINGS
@given(preferred_answers())
def test_an_answer_choosing_the_preferred_therapy_is_preferred(drawn):
    if drawn is None:
        return
    case_id, answer = drawn
    g = grading.grade(case_id, answer)
    assert g.therapy_grade == P, (case_id, answer, g.chosen_therapy)
