"""The dashboard through Streamlit's AppTest: every page, filters, the URL, downloads."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT, open_dashboard

PAGES = ["pages/overview.py", "pages/actors.py", "pages/money.py", "pages/chronology.py", "pages/articles.py", "pages/about.py"]


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
    assert 'kr-money" title="$ 630–640 mln (≈ € 533–541 mln)' in html


# --- the DPG corpus (1,141 articles, Feb–Apr 2019): skipped when absent -------------------------

import json  # noqa: E402
import os  # noqa: E402

DPG_PERIOD = ["2019-01-12", "2019-06-11"]  # first article 2019-02-12 − 1 month … last 2019-04-11 + 2 months


@pytest.fixture(scope="module")
def dpg(dpg_cache):
    """The dashboard on dpg-news-2019, over the session's extraction of it (``dpg_cache``):
    the first page builds the corpus tables from cached rows, as at a user's second start."""
    from conftest import corpus_file

    folder = corpus_file("dpg-news-2019")
    saved = {k: os.environ.get(k) for k in ("KRONIEK_CORPUS", "KRONIEK_CACHE")}
    os.environ["KRONIEK_CORPUS"] = str(folder)
    os.environ["KRONIEK_CACHE"] = str(dpg_cache.root)
    yield folder
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


def _dpg_app(page: str | None = None) -> AppTest:
    return open_dashboard(page, timeout=1800)  # the first open extracts 1,141 articles


def _figure(at: AppTest, title_start: str) -> dict:
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        title = spec["layout"].get("title", {}).get("text", "")
        if title.startswith(title_start):
            return spec
    raise AssertionError(f"no chart titled {title_start!r}")


def _days(axis_range) -> list[str]:
    return [str(x)[:10] for x in axis_range]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_dpg(dpg, page):
    at = _dpg_app(None if page == PAGES[0] else page)
    assert at.title[0].value in {"Kroniek", "Actors", "Money", "Chronology", "Articles", "About & quality"}


def test_overview_events_axis_opens_on_the_corpus_period(dpg):
    at = _dpg_app()
    spec = _figure(at, "Events over time (per week, asserted)")
    assert _days(spec["layout"]["xaxis"]["range"]) == DPG_PERIOD
    assert spec["layout"]["xaxis"]["tickformat"] == "%d %b"


def test_chronology_opens_on_the_period_with_the_stories_first_then_in_date_order(dpg, downloads):
    """A corpus of more than a few dozen articles opens on the happenings the most
    articles report; "By date" lists them in date order."""
    at = _dpg_app("pages/chronology.py")
    spec = _figure(at, "Chronicle, rows 1–50 of")
    assert _days(spec["layout"]["xaxis"]["range"]) == DPG_PERIOD
    rows = next(d.value for d in at.dataframe if "n_articles" in d.value.columns and "when" in d.value.columns)
    assert len(rows) == 50
    assert rows["n_articles"].tolist() == sorted(rows["n_articles"], reverse=True) and rows["n_articles"].iloc[0] >= 3
    assert list(rows.columns[:3]) == ["when", "what", "who"] and rows["what"].str.len().min() > 0
    at.radio(key="chrono_order").set_value("date").run()
    rows = next(d.value for d in at.dataframe if "n_articles" in d.value.columns and "when" in d.value.columns)
    first_day = {4: "-01-01", 7: "-01", 10: ""}  # "2019", "2019-02", "2019-02-12" as a day
    begins = [b + first_day[len(b)] for b in (w.split(" – ")[0] for w in rows["when"])]
    assert begins == sorted(begins)
    assert begins[0] >= "2019-01"  # 1573 and the other far dates are under Background
    assert rows["n_articles"].min() >= 1
    table = _download_csv(at, "dl_chronicle", downloads)
    assert list(table.columns[:4]) == ["begin_date", "end_date", "what", "who"] and "sources" in table.columns
    assert table["begin_date"].tolist() == sorted(table["begin_date"]) and len(table) > 500
    at.number_input(key="chrono_page").set_value(5).run()
    assert not at.exception
    page_5 = next(d.value for d in at.dataframe if "when" in d.value.columns)
    assert page_5["when"].iloc[0] >= rows["when"].iloc[-1][:7]
    at.radio(key="chrono_scope").set_value("background").run()  # fewer rows: page 5 gone
    background = next(d.value for d in at.dataframe if "when" in d.value.columns)
    assert background["when"].iloc[0] < "2018"
    assert not at.exception


def test_dpg_lanes_and_counts_per_100_articles(dpg):
    at = _dpg_app()
    at.toggle(key="ov_per100").set_value(True).run()
    spec = _figure(at, "Events over time (per week, asserted) (per 100 articles published)")
    assert spec["layout"]["yaxis"]["title"]["text"] == "per 100 articles"
    at.switch_page("pages/chronology.py")
    at.run()
    at.radio(key="chrono_lanes").set_value("event_type").run()
    lanes, rows = _figure(at, "Chronicle")["data"][0]["y"]
    assert len(lanes) == len(rows) == 50
    assert lanes == sorted(lanes, key=lanes.index)  # each lane's rows together
    assert len(set(lanes)) == len([k for i, k in enumerate(lanes) if i == 0 or lanes[i - 1] != k])
