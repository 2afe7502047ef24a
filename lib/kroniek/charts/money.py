"""Money figures: per currency, over time on a log axis, the largest per context or actor.

A corpus repeats its figures: one budget is quoted in ten articles.  The builders here
take *distinct figures* (amount, currency, context, with how often each was reported),
so a repeated figure is one point with its count and no total adds it up twice.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from kroniek.charts.base import LAYOUT, SERIES_PALETTE, _empty, _safe_list, count_axis, count_text, number_text, safe
from kroniek.charts.timeaxis import date_axis, span_of

SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "CNY": "¥", "CHF": "CHF", "NLG": "ƒ"}
# English scale words, as the rest of the interface is English ("bn" is 10^9, never the
# Dutch "biljoen", 10^12, which is "tn" here)
SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "mln"))
TOP_CONTEXTS = 8


def _scaled(value: float) -> tuple[float, str]:
    for size, word in SCALES:
        if abs(value) >= size:
            return value / size, word
    return value, ""


def amount_label(value: float, currency: str = "EUR", digits: int = 1) -> str:
    """"€ 10 mln", "$ 1 bn", "€ 2,500": a tick, bar or hover label for an amount (at most
    ``digits`` decimals of the scale word; cents only below one unit)."""
    symbol = SYMBOLS.get(currency, currency)
    number, word = _scaled(value)
    if word:
        return f"{symbol} {number_text(number, digits)} {word}"
    return f"{symbol} {number_text(value, 2 if abs(value) < 1 else 0)}"


def amount_range(low: float, high: float, currency: str = "EUR", digits: int = 2) -> str:
    """"$ 630–640 mln", "€ 5 mln", "€ 900,000 – 1.2 mln": one amount or a range, the scale
    word said once when both bounds share it."""
    if low == high:
        return amount_label(low, currency, digits)
    (lo, lo_word), (hi, hi_word) = _scaled(low), _scaled(high)
    symbol = SYMBOLS.get(currency, currency)
    if lo_word == hi_word and lo_word:
        return f"{symbol} {number_text(lo, digits)}–{number_text(hi, digits)} {hi_word}"
    return f"{amount_label(low, currency, digits)} – {amount_label(high, currency, digits)[len(symbol) + 1:]}"


def rounded(value: float) -> float:
    """A converted amount as precise as a conversion is: three significant digits and no
    cents (532,814,614.34 -> 533,000,000)."""
    if not value:
        return 0.0
    return float(round(round(value, 2 - int(math.floor(math.log10(abs(value)))))))


def figure_text(low: float, high: float, currency: str, low_eur: float | None = None, high_eur: float | None = None) -> str:
    """A figure as written, with its conversion when it was not in euro:
    "$ 630–640 mln (≈ € 533–541 mln)"."""
    written = amount_range(low, high, currency)
    if currency == "EUR" or low_eur is None or high_eur is None or pd.isna(low_eur) or pd.isna(high_eur):
        return written
    return f"{written} (≈ {amount_range(rounded(low_eur), rounded(high_eur), 'EUR', 1)})"


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
    """Figures per currency (``summary``: currency, n, eur, converted); hover gives the
    euro total; customdata = [currency].  Counts are whole numbers, so are the ticks."""
    if summary.empty:
        return _empty(title)
    data = summary.sort_values(["n", "currency"], ascending=[False, True])
    fig = go.Figure(layout=dict(title=title, **LAYOUT))
    hover = [
        f"{safe(c)}: {count_text(int(n), 'figure')}<br>{number_text(int(k))} converted, upper bounds total {amount_label(e)}"
        for c, n, k, e in zip(data["currency"], data["n"], data["converted"], data["eur"])
    ]
    fig.add_trace(
        go.Bar(
            x=_safe_list(data["currency"]),
            y=data["n"].tolist(),
            text=[number_text(int(n)) for n in data["n"]],  # a bar of 1 beside one of 400 is not seen: its number is
            textposition="outside",
            cliponaxis=False,
            customdata=[[str(c)] for c in data["currency"]],
            hovertext=hover,
            hoverinfo="text",
            marker_color="#4C78A8",
        )
    )
    fig.update_yaxes(title_text="figures", **count_axis(float(data["n"].max())))
    fig.update_layout(bargap=0.5 if len(data) < 3 else 0.2)
    return fig


def _context_key(context: pd.Series, top: int = TOP_CONTEXTS) -> pd.Series:
    """The most frequent contexts by name, the rest as "other", none as "(no context)"."""
    ctx = context.fillna("").astype(str)
    counts = ctx[ctx != ""].value_counts()
    common = sorted(counts.index, key=lambda c: (-counts[c], c))[:top]
    return ctx.map(lambda c: c if c in common else ("(no context)" if c == "" else "other"))


def figure_labels(figures: pd.DataFrame, currency: str) -> list[str]:
    """Each distinct figure as a reader writes it: as written, and converted when the
    chart is in euro ("$ 630–640 mln (≈ € 533–541 mln)")."""
    if {"written_low", "written_high", "written_currency"} <= set(figures.columns):
        return [
            figure_text(lo, hi, cur, le if currency == "EUR" else None, he if currency == "EUR" else None)
            for lo, hi, cur, le, he in zip(figures["written_low"], figures["written_high"], figures["written_currency"], figures["low"], figures["high"])
        ]
    return [amount_range(lo, hi, currency) for lo, hi in zip(figures["low"], figures["high"])]


def money_over_time(
    figures: pd.DataFrame,
    unit: str = "week",
    period: tuple | None = None,
    currency: str = "EUR",
    title: str | None = None,
) -> go.Figure:
    """Distinct figures by the date first reported (x) and amount (log y), coloured by
    context; a range is a vertical bar from low to high; marker size grows with how
    many times the figure was reported.  ``period``: the span of the article dates (every
    point is an article's date, so the axis ends with the last article).

    ``figures``: low, high (in ``currency``), text, context, n, n_articles,
    first_reported, article_id, sentence_id (and written_low, written_high,
    written_currency: the figure as written).  customdata = [article_id, sentence_id,
    text, context, reported, label]."""
    title = title or (f"Amounts over time ({'euro, converted' if currency == 'EUR' else currency + ', as written'}; log scale; each distinct figure once)")
    data = figures.dropna(subset=["low", "high", "first_reported"]) if not figures.empty else figures
    if data.empty or not ((data["low"] > 0) & (data["high"] > 0)).any():
        return _empty(title)
    data = data[(data["low"] > 0) & (data["high"] > 0)].copy()
    data["x"] = pd.to_datetime(data["first_reported"])
    data["key"] = _context_key(data["context"])
    data["mid"] = [math.sqrt(lo * hi) for lo, hi in zip(data["low"], data["high"])]
    data["label"] = figure_labels(data, currency)
    named = data.loc[~data["key"].isin(["other", "(no context)"]), "key"].value_counts()
    keys = sorted(named.index, key=lambda k: (-named[k], k)) + [k for k in ("other", "(no context)") if k in set(data["key"])]
    colours = {k: SERIES_PALETTE[i % len(SERIES_PALETTE)] for i, k in enumerate(keys[:TOP_CONTEXTS])}
    colours["other"], colours["(no context)"] = "#7F7F7F", "#C7C7C7"
    fig = go.Figure(layout=dict(title=title, **LAYOUT))
    _add_ranges(fig, data[data["high"] > data["low"]])
    for key in keys:
        _add_figures(fig, data[data["key"] == key], key, colours[key])
    lo_all, hi_all = float(data["low"].min()), float(data["high"].max())
    values, labels = amount_ticks(lo_all, hi_all, currency)
    pad = max(0.3, (1.2 - math.log10(hi_all / lo_all)) / 2)  # at least a decade and a bit in view
    fig.update_yaxes(type="log", tickvals=values, ticktext=labels, range=[math.log10(lo_all) - pad, math.log10(hi_all) + pad], title_text=None)
    start, end = period or span_of(data["x"], unit)
    pad = max(pd.Timedelta(hours=12), (pd.Timestamp(end) - pd.Timestamp(start)) * 0.02)  # a marker on the first day is drawn whole
    date_axis(fig, pd.Timestamp(start) - pad, pd.Timestamp(end) + pad, unit)
    fig.update_layout(height=520, legend_title_text="context", hovermode="closest")
    return fig


def _add_ranges(fig: go.Figure, ranges: pd.DataFrame) -> None:
    """A vertical bar from low to high for each range."""
    if ranges.empty:
        return
    xs, ys = [], []
    for x, lo, hi in zip(ranges["x"], ranges["low"], ranges["high"]):
        xs += [x, x, None]
        ys += [lo, hi, None]
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=dict(width=5, color="rgba(245,133,24,0.55)"), name="range", hoverinfo="skip", showlegend=False))


def _reported(n: int, n_articles: int) -> str:
    return f"reported {'once' if n == 1 else f'{number_text(n)} times'} in {count_text(n_articles, 'article')}"


def _add_figures(fig: go.Figure, part: pd.DataFrame, key: str, colour: str) -> None:
    """One context's figures, each a marker growing with how often it was reported."""
    custom = [
        [a, int(s), safe(t), safe(c), _reported(int(n), int(na)), lab]
        for a, s, t, c, n, na, lab in zip(part["article_id"], part["sentence_id"], part["text"], part["context"].fillna(""), part["n"], part["n_articles"], part["label"])
    ]
    hover = "<b>%{customdata[5]}</b> — “%{customdata[2]}”<br>context: %{customdata[3]}<br>%{customdata[4]}, first %{x|%Y-%m-%d}<extra>%{fullData.name}</extra>"
    sizes = [10 + 6 * math.log2(n) for n in part["n"]]
    marker = dict(size=sizes, color=colour, line=dict(width=1, color="white"))
    fig.add_trace(go.Scatter(x=part["x"].tolist(), y=part["mid"].tolist(), mode="markers", name=safe(key), marker=marker, customdata=custom, hovertemplate=hover))


BASIS_NAMES = {"holder": "theirs (subject, possessor or van-phrase)", "named": "only named in the sentence"}
BASIS_COLOURS = {"holder": "#54A24B", "named": "#B9DDB3", "": "#54A24B"}


def _column(data: pd.DataFrame, name: str, default) -> list:
    return data[name].fillna(default).tolist() if name in data.columns else [default] * len(data)


def _largest_texts(data: pd.DataFrame, currency: str) -> tuple[list[str], list[str]]:
    """Each bar's text (its figure: "≈" and no cents when converted into euro) and hover."""
    shown, hover = [], []
    written_in = _column(data, "currency", currency)
    lows = _column(data, "low", None) if "low" in data.columns else data["high"].tolist()
    for label, low, high, written, text, n, n_figures, total, basis in zip(
        data["label"], lows, data["high"], written_in, data["text"], data["n"], data["n_figures"], data["distinct_total"], _column(data, "basis", "")
    ):
        converted = currency == "EUR" and written not in ("EUR", "")
        low = high if low is None else low  # "tientallen miljarden" is € 20–99 bn, not € 99 bn
        figure = ("≈ " + amount_range(rounded(low), rounded(high), currency, 1)) if converted else amount_range(low, high, currency, 1)
        shown.append(figure)
        hover.append(
            f"{label}: largest {figure} (“{safe(text)}”, reported {'once' if int(n) == 1 else number_text(int(n)) + ' times'})"
            f"<br>{count_text(int(n_figures), 'distinct figure')}, summing to {amount_label(total, currency)} (each counted once)"
            + ("<br>only named in the sentence of the figure, which does not say it is theirs" if basis == "named" else "")
        )
    return shown, hover


def largest_figures(rows: pd.DataFrame, title: str, currency: str = "EUR") -> go.Figure:
    """The largest distinct figure per label (``rows``: label, high, text, n_figures, n,
    distinct_total; optionally low, currency (as written), context and basis: "holder"
    when the figure is the label's, "named" when the label is only named in its
    sentence), a bar each on a log axis, one trace per basis; hover names the figure, how
    many distinct figures the label has and their de-duplicated sum.
    customdata = [low, high, currency, context] of the figure (its source sentences)."""
    if rows.empty:
        return _empty(title)
    data = rows[rows["high"] > 0].sort_values(["high", "label"], ascending=[False, True])
    if data.empty:
        return _empty(title)
    data = data.assign(label=_safe_list(data["label"]), basis=_column(data, "basis", ""))
    shown, hover = _largest_texts(data, currency)
    data = data.assign(shown=shown, hover=hover, low=_column(data, "low", None) if "low" in data.columns else data["high"])
    fig = go.Figure(layout=dict(title=title, **LAYOUT))
    for key in [k for k in ("holder", "named", "") if k in set(data["basis"])]:
        part = data[data["basis"] == key]
        fig.add_trace(
            go.Bar(
                x=part["high"].tolist(),
                y=part["label"].tolist(),
                orientation="h",
                name=BASIS_NAMES.get(key, "figure"),
                marker_color=BASIS_COLOURS[key],
                text=part["shown"].tolist(),
                textposition="outside",
                cliponaxis=False,
                customdata=[[float(lo), float(hi), str(c), str(x)] for lo, hi, c, x in zip(part["low"], part["high"], _column(part, "currency", currency), _column(part, "context", ""))],
                hovertext=part["hover"].tolist(),
                hoverinfo="text",
            )
        )
    lo, hi = float(data["high"].min()), float(data["high"].max())
    values, labels = amount_ticks(lo, hi, currency)
    fig.update_xaxes(type="log", tickvals=values, ticktext=labels, range=[math.log10(lo) - 1, math.log10(hi) + 0.8])
    fig.update_yaxes(categoryorder="array", categoryarray=data["label"].tolist(), autorange="reversed")
    fig.update_layout(
        height=max(220, 28 * len(data) + 150), bargap=0.35, barmode="overlay", showlegend=len(fig.data) > 1, legend=dict(orientation="h", y=-0.15, x=0),
        margin=dict(l=10, r=90, t=50, b=10),  # room for the longest figure written beside its bar
    )
    return fig
