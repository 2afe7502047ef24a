"""Overview: corpus size, date range, top actors, money by currency, events over time."""

import streamlit as st

from kroniek import app, charts

corpus, q, filters = app.view(__file__)
summary = q.overview()

st.title("Kroniek")
st.caption(
    f"Corpus: {', '.join(corpus.paths)}"
    + (f" + {len(corpus.uploaded)} uploaded" if corpus.uploaded else "")
    + f" · pipeline: {corpus.pipeline_key}"
)

cols = st.columns(6)
cols[0].metric("Articles", f"{summary['articles']:,}")
cols[1].metric("Words", f"{summary['words']:,}")
cols[2].metric("Actors", f"{q.count('actors'):,}")
cols[3].metric("Money figures", f"{q.count('money'):,}")
cols[4].metric("Time expressions", f"{q.count('timexes'):,}")
cols[5].metric("Events", f"{q.count('events'):,}")
st.markdown(f"**Dates:** {summary['first'] or '–'} to {summary['last'] or '–'}")
skipped = sum(p.skipped for p in corpus.problems)
if skipped:
    st.warning(f"{skipped} input(s) skipped — see About & quality.")

left, right = st.columns([3, 2])
with left:
    event = st.plotly_chart(charts.actor_kind_bar(q.top_actors_by_kind(12)), key="ov_actors", on_select="rerun", selection_mode="points")
    picked = app.picked(event)
    if picked:
        app.show_sources(q, q.sentence_keys_for_actors(picked), "Sentences naming the selected actor")
with right:
    st.plotly_chart(charts.money_by_currency(q.money_by_currency()), key="ov_money")

period = app.corpus_period(q)
per_100 = app.per_hundred_toggle("ov_per100")
if period is None:
    st.plotly_chart(charts.events_over_time(q.events_by_period()), key="ov_events")
else:
    unit = charts.time_unit(*period)
    asserted = q.has_factuality()
    counts, outside = q.events_in_window(unit, *period, factuality=("asserted",) if asserted else None)
    articles = q.articles_by_period(unit) if per_100 else None
    title = f"Events over time (per {unit}{', asserted' if asserted else ''})"
    st.plotly_chart(charts.events_over_time(counts, unit, period, articles, title=title), key="ov_events")
    if outside:
        st.caption(f"{outside:,} events dated outside the corpus period (history, plans years ahead) are not counted here: the Chronology lists them under Background.")
app.download_all(q, key="dl_all_overview")
