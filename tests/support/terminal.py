"""Commands run as a person runs them in a real terminal: stdin and stderr on a
pseudo-terminal of a given width, stdout on that terminal or redirected to a file."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
import time
from dataclasses import dataclass
from pathlib import Path

from support.serve import PRESSLENS

# `presslens ARGS` as the console script runs it, then, at exit, a line naming which of the
# heavy libraries the command loaded.
PROBED = ("spacy", "torch", "transformers", "ray", "pyarrow", "matplotlib", "onnxruntime")
PROBE = f"""
import atexit, sys
atexit.register(lambda: sys.stderr.write("\\nloaded: " + " ".join(
    m for m in {PROBED!r} if m in sys.modules) + "\\n"))
sys.argv[0] = "presslens"
from presslens.cli import app
app()
"""


@dataclass
class TerminalRun:
    returncode: int
    screen: str  # everything the terminal showed (stderr, and stdout when not redirected)

    @property
    def loaded(self) -> set[str]:
        """With `probe`: the heavy libraries the command imported."""
        line = self.screen.replace("\r", "").rsplit("loaded:", 1)[-1].splitlines()[0]
        return set(line.split())


def run_in_terminal(
    args: list[str], stdout: Path | None = None, columns: int = 120, cwd: Path | None = None,
    stdin_file: Path | None = None, timeout: float = 300, env: dict[str, str] | None = None, probe: bool = False,
) -> TerminalRun:
    """Runs `presslens *args` with a terminal `columns` wide; `stdout` redirects standard
    output to that file (as `> file` does), `stdin_file` feeds standard input from a file;
    `probe` reports the heavy libraries it loaded (`TerminalRun.loaded`)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    environment = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    environment.update({"TERM": "xterm-256color", **(env or {})})
    out = open(stdout, "wb") if stdout else follower  # noqa: SIM115 - closed below
    feed = open(stdin_file, "rb") if stdin_file else follower  # noqa: SIM115 - closed below
    try:
        command = [sys.executable, "-c", PROBE, *args] if probe else [str(PRESSLENS), *args]
        process = subprocess.Popen(
            command, stdin=feed, stdout=out, stderr=follower, cwd=cwd, env=environment, start_new_session=True,
        )
    finally:
        os.close(follower)
        if stdout:
            out.close()
        if stdin_file:
            feed.close()
    screen = bytearray()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: every writer has exited
            break
        if not chunk:
            break
        screen.extend(chunk)
    os.close(leader)
    try:
        returncode = process.wait(timeout=max(1.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        process.kill()
        raise AssertionError(f"presslens {' '.join(args)} did not end in {timeout:.0f} s") from None
    return TerminalRun(returncode, screen.decode("utf-8", "replace"))
