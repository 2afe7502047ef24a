"""Charts: figure builders, a DataFrame in, a Plotly Figure out, one module per view (and the
article reader's HTML, the same kind of pure view of rows).

Every builder is a pure function of its inputs (no Streamlit, no filtering), so tests
can assert traces and values directly.  Points carry ``customdata`` with the keys a
page needs to show the source sentence: ``[article_id, sentence_id, ...]``, an actor id
or a happening id.
"""

from kroniek.charts.actors import (
    actor_bar,
    actor_kind_bar,
    cooccurrence_network,
    country_map,
    country_name,
    drawn_pairs,
    linked_actors,
    map_region,
    mentions_over_time,
    network_layout,
    place_labels,
)
from kroniek.charts.base import (
    ACTOR_TYPE_COLOURS,
    EVENT_PALETTE,
    LAYOUT,
    SERIES_PALETTE,
    count_text,
    event_colours,
    number_text,
    quad_class_of,
    safe,
)
from kroniek.charts.chronicle import LANES, PAGE_ROWS, chronicle, date_text, events_over_time, lane_of, timeline
from kroniek.charts.money import (
    amount_label,
    amount_range,
    amount_ticks,
    figure_labels,
    figure_text,
    largest_figures,
    money_by_currency,
    money_over_time,
    rounded,
)
from kroniek.charts.reader import Mark, highlight_html, marks_from_tables
from kroniek.charts.timeaxis import UNITS, corpus_period, date_axis, per_hundred, period_start, published_span, ticks, time_unit, unit_span

__all__ = [
    "ACTOR_TYPE_COLOURS", "EVENT_PALETTE", "LAYOUT", "LANES", "Mark", "PAGE_ROWS", "SERIES_PALETTE", "UNITS", "actor_bar", "actor_kind_bar",
    "amount_label", "amount_range", "amount_ticks", "chronicle", "cooccurrence_network", "corpus_period", "count_text",
    "country_map", "country_name", "date_axis", "date_text", "drawn_pairs", "event_colours", "events_over_time", "figure_labels",
    "figure_text", "highlight_html", "lane_of", "largest_figures", "linked_actors", "map_region", "marks_from_tables",
    "mentions_over_time", "money_by_currency", "money_over_time", "network_layout", "number_text", "per_hundred",
    "period_start", "place_labels", "published_span", "quad_class_of", "rounded", "safe", "ticks", "time_unit", "timeline", "unit_span",
]
