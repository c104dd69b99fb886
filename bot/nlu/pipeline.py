"""The spaCy pipeline that hosts the clinical extraction in the Rasa server: `spacy.blank("en")` with a bounded
tokenizer and one component, `clinical_reader`, built from the knowledge base (no model download).

The component runs the same reader and context as `python -m bot extract` (reader.py, context/: one reader) over
`doc.text` and writes what they find as spans: all of them in `doc.spans["clinical"]`, in the reader's order (TKIs
in treatment order), and the ones that do not overlap in `doc.ents`. `span._.kind` (the label) is the entity
kind, `span._.value` (the kb_id) the canonical value, `span._.role` the role (None, negated, candidate,
hypothetical) and `span._.stated_role` the role outside a question. The command line does not import this module:
spaCy 3.4's import pulls TensorFlow through thinc (seconds), which the Rasa server has loaded anyway.

spaCy's default English tokenizer spends seconds on 5,000 characters of punctuation; the tokenizer here is one
regular expression (word runs, single other characters, whitespace), linear in the text, and keeps the text exactly.
Where a finding starts or ends inside a token ("brainmets"), the token is split there, so every span has the
reader's exact character offsets.

`build_nlp(table)` makes the pipeline, `nlp.to_disk(path)` saves it with the vocabulary table (clinical_reader/
table.json) and its fingerprint (meta.json), and `spacy.load(path)` reads it back: importing this module registers
the tokenizer and the factory. `load(path)` is what the Rasa components use.
"""
# No `from __future__ import annotations`: spaCy reads the factory's annotations at run time.

import bisect
import json
import logging
import re
from collections.abc import Callable, Iterable
from itertools import pairwise
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from bot.nlu import compiled, vocabulary
from bot.nlu.entity import Entity
from bot.nlu.extractor import Extractor
from bot.nlu.reader import GROWING

logger = logging.getLogger(__name__)
COMPONENT = "clinical_reader"
SPANS_KEY = "clinical"
_TOKEN = compiled.kept(r"\w+|\s|[^\w\s]", re.UNICODE)
# spaCy's strings are UTF-8: a lone surrogate (a JSON "\\ud800" escape) becomes U+FFFD, one character for one, so
# every offset stays the text's.
_SURROGATE = compiled.kept("[\ud800-\udfff]")

_ROLES = "clinical_roles"  # doc.user_data key: (role, stated_role) per finding, in the order of doc.spans["clinical"]


def _roles(span: Span) -> tuple[str | None, str | None]:
    return span.doc.user_data.get(_ROLES, {}).get(span.id_, (None, None))


# spaCy 3.4 keeps a Span's extension values by character offsets alone, and two findings can share them ("brain is
# progressing": cns_progressing and brain_metastases; "ECOG 0-1": 0 and 1). So the value is the span's kb_id, the
# kind its label, and the roles sit in doc.user_data under the span's id.
for _name, _getter in (
    ("kind", lambda span: span.label_),
    ("value", lambda span: span.kb_id_ or None),
    ("role", lambda span: _roles(span)[0]),
    ("stated_role", lambda span: _roles(span)[1]),
):
    if not Span.has_extension(_name):
        Span.set_extension(_name, getter=_getter)


class BoundedTokenizer:
    """Word runs, single other characters, single whitespace characters after which no space is recorded; a single
    space after a token is its trailing space. Linear time, and `doc.text == text` (lone surrogates aside)."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        for match in _TOKEN.finditer(_SURROGATE.sub("\ufffd", text)):
            token = match.group()
            if token == " " and words and not spaces[-1] and not words[-1].isspace():
                spaces[-1] = True
                continue
            words.append(token)
            spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)

    # The tokenizer keeps no state: nothing to save, nothing to read back.
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> "BoundedTokenizer":
        return self

    def to_disk(self, path: Path, **kwargs: Any) -> None:
        """Nothing to write."""

    def from_disk(self, path: Path, **kwargs: Any) -> "BoundedTokenizer":
        return self


@spacy.registry.tokenizers("clinical_bounded_tokenizer.v1")
def bounded_tokenizer() -> Callable[[Language], BoundedTokenizer]:
    return lambda nlp: BoundedTokenizer(nlp.vocab)


class ClinicalReader:
    """The reader and context over `doc.text`, as spans. The vocabulary table comes from `use(table)` when the
    pipeline is built and from table.json when it is loaded."""

    def __init__(self) -> None:
        self.extractor: Extractor | None = None
        self.table: dict[str, Any] | None = None

    def use(self, table: dict[str, Any]) -> "ClinicalReader":
        self.table, self.extractor = table, Extractor(table)  # compiles every pattern: a broken one raises here
        return self

    def __call__(self, doc: Doc) -> Doc:
        if self.extractor is None:
            raise ValueError(f"{COMPONENT} has no vocabulary: build it with build_nlp() or load it from disk")
        found = self.extractor.entities(doc.text)
        doc = _split_at(doc, {offset for e in found for offset in (e.start, e.end)})
        # spaCy 3.4's doc.pyi leaves out char_span's span_id (doc.pyx has it) and types doc.ents as a 1-tuple
        spans = [
            doc.char_span(e.start, e.end, label=e.entity, kb_id=e.value, span_id=str(i))  # type: ignore[call-arg]
            for i, e in enumerate(found)
        ]
        doc.user_data[_ROLES] = {str(i): (e.role, e.stated_role) for i, e in enumerate(found)}
        doc.spans[SPANS_KEY] = spans
        # a lesion said growing (`GROWING`) is an overlay: where it covers another finding's words, that one is shown
        doc.ents = filter_spans(sorted(spans, key=lambda s: s.kb_id_ == GROWING))  # type: ignore[assignment]
        return doc

    def to_disk(self, path: Path, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        # in the table's own order: where two entries match the same words the first wins (sorting the keys made the
        # saved pipeline read "insurance: none in the US ... Toronto" as CA where the reader reads US)
        (path / "table.json").write_text(json.dumps(self.table, indent=1), encoding="utf-8")

    def from_disk(self, path: Path, exclude: Iterable[str] = ()) -> "ClinicalReader":
        return self.use(json.loads((Path(path) / "table.json").read_text(encoding="utf-8")))


@Language.factory(COMPONENT)
def make_clinical_reader(nlp: Language, name: str) -> ClinicalReader:
    return ClinicalReader()


def build_nlp(table: dict[str, Any] | None = None) -> Language:
    """The pipeline for a vocabulary table (by default the current knowledge base and phrase file)."""
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "clinical_bounded_tokenizer.v1"}}})
    table = vocabulary.table() if table is None else table
    reader = nlp.add_pipe(COMPONENT)
    assert isinstance(reader, ClinicalReader)
    reader.use(table)
    nlp.meta.update(
        name="clinical",
        description="ALK-relapse clinical findings, built from the knowledge base",
        clinical_fingerprint=vocabulary.fingerprint(table),
    )
    return nlp


def load(path: Path) -> Language:
    """The pipeline saved at ``path`` (`python -m bot.nlu.build`, run by `make nlu`) when it was built from the
    current knowledge base and phrase file; otherwise the pipeline built now from the current ones (a few tenths of
    a second), with a warning naming `make nlu`, so that the server never reads with an outdated vocabulary.

    The fingerprint is read from meta.json before spaCy loads anything: loading a pipeline saved by an older
    extractor runs the current extractor on the old table (clinical_reader/table.json), which can fail (a key the
    table did not have yet) and took the whole model down with it, leaving a server that answered every message
    with the failure sentence. A pipeline that cannot be read at all (a missing or damaged file) is rebuilt the same
    way: what is built is what `make nlu` would save, from the same inputs."""
    path = Path(path)
    table = vocabulary.table()
    current = vocabulary.fingerprint(table)
    saved = saved_fingerprint(path)
    if saved == current:
        try:
            nlp = spacy.load(path)
        except Exception as err:  # noqa: BLE001 - any damage to the saved files: rebuild from the current inputs
            logger.warning(
                "the clinical pipeline at %s cannot be read (%r): run `make nlu`; reading with one built now", path, err
            )
        else:
            if nlp.meta.get("clinical_fingerprint") == current:
                return nlp
            logger.warning("%s changed while it was read: run `make nlu`; reading with one built now", path)
    elif saved is None:
        logger.warning("no clinical pipeline at %s: run `make nlu`; reading with one built now", path)
    else:
        logger.warning("%s was built from another vocabulary: run `make nlu`; reading with one built now", path)
    return build_nlp(table)


def saved_fingerprint(path: Path) -> str | None:
    """The vocabulary fingerprint in the meta.json of the pipeline saved at ``path``; None when there is none."""
    try:
        meta = json.loads((Path(path) / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    fingerprint = meta.get("clinical_fingerprint") if isinstance(meta, dict) else None
    return fingerprint if isinstance(fingerprint, str) else None


def reader_of(nlp: Language) -> Extractor | None:
    """The extractor the pipeline's clinical_reader reads with (None before it has a vocabulary)."""
    component = nlp.get_pipe(COMPONENT)
    return component.extractor if isinstance(component, ClinicalReader) else None


def entities(doc: Doc) -> list[Entity]:
    """The doc's clinical spans as the reader's entities (kind, value, offsets, role), in the reader's order."""
    return [
        Entity(s.label_, s._.value, s.start_char, s.end_char, s.text, s._.role, s._.stated_role)
        for s in doc.spans.get(SPANS_KEY, [])
    ]


def _split_at(doc: Doc, offsets: set[int]) -> Doc:
    """Split every token that an offset falls inside, so that each finding starts and ends on a token boundary."""
    ordered = sorted(offsets)
    cuts = {}
    for token in doc:
        first = bisect.bisect_right(ordered, token.idx)
        last = bisect.bisect_left(ordered, token.idx + len(token.text))
        if first < last:
            cuts[token.i] = [o - token.idx for o in ordered[first:last]]
    if not cuts:
        return doc
    with doc.retokenize() as retokenizer:
        for i, inside in cuts.items():
            token = doc[i]
            bounds = [0, *inside, len(token.text)]
            orths = [token.text[a:b] for a, b in pairwise(bounds)]
            retokenizer.split(token, orths, heads=[(token, k) for k in range(len(orths))])
    return doc
