"""Date axes that fit the news: the corpus period, a counting unit chosen from the span
shown, ticks that never repeat, counts per 100 articles.

A corpus of three months of news whose events also mention 1573 and 2030 must still open
on the three months: the axis range is the *corpus period* (first article date minus a
month to the last plus two months, so what was announced shortly after is still in view),
not the range of every date the texts refer to.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from kroniek.charts.base import count_axis

UNITS = ("day", "week", "month")
DAY_MS = 24 * 3600 * 1000
MAX_TICKS = 12


def corpus_period(first, last) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """[first article date − 1 month, last article date + 2 months], or None without dates."""
    if first is None or last is None or pd.isna(first) or pd.isna(last):
        return None
    return (pd.Timestamp(first).normalize() - pd.DateOffset(months=1), pd.Timestamp(last).normalize() + pd.DateOffset(months=2))


def published_span(first, last) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The axis of a chart of what articles say on their own date (mentions, money first
    reported): from the first article's day to the day after the last one, since nothing
    such a chart draws lies outside it (None without dates).  A week or month counted is
    drawn in its middle, so the span is widened to whole units by :func:`unit_span`."""
    if first is None or last is None or pd.isna(first) or pd.isna(last):
        return None
    return pd.Timestamp(first).normalize(), pd.Timestamp(last).normalize() + pd.Timedelta(days=1)


def unit_span(start, end, unit: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """[start, end] widened to whole ``unit``s: from the start of the first one to the end
    of the last one (a count per week is drawn across its week)."""
    first = period_start(pd.Series([pd.Timestamp(start)]), unit).iloc[0]
    last = period_start(pd.Series([pd.Timestamp(end) - pd.Timedelta(days=1)]), unit).iloc[0]
    step = {"day": pd.Timedelta(days=1), "week": pd.Timedelta(days=7)}.get(unit, pd.DateOffset(months=1))
    return first, last + step


def time_unit(start, end) -> str:
    """The counting unit for a span: day up to ~6 weeks, week up to ~6½ months, else month.

    Chosen so a chart has between roughly 6 and 45 bars: three monthly points say
    nothing, 150 daily bars are noise."""
    days = (pd.Timestamp(end) - pd.Timestamp(start)).days
    if days <= 45:
        return "day"
    if days <= 200:
        return "week"
    return "month"


def period_start(dates: pd.Series, unit: str) -> pd.Series:
    """Each date's period start (weeks start on Monday, as ISO weeks and DuckDB do)."""
    d = pd.to_datetime(dates)
    if unit == "day":
        return d.dt.normalize()
    if unit == "week":
        return (d - pd.to_timedelta(d.dt.weekday, unit="D")).dt.normalize()
    return d.dt.to_period("M").dt.start_time


def bar_width_ms(unit: str) -> float:
    """A bar's width on a date axis: most of its unit.  Plotly sizes bars by the gap to the
    next one, so a single bar (one event) was drawn a millisecond wide, as if not there."""
    return 0.85 * {"day": 1, "week": 7}.get(unit, 30) * DAY_MS


def period_ms(unit: str) -> float | str:
    """Plotly's ``xperiod`` for a unit (bars then span their whole period)."""
    return {"day": DAY_MS, "week": 7 * DAY_MS}.get(unit, "M1")


def ticks(start, end, unit: str) -> dict:
    """``tick0``/``dtick``/``tickformat`` with at most ``MAX_TICKS`` distinct labels.

    Ticks step by whole units (days, weeks from a Monday, months, years), and the label
    format names that unit, so two ticks never read the same ("Feb 2019 Feb 2019")."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    days = max(1, (end - start).days)
    if unit == "day":
        step = max(1, math.ceil(days / MAX_TICKS))
        return {"tick0": start.normalize(), "dtick": step * DAY_MS, "tickformat": "%d %b" if days < 360 else "%d %b %Y"}
    if unit == "week":
        step = max(1, math.ceil(days / 7 / MAX_TICKS))
        monday = (start - pd.Timedelta(days=start.weekday())).normalize()
        return {"tick0": monday, "dtick": step * 7 * DAY_MS, "tickformat": "%d %b" if days < 360 else "%d %b %Y"}
    months = max(1, (end.year - start.year) * 12 + end.month - start.month)
    if months > 5 * MAX_TICKS:
        years = max(1, math.ceil(months / 12 / MAX_TICKS))
        return {"tick0": pd.Timestamp(year=start.year, month=1, day=1), "dtick": f"M{12 * years}", "tickformat": "%Y"}
    step = max(1, math.ceil(months / MAX_TICKS))
    return {"tick0": pd.Timestamp(year=start.year, month=start.month, day=1), "dtick": f"M{step}", "tickformat": "%b %Y"}


def date_axis(fig: go.Figure, start, end, unit: str) -> None:
    """A date x axis opening on [start, end] with non-repeating ticks for ``unit``."""
    fig.update_xaxes(type="date", range=[pd.Timestamp(start), pd.Timestamp(end)], **ticks(start, end, unit))


def span_of(periods: pd.Series, unit: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The span of some period starts, padded by one unit on each side."""
    p = pd.to_datetime(periods)
    pad = {"day": pd.Timedelta(days=1), "week": pd.Timedelta(days=7)}.get(unit, pd.DateOffset(months=1))
    return p.min() - pad, p.max() + pad


def per_hundred(counts: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """``counts`` (period, …, n) with n per 100 articles published in that period
    (``articles``: period, n_articles); periods without articles are dropped."""
    if counts.empty:
        return counts
    a = articles.assign(period=pd.to_datetime(articles["period"]))[["period", "n_articles"]]
    merged = counts.assign(period=pd.to_datetime(counts["period"])).merge(a, on="period", how="inner")
    merged["n"] = 100 * merged["n"] / merged["n_articles"]
    return merged.drop(columns="n_articles")


def counts_figure(counts: pd.DataFrame, articles: pd.DataFrame | None, title: str, per_hundred_title: str, layout: dict) -> tuple[pd.DataFrame, go.Figure]:
    """The counts of a chart over time (per 100 articles published in each period when
    ``articles`` are given) and the empty figure they are drawn on."""
    if articles is not None:
        counts = per_hundred(counts, articles)
        title += per_hundred_title
    return counts, go.Figure(layout=dict(title=title, **layout))


def finish_counts_figure(fig: go.Figure, counts: pd.DataFrame, unit: str, period: tuple | None, per_hundred: bool, what: str, **yaxis) -> go.Figure:
    """The y axis says what is counted (whole numbers unless per 100 articles); the date
    axis opens on ``period`` (else the data's span)."""
    if not per_hundred and not counts.empty:
        top = counts.groupby("period")["n"].sum().max() if fig.layout.barmode == "stack" else counts["n"].max()
        yaxis = {**count_axis(float(top)), **yaxis}
    fig.update_yaxes(title_text="per 100 articles" if per_hundred else what, **yaxis)
    start, end = period or span_of(counts["period"], unit)
    date_axis(fig, start, end, unit)
    return fig
