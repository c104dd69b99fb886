"""safe16: six trust misreadings mended as classes, phrasings of our own.

1. Another person's medicine named with whose it is inside its statement ("Lorlatinib tablets belonging to her husband
   were found at home", "alectinib prescribed for his late father", "samples given to another patient") is theirs,
   not the patient's therapy. Controls: the patient's own tablets, a relative who brings the patient's drug, the
   patient named again after it.
2. A relative's own care past a comma ("His wife is managed palliatively, hospice at home") is theirs, not the
   patient's goals of care. Controls: the patient's care beside a relative who cares for them.
3. A therapy and a performance status paired before a short question with "still" ("alectinib and ECOG 3 - still
   ok?") are the question's premise, as "lorlatinib and G1202R - good?" is (test_safe15_forms.py): neither read.
   Controls: the patient's therapy and score told as statements before a question.
4. One named ALK mutation denied ("no G1202R mutation", "does not have a G1202R mutation") is not a negative panel:
   alk_mutations unread (the lead's decision: [] means "tested, no ALK resistance mutation found"). The whole class
   denied still reads [].
5. A chemotherapy or immunotherapy begun and then stopped ("Began docetaxel on 3 Nov; stopped on 20 Nov") was
   received. Controls: one planned and cancelled, prescribed and never started, a stop to come, another drug stopped.
6. A count of brain lesions its own clause places at the diagnosis, said "new" or followed by a clause telling the
   present of another organ ("3 new brain mets at diagnosis, now progression in liver"), is the extent then
   (cns_lesions unread; brain metastases still read). Controls: a count told now or on today's scan.
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


# 1. another person's medicine
@pytest.mark.parametrize(
    "text,fields",
    [
        ("Lorlatinib tablets belonging to her husband were found at home", {"prior_tkis": None}),
        ("A box of alectinib belonging to his wife was in the kitchen", {"prior_tkis": None}),
        ("Alectinib that belonged to his late father was found in the flat", {"prior_tkis": None}),
        ("Alectinib prescribed for her late mother is still in the house", {"prior_tkis": None}),
        ("A prescription for crizotinib issued to her brother was in her handbag", {"prior_tkis": None}),
        ("Brigatinib samples given to another patient were found in her room", {"prior_tkis": None}),
        ("Lorlatinib capsules owned by her sister were found in her bag", {"prior_tkis": None}),
        ("Some crizotinib left over from her late husband is in the cupboard", {"prior_tkis": None}),
        # controls: the patient's own, a relative bringing hers, the patient named again after it
        ("Her lorlatinib tablets were found at home", {"prior_tkis": ["lorlatinib"]}),
        ("Her husband brings her alectinib every month", {"prior_tkis": ["alectinib"]}),
        ("Her daughter collects her brigatinib from the pharmacy", {"prior_tkis": ["brigatinib"]}),
        ("Lorlatinib tablets belonging to her were found at home", {"prior_tkis": ["lorlatinib"]}),
        (
            "Lorlatinib tablets that belong to her husband were found at home; she is on alectinib",
            {"prior_tkis": ["alectinib"]},
        ),
        (
            "Lorlatinib tablets belonging to her husband were found at home. She takes alectinib 600 mg bid",
            {"prior_tkis": ["alectinib"]},
        ),
        ("She has been on alectinib since 2021, prescribed to her by Dr Lee", {"prior_tkis": ["alectinib"]}),
    ],
)
def test_another_persons_medicine(text, fields):
    assert_reads(text, fields)


# 2. a relative's own care
@pytest.mark.parametrize(
    "text,fields",
    [
        ("His wife is managed palliatively, hospice at home", {"goals_of_care": None}),
        ("Her husband is palliative, DNR, comfort care only", {"goals_of_care": None}),
        ("Her mother has terminal cancer, hospice at home", {"goals_of_care": None}),
        ("His father is dying of lung cancer, best supportive care", {"goals_of_care": None}),
        ("Her husband is in a hospice, comfort measures only", {"goals_of_care": None}),
        # controls: the patient's care, a relative caring for the patient or reporting the patient's wish
        ("He is managed palliatively, hospice at home; his wife is his carer", {"goals_of_care": "comfort"}),
        ("His wife is his carer; he is managed palliatively, hospice at home", {"goals_of_care": "comfort"}),
        ("His wife is his carer, hospice at home", {"goals_of_care": "comfort"}),
        ("His wife reports he wants hospice at home", {"goals_of_care": "comfort"}),
        ("Lives with wife, DNR, comfort care", {"goals_of_care": "comfort"}),
    ],
)
def test_a_relatives_own_care(text, fields):
    assert_reads(text, fields)


# 3. a therapy and a performance status paired before a short question
@pytest.mark.parametrize(
    "text,fields",
    [
        ("alectinib and ECOG 3 - still ok?", {"prior_tkis": None, "ecog": None}),
        ("alectinib and ECOG 3 - is it still ok?", {"prior_tkis": None, "ecog": None}),
        ("brigatinib plus PS 2 - still reasonable?", {"prior_tkis": None, "ecog": None}),
        ("lorla + ECOG 3, still safe?", {"prior_tkis": None, "ecog": None}),
        ("Alectinib & PS 3 — still fine?", {"prior_tkis": None, "ecog": None}),
        ("alectinib and ECOG 3 - still an option?", {"prior_tkis": None, "ecog": None}),
        ("ECOG 3 and alectinib - still ok?", {"prior_tkis": None, "ecog": None}),
        ("PS 2 + brigatinib, still fine?", {"prior_tkis": None, "ecog": None}),
        ("brigatinib + PS 2, fine?", {"prior_tkis": None, "ecog": None}),
        ("lorlatinib and G1202R - still good?", {"prior_tkis": None, "alk_mutations": None}),
        # controls: told as the patient's, a question after
        ("On alectinib, ECOG 3. Is lorlatinib ok?", {"prior_tkis": ["alectinib"], "ecog": 3}),
        ("On alectinib and ECOG 3 - still ok?", {"prior_tkis": ["alectinib"], "ecog": 3}),
        ("She is on alectinib, ECOG 3 - still ok?", {"prior_tkis": ["alectinib"], "ecog": 3}),
    ],
)
def test_a_therapy_and_performance_status_paired_in_a_question(text, fields):
    assert_reads(text, fields)


# 4. one named mutation denied is not the whole class denied
@pytest.mark.parametrize(
    "text,fields",
    [
        ("no G1202R mutation", {"alk_mutations": None}),
        ("He does not have a G1202R mutation", {"alk_mutations": None}),
        ("Rebiopsy shows no G1202R resistance mutation", {"alk_mutations": None}),
        ("no G1202R or L1196M mutations", {"alk_mutations": None}),
        ("NGS: no G1202R mutation, no MET amplification", {"alk_mutations": None}),
        ("negative for the G1202R-mutation", {"alk_mutations": None}),
        ("G1202R not detected", {"alk_mutations": None}),
        # controls: the whole class denied, a mutation found
        ("no ALK mutation", {"alk_mutations": []}),
        ("no ALK resistance mutations", {"alk_mutations": []}),
        ("no kinase domain mutations", {"alk_mutations": []}),
        ("no G1202R or other ALK mutation", {"alk_mutations": []}),
        ("no G1202R or other mutations", {"alk_mutations": []}),
        ("rebiopsy: G1202R mutation detected", {"alk_mutations": ["G1202R"]}),
    ],
)
def test_one_named_mutation_denied(text, fields):
    assert_reads(text, fields)


# 5. a chemotherapy or immunotherapy begun, then stopped
@pytest.mark.parametrize(
    "text,fields",
    [
        ("Began docetaxel on 3 Nov; stopped on 20 Nov", {"prior_chemotherapy": True}),
        ("Started docetaxel on 3 Nov, stopped 20 Nov", {"prior_chemotherapy": True}),
        ("Docetaxel started 3/11, stopped 20/11 for neutropenia", {"prior_chemotherapy": True}),
        ("Started carboplatin pemetrexed; stopped after 2 cycles", {"prior_chemotherapy": True}),
        ("Commenced docetaxel in March, discontinued in May for toxicity", {"prior_chemotherapy": True}),
        ("Docetaxel begun 3 Nov. Stopped 20 Nov due to fatigue", {"prior_chemotherapy": True}),
        ("Initiated docetaxel 01/2024; discontinued 03/2024 (neuropathy)", {"prior_chemotherapy": True}),
        ("Started immunotherapy in June; stopped in August", {"prior_immunotherapy": True}),
        ("Began checkpoint inhibitor in 2022; discontinued after 3 cycles", {"prior_immunotherapy": True}),
        # controls: planned, never started, a stop to come, another drug stopped, another person's, a what-if
        ("planned docetaxel, cancelled before starting", {"prior_chemotherapy": None}),
        ("docetaxel was prescribed but never started", {"prior_chemotherapy": None}),
        ("Docetaxel planned to start 3 Nov; stopped before first dose", {"prior_chemotherapy": None}),
        ("Started docetaxel 3 Nov, to be stopped after 4 cycles", {"prior_chemotherapy": None}),
        ("Started docetaxel on 3 Nov; dexamethasone stopped on 20 Nov", {"prior_chemotherapy": None}),
        ("Her husband began docetaxel in May, stopped in June", {"prior_chemotherapy": None}),
        ("If she started docetaxel and stopped it early, what then?", {"prior_chemotherapy": None}),
        ("Immunotherapy planned; stopped before starting", {"prior_immunotherapy": None}),
    ],
)
def test_a_therapy_begun_then_stopped(text, fields):
    assert_reads(text, fields)


# 6. a count of brain lesions placed at the diagnosis
@pytest.mark.parametrize(
    "text,fields",
    [
        (
            "3 new brain mets at diagnosis, now progression in liver on alectinib",
            {"cns_lesions": None, "brain_metastases": True},
        ),
        ("At diagnosis 3 new brain mets; now liver PD on alectinib", {"cns_lesions": None}),
        ("Two new brain lesions at baseline, now liver progression", {"cns_lesions": None}),
        ("3 brain mets at diagnosis, now progression in liver on alectinib", {"cns_lesions": None}),
        ("3 new brain mets at diagnosis", {"cns_lesions": None}),
        # controls: the count told now, on today's scan, or in a later clause of its own
        ("3 new brain mets now", {"cns_lesions": "limited"}),
        ("3 new brain mets on today's MRI", {"cns_lesions": "limited"}),
        ("MRI now: 3 new brain mets; at diagnosis none", {"cns_lesions": "limited"}),
        ("At diagnosis 2 brain mets, now 6 new brain mets", {"cns_lesions": "extensive"}),
        ("At diagnosis 2 brain mets, 3 new brain mets on today's MRI", {"cns_lesions": "limited"}),
        ("2 brain mets at diagnosis (current MRI)", {"cns_lesions": "limited"}),
    ],
)
def test_a_count_placed_at_the_diagnosis(text, fields):
    assert_reads(text, fields)
