"""The audit log: one record per recommendation, one per clinician feedback; written once, never dropped.

A write that the database refuses (it is down, or unreachable for a moment) is kept in a spool folder on local disk
and written as soon as the database answers again (every later write, and `flush()`, tries the spool first). Every
record has an idempotency key, so a retry after an uncertain failure never writes it twice. The caller learns
whether the record is stored, spooled or refused (`Written.status`) and tells the user which, with the reference.

A record the database refuses for what it holds (a value too long, a character it cannot store), not for being away,
can never be written: it is moved to the spool's `dead-letter` folder and logged, and the records after it are written
(a spool flushed in order must not wait forever behind it); the user is told it is not in the log, with a reference.
`python -m bot audit` counts the set-aside records, `--dead-letter` lists them with the database's reason, and
`--retry-dead-letter` writes them once the cause is fixed. A database dropped and created again is migrated again on
the next write. Conversations are named by a keyed hash of the sender id (`conversation_key`, key AUDIT_ID_KEY),
never by the id a client chose, and a feedback reason is scrubbed of names (see `scrub`) as well as dates, long
numbers and e-mail addresses.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import logging
import os
import re
import threading
import time as time_module
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import DataError, IntegrityError, ProgrammingError, SQLAlchemyError, StatementError
from sqlalchemy.orm import Session

from bot.storage import config
from bot.storage.db import Database
from bot.storage.models import AuditRecord, Feedback

log = logging.getLogger(__name__)
RATINGS = ("helpful", "not_helpful", "disagree")
CARD_OUTCOMES = ("accepted", "overridden")
_TABLES = {"audit_record": AuditRecord, "feedback": Feedback}
_KEYS = {"audit_record": "record_id", "feedback": "feedback_id"}
# One pass, leftmost match first; at one position the first alternative that matches wins. A UUID (a card's or a
# suggestion's id, 8-4-4-4-12 hex digits) is kept whole: one of its groups can be all digits (8 digits in about 2 %
# of uuid4s), which the long-number rule took for a record or phone number, so the stored id no longer matched the
# card's. An e-mail address is tried first, so one whose local part looks like a UUID is still removed.
_UUID = r"\b[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}\b"
_SCRUB = re.compile(
    "|".join(
        (
            r"(?P<email>\b[\w.+-]+@[\w-]+\.[\w.]+\b)",
            f"(?P<uuid>{_UUID})",
            r"(?P<date>\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b)",
            r"(?P<number>\b\d{5,}\b)",
        )
    ),
    re.IGNORECASE,
)
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_CAPITALISED = re.compile(
    r"\b(?:[A-Z]'(?=[A-Z]))?[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*\b"
)  # Smith, O'Brien; ALK, G1202R, ECOG are not
_TITLE = re.compile(r"\b(?:mr|mrs|ms|miss|dr|prof|patient|pt)\.?\s+$", re.IGNORECASE)
DEAD_LETTER = "dead-letter"


def scrub(text: str | None, limit: int = 500) -> str | None:
    """A clinician's free-text reason, minus what could identify a patient: dates, long numbers, e-mails, and names:
    a capitalised word inside a sentence or after a title (Mrs, Dr, patient). Clinical terms are lower case or
    acronyms ('lorlatinib', 'ALK', 'G1202R', 'ECOG') and stay, and so does the capital that opens a sentence. UUIDs
    (the ids of CDS cards and suggestions a reason names) stay whole."""
    if not text:
        return None
    text = _UNSTORABLE.sub("\ufffd", text)  # PostgreSQL takes no NUL and no database a lone surrogate
    text = _SCRUB.sub(lambda m: m[0] if m.lastgroup == "uuid" else f"[{m.lastgroup}]", text)
    kept = [m.span() for m in re.finditer(_UUID, text, re.IGNORECASE)]

    def name(match: re.Match) -> str:
        if any(start <= match.start() < end for start, end in kept):  # a mixed-case UUID's group is no name
            return match[0]
        before = text[: match.start()]
        opens_sentence = not before.strip() or before.rstrip()[-1] in ".!?;:(\n"
        return match[0] if opens_sentence and not _TITLE.search(before) else "[name]"

    return " ".join(_CAPITALISED.sub(name, text).split())[:limit]


def case_hash(case: Mapping[str, Any], knowledge_version: str) -> str:
    """The same case under the same knowledge gives the same hash (sorted-key JSON)."""
    payload = json.dumps(case, sort_keys=True, separators=(",", ":")) + "|" + knowledge_version
    return hashlib.sha256(payload.encode()).hexdigest()


def _permanent(err: BaseException) -> bool:
    """True when the database refused the record itself (it will refuse it every time), not an outage."""
    return isinstance(err, (DataError, IntegrityError, ValueError, TypeError)) or (
        isinstance(err, StatementError) and not hasattr(err, "connection_invalidated")
    )


def _schema_missing(err: BaseException) -> bool:
    """True when the tables are gone (the database was dropped and created again)."""
    text = str(getattr(err, "orig", err)).lower()
    return isinstance(err, (ProgrammingError, SQLAlchemyError)) and (
        "no such table" in text or "does not exist" in text
    )


def _key(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:40]


STORED, SPOOLED, REFUSED = "stored", "spooled", "refused"


@dataclass(frozen=True)
class Written:
    """What happened to a record: stored in the database; spooled on disk until the database answers; or refused by
    the database for what it holds and set aside in the dead-letter folder for the operator (not in the log)."""

    key: str
    status: str

    @property
    def stored(self) -> bool:
        return self.status == STORED

    @property
    def reference(self) -> str:
        """What a user is shown, and an operator finds the record by (the spool's file names carry the key)."""
        return self.key[:12]


def refused_note(written: Written) -> str:
    """What a user is told under a recommendation whose record the audit log refused (the chat's answer, a CDS
    card): the answer stands, the record is not in the log, and the reference an operator finds it by."""
    return (
        f"Note: the recommendation above stands, but the audit log refused its record (reference "
        f"{written.reference}): it is not in the audit log. It has been set aside for the team running this "
        "service, who can write it once the cause is fixed; please tell them if this answer is used."
    )


class AuditLog(Database):
    """Writes and reads the audit database named by AUDIT_DB_URL (default: SQLite under var/)."""

    def __init__(self, url: str | None = None, spool_dir: str | Path | None = None, id_key: bytes | None = None):
        super().__init__(url or config.setting("AUDIT_DB_URL"))
        self.spool = Path(spool_dir or config.setting("AUDIT_SPOOL_DIR"))
        self._id_key = id_key or config.secret("AUDIT_ID_KEY")

    def conversation_key(self, sender_id: str) -> str:
        """What the audit log stores for a conversation: HMAC-SHA256 of the sender id (32 hex digits). An operator
        who knows a sender id finds its records with it; the log alone does not reveal the id."""
        return hmac.new(self._id_key, sender_id.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()[:32]

    # ---- writing ---------------------------------------------------------------------------------------------------

    def record(
        self,
        conversation_id: str,
        case: Mapping[str, Any],
        recommendation: Mapping[str, Any],
        message_id: str = "",
        now: datetime | None = None,
    ) -> Written:
        """Log one recommendation. The key is derived from the conversation, the message and the case, so the
        same answer to the same message is stored once however often it is retried."""
        version = recommendation["knowledge_version"]
        digest = case_hash(case, version)
        conversation_id = self.conversation_key(conversation_id)
        row = {
            "record_id": _key(conversation_id, message_id, digest),
            "conversation_id": conversation_id,
            "created_at": (now or datetime.now(timezone.utc)).isoformat(),
            "knowledge_version": version,
            "status": recommendation["status"],
            "preferred": ",".join(o["therapy"] for o in recommendation["preferred"]),
            "rules": ",".join(r["rule"] for r in recommendation["rationale"]),
            "case_hash": digest,
            "case_json": json.dumps(case, sort_keys=True),
            "recommendation_json": json.dumps(recommendation, sort_keys=True),
        }
        return self._write("audit_record", row)

    def feedback(
        self,
        conversation_id: str,
        rating: str,
        record_id: str | None = None,
        reason: str | None = None,
        message_id: str = "",
        now: datetime | None = None,
    ) -> Written:
        """Log a clinician's verdict on a recommendation ('helpful', 'not_helpful' or 'disagree')."""
        if rating not in RATINGS:
            raise ValueError(f"rating must be one of {', '.join(RATINGS)}, not {rating!r}")
        return self._feedback(conversation_id, rating, record_id, reason, message_id, now)

    def _feedback(
        self,
        conversation_id: str,
        rating: str,
        record_id: str | None,
        reason: str | None,
        message_id: str,
        now: datetime | None,
    ) -> Written:
        conversation_id = self.conversation_key(conversation_id)
        row = {
            "feedback_id": _key(conversation_id, message_id, rating, record_id or ""),
            "record_id": record_id,
            "conversation_id": conversation_id,
            "created_at": (now or datetime.now(timezone.utc)).isoformat(),
            "rating": rating,
            "reason": scrub(reason),
        }
        return self._write("feedback", row)

    # A CDS Hooks card is audited as a recommendation whose conversation id is 'cds:<card uuid>'; the EHR's
    # feedback on it (accepted / overridden) is a feedback row with that outcome as its rating.
    def card_record(self, card_uuid: str) -> str | None:
        """The audit record id of the recommendation a CDS card carried, or None for an unknown card."""
        query = sa.select(AuditRecord.record_id).where(
            AuditRecord.conversation_id == self.conversation_key(f"cds:{card_uuid}")
        )
        with Session(self.engine) as session:
            return session.execute(query).scalar()

    def card_feedback(
        self, card_uuid: str, outcome: str, reason: str | None = None, now: datetime | None = None
    ) -> Written:
        """Log a CDS card's outcome ('accepted' or 'overridden') against the card's audit record."""
        if outcome not in CARD_OUTCOMES:
            raise ValueError(f"outcome must be one of {', '.join(CARD_OUTCOMES)}, not {outcome!r}")
        when = now or datetime.now(timezone.utc)
        return self._feedback(f"cds:{card_uuid}", outcome, self.card_record(card_uuid), reason, when.isoformat(), when)

    def _write(self, table: str, row: dict[str, Any]) -> Written:
        key = row[_KEYS[table]]
        try:
            self.flush()
            self._insert(table, row)
            return Written(key, STORED)
        except Exception as err:  # sorted below: refused for good, or the database is away
            if _permanent(err):
                self._dead_letter(table, row, err)
                return Written(key, REFUSED)
            if not isinstance(err, (SQLAlchemyError, OSError)):
                raise
            log.warning("audit database unavailable (%s): %s spooled for retry", config.describe(self.url), key)
            log.debug("audit write failed", exc_info=err)
            self.dispose()
            self._to_spool(table, row)
            return Written(key, SPOOLED)

    def _insert(self, table: str, row: dict[str, Any]) -> None:
        """Insert once; when the tables are gone, migrate again and retry once."""
        try:
            self._insert_once(table, row)
        except SQLAlchemyError as err:
            if not _schema_missing(err):
                raise
            log.warning("audit tables missing in %s: migrating again", config.describe(self.url))
            self.reset()
            self._insert_once(table, row)

    def _insert_once(self, table: str, row: dict[str, Any]) -> None:
        model, key = _TABLES[table], _KEYS[table]
        values = dict(row, created_at=datetime.fromisoformat(row["created_at"]))
        with Session(self.engine) as session:
            exists = session.execute(sa.select(getattr(model, key)).where(getattr(model, key) == row[key])).first()
            if exists:
                return
            session.add(model(**values))
            try:
                session.commit()
            except IntegrityError:  # written meanwhile by another attempt: once is enough
                session.rollback()
                if not session.execute(sa.select(getattr(model, key)).where(getattr(model, key) == row[key])).first():
                    raise

    def _dead_letter(self, table: str, row: dict[str, Any], err: BaseException) -> None:
        """Set aside a record the database will never take, with the reason, and say so in the log."""
        folder = self.spool / DEAD_LETTER
        folder.mkdir(parents=True, exist_ok=True)
        reason = str(getattr(err, "orig", None) or err).strip().splitlines()[0][:300]
        path = folder / f"{row['created_at'][:26].replace(':', '')}-{table}-{row[_KEYS[table]]}.json"
        path.write_text(json.dumps({"table": table, "row": row, "error": reason}))
        log.error("audit record %s refused by the database (%s): set aside in %s", row[_KEYS[table]], reason, path)

    def _to_spool(self, table: str, row: dict[str, Any]) -> None:
        self.spool.mkdir(parents=True, exist_ok=True)
        path = self.spool / f"{row['created_at'][:26].replace(':', '')}-{table}-{row[_KEYS[table]]}.json"
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"table": table, "row": row}))
        os.replace(tmp, path)

    def retry_in_background(self, every: float) -> threading.Thread:
        """Flush the spool every ``every`` seconds while records wait, so an outage's records reach the database
        when it returns even if no new recommendation is written (the action server starts this)."""

        def loop() -> None:
            while True:
                time_module.sleep(every)
                if not self.pending():
                    continue
                try:
                    log.info("audit database back: %d spooled records written", self.flush())
                except (SQLAlchemyError, OSError):
                    self.dispose()

        thread = threading.Thread(target=loop, name="audit-retry", daemon=True)
        thread.start()
        return thread

    def pending(self) -> int:
        """How many records wait in the spool for the database."""
        return len(list(self.spool.glob("*.json"))) if self.spool.exists() else 0

    def dead_letters(self) -> list[dict[str, str]]:
        """The records the database refused, oldest first: file, table, key and the database's reason. They are in
        no table until an operator fixes the cause and retries them (`python -m bot audit --retry-dead-letter`)."""
        folder = self.spool / DEAD_LETTER
        found = []
        for path in sorted(folder.glob("*.json")) if folder.exists() else []:
            try:
                item = json.loads(path.read_text())
                table = item["table"]
                found.append(
                    {
                        "file": str(path),
                        "table": table,
                        "key": item["row"][_KEYS[table]],
                        "error": item.get("error", ""),
                    }
                )
            except (OSError, ValueError, KeyError, TypeError):
                found.append({"file": str(path), "table": "?", "key": "?", "error": "unreadable dead-letter file"})
        return found

    def retry_dead_letters(self) -> tuple[int, int]:
        """Write the set-aside records again (after the operator fixed what the database refused): each goes back to
        the spool and is flushed; one refused again is set aside again. Returns (written, still refused). An outage
        raises, and the records then wait in the spool like any other."""
        folder = self.spool / DEAD_LETTER
        if not folder.exists():
            return 0, 0
        for path in sorted(folder.glob("*.json")):
            item = json.loads(path.read_text())
            self._to_spool(item["table"], item["row"])
            path.unlink()
        written = self.flush()
        return written, len(list(folder.glob("*.json")))

    def flush(self) -> int:
        """Write every spooled record, oldest first; a record the database refuses for good is set aside
        (dead-letter) and the next one tried; an outage stops the flush (it raises). Returns how many were written."""
        if not self.spool.exists():
            return 0
        done = 0
        for path in sorted(self.spool.glob("*.json")):
            item = json.loads(path.read_text())
            try:
                self._insert(item["table"], item["row"])
                done += 1
            except Exception as err:  # an outage is raised again; a refused record is set aside
                if not _permanent(err):
                    raise
                self._dead_letter(item["table"], item["row"], err)
            path.unlink()
        return done

    # ---- reading ---------------------------------------------------------------------------------------------------

    def records(
        self, since: date | None = None, until: date | None = None, rule: str | None = None, limit: int | None = 100
    ) -> list[dict[str, Any]]:
        """Recent records, newest first; ``until`` is inclusive; ``rule`` keeps records whose trace has it."""
        query = sa.select(AuditRecord).order_by(AuditRecord.created_at.desc(), AuditRecord.id.desc())
        if since:
            query = query.where(AuditRecord.created_at >= datetime.combine(since, time.min))
        if until:
            query = query.where(AuditRecord.created_at <= datetime.combine(until, time.max))
        if rule:
            query = query.where((sa.literal(",") + AuditRecord.rules + sa.literal(",")).like(f"%,{rule},%"))
        if limit:
            query = query.limit(limit)
        with Session(self.engine) as session:
            return [_as_dict(r) for r in session.execute(query).scalars()]

    def feedback_for(self, record_id: str) -> list[dict[str, Any]]:
        query = sa.select(Feedback).where(Feedback.record_id == record_id).order_by(Feedback.id)
        with Session(self.engine) as session:
            return [
                {
                    "rating": f.rating,
                    "reason": f.reason,
                    "conversation_id": f.conversation_id,
                    "created_at": f.created_at.isoformat(),
                }
                for f in session.execute(query).scalars()
            ]


def _as_dict(r: AuditRecord) -> dict[str, Any]:
    return {
        "record_id": r.record_id,
        "conversation_id": r.conversation_id,
        "created_at": r.created_at.replace(tzinfo=r.created_at.tzinfo or timezone.utc).isoformat(),
        "knowledge_version": r.knowledge_version,
        "status": r.status,
        "preferred": r.preferred,
        "rules": r.rules.split(",") if r.rules else [],
        "case_hash": r.case_hash,
        "case": json.loads(r.case_json),
        "recommendation": json.loads(r.recommendation_json),
    }


def export(records: Iterable[Mapping[str, Any]], fmt: str) -> str:
    """JSON lines (whole records) or CSV (one row per record, the documents as JSON cells)."""
    records = list(records)
    if fmt == "jsonl":
        return "".join(json.dumps(r, sort_keys=True) + "\n" for r in records)
    if fmt == "csv":
        out = io.StringIO()
        fields = [
            "record_id",
            "created_at",
            "conversation_id",
            "knowledge_version",
            "status",
            "preferred",
            "rules",
            "case_hash",
            "case",
            "recommendation",
        ]
        writer = csv.DictWriter(out, fieldnames=fields)
        writer.writeheader()
        for r in records:
            writer.writerow(
                {
                    **{k: r[k] for k in fields},
                    "rules": ",".join(r["rules"]),
                    "case": json.dumps(r["case"], sort_keys=True),
                    "recommendation": json.dumps(r["recommendation"], sort_keys=True),
                }
            )
        return out.getvalue()
    raise ValueError(f"format must be jsonl or csv, not {fmt!r}")
