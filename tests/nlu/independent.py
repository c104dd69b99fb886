"""Field-level scoring of the extractor on the independent phrasing sets (written by another hand, see
independent_tune.yml's header): shared by tests/nlu/test_independent.py and bench/nlu_phrasings.py.

Each case field the extractor reads is one (field, value) pair; a list contributes one pair per item, except
`prior_tkis` and `intolerant_tkis`, whose order is part of the answer (the whole list is one pair, so a wrong order
costs a false positive and a false negative). An empty list is the pair (field, []). `current_therapy: alk_tki`
counts as absent, as the set's conventions say.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class PhrasingSet:
    """One independent set: written by one outside hand from one route, split 60/40 with a fixed seed into a tuning
    half (the extractor was tuned on it) and a held-out half (copied in unread; only aggregates are ever printed).
    `unannotated`: fields the writer did not annotate, left out of the set's score. `as_taken`: the writer labelled the
    case as the assistant takes it, which adds alk_positive when a TKI received, an ALK resistance mutation or the ALK
    fusion found at progression is named (actions/case_state.py alk_evidence: the extractor leaves that to the
    conversation, which says so in the read-back); the set is scored on the extractor's reading with that one step added (`reader`).

    What the tests hold each file to, as (tuning half, held-out half); how a figure is set is said in
    tests/nlu/test_independent.py (`f1_floor`, `questions_changed`, `min_questions`) and tests/test_questions_dialogue.py
    (`changed_in_dialogue`, the tuning half only):
    `f1_floor`: the F1 below which a findings file fails; `questions_changed`: the most questions of a questions file
    that may change the case (None: no such file); `min_questions`: the size below which a questions file is not the
    one measured (the later sets hold fewer questions than sets 1 and 2); `changed_in_dialogue`: the most questions of
    the tuned questions file that may change the case in the dialogue."""
    id: str
    route: str
    findings_tune: str
    findings_heldout: str
    questions_tune: str | None
    questions_heldout: str
    f1_floor: tuple[float, float]
    questions_changed: tuple[int | None, int]
    changed_in_dialogue: int | None
    min_questions: tuple[int, int] = (50, 50)
    unannotated: frozenset[str] = frozenset()
    as_taken: bool = False


# Adding a set: copy its four files in with cp (never open the held-out ones), then add a row whose floors are the
# levels bench/nlu_phrasings.py and bench/questions_dialogue.py measured BEFORE any tuning on it.
# (2026-12-06c) tuned floors of sets 10 and 12-17 raised to the tuned halves' F1 (4 decimals) less 0.001, rounded down, after
# the order-status, subset-denial, trust, export, pattern, brain, specimen, therapy, molecular and date wording:
# 10 0.9346, 12 0.9652, 13 0.9608, 14 0.9620, 15 0.9241, 16 0.8909, 17 0.8985 (/work tuned-halves scorer, the same
# score() as bench/nlu_phrasings.py); held-out floors unchanged
# (2026-12-06d) tuned floors of sets 8, 11, 12 and 15-17 raised to the tuned halves' F1 less 0.001, rounded down, after
# the plan, caution, other-primary, order, ECOG, toxicity, hedge, amendment, open-line, brain-key, fusion and pattern
# classes of the fourth tuning: 8 0.9713, 11 0.9721, 12 0.9673, 15 0.9258, 16 0.8958, 17 0.9029 (/work tuned-halves
# scorer, the same score() as the bench); held-out floors unchanged
# (2026-12-06e) tuned floors of sets 5, 9-11, 13, 16 and 17 raised to the tuned halves' F1 less 0.001, rounded down,
# after the fifth tuning (risk notes, checked-list denials, counted sites, brain counts, specimens, this admission,
# numbered lines, spelled-out fusions): 5 0.9811, 9 0.9744, 10 0.9468, 11 0.9745, 13 0.9645, 16 0.8971, 17 0.9077
# (/work tuned-halves scorer, the same score() as the bench); held-out floors unchanged
# (2026-12-06f) tuned floors of sets 1, 2, 13 and 15-17 raised to the tuned halves' F1 less 0.001, rounded down, after
# the sixth tuning (sites keyed by their growth, a few growing among stable, current chemotherapy's cycles, re-biopsy
# specimens, checklists' rows and untested results, pronouns after a relative): 1 0.9970, 2 0.9954, 13 0.9660,
# 15 0.9288, 16 0.9087, 17 0.9194 (/work tuned-halves scorer, the same score() as the bench); held-out floors unchanged
# (2026-12-06g) tuned floors of sets 8-10, 12, 13 and 15-17 raised to the tuned halves' F1 less 0.001, rounded down,
# after the seventh tuning (current therapy and toxic stops, brain lesion counts, inducers, the fusion's specimen,
# precision of symptoms, transformation and biopsies, site lists as the disease's extent, form answers, proposals):
# 8 0.973, 9 0.974, 10 0.948, 12 0.968, 13 0.966, 15 0.929, 16 0.911, 17 0.924 (/work tuned-halves scorer, the same
# score() as the bench; pooled 0.9627); held-out floors unchanged
# (2026-12-07) tuned floors of sets 10, 12, 15 and 17 raised to the tuned halves' F1 less 0.001, rounded down, after
# the eighth tuning (therapy given now and nothing now, toxic stops, spread words as the extent, the brain said
# progressed, and the safety mends of results past their tests, differentials, other organs and other cases):
# 10 0.949, 12 0.969, 15 0.931, 17 0.925 (/work tuned-halves scorer, the same score() as the bench; pooled 0.9631);
# held-out floors unchanged
# (2026-12-07b) tuned floors of sets 14-17 raised to the tuned halves' F1 less 0.001, rounded down, after the ninth
# tuning (safety classes found by probing, the order of TKIs across sentences, current regimens by their cycle rows,
# maintenance, intolerance by name, a recurrence before the current TKI, brain reports and counts, the lung biopsy's
# fusion): 14 0.962, 15 0.932, 16 0.913, 17 0.929 (/work tuned-halves scorer, the same score() as the bench; pooled
# 0.9639); held-out floors unchanged
# (2026-12-07d) tuned floors of sets 15 and 17-19 raised to the tuned halves' F1 less 0.001, rounded down, after the
# twelfth tuning (sets 18 and 19's tuned halves: translated and second-language words of the brain, the pattern,
# biopsies, the fusion, therapies, CYP3A drugs, pregnancy, comorbidities, region; questions in other languages; and the
# safety mends of brain inside site lists, an earlier specimen's mutation, a relative's result, a stop for toxicity
# denied): 15 0.934, 17 0.930, 18 0.921 (0.8916 before), 19 0.887 (0.7929 before) (/work tuned-halves scorer, the same
# score() as the bench; pooled 0.9546); held-out floors unchanged
SETS = (
    # Set 1 was written before the schema's alk_fusion_specimen (it never sets it, even for "ALK fusion not detected
    # on the rebiopsy"), and its questions were never split: all of them are held out.
    PhrasingSet("1", "published case reports and NGS/pathology report wording", "independent_tune.yml", "independent_heldout.yml",
                None, "independent_questions.yml", f1_floor=(0.996, 0.955), questions_changed=(None, 0),
                changed_in_dialogue=None, unannotated=frozenset({"alk_fusion_specimen"})),
    PhrasingSet("2", "published case reports and NGS report wording, a second hand", "independent2_tune.yml",
                "independent2_heldout.yml", "independent2_questions_tune.yml", "independent2_questions_heldout.yml",
                # (recall256) tuned 0.9945, unchanged (tests/nlu/test_recall256_forms.py); (cnscount) 0.9936: a count of
                # three brain mets beside systemic progression is read limited, which this writer left unlabelled
                # and the other writers label (tests/nlu/test_count_and_panel_forms.py)
                f1_floor=(0.994, 0.904), questions_changed=(0, 0), changed_in_dialogue=0),
    PhrasingSet("3", "progress notes, clinic letters, tumour boards, case reports", "independent3_tune.yml",
                "independent3_heldout.yml", "independent3_questions_tune.yml", "independent3_questions_heldout.yml",
                f1_floor=(0.993, 0.897), questions_changed=(0, 0), changed_in_dialogue=0, min_questions=(50, 38)),
    PhrasingSet("4", "NGS/pathology/cytology/radiology report wording and chat shorthand", "independent4_tune.yml",
                "independent4_heldout.yml", "independent4_questions_tune.yml", "independent4_questions_heldout.yml",
                # (recall9) tuned 0.9845 -> 0.9867 after consult and form wording (tests/nlu/test_consult_forms.py)
                # (2026-12-05) tuned floor 0.986 -> 0.987 after the hedge, biopsy, brain, response, pattern and
                # precision forms (bench/nlu_phrasings.py, 3 decimals less 0.001)
                f1_floor=(0.987, 0.861), questions_changed=(0, 3), changed_in_dialogue=0, min_questions=(50, 36)),
    # Sets 5-7 before any tuning on them: tuned 0.902 / 0.872 / 0.858, held-out 0.884 / 0.897 / 0.864
    PhrasingSet("5", "EHR copy-paste: key-value templates, timelines, medication lists, MDT proformas",
                "independent5_tune.yml", "independent5_heldout.yml", "independent5_questions_tune.yml",
                "independent5_questions_heldout.yml",
                # (recall256) tuned 0.977 -> 0.9782 (tests/nlu/test_recall256_forms.py)
                f1_floor=(0.980, 0.897), questions_changed=(0, 0), changed_in_dialogue=0, min_questions=(50, 35)),
    PhrasingSet("6", "chat typed in a hurry: typos, text-speak, dictation, self-corrections, non-native English",
                "independent6_tune.yml", "independent6_heldout.yml", "independent6_questions_tune.yml",
                "independent6_questions_heldout.yml",
                # (recall256) tuned 0.977 -> 0.9806 (tests/nlu/test_recall256_forms.py)
                # (q6) tuned questions changing the case 3 -> 0, extractor and dialogue: a bare finding leading with a
                # dash to a therapy asked about is the question's premise (tests/nlu/test_sloppy_question_forms.py)
                # (2026-12-06b) tuned floor 0.98 -> 0.989 after the trust, brain, fusion, pattern, comorbidity and export-form
                # wording (bench/nlu_phrasings.py; 4 decimals less 0.001, rounded down)
                f1_floor=(0.989, 0.916), questions_changed=(0, 3), changed_in_dialogue=0, min_questions=(49, 34)),
    PhrasingSet("7", "spoken and hand-over styles: SBAR, telephone referrals, tumour-board presentations, MDT minutes, "
                "e-mails, non-native English", "independent7_tune.yml", "independent7_heldout.yml",
                "independent7_questions_tune.yml", "independent7_questions_heldout.yml",
                # (cnscount) tuned 0.991 -> 0.990: a panel denying MET, KRAS and EGFR is read as no bypass alteration
                # ([]), which this writer left unlabelled there and the other writers label
                # (q6) tuned questions changing the case at the extractor level 1 -> 0 (measured 0 on 2026-12-04)
                f1_floor=(0.989, 0.894), questions_changed=(0, 2), changed_in_dialogue=0, min_questions=(39, 27)),
    # Sets 8-9 before any tuning on them: tuned 0.869 / 0.813, held-out 0.871 / 0.815
    # Set 8 tuned after tuning on it (exam stems, teaching texts): 0.925
    # recall8 (tests/nlu/test_narrative_forms.py): sets 8, 7, 3 tuned 0.9626 / 0.9911 / 0.9934
    PhrasingSet("8", "exam-style and teaching texts: MCQ vignette stems, ward-round presentations, journal-club and "
                "M&M case summaries, teaching files, one-liners", "independent8_tune.yml", "independent8_heldout.yml",
                "independent8_questions_tune.yml", "independent8_questions_heldout.yml",
                # (2026-12-05) tuned floor 0.962 -> 0.968 after the hedge, biopsy, brain, response, pattern and
                # precision forms (bench/nlu_phrasings.py, 3 decimals less 0.001)
                f1_floor=(0.973, 0.861), questions_changed=(0, 0), changed_in_dialogue=0, min_questions=(42, 29)),
    # Set 9 tuned after its first tuning (administrative forms): 0.885
    # (recall9) set 9 tuned 0.9376 -> 0.963 after consult and form wording (tests/nlu/test_consult_forms.py)
    PhrasingSet("9", "administrative and cross-disciplinary writing: prior-authorization and appeal letters, pharmacist "
                "and e-consult notes, second-opinion referrals, radiation-oncology and palliative consults, trial "
                "screening", "independent9_tune.yml", "independent9_heldout.yml", "independent9_questions_tune.yml",
                "independent9_questions_heldout.yml",
                # (2026-12-05) tuned floor 0.962 -> 0.971 after the hedge, biopsy, brain, response, pattern and
                # precision forms (bench/nlu_phrasings.py, 3 decimals less 0.001)
                f1_floor=(0.974, 0.805), questions_changed=(0, 1), changed_in_dialogue=0, min_questions=(43, 29)),
    # Set 10 before any tuning on it: tuned 0.840, held-out 0.854; 0 questions change the case (extractor and dialogue)
    # (s10cns) set 10 tuned 0.840 -> 0.8734 after acute-care wording of the pattern of progression, the brain, the
    # meninges and the symptoms (tests/nlu/test_acute_care_forms.py)
    # (s10rest) set 10 tuned 0.9239 with main (s10cns, cnscount) after discharge, consult and triage wording of
    # therapies, CYP3A drugs, resistance testing and comorbidities (tests/nlu/test_discharge_forms.py)
    # (timing) held-out floor lowered 0.853 -> 0.851 (0.8517): a test to come ("will confirm on tissue", "recommend
    # tissue rebiopsy") is no biopsy and a result placed at diagnosis or before the current one is not this
    # progression's (tests/nlu/test_result_timing_forms.py); a safety change kept, the held-out sentences not looked at
    PhrasingSet("10", "hospital and acute-care writing: discharge summaries and problem lists, emergency and "
                "acute-oncology admissions, inpatient consults, nurse telephone triage, PET/CT/MRI impressions, "
                "conference-abstract cases, non-native English", "independent10_tune.yml", "independent10_heldout.yml",
                "independent10_questions_tune.yml", "independent10_questions_heldout.yml",
                # (lowsets) tuned 0.9257 -> 0.928 after brain-only progression told in chat words ("body fine", "the
                # rest is the same", a patient's brain "spots"), a count after a brain-only progression or with a plus,
                # a toxicity stop past its times (tests/nlu/test_lowsets_forms.py)
                # (2026-12-05) tuned floor 0.927 -> 0.928 after the hedge, biopsy, brain, response, pattern and
                # precision forms (bench/nlu_phrasings.py, 3 decimals less 0.001)
                # (2026-12-06b) tuned floor 0.93 -> 0.932 after the trust, brain, fusion, pattern, comorbidity and export-form
                # wording (bench/nlu_phrasings.py; 4 decimals less 0.001, rounded down)
                f1_floor=(0.949, 0.851), questions_changed=(0, 0), changed_in_dialogue=0, min_questions=(49, 33)),
    # Set 11 before any tuning on it, scored as taken: tuned 0.848, held-out 0.854 (0.762 / 0.767 on the bare extractor); 0 questions change the case (extractor and dialogue)
    # (s11narr) set 11 tuned 0.848 -> 0.8958 with main (cnscount, s10rest) after dictation, instant-message and registry-form
    # wording of the narrative fields (tests/nlu/test_dictation_forms.py); 0.9286 with main and s11mol together
    PhrasingSet("11", "dictation transcripts, colleagues' instant messages, molecular tumour board variant tables, "
                "synoptic pathology, registry case-report forms, paraphrased published case reports",
                "independent11_tune.yml", "independent11_heldout.yml", "independent11_questions_tune.yml",
                "independent11_questions_heldout.yml",
                # (s11mol) tuned 0.848 -> 0.8851 (with main) after variant-table rows, registry coded values and keys of
                # the progression specimen (tests/nlu/test_variant_table_forms.py)
                # (lowsets) tuned 0.9394 -> 0.9455 after a tissue confirmation advised (no biopsy), a brain-only
                # progression's count and chat words, a registry "N" with its specimen bracketed
                # (tests/nlu/test_lowsets_forms.py)
                # (recall15) tuned 0.9467 -> 0.9502 measured after merging main (its change, not recall15's)
                # (2026-12-05) tuned floor 0.949 -> 0.955 after the hedge, biopsy, brain, response, pattern and
                # precision forms (bench/nlu_phrasings.py, 3 decimals less 0.001)
                # (2026-12-06b) tuned floor 0.955 -> 0.968 after the trust, brain, fusion, pattern, comorbidity and export-form
                # wording (bench/nlu_phrasings.py; 4 decimals less 0.001, rounded down)
                f1_floor=(0.973, 0.854), questions_changed=(0, 0), changed_in_dialogue=0, min_questions=(47, 31),
                as_taken=True),
    # Set 12 before any tuning on it, scored as taken: tuned 0.896, held-out 0.914 (0.844 / 0.851 on the bare extractor); 0 questions change the case at the extractor level
    # (its writer's README_set12.md, which the files' headers name, was not kept: the headers state the route, what was
    # read and the split; the labelling conventions were README.md's Limitations and the as-taken step)
    # Set 12 held-out after tuning its other half to 0.955: 0.921 (bench/nlu_phrasings.py --phrasings-only)
    PhrasingSet("12", "regional and institutional conventions: UK NHS clinic letters, MDT outcomes and GP letters, "
                "Australian/NZ and Canadian notes, Indian and South-East Asian hospital notes, case reports by Chinese, "
                "Japanese and Korean authors, European authors' English, US EMR smart-phrases, pathway-tool and "
                "insurer exports, brand names", "independent12_tune.yml", "independent12_heldout.yml",
                "independent12_questions_tune.yml", "independent12_questions_heldout.yml",
                # (s12) set 12 tuned 0.896 -> 0.9518 after regional and institutional wording: a TKI applied for,
                # chosen by a pathway tool or unaffordable; numbered plans; dosage forms; decimal commas; European,
                # NHS and US words of comorbidities, toxicities, specimens and counts (tests/nlu/test_regional_forms.py)
                # (2026-12-05) tuned floor 0.951 -> 0.959 after the hedge, biopsy, brain, response, pattern and
                # precision forms (bench/nlu_phrasings.py, 3 decimals less 0.001)
                f1_floor=(0.969, 0.914), questions_changed=(0, 0), changed_in_dialogue=0, min_questions=(48, 32),
                as_taken=True),
    # Set 13 before any tuning on it, scored as taken: tuned 0.882, held-out 0.896; 1 / 2 questions change the case at
    # the extractor level
    # Set 13 held-out after tuning its other half to 0.918: 0.898 (bench/nlu_phrasings.py --phrasings-only)
    # Set 13's writer's README (labelling conventions and sources) is kept as independent13_README_heldout_examples.md:
    # its examples may come from either half, so it is read as held-out text (never while tuning)
    PhrasingSet("13", "longitudinal histories and serial events: oncologic-history bullets, treatment-line tables, "
                "serial biopsies and scans, interval histories, flowsheet rows, trials and dose changes, a case given "
                "or corrected in pieces in a chat", "independent13_tune.yml", "independent13_heldout.yml",
                "independent13_questions_tune.yml", "independent13_questions_heldout.yml",
                # (s13) tuned 0.882 -> 0.9157, 0.9180 with main's prog, after longitudinal wording: a retraction, a
                # relative's aside or colon, a TKI prescribed but not started, the line still open, a stop for toxicity
                # in the next step or a table's stop-reason column, the later of two results, no earlier progression's
                # result when none was taken at this one, "on nothing", where the patient has moved, a new lesion's
                # specimen named with its size and site; the tuned question that changed the case no longer does
                # (tests/nlu/test_timeline_forms.py). Its writer reads a re-biopsy's adenocarcinoma as the histology
                # too and "no further anticancer therapy" beside hospice as no current therapy; the other sets' writers
                # do not, and the project keeps theirs
                # (lowsets) tuned 0.918 -> 0.9242 after the fusion unnamed after a plasma test, a brain-only
                # progression's count and chat words, the performance status now after an earlier one ("it's 3 now")
                # (tests/nlu/test_lowsets_forms.py)
                # (goals) its writer, and set 7's, label a family's wish ("family wants comfort care only now") as the
                # patient's goal of care; the project reads a relative's wish as not the patient's and asks
                # (tests/nlu/test_relative_goals_of_care.py): the labels are kept as written, each set loses one item
                # (2026-12-05) tuned floor 0.923 -> 0.942 after the hedge, biopsy, brain, response, pattern and
                # precision forms (bench/nlu_phrasings.py, 3 decimals less 0.001)
                # (2026-12-06b) tuned floor 0.944 -> 0.953 after the trust, brain, fusion, pattern, comorbidity and export-form
                # wording (bench/nlu_phrasings.py; 4 decimals less 0.001, rounded down)
                # (2026-12-08) held-out questions changing the case 2 -> 1 after q22 (tests/nlu/test_q22_forms.py;
                # bench/nlu_phrasings.py --phrasings-only, counts only)
                f1_floor=(0.966, 0.895), questions_changed=(0, 1), changed_in_dialogue=0, min_questions=(48, 32),
                as_taken=True),
    # Set 14 before any tuning on it, scored as taken: tuned 0.863, held-out 0.934; 0 / 1 questions change the case at the
    # extractor level
    # Its writer assembled most notes by script from hand-written sections, each section placed in one half only (its
    # README, kept as independent14_README_heldout_examples.md and read as held-out text, says how)
    PhrasingSet("14", "whole documents with noise: full and partial clinic notes, H&Ps, consults and discharge notes "
                "with reviews of systems, examinations, social and family history, medication and allergy lists, lab "
                "tables, look-alike abbreviations, EHR templates left unfilled, copied-forward text, conditional plans",
                "independent14_tune.yml", "independent14_heldout.yml", "independent14_questions_tune.yml",
                "independent14_questions_heldout.yml",
                # (lowsets) tuned 0.8628 -> 0.8656 from the classes tuned on sets 9-13, not on this set
                # (tests/nlu/test_lowsets_forms.py)
                # (s14) tuned 0.863 -> 0.9399 (precision 0.841 -> 0.910, recall 0.886 -> 0.972) after whole-note wording:
                # a family history headed as a section, a review of systems' "(-)" and "Denies a, b, c", "CKD-EPI",
                # a "Dx 2022:" line's fusion and specimen, a score under "Impression/plan:", values marked copied
                # forward, "clinically stable", the body's key beside new brain lesions, "negative for ALK fusion"
                # (tests/nlu/test_whole_note_forms.py). Its writer does not read a glucose-lowering drug on a
                # medication list as diabetes, a review of systems' negatives as no symptoms, "PMH: none significant"
                # as no comorbidities nor a re-biopsy's adenocarcinoma as no transformation; the project keeps its own
                # (fp14) tuned 0.9399 -> 0.942 after a progression dated before the TKI taken since and a count of brain
                # metastases at diagnosis are no longer read as now (tests/nlu/test_earlier_events_forms.py)
                # (lead, safety) tuned 0.942 -> 0.9406, floor 0.941 -> 0.940: new brain lesions with the body said stable
                # and a site outside the brain growing ("CT body same week: stable ... Re-biopsy of the enlarging lung
                # lesion") is no longer CNS-only but asked; its writer labelled three such notes CNS-only
                # (tests/nlu/test_progression_safety_forms.py)
                # (2026-12-05) tuned floor 0.940 -> 0.945 after the hedge, biopsy, brain, response, pattern and
                # precision forms (bench/nlu_phrasings.py, 3 decimals less 0.001)
                # (2026-12-06b) tuned floor 0.957 -> 0.958 after the trust, brain, fusion, pattern, comorbidity and export-form
                # wording (bench/nlu_phrasings.py; 4 decimals less 0.001, rounded down)
                f1_floor=(0.962, 0.933), questions_changed=(0, 1), changed_in_dialogue=0, min_questions=(51, 34),
                as_taken=True),    # Set 15 before any tuning on it, scored as taken: tuned 0.839 (precision 0.898, recall 0.788), held-out 0.830; 5 / 2
    # questions change the case at the extractor level, 5 tuned in the dialogue
    # Every item written by hand (no assembly from shared sections) and split by the prescribed shuffle alone; its
    # README is kept as independent15_README_heldout_examples.md and read as held-out text
    PhrasingSet("15", "specialist and cross-border consultations: second-opinion and referral letters by clinicians "
                "writing English as a second language, radiation- and neuro-oncology consults, palliative-care and "
                "geriatric assessments, clinical-trial screening notes and eligibility checklists, nurse-navigator "
                "and pharmacist summaries of portal messages",
                "independent15_tune.yml", "independent15_heldout.yml", "independent15_questions_tune.yml",
                "independent15_questions_heldout.yml",
                # (s15f) tuned 0.839 -> 0.8645 (precision 0.898 -> 0.908, recall 0.788 -> 0.825) after consultation
                # wording: a checklist row answered N after a dot leader, a TKI in a trial's criterion or out of reach,
                # an apology "for the confusion", the cities and "treated there" of cross-border letters, "illness" for
                # the disease, brain lesion counts with dotted dates, "of 5 mm", "infra-centimetric"
                # (tests/nlu/test_consultation_forms.py). Its writer does not read TP53 as a bypass alteration, a
                # PD-L1 told with the diagnosis, chemotherapy given now as prior chemotherapy, nor a treating place
                # named in a letter's heading or by "the oncologist in"; the project keeps its own
                # (s15q) tuned questions changing the case 5 -> 0, extractor and dialogue: a population or a topic
                # leading a question ("for patients who ...", "for <a disease> in ALK NSCLC, is there a role ...",
                # "Regarding <a therapy> for <a finding>: ..."), a history before a question about what a label allows,
                # an opinion asked on the use of a therapy (tests/nlu/test_generic_question_forms.py)
                # (recall15) tuned 0.8645 -> 0.8841 (recall 0.825 -> 0.858) after the performance status in the
                # scale's own words and dated before an earlier score, a trial's rule told as what its protocol asks,
                # no therapy now and chemotherapy given now in letters' words (a TKI stopped lately with nothing
                # since, "Actual treatment: nothing", "Therapy from 10.2025: ..."), the goals of care in a palliative
                # note's words (tests/nlu/test_recall15_forms.py)
                # (2026-12-05) tuned floor 0.883 -> 0.904 after the hedge, biopsy, brain, response, pattern and
                # precision forms (bench/nlu_phrasings.py, 3 decimals less 0.001)
                # (2026-12-06b) tuned floor 0.908 -> 0.915 after the trust, brain, fusion, pattern, comorbidity and export-form
                # wording (bench/nlu_phrasings.py; 4 decimals less 0.001, rounded down)
                f1_floor=(0.934, 0.828), questions_changed=(0, 2), changed_in_dialogue=0, min_questions=(57, 39),
                as_taken=True),
    PhrasingSet("16", "uncertainty, revision and discordance, and the ordinary notes around them: hedged radiology "
                "impressions, RECIST and RANO-BM tables, equivocal and low-level molecular results, failed tests, "
                "amended and addended reports, discordant tissue and plasma, pseudoprogression and radiation necrosis, "
                "mixed with plain statements in clinic notes, letters, tumour boards and forms",
                "independent16_tune.yml", "independent16_heldout.yml", "independent16_questions_tune.yml",
                "independent16_questions_heldout.yml",
                # before any tuning on it: tuned 0.8495 (P 0.846, R 0.853), held-out 0.8336 (P 0.848, R 0.819);
                # questions changing the case 0/0 at the extractor level and 0 in the dialogue (tuned)
                # (2026-12-05) tuned floor 0.849 -> 0.858 after the hedge, biopsy, brain, response, pattern and
                # precision forms (bench/nlu_phrasings.py, 3 decimals less 0.001)
                # (2026-12-06b) tuned floor 0.869 -> 0.879 after the trust, brain, fusion, pattern, comorbidity and export-form
                # wording (bench/nlu_phrasings.py; 4 decimals less 0.001, rounded down)
                f1_floor=(0.913, 0.833), questions_changed=(0, 0), changed_in_dialogue=0, min_questions=(59, 40),
                as_taken=True),
    # Set 17 before any tuning on it, scored as taken: tuned 0.8368 (P 0.919, R 0.768), held-out 0.845 (P 0.907, R 0.791);
    # questions changing the case 0/0 at the extractor level and 0 in the dialogue (tuned)
    # Set 17's writer's README (route, sources, conventions, what the schema left ambiguous) is kept as
    # independent17_README_heldout_examples.md: its examples may come from either half, so it is read as held-out text
    PhrasingSet("17", "structured and semi-structured exports pasted into a chat with the clinician's lines around them: "
                "HL7 v2-like segments, CSV rows, coded problem lists, LOINC-labelled lab and NGS rows, pharmacy and "
                "medication-administration histories, order-entry and referral forms, smart-form checkboxes and "
                "drop-downs, trial eCRF exports, EHR snapshot panels",
                "independent17_tune.yml", "independent17_heldout.yml", "independent17_questions_tune.yml",
                "independent17_questions_heldout.yml",
                # (2026-12-06b) tuned floor 0.835 -> 0.867 after the trust, brain, fusion, pattern, comorbidity and export-form
                # wording (bench/nlu_phrasings.py; 4 decimals less 0.001, rounded down)
                f1_floor=(0.930, 0.844), questions_changed=(0, 0), changed_in_dialogue=0, min_questions=(54, 36),
                as_taken=True),
    # Sets 18 and 19 were written on 2026-12-07 by two other hands at once (neither saw the other's), copied in unread
    # and measured before any tuning on them: the floors are those levels (see their rows)
    PhrasingSet("18", "what clinicians type into this chat assistant at the point of care: opening messages from "
                "one-liners to careful paragraphs, hurried phone messages, replies answering the assistant's question "
                "and adding findings, corrections, re-biopsy follow-ups, colleagues asking for someone else, pasted "
                "record lines", "independent18_tune.yml", "independent18_heldout.yml",
                "independent18_questions_tune.yml", "independent18_questions_heldout.yml",
                # before any tuning on it, scored as taken: tuned 0.8916 (P 0.930, R 0.856), held-out 0.907 (P 0.961,
                # R 0.859); questions changing the case 1 / 1 at the extractor level, 1 / 1 in the dialogue; tuned side
                # lowered to 0 / 0 by misc18 (2026-12-07: a question reported after a colon, tests/nlu/test_questions18_forms.py)
                f1_floor=(0.921, 0.906), questions_changed=(0, 1), changed_in_dialogue=0, min_questions=(70, 47),
                as_taken=True),
    PhrasingSet("19", "international English: clinic letters, tumour-board protocols, pathology and molecular "
                "reports machine-translated from eleven languages, clinicians writing English as a second language, "
                "local brand names, date and decimal conventions, short chat lines",
                "independent19_tune.yml", "independent19_heldout.yml", "independent19_questions_tune.yml",
                "independent19_questions_heldout.yml",
                # before any tuning on it, scored as taken: tuned 0.7929 (P 0.884, R 0.719), held-out 0.810 (P 0.894,
                # R 0.741); questions changing the case 4 / 1 at the extractor level, 3 / 1 in the dialogue; tuned side
                # lowered to 0 / 0 by misc18 (2026-12-07: questions in another language or its word order, conditions
                # translated, tests/nlu/test_questions18_forms.py)
                f1_floor=(0.887, 0.809), questions_changed=(0, 1), changed_in_dialogue=0, min_questions=(48, 32),
                as_taken=True),
    # Set 20 was written on 2026-12-07 by another hand (route: WHEN and FROM WHERE each finding is), copied in unread
    # and measured before any tuning on it: the floors are those levels
    PhrasingSet("20", "time and source: treatment sequences with switches, holds, rechallenges, chemotherapy added to a "
                "TKI and local therapy beside it; serial specimens (diagnostic vs progression, tissue vs plasma, CSF and "
                "effusions) and which result came from which; serial imaging and brain counts then and now; in chat "
                "lines, letters, MDT outcomes and pasted history lists", "independent20_tune.yml",
                "independent20_heldout.yml", "independent20_questions_tune.yml", "independent20_questions_heldout.yml",
                # before any tuning on it, scored as taken: tuned 0.8751 (P 0.911, R 0.842), held-out 0.8595 (P 0.902,
                # R 0.821; 0.747 on the bare extractor); questions changing the case 0 / 0 at the extractor level and
                # in the dialogue
                # (2026-12-07e) tuned floor 0.874 -> 0.888 after spec21 and img21 tuned its other half (serial specimens,
                # CSF not plasma, ALK positivity kept at progression, a tally's zero, CSF cytology, brain counts):
                # tuned 0.8890, held-out unchanged at 0.8595 (/work tuned-halves scorer, the same score() as the bench)
                f1_floor=(0.888, 0.859), questions_changed=(0, 0), changed_in_dialogue=0, min_questions=(69, 46),
                as_taken=True),
    PhrasingSet("21", "the whole case pasted in one message to the web chat, as clinicians of different specialties and "
                "countries type it at progression on an ALK TKI: shorthand to paragraphs, pasted scan impressions and "
                "NGS report lines, a few lines in German, Portuguese or Spanish, traps in a share of texts",
                "independent21_tune.yml", "independent21_heldout.yml", "independent21_questions_tune.yml",
                "independent21_questions_heldout.yml",
                # before any tuning on it, scored as taken: tuned 0.9518 (P 0.968, R 0.936), held-out 0.9403 (P 0.956,
                # R 0.925; 0.916 on the bare extractor); questions changing the case 0 / 1 at the extractor level
                # and in the dialogue (bench/questions_dialogue.py)
                # (2026-12-07g) tuned floor 0.951 -> 0.955 after s21 tuned its other half (ALK's dash as a separator, a
                # request heading the case, a specimen denied beside another or by a payer, TKIs ordered by their
                # relation) and lead14, prog21, rec21 and mol21: tuned 0.9559, held-out 0.9433 (held-out floor unchanged;
                # one held-out sentence of this set was seen once in a failing size check's output, see the README)
                f1_floor=(0.955, 0.940), questions_changed=(0, 1), changed_in_dialogue=0, min_questions=(58, 38),
                as_taken=True),
    PhrasingSet("22", "restaging and decision points as written in the record and re-told to the assistant: assessment "
                "and plan sections at the visit where progression is found, interval histories with scan comparisons, "
                "oncologic-history auto-text and real-world-data abstraction summaries, tele-oncology and virtual "
                "tumour-board requests, fellows' sign-out lines, the clinician's own summary in the chat",
                "independent22_tune.yml", "independent22_heldout.yml", "independent22_questions_tune.yml",
                "independent22_questions_heldout.yml",
                # before any tuning on it, scored as taken: tuned 0.9281 (P 0.939, R 0.918), held-out 0.9242 (P 0.935,
                # R 0.914; 0.887 on the bare extractor); questions changing the case 5 / 4 at the extractor level and
                # in the dialogue (bench/questions_dialogue.py)
                # (2026-12-08 s22) tuned floor 0.928 -> 0.930 after s22 tuned its other half (the re-biopsy of this
                # progression keyed or said none, a TKI planned only or only discussed, a coded line's reason of
                # toxicity, chemotherapy started beside the TKI stopped, a biopsy pending with its taking told): tuned
                # 0.9316 (held-out floor unchanged)
                # (2026-12-08) questions changing the case 5 / 4 -> 0 / 3 at the extractor level after q22 (a failure
                # to come, a drug named as a question's topic, doses compared, a premise before a question:
                # tests/nlu/test_q22_forms.py); in the dialogue 0 / 3 (bench/questions_dialogue.py, after retraining)
                # (2026-12-08 s22b) tuned floor 0.930 -> 0.938 after s22b (the progressing disease's symptoms in other
                # words, a brain scan's count of ten or more after its name, ALK IHC (clone) retained and an EBUS/FNA
                # sample's ALK+ at progression, a coded line's stop past a semicolon with its reason after a dash, the
                # TKIs' order from "<TKI> before," and "she's on <TKI>", a progression told before a later coded line):
                # tuned 0.9391 (held-out floor unchanged)
                f1_floor=(0.938, 0.924), questions_changed=(0, 3), changed_in_dialogue=0, min_questions=(63, 42),
                as_taken=True),
)
ORDERED = frozenset({"prior_tkis", "intolerant_tkis"})
UNANNOTATED = {s.id: s.unannotated for s in SETS}
BY_ID = {s.id: s for s in SETS}


def taken(case: dict[str, Any]) -> dict[str, Any]:
    """``case`` with alk_positive taken from a named TKI, mutation or fusion at progression, as the conversation takes
    it (actions/case_state.py alk_evidence), when it does not state ALK status itself."""
    from actions.case_state import alk_evidence

    return {**case, "alk_positive": True} if case.get("alk_positive") is None and alk_evidence(case) else case


def reader(set_id: str, read: Callable[[str], dict[str, Any]]) -> Callable[[str], dict[str, Any]]:
    """``read`` (the extractor's extract_case) as the set's writer labelled: for an `as_taken` set, with alk_positive
    taken from a named TKI, mutation or fusion at progression as the conversation takes it."""
    if not BY_ID[set_id].as_taken:
        return read
    return lambda text: taken(read(text))


@dataclass(frozen=True)
class PhrasingFile:
    """One file of a phrasing set: `findings` (sentences with the fields they state) or `questions` (messages that
    must change nothing); `tuned` says whether the extractor was tuned on it (its sentences may be shown)."""
    set: str
    kind: str
    tuned: bool
    path: Path
    row: PhrasingSet  # its set's row: the figures the tests hold this file to

    @property
    def name(self) -> str:
        return f"set {self.set} {self.kind} {'tuned' if self.tuned else 'held-out'}"

    def _half(self, figures: tuple[Any, Any]) -> Any:
        return figures[0 if self.tuned else 1]

    @property
    def f1_floor(self) -> float | None:
        return self._half(self.row.f1_floor) if self.kind == "findings" else None

    @property
    def questions_changed(self) -> int | None:
        return self._half(self.row.questions_changed) if self.kind == "questions" else None

    @property
    def min_questions(self) -> int:
        return self._half(self.row.min_questions)

    @property
    def changed_in_dialogue(self) -> int | None:
        return self.row.changed_in_dialogue if self.kind == "questions" and self.tuned else None


FILES = tuple(PhrasingFile(s.id, kind, tuned, HERE / name, s)
              for s in SETS
              for kind, tuned, name in (("findings", True, s.findings_tune), ("findings", False, s.findings_heldout),
                                        ("questions", True, s.questions_tune),
                                        ("questions", False, s.questions_heldout))
              if name)
BY_NAME = {f.name: f for f in FILES}
TUNE, HELDOUT = BY_NAME["set 1 findings tuned"].path, BY_NAME["set 1 findings held-out"].path
TUNE2 = BY_NAME["set 2 findings tuned"].path


def changed_the_case(rows: list[dict[str, Any]], read: Callable[[str], dict[str, Any]]) -> list[str]:
    """The questions from which ``read`` takes any case field."""
    return [r["text"] for r in rows if read(r["text"])]


def items(path: Path) -> list[dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def pairs(fields: dict[str, Any], unannotated: frozenset[str] = frozenset()) -> set[tuple[str, str]]:
    out = set()
    for name, value in fields.items():
        if name in unannotated or (name == "current_therapy" and value == "alk_tki"):
            continue
        if name in ORDERED or not isinstance(value, list):
            out.add((name, json.dumps(value)))
        elif not value:
            out.add((name, "[]"))
        else:
            out |= {(name, json.dumps(v)) for v in value}
    return out


@dataclass
class Score:
    items: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    exact: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    # per field name: [true positives, false positives, false negatives] (an aggregate: no sentence in it)
    fields: dict[str, list[int]] = field(default_factory=dict)

    def add(self, other: "Score") -> None:
        """Pool another file's counts into this one (the sentences missed are not pooled)."""
        self.items, self.exact = self.items + other.items, self.exact + other.exact
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        for name, counts in other.fields.items():
            mine = self.fields.setdefault(name, [0, 0, 0])
            self.fields[name] = [a + b for a, b in zip(mine, counts)]

    def count(self, got: set[tuple[str, str]], want: set[tuple[str, str]]) -> None:
        """Add one sentence's pairs: read (``got``) against stated (``want``)."""
        self.items += 1
        self.tp, self.fp, self.fn = self.tp + len(got & want), self.fp + len(got - want), self.fn + len(want - got)
        for slot, found in enumerate((got & want, got - want, want - got)):
            for name, _ in found:
                self.fields.setdefault(name, [0, 0, 0])[slot] += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> dict[str, Any]:
        return {"items": self.items, "exact": self.exact, "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def score(rows: list[dict[str, Any]], read: Callable[[str], dict[str, Any]],
          unannotated: frozenset[str] = frozenset()) -> Score:
    s = Score()
    for row in rows:
        got, want = pairs(read(row["text"]), unannotated), pairs(row.get("expect") or {}, unannotated)
        s.count(got, want)
        if got == want:
            s.exact += 1
        else:
            s.misses.append({"text": row["text"], "class": row.get("class"), "extra": sorted(got - want),
                             "missing": sorted(want - got)})
    return s


# A blind second annotator's labels of 15 sentences of each set's tuning half and 15 of each held-out half
# (bench/annotator_agreement.py; the held-out file is never read while tuning and only its aggregates are printed)
SECOND_SAMPLES = {"tune": HERE / "second_annotator_20sets_tune.yml",
                  "heldout": HERE / "second_annotator_20sets_heldout.yml"}


def digest(text: str) -> str:
    """The first 12 hex digits of the sentence's SHA-1: how a second annotator's label names its sentence."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def second_sample(half: str) -> list[dict[str, Any]]:
    """The second annotator's sample of one half ("tune" or "heldout") as rows {set, row, text, writer, second}, with
    `matches` False where the set's sentence at that row is no longer the one labelled (its file was edited)."""
    rows_of = {f.set: items(f.path) for f in FILES if f.kind == "findings" and f.tuned == (half == "tune")}
    out = []
    for label in items(SECOND_SAMPLES[half]):
        row = rows_of[label["set"]][label["row"]] if label["row"] < len(rows_of[label["set"]]) else {"text": ""}
        out.append({"set": label["set"], "row": label["row"], "text": row["text"],
                    "writer": row.get("expect") or {}, "second": label.get("expect") or {},
                    "matches": digest(row["text"]) == label["sha1"]})
    return out


def agreement(rows: list[dict[str, Any]], read: Callable[[str], dict[str, Any]]) -> dict[str, Score]:
    """Pooled over ``rows`` ({set, text, writer, second}): the second annotator against the writers, the extractor
    (``read``) against each, and the extractor against their CONSENSUS: for each sentence, the fields on which the two
    humans agree (both silent included, so a field read there is an extra), the fields on which they differ left out.
    All three readings get the as-taken step (`taken`), since half the writers labelled so."""
    scores = {name: Score() for name in ("second vs writers", "extractor vs writers", "extractor vs second",
                                         "extractor vs consensus")}
    for row in rows:
        unannotated = UNANNOTATED[row["set"]]
        w, a, e = (pairs(taken(case), unannotated) for case in (row["writer"], row["second"], read(row["text"])))
        fw, fa, fe = ({name: {p for p in ps if p[0] == name} for name, _ in ps} for ps in (w, a, e))
        agreed = {name for name in set(fw) | set(fa) | set(fe) if fw.get(name) == fa.get(name)}
        gold = {p for name in agreed for p in fw.get(name, ())}
        got = {p for name in agreed for p in fe.get(name, ())}
        for name, found, stated in (("second vs writers", a, w), ("extractor vs writers", e, w),
                                    ("extractor vs second", e, a), ("extractor vs consensus", got, gold)):
            scores[name].count(found, stated)
            scores[name].exact += found == stated
    return scores
