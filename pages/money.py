"""Money: the figures table, amounts with ranges on a log axis, totals by context and actor."""

import pandas as pd
import streamlit as st

from kroniek import charts, ui

corpus, view, filters = ui.view()
money = ui.with_sentences(corpus, view["money"])

st.title("Money")
c1, c2, c3 = st.columns(3)
currencies = sorted(money["currency"].dropna().unique())
chosen_cur = c1.multiselect("Currency", currencies, key="money_currency")
contexts = sorted(c for c in money["context"].dropna().unique() if c)
chosen_ctx = c2.multiselect("Context", contexts, key="money_context")
sentence_actors = view["mentions"][["article_id", "sentence_id", "actor"]].drop_duplicates()
actor_names = sorted(sentence_actors["actor"].unique())
chosen_actor = c3.multiselect("Actor in the sentence", actor_names, key="money_actor")
if chosen_cur:
    money = money[money["currency"].isin(chosen_cur)]
if chosen_ctx:
    money = money[money["context"].isin(chosen_ctx)]
if chosen_actor:
    keys = sentence_actors[sentence_actors["actor"].isin(chosen_actor)][["article_id", "sentence_id"]]
    money = money.merge(keys.drop_duplicates(), on=["article_id", "sentence_id"])

units = ["EUR"] + [c for c in currencies if c != "EUR"]
unit = st.radio("Axis", units, horizontal=True, key="money_unit", format_func=lambda u: "EUR (converted)" if u == "EUR" else u)
event = st.plotly_chart(charts.money_intervals(money, unit=unit), key="money_chart", on_select="rerun", selection_mode="points")
points = [p["customdata"] for p in ui.selected_points(event) if p.get("customdata")]
if points:
    ui.show_sources(corpus, list(dict.fromkeys((p[0], int(p[1])) for p in points)), "Selected figures")

with_actor = money.merge(sentence_actors, on=["article_id", "sentence_id"], how="left")
left, right = st.columns(2)
left.plotly_chart(charts.totals_bar(money, "context", "Totals by context (EUR)"), key="money_ctx")
right.plotly_chart(charts.totals_bar(with_actor, "actor", "Totals by actor in the sentence (EUR)"), key="money_actor_chart")

st.subheader("Figures")
shown = money.drop(columns=["sentence"])
rows = ui.table(money, key="money_table")
if rows:
    sel = money.iloc[rows]
    ui.show_sources(corpus, list(dict.fromkeys(zip(sel["article_id"], sel["sentence_id"]))), "Selected rows")
ui.download(shown, "money", key="dl_money")
