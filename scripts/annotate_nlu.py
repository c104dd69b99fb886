"""Regenerate the entity annotations of the NLU training data (data/nlu/*.yml) from the clinical extractor.

The entities of the assistant come from the extractor alone (bot/nlu, no training), so an example's annotation is
what the extractor reads in its text: kind, canonical value and role, at the reader's character offsets. Written
by hand, annotations drift as the extractor changes (old roles, old values) and Rasa's cross-validated entity
figure then measures the drift, not the reader. This script rewrites every example line of data/nlu from its plain
text; tests/nlu/test_nlu_annotations.py fails when a file differs from what it would write.

Where two findings overlap ("brain is progressing": the progression and the brain metastases), Rasa's inline
format can hold one: the one the Rasa component also puts first (spaCy's `filter_spans`: the longest, then the
earliest; a lesion said growing, an overlay, after the finding whose words it covers), so the annotation is what
Rasa's evaluation compares the extractor's output with.

Only the example lines change: comments, intents and their order stay as written.
Usage: python scripts/annotate_nlu.py [--check] [FILE ...]   (default: every data/nlu/*.yml)
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Iterable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.nlu import extractor  # noqa: E402
from bot.nlu.entity import Entity  # noqa: E402
from bot.nlu.reader import GROWING  # noqa: E402

NLU_DIR = ROOT / "data" / "nlu"
# Rasa's inline entity forms: [text]{"entity": ...} (a dict), [text](entity) / [text](entity:value) (the short form)
_ANNOTATION = re.compile(r"\[(?P<text>[^\]]+?)\](?:\{(?P<dict>[^}]+?)\}|\((?P<short>[^)]+?)\))")
_EXAMPLE = re.compile(r"^(?P<indent>\s+- )(?P<body>.*)$")
_BLOCK = re.compile(r"^\s*examples:\s*\|")
_KEY = re.compile(r"^\s*-?\s*\w[\w ]*:")


def plain_text(example: str) -> str:
    """The example as the clinician typed it: annotations replaced by their text."""
    return _ANNOTATION.sub(lambda m: m.group("text"), example)


def annotations(example: str) -> list[dict]:
    """The entities an annotated example carries: entity, value, role, start and end in its plain text."""
    out, shift = [], 0
    for m in _ANNOTATION.finditer(example):
        text = m.group("text")
        start = m.start() - shift
        if m.group("dict"):
            spec = json.loads("{" + m.group("dict") + "}")
        else:
            name, _, value = m.group("short").partition(":")
            spec = {"entity": name, **({"value": value} if value else {})}
        out.append({"entity": spec["entity"], "value": str(spec.get("value", text)), "role": spec.get("role"),
                    "start": start, "end": start + len(text)})
        shift += len(m.group()) - len(text)
    return out


def shown(found: Iterable[Entity]) -> list[Entity]:
    """The findings one inline annotation can hold: no two overlapping, the longest first (as spaCy's filter_spans
    chooses the Rasa component's `doc.ents`), in text order."""
    kept: list[Entity] = []
    for e in sorted(found, key=lambda e: (-(e.end - e.start), e.start, e.value == GROWING)):
        if e.end > e.start and all(e.end <= k.start or e.start >= k.end for k in kept):
            kept.append(e)
    return sorted(kept, key=lambda e: e.start)


def read(text: str) -> list[dict]:
    """What the extractor reads in ``text``, in the shape of `annotations`."""
    return [{"entity": e.entity, "value": e.value, "role": e.role, "start": e.start, "end": e.end}
            for e in shown(extractor.load().entities(text))]


def annotate(text: str) -> str:
    """``text`` (plain) with the extractor's findings written as Rasa inline annotations."""
    out, at = [], 0
    for e in read(text):
        spec = {"entity": e["entity"]}
        if e["value"] != text[e["start"]:e["end"]]:
            spec["value"] = e["value"]
        if e["role"]:
            spec["role"] = e["role"]
        out += [text[at:e["start"]], f"[{text[e['start']:e['end']]}]{json.dumps(spec)}"]
        at = e["end"]
    return "".join(out) + text[at:]


def example_lines(lines: list[str]) -> Iterable[tuple[int, str, str]]:
    """(line number, indent, example) for every example line of the `examples: |` blocks."""
    inside = False
    for i, line in enumerate(lines):
        if _BLOCK.match(line):
            inside = True
            continue
        m = _EXAMPLE.match(line)
        if inside and m:
            yield i, m.group("indent"), m.group("body")
        elif line.strip() and not line.lstrip().startswith("#"):
            inside = False if _KEY.match(line) else inside


def rewrite(source: str) -> str:
    lines = source.split("\n")
    for i, indent, body in list(example_lines(lines)):
        lines[i] = indent + annotate(plain_text(body))
    return "\n".join(lines)


def files(args: list[str]) -> list[Path]:
    return [Path(a) for a in args] or sorted(NLU_DIR.glob("*.yml"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when a file would change")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    stale = []
    for path in files(args.files):
        source = path.read_text(encoding="utf-8")
        new = rewrite(source)
        if new != source:
            stale.append(path)
            if not args.check:
                path.write_text(new, encoding="utf-8")
    verb = "would change" if args.check else "rewritten"
    for path in stale:
        print(f"{path.relative_to(ROOT) if path.is_absolute() else path}: {verb}")
    return 1 if stale and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
