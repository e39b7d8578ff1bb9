"""The claims timeline at scale: the library query and the /timeline page over many claims.

    .venv/bin/python benchmarks/timeline.py                    # 5,000 articles, 50,000 claims
    .venv/bin/python benchmarks/timeline.py --articles 20000 --claims-per-article 10

Setup (outside the clock): a temporary SQLite store is filled with fabricated articles,
each with --claims-per-article dated claims (years 1900-2030 at random, some months and
days, claimants from a pool of 300 people, 60 outlets, seeded), written for this benchmark:
no corpus text, so it runs without ../shared. The analyses are stored as the pipeline's
would be, so the query reads the same tables and indexes.

Measured (median of --repeat runs, milliseconds): `corpus.timeline` for the first page,
a page deep in the list (cursor), the same filtered by outlet, by claimant, by entity and by
a date range, the 5,000 claims the page charts; and the /timeline page itself (chart of
5,000 marks and a table of 50 rows) through the app, with the size of its HTML.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from presslens import corpus
from presslens.analysis import Analysis, Claim, Entity, Mention, Speaker, TimeRef
from presslens.article import Article
from presslens.store import open_store

FIRST = ["Ana", "Tom", "Lena", "Omar", "Kofi", "Mira", "Ivan", "Sara", "Jun", "Elif", "Raul", "Noor", "Pavel",
         "Ines", "Dara", "Hugo", "Yara", "Emil", "Zoe", "Ravi"]
LAST = ["Petrik", "Reyes", "Park", "Haddad", "Mensah", "Novak", "Silva", "Tanaka", "Kaya", "Moreno", "Osei",
        "Larsen", "Varga", "Costa", "Dumas"]


def fabricated(number: int, claims: int, rng: random.Random) -> Analysis:
    """One article of `claims` sentences, each a claim by a named person dated by its year."""
    outlet = f"Outlet {rng.randrange(60):02d}"
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(3)]
    sentences, spans = [], []
    offset = 0
    for _ in range(claims):
        who = rng.choice(people)
        year = rng.randrange(1900, 2031)
        when = str(year) if rng.random() < 0.6 else f"{year}-{rng.randrange(1, 13):02d}"
        sentence = f"In {year} the harbour of Merrow closed for good, {who} said."
        sentences.append(sentence)
        spans.append((offset, sentence, who, year, when))
        offset += len(sentence) + 1
    text = " ".join(sentences)
    article = Article(outlet=outlet, published=date(2020, 1, 1 + number % 28), title=f"Report {number}", text=text,
                      id=f"timeline-bench-{number}")
    entities, mentions = {}, {}
    for start, sentence, who, _, _ in spans:
        at = start + sentence.index(who)
        mentions.setdefault(who, []).append(Mention(at, at + len(who)))
    for index, (who, found) in enumerate(mentions.items()):
        entities[who] = Entity(id=f"E{index}", name=who, type="PERSON", aliases=[who.split()[-1]], mentions=found)
    claim_items = []
    for start, sentence, who, year, when in spans:
        year_at = start + sentence.index(str(year))
        who_at = start + sentence.index(who)
        claim_items.append(Claim(
            start=start, end=start + len(sentence), text=sentence, score=0.8, kind="historical",
            claimant=Speaker(entity=entities[who].id, name=who, start=who_at, end=who_at + len(who)),
            time_refs=[TimeRef(start=year_at, end=year_at + 4, text=str(year), kind="date", value=when)],
            entities=[entities[who].id],
        ))
    return Analysis(article=article, entities=list(entities.values()), claims=claim_items,
                    scores={"words": len(text.split())}, pipeline={"version": "timeline-bench", "models": {}})


def timed(repeat: int, call) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        began = time.perf_counter()
        result = call()
        times.append(1000 * (time.perf_counter() - began))
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--claims-per-article", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(7)

    with tempfile.TemporaryDirectory(prefix="presslens-timeline-bench-") as folder:
        db_url = f"sqlite:///{Path(folder) / 'timeline.db'}"
        store = open_store(db_url)
        began = time.perf_counter()
        for batch in range(0, args.articles, 500):
            analyses = [
                fabricated(n, args.claims_per_article, rng) for n in range(batch, min(batch + 500, args.articles))
            ]
            store.add_articles([a.article for a in analyses])
            store.save_analyses(analyses)
        claims = args.articles * args.claims_per_article
        print(f"setup: {args.articles:,} articles with {claims:,} dated claims stored in "
              f"{time.perf_counter() - began:.1f} s")

        everything = corpus.Filters()
        deep = max(0, min(20000, claims - 50))
        cases = {
            "first page (50)": lambda: corpus.timeline(store, everything, limit=50),
            f"page at claim {deep:,}": lambda: corpus.timeline(store, everything, limit=50, cursor=str(deep)),
            "one outlet": lambda: corpus.timeline(store, corpus.Filters(outlets=["Outlet 07"]), limit=50),
            "one claimant": lambda: corpus.timeline(store, everything, claimant="Lena Park", limit=50),
            "one entity": lambda: corpus.timeline(store, everything, entity="Osei", limit=50),
            "1950 to 1960": lambda: corpus.timeline(store, corpus.query_filters(since="1950-01-01", until="1960-12-31"),
                                                    limit=50),
            "5,000 for the chart": lambda: corpus.timeline(store, everything, limit=5000),
        }
        print(f"{'timeline query':<24} {'median ms':>10} {'claims':>8}")
        for name, call in cases.items():
            ms, page = timed(args.repeat, call)
            print(f"{name:<24} {ms:>10.1f} {len(page.items):>8}")

        from fastapi.testclient import TestClient

        from presslens.config import Settings
        from presslens.server.app import create_app

        with TestClient(create_app(Settings(db=db_url, page_cache_s=0))) as client:
            ms, response = timed(args.repeat, lambda: client.get("/timeline"))
            marks = response.text.count('class="m l')
            print(f"/timeline page: median {ms:.1f} ms, status {response.status_code}, "
                  f"{len(response.content) / 1e6:.2f} MB of HTML, {marks:,} marks drawn")
        store.close()


if __name__ == "__main__":
    main()
