"""The spaCy pipeline that hosts the clinical extraction in the Rasa server reads exactly what the reader alone reads
(`python -m bot extract` and the actions call the reader without spaCy): the same kind, value, role and character
offsets, in the same order, on every sentence we have (the held-out sets included: agreement is not tuning, and
their sentences are never printed) and on hostile text. The pipeline is the one saved by `python -m bot.nlu.build`
and read back by `spacy.load`, as the Rasa components read it."""
from __future__ import annotations

import json

import pytest
import spacy

from bench.nlu_phrasings import HOSTILE
from bot.nlu import pipeline, vocabulary
from bot.nlu.build import build
from bot.nlu.extractor import Extractor
from tests.nlu import independent
from tests.nlu.phrasing_table import rows, vocabulary_rows

HOSTILE_TEXTS = [*HOSTILE.values(), "!?.,;:-" * 715, "(" * 5000, "G１２０２R after ＡＬＫ ｌｏｒｌａｔｉｎｉｂ, ECOG １",
                 "alectinib\\ud800 G1202R \\udfff", "alectinib\ud800G1202R\udfff ECOG 1\ud83d", "no\x00MET amp\x00ECOG 2",
                 "\x00" * 5000, "  \n\t alectinib  \n\n  then   lorlatinib\r\n", "", " ", "brainmets G1202Rx ECOG1"]


@pytest.fixture(scope="module")
def nlp(tmp_path_factory):
    return spacy.load(build(tmp_path_factory.mktemp("nlu") / "clinical"))


@pytest.fixture(scope="module")
def reader():
    return Extractor(vocabulary.table())


@pytest.fixture(scope="module")
def own_reader(nlp):
    """The pipeline's own extractor, for the thousands of phrasing-set sentences: its reading of a text is kept (the
    last text's, Extractor._read), so the comparison converts that one reading through spaCy's tokens and spans and
    back instead of reading each sentence twice (it was the suite's slowest file). That it is the reader alone is
    held here: the same vocabulary table as a fresh Extractor's (and test_the_saved_pipeline_carries_its_vocabulary),
    and the smaller sets and hostile texts below are compared with a fresh Extractor."""
    own = pipeline.reader_of(nlp)
    assert own is not None and own.fingerprint == Extractor(vocabulary.table()).fingerprint
    return own


def _key(entities):
    return [(e.entity, e.value, e.role, e.stated_role, e.start, e.end) for e in entities]


def _disagreements(nlp, reader, texts):
    return [i for i, text in enumerate(texts) if _key(pipeline.entities(nlp(text))) != _key(reader.entities(text))]


def _stating(nlp, reader, texts):
    """The texts the pipeline reads otherwise than ``reader``, each read through the pipeline first (so that the
    pipeline's own reader, kept reading, is not asked twice)."""
    found, differ = 0, []
    for text in texts:
        through_spacy = _key(pipeline.entities(nlp(text)))
        alone = reader.entities(text)
        found += len(alone)
        if through_spacy != _key(alone):
            differ.append(text)
    assert found > len(texts) // 2  # the sentences state findings: the comparison is not between two empty lists
    return differ


@pytest.mark.parametrize("name,texts", [
    ("phrasings.yml", [text for text, _ in rows()]),
    ("vocabulary round-trip", [text for text, _ in vocabulary_rows()]),
])
def test_the_pipeline_reads_what_the_reader_reads(nlp, reader, name, texts):
    assert _stating(nlp, reader, texts) == []


TUNED_FINDINGS = [f for f in independent.FILES if f.tuned and f.kind == "findings"]


@pytest.mark.parametrize("path", [f.path for f in TUNED_FINDINGS], ids=[f.name for f in TUNED_FINDINGS])
def test_the_pipeline_reads_what_the_reader_reads_on_the_tuned_findings(nlp, own_reader, path):
    assert _stating(nlp, own_reader, [r["text"] for r in independent.items(path)]) == []


OTHER_FILES = [f for f in independent.FILES if not (f.tuned and f.kind == "findings")]


@pytest.mark.parametrize("path", [f.path for f in OTHER_FILES], ids=[f.name for f in OTHER_FILES])
def test_the_pipeline_reads_what_the_reader_reads_on_the_other_files(nlp, own_reader, path):
    assert path.exists(), f"{path} is missing: the phrasing sets are part of the repository"
    texts = [r["text"] for r in independent.items(path)]
    assert texts
    assert _disagreements(nlp, own_reader, texts) == []  # indices only: the held-out sentences are not shown


@pytest.mark.parametrize("text", HOSTILE_TEXTS, ids=range(len(HOSTILE_TEXTS)))
def test_the_pipeline_reads_hostile_text_as_the_reader_does(nlp, reader, text):
    doc = nlp(text)
    assert _key(pipeline.entities(doc)) == _key(reader.entities(text))
    assert len(doc.text) == len(text) and len(doc) <= len(text)
    assert doc.text == text or any("\ud800" <= c <= "\udfff" for c in text)


def test_spans_carry_kind_value_and_role_and_ents_do_not_overlap(nlp):
    text = "brigatinib after crizotinib; 2 small asymptomatic brain mets, no MET amp; should we give lorlatinib?"
    doc = nlp(text)
    spans = [(s.label_, s._.value, s._.role, s.text) for s in doc.spans[pipeline.SPANS_KEY]]
    assert ("tki", "crizotinib", None, "crizotinib") in spans
    assert ("bypass_alteration", "MET_amplification", "negated", "MET amp") in spans
    assert ("tki", "lorlatinib", "candidate", "lorlatinib") in spans
    assert [s[1] for s in spans if s[0] == "tki"] == ["crizotinib", "brigatinib", "lorlatinib"]  # treatment order
    ents = sorted(doc.ents, key=lambda s: s.start)
    assert ents and all(a.end <= b.start for a, b in zip(ents, ents[1:]))
    assert {(s.start_char, s.end_char) for s in ents} <= {(s.start_char, s.end_char)
                                                          for s in doc.spans[pipeline.SPANS_KEY]}


def test_a_token_is_split_where_a_finding_starts_or_ends_inside_it(nlp):
    doc = pipeline._split_at(nlp.make_doc("had brainmets, ECOG1 now"), {4, 9, 15, 19})
    assert [t.text for t in doc] == ["had", "brain", "mets", ",", "ECOG", "1", "now"]
    assert doc.text == "had brainmets, ECOG1 now"
    assert doc.char_span(9, 13).text == "mets" and doc.char_span(15, 19).text == "ECOG"


def test_the_saved_pipeline_carries_its_vocabulary(tmp_path):
    path = build(tmp_path / "clinical")
    saved = json.loads((path / pipeline.COMPONENT / "table.json").read_text())
    assert saved == json.loads(json.dumps(vocabulary.table()))
    # in the same order: where two entries match the same words the first wins
    assert json.dumps(saved) == json.dumps(vocabulary.table())
    assert spacy.load(path).meta["clinical_fingerprint"] == vocabulary.fingerprint(saved)


def test_a_pipeline_built_from_another_vocabulary_is_not_served(tmp_path, monkeypatch):
    table = vocabulary.table()
    stale = dict(table, regexes=[r for r in table["regexes"] if r["entity"] != "biopsy_type"])
    pipeline.build_nlp(stale).to_disk(tmp_path / "clinical")
    assert not pipeline.entities(spacy.load(tmp_path / "clinical")("liquid biopsy"))
    served = pipeline.load(tmp_path / "clinical")
    assert [e.entity for e in pipeline.entities(served("liquid biopsy"))] == ["biopsy_type"]
    assert [e.entity for e in pipeline.entities(pipeline.load(tmp_path / "missing")("ECOG 1"))] == ["ecog"]


def test_the_rasa_component_reads_through_the_spacy_pipeline(monkeypatch):
    from rasa.shared.nlu.training_data.message import Message

    from bot.nlu import rasa_component

    component = rasa_component.ClinicalEntityExtractor({})
    docs = []
    nlp = rasa_component._nlp()
    monkeypatch.setattr(rasa_component, "_nlp", lambda: lambda text: docs.append(nlp(text)) or docs[-1])
    rasa_component._read.cache_clear()  # a message read by an earlier test is remembered, not read again
    [message] = component.process([Message.build(text="alectinib, no MET amp, ECOG 1")])
    assert len(docs) == 1 and docs[0].text == "alectinib, no MET amp, ECOG 1"
    assert [(e["entity"], e["value"], e.get("role"), e["start"]) for e in message.get("entities")] == [
        (s.label_, s._.value, s._.role, s.start_char) for s in docs[0].spans[pipeline.SPANS_KEY]]


def test_a_message_is_read_once_for_the_extractor_and_the_featurizer(monkeypatch):
    from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
    from rasa.shared.nlu.training_data.message import Message

    from bot.nlu import rasa_component

    docs = []
    nlp = rasa_component._nlp()
    monkeypatch.setattr(rasa_component, "_nlp", lambda: lambda text: docs.append(nlp(text)) or docs[-1])
    rasa_component._read.cache_clear()
    message = Message.build(text="brigatinib 14 months, ALK G1202R")
    WhitespaceTokenizer(WhitespaceTokenizer.get_default_config()).process([message])
    rasa_component.ClinicalEntityExtractor({}).process([message])
    rasa_component.ClinicalEntityFeaturizer(rasa_component.ClinicalEntityFeaturizer.get_default_config(),
                                            "featurizer").process([message])
    assert len(docs) == 1
    assert {e["value"] for e in message.get("entities")} >= {"brigatinib", "G1202R"}
    sentence = message.get_sparse_features("text")[1].features.toarray()
    columns = rasa_component.ClinicalEntityFeaturizer.COLUMNS
    assert sentence[0, columns.index("alk_mutation")] == 1.0


def test_a_pipeline_saved_by_an_older_extractor_is_rebuilt_not_loaded(tmp_path):
    """An older extractor's table lacks keys the current one reads: loading it raised KeyError inside spaCy's load,
    before the fingerprint was compared, and took the trained model down with it."""
    table = json.loads(json.dumps(vocabulary.table()))
    older = {k: v for k, v in table.items() if k != "no_longer"}
    path = tmp_path / "clinical"
    nlp = pipeline.build_nlp(table)
    nlp.get_pipe(pipeline.COMPONENT).table = older  # what an older build saved
    nlp.meta["clinical_fingerprint"] = vocabulary.fingerprint(older)
    nlp.to_disk(path)
    with pytest.raises(KeyError):
        spacy.load(path)  # the saved pipeline cannot be read by the current extractor
    served = pipeline.load(path)
    assert served.meta["clinical_fingerprint"] == vocabulary.fingerprint(table)
    assert [e.entity for e in pipeline.entities(served("alectinib, ECOG 1"))] == ["tki", "ecog"]


@pytest.mark.parametrize("damage", [
    lambda path: (path / pipeline.COMPONENT / "table.json").write_text("{"),
    lambda path: (path / pipeline.COMPONENT / "table.json").unlink(),
    lambda path: (path / "config.cfg").write_text("[nlp]\npipeline = [\"no_such_component\"]\n"),
    lambda path: (path / "meta.json").write_text("not json"),
])
def test_a_damaged_pipeline_is_rebuilt_not_loaded(tmp_path, damage):
    path = build(tmp_path / "clinical")
    damage(path)
    served = pipeline.load(path)
    assert [e.entity for e in pipeline.entities(served("liquid biopsy, ECOG 1"))] == ["biopsy_type", "ecog"]


def test_the_saved_pipeline_is_the_one_served_when_current(tmp_path, monkeypatch):
    path = build(tmp_path / "clinical")

    def no_rebuild(*args, **kwargs):
        raise AssertionError("the saved pipeline is current: it must be loaded, not built again")

    monkeypatch.setattr(pipeline, "build_nlp", no_rebuild)
    served = pipeline.load(path)
    assert [e.entity for e in pipeline.entities(served("alectinib, ECOG 1"))] == ["tki", "ecog"]


def test_the_vocabulary_fingerprint_is_the_same_in_every_process():
    """`make nlu` saves the fingerprint in one process and the server compares it in another: a table whose order
    followed a set's iteration (string hashing changes per process) never matched, so the saved pipeline was never
    used and every start built another."""
    import subprocess
    import sys

    from tests.test_dialogue import ENV, ROOT

    code = "from bot.nlu import vocabulary; print(vocabulary.fingerprint(vocabulary.table()))"
    prints = {subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=dict(ENV, PYTHONHASHSEED=str(seed)),
                             capture_output=True, text=True, check=True, timeout=120).stdout.strip()
              for seed in range(4)}
    assert len(prints) == 1, prints


def test_make_nlu_rebuilds_when_any_input_of_the_vocabulary_changes():
    """`make nlu` rebuilds var/nlu when a file the vocabulary table is made from changes: the knowledge base's YAML
    and its loader (bot/knowledge/*.py: the spellings of every name), the phrase file and the extractor."""
    import subprocess

    from tests.test_dialogue import ENV, ROOT

    database = subprocess.run(["make", "-pn", "nlu"], cwd=ROOT, env=ENV, capture_output=True, text=True,
                              timeout=120).stdout
    [rule] = [line for line in database.splitlines() if line.startswith("var/nlu/clinical/meta.json:")]
    prerequisites = set(rule.split(":", 1)[1].split())
    inputs = {str(p.relative_to(ROOT)) for pattern in ("bot/knowledge/*.yml", "bot/knowledge/*.py", "bot/nlu/*.yml",
                                                         "bot/nlu/*.py") for p in ROOT.glob(pattern)}
    assert inputs - prerequisites == set()


@pytest.mark.parametrize("text", [
    "Transformation: mixed adeno/SCLC",  # the first of a key's values that reads wins: their order is kept in table.json
    "Location: not known",  # a key's value to come supposes the same value in both
    "Transformation: possible",
])
def test_the_pipeline_reads_key_value_lines_as_the_reader_does(nlp, reader, text):
    assert _disagreements(nlp, reader, [text]) == []
