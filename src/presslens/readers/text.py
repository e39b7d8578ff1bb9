"""Text files: agency dumps, PTC articles and plain text.

- Agency dump: `date YYYY-MM-DD By OUTLET` on line 1, a blank line, the body. The header
  becomes `published` and `outlet`; `text` is the body alone.
- PTC article (`article<ID>.txt`): `text` is the file unchanged, because PTC label
  offsets count into the whole file; `title` is line 1 and `id` is the PTC id.
- Plain text: `text` is the whole file; line 1 becomes the `title` (and stays in the
  text) when it looks like a headline.
"""

from __future__ import annotations

import re

from presslens.article import Article, parse_agency_header
from presslens.errors import InputError
from presslens.readers.source import check_not_empty

PTC_NAME = re.compile(r"^article(\d+)\.txt$")

# A headline is one short line standing alone above the body, without the full stop,
# colon or comma that end or continue a sentence.
_HEADLINE_MAX_CHARS = 200
_HEADLINE_MAX_WORDS = 30
_SENTENCE_ENDINGS = (".", ":", ",", ";")

# UTF-8 that was read as Windows-1252 or Latin-1 on its way to the export ("Ã¢â‚¬Ëœ" for
# "‘", "Ã©" for "é"): the character of a lead byte, then one of a continuation byte. Only
# such text goes to ftfy, which costs a couple of milliseconds an article.
_MOJIBAKE = re.compile(
    "[\u00c2\u00c3\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]"
)


def read_text(text: str, source: str, name: str) -> Article:
    """One Article from the decoded content of a text file called `name`."""
    ptc = PTC_NAME.match(name)
    if ptc:
        check_not_empty(text, source)
        return Article(text=text, title=text.split("\n", 1)[0].strip() or None, id=ptc.group(1))
    text = repair_mojibake(normalise_newlines(text).lstrip("\ufeff"))
    check_not_empty(text, source)
    first, _, rest = text.partition("\n")
    header = parse_agency_header(first)
    if header:
        body = _drop_leading_blank_lines(rest).rstrip()
        if not body:
            raise InputError(source, "agency header but no article body after it")
        return Article(text=body, outlet=header.outlet, published=header.published)
    return Article(text=text, title=headline_of(text))


def repair_mojibake(text: str) -> str:
    """The text with its mojibake decoded back ("Biden Ã¢â‚¬Ëœdoubling down" -> "Biden ‘doubling
    down"); quotes, widths, entities and line breaks stay as written."""
    if not _MOJIBAKE.search(text):
        return text
    import ftfy  # deferred: most texts never need it, and the command line starts faster

    config = ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False, fix_character_width=False,
        uncurl_quotes=False, fix_line_breaks=False, remove_control_chars=False, normalization=None, explain=False,
    )
    return ftfy.fix_text(text, config)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def headline_of(text: str) -> str | None:
    """Line 1 when it stands alone above more text and reads like a headline."""
    first, _, rest = text.lstrip().partition("\n")
    first = first.strip()
    next_line, _, body = rest.partition("\n")
    if not first or next_line.strip() or not body.strip():
        return None
    if len(first) > _HEADLINE_MAX_CHARS or len(first.split()) > _HEADLINE_MAX_WORDS:
        return None
    if first.endswith(_SENTENCE_ENDINGS):
        return None
    return first


def _drop_leading_blank_lines(text: str) -> str:
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    return "\n".join(lines)
