"""Consultation-letter, palliative and pharmacy wording (set 15's classes, in new words):

- a performance score told of a time before an event ("Previously ECOG 1", "before her fall she was PS 0") is no
  current score: left unread (asked), unless a later score is given;
- a TKI stopped for a toxicity after how long it was taken ("ceritinib for 6 weeks; stopped for diarrhoea",
  "ceritinib 2020 (2 months; discontinued because of ...)"), or switched because of muscle pains, is intolerant;
- a strong CYP3A inhibitor prescribed and then replaced by another drug ("...; we advised terbinafine instead") or
  stopped soon after its prescription is not taken now (strong_cyp3a_inhibitor false).

Near misses are controls: a score that is now, a stop for progression or for a doubted toxicity, a toxicity that
did not stop the drug, an inhibitor still taken."""
import pytest

from bot.nlu import extractor


def _case(text):
    return extractor.extract_case(text)


EARLIER_SCORE = [
    "Previously ECOG 1; hard to judge now with the hip fracture.",
    "Formerly PS 1, currently an inpatient on the surgical ward.",
    "Before her admission she was ECOG 0.",
    "Prior to the stroke he was ECOG 2.",
    "Until the pneumonia she was WHO PS 1.",
]


@pytest.mark.parametrize("text", EARLIER_SCORE)
def test_a_score_of_an_earlier_time_is_not_read_as_now(text):
    assert _case(text).get("ecog") is None


SCORE_NOW = [
    ("Previously treated with alectinib; ECOG 1.", 1),
    ("Before the fall she was ECOG 1; now ECOG 3.", 3),
    ("Hold brigatinib before SRS, ECOG 1.", 1),
    ("She was ECOG 1 at today's visit.", 1),
    ("ECOG 2 now; previously ECOG 0.", 2),
]


@pytest.mark.parametrize("text,ecog", SCORE_NOW)
def test_a_score_told_now_is_still_read(text, ecog):
    assert _case(text).get("ecog") == ecog


STOPPED_AFTER_A_DURATION = [
    ("crizotinib for 4 months; stopped for grade 3 transaminitis, then alectinib since 2021", "crizotinib"),
    ("ceritinib 2020 (6 weeks; discontinued because of diarrhoea); brigatinib from 2020", "ceritinib"),
    ("brigatinib x 2 weeks, stopped for pneumonitis", "brigatinib"),
    ("alectinib was switched to brigatinib because of muscle aches and a high CK", "alectinib"),
    ("Her oncologist changed alectinib to lorlatinib because of muscle pains.", "alectinib"),
    ("They switched his crizotinib to ceritinib due to grade 3 transaminitis.", "crizotinib"),
]


@pytest.mark.parametrize("text,tki", STOPPED_AFTER_A_DURATION)
def test_a_stop_for_toxicity_after_a_duration_is_an_intolerance(text, tki):
    assert tki in _case(text).get("intolerant_tkis", [])


NOT_INTOLERANT = [
    "crizotinib for 14 months; stopped for progression in the liver",
    "ceritinib for 2 months; stopped for suspected pneumonitis, later ruled out",
    "alectinib for 3 years; rash settled with emollients, continued",
    "brigatinib for 5 months; muscle aches, managed with paracetamol, still on it",
    "The team switched alectinib to lorlatinib because of new brain metastases.",
]


@pytest.mark.parametrize("text", NOT_INTOLERANT)
def test_a_stop_for_another_reason_or_a_toxicity_without_a_stop_is_not(text):
    assert not _case(text).get("intolerant_tkis")


INHIBITOR_NOT_TAKEN = [
    "The GP prescribed clarithromycin; we prescribed doxycycline instead. On lorlatinib.",
    "Dermatology prescribed itraconazole for the nails; we switched her to terbinafine instead.",
    "Voriconazole was ordered on Monday and discontinued on Tuesday before the first dose.",
    "Paxlovid was prescribed by the walk-in clinic; stopped the same day on our advice.",
]


@pytest.mark.parametrize("text", INHIBITOR_NOT_TAKEN)
def test_an_inhibitor_replaced_or_stopped_after_prescription_is_not_taken(text):
    assert _case(text).get("strong_cyp3a_inhibitor") is False


INHIBITOR_TAKEN = [
    "Clarithromycin was prescribed on Monday and she is taking it.",
    "Voriconazole prescribed for aspergillosis, continuing for 6 weeks.",
    "On itraconazole; we suggested a lower lorlatinib dose instead.",
    "Itraconazole was prescribed; she takes it with food.",
    "On voriconazole; the pharmacist suggested posaconazole instead.",  # a suggestion, not a replacement
    "Clarithromycin prescribed for the chest infection, lorlatinib stopped for a week.",  # the TKI's stop
    "Clarithromycin was prescribed and the statin stopped.",  # another drug's stop
]


@pytest.mark.parametrize("text", INHIBITOR_TAKEN)
def test_an_inhibitor_still_taken_is_read(text):
    assert _case(text).get("strong_cyp3a_inhibitor") is True
