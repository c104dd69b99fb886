"""The clinical entity extractor: what a clinician's message states about the case, and in which role.

One reader serves the Rasa NLU components, the actions and `python -m bot extract`. It is plain regular expressions
over a vocabulary built from the knowledge base and bot/nlu/clinical_phrases.yml (reader.py: where the
findings are; context/: their roles; fields.py: entities → case fields). spaCy hosts the pipeline in the Rasa
server (pipeline.py: a bounded tokenizer and the `clinical_reader` component, which runs this reader and writes its
findings as spans); the CLI and the actions call the same reader without importing spaCy, whose 3.4 import pulls
TensorFlow through thinc, so the command line answers in well under a second.

The contract (the dialogue's actions rely on it):

- `load().entities(text)` → `Entity` list: `entity` (one of ENTITIES), `value` (canonical: generic drug names,
  one-letter mutations, knowledge-base ids, the schema's enum values, "true"/"false"), character `start`/`end`,
  and `role`:
    None            stated present
    "negated"       stated absent ("no MET amp", "denies headaches", "lorlatinib-naive")
    "candidate"     a TKI named as an option ("should we give lorlatinib?", "considering brigatinib")
    "hypothetical"  inside a question, a what-if or an uncertain clause ("can I use brigatinib instead?", "what would
                    you give if there were a G1202R?", "is lorlatinib safe with statins?", "to rule out SCLC")
  Entities added for the new case fields: `intolerant_tki` (a generic TKI name: stopped for toxicity; "none",
  negated: a stop denied to be for toxicity, read as intolerant_tkis [] when no TKI is stated intolerant), `pregnancy`
  (pregnant / childbearing_potential / not_applicable), `cyp3a_inhibitor` ("true"/"false"); MET low-level gain
  or polysomy is `bypass_alteration` MET_gain, never MET_amplification.
  `progression_pattern` also takes values that are halves of a pattern and never fields on their own
  (`cns_progressing`, `body_controlled`, `rest_controlled`, `body_not_progressing`, `one_site`, `cns_controlled`,
  `cns_known`, `many_lesions`, `extent`: sites listed or lesions counted many with no growth said, systemic only
  beside a progression told: case_fields reads them together).
  TKIs come in treatment order ("brigatinib after crizotinib" → crizotinib, brigatinib), the current one last.
  `unreadable_variant` (value: the text as written) is a mutation-like notation that cannot be read as an ALK
  protein change (G1202fs, X9999Y, c.3604G>A, G1202*, full-width digits); a readable change at a residue ALK does
  not have (G2032R) stays an `alk_mutation`, which the decision module names as impossible. `unknown_drug` is a
  word shaped like a kinase inhibitor that is not one we know. `unplaced_finding` (value: what it is, e.g.
  large_cell_neuroendocrine_carcinoma) is a finding read but not one the knowledge base places (LCNEC on the
  rebiopsy is no transformation it covers). No report ever becomes a case field.
- `case_fields(entities)` → the case fields stated (case.schema.json names, plus `intolerant_tkis`,
  `pregnancy_status` and `strong_cyp3a_inhibitor`); never a field from a `candidate` or `hypothetical` entity, never
  a negated finding as present, and none of the fields in `conflicts(entities)`.
- `conflicts(entities)` → the fields stated both ways, or with two values where one is expected, in one message.
- `progressing(entities)` → True when they state that this patient's disease progresses, its pattern read or not
  (one site, "... then progression in the liver"; stated both ways): the dialogue clears a recorded progression
  "none" by it, never writing a pattern the extractor did not read.
- `load().read(text)` → `Reading`: the entities, the parts that ask or suppose (`regions`) and whether some sentence
  asks, all read once in one text (the typist's rewriting, typist.py) and given back at their places in ``text``.
- `message_is_question(text)` → True when the whole message asks or supposes and states no finding.
- `message_asks(text)` → True when some sentence asks (a question, a request, a choice); a condition alone does not.
- `scenario_fields(text)` → the fields a question or what-if supposes ("what if ECOG were 3?" → {"ecog": 3}).
- `therapy_choice(text)` → `TherapyChoice`: every therapy the text names (`mentions`: therapy ids of regimens.yml,
  families such as "chemotherapy", or "request_information"; character `start`/`end`) with its `role`, one of
  THERAPY_ROLES: "chosen" ("lorlatinib", "I'd go with lorlatinib"), "rejected" ("I'd avoid brigatinib and
  ceritinib", "no chemo"), "prior" ("after alectinib", "alectinib-refractory"), "conditional" ("chemo if it
  progresses", "keep chemo for later"); and `therapy`, the one chosen (a fallback only when nothing is chosen
  outright). The practice grader reads a trainee's answer with it (therapies.py; the therapy table is
  therapy_phrases.yml, the role cues are the phrase file's).
- `stated_absent(text, places)` → which of the (start, end) places the words around them state absent, read as
  the reader reads a finding of its own there ("no solvent-front mutation"): for phrase tables kept beside the
  reader (the practice grader's), so the negation cues exist once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from functools import lru_cache
from typing import Any

from bot import knowledge
from bot.nlu import compiled, therapies, typist, vocabulary
from bot.nlu.context import Context
from bot.nlu.context.cues import _per_text
from bot.nlu.entity import CANDIDATE, HYPOTHETICAL, NEGATED, ROLES, Entity
from bot.nlu.fields import case_fields, conflicts, progressing
from bot.nlu.reader import Reader, Span, trim
from bot.nlu.therapies import THERAPY_ROLES, TherapyChoice, TherapyMention
from bot.nlu.tick_boxes import TickBoxes

__all__ = [
    "CANDIDATE",
    "ENTITIES",
    "HYPOTHETICAL",
    "MAX_CHARS",
    "NEGATED",
    "ROLES",
    "THERAPY_ROLES",
    "Entity",
    "Extractor",
    "TherapyChoice",
    "TherapyMention",
    "case_fields",
    "conflicts",
    "did_you_mean",
    "extract_case",
    "load",
    "message_asks",
    "message_is_question",
    "other_drug",
    "progressing",
    "scenario_fields",
    "stated_absent",
    "therapy_choice",
]

MAX_CHARS = 20000  # longer texts are cut here: the chat refuses them before, this only bounds the work
ENTITIES = (
    "tki",
    "alk_mutation",
    "bypass_alteration",
    "progression_pattern",
    "biopsy_type",
    "transformation",
    "ecog",
    "unknown_drug",
    "histology",
    "brain_metastases",
    "leptomeningeal",
    "cns_lesions",
    "compound",
    "symptomatic",
    "alk_status",
    "cyp3a_inducer",
    "pdl1_tps",
    "prior_chemotherapy",
    "prior_immunotherapy",
    "comorbidity",
    "goals_of_care",
    "unreadable_variant",
    "intolerant_tki",
    "pregnancy",
    "cyp3a_inhibitor",
    "region",
    "current_therapy",
    "unplaced_finding",
)
_REPORTS = frozenset({"unknown_drug", "unreadable_variant", "unplaced_finding"})


@dataclasses.dataclass(frozen=True)
class Reading:
    """A message read once, through one text: the typist's rewriting of it (typist.py) with its discourse fillers
    and the options of its empty tick boxes blanked (Context.unfilled, tick_boxes.py: places kept), from which the
    findings, their roles and the questions are all read; every place is given back in the text as typed."""

    entities: tuple[Entity, ...]
    regions: tuple[tuple[int, int], ...]  # the parts that ask or suppose (Context.hypothetical_regions)
    asks: bool  # some sentence asks (Context.asks)


class Extractor:
    def __init__(self, table: dict[str, Any]):
        self.reader = Reader(table)
        self.context = Context(table)
        self.fingerprint = vocabulary.fingerprint(table)
        self.rewrite = typist.load(table)
        self.tick_boxes = TickBoxes(table)
        compiled.shared().save()  # the programs of the patterns the reader and the context compiled, for the next run
        self._last: dict[str, tuple[str, Any]] = {}  # the last text's reading (_per_text)

    def read(self, text: str) -> Reading:
        """The reading of ``text`` (cut at MAX_CHARS). The Rasa components ask several times per message (entities,
        features, whether it asks): the last text's reading is kept (_read)."""
        return self._read(text[:MAX_CHARS])

    def entities(self, text: str) -> list[Entity]:
        """The findings in ``text`` with their roles."""
        return list(self.read(text).entities)

    def asks(self, text: str) -> bool:
        return self.read(text).asks

    def is_question(self, text: str) -> bool:
        reading = self.read(text)
        found = [e for e in reading.entities if e.entity not in _REPORTS]
        return bool(reading.regions) and all(e.role in (HYPOTHETICAL, CANDIDATE) for e in found)

    def prepared(self, text: str) -> str:
        """What the reader reads of the typist's rewriting ``text``, places kept: the options of empty tick boxes and
        the discourse fillers blanked (tick_boxes.py, Context.unfilled), and each question answered no in the next
        sentence read as the statement its answer makes (Context.answers_read: "Any brain mets? No.")."""
        return self.context.answers_read(self.context.unfilled(self.tick_boxes(text)))

    @_per_text
    def _read(self, text: str) -> Reading:
        """Read through the typist's rewriting (typist.py: slips in long vocabulary words, dictated numbers), its
        fillers blanked; each entity and region is given back at its place in ``text``, an entity with the words
        as typed."""
        rewritten = self.rewrite(text)
        fixed = self.prepared(rewritten.text)
        asked = self.context.asked_regions(fixed)
        regions = asked + self.context.supposed_regions(fixed)
        found = self.context.entities(fixed, self.reader.spans(fixed), regions)
        entities = []
        for e in found:
            # trimmed of spaces at its ends, whatever a pattern took in: the spaCy pipeline makes each finding a span
            # of tokens, and a place ending on a space could not be given back (it failed a whole note)
            start, end = trim(text, *rewritten.span_back(e.start, e.end))
            entities.append(Entity(e.entity, e.value, start, end, text[start:end], e.role, e.stated_role))
        back = tuple(rewritten.span_back(a, b) for a, b in regions)
        return Reading(tuple(entities), back, bool(asked))


@lru_cache(maxsize=1)
def load() -> Extractor:
    """The extractor for the current knowledge base and phrase file (built in a few tens of milliseconds)."""
    return Extractor(vocabulary.table())


def message_is_question(text: str) -> bool:
    """True when the whole message is a question or a what-if and states no finding ("can I use brigatinib
    instead?", "what about chemo?"); False when it states anything, even beside a question."""
    return load().is_question(text)


def message_asks(text: str) -> bool:
    """True when some sentence of the message asks (a question, a request, a choice: "G1202R - lorlatinib?",
    "crizo for L1198F after lorla - any data"), whatever it also states; a condition alone asks nothing
    ("alectinib, lorlatinib, if G1202R is found" states a history and a plan)."""
    return load().asks(text)


def scenario_fields(text: str) -> dict[str, Any]:
    """The case fields a question or what-if supposes, read as if stated ("what if it were brigatinib?")."""
    supposed = [
        Entity(e.entity, e.value, e.start, e.end, e.text, e.stated_role)
        for e in load().entities(text)
        if e.role == HYPOTHETICAL
    ]
    return case_fields(supposed)


def extract_case(text: str) -> dict[str, Any]:
    """The partial case a free text states (spec/README.md section 2, `python -m bot extract`)."""
    return case_fields(load().entities(text))


def met_copy_number_call(copies: float) -> str | None:
    """What a bare MET copy number is read as by the thresholds the reader applies to "MET copy number N" (the phrase
    file's, README Limitations: MET_amplification from 6, MET_gain from 4, nothing below): for a structured result
    without the laboratory's call (bot/fhir), so that the thresholds are written once."""
    number = f"{copies:g}"
    if not 0 <= copies < 1000 or "e" in number:
        return None
    found = extract_case(f"MET copy number {number}").get("bypass_alterations", [])
    return next((f for f in found if f.startswith("MET_")), None)


def did_you_mean(word: str) -> str | None:
    """The ALK inhibitor a mistyped name most likely means, or None when nothing is close: a spelling of it (name,
    brand or known misspelling) within one edit of the word, or two for a word of 12 letters or more ("brigatanibbb":
    brigatinib?). Other kinase inhibitors share the ALK inhibitors' "-tinib" ending and often their length ("imatinib"
    is three edits from brigatinib, "sunitinib" and "gefitinib" two from a spelling of ceritinib), so neither a shared
    ending nor a shared beginning alone is a guess, and a drug of another class the project knows (other_drug) never
    gets one. Only ever offered as a question, never read into the case."""
    if other_drug(word):
        return None
    word = word.lower()
    kb = knowledge.default()
    spellings = {s.lower(): generic for generic, d in kb.drugs.items() for s in (generic, *d.brands, *d.misspellings)}
    limit = max(1, len(word) // 6)
    near = {generic for s, generic in spellings.items() if typist.distance(word, s, limit) <= limit}
    return near.pop() if len(near) == 1 else None


def other_drug(word: str) -> bool:
    """The word is the whole name of a drug the project knows that is not an ALK inhibitor: a therapy of
    therapy_phrases.yml other than an ALK TKI (osimertinib, gefitinib, capmatinib, docetaxel ...) or a strong CYP3A
    inducer of drugs.yml (rifampicin ...); not a trial's ALK inhibitor (neladalkib)."""
    kb = knowledge.default()
    lowered = word.strip().lower()
    if any(lowered in (s.lower() for s in inducer.spellings) for inducer in kb.strong_cyp3a_inducers.values()):
        return True
    alk = {rid for rid, r in kb.regimens.items() if r.kind in ("alk_tki", "trial")}  # a trial: neladalkib
    spans = therapies.load().spans(lowered)
    return (
        len(spans) == 1
        and spans[0][:2] == (0, len(lowered))
        and spans[0][2] not in alk | {therapies.REQUEST_INFORMATION}
    )


def therapy_choice(text: str, given: Collection[str] = ()) -> TherapyChoice:
    """The therapies ``text`` names, each with its role, and the one it chooses (see the module's contract); read
    through the typist's rewriting as the findings are ("lorlatinb" is lorlatinib), each mention's place and words
    those of the text as typed; ``given``: the TKIs the patient is known to have had (the case's prior TKIs)."""
    typed = text[:MAX_CHARS]
    rewritten = load().rewrite(typed)
    choice = therapies.load().choice(rewritten.text, given)
    mentions = []
    for m in choice.mentions:
        start, end = rewritten.span_back(m.start, m.end)
        mentions.append(dataclasses.replace(m, start=start, end=end, text=typed[start:end]))
    return dataclasses.replace(choice, mentions=tuple(mentions))


def stated_absent(text: str, places: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The places (start, end) of ``text`` whose words around them state absent what stands there, as a finding
    the reader found at that place would be read ("no solvent-front mutation", "SCLC ruled out"): read through the
    text the reader reads (the typist's rewriting, its fillers and empty tick boxes blanked), so that a slip is read
    as the findings' are ("negatve for MET amplification", "no lorlatinb, brigatinb or MET amplification")."""
    extractor = load()
    typed = text[:MAX_CHARS]
    rewritten = extractor.rewrite(typed)
    text = extractor.prepared(rewritten.text)  # what the reader reads (Extractor._read)
    found = extractor.reader.spans(text)
    out = set()
    for start, end in places:
        at, to = rewritten.forth(start), rewritten.forth(end, end=True)
        spans = [s for s in found if s.end <= at] + [Span(at, to, "phrase", "")]
        if extractor.context._stated_role(text, spans, len(spans) - 1) == NEGATED:
            out.add((start, end))
    return out
