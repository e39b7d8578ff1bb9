"""Entity framing: the role (protagonist, antagonist, innocent) each article casts its actors in."""

from presslens.analyzers.framing import component  # noqa: F401  (registers the factory)
