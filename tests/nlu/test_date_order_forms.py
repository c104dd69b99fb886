"""A date written with its day ("20.10.2025", "10/20/2025") tells its month when only one of its two numbers can be a
month, so it orders a progression dated by its month against a TKI begun on that day; a date whose two numbers may
each be the month ("05.06.2025") still tells its year only, and orders nothing within that year."""
import pytest

from bot.nlu import extractor
from bot.nlu.when import date_later, written_date


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("20.10.2025", 10),
        ("31/01/2024", 1),
        ("18-11-2025", 11),
        ("10/20/2025", 10),
        ("07.07.2023", 7),
    ],
)
def test_a_day_above_twelve_leaves_the_month_told(text, month):
    assert written_date(text)[1] == month


@pytest.mark.parametrize("text", ["05.06.2025", "01/12/2025", "11-03-2024", "40.10.2025", "20.13.2025"])
def test_a_date_whose_month_may_be_either_number_tells_its_year_only(text):
    assert written_date(text)[1] == 0


def test_an_ambiguous_day_orders_nothing_within_its_year():
    assert date_later(written_date("05.06.2025"), written_date("09.2025")) is None
    assert date_later(written_date("25.06.2025"), written_date("09.2025")) is False


AFTER_THE_NEW_TKI = [
    "Progression 11.2025: new liver and bone metastases. From 20.10.2025 lorlatinib.",
    "Disease progression 12.2025 with new liver and bone metastases. Lorlatinib started 18.11.2025.",
    "Progression 05/2024: liver and bone. Brigatinib from 04/14/2024.",
    "Alectinib since 2020. In 09.2025 progression in the bones and the liver, with back pain. Plasma NGS on 20.06.2025"
    " found G1202R. From 28.07.2025 lorlatinib 100 mg.",
]


@pytest.mark.parametrize("text", AFTER_THE_NEW_TKI)
def test_a_progression_dated_after_the_tki_begun_on_a_day_is_read(text):
    assert extractor.extract_case(text).get("progression") == "systemic"


BEFORE_THE_NEW_TKI = [
    "Progression 09.2025: new liver and bone metastases. From 20.10.2025 lorlatinib.",
    "Progression 22.09.2025: new liver and bone metastases. From 20.10.2025 lorlatinib.",
    "Progression 03/2024: liver and bone. Brigatinib from 04/14/2024.",
    "Therapy:\n1. Crizotinib from 03.2021.\n2. 08.2024: progressive disease in the liver and lungs, new bone lesions.\n"
    "3. Liver biopsy (02.09.2024): adenocarcinoma, ALK fusion present.\n4. From 19.09.2024 alectinib 600 mg twice daily.",
    "Alectinib since 2020. In 06.2025 progression in the bones and the liver, with back pain. Plasma NGS on 20.06.2025"
    " found G1202R. From 28.07.2025 lorlatinib 100 mg.",
    # ambiguous days: no order within the year, the TKI begun after the progression's statement keeps it history
    "Progression 05.06.2025: new liver and bone metastases. From 04.07.2025 lorlatinib.",
    "Progression 05.11.2025: new liver and bone metastases. From 20.10.2025 lorlatinib.",
]


@pytest.mark.parametrize("text", BEFORE_THE_NEW_TKI)
def test_a_progression_before_the_tki_begun_after_it_is_history(text):
    assert extractor.extract_case(text).get("progression") is None


SITES_OF_AN_EARLIER_LINE = [
    "Progressed on alectinib with new liver and bone metastases, switched to brigatinib in 2024.",
    "Relapsed on crizotinib with new lung and adrenal lesions; changed to alectinib.",
    "Progression while on first-line alectinib with new liver and bone metastases, then started lorlatinib.",
]


@pytest.mark.parametrize("text", SITES_OF_AN_EARLIER_LINE)
def test_the_sites_of_a_progression_on_an_earlier_tki_are_history(text):
    assert extractor.extract_case(text).get("progression") is None


A_PROGRESSION_AFTER_THE_SWITCH = [
    "Progressed on alectinib with new liver and bone metastases, switched to brigatinib in 2024. CT last week: new "
    "liver and bone metastases.",
    "Progressed on alectinib, switched to brigatinib. Latest CT shows new liver and bone lesions.",
    "Progressed on alectinib. Now new liver and bone metastases, switched to brigatinib.",
]


@pytest.mark.parametrize("text", A_PROGRESSION_AFTER_THE_SWITCH)
def test_a_progression_told_after_the_switch_or_apart_is_still_read(text):
    assert extractor.extract_case(text).get("progression") == "systemic"
