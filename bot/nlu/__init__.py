"""Clinical entity extraction: one spaCy pipeline built from the knowledge base, used by the Rasa NLU component,
the actions and `python -m bot extract` alike (spec/README.md section 3)."""
