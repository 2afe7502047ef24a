"""Chart builders are pure: a DataFrame in, a Figure out, values checked directly."""

from __future__ import annotations

import pandas as pd

from kroniek import charts
from kroniek.schema import frame


def test_actor_bar_one_trace_per_type_with_actor_ids():
    actors = frame("actors", [
        {"actor_id": "RUS", "actor": "Rusland", "actor_type": "country", "country": "RUS", "role": "", "aliases": "", "n_mentions": 8, "n_articles": 1},
        {"actor_id": "per:p", "actor": "Vladimir Poetin", "actor_type": "person", "country": "RUS", "role": "", "aliases": "", "n_mentions": 3, "n_articles": 1},
        {"actor_id": "per:l", "actor": "Aleksandr Loekasjenko", "actor_type": "person", "country": "BLR", "role": "", "aliases": "", "n_mentions": 6, "n_articles": 2},
    ])
    fig = charts.actor_bar(actors)
    traces = {t.name: t for t in fig.data}
    assert set(traces) == {"country", "person"}
    assert list(traces["person"].x) == [6, 3]
    assert list(traces["person"].y) == ["Aleksandr Loekasjenko", "Vladimir Poetin"]
    assert [c[0] for c in traces["person"].customdata] == ["per:l", "per:p"]
    assert traces["country"].marker.color == charts.ACTOR_TYPE_COLOURS["country"]
    assert list(fig.layout.yaxis.categoryarray) == ["Vladimir Poetin", "Aleksandr Loekasjenko", "Rusland"]


def test_empty_input_gives_an_explained_empty_figure():
    fig = charts.actor_bar(frame("actors"))
    assert len(fig.data) == 0
    assert fig.layout.annotations[0].text == "Nothing to show for the current filters"


def _money(rows):
    base = {"article_id": "a", "sentence_id": 0, "start": 0, "end": 1, "approx": False, "context": "lening"}
    return frame("money", [{**base, **r} for r in rows])


def test_money_intervals_draw_ranges_as_segments_on_a_log_axis():
    money = _money([
        {"text": "tussen de 630 en 640 miljoen dollar", "low": 630e6, "high": 640e6, "currency": "USD", "kind": "range", "low_eur": 532e6, "high_eur": 541e6},
        {"text": "5 euro", "low": 5, "high": 5, "currency": "EUR", "kind": "single", "low_eur": 5, "high_eur": 5},
        {"text": "10 bitcoin", "low": 10, "high": 10, "currency": "XBT", "kind": "single", "low_eur": None, "high_eur": None},
    ])
    fig = charts.money_intervals(money, unit="EUR")
    assert fig.layout.xaxis.type == "log"
    segments, points = fig.data
    assert list(segments.x) == [532e6, 541e6, None]
    assert list(points.y) == ["1. 5 euro", "2. tussen de 630 en 640 miljoen dollar"]
    assert points.customdata[1][2] == "tussen de 630 en 640 miljoen dollar"
    assert "1 figure(s) without a euro rate not shown" in fig.layout.title.text
    usd = charts.money_intervals(money, unit="USD")
    assert list(usd.data[0].x) == [630e6, 640e6, None]


def test_timeline_bars_are_inclusive_intervals():
    events = frame("events", [
        {"event_id": "e1", "article_id": "a", "sentence_id": 3, "event_type": "consult", "event_code": "04", "trigger": "ontmoeting",
         "begin_date": "2021-09-01", "end_date": "2021-09-30", "sentence": "s"},
        {"event_id": "e2", "article_id": "a", "sentence_id": 4, "event_type": "protest", "event_code": "14", "trigger": "protest",
         "begin_date": "2020-08-09", "end_date": "2020-08-09", "sentence": "t"},
    ])
    fig = charts.timeline(events, label="trigger", colour="event_type", hover=["trigger"])
    by_name = {t.name: t for t in fig.data}
    day_ms = 24 * 3600 * 1000
    assert list(by_name["consult"].x) == [30 * day_ms]
    assert list(by_name["protest"].x) == [1 * day_ms]
    assert by_name["protest"].marker.opacity[0] > by_name["consult"].marker.opacity[0]
    assert by_name["consult"].customdata[0][:3] == ["a", 3, "ontmoeting"]


def _query(mentions, articles):
    from kroniek.filters import Filters
    from kroniek.query import CorpusData, Query

    from kroniek.extract import actors_table

    frames = {name: frame(name) for name in ("money", "timexes", "events", "sentences", "roles")}
    frames.update({"mentions": mentions, "articles": articles, "actors": actors_table(mentions)})
    return Query(CorpusData.from_frames(frames, {a: "" for a in articles["article_id"]}), Filters())


def test_mentions_over_time_counts_by_month():
    articles = frame("articles", [
        {"article_id": "a", "date": "2019-02-12"}, {"article_id": "b", "date": "2019-02"}, {"article_id": "c", "date": "2019-03-01"},
    ])
    m = lambda a, actor: {"article_id": a, "sentence_id": 0, "actor_id": actor, "actor": actor, "actor_type": "person", "text": actor}  # noqa: E731
    mentions = frame("mentions", [m("a", "Rutte"), m("b", "Rutte"), m("c", "Rutte"), m("c", "Wiebes")])
    counts = _query(mentions, articles).mentions_by_period()
    fig = charts.mentions_over_time(counts)
    rutte = next(t for t in fig.data if t.name == "Rutte")
    assert [pd.Timestamp(x).strftime("%Y-%m") for x in rutte.x] == ["2019-02", "2019-03"]
    assert list(rutte.y) == [2, 1]
    assert [t.name for t in fig.data] == ["Rutte", "Wiebes"]


def test_cooccurrence_network_weights_shared_sentences():
    m = lambda s, actor_id, t="person": {"article_id": "a", "sentence_id": s, "actor_id": actor_id, "actor": actor_id, "actor_type": t, "text": actor_id}  # noqa: E731
    mentions = frame("mentions", [m(0, "Poetin"), m(0, "Loekasjenko"), m(1, "Poetin"), m(1, "Loekasjenko"), m(2, "Poetin"), m(2, "RUS", "country")])
    nodes, edges = _query(mentions, frame("articles", [{"article_id": "a", "date": "2021-09"}])).cooccurrence()
    assert edges.values.tolist() == [["Loekasjenko", "Poetin", 2], ["Poetin", "RUS", 1]]
    fig = charts.cooccurrence_network(nodes, edges)
    lines = [t for t in fig.data if t.mode == "lines"]
    assert len(lines) == 2
    assert lines[-1].line.width == 7.0  # Poetin–Loekasjenko: 2 shared sentences, the maximum
    points = {t.name: t for t in fig.data if t.mode == "markers+text"}
    assert sorted(points["person"].text) == ["Loekasjenko", "Poetin"]


def test_country_map_uses_iso3():
    m = lambda c: {"article_id": "a", "sentence_id": 0, "actor_id": c, "actor": c, "actor_type": "country", "country": c, "text": c}  # noqa: E731
    counts = _query(frame("mentions", [m("RUS"), m("RUS"), m("BLR")]), frame("articles", [{"article_id": "a", "date": "2021"}])).country_counts()
    fig = charts.country_map(counts)
    (trace,) = fig.data
    assert dict(zip(trace.locations, trace.z)) == {"BLR": 1, "RUS": 2}
    assert trace.locationmode == "ISO-3"


def test_money_by_currency_and_totals_take_aggregates():
    summary = pd.DataFrame({"currency": ["USD", "EUR"], "n": [1, 3], "eur": [541e6, 12.0], "converted": [1, 3]})
    fig = charts.money_by_currency(summary)
    assert list(fig.data[0].x) == ["EUR", "USD"] and list(fig.data[0].y) == [3, 1]
    totals = pd.DataFrame({"label": ["lening", "<b>boete</b>"], "low": [5.0, 1.0], "high": [6.0, 9.0], "n": [1, 2]})
    bars = charts.totals_bar(totals, "Totals")
    assert list(bars.data[0].y) == ["&lt;b&gt;boete&lt;/b&gt;", "lening"]
    assert list(bars.data[0].x) == [9.0, 6.0]
