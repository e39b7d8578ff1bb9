"""What a frozen sentence embedding does not show of a check-worthy sentence, read from its
words alone: numbers, percentages, money, years and months, names (capitalised words past
the first), the verb's tense, modals, who speaks (I, we, you), comparison, negation,
questions, exclamations and quotation. The claims head reads these beside the embedding.
"""

from __future__ import annotations

import re

import numpy as np

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|\d[\d,.]*%?")
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)s?\b")
_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
# Word classes, each counted as a share of the sentence's words.
WORD_CLASSES: dict[str, frozenset[str]] = {
    "past": frozenset("was were had did said made got went took came became told".split()),
    "present": frozenset("is are has does am".split()),
    "modal": frozenset("will would can could should may might must shall 'll".split()),
    "first_person": frozenset("i we my our me us".split()),
    "second_person": frozenset("you your".split()),
    "comparison": frozenset("more most less least than fewer highest lowest largest biggest".split()),
    "negation": frozenset("not never no n't nobody nothing".split()),
    "economy": frozenset("dollars million billion trillion percent tax taxes budget deficit debt jobs".split()),
}
FEATURE_NAMES = (
    "length", "numbers", "percent", "dollar_sign", "year", "month", "capitalised", "ed_words",
    *WORD_CLASSES, "question", "exclamation", "quotation",
)


def sentence_features(text: str) -> np.ndarray:
    """FEATURE_NAMES of one sentence, each in 0..1 (length: log words / 4)."""
    words = _WORD.findall(text)
    count = max(len(words), 1)
    lower = [w.lower() for w in words]
    values = [
        np.log1p(len(words)) / 4,
        min(sum(w[0].isdigit() for w in words), 3) / 3,
        "%" in text or "percent" in lower,
        "$" in text,
        _YEAR.search(text) is not None,
        any(w in _MONTHS for w in lower),
        sum(w[0].isupper() for w in words[1:]) / count,
        sum(w.endswith("ed") for w in lower) / count,
        *(sum(w in members for w in lower) / count for members in WORD_CLASSES.values()),
        text.rstrip().endswith("?"),
        "!" in text,
        any(mark in text for mark in "\"“”"),
    ]
    return np.array(values, dtype=np.float32)


def features_of(texts: list[str]) -> np.ndarray:
    return np.stack([sentence_features(t) for t in texts]) if texts else np.zeros((0, len(FEATURE_NAMES)), np.float32)
