"""What a reader sees in the charts: one series per actor, colours that tell series apart,
axes that fit what is drawn, money as a reader writes it, attributed to the actor its
sentence gives it to, a network where every node is named, a map framed on the region
the corpus names.  Builders and queries are pure, so the traces are checked directly."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from kroniek import charts
from kroniek.data.schema import frame

DAY_MS = 24 * 3600 * 1000


def _query(mentions, articles, filters=None, **tables):
    from kroniek.extract import actors_table
    from kroniek.query import CorpusData, Filters, Query

    frames = {name: frame(name) for name in ("money", "timexes", "events", "happenings", "sentences", "roles")}
    frames.update({"mentions": mentions, "articles": articles, "actors": actors_table(mentions), **tables})
    return Query(CorpusData.from_frames(frames, {a: "" for a in articles["article_id"]}), filters or Filters())


def _mention(article, sentence, actor_id, actor, shown=None, start=0, actor_type="organisation", country=""):
    return {"article_id": article, "sentence_id": sentence, "start": start, "end": start + len(shown or actor), "text": shown or actor,
            "actor_id": actor_id, "actor": shown or actor, "actor_type": actor_type, "country": country, "via": "ner"}


def _distance(a: str, b: str) -> float:
    """CIE76 colour difference of two hex colours (how unlike a reader finds them)."""

    def lab(colour: str) -> tuple[float, float, float]:
        rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = [((c + 0.055) / 1.055) ** 2.4 if c > 0.04045 else c / 12.92 for c in rgb]
        x, y, z = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
        f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in (x, y, z)]
        return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])

    return sum((p - q) ** 2 for p, q in zip(lab(a), lab(b))) ** 0.5


# --- series and colours ------------------------------------------------------------------


def test_mentions_over_time_draws_one_line_per_actor_named_by_its_canonical_name():
    """Mentions write an actor in several ways ("EU", "Europese Unie"): still one line."""
    articles = frame("articles", [{"article_id": "a", "date": "2019-02-12"}, {"article_id": "b", "date": "2019-03-05"}])
    mentions = frame("mentions", [
        _mention("a", 0, "org:eu", "Europese Unie"), _mention("a", 1, "org:eu", "Europese Unie", "EU"),
        _mention("b", 0, "org:eu", "Europese Unie", "Eu"), _mention("b", 1, "org:fvd", "Forum voor Democratie"),
        _mention("b", 2, "GBR", "Verenigd Koninkrijk", actor_type="country"),
    ])
    q = _query(mentions, articles)
    counts = q.mentions_by_period(unit="month")
    fig = charts.mentions_over_time(counts, "month")
    assert [t.name for t in fig.data] == ["Europese Unie", "Forum voor Democratie", "Verenigd Koninkrijk"]
    eu = fig.data[0]
    assert list(eu.y) == [2, 1] and [c[0] for c in eu.customdata] == ["org:eu", "org:eu"]  # a click finds the actor's sentences
    assert list(fig.data[1].y) == [0, 1]  # not named in February while the others were: 0, not a line drawn across
    colours = [t.line.color for t in fig.data]
    assert len(set(colours)) == 3  # Forum voor Democratie and the United Kingdom no longer share one


def test_series_colours_are_ten_unlike_colours():
    assert min(_distance(a, b) for a, b in itertools.combinations(charts.SERIES_PALETTE, 2)) > 25


EVENT_TYPES = ["appeal", "fight", "assault", "investigate", "demand", "protest", "public statement", "consult", "coerce", "reject"]


def test_event_types_are_coloured_by_quad_class_with_a_distinct_shade_each():
    colours = charts.event_colours(EVENT_TYPES)
    # the classes read at a glance: cooperation in blues and greens, conflict in oranges and reds
    assert charts.quad_class_of("appeal") == "verbal cooperation" and colours["appeal"] in charts.base.QUAD_CLASS_COLOURS["verbal cooperation"]
    assert charts.quad_class_of("investigate") == "material cooperation" and colours["investigate"] in charts.base.QUAD_CLASS_COLOURS["material cooperation"]
    assert charts.quad_class_of("protest") == "verbal conflict" and colours["protest"] in charts.base.QUAD_CLASS_COLOURS["verbal conflict"]
    for kind in ("fight", "assault", "coerce"):
        assert charts.quad_class_of(kind) == "material conflict" and colours[kind] in charts.base.QUAD_CLASS_COLOURS["material conflict"]
    # the pairs that once shared a colour, and every other pair of the twenty types, are unlike
    every = charts.event_colours(list(charts.base.event_type_codes()))
    assert len(every) == 20 and len(set(every.values())) == 20
    assert min(_distance(a, b) for a, b in itertools.combinations(every.values(), 2)) > 19
    for a, b in [("appeal", "fight"), ("assault", "investigate"), ("demand", "protest")]:
        assert _distance(colours[a], colours[b]) > 30


def test_events_over_time_legend_reads_class_by_class_and_a_bar_is_clickable():
    counts = pd.DataFrame({
        "period": pd.to_datetime(["2019-02-11", "2019-02-11", "2019-02-18", "2019-02-18"]),
        "event_type": ["fight", "appeal", "protest", "investigate"],
        "n": [2, 1, 1, 3],
    })
    fig = charts.events_over_time(counts, "week", (pd.Timestamp("2019-01-12"), pd.Timestamp("2019-06-11")))
    assert [(t.name, t.legendgrouptitle.text) for t in fig.data] == [
        ("appeal", "verbal cooperation"), ("investigate", "material cooperation"), ("protest", "verbal conflict"), ("fight", "material conflict")]
    assert [t.marker.color for t in fig.data] == [charts.event_colours([t.name])[t.name] for t in fig.data]
    assert fig.data[0].customdata[0] == ["appeal", "2019-02-11"]  # a click shows that week's events of that type


# --- axes and empty charts ------------------------------------------------------------------


def test_a_single_event_draws_a_bar_a_week_wide_on_a_count_axis():
    counts = pd.DataFrame({"period": pd.to_datetime(["2019-03-18"]), "event_type": ["investigate"], "n": [1]})
    fig = charts.events_over_time(counts, "week", (pd.Timestamp("2019-02-07"), pd.Timestamp("2019-05-21")))
    (bar,) = fig.data
    assert bar.width == 0.85 * 7 * DAY_MS  # Plotly drew a lone bar a millisecond wide: an empty chart
    assert (fig.layout.yaxis.dtick, fig.layout.yaxis.tickformat, fig.layout.yaxis.rangemode) == (1, ",d", "tozero")


def test_article_dated_charts_end_with_the_last_article():
    """dpg-news-2019 runs from 12 February to 11 April: no axis of what articles say runs to June."""
    published = charts.published_span(pd.Timestamp("2019-02-12"), pd.Timestamp("2019-04-11"))
    assert published == (pd.Timestamp("2019-02-12"), pd.Timestamp("2019-04-12"))
    assert charts.time_unit(*published) == "week"
    # counted per week, the axis holds whole weeks: Monday 11 February to Sunday 14 April
    assert charts.unit_span(*published, "week") == (pd.Timestamp("2019-02-11"), pd.Timestamp("2019-04-15"))
    counts = pd.DataFrame({"period": pd.to_datetime(["2019-02-11", "2019-04-08"]), "actor_id": ["NLD", "NLD"], "actor": ["Nederland"] * 2, "n": [3, 1]})
    fig = charts.mentions_over_time(counts, "week", charts.unit_span(*published, "week"))
    assert [pd.Timestamp(x) for x in fig.layout.xaxis.range] == [pd.Timestamp("2019-02-11"), pd.Timestamp("2019-04-15")]
    assert charts.published_span(None, None) is None


def test_counts_of_one_are_ticked_in_whole_numbers():
    actors = frame("actors", [{"actor_id": "AFG", "actor": "Afghanistan", "actor_type": "country", "n_mentions": 3, "n_articles": 1}])
    axis = charts.actor_bar(actors).layout.xaxis
    assert (axis.dtick, axis.tickformat) == (1, ",d")


# --- money -----------------------------------------------------------------------------------


@pytest.mark.parametrize("low, high, currency, low_eur, high_eur, text", [
    # the seed: written in dollars, converted without cents and said to be converted
    (630e6, 640e6, "USD", 532_814_614.34, 541_271_989.17, "$ 630–640 mln (≈ € 533–541 mln)"),
    (1500e9, 1500e9, "USD", 1_327_433_628_318.58, 1_327_433_628_318.58, "$ 1.5 tn (≈ € 1.3 tn)"),
    (5, 5, "USD", 4.27, 4.27, "$ 5 (≈ € 4)"),
    (2.35e9, 2.35e9, "EUR", 2.35e9, 2.35e9, "€ 2.35 bn"),  # as written: no rounding away of its digits
    (900_000, 1.2e6, "EUR", 900_000, 1.2e6, "€ 900,000 – 1.2 mln"),
    (20e9, 99e9, "EUR", 20e9, 99e9, "€ 20–99 bn"),  # "tientallen miljarden"
    (10, 10, "XBT", None, None, "XBT 10"),  # no rate: no conversion invented
])
def test_a_figure_as_written_with_its_conversion_rounded(low, high, currency, low_eur, high_eur, text):
    assert charts.figure_text(low, high, currency, low_eur, high_eur) == text


def test_converted_amounts_keep_three_digits_and_no_cents():
    assert [charts.rounded(v) for v in (532_814_614.34, 4.27, 0.0, 12_345.678)] == [533_000_000.0, 4.0, 0.0, 12_300.0]


def _holder_corpus():
    """Poetin's figure with Trump named beside it; a figure the grammar gives to nobody,
    with Trump and Baudet named beside it; Baudet's own, smaller figure."""
    poetin, trump, baudet = "Vladimir Poetin", "Donald Trump", "Thierry Baudet"
    money = frame("money", [
        {"article_id": "a", "sentence_id": 0, "start": 30, "end": 39, "text": "5 miljard", "low": 5e9, "high": 5e9, "currency": "EUR",
         "low_eur": 5e9, "high_eur": 5e9, "kind": "single", "context": "lening", "holder_start": 0, "holder_end": len(poetin)},
        {"article_id": "a", "sentence_id": 1, "start": 140, "end": 152, "text": "1000 miljard", "low": 1e12, "high": 1e12, "currency": "EUR",
         "low_eur": 1e12, "high_eur": 1e12, "kind": "single", "context": "kosten", "holder_start": 0, "holder_end": 0},
        {"article_id": "b", "sentence_id": 0, "start": 20, "end": 30, "text": "15 miljard", "low": 15e9, "high": 15e9, "currency": "EUR",
         "low_eur": 15e9, "high_eur": 15e9, "kind": "single", "context": "", "holder_start": 0, "holder_end": len(baudet)},
    ])
    mentions = frame("mentions", [
        _mention("a", 0, "per:poetin", poetin, start=0, actor_type="person"),
        _mention("a", 0, "per:trump", trump, start=50, actor_type="person"),
        _mention("a", 1, "per:trump", trump, start=100, actor_type="person"),
        _mention("a", 1, "per:baudet", baudet, start=120, actor_type="person"),
        _mention("b", 0, "per:baudet", baudet, start=0, actor_type="person"),
    ])
    articles = frame("articles", [{"article_id": "a", "date": "2019-03-20"}, {"article_id": "b", "date": "2019-03-21"}])
    q = _query(mentions, articles, money=money)
    q.money_view()
    return q


def test_largest_figure_per_actor_goes_to_the_actor_the_sentence_gives_it_to():
    rows = _holder_corpus().largest_figures("actor", "EUR")
    assert rows[["label", "basis", "text", "high", "n_figures"]].values.tolist() == [
        ["Donald Trump", "named", "1000 miljard", 1e12, 1],  # only named beside a figure nobody owns; not Poetin's 5 bn
        ["Thierry Baudet", "holder", "15 miljard", 15e9, 1],  # his own 15 bn, not the 1000 bn he is only named beside
        ["Vladimir Poetin", "holder", "5 miljard", 5e9, 1],
    ]
    fig = charts.largest_figures(rows, "Largest figure per actor")
    traces = {t.name: t for t in fig.data}
    assert set(traces) == {"theirs (subject, possessor or van-phrase)", "only named in the sentence"}
    named = traces["only named in the sentence"]
    assert list(named.y) == ["Donald Trump"] and named.customdata[0] == [1e12, 1e12, "EUR", "kosten"]
    assert "only named in the sentence of the figure" in named.hovertext[0]
    assert list(fig.layout.yaxis.categoryarray) == ["Donald Trump", "Thierry Baudet", "Vladimir Poetin"]  # largest first


def test_largest_figures_in_euro_say_a_conversion_is_one():
    rows = pd.DataFrame({"label": ["lening"], "text": ["tussen de 630 en 640 miljoen dollar"], "low": [532_814_614.34], "high": [541_271_989.17],
                         "currency": ["USD"], "context": ["lening"], "n": [1], "n_figures": [1], "distinct_total": [541_271_989.17]})
    (bars,) = charts.largest_figures(rows, "Largest figure per context", "EUR").data
    assert list(bars.text) == ["≈ € 533–541 mln"]


# --- source sentences ----------------------------------------------------------------------


def test_an_actors_sentences_are_spread_over_its_articles_and_counted():
    articles = frame("articles", [{"article_id": a, "date": d} for a, d in [("a", "2019-03-01"), ("b", "2019-02-01"), ("c", "2019-04-01")]])
    mentions = frame("mentions", [_mention(a, s, "NLD", "Nederland", actor_type="country") for a, n in [("a", 12), ("b", 2), ("c", 1)] for s in range(n)])
    found = _query(mentions, articles).sentence_keys_for_actors(["NLD"], limit=5)
    assert (found.total, found.articles) == (15, 3)
    # one per article first (earliest article first), then each one's second: not ten of one article
    assert found.keys == [("b", 0), ("a", 0), ("c", 0), ("b", 1), ("a", 1)]


def test_a_network_click_on_a_new_query_shows_its_sentences():
    """What the Actors page does on a node click, on a Query that has answered nothing yet:
    the node's shared sentences, the actor's name, then the sentences' texts."""
    articles = frame("articles", [{"article_id": "a", "date": "2021-09"}])
    mentions = frame("mentions", [_mention("a", s, actor, actor, actor_type="person") for s in (0, 1) for actor in ("Poetin", "Loekasjenko")])
    q = _query(mentions, articles)
    found = q.shared_sentences("Poetin", ["Loekasjenko"])
    assert (found.keys, q.actor_name("Poetin")) == ([("a", 0), ("a", 1)], "Poetin")
    rows = q.with_sentences(pd.DataFrame(found.keys, columns=["article_id", "sentence_id"]))
    assert rows[["article_id", "sentence_id"]].values.tolist() == [["a", 0], ["a", 1]]


# --- the network ---------------------------------------------------------------------------


def test_every_node_of_the_network_is_named_and_the_layout_fills_the_frame():
    names = ["Nederland", "Verenigde Staten", "Europese Unie", "Forum voor Democratie", "Thierry Baudet", "Verenigd Koninkrijk", "Amsterdam",
             "VVD", "Donald Trump", "China", "Frankrijk", "Tweede Kamer", "Turkije", "Mark Rutte", "GroenLinks", "CDA", "Eerste Kamer", "Europa",
             "Ajax", "D66", "Theresa May", "PvdA", "Rusland", "Duitsland", "Utrecht"]
    nodes = pd.DataFrame({"actor_id": [f"a{i}" for i in range(25)], "actor": names, "actor_type": ["organisation"] * 25, "n": [1100 - 40 * i for i in range(25)]})
    pairs = [(f"a{i}", f"a{j}", 2 + (i * j) % 7) for i in range(20) for j in range(i + 1, 20) if (i + j) % 3 == 0]
    pairs += [("a20", "a21", 3)]  # a pair apart from the rest: it must not squeeze the others into a corner
    edges = pd.DataFrame(pairs, columns=["a", "b", "w"])
    fig = charts.cooccurrence_network(nodes, edges, min_shared=2)
    points = [t for t in fig.data if t.mode == "markers+text"]
    texts = [x for t in points for x in t.text]
    assert sorted(texts) == sorted(names)  # 25 of 25 named, none left to hover
    xs = [x for t in points for x in t.x]
    ys = [y for t in points for y in t.y]
    assert (min(xs), max(xs), min(ys), max(ys)) == (-1.0, 1.0, -1.0, 1.0)
    # nodes spread over the frame: every quarter of it holds some
    quarters = {(x > 0, y > 0) for x, y in zip(xs, ys)}
    assert len(quarters) == 4
    assert all(side in charts.actors.LABEL_SIDES for t in points for side in t.textposition)


def test_a_chosen_actor_is_shown_with_the_actors_named_beside_it():
    from kroniek.query import Filters

    articles = frame("articles", [{"article_id": "a", "date": "2021-09"}])
    m = lambda s, actor_id, t="person": _mention("a", s, actor_id, actor_id, actor_type=t)  # noqa: E731
    mentions = frame("mentions", [m(0, "Poetin"), m(0, "Loekasjenko"), m(1, "Poetin"), m(1, "Loekasjenko"), m(2, "Poetin"), m(2, "RUS", "country"), m(3, "Ryanair", "organisation")])
    nodes, edges = _query(mentions, articles, Filters(actors=("Poetin",))).cooccurrence(10)
    assert nodes["actor_id"].tolist() == ["Poetin", "Loekasjenko", "RUS"]  # not one lone node; Ryanair is never beside him
    assert edges.values.tolist() == [["Loekasjenko", "Poetin", 2], ["Poetin", "RUS", 1]]
    chosen = _query(mentions, articles, Filters(actors=("Poetin",)))
    assert chosen.shared_sentences("Poetin", ["Loekasjenko"]).keys == [("a", 0), ("a", 1)]
    # the map of a chosen person: the countries named in his sentences, not an empty world
    assert chosen.country_counts()[["country", "n"]].values.tolist() == []  # no country has an ISO code here
    with_country = frame("mentions", [m(0, "Poetin"), _mention("a", 0, "RUS", "Rusland", actor_type="country", country="RUS"), _mention("a", 5, "BLR", "Wit-Rusland", actor_type="country", country="BLR")])
    around = _query(with_country, articles, Filters(actors=("Poetin",)))
    assert around.country_counts()[["country", "country_name", "n"]].values.tolist() == [["RUS", "Rusland", 1]]
    assert around.country_sentences("RUS").keys == [("a", 0)]


# --- the map -----------------------------------------------------------------------------------


def test_the_map_opens_on_europe_for_a_corpus_that_names_europe_most():
    counts = pd.DataFrame({"country": ["NLD", "USA", "GBR", "DEU", "CHN"], "n": [1092, 400, 270, 120, 160], "names": [""] * 5})
    assert charts.map_region(counts) == ("europe", pytest.approx(1482 / 2042))
    geo = charts.country_map(counts).layout.geo
    assert (list(geo.lonaxis.range), list(geo.lataxis.range), geo.scope) == ([-25, 45], [34, 71], "world")  # the outline the app serves
    (trace,) = charts.country_map(counts).data
    assert trace.customdata[0] == [1092, "", "NLD"]  # a click finds the country's sentences
    american = pd.DataFrame({"country": ["USA", "MEX", "NLD"], "n": [500, 100, 80], "names": [""] * 3})
    assert charts.map_region(american) == ("world", 1.0)
    assert charts.country_map(american).layout.geo.projection.type == "natural earth"
    assert [charts.country_name(c) for c in ("IRL", "BLR", "XXX")] == ["Ierland", "Belarus", "XXX"]


# --- words ---------------------------------------------------------------------------------------


def test_counts_agree_with_their_nouns():
    assert [charts.count_text(n, "figure") for n in (0, 1, 2, 1141)] == ["0 figures", "1 figure", "2 figures", "1,141 figures"]
    assert charts.count_text(1, "happening") == "1 happening" and charts.count_text(3, "country", "countries") == "3 countries"
