"""The chronology: a chronicle of happenings on the corpus period, events over time,
and the generic interval timeline (time expressions)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from kroniek.charts.base import EVENT_PALETTE, LAYOUT, _empty, count_text, event_colours, event_order, quad_class_of, safe
from kroniek.charts.timeaxis import bar_width_ms, counts_figure, date_axis, finish_counts_figure, period_ms, time_unit

PAGE_ROWS = 50  # rows of the chronicle on one screen; more go to the next page
LANES = {"none": "date order", "event_type": "event type", "actor": "actor"}


def date_text(begin: str, end: str) -> str:
    """An interval as a reader would write it: 2019-02-12, 2019-02 (a whole month),
    2019 (a whole year), or 2019-02-11 – 2019-02-17."""
    b, e = pd.Timestamp(begin), pd.Timestamp(end)
    if b == e:
        return b.strftime("%Y-%m-%d")
    if b.day == 1 and e == b + pd.offsets.MonthEnd(0):
        return b.strftime("%Y-%m")
    if b.month == 1 and b.day == 1 and e.month == 12 and e.day == 31 and b.year == e.year:
        return str(b.year)
    return f"{b:%Y-%m-%d} – {e:%Y-%m-%d}"


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _unique(labels: list[str]) -> list[str]:
    """Category labels made unique with invisible zero-width spaces (two happenings of
    the same name and date would otherwise share one row)."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        k = seen.get(label, 0)
        seen[label] = k + 1
        out.append(label + "\u200b" * k)
    return out


def lane_of(rows: pd.DataFrame, lanes: str) -> pd.Series:
    """Each row's lane: its event type, or its first actor ("(no actor)" without one)."""
    if lanes == "event_type":
        return rows["event_type"].fillna("").astype(str).replace("", "(no type)")
    first = rows["actors"].fillna("").astype(str).str.split(", ").str[0].str.strip()
    return first.replace("", "(no actor)")


def _dated(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows with both dates, as ``b`` (the first day) and ``e`` (the day after the last):
    the interval bars are drawn from ``b`` for ``e - b``, so the last day is covered too."""
    data = rows.dropna(subset=["begin_date", "end_date"]).copy()
    data["b"] = pd.to_datetime(data["begin_date"])
    data["e"] = pd.to_datetime(data["end_date"]) + pd.Timedelta(days=1)
    return data


def chronicle(
    rows: pd.DataFrame,
    period: tuple | None = None,
    lanes: str = "none",
    show_all: bool = False,
    title: str = "Chronicle",
) -> go.Figure:
    """Happenings as rows sorted by date (``rows``: happening_id, event_type, actors,
    begin_date, end_date, n_articles, label), each a bar from its first to its last day
    (a wide bar is a date known only to the week, month or year, and drawn paler) with a
    marker in its middle so a one-day bar is still seen.

    The axis opens on ``period`` (the corpus period) unless ``show_all``.  ``lanes``
    ("event_type" or "actor") groups the rows under lane headings on a two-level axis.
    customdata = [happening_id, n_articles, what, who, when]."""
    if rows.empty:
        return _empty(title)
    data = _dated(rows)
    if data.empty:
        return _empty(title, "No dated happenings")
    data = _chronicle_rows(data, lanes)
    keys = event_order(data["event_type"].fillna("").astype(str).unique())
    colours = event_colours(keys)
    fig = go.Figure(layout=dict(title=title, **LAYOUT))
    # an invisible first trace holding every row in order: Plotly orders categories by
    # first appearance over all traces, and the visible traces are grouped by type
    fig.add_trace(go.Scatter(x=[data["b"].iloc[0]] * len(data), y=_row_axis(data), mode="markers", marker=dict(opacity=0), hoverinfo="skip", showlegend=False))
    for key in keys:
        _add_happening_traces(fig, data[data["event_type"].fillna("").astype(str) == key], key, colours[key])
    if period is not None and not show_all:
        start, end = period
    else:
        start, end = data["b"].min() - pd.Timedelta(days=3), data["e"].max() + pd.Timedelta(days=3)
    date_axis(fig, start, end, time_unit(start, end))
    fig.update_xaxes(side="top")
    fig.update_yaxes(autorange="reversed", automargin=True, tickfont=dict(size=12))
    plot_px = 24 * len(data) + 40
    fig.update_layout(
        barmode="overlay",
        height=plot_px + 190,
        legend=dict(orientation="h", yanchor="bottom", y=1 + 45 / plot_px, x=0, title_text="event type"),
        hovermode="closest",
        margin=dict(l=10, r=10, t=150, b=10),
    )
    return fig


def _chronicle_rows(data: pd.DataFrame, lanes: str) -> pd.DataFrame:
    """The dated happenings in chart order, with their texts and unique row labels (under
    lane headings when ``lanes`` asks for them)."""
    data["when"] = [date_text(b, e) for b, e in zip(data["begin_date"], data["end_date"])]
    data["who"] = data["actors"].fillna("").astype(str)
    data["what"] = data["label"].fillna("").astype(str)
    if lanes in ("event_type", "actor"):
        data["lane"] = lane_of(data, lanes).map(lambda s: safe(s[:30]))
        first = data.groupby("lane")["b"].transform("min")
        data = data.assign(_first=first).sort_values(["_first", "lane", "b", "e"], kind="stable").drop(columns="_first")
    else:
        data = data.sort_values(["b", "e"], kind="stable")
    data = data.reset_index(drop=True)
    text = [f"{w} · {safe(_short(str(l), 46))} ({int(n)} art.)" for w, l, n in zip(data["when"], data["what"], data["n_articles"])]
    data["row"] = _unique(text)
    return data


def _row_axis(part: pd.DataFrame) -> list:
    """The y values of some rows: their labels, under their lanes on a two-level axis."""
    return [part["lane"].tolist(), part["row"].tolist()] if "lane" in part.columns else part["row"].tolist()


def _add_happening_traces(fig: go.Figure, part: pd.DataFrame, key: str, colour: str) -> None:
    """The bars of one event type's happenings, paler the wider, and a marker in each middle."""
    widths = (part["e"] - part["b"]).dt.days
    y = _row_axis(part)
    custom = [[h, int(n), safe(w), safe(who), when, count_text(int(n), "article")] for h, n, w, who, when in zip(part["happening_id"], part["n_articles"], part["what"], part["who"], part["when"])]
    hover = "<b>%{customdata[2]}</b><br>who: %{customdata[3]}<br>when: %{customdata[4]}<br>%{customdata[5]}<extra>%{fullData.name}</extra>"
    fig.add_trace(
        go.Bar(
            base=part["b"].tolist(),
            x=[(e - b).total_seconds() * 1000 for b, e in zip(part["b"], part["e"])],
            y=y,
            orientation="h",
            name=safe(key) or "(none)",
            legendgroup=key,
            marker=dict(color=colour, opacity=[1.0 if w <= 1 else 0.8 if w <= 7 else 0.5 if w <= 31 else 0.3 for w in widths]),
            customdata=custom,
            hovertemplate=hover,
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[b + (e - b) / 2 for b, e in zip(part["b"], part["e"])],
            y=y,
            mode="markers",
            marker=dict(symbol="diamond", size=8, color=colour),
            legendgroup=key,
            showlegend=False,
            name=safe(key) or "(none)",
            customdata=custom,
            hovertemplate=hover,
        )
    )


def events_over_time(counts: pd.DataFrame, unit: str = "month", period: tuple | None = None, articles: pd.DataFrame | None = None, title: str = "Events over time") -> go.Figure:
    """Stacked events per ``unit`` by type (``counts``: period, event_type, n), on
    ``period`` when given; with ``articles`` (period, n_articles), per 100 articles.
    Types are coloured by CAMEO quad class; customdata = [event_type, period start]."""
    if counts.empty:
        return _empty(title)
    counts, fig = counts_figure(counts, articles, title, " (per 100 articles published)", LAYOUT)
    types = event_order(counts["event_type"].unique())
    colours = event_colours(types)
    for etype in types:
        rows = counts[counts["event_type"] == etype]
        x = pd.to_datetime(rows["period"])
        fig.add_trace(
            go.Bar(
                x=x.tolist(),
                y=rows["n"].tolist(),
                customdata=[[str(etype), d.strftime("%Y-%m-%d")] for d in x],
                name=safe(etype),
                legendgroup=quad_class_of(etype) or "other",
                legendgrouptitle_text=quad_class_of(etype) or "other",
                marker_color=colours[etype],
                width=bar_width_ms(unit),
                xperiod=period_ms(unit),
                xperiodalignment="middle",
            )
        )
    classes = {quad_class_of(t) for t in types}
    fig.update_layout(
        barmode="stack",
        legend=dict(title_text="event type", groupclick="toggleitem", tracegroupgap=8, traceorder="grouped"),
        bargap=0.15,
        height=max(450, 21 * len(types) + 30 * len(classes) + 120),  # the whole legend in view, no scrolling
    )
    return finish_counts_figure(fig, counts, unit, period, articles is not None, "events")


def timeline(
    df: pd.DataFrame,
    label: str,
    colour: str,
    hover: list[str],
    title: str = "Chronology",
    palette: dict[str, str] | None = None,
    period: tuple | None = None,
) -> go.Figure:
    """Inclusive date intervals as horizontal bars; a day is a thin bar, a month a wide one.

    Bars of wide intervals are drawn paler, so uncertainty is visible as well as width.
    customdata = [article_id, sentence_id, *hover].  With ``period`` the axis opens on
    it (the corpus period), whatever far dates the items refer to.
    """
    if df.empty:
        return _empty(title)
    data = _dated(df)
    if data.empty:
        return _empty(title, "No dated items")
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
    if period is not None:
        date_axis(fig, period[0], period[1], time_unit(period[0], period[1]))
    fig.update_yaxes(autorange="reversed", showticklabels=len(data) <= 40)
    fig.update_layout(barmode="overlay", height=max(320, min(1400, 22 * len(data) + 160)), legend_title_text=colour.replace("_", " "))
    return fig


