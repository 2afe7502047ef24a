"""Sidebar and filters: the global filter widgets, their round trip through the URL, and the
one :class:`~kroniek.query.Filters` value they make."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from kroniek.app.corpus import Corpus
from kroniek.data.schema import ACTOR_TYPES
from kroniek.query import CorpusData, Filters

# URL parameter -> the session-state key of its widget
WIDGETS = {"from": "f_from", "to": "f_to", "type": "f_types", "actor": "f_actors", "source": "f_sources", "q": "f_q", "via": "f_via"}
VIA_LABELS = {
    "ner": "named entity",
    "context": "named entity, typed by a noun beside it (Fastned, de keten)",
    "gazetteer": "gazetteer",
    "alias": "alias (same name in the article, alias file)",
    "metonymy": "metonymy (Moskou → Rusland)",
    "adjective": "adjective (Russische → Rusland)",
    "coref": "coreference (de Russische president)",
}
EARLIEST, LATEST = dt.date(1800, 1, 1), dt.date(2200, 12, 31)


@st.cache_resource(max_entries=16, show_spinner=False)
def _facets(_data: CorpusData, key: str) -> dict:
    """Date limits, actor and source choices for the sidebar (once per corpus)."""
    return _data.facets()


def facets(corpus: Corpus) -> dict:
    return _facets(corpus.data, corpus.pipeline_key + str(id(corpus.data)))


def date_limits(corpus: Corpus) -> tuple[dt.date, dt.date]:
    f = facets(corpus)
    return f["lo"], f["hi"]


def _init_widgets_from_url(corpus: Corpus) -> None:
    """On a session's first run, the URL's filters become the widgets' values."""
    if st.session_state.get("_filters_initialised"):
        return
    st.session_state["_filters_initialised"] = True
    f = Filters.from_query_params(st.query_params)
    lo, hi = date_limits(corpus)
    st.session_state[WIDGETS["from"]] = f.date_from or lo
    st.session_state[WIDGETS["to"]] = f.date_to or hi
    st.session_state[WIDGETS["type"]] = list(f.actor_types)
    st.session_state[WIDGETS["actor"]] = list(f.actors)
    st.session_state[WIDGETS["source"]] = list(f.sources)
    st.session_state[WIDGETS["q"]] = f.query
    st.session_state[WIDGETS["via"]] = list(f.via)


def _follow_date_limits(lo: dt.date, hi: dt.date) -> None:
    """When the corpus grew (an upload), an untouched date bound follows the new limits."""
    previous = st.session_state.get("_date_limits")
    if previous and previous != (lo, hi):
        if st.session_state.get(WIDGETS["from"]) == previous[0]:
            st.session_state[WIDGETS["from"]] = lo
        if st.session_state.get(WIDGETS["to"]) == previous[1]:
            st.session_state[WIDGETS["to"]] = hi
    st.session_state["_date_limits"] = (lo, hi)


def _with_chosen(choices: list, key: str) -> list:
    """The choices plus any value the widget holds that they lack (from the URL)."""
    return choices + [v for v in st.session_state.get(key, []) if v not in choices]


def sidebar_filters(corpus: Corpus) -> Filters:
    """The global filters; their values are mirrored into the URL on every run."""
    _init_widgets_from_url(corpus)
    fac = facets(corpus)
    lo, hi = fac["lo"], fac["hi"]
    _follow_date_limits(lo, hi)
    sb = st.sidebar
    sb.header("Filters")
    date_from = sb.date_input("Published from", key=WIDGETS["from"], min_value=EARLIEST, max_value=LATEST, format="YYYY-MM-DD")
    date_to = sb.date_input("Published until", key=WIDGETS["to"], min_value=EARLIEST, max_value=LATEST, format="YYYY-MM-DD")
    types = sb.multiselect("Actor type", list(ACTOR_TYPES), key=WIDGETS["type"])
    names = dict(fac["actors"])
    for a in st.session_state.get(WIDGETS["actor"], []):
        names.setdefault(a, a)
    actors = sb.multiselect("Actors", list(names), format_func=lambda a: names.get(a, a), key=WIDGETS["actor"])
    sources = sb.multiselect("Source", _with_chosen(list(fac["sources"]), WIDGETS["source"]), key=WIDGETS["source"])
    query = sb.text_input("Search text", key=WIDGETS["q"], placeholder="word in title or text")
    via = sb.multiselect(
        "Count mentions found via",
        list(VIA_LABELS),
        format_func=VIA_LABELS.get,
        key=WIDGETS["via"],
        help="Empty = all. Leave out metonymy or adjective to count only direct names.",
    )
    with sb.expander("How filters apply"):
        st.caption(
            "Dates, sources and search select articles; actor types and 'found via' select mentions; "
            "actors select their mentions and the money, time expressions and events of the sentences that name them."
        )
    filters = Filters(
        date_from=date_from if date_from and date_from != lo else None,
        date_to=date_to if date_to and date_to != hi else None,
        actor_types=tuple(types),
        actors=tuple(actors),
        sources=tuple(sources),
        query=query.strip(),
        via=tuple(via),
    )
    _mirror_in_url(filters)
    return filters


def _mirror_in_url(filters: Filters) -> None:
    """The URL holds the filters (other parameters, such as the shared view's, are kept)."""
    wanted = filters.to_query_params()
    current = {k: (st.query_params.get_all(k) if isinstance(wanted.get(k), list) else st.query_params.get(k)) for k in st.query_params}
    keep_extra = {k: st.query_params.get_all(k) for k in st.query_params if k not in WIDGETS}
    if {k: v for k, v in current.items() if k in WIDGETS} != wanted:
        st.query_params.from_dict({**keep_extra, **wanted})
