"""Red-team forms: messages written as a sloppy typist or a careless paste writes them, which must never put into the
case a finding the clinician did not state for this patient. Each class here read the finding as present (or a TKI
as received) before: a denial written as a form's value ("G1202R: no", "MET amp = 0", "G1202R (-)"), a denial behind
markup ("<b>G1202R</b> absent", "`G1202R`: neg"), a slip in the denial ("n0 MET amp", "G1202R not detcted"), a
supposition without "if" ("assume ECOG 3", "pretend she has MET amp"), a TKI named as an option after it ("lorlatinib
an option here"), what a guideline or a paper says ("the NCCN says lorlatinib after alectinib"), a denial in another
language ("mutación G1202R no detectada"); and a mutation-like word that cannot be read is reported, not dropped
("G12O2R", "L1196")."""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads

# ---- a denial written as a form's value or a mark after the finding -------------------------------------------------


@pytest.mark.parametrize(
    "text, field",
    [
        ("G1202R: no", "alk_mutations"),
        ("ALK G1202R: No. ECOG 1", "alk_mutations"),
        ("MET amp: N", "bypass_alterations"),
        ("MET amplification = 0", "bypass_alterations"),
        ("MET amp: false", "bypass_alterations"),
        ("L1196M - no", "alk_mutations"),
        ("G1202R (-)", "alk_mutations"),
        ("G1202R(-), alectinib 3 yrs", "alk_mutations"),
        ("MET amplification ✗", "bypass_alterations"),
        ("G1202R ❌ I1171N ❌", "alk_mutations"),
        ("MET amp (neg)", "bypass_alterations"),
        ('{"G1202R": false, "ecog": 1}', "alk_mutations"),
        ("G1202R : NO", "alk_mutations"),
        ("G1202R | negative", "alk_mutations"),
        ("| G1202R | not detected |", "alk_mutations"),
        ("G1202R | no", "alk_mutations"),
        ("G1202R -", "alk_mutations"),
        ("MET amp -, ECOG 1", "bypass_alterations"),
        ("Lorlatinib (-)", "prior_tkis"),
        ("lorlatinib: N. ECOG 1.", "prior_tkis"),
    ],
)
def test_a_denial_written_as_a_value_is_no_finding(text, field):
    assert extractor.extract_case(text).get(field) in (None, []), text


@pytest.mark.parametrize(
    "text, fields",
    [
        ("G1202R (+)", {"alk_mutations": ["G1202R"]}),
        ("G1202R: yes", {"alk_mutations": ["G1202R"]}),
        ("MET amp: detected; G1202R: no", {"bypass_alterations": ["MET_amplification"], "alk_mutations": None}),
        ("no brain mets. G1202R: present", {"alk_mutations": ["G1202R"], "brain_metastases": False}),
        ("G1202R now. ECOG 0", {"alk_mutations": ["G1202R"], "ecog": 0}),
        ("MET amp: no change", {"bypass_alterations": ["MET_amplification"]}),
        ("G1202R: 0.5% VAF", {"alk_mutations": ["G1202R"]}),
        ("alectinib - no response", {"prior_tkis": ["alectinib"]}),
        ("Prior lorlatinib: no. Alectinib 2 yrs.", {"prior_tkis": ["alectinib"]}),
        ("| G1202R | detected |", {"alk_mutations": ["G1202R"]}),
        ("Detected: ALK G1202R 0.4%; MET amplification | Not detected: EGFR, KRAS",
         {"alk_mutations": ["G1202R"], "bypass_alterations": ["MET_amplification"]}),
        ("G1202R - 12% VAF", {"alk_mutations": ["G1202R"]}),
        ("G1202R-positive, MET amp -", {"alk_mutations": ["G1202R"], "bypass_alterations": None}),
    ],
)
def test_a_finding_stated_beside_such_values_is_still_read(text, fields):
    assert_reads(text, fields)


# ---- markup around a finding: the words are read as written without it --------------------------------------------


@pytest.mark.parametrize(
    "text, field",
    [
        ("<b>G1202R</b> absent", "alk_mutations"),
        ("<i>MET amplification</i> not detected", "bypass_alterations"),
        ("G1202R<br>not detected", "alk_mutations"),
        ("&lt;b&gt;G1202R&lt;/b&gt; absent", "alk_mutations"),
        ("`G1202R`: neg", "alk_mutations"),
        ("<span class='x'>MET amp</span>: negative", "bypass_alterations"),
    ],
)
def test_a_denial_behind_markup_is_read(text, field):
    found = extractor.extract_case(text)
    assert found.get(field) in (None, []), (text, found)


@pytest.mark.parametrize(
    "text, fields",
    [
        ("<b>G1202R</b> detected", {"alk_mutations": ["G1202R"]}),
        ("<ul><li>progressed on alectinib</li><li>ECOG 1</li></ul>", {"prior_tkis": ["alectinib"], "ecog": 1}),
        ("no headache<br>G1202R on tissue", {"alk_mutations": ["G1202R"]}),
    ],
)
def test_a_finding_in_markup_is_still_read(text, fields):
    assert_reads(text, fields)


# ---- a slip in the denial -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, field",
    [
        ("n0 MET amp", "bypass_alterations"),
        ("n0 G1202R on plasma", "alk_mutations"),
        ("nno MET amplification", "bypass_alterations"),
        ("noo G1202R", "alk_mutations"),
        ("G1202R not detcted", "alk_mutations"),
        ("G1202R not dtected on tissue", "alk_mutations"),
        ("MET amp abscent", "bypass_alterations"),
        ("MET amplification not detectd", "bypass_alterations"),
    ],
)
def test_a_slip_in_the_denial_is_still_a_denial(text, field):
    assert extractor.extract_case(text).get(field) in (None, []), text


@pytest.mark.parametrize("text", ["T2N0 MET amplification on tissue", "T2 N0 MET amplification", "T1a N0, MET amp",
                                  "T2, N0, MET amp", "cT2 N0 MET amplification", "N0 MET amp"])
def test_a_tnm_stage_is_no_denial(text):
    assert_reads(text, {"bypass_alterations": ["MET_amplification"]})


# ---- a supposition without "if" -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, field",
    [
        ("assume ECOG 3", "ecog"),
        ("Assume she had brigatinib then", "prior_tkis"),
        ("let's assume G1202R on the rebiopsy", "alk_mutations"),
        ("pretend she has MET amp", "bypass_alterations"),
        ("for argument's sake ECOG 3", "ecog"),
        ("for the sake of argument, G1202R", "alk_mutations"),
        ("Hypothetical: G1202R after alectinib", "alk_mutations"),
        ("theoretically, with MET amplification", "bypass_alterations"),
        ("in theory a G1202R would respond", "alk_mutations"),
    ],
)
def test_a_supposition_is_no_finding(text, field):
    assert extractor.extract_case(text).get(field) is None, (text, extractor.extract_case(text))


# ---- a TKI named as an option after it ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "lorlatinib an option here",
        "lorlatinib could be an option",
        "lorlatinib a possibility",
        "brigatinib as an alternative",
        "lorlatinib reasonable next",
        "lorlatinib good choice here",
        "lorlatinib worth a go",
        "Lorbrena a reasonable option now",
        "is lorlatinib the right call",
    ],
)
def test_a_tki_named_as_an_option_is_not_received(text):
    found = extractor.extract_case(text)
    assert not {"lorlatinib", "brigatinib"} & set(found.get("prior_tkis", [])), (text, found)


def test_a_tki_received_before_an_option_is_still_read():
    assert_reads("Progressed on alectinib; lorlatinib an option.", {"prior_tkis": ["alectinib"]})


# ---- what a guideline, a trial or a paper says ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the NCCN says lorlatinib after alectinib",
        "NCCN: lorlatinib preferred after 2nd-gen TKI",
        "per NCCN lorlatinib after alectinib",
        "according to ESMO, lorlatinib is preferred after alectinib",
        "guideline says brigatinib after crizotinib",
        "UpToDate: lorlatinib for G1202R",
        "the paper showed G1202R responds to lorlatinib",
        "ASCO guidance lists lorlatinib after a second-generation TKI",
        "per the CROWN trial lorlatinib first line",
    ],
)
def test_what_a_source_says_is_not_this_patient(text):
    found = extractor.extract_case(text)
    assert not found.get("prior_tkis") and not found.get("alk_mutations"), (text, found)


@pytest.mark.parametrize(
    "text, fields",
    [
        ("per the NGS report, G1202R detected", {"alk_mutations": ["G1202R"]}),
        ("Progressed on alectinib. NCCN says lorlatinib next.", {"prior_tkis": ["alectinib"]}),
        ("According to the rebiopsy, G1202R present after alectinib",
         {"alk_mutations": ["G1202R"], "prior_tkis": ["alectinib"]}),
        ("Started lorlatinib per NCCN guidelines.", {"prior_tkis": ["lorlatinib"]}),
        ("Lorlatinib 100 mg per label since 2024", {"prior_tkis": ["lorlatinib"]}),
        ("lorlatinib since 2024 as the NCCN recommends after alectinib", {"prior_tkis": ["alectinib", "lorlatinib"]}),
        ("Per the trial protocol lorlatinib since 03/2025", {"prior_tkis": ["lorlatinib"]}),
        ("NCCN: lorlatinib preferred. She progressed on alectinib; G1202R.",
         {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]}),
    ],
)
def test_this_patients_findings_beside_a_source_are_still_read(text, fields):
    assert_reads(text, fields)


# ---- a denial in another language -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, field",
    [
        ("mutación G1202R no detectada", "alk_mutations"),
        ("sin amplificación de MET", "bypass_alterations"),
        ("keine G1202R Mutation", "alk_mutations"),
        ("G1202R nicht nachgewiesen", "alk_mutations"),
        ("pas de mutation G1202R", "alk_mutations"),
        ("G1202R non détectée", "alk_mutations"),
        ("MET amp: nein", "bypass_alterations"),
    ],
)
def test_a_denial_in_another_language_is_no_finding(text, field):
    assert extractor.extract_case(text).get(field) in (None, []), (text, extractor.extract_case(text))


# ---- a mutation-like word that cannot be read is reported -------------------------------------------------------


@pytest.mark.parametrize("text", ["no G12O2R", "G12O2R found on tissue", "L1196 found", "ALK G1202 on plasma",
                                  "I1l71N detected"])
def test_an_unreadable_mutation_is_reported_not_dropped(text):
    entities = extractor.load().entities(text)
    assert any(e.entity == "unreadable_variant" for e in entities), (text, entities)
    assert not extractor.extract_case(text).get("alk_mutations"), text


# ---- a finding doubted after it, or before it without a cue word of a question ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "G1202R unconfirmed",
        "G1202R - not confirmed yet",
        "G1202R (unvalidated)",
        "G1202R VUS",
        "ALK G1202R - variant of uncertain significance",
        "G1202R, likely artefact",
        "G1202R at 0.05%, below LOD",
        "G1202R below the limit of detection",
        "report pending, might be G1202R",
        "unclear G1202R",
        "maybe G1202R on plasma",
        "perhaps MET amplification",
        "could be G1202R, report tomorrow",
    ],
)
def test_a_doubted_finding_is_no_finding(text):
    found = extractor.extract_case(text)
    assert not found.get("alk_mutations") and not found.get("bypass_alterations"), (text, found)


@pytest.mark.parametrize(
    "text, fields",
    [
        ("G1202R confirmed on tissue", {"alk_mutations": ["G1202R"]}),
        ("G1202R detected; VUS in TP53", {"alk_mutations": ["G1202R"]}),
        ("MET amplification, may be why she progressed", {"bypass_alterations": ["MET_amplification"]}),
    ],
)
def test_a_finding_beside_doubt_about_something_else_is_still_read(text, fields):
    assert_reads(text, fields)


# ---- a trial's result, another patient, a question without a question word ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "in the ALTA-1L trial brigatinib beat crizotinib",
        "In the CROWN study lorlatinib was superior to crizotinib",
        "a patient I saw yesterday had G1202R on lorlatinib",
        "one pt we treated last year progressed on lorlatinib with G1202R",
        "lorla - yes or no",
        "lorlatinib, good idea",
        "thinking lorlatinib",
        "pondering brigatinib",
        "mulling over lorlatinib",
        "contemplating lorlatinib",
    ],
)
def test_a_trial_another_patient_or_a_bare_question_is_not_this_patient(text):
    found = extractor.extract_case(text)
    assert not {"lorlatinib", "brigatinib", "crizotinib"} & set(found.get("prior_tkis", [])), (text, found)
    assert not found.get("alk_mutations"), (text, found)


@pytest.mark.parametrize(
    "text, fields",
    [
        ("She was on brigatinib in the ALTA-1L trial", {"prior_tkis": ["brigatinib"]}),
        ("alectinib 3 yrs, G1202R - lorla yes or no", {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]}),
    ],
)
def test_this_patients_history_beside_them_is_still_read(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text, field",
    [
        ("brain mets unlikely", "brain_metastases"),
        ("? brain mets", "brain_metastases"),
        ("LMD query", "leptomeningeal"),
        ("leptomeningeal disease doubtful", "leptomeningeal"),
        ("transformation: ? SCLC", "transformation"),
        ("she might have had brigatinib", "prior_tkis"),
        ("she may have received crizotinib before", "prior_tkis"),
        ("crizotinib maybe, not sure", "prior_tkis"),
        ("G1202R (?)", "alk_mutations"),
    ],
)
def test_a_finding_in_doubt_is_not_stated(text, field):
    assert extractor.extract_case(text).get(field) is None, (text, extractor.extract_case(text))


@pytest.mark.parametrize(
    "text, fields",
    [
        ("Any brain mets? G1202R on tissue.", {"alk_mutations": ["G1202R"]}),
        ("What next? Progressed on alectinib, G1202R", {"alk_mutations": ["G1202R"], "prior_tkis": ["alectinib"]}),
        ("alectinib 2 yrs; brain mets likely", {"prior_tkis": ["alectinib"], "brain_metastases": None}),
        ("ECOG 1 maybe.. no, 2 on review today", {"ecog": 2}),
        ("G1202R and F1174L; lorlatinib activity against this compound is uncertain", {"compound": True}),
    ],
)
def test_a_finding_after_a_question_is_still_stated(text, fields):
    assert_reads(text, fields)


# ---- an earlier score beside the one now ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, ecog",
    [
        ("ECOG was 3, now 1", 1),
        ("ECOG: 3 (last year), now 1", 1),
        ("PS 2 but today 1 after steroids", 1),
        ("PS: 2 (March) - today 1", 1),
        ("ECOG: 1, now 2 cycles in", 1),
        ("ECOG 1, now 2 cycles into chemo", 1),
        ("ECOG 1 now", 1),
        ("ECOG 2, now on lorlatinib", 2),
    ],
)
def test_the_score_now_is_read_not_the_earlier_one(text, ecog):
    assert_reads(text, {"ecog": ecog})


# ---- a change said to be another gene's after it -----------------------------------------------------------------


@pytest.mark.parametrize("text", ["G1202R in ROS1", "G2032R (ROS1) on plasma", "L858R in EGFR, ALK+ on alectinib",
                                  "G1202R of the RET gene"])
def test_a_change_in_another_gene_named_after_it_is_not_alks(text):
    assert not extractor.extract_case(text).get("alk_mutations"), (text, extractor.extract_case(text))


@pytest.mark.parametrize("text", ["G1202R in ALK", "G1202R (ALK) on plasma", "G1202R in the tissue, MET not amplified",
                                  "G1202R on KRAS-wild-type tissue"])
def test_an_alk_change_beside_another_gene_is_still_read(text):
    assert_reads(text, {"alk_mutations": ["G1202R"]})
