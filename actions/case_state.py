"""The case as the conversation holds it: one slot per case.schema.json field, read and written here only.

Every message may state findings; they overwrite what was said before (a correction is just a newer statement).
What a short answer means depends on the question it answers ("1" to the ECOG question, "yes" to the brain
metastases question), so the requested slot is used to read it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from actions.shared import knowledge_base
from bot.decision import FIELDS, CaseError, validate_case
from bot.messages import MAX_MESSAGE_CHARS
from bot.nlu import vocabulary
from bot.nlu.extractor import (
    case_fields,
    conflicts,
    did_you_mean,
    message_is_question,
    other_drug,
    progressing,
)
from bot.nlu.reader import SITES, alk_variant, earlier_scores, ecog_range, karnofsky_statements
from bot.render import SHORT_LABELS, field_label, finding_text, value_text

CASE_SLOTS: tuple[str, ...] = tuple(FIELDS)
# The fields the case form may ask about (the domain's case_form required_slots); the others are only read.
ASKABLE: tuple[str, ...] = tuple(f for f in CASE_SLOTS if f not in ("current_therapy", "pdl1_tps", "comorbidities"))
SKIPPED = "case_skipped"  # the slot listing the questions the clinician answered 'not known'

_SENTENCE = re.compile(r".+?(?:[.?!;]+(?=\s|$)|\n|$)", re.DOTALL)


@dataclass
class Reading:
    """What one message says about the case, and what the clinician must be told about how it was read."""

    updates: dict[str, Any] = field(default_factory=dict)
    skip: bool = False  # "not known" to the question asked
    problems: list[str] = field(default_factory=list)  # what could not be read, said before anything else
    notes: dict[str, str] = field(default_factory=dict)  # fields taken without being typed, and why
    contradicted: list[str] = field(default_factory=list)  # fields stated both ways: asked about, left unchanged
    cleared: list[str] = field(default_factory=list)  # fields a message made unknown (prog2): asked about next
    asked: list[Mapping[str, Any]] = field(default_factory=list)  # entities named inside a question: not findings
    question: bool = False  # the message asks something (it may state findings too)
    too_long: bool = False

    @property
    def understood(self) -> bool:
        return bool(self.updates) or self.skip


def case_from_slots(slots: Mapping[str, Any]) -> dict[str, Any]:
    """The case document (case.schema.json) from the tracker's slots: known fields only."""
    return {name: slots[name] for name in CASE_SLOTS if slots.get(name) is not None}


def read_message(
    message: Mapping[str, Any],
    case: Mapping[str, Any] | None = None,
    requested: str | None = None,
    read_answer: Callable[[str], Mapping[str, Any]] | None = None,
    earlier: list[Mapping[str, Any]] | None = None,
) -> Reading:
    """The case fields a user message states, read in the light of the question it answers and the case so far.

    Only findings stated as facts count: the extractor leaves out what is negated, named as an option or asked
    about. A field stated both ways is left unchanged and asked about; a value the case schema rejects (a typed
    payload, a notation the extractor could not read) is named back and never used. When the message states
    nothing about the ``requested`` field and asks nothing, ``read_answer(requested)`` reads it as a bare answer
    to that question (slot values; the SKIPPED slot for 'not known'). ``earlier``: the entities of the user's message
    before this one, for "the rest" said controlled after it (_rest_after_site)."""
    text = message.get("text") or ""
    reading = Reading()
    if len(text) > MAX_MESSAGE_CHARS:
        reading.too_long = True
        return reading
    entities = _read_payload_variants(text, message.get("entities") or [])
    spans = asked_spans(text)
    reading.question = bool(spans)
    reading.asked = [e for e in entities if any(a <= int(e.get("start", -1)) < b for a, b in spans)]
    entities = [e for e in entities if e not in reading.asked]
    reading.contradicted = [f for f in conflicts(entities) if f in CASE_SLOTS]
    # fields the case does not hold (the extractor reads a few more) are left to whatever holds them
    reading.updates = {
        k: v for k, v in case_fields(entities).items() if k in CASE_SLOTS and k not in reading.contradicted
    }
    _rest_after_site(earlier or [], entities, reading)
    _clear_stale_no_progression(case or {}, entities, reading)
    for field_name in reading.contradicted:
        methods = _discordant_alk_methods(text, entities) if field_name == "alk_positive" else None
        if methods:
            reading.problems.append(_discordance_problem(*methods))
            continue
        kept = "did not take it" if field_name in reading.updates else "left it as it was"
        reading.problems.append(
            f"You wrote the {field_label(field_name)} both ways in that message, so I {kept}. Which is it?"
        )
    _name_unreadable(text, entities, reading)
    _say_how_ecog_was_read(text, entities, reading, spans)
    if text.startswith("/") and any(e.get("entity") == "unreadable_variant" for e in entities):
        reading.updates.pop("alk_mutations", None)  # the page's list editor: the list stays as it was
    if (
        read_answer
        and requested
        and requested not in reading.updates
        and requested not in reading.contradicted
        and not spans
    ):
        answer = read_answer(requested)
        reading.skip = SKIPPED in answer
        reading.updates.update({k: v for k, v in answer.items() if k in CASE_SLOTS})
    _drop_invalid(reading)
    _take_alk_positive(case or {}, reading, text)
    return reading


def _rest_after_site(earlier: list[Mapping[str, Any]], entities: list[Mapping[str, Any]], reading: Reading) -> None:
    """(prog3) "The rest is stable." alone is no pattern (the rest of nothing told), but as the message after one that
    named a site progressing with no pattern read ("New liver met." then "The rest is stable.") it is that site's
    rest: the two messages' progression halves are read together (oligoprogression), as one message saying both is.
    Only findings stated (no role) in either, and only when neither message reads a pattern of its own."""
    if (
        "progression" in reading.updates
        or "progression" in reading.contradicted
        or "progression" in case_fields(earlier)
    ):
        return

    def halves(found: list[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
        return [e for e in found if e.get("entity") == "progression_pattern" and not e.get("role")]

    now, before = halves(entities), halves(earlier)
    if not any(e.get("value") == "rest_controlled" for e in now) or not any(
        str(e.get("value")).startswith(SITES) for e in before
    ):
        return
    pattern = case_fields([*before, *now]).get("progression")
    if pattern:
        reading.updates["progression"] = pattern


def _clear_stale_no_progression(case: Mapping[str, Any], entities: list[Mapping[str, Any]], reading: Reading) -> None:
    """(prog2) A message stating that this patient's disease progresses, its pattern not read ("... then progression
    in the liver": one site) or stated both ways, clears a recorded progression "none" ("stable on alectinib" told
    before): kept, it would send the decision to "continue the current TKI". Said back as a change ("progression no
    progression → not known") and the pattern asked first; no pattern the extractor did not read is written. A
    question, a relative's progression or a denial states none (the extractor's roles, the asked sentences left
    out)."""
    if case.get("progression") == "none" and "progression" not in reading.updates and progressing(entities):
        reading.updates["progression"] = None
        reading.cleared.append("progression")


METHODS_SOURCE = "LINDEMAN2018"  # IHC an equivalent alternative to FISH for ALK (evidence.yml)


@functools.cache
def _method() -> re.Pattern[str]:
    """The words of ALK's test methods, IHC's, FISH's and sequencing's, as the extractor reads them
    (clinical_phrases.yml ALKIHC, ALKFISH, ALKNGS)."""
    words = vocabulary.table()["alk_test_methods"]
    return re.compile(
        rf"\b(?:(?P<ihc>{words['ihc']})|(?P<fish>{words['fish']})|(?P<ngs>{words['ngs']}))\b", re.IGNORECASE
    )


def _discordant_alk_methods(text: str, entities: list[Mapping[str, Any]]) -> tuple[list[str], list[str]] | None:
    """The methods that read ALK positive and those that read it negative (["IHC"], ["FISH"]) when the ALK status was
    stated both ways by two test methods (clinical_phrases.yml, discordG: the CAP/IASLC/AMP guideline makes IHC an
    alternative to FISH, and a discordance is resolved by a third method, not by either; ecog2: NGS against IHC or
    FISH), else None."""
    said: dict[str, set[str]] = {}
    for entity in entities:
        if (
            entity.get("entity") != "alk_status"
            or entity.get("role")
            or entity.get("value") not in ("positive", "negative")
        ):
            continue
        found = _method().search(text[int(entity.get("start", 0)) : int(entity.get("end", 0))])
        if found:
            said.setdefault(str(entity["value"]), set()).add(str(found.lastgroup).upper())
    positive, negative = said.get("positive", set()), said.get("negative", set())
    if not positive or not negative or positive == negative:
        return None
    return sorted(positive), sorted(negative)


def _discordance_problem(positive: list[str], negative: list[str]) -> str:
    """The reply to ALK tests that disagree: the methods named as read; that IHC and FISH are equivalent (the
    CAP/IASLC/AMP guideline, cited) only where those two are the ones disagreeing. An NGS result against either is
    asked about as knowledge.md rule G0 has a discordant ALK status resolved (no claim of the guideline's about
    sequencing is made)."""
    methods = f"positive by {' and '.join(positive)}, not by {' and '.join(negative)}"
    if {*positive, *negative} == {"IHC", "FISH"}:
        return (
            f"The ALK tests in that message disagree ({methods}), so I did not take the ALK status from it: IHC "
            "and FISH are equivalent methods and neither settles it. Confirm ALK status (RNA fusion assay, "
            "pathology review) and tell me the result. "
            f"Source: {knowledge_base().evidence[METHODS_SOURCE].citation} [{METHODS_SOURCE}]."
        )
    return (
        f"The ALK tests in that message disagree ({methods}), so I did not take the ALK status from it. Confirm "
        "ALK status (RNA fusion assay or FISH, pathology review) and tell me the result."
    )


def asked_spans(text: str) -> list[tuple[int, int]]:
    """Where the message asks rather than states: each sentence the extractor calls a question. A case pasted with
    'what next?' at its end keeps its findings; 'can I use brigatinib instead?' states none."""
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if message_is_question(m.group())]


def _read_payload_variants(text: str, entities: list[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """A payload (the case panel's mutation editor, or a typed '/correct_finding{...}') carries each mutation as
    the clinician typed it: read each as a report's notation is read (p.Gly1202Arg → G1202R); one that cannot be
    read becomes an unreadable variant, named back and never taken."""
    if not text.startswith("/"):
        return entities
    read = []
    for entity in entities:
        value = str(entity.get("value") or "")
        if entity.get("entity") == "alk_mutation" and value != "none":
            known = alk_variant(value.strip()[:40])
            entity = {**entity, "value": known} if known else {**entity, "entity": "unreadable_variant"}
        read.append(entity)
    return read


def _name_unreadable(text: str, entities: list[Mapping[str, Any]], reading: Reading) -> None:
    """Drug names and variant notations the extractor could not read are named back to the clinician, never
    guessed; a report with an unreadable variant is not read as 'no ALK mutation'; a finding read but not placed
    (LCNEC on the rebiopsy) is named with what was left unset."""
    for entity in entities:
        word = str(entity.get("value") or entity.get("text") or "")
        if entity.get("entity") == "unknown_drug" and other_drug(word):
            reading.problems.append(
                f"'{word}' is not an ALK inhibitor, so I did not add it to the prior ALK TKIs (I know {known_drugs()})."
            )
        elif entity.get("entity") == "unknown_drug":
            guess = did_you_mean(word)
            hint = f": did you mean {guess}?" if guess else f". I know {known_drugs()}."
            reading.problems.append(f"I don't know '{word}' as an ALK inhibitor{hint}")
        elif entity.get("entity") == "unplaced_finding" and not entity.get("role"):
            written = _written(text, entity) or word
            reading.problems.append(unplaced_text(written, word, "transformation" in reading.updates))
        elif entity.get("entity") == "unreadable_variant":
            reading.problems.append(
                f"I couldn't read '{word}' as an ALK mutation (I read notations such as G1202R, "
                "p.Gly1202Arg or 1151Tins), so I did not add it. Please check the report and "
                "type the variant again."
            )
            if reading.updates.get("alk_mutations") == []:
                del reading.updates["alk_mutations"]


# what each finding the extractor reads but the knowledge base does not place is, as the clinician is told
UNPLACED = {
    "large_cell_neuroendocrine_carcinoma": "large-cell neuroendocrine carcinoma",
    "high_grade_neuroendocrine_carcinoma": "high-grade neuroendocrine carcinoma",
}
# a finding that names a class of histologies, some of which the knowledge base places: what it may be, so the
# clinician can say which (a high-grade neuroendocrine carcinoma is a small-cell carcinoma or an LCNEC)
UNPLACED_CLASS = {
    "high_grade_neuroendocrine_carcinoma": "small-cell carcinoma (small-cell transformation) or large-cell "
    "neuroendocrine carcinoma (LCNEC, which the knowledge base does not cover)",
}
NEUROENDOCRINE_SOURCE = "METOVIC2021"  # the lung's neuroendocrine carcinomas are SCLC and LCNEC (evidence.yml)


def unplaced_text(word: str, value: str, transformation_read: bool) -> str:
    """The finding ``word`` (read as ``value``) named back: read, yet no transformation the knowledge base covers
    (safety6: LCNEC on the rebiopsy); the transformation is left as it was unless another finding stated it."""
    name = UNPLACED.get(value, value.replace("_", " "))
    shown = f"'{word}' ({name})" if word.lower() != name else f"'{word}'"
    left = (
        "please check the transformation I read from the rest of the message"
        if transformation_read
        else "transformation left unset - please review"
    )
    if value in UNPLACED_CLASS:
        return (
            f"I read {shown}, which may be {UNPLACED_CLASS[value]}; the report does not say which, so I did not read "
            f"it as a small-cell transformation; {left}. Which type does the pathology report give? "
            f"Source: {knowledge_base().evidence[NEUROENDOCRINE_SOURCE].citation} [{NEUROENDOCRINE_SOURCE}]."
        )
    return f"I read {shown} but it is not a transformation the knowledge base covers; {left}."


def _say_how_ecog_was_read(
    text: str, entities: list[Mapping[str, Any]], reading: Reading, asked: list[tuple[int, int]]
) -> None:
    """An ECOG taken from other words than one ECOG grade is said, so the read-back hides nothing: a range ("ECOG
    2-3") is read as its worse value, a Karnofsky score as the ECOG grade the published conversions agree on ("KPS
    80"); a Karnofsky score they disagree on ("KPS 70") is not read, and the clinician is told why and asked."""
    stated = [e for e in entities if e.get("entity") == "ecog" and not e.get("role")]
    typed = {str(e.get("value")) for e in stated if not karnofsky_statements(_written(text, e))}
    for entity in stated:
        written = _written(text, entity)
        span = ecog_range(written)
        kps = karnofsky_statements(written)
        if reading.updates.get("ecog") != int(entity.get("value", -1)):
            continue
        if span:
            reading.notes["ecog"] = (
                f"Read '{written}' as ECOG {span[1]}, the worse of the two; say 'ECOG {span[0]}' if that is wrong."
            )
        elif kps and str(entity.get("value")) not in typed:
            reading.notes["ecog"] = (
                f"Read '{written}' as ECOG {entity.get('value')} (from Karnofsky {_scores(kps[0][2])}), the grade the "
                "published conversions agree on; say the ECOG if it differs."
            )
    if "ecog" in reading.updates or "ecog" in reading.contradicted:
        return
    earlier = [w for w in earlier_scores(text) if not any(a <= text.find(w) < b for a, b in asked)]
    if earlier:  # (safety10) "ECOG 1 at diagnosis": an earlier score, not the current one
        reading.problems.append(
            f"I read '{earlier[0]}' as an earlier performance status, not the current one, so I did not take it: "
            "what is the ECOG now?"
        )
        return
    for start, _, scores in karnofsky_statements(text):
        spread = knowledge_base().karnofsky_spread(*scores)
        if spread and not any(a <= start < b for a, b in asked):
            reading.problems.append(
                f"Karnofsky {_scores(scores)} falls between ECOG {spread[0]} and {spread[1]} in published "
                "conversions, so I did not convert it: what is the ECOG?"
            )
            return


def _written(text: str, entity: Mapping[str, Any]) -> str:
    return text[int(entity.get("start", 0)) : int(entity.get("end", 0))]


def _scores(scores: tuple[int, ...]) -> str:
    return "-".join(map(str, scores))


def known_drugs() -> str:
    """The ALK inhibitors the knowledge base knows, as a sentence lists them."""
    names = list(knowledge_base().drugs)
    return ", ".join(names[:-1]) + f" and {names[-1]}"


def _drop_invalid(reading: Reading) -> None:
    """A value the case schema rejects (e.g. a typed '/inform{...}' payload) is named and left out."""
    for name, value in list(reading.updates.items()):
        try:
            validate_case({name: value})
        except CaseError as error:
            del reading.updates[name]
            shown = str(value)[:60]
            reading.problems.append(f"I couldn't use '{shown}' as the {field_label(name)}, so I left it out. ({error})")


def _alk_evidence_of(findings: Mapping[str, Any]) -> tuple[str, str] | None:
    """(kind, name) of the ALK evidence among ``findings``, first found of: an ALK resistance mutation ("mutation"), an
    ALK inhibitor received ("tki"), the ALK fusion found on the progression specimen ("fusion"). Each says the tumour is
    ALK-positive (an ALK rearrangement shown on any specimen is one)."""
    if mutation := (findings.get("alk_mutations") or [None])[0]:
        return "mutation", mutation
    if tki := (findings.get("prior_tkis") or [None])[0]:
        return "tki", tki
    if findings.get("alk_fusion_at_progression") is True:
        return "fusion", "an ALK fusion on the progression specimen"
    return None


def alk_evidence(findings: Mapping[str, Any]) -> str | None:
    """The ALK resistance mutation or ALK inhibitor named among ``findings``, or the ALK fusion found on the progression
    specimen (_alk_evidence_of): each says the tumour is ALK-positive."""
    evidence = _alk_evidence_of(findings)
    return evidence[1] if evidence else None


# (lead) another driver named as the tumour's ("ROS1-rearranged NSCLC on crizotinib", "crizotinib for ROS1", "RET
# fusion ... lorlatinib"): crizotinib and lorlatinib are given for ROS1 too, so a TKI named then is no sign of ALK
_OTHER_DRIVER = re.compile(
    r"\b(?:ros-?1|ret|ntrk[123]?|nrg1)\b(?![\s-]*(?:negative|neg\b|-ve|not detected|wild[- ]?type|wt\b|-))",
    re.IGNORECASE,
)


def _take_alk_positive(case: Mapping[str, Any], reading: Reading, text: str = "") -> None:
    """Take ALK-positive as stated (and say so) rather than ask, when the clinician named an ALK inhibitor the
    patient received or an ALK resistance mutation; not from a TKI alone when the message names another driver
    (ROS1, RET, NTRK, NRG1), which the same TKIs may have been given for: ALK is then asked."""
    if (
        case.get("alk_positive") is not None
        or "alk_positive" in reading.updates
        or "alk_positive" in reading.contradicted
    ):
        return  # discordG: ALK status stated both ways ("ALK IHC positive, FISH negative; alectinib") is asked about
    evidence = _alk_evidence_of(reading.updates)
    if evidence is None:
        return
    kind, because = evidence
    if kind == "tki" and _OTHER_DRIVER.search(text):
        return  # "ROS1-rearranged NSCLC, crizotinib 2 years": the TKI may have been given for ROS1
    reading.updates["alk_positive"] = True
    reading.notes["alk_positive"] = f"Taken as ALK-positive ({because} was named); say 'ALK negative' if that is wrong."


def describe_changes(case: Mapping[str, Any], updates: Mapping[str, Any]) -> str | None:
    """'Changed: prior TKIs alectinib → brigatinib' for every finding the message changed: nothing changes
    unseen."""
    changed = [
        f"{SHORT_LABELS.get(k, k)} {value_text(k, case[k])} → {value_text(k, v) if v is not None else 'not known'}"
        for k, v in updates.items()
        if k in case and case[k] != v
    ]
    return f"Changed: {'; '.join(changed)}." if changed else None


def describe_new(case: Mapping[str, Any], updates: Mapping[str, Any]) -> str | None:
    """'Noted: tissue NGS, ECOG 1' for the findings a message added."""
    new = [finding_text(k, v) for k, v in updates.items() if k not in case]
    return f"Noted: {', '.join(new)}." if new else None


def changed_slots(tracker: Any, values: Mapping[str, Any]) -> list[Any]:
    """SlotSet events for the values that differ from the tracker's (an unchanged slot costs an event anyway)."""
    from rasa_sdk.events import SlotSet

    current = tracker.current_slot_values()
    return [SlotSet(name, value) for name, value in values.items() if current.get(name) != value]
