"""The framing layer with the bundled model: who an article casts as protagonist,
antagonist or innocent, decided by what the text says of them, not by their names."""

from __future__ import annotations

import pytest

from presslens.analysis import Analysis
from presslens.analyzers.framing.model import load_framing_model
from presslens.analyzers.framing.roles import FINE_ROLES_OF, MAIN_ROLES
from presslens.article import Article
from presslens.errors import ModelMissingError

SHELLING = (
    "Valdorian troops shelled Merrow again overnight, killing three children, while rescue "
    "workers led by Mayor Ana Petrik pulled survivors from the rubble."
)
# One story, told twice with the attacker and the attacked swapped: {attacker} is the
# adjective of the country whose army attacks, {city} the city it hits, {country} the
# country it belongs to, {leader} that country's mayor.
STORY = (
    "{attacker} artillery pounded {city} for a third night, destroying the main hospital and "
    "killing eleven civilians, four of them children. Families in {city} sheltered in basements "
    "without water or power. Mayor {leader} stayed in the city, organising rescue teams that pulled "
    "dozens of survivors from collapsed buildings and bringing food to the wounded. The government "
    "of {country} appealed for medicines and blankets for the people of {city}."
)
CASTS = [
    {"attacker": "Russian", "city": "Kharkiv", "country": "Ukraine", "leader": "Ihor Terekhov"},
    {"attacker": "Ukrainian", "city": "Belgorod", "country": "Russia", "leader": "Vyacheslav Gladkov"},
    {"attacker": "Valdorian", "city": "Merrow", "country": "Estria", "leader": "Ana Petrik"},
]


def entity_roles(analysis: Analysis) -> dict[str, str | None]:
    """The role of each framed entity, under each name the article gives it."""
    return {name: e.framing.get("role") for e in analysis.entities if e.framing for name in (e.name, *e.aliases)}


def role_of(roles: dict[str, str | None], name: str) -> str | None:
    """The role of the entity called `name`, or of the one called by its last word ("Petrik")."""
    return roles.get(name, roles.get(name.split()[-1]))


@pytest.fixture(scope="module")
def framing_pipeline():
    """The default components with framing, which the default pipeline has only with PRESSLENS_FRAMING=1."""
    from presslens.pipeline import WITH_FRAMING, Pipeline  # deferred: loads spaCy and the models

    return Pipeline(WITH_FRAMING)


@pytest.fixture(scope="module")
def shelling(framing_pipeline) -> Analysis:
    return framing_pipeline.analyze(Article(text=SHELLING))


@pytest.mark.xfail(strict=True, reason="the bundled model misses victims and made-up attackers (MODEL_CARD.md)")
def test_the_quality_bar_sentence(shelling: Analysis) -> None:
    roles = entity_roles(shelling)
    assert roles.get("Valdorian") == "Antagonist", roles
    assert roles.get("Merrow") == "Innocent", roles
    assert role_of(roles, "Ana Petrik") == "Protagonist", roles


def test_a_framed_entity_has_scores_fine_roles_of_its_role_and_evidence_among_its_mentions(shelling: Analysis) -> None:
    framed = [e for e in shelling.entities if e.framing]
    assert framed
    for entity in framed:
        framing = entity.framing
        assert set(framing) == {"role", "scores", "fine_roles", "evidence"}
        assert set(framing["scores"]) == set(MAIN_ROLES)
        assert sum(framing["scores"].values()) == pytest.approx(1.0, abs=0.002)
        if framing["role"] is None:
            assert framing["fine_roles"] == [] and framing["evidence"] == []
            continue
        assert framing["fine_roles"] and set(framing["fine_roles"]) <= set(FINE_ROLES_OF[framing["role"]])
        spans = {(m.start, m.end) for m in entity.mentions}
        assert {(e["start"], e["end"]) for e in framing["evidence"]} <= spans
        for mention in entity.mentions:
            assert set(mention.scores) == set(MAIN_ROLES)
            assert mention.role in (*MAIN_ROLES, None)


def test_mention_roles_survive_the_json_contract(shelling: Analysis) -> None:
    again = Analysis.from_dict(shelling.to_dict())
    assert [e.framing for e in again.entities] == [e.framing for e in shelling.entities]
    def roles(analysis):
        return [m.role for e in analysis.entities for m in e.mentions]

    assert roles(again) == roles(shelling)


@pytest.mark.xfail(strict=True, reason="the bundled model misses victims and made-up attackers (MODEL_CARD.md)")
@pytest.mark.parametrize("cast", CASTS, ids=[c["city"] for c in CASTS])
def test_roles_follow_the_text_not_the_names(framing_pipeline, cast: dict[str, str]) -> None:
    roles = entity_roles(framing_pipeline.analyze(Article(text=STORY.format(**cast))))
    assert roles.get(cast["attacker"]) == "Antagonist", roles
    assert roles.get(cast["city"]) == "Innocent", roles
    assert role_of(roles, cast["leader"]) == "Protagonist", roles


def test_entities_of_other_kinds_are_not_framed(framing_pipeline) -> None:
    text = "The storm reached the Alps on Monday and the Danube rose by two metres."
    analysis = framing_pipeline.analyze(Article(text=text))
    assert all(e.framing == {} for e in analysis.entities if e.type not in ("PERSON", "ORG", "GPE", "NORP"))


def test_scores_of_one_text_do_not_depend_on_what_else_is_scored() -> None:
    model = load_framing_model()
    alone = model.scores(SHELLING, [(0, 9)]).main[0]
    together = model.scores(SHELLING, [(25, 31), (0, 9), (107, 117)]).main[1]
    # int8 activations are quantised per batch, so batch mates move a score a little.
    assert together == pytest.approx(alone, abs=0.03)


def test_a_folder_without_the_model_says_how_to_get_one(tmp_path) -> None:
    with pytest.raises(ModelMissingError, match="PRESSLENS_FRAMING_MODEL"):
        load_framing_model(tmp_path)


def test_the_default_pipeline_frames_only_when_the_settings_ask(monkeypatch) -> None:
    from presslens.pipeline import default_components

    monkeypatch.delenv("PRESSLENS_FRAMING", raising=False)
    assert "presslens_framing" not in default_components()
    monkeypatch.setenv("PRESSLENS_FRAMING", "1")
    framed = default_components()
    assert framed.index("presslens_framing") == framed.index("presslens_entities") + 1
