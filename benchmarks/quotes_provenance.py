"""What grouping quotes costs (store/quote_similarity.py, docs/quotes.md "Provenance").

Makes N quotes of made-up words (a Zipf-distributed vocabulary, 6 to 40 words each); a
share of them repeat an earlier quote exactly, as an excerpt of 8 or more words, or with a
word replaced or dropped. Exact repeats collapse into one wording (as the store keys them),
then `group_wordings` groups the wordings. Prints the time (and per 1,000 quotes), the
candidate pairs the shingle index proposed and tested against all pairs of wordings, and
how many of the planted repetitions ended up with their original.

With `--store N`, also stores N of the quotes (one made-up article each) in a fresh SQLite
file and times `presslens quotes group` from nothing, then catching up with 1% more.

With `--db URL`, groups the quotes of a real store instead (an AllSides slice processed by
`presslens process`): it times `quotes group --rebuild` (per 1,000 quotes) and prints how
many quotes recur in two or more articles and the largest groups, as `presslens quotes
recurring` does. It rewrites that store's groups and nothing else.

    .venv/bin/python benchmarks/quotes_provenance.py [--quotes 100000] [--repeats 0.2] [--seed 1] [--store 5000]
    .venv/bin/python benchmarks/quotes_provenance.py --db sqlite:///allsides.db [--top 10]
"""

from __future__ import annotations

import argparse
import random
import time
from itertools import accumulate

from presslens.store.quote_similarity import Words, group_wordings, words_of

VOCABULARY = 20_000


def made_up_quotes(n: int, repeat_share: float, seed: int) -> tuple[list[Words], list[tuple[int, int]]]:
    """N quotes, and (repetition, original) index pairs for those made from an earlier one."""
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(VOCABULARY)]
    cumulative = list(accumulate(1 / (rank + 1) for rank in range(VOCABULARY)))
    quotes: list[Words] = []
    planted: list[tuple[int, int]] = []
    for i in range(n):
        if quotes and rng.random() < repeat_share:
            source = rng.randrange(len(quotes))
            original = list(quotes[source])
            kind = rng.choice(("exact", "trimmed", "edited"))
            if kind == "trimmed" and len(original) > 9:
                length = rng.randint(8, len(original) - 1)
                start = rng.randint(0, len(original) - length)
                words = original[start:start + length]
            elif kind == "edited":
                words = list(original)
                at = rng.randrange(len(words))
                if rng.random() < 0.5:
                    words[at] = rng.choices(vocabulary, cum_weights=cumulative)[0]
                else:
                    del words[at]
            else:
                words = original
            quotes.append(tuple(words))
            planted.append((i, source))
        else:
            quotes.append(tuple(rng.choices(vocabulary, cum_weights=cumulative, k=rng.randint(6, 40))))
    return quotes, planted


def time_store(quotes: list[Words], n: int) -> None:
    """Times grouping through a SQLite store holding the first n quotes, then 1% more."""
    import tempfile
    from datetime import date, timedelta
    from pathlib import Path

    from presslens.analysis import Analysis, Quote, Speaker
    from presslens.article import Article
    from presslens.corpus.provenance import group_quotes
    from presslens.store import open_store

    def stored(i: int) -> Analysis:
        words = " ".join(quotes[i])
        text = f'Someone said "{words}" today.'
        article = Article(outlet=f"Outlet {i % 50}", published=date(2020, 1, 1) + timedelta(days=i % 1500),
                          title=f"Story {i}", text=text)
        start = text.index(words)
        quote = Quote(start=start, end=start + len(words), text=words, kind="direct",
                      speaker=Speaker(entity=None, name="Someone", start=0, end=7))
        return Analysis(article=article, quotes=[quote], pipeline={"version": "bench"})

    extra = max(1, n // 100)
    with tempfile.TemporaryDirectory() as folder, open_store(f"sqlite:///{Path(folder) / 'bench.db'}") as store:
        made = [stored(i) for i in range(n + extra)]
        store.add_articles(a.article for a in made)
        for start in range(0, n, 500):
            store.save_analyses(made[start:min(start + 500, n)])
        started = time.perf_counter()
        run = group_quotes(store, rebuild=True)
        seconds = time.perf_counter() - started
        print(f"store (SQLite), {n:,} quotes: `quotes group --rebuild` took {seconds:.2f} s "
              f"({1000 * seconds / n:.3f} s per 1,000 quotes); {run.groups:,} groups of quotes appearing "
              "more than once")
        store.save_analyses(made[n:])
        started = time.perf_counter()
        run = group_quotes(store)
        print(f"catching up with {run.added:,} more: {time.perf_counter() - started:.2f} s")


def time_real_store(url: str, top: int) -> None:
    """Groups a real store's quotes from nothing and prints what recurs."""
    from rich.console import Console

    from presslens.cli.quotes import print_recurring
    from presslens.corpus.provenance import group_quotes, recurring_quotes
    from presslens.store import open_store

    with open_store(url) as store:
        started = time.perf_counter()
        run = group_quotes(store, rebuild=True)
        seconds = time.perf_counter() - started
        print(f"{url}: {run.quotes:,} quotes of the latest analyses; `quotes group --rebuild` took {seconds:.2f} s "
              f"({1000 * seconds / max(run.quotes, 1):.3f} s per 1,000 quotes)")
        print_recurring(Console(highlight=False, width=200), recurring_quotes(store, limit=top))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=100_000)
    parser.add_argument("--repeats", type=float, default=0.2, help="share of quotes made from an earlier one")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--store", type=int, default=0, help="also time grouping through a SQLite store of this many")
    parser.add_argument("--db", help="group the quotes of this store instead of made-up ones")
    parser.add_argument("--top", type=int, default=10, help="with --db: how many of the largest groups to list")
    args = parser.parse_args()
    if args.db:
        time_real_store(args.db, args.top)
        return
    quotes, planted = made_up_quotes(args.quotes, args.repeats, args.seed)
    assert words_of(" ".join(quotes[0])) == quotes[0]  # the made-up words are words as the rule reads them
    started = time.perf_counter()
    wording_ids: dict[Words, int] = {}
    for words in quotes:
        wording_ids.setdefault(words, len(wording_ids))
    grouping = group_wordings({i: words for words, i in wording_ids.items() if len(words) >= 6})
    seconds = time.perf_counter() - started
    group_of = grouping.group_of
    wordings = len(group_of)
    all_pairs = wordings * (wordings - 1) // 2

    def group(i: int) -> int | None:
        return group_of.get(wording_ids[quotes[i]])

    found = sum(1 for copy, source in planted if group(copy) is not None and group(copy) == group(source))
    sizes: dict[int, int] = {}
    for words in quotes:
        if (g := group_of.get(wording_ids[words])) is not None:
            sizes[g] = sizes.get(g, 0) + 1
    print(f"quotes: {len(quotes):,}; distinct wordings grouped: {wordings:,}")
    print(f"grouping took {seconds:.2f} s: {1000 * seconds / len(quotes):.3f} s per 1,000 quotes")
    print(f"candidate pairs (share a shingle): {grouping.candidate_pairs:,}; tested by the rule: "
          f"{grouping.tested_pairs:,}; all pairs: {all_pairs:,} "
          f"({grouping.candidate_pairs / max(all_pairs, 1):.6%} of them proposed)")
    print(f"planted repetitions grouped with their original: {found:,} of {len(planted):,}")
    print(f"quotes appearing more than once: {sum(1 for n in sizes.values() if n > 1):,} groups; "
          f"largest: {sorted(sizes.values(), reverse=True)[:5]}")
    if args.store:
        time_store(quotes, min(args.store, len(quotes) * 100 // 101))


if __name__ == "__main__":
    main()
