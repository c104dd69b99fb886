"""A relative's or the family's own wish about the treatment is not the patient's goal of care: the field is read from
the patient's own wish only (nothing read, the assistant asks). The patient with the family as one subject, a relative
who reports the patient's wish, and the patient's wish told at a family meeting stay the patient's."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


# 1. a relative or the family wishing for more treatment or for comfort, in their own words: no goal of care read
@pytest.mark.parametrize(
    "text",
    [
        "Her husband wants further treatment.",
        "Her son would like comfort care only.",
        "Daughter wants to try lorlatinib.",
        "Family wishes to continue all treatment.",
        "His wife would like him to have more treatment.",
        "The family would like everything done.",
        "Her daughters are keen for further therapy.",
        "Partner prefers comfort care.",
        "His children insist on active treatment.",
        "The patient's sister asks for further treatment.",
        "Her mother requests comfort care only.",
        "His brother hopes for another line of treatment.",
        "Her husband and daughter want to continue treatment.",
        "Relatives wish to stop all active treatment.",
        "His father does not want any further treatment.",
        "Of note, the family would prefer hospice.",
        "Seen in clinic; her husband still wants everything done.",
        # (these four were read as the patient's goal before, and tested so: now the family's)
        "Family want everything done.",
        "Family prefers only palliative cares.",
        "The family prefers only palliative cares, without more oncologic treatment.",
        "family wants comfort care only now",
    ],
)
def test_a_relatives_wish_is_not_the_patients_goal_of_care(text):
    assert_reads(text, {"goals_of_care": None})


# 2. the patient's own wish, alone, with the family, reported by a relative, or beside a relative's wish
@pytest.mark.parametrize(
    ("text", "goal"),
    [
        ("She wants further treatment.", "disease_directed"),
        ("He would like comfort care only.", "comfort"),
        ("Patient and family wish to continue treatment", "disease_directed"),
        ("She and her husband want comfort care only.", "comfort"),
        ("Husband reports she wants comfort care only", "comfort"),
        ("per her daughter, she wishes to stop treatment", "comfort"),
        ("Her son says he wants further treatment.", "disease_directed"),
        ("Family meeting: she wants comfort care", "comfort"),
        ("Family meeting held; patient wishes to continue treatment.", "disease_directed"),
        ("Her husband wants more treatment, but she wants comfort care only.", "comfort"),
        ("His wife would like comfort care; the patient wants to continue treatment.", "disease_directed"),
        ("Family want comfort care. She wants further treatment.", "disease_directed"),
        # a relative named within the patient's clause is not its subject
        ("Lives with husband, wants further treatment.", "disease_directed"),
        ("Husband at bedside. Wants comfort care only.", "comfort"),
    ],
)
def test_the_patients_own_wish_is_read(text, goal):
    assert_reads(text, {"goals_of_care": goal})
