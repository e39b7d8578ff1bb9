"""presslens analyzers: spaCy components, each adding one layer to the Doc.

Importing this package registers every `presslens_*` factory with spaCy, and the
`doc._.presslens_<layer>` attributes their `assigns` and `requires` name (see layers.py).
"""

from presslens.analyzers import claims, entities, framing, quotes, scores, techniques, timeref  # noqa: F401
