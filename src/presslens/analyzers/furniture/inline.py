"""Furniture inside a line of prose: the stretches a page runs into a sentence.

- A name's link card: a page that links a person's name prints, right after it, the name in
  full run together with the headlines of other stories about them, up to a "MORE" link:
  "President Trump Donald John TrumpKamala Harris calls for ... MORE on Monday said". The card
  runs from the full name to "MORE"; the sentence around it stays prose. It is found by its form:
  a surname written again within a few words, glued to a capitalised word, a "MORE" after it.
- A link in parentheses: "( Also on POLITICO: Rove under fire)", "(Read more: ...)".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# A word with a capital inside it after a lower-case letter: "TrumpKamala", "McConnellTrump".
GLUED = re.compile(r"\b[A-Z][A-Za-z]*[a-z][A-Z][\w'’]*")
MORE = re.compile(r"\bMORE\b")
PARENTHESISED_LINK = re.compile(
    r"\(\s*(?:Also on [^:()]{1,40}|Read more|Read|Related|See also|Also read|More|Watch)\s*:[^()]{1,200}\)",
    re.IGNORECASE,
)
CARD_LENGTH = 800  # the longest a card runs, in characters
NAME_REACH = 80  # how far before the glued word the name it repeats may be


def name_cards(line: str) -> Iterator[tuple[int, int]]:
    """[start, end) of each link card in `line`."""
    searched = 0
    for glued in GLUED.finditer(line):
        if glued.start() < searched:
            continue
        more = MORE.search(line, glued.end(), glued.end() + CARD_LENGTH)
        start = _card_start(line, glued)
        if more is None or start is None:
            continue
        searched = more.end()
        yield start, more.end()


def _card_start(line: str, glued: re.Match) -> int | None:
    """Where the card of a glued word begins: just after the last mention of the surname the
    word starts with, within NAME_REACH characters before it; None when there is none."""
    word = glued.group()
    before_start = max(0, glued.start() - NAME_REACH)
    before = line[before_start:glued.start()]
    for i in range(2, len(word)):
        if not (word[i - 1].islower() and word[i].isupper()):
            continue
        mentions = list(re.finditer(rf"\b{re.escape(word[:i])}\b", before))
        if mentions:
            start = before_start + mentions[-1].end()
            while start < glued.start() and not line[start].isalnum():
                start += 1
            return start
    return None


def parenthesised_links(line: str) -> Iterator[tuple[int, int]]:
    for match in PARENTHESISED_LINK.finditer(line):
        yield match.start(), match.end()
