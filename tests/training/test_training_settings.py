"""Each task's training settings (one class per task on one base, every field documented)
and the model card figures written from a run's metrics."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslens.training.model_folder import CARD_BEGIN, CARD_FILE, write_card_figures
from presslens.training.settings import (
    ClaimsTrainingSettings,
    FramingTrainingSettings,
    TechniquesTrainingSettings,
    TrainingSettings,
)

TASK_SETTINGS = (TechniquesTrainingSettings, ClaimsTrainingSettings, FramingTrainingSettings)


@pytest.mark.parametrize("settings", (TrainingSettings, *TASK_SETTINGS))
def test_every_field_is_documented(settings: type[TrainingSettings]) -> None:
    assert all(text.strip() for text in settings.help().values()), settings.help()


@pytest.mark.parametrize("settings", TASK_SETTINGS)
def test_each_task_takes_what_the_harness_reads(settings: type[TrainingSettings]) -> None:
    assert issubclass(settings, TrainingSettings)
    assert set(TrainingSettings.help()) <= set(settings.help())


def test_the_defaults_are_the_shipped_runs() -> None:
    # The bundled models were trained with these; metrics.json records them whole.
    assert (TechniquesTrainingSettings().max_length, TechniquesTrainingSettings().stride) == (256, 224)
    assert (ClaimsTrainingSettings().max_length, ClaimsTrainingSettings().batch_size) == (96, 32)
    assert (FramingTrainingSettings().context, FramingTrainingSettings().head_lr) == (24, 2e-3)


def test_the_model_card_takes_the_run_figures_and_keeps_what_people_wrote(tmp_path: Path) -> None:
    metrics = {"model_id": "m1", "shipped": "int8", "train_seconds": 12, "settings": {"epochs": 2, "seed": 3},
               "held_out": {"fp32": {"si": {"f1": 0.5}, "per_technique": {"Doubt": {"tc_f1": 0.1}}},
                            "int8": {"si": {"f1": 0.4}}}}
    write_card_figures(tmp_path, metrics, ClaimsTrainingSettings)
    card = (tmp_path / CARD_FILE).read_text(encoding="utf-8")
    assert card.startswith("# Model card: m1\n")
    assert "| si f1 | 0.5 | 0.4 |" in card and "Doubt" not in card
    assert f"| epochs | 2 | {ClaimsTrainingSettings.help()['epochs']} |" in card
    (tmp_path / CARD_FILE).write_text(card + "\n## Limits\n\nWritten by hand.\n", encoding="utf-8")
    write_card_figures(tmp_path, {**metrics, "held_out": {"int8": {"si": {"f1": 0.45}}}, "retuned": True},
                       ClaimsTrainingSettings)
    card = (tmp_path / CARD_FILE).read_text(encoding="utf-8")
    assert card.count(CARD_BEGIN) == 1 and "| si f1 | 0.45 |" in card and "0.4 |" not in card
    assert card.endswith("## Limits\n\nWritten by hand.\n")
