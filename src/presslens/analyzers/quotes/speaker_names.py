"""Speakers as written that name no one by themselves ("he", "It", "That", "someone"): a quote
shows them by the entity they resolve to, else as unnamed (""), and every list of speakers
counts such a quote only under the entity or person it resolves to. The corpus queries read it; a word list of the
quotes analyzer's, it loads no spaCy."""

from __future__ import annotations

NOT_NAMES = frozenset(
    """
    i me we us you he him she her it they them this that these those who whom which what
    one someone somebody anyone anybody everyone everybody nobody some many others
    another all both each few most none several
    """.split()
) | {"no one", ""}  # "": a speaker the quotes analyzer left unnamed
