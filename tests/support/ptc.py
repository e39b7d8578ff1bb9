"""A tiny PTC-format folder the technique tests write themselves: our own sentences, each
with the phrase that carries a technique."""

from __future__ import annotations

from pathlib import Path

SENTENCES = [
    ("The corrupt, lying elites have betrayed every honest worker.", "corrupt, lying elites", "Loaded_Language"),
    ("Only a traitor would vote for this disgraceful bill.", "traitor", "Name_Calling,Labeling"),
    ("Make our town great again, make it great again!", "Make our town great again", "Slogans"),
    ("The rain fell on the valley and the river rose slowly.", None, None),
    (
        "Is the minister really telling us the whole truth?",
        "Is the minister really telling us the whole truth?",
        "Doubt",
    ),
    (
        "If we let them in, our children will never be safe again.",
        "our children will never be safe again",
        "Appeal_to_fear-prejudice",
    ),
    ("The committee met on Tuesday to review the budget.", None, None),
]


def write_ptc(root: Path, n_articles: int = 24) -> Path:
    """A PTC folder: train-articles/article<ID>.txt and TC labels with offsets into the whole file."""
    articles = root / "train-articles"
    labels = root / "train-labels-task2-technique-classification"
    articles.mkdir(parents=True)
    labels.mkdir()
    for n in range(n_articles):
        article_id = str(700000 + n)
        chosen = [SENTENCES[(n + k) % len(SENTENCES)] for k in range(5)]
        text = f"Title number {n}\n\n" + "\n".join(s for s, _, _ in chosen) + "\n"
        lines = []
        for _, phrase, technique in chosen:
            if phrase:
                start = text.find(phrase)
                lines.append(f"{article_id}\t{technique}\t{start}\t{start + len(phrase)}\n")
        (articles / f"article{article_id}.txt").write_text(text, encoding="utf-8")
        (labels / f"article{article_id}.task2-TC.labels").write_text("".join(lines), encoding="utf-8")
    return root
