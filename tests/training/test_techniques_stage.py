"""The span classifier's second stage and the tuned span decoding, with the bundled model."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from presslens.analyzers.techniques.component import MODEL_DIR, MODEL_FILES, SpanDecoding, TechniqueModel
from presslens.analyzers.techniques.features import FEATURE_NAMES, SpanFeatures
from presslens.cli import app
from presslens.errors import ModelMissingError
from support.ptc import write_ptc

runner = CliRunner()

PHRASE = "a government that works for the people"
# Our own campaign report: one promise, made four times.
CAMPAIGN = (
    "Campaign notes\n\nThe candidate told the crowd in Dayton that she wants a government that works for the people. "
    "Her rival, she said, had spent eight years in office without building a government that works for the people. "
    "Volunteers handed out leaflets and the band played until the rain began. "
    "Later, at a school gym in Toledo, she promised again a government that works for the people, "
    "and the crowd cheered. "
    "She will speak in Akron on Friday about roads, schools and a government that works for the people.\n"
)


def model_copy(folder: Path, **config_changes) -> Path:
    """The bundled model folder with config.json changed; the other files are linked, not copied."""
    folder.mkdir()
    for name in MODEL_FILES:
        if name != "config.json":
            (folder / name).symlink_to(MODEL_DIR / name)
    config = json.loads((MODEL_DIR / "config.json").read_text(encoding="utf-8"))
    for key, value in config_changes.items():
        if value is None:
            config.pop(key, None)
        else:
            config[key] = value
    (folder / "config.json").write_text(json.dumps(config), encoding="utf-8")
    return folder


def tc_labels_of(model_dir: Path, tmp_path: Path, name: str) -> list[str]:
    """`presslens techniques predict --task tc` on every occurrence of PHRASE in CAMPAIGN."""
    articles = tmp_path / "articles"
    articles.mkdir(exist_ok=True)
    (articles / "article1.txt").write_text(CAMPAIGN, encoding="utf-8")
    starts = [i for i in range(len(CAMPAIGN)) if CAMPAIGN.startswith(PHRASE, i)]
    template = tmp_path / "template.tsv"
    template.write_text("".join(f"1\t?\t{s}\t{s + len(PHRASE)}\n" for s in starts), encoding="utf-8")
    output = tmp_path / f"{name}.tsv"
    result = runner.invoke(app, ["techniques", "predict", str(articles), "--task", "tc", "--spans", str(template),
                                 "-o", str(output), "--model", str(model_dir)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [line.split("\t")[1] for line in output.read_text(encoding="utf-8").splitlines()]


def test_a_phrase_repeated_through_an_article_is_labelled_repetition(tmp_path: Path) -> None:
    without_stage = tc_labels_of(model_copy(tmp_path / "head-only", tc_stage=None), tmp_path, "head-only")
    with_stage = tc_labels_of(MODEL_DIR, tmp_path, "bundled")
    assert len(with_stage) == 4
    assert without_stage.count("Repetition") < with_stage.count("Repetition")
    # PTC marks the phrase where it comes back: the later occurrences.
    assert with_stage[2:] == ["Repetition", "Repetition"]


def test_repeats_are_counted_case_and_punctuation_folded() -> None:
    text = 'Build the wall! We will build the wall, BUILD THE WALL. "They build the wall," he said.'
    features = SpanFeatures(text)
    named = dict(zip(FEATURE_NAMES, features.vector(text.index("BUILD"), text.index("BUILD") + len("BUILD THE WALL"))))
    assert named["repeats"] == pytest.approx(np.log1p(3))  # three other "build the wall"
    assert named["repeats_before"] == pytest.approx(np.log1p(2))
    assert named["capitals"] == 1.0
    quoted = dict(zip(FEATURE_NAMES, features.vector(text.index("They"), text.index(",\" he"))))
    assert quoted["quoted"] == 1.0 and quoted["repeats"] == 0.0
    first = dict(zip(FEATURE_NAMES, features.vector(0, len("Build the wall"))))
    assert first["exclaims"] == 1.0 and first["repeats_before"] == 0.0


def test_stage_and_decodings_round_trip_through_the_model_folder(tmp_path: Path) -> None:
    n_labels = len(json.loads((MODEL_DIR / "labels.json").read_text(encoding="utf-8")))
    weight = np.arange(n_labels * len(FEATURE_NAMES), dtype=np.float32).reshape(n_labels, -1) / 100
    stage = {"features": list(FEATURE_NAMES), "l2": 0.001, "weight": weight.tolist(), "bias": [0.5] * n_labels}
    labelled = SpanDecoding(0.55, None, 2, 2)
    folder = model_copy(tmp_path / "model", tc_stage=stage, labelled_spans=labelled.as_config(),
                        any_threshold=0.45, any_extend_threshold=0.3, merge_gap=8, min_tokens=3)
    model = TechniqueModel(folder)
    assert np.allclose(model.stage.weight, weight) and np.allclose(model.stage.bias, 0.5)
    assert model.decoding == SpanDecoding(0.45, 0.3, 8, 3)
    assert model.labelled_decoding == labelled
    assert model.stage.as_config()["weight"] == [[round(float(w), 5) for w in row] for row in weight]


def test_a_model_tuned_before_the_second_stage_still_loads(tmp_path: Path) -> None:
    folder = model_copy(tmp_path / "old", tc_stage=None, labelled_spans=None, any_extend_threshold=None,
                        merge_gap=None, min_tokens=None, any_threshold=0.4)
    model = TechniqueModel(folder)
    assert not model.stage.weight.any() and not model.stage.bias.any()
    assert model.decoding == model.labelled_decoding == SpanDecoding(0.4)


def test_stage_fitted_on_other_features_says_how_to_refit(tmp_path: Path) -> None:
    folder = model_copy(tmp_path / "other", tc_stage={"features": ["repeats"], "weight": [[0.0]], "bias": [0.0]})
    with pytest.raises(ModelMissingError, match="Refitting without the encoder"):
        TechniqueModel(folder)


def test_hysteresis_merging_and_shortest_span() -> None:
    probs = np.array([0.1, 0.3, 0.6, 0.3, 0.1, 0.3, 0.8, 0.1, 0.1, 0.3, 0.3, 0.1])
    assert SpanDecoding(0.5).runs(probs) == [(2, 3), (6, 7)]
    # Runs widen down to 0.25 around a token at 0.5 or more; one with none (9-11) is dropped.
    assert SpanDecoding(0.5, 0.25).runs(probs) == [(1, 4), (5, 7)]
    assert SpanDecoding(0.5, 0.25, merge_gap=1).runs(probs) == [(1, 7)]
    assert SpanDecoding(0.5, 0.25, min_tokens=3).runs(probs) == [(1, 4)]


def test_tune_only_refits_a_model_folder_without_training(tmp_path: Path) -> None:
    ptc = write_ptc(tmp_path / "ptc", n_articles=40)
    folder = model_copy(tmp_path / "model", tc_stage=None, labelled_spans=None)
    result = runner.invoke(app, ["train", "techniques", "--tune-only", "--data", str(ptc), "--out", str(folder)],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    assert config["tc_stage"]["features"] == list(FEATURE_NAMES)
    assert {"any_threshold", "merge_gap", "min_tokens", "labelled_spans"} <= set(config)
    metrics = json.loads((folder / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["retuned"] is True and 0 <= metrics["held_out"]["int8"]["tc"]["f1"] <= 1
    assert (folder / "model.onnx").is_symlink()
    TechniqueModel(folder).predict(CAMPAIGN)


def test_tune_only_on_a_folder_without_a_model_is_one_line_error(tmp_path: Path) -> None:
    ptc = write_ptc(tmp_path / "ptc")
    result = runner.invoke(
        app, ["train", "techniques", "--tune-only", "--data", str(ptc), "--out", str(tmp_path / "none")]
    )
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "missing" in result.output
