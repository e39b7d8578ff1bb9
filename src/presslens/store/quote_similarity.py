"""When two quotes are the same quote: the rule that groups a quote with its repetitions
across articles (docs/quotes.md, "Provenance"), the shingle index that proposes the pairs
to test, and the word diff a trace shows. Pure functions of the words; no database.

A quote is read as its words: case, accents, punctuation and quotation marks folded away
("We’re ready," and "we're ready" are the same words). Two quotes of at least
`MIN_WORDS` words each are one quote when

- exact: they have the same words;
- trimmed: the shorter has at least `TRIM_MIN_WORDS` words and at least `TRIM_CONTAINMENT`
  of them appear, in order, in the longer, with at most `EDIT_MAX_PLACES` places changed
  inside the excerpt (an excerpt with a change is reported as edited);
- edited: their words differ in at most `EDIT_MAX_PLACES` places (a word or a few in a row
  replaced, dropped or added in each) and match with a ratio (2 x matched words / all
  words) of at least `EDIT_RATIO`. Punctuation never counts: it is folded away first.

Groups are the connected components of that relation. Pairs are only ever tested when they
share a shingle (three words in a row): an inverted index, never all pairs. A Jaccard
MinHash/LSH index would miss trimmed excerpts, whose shingle sets overlap little with the
whole quote's. Every pair the rule accepts shares a shingle, unless two changes in a quote
of seven words or fewer leave no three words in a row untouched.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

MIN_WORDS = 6  # shorter quotes ("a disgrace", "we will not back down") recur without a common source
TRIM_MIN_WORDS = 8
TRIM_CONTAINMENT = 0.9
EDIT_RATIO = 0.8
EDIT_MAX_PLACES = 2
SHINGLE_WORDS = 3

Words = tuple[str, ...]
Relation = Literal["exact", "trimmed", "edited"]
_WORD = re.compile(r"\w+(?:'\w+)*")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


def words_of(text: str) -> Words:
    """The words a quote is compared by: folded case and accents, no punctuation or quote marks."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return tuple(_WORD.findall(folded))


def text_key(words: Words) -> str:
    """The key of one wording: two quotes with the same words have the same key."""
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()


def shingles(words: Words) -> set[int]:
    """Each run of `SHINGLE_WORDS` words, hashed to a signed 64-bit integer (a BIGINT in both databases)."""
    runs = (" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1))
    return {int.from_bytes(hashlib.blake2b(run.encode("utf-8"), digest_size=8).digest(), "big", signed=True)
            for run in runs}


def relate(a: Words, b: Words) -> Relation | None:
    """How two wordings of a quote relate under the rule; None when they are not one quote."""
    if a == b:
        return "exact" if len(a) >= MIN_WORDS else None
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < MIN_WORDS:
        return None
    # Neither test can pass when the longer is over 1.5 times the shorter and the shorter is under TRIM_MIN_WORDS.
    if len(short) < TRIM_MIN_WORDS and 2 * len(short) < EDIT_RATIO * (len(short) + len(long)):
        return None
    matcher = SequenceMatcher(None, short, long, autojunk=False)
    blocks = matcher.get_matching_blocks()
    matched = sum(block.size for block in blocks)
    changes = [op[0] != "equal" for op in matcher.get_opcodes()]
    if len(short) >= TRIM_MIN_WORDS and matched >= TRIM_CONTAINMENT * len(short):
        # An excerpt: what the longer has before and after it does not count, changes within it do.
        inner = changes[1 if changes[0] else 0:len(changes) - 1 if changes[-1] else len(changes)]
        if sum(inner) <= EDIT_MAX_PLACES:
            return "trimmed" if max(block.size for block in blocks) == len(short) else "edited"
    if sum(changes) <= EDIT_MAX_PLACES and 2 * matched >= EDIT_RATIO * (len(short) + len(long)):
        return "edited"
    return None


def shared_shingles_needed(shortest: int) -> int:
    """The fewest shingles two wordings `relate` accepts can share, the shorter having
    `shortest` words: at most three runs of matched words (two places changed), each run of
    n words holding n - 2 shingles, and at least 0.8 of the shorter's words matched. One less,
    for a shingle repeated within a quote."""
    return max(1, int(EDIT_RATIO * shortest) - 2 * (EDIT_MAX_PLACES + 1) - 1)


@dataclass
class Grouping:
    """Wordings grouped: each id's group (the smallest id in it), and what finding it cost."""

    group_of: dict[int, int]
    candidate_pairs: int = 0  # pairs sharing a shingle
    tested_pairs: int = 0  # of those, pairs the rule was applied to: sharing enough shingles, not already in one group


class _Components:
    """Union-find over ids."""

    def __init__(self, ids: Iterable[int]) -> None:
        self.parent = {i: i for i in ids}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def group_wordings(wordings: Mapping[int, Words]) -> Grouping:
    """The groups of distinct wordings (id -> words): connected components of `relate`,
    testing only pairs that share a shingle."""
    postings: dict[int, list[int]] = {}
    shingled = {wording_id: shingles(words) for wording_id, words in wordings.items()}
    for wording_id, found in shingled.items():
        for shingle in found:
            postings.setdefault(shingle, []).append(wording_id)
    components = _Components(wordings)
    grouping = Grouping(group_of={})
    for a, found in shingled.items():
        shared: Counter[int] = Counter()
        for shingle in found:
            shared.update(b for b in postings[shingle] if b > a)
        grouping.candidate_pairs += len(shared)
        for b, n in shared.items():
            if n < shared_shingles_needed(min(len(wordings[a]), len(wordings[b]))):
                continue
            if components.find(a) == components.find(b):
                continue
            grouping.tested_pairs += 1
            if relate(wordings[a], wordings[b]):
                components.union(a, b)
    grouping.group_of = {i: components.find(i) for i in wordings}
    return grouping


@dataclass
class WordChange:
    """One stretch of a word diff: words kept, added, dropped, or replaced (`was` -> `now`)."""

    op: Literal["same", "added", "dropped", "replaced"]
    was: str
    now: str


@dataclass
class WordDiff:
    added: int
    dropped: int
    replaced: int
    changes: list[WordChange]


_OPS = {"equal": "same", "insert": "added", "delete": "dropped", "replace": "replaced"}


def word_diff(first: Sequence[str], other: Sequence[str]) -> WordDiff:
    """What `other` changed from `first`, word by word (a replacement counts the words it replaced)."""
    changes, counts = [], {"added": 0, "dropped": 0, "replaced": 0}
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, list(first), list(other), autojunk=False).get_opcodes():
        op = _OPS[tag]
        was, now = " ".join(first[i1:i2]), " ".join(other[j1:j2])
        if op == "added":
            counts["added"] += j2 - j1
        elif op == "dropped":
            counts["dropped"] += i2 - i1
        elif op == "replaced":
            counts["replaced"] += max(i2 - i1, j2 - j1)
        changes.append(WordChange(op, was, now))
    return WordDiff(**counts, changes=changes)
