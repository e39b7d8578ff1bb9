"""Claims: the check-worthy factual statements of an article (model.py scores sentences)."""

from presslens.analyzers.claims import component  # noqa: F401  (registers the factory)
