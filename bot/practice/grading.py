"""Grade a trainee's free-text answer to a bank case against what the decision module decides for it.

The therapy grade compares the answer's chosen therapy with decide()'s preferred options, alternatives and
'avoid' list; the reasoning grade counts which key findings of the rule trace the answer names. Feedback
explains what the engine decided and why (the rule trace), cites the evidence and adds the case's teaching
points, so a trainee learns from every attempt, right or wrong.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from bot import knowledge
from bot.practice import bank, findings, vocabulary

PREFERRED, ACCEPTABLE, WRONG, HARMFUL = "preferred", "acceptable", "wrong", "harmful"
THERAPY_GRADES = (PREFERRED, ACCEPTABLE, WRONG, HARMFUL)  # best first: a family takes its best-placed member
# The score weighs the choice above the reasoning; a harmful choice scores 0 whatever the reasoning, because an
# answer that would hurt the patient fails the case.
THERAPY_CREDIT = {PREFERRED: 1.0, ACCEPTABLE: 0.5, WRONG: 0.0, HARMFUL: 0.0}
THERAPY_WEIGHT = 0.7
_STATUS_WORDS = {"recommendation": "a recommendation",
                 "needs_information": "more information is needed before a firm recommendation",
                 "out_of_scope": "outside this algorithm: it signposts rather than recommends"}


@dataclass(frozen=True)
class Grade:
    """The grade of one answer. ``chosen_therapy`` is a therapy id (a family resolved to its graded member),
    'request_information', or None when no therapy was recognised."""
    therapy_grade: str
    chosen_therapy: str | None
    named_findings: list[str]
    missed_findings: list[str]
    score: float
    feedback: str
    rejected_therapies: list[str] = field(default_factory=list)


def _place(therapy: str, rec: Mapping[str, Any]) -> str:
    if therapy in [o["therapy"] for o in rec["preferred"]]:
        return PREFERRED
    if therapy in [o["therapy"] for o in rec["alternatives"]]:
        return ACCEPTABLE
    if therapy in [a["therapy"] for a in rec["avoid"]]:
        return HARMFUL
    return WRONG


def therapy_grade(choice: str | None, rec: Mapping[str, Any],
                  vocab: vocabulary.TherapyVocabulary | None = None) -> tuple[str, str | None]:
    """(grade, therapy id) of a choice. Asking for what is missing is right exactly when the engine says
    information is needed; a family ('chemo') is graded as its best-placed member."""
    if choice is None:
        return WRONG, None
    if choice == vocabulary.REQUEST_INFORMATION:
        return (PREFERRED if rec["status"] == "needs_information" else WRONG), choice
    members = (vocab or vocabulary.default()).families.get(choice, (choice,))
    return min(((_place(m, rec), m) for m in members), key=lambda gm: THERAPY_GRADES.index(gm[0]))


def _labels(kb: knowledge.KnowledgeBase, therapies: list[str]) -> str:
    return "; ".join(kb.regimens[t].label if t in kb.regimens else t.replace("_", " ") for t in therapies) or "none"


def _feedback(practice_case: bank.PracticeCase, rec: Mapping[str, Any], grade: str, chosen: str | None,
              named: list[findings.KeyFinding], missed: list[findings.KeyFinding], rejected: list[str],
              kb: knowledge.KnowledgeBase) -> str:
    preferred = [o["therapy"] for o in rec["preferred"]]
    lines = []
    if chosen is None:
        lines.append("No therapy was recognised in your answer: name the one you would choose.")
    elif chosen == vocabulary.REQUEST_INFORMATION:
        lines.append(f"You asked for more information first: {grade}.")
    else:
        lines.append(f"Your choice, {_labels(kb, [chosen])}: {grade}.")
    if grade == HARMFUL and chosen is not None:
        reason = next(a["reason"] for a in rec["avoid"] if a["therapy"] == chosen)
        lines.append(f"It is on the list to avoid: {reason}")
    ruled_out = [t for t in rejected if t in preferred]
    if ruled_out:
        lines.append(f"You ruled out {_labels(kb, ruled_out)}, which the assistant prefers here.")
    status = _STATUS_WORDS[rec["status"]]
    if rec["status"] == "needs_information" and rec["missing"]:
        status += f" (missing: {', '.join(rec['missing'])})"
    lines.append(f"The assistant's answer (knowledge base {rec['knowledge_version']}) is {status}. "
                 f"Preferred: {_labels(kb, preferred)}. "
                 f"Alternatives: {_labels(kb, [o['therapy'] for o in rec['alternatives']])}.")
    lines.append("Why, rule by rule:")
    lines += [f"- {r['rule']} ({r['title']}): {r['because']}" for r in rec["rationale"]]
    if named or missed:
        lines.append("Key findings you named: " + (", ".join(f.label for f in named) or "none") + ".")
        if missed:
            lines.append("Key findings you missed: " + ", ".join(f.label for f in missed) + ".")
    keys = list(dict.fromkeys(k for r in rec["rationale"] for k in r["evidence"]))
    if keys:
        lines.append("Evidence: " + "; ".join(f"[{k}] {kb.evidence[k].citation}" for k in keys))
    lines.append("Teaching points:")
    lines += [f"- {p.text} [{', '.join(p.evidence)}]" for p in practice_case.teaching_points]
    return "\n".join(lines)


def grade(case_id: str, answer: str) -> Grade:
    """Grade ``answer`` (free text) for the bank case ``case_id``."""
    kb = knowledge.default()
    vocab, table = vocabulary.default(), findings.default()
    practice_case = bank.get(case_id)
    rec = bank.expected(case_id)
    choice = vocab.choice(answer)
    graded, chosen = therapy_grade(choice.therapy, rec, vocab)
    keys = table.key_findings(practice_case.case, [r["rule"] for r in rec["rationale"]])
    cited = table.cited(answer)
    named = [k for k in keys if table.named(k, cited)]
    missed = [k for k in keys if k not in named]
    recall = len(named) / len(keys) if keys else 1.0
    score = 0.0 if graded == HARMFUL else THERAPY_WEIGHT * THERAPY_CREDIT[graded] + (1 - THERAPY_WEIGHT) * recall
    rejected = choice.rejected()
    return Grade(graded, chosen, [k.id for k in named], [k.id for k in missed], round(score, 3),
                 _feedback(practice_case, rec, graded, chosen, named, missed, rejected, kb), rejected)


def hint(case_id: str, already_given: int = 0) -> str:
    """The next hint for a case: one key finding to look at (never the answer), then general advice."""
    practice_case = bank.get(case_id)
    rec = bank.expected(case_id)
    table = findings.default()
    keys = table.key_findings(practice_case.case, [r["rule"] for r in rec["rationale"]])
    hints = list(dict.fromkeys(table.hint_for(k) for k in keys)) + list(table.general_hints)
    return hints[min(max(already_given, 0), len(hints) - 1)]
