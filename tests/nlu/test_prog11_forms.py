"""Progression patterns the extractor missed (prog11, 2026-12-07).

1. A recurrence told with its sites and dated before the TKI taken since ("Relapsed 2020 in the pleura and bones;
   alectinib since 2020") is the history before that TKI. A progression told after the TKI kept it current, and so
   it read SYSTEMIC beside new brain metastases with the body stable, or beside another person's progression ("her
   sister's cancer progressed on crizotinib"). A brain's progression alone, or one supposed, asked or another
   person's, no longer does: the brain's progression with the body stable is CNS-only. A body progression told after
   the TKI still keeps it (tests/nlu/test_earlier_events_forms.py).
2. A body scan keyed with a bracket before its colon and said stable disease ("Body CT (this admission): stable
   disease") read as no progression at all, so a new brain lesion beside it read NONE: it is the body's half.
   (A note keyed by organ, "Brain: stable. Body: progression in liver", stays no pattern: one site said
   progressing, as tests/nlu/test_progression_sites_forms.py holds "brain: no new lesions. body: new liver mets".)
3. Two to four extracranial sites listed as progressing with the rest said controlled after them in the sentence ("PD
   in liver and adrenal; others stable") read SYSTEMIC: the list's own reading took precedence over the rest
   controlled, though the sites' groups read with the rest are oligoprogression. The list no longer claims systemic
   when the rest is said controlled after it; five sites or more, lesions counted many, the brain counted in, or
   the rest told in another sentence read as before.
Controls: questions, denials, plans, other people, history, responses, stable disease."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than

# ---- 1. a recurrence before the current TKI, beside a later progression of the brain or of another person ----------
RECURRENCE_THEN_BRAIN = [
    "Relapsed 2020 in the pleura and bones; alectinib since 03/2020. MRI now: 3 new brain metastases. CT body stable.",
    "Metastatic recurrence 2019 with liver and nodal disease, started on alectinib 05/2019. Latest MRI shows two new "
    "cerebellar metastases; CT chest/abdomen/pelvis unchanged.",
    "Recurred 2022 with bone and adrenal mets; brigatinib since 02/2022. Her mother's breast cancer progressed on "
    "letrozole. CT body stable. MRI brain: 4 new lesions.",
]


@pytest.mark.parametrize("text", RECURRENCE_THEN_BRAIN)
def test_recurrence_before_the_tki_is_history_beside_a_brain_progression(text: str) -> None:
    assert_reads(text, {"progression": "cns_only"})


RECURRENCE_ONLY_HISTORY = [
    "Relapsed 2020 in the pleura and bones; alectinib since 03/2020. Her sister's cancer progressed on crizotinib.",
    "Recurrence 2021 with liver and bone metastases; on alectinib since 07/2021. Would we switch if she progressed?",
    "Recurred 2021 with lung and bone mets; lorlatinib since 09/2021. Restage to assess for progression in March.",
]


@pytest.mark.parametrize("text", RECURRENCE_ONLY_HISTORY)
def test_recurrence_before_the_tki_beside_others_words_is_history(text: str) -> None:
    assert_reads_other_than(text, {"progression": "systemic"})


RECURRENCE_THEN_BODY = [
    # the body progresses after the TKI began: as before, the recurrence's sites are read with it
    "Relapsed 2020 in the pleura and bones; alectinib since 03/2020, now new liver and adrenal metastases.",
    # the TKI began before the recurrence: a progression on it
    "Relapsed 2023 in the liver and bones; alectinib since 03/2020.",
    # no TKI told as begun after it
    "Relapsed 2020 in the pleura and bones; alectinib being considered.",
]


@pytest.mark.parametrize("text", RECURRENCE_THEN_BODY)
def test_recurrence_with_the_body_progressing_after_or_on_the_tki_is_systemic(text: str) -> None:
    assert_reads(text, {"progression": "systemic"})


# ---- 2. a body scan with a bracket before its colon, said stable disease ---------------------------------------------
BODY_SCAN_BRACKETED = [
    "MRI: new 11 mm right parietal metastasis. Body CT (this admission): stable disease; no new lesions.",
    "New left occipital metastasis on MRI. CT body (staging, 11/2025): stable disease.",
    "MRI head: three new lesions. Body PET (last week): SD.",
    # brain disease found present, the body said stable disease: CNS-only, as "CT body: stable" beside it reads
    "MRI: a solitary 15 mm left frontal metastasis with oedema. Body CT (this admission): stable disease.",
]


@pytest.mark.parametrize("text", BODY_SCAN_BRACKETED)
def test_bracketed_body_scan_stable_disease_is_the_bodys_half(text: str) -> None:
    assert_reads(text, {"progression": "cns_only"})


BODY_SCAN_NOT_CNS_ONLY = [
    # the body progresses too
    "MRI: new 11 mm right parietal metastasis. Body CT (this admission): stable disease apart from a new liver lesion.",
    # a question
    "MRI: new 11 mm right parietal metastasis. Body CT (this admission): stable disease?",
    # the brain stable too: nothing progresses
    "MRI: treated lesions stable. Body CT (this admission): stable disease.",
    # the brain's lesion not new, responding
    "MRI: known parietal metastasis smaller. Body CT (11/2025): stable disease.",
]


@pytest.mark.parametrize("text", BODY_SCAN_NOT_CNS_ONLY)
def test_bracketed_body_scan_beside_no_brain_progression_is_no_cns_only(text: str) -> None:
    assert_reads_other_than(text, {"progression": "cns_only"})


# ---- 3. a few sites listed as progressing, the rest said controlled after them --------------------------------------
FEW_SITES_REST_CONTROLLED = [
    "PD in liver and adrenal; others stable.",
    "Progression in the liver and bones, rest of disease controlled on lorlatinib.",
    "New hepatic and adrenal lesions; all other sites unchanged.",
    "CT: new liver, adrenal and pleural lesions - remaining disease stable.",
    "Progressing in the right adrenal and T9, while the rest is responding.",
]


@pytest.mark.parametrize("text", FEW_SITES_REST_CONTROLLED)
def test_a_few_sites_beside_the_rest_controlled_is_oligoprogression(text: str) -> None:
    assert_reads(text, {"progression": "oligoprogression"})


FEW_SITES_NOT_OLIGO = [
    # five site groups: never a few
    "New liver, bone, adrenal, pleural and peritoneal lesions; the rest stable.",
    # lesions counted many
    "Multiple new liver and bone metastases; the rest stable.",
    # the brain counted in
    "PD in liver and adrenal and 2 new brain mets; rest stable.",
    # nothing said of the rest
    "PD in liver and adrenal.",
]


@pytest.mark.parametrize("text", FEW_SITES_NOT_OLIGO)
def test_a_few_sites_near_misses_are_no_oligoprogression(text: str) -> None:
    assert_reads_other_than(text, {"progression": "oligoprogression"})


FEW_SITES_NOTHING = [
    # a question
    "Is there PD in liver and adrenal with others stable?",
    # another person
    "Her brother had PD in liver and bone, others stable.",
    # a denial
    "No progression in liver and adrenal; others stable.",
    # a plan
    "Restage to look for progression in liver and adrenal; others stable so far.",
]


@pytest.mark.parametrize("text", FEW_SITES_NOTHING)
def test_a_few_sites_near_misses_read_no_progressing_pattern(text: str) -> None:
    assert_reads_other_than(text, {"progression": "oligoprogression"})
    assert_reads_other_than(text, {"progression": "systemic"})
