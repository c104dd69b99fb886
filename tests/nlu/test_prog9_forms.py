"""Pattern-of-progression forms of the prog9 pass (own phrasings, with near-miss controls).

1. A site as a key, a restaging list's row, a form's field or a tracker's cell, valued by its growth ("Liver: PD",
   "Bone - progression", "Adrenal: new x2", "liver seg VII<tab>new 1.6 cm"): that site progresses; two site groups
   are systemic, the rest keyed controlled beside one is oligoprogression. A site keyed controlled ("Nodes: SD") is
   not the whole disease's none beside them; sites keyed controlled with nothing progressing are no progression. Not
   a lab or a symptom keyed by an organ ("Liver function: increased", "Bone pain: new"), a denial, a question, a
   plan, a relative's cancer.
2. The disease said stable apart from a growth ("Stable except for a new liver lesion", "everything unchanged except
   the left adrenal, which is larger"), most of it said stable beside a growth ("Most lesions stable, but two liver
   lesions have grown"), a shrinkage or regression said of the rest ("shrinkage elsewhere"), and two sites said to
   respond before a growth in their sentence ("The primary and nodes continue to respond; the adrenal metastasis has
   grown"): oligoprogression. Not an exception that is no lesion (fatigue, a cough), a question, the brain's lesions.
3. The brain named the only site of progression after it, or the progression said to be confined to it ("The sole site
   of progression is the brain", "Progression is confined to the CNS"): CNS-only; not another organ, a question, a
   plan.
4. One lesion with nothing else new ("a single new rib lesion; no other new lesions"), an isolated progression at a
   single lesion ("isolated progression in one rib lesion"): oligoprogression; not a brain lesion, not denied.
5. No progression in a response read's words: target lesions stable, no evidence of disease, the read's "Overall
   improved", radiation necrosis rather than progression beside the body stable, body scans dated and said stable
   with nothing else told. Not beside a site progressing, a brain lesion new, known brain disease, or a question.
"""

from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than

# ---- 1. a site as a key ---------------------------------------------------------------------------------------
SITE_KEYS_SYSTEMIC = [
    "Restaging 12/2025\nLiver: PD\nBone: PD\nLung primary: SD",
    "CT CAP today. Hepatic - progression. Osseous - progression. Nodes - stable.",
    "Response by site: liver: new x3; adrenal: new; lung: stable.",
    "Sites | status\nliver | new lesions\nbones | progressing\nbrain | no mets",
    "2025-12-01\tliver seg VII\tnew 1.6 cm\n2025-12-01\tL adrenal\tnew 1.1 cm\n2025-12-01\tlung primary\tstable",
    # the new lesions named first in a bracket of sites
    "RECIST assessment: PD (new lesions hepatic, osseous).",
    # the lesions counted or described after a site's key
    "Restaging - PD. Liver: 3 new mets. Bones: new sclerotic foci.",
    # each site's finding in brackets after the word
    "Progressive disease: liver (new, multiple), bone (new T11), nodes (enlarging).",
]



SITE_KEYS_OLIGO = [
    "Restaging: Adrenal: PD. All other sites: SD.",
    "Per-site review\nR adrenal - new 2.3 cm\nEverything else: stable",
    "Liver: progressing. Remaining sites: stable.",
]



SITE_KEYS_CONTROLLED = [
    "Liver: SD. Bone: SD.",
    "Restaging by site\nLung: PR\nNodes: stable\nBone: unchanged",
]



SITE_KEYS_NOT_PROGRESSING = [
    # a lab, a symptom, an organ's size keyed by its organ
    "Liver function: increased. Bone profile: increased.",
    "Bone pain: new, left hip. Liver enzymes: increasing.",
    # a denial
    "Liver: no new lesions. Bone: no new lesions.",
    # a question
    "Liver: PD? Bone: PD? Please confirm on the scan.",
    # a plan
    "Plan: if liver: PD and bone: PD, switch to chemotherapy.",
    # a relative's cancer
    "Her father's lung cancer: liver: PD, bone: PD.",
    # sites in brackets said stable
    "Progressive disease: liver (new), bone (stable), nodes (unchanged).",
]



SITE_KEYS_NOT_NONE = [
    # brain progression beside a site keyed stable: not the whole disease's none
    "Liver: stable. MRI brain: 2 new lesions.",
    # known brain disease, nothing said of it now
    "Known brain mets. Liver: SD.",
]




# ---- 2. stable apart from a growth; most stable; the rest shrinking; sites responding before a growth --------------
REST_BESIDE_A_GROWTH = [
    "CT: stable except for a new 12 mm liver lesion.",
    "Stable disease apart from growth of the right adrenal metastasis.",
    "Everything unchanged except the left adrenal, which is larger.",
    "Most lesions stable, but two hepatic lesions have grown.",
    "The majority of sites unchanged; the left adrenal enlarging.",
    "Mixed picture with growth of a left adrenal nodule and shrinkage elsewhere.",
    "The lung primary and mediastinal nodes continue to respond; the adrenal metastasis has grown from 14 to 27 mm.",
    "Liver and bone lesions smaller, but the right adrenal is now bigger.",
    "Dissociated response: the hepatic lesions respond, the left adrenal grows.",
    "The nodes responded and the adrenal progressed.",
    "Left adrenal metastasis up from 1.9 to 3.4 cm, otherwise stable.",
    "IMPRESSION:\n1. Increased size of left adrenal metastasis.\n2. Otherwise stable.",
]



REST_NOT_BESIDE_A_LESION = [
    # an exception that is no lesion
    "Stable except for fatigue.",
    "Stable apart from a new cough.",
    # a question
    "Is the disease stable apart from the new liver lesion?",
    # the rest shrinking with nothing growing
    "Shrinkage elsewhere.",
    # sites stable beside the brain's new lesions, or a new symptom
    "Liver and bone stable, but new brain metastases.",
    "Lung and nodes stable, new cough since October.",
    # most stable, nothing new
    "Most lesions stable; no new lesions.",
    # a site responding beside a symptom worse
    "Liver lesions responding, but bone pain worse.",
    # the organ's size, a growth denied
    "Increased size of the liver, otherwise stable.",
    "No increased size of the adrenal nodule; otherwise stable.",
]



# ---- 3. the brain the only site ------------------------------------------------------------------------------
BRAIN_ONLY = [
    "The sole site of progression is the brain.",
    "On lorlatinib; the only site of progression is the CNS.",
    "Progression is confined to the brain on alectinib.",
    "Progression remains restricted to the CNS.",
    "Restaging: IC PD, EC SD.",
    "Intracranial progression despite ongoing extracranial response.",
    # the body's scan finding nothing new or no disease, the body said controlled outside the brain or below the neck
    "MRI: new 7 mm lesion in the right parietal lobe. Restaging CT: no new lesions.",
    "Two new cerebellar lesions; PET-CT negative for extracranial disease.",
    "PET/CT: no FDG-avid disease. MRI brain: 3 new metastases.",
    "Outside the brain, he remains in complete remission; MRI shows a new 8 mm frontal metastasis.",
    "Below the neck everything is stable; MRI brain shows 2 new metastases.",
]



BRAIN_ONLY_NOT = [
    "Is the only site of progression the brain?",
    "If progression is confined to the brain, we would give SRS.",
    "The only site of progression is the liver.",
    # the brain's shorthand alone, nothing said of the body
    "MRI: IC PD.",
    # the head's scan finding nothing new, a body scan's negative of the brain, a question
    "CT head: no new lesions. MRI brain: 2 new lesions.",
    "CT: no new lesions in the brain; new liver mets.",
    "Would a CT showing no new lesions mean we can give SRS for the 3 new brain mets?",
]



# ---- 4. one lesion, nothing else new ---------------------------------------------------------------------------
ONE_LESION = [
    "A single new rib lesion on bone scan; no other new lesions.",
    "New 15 mm left adrenal nodule, no other new disease.",
    "Isolated progression in one rib lesion on brigatinib.",
    "Isolated relapse at the left adrenal.",
]



ONE_LESION_NOT = [
    "New brain metastasis; no other new lesions.",
    "Isolated progression in a single brain lesion.",
    "No isolated progression in the adrenal.",
]



# ---- 5. a response read's words; dated scans stable --------------------------------------------------------------
NO_PROGRESSION = [
    "RECIST 1.1: no new lesions; all target lesions stable.",
    "Target lesions decreased; non-target lesions unchanged.",
    "She remains without evidence of disease on alectinib.",
    "CT chest: 1. Smaller left lower lobe mass. 2. Resolved pleural effusion. Overall improved.",
    "MRI: favours radiation necrosis over progression. Extracranial disease stable.",
    "CT 11/20: stable. Continue brigatinib.",
    "PET-CT 03.2025 - no change. CT 09/2025: stable.",
    "Restaging scans show no change.",
    "Nothing new on the CT; continue alectinib.",
    "Everything stable on today's scans.",
    "CT: no new lesions, slight decrease of the right lower lobe mass.",
]



NO_PROGRESSION_NOT = [
    # a site progressing beside them
    "Target lesions stable but new liver metastases.",
    "Overall improved but new liver and bone lesions.",
    "No evidence of disease in the brain; liver lesions growing.",
    "Radiation necrosis, not progression. New liver and bone metastases.",
    # a later scan progressing, a brain lesion new, known brain disease
    "CT 09/2025: stable. CT 12/2025: new liver lesions.",
    "CT 11/2025: stable. MRI brain: 2 new lesions.",
    "Known brain mets. CT 11/2025: stable.",
    # a question, a response's key valued by progression
    "Is this radiation necrosis rather than progression?",
    "Overall response: PD.",
    # the brain's own scan, a new lesion beside no new lesions elsewhere
    "MRI brain shows no change.",
    "Everything stable on the CT of the brain.",
    "No new lesions, slight decrease in size; new liver lesion.",
]


SITE_KEYS_SYSTEMIC.append("Liver: PD. Bone: PD. Nodes: SD.")  # a site keyed controlled: no none beside them

# what each list must be read as, and what each list of controls must not be
READS = [
    *((t, "systemic") for t in SITE_KEYS_SYSTEMIC),
    *((t, "oligoprogression") for t in SITE_KEYS_OLIGO + REST_BESIDE_A_GROWTH + ONE_LESION),
    *((t, "none") for t in SITE_KEYS_CONTROLLED + NO_PROGRESSION),
    *((t, "cns_only") for t in BRAIN_ONLY),
]
NOT_READ = [
    *((t, "systemic") for t in SITE_KEYS_NOT_PROGRESSING),
    *((t, "none") for t in SITE_KEYS_NOT_NONE + NO_PROGRESSION_NOT),
    *((t, "oligoprogression") for t in REST_NOT_BESIDE_A_LESION + ONE_LESION_NOT),
    *((t, "cns_only") for t in BRAIN_ONLY_NOT),
]


@pytest.mark.parametrize(("text", "value"), READS)
def test_the_pattern_is_read(text, value):
    assert_reads(text, {"progression": value})


@pytest.mark.parametrize(("text", "value"), NOT_READ)
def test_the_near_miss_is_not_read_so(text, value):
    assert_reads_other_than(text, {"progression": value})
