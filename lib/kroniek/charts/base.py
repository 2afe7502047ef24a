"""What every figure builder shares: escaping, palettes, the empty figure.

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


