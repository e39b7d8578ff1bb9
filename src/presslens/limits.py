"""The size limit on an analysed text, kept light (no spaCy) so that the server can refuse a
text before anything loads: the library refuses texts over spaCy's `nlp.max_length`
(2,000,000 characters), the web app and API those over `Settings.max_analyze_chars`."""

from __future__ import annotations

from presslens.article import Article
from presslens.errors import TooLargeError


def article_source(article: Article) -> str:
    """How an error names an article: its URL, else its title, else its id."""
    if article.url:
        return article.url
    if article.title:
        return f"article {article.title[:80]!r}"
    return f"article {article.id}"


def check_length(article: Article, limit: int, setting: str | None = None) -> None:
    """TooLargeError (one line, naming the article and the limit) when the text is longer
    than `limit` characters; `setting` names the setting that sets the limit, if any."""
    length = len(article.text)
    if length > limit:
        where = f" (set by {setting})" if setting else ""
        raise TooLargeError(
            article_source(article),
            f"{length:,} characters: the limit is {limit:,} characters per article{where}; split the text into parts",
        )
