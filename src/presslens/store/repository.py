"""The Store: writes articles and analyses, reads them back."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, exists, func, insert, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from presslens.analysis import Analysis
from presslens.article import Article
from presslens.errors import QueryTimeout, StoreError
from presslens.store import people, quote_groups, search_index
from presslens.store import rows as convert
from presslens.store import stories as story_rows
from presslens.store.joins import article_columns, articles_with_outlet
from presslens.store.queries.entities import EntityQueries
from presslens.store.queries.exports import ExportQueries
from presslens.store.queries.framing import FramingQueries
from presslens.store.queries.listings import ListingQueries
from presslens.store.queries.outlet_rates import OutletRateQueries
from presslens.store.queries.overview import OverviewQueries
from presslens.store.queries.people import PeopleQueries
from presslens.store.queries.provenance import ProvenanceQueries
from presslens.store.queries.search import SearchQueries
from presslens.store.queries.speakers import SpeakerQueries
from presslens.store.queries.stories import StoryQueries
from presslens.store.queries.timeline import TimelineQueries
from presslens.store.quote_groups import GroupingRun
from presslens.store.rows import batched
from presslens.store.schema import LAYER_TABLES, analyses, articles, outlets
from presslens.store.search_index import BackgroundIndexer

ARTICLE_BATCH = 500


class Store:
    """One database: SQLite file by default, PostgreSQL by URL.

    The questions the corpus asks are read through one object per question, named for it
    (store/queries/): `search`, `listings`, `outlet_rates`, `overview`, `speakers`,
    `entities`, `exports`, `timeline`, `framing`, `people`, `provenance`, `stories`."""

    def __init__(self, engine: Engine, query_timeout_s: float = 5.0) -> None:
        self.engine = engine
        self.query_timeout_s = query_timeout_s
        self.search = SearchQueries(self)
        self.listings = ListingQueries(self)
        self.outlet_rates = OutletRateQueries(self)
        self.overview = OverviewQueries(self)
        self.speakers = SpeakerQueries(self)
        self.entities = EntityQueries(self)
        self.exports = ExportQueries(self)
        self.timeline = TimelineQueries(self)
        self.framing = FramingQueries(self)
        self.people = PeopleQueries(self)
        self.provenance = ProvenanceQueries(self)
        self.stories = StoryQueries(self)

    @contextmanager
    def bounded_connection(self) -> Iterator[Connection]:
        """A read connection whose statements stop after `query_timeout_s` seconds in all:
        QueryTimeout then, so no query keeps a core busy after its client has gone. SQLite
        checks the clock from a progress handler; PostgreSQL gets a `statement_timeout`."""
        limit = self.query_timeout_s
        with self.engine.connect() as conn:
            if self.dialect == "sqlite":
                raw = conn.connection.driver_connection
                deadline = time.monotonic() + limit
                # Every million virtual-machine steps (a few milliseconds of work): often enough to
                # stop on time, rarely enough that 32 searches at once do not queue for the GIL
                # at each check (every 20,000 steps, p95 was 4.1 s there instead of 1.4 s).
                raw.set_progress_handler(lambda: time.monotonic() > deadline, 1_000_000)
            else:
                conn.execute(text(f"SET LOCAL statement_timeout = {max(1, round(limit * 1000))}"))
            try:
                yield conn
            except DBAPIError as exc:
                timed_out = (
                    "interrupted" in str(exc.orig) if self.dialect == "sqlite"
                    else getattr(exc.orig, "sqlstate", None) == "57014"
                )
                if timed_out:
                    raise QueryTimeout(
                        f"the query ran past the {limit:g} s limit (PRESSLENS_QUERY_TIMEOUT_S) and was stopped; "
                        "try fewer or rarer words"
                    ) from None
                raise
            finally:
                if self.dialect == "sqlite":
                    raw.set_progress_handler(None, 0)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _insert_ignore(self, table):
        """INSERT ... ON CONFLICT DO NOTHING, in this database's dialect."""
        module = postgresql if self.dialect == "postgresql" else sqlite
        return module.insert(table).on_conflict_do_nothing()

    def _outlet_id_map(self, conn: Connection, names: set[str]) -> dict[str, int]:
        """Ids of these outlets, adding the missing ones (looked up per transaction, never cached,
        so a rolled-back batch leaves no stale id behind)."""
        if not names:
            return {}
        ordered = sorted(names)
        conn.execute(self._insert_ignore(outlets), [{"name": n} for n in ordered])
        found = conn.execute(select(outlets.c.name, outlets.c.id).where(outlets.c.name.in_(ordered)))
        return {name: oid for name, oid in found}

    def insert_articles(self, conn: Connection, batch: list[Article]) -> list[str]:
        """Inserts one batch inside the caller's transaction; returns the ids that were new."""
        return self.insert_rows(conn, convert.article_rows(batch))

    def insert_rows(self, conn: Connection, rows: list[dict[str, Any]]) -> list[str]:
        """Inserts rows made by `rows.article_rows`; returns the ids that were new."""
        if not rows:
            return []
        ids = self._outlet_id_map(conn, {r["outlet"] for r in rows if r["outlet"]})
        for row in rows:
            name = row.pop("outlet")
            row["outlet_id"] = ids[name] if name else None
        stmt = self._insert_ignore(articles).returning(articles.c.id)
        return list(conn.execute(stmt, rows).scalars())

    def store_rows(self, rows: list[dict[str, Any]]) -> int:
        """Inserts rows made by `rows.article_rows` in a transaction of their own; returns how many were new."""
        with self.engine.begin() as conn:
            return len(self.insert_rows(conn, rows))

    def add_articles(self, articles_in: Iterable[Article], batch_size: int = ARTICLE_BATCH) -> int:
        """Stores articles not stored yet (same id or same text key); returns how many were new."""
        new = 0
        for batch in batched(articles_in, batch_size):
            with self.engine.begin() as conn:
                new += len(self.insert_articles(conn, batch))
        self.update_search_index()
        return new

    def update_search_index(self) -> int:
        """SQLite: creates the full-text index file if missing and indexes the articles stored
        since it last caught up; returns how many. PostgreSQL indexes rows as they are inserted."""
        if self.dialect != "sqlite":
            return 0
        try:
            with self.engine.begin() as conn:
                search_index.create(conn)
                return search_index.catch_up(conn)
        except SQLAlchemyError as exc:
            where = search_index.index_path(self.engine.url.database)
            raise StoreError(
                f"{where}: cannot update the full-text index ({exc.__class__.__name__}: {getattr(exc, 'orig', exc)})"
            ) from exc

    def search_indexer(self) -> BackgroundIndexer | None:
        """A BackgroundIndexer that keeps SQLite's full-text index caught up while articles are
        stored; None for PostgreSQL, which indexes rows as they are inserted."""
        return BackgroundIndexer(self.update_search_index) if self.dialect == "sqlite" else None

    def get_article(self, article_id: str) -> Article | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(*article_columns()).select_from(articles_with_outlet()).where(articles.c.id == article_id)
            ).first()
        return convert.article_from_row(row) if row else None

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(articles)).scalar_one()

    def save_analysis(self, analysis: Analysis) -> None:
        self.save_analyses([analysis])

    def save_analyses(self, batch: list[Analysis]) -> None:
        """Saves analyses in one transaction; one per (article, version), the newest marked latest.
        Their people and organisations are linked across the corpus in the same transaction
        (store/people.py), together with every entity whose link their names may change."""
        with self.engine.begin() as conn:
            self.insert_articles(conn, [a.article for a in batch])
            article_ids = [a.article.id for a in batch]
            touched = people.groups_of_articles(conn, article_ids)
            saved = [self._save_one(conn, analysis) for analysis in batch]
            people.unlink_superseded(conn, article_ids)
            people.relink(conn, touched | people.add_links(conn, saved))
        self.update_search_index()

    def rebuild_people(self) -> int:
        """Links every PERSON and ORG entity of the latest analyses again, from scratch;
        returns how many people there are."""
        with self.engine.begin() as conn:
            return people.rebuild(conn)

    def group_quotes(self, rebuild: bool = False) -> GroupingRun:
        """Groups the quotes saved since the last run (all of them again with `rebuild`)."""
        with self.engine.begin() as conn:
            return quote_groups.rebuild(conn) if rebuild else quote_groups.catch_up(conn)

    def story_state(self) -> tuple[list[story_rows.StoredMember], list[Article]]:
        """The clustered articles with what the clusterer kept, and the stored articles in no story yet."""
        with self.engine.connect() as conn:
            return list(story_rows.stored_members(conn)), story_rows.unclustered(conn)

    def save_stories(self, changes: story_rows.StoryChanges, rebuild: bool = False) -> None:
        """Writes what a stories build changed, in one transaction (after dropping every story with `rebuild`)."""
        with self.engine.begin() as conn:
            if rebuild:
                story_rows.clear(conn)
            story_rows.write(conn, changes)

    def _save_one(self, conn: Connection, analysis: Analysis) -> int:
        article_id = analysis.article.id
        version = str(analysis.pipeline.get("version") or "")
        if not version:
            raise StoreError(f"analysis of article {article_id}: no pipeline version")
        if conn.execute(select(articles.c.seq).where(articles.c.id == article_id)).first() is None:
            raise StoreError(f"article {article_id}: same text as an article already stored under another id")
        conn.execute(delete(analyses).where(and_(analyses.c.article_id == article_id, analyses.c.version == version)))
        conn.execute(update(analyses).where(analyses.c.article_id == article_id).values(latest=False))
        analysis_id = conn.execute(
            insert(analyses).returning(analyses.c.id),
            {
                "article_id": article_id, "version": version, "latest": True,
                "created": datetime.now(timezone.utc).replace(tzinfo=None),
                "scores": dict(analysis.scores), "pipeline": dict(analysis.pipeline),
            },
        ).scalar_one()
        for table, rows in convert.layer_rows(analysis_id, analysis).items():
            if rows:
                conn.execute(insert(LAYER_TABLES_BY_NAME[table]), rows)
        return analysis_id

    def get_analysis(self, article_id: str, version: str | None = None) -> Analysis | None:
        """The stored analysis of one article: of `version`, or the latest one saved."""
        article = self.get_article(article_id)
        if article is None:
            return None
        cond = analyses.c.article_id == article_id
        cond = and_(cond, analyses.c.version == version) if version else and_(cond, analyses.c.latest.is_(True))
        with self.engine.connect() as conn:
            head = conn.execute(select(analyses).where(cond)).first()
            if head is None:
                return None

            def layer(table):
                return conn.execute(
                    select(table).where(table.c.analysis_id == head.id).order_by(*table.primary_key.columns)
                ).all()

            layers = convert.layers_from_rows({table.name: layer(table) for table in LAYER_TABLES})
            return Analysis(article=article, **layers, scores=dict(head.scores), pipeline=dict(head.pipeline))

    def versions(self) -> dict[str, int]:
        """How many articles each pipeline version has analysed."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(analyses.c.version, func.count()).group_by(analyses.c.version))
            return {version: n for version, n in rows}

    def _pending_condition(self, version: str, ids: Sequence[str] | None = None):
        """Not analysed by `version` (and, given `ids`, one of those articles)."""
        done = select(analyses.c.id).where(and_(analyses.c.article_id == articles.c.id, analyses.c.version == version))
        return and_(~exists(done), articles.c.id.in_(ids)) if ids is not None else ~exists(done)

    def count_pending(self, version: str, ids: Sequence[str] | None = None) -> int:
        with self.engine.connect() as conn:
            stmt = select(func.count()).select_from(articles).where(self._pending_condition(version, ids))
            return conn.execute(stmt).scalar_one()

    def pending_articles(self, version: str, batch_size: int = 200, limit: int | None = None,
                         ids: Sequence[str] | None = None) -> Iterator[list[Article]]:
        """Articles not yet analysed by `version` (only those of `ids`, if given), in storage
        order, a batch at a time."""
        last, left = 0, limit
        while left is None or left > 0:
            size = batch_size if left is None else min(batch_size, left)
            with self.engine.connect() as conn:
                rows = conn.execute(
                    select(*article_columns()).select_from(articles_with_outlet())
                    .where(and_(articles.c.seq > last, self._pending_condition(version, ids)))
                    .order_by(articles.c.seq).limit(size)
                ).all()
            if not rows:
                return
            last = rows[-1].seq
            if left is not None:
                left -= len(rows)
            yield [convert.article_from_row(r) for r in rows]

    def prune(self) -> int:
        """Deletes every analysis that is not its article's latest; returns how many."""
        with self.engine.begin() as conn:
            old = select(analyses.c.id).where(analyses.c.latest.is_(False))
            for table in LAYER_TABLES:
                conn.execute(delete(table).where(table.c.analysis_id.in_(old)))
            return conn.execute(delete(analyses).where(analyses.c.latest.is_(False))).rowcount


LAYER_TABLES_BY_NAME = {t.name: t for t in LAYER_TABLES}
