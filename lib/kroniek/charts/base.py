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
from babel.numbers import format_decimal

from kroniek.data import read_yaml

ACTOR_TYPE_COLOURS = {
    "person": "#4C78A8",
    "organisation": "#F58518",
    "country": "#54A24B",
    "place": "#B279A2",
    "group": "#9D755D",
}
# Series that are not event types (actors' lines, money contexts): ten colours no two of
# which are alike (Vega's Tableau 10); a figure draws at most ten series.
SERIES_PALETTE = ["#4C78A8", "#F58518", "#E45756", "#72B7B2", "#54A24B", "#EECA3B", "#B279A2", "#FF9DA6", "#9D755D", "#BAB0AC"]
EVENT_PALETTE = SERIES_PALETTE
# CAMEO's quad classes (root codes 01-05, 06-09, 10-14, 15-20): cooperation in blues and
# greens, conflict in oranges and reds, so a chart of event types reads at a glance; the
# shades within a class step through lightness and hue so that no two types look alike.
QUAD_CLASS_COLOURS = {
    "verbal cooperation": ["#9ecae1", "#4292c6", "#08306b", "#17becf", "#807dba"],
    "material cooperation": ["#a1d99b", "#31a354", "#00441b", "#9a9a1f"],
    "verbal conflict": ["#ffd92f", "#fdae6b", "#f16913", "#8c510a", "#5e4612"],
    "material conflict": ["#fc9272", "#de2d26", "#99000d", "#e7298a", "#ae017e", "#49006a"],
}
NO_CLASS_COLOUR = "#9a9a9a"
LAYOUT = dict(template="plotly_white", margin=dict(l=10, r=10, t=50, b=10), font=dict(size=13))


def number_text(value: float | int | None, digits: int = 0) -> str:
    """A number as the whole interface writes it (English: 1,141 and 2.5), Babel's ``en``
    format with at most ``digits`` decimals."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return format_decimal(value, format=f"#,##0.{'#' * digits}" if digits else "#,##0", locale="en")


def count_axis(top: float) -> dict:
    """Axis settings for a count: from zero, whole-number ticks (a count of 1 is not
    ticked 0.2, 0.4, …), one tick per unit while the counts are small."""
    return {"rangemode": "tozero", "tickformat": ",d", **({"dtick": 1} if top <= 10 else {})}


def count_text(n: int, noun: str, plural: str | None = None) -> str:
    """"1 article", "1,141 articles": a count with its noun in the right number."""
    return f"{number_text(n)} {noun if n == 1 else plural or noun + 's'}"


def quad_class(code: str) -> str:
    """The CAMEO quad class of a root code ("02" -> verbal cooperation), "" for none."""
    try:
        root = int(str(code)[:2])
    except ValueError:
        return ""
    for name, (first, last) in QUAD_CLASS_ROOTS.items():
        if first <= root <= last:
            return name
    return ""


QUAD_CLASS_ROOTS = {"verbal cooperation": (1, 5), "material cooperation": (6, 9), "verbal conflict": (10, 14), "material conflict": (15, 20)}


def event_type_codes() -> dict[str, str]:
    """Event type name -> CAMEO root code, as ``data/events.yaml`` names them."""
    return {str(name): str(code) for code, name in read_yaml("events.yaml")["categories"].items()}


def quad_class_of(event_type: str) -> str:
    """The quad class of an event type by name ("" when the lexicon does not know it)."""
    return quad_class(event_type_codes().get(str(event_type), ""))


def event_colours(types) -> dict[str, str]:
    """A colour per event type: its quad class's family, a distinct shade per root code
    (types the lexicon does not know are grey)."""
    codes = event_type_codes()
    colours: dict[str, str] = {}
    for event_type in types:
        code = codes.get(str(event_type), "")
        family = QUAD_CLASS_COLOURS.get(quad_class(code))
        if not family:
            colours[event_type] = NO_CLASS_COLOUR
            continue
        first = QUAD_CLASS_ROOTS[quad_class(code)][0]
        colours[event_type] = family[(int(code[:2]) - first) % len(family)]
    return colours


def event_order(types) -> list[str]:
    """Event types by CAMEO root code (so a legend reads class by class), unknown last."""
    codes = event_type_codes()
    return sorted(types, key=lambda t: (codes.get(str(t), "99"), str(t)))


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


