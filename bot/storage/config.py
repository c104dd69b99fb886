"""Where things are stored, from environment variables (documented in README.md), with embedded defaults.

The defaults need no server: SQLite files under var/ and an in-memory lock store. Production points the same code
at PostgreSQL and Redis. Credentials live in the environment, never in a committed file.
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VAR = ROOT / "var"

DEFAULTS = {
    "TRACKER_DB_URL": f"sqlite:///{VAR / 'tracker.db'}",
    "AUDIT_DB_URL": f"sqlite:///{VAR / 'audit.db'}",
    "LOCK_STORE_URL": "memory://",
    "AUDIT_SPOOL_DIR": str(VAR / "audit-spool"),
}


def setting(name: str) -> str:
    """The environment's value for ``name``, or the embedded default."""
    if name == "PRACTICE_DB_URL":  # practice records live with the audit log unless told otherwise
        return os.environ.get(name) or setting("AUDIT_DB_URL")
    return os.environ.get(name) or DEFAULTS[name]


def describe(url: str) -> str:
    """A database URL fit for a log line or an error message: the password hidden."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).__repr__()  # SQLAlchemy masks the password as ***
    except Exception:  # noqa: BLE001 - a malformed URL is shown as the scheme only
        return url.split("://", 1)[0] + "://…"
