"""Kroniek dashboard: ``streamlit run dashboard.py [-- --corpus PATH ...]``.

Loads the corpus (default ``seeds/``) through the extraction cache, draws the global
sidebar filters (mirrored in the URL), and hands the filtered tables to the page.
"""

from __future__ import annotations

import sys
from pathlib import Path

APP_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(APP_DIR / "lib"))

import streamlit as st  # noqa: E402

from kroniek import app  # noqa: E402

# the icon ships with the app: a ":material/…:" icon would be fetched from Google's font CDN
st.set_page_config(page_title="Kroniek", page_icon=str(APP_DIR / "static" / "kroniek-icon.png"), layout="wide")

navigation = app.navigation(APP_DIR / "pages")

# Files uploaded in the previous interaction join this session's corpus as it loads.
corpus = app.load_corpus(st.session_state.get("uploader"), default_corpus=APP_DIR / "seeds")
filters = app.sidebar_filters(corpus)
with st.sidebar.expander("Add articles"):
    st.file_uploader(
        "txt, jsonl or csv files",
        type=["txt", "jsonl", "csv"],
        accept_multiple_files=True,
        key="uploader",
        help=f"Added to this browser session only; at most {app.UPLOAD_LIMIT_MB} MB per file.",
    )
app.share_controls(corpus)
app.prepare(corpus, filters)

navigation.run()
