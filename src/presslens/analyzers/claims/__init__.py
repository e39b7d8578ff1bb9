"""Claims: the check-worthy factual statements of an article (model.py scores sentences).

The presslens_claims factory registers when component.py is imported (see analyzers/__init__.py)."""
