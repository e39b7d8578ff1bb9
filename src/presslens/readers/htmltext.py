"""Plain text from a fragment of HTML (feed summaries): tags dropped, blocks kept apart.

Block elements become paragraph breaks; script and style contents are dropped; entities
are decoded by the parser. Whitespace inside a paragraph is collapsed.
"""

from __future__ import annotations

from html.parser import HTMLParser

_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "section", "article", "table", "tr", "pre", "figure", "figcaption", "hr",
}
_DROPPED = {"script", "style", "noscript", "template"}


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[list[str]] = [[]]
        self.dropping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _DROPPED:
            self.dropping += 1
        elif tag in _BLOCKS:
            self.paragraphs.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self.dropping = max(0, self.dropping - 1)
        elif tag in _BLOCKS:
            self.paragraphs.append([])

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.paragraphs[-1].append(data)


def html_to_text(fragment: str) -> str:
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    paragraphs = (" ".join("".join(parts).split()) for parts in collector.paragraphs)
    return "\n\n".join(p for p in paragraphs if p)
