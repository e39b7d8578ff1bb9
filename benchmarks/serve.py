"""Latency, throughput and memory of `presslens serve`: each endpoint under 1, 8 and 32
concurrent clients, then 32 and 64 readers on a mix of pages with and without an ingest
running beside them, each worker's memory after 10,000 mixed reads and after analyses, and
the time of a 200-word search.

    .venv/bin/python benchmarks/serve.py --articles 0 --process 150   # the target run: the whole corpus (37,554)
    .venv/bin/python benchmarks/serve.py                      # 5,000 AllSides articles, 60 analysed
    .venv/bin/python benchmarks/serve.py --workers 1          # one server process (default: one per CPU core)
    .venv/bin/python benchmarks/serve.py --store /tmp/serve-bench/bench.db --articles 0 --process 150
    .venv/bin/python benchmarks/serve.py --seconds 10 --concurrency 1,8,32 --readers 32,64
    .venv/bin/python benchmarks/serve.py --screenshots docs/screenshots

Setup (outside the clock): the first --articles of ../shared/data/corpus/allsides.jsonl.gz
(--corpus) are stored in a temporary SQLite file (or in --store, which a later run with the
same --store reuses, working on a copy: storing the whole corpus and analysing 150 takes
minutes); --process
of them, from the two outlets with the most articles in the slice, are analysed with the
default pipeline and saved, so article pages and outlet pages have analyses. Then
`presslens serve --workers N` is started on a free loopback port as a user would run it,
and every page is warmed up once.

Measured, for each endpoint and each concurrency: an httpx async client to 127.0.0.1
keeps that many requests in flight for --seconds, then waits for the last ones to finish.
Printed: requests done, failures (non-200 responses and dropped connections), p50, p95 and
p99 latency and the slowest request in milliseconds, and requests per second over the run.
Endpoints: the home page, an outlet page, the article page (/articles/{id}, analysed
articles in turn), search (/search?q=..., a fixed list of queries in turn), the timeline
page, and POST /api/analyze (bodies of stored articles, cut to --analyze-chars characters).

Memory, first (a read-only server that has analysed nothing yet): 32 keep-alive clients make
--memory-reads requests over the mixed pages below, then each worker's resident memory is
printed (psutil if installed, else /proc); again at the end, after the analyses.

Readers (--readers), for --reader-seconds each: that many keep-alive clients cycle through
the home, outlet, article, search and timeline pages, first alone, then while `presslens
ingest` stores --ingest-articles new articles (copies of corpus articles under new ids, in
batches of 100) into the same store in another process, over and over until the readers
stop. The ingest's own rate is printed. POST /api/analyze comes last (its warm-up loads the
pipeline in the worker that takes it).

The 200-word search: one request of 200 distinct words and one of a word repeated 200
times, timed alone (the server answers them with a one-line 400: more than 32 terms).

The long text, last: the longest corpus articles one after another, cut to --long-chars
(199,000) characters, POSTed to /api/analyze, which answers 202 with a job; printed: the
time to that answer, the time until the job has ended, and the progress the polls saw.

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


def prepared_store(db_path: Path, corpus: Path, articles: int, process: int) -> tuple[list[str], list[str], list[str]]:
    """The store at db_path, built unless a previous run left it there with its list of what it
    holds beside it (db_path.json); returns analysed ids, analyze bodies, outlets."""
    holds = db_path.with_name(db_path.name + ".json")
    if db_path.exists() and holds.exists():
        kept = json.loads(holds.read_text(encoding="utf-8"))
        print(f"setup: reusing {db_path} ({len(kept['ids'])} analysed, from {', '.join(kept['outlets'])})", flush=True)
        return kept["ids"], kept["bodies"], kept["outlets"]
    ids, bodies, outlets = build_corpus(f"sqlite:///{db_path}", corpus, articles, process)
    holds.write_text(json.dumps({"ids": ids, "bodies": bodies, "outlets": outlets}), encoding="utf-8")
    return ids, bodies, outlets


def working_copy(db_path: Path, folder: Path) -> Path:
    """Copies the store and its files beside it (the search index, a WAL) into folder."""
    import shutil

    for part in db_path.parent.glob(db_path.name + "*"):
        if part.suffix != ".json":
            shutil.copy2(part, folder / part.name)
    return folder / db_path.name


def build_corpus(db_url: str, corpus: Path, articles: int, process: int) -> tuple[list[str], list[str], list[str]]:
    """Stores the slice, analyses `process` of it; returns analysed ids, analyze bodies, outlets."""
    from presslens.pipeline import default_pipeline
    from presslens.readers import iter_articles
    from presslens.store import open_store

    store = open_store(db_url)
    try:
        stream = iter_articles([corpus], on_error=lambda error: None)
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


def write_ingest_copies(path: Path, corpus: Path, count: int) -> None:
    """JSON Lines of `count` corpus articles under new ids, with a line added to each text so
    the store's same-text check does not drop them: work an ingest really has to do."""
    from presslens.readers import iter_articles

    with path.open("w", encoding="utf-8") as out:
        for number, article in enumerate(islice(iter_articles([corpus], on_error=lambda error: None), count)):
            record = {"id": f"bench-copy-{number}", "outlet": article.outlet, "title": article.title,
                      "published": article.published.isoformat() if article.published else None,
                      "url": article.url, "text": f"{article.text}\n\nBenchmark copy {number}."}
            out.write(json.dumps(record) + "\n")


def start_server(db_url: str, port: int, workers: int | None) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "PRESSLENS_API_TOKEN"}
    given = ["--workers", str(workers)] if workers else []
    return subprocess.Popen([str(Path(sys.executable).with_name("presslens")), "serve", "--db", db_url,
                             "--port", str(port), *given],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def worker_pids(server: int) -> list[int]:
    """The processes that answer requests: the server's spawned workers, or the server itself."""
    try:
        import psutil

        children = [c.pid for c in psutil.Process(server).children() if "spawn_main" in " ".join(c.cmdline())]
    except ImportError:
        children = [int(d.name) for d in Path("/proc").iterdir() if d.name.isdigit() and _parent(d) == server
                    and b"spawn_main" in _read(d / "cmdline")]
    return children or [server]


def _parent(proc: Path) -> int | None:
    stat = _read(proc / "stat")
    return int(stat.rsplit(b")", 1)[1].split()[1]) if stat else None


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:  # the process ended as we looked
        return b""


def rss_mb(pid: int) -> float:
    """Resident memory in MB (10^6 bytes): psutil if installed, else /proc."""
    try:
        import psutil

        return psutil.Process(pid).memory_info().rss / 1e6
    except ImportError:
        for line in _read(Path(f"/proc/{pid}/status")).decode().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024 / 1e6
        return float("nan")


def print_memory(server: int, when: str) -> None:
    sizes = ", ".join(f"{rss_mb(pid):,.0f} MB" for pid in worker_pids(server))
    print(f"memory {when}: resident per worker {sizes}", flush=True)


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


async def load(client: httpx.AsyncClient, request, concurrency: int, seconds: float = float("inf"),
               requests: int | None = None) -> dict:
    """Keeps `concurrency` requests in flight for `seconds`, or until `requests` have been sent."""
    latencies: list[float] = []
    failures = 0
    stop = time.monotonic() + seconds
    sent = itertools.count()
    limit = requests if requests is not None else float("inf")

    async def worker(number: int) -> None:
        nonlocal failures
        while time.monotonic() < stop and next(sent) < limit:
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


MEMORY_READERS = 32
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


async def measure(base: str, ids: list[str], bodies: list[str], outlets: list[str], args, ingest, server: int) -> None:
    cut = [b[: args.analyze_chars] for b in bodies]
    pages = reader_pages(base, ids, outlets)
    analyze = {"POST /api/analyze": lambda c, n: c.post(f"{base}/api/analyze", json={"text": cut[n % len(cut)]})}
    most = max(args.concurrency + args.readers + [MEMORY_READERS])
    limits = httpx.Limits(max_connections=most, max_keepalive_connections=most)
    async with httpx.AsyncClient(timeout=300, limits=limits) as client:
        await warm_up(client, pages)
        pages_in_turn = list(pages.values())

        async def mixed(c, n):
            return await pages_in_turn[n % len(pages_in_turn)](c, n // len(pages_in_turn))

        print(f"memory: {args.memory_reads:,} reads by {MEMORY_READERS} clients on the {', '.join(pages)} in turn")
        print(HEADER)
        print_row("mixed reads", MEMORY_READERS, await load(client, mixed, MEMORY_READERS, requests=args.memory_reads))
        print_memory(server, f"after {args.memory_reads:,} reads")

        print(f"\nreaders on the {', '.join(pages)} in turn, {args.reader_seconds:g} s each")
        print(HEADER)
        for readers in args.readers:
            print_row("readers alone", readers, await load(client, mixed, readers, seconds=args.reader_seconds))
            with ingest() as done:
                row = await load(client, mixed, readers, seconds=args.reader_seconds)
            print_row("readers + ingest", readers, row)
            print(f"{'':<22} ingest beside them: {done['articles']:,} articles stored in {done['seconds']:.1f} s "
                  f"({done['articles'] / max(done['seconds'], 1e-9):,.0f}/s), {done['runs']} runs, "
                  f"{done['failed']} failed", flush=True)

        print(f"\neach endpoint alone, {args.seconds:g} s per row")
        print(HEADER)
        await warm_up(client, analyze)  # loads the pipeline in the worker that takes it
        for name, request in {**pages, **analyze}.items():
            for concurrency in args.concurrency:
                print_row(name, concurrency, await load(client, request, concurrency, seconds=args.seconds))
        print_memory(server, "after the analyses")
        await long_searches(client, base)
        if args.long_chars:
            await long_text_job(client, base, long_text(args.corpus, args.long_chars))
            print_memory(server, "after the long text")


async def warm_up(client: httpx.AsyncClient, endpoints: dict) -> None:
    for name, request in endpoints.items():
        warm = await request(client, 0)
        if warm.status_code != 200:
            raise SystemExit(f"warm-up of the {name} failed: {warm.status_code} {warm.request.url}")


def long_text(corpus: Path, chars: int) -> str:
    """The longest corpus articles, one after another, cut to `chars` characters: a full-size text."""
    from presslens.readers import iter_articles

    texts = sorted((a.text for a in iter_articles([corpus], on_error=lambda error: None)), key=len, reverse=True)
    joined, size = [], 0
    for text in texts:
        joined.append(text[: chars - size])
        size += len(joined[-1]) + 2
        if size >= chars:
            break
    return "\n\n".join(joined)[:chars]


async def long_text_job(client: httpx.AsyncClient, base: str, text: str) -> None:
    """POSTs the text, which the server takes as a job, and polls the job until it ends."""
    began = time.perf_counter()
    answer = await client.post(f"{base}/api/analyze", json={"text": text})
    answered = time.perf_counter() - began
    if answer.status_code != 202:
        print(f"\na {len(text):,}-character text: {answer.status_code} {answer.text[:200]}", flush=True)
        return
    seen = []
    while True:
        state = (await client.get(base + answer.json()["url"])).json()
        if (state["done"], state["total"]) not in seen:
            seen.append((state["done"], state["total"]))
        if state["state"] in ("done", "failed"):
            break
        await asyncio.sleep(0.5)
    print(f"\na {len(text):,}-character text as a job: 202 in {1000 * answered:.0f} ms, {state['state']} after "
          f"{time.perf_counter() - began:.1f} s, progress seen {', '.join(f'{d}/{t}' for d, t in seen)}", flush=True)


async def long_searches(client: httpx.AsyncClient, base: str) -> None:
    print("\n200-word searches, alone:")
    distinct = " ".join(f"word{number}" for number in range(200))
    repeated = " ".join(["president"] * 200)
    for name, words in (("200 distinct words", distinct), ("one word 200 times", repeated)):
        began = time.perf_counter()
        response = await client.get(f"{base}/api/search", params={"q": words})
        print(f"  {name}: {1000 * (time.perf_counter() - began):.1f} ms, status {response.status_code}: "
              f"{response.text[:120]}", flush=True)


# across every ingest of the benchmark, so each run's copies are new, also to a --store kept from another run
INGEST_RUNS = (f"{os.getpid()}-{number}" for number in itertools.count())


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
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the AllSides JSON Lines file")
    parser.add_argument("--store", type=Path, help="keep the SQLite store here, and reuse it if a run left it")
    parser.add_argument("--workers", type=int, help="presslens serve --workers (default: its own)")
    parser.add_argument("--seconds", type=float, default=5.0, help="seconds per endpoint and concurrency")
    parser.add_argument("--concurrency", type=lambda s: [int(x) for x in s.split(",")], default=[1, 8, 32])
    parser.add_argument("--readers", type=lambda s: [int(x) for x in s.split(",")], default=[32, 64],
                        help="reader counts for the mixed-pages run, alone and beside an ingest")
    parser.add_argument("--reader-seconds", type=float, default=30.0, help="seconds per readers row")
    parser.add_argument("--memory-reads", type=int, default=10_000, help="mixed reads before memory is measured")
    parser.add_argument("--ingest-articles", type=int, default=2000, help="articles per run of the concurrent ingest")
    parser.add_argument("--analyze-chars", type=int, default=3000, help="characters per /api/analyze body")
    parser.add_argument("--long-chars", type=int, default=199_000,
                        help="characters of the text analysed as a job at the end (0: none)")
    parser.add_argument("--screenshots", type=Path, help="also save README screenshots in this folder")
    args = parser.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"{args.corpus} is absent")

    with tempfile.TemporaryDirectory(prefix="presslens-serve-bench-") as folder:
        db_path = args.store or Path(folder) / "bench.db"
        ids, bodies, outlets = prepared_store(db_path, args.corpus, args.articles, args.process)
        if args.store:  # the ingest beside the readers writes: into a copy, so --store stays as built
            db_path = working_copy(args.store, Path(folder))
        db_url = f"sqlite:///{db_path}"
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        base = f"http://127.0.0.1:{port}"
        copies = Path(folder) / "copies.jsonl"
        write_ingest_copies(copies, args.corpus, args.ingest_articles)
        server = start_server(db_url, port, args.workers)
        print(f"server: {args.workers or 'default'} workers, page cache "
              f"{os.environ.get('PRESSLENS_PAGE_CACHE_S', 'default (5 s)')}, on {os.cpu_count()} CPUs", flush=True)
        try:
            wait_until_up(base, server)
            asyncio.run(measure(base, ids, bodies, outlets, args, lambda: IngestBeside(db_url, copies), server.pid))
            if args.screenshots:
                screenshots(base, ids[0], outlets[0], args.screenshots)
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
