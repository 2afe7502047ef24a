"""Overview: corpus size, date range, top actors, money by currency, events over time."""

import streamlit as st

from kroniek import app, charts

corpus, q, filters = app.view(__file__)
summary = q.overview()

st.title("Kroniek")
st.caption(
    f"Corpus: {', '.join(corpus.paths)}"
    + (f" + {charts.count_text(len(corpus.uploaded), 'uploaded article')}" if corpus.uploaded else "")
    + f" · pipeline: {corpus.pipeline_key}"
)

cols = st.columns(6)
cols[0].metric("Articles", charts.number_text(summary["articles"]))
cols[1].metric("Words", charts.number_text(summary["words"]))
cols[2].metric("Actors", charts.number_text(q.count("actors")))
cols[3].metric("Money figures", charts.number_text(q.count("money")))
cols[4].metric("Time expressions", charts.number_text(q.count("timexes")))
cols[5].metric("Events", charts.number_text(q.count("events")))
st.markdown(f"**Dates:** {summary['first'] or '–'} to {summary['last'] or '–'}")
skipped = sum(p.skipped for p in corpus.problems)
if skipped:
    st.warning(f"{charts.count_text(skipped, 'input')} skipped — see About & quality.")

left, right = st.columns([3, 2])
with left:
    event = st.plotly_chart(charts.actor_kind_bar(q.top_actors_by_kind(12)), key="ov_actors", on_select="rerun", selection_mode="points")
    picked = app.picked(event)
    if picked:
        app.show_sources(q, q.sentence_keys_for_actors(picked), "Sentences naming the selected actor")
with right:
    event = st.plotly_chart(charts.money_by_currency(q.money_by_currency()), key="ov_money", on_select="rerun", selection_mode="points")
    picked = app.picked(event)
    if picked:
        app.show_sources(q, q.currency_sentences(picked[0]), f"Figures in {picked[0]}")

period = app.corpus_period(q)
per_100 = app.per_hundred_toggle("ov_per100")
if period is None:
    st.plotly_chart(charts.events_over_time(q.events_by_period()), key="ov_events")
else:
    unit = charts.time_unit(*period)
    asserted = ("asserted",) if q.has_factuality() else None
    counts, outside = q.events_in_window(unit, *period, factuality=asserted)
    articles = q.articles_by_period(unit) if per_100 else None
    title = f"Events over time (per {unit}{', asserted' if asserted else ''})"
    event = st.plotly_chart(
        charts.events_over_time(counts, unit, period, articles, title=title), key="ov_events", on_select="rerun", selection_mode="points"
    )
    for event_type, start in app.picked(event, None)[:3]:
        app.show_sources(q, q.event_sentences(unit, start, event_type, asserted), f"{event_type}, {unit} of {start}")
    if outside:
        st.caption(
            f"{charts.count_text(outside, 'event')} dated outside the corpus period (history, plans years ahead) "
            f"{'is' if outside == 1 else 'are'} not counted here: the Chronology lists them under Background."
        )
app.download_all(q, key="dl_all_overview")
