"""One Filters value cuts every table the same way, and survives a URL round trip."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from kroniek.data.schema import frame
from kroniek.query import Filters, apply


@pytest.fixture()
def tables():
    articles = frame(
        "articles",
        [
            {"article_id": "a", "title": "Poetin in Minsk", "date": "2021-09", "date_precision": "month", "source": "NRC", "path": "a.txt", "n_words": 10},
            {"article_id": "b", "title": "Rutte", "date": "2019-02-12", "date_precision": "day", "source": "AD", "path": "b.txt", "n_words": 8},
            {"article_id": "c", "title": "Geen datum", "date": "", "date_precision": "", "source": "", "path": "c.txt", "n_words": 3},
        ],
    )
    mention = lambda a, s, actor_id, actor, t, via="gazetteer": {  # noqa: E731
        "article_id": a, "sentence_id": s, "start": 0, "end": 1, "text": actor, "label": "PER", "actor_id": actor_id,
        "actor": actor, "actor_type": t, "country": "", "via": via,
    }
    mentions = frame(
        "mentions",
        [
            mention("a", 0, "per:poetin", "Poetin", "person"),
            mention("a", 0, "RUS", "Rusland", "country", "metonymy"),
            mention("a", 1, "BLR", "Wit-Rusland", "country"),
            mention("b", 0, "per:rutte", "Rutte", "person"),
        ],
    )
    money = frame("money", [
        {"article_id": "a", "sentence_id": 0, "start": 0, "end": 1, "text": "5 euro", "low": 5, "high": 5, "currency": "EUR", "approx": False, "kind": "single", "low_eur": 5, "high_eur": 5, "context": ""},
        {"article_id": "a", "sentence_id": 1, "start": 0, "end": 1, "text": "6 euro", "low": 6, "high": 6, "currency": "EUR", "approx": False, "kind": "single", "low_eur": 6, "high_eur": 6, "context": ""},
        {"article_id": "b", "sentence_id": 0, "start": 0, "end": 1, "text": "7 euro", "low": 7, "high": 7, "currency": "EUR", "approx": False, "kind": "single", "low_eur": 7, "high_eur": 7, "context": ""},
    ])
    actors = frame("actors", [
        {"actor_id": "per:poetin", "actor": "Poetin", "actor_type": "person", "country": "RUS", "role": "", "aliases": "Poetin", "n_mentions": 1, "n_articles": 1},
        {"actor_id": "RUS", "actor": "Rusland", "actor_type": "country", "country": "RUS", "role": "", "aliases": "Moskou", "n_mentions": 1, "n_articles": 1},
        {"actor_id": "BLR", "actor": "Wit-Rusland", "actor_type": "country", "country": "BLR", "role": "", "aliases": "Wit-Rusland", "n_mentions": 1, "n_articles": 1},
        {"actor_id": "per:rutte", "actor": "Rutte", "actor_type": "person", "country": "NLD", "role": "", "aliases": "Rutte", "n_mentions": 1, "n_articles": 1},
    ])
    return {"articles": articles, "mentions": mentions, "money": money, "actors": actors,
            "timexes": frame("timexes"), "events": frame("events"), "sentences": frame("sentences"), "roles": frame("roles")}


def test_no_filters_keeps_everything(tables):
    out = apply(tables, Filters())
    assert {k: len(v) for k, v in out.items()} == {k: len(v) for k, v in tables.items()}


def test_date_range_selects_articles_by_overlap(tables):
    out = apply(tables, Filters(date_from=dt.date(2021, 9, 15), date_to=dt.date(2021, 12, 31)))
    assert list(out["articles"]["article_id"]) == ["a"]
    assert list(out["money"]["text"]) == ["5 euro", "6 euro"]
    assert list(out["actors"]["actor"]) == ["Poetin", "Rusland", "Wit-Rusland"]


def test_source_and_text_search(tables):
    assert list(apply(tables, Filters(sources=("AD",)))["articles"]["article_id"]) == ["b"]
    texts = {"a": "Poetin sprak.", "b": "Rutte sprak in Den Haag.", "c": "niets"}
    assert list(apply(tables, Filters(query="den haag"), texts)["articles"]["article_id"]) == ["b"]


def test_actor_filter_cuts_money_to_their_sentences(tables):
    out = apply(tables, Filters(actors=("per:poetin",)))
    assert list(out["mentions"]["actor"]) == ["Poetin"]
    assert list(out["money"]["text"]) == ["5 euro"]
    assert list(out["articles"]["article_id"]) == ["a"]


def test_actor_type_and_via_select_mentions(tables):
    out = apply(tables, Filters(actor_types=("country",), via=("gazetteer",)))
    assert list(out["mentions"]["actor"]) == ["Wit-Rusland"]
    assert list(out["actors"]["actor"]) == ["Wit-Rusland"]
    assert len(out["money"]) == 3


def test_query_params_round_trip():
    f = Filters(dt.date(2021, 1, 1), dt.date(2021, 12, 31), ("person",), ("per:poetin", "RUS"), ("AD",), "lening", ("ner",))
    params = f.to_query_params()
    assert params == {"from": "2021-01-01", "to": "2021-12-31", "type": ["person"], "actor": ["per:poetin", "RUS"], "source": ["AD"], "q": "lening", "via": ["ner"]}
    assert Filters.from_query_params(params) == f


def test_bad_query_params_are_ignored():
    assert Filters.from_query_params({"from": "gisteren", "to": "2021-02-30", "q": ""}) == Filters()


def test_values_from_the_url_cannot_break_out_of_the_sql(tables):
    from kroniek.query import sql_list

    assert sql_list(["O'Brien", "x"]) == "['O''Brien', 'x']"
    hostile = Filters(actors=("x') OR TRUE OR ('",), actor_types=("person'; DROP TABLE mentions; --",), via=("'",), sources=("' OR '1'='1",))
    out = apply(tables, hostile)
    assert len(out["mentions"]) == 0 and len(out["articles"]) == 0
    assert len(apply(tables, Filters())["mentions"]) == 4  # nothing was dropped


def test_actor_counts_follow_article_and_mention_filters():
    from kroniek.extract import actors_table

    articles = frame("articles", [
        {"article_id": "a", "date": "2019-02-01"}, {"article_id": "b", "date": "2019-03-01"}, {"article_id": "c", "date": "2019-03-20"},
    ])
    m = lambda a, actor_id, t, via="ner": {"article_id": a, "sentence_id": 0, "actor_id": actor_id, "actor": actor_id, "actor_type": t, "text": actor_id, "via": via}  # noqa: E731
    mentions = frame("mentions", [
        m("a", "Rutte", "person"), m("b", "Rutte", "person"), m("b", "Rutte", "person", "coref"), m("c", "Rutte", "person"),
        m("b", "NAVO", "organisation"), m("c", "NAVO", "organisation"), m("c", "NAVO", "organisation"),
    ])
    tables = {"articles": articles, "mentions": mentions, "actors": actors_table(mentions)}
    counts = lambda f: {r.actor: (r.n_mentions, r.n_articles) for r in apply(tables, f)["actors"].itertuples()}  # noqa: E731
    march = dict(date_from=dt.date(2019, 3, 1), date_to=dt.date(2019, 3, 31))
    assert counts(Filters()) == {"Rutte": (4, 3), "NAVO": (3, 2)}
    assert counts(Filters(**march)) == {"Rutte": (3, 2), "NAVO": (3, 2)}
    assert counts(Filters(**march, actor_types=("person",))) == {"Rutte": (3, 2)}
    assert counts(Filters(**march, via=("ner",))) == {"Rutte": (2, 2), "NAVO": (3, 2)}
    assert counts(Filters(via=("coref",))) == {"Rutte": (1, 1)}


def test_answers_are_shared_by_queries_under_the_same_filters_and_never_across_filters(tables):
    from kroniek.query import CorpusData, Query

    texts = {a: "" for a in tables["articles"]["article_id"]}
    data = CorpusData.from_frames(tables, texts)
    first = Query(data, Filters(actor_types=("person",)))
    top = first.top_actors(10)
    assert list(top["actor"]) == ["Poetin", "Rutte"]
    top.loc[0, "actor"] = "changed by a chart"  # a caller's copy: the kept answer stays
    second = Query(data, Filters(actor_types=("person",)))
    assert list(second.top_actors(10)["actor"]) == ["Poetin", "Rutte"]
    assert second._con is None  # answered without making its filtered views
    countries = Query(data, Filters(actor_types=("country",)))
    assert list(countries.top_actors(10)["actor"]) == ["Rusland", "Wit-Rusland"]
    # the money page's figures read no mentions: an actor-type filter keeps the answer
    assert Query(data, Filters()).money_view() == 3
    other_filter = Query(data, Filters(actor_types=("country",)))
    assert other_filter.money_view() == 3 and other_filter._con is None
    assert Query(data, Filters(actors=("per:rutte",))).money_view() == 1
