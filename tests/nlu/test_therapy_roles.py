"""The therapy-role reader (bot/nlu/therapies.py, `extractor.therapy_choice`): which therapy a free text chooses,
which it rejects, which it names as already given and which as a fallback. The practice grader reads a trainee's
answer with it; the question reader uses its therapy table (tests/actions cover the questions)."""
from __future__ import annotations

import pytest
import yaml

from bot.nlu import extractor, models, questions, therapies, vocabulary
from bot.nlu.therapies import CHOSEN, CONDITIONAL, PRIOR, REJECTED


def roles(text: str) -> dict[str, str]:
    """therapy -> role, for the therapies named once in ``text``."""
    return {m.value: m.role for m in extractor.therapy_choice(text).mentions}


# ---- moved from tests/practice/test_reading.py with the reading itself ------------------------------------------

# text, chosen therapy, therapies read as rejected, therapies read as already given
CHOICES = [
    ("after alectinib and brigatinib, lorlatinib", "lorlatinib", [], ["alectinib", "brigatinib"]),
    ("switch from alectinib to lorlatinib", "lorlatinib", [], ["alectinib"]),
    ("progressed on Alecensa; Lorbrena next", "lorlatinib", [], ["alectinib"]),
    ("alectinib-refractory disease: lorlatinib", "lorlatinib", [], ["alectinib"]),
    ("no chemo, lorlatinib", "lorlatinib", ["chemotherapy"], []),
    ("avoid brigatinib, ceritinib and alectinib; lorlatinib is the answer", "lorlatinib",
     ["brigatinib", "ceritinib", "alectinib"], []),
    ("Avoid crizotinib/ceritinib/alectinib/brigatinib. Lorlatinib.", "lorlatinib",
     ["crizotinib", "ceritinib", "alectinib", "brigatinib"], []),
    ("brigatinib would be wrong here, lorlatinib", "lorlatinib", ["brigatinib"], []),
    ("lorlatinib rather than chemo or brigatinib", "lorlatinib", ["chemotherapy", "brigatinib"], []),
    ("I wouldn't give pembrolizumab; lorlatinib", "lorlatinib", ["pd1_pdl1_monotherapy"], []),
    ("Don't use osimertinib", None, ["egfr_tki"], []),
    ("no role for immunotherapy. Lorlatinib.", "lorlatinib", ["pd1_pdl1_monotherapy"], []),
    ("hold alectinib and give lorlatinib", "lorlatinib", ["alectinib"], []),
    ("stop rifampicin, then lorlatinib", "lorlatinib", [], []),
    ("lorlatinib; keep chemo for later", "lorlatinib", [], []),
    ("chemo if lorlatinib isn't available", "chemotherapy", [], []),
    ("maybe a trial, otherwise carbo/pem", "clinical_trial", [], []),
    ("carbo/pem +/- bev or ABCP", "platinum_pemetrexed", [], []),
    ("cisplatin-pemetrexed", "platinum_pemetrexed", [], []),
    ("carboplatin with paclitaxel", "platinum_paclitaxel", [], []),
    ("SRS, then continue alectinib", "local_therapy_continue_tki", [], []),
    ("WBRT and continue alectinib", "whole_brain_rt", [], []),  # not radiosurgery: its own therapy word
    ("whole-brain RT, keep going with alectinib", "whole_brain_rt", [], []),
    ("SRS and continue alectinib, not whole brain radiotherapy", "local_therapy_continue_tki", ["whole_brain_rt"], []),
    ("I'd give lorla", "lorlatinib", [], []),
    ("alectanib", "alectinib", [], []),
    ("Xalkori", "crizotinib", [], []),
    ("NVL-655", "clinical_trial", [], []),
    ("refer to the molecular tumor board", "molecular_tumor_board", [], []),
    ("palliative care only", "best_supportive_care", [], []),
    ("continue current therapy with short-interval imaging", "continue_current_therapy", [], []),
    ("single-agent immunotherapy", "pd1_pdl1_monotherapy", [], []),
    ("the step was right", None, [], []),
]


@pytest.mark.parametrize("text, chosen, rejected, prior", CHOICES, ids=[c[0][:40] for c in CHOICES])
def test_therapy_reading(text, chosen, rejected, prior):
    choice = extractor.therapy_choice(text)
    assert choice.therapy == chosen, [(m.value, m.role) for m in choice.mentions]
    assert set(rejected) <= set(choice.rejected())
    assert set(prior) <= set(choice.prior())


def test_every_kb_tki_spelling_is_understood():
    kb = therapies.load().kb
    for rid, regimen in kb.regimens.items():
        if regimen.kind == "alk_tki":
            drug = kb.drugs[regimen.drug]
            for spelling in (drug.name, *drug.brands, *drug.misspellings):
                assert extractor.therapy_choice(f"I would give {spelling}").therapy == rid, spelling


def test_a_broken_therapy_table_fails_naming_the_entry():
    raw, kb = therapies.phrases(), therapies.load().kb
    table = vocabulary.table(kb)
    with pytest.raises(ValueError, match="therapies.radiowaves"):
        therapies.TherapyReader(dict(raw, therapies={"radiowaves": ["x"]}), kb, table)
    with pytest.raises(ValueError, match="merges"):
        therapies.TherapyReader(dict(raw, merges=[{"when_all": ["kind:magic"], "becomes": "lorlatinib"}]), kb, table)
    with pytest.raises(ValueError, match="families.chemotherapy"):
        therapies.TherapyReader(dict(raw, families={"chemotherapy": ["chemo_of_the_future"]}), kb, table)
    with pytest.raises(ValueError, match="combinations.abcp"):
        therapies.TherapyReader(dict(raw, combinations={"abcp": ["chemo_of_the_future"]}), kb, table)


@pytest.mark.parametrize("change, says", [
    (lambda d: d["therapies"].update(abcp="abcp"), "therapies: 'abcp': value is not a valid list"),
    (lambda d: d.update(therapys={}), "unknown key 'therapys'"),
    (lambda d: d["merges"][0].pop("becomes"), "merges[0]: 'becomes' is required"),
])
def test_a_malformed_therapy_table_names_the_file_and_entry(change, says):
    raw = yaml.safe_load(therapies.THERAPY_PHRASES_FILE.read_text(encoding="utf-8"))
    models.checked_therapies(raw)  # the project's table has the right shape
    change(raw)
    with pytest.raises(ValueError) as err:
        models.checked_therapies(raw)
    assert str(err.value).startswith("bot/nlu/therapy_phrases.yml: ") and says in str(err.value), str(err.value)


@pytest.mark.parametrize("section", ["prior", "fallback", "therapy_clause", "rejected", "preferred"])
def test_the_role_cues_are_required_of_the_phrase_file(section):
    raw = yaml.safe_load(vocabulary.PHRASES_FILE.read_text(encoding="utf-8"))
    raw.pop(section)
    with pytest.raises(ValueError, match=f"'{section}' is required"):
        models.checked(raw)


# ---- the roles, several phrasings each ----------------------------------------------------------------------------

CHOSEN_PHRASINGS = [
    ("lorlatinib", "lorlatinib"),
    ("I'd go with lorlatinib", "lorlatinib"),
    ("switch to Lorbrena", "lorlatinib"),
    ("my choice: brigatinib", "brigatinib"),
    ("I would prefer carboplatin-pemetrexed", "platinum_pemetrexed"),
    ("start lorlatinib now", "lorlatinib"),
    ("refer to the tumour board", "molecular_tumor_board"),
    ("lorlatinib is the preferred option", "lorlatinib"),
    ("not sure, but lorlatinib", "lorlatinib"),  # 'not sure' is no denial
]


@pytest.mark.parametrize("text, therapy", CHOSEN_PHRASINGS, ids=[c[0] for c in CHOSEN_PHRASINGS])
def test_a_therapy_chosen(text, therapy):
    assert roles(text).get(therapy) == CHOSEN, roles(text)
    assert extractor.therapy_choice(text).therapy == therapy


REJECTED_PHRASINGS = [
    ("I'd avoid brigatinib and ceritinib", ["brigatinib", "ceritinib"]),
    ("avoid brigatinib, ceritinib or alectinib", ["brigatinib", "ceritinib", "alectinib"]),
    ("not crizotinib", ["crizotinib"]),
    ("no chemo", ["chemotherapy"]),
    ("never immunotherapy", ["pd1_pdl1_monotherapy"]),
    ("chemo is contraindicated", ["chemotherapy"]),
    ("brigatinib would be a bad idea", ["brigatinib"]),
    ("I wouldn't give ceritinib", ["ceritinib"]),
    ("don't continue alectinib", ["continue_current_therapy"]),
    ("instead of chemo", ["chemotherapy"]),
    ("brigatinib won't work with G1202R", ["brigatinib"]),
    ("steer clear of pembrolizumab", ["pd1_pdl1_monotherapy"]),
]


@pytest.mark.parametrize("text, rejected", REJECTED_PHRASINGS, ids=[r[0] for r in REJECTED_PHRASINGS])
def test_a_therapy_rejected(text, rejected):
    choice = extractor.therapy_choice(text)
    assert choice.rejected() == rejected, roles(text)
    assert choice.therapy is None  # nothing rejected is ever the choice


PRIOR_PHRASINGS = [
    ("after alectinib", "alectinib"),
    ("post-alectinib", "alectinib"),
    ("following brigatinib", "brigatinib"),
    ("progressed on Alunbrig", "brigatinib"),
    ("failed ceritinib", "ceritinib"),
    ("already had crizotinib", "crizotinib"),
    ("alectinib-refractory", "alectinib"),
    ("crizotinib for 14 months", "crizotinib"),
    ("switched from alectinib", "alectinib"),
    ("brigatinib was tried", "brigatinib"),
]


@pytest.mark.parametrize("text, therapy", PRIOR_PHRASINGS, ids=[p[0] for p in PRIOR_PHRASINGS])
def test_a_therapy_already_given(text, therapy):
    assert roles(f"{text}, lorlatinib") == {therapy: PRIOR, "lorlatinib": CHOSEN}
    assert extractor.therapy_choice(f"{text}, lorlatinib").prior() == [therapy]


CONDITIONAL_PHRASINGS = [
    ("chemo if it progresses", "chemotherapy"),
    ("carbo/pem if lorlatinib fails", "platinum_pemetrexed"),
    ("keep chemo for later", "chemotherapy"),
    ("chemo at next progression", "chemotherapy"),
    ("a trial as a fallback", "clinical_trial"),
    ("if the brain progresses, SRS", "local_therapy_continue_tki"),
    ("unless there is a trial", "clinical_trial"),
]


@pytest.mark.parametrize("text, therapy", CONDITIONAL_PHRASINGS, ids=[c[0] for c in CONDITIONAL_PHRASINGS])
def test_a_therapy_as_a_fallback(text, therapy):
    assert roles(text)[therapy] == CONDITIONAL, roles(text)
    # a fallback is the choice only when nothing is chosen outright
    assert extractor.therapy_choice(text).therapy == therapy
    assert extractor.therapy_choice(f"lorlatinib; {text}").therapy == "lorlatinib"
    assert roles(f"lorlatinib; {text}")[therapy] == CONDITIONAL


def test_one_answer_with_every_role():
    text = "After alectinib I'd give lorlatinib for the G1202R; avoid brigatinib and ceritinib; chemo if it progresses"
    assert roles(text) == {"alectinib": PRIOR, "lorlatinib": CHOSEN, "brigatinib": REJECTED, "ceritinib": REJECTED,
                           "chemotherapy": CONDITIONAL}
    assert [m.text for m in extractor.therapy_choice(text).mentions] == [
        "alectinib", "lorlatinib", "brigatinib", "ceritinib", "chemo"]


def test_a_denial_covers_its_list_and_no_further():
    assert roles("no chemo or immunotherapy, lorlatinib") == {
        "chemotherapy": REJECTED, "pd1_pdl1_monotherapy": REJECTED, "lorlatinib": CHOSEN}
    assert roles("not brigatinib but lorlatinib") == {"brigatinib": REJECTED, "lorlatinib": CHOSEN}


# ---- the question reader shares the table -------------------------------------------------------------------------

@pytest.mark.parametrize("text, ids", [
    ("what about carboplatin and etoposide?", {"platinum_etoposide"}),
    ("is SRS an option?", {"local_therapy_continue_tki"}),
    ("would ABCP be better?", {"abcp"}),
    ("what about a clinical trial", {"clinical_trial"}),
    ("can we add capmatinib?", {"alk_tki_plus_met_inhibitor"}),
])
def test_questions_read_therapies_with_the_same_table(text, ids):  # (no combined regimen contains these)
    named = questions.therapies_named(text)
    assert {t for _, words in named for t in words} == ids, named
    reader_values = {m.value for m in extractor.therapy_choice(text).mentions}
    assert {t for v in reader_values for t in therapies.load().families.get(v, (v,))} == ids


@pytest.mark.parametrize("text, received", [
    ("what if it was brigatinib?", True),
    ("can lorlatinib be used after brigatinib?", True),
    ("what if she had received brigatinib first?", True),
    ("can I use brigatinib instead?", False),
    ("why not brigatinib?", False),
])
def test_a_tki_named_as_received_in_a_question(text, received):
    assert questions.named_as_received(text, text.index("brigatinib")) is received


@pytest.mark.parametrize("text, part, members", [
    ("what about chemo?", "chemotherapy", {"platinum_pemetrexed", "platinum_paclitaxel", "platinum_etoposide"}),
    ("immunotherapy?", "pd1_pdl1_monotherapy", {"pd1_pdl1_monotherapy"}),
    ("carboplatin paclitaxel?", "platinum_paclitaxel", {"platinum_paclitaxel"}),
])
def test_a_question_about_a_part_of_a_combination_is_answered_for_the_combination_too(text, part, members):
    """ABCP contains chemotherapy and a PD-L1 inhibitor (the table's combinations): a question about either is
    answered for ABCP too; the grader still reads only what the trainee named."""
    assert {t for _, ids in questions.therapies_named(text) for t in ids} == members | {"abcp"}
    assert {m.value for m in extractor.therapy_choice(text).mentions} == {part}



@pytest.mark.parametrize("answer", ["docetaxel", "I would give docetaxel", "gemcitabine or vinorelbine"])
def test_a_therapy_the_knowledge_base_lacks_is_no_choice_for_the_grader(answer):
    """Named in a question it is answered as no option; in a trainee's answer it is not a therapy the grader knows."""
    assert questions.therapies_named(answer) and all(ids == () for _, ids in questions.therapies_named(answer))
    assert extractor.therapy_choice(answer).mentions == ()


# ---- what else an answer offers beside its choice, asides, headings, a family beside its member -------------------

# text, chosen therapy, the other therapies offered beside it (TherapyChoice.also_chosen)
OFFERED = [
    ("lorlatinib or brigatinib", "lorlatinib", ("brigatinib",)),
    # a choice retracted ("? no,") leaves the one after it, alone (the retracted one is rejected: test_safety3_grader)
    ("lorlatinib? no, brigatinib", "brigatinib", ()),
    ("lorlatinib is too toxic, so brigatinib", "lorlatinib", ("brigatinib",)),
    ("since lorlatinib is too toxic, brigatinib", "brigatinib", ()),  # a reason is not the choice
    ("lorlatinib because brigatinib has no activity against G1202R", "lorlatinib", ()),
    ("Lorlatinib. G1202R confers resistance to alectinib and brigatinib.", "lorlatinib", ()),  # talked about
    ("lorlatinib; brigatinib lacks activity here", "lorlatinib", ()),
    ("lorlatinib, then carboplatin-pemetrexed", "lorlatinib", ()),  # a later step
    ("lorlatinib, better than brigatinib", "lorlatinib", ()),  # a comparison
    ("lorlatinib; if not tolerated, brigatinib", "lorlatinib", ()),  # a fallback
    ("hospice or chemo", "best_supportive_care", ("chemotherapy",)),
    ("carboplatin, pemetrexed", "platinum_pemetrexed", ()),  # the family yields to its member
    ("paclitaxel and carboplatin", "platinum_paclitaxel", ()),
    ("carboplatin, etoposide", "platinum_etoposide", ()),
    ("carbo/pem + pembrolizumab", "platinum_pemetrexed", ()),  # chemo with a PD-1 drug: not PD-1 monotherapy
    ("carbo/pem or pembrolizumab", "platinum_pemetrexed", ("pd1_pdl1_monotherapy",)),  # two choices
    ("carbo/pem? No, pembrolizumab", "pd1_pdl1_monotherapy", ()),
    ("carboplatin-paclitaxel with bevacizumab-atezolizumab", "abcp", ()),  # a combination for its parts
    ("Switch to lorlatinib; G1202R confers resistance to 2nd generation TKIs including brigatinib", "lorlatinib", ()),
    ("lorlatinib - only a 3rd gen TKI overcomes G1202R; brigatinib/ceritinib ineffective", "lorlatinib", ()),
    ("lorlatinib; brigatinib: no", "lorlatinib", ()),
    ("Lorlatinib. Squamous so pemetrexed and bevacizumab (ABCP) are out.", "lorlatinib", ()),  # a gloss
    ("Lorlatinib (or brigatinib)", "lorlatinib", ("brigatinib",)),
    # an alternative joined by 'or', 'either ... or', 'versus' to a therapy phrase with its article, dose, schedule
    # or site is offered too
    ("the molecular tumour board or an EGFR TKI", "molecular_tumor_board", ("egfr_tki",)),
    ("refer to the MTB or start osimertinib", "molecular_tumor_board", ("egfr_tki",)),
    ("lorlatinib 100 mg daily or brigatinib", "lorlatinib", ("brigatinib",)),
    ("either lorlatinib 100 mg once daily or brigatinib 180 mg", "lorlatinib", ("brigatinib",)),
    ("lorlatinib at the standard dose, or alternatively brigatinib", "lorlatinib", ("brigatinib",)),
    ("SRS to the lesions or WBRT", "local_therapy_continue_tki", ("whole_brain_rt",)),
    ("SBRT to both adrenal deposits or carbo/pem", "local_therapy_continue_tki", ("platinum_pemetrexed",)),
    ("pembrolizumab 200 mg q3w vs carbo/pem", "pd1_pdl1_monotherapy", ("platinum_pemetrexed",)),
    ("osimertinib alone or a KRAS inhibitor", "egfr_tki", ("kras_inhibitor_monotherapy",)),
    # near-misses: the alternative ruled out, talked about, or kept as a fallback stays out
    ("lorlatinib 100 mg daily rather than brigatinib", "lorlatinib", ()),
    ("lorlatinib 100 mg daily, not brigatinib", "lorlatinib", ()),
    ("lorlatinib 100 mg daily; avoid brigatinib or an EGFR TKI", "lorlatinib", ()),
    ("Lorlatinib. G1202R confers resistance to brigatinib 180 mg or crizotinib.", "lorlatinib", ()),
    ("the molecular tumour board; otherwise an EGFR TKI", "molecular_tumor_board", ()),
]


@pytest.mark.parametrize("text, chosen, also", OFFERED, ids=[o[0][:40] for o in OFFERED])
def test_what_an_answer_offers_beside_its_choice(text, chosen, also):
    choice = extractor.therapy_choice(text)
    assert (choice.therapy, choice.also_chosen) == (chosen, also), [(m.value, m.role) for m in choice.mentions]


@pytest.mark.parametrize("text, therapy, role", [
    ("Preferred: lorlatinib. Avoid: brigatinib.", "brigatinib", REJECTED),
    ("Avoid: an EGFR TKI", "egfr_tki", REJECTED),
    ("Previously: alectinib. Now: lorlatinib.", "alectinib", PRIOR),
    ("lorlatinib; if not tolerated, brigatinib", "brigatinib", CONDITIONAL),
    ("lorlatinib; otherwise chemo", "chemotherapy", CONDITIONAL),
    ("Lorlatinib. Don't rechallenge alectinib or try brigatinib.", "brigatinib", REJECTED),
    ("Lorlatinib. Avoid osimertinib 80 mg daily or any KRAS inhibitor.", "kras_inhibitor_monotherapy", REJECTED),
])
def test_headings_and_fallback_asides_give_the_role(text, therapy, role):
    assert roles(text)[therapy] == role, roles(text)


@pytest.mark.parametrize("text", ["what about WBRT?", "is whole-brain radiotherapy an option?", "whole brain RT?"])
def test_a_question_about_whole_brain_rt_is_answered_for_local_therapy(text):
    """WBRT is read as its own word (a lesser form of local therapy in the phrase table), but a question about it
    is answered where the local-therapy regimen stands in the answer, as before."""
    assert {t for _, ids in questions.therapies_named(text) for t in ids} == {"local_therapy_continue_tki"}
    assert [m.value for m in extractor.therapy_choice(text).mentions] == ["whole_brain_rt"]


@pytest.mark.parametrize("answer, therapy, rejected", [
    ("lorlatinb", "lorlatinib", []),
    ("I'd go with loratinib, not brigatinb", "lorlatinib", ["brigatinib"]),
    ("after Alecensaa, lorlatinib", "lorlatinib", []),
    ("no more ceritnib, switch to lorlatinib 100 mg", "lorlatinib", ["ceritinib"]),
])
def test_a_slip_in_a_therapy_name_is_read_as_the_findings_are(answer, therapy, rejected):
    """A trainee's answer goes through the same typist as a clinician's findings; each mention keeps the words and
    the place as typed."""
    choice = extractor.therapy_choice(answer)
    assert choice.therapy == therapy and choice.rejected() == rejected, answer
    for m in choice.mentions:
        assert answer[m.start : m.end] == m.text, (answer, m)


def test_a_near_word_is_not_a_therapy():
    for answer in ("lorazepam at night for sleep", "I would give loratadine", "the brigade of nurses"):
        assert extractor.therapy_choice(answer).therapy is None, answer
