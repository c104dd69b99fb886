"""CDS Hooks 2.0 contract, against the running Rasa server (the `stack` of tests/conftest.py): discovery, both
hooks, errors, feedback. Every 200 response is validated against bot/schemas/cds-hooks-response.schema.json."""
from __future__ import annotations

import copy
import json
import re
import uuid
from pathlib import Path

import pytest
import requests

from bot.cds.service import ORDER_SELECT, PATIENT_VIEW, PREFETCH
from bot.decision import FIELDS, decide
from bot.fhir import import_bundle
from bot.storage.audit import AuditLog
from tests.security.client import Socket, Tally
from tests.cds.requests import BUNDLES, draft_order, order_select, patient_view, validate


@pytest.fixture(scope="module")
def base(stack) -> str:
    return stack.base_url + "/webhooks/cds"


@pytest.fixture(scope="module")
def audit(stack) -> AuditLog:
    return AuditLog(stack.env["AUDIT_DB_URL"], spool_dir=stack.env["AUDIT_SPOOL_DIR"])


def post(url: str, body, **kwargs) -> requests.Response:
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return requests.post(url, data=data, headers={"Content-Type": "application/json"}, timeout=60, **kwargs)


def answer(bundle_name: str) -> dict:
    return decide(import_bundle(json.loads((BUNDLES / f"{bundle_name}.json").read_text())).case)


def test_discovery(base):
    r = requests.get(base + "/cds-services", timeout=30)
    assert r.status_code == 200
    validate(r.json(), "discovery")
    services = {s["id"]: s for s in r.json()["services"]}
    assert services[PATIENT_VIEW]["hook"] == "patient-view" and services[ORDER_SELECT]["hook"] == "order-select"
    assert all(s["prefetch"] == PREFETCH for s in services.values())


def test_patient_view_card(base, stack):
    rec = answer("V01")
    r = post(f"{base}/cds-services/{PATIENT_VIEW}", patient_view("V01"))
    assert r.status_code == 200, r.text
    validate(r.json())
    (card,) = r.json()["cards"]
    assert rec["preferred"][0]["label"] in card["summary"] and len(card["summary"]) < 140
    assert card["indicator"] == "info" and rec["knowledge_version"] in card["source"]["label"]
    for caveat in (c for c in rec["caveats"] if c["id"] != "disclaimer"):
        assert caveat["text"].split()[0] in card["detail"]
    assert rec["evidence"][0]["id"] in card["detail"] and "Brigatinib" in card["detail"]
    (link,) = card["links"]
    page, token = link["url"].split("#case=")
    assert page == stack.page_url and len(token) >= 32 and link["type"] == "absolute"
    # the link carries no case: the page names nothing of it, and the token is an opaque random key (of the URL-safe
    # alphabet, a new one for the same patient each time), not the case or the patient id written in (a random token
    # may hold "p1" by chance: that is no leak, so the patient id is checked through the second token instead)
    assert not any(word in page for word in ("G1202R", "alectinib", "p1"))
    assert re.fullmatch(r"[A-Za-z0-9_-]{32,}", token) and not any(word in token for word in ("G1202R", "alectinib"))
    again = post(f"{base}/cds-services/{PATIENT_VIEW}", patient_view("V01")).json()["cards"][0]["links"][0]["url"]
    assert again.split("#case=")[1] != token
    assert uuid.UUID(card["uuid"])


@pytest.mark.parametrize("name", sorted(p.stem for p in BUNDLES.glob("*.json")))
def test_every_bundle_gets_a_valid_card(base, name):
    r = post(f"{base}/cds-services/{PATIENT_VIEW}", patient_view(name))
    assert r.status_code == 200, r.text
    validate(r.json())
    (card,) = r.json()["cards"]
    assert answer(name)["status"].replace("_", " ") == card["source"]["topic"]["display"]


def test_no_card_for_a_patient_without_alk_findings_or_tkis(base):
    body = patient_view("V01")
    for key, value in body["prefetch"].items():
        if key != "patient":
            value["entry"] = []
    r = post(f"{base}/cds-services/{PATIENT_VIEW}", body)
    assert r.status_code == 200 and r.json() == {"cards": []}


def test_card_uuids_are_unique(base):
    body = patient_view("V01")
    uuids = {post(f"{base}/cds-services/{PATIENT_VIEW}", body).json()["cards"][0]["uuid"] for _ in range(3)}
    assert len(uuids) == 3


def test_order_select_warns_on_a_tki_to_avoid_and_suggests_the_preferred(base, audit):
    rec = answer("V01")
    avoided = next(a for a in rec["avoid"] if a["therapy"] == "brigatinib")
    r = post(f"{base}/cds-services/{ORDER_SELECT}", order_select(draft_order("Alunbrig 180 mg tablet")))
    assert r.status_code == 200, r.text
    validate(r.json())
    (card,) = r.json()["cards"]
    assert card["indicator"] in ("warning", "critical") and "Brigatinib" in card["summary"]
    assert avoided["reason"].split(",")[0].split(".")[0] in card["detail"].replace("\\", "")
    (suggestion,) = card["suggestions"]
    assert rec["preferred"][0]["label"] in suggestion["label"]
    kinds = {a["type"]: a for a in suggestion["actions"]}
    assert kinds["delete"]["resourceId"] == "MedicationRequest/draft-1"
    assert kinds["create"]["resource"]["medicationCodeableConcept"]["text"] == rec["preferred"][0]["label"]
    assert all(o["display"] for o in card["overrideReasons"])
    # the unsigned draft is not a TKI the patient received
    assert audit.records(limit=1)[0]["case"]["prior_tkis"] == ["alectinib"]


def test_order_select_is_silent_for_the_preferred_tki(base):
    r = post(f"{base}/cds-services/{ORDER_SELECT}", order_select(draft_order("lorlatinib 100 mg tablet")))
    assert r.status_code == 200 and r.json() == {"cards": []}


@pytest.mark.parametrize("key", ["observations", "patient"])
def test_missing_prefetch_is_412_not_a_guess(base, key):
    body = patient_view("V01")
    del body["prefetch"][key]
    r = post(f"{base}/cds-services/{PATIENT_VIEW}", body)
    assert r.status_code == 412 and key in r.json()["error"]
    body = patient_view("V01")
    body["prefetch"][key] = {"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "timeout"}]}
    assert post(f"{base}/cds-services/{PATIENT_VIEW}", body).status_code == 412


def _mutations():
    def hook(b): b["hook"] = "order-sign"
    def instance(b): b["hookInstance"] = "not-a-uuid"
    def patient(b): b["context"]["patientId"] = "someone-else"
    def no_context(b): del b["context"]
    def bad_status(b): b["prefetch"]["observations"]["entry"][0]["resource"]["status"] = "bogus"
    def auth_without_server(b): b.pop("fhirServer"); b["fhirAuthorization"] = {"access_token": "x"}
    return [(hook, "hook"), (instance, "hookInstance"), (patient, "patientId"), (no_context, "context"),
            (bad_status, "not one of"), (auth_without_server, "fhirServer")]


@pytest.mark.parametrize("mutate, word", _mutations())
def test_request_checks(base, mutate, word):
    body = copy.deepcopy(patient_view("V01"))
    mutate(body)
    r = post(f"{base}/cds-services/{PATIENT_VIEW}", body)
    assert r.status_code == 400 and word in r.json()["error"] and "Traceback" not in r.text


def test_request_checks_at_the_door(base):
    url = f"{base}/cds-services/{PATIENT_VIEW}"
    assert post(url, "{not json").status_code == 400
    assert post(url, b"[" + b"1," * 1_100_000 + b"1]").status_code == 413
    assert post(f"{base}/cds-services/no-such-service", patient_view("V01")).status_code == 404


def test_feedback_records_accepted_and_overridden_cards(base, audit):
    card = post(f"{base}/cds-services/{ORDER_SELECT}", order_select(draft_order("brigatinib"))).json()["cards"][0]
    record_id = audit.card_record(card["uuid"])
    assert record_id is not None
    suggestion = card["suggestions"][0]["uuid"]
    feedback = {"feedback": [
        {"card": card["uuid"], "outcome": "accepted", "acceptedSuggestions": [{"id": suggestion}],
         "outcomeTimestamp": "2026-12-02T01:00:00Z"},
        {"card": card["uuid"], "outcome": "overridden", "outcomeTimestamp": "2026-12-02T01:05:00Z",
         "overrideReason": {"reason": card["overrideReasons"][1], "userComment": "tumour board 12/11/2026 agreed"}}]}
    r = post(f"{base}/cds-services/{ORDER_SELECT}/feedback", feedback)
    assert r.status_code == 200, r.text
    rows = audit.feedback_for(record_id)
    assert [f["rating"] for f in rows] == ["accepted", "overridden"]
    assert suggestion in rows[0]["reason"] and card["overrideReasons"][1]["display"] in rows[1]["reason"]
    assert "12/11/2026" not in rows[1]["reason"]  # scrubbed like every feedback reason


@pytest.mark.parametrize("item, word", [
    ({"card": str(uuid.uuid4()), "outcome": "overridden", "outcomeTimestamp": "2026-12-02T01:00:00Z"}, "unknown"),
    ({"card": "x", "outcome": "liked", "outcomeTimestamp": "2026-12-02T01:00:00Z"}, "outcome"),
    ({"card": "x", "outcome": "accepted", "outcomeTimestamp": "2026-12-02T01:00:00Z"}, "acceptedSuggestions"),
])
def test_feedback_checks(base, item, word):
    r = post(f"{base}/cds-services/{PATIENT_VIEW}/feedback", {"feedback": [item]})
    assert r.status_code == 400 and word in r.json()["error"]


def page_session(stack) -> tuple[Socket, str, str]:
    """A clinician page's socket and the session id and secret the server gave it."""
    sock = Socket(Tally(), stack.base_url)
    sock.emit("session_request", {})
    secret = sock.wait("session_secret")
    return sock, sock.wait("session_confirm"), secret


def slots(stack, session_id: str) -> dict:
    r = requests.get(f"{stack.base_url}/conversations/{session_id}/tracker", params={"token": stack.token}, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()["slots"]


def card_token(base: str, bundle: str) -> str:
    card = post(f"{base}/cds-services/{PATIENT_VIEW}", patient_view(bundle)).json()["cards"][0]
    return card["links"][0]["url"].split("#case=")[1]


def test_case_link_exchanges_for_the_case_and_writes_it_into_the_page_conversation(base, stack):
    token = card_token(base, "V01")
    sock, session_id, secret = page_session(stack)
    try:
        r = post(base + "/case-exchange", {"token": token, "session_id": session_id, "session_secret": secret})
        assert r.status_code == 200, r.text
        expected = import_bundle(json.loads((BUNDLES / "V01.json").read_text())).case
        assert r.json()["case"] == expected and r.json()["recommendation"] == decide(expected)
        assert r.json()["readback"].startswith("Case from the health record:")
        held = slots(stack, session_id)
        assert {k: held[k] for k in expected} == expected and held["answered_case"] == expected
        assert held["last_record_id"] and all(held[k] is None for k in FIELDS if k not in expected)
        for bad in ({"token": token[:-2] + "xx", "session_id": session_id, "session_secret": secret},
                    {"token": "x" * 32, "session_id": session_id, "session_secret": secret}):
            assert post(base + "/case-exchange", bad).status_code == 404
    finally:
        sock.client.disconnect()


def test_a_case_link_made_by_one_server_opens_on_another(base, stack):
    """Two Rasa servers behind one address share the audit database: the link a card got from one opens on the
    other (it was kept in the issuing server's memory, so the other answered 404)."""
    from bot.launch import free_port

    second = stack.start_rasa(port=free_port(), name="rasa-cds-2")
    try:
        stack.wait()
        token = card_token(base, "V01")  # made by the first server
        sock = Socket(Tally(), second)
        sock.emit("session_request", {})
        secret = sock.wait("session_secret")
        session_id = sock.wait("session_confirm")
        try:
            r = post(second + "/webhooks/cds/case-exchange",
                     {"token": token, "session_id": session_id, "session_secret": secret})
            assert r.status_code == 200, r.text
            expected = import_bundle(json.loads((BUNDLES / "V01.json").read_text())).case
            assert r.json()["case"] == expected
        finally:
            sock.client.disconnect()
    finally:
        stack.stop("rasa-cds-2")


def _one_off(secret: str) -> str:
    """The secret with its last character changed (a fixed "0" was the secret itself one time in sixteen)."""
    return secret[:-1] + ("1" if secret.endswith("0") else "0")


def test_a_forged_secret_differs_from_the_real_one():
    assert all(_one_off(s) != s for s in ("ab0", "ab1", "abf", "0"))


def test_a_case_link_cannot_write_into_a_conversation_the_caller_does_not_own(base, stack):
    victim, victim_id, victim_secret = page_session(stack)
    attacker, _, attacker_secret = page_session(stack)
    try:
        before = slots(stack, victim_id)
        token = card_token(base, "V01")
        for forged in ({"token": token, "session_id": victim_id},
                       {"token": token, "session_id": victim_id, "session_secret": attacker_secret},
                       {"token": token, "session_id": victim_id, "session_secret": _one_off(victim_secret)},
                       {"token": token, "session_id": "cds-" + victim_id, "session_secret": victim_secret},
                       {"token": token}, "nonsense"):
            r = post(base + "/case-exchange", forged)
            assert r.status_code == 403 and "case" not in r.json(), forged
        assert slots(stack, victim_id) == before and before["alk_positive"] is None
        # the token was not spent on the refusals: its owner still loads it
        assert post(base + "/case-exchange", {"token": token, "session_id": victim_id,
                                              "session_secret": victim_secret}).status_code == 200
        assert slots(stack, victim_id)["alk_positive"] is True
    finally:
        victim.client.disconnect()
        attacker.client.disconnect()
