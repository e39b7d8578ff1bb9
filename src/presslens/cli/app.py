"""The Typer app: the version option and one command group per module of this package."""

from __future__ import annotations

import sys

import typer
from typer.core import TyperArgument, TyperGroup

from presslens import __version__
from presslens.cli import analyze, corpus, people, predict, quotes, serve, stories, timeline, train
from presslens.pipeline_version import PIPELINE_VERSION


def _without_type_tags(params: list) -> list:
    """The parameters with Typer's type tags (<bool>, <int>, <list[str]>) left out of help:
    names and help text say what to give. Choices (<text|json|jsonl>) stay listed."""
    for param in params:
        if isinstance(param, TyperArgument):
            param.display_type_rich = lambda ctx: None  # an argument has no setting for it
        elif param.metavar is None and not getattr(getattr(param, "type_descriptor", None), "is_choice", False):
            param.metavar = ""
    return params


class PlainHelpGroup(TyperGroup):
    """The root group: its own options and every command under it get help without type tags,
    and a usage error is one line, as every other error is."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except typer.Abort:
            typer.echo("aborted", err=True)
            sys.exit(1)
        except typer.TyperException as error:  # Click's usage errors, as Typer vendors them
            context = getattr(error, "ctx", None)
            hint = f" (see {context.command_path} --help)" if context is not None else ""
            # Typer checks choices through pydantic, which opens its message with "Value error, ".
            message = error.format_message().replace("Value error, ", "")
            typer.echo(f"error: {message}{hint}", err=True)
            sys.exit(getattr(error, "exit_code", 2))
        sys.exit(code if isinstance(code, int) else 0)

    def get_params(self, ctx):
        return _without_type_tags(super().get_params(ctx))

    def get_command(self, ctx, name):
        command = super().get_command(ctx, name)
        pending = [command] if command is not None else []
        while pending:
            found = pending.pop()
            _without_type_tags(found.get_params(ctx))
            pending.extend(getattr(found, "commands", {}).values())
        return command


app = typer.Typer(help="presslens: see how news articles persuade.", no_args_is_help=True, cls=PlainHelpGroup)
analyze.register(app)
train.register(app)
predict.register(app)
corpus.register(app)
timeline.register(app)
people.register(app)
quotes.register(app)
stories.register(app)
serve.register(app)


def version_line() -> str:
    """The package's version and the pipeline's (which names what an analysis was made with)."""
    return f"presslens {__version__}; analysis pipeline {PIPELINE_VERSION} (the version stored with each analysis)"


def _print_version(asked: bool) -> None:
    # An option callback runs before Click asks for a command, so `presslens --version` works alone.
    if asked:
        typer.echo(version_line())
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", help="Print the version and exit.", is_eager=True,
                                 callback=_print_version),
) -> None:
    """presslens reads news articles and shows how they persuade."""
