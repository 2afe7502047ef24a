"""Clicks in a real browser (Playwright driving Debian's Chromium against `streamlit run`):
a money point, a chronicle row and a network node each show the sentences behind them,
and no page asks another host for anything (its icon included)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from browsing import CHROMIUM, CHROMIUM_ARGS, free_port, healthy, wait_idle
from conftest import ROOT

pytestmark = pytest.mark.browser
PAGES = ["", "actors", "money", "chronology", "articles", "about"]


def _start(corpus: str, cache: str, timeout: float = 300):
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (/usr/bin/chromium); .ci/run installs it")
    port = free_port()
    env = {**os.environ, "KRONIEK_CACHE": cache, "KRONIEK_CORPUS": corpus, "PYTHONPATH": os.pathsep.join([str(ROOT / "lib"), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.port", str(port), "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    if healthy(port, timeout=timeout, poll=0.5):
        return proc, f"http://127.0.0.1:{port}"
    proc.kill()
    pytest.fail("streamlit did not become healthy")


@pytest.fixture(scope="module")
def seed_server(tmp_path_factory):
    proc, url = _start(str(ROOT / "seeds"), str(tmp_path_factory.mktemp("clicks-cache")))
    yield url
    proc.terminate()
    proc.wait(timeout=30)


@pytest.fixture(scope="module")
def dpg_server(dpg_cache):
    from conftest import corpus_file

    proc, url = _start(str(corpus_file("dpg-news-2019", "articles.jsonl")), str(dpg_cache.root))
    yield url
    proc.terminate()
    proc.wait(timeout=30)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _idle(page) -> None:
    """Until Streamlit has finished the run and the charts drew."""
    wait_idle(page, 1800, before_ms=600, after_ms=1200)


def _open(browser, url: str, refused: list[str] | None = None):
    page = browser.new_page(viewport={"width": 1400, "height": 1400})

    def local_only(route) -> None:
        host = route.request.url.split("/")[2].split(":")[0]
        if host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            if refused is not None:
                refused.append(route.request.url)
            route.abort()

    page.route("**/*", local_only)
    page.goto(url, timeout=1_800_000)
    page.get_by_role("heading").first.wait_for(timeout=1_800_000)
    _idle(page)
    return page


def _hover_then_click(page, chart: int, points: str, k: int) -> str:
    """Hover the k-th point of a chart, click it; returns the hover label's text."""
    target = page.locator(".js-plotly-plot").nth(chart).locator(points).nth(k)
    target.scroll_into_view_if_needed()
    box = target.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.wait_for_timeout(400)
    label = page.evaluate("() => [...document.querySelectorAll('.hoverlayer .hovertext text.nums')].map(e => e.textContent).join(' ')")
    page.mouse.click(x, y)
    _idle(page)
    return label


def _sources(page) -> str:
    return " ".join(page.locator("blockquote").all_inner_texts())


def _fresh(page) -> None:
    """The page as opened: no point selected (a click on a point already selected, one
    drawn over another, would unselect it)."""
    page.reload()
    page.get_by_role("heading").first.wait_for(timeout=1_800_000)
    _idle(page)


def _money_points_show_their_sentences(page, clicks: int) -> None:
    shown = 0
    for k in range(clicks):
        if k:
            _fresh(page)
        label = _hover_then_click(page, 0, ".scatterlayer .trace .points path", k)
        written = re.search(r"“(.+?)”", label).group(1)  # the figure as written, from the hover label
        heading = page.get_by_text("First report of the selected figures")
        heading.first.wait_for(timeout=60_000)
        assert written in _sources(page), (written, _sources(page)[:300])
        shown += 1
    assert shown == clicks


def _chronicle_rows_show_their_reports(page, clicks: int) -> None:
    for k in range(clicks):
        if k:
            _fresh(page)
        label = _hover_then_click(page, 0, ".barlayer .trace .point path", k)
        page.get_by_text("Reports of:").first.wait_for(timeout=60_000)
        assert _sources(page), label


def _network_nodes_show_their_sentences(page, chart: int, clicks: int) -> None:
    for k in range(clicks):
        if k:
            _fresh(page)
        label = _hover_then_click(page, chart, ".scatterlayer .trace .points path", k)
        name = label.split(":")[0].strip()
        page.get_by_text(f"Sentences naming {name}").first.wait_for(timeout=60_000)
        assert _sources(page), label


def _network_chart(page) -> int:
    """The index of the network among the page's charts, once it has drawn."""
    find = (
        "() => [...document.querySelectorAll('.js-plotly-plot')].findIndex("
        "p => (p.querySelector('.gtitle') || {}).textContent?.startsWith('Actors mentioned in the same sentence'))"
    )
    page.wait_for_function(f"({find})() >= 0", timeout=120_000)
    return page.evaluate(find)


# --- seeds/ ----------------------------------------------------------------------------------


def test_seed_money_point_shows_its_sentence(seed_server, browser):
    page = _open(browser, f"{seed_server}/money")
    _money_points_show_their_sentences(page, 1)
    assert "Poetin zegde nieuwe leningen toe van tussen de 630 en 640 miljoen dollar aan de buur" in _sources(page)


def test_seed_chronicle_row_and_network_node_show_their_sentences(seed_server, browser):
    page = _open(browser, f"{seed_server}/chronology")
    _chronicle_rows_show_their_reports(page, 2)
    page = _open(browser, f"{seed_server}/actors")
    _network_nodes_show_their_sentences(page, _network_chart(page), 2)


def test_seed_pages_ask_no_other_host(seed_server, browser):
    for path in PAGES:
        refused: list[str] = []
        _open(browser, f"{seed_server}/{path}", refused).close()
        assert refused == [], (path, refused)  # the icon too: no font CDN


# --- dpg-news-2019 (skipped when absent) -----------------------------------------------------


def test_dpg_money_points_show_their_sentences(dpg_server, browser):
    """Twelve points of the 368 distinct figures: each click shows its first report."""
    page = _open(browser, f"{dpg_server}/money")
    _money_points_show_their_sentences(page, 12)


def test_dpg_chronicle_rows_and_network_nodes_show_their_sentences(dpg_server, browser):
    page = _open(browser, f"{dpg_server}/chronology")
    _chronicle_rows_show_their_reports(page, 5)
    page = _open(browser, f"{dpg_server}/actors")
    _network_nodes_show_their_sentences(page, _network_chart(page), 6)


def test_dpg_pages_ask_no_other_host(dpg_server, browser):
    for path in PAGES:
        refused: list[str] = []
        _open(browser, f"{dpg_server}/{path}", refused).close()
        assert refused == [], (path, refused)
