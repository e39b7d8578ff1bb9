"""Fixtures every test folder may use: the real pipeline loaded once, the example article, the
shared data, and the store databases.

Environment variables these fixtures follow:
- PRESSLENS_SHARED_DATA: the folder the `shared` tests read (default ../shared/data beside the
  repository; read in tests/support/paths.py); point it at a missing folder to check that they
  skip cleanly.
- PRESSLENS_TEST_PG_URL: a PostgreSQL server; each `store_url` test then also runs there, on a
  fresh database of its own. Without it those runs skip.

Plain data and builders that tests import live in tests/support/.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from support.paths import EXAMPLES, SHARED_DATA

PG_URL = os.environ.get("PRESSLENS_TEST_PG_URL")


def pytest_collection_modifyitems(items):
    """A test that reads the shared data says so with @pytest.mark.shared, so `-m shared` and
    `-m "not shared"` select exactly the tests that need it."""
    unmarked = [item.nodeid for item in items
                if "shared_data" in getattr(item, "fixturenames", ()) and not item.get_closest_marker("shared")]
    if unmarked:
        raise pytest.UsageError("these tests use shared_data without @pytest.mark.shared: " + ", ".join(unmarked))


@pytest.fixture(scope="session")
def pipeline():
    from presslens.pipeline import default_pipeline  # deferred: loads spaCy and the models

    return default_pipeline()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, or a clean skip in a user's clone that has none."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"{SHARED_DATA} is not present")
    return SHARED_DATA


@pytest.fixture()
def example_path() -> Path:
    return EXAMPLES / "agency_report.txt"


def _pg_database():
    """A new, empty database on the test server; dropped afterwards."""
    import psycopg  # deferred: only installed where PostgreSQL tests run
    from sqlalchemy.engine import make_url

    server = make_url(PG_URL)
    name = f"presslens_test_{uuid.uuid4().hex[:12]}"
    admin = psycopg.connect(
        host=server.host, port=server.port, user=server.username, password=server.password,
        dbname=server.database or "postgres", autocommit=True,
    )
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server.set(drivername="postgresql+psycopg", database=name).render_as_string(hide_password=False)
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    """The URL of an empty store: a SQLite file, then a PostgreSQL database when PRESSLENS_TEST_PG_URL is set."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    if not PG_URL:
        pytest.skip("PRESSLENS_TEST_PG_URL is not set")
    yield from _pg_database()


@pytest.fixture(scope="session", autouse=True)
def test_client_host():
    """FastAPI's test client asks for host "testserver": every app these tests build answers to it
    (Settings read PRESSLENS_ALLOWED_HOSTS when built, so before any module's app)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PRESSLENS_ALLOWED_HOSTS", "testserver")
        yield
