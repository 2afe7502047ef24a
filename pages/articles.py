"""Articles: a reader with actors, money and time expressions highlighted."""

import html

import streamlit as st

from kroniek import ui
from kroniek.reader import highlight_html, marks_from_tables

corpus, view, filters = ui.view()
articles = view["articles"]

st.title("Articles")
if articles.empty:
    st.info("No articles for the current filters.")
    st.stop()

ids = list(articles["article_id"])
wanted = st.query_params.get("article")
if wanted and wanted in corpus.texts and wanted not in ids:
    ids.insert(0, wanted)  # a shared link to an article outside the filters still opens it
labels = dict(zip(articles["article_id"], articles["title"].fillna("")))
if "reader_article" not in st.session_state or (wanted and st.session_state.get("_reader_from_url") != wanted):
    st.session_state["reader_article"] = wanted if wanted in ids else ids[0]
    st.session_state["_reader_from_url"] = wanted
chosen = st.selectbox(
    "Article",
    ids,
    key="reader_article",
    format_func=lambda a: f"{a} — {labels.get(a) or ''}"[:120],
)
if chosen != wanted:
    st.query_params["article"] = chosen
    if "sentence" in st.query_params:
        del st.query_params["sentence"]

meta = corpus.tables["articles"].set_index("article_id").loc[chosen]
st.html(
    f"<h3>{html.escape(str(meta['title'] or chosen))}</h3>"
    f"<small>{html.escape(str(meta['date'] or 'no date'))} ({html.escape(str(meta['date_precision'] or '–'))}) · "
    f"{html.escape(str(meta['source'] or 'no source'))} · {html.escape(str(meta['path']))} · {int(meta['n_words'])} words</small>"
    '<p><small><span style="background:#dbe9f6">actor</span> '
    '<span style="background:#fde2c4">money</span> <span style="background:#d9f0d3">time</span> — hover for details</small></p>'
)

focus = None
sentence = st.query_params.get("sentence")
if sentence is not None and sentence.isdigit():
    sents = corpus.tables["sentences"]
    row = sents[(sents["article_id"] == chosen) & (sents["sentence_id"] == int(sentence))]
    if not row.empty:
        focus = (int(row["start"].iloc[0]), int(row["end"].iloc[0]))

pick = lambda t: corpus.tables[t][corpus.tables[t]["article_id"] == chosen]  # noqa: E731
text = corpus.texts.get(chosen, "")
st.html(highlight_html(text, marks_from_tables(pick("mentions"), pick("money"), pick("timexes")), focus))

with st.expander("This article's rows"):
    for name in ("mentions", "money", "timexes", "events"):
        st.markdown(f"**{name}**")
        st.dataframe(pick(name), hide_index=True, width="stretch")
