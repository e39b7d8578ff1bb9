"""Throughput and peak memory of `presslens analyze` beside spaCy's `nlp.pipe` alone.

    .venv/bin/python benchmarks/throughput.py                 # 50 AllSides articles
    .venv/bin/python benchmarks/throughput.py --n 300
    .venv/bin/python benchmarks/throughput.py --folder my_articles/

Without --folder it writes N articles from ../shared/data/corpus/allsides.jsonl.gz
into a temporary folder as agency-dump text files (`date ... By OUTLET`, blank line,
body), so both phases read real files through presslens.readers.

Each phase runs in its own fresh Python process, one after the other, on the same texts:

- `spacy`: the base model presslens loads (presslens.nlp.load_nlp, no presslens
  components), `nlp.pipe(texts)`; the texts are read before the clock starts.
- `presslens`: `Pipeline(default_components()).analyze_many(iter_articles([folder]))`
  with every analysis turned into its JSON contract string, as `presslens analyze
  --format jsonl` does (so with entity framing when PRESSLENS_FRAMING=1 is set, as
  there); reading the files is inside the clock.

Reported per phase: load seconds (model and components, outside the clock), seconds and
articles per second over the whole run, thousands of characters per second, and the peak
resident set size of that process (ru_maxrss of RUSAGE_SELF, read in the child at the
end: interpreter, libraries, models and the run together), and the peak already reached
right after loading, so the difference is what processing added.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "allsides.jsonl.gz"
PHASES = ("spacy", "presslens")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def write_sample(folder: Path, n: int) -> int:
    """N dated articles from the AllSides corpus, one agency-dump file each."""
    written = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            published, text = record.get("published") or "", (record.get("text") or "").strip()
            if len(published) != 10 or published[4] != "-" or not text:
                continue
            header = f"date {published} By {record.get('outlet') or 'Unknown'}"
            (folder / f"{written:06d}.txt").write_text(f"{header}\n\n{text}\n", encoding="utf-8")
            written += 1
            if written == n:
                break
    return written


def run_spacy(folder: Path, batch_size: int) -> dict:
    from presslens.nlp import load_nlp
    from presslens.readers import iter_articles

    texts = [article.text for article in iter_articles([folder])]
    started = time.perf_counter()
    nlp = load_nlp()
    loaded = time.perf_counter()
    load_peak = peak_rss_mb()
    count = sum(1 for _ in nlp.pipe(texts, batch_size=batch_size))
    return _result(count, sum(map(len, texts)), loaded - started, time.perf_counter() - loaded, load_peak)


def run_presslens(folder: Path, batch_size: int) -> dict:
    from presslens.pipeline import Pipeline, default_components
    from presslens.readers import iter_articles

    started = time.perf_counter()
    pipeline = Pipeline(default_components())
    pipeline.analyze(_warm_up_article())  # components that load models on first use do it here
    loaded = time.perf_counter()
    load_peak = peak_rss_mb()
    count = chars = 0
    for analysis in pipeline.analyze_many(iter_articles([folder]), batch_size=batch_size):
        json.dumps(analysis.to_dict(), ensure_ascii=False)
        count += 1
        chars += len(analysis.article.text)
    return _result(count, chars, loaded - started, time.perf_counter() - loaded, load_peak)


def _warm_up_article():
    from presslens.article import Article

    return Article(text='"We will rebuild," the mayor said on Monday.')


def _result(count: int, chars: int, load_s: float, run_s: float, load_peak: float) -> dict:
    return {"articles": count, "chars": chars, "load_s": load_s, "run_s": run_s,
            "peak_after_load_mb": load_peak, "peak_mb": peak_rss_mb()}


def run_phase_in_child(phase: str, folder: Path, batch_size: int) -> dict:
    command = [sys.executable, __file__, "--phase", phase, "--folder", str(folder), "--batch-size", str(batch_size)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"phase {phase} failed:\n{done.stderr.strip()}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def print_table(results: dict[str, dict], folder: Path) -> None:
    first = next(iter(results.values()))
    print(f"{first['articles']} articles, {first['chars']:,} characters, from {folder}")
    print(f"{'phase':<10} {'load s':>7} {'run s':>7} {'articles/s':>11} {'k chars/s':>10} "
          f"{'peak RSS after load MB':>23} {'peak RSS MB':>12}")
    for phase, r in results.items():
        rate = r["articles"] / r["run_s"] if r["run_s"] else float("nan")
        print(
            f"{phase:<10} {r['load_s']:>7.1f} {r['run_s']:>7.1f} {rate:>11.2f} {r['chars'] / r['run_s'] / 1e3:>10.1f} "
            f"{r['peak_after_load_mb']:>23.0f} {r['peak_mb']:>12.0f}"
        )
    spacy, presslens = results.get("spacy"), results.get("presslens")
    if spacy and presslens:
        print(f"presslens takes {presslens['run_s'] / spacy['run_s']:.1f}x the time of spaCy's nlp.pipe alone")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", type=Path, help="articles to analyse (default: a sample of the AllSides corpus)")
    parser.add_argument("--n", type=int, default=50, help="articles in the default sample (default 50)")
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--phase", choices=PHASES, help=argparse.SUPPRESS)  # internal: run one phase here
    args = parser.parse_args()

    if args.phase:
        runner = run_spacy if args.phase == "spacy" else run_presslens
        print(json.dumps(runner(args.folder, args.batch_size)))
        return
    with tempfile.TemporaryDirectory(prefix="presslens-bench-") as tmp:
        folder = args.folder
        if folder is None:
            if not CORPUS.is_file():
                sys.exit(f"no --folder given and {CORPUS} is absent")
            folder = Path(tmp)
            write_sample(folder, args.n)
        results = {phase: run_phase_in_child(phase, folder, args.batch_size) for phase in PHASES}
        print_table(results, args.folder or Path(f"AllSides sample ({CORPUS.name})"))


if __name__ == "__main__":
    main()
