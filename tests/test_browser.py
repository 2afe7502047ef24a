"""One real-browser run: Playwright driving Debian's Chromium against `streamlit run`."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from browsing import CHROMIUM, CHROMIUM_ARGS, free_port, healthy
from conftest import ROOT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (/usr/bin/chromium); .ci/run installs it")
    port = free_port()
    # PYTHONPATH: a first request for a page URL runs the page file before dashboard.py
    # has put this checkout's lib/ on the path
    env = {
        **os.environ,
        "KRONIEK_CACHE": str(tmp_path_factory.mktemp("browser-cache")),
        "PYTHONPATH": os.pathsep.join([str(ROOT / "lib"), os.environ.get("PYTHONPATH", "")]),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.port", str(port), "--server.headless", "true"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    if not healthy(port, timeout=180, poll=0.5):
        proc.kill()
        pytest.fail("streamlit did not become healthy: " + proc.stderr.read().decode(errors="replace")[-2000:])
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=30)


def test_actors_page_filter_url_and_download(server, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            user_data_dir=str(tmp_path / "profile"),  # a fresh, empty profile
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            accept_downloads=True,
            viewport={"width": 1400, "height": 1800},
        )
        page = context.new_page()
        page.goto(f"{server}/actors", timeout=120_000)
        page.locator(".js-plotly-plot").first.wait_for(timeout=180_000)
        expect(page.get_by_role("heading", name="Actors")).to_be_visible()
        url_before = page.url

        actor_type = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").filter(has_text="Actor type")
        actor_type.locator("input").click()
        page.get_by_role("option", name="person", exact=True).click()
        page.keyboard.press("Escape")
        page.wait_for_url("**type=person**", timeout=60_000)
        assert page.url != url_before
        shared_url = page.url

        second = context.new_page()
        second.goto(shared_url, timeout=120_000)
        second.locator(".js-plotly-plot").first.wait_for(timeout=180_000)
        chosen = second.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").filter(has_text="Actor type")
        expect(chosen.get_by_text("person", exact=True)).to_be_visible(timeout=60_000)
        expect(second.get_by_text("Ryanair")).to_have_count(0)

        with second.expect_download(timeout=60_000) as info:
            second.get_by_role("button", name="Download actors").click()
        content = Path(info.value.path()).read_text(encoding="utf-8")
        rows = list(csv.DictReader(io.StringIO(content)))
        assert rows, content
        assert {r["actor_type"] for r in rows} == {"person"}
        assert {r["actor"] for r in rows} >= {"Aleksandr Loekasjenko", "Vladimir Poetin"}
        context.close()


SHARED_ARTICLE = {
    "id": "gedeeld-1",
    "date": "2020-08-11",
    "title": "Hulp voor Beiroet",
    "text": "Minister Sigrid Kaag maakte dinsdag 12 miljoen euro vrij voor de wederopbouw van Beiroet, meldde het ministerie in Den Haag.",
    "source": "eigen",
}


def test_a_shared_link_opens_the_uploaded_article_in_a_fresh_browser_context(server):
    import json

    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        author = browser.new_context(viewport={"width": 1400, "height": 1800}).new_page()
        author.goto(server, timeout=120_000)
        author.locator(".js-plotly-plot").first.wait_for(timeout=180_000)
        sidebar = author.locator("[data-testid='stSidebar']")
        sidebar.get_by_text("Add articles").click()
        sidebar.locator("input[type='file']").set_input_files(
            {"name": "eigen.jsonl", "mimeType": "application/json", "buffer": json.dumps(SHARED_ARTICLE).encode()}
        )
        search = sidebar.get_by_label("Search text")
        search.fill("Beiroet")
        search.press("Enter")
        author.wait_for_url("**q=Beiroet**", timeout=60_000)
        sidebar.get_by_role("button", name="Share this view").click(timeout=180_000)
        link = sidebar.locator("[data-testid='stCode'] code").first
        expect(link).to_contain_text("share=", timeout=60_000)
        url = link.inner_text().strip()
        assert url.startswith(server) and "q=Beiroet" in url, url

        viewer = browser.new_context(viewport={"width": 1400, "height": 1800}).new_page()  # no cookies, no session
        viewer.goto(url, timeout=120_000)
        expect(viewer.get_by_text("Shared view: 1 article from the link, read-only.")).to_be_visible(timeout=180_000)
        expect(viewer.locator("[data-testid='stMetric']").filter(has_text="Articles").locator("[data-testid='stMetricValue']")).to_have_text("1")
        viewer.locator("[data-testid='stSidebarNav']").get_by_text("Articles").click()
        expect(viewer.get_by_role("heading", name="Hulp voor Beiroet")).to_be_visible(timeout=120_000)
        assert "share=" in viewer.url and "q=Beiroet" in viewer.url, viewer.url

        stranger = browser.new_context(viewport={"width": 1400, "height": 1800}).new_page()
        stranger.goto(url.split("share=")[0].rstrip("&?"), timeout=120_000)
        expect(stranger.locator("[data-testid='stMetric']").filter(has_text="Articles").locator("[data-testid='stMetricValue']")).to_have_text("0", timeout=180_000)
        expect(stranger.get_by_text("Hulp voor Beiroet")).to_have_count(0)
        browser.close()


def test_country_map_draws_with_every_outside_request_refused(server, tmp_path):
    """No request may leave the machine: the world outline is served by the app."""
    from playwright.sync_api import sync_playwright

    refused: list[str] = []

    def local_only(route) -> None:
        host = route.request.url.split("/")[2].split(":")[0]
        if host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            user_data_dir=str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 2400},
        )
        context.route("**/*", local_only)
        page = context.new_page()
        page.goto(f"{server}/actors", timeout=120_000)
        countries = page.locator(".js-plotly-plot .geo .layer.countries path, .js-plotly-plot .geo path.choroplethlocation")
        countries.first.wait_for(state="attached", timeout=180_000)
        shaded = page.locator(".js-plotly-plot .geo path.choroplethlocation")
        assert shaded.count() == 3  # the seed article: Wit-Rusland, Rusland, Ierland (Ryanair)
        assert page.locator(".js-plotly-plot .geo .layer.land path").count() >= 1  # the outline itself drew
        assert not [u for u in refused if "topojson" in u or "cdn.plot.ly" in u], refused
        context.close()
