"""Compiled regular expressions kept between runs, so `python -m bot extract` starts in well under a second.

The reader compiles about a thousand patterns from the phrase file (300,000 characters); Python's `re` parses and
compiles each at every start, about two thirds of the command's time. This module keeps what the compiler made of
each pattern (the `_sre` program: plain integers, the groups' names) in `var/cache/regex-<python>.marshal`, keyed by
the pattern and its flags, and builds the pattern object from it as `sre_compile.compile` does. A pattern not in the
file is compiled the ordinary way; the file is rewritten (to a temporary file, then renamed: a second process racing
this one reads the old file or the new one, never half of one) when some were missing, with only this run's
patterns. marshal holds only data (never code to run), the file is named by the exact Python build and the `_sre`
magic number, and whatever fails (a missing, unreadable or foreign file, a program `_sre` refuses) falls back to
`re.compile`, so the patterns always work as compiled ones do (tests/nlu/test_compiled_patterns.py)."""

from __future__ import annotations

import _sre
import hashlib
import marshal
import os
import re
import sre_compile
import sre_constants
import sre_parse
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

CACHE_DIR = Path(os.environ.get("ALK_REGEX_CACHE_DIR") or Path(__file__).resolve().parents[2] / "var" / "cache")
TAG = f"{sys.implementation.name}-{sys.version_info[0]}.{sys.version_info[1]}.{sys.version_info[2]}-{_sre.MAGIC}"


# what _sre.compile raises for a program it does not take (invalid code, wrong shapes)
_REFUSED = (RuntimeError, TypeError, ValueError, IndexError, OverflowError, KeyError)


def cache_file() -> Path:
    return CACHE_DIR / f"regex-{TAG}.marshal"


_NEEDS_VERSION = 1  # of how ``necessary`` reads a pattern: a file kept by another version is not read


def necessary(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Words one of which every match of ``pattern`` contains, in lower case (ASCII only), or None when no such words
    are found: a text none of them is in (as ``folded`` writes it) is not searched, as the search finds nothing there.
    Taken from the parsed pattern: a run of literal characters in a sequence, a group, an alternation whose every
    branch needs one, a repeat at least once; never a lookaround, a class or a case-sensitive part's case."""
    found = _necessary(sre_parse.parse(pattern, flags).data)
    return tuple(sorted(found)) if found else None


def _necessary(items: Any) -> frozenset[str] | None:
    best: frozenset[str] | None = None

    def consider(words: frozenset[str] | None) -> None:
        nonlocal best
        if words and all(words) and (best is None or _selective(words) > _selective(best)):
            best = words

    run = ""
    for op, av in items:
        if op is sre_constants.LITERAL and av < 128:
            run += chr(av).lower()
            continue
        consider(frozenset({run}) if run else None)
        run = ""
        if op is sre_constants.SUBPATTERN:
            consider(_necessary(av[3]))
        elif op is sre_constants.BRANCH:
            branches = [_necessary(branch) for branch in av[1]]
            consider(None if any(b is None for b in branches) else frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and av[0] >= 1:
            consider(_necessary(av[2]))
    consider(frozenset({run}) if run else None)
    return best


def every_necessary(pattern: str, flags: int = 0) -> tuple[tuple[str, ...], ...]:
    """Every group of words ``necessary`` finds in ``pattern``'s parts that each match needs (the items of its
    sequence, of a group's, of a repeat's at least once; an alternation as ``necessary`` reads it), each in lower
    case: a match has one word of every group, so a text lacking all the words of some group is not searched."""
    groups = _every_necessary(sre_parse.parse(pattern, flags).data)
    return tuple(sorted({tuple(sorted(words)) for words in groups}, key=lambda words: (-min(map(len, words)), words)))


def _every_necessary(items: Any) -> list[frozenset[str]]:
    found: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is sre_constants.LITERAL and av < 128:
            run += chr(av).lower()
            continue
        if run:
            found.append(frozenset({run}))
        run = ""
        if op is sre_constants.SUBPATTERN:
            found += _every_necessary(av[3])
        elif op is sre_constants.BRANCH:
            branches = [_necessary(branch) for branch in av[1]]
            if not any(b is None for b in branches):
                found.append(frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and av[0] >= 1:
            found += _every_necessary(av[2])
    if run:
        found.append(frozenset({run}))
    return [words for words in found if words and all(words)]


def _selective(words: frozenset[str]) -> tuple[int, int]:
    return min(len(w) for w in words), -len(words)


class _Fold(dict[int, str]):
    """A character as an IGNORECASE pattern's ASCII letter compares it: lower-cased as `_sre` does (one character for
    one: U+0130 is "i", the Kelvin sign "k"), with `re`'s equivalents of i and s (U+0131, U+017F); a character no
    ASCII letter matches stays as it is."""

    def __missing__(self, code: int) -> str:
        lower = _sre.unicode_tolower(code)
        value = chr(lower) if lower < 128 else {0x131: "i", 0x17F: "s"}.get(code, chr(code))
        self[code] = value
        return value


_FOLD = _Fold()


def folded(text: str) -> str:
    """``text`` as the words of ``necessary`` are looked for in it: each character as an ASCII letter of an IGNORECASE
    pattern compares it, places kept (one character for one)."""
    return text.lower() if text.isascii() else text.translate(_FOLD)


def has_needed(words: tuple[str, ...] | None, text: str, start: int, end: int) -> bool:
    """text[start:end] has one of ``words`` (``necessary``: one is in every match), or they are None (none needed): a
    pattern needing them can match there only then."""
    if words is None:
        return True
    lowered = folded(text[start:end])
    return any(word in lowered for word in words)


def last_needed(words: tuple[str, ...] | None, text: str, start: int, end: int) -> int:
    """The last place of text[start:end] where one of ``words`` (``necessary``: one is in every match) starts: a pattern
    needing them can match in text[b:end] only for b up to it; -1 when none is there, ``end`` when it needs none."""
    if words is None:
        return end
    lowered = folded(text[start:end])
    return max((start + at for at in (lowered.rfind(word) for word in words) if at >= 0), default=-1)


def _program(pattern: str, flags: int) -> tuple[Any, ...]:
    """What sre_compile.compile hands to _sre.compile, for ``pattern``."""
    parsed = sre_parse.parse(pattern, flags)
    code = sre_compile._code(parsed, flags)  # type: ignore[attr-defined]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (
        int(flags | parsed.state.flags),
        [int(c) for c in code],
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _kept_dict(path: Path) -> dict[Any, Any]:
    """The dict kept in ``path``, or an empty one when the file is missing, unreadable or holds something else."""
    try:
        loaded = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


class Patterns:
    """``compile(pattern, flags)`` for many patterns at once, from the kept programs where they are; ``save()``
    keeps this run's programs when some were new."""

    def __init__(self, path: Path | None = None):
        self.path = path or cache_file()
        self.kept: dict[tuple[str, int], tuple[Any, ...]] = _kept_dict(self.path)
        self.used: dict[tuple[str, int], tuple[Any, ...]] = {}
        self.missed = 0
        # the words each pattern needs (necessary), kept beside the programs in a file of their own
        self.needs_path = self.path.with_name(f"needs{_NEEDS_VERSION}-{self.path.name}")
        self.kept_needs: dict[tuple[Any, ...], Any] = _kept_dict(self.needs_path)
        self.used_needs: dict[tuple[Any, ...], Any] = {}
        self.missed_needs = 0

    def needs(self, pattern: str, flags: int = 0) -> tuple[str, ...] | None:
        """``necessary(pattern, flags)``, from the kept file when it is there."""
        key = (pattern, int(flags))
        if key in self.kept_needs:
            words = self.kept_needs[key]
            if words is None or (isinstance(words, tuple) and all(isinstance(w, str) and w for w in words)):
                self.used_needs[key] = words
                return words
        self.missed_needs += 1
        words = necessary(pattern, int(flags))
        self.used_needs[key] = words
        return words

    def needs_every(self, pattern: str, flags: int = 0) -> tuple[tuple[str, ...], ...]:
        """``every_necessary(pattern, flags)``, from the kept file when it is there."""
        key = (pattern, int(flags), "every")
        groups = self.kept_needs.get(key)
        if isinstance(groups, tuple) and all(
            isinstance(words, tuple) and words and all(isinstance(w, str) and w for w in words) for words in groups
        ):
            self.used_needs[key] = groups
            return groups
        self.missed_needs += 1
        groups = self.used_needs[key] = every_necessary(pattern, int(flags))
        return groups

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        key = (pattern, int(flags))
        program = self.kept.get(key)
        if program is not None:
            try:
                compiled = _sre.compile(pattern, *program[:1], list(program[1]), *program[2:])
                self.used[key] = program
                return compiled
            except _REFUSED:  # a program this _sre does not take: compile it afresh
                pass
        self.missed += 1
        try:
            program = _program(pattern, int(flags))
            compiled = _sre.compile(pattern, program[0], program[1], *program[2:])
            self.used[key] = program
            return compiled
        except _REFUSED:
            return re.compile(pattern, flags)

    def save(self) -> None:
        if self.missed:
            keep(self.path, self.used)
        if self.missed_needs:
            keep(self.needs_path, self.used_needs)


def files_fingerprint(files: Iterable[tuple[str, Path]]) -> str:
    """A fingerprint of ``files`` (each a name, such as its path relative to a root, and the path) that changes
    whenever a name or a byte does; a missing file is hashed as missing. What keys the kept vocabulary table
    (vocabulary.inputs_fingerprint) and Rasa's training cache of the clinical components
    (rasa_component.reader_fingerprint)."""
    digest = hashlib.sha256()
    for name, path in files:
        digest.update(f"{name}\0".encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"\0missing\0")
        digest.update(b"\0")
    return digest.hexdigest()


def keep(path: Path, data: Any) -> None:
    """``data`` (plain data: marshal holds no code) written to ``path`` whole or not at all: to a temporary file
    beside it, then renamed, so a second process racing this one reads the old file or the new one, never half of
    one. A place that cannot be written (a read-only checkout) keeps nothing, and the next run builds again."""
    temp = None
    try:
        dumped = marshal.dumps(data)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(dumped)
        os.replace(temp, path)
    except (OSError, ValueError):
        if temp is not None:
            Path(temp).unlink(missing_ok=True)


_SHARED: Patterns | None = None


def shared() -> Patterns:
    """The one Patterns of this process for every module that builds the extractor (bot/nlu/reader.py, context/), so
    that its ``save()`` keeps all their programs, not one module's."""
    global _SHARED
    if _SHARED is None:
        _SHARED = Patterns()
    return _SHARED


def kept(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` for the reader's own modules' patterns, from the programs kept between runs (``shared``): the
    modules compile a few hundred at import, a third of `python -m bot extract`'s start when compiled afresh."""
    return shared().compile(pattern, flags)
