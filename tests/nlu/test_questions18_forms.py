"""misc18: questions that wrote a case field, mended as classes, phrasings of our own. A question changes nothing.

1. A question reported after a colon ("Our fellows keep asking: after lorlatinib, is there any TKI ...?", "The board
   asked: ...?"): the whole of it is asked, a drug in its first clause is the question's. Controls: the case told
   before the colon or after a full stop still read.
2. A question typed or machine-translated in another language or its word order, whose first clause names a drug
   before a comma ("Kann man nach Alectinib, ...?", "Peut-on, après alectinib, ...?", "Ist eine Rebiopsie nach
   Lorlatinib nötig, auch wenn ...?", "Exists any option, after lorlatinib, ...?"). Controls: a statement before it,
   an English statement led by "was", a translated statement without "?".
3. A condition translated word for word or typed in another language ("In hypothesis of a squamous transformation,
   ...?", "Nel caso di progressione sotto alectinib, ...?", "En cas de G1202R, ...", "Im Falle einer ..."). Controls:
   the case of this patient told ("Nel caso della nostra paziente, ...").
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_exactly

ASKED = [
    # 1. reported after a colon
    "The tumour board asked: after alectinib, is brigatinib reasonable?",
    "My registrar keeps asking: following brigatinib, does any TKI still work?",
    "Her daughter wonders: after lorlatinib, could crizotinib help again?",
    "A colleague asks: with a G1202R after alectinib, which drug would you pick?",
    # 2. another language's question with a drug in its first clause
    "Kann man nach Alectinib, bei G1202R, Lorlatinib geben?",
    "Gibt es nach Lorlatinib, ohne Mutation, noch eine Option?",
    "Ist nach Brigatinib eine Rebiopsie sinnvoll, oder reicht Plasma?",
    "Sollte man nach Alectinib, bei Hirnmetastasen, auf Lorlatinib wechseln?",
    "Peut-on, après alectinib, donner le brigatinib?",
    "Est-ce que, après lorlatinib, une rebiopsie est utile?",
    "Faut-il après brigatinib, avec une G1202R, passer au lorlatinib?",
    "Si può dare brigatinib dopo alectinib, se non c'è mutazione?",
    "Qual è la scelta dopo alectinib, con G1202R?",
    "¿Cuál es la opción tras alectinib, con G1202R?",
    "Se puede usar lorlatinib después de brigatinib, sin mutación?",
    "Exists any option after lorlatinib, without a mutation?",
    # 3. a condition translated or in another language
    "In hypothesis of a small cell transformation, is etoposide still right?",
    "In the hypothesis of a MET amplification after lorlatinib, what do you give?",
    "Under the assumption of a G1202R on plasma, lorlatinib?",
    "Nel caso di G1202R dopo alectinib, lorlatinib o chemio?",
    "En cas de G1202R après alectinib, quel traitement?",
    "Im Falle einer MET-Amplifikation nach Alectinib, welche Therapie?",
    "En caso de progresión cerebral con alectinib, radiocirugía o cambio?",
]


@pytest.mark.parametrize("text", ASKED)
def test_a_question_changes_nothing(text):
    assert_reads_exactly(text, {})


# controls: a statement in the same style keeps its findings
@pytest.mark.parametrize(
    "text,fields",
    [
        ("She progressed on alectinib, is lorlatinib the right choice?", {"prior_tkis": ["alectinib"]}),
        (
            "Progressed on alectinib with G1202R. The board asked: is lorlatinib next?",
            {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]},
        ),
        (
            "Progression under alectinib with G1202R. Was ist jetzt die beste Option?",
            {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]},
        ),
        ("Was on alectinib until 2023, now what?", {"prior_tkis": ["alectinib"]}),
        (
            "Nel caso della nostra paziente, progressione sotto alectinib con G1202R.",
            {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]},
        ),
        ("The patient progressed on alectinib, G1202R found.", {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]}),
        (
            "Patient 58 years, progression under brigatinib, G1202R found in plasma. Kann man Lorlatinib geben?",
            {"prior_tkis": ["brigatinib"], "alk_mutations": ["G1202R"]},
        ),
        (
            "Patiente sous alectinib depuis 2021, progression cérébrale. Peut-on passer au lorlatinib?",
            {"prior_tkis": ["alectinib"]},
        ),
    ],
)
def test_a_statement_in_the_same_style_keeps_its_findings(text, fields):
    assert_reads(text, fields)
