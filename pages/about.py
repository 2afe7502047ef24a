"""About & quality: the pipeline and its scores, table counts, skipped inputs, conventions."""

import pandas as pd
import streamlit as st

from kroniek import app

corpus, q, filters = app.view(__file__)

st.title("About & quality")
info = app.describe_pipeline(corpus.pipeline)
st.subheader("Pipeline")
st.markdown(f"**{info['name']}** {info['version']} ({info['source']}) — `{corpus.pipeline_key}`")
st.caption(info["description"])
if info["source"] == "blank":
    st.warning("No trained Dutch pipeline found: using a blank Dutch pipeline with a sentence splitter and the gazetteer only.")
SCORE_NAMES = {
    "ner_kfold_f1": ("NER F1, 2-fold", "CoNLL-2002 ned.train + ned.testa articles, each fold tagged by models trained on the other (as shipped: the vote of three seeds)"),
    "ner_kfold_f1_one_seed": ("NER F1, 2-fold, one model", "the same folds, the seed-0 model alone instead of the vote"),
    "ner_meantime_recall": ("NER recall of gold names", "MEANTIME Wikinews, out of domain, exact span and label"),
    "ner_meantime_span_recall": ("NER recall of gold names, span only", "MEANTIME Wikinews, out of domain"),
    "ner_meantime_precision": ("NER precision where the gold annotates", "MEANTIME Wikinews, out of domain"),
    "ents_f": ("NER F1", "the pipeline's own development data (as its meta.json says)"),
    "ents_p": ("NER precision", "the pipeline's own development data"),
    "ents_r": ("NER recall", "the pipeline's own development data"),
    "pos_acc": ("POS accuracy", "UD Dutch Alpino test, never trained or tuned on"),
    "lemma_acc": ("Lemma accuracy", "UD Dutch Alpino test, Alpino's compound marks counted"),
    "lemma_acc_plain": ("Lemma accuracy", "UD Dutch Alpino test, without Alpino's compound marks"),
    "dep_uas": ("Parser UAS", "UD Dutch Alpino test"),
    "dep_las": ("Parser LAS", "UD Dutch Alpino test, universal relations"),
    "dep_las_full_labels": ("Parser LAS, full labels", "UD Dutch Alpino test"),
    "words_per_second": ("Words per second", "one process, when the pipeline was built"),
}
if info["scores"]:
    st.dataframe(
        pd.DataFrame(
            [{"measure": SCORE_NAMES.get(k, (k, ""))[0], "value": v, "measured on": SCORE_NAMES.get(k, ("", ""))[1]} for k, v in info["scores"].items()]
        ),
        hide_index=True,
    )
st.caption(f"Alias file in use: {app.alias_file_path()} (set KRONIEK_ALIASES to use another)")
fixes = app.current_corrections()
if fixes:
    st.markdown("**Your corrections of actors** (undo them on the Actors page)")
    st.dataframe(pd.DataFrame([{"correction": f.describe(), "action": f.action, "actor": f.actor_id, "target": f.target} for f in fixes]), hide_index=True)

st.subheader("Rows per table")
app.plain_table(pd.DataFrame([{"table": t, "all": corpus.data.count(t), "after filters": q.count(t)} for t in app.PUBLIC_TABLES]))

st.subheader("Skipped inputs")
if corpus.problems:
    app.plain_table(
        pd.DataFrame([{"file": p.path, "line": "" if p.line is None else str(p.line), "what": "skipped" if p.skipped else "warning", "reason": p.reason} for p in corpus.problems]),
        width="stretch",
    )
else:
    st.success("Every input was read; nothing was skipped.")

st.subheader("Conventions")
for title, text in app.conventions().items():
    with st.expander(title):
        st.markdown(text)
