"""Money: the figures table, amounts with ranges on a log axis, totals by context and actor."""

import streamlit as st

from kroniek import charts, ui
from kroniek.query import sql_list

corpus, q, filters = ui.view()
LIMIT = 400

st.title("Money")
c1, c2, c3 = st.columns(3)
chosen_cur = c1.multiselect("Currency", q.distinct("money", "currency"), key="money_currency")
chosen_ctx = c2.multiselect("Context", q.distinct("money", "context"), key="money_context")
actor_names = q.df(
    "SELECT DISTINCT m.actor FROM f_mentions m SEMI JOIN f_money x USING (article_id, sentence_id) ORDER BY 1 LIMIT 3000"
)["actor"].tolist()
chosen_actor = c3.multiselect("Actor in the sentence", actor_names, key="money_actor")

where = ["TRUE"]
if chosen_cur:
    where.append(f"currency = ANY({sql_list(chosen_cur)})")
if chosen_ctx:
    where.append(f"context = ANY({sql_list(chosen_ctx)})")
if chosen_actor:
    where.append(f"(article_id, sentence_id) IN (SELECT article_id, sentence_id FROM f_mentions WHERE actor = ANY({sql_list(chosen_actor)}))")
q.con.execute(f"CREATE OR REPLACE TEMP VIEW page_money AS SELECT * FROM f_money WHERE {' AND '.join(where)}")
total = int(q.con.execute("SELECT count(*) FROM page_money").fetchone()[0])

units = ["EUR"] + [c for c in q.distinct("money", "currency") if c != "EUR"]
unit = st.radio("Axis", units, horizontal=True, key="money_unit", format_func=lambda u: "EUR (converted)" if u == "EUR" else u)
amount = "high_eur" if unit == "EUR" else "high"
figures = q.with_sentences(
    q.df(
        f"SELECT * FROM page_money WHERE {'currency = ?' if unit != 'EUR' else 'TRUE'} ORDER BY {amount} DESC NULLS LAST LIMIT {LIMIT}",
        [unit] if unit != "EUR" else [],
    )
)
if total > LIMIT:
    st.caption(f"The chart shows the {LIMIT} largest of {total:,} figures.")
event = st.plotly_chart(charts.money_intervals(figures, unit=unit), key="money_chart", on_select="rerun", selection_mode="points")
points = [p["customdata"] for p in ui.selected_points(event) if p.get("customdata")]
if points:
    ui.show_sources(q, list(dict.fromkeys((p[0], int(p[1])) for p in points)), "Selected figures")

by_context = q.df(
    "SELECT context AS label, sum(low_eur) AS low, sum(high_eur) AS high, count(*) AS n FROM page_money "
    "WHERE high_eur IS NOT NULL AND coalesce(context, '') <> '' GROUP BY 1 ORDER BY high DESC LIMIT 15"
)
by_actor = q.df(
    "SELECT m.actor AS label, sum(x.low_eur) AS low, sum(x.high_eur) AS high, count(*) AS n "
    "FROM page_money x JOIN (SELECT DISTINCT article_id, sentence_id, actor FROM f_mentions) m USING (article_id, sentence_id) "
    "WHERE x.high_eur IS NOT NULL GROUP BY 1 ORDER BY high DESC LIMIT 15"
)
left, right = st.columns(2)
left.plotly_chart(charts.totals_bar(by_context, "Totals by context (EUR)"), key="money_ctx")
right.plotly_chart(charts.totals_bar(by_actor, "Totals by actor in the sentence (EUR)"), key="money_actor_chart")

st.subheader("Figures")
shown = q.df(f"SELECT * FROM page_money LIMIT {ui.TABLE_ROWS}")
rows = ui.table(shown, key="money_table", total=total)
if rows:
    sel = shown.iloc[rows]
    ui.show_sources(q, list(dict.fromkeys(zip(sel["article_id"], sel["sentence_id"]))), "Selected rows")
ui.download(q, "money", key="dl_money")
