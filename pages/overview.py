"""Overview: corpus size, date range, top actors, money by currency, events over time."""

import streamlit as st

from kroniek import charts, ui

corpus, view, filters = ui.view()
articles = view["articles"]

st.title("Kroniek")
st.caption(
    f"Corpus: {', '.join(corpus.paths)}"
    + (f" + {len(corpus.uploaded)} uploaded" if corpus.uploaded else "")
    + f" · pipeline: {corpus.pipeline_key}"
)

lo, hi = ui.date_limits(corpus)
cols = st.columns(6)
cols[0].metric("Articles", f"{len(articles):,}")
cols[1].metric("Words", f"{int(articles['n_words'].sum()):,}")
cols[2].metric("Actors", f"{len(view['actors']):,}")
cols[3].metric("Money figures", f"{len(view['money']):,}")
cols[4].metric("Time expressions", f"{len(view['timexes']):,}")
cols[5].metric("Events", f"{len(view['events']):,}")
dates = articles["date"].dropna()
dates = dates[dates != ""]
st.markdown(f"**Dates:** {dates.min() if len(dates) else '–'} to {dates.max() if len(dates) else '–'}")
if corpus.problems:
    st.warning(f"{sum(p.skipped for p in corpus.problems)} input(s) skipped — see About & quality.")

left, right = st.columns([3, 2])
with left:
    event = st.plotly_chart(charts.actor_bar(view["actors"], top=12), key="ov_actors", on_select="rerun", selection_mode="points")
    picked = [p["customdata"][0] for p in ui.selected_points(event) if p.get("customdata")]
    if picked:
        m = view["mentions"][view["mentions"]["actor_id"].isin(picked)]
        ui.show_sources(corpus, list(dict.fromkeys(zip(m["article_id"], m["sentence_id"]))), "Sentences naming the selected actor")
with right:
    st.plotly_chart(charts.money_by_currency(view["money"]), key="ov_money")

st.plotly_chart(charts.events_over_time(view["events"]), key="ov_events")
ui.download_all(view, key="dl_all_overview")
