"""The store on a real SQLite file and a real PostgreSQL server: schema, dedupe, analyses."""

from __future__ import annotations

from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from presslens.analysis import Furniture
from presslens.article import Article
from presslens.errors import StoreError
from presslens.store import open_store
from presslens.store.connect import MIGRATIONS
from presslens.store.schema import metadata
from support.analyses import fabricated_analysis, span

TEXT = "Mayor Ana Ruiz said the harbour would reopen. Critics called the plan a disaster."


@pytest.fixture()
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


# SQLite cannot reflect an expression index, so the comparison skips ix_entities_folded_name
# there (tests/corpus/test_framing.py checks from the query plan that the lookup uses it).
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index")
def test_migration_from_an_empty_database_creates_the_whole_schema(store_url):
    store = open_store(store_url)
    try:
        names = set(inspect(store.engine).get_table_names())
        assert {t.name for t in metadata.sorted_tables} <= names
        with store.engine.connect() as conn:
            head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == head
            context = MigrationContext.configure(conn)
            diff = compare_metadata(context, metadata)
        # Only PostgreSQL's full-text column lives outside the metadata (SQLite's index has its own file).
        leftovers = [d for d in diff if not (d[0] == "remove_column" and d[3].name == "tsv")
                     and not (d[0] == "remove_index" and d[1].name == "ix_articles_tsv")]
        assert leftovers == []
    finally:
        store.close()
    # Opening again finds the schema at head and changes nothing.
    open_store(store_url).close()


def test_adding_the_same_articles_twice_stores_them_once(store):
    articles = [
        Article(text=f"{TEXT} Item {i}.", outlet="Port Gazette", published=date(2021, 3, i + 1)) for i in range(5)
    ]
    assert store.add_articles(articles) == 5
    assert store.add_articles(articles) == 0
    assert store.add_articles(articles + articles) == 0
    assert store.count_articles() == 5


def test_the_same_text_with_other_spacing_and_quote_marks_is_a_duplicate(store):
    first = Article(text='He said "no" \u2014 twice.\n\nThen left.', outlet="Port Gazette", published=date(2021, 3, 1))
    copy = Article(
        text="He said \u201cno\u201d - twice. Then   left.", outlet="port gazette ", published=date(2021, 3, 1)
    )
    other_day = Article(text=first.text, outlet="Port Gazette", published=date(2021, 3, 2))
    assert first.id != copy.id
    assert store.add_articles([first, copy, other_day]) == 2
    assert store.get_article(first.id).text == first.text
    assert store.get_article(copy.id) is None


def test_an_article_reads_back_exactly(store):
    article = Article(text=TEXT, outlet="Port Gazette", published=date(2021, 3, 1), url="https://example.org/a",
                      title="Harbour to reopen", language="en")
    store.add_articles([article])
    assert store.get_article(article.id) == article
    assert store.get_article("no-such-id") is None


def test_an_analysis_reads_back_exactly_and_versions_stay_queryable(store):
    article = Article(text=TEXT, outlet="Port Gazette", published=date(2021, 3, 1))
    disaster, critics = span(TEXT, "disaster"), span(TEXT, "Critics")
    old = fabricated_analysis(article, techniques=[("Loaded_Language", *disaster)],
                              quotes=[("Ana Ruiz", *span(TEXT, "the harbour would reopen"))],
                              entities=[("Ana Ruiz", "PERSON", [span(TEXT, "Ana Ruiz")])], version="1")
    new = fabricated_analysis(article, techniques=[("Name_Calling,Labeling", *critics), ("Loaded_Language", *disaster)],
                              version="2")
    store.save_analysis(old)
    assert store.get_analysis(article.id).to_dict() == old.to_dict()
    store.save_analysis(new)
    assert store.get_analysis(article.id).to_dict() == new.to_dict()
    assert store.get_analysis(article.id, version="1").to_dict() == old.to_dict()
    assert store.versions() == {"1": 1, "2": 1}
    # Saving the same version again replaces it rather than adding a second copy.
    store.save_analysis(new)
    assert store.versions() == {"1": 1, "2": 1}
    assert store.prune() == 1
    assert store.get_analysis(article.id, version="1") is None
    assert store.get_analysis(article.id).to_dict() == new.to_dict()
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM quotes")).scalar_one() == 0


def test_pending_articles_are_those_without_an_analysis_of_the_version(store):
    articles = [Article(text=f"{TEXT} Number {i}.", outlet="Port Gazette") for i in range(7)]
    store.add_articles(articles)
    store.save_analysis(fabricated_analysis(articles[2], version="v"))
    assert store.count_pending("v") == 6
    batches = list(store.pending_articles("v", batch_size=4))
    assert [len(b) for b in batches] == [4, 2]
    assert [a.id for b in batches for a in b] == [a.id for i, a in enumerate(articles) if i != 2]
    assert sum(len(b) for b in store.pending_articles("v", batch_size=4, limit=5)) == 5


def test_a_bad_url_or_missing_folder_is_a_one_line_store_error(tmp_path):
    with pytest.raises(StoreError, match="not a database URL"):
        open_store("::nonsense::")
    with pytest.raises(StoreError, match="does not exist"):
        open_store(f"sqlite:///{tmp_path}/missing/folder/x.db")


def test_the_default_store_is_presslens_db_in_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PRESSLENS_DB", raising=False)
    open_store().close()
    assert (tmp_path / "presslens.db").is_file()
    monkeypatch.setenv("PRESSLENS_DB", f"sqlite:///{tmp_path / 'other.db'}")
    open_store().close()
    assert (tmp_path / "other.db").is_file()


def test_the_furniture_layer_reads_back_in_order_and_goes_with_its_analysis(store):
    body = f"{TEXT}\n\nAdvertisement\n\n(Photo by Ines Navarro/Getty Images)"
    article = Article(text=body, outlet="Port Gazette", published=date(2021, 3, 1))
    analysis = fabricated_analysis(article, version="1")
    marker, caption = span(body, "Advertisement"), span(body, "(Photo by Ines Navarro/Getty Images)")
    analysis.furniture = [Furniture(*marker, "page_marker", "A marker the page prints between paragraphs."),
                          Furniture(*caption, "photo_caption", "A photo caption or credit.")]
    store.save_analysis(analysis)
    assert store.get_analysis(article.id).furniture == analysis.furniture
    store.save_analysis(fabricated_analysis(article, version="2"))
    assert store.get_analysis(article.id).furniture == []
    assert store.prune() == 1
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM furniture")).scalar_one() == 0
