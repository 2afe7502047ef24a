"""Actors: mention counts by type, mentions over time, co-occurrence, map, profiles."""

import html

import pandas as pd
import streamlit as st

from kroniek import app, charts

corpus, q, filters = app.view(__file__)

st.title("Actors")
top_col, kind_col = st.columns([3, 2])
top = top_col.slider("Actors shown", 5, 60, 20, key="actors_top")
indirect = kind_col.toggle(
    "Also count adjectives, capitals and roles", key="actors_indirect",
    help="By default an actor is counted where it is named (a name or an alias). On: also 'Nederlandse' for the "
    "Netherlands, 'Den Haag wil' for its government and 'de Russische president' for him, stacked and hatched.",
)
event = st.plotly_chart(
    charts.actor_kind_bar(q.top_actors_by_kind(top, indirect), indirect), key="actors_bar", on_select="rerun", selection_mode="points"
)
picked = app.picked(event)
if picked:
    app.show_sources(q, q.sentence_keys_for_actors(picked), "Sentences naming the selected actor")

published = app.published_period(q)
unit = charts.time_unit(*published) if published else "month"
per_100 = app.per_hundred_toggle("actors_per100")
event = st.plotly_chart(
    charts.mentions_over_time(
        q.mentions_by_period(unit=unit),
        unit,
        charts.unit_span(*published, unit) if published else None,
        q.articles_by_period(unit) if per_100 else None,
        title=f"Mentions over time (per {unit})",
    ),
    key="actors_time",
    on_select="rerun",
    selection_mode="points",
)
for actor_id, start in app.picked(event, None)[:3]:
    app.show_sources(q, q.actor_sentences_in_period(actor_id, unit, start), f"Sentences naming {q.actor_name(actor_id)}, {unit} of {start}")

n1, n2 = st.columns(2)
n_nodes = n1.slider("Actors in the network", 5, 40, 25, key="net_top")
min_shared = n2.slider("Pairs named together in at least … sentences", 1, 20, 2, key="net_min")
nodes, edges = q.cooccurrence(n_nodes)
event = st.plotly_chart(charts.cooccurrence_network(nodes, edges, min_shared), key="actors_network", on_select="rerun", selection_mode="points")
picked = app.picked(event)
if picked:
    others = charts.linked_actors(edges, picked[0], min_shared)
    if others:
        app.show_sources(q, q.shared_sentences(picked[0], others), f"Sentences naming {q.actor_name(picked[0])} with a linked actor")
    else:
        app.show_sources(q, q.sentence_keys_for_actors([picked[0]]), f"Sentences naming {q.actor_name(picked[0])} (no pair above the threshold)")

countries = q.country_counts()
region, share = charts.map_region(countries)
regions = list(dict.fromkeys([region, "world"]))
left, right = st.columns([3, 2])
with left:
    shown_region = st.radio("Map", regions, horizontal=True, key="actors_map_region", format_func=str.capitalize) if len(regions) > 1 else region
    event = st.plotly_chart(
        charts.country_map(countries, region=shown_region), key="actors_map", config=app.PLOTLY_CONFIG, on_select="rerun", selection_mode="points"
    )
    if shown_region != "world":
        st.caption(
            f"{shown_region.capitalize()} holds {share:.0%} of the mentions of countries and their people"
            + ("; choose World for the rest." if share < 1 else ".")
        )
with right:
    st.markdown("**Most mentioned countries** (with their people; select one for its sentences)")
    top_countries = countries.sort_values(["n", "country"], ascending=[False, True]).head(15)
    # a country no actor of the corpus names (Ireland, as Ryanair's country) by its own name, not its code
    named = [n if n != c else charts.country_name(c) for n, c in zip(top_countries["country_name"], top_countries["country"])]
    rows = app.table(pd.DataFrame({"country": named, "mentions": top_countries["n"].tolist()}), key="actors_countries", height=460)
chosen_countries = [c for _n, _names, c in app.picked(event, None)] + [top_countries.iloc[i]["country"] for i in rows]
for country in list(dict.fromkeys(chosen_countries))[:3]:
    app.show_sources(q, q.country_sentences(country), f"Sentences naming {q.actor_name(country)} or its people")

st.subheader("Actor profile")
choices = q.top_actors(500)
if choices.empty:
    st.info("No actors for the current filters.")
else:
    names = dict(zip(choices["actor_id"], choices["actor"]))
    chosen = st.selectbox("Actor", list(names), format_func=names.get, key="actor_profile")
    row = choices[choices["actor_id"] == chosen].iloc[0]
    c = st.columns(4)
    c[0].metric("Mentions", charts.number_text(int(row["n_mentions"])))
    c[1].metric("Articles", charts.number_text(int(row["n_articles"])))
    c[2].metric("Type", row["actor_type"])
    c[3].metric("Country", row["country"] or "–")
    via = q.via_counts(chosen)
    st.html(
        f"<p><b>Role:</b> {html.escape(str(row['role'] or '–'))}<br>"
        f"<b>Named as:</b> {html.escape(', '.join(str(row['aliases']).split('|')))}<br>"
        f"<b>Found via:</b> {html.escape(', '.join(f'{v} ({n})' for v, n in via))}</p>"
    )
    app.show_sources(q, q.sentence_keys_for_actors([chosen]), f"Sentences naming {names[chosen]}", limit=10)

st.subheader("Correct an actor")
st.caption(
    "Merge an actor into another, change its type, or mark it as not an actor. Counts, charts and "
    "downloads change at once (the stored mentions are resolved again; nothing is re-read). "
    "Corrections go to your alias file (KRONIEK_ALIASES) when one is configured, else they stay in this browser session."
)


def _apply_correction() -> None:
    """Button callback (runs before the rerun, so the whole app sees the correction)."""
    state = st.session_state
    subject, action = state["fix_actor"], state["fix_action"]
    target = {"merge": state.get("fix_into") or "", "type": state.get("fix_type", ""), "exclude": ""}[action]
    if action == "merge" and not target:
        state["fix_message"] = ("warning", "Choose the actor to merge into.")
        return
    if action == "merge" and target == subject:
        state["fix_message"] = ("warning", "An actor cannot be merged into itself.")
        return
    where = app.add_correction(app.Correction(action, subject, target, note=names.get(subject, "")))
    state["fix_message"] = ("success", f"Saved to {where}.")


if not choices.empty:
    cols = st.columns([3, 2, 3])
    cols[0].selectbox("Actor", list(names), format_func=lambda a: f"{names[a]} ({a})", key="fix_actor")
    action = cols[1].radio("Correction", ["merge", "type", "exclude"], key="fix_action",
                           format_func={"merge": "Merge into another actor", "type": "Change type", "exclude": "Not an actor"}.get)
    if action == "merge":
        # another actor than the one corrected: the form never opens on merging an actor into itself
        cols[2].selectbox(
            "Merge into", [a for a in names if a != st.session_state.get("fix_actor")], format_func=lambda a: f"{names[a]} ({a})", key="fix_into",
            index=None, placeholder="Choose the actor to merge into",
        )
    elif action == "type":
        cols[2].selectbox("New type", list(app.ACTOR_TYPES), key="fix_type")
    st.button("Apply correction", key="fix_apply", on_click=_apply_correction)
if "fix_message" in st.session_state:
    kind, message = st.session_state.pop("fix_message")
    getattr(st, kind)(message)
fixes = app.current_corrections()
for k, fix in enumerate(fixes):
    left, right = st.columns([5, 1])
    left.write(fix.describe(names))
    if app.can_undo(fix):
        right.button("Undo", key=f"undo_{k}", on_click=app.undo_correction, args=(fix,))

st.subheader("Tables")
app.table(q.rows("actors", app.TABLE_ROWS), key="actors_table", total=q.count("actors"))
app.download(q, "actors", key="dl_actors")
app.table(q.rows("mentions", app.TABLE_ROWS), key="mentions_table", total=q.count("mentions"))
app.download(q, "mentions", key="dl_mentions")
