"""Chronology: a chronicle of happenings on the corpus period, then events and time expressions."""

import math

import streamlit as st

from kroniek import app, charts

corpus, q, filters = app.view(__file__)
LIMIT = 400
SCOPES = {"period": "Corpus period", "background": "Background (dated outside it)", "all": "All dates"}
ORDERS = {"reports": "Most reported first", "date": "By date"}
STORY_FIRST_FROM = 40  # articles: a larger corpus opens on its stories, a small one on its dates

st.title("Chronology")
period = app.corpus_period(q)
what = st.radio("Show", ["Chronicle", "Time expressions"], horizontal=True, key="chrono_what")
if what == "Chronicle":
    c1, c2, c3 = st.columns([2, 2, 3])
    scope = c1.radio("Dates", list(SCOPES), format_func=SCOPES.get, key="chrono_scope", disabled=period is None)
    lanes = c2.radio("Lanes", list(charts.LANES), format_func=charts.LANES.get, horizontal=True, key="chrono_lanes")
    types = tuple(c3.multiselect("Event type", q.distinct("events", "event_type"), key="chrono_types"))
    has_factuality = q.has_factuality()
    every_claim = c3.toggle(
        "Also negated, possible and generic events",
        key="chrono_all_factuality",
        disabled=not has_factuality,
        help="By default the chronicle holds what the articles assert happened." if has_factuality else "These tables do not yet tell asserted from negated events.",
    )
    factuality = None if every_claim or not has_factuality else ("asserted",)
    min_articles = c3.slider(
        "Reported in at least … articles", 1, 10, 1, key="chrono_min_articles", help="The stories the corpus returns to: one happening reported by several articles."
    )
    order = c1.radio(
        "Order",
        list(ORDERS),
        format_func=ORDERS.get,
        index=0 if q.count("articles") > STORY_FIRST_FROM else 1,
        key="chrono_order",
        help="Most reported first: the happenings the most articles report, drawn in date order.",
    )
    if period is None:
        scope = "all"
    _, total = q.chronicle(period, scope, factuality, types, limit=0, min_articles=min_articles)
    pages = max(1, math.ceil(total / charts.PAGE_ROWS))
    if st.session_state.get("chrono_page", 1) > pages:  # fewer rows after a filter change
        st.session_state["chrono_page"] = 1
    if pages > 1:
        page = st.number_input(f"Page (of {charts.number_text(pages)}, {charts.PAGE_ROWS} rows each)", 1, pages, 1, key="chrono_page")
    else:
        page = 1
    rows, total = q.chronicle(
        period, scope, factuality, types, limit=charts.PAGE_ROWS, offset=(int(page) - 1) * charts.PAGE_ROWS, min_articles=min_articles, order=order
    )
    if period is not None:
        _, background = q.chronicle(period, "background", factuality, types, limit=0, min_articles=min_articles)
        st.caption(
            f"{charts.count_text(total, 'happening')} · corpus period {period[0]:%Y-%m-%d} to {period[1]:%Y-%m-%d} (first article − 1 month, last + 2 months)"
            + (f" · {charts.number_text(background)} dated outside it under Background" if scope == "period" and background else "")
            + " · bar width = how precisely the date is known (paler = wider)"
        )
    fig = charts.chronicle(rows, period, lanes, show_all=scope != "period", title=f"Chronicle, rows {(int(page) - 1) * charts.PAGE_ROWS + 1 if total else 0}–{(int(page) - 1) * charts.PAGE_ROWS + len(rows)} of {charts.number_text(total)}")
    event = st.plotly_chart(fig, key="chrono_chart", on_select="rerun", selection_mode="points")
    st.markdown("**This page of the chronicle** — select a row to read every sentence reporting it")
    shown = rows.assign(
        when=[charts.date_text(b, e) for b, e in zip(rows["begin_date"], rows["end_date"])],
        first_reported=rows["first_reported"].dt.strftime("%Y-%m-%d") if not rows.empty else rows["first_reported"],
    )[
        ["when", "label", "actors", "event_type", "n_articles", "first_reported", "happening_id"]
    ].rename(columns={"label": "what", "actors": "who"}) if not rows.empty else rows
    picked_rows = app.table(shown, key="chrono_rows", height=300)
    chosen = app.picked(event)
    chosen += [shown.iloc[i]["happening_id"] for i in picked_rows]
    for hid in list(dict.fromkeys(chosen))[:5]:
        label = rows.loc[rows["happening_id"] == hid, "label"]  # the happening's summary
        app.show_sources(q, q.happening_sentences(hid, factuality), f"Reports of: {label.iloc[0] if len(label) else hid}", limit=100)
    app.download_frame(
        q,
        lambda fresh: fresh.chronicle_table(period, scope, factuality, types, min_articles),
        "kroniek-chronicle.csv",
        key="dl_chronicle",
        label=f"Download the chronicle ({charts.count_text(total, 'row')}: date, what, who, sources) as CSV",
    )
else:
    total = int(q.count("timexes"))
    data = q.dated_timexes(LIMIT)
    fig = charts.timeline(
        data,
        label="text",
        colour="granularity",
        hover=["text", "value", "begin_date", "end_date", "anchor"],
        title="Time expressions, resolved against the article date",
        period=period,
    )
    if total > LIMIT:
        st.caption(f"The timeline shows the {LIMIT} latest of {charts.number_text(total)} time expressions. Narrow the filters to see others.")
    event = st.plotly_chart(fig, key="chrono_chart", on_select="rerun", selection_mode="points")
    points = app.picked(event, None)
    if points:
        app.show_sources(q, list(dict.fromkeys((p[0], int(p[1])) for p in points)), "Selected items")

st.subheader("Events and time expressions")
# the raw tables are large (5,000 rows of sentences each): sent to the browser on request only
if st.toggle("Show the event rows", key="chrono_show_events"):
    events = q.rows("events", app.TABLE_ROWS)
    rows_picked = app.table(events, key="events_table", total=q.count("events"))
    if rows_picked:
        sel = events.iloc[rows_picked]
        app.show_sources(q, list(dict.fromkeys(zip(sel["article_id"], sel["sentence_id"]))), "Selected events")
app.download(q, "events", key="dl_events")
if st.toggle("Show the time expressions", key="chrono_show_timexes", help="Durations and sets have no interval and are not placed on the timeline."):
    app.table(q.rows("timexes", app.TABLE_ROWS), key="timexes_table", total=q.count("timexes"))
app.download(q, "timexes", key="dl_timexes")
