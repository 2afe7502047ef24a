"""Seconds from ``streamlit run`` to the first rendered chart, filter latency and memory.

    python benchmarks/dashboard_startup.py --corpus PATH [--cache DIR] [--runs 2] [--first-open [--after-extract]]
    python benchmarks/dashboard_startup.py --corpus PATH --cache DIR --pages \
        [--compare seeds/ --compare-cache DIR]
    python benchmarks/dashboard_startup.py --corpus PATH --cache DIR --sessions 5

``--first-open`` copies the cache's extracted rows without its saved views to a new
folder, so run 1 is the first open of the corpus (the view is built; ``--after-extract``
runs ``kroniek extract`` into that cache first, timed on its own, as a user would).
With ``--sessions N`` it opens one browser session on a warm server, then N at once, and
prints the server's memory and each session's first chart beside those of the one.

With ``--pages`` it times, on a running server with warm caches, each page's first chart
for a new browser session and a filter change on each page, and with ``--compare`` the
same on a second corpus (the default ``seeds/``) served in the same run, printing each
figure as a ratio to it.

Each run starts a new server on the corpus with the given extraction cache (run 1 on an
empty cache folder is the cold start; later runs find the cache warm), opens the
Overview in Debian's Chromium (Playwright) and waits for the first Plotly chart.  Then it
opens a second browser session on the running server (Streamlit's in-memory caches
warm), changes a filter (actor type = person) and times the rerun until the page is
idle again, and reads the server's resident memory.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from browsing import CHROMIUM, CHROMIUM_ARGS, free_port, healthy, wait_idle  # noqa: E402


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _idle(page, timeout: float = 600) -> None:
    """Until the rerun finished, and no longer: the time measured is the rerun's."""
    wait_idle(page, timeout, before_ms=150, after_ms=0)


BASELINE_APP = """
import plotly.graph_objects as go
import streamlit as st

st.title("baseline")
st.plotly_chart(go.Figure(go.Bar(x=[1, 2], y=[3, 4])))
"""


def baseline(browser) -> float:
    """Seconds from `streamlit run` to the first chart of a one-chart app: what the
    server, the browser and Plotly cost on this machine right now."""
    with tempfile.TemporaryDirectory() as folder:
        app = Path(folder) / "app.py"
        app.write_text(BASELINE_APP)
        port = free_port()
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(port), "--server.headless", "true"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            _wait_healthy(port)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/")
            page.locator(".js-plotly-plot").first.wait_for(timeout=120_000)
            return time.perf_counter() - started
        finally:
            proc.terminate()
            proc.wait(timeout=60)


def _wait_healthy(port: int) -> None:
    if not healthy(port, timeout=3600, poll=0.1):
        raise SystemExit("streamlit did not start")


def _server(corpus: str, cache: str):
    """A started server on the corpus, its port and when `streamlit run` was called."""
    port = free_port()
    # PYTHONPATH: a first request for a page URL runs that page before dashboard.py has
    # put this checkout's lib/ on the path
    env = {**os.environ, "KRONIEK_CACHE": cache, "PYTHONPATH": os.pathsep.join([str(ROOT / "lib"), os.environ.get("PYTHONPATH", "")])}
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.port", str(port), "--server.headless", "true", "--", "--corpus", corpus],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    _wait_healthy(port)
    return proc, port, started


PAGE_URLS = ("", "actors", "money", "chronology", "articles", "about")


def _first_view(page, timeout_ms: int = 3_600_000) -> None:
    """The page's first chart, or (pages without one) its heading, then idle."""
    page.locator(".js-plotly-plot, h1").first.wait_for(timeout=timeout_ms)
    page.wait_for_function(
        "() => document.querySelector('.js-plotly-plot') || !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || document.querySelector('[data-testid=\"stStatusWidget\"]').innerText.trim() === ''",
        timeout=timeout_ms,
    )


def measure_pages(corpus: str, cache: str, browser) -> dict[str, tuple[float, float]]:
    """Per page: seconds to its first chart in a new session, and to finish a filter change."""
    proc, port, _ = _server(corpus, cache)
    try:
        warm = browser.new_page()
        warm.goto(f"http://127.0.0.1:{port}/", timeout=3_600_000)  # loads the corpus once
        _first_view(warm)
        _idle(warm, 3600)
        for url in PAGE_URLS[1:]:  # every page once, so its queries' caches are warm
            warm.goto(f"http://127.0.0.1:{port}/{url}", timeout=600_000)
            _first_view(warm)
            _idle(warm)
        warm.close()
        out = {}
        for url in PAGE_URLS:
            page = browser.new_page()
            t0 = time.perf_counter()
            page.goto(f"http://127.0.0.1:{port}/{url}", timeout=600_000)
            _first_view(page)
            first = time.perf_counter() - t0
            _idle(page)
            box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").filter(has_text="Actor type")
            box.locator("input").click()
            page.get_by_role("option", name="person", exact=True).click()
            t0 = time.perf_counter()
            page.keyboard.press("Escape")
            _idle(page)
            out[url or "overview"] = (first, time.perf_counter() - t0)
            page.close()
        return out
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def measure(corpus: str, cache: str, browser) -> dict:
    port = free_port()
    env = {**os.environ, "KRONIEK_CACHE": cache, "PYTHONPATH": os.pathsep.join([str(ROOT / "lib"), os.environ.get("PYTHONPATH", "")])}
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.port", str(port), "--server.headless", "true", "--", "--corpus", corpus],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        _wait_healthy(port)
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{port}/", timeout=3_600_000)
        page.locator(".js-plotly-plot").first.wait_for(timeout=3_600_000)
        first_chart = time.perf_counter() - started
        _idle(page, 3600)
        second = browser.new_page()
        t0 = time.perf_counter()
        second.goto(f"http://127.0.0.1:{port}/actors")
        second.locator(".js-plotly-plot").first.wait_for(timeout=600_000)
        warm_session = time.perf_counter() - t0
        _idle(second)
        latencies = []
        for value in ("person", "organisation"):
            box = second.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").filter(has_text="Actor type")
            box.locator("input").click()
            second.get_by_role("option", name=value, exact=True).click()
            t0 = time.perf_counter()
            second.keyboard.press("Escape")
            _idle(second)
            latencies.append(time.perf_counter() - t0)
        return {"first_chart_s": first_chart, "new_session_first_chart_s": warm_session, "filter_change_s": min(latencies), "rss_mb": _rss_mb(proc.pid)}
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def _without_views(cache: str, extract_corpus: str | None) -> str:
    """A copy of the cache's extracted rows without saved views (optionally with the view
    ``kroniek extract`` saves, timed)."""
    copy = Path(tempfile.mkdtemp(prefix="kroniek-first-open-"))
    shutil.copytree(cache, copy, dirs_exist_ok=True, ignore=shutil.ignore_patterns("views"))
    if extract_corpus:
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "kroniek.cli", "extract", extract_corpus, "--out", str(copy / "out"), "--cache", str(copy), "--quiet", "--skip-bad"],
            check=True, cwd=ROOT, stdout=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT / "lib")},
        )
        print(f"kroniek extract (warm extraction cache): {time.perf_counter() - started:.1f}s", flush=True)
    return str(copy)


def _first_chart_since(page, started: float) -> float:
    page.locator(".js-plotly-plot").first.wait_for(timeout=3_600_000)
    return time.perf_counter() - started


def measure_sessions(corpus: str, cache: str, browser, n: int) -> None:
    """Server memory and first chart with one session, then with ``n`` more at once (each
    in its own browser context: its own Streamlit session)."""
    proc, port, _ = _server(corpus, cache)
    try:
        url = f"http://127.0.0.1:{port}/"
        first = browser.new_context(viewport={"width": 1400, "height": 1200}).new_page()
        first.goto(url, timeout=3_600_000)
        _first_view(first)
        _idle(first, 3600)  # the corpus is open: what follows is what a session costs
        alone_page = browser.new_context(viewport={"width": 1400, "height": 1200}).new_page()
        started = time.perf_counter()
        alone_page.goto(url, timeout=600_000)
        alone = _first_chart_since(alone_page, started)
        _idle(alone_page)
        one = _rss_mb(proc.pid)
        pages = [browser.new_context(viewport={"width": 1400, "height": 1200}).new_page() for _ in range(n)]
        started = time.perf_counter()
        for page in pages:
            page.goto(url, wait_until="commit", timeout=600_000)
        charts = [_first_chart_since(page, started) for page in pages]  # each read when seen: an upper bound
        for page in pages:
            _idle(page)
        many = _rss_mb(proc.pid)
        print(f"server memory: {many:.0f} MB with {n + 2} sessions vs {one:.0f} MB with 2 = {many / one:.2f}x", flush=True)
        print(f"first chart of {n} sessions opened at once: {', '.join(f'{c:.1f}' for c in charts)} s vs {alone:.1f} s for one alone "
              f"(slowest {max(charts) / alone:.1f}x)", flush=True)
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--cache", default=None, help="extraction cache (default: a new empty folder)")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--pages", action="store_true", help="per page: first chart in a new session and a filter change")
    parser.add_argument("--compare", default=str(ROOT / "seeds"), help="with --pages: the corpus the figures are ratios to")
    parser.add_argument("--compare-cache", default=None)
    parser.add_argument("--first-open", action="store_true", help="run 1 on a copy of the cache without saved views")
    parser.add_argument("--after-extract", action="store_true", help="with --first-open: run `kroniek extract` into that copy first")
    parser.add_argument("--sessions", type=int, default=0, help="server memory and first charts with this many sessions at once")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    if args.pages:
        with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
            context = p.chromium.launch_persistent_context(profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS, viewport={"width": 1400, "height": 1200})
            base = measure_pages(args.compare, args.compare_cache or tempfile.mkdtemp(prefix="kroniek-bench-"), context)
            big = measure_pages(args.corpus, args.cache or tempfile.mkdtemp(prefix="kroniek-bench-"), context)
            print(f"{'page':<12} {'first chart (s)':>26} {'filter change (s)':>26}")
            for name, (first, change) in big.items():
                b_first, b_change = base[name]
                print(f"{name:<12} {first:8.2f} vs {b_first:5.2f} = {first / b_first:4.2f}x {change:8.2f} vs {b_change:5.2f} = {change / b_change:4.2f}x", flush=True)
            context.close()
        return

    if args.sessions:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            measure_sessions(args.corpus, args.cache or tempfile.mkdtemp(prefix="kroniek-bench-"), browser, args.sessions)
            browser.close()
        return
    cache = args.cache or tempfile.mkdtemp(prefix="kroniek-bench-")
    if args.first_open:
        cache = _without_views(cache, args.corpus if args.after_extract else None)
    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        context = p.chromium.launch_persistent_context(profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS, viewport={"width": 1400, "height": 1200})
        base = baseline(context)
        print(f"baseline (one-chart app): first chart {base:.1f}s after `streamlit run`", flush=True)
        for run in range(1, args.runs + 1):
            result = measure(args.corpus, cache, context)
            print(
                f"run {run}: first chart {result['first_chart_s']:.1f}s after `streamlit run` ({result['first_chart_s'] / base:.1f}x baseline); "
                f"new session {result['new_session_first_chart_s']:.2f}s; filter change {1000 * result['filter_change_s']:.0f} ms; "
                f"server memory {result['rss_mb']:.0f} MB",
                flush=True,
            )
        context.close()


if __name__ == "__main__":
    main()
