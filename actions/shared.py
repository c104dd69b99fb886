"""The objects the actions share, each made once per action-server process and named here only.

- ``knowledge_base()``: the knowledge base (bot/knowledge, loaded and validated once);
- ``audit_log()``: the audit log of recommendations and feedback (its engine pools connections, and it retries
  spooled records in the background every AUDIT_RETRY_SECONDS);
- ``practice_store()``: trainees' practice records (the same store the web page's sign-in uses).

The decision engine and the clinical extractor are the defaults behind ``bot.decision.decide`` and
``bot.nlu.extractor``'s functions, also made once per process.
"""
from __future__ import annotations

import os

from bot.knowledge import default as knowledge_base
from bot.storage.audit import AuditLog
from bot.storage.practice import shared_store as practice_store

__all__ = ["audit_log", "knowledge_base", "practice_store"]

_audit: AuditLog | None = None


def audit_log() -> AuditLog:
    """The audit log, opened on first use."""
    global _audit
    if _audit is None:
        _audit = AuditLog()
        _audit.retry_in_background(float(os.environ.get("AUDIT_RETRY_SECONDS", "30")))
    return _audit
