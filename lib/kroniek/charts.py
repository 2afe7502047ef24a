"""Figure builders: a DataFrame in, a Plotly Figure out.

Every builder is a pure function of its inputs (no Streamlit, no filtering), so tests
can assert traces and values directly.  Points carry ``customdata`` with the keys a
page needs to show the source sentence: ``[article_id, sentence_id, ...]`` or an
actor id.
"""

from __future__ import annotations

import html
import math

import pandas as pd
import plotly.graph_objects as go

ACTOR_TYPE_COLOURS = {
    "person": "#4C78A8",
    "organisation": "#F58518",
    "country": "#54A24B",
    "place": "#B279A2",
    "group": "#9D755D",
}
EVENT_PALETTE = [
    "#4C78A8", "#F58518", "#E45756", "#72B7B2", "#54A24B", "#EECA3B", "#B279A2", "#FF9DA6", "#9D755D", "#BAB0AC",
    "#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B", "#E377C2", "#7F7F7F", "#BCBD22", "#17BECF",
]
LAYOUT = dict(template="plotly_white", margin=dict(l=10, r=10, t=50, b=10), font=dict(size=13))


def safe(value: object) -> str:
    """Article text as Plotly shows it: its pseudo-HTML (<b>, <a href>) is escaped, so
    a title or sentence with tags is shown as text, never as markup."""
    return html.escape("" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value), quote=False)


def _safe_list(values) -> list[str]:
    return [safe(v) for v in values]


def _empty(title: str, message: str = "Nothing to show for the current filters") -> go.Figure:
    fig = go.Figure(layout=dict(title=title, **LAYOUT))
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper", font=dict(size=15))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


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


def _period_start(dates: pd.Series, freq: str) -> pd.Series:
    return pd.to_datetime(dates).dt.to_period(freq).dt.start_time


def mentions_over_time(counts: pd.DataFrame, freq: str = "M", title: str = "Mentions over time") -> go.Figure:
    """One line per actor: mentions per period (``counts``: period, actor, n)."""
    if counts.empty:
        return _empty(title)
    fig = go.Figure(layout=dict(title=title, **LAYOUT))
    order = counts.groupby("actor")["n"].sum().sort_values(ascending=False).index
    for actor in order:
        rows = counts[counts["actor"] == actor].sort_values("period")
        fig.add_trace(
            go.Scatter(
                x=pd.to_datetime(rows["period"]).tolist(),
                y=rows["n"].tolist(),
                mode="lines+markers",
                name=safe(actor),
                hovertemplate="%{x|%Y-%m-%d}: %{y} mentions<extra>" + safe(actor) + "</extra>",
            )
        )
    fig.update_yaxes(title_text="mentions", rangemode="tozero")
    _period_axis(fig, pd.to_datetime(counts["period"]), freq)
    return fig


def _period_axis(fig: go.Figure, periods: pd.Series, freq: str) -> None:
    """Date ticks by period; a lone period gets some room on either side."""
    fig.update_xaxes(type="date", tickformat="%b %Y" if freq == "M" else "%Y-%m-%d")
    if periods.nunique() == 1:
        only = pd.Timestamp(periods.iloc[0])
        pad = pd.Timedelta(days=45 if freq == "M" else 7)
        fig.update_xaxes(range=[only - pad, only + pad], dtick="M1" if freq == "M" else None)


def money_by_currency(summary: pd.DataFrame, title: str = "Money figures by currency") -> go.Figure:
    """Figures per currency (``summary``: currency, n, eur, converted); hover gives the euro total."""
    if summary.empty:
        return _empty(title)
    data = summary.sort_values("n", ascending=False)
    fig = go.Figure(layout=dict(title=title, **LAYOUT))
    fig.add_trace(
        go.Bar(
            x=_safe_list(data["currency"]),
            y=data["n"].tolist(),
            customdata=data[["eur", "converted"]].to_numpy().tolist(),
            marker_color="#4C78A8",
            hovertemplate="%{x}: %{y} figures<br>%{customdata[1]} converted, upper bounds total € %{customdata[0]:,.0f}<extra></extra>",
        )
    )
    fig.update_yaxes(title_text="figures")
    return fig


def money_intervals(money: pd.DataFrame, unit: str = "EUR", title: str | None = None) -> go.Figure:
    """Each figure as a point or a range bar on a log axis.

    ``unit="EUR"`` plots converted amounts (figures without a rate are left out and
    counted in the title); any other code plots figures in that currency as written.
    customdata = [article_id, sentence_id, text, currency, context, sentence].
    """
    title = title or ("Amounts in euro (log scale)" if unit == "EUR" else f"Amounts in {unit} (log scale)")
    if money.empty:
        return _empty(title)
    if unit == "EUR":
        data = money.dropna(subset=["low_eur", "high_eur"]).assign(lo=lambda d: d["low_eur"], hi=lambda d: d["high_eur"])
        left_out = len(money) - len(data)
    else:
        data = money[money["currency"] == unit].assign(lo=lambda d: d["low"], hi=lambda d: d["high"])
        left_out = 0
    data = data[(data["lo"] > 0) & (data["hi"] > 0)]
    if data.empty:
        return _empty(title, "No figures in this unit")
    if left_out:
        title += f" — {left_out} figure(s) without a euro rate not shown"
    data = data.sort_values(["hi", "lo"]).reset_index(drop=True)
    labels = [f"{i + 1}. {safe(t)}" for i, t in enumerate(data["text"])]
    sentence = data["sentence"] if "sentence" in data.columns else pd.Series([""] * len(data))
    custom = [
        [a, int(s), safe(t), safe(c), safe(ctx), safe(sen)]
        for a, s, t, c, ctx, sen in zip(data["article_id"], data["sentence_id"], data["text"], data["currency"], data["context"].fillna(""), sentence.fillna(""))
    ]
    fig = go.Figure(layout=dict(title=title, **LAYOUT))
    is_range = (data["hi"] > data["lo"]).tolist()
    xs, ys = [], []
    for lab, lo, hi, r in zip(labels, data["lo"], data["hi"], is_range):
        if r:
            xs += [lo, hi, None]
            ys += [lab, lab, None]
    if xs:
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=dict(width=7, color="#F58518"), name="range", hoverinfo="skip"))
    mid = [math.sqrt(lo * hi) for lo, hi in zip(data["lo"], data["hi"])]
    fig.add_trace(
        go.Scatter(
            x=mid,
            y=labels,
            mode="markers",
            marker=dict(size=10, color=["#F58518" if r else "#4C78A8" for r in is_range], symbol=["line-ns-open" if r else "circle" for r in is_range]),
            name="figure",
            customdata=custom,
            hovertemplate="<b>%{customdata[2]}</b> (%{customdata[3]})<br>context: %{customdata[4]}<br>%{customdata[5]}<extra></extra>",
        )
    )
    lo_all, hi_all = float(data["lo"].min()), float(data["hi"].max())
    fig.update_xaxes(type="log", title_text=unit, range=[math.log10(lo_all) - 0.6, math.log10(hi_all) + 0.6])
    fig.update_yaxes(autorange="reversed", showticklabels=len(data) <= 40)
    fig.update_layout(height=max(320, min(1200, 22 * len(data) + 140)), showlegend=False)
    return fig


def totals_bar(totals: pd.DataFrame, title: str) -> go.Figure:
    """Euro totals per label (``totals``: label, low, high, n), largest first."""
    if totals.empty:
        return _empty(title)
    data = totals.sort_values("high", ascending=False)
    fig = go.Figure(layout=dict(title=title, **LAYOUT))
    fig.add_trace(
        go.Bar(
            x=data["high"].tolist(),
            y=_safe_list(data["label"]),
            orientation="h",
            marker_color="#54A24B",
            customdata=data[["low", "n"]].to_numpy().tolist(),
            hovertemplate="%{y}: € %{customdata[0]:,.0f} – € %{x:,.0f} in %{customdata[1]} figures<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title_text="EUR (sum of upper bounds)")
    fig.update_layout(height=max(300, 26 * len(data) + 120))
    return fig


def timeline(
    df: pd.DataFrame,
    label: str,
    colour: str,
    hover: list[str],
    title: str = "Chronology",
    palette: dict[str, str] | None = None,
) -> go.Figure:
    """Inclusive date intervals as horizontal bars; a day is a thin bar, a month a wide one.

    Bars of wide intervals are drawn paler, so uncertainty is visible as well as width.
    customdata = [article_id, sentence_id, *hover].
    """
    if df.empty:
        return _empty(title)
    data = df.dropna(subset=["begin_date", "end_date"]).copy()
    if data.empty:
        return _empty(title, "No dated items")
    data["b"] = pd.to_datetime(data["begin_date"])
    data["e"] = pd.to_datetime(data["end_date"]) + pd.Timedelta(days=1)
    data = data.sort_values(["b", "e"]).reset_index(drop=True)
    data["row"] = [f"{i + 1}. {safe(str(t)[:60])}" for i, t in enumerate(data[label])]
    width_days = (data["e"] - data["b"]).dt.days
    colours = palette or {}
    keys = sorted(data[colour].fillna("").astype(str).unique())
    for i, k in enumerate(keys):
        colours.setdefault(k, EVENT_PALETTE[i % len(EVENT_PALETTE)])
    fig = go.Figure(layout=dict(title=title, **LAYOUT))
    for key in keys:
        part = data[data[colour].fillna("").astype(str) == key]
        widths = width_days[part.index]
        hover_lines = "<br>".join(f"{h}: %{{customdata[{k + 2}]}}" for k, h in enumerate(hover))
        fig.add_trace(
            go.Bar(
                base=part["b"].tolist(),
                x=[(e - b).total_seconds() * 1000 for b, e in zip(part["b"], part["e"])],
                y=part["row"].tolist(),
                orientation="h",
                name=safe(key) or "(none)",
                marker=dict(color=colours[key], opacity=[1.0 if w <= 1 else 0.85 if w <= 7 else 0.55 if w <= 31 else 0.35 for w in widths]),
                customdata=[[a, int(s), *[safe(v) for v in vals]] for a, s, *vals in part[["article_id", "sentence_id", *hover]].itertuples(index=False)],
                hovertemplate=hover_lines + "<extra>%{fullData.name}</extra>",
            )
        )
    fig.update_xaxes(type="date")
    fig.update_yaxes(autorange="reversed", showticklabels=len(data) <= 40)
    fig.update_layout(barmode="overlay", height=max(320, min(1400, 22 * len(data) + 160)), legend_title_text=colour.replace("_", " "))
    return fig


def events_over_time(counts: pd.DataFrame, freq: str = "M", title: str = "Events over time") -> go.Figure:
    """Stacked events per period by type (``counts``: period, event_type, n)."""
    if counts.empty:
        return _empty(title)
    fig = go.Figure(layout=dict(title=title, **LAYOUT))
    for i, (etype, rows) in enumerate(counts.groupby("event_type", sort=True)):
        fig.add_trace(go.Bar(x=pd.to_datetime(rows["period"]).tolist(), y=rows["n"].tolist(), name=safe(etype), marker_color=EVENT_PALETTE[i % len(EVENT_PALETTE)]))
    fig.update_layout(barmode="stack", legend_title_text="event type")
    fig.update_yaxes(title_text="events")
    _period_axis(fig, pd.to_datetime(counts["period"]), freq)
    return fig


def cooccurrence_network(nodes: pd.DataFrame, edges: pd.DataFrame, title: str = "Actors mentioned in the same sentence") -> go.Figure:
    """Nodes sized by mentions (``nodes``: actor_id, actor, actor_type, n), edges weighted
    by shared sentences (``edges``: a, b, w); customdata = actor_id."""
    import networkx as nx

    if nodes.empty:
        return _empty(title)
    weights = {(a, b): int(w) for a, b, w in edges[["a", "b", "w"]].itertuples(index=False)}
    graph = nx.Graph()
    graph.add_nodes_from(nodes["actor_id"])
    for (a, b), w in weights.items():
        graph.add_edge(a, b, weight=w)
    pos = nx.spring_layout(graph, seed=7, weight="weight") if len(graph) > 1 else {n: (0.0, 0.0) for n in graph}
    fig = go.Figure(layout=dict(title=title, **LAYOUT))
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
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                line=dict(width=float(width), color="rgba(120,120,120,0.45)"),
                hoverinfo="skip",
                showlegend=False,
            )
        )
    max_n = nodes["n"].max()
    for actor_type, group in nodes.groupby("actor_type"):
        fig.add_trace(
            go.Scatter(
                x=[pos[a][0] for a in group["actor_id"]],
                y=[pos[a][1] for a in group["actor_id"]],
                mode="markers+text",
                text=_safe_list(group["actor"]),
                textposition="top center",
                marker=dict(size=[12 + 38 * math.sqrt(n / max_n) for n in group["n"]], color=ACTOR_TYPE_COLOURS.get(actor_type, "#888"), line=dict(width=1, color="white")),
                name=actor_type,
                customdata=group[["actor_id", "n"]].to_numpy().tolist(),
                hovertemplate="%{text}: %{customdata[1]} mentions<extra>%{fullData.name}</extra>",
            )
        )
    fig.update_xaxes(visible=False, range=[-1.35, 1.35])
    fig.update_yaxes(visible=False, range=[-1.25, 1.35])
    fig.update_layout(height=560, legend_title_text="actor type")
    return fig


def country_map(counts: pd.DataFrame, title: str = "Country mentions") -> go.Figure:
    """Choropleth of mentions per country (``counts``: country (ISO-3), n, names)."""
    if counts.empty:
        return _empty(title)
    fig = go.Figure(layout=dict(title=title, **LAYOUT))
    fig.add_trace(
        go.Choropleth(
            locations=counts["country"].tolist(),
            z=counts["n"].tolist(),
            locationmode="ISO-3",
            colorscale="Blues",
            customdata=[[safe(n)] for n in counts["names"]],
            hovertemplate="%{location}: %{z} mentions<br>%{customdata[0]}<extra></extra>",
            colorbar_title="mentions",
        )
    )
    fig.update_geos(showcountries=True, showframe=False, projection_type="natural earth")
    fig.update_layout(height=480)
    return fig


