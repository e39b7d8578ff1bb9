"""A small news site on loopback, started by the tests that read by URL: a story page, a
page without metadata, a feed, redirect chains, and the ways a fetch goes wrong."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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


@contextmanager
def news_site() -> Iterator[str]:
    """Serves the site until the block ends; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
