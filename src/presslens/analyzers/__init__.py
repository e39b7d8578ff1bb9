"""presslens analyzers: spaCy components, each adding one layer to the Doc.

Importing this package registers every `presslens_*` factory with spaCy.
"""

from presslens.analyzers import entities, quotes, scores, techniques, timeref  # noqa: F401
