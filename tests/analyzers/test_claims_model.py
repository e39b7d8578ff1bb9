"""The bundled check-worthiness model on sentences of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslens.analyzers.claims.model import load_claim_model
from presslens.errors import ModelMissingError


def test_a_statistic_is_check_worthy_and_a_greeting_is_not() -> None:
    model = load_claim_model()
    statistic, greeting = model.score([
        "The unemployment rate fell to 3.5 percent in 2019, the lowest in 50 years.",
        "Thank you all for coming tonight.",
    ])
    assert statistic >= model.threshold > greeting


def test_scores_keep_the_input_order_whatever_the_batching() -> None:
    model = load_claim_model()
    sentences = ["Exports fell 12 percent in March.", "Welcome back.", "Taxes rose by 4 billion dollars last year."]
    one_by_one = [model.score([s])[0] for s in sentences]
    # int8 activations are quantised per batch, so a sentence's neighbours move its score a little.
    assert model.score(sentences) == pytest.approx(one_by_one, abs=0.03)
    assert model.score([]) == []


def test_a_folder_without_the_model_says_how_to_get_one(tmp_path: Path) -> None:
    with pytest.raises(ModelMissingError, match="PRESSLENS_CLAIMS_MODEL"):
        load_claim_model(tmp_path)
