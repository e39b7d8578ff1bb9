"""Store.bounded_connection: a read past `query_timeout_s` is stopped with QueryTimeout, on each backend."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import text

from presslens.errors import QueryTimeout
from presslens.store import open_store


def slow_statement(dialect: str):
    if dialect == "sqlite":  # counts far past any time limit a test sets
        return text(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) "
            "SELECT count(*) FROM c"
        )
    return text("SELECT pg_sleep(30)")


def test_a_query_past_its_time_limit_is_stopped_with_a_one_line_error(store_url):
    with open_store(store_url) as store:
        store.query_timeout_s = 0.2
        started = time.monotonic()
        with pytest.raises(QueryTimeout) as caught, store.bounded_connection() as conn:
            conn.execute(slow_statement(store.dialect)).all()
        assert time.monotonic() - started < 5
        assert "0.2 s" in str(caught.value) and "\n" not in str(caught.value)
        assert caught.value.http_status == 504
        # The connection goes back to the pool usable and unbounded by the old deadline.
        with store.bounded_connection() as conn:
            assert conn.execute(text("SELECT 1")).scalar() == 1
