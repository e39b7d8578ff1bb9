"""Latency and throughput of `presslens serve` under 1, 8 and 32 concurrent clients.

    .venv/bin/python benchmarks/serve.py                      # 5,000 AllSides articles, 60 analysed
    .venv/bin/python benchmarks/serve.py --articles 0         # the whole corpus (37,554)
    .venv/bin/python benchmarks/serve.py --seconds 10 --concurrency 1,8,32
    .venv/bin/python benchmarks/serve.py --screenshots docs/screenshots

Setup (outside the clock): the first --articles of ../shared/data/corpus/allsides.jsonl.gz
are stored in a temporary SQLite file; --process of them, from the two outlets with the
most articles in the slice, are analysed with the default pipeline and saved, so article
pages and outlet pages have analyses. Then `presslens serve` is started on a free
loopback port as a user would run it, and every endpoint is warmed up once (the first
/api/analyze loads the pipeline in the server).

Measured, for each endpoint and each concurrency: an httpx async client to 127.0.0.1
keeps that many requests in flight for --seconds, then waits for the last ones to finish.
Printed: requests done, failures (non-200 responses and dropped connections), p50 and p95 latency in milliseconds, and
requests per second over the run. Endpoints: the article page (/articles/{id}, analysed
articles in turn), search (/search?q=..., a fixed list of queries in turn) and
POST /api/analyze (bodies of stored articles, cut to --analyze-chars characters).

The server and the clients share this machine's CPUs; figures are for this machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from itertools import islice
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "allsides.jsonl.gz"
QUERIES = ["president", "health care", "border wall", "climate change", "supreme court", "tax cuts",
           "election fraud", "economy jobs", "immigration", "russia investigation"]


def build_corpus(db_url: str, articles: int, process: int) -> tuple[list[str], list[str], list[str]]:
    """Stores the slice, analyses `process` of it; returns analysed ids, analyze bodies, outlets."""
    from presslens.pipeline import default_pipeline
    from presslens.readers import iter_articles
    from presslens.store import open_store

    store = open_store(db_url)
    try:
        stream = iter_articles([CORPUS], on_error=lambda error: None)
        sliced = list(islice(stream, articles) if articles else stream)
        store.add_articles(sliced)
        top = [name for name, _ in Counter(a.outlet for a in sliced if a.outlet and a.published).most_common(2)]
        chosen = []
        for outlet in top:
            mine = sorted((a for a in sliced if a.outlet == outlet and a.published), key=lambda a: a.published)
            step = max(1, len(mine) // max(1, process // len(top)))
            chosen += mine[::step][: process // len(top)]
        started = time.perf_counter()
        analyses = list(default_pipeline().analyze_many(chosen))
        store.save_analyses(analyses)
        print(f"setup: stored {len(sliced):,} articles, analysed {len(analyses)} from {', '.join(top)} "
              f"in {time.perf_counter() - started:.1f} s", flush=True)
        bodies = [a.text for a in sliced[:50]]
        return [a.article.id for a in analyses], bodies, top
    finally:
        store.close()


def start_server(db_url: str, port: int) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "PRESSLENS_API_TOKEN"}
    return subprocess.Popen([str(Path(sys.executable).with_name("presslens")), "serve", "--db", db_url,
                             "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_until_up(base: str, process: subprocess.Popen, limit_s: float = 120) -> None:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("presslens serve exited during startup")
        try:
            httpx.get(base + "/static/app.css", timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.3)
    raise SystemExit("presslens serve did not start")


async def load(client: httpx.AsyncClient, request, concurrency: int, seconds: float) -> dict:
    latencies: list[float] = []
    failures = 0
    stop = time.monotonic() + seconds

    async def worker(number: int) -> None:
        nonlocal failures
        while time.monotonic() < stop:
            began = time.perf_counter()
            try:
                response = await request(client, number)
                failures += response.status_code != 200
            except httpx.TransportError:  # a dropped connection counts as a failure, not a crash
                failures += 1
            latencies.append(time.perf_counter() - began)
            number += concurrency

    began = time.perf_counter()
    await asyncio.gather(*(worker(i) for i in range(concurrency)))
    elapsed = time.perf_counter() - began
    ordered = sorted(latencies)
    return {
        "requests": len(ordered), "failures": failures,
        "p50": 1000 * statistics.median(ordered) if ordered else float("nan"),
        "p95": 1000 * ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] if ordered else float("nan"),
        "rate": len(ordered) / elapsed,
    }


async def measure(base: str, ids: list[str], bodies: list[str], args) -> None:
    cut = [b[: args.analyze_chars] for b in bodies]
    endpoints = {
        "article page": lambda c, n: c.get(f"{base}/articles/{ids[n % len(ids)]}"),
        "search": lambda c, n: c.get(f"{base}/search", params={"q": QUERIES[n % len(QUERIES)]}),
        "POST /api/analyze": lambda c, n: c.post(f"{base}/api/analyze", json={"text": cut[n % len(cut)]}),
    }
    limits = httpx.Limits(max_connections=max(args.concurrency), max_keepalive_connections=max(args.concurrency))
    async with httpx.AsyncClient(timeout=300, limits=limits) as client:
        for request in endpoints.values():
            warm = await request(client, 0)
            if warm.status_code != 200:
                raise SystemExit(f"warm-up failed: {warm.status_code} {warm.text[:200]}")
        print(f"{'endpoint':<20} {'clients':>7} {'requests':>9} {'failed':>8} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>7}")
        for name, request in endpoints.items():
            for concurrency in args.concurrency:
                row = await load(client, request, concurrency, args.seconds)
                print(f"{name:<20} {concurrency:>7} {row['requests']:>9} {row['failures']:>8} "
                      f"{row['p50']:>8.1f} {row['p95']:>8.1f} {row['rate']:>7.1f}", flush=True)


def screenshots(base: str, article_id: str, outlet: str, folder: Path) -> None:
    """The README screenshots, taken with Debian's chromium through Playwright."""
    from urllib.parse import quote

    from playwright.sync_api import sync_playwright

    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    folder.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=flags)
        page = browser.new_page(viewport={"width": 1100, "height": 700})
        page.goto(f"{base}/articles/{article_id}")
        highlight = page.locator("#article-text .t").first
        if highlight.count():
            highlight.hover()
        page.screenshot(path=str(folder / "article.png"))
        page.goto(f"{base}/outlets/{quote(outlet, safe='')}")
        page.screenshot(path=str(folder / "outlet.png"))
        browser.close()
    print(f"screenshots: {folder / 'article.png'}, {folder / 'outlet.png'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000, help="articles to store (0: all)")
    parser.add_argument("--process", type=int, default=60, help="articles to analyse")
    parser.add_argument("--seconds", type=float, default=5.0, help="seconds per endpoint and concurrency")
    parser.add_argument("--concurrency", type=lambda s: [int(x) for x in s.split(",")], default=[1, 8, 32])
    parser.add_argument("--analyze-chars", type=int, default=3000, help="characters per /api/analyze body")
    parser.add_argument("--screenshots", type=Path, help="also save README screenshots in this folder")
    args = parser.parse_args()
    if not CORPUS.exists():
        raise SystemExit(f"{CORPUS} is absent")

    with tempfile.TemporaryDirectory(prefix="presslens-serve-bench-") as folder:
        db_url = f"sqlite:///{folder}/bench.db"
        ids, bodies, outlets = build_corpus(db_url, args.articles, args.process)
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        base = f"http://127.0.0.1:{port}"
        server = start_server(db_url, port)
        try:
            wait_until_up(base, server)
            asyncio.run(measure(base, ids, bodies, args))
            if args.screenshots:
                screenshots(base, ids[0], outlets[0], args.screenshots)
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
