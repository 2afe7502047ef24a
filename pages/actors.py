"""Actors: mention counts by type, mentions over time, co-occurrence, map, profiles."""

import html

import streamlit as st

from kroniek import charts, ui

corpus, view, filters = ui.view()
mentions, actors = view["mentions"], view["actors"]

st.title("Actors")
top = st.slider("Actors shown", 5, 60, 20, key="actors_top")
event = st.plotly_chart(charts.actor_bar(actors, top=top), key="actors_bar", on_select="rerun", selection_mode="points")
picked = [p["customdata"][0] for p in ui.selected_points(event) if p.get("customdata")]
if picked:
    m = mentions[mentions["actor_id"].isin(picked)]
    ui.show_sources(corpus, list(dict.fromkeys(zip(m["article_id"], m["sentence_id"]))), "Sentences naming the selected actor")

st.plotly_chart(charts.mentions_over_time(mentions, view["articles"]), key="actors_time")

left, right = st.columns(2)
with left:
    event = st.plotly_chart(charts.cooccurrence_network(mentions), key="actors_network", on_select="rerun", selection_mode="points")
    picked = [p["customdata"][0] for p in ui.selected_points(event) if p.get("customdata")]
    if picked:
        m = mentions[mentions["actor_id"].isin(picked)]
        ui.show_sources(corpus, list(dict.fromkeys(zip(m["article_id"], m["sentence_id"]))), "Sentences naming the selected actor")
with right:
    st.plotly_chart(charts.country_map(mentions), key="actors_map")

st.subheader("Actor profile")
if actors.empty:
    st.info("No actors for the current filters.")
else:
    names = dict(zip(actors["actor_id"], actors["actor"]))
    chosen = st.selectbox("Actor", list(names), format_func=names.get, key="actor_profile")
    row = actors[actors["actor_id"] == chosen].iloc[0]
    c = st.columns(4)
    c[0].metric("Mentions", int(row["n_mentions"]))
    c[1].metric("Articles", int(row["n_articles"]))
    c[2].metric("Type", row["actor_type"])
    c[3].metric("Country", row["country"] or "–")
    st.html(
        f"<p><b>Role:</b> {html.escape(str(row['role'] or '–'))}<br>"
        f"<b>Named as:</b> {html.escape(', '.join(str(row['aliases']).split('|')))}</p>"
    )
    m = mentions[mentions["actor_id"] == chosen]
    st.markdown("**Found via:** " + ", ".join(f"{v} ({n})" for v, n in m["via"].value_counts().items()))
    ui.show_sources(corpus, list(dict.fromkeys(zip(m["article_id"], m["sentence_id"]))), "Sentences", limit=10)

st.subheader("Tables")
ui.table(actors, key="actors_table")
ui.download(actors, "actors", key="dl_actors")
ui.table(mentions, key="mentions_table")
ui.download(mentions, "mentions", key="dl_mentions")
