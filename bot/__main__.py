"""Command line: ``python -m bot recommend|extract|import-fhir|audit|check-stores|check-kb|kb-hash``
(spec/README.md section 2).

Exit codes: 0 on success; 2 with one line on stderr for input the command cannot use (an invalid case,
malformed JSON, a missing file) or a broken knowledge base.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any


class UsageError(Exception):
    """Input the command cannot use: printed as one line, exit 2."""


def _read_case(source: str) -> Any:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except OSError as err:
        raise UsageError(f"cannot read {source}: {err.strerror or err}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise UsageError(
            f"{'stdin' if source == '-' else source}: not valid JSON ({err.msg} at line {err.lineno} "
            f"column {err.colno})"
        ) from None


def _dump(data: Any) -> str:
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False)


def cmd_recommend(args: argparse.Namespace) -> int:
    from bot.decision import CaseError, decide
    from bot.render import render_text

    case = _read_case(args.case)
    try:
        rec = decide(case)
    except CaseError as err:
        raise UsageError(f"invalid case: {err}") from None
    print(render_text(rec, case) if args.text else _dump(rec))
    return 0


def cmd_import_fhir(args: argparse.Namespace) -> int:
    from bot.fhir import BundleError, import_bundle

    try:
        imported = import_bundle(_read_case(args.bundle))
    except BundleError as err:
        raise UsageError(str(err)) from None
    out = imported.as_dict()
    if args.recommend:
        from bot.decision import decide

        out["recommendation"] = decide(imported.case)
    print(_dump(out))
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    """The case fields on stdout; on stderr, one line for each thing read but not taken into the case."""
    from bot.nlu.extractor import case_fields, conflicts, did_you_mean, load, other_drug

    entities = load().entities(" ".join(args.text))
    print(_dump(case_fields(entities)))
    for field in conflicts(entities):
        print(f"stated both ways, left out: {field}", file=sys.stderr)
    for e in entities:
        if e.entity in ("unreadable_variant", "unknown_drug", "unplaced_finding") and e.role is None:
            guess = did_you_mean(e.text) if e.entity == "unknown_drug" else None
            hint = f" (did you mean {guess}? not taken)" if guess else ""
            if e.entity == "unknown_drug" and other_drug(e.text):
                hint = " (not an ALK inhibitor)"
            print(f"{e.entity.replace('_', ' ')}, not read: {e.text}{hint}", file=sys.stderr)
        elif e.role in ("candidate", "hypothetical"):
            print(f"{e.role}, not taken as a finding: {e.text}", file=sys.stderr)
    return 0


def cmd_check_kb(args: argparse.Namespace) -> int:
    from bot import knowledge
    from bot.decision import Engine

    kb = knowledge.load(args.path)
    knowledge.check_content_hash(args.path)  # content changed without a new knowledge_version?
    Engine(kb)  # checks rule order, the caveats and therapies the engine names, and every rule's witness
    print(
        f"knowledge base {kb.version}: {len(kb.evidence)} evidence entries, {len(kb.drugs)} drugs, "
        f"{len(kb.mutations)} mutations, {len(kb.compounds)} compound pairs, {len(kb.bypass)} bypass alterations, "
        f"{len(kb.regimens)} regimens, {len(kb.rules)} rules: OK"
    )
    return 0


def cmd_kb_hash(args: argparse.Namespace) -> int:
    import re

    from bot import knowledge

    digest = knowledge.content_hash(Path(args.path))
    if args.write:
        meta = Path(args.path) / "meta.yml"
        text = meta.read_text(encoding="utf-8")
        meta.write_text(re.sub(r"(?m)^content_sha256:.*$", f"content_sha256: {digest}", text), encoding="utf-8")
    print(digest)
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from datetime import date

    from sqlalchemy.exc import SQLAlchemyError

    from bot.storage.audit import AuditLog, export

    def day(text: str | None) -> date | None:
        try:
            return date.fromisoformat(text) if text else None
        except ValueError:
            raise UsageError(f"dates are YYYY-MM-DD, not {text!r}") from None

    log = AuditLog()
    if args.dead_letter or args.retry_dead_letter:
        return _dead_letter(log, retry=args.retry_dead_letter)
    try:
        records = log.records(since=day(args.since), until=day(args.until), rule=args.rule, limit=args.limit or None)
    except SQLAlchemyError as err:
        raise UsageError(
            f"cannot read the audit database: {str(getattr(err, 'orig', err)).strip().splitlines()[0]}"
        ) from None
    if args.format == "table":
        for r in records:
            print(
                f"{r['created_at'][:19]}  {r['status']:<17} {r['preferred'] or '-':<28} {' '.join(r['rules']):<16} "
                f"kb {r['knowledge_version']}  {r['conversation_id']}"
            )
        print(f"{len(records)} record(s); {log.pending()} waiting in the spool")
        refused = len(log.dead_letters())
        if refused:
            print(
                f"{refused} record(s) refused by the database and set aside, not in the audit log: "
                "`python -m bot audit --dead-letter` lists them",
                file=sys.stderr,
            )
        return 0
    text = export(records, args.format)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"{len(records)} record(s) written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _dead_letter(log: Any, retry: bool) -> int:
    """List the records the audit database refused, or write them again (exit 1 while any remain refused)."""
    from sqlalchemy.exc import SQLAlchemyError

    if retry:
        try:
            written, refused = log.retry_dead_letters()
        except (SQLAlchemyError, OSError) as err:
            raise UsageError(
                f"the audit database is unavailable ({str(getattr(err, 'orig', err)).strip().splitlines()[0]}): "
                "the records wait in the spool and are written when it answers"
            ) from None
        print(f"{written} record(s) written; {refused} refused again (still set aside)")
        return 1 if refused else 0
    found = log.dead_letters()
    for item in found:
        print(f"{item['table']:<13} {item['key'][:12]}  {item['error']}  {item['file']}")
    print(f"{len(found)} record(s) set aside (refused by the database, not in the audit log)")
    return 1 if found else 0


def cmd_check_stores(args: argparse.Namespace) -> int:
    from bot.storage import config
    from bot.storage.stores import StoreUnavailable, check_database, redis_from_url  # not Rasa's stack: quick

    try:
        check_database(config.setting("TRACKER_DB_URL"), "tracker store")
        check_database(config.setting("AUDIT_DB_URL"), "audit log")
        redis_from_url(config.setting("LOCK_STORE_URL"))
    except StoreUnavailable as err:
        raise UsageError(str(err)) from None
    print(
        "stores OK: tracker "
        + config.describe(config.setting("TRACKER_DB_URL"))
        + ", audit "
        + config.describe(config.setting("AUDIT_DB_URL"))
        + ", lock "
        + config.setting("LOCK_STORE_URL").split("@")[-1]
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    from bot import knowledge

    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("recommend", help="print the recommendation for a case (JSON, keys sorted)")
    p.add_argument("case", help="case.schema.json document, or - for stdin")
    p.add_argument("--text", action="store_true", help="the answer as a clinician reads it in chat")
    p.set_defaults(func=cmd_recommend)
    p = sub.add_parser("extract", help="print the case fields the clinical entity extractor finds in free text")
    p.add_argument("text", nargs="+")
    p.set_defaults(func=cmd_extract)
    p = sub.add_parser("import-fhir", help="map a FHIR R4 / mCODE Bundle to a case, with the source of each field")
    p.add_argument("bundle", help="FHIR R4 Bundle (JSON), or - for stdin")
    p.add_argument("--recommend", action="store_true", help="also print the recommendation for the case")
    p.set_defaults(func=cmd_import_fhir)
    p = sub.add_parser("check-kb", help="load and validate the knowledge base")
    p.add_argument("--path", default=str(knowledge.KNOWLEDGE_DIR))
    p.set_defaults(func=cmd_check_kb)
    p = sub.add_parser("kb-hash", help="print (or --write into meta.yml) the knowledge base's content hash")
    p.add_argument("--path", default=str(knowledge.KNOWLEDGE_DIR))
    p.add_argument("--write", action="store_true")
    p.set_defaults(func=cmd_kb_hash)
    p = sub.add_parser("audit", help="list recent audit records, or export them as JSON lines or CSV")
    p.add_argument("--since", help="first day, YYYY-MM-DD")
    p.add_argument("--until", help="last day, YYYY-MM-DD (inclusive)")
    p.add_argument("--rule", help="only records whose rule trace has this rule id, e.g. M2")
    p.add_argument("--limit", type=int, default=50, help="at most this many, newest first (0: all)")
    p.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    p.add_argument("--output", help="write the export to this file instead of stdout")
    p.add_argument("--dead-letter", action="store_true", help="list the records the database refused (set aside)")
    p.add_argument(
        "--retry-dead-letter", action="store_true", help="write the refused records again, once the cause is fixed"
    )
    p.set_defaults(func=cmd_audit)
    p = sub.add_parser("check-stores", help="check the tracker store, audit log and lock store can be used")
    p.set_defaults(func=cmd_check_stores)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (UsageError, knowledge.KnowledgeError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
