"""`presslens serve` as a real subprocess on a free loopback port, for the serve and browser tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx

PRESSLENS = Path(sys.executable).with_name("presslens")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def served(db_url: str, wait_s: float = 90.0, options: tuple[str, ...] = (), **env: str):
    """Runs `presslens serve` (with `options`) until the block ends; yields its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [str(PRESSLENS), "serve", "--db", db_url, "--port", str(port), *options],
        env={**{k: v for k, v in os.environ.items() if k != "PRESSLENS_API_TOKEN"}, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + wait_s
        while True:
            if process.poll() is not None:
                raise AssertionError(f"presslens serve exited early:\n{process.stdout.read()}")
            try:
                httpx.get(base + "/static/app.css", timeout=2.0)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise AssertionError("presslens serve did not start listening") from None
                time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def small_png(path: Path) -> None:
    """Rewrites a screenshot in 64 colours, which keeps the README's images small."""
    from PIL import Image  # comes with matplotlib

    Image.open(path).convert("RGB").quantize(colors=64).save(path, optimize=True)
