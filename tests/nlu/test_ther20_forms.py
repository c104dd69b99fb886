"""ther20: what the patient receives now, interacting drugs, phrasings of our own (not the tuned sentences).

1. (withdrawn: tests/nlu/test_forms.py and test_timeline_forms.py hold that these read no current_therapy) No further anticancer treatment decided or stated ("no further anticancer therapy", "not for further SACT",
   "decided against any further systemic treatment", "refuses any further cancer treatment"), a plain further
   treatment declined beside the care that takes its place ("declined further treatment, now under hospice care"),
   all anticancer treatment said stopped ("All oncological therapy has been stopped"): nothing is given now
   (current_therapy none). Controls: a question, a condition, an option discussed, a TKI continued, a restart
   planned, a relative's, a stop before a later start, a treatment of one lesion declined.
2. A chemotherapy given now in the words of a course under way: its cycles counted so far, a continuation decided
   (also in a plan or an MDT outcome: "continue pemetrexed maintenance" is taken now), on its maintenance, the
   middle of it ("doing chemo now"), its next cycle due. Controls: a question, a stop, an inability, a plan to go
   on maintenance later, a course completed then a TKI, a relative's, a TKI continued, a cycle due on a condition.
3. (withdrawn: set 15's tuned annotations leave it unread, below its floor) The patient's other medications denied or only non-interacting ones named, in a message naming no inducer nor
   inhibitor ("not on any other medications except calcium", "Re: other meds - none", "the only other drug is an
   oral contraceptive"): neither a strong CYP3A inducer nor inhibitor. Controls: an inducer or an inhibitor named
   beside it, a relative's, a question, a plan to review.
4. The inducer's switch or stop said possible after it ("phenobarbital ... the neurologist says switching is
   possible"): stoppable. Controls: said not possible, asked.
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

ABSENT = None


@pytest.mark.parametrize(
    "text,fields",
    [
        ("Carboplatin/pemetrexed started 10/2025, 3 cycles given so far.", {"current_therapy": "chemotherapy"}),
        ("docetaxel, 2 cycles to date, tolerating ok", {"current_therapy": "chemotherapy"}),
        ("MDT outcome: continue pemetrexed maintenance.", {"current_therapy": "chemotherapy"}),
        ("Plan: continue docetaxel, restage after cycle 4.", {"current_therapy": "chemotherapy"}),
        ("On maintenance pemetrexed after 4 cycles of carbo/pem.", {"current_therapy": "chemotherapy"}),
        ("patient is doing chemo now, carbo + pem", {"current_therapy": "chemotherapy"}),
        ("She is in the middle of her chemotherapy (carboplatin, pemetrexed).", {"current_therapy": "chemotherapy"}),
        ("Last dose of docetaxel 2 weeks ago, next cycle due Friday.", {"current_therapy": "chemotherapy"}),
        ("carbo/pem/pembro, 2 cycles so far", {"current_therapy": "chemo_immunotherapy"}),
        ("Continue carboplatin pemetrexed pembrolizumab.", {"current_therapy": "chemo_immunotherapy"}),
        ("he's halfway through his carboplatin and pemetrexed", {"current_therapy": "chemotherapy"}),
        # controls
        ("Whether to continue docetaxel?", {"current_therapy": ABSENT}),
        ("Unable to continue docetaxel due to neutropenia.", {"current_therapy": ABSENT}),
        ("We decided not to continue docetaxel.", {"current_therapy": ABSENT}),
        ("Docetaxel could continue if tolerated.", {"current_therapy": ABSENT}),
        ("Discontinue pemetrexed maintenance.", {"current_therapy": ABSENT}),
        ("Pemetrexed maintenance planned after 4 cycles.", {"current_therapy": ABSENT}),
        ("She will go on maintenance pemetrexed after cycle 4.", {"current_therapy": ABSENT}),
        ("Docetaxel stopped after 3 cycles; next cycle due Friday was cancelled.", {"current_therapy": ABSENT}),
        ("Carbo/pem 4 cycles completed 2023, then alectinib.", {"current_therapy": ABSENT}),
        ("Her sister is doing chemo now.", {"current_therapy": ABSENT}),
        ("Continue alectinib.", {"current_therapy": ABSENT}),
        ("The next cycle of docetaxel would be due on Friday if she wants it.", {"current_therapy": ABSENT}),
    ],
)
def test_a_chemotherapy_under_way_is_given_now(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text,fields",
    [
        ("Phenobarbital since childhood - neurologist says switching is possible.",
         {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": True}),
        ("phenytoin 300 mg; a change to levetiracetam would be feasible per neurology",
         {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": True}),
        ("carbamazepine for neuralgia, stopping it is an option according to her GP",
         {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": True}),
        # controls
        ("Phenobarbital - switching is not possible.", {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": False}),
        ("Carbamazepine: is switching possible?", {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": ABSENT}),
    ],
)
def test_an_inducers_switch_said_possible_is_stoppable(text, fields):
    assert_reads(text, fields)
