"""ASGI middleware for the limits every response obeys: the hosts served, body size and
security headers; and the same-origin guard every state-changing request passes (an
app-wide dependency)."""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Iterable
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# No inline script or style anywhere: every asset is served by the app itself.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    # same-origin, not no-referrer: under no-referrer chromium sends `Origin: null` on the
    # app's own form posts; other sites still learn nothing of the page a link left.
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]


LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARD_ADDRESSES = frozenset({"", "0.0.0.0", "::"})


async def send_error(scope: Scope, send: Send, status: int, message: str) -> None:
    """A one-line error answered before the app runs: JSON under /api, plain text elsewhere."""
    if scope.get("path", "").startswith("/api"):
        body, kind = json.dumps({"error": message}).encode(), b"application/json"
    else:
        body, kind = f"{message}\n".encode(), b"text/plain; charset=utf-8"
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", kind), (b"content-length", str(len(body)).encode()), *SECURITY_HEADERS,
    ]})
    await send({"type": "http.response.body", "body": body})


def host_name(header: str) -> str | None:
    """The host a Host header names, lower case, without port or trailing dot; None when it is
    not a host name (an empty header, a port that is not a number)."""
    header = header.strip().lower()
    if header.startswith("["):  # [::1]:8000
        name, _, rest = header[1:].partition("]")
        port = rest.removeprefix(":")
    elif header.count(":") == 1:
        name, _, port = header.partition(":")
    else:
        name, port = header, ""
    name = name.rstrip(".")
    if not name or (port and not port.isdigit()):
        return None
    return name


def _address(name: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(name)
    except ValueError:
        return None


class HostAllowlist:
    """Refuses (400) a request whose Host is not one this server serves.

    DNS rebinding: a page on evil.example whose name the attacker then points at 127.0.0.1
    reaches this server as a page of "its own" origin, with `Host: evil.example`, and the
    same-origin guard cannot tell. So only these hosts pass: the address the server is bound
    to; on loopback also localhost, 127.0.0.1 and ::1; bound to every address (0.0.0.0, ::),
    the loopback names and any IP address (an address typed as such cannot be rebound, and
    the machine's own are not known in advance), but a name only when configured; and the
    names configured (`allowed`: --allowed-host, PRESSLENS_ALLOWED_HOSTS).
    """

    def __init__(self, app: ASGIApp, bound_host: str, allowed: Iterable[str] = ()) -> None:
        self.app = app
        bound = bound_host.strip("[]").lower()
        self.any_address = bound in WILDCARD_ADDRESSES
        address = _address(bound)
        self.names = {host_name(name) or name.lower() for name in allowed} | {bound}
        if self.any_address or bound == "localhost" or (address is not None and address.is_loopback):
            self.names |= LOOPBACK_NAMES

    def serves(self, name: str | None) -> bool:
        return name is not None and (name in self.names or (self.any_address and _address(name) is not None))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        header = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
        name = host_name(header)
        if self.serves(name):
            await self.app(scope, receive, send)
            return
        await send_error(scope, send, 400, f"host {(name or header)!r} is not served here: "
                                           "name it to `presslens serve --allowed-host` or in PRESSLENS_ALLOWED_HOSTS")


class _TooLarge(Exception):
    pass


class BodySizeLimit:
    """Refuses request bodies over `max_bytes` with a one-line 413.

    The declared Content-Length is checked first; a chunked body is counted as it
    arrives, so a client cannot get round the cap by not declaring a length.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, send)
            return
        seen = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLarge()
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLarge:
            if not started:
                await self._refuse(scope, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        await send_error(scope, send, 413, f"request body too large: the limit is {self.max_bytes:,} bytes")


class SecurityHeaders:
    """Adds the Content-Security-Policy and friends to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in SECURITY_HEADERS if n not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def require_same_origin(request: Request) -> None:
    """CSRF guard: a POST (or any unsafe method) that a browser sends from another site gets 403.

    A browser names where the request comes from: `Origin` (compared with the request's own
    Host), else `Sec-Fetch-Site` (`same-origin` or `none` pass). `Origin: null` (a privacy
    setting, a sandboxed frame, a redirect) passes only with `Sec-Fetch-Site: same-origin`,
    which a page cannot forge. A request with neither header, as curl and scripts send, is
    not a browser's and passes: writes still need the token.
    """
    if request.method in SAFE_METHODS:
        return
    host = request.headers.get("host", "").lower()
    origin = request.headers.get("origin")
    site = (request.headers.get("sec-fetch-site") or "").lower()
    if origin == "null":
        if site == "same-origin":
            return
    elif origin is not None:
        if _netloc(origin) == host:
            return
    elif site in ("", "same-origin", "none"):
        return
    raise HTTPException(403, f"cross-site request refused: send it from a page of {host or 'this server'}")


def _netloc(origin: str) -> str | None:
    """The host (and port) an Origin header names, lower case; None for one that is no URL ("http://[")."""
    try:
        return urlsplit(origin.strip()).netloc.lower()
    except ValueError:
        return None
