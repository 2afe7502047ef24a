"""Sources and tables: the sentences behind a chart selection, the tables with row
selection, and the small parts every page shares (the corpus period, the per-100 toggle)."""

from __future__ import annotations

import html
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from kroniek.charts import corpus_period as period_of
from kroniek.query import Query

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


def show_sources(q: Query, keys: list[tuple[str, int]], heading: str = "Source sentences", limit: int = 25) -> None:
    """The sentences behind a selection, escaped, each with a link into the reader."""
    if not keys:
        return
    rows = pd.DataFrame(keys[:limit], columns=["article_id", "sentence_id"])
    titles = q.titles(sorted(set(rows["article_id"])))
    rows = q.with_sentences(rows).merge(titles, on="article_id", how="left")
    parts = [f"<p><b>{html.escape(heading)}</b> ({len(keys)})</p>"]
    for r in rows.itertuples(index=False):
        # st.html, not st.markdown: article text is escaped and never read as Markdown
        parts.append(
            f'<blockquote style="margin:0.4em 0;border-left:3px solid #ccc;padding-left:0.8em">{html.escape(str(r.sentence))}</blockquote>'
            f"<small>{html.escape(str(r.date or ''))} · {html.escape(str(r.title or r.article_id))} · "
            f'<a href="{html.escape(article_link(r.article_id, int(r.sentence_id)))}" target="_self">open in reader</a></small>'
        )
    if len(keys) > limit:
        parts.append(f"<p><small>and {len(keys) - limit} more</small></p>")
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


def table(df: pd.DataFrame, key: str, total: int | None = None, height: int = 360) -> list[int]:
    """A dataframe with row selection; returns the selected row positions."""
    if total is not None and total > len(df):
        st.caption(f"Showing the first {len(df):,} of {total:,} rows; the download holds all of them.")
    event = st.dataframe(df, key=key, on_select="rerun", selection_mode="multi-row", hide_index=True, height=height, width="stretch")
    try:
        return list(event.selection.rows)
    except AttributeError:
        return []


def corpus_period(q: Query):
    """The corpus period of the filtered articles (first date − 1 month … last + 2
    months) that every date axis opens on; None when no article has a date."""
    return period_of(*q.article_dates())


def per_hundred_toggle(key: str) -> bool:
    return st.toggle(
        "Per 100 articles",
        key=key,
        help="Counts divided by the articles published in each period, since the corpus volume varies from week to week.",
    )
