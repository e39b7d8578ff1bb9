"""How long one entity's framing across the corpus takes (`presslens.corpus.entity_framing`),
on a synthetic SQLite store: N articles in 10 outlets over four years, 10 framed entities
each, "Valdoria" in every fourth article, every other name rare.

    .venv/bin/python benchmarks/framing_query.py                 # 40,000 articles (400,000 entities)
    .venv/bin/python benchmarks/framing_query.py --articles 5000 --keep /tmp/framing-bench.db

The store is written with plain INSERTs (no analysis pipeline), then each query runs twice
and both times are printed: a frequent entity (a quarter of the articles), a rare one, and
a name no article gives (the not-found path).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from presslens.corpus import Filters, entity_framing
from presslens.errors import NotFoundError
from presslens.store import open_store

ROLES = ("Protagonist", "Antagonist", "Innocent", None)


def build(path: Path, articles: int) -> None:
    open_store(f"sqlite:///{path}").close()
    rnd = random.Random(1)
    text = "Valdoria moved more guns to the border overnight. " * 20
    arts, analyses, entities = [], [], []
    for i in range(1, articles + 1):
        day = dt.date(2020, 1, 1) + dt.timedelta(days=rnd.randrange(1461))
        arts.append((i, f"a{i}", f"k{i}", rnd.randrange(1, 11), day.isoformat(), f"Article {i}", "en", 400, text))
        analyses.append((i, f"a{i}", "bench", 1, "2024-01-01 00:00:00", "{}", "{}"))
        names = ["Valdoria" if i % 4 == 0 else f"Place {rnd.randrange(5000)}"]
        names += [f"Person {rnd.randrange(20000)}" for _ in range(9)]
        for k, name in enumerate(names):
            role = rnd.choice(ROLES)
            framing = {"role": role, "scores": {r: round(rnd.random(), 3) for r in ROLES[:3]}, "fine_roles": [],
                       "evidence": [{"start": 0, "end": 8}]}
            entities.append((i, k, f"E{k}", name, "GPE", json.dumps([name.split()[-1]]), json.dumps(framing), 1))
    with sqlite3.connect(path) as con:
        con.executemany("INSERT INTO outlets (id, name) VALUES (?, ?)", [(i, f"Outlet {i}") for i in range(1, 11)])
        con.executemany("INSERT INTO articles (seq, id, text_key, outlet_id, published, title, language, words, text) "
                        "VALUES (?,?,?,?,?,?,?,?,?)", arts)
        con.executemany("INSERT INTO analyses (id, article_id, version, latest, created, scores, pipeline) "
                        "VALUES (?,?,?,?,?,?,?)", analyses)
        con.executemany("INSERT INTO entities (analysis_id, idx, key, name, type, aliases, framing, mentions) "
                        "VALUES (?,?,?,?,?,?,?,?)", entities)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=40_000)
    parser.add_argument("--keep", type=Path, help="Build the store here and keep it (reused when it exists).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "framing.db"
        if not path.exists():
            build(path, args.articles)
        with open_store(f"sqlite:///{path}") as store:
            for name in ("Valdoria", "person 17", "Nobody At All"):
                for _ in range(2):
                    start = time.perf_counter()
                    try:
                        found = f"{entity_framing(store, name, Filters()).articles} articles"
                    except NotFoundError:
                        found = "not found"
                    print(f"{name!r:16} {found:15} {1000 * (time.perf_counter() - start):7.0f} ms")


if __name__ == "__main__":
    main()
