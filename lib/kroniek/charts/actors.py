"""Actor figures: who is mentioned most, over time, together, and where."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from kroniek.charts.base import ACTOR_TYPE_COLOURS, LAYOUT, _empty, _safe_list, safe
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
    fig.update_xaxes(title_text="mentions")
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
    """One line per actor: mentions per ``unit`` (``counts``: period, actor, n).

    ``period`` is the span the axis opens on (default: the data's own, padded);
    with ``articles`` (period, n_articles) the counts are per 100 articles published
    in the period, since the corpus volume varies from week to week."""
    if counts.empty:
        return _empty(title)
    counts, fig = counts_figure(counts, articles, title, " (per 100 articles)", LAYOUT)
    order = counts.groupby("actor")["n"].sum().sort_values(ascending=False).index
    value = "%{y:.1f} per 100 articles" if articles is not None else "%{y} mentions"
    for actor in order:
        rows = counts[counts["actor"] == actor].sort_values("period")
        fig.add_trace(
            go.Scatter(
                x=pd.to_datetime(rows["period"]).tolist(),
                y=rows["n"].tolist(),
                mode="lines+markers",
                name=safe(actor),
                xperiod=period_ms(unit),
                xperiodalignment="middle",
                hovertemplate=f"{unit} of %{{x|%Y-%m-%d}}: {value}<extra>" + safe(actor) + "</extra>",
            )
        )
    return finish_counts_figure(fig, counts, unit, period, articles is not None, "mentions", rangemode="tozero")


def place_labels(
    pos: dict,
    labels: dict,
    order: list,
    radius_px: dict | None = None,
    width_px: float = 560,
    height_px: float = 460,
    x_span: float = 2.7,
    y_span: float = 2.6,
    char_px: float = 7.0,
    line_px: float = 15,
) -> set:
    """The nodes whose label fits: biggest first, a label is kept when its box (above
    the node, in data units from an estimated text size) overlaps no kept label and no
    node's marker (``radius_px``: marker radius per node, in pixels).

    Plotly draws every text it is given, overlapping or not; this keeps the hairball
    readable by naming the largest nodes and leaving the rest to hover."""
    sx, sy = x_span / width_px, y_span / height_px
    radius_px = radius_px or {}
    markers = {n: (x - r * sx, y - r * sy, x + r * sx, y + r * sy) for n, (x, y) in pos.items() for r in [radius_px.get(n, 6)]}

    def overlaps(box, others) -> bool:
        return any(not (box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3]) for b in others)

    kept: set = set()
    boxes: list[tuple[float, float, float, float]] = []
    for node in order:
        x, y = pos[node]
        half = len(str(labels[node])) * char_px * sx / 2
        lift = (radius_px.get(node, 6) + 2) * sy
        box = (x - half, y + lift, x + half, y + lift + line_px * sy)
        if x - half < -x_span / 2 or x + half > x_span / 2:
            continue
        if overlaps(box, boxes) or overlaps(box, [m for n, m in markers.items() if n != node]):
            continue
        boxes.append(box)
        kept.add(node)
    return kept


def network_layout(nodes: list, weights: dict, seed: int = 7) -> dict:
    """Spring layout spread so nodes keep apart (k well above networkx's default),
    scaled into [-1, 1]."""
    import networkx as nx  # here: its import takes half a second, and only the network chart needs it

    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    for (a, b), w in weights.items():
        graph.add_edge(a, b, weight=math.log1p(w))
    if len(graph) == 1:
        return {nodes[0]: (0.0, 0.0)}
    k = 2.2 / math.sqrt(len(graph))
    pos = nx.spring_layout(graph, seed=seed, weight="weight", k=k, iterations=200, scale=1.0)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]

    def fit(v: float, lo: float, hi: float) -> float:  # each axis stretched onto [-1, 1]
        return 0.0 if hi == lo else float(2 * (v - lo) / (hi - lo) - 1)

    return {n: (fit(p[0], min(xs), max(xs)), fit(p[1], min(ys), max(ys))) for n, p in pos.items()}


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
) -> go.Figure:
    """Nodes sized by mentions (``nodes``: actor_id, actor, actor_type, n), edges of at
    least ``min_shared`` shared sentences (``edges``: a, b, w); labels only where they
    fit (the rest on hover); customdata = [actor_id, n, label]."""
    if nodes.empty:
        return _empty(title)
    kept_edges = drawn_pairs(edges, min_shared)
    weights = {(a, b): int(w) for a, b, w in kept_edges[["a", "b", "w"]].itertuples(index=False)}
    ids = nodes["actor_id"].tolist()
    pos = network_layout(ids, weights)
    names = dict(zip(nodes["actor_id"], nodes["actor"].astype(str)))
    by_size = nodes.sort_values(["n", "actor"], ascending=[False, True])["actor_id"].tolist()
    max_n = nodes["n"].max()
    size = {a: 10 + 30 * math.sqrt(n / max_n) for a, n in zip(nodes["actor_id"], nodes["n"])}
    labelled = place_labels(pos, names, by_size, {a: s / 2 for a, s in size.items()})
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
    for actor_type, group in nodes.groupby("actor_type"):
        fig.add_trace(
            go.Scatter(
                x=[pos[a][0] for a in group["actor_id"]],
                y=[pos[a][1] for a in group["actor_id"]],
                mode="markers+text",
                text=[safe(n) if a in labelled else "" for a, n in zip(group["actor_id"], group["actor"])],
                textposition="top center",
                textfont=dict(size=12),
                marker=dict(size=[size[a] for a in group["actor_id"]], color=ACTOR_TYPE_COLOURS.get(actor_type, "#888"), line=dict(width=1, color="white")),
                name=actor_type,
                customdata=[[a, int(n), safe(name)] for a, n, name in zip(group["actor_id"], group["n"], group["actor"])],
                hovertemplate="%{customdata[2]}: %{customdata[1]} mentions<extra>%{fullData.name}</extra>",
            )
        )
    fig.update_xaxes(visible=False, range=[-1.35, 1.35])
    fig.update_yaxes(visible=False, range=[-1.25, 1.35])
    fig.update_layout(height=560, legend_title_text="actor type", legend=dict(orientation="h", y=-0.02))
    return fig


def country_map(counts: pd.DataFrame, title: str = "Country mentions") -> go.Figure:
    """Choropleth of mentions per country (``counts``: country (ISO-3), n, names).

    The world outline is Plotly's 110m topojson shipped in ``static/topojson`` and
    served by the app (``ui.PLOTLY_CONFIG`` points Plotly at it): no CDN request.
    Colours follow the logarithm of the count: a Dutch corpus names the Netherlands ten
    times more than any other country, and a linear scale left the rest of the world
    one pale shade."""
    if counts.empty:
        return _empty(title)
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
            colorscale="Blues",
            customdata=[[int(n), safe(names)] for n, names in zip(counts["n"], counts["names"])],
            hovertemplate="%{location}: %{customdata[0]} mentions<br>%{customdata[1]}<extra></extra>",
            colorbar=dict(title="mentions", tickvals=[math.log10(t) for t in ticks], ticktext=[f"{t:,}" for t in ticks]),
        )
    )
    fig.update_geos(
        showcountries=True,
        showframe=False,
        projection_type="natural earth",
        projection_rotation=dict(lon=0, lat=0),
        center=dict(lon=0, lat=20),
        lonaxis_range=[-180, 180],
        lataxis_range=[-58, 84],  # no Antarctica: nothing is reported from there
        resolution=110,
        scope="world",
    )
    fig.update_layout(height=480)
    return fig
