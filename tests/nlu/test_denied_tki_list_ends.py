"""A denied list of ALK TKIs never closed by a conjunction whose last item is followed by a bracketed aside, a dash,
a semicolon or other words (deny4): the last TKI is denied with the rest, or, where the words after it may tell it
given (a dose, a date), read as neither (asked); never as received. A TKI told as received after the dash or
semicolon keeps its reading, and so do lists that are not denied."""

from __future__ import annotations

import pytest

from bot.nlu.extractor import extract_case


def _tkis(text: str) -> list[str]:
    return extract_case(text).get("prior_tkis") or []


@pytest.mark.parametrize("text,received", [
    ("Never received brigatinib, ceritinib, lorlatinib (G1202R)", []),
    ("No prior brigatinib, ceritinib, lorlatinib (per pharmacy records)", []),
    ("She has not received brigatinib, ceritinib, lorlatinib (confirmed with patient)", []),
    ("Not exposed to brigatinib, ceritinib, lorlatinib - alectinib only", ["alectinib"]),
    ("Never received brigatinib, ceritinib, lorlatinib (she is TKI-naive apart from alectinib).", ["alectinib"]),
    ("Never had crizotinib, brigatinib, lorlatinib; on alectinib since 2021", ["alectinib"]),
    ("No brigatinib, ceritinib, lorlatinib -- currently alectinib 600 mg bid", ["alectinib"]),
    ("never on ceritinib, brigatinib, lorlatinib (pt and husband both confirm). ECOG 1", []),
    ("No previous crizotinib, brigatinib, lorlatinib \u2013 alectinib first line since 2020", ["alectinib"]),
    ("Has not received brigatinib, ceritinib, lorlatinib - on alectinib", ["alectinib"]),
    ("No prior brigatinib, ceritinib, lorlatinib; alectinib only", ["alectinib"]),
    ("Never on crizotinib, ceritinib, brigatinib (per chart); currently lorlatinib", ["lorlatinib"]),
    ("Never received ceritinib, brigatinib, lorlatinib \u2014 see pharmacy note", []),
])
def test_last_tki_closed_by_an_aside_is_denied(text: str, received: list[str]) -> None:
    assert sorted(_tkis(text)) == sorted(received)


@pytest.mark.parametrize("text,denied", [
    ("Never received brigatinib, ceritinib, lorlatinib as far as she recalls", "lorlatinib"),
    ("Never received brigatinib, ceritinib, lorlatinib per the outside notes", "lorlatinib"),
    ("No prior brigatinib, ceritinib, lorlatinib - stopped after 2 weeks for oedema", "lorlatinib"),
    ("never had alectinib, brigatinib, lorlatinib, confirmed by pharmacy", "lorlatinib"),
    ("No prior brigatinib, ceritinib, lorlatinib (100 mg daily since 2022)", "lorlatinib"),
    ("Not treated with ceritinib, crizotinib, lorlatinib: alectinib is her only TKI", "lorlatinib"),
])
def test_last_tki_never_read_received(text: str, denied: str) -> None:
    """Denied with the list, or asked where the words after it may tell it given: never received."""
    assert denied not in _tkis(text)


@pytest.mark.parametrize("text,received", [
    ("No chemo, alectinib 600 bid since 2021", ["alectinib"]),
    ("Never had crizotinib; alectinib since 2020", ["alectinib"]),
    ("Not on brigatinib; alectinib since 2020", ["alectinib"]),
    ("Progressed on crizotinib, alectinib, lorlatinib (G1202R)", ["crizotinib", "alectinib", "lorlatinib"]),
    ("Received brigatinib, ceritinib, lorlatinib - now on a trial", ["brigatinib", "ceritinib", "lorlatinib"]),
    ("Never had chemotherapy; crizotinib, alectinib, lorlatinib (G1202R on rebiopsy)",
     ["crizotinib", "alectinib", "lorlatinib"]),
    ("Alectinib 2019-2022, then lorlatinib (G1202R)", ["alectinib", "lorlatinib"]),
    ("Never received brigatinib, ceritinib or lorlatinib (per records)", []),
    ("Never received brigatinib, ceritinib, lorlatinib.", []),
    ("s/p crizotinib, alectinib, brigatinib - progressed 3/2024", ["crizotinib", "alectinib", "brigatinib"]),
])
def test_controls_keep_their_reading(text: str, received: list[str]) -> None:
    assert sorted(_tkis(text)) == sorted(received)


# The perfect and passive forms of "never" and a denial of ever taking them deny each TKI, alone or listed.
@pytest.mark.parametrize("text,received", [
    ("Has never been given crizotinib, ceritinib, lorlatinib (checked the dispensing history)", []),
    ("pt denies ever taking crizotinib, brigatinib, lorlatinib (outside records reviewed)", []),
    ("has never been given lorlatinib.", []),
    ("She has never taken brigatinib; on alectinib since 2021.", ["alectinib"]),
    ("He has never been treated with lorlatinib, only alectinib.", ["alectinib"]),
    ("Denies ever receiving ceritinib. Alectinib 2020-2024.", ["alectinib"]),
    # controls: what was given stays received
    ("has taken lorlatinib since 2024", ["lorlatinib"]),
    ("never missed a dose of alectinib", ["alectinib"]),
])
def test_perfect_and_denied_ever_forms_deny_tkis(text: str, received: list[str]) -> None:
    assert sorted(_tkis(text)) == sorted(received)


# a bare "Never X", nothing between it and the TKI, denies it and the list it opens
@pytest.mark.parametrize("text,received", [
    ("Never brigatinib, ceritinib, lorlatinib but did get alectinib", ["alectinib"]),
    ("Never brigatinib.", []),
])
def test_bare_never_denies_tkis(text: str, received: list[str]) -> None:
    assert sorted(_tkis(text)) == sorted(received)
