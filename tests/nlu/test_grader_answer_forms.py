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
