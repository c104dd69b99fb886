"""Write what the clinical extractor reads in a fixed corpus of texts, as JSON (text -> reading), to compare a refactor.

A refactor of bot/nlu that should change no reading is checked by a snapshot before it and one after it: `--diff`
prints each text whose reading differs. A reading is the case fields (extract_case), the fields stated both ways
(fields.conflicts), the findings with their roles and places (Extractor.entities), the question and what-if regions
and whether the message asks (Extractor.read), so a change that moves a finding's role or span without changing the
case is also seen.

The texts: every sentence of the tuning halves of the independent phrasing sets (tests/nlu/independent*_tune.yml,
findings and questions; the held-out halves are never opened), every example of the NLU training data (data/nlu/*.yml,
Rasa's inline annotations replaced by their text, as scripts/annotate_nlu.py reads them) and every string constant
of the NLU tests (tests/nlu/test_*.py, docstrings left out: the sentences the tests pass to extract_case, with some
field names and messages that read nothing, which cost little).

Usage: python scripts/reading_snapshot.py OUT.json
       python scripts/reading_snapshot.py --diff BEFORE.json AFTER.json   (exit 1 when a reading differs)
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from annotate_nlu import example_lines, plain_text  # noqa: E402

from bot.nlu import extractor  # noqa: E402
from bot.nlu.fields import case_fields, conflicts  # noqa: E402

TESTS = ROOT / "tests" / "nlu"


def phrasing_texts() -> list[str]:
    """The sentences of the tuning halves only: the glob names no held-out file."""
    out = []
    for path in sorted(TESTS.glob("independent*_tune.yml")):
        assert "heldout" not in path.name
        out += [str(row["text"]) for row in yaml.safe_load(path.read_text(encoding="utf-8")) or []]
    return out


def training_texts() -> list[str]:
    out = []
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        lines = path.read_text(encoding="utf-8").split("\n")
        out += [plain_text(body) for _, _, body in example_lines(lines)]
    return out


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def _encodable(text: str) -> bool:
    """Not a lone surrogate (a test of unreadable input), which JSON in UTF-8 cannot hold."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def test_texts() -> list[str]:
    out = []
    for path in sorted(TESTS.glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree)
        out += [
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in skip
            and any(c.isalpha() for c in node.value)
            and len(node.value) < 5000
            and _encodable(node.value)
        ]
    return out


def reading(text: str) -> dict[str, Any]:
    read = extractor.load().read(text)
    found = list(read.entities)
    return {
        "case": case_fields(found),
        "conflicts": sorted(conflicts(found)),
        "entities": [[e.entity, e.value, e.role, e.start, e.end] for e in found],
        "regions": [list(r) for r in read.regions],
        "asks": read.asks,
    }


def snapshot() -> dict[str, Any]:
    texts = dict.fromkeys(phrasing_texts() + training_texts() + test_texts())
    return {t: reading(t) for t in texts}


def diff(before: dict[str, Any], after: dict[str, Any]) -> int:
    """Print each text both snapshots hold that is read differently; the texts only one holds (a test added since)
    are counted, not compared."""
    common = set(before) & set(after)
    changed = 0
    for text in sorted(common):
        if before[text] != after[text]:
            changed += 1
            print(json.dumps({"text": text, "before": before[text], "after": after[text]}, ensure_ascii=False))
    print(
        f"{changed} of {len(common)} texts read differently "
        f"({len(set(after) - common)} only after, {len(set(before) - common)} only before)",
        file=sys.stderr,
    )
    return changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--diff", nargs=2, metavar=("BEFORE", "AFTER"))
    parser.add_argument("out", nargs="?")
    args = parser.parse_args()
    if args.diff:
        before, after = (json.loads(Path(p).read_text(encoding="utf-8")) for p in args.diff)
        return 1 if diff(before, after) else 0
    if not args.out:
        parser.error("OUT.json or --diff BEFORE AFTER")
    snap = snapshot()
    Path(args.out).write_text(json.dumps(snap, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")
    print(f"{len(snap)} texts", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
