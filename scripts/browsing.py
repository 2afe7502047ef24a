"""Driving the dashboard in Debian's Chromium: what the screenshots, the browser tests and
the start-up benchmark share (never `playwright install`: the browser is the system's)."""

from __future__ import annotations

import socket
import time
import urllib.request
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]

# True while Streamlit's "running" indicator shows: a rerun is not finished
RUNNING = (
    "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
    " || document.querySelector('[data-testid=\"stStatusWidget\"]').innerText.trim() === ''"
)


def free_port() -> int:
    """A port on this machine nobody listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(port: int, timeout: float = 300, poll: float = 0.2) -> bool:
    """Whether the Streamlit server on ``port`` answers its health check within ``timeout`` s."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return True
        except OSError:
            time.sleep(poll)
    return False


def wait_idle(page, timeout_s: float = 1800, before_ms: int = 500, after_ms: int = 1500) -> None:
    """Until Streamlit's rerun has finished: ``before_ms`` for it to start, then until its
    running indicator is gone, then ``after_ms`` for the charts to draw."""
    page.wait_for_timeout(before_ms)
    page.wait_for_function(RUNNING, timeout=timeout_s * 1000)
    if after_ms:
        page.wait_for_timeout(after_ms)
