"""Money figures: per currency, over time on a log axis, the largest per context or actor.

A corpus repeats its figures: one budget is quoted in ten articles.  The builders here
take *distinct figures* (amount, currency, context, with how often each was reported),
so a repeated figure is one point with its count and no total adds it up twice.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from babel.numbers import format_decimal

from kroniek.charts.base import EVENT_PALETTE, LAYOUT, _empty, _safe_list, safe
from kroniek.charts.timeaxis import date_axis, span_of

SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "CNY": "¥", "CHF": "CHF", "NLG": "ƒ"}
# Dutch scale words: miljoen, miljard, biljoen (10^12, the long scale)
SCALES = ((1e12, "bln"), (1e9, "mld"), (1e6, "mln"))
TOP_CONTEXTS = 8


def dutch_number(value: float | None, digits: int = 2) -> str:
    """A number as Dutch readers write it: 12.500.000 and 3,5 (Babel's nl_NL)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return format_decimal(value, format=f"#,##0.{'#' * digits}" if digits else "#,##0", locale="nl_NL")


def amount_label(value: float, currency: str = "EUR") -> str:
    """"€ 10 mln", "$ 1 mld", "€ 2.500": a tick or hover label for an amount."""
    symbol = SYMBOLS.get(currency, currency)
    for size, word in SCALES:
        if abs(value) >= size:
            return f"{symbol} {dutch_number(value / size, 1)} {word}"
    return f"{symbol} {dutch_number(value, 2 if abs(value) < 1 else 0)}"


def amount_ticks(lo: float, hi: float, currency: str = "EUR") -> tuple[list[float], list[str]]:
    """Tick values at powers of ten covering [lo, hi] (every third one when the span is
    wide; 1-2-5 steps when it is under two decades, so a narrow axis still has several),
    labelled with :func:`amount_label`."""
    first, last = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
    if last - first <= 2:
        values = [m * 10.0**e for e in range(first, last + 1) for m in (1, 2, 5)]
        values = [v for v in values if lo / 2.5 <= v <= hi * 2.5]
        return values, [amount_label(v, currency) for v in values]
    step = 1 if last - first <= 8 else 3
    values = [10.0**e for e in range(first - first % step if step > 1 else first, last + 1, step)]
    return values, [amount_label(v, currency) for v in values]


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


def _context_key(context: pd.Series, top: int = TOP_CONTEXTS) -> pd.Series:
    """The most frequent contexts by name, the rest as "other", none as "(no context)"."""
    ctx = context.fillna("").astype(str)
    common = [c for c in ctx[ctx != ""].value_counts().index[:top]]
    return ctx.map(lambda c: c if c in common else ("(no context)" if c == "" else "other"))


def money_over_time(
    figures: pd.DataFrame,
    unit: str = "week",
    period: tuple | None = None,
    currency: str = "EUR",
    title: str | None = None,
) -> go.Figure:
    """Distinct figures by the date first reported (x) and amount (log y), coloured by
    context; a range is a vertical bar from low to high; marker size grows with how
    many times the figure was reported.

    ``figures``: low, high (in ``currency``), text, context, n, n_articles,
    first_reported, article_id, sentence_id.  customdata = [article_id, sentence_id,
    text, context, n, n_articles, amount label]."""
    title = title or (f"Amounts over time ({'euro, converted' if currency == 'EUR' else currency}; log scale; each distinct figure once)")
    data = figures.dropna(subset=["low", "high", "first_reported"]) if not figures.empty else figures
    if data.empty or not ((data["low"] > 0) & (data["high"] > 0)).any():
        return _empty(title)
    data = data[(data["low"] > 0) & (data["high"] > 0)].copy()
    data["x"] = pd.to_datetime(data["first_reported"])
    data["key"] = _context_key(data["context"])
    data["mid"] = [math.sqrt(lo * hi) for lo, hi in zip(data["low"], data["high"])]
    data["label"] = [
        amount_label(lo, currency) if lo == hi else f"{amount_label(lo, currency)} – {amount_label(hi, currency)}" for lo, hi in zip(data["low"], data["high"])
    ]
    keys = [k for k in data["key"].value_counts().index if k not in ("other", "(no context)")] + [k for k in ("other", "(no context)") if k in set(data["key"])]
    colours = {k: EVENT_PALETTE[i % len(EVENT_PALETTE)] for i, k in enumerate(keys)}
    colours["other"], colours["(no context)"] = "#BAB0AC", "#D3D3D3"
    fig = go.Figure(layout=dict(title=title, **LAYOUT))
    _add_ranges(fig, data[data["high"] > data["low"]])
    for key in keys:
        _add_figures(fig, data[data["key"] == key], key, colours[key])
    lo_all, hi_all = float(data["low"].min()), float(data["high"].max())
    values, labels = amount_ticks(lo_all, hi_all, currency)
    pad = max(0.3, (1.2 - math.log10(hi_all / lo_all)) / 2)  # at least a decade and a bit in view
    fig.update_yaxes(type="log", tickvals=values, ticktext=labels, range=[math.log10(lo_all) - pad, math.log10(hi_all) + pad], title_text=None)
    start, end = period or span_of(data["x"], unit)
    date_axis(fig, start, end, unit)
    fig.update_layout(height=520, legend_title_text="context")
    return fig


def _add_ranges(fig: go.Figure, ranges: pd.DataFrame) -> None:
    """A vertical bar from low to high for each range."""
    if ranges.empty:
        return
    xs, ys = [], []
    for x, lo, hi in zip(ranges["x"], ranges["low"], ranges["high"]):
        xs += [x, x, None]
        ys += [lo, hi, None]
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=dict(width=5, color="rgba(245,133,24,0.55)"), name="range", hoverinfo="skip"))


def _add_figures(fig: go.Figure, part: pd.DataFrame, key: str, colour: str) -> None:
    """One context's figures, each a marker growing with how often it was reported."""
    custom = [
        [a, int(s), safe(t), safe(c), int(n), int(na), lab]
        for a, s, t, c, n, na, lab in zip(part["article_id"], part["sentence_id"], part["text"], part["context"].fillna(""), part["n"], part["n_articles"], part["label"])
    ]
    hover = (
        "<b>%{customdata[6]}</b> — %{customdata[2]}<br>context: %{customdata[3]}<br>"
        "reported %{customdata[4]}× in %{customdata[5]} article(s), first %{x|%Y-%m-%d}<extra>%{fullData.name}</extra>"
    )
    sizes = [8 + 6 * math.log2(n) for n in part["n"]]
    marker = dict(size=sizes, color=colour, line=dict(width=1, color="white"))
    fig.add_trace(go.Scatter(x=part["x"].tolist(), y=part["mid"].tolist(), mode="markers", name=safe(key), marker=marker, customdata=custom, hovertemplate=hover))


def _label_bars(data: pd.DataFrame, title: str, **bar: Any) -> go.Figure:
    """One horizontal bar of ``high`` per ``label``, in the order given from the top, 26 px a
    bar: the largest-figure and totals charts must look alike, so they share this; ``bar``
    adds the chart's own text and hover to the trace."""
    fig = go.Figure(layout=dict(title=title, **LAYOUT))
    fig.add_trace(go.Bar(x=data["high"].tolist(), y=_safe_list(data["label"]), orientation="h", marker_color="#54A24B", **bar))
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(height=max(300, 26 * len(data) + 120))
    return fig


def largest_figures(rows: pd.DataFrame, title: str, currency: str = "EUR") -> go.Figure:
    """The largest distinct figure per label (``rows``: label, high, text, n_figures,
    n, distinct_total), a bar each on a log axis; hover names the figure, how many
    distinct figures the label has and their de-duplicated sum."""
    if rows.empty:
        return _empty(title)
    data = rows[rows["high"] > 0].sort_values("high", ascending=False)
    if data.empty:
        return _empty(title)
    fig = _label_bars(
        data,
        title,
        text=[amount_label(v, currency) for v in data["high"]],
        textposition="outside",
        cliponaxis=False,
        customdata=[[safe(t), int(nf), int(n), amount_label(s, currency)] for t, nf, n, s in zip(data["text"], data["n_figures"], data["n"], data["distinct_total"])],
        hovertemplate="%{y}: largest %{text} (“%{customdata[0]}”, reported %{customdata[2]}×)<br>"
        "%{customdata[1]} distinct figures, summing to %{customdata[3]} (each counted once)<extra></extra>",
    )
    lo, hi = float(data["high"].min()), float(data["high"].max())
    values, labels = amount_ticks(lo, hi, currency)
    fig.update_xaxes(type="log", tickvals=values, ticktext=labels, range=[math.log10(lo) - 1, math.log10(hi) + 0.8])
    fig.update_layout(showlegend=False)
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
    fig = _label_bars(
        data,
        title,
        customdata=data[["low", "n"]].to_numpy().tolist(),
        hovertemplate="%{y}: € %{customdata[0]:,.0f} – € %{x:,.0f} in %{customdata[1]} figures<extra></extra>",
    )
    fig.update_xaxes(title_text="EUR (sum of upper bounds)")
    return fig


