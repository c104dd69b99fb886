"""The service's pieces without HTTP: case links, summary length, order-select request checks."""
from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from bot.cds.service import ORDER_SELECT, SUMMARY_MAX, CdsError, _summary, check_request
from bot.cds.tokens import CaseTokens
from tests.cds.requests import draft_order, order_select
from tests.services import pg_url  # noqa: F401 - fixture


def test_case_links_expire_and_are_unguessable(tmp_path):
    now = [1000.0]
    tokens = CaseTokens(f"sqlite:///{tmp_path / 'audit.db'}", seconds=60, clock=lambda: now[0])
    first, second = tokens.issue({"case": {"ecog": 1}}), tokens.issue({"case": {"ecog": 2}})
    assert first != second and len(first) >= 32
    assert tokens.redeem(first) == {"case": {"ecog": 1}} and tokens.redeem(first) is not None  # a reload works
    assert tokens.redeem(None) is None and tokens.redeem(first + "x") is None
    now[0] += 61
    assert tokens.redeem(second) is None


def _two_servers(url: str, now: list[float]) -> tuple[CaseTokens, CaseTokens]:
    """The case links of two Rasa servers (each its own CaseTokens, engine and connections) on one database."""
    return (CaseTokens(url, seconds=60, clock=lambda: now[0]), CaseTokens(url, seconds=60, clock=lambda: now[0] + 2))


def _shared_between_servers(url: str) -> None:
    now = [1_800_000_000.0]
    one, two = _two_servers(url, now)
    payload = {"case": {"prior_tkis": ["alectinib"], "ecog": 1}, "record_id": "r1"}
    token = one.issue(payload)
    assert two.redeem(token) == payload and one.redeem(token) == payload  # made on one, opened on the other
    one.dispose()
    again = CaseTokens(url, seconds=60, clock=lambda: now[0])  # the first server restarted
    assert again.redeem(token) == payload
    assert two.redeem(token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    with sa.create_engine(url).connect() as db:
        rows = db.execute(sa.text("SELECT token_hash, payload_json FROM case_link")).all()
    assert len(rows) == 1 and token not in rows[0][0] and token not in rows[0][1]  # the token is not stored
    now[0] += 59  # the second server's clock is 2 s ahead: its view of expiry wins there
    assert one.redeem(token) == payload and two.redeem(token) is None
    now[0] += 2
    assert again.redeem(token) is None
    two.issue({"case": {}})  # making a link clears the expired ones
    with sa.create_engine(url).connect() as db:
        assert db.execute(sa.text("SELECT count(*) FROM case_link")).scalar() == 1
    for store in (one, two, again):
        store.dispose()


def test_a_case_link_made_on_one_server_opens_on_another_and_after_a_restart_sqlite(tmp_path):
    _shared_between_servers(f"sqlite:///{tmp_path / 'audit.db'}")


def test_a_case_link_made_on_one_server_opens_on_another_and_after_a_restart_postgresql(pg_url):
    _shared_between_servers(pg_url)


def test_a_card_without_a_reachable_case_link_store_still_answers_and_says_so(tmp_path):
    """The database is down: the card is answered (its audit record is spooled), with no link and a sentence."""
    from bot.cds.service import LINK_UNAVAILABLE, PATIENT_VIEW, CdsService
    from bot.storage.audit import AuditLog
    from tests.cds.requests import patient_view
    from tests.services import free_port

    down = f"postgresql://postgres@127.0.0.1:{free_port()}/nothing"
    service = CdsService(audit=lambda: AuditLog(down, spool_dir=tmp_path / "spool"), tokens=CaseTokens(down))
    [card] = service.call(PATIENT_VIEW, patient_view("V01"), "http://127.0.0.1/webhooks/web/")["cards"]
    assert "links" not in card and LINK_UNAVAILABLE in card["detail"] and card["summary"]
    with pytest.raises(SQLAlchemyError):
        CaseTokens(down).redeem("x" * 32)


def test_summary_stays_under_140_characters_at_a_word_boundary():
    text = "Provisionally: Lorlatinib 100 mg once daily. I need: " + "confirmed ALK rearrangement; " * 8
    short = _summary(text)
    assert len(short) <= SUMMARY_MAX < 140 and short.endswith("…") and text.startswith(short[:-1].rstrip())
    assert _summary("Preferred: Lorlatinib.") == "Preferred: Lorlatinib."


@pytest.mark.parametrize("mutate, word", [
    (lambda c: c.pop("selections"), "selections"),
    (lambda c: c.update(selections=[]), "selections"),
    (lambda c: c.update(draftOrders={"resourceType": "Patient"}), "draftOrders"),
])
def test_order_select_context_is_checked(mutate, word):
    body = order_select(draft_order("brigatinib"))
    mutate(body["context"])
    with pytest.raises(CdsError) as err:
        check_request(ORDER_SELECT, body)
    assert err.value.status == 400 and word in str(err.value)


# ---- a card whose audit record the database refuses ------------------------------------------------------------

PAGE = "http://127.0.0.1/webhooks/web/"


def _refuse_audit_records(engine: sa.engine.Engine) -> None:
    """Make the audit database refuse every new audit record for what it holds, as it refuses a value too long for a
    column: a permanent refusal (the record is set aside, dead-letter), not an outage (spooled)."""
    with engine.begin() as db:
        if engine.dialect.name == "sqlite":
            db.execute(sa.text("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_record "
                               "BEGIN SELECT RAISE(ABORT, 'refused by a check'); END"))
        else:
            db.execute(sa.text("ALTER TABLE audit_record ADD CONSTRAINT refuse_audit CHECK (false) NOT VALID"))


def _links(url: str) -> int:
    engine = sa.create_engine(url)
    with engine.connect() as db:
        count = db.execute(sa.text("SELECT count(*) FROM case_link")).scalar()
    engine.dispose()
    return count


def _refused_cards_carry_no_audit_id(url: str, spool) -> None:
    from bot.cds.service import PATIENT_VIEW, CdsService
    from bot.storage.audit import AuditLog
    from tests.cds.requests import patient_view, validate

    audit, tokens = AuditLog(url, spool_dir=spool), CaseTokens(url)
    service = CdsService(audit=lambda: audit, tokens=tokens)
    healthy = service.call(PATIENT_VIEW, patient_view("V01"), PAGE)["cards"][0]  # the same card, its record written
    assert audit.card_record(healthy["uuid"]) is not None and healthy["links"] and "refused" not in healthy["detail"]
    _refuse_audit_records(audit.engine)
    links = _links(url)

    response = service.call(PATIENT_VIEW, patient_view("V01"), PAGE)
    validate(response)
    [card] = response["cards"]
    [dead] = audit.dead_letters()
    assert "uuid" not in card and "links" not in card and _links(url) == links  # nothing points at the set-aside record
    assert card["summary"] == healthy["summary"] and card["detail"].startswith(healthy["detail"])  # the content stands
    note = card["detail"][len(healthy["detail"]):]
    assert "refused its record" in note and "not in the audit log" in note and dead["key"][:12] in note
    assert "no id to send feedback on" in note and "no link" in note
    assert len(audit.records()) == 1  # only the healthy card's record

    response = service.call(ORDER_SELECT, order_select(draft_order("Alunbrig 180 mg tablet")), PAGE)
    validate(response)
    [warning] = response["cards"]
    second = audit.dead_letters()[-1]
    assert "uuid" not in warning and warning["indicator"] == "warning" and "Brigatinib" in warning["summary"]
    assert warning["suggestions"] and "refused its record" in warning["detail"] and second["key"][:12] in warning["detail"]
    assert len(audit.dead_letters()) == 2 and len(audit.records()) == 1
    audit.dispose()
    tokens.dispose()


def test_a_card_whose_audit_record_is_refused_keeps_its_content_and_carries_no_audit_id_sqlite(tmp_path):
    _refused_cards_carry_no_audit_id(f"sqlite:///{tmp_path / 'audit.db'}", tmp_path / "spool")


def test_a_card_whose_audit_record_is_refused_keeps_its_content_and_carries_no_audit_id_postgresql(pg_url, tmp_path):
    _refused_cards_carry_no_audit_id(pg_url, tmp_path / "spool")
