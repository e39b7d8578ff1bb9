"""The bundled technique model, used for real through the pipeline and on its own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from presslens.analyzers.techniques.component import TechniqueModel, load_model
from presslens.article import Article
from presslens.cli import app
from presslens.errors import ModelMissingError
from support.paths import EXAMPLES

LOADED = (
    "These vile, disgusting thugs unleashed a horrific, barbaric reign of terror on innocent families, "
    "a shameful and outrageous betrayal by a corrupt, rotten regime."
)


def test_loaded_language_is_found() -> None:
    spans = load_model().predict("Opinion\n\n" + LOADED)
    assert "Loaded_Language" in {s.technique for s in spans}


def test_plain_weather_report_gets_few_or_no_techniques(pipeline) -> None:
    text = (EXAMPLES / "plain_weather.txt").read_text(encoding="utf-8")
    assert len(pipeline.analyze(Article(text=text)).techniques) <= 1


def test_pipeline_layer_offsets_scores_and_model_id(pipeline) -> None:
    text = "A statement from the council.\n\n" + LOADED + " The meeting ends at noon."
    result = pipeline.analyze(Article(text=text)).to_dict()
    assert result["techniques"]
    for span in result["techniques"]:
        assert text[span["start"]:span["end"]] == span["text"]
        assert 0.0 <= span["score"] <= 1.0
    scores = result["scores"]
    assert scores["techniques"] == len(result["techniques"])
    assert scores["technique_counts"]["Loaded_Language"] >= 1
    assert 0 < scores["share_of_sentences_with_technique"] <= 1
    assert scores["techniques_per_100_sentences"] > 0
    assert result["pipeline"]["models"]["presslens_techniques"] == load_model().model_id


def test_spans_are_on_the_spacy_doc(pipeline) -> None:
    doc = pipeline.nlp("Opinion\n\n" + LOADED)
    assert {span.label_ for span in doc.spans["presslens_techniques"]} >= {"Loaded_Language"}


def test_missing_model_file_says_how_to_get_one(tmp_path: Path) -> None:
    with pytest.raises(ModelMissingError, match=r"model\.onnx.*PRESSLENS_TECHNIQUES_MODEL"):
        TechniqueModel(tmp_path)


def test_predict_with_missing_model_is_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "article1.txt").write_text("Title\n\nBody.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["techniques", "predict", str(tmp_path / "articles"), "--task", "si",
                                      "-o", str(tmp_path / "out.tsv"), "--model", str(tmp_path / "nothing")])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "reinstall presslens" in result.output


def test_analyze_never_imports_torch(tmp_path: Path) -> None:
    """Analyses with torch, transformers and peft made unimportable, as in a plain install.

    spaCy's thinc imports torch on its own whenever it is installed, so the subprocess
    hides the training stack; presslens must then still analyse and never ask for it.
    """
    script = (
        "import sys\n"
        "class Hide:\n"
        "    askers = []\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('torch', 'transformers', 'peft'):\n"
        "            frame = sys._getframe(1)\n"
        "            while frame and 'importlib' in frame.f_globals.get('__name__', ''):\n"
        "                frame = frame.f_back\n"
        "            Hide.askers.append(frame.f_globals.get('__name__', '?') if frame else '?')\n"
        "            raise ImportError(name)\n"
        "sys.meta_path.insert(0, Hide())\n"
        "from presslens.pipeline import default_pipeline\n"
        "from presslens.article import Article\n"
        f"result = default_pipeline().analyze(Article(text={LOADED!r}))\n"
        "ours = sorted({a for a in Hide.askers if a.startswith('presslens')})\n"
        "print(len(result.techniques) > 0, ours, 'torch' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True [] False"
