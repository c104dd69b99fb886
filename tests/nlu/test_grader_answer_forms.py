"""How trainees write an answer, read for the practice grader: an interacting drug written as a heading before a dash
or colon ("Rifampicin - contraindicated with Lorbrena"), a denied continuing of a named TKI ("do not continue
treatment with alectinib"), a switch from the TKI the patient had to the next ("change alectinib to lorlatinib",
"alectinib -> lorlatinib"), the current TKI continued with a MET inhibitor added, and the hedged, contrastive,
abbreviated and justified forms that already read right (kept from regressing)."""

from __future__ import annotations

import pytest

from bot.nlu import extractor
from bot.nlu.therapies import CHOSEN, PRIOR, REJECTED
from bot.practice import grading


def _roles(text: str, given: tuple[str, ...] = ()) -> dict[str, str]:
    return {m.value: m.role for m in extractor.therapy_choice(text, given).mentions}


HEADED_PARTNERS = [
    "Rifampicin - contraindicated with Lorbrena",
    "Carbamazepine \u2013 avoid with lorlatinib",
    "Phenytoin \u2014 do not combine with lorlatinib",
    "St John's wort: stop before starting lorlatinib",
    "Plan: lorlatinib. Carbamazepine - avoid with lorlatinib",
]


@pytest.mark.parametrize("text", HEADED_PARTNERS)
def test_a_partner_heading_across_a_dash_or_colon_leaves_the_therapy_given(text):
    choice = extractor.therapy_choice(text)
    assert choice.therapy == "lorlatinib", [(m.value, m.role) for m in choice.mentions]
    assert choice.rejected() == [], [(m.value, m.role) for m in choice.mentions]


@pytest.mark.parametrize("text", ["Brigatinib - avoid", "Brigatinib: no", "Lorlatinib. Brigatinib \u2013 avoid."])
def test_a_denial_that_is_all_a_note_says_rejects(text):
    assert _roles(text).get("brigatinib") == REJECTED


@pytest.mark.parametrize(
    "text, drug",
    [
        ("do not continue treatment with alectinib", "alectinib"),
        ("I would not continue therapy with brigatinib", "brigatinib"),
        ("don't continue treatment on the alectinib", "alectinib"),
    ],
)
def test_a_denied_continuing_denies_the_tki_continued(text, drug):
    choice = extractor.therapy_choice(text)
    roles = {m.value: m.role for m in choice.mentions}
    assert roles.get(drug) == REJECTED, roles
    assert roles.get("continue_current_therapy") == REJECTED, roles
    assert choice.therapy is None, roles


@pytest.mark.parametrize(
    "text",
    ["I would not keep her on alectinib", "no point continuing brigatinib", "I wouldn't stay on alectinib"],
)
def test_a_denied_keeping_on_chooses_nothing(text):
    choice = extractor.therapy_choice(text)
    assert choice.therapy is None, [(m.value, m.role) for m in choice.mentions]


@pytest.mark.parametrize(
    "text",
    [
        "change alectinib to lorlatinib",
        "replace alectinib with lorlatinib",
        "I'd switch her from Alecensa to Lorbrena",
        "swap alectinib for lorlatinib 100 mg daily",
        "stop alectinib and switch to lorlatinib",
        "switch alectinib to lorlatinib",
        "move her from alectinib to lorlatinib",
    ],
)
def test_a_switch_gives_the_next_tki_not_the_one_it_leaves(text):
    roles = _roles(text)
    assert roles.get("lorlatinib") == CHOSEN, roles
    assert roles.get("alectinib") in (PRIOR, REJECTED), roles


@pytest.mark.parametrize("text", ["alectinib \u2192 lorlatinib", "alectinib -> lorlatinib", "Alecensa => Lorbrena"])
def test_an_arrow_from_the_tki_the_patient_had_is_the_sequence(text):
    roles = _roles(text, ("alectinib",))
    assert roles == {"alectinib": PRIOR, "lorlatinib": CHOSEN}, roles


@pytest.mark.parametrize(
    "text",
    [
        "G1202R on alectinib so lorlatinib",
        "I1171N/G1202R emerged on Alecensa, so lorlatinib",
        "new liver mets on alectinib; lorlatinib",
        "resistance on alectinib -> lorlatinib",
    ],
)
def test_a_finding_on_a_tki_says_it_was_given(text):
    roles = _roles(text)
    assert roles == {"alectinib": PRIOR, "lorlatinib": CHOSEN}, roles


@pytest.mark.parametrize("text", ["put her on lorlatinib", "start on lorlatinib", "keep going on lorlatinib"])
def test_on_after_no_finding_is_no_history(text):
    assert _roles(text).get("lorlatinib") != PRIOR


@pytest.mark.parametrize(
    "text", ["don't switch alectinib to brigatinib", "I would not change alectinib to brigatinib",
             "wouldn't swap alectinib for brigatinib"]
)
def test_a_denied_switch_gives_nothing(text):
    choice = extractor.therapy_choice(text)
    assert choice.therapy is None and "brigatinib" in choice.rejected(), [(m.value, m.role) for m in choice.mentions]


def test_an_arrow_from_a_tki_not_had_is_no_history():
    """Without the case's history, 'lorlatinib -> chemo' may be a plan: the first stays the choice."""
    assert _roles("lorlatinib -> chemo", ("alectinib",)).get("lorlatinib") == CHOSEN


GRADED = [
    # (case, answer, grade, chosen, rejected)
    ("ONT01", "do not continue treatment with alectinib; lorlatinib", "preferred", "lorlatinib",
     ["continue_current_therapy", "alectinib"]),
    ("ONT01", "change alectinib to lorlatinib", "preferred", "lorlatinib", []),
    ("ONT01", "replace Alecensa with Lorbrena", "preferred", "lorlatinib", []),
    ("ONT01", "alectinib \u2192 lorlatinib", "preferred", "lorlatinib", []),
    ("ONT01", "I'd switch her from alectinib to lorla", "preferred", "lorlatinib", []),
    ("ONT01", "I'd probably go with lorlatinib", "preferred", "lorlatinib", []),
    ("ONT01", "lorlatinib rather than brigatinib", "preferred", "lorlatinib", ["brigatinib"]),
    ("ONT01", "not brigatinib but lorlatinib", "preferred", "lorlatinib", ["brigatinib"]),
    ("ONT01", "given G1202R after alectinib, lorlatinib", "preferred", "lorlatinib", []),
    ("ONT01", "lorla", "preferred", "lorlatinib", []),
    ("ONT01", "G1202R on alectinib so lorlatinib", "preferred", "lorlatinib", []),
    ("ONT01", "move her from alectinib to lorlatinib", "preferred", "lorlatinib", []),
    ("ONT01", "lorla over brig", "preferred", "lorlatinib", ["brigatinib"]),
    ("TRF01", "switch alectinib to carbo/etoposide", "preferred", "platinum_etoposide", []),
    ("TST03", "carbo/pem rather than ABCP", "acceptable", "platinum_pemetrexed", ["abcp"]),
    ("CMP01", "lorlatinib would not cover this; chemo", "acceptable", "platinum_pemetrexed", ["lorlatinib"]),
    ("CMP01", "lorlatinib won't overcome a compound mutation, so chemo", "acceptable", "platinum_pemetrexed",
     ["lorlatinib"]),
    ("ONT01", "lorlatinib; brigatinib doesn't cover G1202R", "preferred", "lorlatinib", ["brigatinib"]),
    ("ONT01", "brig", "harmful", "brigatinib", []),
    ("MOD03", "Carbamazepine - avoid with lorlatinib", "preferred", "lorlatinib", []),
    ("MOD03", "Rifampicin \u2013 contraindicated with Lorbrena", "preferred", "lorlatinib", []),
    ("BYP01", "continue alectinib and add capmatinib", "preferred", "alk_tki_plus_met_inhibitor", []),
    ("BYP01", "keep her on alectinib plus a MET inhibitor", "preferred", "alk_tki_plus_met_inhibitor", []),
]


@pytest.mark.parametrize("case, answer, grade, chosen, rejected", GRADED, ids=[f"{g[0]}:{g[1]}" for g in GRADED])
def test_the_grader_reads_the_answer_form(case, answer, grade, chosen, rejected):
    graded = grading.grade(case, answer)
    assert (graded.therapy_grade, graded.chosen_therapy, graded.rejected_therapies) == (grade, chosen, rejected)


# ---- (safety3) a choice retracted for the next one; a chain of TKIs whose last is marked open -----------------------

RETRACTED = [
    ("maybe brigatinib? no - lorlatinib", "brigatinib", "lorlatinib"),
    ("brigatinib? No, lorlatinib", "brigatinib", "lorlatinib"),
    ("brigatinib, no, lorlatinib", "brigatinib", "lorlatinib"),
    ("brigatinib - actually lorlatinib", "brigatinib", "lorlatinib"),
    ("brigatinib, I mean lorlatinib", "brigatinib", "lorlatinib"),
    ("brigatinib. no wait, lorlatinib", "brigatinib", "lorlatinib"),
    ("brigatinib... scratch that, lorlatinib", "brigatinib", "lorlatinib"),
    ("alectinib, or rather lorlatinib", "alectinib", "lorlatinib"),
    ("lorlatinib? no, I'd give brigatinib", "lorlatinib", "brigatinib"),
]


@pytest.mark.parametrize("text,retracted,chosen", RETRACTED)
def test_a_retracted_choice_gives_way_to_the_next(text, retracted, chosen):
    choice = extractor.therapy_choice(text)
    assert choice.therapy == chosen and choice.also_chosen == (), (text, choice)
    assert _roles(text)[retracted] == REJECTED, (text, _roles(text))


@pytest.mark.parametrize(
    "text,therapy,also",
    [
        ("lorlatinib, no brigatinib", "lorlatinib", ()),  # a rejection, not a retraction
        ("lorlatinib or brigatinib", "lorlatinib", ("brigatinib",)),
        ("lorlatinib, actually brigatinib too", "lorlatinib", ("brigatinib",)),  # added, not replaced
        ("lorlatinib. Actually, add SRS", "lorlatinib", ("local_therapy_continue_tki",)),
        ("lorlatinib, sorry for the delay", "lorlatinib", ()),
    ],
)
def test_what_only_looks_like_a_retraction_keeps_both(text, therapy, also):
    choice = extractor.therapy_choice(text)
    assert (choice.therapy, choice.also_chosen) == (therapy, also), (text, choice)


# ONT01: G1202R after alectinib; lorlatinib preferred, brigatinib avoided
@pytest.mark.parametrize(
    "answer,grade",
    [
        ("maybe brigatinib? no - lorlatinib", "preferred"),
        ("brigatinib, I mean lorlatinib", "preferred"),
        ("lorlatinib? no, brigatinib", "harmful"),  # the retraction picks the harmful one: harmful
        ("lorlatinib - actually brigatinib", "harmful"),
        ("lorlatinib, actually brigatinib too", "harmful"),  # both offered: the harmful one counts
    ],
)
def test_a_retracted_choice_is_graded_on_the_one_that_replaces_it(answer, grade):
    assert grading.grade("ONT01", answer).therapy_grade == grade


@pytest.mark.parametrize(
    "text,given",
    [
        ("crizotinib -> alectinib -> ?lorlatinib", ()),
        ("crizotinib -> alectinib -> lorlatinib?", ()),
        ("criz -> alec -> ?lorla", ()),
        ("crizotinib -> alectinib -> ?lorlatinib", ("alectinib",)),
        ("Xalkori → Alecensa → ?Lorbrena", ()),
    ],
)
def test_a_chain_ending_in_a_marked_tki_chooses_it_after_the_others(text, given):
    roles = _roles(text, given)
    assert extractor.therapy_choice(text, given).therapy == "lorlatinib", (text, roles)
    assert roles["crizotinib"] == PRIOR and roles["alectinib"] == PRIOR, (text, roles)


def test_a_chain_without_a_mark_is_left_as_it_was_read():
    assert _roles("crizotinib -> alectinib -> lorlatinib")["crizotinib"] == CHOSEN


@pytest.mark.parametrize(
    "text,intolerant,restarted",
    [
        ("lorlatinib stopped for neuropathy, restarted alectinib", "lorlatinib", "alectinib"),
        ("brigatinib dc'd due to pneumonitis, restarted alectinib", "brigatinib", "alectinib"),
        ("brigatinib stopped for pneumonitis; back on alectinib", "brigatinib", "alectinib"),
    ],
)
def test_a_tki_stopped_for_toxicity_before_another_is_restarted_is_intolerant(text, intolerant, restarted):
    roles = _roles(text)
    assert roles[intolerant] == "intolerant" and roles[restarted] != "intolerant", (text, roles)


def test_a_tki_restarted_itself_after_its_hold_is_tolerated():
    assert _roles("alectinib held for hepatotoxicity, restarted at 450 mg")["alectinib"] != "intolerant"
