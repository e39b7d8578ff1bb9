"""A web page saved on disk: the article's main text by trafilatura, without menus or ads.

Title, date, canonical URL and site name come from the page's metadata when present.
Paragraphs are separated by a blank line, as in every other format; the headline is
metadata here and is not repeated at the top of the text.
"""

from __future__ import annotations

import trafilatura

from presslens.article import Article
from presslens.errors import InputError
from presslens.readers.dates import DateOrder, date_or_none

# A page whose longest paragraph is shorter than this is a menu, a login or a shop page.
MIN_PROSE_WORDS = 12


def read_html(html: bytes | str, source: str, date_order: DateOrder | None = None) -> Article:
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    paragraphs = [" ".join(p.split()) for p in (document.text or "").split("\n")] if document else []
    paragraphs = [p for p in paragraphs if p]
    title = (document.title or "").strip() or None if document else None
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if not paragraphs or max(len(p.split()) for p in paragraphs) < MIN_PROSE_WORDS:
        raise InputError(source, "no article text found in this HTML page (only menus, links or short snippets)")
    published = date_or_none(document.date, source, where="page date: ", order=date_order)
    return Article(
        text="\n\n".join(paragraphs),
        title=title,
        outlet=(document.sitename or "").strip() or None,
        published=published,
        url=(document.url or "").strip() or None,
        language=document.language or "en",
    )
