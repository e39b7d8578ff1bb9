"""The input of `presslens stories cluster`: one JSON article a line, with `id`, `title` and
`text`, and optionally `outlet` and `published`. Every bad line is reported, not just the first."""

from __future__ import annotations

import json
from pathlib import Path

from presslens.article import Article
from presslens.errors import InputError
from presslens.readers.dates import date_or_none

REQUIRED = ("id", "title", "text")
OPTIONAL = ("outlet", "published")


def read_story_lines(path: Path) -> tuple[list[Article], list[InputError]]:
    """The articles of a JSONL file, in order, and an error for each line that is not one."""
    articles: list[Article] = []
    errors: list[InputError] = []
    first_line: dict[str, int] = {}
    source = str(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        return [], [InputError(source, exc.strerror or "cannot be read")]
    with handle:
        for number, line in enumerate(handle, start=1):
            try:
                article = _article(line, source, number)
            except InputError as error:
                errors.append(error)
                continue
            if article.id in first_line:
                errors.append(InputError(source, f"id {article.id!r} is already on line {first_line[article.id]}",
                                         number))
                continue
            first_line[article.id] = number
            articles.append(article)
    if not articles and not errors:
        errors.append(InputError(source, "no articles (expected one JSON object a line)"))
    return articles, errors


def _article(line: str, source: str, number: int) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(source, f"not JSON ({exc.msg})", number) from None
    if not isinstance(record, dict):
        raise InputError(source, f"expected a JSON object, got {type(record).__name__}", number)
    missing = [name for name in REQUIRED if not isinstance(record.get(name), str)]
    if missing:
        raise InputError(source, f"needs string field(s) {', '.join(missing)}", number)
    if not record["id"].strip() or not record["text"].strip():
        raise InputError(source, "id and text must not be empty", number)
    outlet = record.get("outlet")
    if outlet is not None and not isinstance(outlet, str):
        raise InputError(source, "field 'outlet' must be a string", number)
    published = date_or_none(record.get("published"), source, number, "field 'published': ")
    return Article(text=record["text"], title=record["title"], outlet=outlet or None, published=published,
                   id=record["id"])
