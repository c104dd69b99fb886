"""The entity annotations of data/nlu are what the clinical extractor reads (scripts/annotate_nlu.py writes them):
a change of the extractor that is not carried into the training data fails here, before Rasa's cross-validation
measures the drift as entity errors. Fix: `python scripts/annotate_nlu.py` and review the diff."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("annotate_nlu", ROOT / "scripts" / "annotate_nlu.py")
annotate_nlu = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(annotate_nlu)

FILES = sorted((ROOT / "data" / "nlu").glob("*.yml"))


def _examples(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").split("\n")
    return [body for _, _, body in annotate_nlu.example_lines(lines)]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_annotations_are_what_the_extractor_reads(path):
    drifted = []
    for example in _examples(path):
        text = annotate_nlu.plain_text(example)
        if annotate_nlu.annotations(example) != annotate_nlu.read(text):
            drifted.append(f"{example!r}: the extractor reads {annotate_nlu.annotate(text)!r}")
    assert not drifted, (f"{len(drifted)} examples of {path.name} differ from the extractor (run "
                         "`python scripts/annotate_nlu.py`):\n" + "\n".join(drifted[:20]))


def test_every_example_line_is_seen():
    """The script reads every example of every intent (a block it skipped would never be checked)."""
    import yaml

    for path in FILES:
        expected = sum(len([line for line in item["examples"].splitlines() if line.strip().startswith("- ")])
                       for item in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"] if "examples" in item)
        assert len(_examples(path)) == expected, path.name


def test_the_annotation_round_trips_and_marks_roles_and_values():
    text = "alectinib then systemic PD, no MET amp, what if it were brigatinib?"
    written = annotate_nlu.annotate(text)
    assert annotate_nlu.plain_text(written) == text
    assert annotate_nlu.annotations(written) == annotate_nlu.read(text)
    found = {(a["entity"], a["value"], a["role"]) for a in annotate_nlu.annotations(written)}
    assert ("bypass_alteration", "MET_amplification", "negated") in found
    assert ("tki", "alectinib", None) in found
    # a stale annotation is noticed: the same text with the negation dropped is not what the extractor reads
    stale = written.replace(', "role": "negated"', "")
    assert annotate_nlu.annotations(stale) != annotate_nlu.read(text)


def test_overlapping_findings_keep_the_longest():
    from bot.nlu.entity import Entity

    long, inner, apart = (Entity("a", "x", 0, 10, "0123456789"), Entity("b", "y", 2, 5, "234"),
                          Entity("c", "z", 12, 14, "cd"))
    assert annotate_nlu.shown([inner, apart, long]) == [long, apart]
