"""A page as a browser's parser sees it: its elements and its text, and the check that
hostile data in it stayed inert."""

from __future__ import annotations

from html.parser import HTMLParser


class Dom(HTMLParser):
    """Every element (tag, attributes) and the page's text, as the HTML parser sees them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.chunks: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.chunks.append(data)

    @property
    def text(self) -> str:
        """The text with every run of white space as one space, as a reader sees it."""
        return " ".join("".join(self.chunks).split())

    def tags(self, name: str, css: str | None = None) -> list[dict]:
        """The attributes of each `name` element (only those with class `css`, if given)."""
        return [attrs for tag, attrs in self.elements
                if tag == name and (css is None or css in (attrs.get("class") or "").split())]


def assert_inert(dom: Dom) -> None:
    """No script but our own file, no event handler attribute, no javascript: link."""
    assert [s.get("src") for s in dom.tags("script")] == ["/static/app.js"]
    assert dom.tags("img") == []
    for tag, attrs in dom.elements:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        for name in ("href", "src", "action"):
            assert not (attrs.get(name) or "").strip().lower().startswith("javascript:"), (tag, attrs)
        assert "style" not in attrs, (tag, attrs)
