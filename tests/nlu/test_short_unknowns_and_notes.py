"""A form's answer written short, and a result's bracketed note before its later result (lead, 2026-12-07): each read
the finding PRESENT before.

- Not known written short ("N/K", "NK", "U/K") as a finding's answer: the writer does not know, the field is left to
  be asked (key_value `pending`, negation `unknown_after`); not before another word ("NK cell counts").
- A dash of another length or the null sign as the answer ("Brain mets: —", "Lepto: Ø"): read as "-" is, none.
- "borderline" as a finding's value doubts it, as "equivocal" does.
- A bracketed note between a result and its later result ("MET amplification at diagnosis (co-occurring), now not
  detected", "G1202R (subclonal, VAF 0.4%), now not detected"): the later result counts, as without the note; a
  finding's lesions said gone past their bracket ("brain mets (2 small), now resolved"): none now.
Controls: the same keys answered, other findings named in or after the bracket, a finding still there past its note."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_including

_KEYS = [("Brain mets", "brain_metastases"), ("Leptomeningeal disease", "leptomeningeal"),
         ("MET amplification", "bypass_alterations"), ("G1202R", "alk_mutations"), ("L1196M", "alk_mutations"),
         ("SCLC transformation", "transformation")]


@pytest.mark.parametrize("answer", ["N/K", "NK", "n/k", "U/K"])
@pytest.mark.parametrize("key, field", _KEYS)
def test_not_known_written_short_is_not_read(key: str, field: str, answer: str) -> None:
    assert_reads(f"{key}: {answer}", {field: None})


@pytest.mark.parametrize("text, field", [
    ("Re-biopsy 11/2025.\nG1202R - N/K (sample failed)\nECOG 1", "alk_mutations"),
    ("Brain mets N/K, no MRI since 2023", "brain_metastases"),
    ("Lepto: NK.", "leptomeningeal"),
])
def test_not_known_short_in_a_note(text: str, field: str) -> None:
    assert_reads(text, {field: None})


@pytest.mark.parametrize("text, fields", [
    ("Brain mets: —", {"brain_metastases": False}),
    ("Leptomeningeal disease: –", {"leptomeningeal": False}),
    ("Brain mets: Ø", {"brain_metastases": False}),
    ("Lepto: Ø, brain mets: 2", {"leptomeningeal": False, "brain_metastases": True}),
    ("MET amplification: —", {"bypass_alterations": None}),
    ("G1202R: Ø", {"alk_mutations": None}),
    ("SCLC transformation: —", {"transformation": "none"}),
])
def test_a_long_dash_or_the_null_sign_answers_none(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("text, field", [
    ("Transformation: borderline", "transformation"),
    ("Brain mets: borderline", "brain_metastases"),
    ("Lepto: borderline", "leptomeningeal"),
])
def test_borderline_doubts_the_value(text: str, field: str) -> None:
    assert_reads(text, {field: None})


@pytest.mark.parametrize("text, field, value", [
    ("Brain mets: present, NK cell counts normal", "brain_metastases", True),
    ("History of NK cell deficiency. G1202R detected.", "alk_mutations", ["G1202R"]),
    ("Brain mets — 3 lesions", "brain_metastases", True),
    ("MET amp — yes (FISH, MET/CEP7 3.1)", "bypass_alterations", ["MET_amplification"]),
    ("Brain mets: yes — 3 lesions, largest 8 mm", "brain_metastases", True),
    ("MET amp: positive (borderline ratio 2.1)", "bypass_alterations", ["MET_amplification"]),
])
def test_answers_that_say_the_finding_still_read(text: str, field: str, value) -> None:
    assert_reads(text, {field: value})


@pytest.mark.parametrize("text, field", [
    ("MET amplification at diagnosis (co-occurring), now not detected", "bypass_alterations"),
    ("MET amplification (co-occurring), now not detected", "bypass_alterations"),
    ("G1202R (subclonal, VAF 0.4%), now not detected", "alk_mutations"),
    ("L1196M (low level) in 2023, not detected on the 2025 rebiopsy", "alk_mutations"),
    ("brain mets (2 small), now resolved", "brain_metastases"),
])
def test_a_bracketed_note_does_not_keep_a_later_result_from_counting(text: str, field: str) -> None:
    found = assert_reads(text, {field: None if field != "brain_metastases" else False})
    assert "cns_lesions" not in found, found


@pytest.mark.parametrize("text, field, value", [
    ("G1202R (not detected 2023), now detected", "alk_mutations", "G1202R"),
    ("MET amplification (co-occurring), G1202R detected", "alk_mutations", "G1202R"),
    ("MET amplification (co-occurring), G1202R detected", "bypass_alterations", "MET_amplification"),
    ("G1202R (VAF 3%), L1196M (VAF 1%)", "alk_mutations", "L1196M"),
    ("MET amplification (FISH ratio 2.5), L1196M not detected", "bypass_alterations", "MET_amplification"),
])
def test_findings_beside_a_note_still_read(text: str, field: str, value: str) -> None:
    assert_reads_including(text, field, [value])


@pytest.mark.parametrize("text", ["brain mets (2 small), stable", "brain mets (2), treated with SRS",
                                  "brain mets (left frontal, 8 mm), new since the last MRI"])
def test_brain_lesions_past_their_note_still_read(text: str) -> None:
    assert_reads(text, {"brain_metastases": True})
