"""Where things are stored, from environment variables (documented in README.md), with embedded defaults.

The defaults need no server: SQLite files under var/ and an in-memory lock store. Production points the same code
at PostgreSQL and Redis. Credentials live in the environment, never in a committed file.
"""

from __future__ import annotations

import os
import secrets
import tempfile
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


def secret(name: str) -> bytes:
    """A server-side key: the environment's ``name``, or a random key kept in var/<name>.key (created once, readable
    by this user only), so it survives restarts and every server on this machine shares it. Several machines that
    must agree (two Rasa servers on different hosts, the audit log's hashed ids) set the variable."""
    if os.environ.get(name):
        return os.environ[name].encode()
    path = VAR / f"{name.lower()}.key"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        # Written whole under another name, then linked into place: a server starting at the same moment (the two of
        # a stack, the test workers' stacks) reads either no file or the whole key, never an empty one; the first
        # link wins and every process reads that key.
        fd, written = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")  # readable by this user only
        try:
            with os.fdopen(fd, "w") as f:
                f.write(secrets.token_hex(32))
            os.link(written, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(written)
    return path.read_text().strip().encode()


def describe(url: str) -> str:
    """A database URL fit for a log line or an error message: the password hidden."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).__repr__()  # SQLAlchemy masks the password as ***
    except Exception:  # noqa: BLE001 - a malformed URL is shown as the scheme only
        return url.split("://", 1)[0] + "://…"
