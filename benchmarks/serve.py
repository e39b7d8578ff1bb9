"""Latency and throughput of `presslens serve`: each endpoint under 1, 8 and 32 concurrent
clients, then 32 and 64 readers on a mix of pages with and without an ingest running beside
them, and the time of a 200-word search.

    .venv/bin/python benchmarks/serve.py                      # 5,000 AllSides articles, 60 analysed
    .venv/bin/python benchmarks/serve.py --articles 0         # the whole corpus (37,554)
    .venv/bin/python benchmarks/serve.py --seconds 10 --concurrency 1,8,32 --readers 32,64
    .venv/bin/python benchmarks/serve.py --screenshots docs/screenshots

Setup (outside the clock): the first --articles of ../shared/data/corpus/allsides.jsonl.gz
are stored in a temporary SQLite file; --process of them, from the two outlets with the
most articles in the slice, are analysed with the default pipeline and saved, so article
pages and outlet pages have analyses. Then `presslens serve` is started on a free
loopback port as a user would run it, and every endpoint is warmed up once (the first
/api/analyze loads the pipeline in the server).

Measured, for each endpoint and each concurrency: an httpx async client to 127.0.0.1
keeps that many requests in flight for --seconds, then waits for the last ones to finish.
Printed: requests done, failures (non-200 responses and dropped connections), p50, p95 and
p99 latency and the slowest request in milliseconds, and requests per second over the run.
Endpoints: the home page, an outlet page, the article page (/articles/{id}, analysed
articles in turn), search (/search?q=..., a fixed list of queries in turn), the timeline
page, and POST /api/analyze (bodies of stored articles, cut to --analyze-chars characters).

Readers (--readers): that many clients cycle through the home, outlet, article, search and
timeline pages, first alone, then while `presslens ingest` stores --ingest-articles new
articles (copies of corpus articles under new ids, in batches of 100) into the same store
in another process, over and over until the readers stop. The ingest's own rate is printed.

The 200-word search: one request of 200 distinct words and one of a word repeated 200
times, timed alone (the server answers them with a one-line 400: more than 32 terms).

The server runs with its own defaults, its page cache included (identical GETs within 5 s
share one answer: server/page_cache.py); `PRESSLENS_PAGE_CACHE_S=0 benchmarks/serve.py ...`
measures without it. The server and the clients share this machine's CPUs; figures are for
this machine.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
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


def write_ingest_copies(path: Path, count: int) -> None:
    """JSON Lines of `count` corpus articles under new ids, with a line added to each text so
    the store's same-text check does not drop them: work an ingest really has to do."""
    from presslens.readers import iter_articles

    with path.open("w", encoding="utf-8") as out:
        for number, article in enumerate(islice(iter_articles([CORPUS], on_error=lambda error: None), count)):
            record = {"id": f"bench-copy-{number}", "outlet": article.outlet, "title": article.title,
                      "published": article.published.isoformat() if article.published else None,
                      "url": article.url, "text": f"{article.text}\n\nBenchmark copy {number}."}
            out.write(json.dumps(record) + "\n")


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
    return {"requests": len(ordered), "failures": failures, **percentiles(ordered), "rate": len(ordered) / elapsed}


def percentiles(ordered: list[float]) -> dict[str, float]:
    """p50, p95, p99 and the slowest, in milliseconds, of sorted latencies in seconds."""
    if not ordered:
        return {key: float("nan") for key in ("p50", "p95", "p99", "max")}

    def at(share: float) -> float:
        return 1000 * ordered[min(len(ordered) - 1, int(share * len(ordered)))]

    return {"p50": 1000 * statistics.median(ordered), "p95": at(0.95), "p99": at(0.99), "max": 1000 * ordered[-1]}


HEADER = (f"{'endpoint':<22} {'clients':>7} {'requests':>9} {'failed':>7} {'p50 ms':>8} {'p95 ms':>8} "
          f"{'p99 ms':>8} {'max ms':>8} {'req/s':>7}")


def print_row(name: str, concurrency: int, row: dict) -> None:
    print(f"{name:<22} {concurrency:>7} {row['requests']:>9} {row['failures']:>7} {row['p50']:>8.1f} "
          f"{row['p95']:>8.1f} {row['p99']:>8.1f} {row['max']:>8.1f} {row['rate']:>7.1f}", flush=True)


def reader_pages(base: str, ids: list[str], outlets: list[str]) -> dict:
    from urllib.parse import quote

    return {
        "home page": lambda c, n: c.get(f"{base}/"),
        "outlet page": lambda c, n: c.get(f"{base}/outlets/{quote(outlets[n % len(outlets)], safe='')}"),
        "article page": lambda c, n: c.get(f"{base}/articles/{ids[n % len(ids)]}"),
        "search": lambda c, n: c.get(f"{base}/search", params={"q": QUERIES[n % len(QUERIES)]}),
        "timeline page": lambda c, n: c.get(f"{base}/timeline"),
    }


async def measure(base: str, ids: list[str], bodies: list[str], outlets: list[str], args, ingest) -> None:
    cut = [b[: args.analyze_chars] for b in bodies]
    pages = reader_pages(base, ids, outlets)
    endpoints = {**pages,
                 "POST /api/analyze": lambda c, n: c.post(f"{base}/api/analyze", json={"text": cut[n % len(cut)]})}
    most = max(args.concurrency + args.readers)
    limits = httpx.Limits(max_connections=most, max_keepalive_connections=most)
    async with httpx.AsyncClient(timeout=300, limits=limits) as client:
        for name, request in endpoints.items():
            warm = await request(client, 0)
            if warm.status_code != 200:
                raise SystemExit(f"warm-up of the {name} failed: {warm.status_code} {warm.request.url}")
        print(HEADER)
        for name, request in endpoints.items():
            for concurrency in args.concurrency:
                print_row(name, concurrency, await load(client, request, concurrency, args.seconds))

        pages_in_turn = list(pages.values())

        async def mixed(c, n):
            return await pages_in_turn[n % len(pages_in_turn)](c, n // len(pages_in_turn))

        print(f"\nreaders on the {', '.join(pages)} in turn")
        print(HEADER)
        for readers in args.readers:
            print_row("readers alone", readers, await load(client, mixed, readers, args.seconds))
            with ingest() as done:
                row = await load(client, mixed, readers, args.seconds)
            print_row("readers + ingest", readers, row)
            print(f"{'':<22} ingest beside them: {done['articles']:,} articles stored in {done['seconds']:.1f} s "
                  f"({done['articles'] / max(done['seconds'], 1e-9):,.0f}/s), {done['runs']} runs, "
                  f"{done['failed']} failed", flush=True)

        print("\n200-word searches, alone:")
        distinct = " ".join(f"word{number}" for number in range(200))
        repeated = " ".join(["president"] * 200)
        for name, words in (("200 distinct words", distinct), ("one word 200 times", repeated)):
            began = time.perf_counter()
            response = await client.get(f"{base}/api/search", params={"q": words})
            print(f"  {name}: {1000 * (time.perf_counter() - began):.1f} ms, status {response.status_code}: "
                  f"{response.text[:120]}", flush=True)


INGEST_RUNS = itertools.count()  # across every ingest of the benchmark, so each run's copies are new


class IngestBeside:
    """`presslens ingest` of the copies, run again and again in another process (each run
    would find the same copies stored and add nothing, so each run gives them new ids)
    until the block ends; yields a dict that holds the figures once it has ended."""

    def __init__(self, db_url: str, copies: Path):
        self.db_url, self.copies = db_url, copies
        self.figures = {"articles": 0, "seconds": 0.0, "runs": 0, "failed": 0}
        self.stopping = False

    def __enter__(self) -> dict:
        import threading

        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        return self.figures

    def _run(self) -> None:
        presslens = str(Path(sys.executable).with_name("presslens"))
        while not self.stopping:
            run = next(INGEST_RUNS)
            source = self.copies.with_name(f"copies-{run}.jsonl")
            with self.copies.open(encoding="utf-8") as f, source.open("w", encoding="utf-8") as out:
                for line in f:
                    record = json.loads(line)
                    record["id"] += f"-{run}"
                    record["text"] += f" Run {run}."
                    out.write(json.dumps(record) + "\n")
            began = time.perf_counter()
            finished = subprocess.run([presslens, "ingest", str(source), "--db", self.db_url, "--batch-size", "100"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            self.figures["seconds"] += time.perf_counter() - began
            self.figures["runs"] += 1
            if finished.returncode == 0:
                self.figures["articles"] += sum(1 for _ in source.open(encoding="utf-8"))
            else:
                self.figures["failed"] += 1
                print(f"  ingest failed: {finished.stderr.strip()[-200:]}", flush=True)

    def __exit__(self, *exc) -> None:
        self.stopping = True
        self.thread.join()


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
    parser.add_argument("--readers", type=lambda s: [int(x) for x in s.split(",")], default=[32, 64],
                        help="reader counts for the mixed-pages run, alone and beside an ingest")
    parser.add_argument("--ingest-articles", type=int, default=2000, help="articles per run of the concurrent ingest")
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
        copies = Path(folder) / "copies.jsonl"
        write_ingest_copies(copies, args.ingest_articles)
        server = start_server(db_url, port)
        print(f"server: page cache {os.environ.get('PRESSLENS_PAGE_CACHE_S', 'default (5 s)')}", flush=True)
        try:
            wait_until_up(base, server)
            asyncio.run(measure(base, ids, bodies, outlets, args, lambda: IngestBeside(db_url, copies)))
            if args.screenshots:
                screenshots(base, ids[0], outlets[0], args.screenshots)
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
