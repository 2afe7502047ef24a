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

units = ["EUR"] + [c for c in q.distinct("money", "currency") if c != "EUR"]
unit = st.radio("Amounts in", units, horizontal=True, key="money_unit", format_func=lambda u: "EUR (converted)" if u == "EUR" else f"{u} (as written)")
figures, distinct = q.distinct_figures(unit, LIMIT)
period = app.corpus_period(q)
time_unit = charts.time_unit(*period) if period else "week"
st.caption(
    f"{occurrences:,} figures in the text, {distinct:,} distinct (same amount, currency and context): "
    "each distinct figure is drawn once, larger when reported more often."
    + (f" The chart shows the {LIMIT:,} largest." if distinct > LIMIT else "")
)
event = st.plotly_chart(charts.money_over_time(figures, time_unit, period, currency=unit), key="money_chart", on_select="rerun", selection_mode="points")
points = app.picked(event, None)
if points:
    app.show_sources(q, list(dict.fromkeys((p[0], int(p[1])) for p in points)), "First report of the selected figures")

left, right = st.columns(2)
left.plotly_chart(
    charts.largest_figures(q.largest_figures("context", unit), f"Largest figure per context ({unit})", currency=unit), key="money_ctx"
)
right.plotly_chart(
    charts.largest_figures(q.largest_figures("actor", unit), f"Largest figure per actor in its sentence ({unit})", currency=unit), key="money_actor_chart"
)
st.caption("Hover a bar for how many distinct figures the context or actor has and their sum, each figure counted once.")

st.subheader("Distinct figures")
if figures.empty:
    st.info("No money figures for the current filters.")
else:
    shown = pd.DataFrame(
        {
            "amount": [
                charts.dutch_number(lo) if lo == hi else f"{charts.dutch_number(lo)} – {charts.dutch_number(hi)}" for lo, hi in zip(figures["low"], figures["high"])
            ],
            "in": ["EUR" if unit == "EUR" else unit] * len(figures),
            "written as": figures["text"],
            "currency": figures["currency"],
            "context": figures["context"],
            "times reported": figures["n"],
            "articles": figures["n_articles"],
            "first reported": pd.to_datetime(figures["first_reported"]).dt.strftime("%Y-%m-%d"),
        }
    )
    if figures["currency_inferred"].notna().any():
        shown.insert(4, "currency inferred", figures["currency_inferred"].fillna(False).astype(bool))
    rows = app.table(shown, key="money_table", total=distinct)
    for i in rows[:5]:
        f = figures.iloc[i]
        app.show_sources(q, q.figure_sentences(unit, float(f["low"]), float(f["high"]), f["currency"], f["context"]), f"Every report of {f['text']}")
app.download(q, "money", key="dl_money")
