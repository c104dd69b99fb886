"""Precision (trust5): a plan, a drug's caution, a contradictory ALK result and a dash in a bare table row state
nothing about the patient.

- A heading that names the next or the intended line ("Next: lorlatinib", "Planned 3L: lorlatinib") plans the drug;
  the TKI received before it stays received.
- A caution, a label's warning, a monitoring note or a risk naming a condition ("brigatinib: caution in ILD", "risk
  of ILD with brigatinib") is the drug's, not the patient's condition, and the drug is not received by it; a
  condition stated first, or a drug stated as taken, still reads.
- A bare "ALK negative" beside an ALK resistance mutation found contradicts it: neither the diagnosis nor the fusion
  at progression is read (asked); a result naming the fusion or its test stays the fusion's.
- In a pipe row under no header, a lone dash cell is no result: the finding before it is not read.
"""

import pytest

from bot.nlu import extractor


def case(text):
    return extractor.extract_case(text)


# 1. the next line or the intended one, under a heading ---------------------------------------------------------------

PLANNED_UNDER_A_HEADING = [
    "Next: lorlatinib",
    "Next line: lorlatinib",
    "NEXT - brigatinib",
    "Planned 3L: lorlatinib",
    "Proposed 2nd-line: brigatinib",
    "Next step: lorlatinib after the MRI",
    # already read as planned before this change; kept here as the family
    "Plan - lorlatinib",
    "Proposed: lorlatinib",
    "Recommendation: switch to lorlatinib",
    "to start lorlatinib next week",
    "will start lorlatinib",
    "MDT: for lorlatinib",
    "candidate for lorlatinib",
]


@pytest.mark.parametrize("text", PLANNED_UNDER_A_HEADING)
def test_a_drug_under_a_next_or_planned_heading_is_not_received(text):
    assert "prior_tkis" not in case(text)


@pytest.mark.parametrize(
    "text, received",
    [
        ("progressed on alectinib. Next: lorlatinib", ["alectinib"]),
        ("PD on brigatinib; next line: lorlatinib", ["brigatinib"]),
        ("Alectinib 2019-2024, progression. Planned 3L: lorlatinib", ["alectinib"]),
    ],
)
def test_the_plan_after_a_received_tki_keeps_only_the_received_one(text, received):
    assert case(text).get("prior_tkis") == received


@pytest.mark.parametrize(
    "text",
    [
        "Next, lorlatinib was started in 2024",  # a sequence word in a sentence, not a heading
        "Next line was lorlatinib (2023-2025)",
        "1L alectinib, then lorlatinib",
    ],
)
def test_control_next_told_as_history_still_reads_received(text):
    assert "lorlatinib" in case(text).get("prior_tkis", [])


# 2. a drug's caution, label, monitoring note or risk --------------------------------------------------------------

CAUTIONED_CONDITIONS = [
    "brigatinib: caution in ILD",
    "caution in hepatic impairment",
    "use with caution in ILD",
    "Warnings and precautions: ILD/pneumonitis",
    "not recommended in severe hepatic impairment",
    "avoid in patients with ILD",
    "dose reduce in hepatic impairment",
    "warning in patients with ILD",
    "risk of ILD with brigatinib",
    "risk of hyperlipidaemia with lorlatinib",
    "brigatinib - risk of ILD/pneumonitis",
    "lorlatinib - hyperlipidaemia risk",
    "brigatinib label: caution in patients with ILD",
    "monitor for pneumonitis",
    "avoid in QT prolongation",
]


@pytest.mark.parametrize("text", CAUTIONED_CONDITIONS)
def test_a_condition_named_by_a_caution_is_not_the_patients(text):
    found = case(text)
    assert "comorbidities" not in found
    assert "prior_tkis" not in found


@pytest.mark.parametrize(
    "text",
    [
        "contraindicated in pregnancy",
        "Lorlatinib: contraindicated in pregnancy",
        "lorlatinib - avoid in pregnancy",
    ],
)
def test_a_contraindication_in_pregnancy_is_no_pregnancy_status(text):
    found = case(text)
    assert "pregnancy_status" not in found
    assert "prior_tkis" not in found


@pytest.mark.parametrize(
    "text",
    [
        "lorlatinib - watch lipids/CNS effects",
        "lorlatinib: monitor lipids",
        "brigatinib - watch for early pulmonary events",
        "QT prolongation risk with crizotinib",
    ],
)
def test_a_drug_named_in_a_monitoring_note_or_a_risk_is_not_received(text):
    assert "prior_tkis" not in case(text)


@pytest.mark.parametrize(
    "text, comorbidity, tkis",
    [
        ("ILD on brigatinib", "interstitial_lung_disease", ["brigatinib"]),
        ("pneumonitis grade 2 with brigatinib, stopped", "interstitial_lung_disease", ["brigatinib"]),
        ("Has ILD - caution with brigatinib", "interstitial_lung_disease", None),
        ("she has hepatic impairment", "hepatic_impairment", None),
        ("hyperlipidaemia on lorlatinib, on a statin", "hyperlipidemia", ["lorlatinib"]),
        ("risk factors: smoking, ILD", "interstitial_lung_disease", None),
        # a chart's bare alert may be the patient's own condition
        ("Warning: known ILD", "interstitial_lung_disease", None),
        ("Caution: she has ILD", "interstitial_lung_disease", None),
    ],
)
def test_control_a_condition_stated_as_the_patients_still_reads(text, comorbidity, tkis):
    found = case(text)
    assert comorbidity in found.get("comorbidities", [])
    assert found.get("prior_tkis") == tkis


@pytest.mark.parametrize(
    "text, tkis",
    [
        ("on lorlatinib - watch lipids", ["lorlatinib"]),
        ("on brigatinib: caution in ILD", ["brigatinib"]),
        ("alectinib 2019-2023; lorlatinib since 2023 - watch lipids", ["alectinib", "lorlatinib"]),
    ],
)
def test_control_a_drug_stated_as_taken_beside_a_caution_still_reads(text, tkis):
    found = case(text)
    assert found.get("prior_tkis") == tkis
    assert "comorbidities" not in found


def test_control_pregnant_stated_before_a_contraindication_still_reads():
    assert case("Pregnant - contraindicated lorlatinib").get("pregnancy_status") == "pregnant"


# 3. a bare ALK negative beside a resistance mutation --------------------------------------------------------------

CONTRADICTORY = [
    "ALK negative, G1202R detected",
    "ALK-negative; ALK G1202R 0.4%",
    "ALK neg, L1196M found",
    "ALK: negative. G1202R: detected",
]


@pytest.mark.parametrize("text", CONTRADICTORY)
def test_a_bare_alk_negative_beside_a_mutation_reads_no_fusion_result(text):
    found = case(text)
    assert "alk_fusion_at_progression" not in found
    assert "alk_positive" not in found
    assert found.get("alk_mutations")


@pytest.mark.parametrize(
    "text",
    [
        "EML4-ALK fusion not detected by RNA NGS, G1202R detected",
        "EML4-ALK not detected, ALK G1202R 0.5%",
        "ALK FISH negative, G1202R detected",
        "no ALK rearrangement, G1202R detected",
    ],
)
def test_control_a_result_naming_the_fusion_or_its_test_stays_the_fusions(text):
    found = case(text)
    assert found.get("alk_fusion_at_progression") is False
    assert found.get("alk_mutations")


@pytest.mark.parametrize("text", ["ALK negative", "ALK negative, no G1202R", "ALK negative; no ALK resistance mutations"])
def test_control_alk_negative_with_no_mutation_found_stays_negative(text):
    assert case(text).get("alk_positive") is False


# 4. a lone dash in a pipe row under no header ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, field",
    [
        ("ALK | EML4-ALK fusion | -", "alk_positive"),
        ("MET | amplification | -", "bypass_alterations"),
        ("Brain mets | - | MRI 11/2025", "brain_metastases"),
        ("G1202R | - | -", "alk_mutations"),
    ],
)
def test_a_lone_dash_in_a_headless_pipe_row_is_no_result(text, field):
    found = case(text)
    assert field not in found
    assert "alk_fusion_at_progression" not in found


@pytest.mark.parametrize("text", ["ALK | EML4-ALK fusion | +", "ALK | EML4-ALK fusion | detected"])
def test_control_a_headless_pipe_row_with_a_result_still_reads(text):
    assert case(text).get("alk_positive") is True


def test_control_a_headed_variant_table_reads_as_before():
    text = "Gene | Alteration | VAF | Tier\nALK | EML4-ALK fusion (E6a/b;A20) | - | IA\nTP53 | p.R273H | 30% | IIC"
    assert case(text).get("alk_positive") is True


def test_control_alectinib_row_of_a_headless_table_still_reads():
    assert case("alectinib | 2019 | 2022 | -").get("prior_tkis") == ["alectinib"]


# 5. a Y/N form field is the clinician's answer (unchanged) ---------------------------------------------------------


def test_control_a_form_field_answered_no_reads_absent_and_treated_mets_beside_it_leave_it_unread():
    assert case("Active CNS mets: N").get("brain_metastases") is False
    assert "brain_metastases" not in case("Brain mets s/p SRS 2022. Active CNS mets: N")
