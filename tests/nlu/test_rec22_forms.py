"""Recall forms written by new writers (rec22): the therapy given now, the CYP3A inhibitors' check, the inducer's switch.

Classes mended:
1. No anticancer treatment now told with the words of the treatment between ("No active cancer treatment at
   present", "No systemic anticancer therapy currently"): current_therapy none. Controls: a treatment planned.
2. No more anticancer treatment told beside the comfort care chosen in its sentence ("decided on comfort care only,
   no more cancer treatment", "prefer comfort-focused care; no further anticancer therapy"): current_therapy none.
   Controls: a condition ("if she deteriorates"), a question, a relative's choice.
3. A regimen given for a time up to now told without a subject, opening its statement ("Has been on maintenance
   pemetrexed for 6 months", "Has been on carbo/pem/pembro since 09/2025"): given now. Controls: "had been ... until",
   "before" a later TKI, a relative.
4. A medication check that found no CYP3A interaction ("No CYP3A4 interactions on med rec", "no significant CYP3A
   interactions") denies both the strong inhibitor and the strong inducer; the class named "of CYP3A" ("No strong
   inhibitors of CYP3A4", "No inhibitors or inducers of CYP3A") as "CYP3A inhibitors" is. Controls: a question, an
   advice to avoid, a check to come, a named inhibitor stays taken.
5. An inducer said not replaceable ("Phenytoin: essential, cannot be replaced", "cannot be discontinued") must
   continue; the switch agreed after a taper ("prescriber agreed to taper and switch to lacosamide", "neurology will
   wean and change to levetiracetam") is stoppable; a prescriber preferring not to change it, or a switch not advised,
   must continue. Controls: not willing, a question, a relative's drug.
6. The therapy given now in second-language words: "actually" for now before a verb of receiving ("Patient actually
   is receiving the third line chemotherapy docetaxel"), "He is under chemotherapy with carboplatin and pemetrexed".
   Controls: a past "actually received", a question, a past "was under ... until", a relative.
7. No treatment now in other words: "At the moment she has no therapy", "She is not taking any treatment for the
   cancer now", "Treatment: none since 09/2025". Controls: "no therapy planned", "yet", a question, a relative, a
   "none since ... until" a later start.
"""

from __future__ import annotations

import pytest

from bot.nlu.extractor import extract_case

ROWS = [
    # 1. no anticancer treatment now
    ("No active cancer treatment at present; hospice.", "current_therapy", "none"),
    ("No systemic anticancer therapy currently.", "current_therapy", "none"),
    ("No active anticancer treatment at the moment.", "current_therapy", "none"),
    ("Not currently on any systemic therapy after stopping lorlatinib.", "current_therapy", "none"),
    ("Is there no active cancer treatment at present?", "current_therapy", None),
    # 2. comfort care chosen, no more treatment
    ("Family and patient now prefer comfort-focused care; no further anticancer therapy.", "current_therapy", "none"),
    ("She has decided on comfort care only, no more cancer treatment.", "current_therapy", "none"),
    ("Best supportive care, no further systemic therapy.", "current_therapy", "none"),
    ("Discussed comfort care; no further anticancer therapy if she deteriorates.", "current_therapy", None),
    ("Her mother chose comfort care, no further cancer treatment.", "current_therapy", None),
    ("Would she prefer comfort care, no further cancer treatment?", "current_therapy", None),
    ("Comfort care discussed; no further anticancer therapy until she decides.", "current_therapy", None),
    # 3. a regimen given up to now, no subject
    ("Has been on maintenance pemetrexed for 6 months.", "current_therapy", "chemotherapy"),
    ("Has been receiving carboplatin/pemetrexed since October, tolerating well.", "current_therapy", "chemotherapy"),
    ("Has been on carbo/pem/pembro since 09/2025.", "current_therapy", "chemo_immunotherapy"),
    ("Had been on pemetrexed until March, then lorlatinib.", "current_therapy", None),
    ("Has been on docetaxel before lorlatinib.", "current_therapy", None),
    ("Her mother has been on pemetrexed for a year.", "current_therapy", None),
    ("Has he been on pemetrexed maintenance?", "current_therapy", None),
    # controls already right: plans, questions, past courses, other people
    ("Plan: start carboplatin and pemetrexed next week after progression on alectinib.", "current_therapy", None),
    ("Is he currently receiving pemetrexed?", "current_therapy", None),
    ("Completed 4 cycles of carboplatin/pemetrexed in 2021, then alectinib.", "current_therapy", None),
    ("Her sister is currently receiving chemotherapy.", "current_therapy", None),
    ("We discussed maintenance pemetrexed q3w as an option.", "current_therapy", None),
    ("He remains on pemetrexed maintenance q3w.", "current_therapy", "chemotherapy"),
    ("C3D1 carboplatin/pemetrexed given today. Prior alectinib, brigatinib.", "current_therapy", "chemotherapy"),
    # 4. CYP3A checks
    ("No CYP3A4 interactions on med rec.", "strong_cyp3a_inhibitor", False),
    ("No CYP3A4 interactions on med rec.", "strong_cyp3a_inducer", False),
    ("Concomitant meds reviewed by pharmacy - no significant CYP3A interactions.", "strong_cyp3a_inhibitor", False),
    ("Concomitant meds reviewed by pharmacy - no significant CYP3A interactions.", "strong_cyp3a_inducer", False),
    ("No strong inhibitors of CYP3A4.", "strong_cyp3a_inhibitor", False),
    ("No strong inhibitors of CYP3A4.", "strong_cyp3a_inducer", None),
    ("No inhibitors or inducers of CYP3A.", "strong_cyp3a_inhibitor", False),
    ("No inhibitors or inducers of CYP3A.", "strong_cyp3a_inducer", False),
    ("No strong inducers of CYP3A4.", "strong_cyp3a_inducer", False),
    ("On clarithromycin, a strong inhibitor of CYP3A4.", "strong_cyp3a_inhibitor", True),
    ("Not on any strong inhibitors of CYP3A4.", "strong_cyp3a_inhibitor", False),
    ("Inhibitors of CYP3A were discussed.", "strong_cyp3a_inhibitor", None),
    ("Any inhibitors of CYP3A?", "strong_cyp3a_inhibitor", None),
    ("Avoid strong inhibitors of CYP3A4 with lorlatinib.", "strong_cyp3a_inhibitor", None),
    ("Strong inhibitors of CYP3A4 should be avoided.", "strong_cyp3a_inhibitor", None),
    ("Are there CYP3A interactions with lorlatinib?", "strong_cyp3a_inhibitor", None),
    ("Any CYP3A4 interactions?", "strong_cyp3a_inhibitor", None),
    ("Check for CYP3A interactions before starting lorlatinib.", "strong_cyp3a_inhibitor", None),
    ("Is there any strong inhibitor of CYP3A4 on her list?", "strong_cyp3a_inhibitor", None),
    ("Current medications: lorlatinib 100 mg OD, itraconazole 200 mg BID.", "strong_cyp3a_inhibitor", True),
    # 5. an inducer's switch or its need to continue
    ("Phenytoin: essential, cannot be replaced.", "cyp3a_inducer_stoppable", False),
    ("Carbamazepine 400 bd; neurology say it cannot be discontinued.", "cyp3a_inducer_stoppable", False),
    ("Carbamazepine: prescriber agreed to taper and switch to lacosamide.", "cyp3a_inducer_stoppable", True),
    ("Phenytoin - neurology will wean and change to levetiracetam.", "cyp3a_inducer_stoppable", True),
    ("Carbamazepine: neurology not willing to taper and switch to lacosamide.", "cyp3a_inducer_stoppable", None),
    ("Could carbamazepine be tapered and switched to lacosamide?", "cyp3a_inducer_stoppable", None),
    ("Her brother takes carbamazepine; neurology agreed to taper and switch to lacosamide.", "cyp3a_inducer_stoppable", None),
    ("On carbamazepine for epilepsy; neurology happy to switch to levetiracetam.", "cyp3a_inducer_stoppable", True),
    ("Rifampicin for TB, 4 more months; ID says cannot be stopped.", "cyp3a_inducer_stoppable", False),
    ("On carbamazepine; neurologist prefers not to change it.", "cyp3a_inducer_stoppable", False),
    ("Phenobarbital long-term, epilepsy poorly controlled; switching not advised.", "cyp3a_inducer_stoppable", False),
    ("Would the neurologist prefer not to change carbamazepine?", "cyp3a_inducer_stoppable", None),
    # 6. second-language present
    ("Patient actually is receiving the third line chemotherapy docetaxel.", "current_therapy", "chemotherapy"),
    ("Currently receiving second line chemotherapy pemetrexed.", "current_therapy", "chemotherapy"),
    ("He is under chemotherapy with carboplatin and pemetrexed since 2 months.", "current_therapy", "chemotherapy"),
    ("Patient actually received docetaxel in 2022.", "current_therapy", None),
    ("Is he actually receiving docetaxel?", "current_therapy", None),
    ("He was under chemotherapy with carboplatin and pemetrexed until March.", "current_therapy", None),
    ("Her husband is under chemotherapy with carboplatin.", "current_therapy", None),
    # 7. no treatment now in other words
    ("At the moment she has no therapy.", "current_therapy", "none"),
    ("She is not taking any treatment for the cancer now.", "current_therapy", "none"),
    ("Treatment: none since 09/2025.", "current_therapy", "none"),
    ("At the moment she has no therapy planned.", "current_therapy", None),
    ("Does she have no therapy at the moment?", "current_therapy", None),
    ("Her father has no treatment at present.", "current_therapy", None),
    ("She is not taking any treatment for the cancer yet.", "current_therapy", None),
    ("Is she not taking any treatment for the cancer now?", "current_therapy", None),
    ("Treatment: none since 2019 until lorlatinib was started.", "current_therapy", None),
]


@pytest.mark.parametrize(("text", "field", "expected"), ROWS)
def test_rec22_forms(text: str, field: str, expected: object) -> None:
    assert extract_case(text).get(field) == expected
