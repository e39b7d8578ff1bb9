"""`process`: the in-process, process-pool and Ray engines store identical analyses, and resume."""

from __future__ import annotations

from datetime import date

import pytest

from presslens.article import Article
from presslens.engines import process
from presslens.errors import InputError, NotFoundError
from presslens.pipeline import PIPELINE_VERSION
from presslens.store import open_store

# The analyzers that need no trained model file, so the test runs in any checkout.
COMPONENTS = ("presslens_entities", "presslens_quotes", "presslens_time_refs")

TEXTS = [
    'Mayor Ana Ruiz said on Monday that the harbor would reopen in May. "We rebuilt it stronger," she told reporters.',
    'The Valley Post reported that bridge repairs were delayed until 2022. "Nobody warned us," said Tom Reyes.',
    "Council members met in Port Elm on Tuesday to debate the ferry budget for next year.",
    '"The schools will open later," the minister said, adding that teachers had asked for the change last week.',
    "Fishing crews returned to the quay at dawn, three weeks after the storm of 12 March.",
]


def fixture_articles() -> list[Article]:
    return [Article(text=t, outlet=["Harbor Times", "Valley Post"][i % 2], published=date(2021, 3, 1 + i),
                    title=f"Story {i}") for i, t in enumerate(TEXTS)]


def analysed(url: str, **engine) -> dict[str, dict]:
    store = open_store(url)
    try:
        store.add_articles(fixture_articles())
        summary = process(store, components=COMPONENTS, **engine)
        assert (summary.version, summary.pending, summary.analysed) == (PIPELINE_VERSION, 5, 5)
        return {a.id: store.get_analysis(a.id).to_dict() for a in fixture_articles()}
    finally:
        store.close()


@pytest.fixture(scope="module")
def in_process(tmp_path_factory) -> dict[str, dict]:
    return analysed(f"sqlite:///{tmp_path_factory.mktemp('engines') / 'one.db'}", workers=1)


def test_in_process_results_are_real_analyses(in_process):
    assert len(in_process) == 5
    first = in_process[fixture_articles()[0].id]
    assert first["pipeline"]["version"] == PIPELINE_VERSION
    assert first["quotes"], "the quote analyzer found nothing in a text with a quotation"


def test_the_process_pool_stores_the_same_results(in_process, tmp_path):
    assert analysed(f"sqlite:///{tmp_path / 'pool.db'}", workers=2, batch_size=2) == in_process


def test_the_ray_engine_stores_the_same_results(in_process, tmp_path):
    ray = pytest.importorskip("ray")
    try:
        assert analysed(f"sqlite:///{tmp_path / 'ray.db'}", engine="ray", workers=2) == in_process
    finally:
        ray.shutdown()


def test_processing_resumes_and_never_analyses_twice(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'resume.db'}")
    try:
        store.add_articles(fixture_articles())
        assert process(store, workers=1, limit=2, components=COMPONENTS).analysed == 2
        assert store.count_pending(PIPELINE_VERSION) == 3
        rest = process(store, workers=1, components=COMPONENTS)
        assert (rest.pending, rest.analysed) == (3, 3)
        assert process(store, workers=1, components=COMPONENTS).analysed == 0
        assert store.versions() == {PIPELINE_VERSION: 5}
    finally:
        store.close()


def test_bad_engine_settings_are_input_errors(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'bad.db'}")
    try:
        with pytest.raises(InputError, match="'spark' is not one of local, ray"):
            process(store, engine="spark")
        with pytest.raises(InputError, match="workers: 0 is not a positive number"):
            process(store, workers=0)
    finally:
        store.close()


def test_processing_chosen_ids_analyses_only_those(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'chosen.db'}")
    try:
        articles = fixture_articles()
        store.add_articles(articles)
        chosen = process(store, workers=1, components=COMPONENTS, ids=[articles[3].id])
        assert (chosen.pending, chosen.analysed) == (1, 1)
        assert [a.id for a in articles if store.get_analysis(a.id)] == [articles[3].id]
        assert process(store, workers=1, components=COMPONENTS, ids=[articles[3].id]).analysed == 0
        with pytest.raises(NotFoundError, match="article 'nope' not found"):
            process(store, workers=1, components=COMPONENTS, ids=["nope"])
    finally:
        store.close()
