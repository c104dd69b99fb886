"""Grade a trainee's free-text answer to a bank case against what the decision module decides for it.

Partial credit, on a short rubric a trainee can read: the therapy (the engine's preferred option earns full
marks, an option it lists as an alternative is a defensible answer and earns most of them), the findings that
drive the decision (which key findings of the rule trace the answer names), and what to avoid (whether the answer
names something on the engine's avoid list). A harmful choice scores 0 whatever the rest, and an answer that offers
a therapy to avoid beside its choice ("lorlatinib or brigatinib", "lorlatinib? no, brigatinib") is a harmful one:
naming the right drug does not make a drug to avoid safe to give; likewise one that offers a lesser form of the
preferred regimen beside it ("SRS or WBRT") is graded as that form. Feedback starts with
the trainee's own choice ("whole-brain RT is not preferred here because ..."), then explains what the engine
decided and why (the rule trace), cites the evidence and adds the case's teaching points.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot import knowledge
from bot.nlu import therapies
from bot.nlu.extractor import therapy_choice
from bot.practice import bank, findings
from bot.render import clinician

_SPACES = re.compile(r"[^\S\n]+")  # runs of spaces and tabs (a line break ends a clause, so it stays)
PREFERRED, ACCEPTABLE, WRONG, HARMFUL = "preferred", "acceptable", "wrong", "harmful"
THERAPY_GRADES = (PREFERRED, ACCEPTABLE, WRONG, HARMFUL)  # best first: a family takes its best-placed member
# Rubric points: the choice weighs most; a harmful choice scores 0 whatever the reasoning, because an answer that
# would hurt the patient fails the case.
THERAPY_POINTS = {PREFERRED: 3.0, ACCEPTABLE: 2.0, WRONG: 0.0, HARMFUL: 0.0}
FINDINGS_POINTS = 1.0
AVOID_POINTS = 1.0
_STATUS_WORDS = {
    "recommendation": "a recommendation",
    "needs_information": "more information is needed before a firm recommendation",
    "out_of_scope": "outside this algorithm: it signposts rather than recommends",
}


@dataclass(frozen=True)
class RubricItem:
    """One line of the rubric: what was marked, the points earned out of the points possible, and why."""

    item: str
    earned: float
    possible: float
    comment: str


@dataclass(frozen=True)
class Grade:
    """The grade of one answer. ``chosen_therapy`` is a therapy id (a family resolved to its graded member), a
    lesser form of one (therapy_phrases.yml lesser_forms: 'whole_brain_rt'), 'request_information', or None when no
    therapy was recognised."""

    therapy_grade: str
    chosen_therapy: str | None
    named_findings: list[str]
    missed_findings: list[str]
    score: float
    feedback: str
    rejected_therapies: list[str] = field(default_factory=list)
    rubric: tuple[RubricItem, ...] = ()
    verdict: str = ""


def _place(therapy: str, rec: Mapping[str, Any]) -> str:
    if therapy in [o["therapy"] for o in rec["preferred"]]:
        return PREFERRED
    if therapy in [o["therapy"] for o in rec["alternatives"]]:
        return ACCEPTABLE
    if therapy in [a["therapy"] for a in rec["avoid"]]:
        return HARMFUL
    return WRONG


def therapy_grade(
    choice: str | None, rec: Mapping[str, Any], reader: therapies.TherapyReader | None = None
) -> tuple[str, str | None]:
    """(grade, therapy id) of a choice. Asking for what is missing is right exactly when the engine says
    information is needed; a family ('chemo') is graded as its best-placed member; a lesser form of a regimen
    ('WBRT' of local therapy) as that regimen, but acceptable at best, as the knowledge base prefers another form."""
    if choice is None:
        return WRONG, None
    if choice == therapies.REQUEST_INFORMATION:
        return (PREFERRED if rec["status"] == "needs_information" else WRONG), choice
    reader = reader or therapies.load()
    lesser = reader.lesser_forms.get(choice)
    if lesser is not None:
        place = _place(lesser.regimen, rec)
        return (ACCEPTABLE if place == PREFERRED else place), choice
    members = reader.families.get(choice, (choice,))
    return min(((_place(m, rec), m) for m in members), key=lambda gm: THERAPY_GRADES.index(gm[0]))


def choice_grade(
    choice: therapies.TherapyChoice, rec: Mapping[str, Any], reader: therapies.TherapyReader | None = None
) -> tuple[str, str | None]:
    """(grade, therapy id) of what an answer chooses: its choice, unless it also offers outright, as an equal
    choice, a therapy the knowledge base ranks below it, which leaves the reader free to give that one, and the
    answer is graded as it: a therapy to avoid ('lorlatinib or brigatinib': harmful) or a lesser form of the
    preferred regimen ('SRS or WBRT': acceptable at best, as when WBRT is chosen alone). A defensible alternative
    offered beside the preferred therapy ('lorlatinib or ceritinib' where both are listed) leaves the grade as is."""
    reader = reader or therapies.load()
    graded = therapy_grade(choice.therapy, rec, reader)
    offered = [(t, therapy_grade(t, rec, reader)) for t in choice.also_chosen]
    worse = [g for t, g in offered if g[0] == HARMFUL or _lesser_of_preferred(t, rec, reader)]
    return max([graded, *worse], key=lambda g: THERAPY_GRADES.index(g[0]))  # the first of the worst


def _lesser_of_preferred(therapy: str, rec: Mapping[str, Any], reader: therapies.TherapyReader) -> bool:
    """Whether ``therapy`` is a lesser form of a regimen the engine prefers (WBRT where SRS is preferred)."""
    lesser = reader.lesser_forms.get(therapy)
    return lesser is not None and _place(lesser.regimen, rec) == PREFERRED


def _labels(kb: knowledge.KnowledgeBase, therapies: list[str]) -> str:
    return "; ".join(kb.regimens[t].label if t in kb.regimens else t.replace("_", " ") for t in therapies) or "none"


def _verdict(
    rec: Mapping[str, Any],
    grade: str,
    chosen: str | None,
    kb: knowledge.KnowledgeBase,
    reader: therapies.TherapyReader,
) -> str:
    """A sentence about the trainee's own choice, with the engine's reason (for a lesser form of the preferred
    regimen, the caveat that says why it is not the preferred form)."""
    preferred = [o["therapy"] for o in rec["preferred"]]
    deciding = rec["rationale"][0]["because"] if rec["rationale"] else ""
    best = _labels(kb, preferred)
    if chosen is None:
        return "No therapy was recognised in your answer: name the one you would choose."
    if chosen == therapies.REQUEST_INFORMATION:
        if grade == PREFERRED:
            return f"Asking for more information first is right here: {deciding}"
        return f"Asking for more information first is not needed here: the case already decides it. {deciding}"
    lesser = reader.lesser_forms.get(chosen)
    mine = lesser.label if lesser else _labels(kb, [chosen])
    placed = lesser.regimen if lesser else chosen  # the therapy of the engine's answer it is graded as
    if lesser is not None and placed in preferred:
        caveat = next((c["text"] for c in rec["caveats"] if c["id"] == lesser.caveat), kb.caveats[lesser.caveat].text)
        return f"{mine} is acceptable but not the preferred form here: {caveat} Preferred: {best}: {deciding}"
    if grade == PREFERRED:
        return f"{mine} is the preferred choice here: {deciding}"
    if grade == ACCEPTABLE:
        why = next((o["why"] for o in rec["alternatives"] if o["therapy"] == placed), "")
        return f"{mine} is a defensible alternative here ({why.rstrip('.')}), but {best} is preferred: {deciding}"
    if grade == HARMFUL:
        reason = next(a["reason"] for a in rec["avoid"] if a["therapy"] == placed)
        return f"{mine} should be avoided here: {reason}"
    lead = deciding[:1].lower() + deciding[1:] if deciding[1:2].islower() else deciding
    return f"{mine} is not preferred here because {lead} Preferred: {best}."


def _rubric(
    rec: Mapping[str, Any],
    grade: str,
    named: list[findings.KeyFinding],
    missed: list[findings.KeyFinding],
    rejected: list[str],
    kb: knowledge.KnowledgeBase,
    reader: therapies.TherapyReader,
) -> tuple[RubricItem, ...]:
    keys = len(named) + len(missed)
    recall = len(named) / keys if keys else 1.0
    therapy = RubricItem(
        "therapy",
        THERAPY_POINTS[grade],
        THERAPY_POINTS[PREFERRED],
        {
            PREFERRED: "the preferred option",
            ACCEPTABLE: "a defensible alternative",
            WRONG: "not among the options",
            HARMFUL: "on the list to avoid",
        }[grade],
    )
    found = RubricItem(
        "findings that drive it",
        round(FINDINGS_POINTS * recall * 2) / 2,
        FINDINGS_POINTS,
        ("named: " + ", ".join(f.label for f in named) if named else "none named")
        + ("; missed: " + ", ".join(f.label for f in missed) if missed else ""),
    )
    to_avoid = [a["therapy"] for a in rec["avoid"]]
    offered = [o["therapy"] for o in rec["preferred"] + rec["alternatives"]]

    def members(therapy: str) -> tuple[str, ...]:  # a family ('no chemotherapy') stands for its members
        return tuple(reader.families.get(therapy, (therapy,)))

    right = [t for t in rejected if any(m in to_avoid for m in members(t))]
    wrong = [t for t in rejected if t not in right and any(m in offered for m in members(t))]
    if wrong:
        avoid = RubricItem("what to avoid", 0.0, AVOID_POINTS, f"you ruled out {_labels(kb, wrong)}, which is offered")
    elif right:
        avoid = RubricItem("what to avoid", AVOID_POINTS, AVOID_POINTS, f"named: {_labels(kb, right)}")
    else:
        example = next((a for a in rec["avoid"]), None)
        avoid = RubricItem(
            "what to avoid",
            0.0,
            AVOID_POINTS,
            "not named" + (f", e.g. {_labels(kb, [example['therapy']])}" if example else ""),
        )
    return therapy, found, avoid


def _score(rubric: tuple[RubricItem, ...], grade: str) -> float:
    if grade == HARMFUL:
        return 0.0
    return round(sum(r.earned for r in rubric) / sum(r.possible for r in rubric), 3)


def explanation(practice_case: bank.PracticeCase, rec: Mapping[str, Any], kb: knowledge.KnowledgeBase) -> list[str]:
    """What the engine decided for the case and why, its evidence and the teaching points: the part of the
    feedback every trainee reads, and what "show me the answer" shows."""
    preferred = [o["therapy"] for o in rec["preferred"]]
    status = _STATUS_WORDS[rec["status"]]
    if rec["status"] == "needs_information" and rec["missing"]:
        status += f" (missing: {', '.join(rec['missing'])})"
    lines = [
        f"The assistant's answer (knowledge base {rec['knowledge_version']}) is {status}. "
        f"Preferred: {_labels(kb, preferred)}. "
        f"Alternatives: {_labels(kb, [o['therapy'] for o in rec['alternatives']])}."
    ]
    lines.append("Why, rule by rule:")
    lines += [f"- {r['rule']} ({r['title']}): {r['because']}" for r in rec["rationale"]]
    keys = evidence_keys(rec)
    if keys:
        lines.append("Evidence: " + "; ".join(f"[{k}] {kb.evidence[k].citation}" for k in keys))
    lines.append("Teaching points:")
    lines += [f"- {p.text} [{', '.join(p.evidence)}]" for p in practice_case.teaching_points]
    return lines


def evidence_keys(rec: Mapping[str, Any]) -> list[str]:
    """The evidence of the rule trace, in trace order."""
    return list(dict.fromkeys(k for r in rec["rationale"] for k in r["evidence"]))


def _feedback(
    practice_case: bank.PracticeCase,
    rec: Mapping[str, Any],
    grade: str,
    verdict: str,
    rubric: tuple[RubricItem, ...],
    score: float,
    rejected: list[str],
    kb: knowledge.KnowledgeBase,
) -> str:
    preferred = [o["therapy"] for o in rec["preferred"]]
    lines = [
        verdict,
        f"Grade: {grade}, score {score:.0%} ("
        + "; ".join(f"{r.item} {r.earned:g}/{r.possible:g}: {r.comment}" for r in rubric)
        + ").",
    ]
    if grade == HARMFUL:
        lines.append("It is on the list to avoid, so the answer scores 0.")
    ruled_out = [t for t in rejected if t in preferred]
    if ruled_out:
        lines.append(f"You ruled out {_labels(kb, ruled_out)}, which the assistant prefers here.")
    return clinician("\n".join(lines + explanation(practice_case, rec, kb)))


def grade(case_id: str, answer: str) -> Grade:
    """Grade ``answer`` (free text) for the bank case ``case_id``."""
    kb = knowledge.default()
    reader, table = therapies.load(), findings.default()
    practice_case = bank.get(case_id)
    rec = bank.expected(case_id)
    answer = _SPACES.sub(" ", answer).strip()  # how it is spaced says nothing: 'rather  than' is 'rather than'
    choice = therapy_choice(answer, practice_case.case.get("prior_tkis") or ())
    graded, chosen = choice_grade(choice, rec, reader)
    keys = table.key_findings(practice_case.case, [r["rule"] for r in rec["rationale"]])
    cited = table.cited(answer, choice)
    named = [k for k in keys if table.named(k, cited)]
    missed = [k for k in keys if k not in named]
    rejected = choice.rejected()
    rubric = _rubric(rec, graded, named, missed, rejected, kb, reader)
    score = _score(rubric, graded)
    verdict = _verdict(rec, graded, chosen, kb, reader)
    return Grade(
        graded,
        chosen,
        [k.id for k in named],
        [k.id for k in missed],
        score,
        _feedback(practice_case, rec, graded, verdict, rubric, score, rejected, kb),
        rejected,
        rubric,
        verdict,
    )


def feedback_view(case_id: str, graded: Grade | None) -> dict[str, Any]:
    """What the page's feedback card shows: the verdict and rubric (none when the answer was revealed), the
    engine's answer, evidence with links and the teaching points."""
    kb = knowledge.default()
    rec = bank.expected(case_id)
    practice_case = bank.get(case_id)
    data: dict[str, Any] = {
        "case_id": case_id,
        "revealed": graded is None,
        "answer": {
            "status": rec["status"],
            "preferred": [o["label"] for o in rec["preferred"]],
            "alternatives": [o["label"] for o in rec["alternatives"]],
            "avoid": [a.get("label", a["therapy"]) for a in rec["avoid"]],
            "why": [clinician(r["because"]) for r in rec["rationale"]],
        },
        "evidence": [
            {"id": k, "citation": kb.evidence[k].citation, "level": kb.evidence[k].level, "url": kb.evidence[k].url}
            for k in evidence_keys(rec)
            if k in kb.evidence
        ],
        "teaching_points": [{"text": p.text, "evidence": list(p.evidence)} for p in practice_case.teaching_points],
    }
    if graded is not None:
        data.update(
            {
                "therapy_grade": graded.therapy_grade,
                "chosen_therapy": graded.chosen_therapy,
                "named_findings": graded.named_findings,
                "missed_findings": graded.missed_findings,
                "score": graded.score,
                "verdict": clinician(graded.verdict),
                "rubric": [
                    {"item": r.item, "earned": r.earned, "possible": r.possible, "comment": r.comment}
                    for r in graded.rubric
                ],
            }
        )
    return data


def session_summary(results: list[Mapping[str, Any]]) -> tuple[list[str], dict[str, Any]]:
    """The end of a practice session: its lines (what was answered, the scores, the topics to revisit) and the
    same as data for the page. ``results``: one per case answered, revealed or skipped, in order."""
    answered = [r for r in results if r["grade"] not in ("skipped", "revealed")]
    mean = sum(r["score"] for r in answered) / len(answered) if answered else None
    lines = [
        "Session summary: "
        + (
            f"{len(answered)} case{'s' if len(answered) != 1 else ''} answered, average score {mean:.0%}"
            if answered
            else "no case answered"
        )
    ]
    counts = {
        g: sum(r["grade"] == g for r in results)
        for g in ("preferred", "acceptable", "wrong", "harmful", "revealed", "skipped")
    }
    lines.append(", ".join(f"{n} {g}" for g, n in counts.items() if n) or "nothing yet")
    lines += [
        f"• {r['case_id']} ({bank.TOPIC_LABELS.get(r['topic'], r['topic'])}): {r['grade']}"
        + (f", {r['score']:.0%}" if r["score"] is not None and r["grade"] != "revealed" else "")
        for r in results
    ]
    revisit = sorted(
        {
            bank.TOPIC_LABELS.get(r["topic"], r["topic"])
            for r in results
            if r["grade"] in ("wrong", "harmful", "revealed")
        }
    )
    if revisit:
        lines.append("Worth revisiting: " + ", ".join(revisit) + ".")
    return lines, {
        "answered": len(answered),
        "mean_score": mean,
        "counts": counts,
        "results": list(results),
        "revisit": revisit,
    }


def hint(case_id: str, already_given: int = 0) -> str:
    """The next hint for a case: one key finding to look at (never the answer), then general advice."""
    practice_case = bank.get(case_id)
    rec = bank.expected(case_id)
    table = findings.default()
    keys = table.key_findings(practice_case.case, [r["rule"] for r in rec["rationale"]])
    hints = list(dict.fromkeys(table.hint_for(k) for k in keys)) + list(table.general_hints)
    return hints[min(max(already_given, 0), len(hints) - 1)]
