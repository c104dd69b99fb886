"""Persistence: the audit log of every recommendation, clinician feedback, practice records (SQLAlchemy), and
the checked tracker and lock stores Rasa is configured with. Nothing here is imported by bot.decision."""
