"""The presslens_techniques component and the word lists it uses; importing it registers the factory."""

from presslens.analyzers.techniques import component  # noqa: F401
