"""(ref9) Refactors of the context reader that keep its readings, and the edges where the shared machinery reads
otherwise.

- A TKI that opens its statement with only a risk note after it ("brigatinib, known ILD risk") is named, not
  received (trust7). Its statement is now bounded as the other readings bound theirs (statements._statement_bounds
  with its semicolons), where a "?" or a "!" ends a sentence as a full stop does: a TKI named with a risk note right
  after a question ("Which TKI next? brigatinib, known ILD risk") opens its statement and is named only (the former
  bound, a line, a semicolon or ". ", read it received). In a history, with its dates, stated as taken or told as
  given later in its statement it stays received.
- A question of whether the patient is new to treatment answered "No -" on its line (trust7) is looked for on the
  answer's line: the same readings as before.
- A trial's arm after the patient's part in it still to come is a TKI to come (Timing._to_come): named, not received;
  her part told in the past is received.
"""

import pytest

from bot.nlu import extractor


def case(text):
    return extractor.extract_case(text)


# a risk note after a question or an exclamation: the TKI opens its sentence -------------------------------------

AFTER_A_QUESTION = [
    "Which TKI next? brigatinib, known ILD risk",
    "What would you pick? Lorlatinib (hyperlipidaemia risk)",
    "Any other option?  alectinib, photosensitivity risk",
    "Options discussed today! Brigatinib, early pulmonary events risk",
    "2L choice?\n- lorlatinib, high risk of hyperlipidaemia",
    "Next step? 1) brigatinib, ILD risk",
]


@pytest.mark.parametrize("text", AFTER_A_QUESTION)
def test_a_risk_note_after_a_question_names_the_tki_only(text):
    assert "prior_tkis" not in case(text)


@pytest.mark.parametrize(
    "text, tkis",
    [
        # in a history, dated, stated as taken, or told as given in its statement: received, as before
        ("Prior TKIs? brigatinib 2021-2023, known ILD risk", ["brigatinib"]),
        ("Which TKI did she have? brigatinib, ILD risk - stopped after 2 weeks", ["brigatinib"]),
        ("Any TKI? on brigatinib, known ILD risk", ["brigatinib"]),
        ("Prior TKIs: brigatinib, known ILD risk", ["brigatinib"]),
        ("crizotinib 2015-17, brigatinib, ILD risk", ["crizotinib", "brigatinib"]),
        ("Lorlatinib (lipid risk) 2022-2024", ["lorlatinib"]),
    ],
)
def test_a_tki_told_as_received_stays_received(text, tkis):
    assert case(text).get("prior_tkis") == tkis


def test_a_semicolon_still_opens_a_statement():
    assert "prior_tkis" not in case("CT stable; brigatinib, known ILD risk")
    assert "prior_tkis" not in case("CT stable;brigatinib, known ILD risk")


# a question of being new to treatment, answered no on its line: the answer's history stands ---------------------


@pytest.mark.parametrize(
    "text, tkis",
    [
        ("Treatment-naive? No - had alectinib 2 years", ["alectinib"]),
        ("As first-line? No, second TKI after crizotinib", ["crizotinib"]),
        ("First TKI? No: alectinib 2019-2022, now lorlatinib", ["alectinib", "lorlatinib"]),
        ("TKI naive?   No - crizotinib for 14 months", ["crizotinib"]),
    ],
)
def test_no_answering_a_naive_question_keeps_the_history(text, tkis):
    assert case(text).get("prior_tkis") == tkis


@pytest.mark.parametrize(
    "text",
    [
        "No alectinib.",
        "Treatment naive. No alectinib, no chemo",
        "First-line? Yes. No - alectinib not given",
    ],
)
def test_a_denial_not_answering_the_question_reads_no_tki_received(text):
    assert not case(text).get("prior_tkis")


# a trial's arm still to come --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "She will participate in a phase 3 trial, randomized to lorlatinib",
        "Pt is going to enrol in a study, allocated to brigatinib",
        "He is to be enrolled in the CROWN-like trial and randomised to alectinib",
    ],
)
def test_an_arm_to_come_is_not_received(text):
    assert "prior_tkis" not in case(text)


def test_a_part_in_a_trial_told_in_the_past_is_received():
    assert case("She participated in a phase 3 trial, randomized to lorlatinib").get("prior_tkis") == ["lorlatinib"]
