"""Money: distinct figures over time on a log axis, the largest per context and actor, the table."""

import pandas as pd
import streamlit as st

from kroniek import app, charts

corpus, q, filters = app.view(__file__)
LIMIT = 500  # distinct figures drawn and listed (the largest); the download holds every figure

st.title("Money")
c1, c2, c3 = st.columns(3)
chosen_cur = c1.multiselect("Currency", q.distinct("money", "currency"), key="money_currency")
chosen_ctx = c2.multiselect("Context", q.distinct("money", "context"), key="money_context")
chosen_actor = c3.multiselect("Actor in the sentence", q.money_actor_names(), key="money_actor")
occurrences = q.money_view(chosen_cur, chosen_ctx, chosen_actor)

# One currency in view: its figures as written.  Several: every figure converted to euro,
# or one currency's figures as written.
written = q.distinct("money", "currency")
units = ([written[0]] if len(written) == 1 else []) + ["EUR"] + [c for c in written if c != "EUR" and len(written) > 1]
unit = st.radio(
    "Amounts in",
    list(dict.fromkeys(units)),
    horizontal=True,
    key="money_unit",
    format_func=lambda u: "EUR (every figure, converted)" if u == "EUR" and written != ["EUR"] else f"{u} (as written)",
)
in_words = "euro, converted" if unit == "EUR" and written != ["EUR"] else f"{unit}, as written"
figures, distinct = q.distinct_figures(unit, LIMIT)
published = app.published_period(q)
time_unit = charts.time_unit(*published) if published else "week"
st.caption(
    f"{charts.count_text(occurrences, 'figure')} in the text, {charts.number_text(distinct)} distinct (same amount, currency and context): "
    "each distinct figure is drawn once, larger when reported more often; a range is an orange bar from its low to its high."
    + (f" The chart shows the {charts.number_text(LIMIT)} largest." if distinct > LIMIT else "")
)
event = st.plotly_chart(
    charts.money_over_time(figures, time_unit, published, currency=unit, title=f"Amounts over time ({in_words}; log scale; each distinct figure once)"),
    key="money_chart",
    on_select="rerun",
    selection_mode="points",
)
points = app.picked(event, None)
if points:
    app.show_sources(q, list(dict.fromkeys((p[0], int(p[1])) for p in points)), "First report of the selected figures")

left, right = st.columns(2)
for column, by, title, key in (
    (left, "context", "Largest figure per context", "money_ctx"),
    (right, "actor", "Largest figure per actor", "money_actor_chart"),
):
    with column:
        event = st.plotly_chart(
            charts.largest_figures(q.largest_figures(by, unit), f"{title} ({in_words})", currency=unit), key=key, on_select="rerun", selection_mode="points"
        )
        for low, high, currency, context in app.picked(event, None)[:3]:
            app.show_sources(q, q.figure_sentences(unit, low, high, currency, context), "Every report of the selected figure")
st.caption(
    "Hover a bar for how many distinct figures the context or actor has and their sum, each figure counted once. "
    "A figure is an actor's when the actor is the subject of its sentence, owns it (“zijn begroting”) or is its van-phrase "
    "(“de schuld van Griekenland”); where the sentence says no such thing, every actor it names is shown, paler."
)

st.subheader("Distinct figures")
if figures.empty:
    st.info("No money figures for the current filters.")
else:
    shown = pd.DataFrame(
        {
            "amount": charts.figure_labels(figures, unit),
            "written as": figures["text"],
            "context": figures["context"],
            "times reported": figures["n"],
            "articles": figures["n_articles"],
            "first reported": pd.to_datetime(figures["first_reported"]).dt.strftime("%Y-%m-%d"),
        }
    )
    if figures["currency_inferred"].fillna(False).astype(bool).any():
        shown.insert(2, "currency inferred", figures["currency_inferred"].fillna(False).astype(bool))
    rows = app.table(shown, key="money_table", total=distinct)
    for i in rows[:5]:
        f = figures.iloc[i]
        app.show_sources(q, q.figure_sentences(unit, float(f["low"]), float(f["high"]), f["currency"], f["context"]), f"Every report of “{f['text']}”")
app.download(q, "money", key="dl_money")
