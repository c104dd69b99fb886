"""Questions about the case are answered, never read into it.

A question that names a drug or a finding gets one of three answers, and the case stays as the clinician stated it:
- dosing, interaction or side-effect questions ("is lorlatinib safe with statins?"): an honest 'I can't answer
  that; see the label';
- a therapy named as an option ("can I use brigatinib instead?", "what about chemo?"): where it stands in the
  answer for the case so far, and, for an ALK inhibitor the case does not list, "Did the patient receive it?";
- a scenario ("what if ECOG were 3?", "what would you give after brigatinib if there were a G1202R?"): the answer
  for that scenario beside the answer for the case, compared.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.case_state import CASE_SLOTS, alk_evidence
from actions.shared import knowledge_base
from bot.decision import CaseError, decide
from bot.nlu.extractor import case_fields, scenario_fields
from bot.nlu.questions import asks_about_the_label, lesser_forms_named, named_as_received, therapies_named
from bot.render import finding_text, preferred_sentence


def answer_question(
    dispatcher: CollectingDispatcher,
    text: str,
    entities: list[Mapping[str, Any]],
    case: Mapping[str, Any],
    scenario: bool = False,
) -> bool:
    """Answer a question about the case; True when something was answered. ``scenario``: the message is a what-if
    as a whole ("what if plasma only"), so every finding it names belongs to the scenario."""
    if asks_about_the_label(text):
        drugs = sorted({str(e["value"]) for e in entities if e.get("entity") == "tki" and e.get("value") != "none"})
        where = f" for {', '.join(drugs)}" if drugs else ""
        dispatcher.utter_message(
            text=f"I can't answer dosing, interaction or side-effect questions; see the current "
            f"label{where} (FDA or EMA prescribing information) or ask your pharmacist. "
            "The case is unchanged."
        )
        return True
    options = _options(text, entities)
    answered = False
    if options:
        lesser = [f"{label}: {knowledge_base().caveats[caveat].text}" for label, caveat in lesser_forms_named(text)]
        dispatcher.utter_message(text="\n".join([_options_text(options, case), *dict.fromkeys(lesser)]))
        answered = True
    changes = scenario_changes(text, entities, case, {word for word, _ in options}, scenario)
    if changes:
        compare(dispatcher, case, changes)
        answered = True
    return answered


def _options(text: str, entities: list[Mapping[str, Any]]) -> list[tuple[str, tuple[str, ...]]]:
    """The therapies named as options to give ("can I use brigatinib?", "what about chemo?"), with their ids; a TKI
    named as received ("what if it was brigatinib?", "after brigatinib") belongs to the scenario instead."""
    options: list[tuple[str, tuple[str, ...]]] = []
    for e in entities:
        start = int(e.get("start", 0))
        if e.get("entity") == "tki" and e.get("value") != "none" and not named_as_received(text, start):
            options.append((str(e["value"]), (str(e["value"]),)))  # "why not brigatinib?" asks about it too
        # (value "none" is the class denied, "TKI-naive": no drug to answer about)
    return options + therapies_named(text)


def _options_text(options: Iterable[tuple[str, tuple[str, ...]]], case: Mapping[str, Any]) -> str:
    rec = decide(case)
    placed = {o["therapy"]: f"is the preferred option: {o['why']}" for o in rec["preferred"]}
    placed.update({o["therapy"]: f"is an alternative: {o['why']}" for o in rec["alternatives"]})
    placed.update({a["therapy"]: f"is listed to avoid: {a['reason']}" for a in rec["avoid"]})
    regimens = knowledge_base().regimens
    head = "On the case so far (provisional)" if rec["status"] == "needs_information" else "For this case"
    lines = []
    for word, ids in options:
        found = [f"{regimens[t].label if t in regimens else t} {placed[t]}" for t in ids if t in placed]
        lines += found or [f"{word.capitalize()} is not among the options for this case."]
        if word in knowledge_base().drugs and word not in (case.get("prior_tkis") or []):
            lines.append(
                f"Did the patient receive {word}? If so, tell me (e.g. 'received {word} after alectinib') "
                "and I will add it to the case; asking about it does not."
            )
    return f"{head}: " + "\n".join(dict.fromkeys(lines)) + f"\n{preferred_sentence(rec)}"


def scenario_changes(
    text: str, entities: list[Mapping[str, Any]], case: Mapping[str, Any], options: set[str], scenario: bool
) -> dict[str, Any]:
    """The findings a question supposes, as case fields (the extractor reads them as if stated). In a what-if as a
    whole, findings stated plainly ("what if: plasma only") count too. TKIs named as options are not a scenario;
    one TKI supposed replaces the current one ("what if it was brigatinib?")."""
    changes = {**(case_fields(entities) if scenario else {}), **scenario_fields(text)}
    tkis = [t for t in changes.pop("prior_tkis", []) if t not in options]
    if tkis:
        current = list(case.get("prior_tkis") or [])
        changes["prior_tkis"] = (
            [*current[:-1], tkis[0]] if len(tkis) == 1 and current and tkis[0] not in current else tkis
        )
    return {k: v for k, v in changes.items() if k in CASE_SLOTS and case.get(k) != v}


def compare(dispatcher: CollectingDispatcher, case: Mapping[str, Any], changes: Mapping[str, Any]) -> None:
    """The answer for the case and for the case with ``changes``, side by side; the case itself is kept."""
    scenario = {**case, **changes}
    if scenario.get("alk_positive") is None and alk_evidence(scenario):
        scenario["alk_positive"] = True  # as for a stated case
    try:
        after = decide(scenario)
    except CaseError as error:
        dispatcher.utter_message(text=f"I can't compute that scenario ({error}). The case is unchanged.")
        return
    described = ", ".join(finding_text(k, v) for k, v in changes.items())
    if not case:
        dispatcher.utter_message(
            text=f"For that scenario ({described}): {preferred_sentence(after)}\n(This is an answer to the "
            "question only; no case was started. Describe the patient's case to get a recommendation.)",
            json_message={"what_if": {"changes": dict(changes), "recommendation": after}},
        )
        return
    before = decide(case)
    same = [o["therapy"] for o in before["preferred"]] == [o["therapy"] for o in after["preferred"]]
    verdict = "The preferred option would not change." if same else "The answer would change."
    dispatcher.utter_message(
        text=f"What if {described}? {verdict}\nNow: {preferred_sentence(before)}\n"
        f"With that change: {preferred_sentence(after)}\n(The case itself is unchanged; correct it by stating "
        "the finding, e.g. 'actually it was plasma only'.)",
        json_message={"what_if": {"changes": dict(changes), "recommendation": after}},
    )
