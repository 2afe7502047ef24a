"""Chart builders are pure: a DataFrame in, a Figure out, values checked directly."""

from __future__ import annotations

import math

import pandas as pd

from kroniek import charts
from kroniek.data.schema import frame


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


def _query(mentions, articles, **tables):
    from kroniek.query.filters import Filters
    from kroniek.query import CorpusData, Query

    from kroniek.extract import actors_table

    frames = {name: frame(name) for name in ("money", "timexes", "events", "happenings", "sentences", "roles")}
    frames.update({"mentions": mentions, "articles": articles, "actors": actors_table(mentions), **tables})
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
    assert dict(zip(trace.locations, [c[0] for c in trace.customdata])) == {"BLR": 1, "RUS": 2}
    assert dict(zip(trace.locations, trace.z)) == {"BLR": 0.0, "RUS": math.log10(2)}  # colours on a log scale
    assert list(trace.colorbar.ticktext) == ["1"] and trace.locationmode == "ISO-3"


def test_money_by_currency_counts_in_whole_numbers_and_names_each_bar():
    summary = pd.DataFrame({"currency": ["USD", "EUR", "CNY"], "n": [1, 3, 1], "eur": [541.27e6, 12.0, 5e6], "converted": [1, 3, 1]})
    fig = charts.money_by_currency(summary)
    (bars,) = fig.data
    assert list(bars.x) == ["EUR", "CNY", "USD"] and list(bars.y) == [3, 1, 1]
    assert list(bars.text) == ["3", "1", "1"]  # a bar of 1 is read by its number
    assert [c[0] for c in bars.customdata] == ["EUR", "CNY", "USD"]  # a click shows that currency's sentences
    assert (fig.layout.yaxis.dtick, fig.layout.yaxis.tickformat) == (1, ",d")  # no tick at 0.2 for a count of 1
    assert bars.hovertext[2] == "USD: 1 figure<br>1 converted, upper bounds total € 541.3 mln"


# --- time axes -------------------------------------------------------------------------

DAY_MS = 24 * 3600 * 1000
DPG_PERIOD = (pd.Timestamp("2019-01-12"), pd.Timestamp("2019-06-11"))  # dpg-news-2019: 2019-02-12 … 2019-04-11


def test_corpus_period_is_first_article_minus_a_month_to_last_plus_two():
    assert charts.corpus_period(pd.Timestamp("2019-02-12"), pd.Timestamp("2019-04-11")) == DPG_PERIOD
    assert charts.corpus_period(None, None) is None


def test_time_unit_from_the_span_shown():
    start = pd.Timestamp("2019-02-04")
    assert charts.time_unit(start, start + pd.Timedelta(weeks=10)) == "week"
    assert charts.time_unit(start, start + pd.Timedelta(days=30)) == "day"
    assert charts.time_unit(*DPG_PERIOD) == "week"  # 150 days
    assert charts.time_unit(start, start + pd.Timedelta(days=365)) == "month"


def _tick_labels(tick: dict, start, end) -> list[str]:
    """The labels Plotly draws for tick0/dtick/tickformat over [start, end]."""
    t0, step, fmt = pd.Timestamp(tick["tick0"]), tick["dtick"], tick["tickformat"]
    if isinstance(step, str):  # "M<n>": months
        dates = pd.date_range(t0, end, freq=pd.DateOffset(months=int(step[1:])))
    else:
        dates = pd.date_range(t0, end, freq=pd.Timedelta(milliseconds=step))
    return [d.strftime(fmt) for d in dates if d >= start]


def test_ticks_step_by_whole_units_and_never_repeat():
    week = charts.ticks(*DPG_PERIOD, "week")
    assert week == {"tick0": pd.Timestamp("2019-01-07"), "dtick": 2 * 7 * DAY_MS, "tickformat": "%d %b"}  # a Monday, every 2 weeks
    labels = _tick_labels(week, *DPG_PERIOD)
    assert labels[:3] == ["21 Jan", "04 Feb", "18 Feb"] and len(labels) == len(set(labels)) == 11
    month = charts.ticks(pd.Timestamp("2019-02-01"), pd.Timestamp("2019-04-30"), "month")
    assert month == {"tick0": pd.Timestamp("2019-02-01"), "dtick": "M1", "tickformat": "%b %Y"}
    assert _tick_labels(month, pd.Timestamp("2019-02-01"), pd.Timestamp("2019-04-30")) == ["Feb 2019", "Mar 2019", "Apr 2019"]
    centuries = charts.ticks(pd.Timestamp("1573-01-01"), pd.Timestamp("2030-12-31"), "month")
    assert centuries["tickformat"] == "%Y" and centuries["dtick"] == "M468"  # 39 years a tick: 12 ticks over 458 years


def test_per_hundred_articles_divides_by_the_period_volume():
    counts = pd.DataFrame({"period": pd.to_datetime(["2019-02-11", "2019-02-18", "2019-02-18"]), "event_type": ["consult", "consult", "protest"], "n": [3, 5, 1]})
    articles = pd.DataFrame({"period": pd.to_datetime(["2019-02-11", "2019-02-18"]), "n_articles": [12, 50]})
    out = charts.per_hundred(counts, articles)
    assert out["n"].tolist() == [25.0, 10.0, 2.0]


def test_events_over_time_opens_on_the_period_despite_a_1573_reference():
    counts = pd.DataFrame({
        "period": pd.to_datetime(["1573-01-01", "2019-02-11", "2019-03-04", "2030-01-01"]),
        "event_type": ["reject", "consult", "consult", "demand"],
        "n": [1, 4, 6, 1],
    })
    fig = charts.events_over_time(counts, "week", DPG_PERIOD)
    assert [pd.Timestamp(x) for x in fig.layout.xaxis.range] == list(DPG_PERIOD)
    consult = next(t for t in fig.data if t.name == "consult")
    assert list(consult.y) == [4, 6] and consult.xperiod == 7 * DAY_MS and consult.xperiodalignment == "middle"
    assert fig.layout.xaxis.dtick == 2 * 7 * DAY_MS


# --- the chronicle -----------------------------------------------------------------------


def _happening(hid, begin, end, label, actors="", event_type="consult", n=1):
    return {"happening_id": hid, "event_code": "04", "event_type": event_type, "actors": actors, "begin_date": begin, "end_date": end,
            "n_articles": n, "first_reported": begin, "last_reported": end, "label": label}


CHRONICLE = pd.DataFrame([
    _happening("h3", "2019-03-19", "2019-03-19", "ontmoeting: Donald Tusk – Theresa May", "Donald Tusk, Theresa May", n=3),
    _happening("h1", "1573-01-01", "1573-12-31", "afgewezen", "Halsema", event_type="reject"),
    _happening("h2", "2019-02-01", "2019-02-28", "staking", "FNV", event_type="protest", n=2),
])


def test_chronicle_rows_by_date_with_what_who_when_and_articles_on_the_corpus_period():
    fig = charts.chronicle(CHRONICLE, DPG_PERIOD)
    assert [pd.Timestamp(x) for x in fig.layout.xaxis.range] == list(DPG_PERIOD)
    order = fig.data[0]  # the invisible trace that fixes the row order
    assert list(order.y) == [
        "1573 · afgewezen (1 art.)",
        "2019-02 · staking (2 art.)",
        "2019-03-19 · ontmoeting: Donald Tusk – Theresa May (3 art.)",
    ]
    bars = {t.name: t for t in fig.data if t.type == "bar"}
    assert list(bars["protest"].x) == [28 * DAY_MS]  # a month known only to the month: a month wide
    assert list(bars["consult"].x) == [1 * DAY_MS]
    assert bars["protest"].marker.opacity[0] < bars["consult"].marker.opacity[0]
    assert bars["consult"].customdata[0] == ["h3", 3, "ontmoeting: Donald Tusk – Theresa May", "Donald Tusk, Theresa May", "2019-03-19", "3 articles"]
    everything = charts.chronicle(CHRONICLE, DPG_PERIOD, show_all=True)
    assert pd.Timestamp(everything.layout.xaxis.range[0]) == pd.Timestamp("1572-12-29")


def test_chronicle_lanes_by_actor_group_rows_under_their_first_actor():
    fig = charts.chronicle(CHRONICLE, DPG_PERIOD, lanes="actor")
    lanes, rows = fig.data[0].y
    assert list(lanes) == ["Halsema", "FNV", "Donald Tusk"]
    assert rows[2].startswith("2019-03-19 · ontmoeting")


def test_date_text_names_the_precision():
    assert [charts.date_text(*d) for d in [("2019-02-12", "2019-02-12"), ("2019-02-01", "2019-02-28"), ("2019-01-01", "2019-12-31"), ("2019-02-11", "2019-02-17")]] == [
        "2019-02-12", "2019-02", "2019", "2019-02-11 – 2019-02-17"]


def _events_corpus():
    from kroniek.extract.happenings import group_events

    from test_happenings import ARTICLES, _event

    events = frame("events", [
        _event("e1", "a", "04", "Theresa May", "Donald Tusk", "2019-03-19", "2019-03-19"),
        _event("e2", "b", "04", "May", "Tusk", "2019-03-19", "2019-03-19"),
        _event("e3", "c", "04", "Donald Tusk", "", "2019-03-17", "2019-03-23", time_text="vorige week"),
        _event("e4", "d", "04", "Theresa May", "Donald Tusk", "2019-04-14", "2019-04-14"),
        _event("e6", "c", "04", "Theresa May", "Donald Tusk", "2019-03-19", "2019-03-19", factuality="negated"),
        _event("e8", "a", "17", "Filips II", "", "1573-01-01", "1573-12-31", trigger="belegering"),
    ])
    events, happenings = group_events(events, ARTICLES)
    return _query(frame("mentions"), ARTICLES, events=events, happenings=happenings)


def test_query_chronicle_is_happenings_in_date_order_with_background_apart():
    q = _events_corpus()
    period = charts.corpus_period(*q.article_dates())
    assert period == (pd.Timestamp("2019-02-20"), pd.Timestamp("2019-06-15"))
    rows, total = q.chronicle(period, "period")
    assert total == 2
    assert rows[["begin_date", "end_date", "n_articles", "actors", "label"]].values.tolist() == [
        ["2019-03-19", "2019-03-19", 3, "Donald Tusk, Theresa May", "ontmoeting: Donald Tusk – Theresa May"],
        ["2019-04-14", "2019-04-14", 1, "Donald Tusk, Theresa May", "ontmoeting: Donald Tusk – Theresa May"],
    ]
    background, n = q.chronicle(period, "background")
    assert n == 1 and background["label"].tolist() == ["belegering: Filips II"]  # 1573: background, not the period
    _, with_negated = q.chronicle(period, "period", factuality=None)
    assert with_negated == 3
    reports = q.happening_sentences(rows["happening_id"][0])
    assert [a for a, _ in reports] == ["a", "b", "c"]
    table = q.chronicle_table(period, "all")
    assert table[["begin_date", "what", "n_articles", "sources"]].values.tolist()[0] == ["1573-01-01", "belegering: Filips II", 1, "a"]
    assert table["sources"].tolist()[1] == "a; b; c"


# --- money -------------------------------------------------------------------------------


def test_amount_labels_in_english_scale_words_as_the_rest_of_the_interface():
    assert [charts.amount_label(v) for v in (1e7, 2.5e6, 2300e9, 1.3e12, 2500, 0.5)] == ["€ 10 mln", "€ 2.5 mln", "€ 2.3 tn", "€ 1.3 tn", "€ 2,500", "€ 0.5"]
    assert charts.amount_label(1e9, "USD") == "$ 1 bn"
    assert charts.amount_ticks(3, 2e12) == ([1.0, 1e3, 1e6, 1e9, 1e12], ["€ 1", "€ 1,000", "€ 1 mln", "€ 1 bn", "€ 1 tn"])
    assert charts.amount_ticks(5e6, 2e8)[1] == ["€ 1 mln", "€ 10 mln", "€ 100 mln", "€ 1 bn"]
    assert charts.amount_ticks(532.8e6, 541.3e6)[1] == ["€ 500 mln", "€ 1 bn"]  # the seed's one range: 1-2-5 steps
    assert charts.number_text(12_500_000.5, 1) == "12,500,000.5" and charts.number_text(1141) == "1,141"


def _money_corpus():
    m = lambda a, s, text, lo, hi, ctx, cur="EUR", eur=1.0: {  # noqa: E731
        "article_id": a, "sentence_id": s, "start": 0, "end": len(text), "text": text, "low": lo, "high": hi, "currency": cur,
        "approx": False, "kind": "single" if lo == hi else "range", "low_eur": lo * eur, "high_eur": hi * eur, "context": ctx}
    money = frame("money", [
        m("a", 1, "1000 miljard euro", 1e12, 1e12, "kosten"),  # the same figure in three articles
        m("b", 4, "1000 miljard euro", 1e12, 1e12, "kosten"),
        m("c", 2, "1.000 miljard euro", 1e12, 1e12, "kosten"),
        m("a", 3, "tussen 6 en 12 miljoen euro", 6e6, 12e6, "subsidie"),
        m("b", 5, "5 miljoen euro", 5e6, 5e6, "kosten"),
    ])
    articles = frame("articles", [{"article_id": "a", "date": "2019-03-20"}, {"article_id": "b", "date": "2019-03-21"}, {"article_id": "c", "date": "2019-03-22"}])
    mention = lambda a, s, actor: {"article_id": a, "sentence_id": s, "actor_id": actor, "actor": actor, "actor_type": "organisation", "text": actor}  # noqa: E731
    mentions = frame("mentions", [mention("a", 1, "ECB"), mention("b", 4, "ECB"), mention("b", 5, "ECB"), mention("a", 3, "Gemeente")])
    q = _query(mentions, articles, money=money)
    q.money_view()
    return q


def test_repeated_figures_are_one_distinct_figure_and_totals_count_each_once():
    q = _money_corpus()
    figures, total = q.distinct_figures("EUR")
    assert total == 3
    assert figures[["low", "high", "context", "text", "n", "n_articles", "article_id", "sentence_id"]].values.tolist() == [
        [1e12, 1e12, "kosten", "1000 miljard euro", 3, 3, "a", 1],
        [6e6, 12e6, "subsidie", "tussen 6 en 12 miljoen euro", 1, 1, "a", 3],
        [5e6, 5e6, "kosten", "5 miljoen euro", 1, 1, "b", 5],
    ]
    by_context = q.largest_figures("context")
    assert by_context[["label", "high", "n", "n_figures", "distinct_total"]].values.tolist() == [
        ["kosten", 1e12, 3, 2, 1e12 + 5e6],  # not 3 × 1000 miljard
        ["subsidie", 12e6, 1, 1, 12e6],
    ]
    by_actor = q.largest_figures("actor")
    assert by_actor[["label", "high", "n_figures", "distinct_total"]].values.tolist() == [["ECB", 1e12, 2, 1e12 + 5e6], ["Gemeente", 12e6, 1, 12e6]]
    reports = q.figure_sentences("EUR", 1e12, 1e12, "EUR", "kosten")
    assert (reports.keys, reports.total, reports.articles) == ([("a", 1), ("b", 4), ("c", 2)], 3, 3)


def test_money_over_time_plots_distinct_figures_by_date_on_a_log_amount_axis():
    q = _money_corpus()
    figures, _ = q.distinct_figures("EUR")
    published = charts.published_span(*q.article_dates())  # 2019-03-20 … 2019-03-22: the articles' days
    fig = charts.money_over_time(figures, "day", published)
    ranges = fig.data[0]
    assert ranges.name == "range" and list(ranges.y) == [6e6, 12e6, None] and ranges.showlegend is False
    points = {t.name: t for t in fig.data[1:]}
    assert list(points) == ["kosten", "subsidie"]
    assert list(points["kosten"].y) == [1e12, 5e6]
    assert list(points["kosten"].marker.size) == [10 + 6 * math.log2(3), 10]  # reported 3 times: larger
    assert points["kosten"].customdata[0][:2] == ["a", 1]  # a click shows the first report
    assert points["kosten"].customdata[0][4:] == ["reported 3 times in 3 articles", "€ 1 tn"]
    assert points["subsidie"].customdata[0][4:] == ["reported once in 1 article", "€ 6–12 mln"]
    assert fig.layout.yaxis.type == "log"
    assert list(fig.layout.yaxis.ticktext) == ["€ 1 mln", "€ 10 mln", "€ 100 mln", "€ 1 bn", "€ 10 bn", "€ 100 bn", "€ 1 tn"]
    # the axis ends with the last article (half a day on each side, so a point on the edge is drawn whole)
    assert [pd.Timestamp(x) for x in fig.layout.xaxis.range] == [pd.Timestamp("2019-03-19 12:00"), pd.Timestamp("2019-03-23 12:00")]


def test_largest_figures_bars_name_the_figure():
    rows = pd.DataFrame({"label": ["subsidie", "kosten"], "text": ["12 miljoen", "1000 miljard euro"], "high": [12e6, 1e12], "n": [1, 3], "n_figures": [1, 2], "distinct_total": [12e6, 1e12 + 5e6]})
    fig = charts.largest_figures(rows, "Largest")
    (bars,) = fig.data
    assert list(bars.y) == ["kosten", "subsidie"] and list(bars.text) == ["€ 1 tn", "€ 12 mln"]
    assert bars.hovertext[0] == "kosten: largest € 1 tn (“1000 miljard euro”, reported 3 times)<br>2 distinct figures, summing to € 1 tn (each counted once)"


# --- the network ------------------------------------------------------------------------------


def test_every_label_is_placed_on_a_free_side():
    pos = {"Nederland": (0.0, 0.0), "Nedersaksen": (0.05, 0.0), "Rusland": (0.9, -0.9)}
    labels = {k: k for k in pos}
    sides = charts.place_labels(pos, labels, ["Nederland", "Nedersaksen", "Rusland"], {k: 6 for k in pos}, width_px=560, height_px=460)
    assert sides == {"Nederland": "top center", "Nedersaksen": "bottom center", "Rusland": "top center"}  # the second label goes below


def test_network_keeps_only_pairs_above_the_threshold():
    nodes = pd.DataFrame({"actor_id": ["a", "b", "c"], "actor": ["Poetin", "Loekasjenko", "Rusland"], "actor_type": ["person", "person", "country"], "n": [9, 6, 8]})
    edges = pd.DataFrame({"a": ["a", "a"], "b": ["b", "c"], "w": [5, 1]})
    fig = charts.cooccurrence_network(nodes, edges, min_shared=2)
    lines = [t for t in fig.data if t.mode == "lines"]
    assert len(lines) == 1 and len(lines[0].x) == 3  # one segment: Poetin–Loekasjenko
    xs = [x for t in fig.data if t.mode == "markers+text" for x in t.x]
    assert min(xs) == -1.0 and max(xs) == 1.0  # the layout fills the frame


def test_country_map_draws_the_world_without_antarctica():
    counts = pd.DataFrame({"country": ["NLD", "USA"], "n": [3, 5], "names": ["Nederland", "Verenigde Staten"]})
    geo = charts.country_map(counts).layout.geo
    assert (geo.scope, geo.resolution, geo.projection.type) == ("world", 110, "natural earth")
    assert list(geo.lataxis.range) == [-58, 84]


def test_query_chronicle_keeps_the_stories_reported_in_several_articles():
    q = _events_corpus()
    period = charts.corpus_period(*q.article_dates())
    rows, total = q.chronicle(period, "period", min_articles=2)
    assert total == 1 and rows["n_articles"].tolist() == [3]
    assert q.chronicle_table(period, "all", min_articles=2)["what"].tolist() == ["ontmoeting: Donald Tusk – Theresa May"]


def test_country_map_colours_follow_the_logarithm_so_one_dominant_country_leaves_room_for_the_rest():
    counts = pd.DataFrame({"country": ["NLD", "USA", "BEL"], "n": [3569, 412, 9], "names": ["Nederland", "Verenigde Staten", "België"]})
    (trace,) = charts.country_map(counts).data
    assert list(trace.colorbar.ticktext) == ["1", "10", "100", "1,000"]
    assert (trace.zmin, round(trace.zmax, 3)) == (0, 3.553)
    assert [round(z, 3) for z in trace.z] == [3.553, 2.615, 0.954]
