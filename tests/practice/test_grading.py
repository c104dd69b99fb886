"""The grader over many phrasings: right, partly right (right therapy, findings missed), acceptable, wrong and
harmful answers across the bank. The expected grades follow from decide()'s answer for each case (preferred,
alternatives, avoid); a row fails if the grader misreads the therapy, its polarity or the findings."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from bot.practice import bank, grading

P, A, W, H = "preferred", "acceptable", "wrong", "harmful"

# case, answer, therapy grade, chosen therapy (None: do not check), findings that must be named
ROWS = [
    # G1202R after alectinib: lorlatinib; crizotinib/ceritinib/alectinib/brigatinib avoided
    ("ONT01", "Lorlatinib given the G1202R", P, "lorlatinib", ["alk_mutations:G1202R"]),
    ("ONT01", "LORVIQUA - solvent-front mutation", P, "lorlatinib", ["alk_mutations:G1202R"]),
    ("ONT01", "lorlatanib (3rd gen) as Gly1202Arg resists the second-generation drugs", P, "lorlatinib", ["alk_mutations:G1202R"]),
    ("ONT01", "avoid brigatinib and crizotinib; lorlatinib", P, "lorlatinib", []),
    ("ONT01", "Not alectinib, not brigatinib: lorlatinib for the p.G1202R", P, "lorlatinib", ["alk_mutations:G1202R"]),
    ("ONT01", "I'm not sure, maybe lorlatinib?", P, "lorlatinib", []),
    ("ONT01", "a third-generation ALK TKI", P, "lorlatinib", []),
    ("ONT01", "alectinib at a higher dose", H, "alectinib", []),
    ("ONT01", "switch to Alunbrig", H, "brigatinib", []),
    ("ONT01", "ceritinib rather than lorlatinib", H, "ceritinib", []),
    ("ONT01", "carboplatin and pemetrexed", A, "platinum_pemetrexed", []),
    ("ONT01", "atezolizumab + bevacizumab + carboplatin + paclitaxel", A, "abcp", []),
    ("ONT01", "nivolumab", H, "pd1_pdl1_monotherapy", []),
    ("ONT01", "erlotinib", H, "egfr_tki", []),
    ("ONT01", "no idea", W, None, []),
    ("ONT01", "best supportive care", W, "best_supportive_care", []),
    ("ONT01", "re-biopsy first", W, "request_information", []),
    # I1171T after alectinib: ceritinib and brigatinib are mutation-consistent fallbacks
    ("ONT03", "ceritinib, since I1171T stays sensitive to it", A, "ceritinib", ["alk_mutations:I1171T"]),
    ("ONT03", "brigatinib", A, "brigatinib", []),
    ("ONT03", "lorlatinib; ceritinib is the fallback", P, "lorlatinib", []),
    ("ONT03", "crizotinib", H, "crizotinib", []),
    ("ONT03", "continue alectinib", W, "continue_current_therapy", []),
    # F1174C after ceritinib
    ("ONT05", "Lorbrena; F1174C is not covered by Zykadia", P, "lorlatinib", ["alk_mutations:F1174C"]),
    ("ONT05", "keep going with ceritinib", W, "continue_current_therapy", []),
    # 1151Tins written as a duplication
    ("ONT08", "T1151dup, so lorlatinib", P, "lorlatinib", ["alk_mutations:1151Tins"]),
    # squamous histology: pemetrexed and ABCP avoided, carboplatin-paclitaxel offered
    ("MOD01", "chemo", A, "platinum_paclitaxel", []),
    ("MOD01", "carbo/pem", H, "platinum_pemetrexed", []),
    ("MOD01", "carboplatin-paclitaxel because of the squamous histology", A, "platinum_paclitaxel", ["squamous"]),
    ("MOD01", "lorlatinib, avoid pemetrexed as it's squamous", P, "lorlatinib", ["squamous"]),
    ("MOD01", "ABCP", H, "abcp", []),
    # small-cell transformation
    ("TRF01", "EP", P, "platinum_etoposide", []),
    ("TRF01", "carboplatin-etoposide for small-cell transformation", P, "platinum_etoposide", ["transformation:small_cell"]),
    ("TRF01", "chemo", P, "platinum_etoposide", []),
    ("TRF01", "lorlatinib", W, "lorlatinib", []),
    ("TRF01", "pembrolizumab", H, "pd1_pdl1_monotherapy", []),
    ("TRF01", "a trial for transformed disease", A, "clinical_trial", []),
    ("TRF02", "platinum-etoposide and MTB re keeping the TKI; combined SCLC", P, "platinum_etoposide", ["transformation:small_cell_mixed"]),
    ("TRF03", "Carbo + pemetrexed + bev", H, "platinum_pemetrexed", []),
    # performance status
    ("PS01", "lorlatinib with early palliative care; ECOG 3 from the disease", P, "lorlatinib", ["ecog:3-4"]),
    ("PS01", "carbo pem", H, "platinum_pemetrexed", []),
    ("PS01", "BSC", A, "best_supportive_care", []),
    ("PS01", "hospice", A, "best_supportive_care", []),
    ("PS02", "comfort care", P, "best_supportive_care", []),
    ("PS02", "comfort-focused care given ECOG 4 and her wishes", P, "best_supportive_care", ["ecog:3-4", "goals_of_care:comfort"]),
    ("PS02", "lorlatinib", W, "lorlatinib", []),
    ("PS02", "atezo-bev-carbo-pac", H, "abcp", []),
    ("PS03", "have a goals of care discussion with him first", P, "request_information", []),
    # pattern of progression
    ("PRG01", "SBRT to the adrenal oligoprogression, continue brigatinib", P, "local_therapy_continue_tki", ["progression:oligoprogression"]),
    ("PRG01", "radiotherapy to the adrenal and carry on with Alunbrig", P, "local_therapy_continue_tki", []),
    ("PRG01", "carry on with Alunbrig and add radiotherapy to the adrenal", P, "local_therapy_continue_tki", []),
    ("PRG01", "lorlatinib", A, "lorlatinib", []),
    ("PRG01", "chemo", W, "platinum_pemetrexed", []),
    ("PRG01", "continue brigatinib", W, "continue_current_therapy", []),
    ("PRG02", "local ablative therapy to the three sites; rest is controlled", P, "local_therapy_continue_tki", ["progression:oligoprogression"]),
    ("PRG03", "continue alectinib, rescan in 8 weeks - slow indolent growth", P, "continue_current_therapy", ["progression:indolent"]),
    ("PRG03", "keep going", P, "continue_current_therapy", []),
    ("PRG03", "lorlatinib", A, "lorlatinib", []),
    ("PRG03", "stop alectinib", W, None, []),
    ("PRG04", "continue the chemotherapy; she is responding", P, "continue_current_therapy", ["progression:none"]),
    ("PRG04", "lorlatinib at the next progression, continue chemo for now", P, "continue_current_therapy", []),
    # CNS
    ("CNS01", "SRS and continue alectinib for the two small brain mets", P, "local_therapy_continue_tki", ["progression:cns_only", "cns_lesions:limited"]),
    ("CNS01", "gamma knife", P, "local_therapy_continue_tki", []),
    ("CNS01", "lorlatinib", A, "lorlatinib", []),
    ("CNS01", "chemo", W, "platinum_pemetrexed", []),
    ("CNS02", "lorlatinib for extensive symptomatic brain-only disease", P, "lorlatinib", ["cns_lesions:extensive", "symptomatic:true", "progression:cns_only"]),
    ("CNS02", "SRS", A, "local_therapy_continue_tki", []),
    ("CNS03", "Lorbrena for the leptomeningeal disease", P, "lorlatinib", ["leptomeningeal:true"]),
    ("CNS04", "need more information about symptoms and the meninges before deciding", P, "request_information", []),
    ("CNS04", "SRS and continue alectinib", P, "local_therapy_continue_tki", []),
    # bypass
    ("BYP01", "lorlatinib plus crizotinib for the MET amplification", P, "alk_tki_plus_met_inhibitor", ["bypass_alterations:MET_amplification"]),
    ("BYP01", "dual ALK and MET inhibition", P, "alk_tki_plus_met_inhibitor", []),
    ("BYP01", "capmatinib with lorlatinib", P, "alk_tki_plus_met_inhibitor", []),
    ("BYP01", "a clinical trial", A, "clinical_trial", []),
    ("BYP01", "lorlatinib", A, "lorlatinib", []),
    ("BYP03", "sotorasib", H, "kras_inhibitor_monotherapy", []),
    ("BYP03", "adagrasib monotherapy", H, "kras_inhibitor_monotherapy", []),
    ("BYP03", "KRAS G12C: carbo/pem", P, "platinum_pemetrexed", ["bypass_alterations:KRAS_G12C"]),
    ("BYP03", "chemo for the KRAS mutation", P, "platinum_pemetrexed", ["bypass_alterations:KRAS_G12C"]),
    ("BYP05", "Tagrisso", H, "egfr_tki", []),
    ("BYP05", "platinum doublet with pemetrexed; the EGFR exon 19 deletion is a bypass", P, "platinum_pemetrexed", ["bypass_alterations:EGFR_mutation"]),
    # compound mutations
    ("CMP01", "trial of neladalkib for the compound G1202R+L1196M", P, "clinical_trial", ["compound:true", "alk_mutations:G1202R", "alk_mutations:L1196M"]),
    ("CMP01", "lorlatinib", H, "lorlatinib", []),
    ("CMP01", "tumour board", A, "molecular_tumor_board", []),
    ("CMP01", "chemo", A, "platinum_pemetrexed", []),
    ("CMP03", "find out whether the two mutations are in cis", P, "request_information", []),
    ("CMP03", "phase the mutations, and meanwhile give lorlatinib", H, "lorlatinib", []),
    ("PS03", "first discuss the goals with him and his family", P, "request_information", []),
    ("CMP04", "lorlatinib: the G1202R and I1171N sit in separate clones", P, "lorlatinib", ["alk_mutations:G1202R"]),
    # scope
    ("SCP01", "a clinical trial such as ALKOVE-1 after lorlatinib failure", P, "clinical_trial", ["prior_tkis:lorlatinib"]),
    ("SCP01", "alectinib", W, "alectinib", []),
    ("SCP01", "carbo/pem", A, "platinum_pemetrexed", []),
    ("SCP02", "re-biopsy the liver and enrol on a fourth-generation TKI study", P, "clinical_trial", []),
    ("SCP03", "alectinib after crizotinib", P, "alectinib", ["prior_tkis:crizotinib"]),
    ("SCP03", "lorlatinib", A, "lorlatinib", []),
    ("SCP03", "chemo", W, "platinum_pemetrexed", []),
    ("SCP04", "confirm ALK status with FISH first", P, "request_information", ["alk_status"]),
    ("SCP04", "lorlatinib", W, "lorlatinib", []),
    ("SCP05", "tumour board to resolve the discordant ALK result", P, "molecular_tumor_board", ["alk_status"]),
    ("SCP05", "chemo while clarifying", A, "platinum_pemetrexed", []),
    # testing
    ("TST01", "lorlatinib; no ALK mutation and no bypass found", P, "lorlatinib", ["alk_mutations:none", "bypass_alterations:none"]),
    ("TST01", "carbo-pemetrexed", A, "platinum_pemetrexed", []),
    ("TST01", "pembrolizumab monotherapy", H, "pd1_pdl1_monotherapy", []),
    ("TST02", "get a tissue biopsy; plasma can miss up to 30%", P, "request_information", ["biopsy:plasma"]),
    ("TST02", "lorlatinib", P, "lorlatinib", []),
    ("TST03", "lorlatinib now and advise a rebiopsy; no testing was done", P, "lorlatinib", ["biopsy:none"]),
    ("TST04", "molecular tumour board: G2032R cannot be an ALK mutation", P, "molecular_tumor_board", ["alk_mutations:G2032R"]),
    ("TST06", "clarify the inconsistent referral", P, "request_information", ["contradiction"]),
    ("TST06", "lorlatinib", W, "lorlatinib", []),
    ("TST06", "brigatinib", H, "brigatinib", []),
    ("TST07", "await the pending NGS results", P, "request_information", ["results_pending"]),
    # modifiers
    ("MOD03", "lorlatinib after stopping rifampicin for 3 half-lives", P, "lorlatinib", ["strong_cyp3a_inducer:true"]),
    ("MOD05", "lorlatinib; check reimbursement under the EU label", P, "lorlatinib", ["region:EU"]),
    ("MOD06", "SBRT to both sites and continue ensartinib", P, "local_therapy_continue_tki", []),
    ("MOD07", "lorlatinib with caregiver counselling for mood effects (bipolar)", P, "lorlatinib", ["comorbidities:psychiatric_history"]),
    ("MOD08", "pembrolizumab given PD-L1 90%", H, "pd1_pdl1_monotherapy", []),
    ("MOD08", "lorlatinib, not pembrolizumab despite the PD-L1 of 90%", P, "lorlatinib", []),
    # an avoided therapy offered as the alternative to a therapy phrase with its article, dose or site
    ("SCP05", "the molecular tumour board or an EGFR TKI", H, "egfr_tki", []),
    ("SCP05", "the molecular tumour board rather than an EGFR TKI", P, "molecular_tumor_board", []),
    ("ONT01", "lorlatinib 100 mg daily or brigatinib", H, "brigatinib", []),
    ("ONT01", "either lorlatinib 100 mg once daily or crizotinib", H, "crizotinib", []),
    ("ONT01", "lorlatinib 100 mg daily, not brigatinib", P, "lorlatinib", []),
    ("CNS01", "SRS to the lesions or WBRT", A, "whole_brain_rt", []),
    ("CNS01", "stereotactic radiosurgery to the three lesions, or whole-brain RT", A, "whole_brain_rt", []),
]


@pytest.mark.parametrize("case_id, answer, therapy_grade, chosen, named", ROWS,
                         ids=[f"{r[0]}:{r[1][:40]}" for r in ROWS])
def test_grade_table(case_id, answer, therapy_grade, chosen, named):
    g = grading.grade(case_id, answer)
    assert (g.therapy_grade, g.chosen_therapy) == (therapy_grade, chosen)
    assert set(named) <= set(g.named_findings), (g.named_findings, g.missed_findings)
    assert set(g.named_findings).isdisjoint(g.missed_findings)
    assert 0.0 <= g.score <= 1.0


def test_table_covers_many_cases_and_every_grade():
    assert len({r[0] for r in ROWS}) >= 30
    assert {r[2] for r in ROWS} == {P, A, W, H}


@pytest.mark.parametrize("case_id, partial, reasoned, full", [
    ("ONT01", "lorlatinib", "lorlatinib for the G1202R", "lorlatinib for the G1202R; avoid brigatinib"),
    ("CNS02", "lorlatinib", "lorlatinib: many symptomatic lesions, brain only",
     "lorlatinib: many symptomatic lesions, brain only; not pembrolizumab alone"),
    ("PS02", "best supportive care", "best supportive care: ECOG 4 and she wants comfort",
     "best supportive care: ECOG 4 and she wants comfort; no chemotherapy"),
    ("BYP03", "carboplatin pemetrexed", "carboplatin pemetrexed for the KRAS G12C bypass",
     "carboplatin pemetrexed for the KRAS G12C bypass, not an EGFR TKI"),
])
def test_partial_credit_on_the_rubric(case_id, partial, reasoned, full):
    """Therapy alone earns part of the score, the findings that drive it more, naming what to avoid the rest."""
    part, better, whole = (grading.grade(case_id, a) for a in (partial, reasoned, full))
    assert part.therapy_grade == better.therapy_grade == whole.therapy_grade == P
    assert part.missed_findings and not better.missed_findings
    assert 0 < part.score < better.score < whole.score == 1.0
    assert [r.item for r in whole.rubric] == ["therapy", "findings that drive it", "what to avoid"]
    assert whole.rubric[2].earned == whole.rubric[2].possible and better.rubric[2].earned == 0


def test_harmful_scores_zero_whatever_the_reasoning():
    g = grading.grade("ONT01", "brigatinib despite the G1202R")
    assert g.therapy_grade == H and g.score == 0.0 and "alk_mutations:G1202R" in g.named_findings


def test_negated_findings_are_not_named():
    g = grading.grade("BYP01", "lorlatinib; there is no MET amplification")
    assert "bypass_alterations:MET_amplification" in g.missed_findings
    g = grading.grade("CNS03", "lorlatinib, no leptomeningeal disease")
    assert "leptomeningeal:true" in g.missed_findings


def test_a_wrong_mutation_is_not_the_key_finding():
    g = grading.grade("ONT01", "lorlatinib for the L1196M")
    assert g.named_findings == [] and g.missed_findings == ["alk_mutations:G1202R"]


def test_feedback_explains_the_trace_cites_evidence_and_teaches():
    g = grading.grade("ONT01", "brigatinib")
    rec = bank.expected("ONT01")
    for item in rec["rationale"]:
        assert f"- {item['rule']} (" in g.feedback and item["because"] in g.feedback
    assert "[LIN2017-T2]" in g.feedback and "It is on the list to avoid" in g.feedback
    for point in bank.get("ONT01").teaching_points:
        assert point.text in g.feedback


def test_feedback_says_when_the_trainee_ruled_out_the_preferred_therapy():
    g = grading.grade("TRF01", "not etoposide; lorlatinib")
    assert g.therapy_grade == W and "platinum_etoposide" in g.rejected_therapies
    assert "You ruled out" in g.feedback


def test_feedback_names_missing_information_for_needs_information_cases():
    g = grading.grade("TST02", "tissue biopsy")
    assert g.therapy_grade == P and "missing: biopsy" in g.feedback


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=120))
def test_any_text_gets_a_grade(answer):
    g = grading.grade("ONT01", answer)
    assert g.therapy_grade in grading.THERAPY_GRADES and 0.0 <= g.score <= 1.0
    assert grading.grade("ONT01", answer) == g


def test_a_defensible_alternative_is_acceptable_where_the_engine_lists_it():
    """Local therapy while continuing the TKI, for a case where decide() lists it as an alternative."""
    case_id = next(c.id for c in bank.cases() if "local_therapy_continue_tki" in
                   [o["therapy"] for o in bank.expected(c.id)["alternatives"]])
    g = grading.grade(case_id, "SRS to the lesions and continue the current TKI")
    assert g.therapy_grade == A and g.chosen_therapy == "local_therapy_continue_tki"
    assert 0 < g.score < grading.grade(case_id, bank.expected(case_id)["preferred"][0]["label"]).score + 0.4
    assert "defensible alternative" in g.verdict and g.rubric[0].earned == grading.THERAPY_POINTS[A]


def test_feedback_addresses_the_trainees_own_choice():
    rec = bank.expected("ONT01")
    wrong = grading.grade("ONT01", "whole-brain radiotherapy")
    assert wrong.therapy_grade == W and "is not preferred here because" in wrong.verdict
    assert rec["rationale"][0]["because"][1:40] in wrong.verdict and wrong.feedback.startswith(wrong.verdict)
    harmful = grading.grade("ONT01", "brigatinib")
    assert "should be avoided here" in harmful.verdict and "Brigatinib" in harmful.verdict


def test_feedback_is_in_plain_words():
    for case in bank.cases():
        text = grading.grade(case.id, "lorlatinib").feedback
        assert "mutation table" not in text and "conflict register" not in text, case.id


WBRT_SPELLINGS = ["WBRT", "wbrt", "whole-brain RT", "whole brain radiotherapy", "Whole-Brain Radiation",
                  "whole-brain irradiation"]


def _cns_local_cases() -> list[str]:
    """Bank cases where local therapy is preferred and the answer carries the caveat that SRS is preferred to
    whole-brain radiotherapy (caveats.yml cns_local): limited CNS progression."""
    return [c.id for c in bank.cases()
            if "local_therapy_continue_tki" in [o["therapy"] for o in bank.expected(c.id)["preferred"]]
            and "cns_local" in [cv["id"] for cv in bank.expected(c.id)["caveats"]]]


@pytest.mark.parametrize("spelling", WBRT_SPELLINGS)
def test_whole_brain_rt_is_not_the_preferred_local_therapy_where_srs_is(spelling):
    """The knowledge base prefers radiosurgery to whole-brain RT (caveat cns_local; knowledge.md S2 'WBRT not first
    choice'): WBRT with the TKI continued is at best acceptable, and the verdict says why with that caveat."""
    cases = _cns_local_cases()
    assert cases
    for case_id in cases:
        caveat = next(cv["text"] for cv in bank.expected(case_id)["caveats"] if cv["id"] == "cns_local")
        for answer in (f"{spelling} and continue alectinib", f"{spelling}, keep the current TKI going", spelling):
            g = grading.grade(case_id, answer)
            assert g.therapy_grade == A, (case_id, answer, g.therapy_grade)
            assert g.chosen_therapy != "local_therapy_continue_tki", (case_id, answer)
            assert caveat[:40] in g.verdict, (case_id, answer, g.verdict)
            assert g.rubric[0].earned == grading.THERAPY_POINTS[A]
        srs = grading.grade(case_id, "SRS and continue the current TKI")
        assert srs.therapy_grade == P and srs.chosen_therapy == "local_therapy_continue_tki", case_id


SRS_SPELLINGS = ["SRS", "stereotactic radiosurgery", "gamma knife", "radiosurgery"]
EQUAL_CHOICES = ["{a} or {b}", "{a} / {b}", "either {a} or {b}", "{a}, or {b}", "{a} or {b}, continuing alectinib",
                 "I'd offer {a} or {b}"]


@pytest.mark.parametrize("spelling", WBRT_SPELLINGS)
def test_whole_brain_rt_offered_as_an_equal_choice_beside_radiosurgery_is_acceptable_at_best(spelling):
    """'SRS or WBRT' leaves whoever reads it free to give whole-brain RT, which the knowledge base ranks below
    radiosurgery (cns_local): graded as WBRT chosen alone (acceptable, with that caveat), as 'lorlatinib or
    brigatinib' is graded as brigatinib; in either order, however the two are written."""
    for case_id in _cns_local_cases():
        caveat = next(cv["text"] for cv in bank.expected(case_id)["caveats"] if cv["id"] == "cns_local")
        for srs in SRS_SPELLINGS:
            for template in EQUAL_CHOICES:
                for a, b in ((srs, spelling), (spelling, srs)):
                    answer = template.format(a=a, b=b)
                    g = grading.grade(case_id, answer)
                    assert (g.therapy_grade, g.chosen_therapy) == (A, "whole_brain_rt"), (case_id, answer)
                    assert caveat[:40] in g.verdict and g.rubric[0].earned == grading.THERAPY_POINTS[A], answer


@pytest.mark.parametrize("template", ["{a} rather than {b}", "{a}, not {b}", "{a}; avoid {b}", "{a}; {b} if more "
                                      "lesions appear later", "{a} - {b} would be second best"])
def test_radiosurgery_with_whole_brain_rt_ruled_out_or_kept_for_later_is_preferred(template):
    """The near-misses: WBRT named but not offered as an equal choice leaves radiosurgery the choice."""
    for case_id in _cns_local_cases():
        answer = template.format(a="SRS and continue the TKI", b="WBRT")
        g = grading.grade(case_id, answer)
        assert (g.therapy_grade, g.chosen_therapy) == (P, "local_therapy_continue_tki"), (case_id, answer)


def test_a_defensible_alternative_offered_beside_the_preferred_therapy_keeps_the_grade():
    """Only a therapy the knowledge base ranks below the choice (to avoid, or a lesser form) lowers the grade of
    'A or B'; two therapies the engine offers leave it where the first stands ('lorlatinib or ceritinib')."""
    rec = bank.expected("ONT03")
    assert "ceritinib" in [o["therapy"] for o in rec["alternatives"]]
    assert grading.grade("ONT03", "lorlatinib or ceritinib").therapy_grade == P
    assert grading.grade("ONT03", "ceritinib or lorlatinib").therapy_grade == A


def test_whole_brain_rt_is_graded_where_its_regimen_stands_otherwise():
    """Where local therapy is an alternative (many lesions), WBRT is a defensible alternative as SRS is; where it is
    not among the options, WBRT is wrong."""
    alternative = next(c.id for c in bank.cases() if "local_therapy_continue_tki" in
                       [o["therapy"] for o in bank.expected(c.id)["alternatives"]])
    assert grading.grade(alternative, "WBRT and continue the TKI").therapy_grade == A
    assert grading.grade("ONT01", "WBRT").therapy_grade == W


def test_ruling_out_whole_brain_rt_does_not_rule_out_radiosurgery():
    case_id = _cns_local_cases()[0]
    g = grading.grade(case_id, "SRS and continue the TKI, not WBRT")
    assert g.therapy_grade == P and "which the assistant prefers" not in g.feedback
    assert not any("you ruled out" in r.comment for r in g.rubric)
