"""Sources and tables: the sentences behind a chart selection, the tables with row
selection, and the small parts every page shares (the corpus period, the per-100 toggle)."""

from __future__ import annotations

import html
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from kroniek.charts import corpus_period as period_of
from kroniek.charts import count_text, number_text, published_span
from kroniek.query import Query
from kroniek.query.filtered import Sentences

TABLE_ROWS = 1000  # rows sent to a table on screen (every rerun sends them again); downloads hold every filtered row
# Plotly fetches its world outline from a CDN unless told where it is: the app serves
# Plotly's own 110m topojson from static/topojson (Streamlit static serving), so the map
# draws without the internet.  Relative, so it also works under a server base path.
PLOTLY_CONFIG = {"topojsonURL": "app/static/topojson/", "displaylogo": False}


def article_link(article_id: str, sentence_id: int | None = None) -> str:
    params = {"article": article_id}
    if sentence_id is not None:
        params["sentence"] = str(sentence_id)
    return "articles?" + urlencode(params)


def show_sources(q: Query, keys, heading: str = "Source sentences", limit: int = 25) -> None:
    """The sentences behind a selection, escaped, each with a link into the reader.

    ``keys``: a :class:`~kroniek.query.filtered.Sentences` (spread over articles, with the
    selection's size) or a list of (article_id, sentence_id)."""
    if isinstance(keys, Sentences):
        picked_keys, total, n_articles = keys.keys, keys.total, keys.articles
    else:
        picked_keys, total, n_articles = list(keys), len(keys), len({k[0] for k in keys})
    if not picked_keys:
        return
    rows = pd.DataFrame(picked_keys[:limit], columns=["article_id", "sentence_id"])
    titles = q.titles(sorted(set(rows["article_id"])))
    rows = q.with_sentences(rows).merge(titles, on="article_id", how="left")
    size = count_text(total, "sentence") + (f" in {count_text(n_articles, 'article')}" if n_articles > 1 else "")
    parts = [f"<p><b>{html.escape(heading)}</b> — {size}</p>"]
    for r in rows.itertuples(index=False):
        # st.html, not st.markdown: article text is escaped and never read as Markdown
        parts.append(
            f'<blockquote style="margin:0.4em 0;border-left:3px solid #ccc;padding-left:0.8em">{html.escape(str(r.sentence))}</blockquote>'
            f"<small>{html.escape(str(r.date or ''))} · {html.escape(str(r.title or r.article_id))} · "
            f'<a href="{html.escape(article_link(r.article_id, int(r.sentence_id)))}" target="_self">open in reader</a></small>'
        )
    if total > len(rows):
        spread = ", one per article first, earliest article first" if n_articles > 1 else ""
        parts.append(f"<p><small>{number_text(len(rows))} of {count_text(total, 'sentence')} shown{spread}.</small></p>")
    st.html("".join(parts))


def selected_points(event) -> list[dict]:
    try:
        return list(event.selection.points)  # type: ignore[union-attr]
    except AttributeError:
        try:
            return list(event["selection"]["points"])
        except (KeyError, TypeError):
            return []


def picked(event, field: int | None = 0) -> list:
    """The ``customdata`` of the points selected in a chart (its ``field``-th value, or
    all of it when ``field`` is None)."""
    points = [p["customdata"] for p in selected_points(event) if p.get("customdata")]
    return points if field is None else [p[field] for p in points]


def number_formats(df: pd.DataFrame) -> dict:
    """Column formats that write numbers as the rest of the interface does (1,141 and
    2.5): Streamlit writes a table's numbers plain ("21704") unless told."""
    formats = {}
    for name, dtype in df.dtypes.items():
        if pd.api.types.is_bool_dtype(dtype):
            continue
        if pd.api.types.is_integer_dtype(dtype):
            formats[name] = st.column_config.NumberColumn(format="%,d")
        elif pd.api.types.is_float_dtype(dtype):
            formats[name] = st.column_config.NumberColumn(format="%,.2f")
    return formats


def plain_table(df: pd.DataFrame, **kwargs) -> None:
    """A table without row selection, numbers written as everywhere else."""
    st.dataframe(df, hide_index=True, column_config=number_formats(df), **kwargs)


def table(df: pd.DataFrame, key: str, total: int | None = None, height: int = 360) -> list[int]:
    """A dataframe with row selection, no taller than its rows; returns the selected row
    positions."""
    if total is not None and total > len(df):
        st.caption(f"Showing the first {number_text(len(df))} of {number_text(total)} rows; the download holds all of them.")
    rows_px = 35 * (len(df) + 1) + 3  # Streamlit's row height and the header
    event = st.dataframe(
        df, key=key, on_select="rerun", selection_mode="multi-row", hide_index=True, height=min(height, rows_px), width="stretch",
        column_config=number_formats(df),
    )
    try:
        return list(event.selection.rows)
    except AttributeError:
        return []


def corpus_period(q: Query):
    """The corpus period of the filtered articles (first date − 1 month … last + 2
    months) that every date axis opens on; None when no article has a date."""
    return period_of(*q.article_dates())


def published_period(q: Query):
    """The days the filtered articles were published (first to the day after the last):
    the axis of the charts of what articles say on their own date; None without dates."""
    return published_span(*q.article_dates())


def per_hundred_toggle(key: str) -> bool:
    return st.toggle(
        "Per 100 articles",
        key=key,
        help="Counts divided by the articles published in each period, since the corpus volume varies from week to week.",
    )
