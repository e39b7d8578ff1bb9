"""`import presslens` is the Python API: analyze, read_articles, open_corpus, the classes
and the errors, each documented, none loading spaCy or SQLAlchemy until used."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import is_dataclass
from datetime import date, datetime
from types import ModuleType
from typing import Any

import pytest

import presslens
import presslens.analysis
import presslens.errors
from presslens import Analysis, Article, InputError
from support.paths import EXAMPLES

BODY = '"The bridge will open in May," Prime Minister Lena Okafor said on Monday.'


def test_import_presslens_loads_nothing_heavy():
    heavy = ("spacy", "sqlalchemy", "onnxruntime", "trafilatura")
    code = f"import sys, presslens; print([m for m in {heavy!r} if m in sys.modules])"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def own_docstring(obj: Any) -> str:
    """obj's docstring; "" where it has none, or only the one @dataclass writes (`Name(field: type, ...)`)."""
    doc = (obj.__doc__ or "").strip()
    return "" if is_dataclass(obj) and doc.startswith(f"{obj.__name__}(") else doc


def defined_in(module: ModuleType, kind: Callable[[Any], bool]) -> list[Any]:
    return [obj for obj in vars(module).values() if kind(obj) and getattr(obj, "__module__", None) == module.__name__]


def is_error(obj: Any) -> bool:
    return isinstance(obj, type) and issubclass(obj, (presslens.PresslensError, Warning))


@pytest.mark.parametrize("name", [n for n in presslens.__all__ if n != "__version__"])
def test_every_public_name_is_there_and_documented(name):
    assert own_docstring(getattr(presslens, name)), f"presslens.{name} has no docstring of its own"


@pytest.mark.parametrize("layer", defined_in(presslens.analysis, is_dataclass), ids=lambda cls: cls.__name__)
def test_every_layer_dataclass_is_documented(layer):
    assert own_docstring(layer), f"presslens.analysis.{layer.__name__} has no docstring of its own"


def test_every_error_class_is_exported():
    errors = defined_in(presslens.errors, is_error)
    assert len(errors) > 10
    unexported = [
        e.__name__ for e in errors if e.__name__ not in presslens.__all__ or getattr(presslens, e.__name__) is not e
    ]
    assert unexported == []


def test_analyze_a_text_with_its_metadata(pipeline):
    analysis = presslens.analyze(BODY, outlet="Test Wire", published="2021-03-01", title="Bridge")
    assert isinstance(analysis, Analysis)
    article = Article(text=BODY, outlet="Test Wire", published=date(2021, 3, 1), title="Bridge")
    assert analysis.to_dict() == pipeline.analyze(article).to_dict()
    assert [(q.kind, q.speaker.name) for q in analysis.quotes] == [("direct", "Prime Minister Lena Okafor")]
    assert {r.text: r.value for r in analysis.time_refs}["Monday"] == "2021-03-01"


@pytest.mark.parametrize("published", ["2021-03-01", datetime(2021, 3, 1, 9, 30), date(2021, 3, 1)])
def test_an_article_reads_its_date_as_analyze_does(published):
    assert Article(text=BODY, published=published).published == date(2021, 3, 1)


def test_an_article_with_no_date_in_its_date_field_is_refused_in_one_line():
    with pytest.raises(InputError, match="published: 'soon' is not a date"):
        Article(text=BODY, published="soon")


def test_analyze_an_article_as_given(pipeline):
    article = Article(text=BODY, outlet="Test Wire")
    assert presslens.analyze(article).article is article


@pytest.mark.parametrize("text_or_article, metadata, problem", [
    (BODY, {"published": "next week"}, "'next week' is not a date"),
    (BODY, {"author": "X"}, "author not among outlet, published"),
    (Article(text=BODY), {"outlet": "X"}, "an Article carries its own"),
])
def test_analyze_refuses_metadata_it_cannot_use(text_or_article, metadata, problem):
    with pytest.raises(InputError, match=problem):
        presslens.analyze(text_or_article, **metadata)


@pytest.mark.parametrize("text", ["", "  \n\t "])
def test_analyze_refuses_an_empty_text_as_the_command_line_refuses_an_empty_file(text):
    with pytest.raises(InputError, match="no text to analyse"):
        presslens.analyze(text)


def test_read_articles_reads_every_example_format():
    articles = list(presslens.read_articles(EXAMPLES))
    assert all(isinstance(a, Article) and a.text for a in articles)
    assert {a.outlet for a in articles} >= {"NORTHWIND NEWS AGENCY", "Coastline Herald", "Valley Courier"}
    assert len(articles) == 10


def test_read_articles_of_a_bad_input_is_an_input_error(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(InputError, match="empty.txt: empty file"):
        list(presslens.read_articles(tmp_path / "empty.txt"))
    with pytest.raises(InputError, match="no such file"):
        list(presslens.read_articles(tmp_path / "missing.txt"))


def test_a_corpus_ingests_processes_searches_and_exports(tmp_path):
    url = f"sqlite:///{tmp_path / 'corpus.db'}"
    with presslens.open_corpus(url) as corpus:
        ingested = corpus.ingest(EXAMPLES)
        assert (ingested.read, ingested.new, ingested.bad) == (10, 9, 0)
        assert corpus.ingest([EXAMPLES]).new == 0
        processed = corpus.process(limit=2, workers=1)
        assert (processed.pending, processed.analysed) == (2, 2)
        assert corpus.process(workers=1).analysed == 7
        hits = corpus.search("council", since="2021-01-01")
        assert [h.title for h in hits][-1] == "Harbour reopens after storm"
        assert all(h.published >= date(2021, 1, 1) for h in hits)
        herald = corpus.search("council", outlets="Coastline Herald")
        assert {h.outlet for h in herald} == {"Coastline Herald"} and len(herald) < len(corpus.search("council"))
        assert {m.outlet for m in corpus.stats(by_month=False)} >= {"NORTHWIND NEWS AGENCY", "Valley Courier"}
        sink = io.BytesIO()
        count = corpus.export("quotes", "jsonl", sink, outlets=["NORTHWIND NEWS AGENCY"])
        rows = [json.loads(line) for line in sink.getvalue().decode().splitlines()]
        assert count == len(rows) > 0 and {r["outlet"] for r in rows} == {"NORTHWIND NEWS AGENCY"}
        assert corpus.export("articles", "csv", tmp_path / "articles.csv") == 9
    assert (tmp_path / "articles.csv").read_text(encoding="utf-8").startswith("id,outlet,published")


def test_a_corpus_query_with_a_bad_date_is_an_input_error(tmp_path):
    with presslens.open_corpus(f"sqlite:///{tmp_path / 'corpus.db'}") as corpus:
        with pytest.raises(InputError, match="since"):
            corpus.search("council", since="May 2021")
