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
