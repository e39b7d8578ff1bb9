"""Nothing undocumented: every API route has a summary and a description in the OpenAPI
schema, and every CLI command is named in README.md or docs/."""

from __future__ import annotations

import pytest
import typer

from presslens.cli import app as cli_app
from presslens.config import Settings
from presslens.server.app import create_app
from support.paths import ROOT


def api_operations():
    schema = create_app(Settings(db="sqlite://")).openapi()
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield f"{method.upper()} {path}", operation


def cli_commands():
    def walk(command, prefix: str):
        if getattr(command, "commands", None):  # a group (typer's own click, so no isinstance)
            for name, sub in command.commands.items():
                yield from walk(sub, f"{prefix} {name}")
        else:
            yield prefix

    yield from walk(typer.main.get_command(cli_app), "presslens")


def documentation() -> str:
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    return "\n".join(p.read_text(encoding="utf-8") for p in pages if p.is_file())


@pytest.mark.parametrize("name, operation", list(api_operations()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_api_route_is_described(name, operation):
    assert operation.get("summary"), f"{name} has no summary"
    assert operation.get("description"), f"{name} has no description (the route's docstring)"


@pytest.mark.parametrize("command", sorted(set(cli_commands())))
def test_every_cli_command_is_documented(command):
    assert command in documentation(), f"`{command}` appears in neither README.md nor docs/"
