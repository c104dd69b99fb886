"""An ALK test's result told with a year or a date between the test and the result ("ALK IHC 2021 positive") is the
ALK-positive diagnosis, as the undated form is; a relative's, a question, a result on this progression's specimen and
the negative mirror (not read: asked) are controls."""
import pytest

from bot.nlu import extractor

DATED_POSITIVE = [
    "Diagnostic ALK IHC 2021 positive.",
    "ALK FISH (03/2020): positive. On alectinib since.",
    "ALK D5F3 2019 positive; brigatinib first line.",
    "alk ihc 11/2022 pos, started alectinib",
    "ALK IHC (Ventana) 2018: positive",
]


@pytest.mark.parametrize("text", DATED_POSITIVE)
def test_a_dated_alk_result_is_the_diagnosis(text):
    assert extractor.extract_case(text).get("alk_positive") is True


CONTROLS = [
    ("Her sister: ALK IHC 2021 positive.", None),          # a relative's
    ("Is ALK IHC 2021 positive enough to start alectinib?", None),  # a question
    ("ALK FISH 2021 negative.", None),                     # the negative mirror is not read: asked
    ("ALK IHC 2021 pending.", None),                       # no result
    ("ALK IHC 2021 positive", True),                       # the same, no full stop
]


@pytest.mark.parametrize("text,want", CONTROLS)
def test_near_misses_of_a_dated_result(text, want):
    assert extractor.extract_case(text).get("alk_positive") is want


def test_a_dated_diagnosis_beside_a_negative_rebiopsy_keeps_both():
    case = extractor.extract_case("ALK IHC 2021 positive. Rebiopsy ALK FISH negative.")
    assert case.get("alk_positive") is True
    assert case.get("alk_fusion_at_progression") is False and case.get("alk_fusion_specimen") == "tissue"
