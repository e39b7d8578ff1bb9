"""The two databases every store test runs on: a SQLite file, and PostgreSQL when
PRESSLENS_TEST_PG_URL names a server (each test gets a fresh database there).

Other store, corpus and export tests import `store_url` and `fabricated_analysis` from here.
"""

from __future__ import annotations

import os
import uuid
from datetime import date

import pytest

from presslens.analysis import Analysis, Cue, Entity, Mention, Quote, Speaker, TechniqueSpan, TimeRef
from presslens.article import Article

PG_URL = os.environ.get("PRESSLENS_TEST_PG_URL")


def _pg_database():
    """A new, empty database on the test server; dropped afterwards."""
    import psycopg
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
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    if not PG_URL:
        pytest.skip("PRESSLENS_TEST_PG_URL is not set")
    yield from _pg_database()


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def fabricated_analysis(article: Article, techniques: list[tuple[str, int, int]] = (),
                        quotes: list[tuple[str, int, int]] = (), entities: list[tuple[str, str, list[tuple[int, int]]]] = (),
                        version: str = "test-1") -> Analysis:
    """An Analysis with exactly the spans given (offsets checked against the text)."""
    text = article.text
    for _, start, end in [*techniques, *quotes]:
        assert 0 <= start < end <= len(text)
    ents = [Entity(id=f"E{i}", name=name, type=kind, aliases=[name.split()[-1]],
                   mentions=[Mention(s, e) for s, e in spans], framing={"role": "none"})
            for i, (name, kind, spans) in enumerate(entities)]
    by_name = {e.name: e for e in ents}
    quote_objs = []
    for speaker, start, end in quotes:
        linked = by_name.get(speaker)
        spk_start, spk_end = (linked.mentions[0].start, linked.mentions[0].end) if linked else (0, 0)
        quote_objs.append(Quote(start=start, end=end, text=text[start:end], kind="direct",
                                speaker=Speaker(entity=linked.id if linked else None, name=speaker,
                                                start=spk_start, end=spk_end) if speaker else None,
                                cue=Cue(text="said", start=0, end=4)))
    return Analysis(
        article=article,
        entities=ents,
        quotes=quote_objs,
        time_refs=[TimeRef(start=0, end=3, text=text[:3], kind="date", value="2020-01-01")],
        techniques=[TechniqueSpan(start=s, end=e, text=text[s:e], technique=t, score=0.75) for t, s, e in techniques],
        scores={"words": len(text.split())},
        pipeline={"version": version, "models": {"spacy": "test"}},
    )


def test_both_backends_open_an_empty_migrated_store(store_url):
    from presslens.store import open_store

    store = open_store(store_url)
    try:
        assert store.count_articles() == 0
        assert store.add_articles([Article(text="A short text.", outlet="X", published=date(2020, 1, 1))]) == 1
    finally:
        store.close()
