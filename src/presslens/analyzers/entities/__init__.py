"""The presslens_entities component and the word lists it uses; importing it registers the factory."""

from presslens.analyzers.entities import component  # noqa: F401
