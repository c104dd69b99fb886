"""The treatment history as clinicians write it: a bare "Never X" denies the TKI; a plan or a recommendation told with
a therapy word before the TKI ("recommends a therapy with Lorviqua") names it, it was not received; and another
person named at the start of a later sentence ("Seen today. His brother had ALK fusion ...") owns what the sentence
says, as at the start of the text. Controls keep what was given, and the patient's own findings."""

from __future__ import annotations

import pytest

from bot.nlu.extractor import extract_case


def _tkis(text: str) -> list[str]:
    return extract_case(text).get("prior_tkis") or []


@pytest.mark.parametrize("text,received", [
    ("Never brigatinib.", []),
    ("never ceritinib", []),
    ("Never lorlatinib; alectinib since 2021.", ["alectinib"]),
    ("Alectinib 2019-2023, never brigatinib. Lorlatinib since 2024.", ["alectinib", "lorlatinib"]),
    ("TKI history: crizotinib then alectinib. Never lorlatinib.", ["crizotinib", "alectinib"]),
    # controls: a word between "never" and the TKI may tell it given; the other denials as before
    ("never stopped alectinib despite the oedema", ["alectinib"]),
    ("never missed a dose of lorlatinib", ["lorlatinib"]),
    ("No prior lorlatinib.", []),
    ("Never received brigatinib.", []),
])
def test_bare_never_denies_the_tki(text: str, received: list[str]) -> None:
    assert _tkis(text) == received


@pytest.mark.parametrize("text,received", [
    ("the tumour board recommends a therapy with Lorviqua", []),
    ("The MDT recommends treatment with lorlatinib.", []),
    ("Board advised treatment with Alunbrig.", []),
    ("The tumour board recommended a change of therapy to lorlatinib.", []),
    ("We suggest starting therapy with lorlatinib.", []),
    ("Plan is a therapy with brigatinib.", []),
    ("We plan treatment with lorlatinib.", []),
    ("Intend to treat with lorlatinib.", []),
    ("The MDT favours lorlatinib.", []),
    ("Progressed on alectinib; the MDT proposes treatment with lorlatinib.", ["alectinib"]),
    ("MDT advises repeat NGS and, should no resistance mutation be found, a therapy with Lorviqua.", []),
    ("The board recommended a biopsy of the liver lesion and then a switch to brigatinib.", []),
    ("The MDT suggested a biopsy, then she had a therapy with lorlatinib from 2022.", ["lorlatinib"]),
    # controls: a therapy told given keeps its reading
    ("She was treated with lorlatinib.", ["lorlatinib"]),
    ("Therapy with lorlatinib since 2022.", ["lorlatinib"]),
    ("Since starting therapy with lorlatinib she has gained 4 kg.", ["lorlatinib"]),
    ("Alectinib first line with a favourable response.", ["alectinib"]),
])
def test_a_recommended_therapy_is_not_received(text: str, received: list[str]) -> None:
    assert _tkis(text) == received


@pytest.mark.parametrize("text,field", [
    ("Seen today. His brother had ALK fusion in a lymphoma.", "alk_positive"),
    ("67M, lung adenocarcinoma. His brother had ALK fusion in a lymphoma.", "alk_positive"),
    ("Lung adenocarcinoma. Her sister is ALK positive.", "alk_positive"),
    ("Reviewed in clinic.\nHis father had ALK fusion, treated with crizotinib.", "alk_positive"),
    ("Seen in clinic. His brother was on alectinib.", "prior_tkis"),
    ("Good week. Her daughter takes carbamazepine.", "strong_cyp3a_inducer"),
    ("In the family his uncle had ALK fusion in an ALCL. Her ALK FISH is pending.", "alk_positive"),
    ("In her family the sister was on crizotinib.", "prior_tkis"),
])
def test_a_person_opening_a_later_sentence_is_not_the_patient(text: str, field: str) -> None:
    assert field not in extract_case(text)


@pytest.mark.parametrize("text,expected", [
    # controls: the patient's own findings beside a relative's sentence
    ("Seen today. His brother had a lymphoma. He is ALK positive by IHC.", {"alk_positive": True}),
    ("His sister had breast cancer. ALK fusion positive on NGS.", {"alk_positive": True}),
    ("On alectinib since 2021. Her husband is well.", {"prior_tkis": ["alectinib"]}),
    ("ALK positive by FISH. Lung cancer runs in the family.", {"alk_positive": True}),
])
def test_the_patients_findings_beside_a_relative_stay(text: str, expected: dict) -> None:
    case = extract_case(text)
    assert {k: case.get(k) for k in expected} == expected


@pytest.mark.parametrize("text,expected", [
    # a date's dot is no full stop between two TKIs told in reverse
    ("We started Lorviqua in 10.2025 after the progression on Alecensa.", ["alectinib", "lorlatinib"]),
    ("Lorlatinib from 03.2024, after alectinib.", ["alectinib", "lorlatinib"]),
    # controls: a real full stop, and an order told forwards
    ("Brigatinib 2021-2023. Lorlatinib after progression, from 11.2023.", ["brigatinib", "lorlatinib"]),
    ("Crizotinib until 04.2020, then alectinib.", ["crizotinib", "alectinib"]),
])
def test_the_order_past_a_dotted_date(text: str, expected: list[str]) -> None:
    assert _tkis(text) == expected


@pytest.mark.parametrize("text,intolerant", [
    # the stop told in a medication list's next item, which names another drug, is that drug's
    ("Home medications:\n- Alunbrig 180 mg daily\n- St John's wort (started for low mood), happy to stop", None),
    ("Meds:\n* lorlatinib 100 mg\n* clarithromycin, stopped for diarrhoea", None),
    # control: the next step naming no other drug tells the TKI's stop
    ("Feb 2020 - alectinib\nJun 2020 - stopped after grade 3 hepatitis", ["alectinib"]),
])
def test_another_drugs_stop_in_a_list_is_not_the_tkis(text: str, intolerant: list[str] | None) -> None:
    assert extract_case(text).get("intolerant_tkis") == intolerant
