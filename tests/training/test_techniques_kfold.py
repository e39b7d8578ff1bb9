"""The technique k-fold: every article is tested exactly once, and a fold's predictions are
kept without the article's words and scored from the file."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from presslens.errors import InputError
from presslens.training.techniques_data import load_ptc
from presslens.training.techniques_kfold import kfold_parts, read_fold, summary
from support.ptc import SENTENCES, write_ptc
from support.tiny_encoder import write_tiny_encoder


def test_each_article_is_tested_in_exactly_one_fold_and_never_tunes_its_own(tmp_path: Path) -> None:
    articles = load_ptc(write_ptc(tmp_path / "ptc", n_articles=60))
    folds = [kfold_parts(articles, fold, 5) for fold in range(5)]
    tested = [a.id for parts in folds for a in parts["test"]]
    assert sorted(tested) == sorted(a.id for a in articles)
    for parts in folds:
        ids = {name: {a.id for a in items} for name, items in parts.items()}
        assert not ids["test"] & ids["dev"] and not ids["test"] & ids["fit"] and not ids["dev"] & ids["fit"]
        assert len(ids["fit"]) > len(ids["test"]) > len(ids["dev"]) > 0


def test_a_fold_outside_the_range_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="fold: 5 is not one of 0 to 4"):
        kfold_parts([], 5, 5)


def test_a_fold_runs_writes_no_text_and_scores_from_its_file(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from presslens.training.techniques_kfold import run_fold  # deferred: trains with torch

    ptc = write_ptc(tmp_path / "ptc", n_articles=40)
    base = write_tiny_encoder(tmp_path / "tiny-bert", [s for s, _, _ in SENTENCES])
    out = tmp_path / "results" / "fold-1.json.gz"
    figures = run_fold(ptc, 1, out, folds=5, base=base, epochs=1, seed=3, max_length=128, log=lambda _: None)

    written = gzip.open(out, "rt", encoding="utf-8").read()
    assert not any(sentence in written for sentence, _, _ in SENTENCES)
    articles = {a.id: a for a in load_ptc(ptc)}
    record = read_fold(out)
    tested_ids = {a.id for a in kfold_parts(list(articles.values()), 1)["test"]}
    assert {p["article"] for p in record["predictions"]} == tested_ids
    assert summary([record], articles) == figures
    tested = figures["all"]
    assert tested["articles"] == record["articles"]["test"]
    assert tested["gold_spans"] == sum(len(articles[p["article"]].spans) for p in record["predictions"])
    assert 0 <= tested["tc"]["f1"] <= 1
