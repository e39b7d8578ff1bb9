"""The check-worthiness data split, its scores, and a training run from a tiny random encoder."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from presslens.errors import InputError
from presslens.training.claims_data import (
    CLEF_DEV_DEBATES,
    CLEF_HELD_OUT_DEBATES,
    Sentence,
    average_precision,
    claimbuster_part,
    clef_map,
    kfold_parts,
    load_claims,
)
from support.checkworthy import ALL_SENTENCES, CHECK_WORTHY, DEBATES, write_claims_data

PINNED_PARTS = ["test", "test", "dev", "fit", "fit", "fit", "fit", "fit", "fit", "dev"]


def test_the_split_is_fixed_by_sentence_id_and_debate(tmp_path: Path) -> None:
    # Pinned: a change to the hash or the buckets would silently move held-out sentences into training.
    assert [claimbuster_part(i) for i in range(1000, 1010)] == PINNED_PARTS
    data = load_claims(write_claims_data(tmp_path / "claims"))
    assert {s.group for s in data.clef["dev"]} == set(CLEF_DEV_DEBATES)
    assert {s.group for s in data.clef["test"]} == set(CLEF_HELD_OUT_DEBATES)
    assert {s.group for s in data.clef["fit"]} == set(DEBATES) - set(CLEF_DEV_DEBATES) - set(CLEF_HELD_OUT_DEBATES)
    assert all(data.claimbuster[part] for part in ("fit", "dev", "test"))


def test_average_precision_and_map_follow_checkthat() -> None:
    # Positives ranked 1st and 3rd: (1/1 + 2/3) / 2.
    assert average_precision(np.array([1, 0, 1]), np.array([0.9, 0.5, 0.1])) == pytest.approx(5 / 6)
    lines = [Sentence("a", 1, "one"), Sentence("b", 0, "one"), Sentence("c", 0, "two"), Sentence("d", 1, "two")]
    result = clef_map(lines, np.array([0.9, 0.1, 0.8, 0.2]))
    assert result["debates"] == {"one": 1.0, "two": 0.5}
    assert result["map"] == pytest.approx(0.75)


def test_a_bad_label_names_the_file_and_line(tmp_path: Path) -> None:
    folder = write_claims_data(tmp_path / "claims")
    clef = folder / "clef2019-train.csv"
    lines = clef.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace(",1,", ",yes,").replace(",0,", ",yes,")
    clef.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_claims(folder)
    assert caught.value.line == 3 and "label" in caught.value.problem


def test_training_writes_a_model_folder_that_loads_and_scores(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    # deferred: these import torch, which the test may skip without
    from presslens.analyzers.claims.model import ClaimModel
    from presslens.training.claims import train_claims
    from support.tiny_encoder import write_tiny_encoder

    data = write_claims_data(tmp_path / "claims")
    base = write_tiny_encoder(tmp_path / "tiny-bert", ALL_SENTENCES)
    out = tmp_path / "model"
    metrics = train_claims(data, out, base=base, epochs=1, seed=3, log=lambda _: None, recipe="finetuned")

    assert sorted(p.name for p in out.iterdir()) \
        == ["MODEL_CARD.md", "config.json", "metrics.json", "model.onnx", "tokenizer.json"]
    assert json.loads((out / "metrics.json").read_text()) == metrics
    assert {"fp32", "int8"} <= set(metrics["held_out"])
    assert set(metrics["held_out"]["int8"]["clef"]["debates"]) == set(CLEF_HELD_OUT_DEBATES)
    config = json.loads((out / "config.json").read_text())
    assert 0 < config["threshold"] < 1
    assert config["heads"] == ["claimbuster", "clef"] and set(config["platt"]) == set(config["heads"])
    model = ClaimModel(out)
    for head in config["heads"]:
        scores = model.score([CHECK_WORTHY[0], "Thanks."], head=head)
        assert len(scores) == 2 and all(0 <= s <= 1 for s in scores)


def test_the_frozen_recipe_writes_heads_on_the_shared_encoder_without_torch(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from presslens.analyzers.claims.model import ClaimModel
    from presslens.training.claims import train_claims

    out = tmp_path / "model"
    metrics = train_claims(write_claims_data(tmp_path / "claims"), out, log=lambda _: None, recipe="frozen")
    assert sorted(p.name for p in out.iterdir()) == ["MODEL_CARD.md", "config.json", "head.npz", "metrics.json"]
    assert metrics["shipped"] == "frozen"
    assert set(metrics["held_out"]["frozen"]["clef"]["debates"]) == set(CLEF_HELD_OUT_DEBATES)
    model = ClaimModel(out)
    worthy, chatter = model.score([CHECK_WORTHY[0], "Thanks, and good evening."])
    assert worthy > chatter


def test_the_kfold_puts_every_sentence_in_one_test_fold_and_debates_whole(tmp_path: Path) -> None:
    data = load_claims(write_claims_data(tmp_path / "claims"))
    everything = sorted(s.key for part in ("fit", "dev", "test") for s in data.sentences(part))
    folds = [kfold_parts(data, fold, 3) for fold in range(3)]
    assert sorted(s.key for f in folds for s in f.sentences("test")) == everything
    for f in folds:
        assert sorted(s.key for part in ("fit", "dev", "test") for s in f.sentences(part)) == everything
        tested = {s.group for s in f.clef["test"]}
        assert tested.isdisjoint({s.group for s in f.clef["fit"] + f.clef["dev"]})


def test_kfold_predictions_keep_no_text_and_pool_into_one_figure(tmp_path: Path) -> None:
    from presslens.training.claims_kfold import run_fold, summary

    folder = write_claims_data(tmp_path / "claims")

    def by_length(parts):
        return 0.5, [min(len(s.text) / 100, 1.0) for s in parts.claimbuster["test"]], \
            [min(len(s.text) / 100, 1.0) for s in parts.clef["test"]]

    found = [run_fold(folder, fold, 3, by_length, tmp_path / f"fold{fold}.json") for fold in range(3)]
    kept = (tmp_path / "fold0.json").read_text()
    assert CHECK_WORTHY[0] not in kept
    pooled = summary(found)
    assert pooled["claimbuster"]["sentences"] == len(load_claims(folder).claimbuster["fit"]) + sum(
        len(load_claims(folder).claimbuster[p]) for p in ("dev", "test"))
    assert pooled["clef"]["debates"] == len(DEBATES)


def test_training_refuses_data_without_a_held_out_part(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    from presslens.training.claims import train_claims  # deferred: imports torch, which the test may skip without

    folder = write_claims_data(tmp_path / "claims")
    (folder / "clef2019-train.csv").write_text("line_number,speaker,text,label,file_name\n1,A,Hello.,0,x.tsv\n")
    with pytest.raises(InputError, match="dev part"):
        train_claims(folder, tmp_path / "model", epochs=1, log=lambda _: None)
