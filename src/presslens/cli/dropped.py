"""How the CLI shows a DroppedFieldWarning (a record kept without its date): one line,
`warning: <message>`, through the command's `echo`, the first few only, then a count.
The article was read, so the exit status does not change. `--date-order` (DATE_ORDER)
reads the ambiguous slash dates that would otherwise be dropped."""

from __future__ import annotations

import threading
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum

import typer

from presslens.errors import DroppedFieldWarning

LINES_SHOWN = 20


class DateOrderChoice(str, Enum):
    mdy = "mdy"
    dmy = "dmy"


DATE_ORDER = typer.Option(
    None, "--date-order", case_sensitive=False,
    help="Read slash dates that both orders could read (3/8/17) as mdy (8 March) or dmy (3 August); "
         "applies only to those. By default they are dropped, with a warning; a record's date_order field wins.",
)


@contextmanager
def dropped_fields_shown(echo: Callable[[str], None], shown: int = LINES_SHOWN) -> Iterator[None]:
    """Within the block, each DroppedFieldWarning (from any thread: ingest reads in its
    own) is echoed as `warning: <message>`, however Python's warning filters are set;
    other warnings are shown as before."""
    count = 0
    lock = threading.Lock()
    with warnings.catch_warnings():
        warnings.simplefilter("always", DroppedFieldWarning)
        show_other = warnings.showwarning

        def show(message, category, filename, lineno, file=None, line=None) -> None:  # noqa: ANN001
            nonlocal count
            if not issubclass(category, DroppedFieldWarning):
                show_other(message, category, filename, lineno, file, line)
                return
            with lock:
                count += 1
                if count <= shown:
                    echo(f"warning: {message}")

        warnings.showwarning = show
        try:
            yield
        finally:
            if count > shown:
                echo(f"warning: ... and {count - shown} more")
