"""Clinical entity extraction: one reader built from the knowledge base and the phrase file, used by the Rasa NLU
component, the actions and `python -m bot extract` alike (spec/README.md section 3; contract in extractor.py)."""
