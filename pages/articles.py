"""Articles: a reader with actors, money and time expressions highlighted."""

import html

import streamlit as st

from kroniek import app, charts

corpus, q, filters = app.view(__file__)

st.title("Articles")
listing = q.article_list(app.TABLE_ROWS)
wanted = st.query_params.get("article")
ids = list(listing["article_id"])
if wanted and wanted not in ids and q.has_article(wanted):
    ids.insert(0, wanted)  # a shared link to an article outside the filters still opens it
if not ids:
    st.info("No articles for the current filters.")
    st.stop()
labels = dict(zip(listing["article_id"], listing["title"].fillna("")))
if "reader_article" not in st.session_state or (wanted and st.session_state.get("_reader_from_url") != wanted):
    st.session_state["reader_article"] = wanted if wanted in ids else ids[0]
    st.session_state["_reader_from_url"] = wanted
if st.session_state["reader_article"] not in ids:
    st.session_state["reader_article"] = ids[0]
chosen = st.selectbox("Article", ids, key="reader_article", format_func=lambda a: f"{a} — {labels.get(a) or ''}"[:120])
if chosen != wanted:
    st.query_params["article"] = chosen
    if "sentence" in st.query_params:
        del st.query_params["sentence"]

meta = q.article(chosen)
st.html(
    f"<h3>{html.escape(str(meta['title'] or chosen))}</h3>"
    f"<small>{html.escape(str(meta['date'] or 'no date'))} ({html.escape(str(meta['date_precision'] or '–'))}) · "
    f"{html.escape(str(meta['source'] or 'no source'))} · {html.escape(str(meta['path']))} · {charts.count_text(int(meta['n_words']), 'word')}</small>"
    '<p><small><span style="background:#dbe9f6">actor</span> '
    '<span style="background:#fde2c4">money</span> <span style="background:#d9f0d3">time</span> — hover for details</small></p>'
)

focus = None
sentence = st.query_params.get("sentence")
if sentence is not None and sentence.isdigit():
    focus = q.sentence_span(chosen, int(sentence))

rows = q.article_rows(chosen)
st.html(charts.highlight_html(corpus.text(chosen), charts.marks_from_tables(rows["mentions"], rows["money"], rows["timexes"]), focus))

with st.expander("This article's rows"):
    for name, df in rows.items():
        st.markdown(f"**{name}**")
        app.plain_table(df, width="stretch")
