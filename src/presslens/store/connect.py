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


def _sqlite_connect(database: str | None, dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # WAL keeps readers working while an ingest writes, and a killed writer
    # leaves the file consistent; foreign keys make pruning cascade.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA cache_size=-65536")  # 64 MiB: the full-text index pages stay in memory
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
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        folder = Path(parsed.database).expanduser().resolve().parent
        if not folder.is_dir():
            raise StoreError(f"{shown_url(url)}: folder {folder} does not exist")
    try:
        engine = create_engine(parsed)
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
