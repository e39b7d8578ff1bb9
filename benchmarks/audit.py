"""The audit of issue #25: quotes, speakers, people and furniture on hand-annotated AllSides articles.

    .venv/bin/python benchmarks/audit.py [--corpus FILE] [--annotations FILE] [--verbose]

The set (benchmarks/audit/annotations.json, drawn by benchmarks/audit_set.py) holds, for 32
articles, the direct quotes and their speakers, the people named with every form the text
uses, strings that are not people, and the furniture lines (captions, link lines, sign-up
boxes ...). The articles are re-read from the corpus and analysed by the default pipeline
(framing off), and the figures are printed beside the issue's targets. The matching rules are
in docs/audit.md.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

from audit_set import ANNOTATIONS, CORPUS, read_annotated, text_check
from presslens.analysis import Analysis, Entity, Quote
from presslens.pipeline import Pipeline

COMPONENTS = (
    "presslens_furniture", "presslens_entities", "presslens_quotes", "presslens_time_refs", "presslens_claims",
)
DIRECT_KINDS = ("direct", "mixed")
MATCH = 0.5  # the share of a span that another must cover to match it
TARGETS = {"speaker accuracy": 0.90, "direct-quote recall": 0.90, "quote precision": 0.95, "person precision": 0.95}


@dataclass
class Tally:
    """Counts over one article or the whole set (each figure is a part of a whole), and what
    was missed or wrong, for --verbose."""
    count: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.count.update(other.count)


HONORIFIC = re.compile(r"^(?:the |mr\.? |mrs\.? |ms\.? |miss |dr\.? )")


def normal(name: str) -> str:
    """A name compared without case, curly apostrophes, a leading 'the' or honorific (entity
    names carry none), a possessive or edge punctuation."""
    name = name.replace("’", "'").casefold()
    name = re.sub(r"'s$", "", " ".join(name.split()))
    return HONORIFIC.sub("", name.strip(" .,:;\"'()"))


def holds(longer: str, shorter: str) -> bool:
    return bool(re.search(rf"(?<!\w){re.escape(shorter)}(?!\w)", longer))


def names_match(candidate: str, forms: set[str]) -> bool:
    """The candidate is one of the forms, or one of them holds the other as whole words where
    the part held is of two words or more ("Secretary of State Mike Pompeo" holds "Mike Pompeo",
    "Enrique Pena Nieto" holds "Pena Nieto"; "Melania Trump" and "Trump" do not match)."""
    candidate = normal(candidate)
    if candidate in forms:
        return True
    return any((" " in form and holds(candidate, form)) or (" " in candidate and holds(form, candidate))
               for form in forms)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def covers(span: tuple[int, int], by: tuple[int, int]) -> bool:
    return overlap(span, by) >= MATCH * max(1, span[1] - span[0])


def in_furniture(span: tuple[int, int], furniture: list[tuple[int, int]]) -> bool:
    inside = sum(overlap(span, f) for f in furniture)
    return inside >= MATCH * max(1, span[1] - span[0])


class Gold:
    """One article's annotations, with the forms of each named speaker normalised."""

    def __init__(self, annotation: dict) -> None:
        self.id = annotation["id"]
        self.quotes = annotation["quotes"]
        self.furniture = [(f["start"], f["end"]) for f in annotation["furniture"]]
        named = annotation["people"] + annotation.get("organisations", [])
        self.forms = {p["name"]: {normal(f) for f in [p["name"], *p["forms"]]} for p in named}
        self.person_forms = set().union(*(self.forms[p["name"]] for p in annotation["people"]))
        self.not_people = {normal(n) for n in annotation["not_people"]}

    def who(self, name: str) -> str | None:
        """The annotated person or organisation a name is a form of, if exactly one."""
        matches = [who for who, forms in self.forms.items() if names_match(name, forms)]
        return matches[0] if len(matches) == 1 else None


def speaker_right(quote: Quote, gold_speaker: str, gold: Gold, entities: dict[str, Entity]) -> bool:
    """Right when the predicted speaker is the gold one: judged by the entity's name when the
    speaker has an entity (so a wrong merge is wrong), else by the name written; only a name
    that is no annotated person's falls back to the entity's aliases."""
    if quote.speaker is None:
        return False
    entity = entities.get(quote.speaker.entity or "")
    identity = entity.name if entity else quote.speaker.name
    who = gold.who(identity)
    if who is not None:
        return who == gold_speaker
    aliases = entity.aliases if entity else []
    return any(gold.who(alias) == gold_speaker for alias in aliases)


def score_quotes(gold: Gold, analysis: Analysis, tally: Tally) -> None:
    entities = {e.id: e for e in analysis.entities}
    predicted = [q for q in analysis.quotes if q.kind in DIRECT_KINDS]
    for g in gold.quotes:
        span = (g["start"], g["end"])
        matching = [q for q in predicted if covers(span, (q.start, q.end))]
        kind = "partial" if g["partial"] else "full"
        tally.count["gold"] += 1
        tally.count[f"gold_{kind}"] += 1
        if not matching:
            tally.notes.append(f"missed quote [{span[0]},{span[1]}) of {g['speaker'] or 'no one named'}")
            continue
        tally.count["found"] += 1
        tally.count[f"found_{kind}"] += 1
        if g["speaker"]:
            best = max(matching, key=lambda q: overlap(span, (q.start, q.end)))
            tally.count["attributed"] += 1
            if speaker_right(best, g["speaker"], gold, entities):
                tally.count["speaker_right"] += 1
            else:
                shown = best.speaker.name if best.speaker else "no speaker"
                tally.notes.append(f"speaker of [{span[0]},{span[1]}): {shown!r}, not {g['speaker']!r}")
    gold_spans = [(g["start"], g["end"]) for g in gold.quotes]
    for q in predicted:
        span = (q.start, q.end)
        if in_furniture(span, gold.furniture):
            continue
        tally.count["predicted"] += 1
        if any(covers(g, span) or covers(span, g) for g in gold_spans):
            tally.count["predicted_right"] += 1
        else:
            tally.notes.append(f"quote not in the gold [{q.start},{q.end}) {q.text[:50]!r}")


def score_people(gold: Gold, analysis: Analysis, tally: Tally) -> None:
    """A PERSON entity is right when its name is a form of an annotated person and one of its
    mentions lies outside furniture; anything else is wrong, whether it is in not_people or in
    no list at all (every person named in prose is annotated)."""
    for entity in analysis.entities:
        if entity.type != "PERSON":
            continue
        tally.count["persons"] += 1
        outside = any(not in_furniture((m.start, m.end), gold.furniture) for m in entity.mentions)
        if outside and names_match(entity.name, gold.person_forms):
            tally.count["persons_right"] += 1
            continue
        why = ("only in furniture" if not outside else
               "annotated as not a person" if normal(entity.name) in gold.not_people else "no annotated person's form")
        tally.notes.append(f"PERSON {entity.name!r}: {why}")


def score_furniture(gold: Gold, analysis: Analysis, tally: Tally) -> None:
    for q in analysis.quotes:
        if in_furniture((q.start, q.end), gold.furniture):
            tally.count["furniture_quotes"] += 1
            tally.notes.append(f"quote in furniture [{q.start},{q.end}) {q.text[:50]!r}")
    for c in analysis.claims:
        if in_furniture((c.start, c.end), gold.furniture):
            tally.count["furniture_claims"] += 1
            tally.notes.append(f"claim in furniture [{c.start},{c.end}) {c.text[:50]!r}")


def load_annotations(path: Path) -> list[dict]:
    if not path.is_file():
        sys.exit(f"error: {path}: not found (the audit annotations)")
    try:
        articles = json.loads(path.read_text(encoding="utf-8")).get("articles")
    except (ValueError, AttributeError) as exc:
        sys.exit(f"error: {path}: not JSON annotations ({exc})")
    if not isinstance(articles, list):
        sys.exit(f"error: {path}: no 'articles' list (not an audit annotations file)")
    return articles


# (figure, counted part, counted whole, what it is over); a whole of None prints a count
FIGURES = (
    ("speaker accuracy", "speaker_right", "attributed", "attributed gold direct quotes found"),
    ("direct-quote recall", "found", "gold", "gold direct quotes found"),
    ("  full quotes", "found_full", "gold_full", "quotes that are a sentence of their own"),
    ("  partial quotes", "found_partial", "gold_partial", "quoted words inside the reporter's sentence"),
    ("quote precision", "predicted_right", "predicted", "direct and mixed quotes outside furniture"),
    ("person precision", "persons_right", "persons", "PERSON entities that are annotated people"),
    ("quotes in furniture", "furniture_quotes", None, "quotes of any kind"),
    ("claims in furniture", "furniture_claims", None, ""),
)


def value(count: Counter[str], part: str, whole: str | None) -> str:
    if whole is None:
        return str(count[part])
    return f"{count[part] / count[whole]:.3f}  ({count[part]}/{count[whole]})" if count[whole] else "-"


def target(name: str) -> str:
    if name in TARGETS:
        return f">= {TARGETS[name]:.2f}"
    return "0" if "furniture" in name else ""


def report(console: Console, total: Tally, rows: list[tuple[str, str, Tally]], verbose: bool) -> None:
    table = Table(title=f"presslens audit: {len(rows)} hand-annotated AllSides articles")
    for column in ("figure", "value", "target", "over"):
        table.add_column(column)
    for name, part, whole, over in FIGURES:
        table.add_row(name, value(total.count, part, whole), target(name), over)
    console.print(table)
    if not verbose:
        return
    shown = [f for f in FIGURES if not f[0].startswith(" ")]
    per_article = Table(title="per article")
    for column in ("article", "outlet", *(f[0] for f in shown)):
        per_article.add_column(column)
    for record_id, outlet, tally in rows:
        per_article.add_row(record_id, outlet, *(value(tally.count, part, whole) for _, part, whole, _ in shown))
    console.print(per_article)
    for record_id, _, tally in rows:
        for note in tally.notes:
            console.print(f"{record_id}  {note}", markup=False, highlight=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the AllSides JSON Lines file (gzip)")
    parser.add_argument("--annotations", type=Path, default=ANNOTATIONS, help="the hand annotations (JSON)")
    parser.add_argument("--verbose", action="store_true", help="also print per-article figures and every miss")
    args = parser.parse_args()
    annotations = load_annotations(args.annotations)
    articles = read_annotated([a["id"] for a in annotations], args.corpus)
    for annotation in annotations:
        item = articles.get(annotation["id"])
        if item is None:
            sys.exit(f"error: {args.corpus}: no article with id {annotation['id']} (annotated in {args.annotations})")
        if text_check(item.article.text) != annotation["text"]:
            sys.exit(f"error: {annotation['id']}: the text read differs from the one annotated (SHA-1 or length); "
                     "the reader changed, so the offsets no longer hold")
    pipeline = Pipeline(COMPONENTS)
    total, rows = Tally(), []
    for annotation in annotations:
        item = articles[annotation["id"]]
        gold, analysis, tally = Gold(annotation), pipeline.analyze(item.article), Tally()
        score_quotes(gold, analysis, tally)
        score_people(gold, analysis, tally)
        score_furniture(gold, analysis, tally)
        total.add(tally)
        rows.append((annotation["id"], item.outlet, tally))
    report(Console(width=max(Console().width, 160)), total, rows, args.verbose)


if __name__ == "__main__":
    main()
