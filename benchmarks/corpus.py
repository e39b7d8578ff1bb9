"""The corpus at scale: ingest, search and process, with peak memory, in one run.

    .venv/bin/python benchmarks/corpus.py                  # whole AllSides file, 2,000-article process slice
    .venv/bin/python benchmarks/corpus.py --slice 300 --workers 2
    .venv/bin/python benchmarks/corpus.py --skip-process   # ingest, peer and search only
    .venv/bin/python benchmarks/corpus.py --phases ingest,local,ray   # process only (ingest makes the store)

Phases, each in its own fresh Python process (so peak memory is that phase's own):

- `ingest`: `presslens.corpus.ingest.ingest` of ../shared/data/corpus/allsides.jsonl.gz into a
  new SQLite store: reading gzip JSONL, dedupe keys, batched inserts, FTS5 index.
- `peer`: `sqlite-utils insert peer.db articles - --nl` fed the same file through zcat:
  a plain table, no dedupe, no full-text index.
- `search`: 100 varied queries (single words, pairs, phrases, exclusions, prefixes,
  outlet and date filters) through `presslens.corpus.search` on the ingested store;
  latency per query, p50 and p95, after one warm-up query.
- `local` and `ray`: `presslens.engines.process` of the first --slice stored articles
  with the full default pipeline, on a copy of a store holding just that slice.

Peak memory is the largest sum of resident memory over the phase process and all its
descendants (pool workers, Ray's raylet and actors), sampled every 0.2 s with psutil,
and ru_maxrss for the peer (a child of the measuring process).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "allsides.jsonl.gz"


class TreeMemory:
    """Samples the summed RSS of this process and its descendants in a background thread."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval, self.peak, self._stop = interval, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for proc in [me, *me.children(recursive=True)]:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(self.interval)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def peak_mb(self) -> float:
        return self.peak / 2**20


def phase_ingest(work: Path, _args) -> dict:
    from presslens.corpus.ingest import ingest
    from presslens.store import open_store

    db = work / "corpus.db"
    with TreeMemory() as memory:
        store = open_store(f"sqlite:///{db}")
        start = time.perf_counter()
        summary = ingest(store, [CORPUS])
        seconds = time.perf_counter() - start
        store.close()
    size = sum(p.stat().st_size for p in work.glob("corpus.db*"))
    return {"articles": summary.read, "new": summary.new, "bad": summary.bad, "seconds": seconds,
            "rate": summary.read / seconds, "db_mb": size / 2**20, "peak_mb": memory.peak_mb}


def phase_peer(work: Path, _args) -> dict:
    import resource

    db = work / "peer.db"
    peer = str(Path(sys.executable).parent / "sqlite-utils")
    start = time.perf_counter()
    zcat = subprocess.Popen(["zcat", str(CORPUS)], stdout=subprocess.PIPE)
    subprocess.run([peer, "insert", str(db), "articles", "-", "--nl"], stdin=zcat.stdout, check=True)
    zcat.wait()
    seconds = time.perf_counter() - start
    with __import__("sqlite3").connect(db) as conn:
        rows = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    size = sum(p.stat().st_size for p in work.glob("peer.db*"))
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"articles": rows, "seconds": seconds, "rate": rows / seconds, "db_mb": size / 2**20, "peak_mb": peak}


WORDS = ["president", "election", "climate", "immigration", "border", "economy", "vaccine", "court", "senate",
         "police", "tax", "healthcare", "china", "russia", "protest", "budget", "shooting", "trade", "abortion",
         "wall", "impeachment", "jobs", "refugees", "gun", "oil", "school", "iran", "supreme", "inflation", "war"]
PHRASES = ['"supreme court"', '"white house"', '"health care"', '"climate change"', '"border wall"',
           '"trade war"', '"federal reserve"', '"gun control"', '"north korea"', '"tax cuts"']


def queries(n: int = 100) -> list[dict]:
    """A fixed, varied set: words, pairs, phrases, exclusions, prefixes, with and without filters."""
    rng = random.Random(4)
    outlets = ["CNN (Web News)", "Fox News", "New York Times - News", "Breitbart News", "Reuters"]
    made = []
    for i in range(n):
        kind = i % 5
        if kind == 0:
            q = rng.choice(WORDS)
        elif kind == 1:
            q = " ".join(rng.sample(WORDS, 2))
        elif kind == 2:
            q = rng.choice(PHRASES)
        elif kind == 3:
            q = f"{rng.choice(WORDS)} -{rng.choice(WORDS)}"
        else:
            q = rng.choice(WORDS)[:4] + "*"
        filters = {}
        if i % 4 == 1:
            filters["outlets"] = [rng.choice(outlets)]
        if i % 4 == 2:
            filters["since"], filters["until"] = "2018-01-01", "2019-12-31"
        made.append({"query": q, **filters})
    return made


def phase_search(work: Path, _args) -> dict:
    from datetime import date

    from presslens.corpus import Filters, search
    from presslens.store import open_store

    store = open_store(f"sqlite:///{work / 'corpus.db'}")
    search(store, Filters(query="warmup"))
    times, hits = [], 0
    with TreeMemory() as memory:
        for q in queries():
            filters = Filters(query=q["query"], outlets=q.get("outlets"),
                              since=date.fromisoformat(q["since"]) if "since" in q else None,
                              until=date.fromisoformat(q["until"]) if "until" in q else None)
            start = time.perf_counter()
            page = search(store, filters, limit=20)
            times.append((time.perf_counter() - start) * 1000)
            hits += len(page.items)
    store.close()
    times.sort()
    return {"queries": len(times), "p50_ms": statistics.median(times), "p95_ms": times[int(0.95 * len(times)) - 1],
            "max_ms": times[-1], "mean_hits": hits / len(times), "peak_mb": memory.peak_mb}


def _slice_store(work: Path, n: int, name: str):
    from sqlalchemy import select

    from presslens.store import open_store
    from presslens.store.joins import article_columns, articles_with_outlet
    from presslens.store.rows import article_from_row
    from presslens.store.schema import articles

    source = open_store(f"sqlite:///{work / 'corpus.db'}")
    with source.engine.connect() as conn:
        rows = conn.execute(select(*article_columns()).select_from(articles_with_outlet())
                            .order_by(articles.c.seq).limit(n)).all()
    source.close()
    target = open_store(f"sqlite:///{work / name}")
    target.add_articles(article_from_row(r) for r in rows)
    return target


def _phase_process(work: Path, args, engine: str) -> dict:
    from presslens.engines import process

    store = _slice_store(work, args.slice, f"{engine}.db")
    with TreeMemory() as memory:
        start = time.perf_counter()
        summary = process(store, engine=engine, workers=args.workers)
        seconds = time.perf_counter() - start
    chars = 0
    with store.engine.connect() as conn:
        chars = conn.exec_driver_sql("SELECT sum(length(text)) FROM articles").scalar_one()
    store.close()
    if engine == "ray":
        import ray

        ray.shutdown()
    return {"articles": summary.analysed, "workers": args.workers, "seconds": seconds,
            "rate": summary.analysed / seconds, "kchars_s": chars / seconds / 1000, "peak_mb": memory.peak_mb}


PHASES = {
    "ingest": phase_ingest,
    "peer": phase_peer,
    "search": phase_search,
    "local": lambda work, args: _phase_process(work, args, "local"),
    "ray": lambda work, args: _phase_process(work, args, "ray"),
}


def run_phase(name: str, work: Path, args) -> dict:
    command = [sys.executable, __file__, "--phase", name, "--work", str(work),
               "--slice", str(args.slice), "--workers", str(args.workers)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"phase {name} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slice", type=int, default=2000, help="articles analysed by each engine")
    parser.add_argument("--workers", type=int, default=2, help="pool processes / Ray actors")
    parser.add_argument("--skip-process", action="store_true", help="only ingest, peer and search")
    parser.add_argument("--phases", help="comma-separated phases to run, in order (local and ray need ingest)")
    parser.add_argument("--phase", choices=PHASES, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(PHASES[args.phase](args.work, args)))
        return
    if not CORPUS.is_file():
        raise SystemExit(f"{CORPUS} is not present")
    with tempfile.TemporaryDirectory(prefix="presslens-bench-") as folder:
        work = Path(folder)
        results = {}
        names = ["ingest", "peer", "search"] + ([] if args.skip_process else ["local", "ray"])
        if args.phases:
            names = [n for n in args.phases.split(",") if n]
            unknown = sorted(set(names) - set(PHASES))
            if unknown:
                raise SystemExit(f"--phases: unknown phase {', '.join(unknown)} (known: {', '.join(PHASES)})")
        for name in names:
            results[name] = run_phase(name, work, args)
            print(f"{name}: {json.dumps(results[name])}", file=sys.stderr, flush=True)
    report(results, args)


def report(r: dict, args) -> None:
    print(f"corpus: {CORPUS.name}")
    if ing := r.get("ingest"):
        print(
            f"ingest    {ing['articles']:>6} articles ({ing['bad']} bad records skipped) in {ing['seconds']:.1f} s = "
            f"{ing['rate']:.0f} articles/s; database {ing['db_mb']:.0f} MB (with FTS5 index); "
            f"peak {ing['peak_mb']:.0f} MB"
        )
    if peer := r.get("peer"):
        print(f"peer      {peer['articles']:>6} rows via sqlite-utils insert in {peer['seconds']:.1f} s = "
              f"{peer['rate']:.0f} rows/s; database {peer['db_mb']:.0f} MB (no index); peak {peer['peak_mb']:.0f} MB")
    if ing and peer:
        print(f"          ingest rate is {ing['rate'] / peer['rate']:.2f}x the peer's")
    if s := r.get("search"):
        print(
            f"search    {s['queries']} queries: p50 {s['p50_ms']:.1f} ms, p95 {s['p95_ms']:.1f} ms, "
            f"max {s['max_ms']:.1f} ms; "
            f"{s['mean_hits']:.1f} hits/query; peak {s['peak_mb']:.0f} MB"
        )
    for engine in ("local", "ray"):
        if engine in r:
            p = r[engine]
            print(
                f"process   {engine:<5} {p['articles']} articles, {p['workers']} workers, in {p['seconds']:.1f} s = "
                f"{p['rate']:.2f} articles/s ({p['kchars_s']:.1f} k chars/s); "
                f"peak {p['peak_mb']:.0f} MB (all processes)"
            )


if __name__ == "__main__":
    main()
