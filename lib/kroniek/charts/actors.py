"""Actor figures: who is mentioned most, over time, together, and where."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from kroniek.charts.base import ACTOR_TYPE_COLOURS, LAYOUT, SERIES_PALETTE, _empty, _safe_list, count_axis, safe
from kroniek.charts.timeaxis import counts_figure, finish_counts_figure, period_ms


def actor_bar(actors: pd.DataFrame, top: int = 20, title: str = "Most mentioned actors") -> go.Figure:
    """Horizontal bars of mention counts, one trace per actor type; customdata = actor_id."""
    if actors.empty:
        return _empty(title)
    data = actors.sort_values(["n_mentions", "actor"], ascending=[False, True]).head(top)
    data = data.assign(actor=_safe_list(data["actor"]))
    order = list(data["actor"])[::-1]
    fig = go.Figure(layout=dict(title=title, **LAYOUT))
    for actor_type, group in data.groupby("actor_type", sort=True):
        fig.add_trace(
            go.Bar(
                x=group["n_mentions"].tolist(),
                y=group["actor"].tolist(),
                orientation="h",
                name=str(actor_type),
                marker_color=ACTOR_TYPE_COLOURS.get(str(actor_type), "#888"),
                customdata=group[["actor_id", "n_articles"]].to_numpy().tolist(),
                hovertemplate="%{y}<br>%{x} mentions in %{customdata[1]} articles<extra>%{fullData.name}</extra>",
            )
        )
    fig.update_yaxes(categoryorder="array", categoryarray=order)
    fig.update_layout(barmode="stack", height=max(300, 26 * len(data) + 120), legend_title_text="actor type")
    fig.update_xaxes(title_text="mentions", **count_axis(float(data["n_mentions"].max())))
    return fig


# How each kind of mention is drawn in the stacked bars: names solid, the rest hatched.
KIND_PATTERNS = {"name": "", "adjective": "/", "metonym": "x", "role": "."}
KIND_LABELS = {"name": "names and aliases", "adjective": "adjectives", "metonym": "capitals for a government", "role": "role references"}


def actor_kind_bar(actors: pd.DataFrame, indirect: bool = False, title: str = "Most mentioned actors") -> go.Figure:
    """Horizontal bars of mentions by kind (``n_name``, ``n_adjective``, ``n_metonym``,
    ``n_role`` per actor): names and aliases alone, or with ``indirect`` every kind stacked
    (colour: actor type; pattern: kind).  The title says what is counted."""
    counted = ", ".join(KIND_LABELS[k] for k in KIND_PATTERNS if indirect or k == "name")
    title = f"{title} — counting {counted}"
    if actors.empty:
        return _empty(title)
    data = actors.assign(actor=_safe_list(actors["actor"]))
    order = list(data["actor"])[::-1]
    fig = go.Figure(layout=dict(title=title, **LAYOUT))
    for kind in KIND_PATTERNS if indirect else ("name",):
        for actor_type, group in data[data[f"n_{kind}"] > 0].groupby("actor_type", sort=True):
            fig.add_trace(
                go.Bar(
                    x=group[f"n_{kind}"].tolist(),
                    y=group["actor"].tolist(),
                    orientation="h",
                    name=f"{actor_type}: {KIND_LABELS[kind]}" if indirect else str(actor_type),
                    legendgroup=str(actor_type),
                    marker=dict(color=ACTOR_TYPE_COLOURS.get(str(actor_type), "#888"), pattern_shape=KIND_PATTERNS[kind]),
                    customdata=group[["actor_id", "n_articles"]].to_numpy().tolist(),
                    hovertemplate=f"%{{y}}<br>%{{x}} {KIND_LABELS[kind]} in %{{customdata[1]}} articles<extra>%{{fullData.name}}</extra>",
                )
            )
    fig.update_yaxes(categoryorder="array", categoryarray=order)
    fig.update_layout(barmode="stack", height=max(300, 26 * len(data) + 120), legend_title_text="actor type")
    fig.update_xaxes(title_text="mentions")
    return fig


def mentions_over_time(counts: pd.DataFrame, unit: str = "month", period: tuple | None = None, articles: pd.DataFrame | None = None, title: str = "Mentions over time") -> go.Figure:
    """One line per actor id, named by its canonical name: mentions per ``unit``
    (``counts``: period, actor_id, actor, n); each line its own colour.

    ``period`` is the span the axis opens on (the articles' dates: a mention is dated by
    its article; default: the data's own, padded); with ``articles`` (period,
    n_articles) the counts are per 100 articles published in the period, since the corpus
    volume varies from week to week.  customdata = [actor_id, period start]."""
    if counts.empty:
        return _empty(title)
    counts, fig = counts_figure(counts, articles, title, " (per 100 articles)", LAYOUT)
    if "actor_id" not in counts.columns:
        counts = counts.assign(actor_id=counts["actor"])
    totals = counts.groupby("actor_id")["n"].sum()
    names = counts.groupby("actor_id")["actor"].first()
    # a period in which the corpus names some of these actors but not this one is a 0 for
    # it, not a line drawn straight across (periods without any of them stay gaps)
    periods = sorted(pd.to_datetime(counts["period"]).unique())
    grid = pd.MultiIndex.from_product([periods, list(totals.index)], names=["period", "actor_id"])
    counts = (
        counts.assign(period=pd.to_datetime(counts["period"])).groupby(["period", "actor_id"])["n"].sum().reindex(grid, fill_value=0).reset_index()
    )
    order = sorted(totals.index, key=lambda a: (-totals[a], str(names[a]), str(a)))
    value = "%{y:.1f} per 100 articles" if articles is not None else "%{y} mentions"
    seen: dict[str, int] = {}
    for i, actor_id in enumerate(order):
        rows = counts[counts["actor_id"] == actor_id].sort_values("period")
        name = safe(names[actor_id])
        seen[name] = seen.get(name, 0) + 1
        shown = name if seen[name] == 1 else f"{name} ({seen[name]})"  # two actors, one name
        x = pd.to_datetime(rows["period"])
        fig.add_trace(
            go.Scatter(
                x=x.tolist(),
                y=rows["n"].tolist(),
                mode="lines+markers",
                name=shown,
                line=dict(color=SERIES_PALETTE[i % len(SERIES_PALETTE)], width=2),
                marker=dict(size=7),
                xperiod=period_ms(unit),
                xperiodalignment="middle",
                customdata=[[str(actor_id), d.strftime("%Y-%m-%d")] for d in x],
                hovertemplate=f"{unit} of %{{x|%Y-%m-%d}}: {value}<extra>{shown}</extra>",
            )
        )
    return finish_counts_figure(fig, counts, unit, period, articles is not None, "mentions")


LABEL_SIDES = ("top center", "bottom center", "middle right", "middle left")


def _label_box(x: float, y: float, side: str, text_w: float, text_h: float, rx: float, ry: float) -> tuple[float, float, float, float]:
    """The box (in data units) of a label of ``text_w`` × ``text_h`` on ``side`` of a
    marker of radii ``rx``, ``ry`` at (x, y)."""
    if side == "top center":
        return (x - text_w / 2, y + ry, x + text_w / 2, y + ry + text_h)
    if side == "bottom center":
        return (x - text_w / 2, y - ry - text_h, x + text_w / 2, y - ry)
    if side == "middle right":
        return (x + rx, y - text_h / 2, x + rx + text_w, y + text_h / 2)
    return (x - rx - text_w, y - text_h / 2, x - rx, y + text_h / 2)


def place_labels(
    pos: dict,
    labels: dict,
    order: list,
    radius_px: dict | None = None,
    width_px: float = 1100,
    height_px: float = 560,
    x_span: float = 2.7,
    y_span: float = 2.6,
    char_px: float = 7.0,
    line_px: float = 15,
) -> dict:
    """Where each node's label goes (``LABEL_SIDES``: above, below, right or left of its
    marker), biggest node first: the first side whose box (estimated from the text size)
    stays in the frame and overlaps no label placed before and no other marker; when
    every side is taken, the side with the fewest overlaps.  Every node gets a label: an
    unnamed node sends the reader to hover over each one."""
    sx, sy = x_span / width_px, y_span / height_px
    radius_px = radius_px or {}
    markers = {n: (x - r * sx, y - r * sy, x + r * sx, y + r * sy) for n, (x, y) in pos.items() for r in [radius_px.get(n, 6)]}

    def overlaps(box, others) -> int:
        return sum(not (box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3]) for b in others)

    placed: dict = {}
    boxes: list[tuple[float, float, float, float]] = []
    for node in order:
        x, y = pos[node]
        r = radius_px.get(node, 6) + 2
        others = [m for n, m in markers.items() if n != node]
        scored = []
        for k, side in enumerate(LABEL_SIDES):
            box = _label_box(x, y, side, len(str(labels[node])) * char_px * sx, line_px * sy, r * sx, r * sy)
            outside = box[0] < -x_span / 2 or box[2] > x_span / 2 or box[1] < -y_span / 2 or box[3] > y_span / 2
            scored.append((overlaps(box, boxes) + overlaps(box, others) + 2 * outside, k, side, box))
        best = min(scored)
        placed[node] = best[2]
        boxes.append(best[3])
    return placed


def _joined(graph) -> None:
    """Tie every smaller component to the largest one by a spring as weak as the weakest
    drawn pair, so the layout keeps them near it (unjoined, the spring layout pushes them
    to the edges and the stretch to the frame squeezes the rest into a clump).  These
    springs are never drawn."""
    import networkx as nx

    components = sorted(nx.connected_components(graph), key=lambda c: (-len(c), sorted(map(str, c))))
    if len(components) < 2:
        return
    weakest = min((w for _a, _b, w in graph.edges(data="weight")), default=1.0)
    hub = max(components[0], key=lambda n: (graph.degree(n, weight="weight"), str(n)))
    for component in components[1:]:
        node = max(component, key=lambda n: (graph.degree(n, weight="weight"), str(n)))
        graph.add_edge(hub, node, weight=weakest)


def network_layout(nodes: list, weights: dict, seed: int = 7) -> dict:
    """Spring layout spread so nodes keep apart (k well above networkx's default), with
    the separate components held near the largest, stretched onto [-1, 1] on each axis."""
    import networkx as nx  # here: its import takes half a second, and only the network chart needs it

    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    for (a, b), w in weights.items():
        graph.add_edge(a, b, weight=math.log1p(w))
    if len(graph) == 1:
        return {nodes[0]: (0.0, 0.0)}
    _joined(graph)
    k = 2.2 / math.sqrt(len(graph))
    pos = nx.spring_layout(graph, seed=seed, weight="weight", k=k, iterations=200, scale=1.0)
    names = list(pos)
    xs = _spread([pos[n][0] for n in names])
    ys = _spread([pos[n][1] for n in names])
    return {n: (x, y) for n, x, y in zip(names, xs, ys)}


def _spread(values: list[float]) -> list[float]:
    """One axis of a layout onto [-1, 1], half by position and half by rank: the shape
    stays, but a node far out (one weak pair) no longer squeezes the rest into a clump."""
    lo, hi = min(values), max(values)
    if hi == lo:
        return [0.0] * len(values)
    ranks = {i: r for r, i in enumerate(sorted(range(len(values)), key=lambda i: (values[i], i)))}
    last = max(1, len(values) - 1)
    return [float(0.5 * (2 * (v - lo) / (hi - lo) - 1) + 0.5 * (2 * ranks[i] / last - 1)) for i, v in enumerate(values)]


def drawn_pairs(edges: pd.DataFrame, min_shared: int) -> pd.DataFrame:
    """The pairs the network draws: those named together in at least ``min_shared`` sentences."""
    return edges[edges["w"] >= min_shared]


def linked_actors(edges: pd.DataFrame, actor_id: str, min_shared: int) -> list[str]:
    """The actors the network draws a line to from ``actor_id``."""
    pairs = drawn_pairs(edges, min_shared)
    linked = pairs[(pairs["a"] == actor_id) | (pairs["b"] == actor_id)]
    return sorted((set(linked["a"]) | set(linked["b"])) - {actor_id})


def cooccurrence_network(
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    min_shared: int = 1,
    title: str = "Actors mentioned in the same sentence",
    width_px: float = 1100,
) -> go.Figure:
    """Nodes sized by mentions (``nodes``: actor_id, actor, actor_type, n), edges of at
    least ``min_shared`` shared sentences (``edges``: a, b, w); every node named, its
    label on the side where it fits; customdata = [actor_id, n, label]."""
    if nodes.empty:
        return _empty(title)
    kept_edges = drawn_pairs(edges, min_shared)
    weights = {(a, b): int(w) for a, b, w in kept_edges[["a", "b", "w"]].itertuples(index=False)}
    ids = nodes["actor_id"].tolist()
    pos = network_layout(ids, weights)
    names = dict(zip(nodes["actor_id"], nodes["actor"].astype(str)))
    by_size = nodes.sort_values(["n", "actor", "actor_id"], ascending=[False, True, True])["actor_id"].tolist()
    max_n = nodes["n"].max()
    size = {a: 10 + 30 * math.sqrt(n / max_n) for a, n in zip(nodes["actor_id"], nodes["n"])}
    sides = place_labels(pos, names, by_size, {a: s / 2 for a, s in size.items()}, width_px=width_px)
    fig = go.Figure(layout=dict(title=title + (f" (pairs in ≥ {min_shared} sentences)" if min_shared > 1 else ""), **LAYOUT))
    max_w = max(weights.values(), default=1)
    # one trace per line width (seven at most), not per edge: 30 actors have up to 435
    # pairs, and a trace each made the figure slow to build and to draw
    by_width: dict[int, list[tuple[str, str]]] = {}
    for (a, b), w in weights.items():
        by_width.setdefault(round(1 + 6 * w / max_w), []).append((a, b))
    for width in sorted(by_width):
        xs: list[float | None] = []
        ys: list[float | None] = []
        for a, b in by_width[width]:
            xs += [pos[a][0], pos[b][0], None]
            ys += [pos[a][1], pos[b][1], None]
        fig.add_trace(
            go.Scatter(x=xs, y=ys, mode="lines", line=dict(width=float(width), color="rgba(120,120,120,0.35)"), hoverinfo="skip", showlegend=False)
        )
    for actor_type, group in nodes.groupby("actor_type", sort=True):
        fig.add_trace(
            go.Scatter(
                x=[pos[a][0] for a in group["actor_id"]],
                y=[pos[a][1] for a in group["actor_id"]],
                mode="markers+text",
                text=[safe(n) for n in group["actor"]],
                textposition=[sides[a] for a in group["actor_id"]],
                textfont=dict(size=12),
                marker=dict(size=[size[a] for a in group["actor_id"]], color=ACTOR_TYPE_COLOURS.get(actor_type, "#888"), line=dict(width=1, color="white")),
                name=actor_type,
                customdata=[[a, int(n), safe(name)] for a, n, name in zip(group["actor_id"], group["n"], group["actor"])],
                hovertemplate="%{customdata[2]}: %{customdata[1]} mentions<extra>%{fullData.name}</extra>",
            )
        )
    fig.update_xaxes(visible=False, range=[-1.35, 1.35])
    fig.update_yaxes(visible=False, range=[-1.3, 1.3])
    fig.update_layout(height=560, legend_title_text="actor type", legend=dict(orientation="h", y=-0.02))
    return fig


# The region of a country by the first part of its time zones (CLDR, through Babel):
# the continent a country lies in, without a table of our own
ZONE_REGIONS = {"Europe": "europe", "Asia": "asia", "Africa": "africa"}
REGION_SHARE = 0.6  # a region holding this share of the country mentions frames the map
# (longitudes, latitudes) of each frame: the world without Antarctica; Europe from Iceland
# to the Urals' foot and from Crete to the North Cape; Asia; Africa
REGION_FRAMES = {
    "world": ([-180, 180], [-58, 84]),
    "europe": ([-25, 45], [34, 71]),
    "asia": ([25, 150], [-11, 60]),
    "africa": ([-20, 55], [-36, 38]),
}


def region_of(country: str) -> str:
    """The map region of a country (ISO 3166 alpha-3): "europe", "asia", "africa", or
    "world" (the Americas and Oceania have no frame of their own)."""
    import pycountry
    from babel.core import get_global

    found = pycountry.countries.get(alpha_3=str(country))
    zones = get_global("territory_zones").get(found.alpha_2, []) if found else []
    return ZONE_REGIONS.get(zones[0].split("/")[0], "world") if zones else "world"


def country_name(country: str) -> str:
    """A country's name as the corpus's readers write it (Dutch, CLDR through Babel), for
    a country no actor of the corpus names: "IRL" -> "Ierland"."""
    import pycountry
    from babel import Locale

    found = pycountry.countries.get(alpha_3=str(country))
    return Locale("nl").territories.get(found.alpha_2, str(country)) if found else str(country)


def map_region(counts: pd.DataFrame) -> tuple[str, float]:
    """The region a map of ``counts`` (country, n) opens on: the continent holding at least
    ``REGION_SHARE`` of the mentions (Europe for Dutch news), else the world; and that
    region's share of the mentions."""
    if counts.empty:
        return "world", 1.0
    regions = counts.assign(region=[region_of(c) for c in counts["country"]]).groupby("region")["n"].sum()
    regions = regions.drop("world", errors="ignore")
    total = float(counts["n"].sum())
    if regions.empty or regions.max() < REGION_SHARE * total:
        return "world", 1.0
    best = sorted(regions.index, key=lambda r: (-regions[r], r))[0]
    return best, float(regions[best] / total)


def country_map(counts: pd.DataFrame, title: str = "Country mentions", region: str | None = None) -> go.Figure:
    """Choropleth of mentions per country (``counts``: country (ISO-3), n, names), framed
    on ``region`` (a key of ``REGION_FRAMES``; default :func:`map_region`: Europe for a corpus that
    names European countries most), every country shaded with a border, so the most
    mentioned one stands out; customdata = [n, names, country].

    The world outline is Plotly's 110m topojson shipped in ``static/topojson`` and
    served by the app (``app.PLOTLY_CONFIG`` points Plotly at it): no CDN request.
    Colours follow the logarithm of the count: a Dutch corpus names the Netherlands ten
    times more than any other country, and a linear scale left the rest of the world
    one pale shade."""
    if counts.empty:
        return _empty(title)
    region = region or map_region(counts)[0]
    fig = go.Figure(layout=dict(title=title, **LAYOUT))
    top = max(int(counts["n"].max()), 1)
    ticks = [10**k for k in range(0, len(str(top)))]
    fig.add_trace(
        go.Choropleth(
            locations=counts["country"].tolist(),
            z=[math.log10(max(int(n), 1)) for n in counts["n"]],
            zmin=0,
            zmax=max(math.log10(top), 1),
            locationmode="ISO-3",
            colorscale=[[0, "#c6dbef"], [1, "#08306b"]],
            marker=dict(line=dict(color="white", width=0.6)),
            customdata=[[int(n), safe(names), str(c)] for n, names, c in zip(counts["n"], counts["names"], counts["country"])],
            hovertemplate="%{customdata[1]}: %{customdata[0]:,} mentions<extra>%{location}</extra>",
            colorbar=dict(title="mentions", tickvals=[math.log10(t) for t in ticks], ticktext=[f"{t:,}" for t in ticks], thickness=12, len=0.8),
        )
    )
    # always the world outline (the app serves that one topojson): a region is a frame on it
    lon, lat = REGION_FRAMES.get(region, REGION_FRAMES["world"])
    fig.update_geos(
        showcountries=True, countrycolor="#bbbbbb", showcoastlines=True, coastlinecolor="#bbbbbb", showframe=False, showland=True,
        landcolor="#f2f2f2", resolution=110, scope="world",
        projection_type="natural earth" if region == "world" else "mercator", lonaxis_range=lon, lataxis_range=lat,
    )
    fig.update_layout(height=520, margin=dict(l=0, r=0, t=50, b=0))
    return fig
