"""The one progress bar of the command line: on stderr, and never in the way of data on stdout."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


def progress_bar(
    label: str, known_total: bool = False, console: Console | None = None, writes_stdout: bool = False,
) -> Progress:
    """A bar on stderr with a count out of the total when one is `known_total`, a spinner and a
    running count when not. It shows only when stderr is a terminal, and, for a command that
    `writes_stdout` while it runs, only when stdout is not the same screen, which it would garble.

    Rich's default captures sys.stdout while the bar is live and prints it on the bar's console:
    with the bar on stderr, `presslens analyze ... > out.jsonl` would leave the file empty and the
    data on the screen. The bar therefore never redirects either stream."""
    console = console or Console(stderr=True)
    if known_total:
        columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    else:
        columns = (SpinnerColumn(), TextColumn(label), TextColumn("{task.completed:,}"), TimeElapsedColumn())
    return Progress(
        *columns, console=console, transient=True, redirect_stdout=False, redirect_stderr=False,
        disable=not console.is_terminal or (writes_stdout and sys.stdout.isatty()),
    )
