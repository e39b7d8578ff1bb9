"""The presslens_quotes component and the word lists it uses; importing it registers the factory."""

from presslens.analyzers.quotes import component  # noqa: F401
