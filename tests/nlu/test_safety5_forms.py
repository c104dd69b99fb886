"""Four misreadings of the case extractor (safety5): a pregnancy confirmed by a test ("home test positive", "+ve UPT",
"bhcg raised") read as childbearing potential only; a drug replaced or cancelled before it was taken ("itraconazole
...; terbinafine instead", "lorlatinib was prescribed but cancelled") read as taken, and a TKI whose start is still to
come ("before lorlatinib start") read as received; brain metastases at baseline read as present when the current
visit says they resolved ("intracranial CR", "no residual brain disease after SRS"); and a plasma test whose result
is pending, which must reach the decision module as a test without a result (it asks for the result), never as a
plasma test that found nothing. Phrasings of our own, as clinicians write them; none is a sentence of the independent
phrasing sets."""
from __future__ import annotations

import pytest

from bot.decision import decide
from bot.nlu import extractor
from tests.decision.conftest import case, fired
from tests.nlu.reads import assert_reads, assert_reads_one_of

# ---- 1. a pregnancy confirmed by a test: pregnant ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Phone triage: pt pregnant? LMP 7 weeks ago, home test positive today. On alectinib.",
        "Triage call - LMP 6/52 ago, home test +ve this morning, on lorlatinib",
        "missed her period, home test came back positive",
        "Late period; positive home test yesterday. Takes brigatinib.",
        "home pregnancy test positive",
        "positive home pregnancy test",
        "+ve UPT",
        "ED: 32F, missed period, urine preg test +ve. On lorlatinib.",
        "UPT positive in ED",
        "positive UPT",
        "urine pregnancy test positive",
        "serum pregnancy test positive",
        "pregnancy test came back positive",
        "beta-hCG positive",
        "bhcg raised",
        "serum b-hCG raised at 1200",
        "beta hCG elevated",
        "positive urine hCG",
        "Urine hCG: positive",
        "Pregnancy test: positive",
        "confirmed intrauterine pregnancy on US",
        "Med rec: alectinib 600 mg bd. Labs: bHCG positive.",
    ],
)
def test_a_positive_pregnancy_test_is_a_pregnancy(text):
    assert_reads(text, {"pregnancy_status": "pregnant"})


@pytest.mark.parametrize(
    "text",
    [
        "pregnancy test negative",
        "bhcg neg",
        "UPT negative",
        "UPT -ve",
        "beta-hCG not raised",
        "LMP 2 weeks ago, pregnancy test negative",
    ],
)
def test_a_negative_pregnancy_test_is_no_pregnancy(text):
    assert_reads_one_of(text, "pregnancy_status", ("childbearing_potential", None))


@pytest.mark.parametrize(
    "text",
    [
        "pregnancy test to be done",
        "pregnancy test pending",
        "hcg pending",
        "urine hcg to be sent",
        "pregnant?",
        "is she pregnant?",
        "home test negative",
        "home test positive",  # which test is not said
        "covid home test positive",
        "lateral flow home test positive",
        "LMP 3 weeks ago; covid home test positive",
        "LMP 3 weeks ago, home test positive for covid",
        "beta-hCG elevated (tumour marker), male patient",
        "serum hCG raised - ? germ cell tumour marker",
    ],
)
def test_a_pregnancy_test_asked_pending_negative_or_of_another_kind_is_no_pregnancy(text):
    assert_reads_one_of(text, "pregnancy_status", ("childbearing_potential", None))


# ---- 2. a drug replaced or cancelled before it was taken: not taken ----------------------------------------------


@pytest.mark.parametrize(
    "text, field",
    [
        ("new script for itraconazole from dermatology; Derm contacted, terbinafine instead", "strong_cyp3a_inhibitor"),
        ("itraconazole switched to terbinafine before starting", "strong_cyp3a_inhibitor"),
        ("itraconazole changed to terbinafine", "strong_cyp3a_inhibitor"),
        ("itraconazole avoided, terbinafine used instead", "strong_cyp3a_inhibitor"),
        ("itraconazole was prescribed but cancelled", "strong_cyp3a_inhibitor"),
        ("Itraconazole prescribed by derm, then cancelled", "strong_cyp3a_inhibitor"),
        ("itraconazole - never started", "strong_cyp3a_inhibitor"),
        ("declined itraconazole", "strong_cyp3a_inhibitor"),
        ("clarithromycin prescribed by GP, changed to doxycycline by pharmacy before first dose",
         "strong_cyp3a_inhibitor"),
        ("Med rec: clarithromycin (for H pylori) - switched to amoxicillin", "strong_cyp3a_inhibitor"),
        ("Carbamazepine (for trigeminal neuralgia) - switched to gabapentin before lorlatinib start",
         "strong_cyp3a_inducer"),
        ("carbamazepine was switched to levetiracetam", "strong_cyp3a_inducer"),
        ("rifampicin planned for TB; rifabutin used instead", "strong_cyp3a_inducer"),
        ("phenytoin prescribed in ED, changed to levetiracetam by neurology", "strong_cyp3a_inducer"),
    ],
)
def test_a_cyp3a_drug_replaced_or_cancelled_before_it_was_taken_is_not_taken(text, field):
    assert_reads(text, {field: False})


@pytest.mark.parametrize(
    "text, field",
    [
        ("on itraconazole", "strong_cyp3a_inhibitor"),
        ("itraconazole started; fluconazole instead of voriconazole", "strong_cyp3a_inhibitor"),
        ("itraconazole must continue for aspergillosis; brigatinib instead", "strong_cyp3a_inhibitor"),
        ("on itraconazole, lorlatinib dose reduced instead", "strong_cyp3a_inhibitor"),
        ("on itraconazole; Derm suggested terbinafine instead", "strong_cyp3a_inhibitor"),
        ("on clarithromycin, azithromycin instead?", "strong_cyp3a_inhibitor"),
        ("on carbamazepine for epilepsy, continues; lacosamide instead would need neuro input", "strong_cyp3a_inducer"),
    ],
)
def test_a_cyp3a_drug_taken_or_only_questioned_is_not_read_as_stopped(text, field):
    assert_reads_one_of(text, field, (True, None))


@pytest.mark.parametrize(
    "text",
    [
        "lorlatinib was prescribed but cancelled",
        "lorlatinib prescribed, then cancelled",
        "Lorlatinib script cancelled (insurer declined)",
        "declined lorlatinib",
        "before starting lorlatinib",
        "carbamazepine stopped before lorlatinib start",
        "Carbamazepine (for trigeminal neuralgia) - switched to gabapentin before lorlatinib start",
        "prior to lorlatinib initiation",
    ],
)
def test_a_tki_cancelled_or_still_to_start_is_not_received(text):
    assert_reads(text, {"prior_tkis": None})


def test_a_tki_replaced_before_it_was_started_is_not_received():
    found = assert_reads("brigatinib changed to lorlatinib before starting", {})
    assert "brigatinib" not in found.get("prior_tkis", [])


@pytest.mark.parametrize(
    "text, tkis",
    [
        ("alectinib 2019-2022, then lorlatinib, started 3/2023", ["alectinib", "lorlatinib"]),
        ("lorlatinib started 3/2024", ["lorlatinib"]),
        ("brain MRI was clear before lorlatinib was started", ["lorlatinib"]),
    ],
)
def test_a_tki_started_stays_received(text, tkis):
    assert_reads(text, {"prior_tkis": tkis})


def test_an_inducer_switched_before_lorlatinib_is_not_an_inducer_to_stop():
    """The schema's cyp3a_inducer_stoppable applies "with a strong CYP3A inducer": once it has been switched there is
    none, so the field is not read (strong_cyp3a_inducer false says it all)."""
    assert_reads(
        "Carbamazepine (for trigeminal neuralgia) - switched to gabapentin before lorlatinib start",
        {"strong_cyp3a_inducer": False, "cyp3a_inducer_stoppable": None, "prior_tkis": None},
    )


# ---- 3. brain metastases at baseline, resolved now: the current state --------------------------------------------
# The schema's brain_metastases is "Brain metastases present now (treated or not)"; "brain mets resolved" already
# read false, so a complete intracranial response or no residual disease reads false as well.


@pytest.mark.parametrize(
    "text",
    [
        "Brain metastases at baseline: Y; at current visit: resolved (CR)",
        "Brain metastases at baseline: Y; at current visit: N",
        "Brain mets: baseline Y, current N",
        "Brain mets at dx: yes, now: none",
        "brain mets resolved",
        "brain mets at dx, now resolved",
        "brain metastases have resolved on alectinib",
        "CNS disease resolved after SRS",
        "intracranial CR",
        "intracranial complete response on lorlatinib",
        "complete intracranial response",
        "MRI brain: complete resolution of the brain metastases",
        "no residual brain disease after SRS",
        "no residual intracranial disease on MRI",
        "no residual brain mets",
        "s/p SRS x2, no remaining brain lesions",
    ],
)
def test_brain_metastases_resolved_now_are_absent(text):
    assert_reads(text, {"brain_metastases": False})


@pytest.mark.parametrize(
    "text",
    [
        "Brain metastases at baseline: Y; at current visit: Y",
        "Brain metastases at baseline: Y; at current visit: progressing",
        "Brain metastases at baseline: N; at current visit: Y",
        "brain mets treated with SRS, stable",
        "residual brain disease after SRS",
        "intracranial PR",
        "partial intracranial response",
    ],
)
def test_brain_metastases_still_there_are_not_read_absent(text):
    assert_reads_one_of(text, "brain_metastases", (True, None))


def test_a_rate_of_complete_response_is_no_statement_of_this_patient():
    assert_reads("lorlatinib has an intracranial CR rate of about 70%", {"brain_metastases": None})


# ---- 4. a plasma test with its result pending: a test without a result -------------------------------------------
# biopsy "plasma" with alk_mutations and bypass_alterations unknown is rule M8 "pending", which asks for the result
# (bot/decision/engine.py, _molecular); never M7, which takes a plasma test that found nothing to a tissue re-biopsy.


@pytest.mark.parametrize(
    "text",
    [
        "Pending the result of the liquid biopsy (Guardant360) to decide next line",
        "Guardant360 sent, results pending",
        "liquid biopsy sent last week, awaiting result",
        "Guardant 360 drawn 3/12, result to follow",
        "plasma NGS sent; no result yet",
        "ctDNA pending",
        "plasma NGS: result pending",
        "awaiting Guardant",
    ],
)
def test_a_pending_plasma_result_is_asked_for_not_taken_as_negative(text):
    found = extractor.extract_case(text)
    assert "alk_mutations" not in found and "bypass_alterations" not in found, (text, found)
    assert found.get("biopsy") in ("plasma", None), (text, found)
    unknown = {"biopsy": None, "alk_mutations": None, "bypass_alterations": None, "alk_fusion_at_progression": None}
    rec = decide(case(**{**unknown, **found}))
    assert fired(rec)[0] == "M8" and rec["status"] == "needs_information", (text, fired(rec))
    assert {"alk_mutations", "biopsy"} & set(rec["missing"]), (text, rec["missing"])
    assert "M7" not in fired(rec)


def test_a_plasma_result_that_found_nothing_is_still_read():
    assert_reads("Guardant360: no ALK mutations detected", {"biopsy": "plasma", "alk_mutations": []})
