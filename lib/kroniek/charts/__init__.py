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
    drawn_pairs,
    linked_actors,
    mentions_over_time,
    network_layout,
    place_labels,
)
from kroniek.charts.base import ACTOR_TYPE_COLOURS, EVENT_PALETTE, LAYOUT, safe
from kroniek.charts.chronicle import LANES, PAGE_ROWS, chronicle, date_text, events_over_time, lane_of, timeline
from kroniek.charts.money import (
    amount_label,
    amount_ticks,
    dutch_number,
    largest_figures,
    money_by_currency,
    money_intervals,
    money_over_time,
    totals_bar,
)
from kroniek.charts.reader import Mark, highlight_html, marks_from_tables
from kroniek.charts.timeaxis import UNITS, corpus_period, date_axis, per_hundred, period_start, ticks, time_unit

__all__ = [
    "ACTOR_TYPE_COLOURS", "EVENT_PALETTE", "LAYOUT", "LANES", "Mark", "PAGE_ROWS", "UNITS", "actor_bar", "actor_kind_bar", "amount_label",
    "amount_ticks", "chronicle", "cooccurrence_network", "corpus_period", "country_map", "date_axis", "date_text",
    "drawn_pairs", "dutch_number", "events_over_time", "highlight_html", "lane_of", "linked_actors", "marks_from_tables", "largest_figures", "mentions_over_time", "money_by_currency", "money_intervals",
    "money_over_time", "network_layout", "per_hundred", "period_start", "place_labels", "safe", "ticks", "time_unit",
    "timeline", "totals_bar",
]
