"""The read side of the store: one module per question the corpus asks, each a small class
of statements that a Store exposes under the same name (`store.search`, `store.speakers`).

Every statement and dialect branch of a corpus question is here; `presslens.corpus` turns
the rows into its dataclasses. Questions read the latest analysis of each article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from presslens.store.repository import Store


class Queries:
    """The statements of one question, run on one store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def _dialect(self) -> str:
        return self._store.dialect

    def _rows(self, stmt) -> list:
        with self._store.engine.connect() as conn:
            return conn.execute(stmt).all()
