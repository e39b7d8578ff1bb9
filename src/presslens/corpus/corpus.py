"""The Corpus: one open store with the corpus operations as methods, for use from Python.

Each method calls the library function the CLI and the server call (ingest, the batch
engines, the corpus queries, the export writers), so the three front ends agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from presslens.corpus.article_search import SearchHit, search
from presslens.corpus.export import stored_export
from presslens.corpus.filters import Filters, query_filters
from presslens.corpus.framing import EntityFraming, entity_framing
from presslens.corpus.ingest import IngestSummary, ingest
from presslens.corpus.outlet_rates import OutletMonth, combine_months, outlet_stats
from presslens.corpus.timeline import TimelineClaim, timeline
from presslens.engines import ProcessSummary, process
from presslens.store import Store, open_store


def _filters(query: str | None, given: dict[str, Any]) -> Filters:
    """Filters from a method's keyword arguments; `outlets` may be one name."""
    if isinstance(given.get("outlets"), str):
        given = {**given, "outlets": [given["outlets"]]}
    return query_filters(query, **given)


class Corpus:
    """A corpus store, open until `close()` or the end of a `with` block.

    Filters, wherever a method takes `**filters`: `outlets` (a list, or one name), `since`
    and `until` (dates or "YYYY-MM-DD"), `technique`, `speaker`, `entity`.
    """

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def ingest(self, sources: str | Path | Iterable[str | Path]) -> IngestSummary:
        """Stores the articles of files and folders (any supported format) not stored yet.
        Bad records are skipped and counted (`summary.bad`, `summary.errors`)."""
        if isinstance(sources, (str, Path)):
            sources = [sources]
        return ingest(self.store, sources)

    def process(self, limit: int | None = None, engine: str = "local", workers: int | None = None) -> ProcessSummary:
        """Analyses up to `limit` stored articles the current pipeline has not analysed yet
        (engine "local" or "ray"; workers default to the CPUs less one) and stores the results."""
        return process(self.store, engine=engine, workers=workers, limit=limit)

    def search(self, query: str, limit: int = 20, **filters: Any) -> list[SearchHit]:
        """The best `limit` articles matching a full-text query ('"exact phrase" words -not
        prefix*'), with highlighted snippets."""
        return search(self.store, _filters(query, filters), limit=limit).items

    def stats(self, by_month: bool = True, query: str | None = None, **filters: Any) -> list[OutletMonth]:
        """Technique rates per 1,000 words and shares of articles, per outlet and month (or
        per outlet over all months), over the analysed articles."""
        months = outlet_stats(self.store, _filters(query, filters))
        return months if by_month else combine_months(months)

    def timeline(self, limit: int = 50, entity: str | None = None, claimant: str | None = None,
                 **filters: Any) -> list[TimelineClaim]:
        """The first `limit` dated claims, ordered by the date they refer to (not the date
        published); `since`/`until` bound that date; `entity` and `claimant` match names
        containing the text."""
        return timeline(self.store, _filters(None, filters), entity=entity, claimant=claimant, limit=limit).items

    def entity_framing(self, name: str, evidence: int = 3, query: str | None = None,
                       **filters: Any) -> EntityFraming:
        """How the matching articles cast the entity called `name` (a name or alias, case
        aside): per outlet and month, how many cast it as protagonist, antagonist or
        innocent, and the `evidence` strongest sentences per role."""
        return entity_framing(self.store, name, _filters(query, filters), evidence=evidence)

    def export(self, what: str, format: str, sink: str | Path | IO[bytes], query: str | None = None,
               **filters: Any) -> int:
        """Writes every matching row of `what` (articles, quotes, techniques, entities,
        mentions, claims or framing) as `format` (csv, jsonl or parquet) to a file path or a binary stream;
        returns how many rows."""
        export = stored_export(self.store, what, _filters(query, filters), format)
        if isinstance(sink, (str, Path)):
            with Path(sink).open("wb") as out:
                out.writelines(export)
        else:
            sink.writelines(export)
        return export.rows_written

def open_corpus(url: str | None = None) -> Corpus:
    """Opens (creating and migrating when needed) the corpus store at an SQLAlchemy URL;
    default: PRESSLENS_DB, else sqlite:///presslens.db in the working directory."""
    return Corpus(open_store(url))
