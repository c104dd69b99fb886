"""ALK-positive NSCLC next-line therapy assistant: decision module, knowledge base, NLU, storage, CLI."""
