"""Articles by URL: a news page, an RSS/Atom feed, or any other supported file on the web.

A journalist pastes the address of a story; presslens fetches it with httpx and reads it as
the file it is (trafilatura for a page, feedparser for a feed). Only http and https are
read, at most `fetch_max_redirects` redirects are followed, every wait is bounded by
`fetch_timeout_s`, and a body is read no further than `max_article_bytes`. The article keeps
the URL, its outlet is the site's own name (its metadata) or else the host, and its date is
the page's. A feed entry that carries only a summary gets its page fetched, so its text is
the story's, not a teaser. Every failure is an InputError naming the URL and the reason.
"""

from __future__ import annotations

import dataclasses
import io
import ipaddress
import re
import socket
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

import httpx

from presslens import __version__
from presslens.article import Article
from presslens.config import get_settings
from presslens.errors import DroppedFieldWarning, InputError
from presslens.readers.dates import DateOrder
from presslens.readers.html import read_html
from presslens.readers.source import SNIFF_BYTES, OnError, sniff_format

URL_START = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
SCHEMES = ("http", "https")
# A feed entry shorter than this is a summary; its page holds the story.
SUMMARY_WORDS = 150
USER_AGENT = f"presslens/{__version__} (news analysis; reads one page per request)"

# The name a body is read as, by the content type the server gives (sniffing still corrects it).
_NAME_BY_TYPE = {
    "text/html": "page.html", "application/xhtml+xml": "page.html",
    "application/rss+xml": "feed.xml", "application/atom+xml": "feed.xml", "application/rdf+xml": "feed.xml",
    "application/xml": "feed.xml", "text/xml": "feed.xml",
    "application/json": "data.json", "application/x-ndjson": "data.jsonl", "text/csv": "data.csv",
    "text/plain": "page.txt",
}


def is_url(source: object) -> bool:
    """Whether a source as the user wrote it is a URL (any scheme: a wrong one is refused by name)."""
    return isinstance(source, str) and bool(URL_START.match(source))


@dataclass
class Fetched:
    url: str  # after redirects
    name: str  # the file name its body is read as
    body: bytes


def fetch(url: str, client: httpx.Client | None = None, public_only: bool = False) -> Fetched:
    """The body of `url`, within the settings' time, redirect and size limits."""
    _check_scheme(url, url)
    settings = get_settings()
    own = client is None
    client = client or new_client(public_only)
    try:
        with client.stream("GET", url) as response:
            _check_scheme(url, str(response.url))
            if response.status_code >= 400:
                raise InputError(url, f"the server answered {response.status_code} {response.reason_phrase}".rstrip())
            body = _read_capped(response, url, settings.max_article_bytes)
            return Fetched(str(response.url), _name_of(response), body)
    except httpx.TooManyRedirects:
        raise InputError(url, f"more than {settings.fetch_max_redirects} redirects") from None
    except httpx.TimeoutException:
        raise InputError(url, f"no answer within {settings.fetch_timeout_s:g} s") from None
    except httpx.UnsupportedProtocol:
        raise InputError(url, "redirected to an address that is not http or https") from None
    except PrivateAddress as exc:
        raise InputError(url, f"not read: {exc}") from None
    except httpx.ConnectError as exc:
        raise InputError(url, f"cannot connect to {urlsplit(url).netloc}: {_reason(exc)}") from None
    except httpx.HTTPError as exc:
        raise InputError(url, f"cannot fetch: {_reason(exc)}") from None
    finally:
        if own:
            client.close()


def new_client(public_only: bool = False) -> httpx.Client:
    """A client within the settings' limits; `public_only` refuses every request (redirects
    included) to a host that resolves to a loopback, private, link-local or reserved address,
    so the web app cannot be made to read the machine's own services."""
    settings = get_settings()
    return httpx.Client(
        follow_redirects=True, max_redirects=settings.fetch_max_redirects,
        timeout=httpx.Timeout(settings.fetch_timeout_s), headers={"User-Agent": USER_AGENT},
        event_hooks={"request": [_refuse_private_hosts]} if public_only else None,
    )


class PrivateAddress(httpx.RequestError):
    """A request to a host on the machine's own or a private network, refused."""


def _refuse_private_hosts(request: httpx.Request) -> None:
    host = request.url.host
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, request.url.port or 443)}
    except OSError:
        return  # unresolvable: the connection attempt reports it
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_reserved or ip.is_multicast:
            raise PrivateAddress(f"{host} is a private or local address ({ip})", request=request)


def read_url(
    url: str, on_error: OnError, date_order: DateOrder | None = None, public_only: bool = False,
) -> Iterator[Article]:
    """The articles at `url`: one for a page, one an entry for a feed, as many as the file holds."""
    # deferred: the readers' package imports this module
    from presslens.readers import read_stream

    with new_client(public_only) as client:
        page = fetch(url, client)
        host = urlsplit(page.url).hostname or None
        fmt = sniff_format(page.name, page.body[:SNIFF_BYTES])
        followed = 0
        for article in read_stream(io.BytesIO(page.body), url, page.name, on_error, len(page.body), date_order):
            if fmt == "feed" and article.url and len(article.text.split()) < SUMMARY_WORDS \
                    and followed < get_settings().feed_pages:
                followed += 1
                article = _with_page(article, client, date_order)
            elif fmt == "html" or not article.url:
                article = dataclasses.replace(article, url=article.url or page.url, id="")
            if not article.outlet and host:
                article = dataclasses.replace(article, outlet=host.removeprefix("www."), id="")
            yield article


def url_list(text: str) -> list[str] | None:
    """The URLs of a text file that holds only URLs, one a line (blank lines and # comments aside)."""
    lines = [line.strip() for line in text.splitlines()]
    urls = [line for line in lines if line and not line.startswith("#")]
    return urls if urls and all(is_url(u) and " " not in u for u in urls) else None


def _with_page(entry: Article, client: httpx.Client, date_order: DateOrder | None) -> Article:
    """A feed entry with the text of its page; the entry as it is when the page cannot be read."""
    try:
        page = fetch(entry.url, client)
        story = read_html(page.body, entry.url, date_order)
    except InputError as error:
        # the entry is still read (its summary), so this is a warning, not a skipped input
        warnings.warn(DroppedFieldWarning(entry.url, error.problem, field="page (the feed's summary is its text)"),
                      stacklevel=2)
        return entry
    return dataclasses.replace(
        story, title=entry.title or story.title, outlet=entry.outlet or story.outlet,
        published=entry.published or story.published, url=story.url or page.url, id="",
    )


def _check_scheme(asked: str, url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        raise InputError(asked, f"only http and https addresses are read, not {parts.scheme}:")
    if not parts.hostname:
        raise InputError(asked, "no host in this address")


def _read_capped(response: httpx.Response, url: str, limit: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise InputError(url, f"the page is {int(declared) / 1e6:.1f} MB, over the {limit / 1e6:.1f} MB limit "
                              "(PRESSLENS_MAX_ARTICLE_BYTES)")
    body = bytearray()
    for chunk in response.iter_bytes():
        body.extend(chunk)
        if len(body) > limit:
            raise InputError(url, f"the page is over the {limit / 1e6:.1f} MB limit (PRESSLENS_MAX_ARTICLE_BYTES)")
    return bytes(body)


def _name_of(response: httpx.Response) -> str:
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    path_name = PurePosixPath(urlsplit(str(response.url)).path).name
    return _NAME_BY_TYPE.get(content_type) or path_name or "page.html"


def _reason(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]
