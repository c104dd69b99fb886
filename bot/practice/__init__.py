"""Practice mode for trainees: a case bank, a grader for free-text answers, and spaced repetition.

Pure Python over the decision module and the knowledge base: no Rasa and no database imports (the practice
actions and bot.storage.practice wire these to the chat and to persistence).
"""
from __future__ import annotations

from bot.practice.bank import BankError, PracticeCase, TeachingPoint, cases, expected, get
from bot.practice.grading import Grade, grade, hint
from bot.practice.scheduler import Attempt, TopicStats, next_case, stats

__all__ = ["Attempt", "BankError", "Grade", "PracticeCase", "TeachingPoint", "TopicStats", "cases", "expected", "get",
           "grade", "hint", "next_case", "stats"]
