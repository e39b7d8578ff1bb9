"""Articles by URL, against a real HTTP server on loopback that the tests start: pages, feeds,
files of URLs, and every way fetching goes wrong, each a one-line error naming the URL."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from typer.testing import CliRunner

from presslens.cli import app
from presslens.errors import DroppedFieldWarning, InputError
from presslens.readers import iter_articles, read_articles

STORY = b"""<!doctype html><html><head><title>Ferry fares rise on the island</title>
<meta property="og:site_name" content="Island Gazette">
<meta property="article:published_time" content="2023-11-09">
<link rel="canonical" href="https://gazette.example/fares"></head>
<body><nav>Home | News | Sport</nav><article><h1>Ferry fares rise on the island</h1>
<p>Ferry fares to the island will rise by eight percent from January, the operator said on Thursday,
the second rise in a year for the families who cross every day.</p>
<p>"This is a shameless tax on island families," said Piet Varga, who chairs the residents' council.</p>
</article><footer>Copyright Island Gazette</footer></body></html>"""

BARE_PAGE = b"""<!doctype html><html><head><title>Library hours</title></head><body>
<p>The town library will open on Sunday afternoons from next month, the council said in a statement.</p>
</body></html>"""


def feed(base: str) -> bytes:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Weekly</title>
<item><title>Fares rise</title><link>{base}/story</link><pubDate>Thu, 09 Nov 2023 08:00:00 GMT</pubDate>
<description>Fares will rise.</description></item>
<item><title>Pier closed</title><link>{base}/missing</link><pubDate>Fri, 10 Nov 2023 08:00:00 GMT</pubDate>
<description>The north pier is closed for repairs until spring, the harbour master said.</description></item>
</channel></rss>""".encode()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep the test output clean
        pass

    def do_GET(self) -> None:  # noqa: C901 - one branch a route
        base = f"http://{self.headers['Host']}"
        path = self.path
        if path == "/story":
            self._send(200, "text/html; charset=utf-8", STORY)
        elif path == "/bare":
            self._send(200, "text/html", BARE_PAGE)
        elif path == "/feed":
            self._send(200, "application/octet-stream", feed(base))
        elif path.startswith("/hop/"):
            left = int(path.rsplit("/", 1)[1])
            self._redirect(f"/hop/{left - 1}" if left else "/story")
        elif path == "/to-ftp":
            self._redirect("ftp://files.example/story.txt")
        elif path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(50_000_000))
            self.end_headers()
        elif path == "/huge-streamed":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"word " * 10_000)
        elif path == "/image":
            self._send(200, "image/png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
        elif path == "/slow":
            time.sleep(3)
            self._send(200, "text/html", STORY)
        else:
            self._send(404, "text/plain", b"not here")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


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
