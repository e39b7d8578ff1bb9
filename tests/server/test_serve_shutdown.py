"""`presslens serve` stops promptly on SIGTERM, even with a client connected and a search running."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time

import httpx

from support.serve import PRESSLENS, free_port
from support.web_corpus import build_store


def test_sigterm_stops_the_server_within_seconds(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "PRESSLENS_API_TOKEN"}
    process = subprocess.Popen(
        [str(PRESSLENS), "serve", "--db", build_store(tmp_path / "stop.db"), "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert process.poll() is None, process.stdout.read()
            try:
                httpx.get(base + "/static/app.css", timeout=2.0)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "presslens serve did not start listening"
                time.sleep(0.3)
        # A keep-alive client stays connected, and searches keep arriving, while the signal comes.
        keep_alive = httpx.Client(base_url=base, timeout=10)
        assert keep_alive.get("/api/search", params={"q": " ".join(["drought", "farmers"] * 100)}).status_code == 200
        stop = threading.Event()

        def search_until_stopped() -> None:
            with httpx.Client(base_url=base, timeout=10) as other:
                while not stop.is_set():
                    try:
                        other.get("/api/search", params={"q": "drought OR bridge"})
                    except httpx.HTTPError:
                        return

        searcher = threading.Thread(target=search_until_stopped)
        searcher.start()
        time.sleep(0.3)
        sent = time.monotonic()
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=10)
        assert time.monotonic() - sent < 6
        stop.set()
        searcher.join(timeout=10)
        keep_alive.close()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
