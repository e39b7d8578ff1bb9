"""Each task's training settings: one class per task on one base, every field documented."""

from __future__ import annotations

import pytest

from presslens.training.settings import (
    ClaimsTrainingSettings, FramingTrainingSettings, TechniquesTrainingSettings, TrainingSettings,
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
