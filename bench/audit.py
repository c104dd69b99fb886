"""Benchmark: audit-log rows written per second on SQLite (default) and PostgreSQL (production setting).

Each row is a real recommendation record (case + recommendation documents, rule ids, hash) written through
AuditLog.record, one transaction per record as in the action server. Prints the figures and writes
bench/results/audit.json. PostgreSQL is measured when it answers on localhost:5432 (a scratch database is
created and dropped). A benchmark, not a test. Usage: python bench/audit.py [--rows N]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from bench.results_file import write_results  # noqa: E402
from bench.decide import varied_cases  # noqa: E402
from bot.decision import decide  # noqa: E402
from bot.storage.audit import AuditLog  # noqa: E402


def measure(log: AuditLog, rows: int) -> dict:
    cases = varied_cases(rows, seed=7)
    docs = [(c, decide(c)) for c in cases]
    log.records(limit=1)  # schema in place before timing
    t0 = time.perf_counter()
    for i, (case, rec) in enumerate(docs):
        assert log.record(f"bench-{i % 50}", case, rec, message_id=str(i)).stored
    elapsed = time.perf_counter() - t0
    return {"rows": rows, "seconds": round(elapsed, 3), "rows_per_second": round(rows / elapsed, 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1000)
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        results["sqlite"] = measure(AuditLog(f"sqlite:///{tmp}/audit.db", f"{tmp}/spool"), args.rows)
        print(f"SQLite:     {results['sqlite']['rows_per_second']:>8} rows/s ({args.rows} records)")
        admin = sa.create_engine("postgresql://postgres@127.0.0.1:5432/postgres", isolation_level="AUTOCOMMIT",
                                 future=True)
        name = f"alkbot_bench_{uuid.uuid4().hex[:8]}"
        try:
            with admin.connect() as conn:
                conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        except sa.exc.OperationalError as err:
            print(f"PostgreSQL: not measured ({str(err.orig).strip().splitlines()[0]})")
        else:
            try:
                log = AuditLog(f"postgresql://postgres@127.0.0.1:5432/{name}", f"{tmp}/spool-pg")
                results["postgresql"] = measure(log, args.rows)
                log.engine.dispose()
                print(f"PostgreSQL: {results['postgresql']['rows_per_second']:>8} rows/s ({args.rows} records)")
            finally:
                with admin.connect() as conn:
                    conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    write_results("audit", results)


if __name__ == "__main__":
    main()
