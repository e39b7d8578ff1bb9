"""The presslens_time_refs component and the word lists it uses; importing it registers the factory."""

from presslens.analyzers.timeref import component  # noqa: F401
