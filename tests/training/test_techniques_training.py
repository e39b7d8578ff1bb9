"""Training smoke test: a few steps from a tiny random BERT, through ONNX export, tuning and scoring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presslens.analyzers.techniques.component import TechniqueModel
from presslens.training.settings import TechniquesTrainingSettings
from presslens.training.techniques_data import load_ptc
from support.ptc import SENTENCES, write_ptc
from support.tiny_encoder import write_tiny_encoder

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")


def test_training_exports_a_model_that_loads_and_predicts(tmp_path: Path) -> None:
    from presslens.training.techniques import (
        train_techniques,  # deferred: imports torch, which the module may skip without
    )

    ptc = write_ptc(tmp_path / "ptc", n_articles=30)
    base = write_tiny_encoder(tmp_path / "tiny-bert", [s for s, _, _ in SENTENCES])
    out = tmp_path / "model"
    metrics = train_techniques(ptc, out, base=base, epochs=1, seed=3, max_length=128, log=lambda _: None)

    assert sorted(p.name for p in out.iterdir()) == [
        "MODEL_CARD.md", "config.json", "labels.json", "metrics.json", "model.onnx", "span_head.npz", "tokenizer.json"
    ]
    written = json.loads((out / "metrics.json").read_text())
    assert written == metrics
    assert written["settings"]["max_length"] == 128 and written["settings"]["stride"] == 112
    config = json.loads((out / "config.json").read_text())
    assert (config["max_length"], config["stride"]) == (128, 96)  # inference windows overlap by a quarter
    assert {"fp32", "int8"} <= set(written["held_out"])
    assert 0 <= written["held_out"]["int8"]["si"]["f1"] <= 1
    model = TechniqueModel(out)
    text = "Title\n\n" + SENTENCES[0][0]
    # A few steps from random weights may find no span, but every given span gets a technique distribution.
    phrase = text.index(SENTENCES[0][1])
    probs = model.classify(model.outputs(text), phrase, phrase + len(SENTENCES[0][1]))
    assert probs.shape == (len(model.labels),) and probs.sum() == pytest.approx(1.0, abs=1e-4)
    for span in model.predict(text):
        assert text[span.start:span.end] == span.text
        assert 0 <= span.score <= 1


def test_training_keeps_the_epoch_its_selection_scores_best(tmp_path: Path) -> None:
    from presslens.training.techniques_net import train  # deferred: imports torch, which the module may skip without

    articles = load_ptc(write_ptc(tmp_path / "ptc", n_articles=12))
    base = write_tiny_encoder(tmp_path / "tiny-bert", [s for s, _, _ in SENTENCES])
    snapshots, scores = [], iter([0.2, 0.9, 0.4])

    def select(net, tokenizer) -> float:
        snapshots.append({k: v.detach().clone() for k, v in net.state_dict().items()})
        return next(scores)

    settings = TechniquesTrainingSettings(epochs=3, seed=3, batch_size=4)
    net, _, _ = train(articles, base, settings, log=lambda _: None, select=select)

    kept = net.state_dict()
    assert len(snapshots) == 3
    assert all(torch.equal(kept[k], snapshots[1][k]) for k in kept)
    assert not all(torch.equal(kept[k], snapshots[2][k]) for k in kept)
