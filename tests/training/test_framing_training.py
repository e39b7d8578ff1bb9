"""The entity-framing data: its split, offsets, the task's measures, the Narrative Frames
reading, and a training run from a tiny random encoder."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from presslens.analyzers.framing.roles import FINE_ROLES_OF
from presslens.predict.framing_files import locate
from presslens.training.framing_data import (
    LabelledMention,
    add_name_swaps,
    add_narrative_frames,
    document_part,
    framing_scores,
    load_semeval,
)

# One document in each part of the split (see the pinned parts below), written by us.
DOCUMENTS = {
    "EN_T_0.txt": "Rebels of the Storm Front burned the granary at Lowmere. The farmers of Lowmere lost their harvest. "
                  "Governor Ilsa Marr sent grain and soldiers to guard the village.",
    "EN_T_1.txt": "The Copper Guild bribed the judges of Vantor. Families in Vantor lost their homes to the Guild. "
                  "Judge Arno Vell refused the money and reported the Guild.",
    "EN_T_5.txt": "Raiders from Kesh poisoned the wells of Dunmar. Children in Dunmar fell ill. "
                  "Doctor Lena Osk treated the children for free.",
}
ROLES = [("Storm Front", "Antagonist", "Terrorist"), ("Lowmere", "Innocent", "Victim"),
         ("Ilsa Marr", "Protagonist", "Guardian"), ("Copper Guild", "Antagonist", "Corrupt"),
         ("Vantor", "Innocent", "Victim"), ("Arno Vell", "Protagonist", "Virtuous"),
         ("Kesh", "Antagonist", "Saboteur"), ("Dunmar", "Innocent", "Victim"), ("Lena Osk", "Protagonist", "Guardian")]


def write_semeval(folder: Path) -> Path:
    (folder / "documents").mkdir(parents=True)
    lines = []
    for name, text in DOCUMENTS.items():
        (folder / "documents" / name).write_text(text, encoding="utf-8")
        for mention, main, fine in ROLES:
            if mention in text:
                start = text.index(mention)
                lines.append(f"{name}\t{mention}\t{start}\t{start + len(mention) - 1}\t{main}\t{fine}")
    (folder / "annotations.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_the_split_is_fixed_by_document_name(tmp_path: Path) -> None:
    # Pinned: a change to the salt or the buckets would silently move held-out articles into training.
    assert [document_part(f"EN_T_{i}.txt") for i in range(7)] == ["fit", "test", "fit", "fit", "fit", "dev", "test"]
    data = load_semeval(write_semeval(tmp_path / "ef"))
    assert {m.document for m in data.parts["fit"]} == {"EN_T_0.txt"}
    assert {m.document for m in data.parts["dev"]} == {"EN_T_5.txt"}
    assert {m.document for m in data.parts["test"]} == {"EN_T_1.txt"}
    first = data.parts["fit"][0]
    assert data.texts[first.document][first.start:first.end] == "Storm Front"


def test_offsets_a_character_off_find_the_nearest_occurrence() -> None:
    text = "Vantor fell. Then Vantor rose."
    assert locate(text, "Vantor", 18, 23) == (18, 24)
    assert locate(text, "Vantor", 19, 24) == (18, 24)  # one off: the second occurrence, not the first
    assert locate(text, "Nowhere", 2, 5) == (2, 6)


def test_scores_follow_the_task() -> None:
    gold = [LabelledMention("d", 0, 1, "Antagonist", ("Corrupt",)), LabelledMention("d", 2, 3, "Innocent", ("Victim",)),
            LabelledMention("d", 4, 5, "Protagonist", ("Guardian", "Virtuous"))]
    predicted = [("Antagonist", ["Corrupt"]), ("Antagonist", ["Tyrant"]), ("Protagonist", ["Guardian"])]
    result = framing_scores(gold, predicted)
    assert result["accuracy"] == pytest.approx(2 / 3, abs=1e-4)
    # F1: Antagonist 2/3 (P 1/2, R 1), Innocent 0, Protagonist 1.
    assert result["macro_f1"] == pytest.approx((2 / 3 + 0 + 1) / 3, abs=1e-4)
    assert result["emr"] == pytest.approx(1 / 3, abs=1e-4)  # a fine-role set must match whole


def test_narrative_frames_entities_are_found_as_whole_words_and_pronouns_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "nf"
    folder.mkdir()
    (folder / "articles_metadata.tsv").write_text(
        "ID\tsource\tmbfc\tdate\ttext\tRE\tHI\tCO\tMO\tEC\n"
        "7\tpaper\tleast\t2020-01-01\tThe oil majors lobbied hard. Major storms hit coastal towns, and they flooded.\t"
        "False\tFalse\tFalse\tFalse\tFalse\n", encoding="utf-8")
    (folder / "role_and_frame_annoations.tsv").write_text(
        "ID\tentity\tgroup\trole\tmbfc\tRE\tHI\tCO\tMO\tEC\n"
        "7\tOil Majors\tINDUSTRY\tvillain\tleast\tF\tF\tF\tF\tF\n"
        "7\tcoastal towns\tPUBLIC\tvictim\tleast\tF\tF\tF\tF\tF\n"
        "7\tthey\tPUBLIC\tvictim\tleast\tF\tF\tF\tF\tF\n"
        "7\tmajor\tINDUSTRY\thero\tleast\tF\tF\tF\tF\tF\n", encoding="utf-8")
    data = load_semeval(write_semeval(tmp_path / "ef"))
    before = len(data.parts["fit"])
    assert add_narrative_frames(data, folder) == 3
    added = data.parts["fit"][before:]
    text = data.texts["narrative-frames/7"]
    assert [(text[m.start:m.end], m.main, m.fine) for m in added] == [
        ("oil majors", "Antagonist", ()), ("coastal towns", "Innocent", ()), ("Major", "Protagonist", ()),
    ]


def test_name_swaps_copy_each_fit_article_with_other_names_in_the_same_places(tmp_path: Path) -> None:
    data = load_semeval(write_semeval(tmp_path / "ef"))
    original = list(data.parts["fit"])
    assert add_name_swaps(data, seed=5) == len(original) == 3
    copies = data.parts["fit"][len(original):]
    text = data.texts["swapped/EN_T_0.txt"]
    swap = {data.texts[m.document][m.start:m.end]: text[c.start:c.end] for m, c in zip(original, copies)}
    # Each labelled name is now another one of the fit part's names, with its role kept...
    assert set(swap) == {"Storm Front", "Lowmere", "Ilsa Marr"} \
        and all(new in swap and new != old for old, new in swap.items())
    assert [(m.main, m.fine) for m in copies] == [(m.main, m.fine) for m in original]
    # ... the same replacement wherever the name occurs, and every other word as it was.
    source = DOCUMENTS["EN_T_0.txt"]
    assert text == re.sub("|".join(swap), lambda match: swap[match.group()], source)
    assert {m.document for m in data.parts["dev"] + data.parts["test"]} == {"EN_T_5.txt", "EN_T_1.txt"}


def test_training_writes_a_model_folder_that_loads_and_predicts(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    # deferred: these import torch, which the test may skip without
    from presslens.analyzers.framing.model import FramingModel
    from presslens.training.framing import train_framing
    from support.tiny_encoder import write_tiny_encoder

    data = write_semeval(tmp_path / "ef")
    base = write_tiny_encoder(tmp_path / "tiny-bert", list(DOCUMENTS.values()))
    out = tmp_path / "model"
    metrics = train_framing(data, out, base=base, epochs=1, seed=3, log=lambda _: None)

    assert sorted(p.name for p in out.iterdir()) \
        == ["MODEL_CARD.md", "config.json", "heads.npz", "metrics.json", "model.onnx", "tokenizer.json"]
    assert json.loads((out / "metrics.json").read_text()) == metrics
    assert metrics["shipped"] == "int8" and {"fp32", "int8"} <= set(metrics["held_out"])
    assert metrics["held_out"]["int8"]["mentions"] == 3
    config = json.loads((out / "config.json").read_text())
    assert 0.34 <= config["entity_threshold"] <= 0.94 and config["fine_threshold"] > 0
    model = FramingModel(out)
    text = DOCUMENTS["EN_T_1.txt"]
    scores = model.scores(text, [(4, 16), (text.index("Arno"), text.index("Arno") + 9)])
    assert scores.main.shape == (2, 3) and scores.main.sum(axis=1) == pytest.approx([1, 1], abs=1e-4)
    for main, fine in model.decode(scores):
        assert fine and set(fine) <= set(FINE_ROLES_OF[main])
