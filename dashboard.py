"""Kroniek dashboard: ``streamlit run dashboard.py [-- --corpus PATH ...]``.

Loads the corpus (default ``seeds/``) through the extraction cache, draws the global
sidebar filters (mirrored in the URL), and hands the filtered tables to the page.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "lib"))

import streamlit as st  # noqa: E402

from kroniek import ui  # noqa: E402
from kroniek.query import Query  # noqa: E402

st.set_page_config(page_title="Kroniek", page_icon=":material/newspaper:", layout="wide")

navigation = ui.navigation()

# Files uploaded in the previous interaction join this session's corpus as it loads.
corpus = ui.load_corpus(st.session_state.get("uploader"))
filters = ui.sidebar_filters(corpus)
with st.sidebar.expander("Add articles"):
    st.file_uploader(
        "txt, jsonl or csv files",
        type=["txt", "jsonl", "csv"],
        accept_multiple_files=True,
        key="uploader",
        help=f"Added to this browser session only; at most {ui.UPLOAD_LIMIT_MB} MB per file.",
    )
ui.share_controls(corpus)
st.session_state["corpus"] = corpus
st.session_state["filters"] = filters
st.session_state["query"] = Query(corpus.data, filters)
st.session_state["_prepared"] = True

navigation.run()
