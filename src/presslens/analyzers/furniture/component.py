"""The furniture layer: what in an article's text is site furniture, not its prose.

Pages scraped to plain text keep their furniture: photo captions and credits, sign-up boxes,
"Advertisement" and "Story Continued Below", link lines to other stories, share buttons, the
headline and the outlet's name printed again, embedded tweets, a name's link card run into a
sentence. trafilatura, which presslens' HTML reader uses, leaves these out by the page's
markup; plain text has none, so the rules here read the lines themselves (lines.py, inline.py;
captions.py on the parse), and take trafilatura's own filter of share-button lines. See
docs/furniture.md.

`presslens_furniture` runs before every other presslens component and writes the `furniture`
layer (`doc._.presslens_furniture`, list[Furniture]) and `doc.spans["presslens_furniture"]`
labelled by reason; the others leave out what lies in it (`layers.in_furniture`).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from presslens.analysis import Furniture
from presslens.analyzers.furniture.captions import is_dated_caption
from presslens.analyzers.furniture.inline import name_cards, parenthesised_links
from presslens.analyzers.furniture.lines import Line, Reason, line_reasons, split_lines
from presslens.analyzers.layers import layer_attribute, masthead_of, published_of, write_layer

SPANS_KEY = "presslens_furniture"
NAME_CARD = Reason("name_card", "Headlines of other stories run into the sentence after a name (a link card).")
DATED_CAPTION = Reason("photo_caption",
                       "A photo caption: one sentence in the present tense, closed by the date of the photo.")
PARENTHESISED_LINK = Reason("link_line", "A link to another story, in parentheses.")


@Language.factory("presslens_furniture", assigns=[layer_attribute("furniture"), "doc.spans"],
                  requires=["token.tag", "token.dep", "doc.sents"])
def make_furniture(nlp: Language, name: str) -> FurnitureFinder:
    return FurnitureFinder(name)


class FurnitureFinder:
    """Writes `furniture` (list[Furniture]) and `doc.spans["presslens_furniture"]`; reads the text,
    and the title and outlet the pipeline put on the Doc (`layers.set_masthead`)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        title, outlet = masthead_of(doc)
        published = published_of(doc)
        found = find_furniture(doc.text, title, outlet, lambda line: is_dated_caption(doc, line, published))
        write_layer(doc, "furniture", SPANS_KEY, found, lambda f: f.reason)
        return doc


def find_furniture(text: str, title: str | None = None, outlet: str | None = None,
                   is_caption: Callable[[Line], bool] | None = None) -> list[Furniture]:
    """The furniture of a text, sorted by start, never overlapping: whole lines, and the
    stretches of prose lines that are a name's link card or a link in parentheses.
    `is_caption`, when given, is asked of each line no rule of lines.py marked."""
    lines = split_lines(text)
    found: list[Furniture] = []
    for line, reason in zip(lines, line_reasons(lines, title, outlet)):
        if reason is None and is_caption is not None and is_caption(line):
            reason = DATED_CAPTION
        if reason is not None:
            found.append(Furniture(line.start, line.end, reason.name, reason.why))
            continue
        for finder, inline_reason in ((name_cards, NAME_CARD), (parenthesised_links, PARENTHESISED_LINK)):
            found += [Furniture(line.start + a, line.start + b, inline_reason.name, inline_reason.why)
                      for a, b in finder(line.text)]
    return _without_overlaps(found)


def _without_overlaps(found: list[Furniture]) -> list[Furniture]:
    kept: list[Furniture] = []
    for item in sorted(found, key=lambda f: (f.start, -f.end)):
        if kept and item.start < kept[-1].end:
            continue
        kept.append(item)
    return kept
