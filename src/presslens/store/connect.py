"""Builds the SQLAlchemy engine for a store URL and brings its schema to the newest revision."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from presslens.errors import StoreError
from presslens.store import search_index

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

# Connections per engine: POOL_SIZE kept open, POOL_OVERFLOW more opened under a burst and
# closed after it. A process does its store work in a thread pool on a few CPUs, where
# more connections add no speed, only memory (each SQLite connection keeps its own page
# cache, up to CACHE_KIB); busier threads wait for a free connection instead. Eight
# connections cap a server worker's SQLite caches at 128 MiB; a 64 MiB cache on each of
# SQLAlchemy's default 15 grew one worker to 1.8 GB (#23).
POOL_SIZE = 4
POOL_OVERFLOW = 4
CACHE_KIB = 16 * 1024


def _sqlite_connect(database: str | None, dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # WAL keeps readers working while an ingest writes, and a killed writer
    # leaves the file consistent; foreign keys make pruning cascade.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")  # negative: KiB, not pages
    cursor.close()
    search_index.attach(dbapi_connection, database)


def shown_url(url: str) -> str:
    """The URL as the user wrote it, its password masked, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def make_engine(url: str) -> Engine:
    """An engine for any SQLAlchemy URL; `postgresql://` means psycopg 3."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"{url}: not a database URL ({exc})") from exc
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    in_memory = parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:")
    if parsed.get_backend_name() == "sqlite" and not in_memory:
        folder = Path(parsed.database).expanduser().resolve().parent
        if not folder.is_dir():
            raise StoreError(f"{shown_url(url)}: folder {folder} does not exist")
    try:
        # an in-memory SQLite database keeps SQLAlchemy's pool of one connection per thread
        engine = create_engine(parsed, **({} if in_memory else {"pool_size": POOL_SIZE, "max_overflow": POOL_OVERFLOW}))
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"{shown_url(url)}: cannot open ({exc})") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", partial(_sqlite_connect, parsed.database))
    return engine


def upgrade(engine: Engine, revision: str = "head", url: str | None = None) -> None:
    """Runs the Alembic migrations the database has not seen yet, up to `revision` (tests
    build databases as older versions left them with an earlier one). `url`, the URL as the
    user wrote it, names the store in the one-line error."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    except SQLAlchemyError as exc:
        name = shown_url(url) if url else engine.url.render_as_string(hide_password=True)
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise StoreError(f"{name}: cannot open or migrate ({reason})") from exc
