"""Articles by URL, against a real HTTP server on loopback that the tests start: pages, feeds,
files of URLs, and every way fetching goes wrong, each a one-line error naming the URL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from presslens.cli import app
from presslens.errors import DroppedFieldWarning, InputError
from presslens.readers import iter_articles, read_articles
from support.news_site import news_site


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with news_site() as base:
        yield base


def test_a_page_by_url_keeps_its_url_outlet_date_and_story(site):
    [article] = read_articles(f"{site}/story")
    assert article.url == "https://gazette.example/fares"
    assert article.outlet == "Island Gazette"
    assert str(article.published) == "2023-11-09"
    assert article.text.startswith("Ferry fares to the island will rise") and "Home | News" not in article.text


def test_a_page_without_metadata_takes_its_address_and_host(site):
    [article] = read_articles(f"{site}/bare")
    assert article.url == f"{site}/bare"
    assert article.outlet == "127.0.0.1"


def test_a_feed_by_url_reads_each_entry_and_fetches_the_page_of_a_summary(site):
    with pytest.warns(DroppedFieldWarning, match="missing: the server answered 404"):
        first, second = read_articles(f"{site}/feed")
    assert first.title == "Fares rise" and "shameless tax" in first.text  # the page's text, not "Fares will rise."
    assert first.outlet == "Harbour Weekly" and str(first.published) == "2023-11-09"
    assert second.text.startswith("The north pier is closed")  # its page is gone: the summary stays


def test_a_file_of_urls_is_read_url_by_url(site, tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# this week\n{site}/story\n\n{site}/nowhere\n{site}/bare\n", encoding="utf-8")
    errors: list[InputError] = []
    titles = [a.title for a in iter_articles([listing], on_error=errors.append)]
    assert titles == ["Ferry fares rise on the island", "Library hours"]
    assert [str(e) for e in errors] == [f"{site}/nowhere: the server answered 404 Not Found"]


def test_redirects_are_followed_up_to_the_limit(site, monkeypatch):
    [article] = read_articles(f"{site}/hop/3")
    assert article.outlet == "Island Gazette"
    monkeypatch.setenv("PRESSLENS_FETCH_MAX_REDIRECTS", "2")
    with pytest.raises(InputError, match=r"/hop/3: more than 2 redirects$"):
        list(read_articles(f"{site}/hop/3"))


@pytest.mark.parametrize(("path", "problem"), [
    ("/to-ftp", "redirected to an address that is not http or https"),
    ("/huge-declared", "the page is 50.0 MB, over the 1.0 MB limit (PRESSLENS_MAX_ARTICLE_BYTES)"),
    ("/huge-streamed", "the page is over the 1.0 MB limit (PRESSLENS_MAX_ARTICLE_BYTES)"),
    ("/image", "not a text file (binary content)"),
    ("/gone", "the server answered 404 Not Found"),
])
def test_what_cannot_be_read_is_one_error_naming_the_url(site, monkeypatch, path, problem):
    monkeypatch.setenv("PRESSLENS_MAX_ARTICLE_BYTES", "1000000")
    with pytest.raises(InputError) as caught:
        list(read_articles(f"{site}{path}"))
    assert str(caught.value) == f"{site}{path}: {problem}"


def test_a_slow_server_times_out(site, monkeypatch):
    monkeypatch.setenv("PRESSLENS_FETCH_TIMEOUT_S", "0.5")
    with pytest.raises(InputError, match=r"/slow: no answer within 0.5 s$"):
        list(read_articles(f"{site}/slow"))


@pytest.mark.parametrize(("url", "problem"), [
    ("file:///etc/passwd", "only http and https addresses are read, not file:"),
    ("ftp://files.example/a.txt", "only http and https addresses are read, not ftp:"),
    ("http:///story", "no host in this address"),
])
def test_only_http_addresses_with_a_host_are_fetched(url, problem):
    with pytest.raises(InputError) as caught:
        list(read_articles(url))
    assert str(caught.value) == f"{url}: {problem}"


def test_an_unreachable_host_is_one_line():
    with pytest.raises(InputError, match=r"^http://127.0.0.1:9/x: cannot connect to 127.0.0.1:9: "):
        list(read_articles("http://127.0.0.1:9/x"))


def test_analyze_and_ingest_take_urls(site, tmp_path, pipeline):
    runner = CliRunner()
    result = runner.invoke(app, ["analyze", f"{site}/story", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert '"url": "https://gazette.example/fares"' in result.output and "Piet Varga" in result.output
    result = runner.invoke(app, ["analyze", "https://example.invalid/news/story.html"])
    assert result.exit_code == 1
    assert "error: https://example.invalid/news/story.html: cannot connect to example.invalid" in result.output
    db = f"sqlite:///{tmp_path / 'corpus.db'}"
    result = runner.invoke(app, ["ingest", f"{site}/story", f"{site}/gone", "--db", db])
    assert result.exit_code == 3
    assert "read 1 article: 1 new" in result.output and f"{site}/gone: the server answered 404" in result.output
