"""Chronology: events and time expressions as interval bars on a timeline."""

import streamlit as st

from kroniek import charts, ui
from kroniek.query import sql_list

corpus, q, filters = ui.view()
LIMIT = 400

st.title("Chronology")
what = st.radio("Show", ["Events", "Time expressions"], horizontal=True, key="chrono_what")
if what == "Events":
    types = q.distinct("events", "event_type")
    chosen = st.multiselect("Event type", types, key="chrono_types")
    where = f"event_type = ANY({sql_list(chosen)})" if chosen else "TRUE"
    total = int(q.con.execute(f"SELECT count(*) FROM f_events WHERE {where} AND begin_date IS NOT NULL").fetchone()[0])
    data = q.df(f"SELECT * FROM f_events WHERE {where} AND begin_date IS NOT NULL ORDER BY confidence DESC, begin_date DESC LIMIT {LIMIT}")
    data = data.assign(label=data["trigger"] + " — " + data["source_actor"].fillna("") + " → " + data["target_actor"].fillna(""))
    fig = charts.timeline(
        data,
        label="label",
        colour="event_type",
        hover=["trigger", "source_actor", "target_actor", "time_text", "begin_date", "end_date", "money_text", "sentence"],
        title="Events (bar width = how precisely the date is known; paler = wider)",
    )
else:
    total = int(q.con.execute("SELECT count(*) FROM f_timexes WHERE begin_date IS NOT NULL").fetchone()[0])
    data = q.df(f"SELECT * FROM f_timexes WHERE begin_date IS NOT NULL ORDER BY begin_date DESC LIMIT {LIMIT}")
    fig = charts.timeline(
        data,
        label="text",
        colour="granularity",
        hover=["text", "value", "begin_date", "end_date", "anchor"],
        title="Time expressions, resolved against the article date",
    )
if total > LIMIT:
    st.caption(f"The timeline shows {LIMIT} of {total:,} items (events: the most confident first). Narrow the filters to see others.")
event = st.plotly_chart(fig, key="chrono_chart", on_select="rerun", selection_mode="points")
points = [p["customdata"] for p in ui.selected_points(event) if p.get("customdata")]
if points:
    ui.show_sources(q, list(dict.fromkeys((p[0], int(p[1])) for p in points)), "Selected items")

st.subheader("Events")
events = q.rows("events", ui.TABLE_ROWS)
rows = ui.table(events, key="events_table", total=q.count("events"))
if rows:
    sel = events.iloc[rows]
    ui.show_sources(q, list(dict.fromkeys(zip(sel["article_id"], sel["sentence_id"]))), "Selected events")
ui.download(q, "events", key="dl_events")
st.subheader("Time expressions")
st.caption("Durations and sets have no interval and are not placed on the timeline.")
ui.table(q.rows("timexes", ui.TABLE_ROWS), key="timexes_table", total=q.count("timexes"))
ui.download(q, "timexes", key="dl_timexes")
