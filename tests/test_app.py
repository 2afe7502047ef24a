"""The dashboard through Streamlit's AppTest: every page, filters, the URL, downloads."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from conftest import ROOT

PAGES = ["pages/overview.py", "pages/actors.py", "pages/money.py", "pages/chronology.py", "pages/articles.py", "pages/about.py"]


@pytest.fixture()
def downloads(monkeypatch):
    """What a click on a download button would fetch, by the button's file id.

    The dashboard builds its CSVs only when a button is clicked (deferred downloads);
    the test asks for that file the way the browser does, through the media manager."""
    captured: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def recording(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        file_id = original(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)
        captured[file_id] = data_callable
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", recording)
    return captured


def app() -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
    return at


def _download_csv(at: AppTest, key: str, captured: dict[str, object]) -> pd.DataFrame:
    button = next(b for b in at.get("download_button") if b.proto.id.endswith(key))
    data = captured[button.proto.deferred_file_id]()
    return pd.read_csv(io.BytesIO(data), keep_default_na=False)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_the_seed(page):
    at = app()
    at.run()
    if page != PAGES[0]:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == {
        "pages/overview.py": "Kroniek",
        "pages/actors.py": "Actors",
        "pages/money.py": "Money",
        "pages/chronology.py": "Chronology",
        "pages/articles.py": "Articles",
        "pages/about.py": "About & quality",
    }[page]


def test_overview_counts_the_seed():
    at = app()
    at.run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == "1"
    assert metrics["Words"] == "310"
    assert metrics["Money figures"] == "1"


def test_filter_change_changes_rows_and_url(downloads):
    at = app()
    at.run()
    at.switch_page("pages/actors.py")
    at.run()
    before = _download_csv(at, "dl_actors", downloads)
    at.multiselect(key="f_types").set_value(["person"]).run()
    after = _download_csv(at, "dl_actors", downloads)
    assert set(before["actor_type"]) > {"person"}
    assert set(after["actor_type"]) == {"person"}
    assert len(after) < len(before)
    assert at.query_params["type"] == "person"


def test_query_params_set_the_widgets(downloads):
    at = app()
    at.query_params["type"] = "country"
    at.query_params["q"] = "confederatie"
    at.run()
    assert at.multiselect(key="f_types").value == ["country"]
    assert at.text_input(key="f_q").value == "confederatie"
    at.switch_page("pages/actors.py")
    at.run()
    actors = _download_csv(at, "dl_actors", downloads)
    assert set(actors["actor_type"]) == {"country"}


def test_money_download_holds_exactly_the_filtered_rows(downloads):
    at = app()
    at.run()
    at.switch_page("pages/money.py")
    at.run()
    money = _download_csv(at, "dl_money", downloads)
    assert money[["text", "low", "high", "currency", "kind"]].values.tolist() == [
        ["tussen de 630 en 640 miljoen dollar", 630000000.0, 640000000.0, "USD", "range"]
    ]
    at.text_input(key="f_q").set_value("geen-zulk-woord").run()
    assert len(_download_csv(at, "dl_money", downloads)) == 0


def test_articles_page_opens_the_article_and_sentence_from_the_url():
    at = app()
    at.query_params["article"] = "000_8432a360b6a1ac58.txt"
    at.query_params["sentence"] = "8"
    at.run()
    at.switch_page("pages/articles.py")
    at.run()
    assert not at.exception
    html = next(h.proto.body for h in at.get("html") if "kr-reader" in h.proto.body)
    assert '<span class="kr-focus">' in html
    assert 'kr-money" title="630,000,000.00 – 640,000,000.00 USD' in html
