"""What the actor chart counts: names and aliases by default; adjectives, capitals acting
for their government and role references stacked on request, and the title says which."""

from __future__ import annotations

import pandas as pd
import pytest

from kroniek import charts, extract_article
from kroniek.data.schema import frame
from kroniek.extract import actors_table
from kroniek.query import Filters
from kroniek.query.database import CorpusData
from kroniek.query.filtered import Query

# Shapes of dpg-news-2019 sentences (non-held-out articles): a name, adjectives, a capital
# acting for the government, a capital as a place.
TEXT = (
    "Nederland wil meer geld voor de Nederlandse boeren. "
    "Den Haag wil dat de Nederlandse regering ingrijpt. "
    "Het hoofdkantoor van Shell in Den Haag gaat dicht."
)


@pytest.fixture(scope="module")
def query(nlp):
    ex = extract_article(TEXT, "2019-03-01", nlp, article_id="a")
    mentions = frame("mentions", ex.mentions)
    articles = frame("articles", [{"article_id": "a", "title": "t", "date": "2019-03-01", "date_precision": "day"}])
    tables = {"articles": articles, "mentions": mentions, "actors": actors_table(mentions)}
    data = CorpusData.from_frames(tables, {"a": TEXT})
    return Query(data, Filters())


def test_names_alone_by_default_and_every_kind_on_request(query):
    named = query.top_actors_by_kind(10).set_index("actor_id")
    assert named.loc["NLD", ["n_name", "n_adjective", "n_metonym", "n_mentions"]].tolist() == [1, 2, 1, 4]
    assert named.loc["loc:den-haag", "n_name"] == 1  # the city where the headquarters are
    assert named.loc["org:shell", "n_name"] == 1
    everything = query.top_actors_by_kind(1, indirect=True)
    assert everything["actor_id"].tolist() == ["NLD"]


def test_adjectives_alone_do_not_rank_an_actor_by_name(query):
    only_adjectives = query.top_actors_by_kind(10)
    assert (only_adjectives["n_name"] > 0).all()


def test_the_chart_says_what_it_counts_and_stacks_the_kinds(query):
    named = charts.actor_kind_bar(query.top_actors_by_kind(10))
    assert named.layout.title.text == "Most mentioned actors — counting names and aliases"
    assert {t.marker.pattern.shape for t in named.data} == {""}
    nld = [t for t in named.data if "Nederland" in t.y]
    assert [list(t.x)[list(t.y).index("Nederland")] for t in nld] == [1]
    stacked = charts.actor_kind_bar(query.top_actors_by_kind(10, indirect=True), indirect=True)
    assert stacked.layout.title.text.endswith("counting names and aliases, adjectives, capitals for a government, role references")
    parts = {t.name: list(t.x)[list(t.y).index("Nederland")] for t in stacked.data if "Nederland" in t.y}
    assert parts == {"country: names and aliases": 1, "country: adjectives": 2, "country: capitals for a government": 1}
    assert {t.marker.pattern.shape for t in stacked.data if t.name.startswith("country")} == {"", "/", "x"}


def test_empty_chart_still_says_what_it_counts():
    fig = charts.actor_kind_bar(pd.DataFrame())
    assert fig.layout.title.text == "Most mentioned actors — counting names and aliases"


def _bar_values(at, actor: str) -> dict[str, int]:
    import json

    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        if spec["layout"].get("title", {}).get("text", "").startswith("Most mentioned actors"):
            title = spec["layout"]["title"]["text"]
            return {"title": title, **{t["name"]: t["x"][t["y"].index(actor)] for t in spec["data"] if actor in t["y"]}}
    raise AssertionError("no actor chart")


def test_actors_page_counts_names_and_the_toggle_stacks_the_rest():
    """The seed: Rusland named 3 times, "Russische" twice, Moskou acting once."""
    from streamlit.testing.v1 import AppTest

    from conftest import ROOT

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
    at.run()
    at.switch_page("pages/actors.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert _bar_values(at, "Rusland") == {"title": "Most mentioned actors — counting names and aliases", "country": 3}
    at.toggle(key="actors_indirect").set_value(True).run()
    assert _bar_values(at, "Rusland") == {
        "title": "Most mentioned actors — counting names and aliases, adjectives, capitals for a government, role references",
        "country: names and aliases": 3, "country: adjectives": 2, "country: capitals for a government": 1,
    }
