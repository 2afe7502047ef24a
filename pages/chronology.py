"""Chronology: events and time expressions as interval bars on a timeline."""

import pandas as pd
import streamlit as st

from kroniek import charts, ui

corpus, view, filters = ui.view()
events, timexes = view["events"], view["timexes"]

st.title("Chronology")
what = st.radio("Show", ["Events", "Time expressions"], horizontal=True, key="chrono_what")
if what == "Events":
    types = sorted(events["event_type"].dropna().unique())
    chosen = st.multiselect("Event type", types, key="chrono_types")
    data = events[events["event_type"].isin(chosen)] if chosen else events
    fig = charts.timeline(
        data.assign(label=data["trigger"] + " — " + data["source_actor"].fillna("") + " → " + data["target_actor"].fillna("")),
        label="label",
        colour="event_type",
        hover=["trigger", "source_actor", "target_actor", "time_text", "begin_date", "end_date", "money_text", "sentence"],
        title="Events (bar width = how precisely the date is known)",
    )
else:
    data = timexes.dropna(subset=["begin_date"])
    fig = charts.timeline(
        data,
        label="text",
        colour="granularity",
        hover=["text", "value", "begin_date", "end_date", "anchor"],
        title="Time expressions, resolved against the article date",
    )
event = st.plotly_chart(fig, key="chrono_chart", on_select="rerun", selection_mode="points")
points = [p["customdata"] for p in ui.selected_points(event) if p.get("customdata")]
if points:
    ui.show_sources(corpus, list(dict.fromkeys((p[0], int(p[1])) for p in points)), "Selected items")

st.subheader("Events")
rows = ui.table(events, key="events_table")
if rows:
    sel = events.iloc[rows]
    ui.show_sources(corpus, list(dict.fromkeys(zip(sel["article_id"], sel["sentence_id"]))), "Selected events")
ui.download(events, "events", key="dl_events")
st.subheader("Time expressions")
st.caption("Durations and sets have no interval and are not placed on the timeline.")
ui.table(timexes, key="timexes_table")
ui.download(timexes, "timexes", key="dl_timexes")
