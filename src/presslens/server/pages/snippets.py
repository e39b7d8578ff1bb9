"""Search snippets: plain text plus highlight offsets, cut into pieces the template
escapes and wraps in <mark>. Overlapping or out-of-range offsets are tolerated."""

from __future__ import annotations


def marked_pieces(snippet: str, highlights) -> list[tuple[str, bool]]:
    """(text, highlighted) pieces covering the whole snippet, in order."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for start, end in sorted((max(0, s), min(len(snippet), e)) for s, e in highlights):
        start = max(start, position)
        if end <= start:
            continue
        if start > position:
            pieces.append((snippet[position:start], False))
        pieces.append((snippet[start:end], True))
        position = end
    if position < len(snippet):
        pieces.append((snippet[position:], False))
    return pieces
