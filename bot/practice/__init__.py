"""Practice mode for trainees: a case bank, a grader for free-text answers, and spaced repetition.

Pure Python over the decision module and the knowledge base: no Rasa and no database imports (the practice
actions and bot.storage.practice wire these to the chat and to persistence).
"""
from __future__ import annotations

from bot.practice.bank import (DIFFICULTY_LABELS, TOPIC_LABELS, BankError, PracticeCase, TeachingPoint, cases,
                               expected, filters_named, get, nearest_topic, sizes)
from bot.practice.grading import (Grade, RubricItem, evidence_keys, explanation, feedback_view, grade, hint,
                                  session_summary)
from bot.practice.scheduler import Attempt, TopicStats, next_case, pick, stats

__all__ = ["DIFFICULTY_LABELS", "TOPIC_LABELS", "Attempt", "BankError", "Grade", "PracticeCase", "RubricItem",
           "TeachingPoint", "TopicStats", "cases", "evidence_keys", "expected", "explanation", "feedback_view",
           "filters_named", "get", "grade", "hint", "nearest_topic", "next_case", "pick", "session_summary", "sizes",
           "stats"]
