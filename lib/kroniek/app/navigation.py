"""Navigation: the app's pages, and what ``dashboard.py`` prepared for the page being shown.

The pages are files in the app's ``pages/`` folder, run by path; whoever calls
:func:`navigation` says where that folder is (``dashboard.py`` passes its own ``pages/``),
so the package never guesses where it was installed.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from kroniek.app.corpus import Corpus
from kroniek.query import Filters, Query

PAGES = (
    # file, title, icon, url path
    ("overview.py", "Overview", ":material/dashboard:", "overview"),
    ("actors.py", "Actors", ":material/groups:", "actors"),
    ("money.py", "Money", ":material/euro:", "money"),
    ("chronology.py", "Chronology", ":material/timeline:", "chronology"),
    ("articles.py", "Articles", ":material/article:", "articles"),
    ("about.py", "About & quality", ":material/info:", "about"),
)


def navigation(pages_dir: Path):
    """The app's pages in ``pages_dir`` (the first is the default)."""
    pages = [
        st.Page(str(Path(pages_dir) / file), title=title, icon=icon, url_path=url, default=(i == 0))
        for i, (file, title, icon, url) in enumerate(PAGES)
    ]
    return st.navigation(pages)


def view(page_file: str) -> tuple[Corpus, Query, Filters]:
    """What ``dashboard.py`` prepared for the page being shown (``page_file``: the page's
    own ``__file__``).

    When a server's very first request is a page URL, Streamlit runs the file in
    ``pages/`` on its own (its older multipage mode, chosen because a ``pages/`` folder
    exists).  Declaring the navigation switches that mode off; the rerun then goes
    through ``dashboard.py`` and lands on the same page.
    """
    if not st.session_state.pop("_prepared", False):
        navigation(Path(page_file).resolve().parent)
        st.rerun()
    return st.session_state["corpus"], st.session_state["query"], st.session_state["filters"]


def prepare(corpus: Corpus, filters: Filters) -> None:
    """Hand the session's corpus, filters and their Query to the page about to run."""
    st.session_state["corpus"] = corpus
    st.session_state["filters"] = filters
    st.session_state["query"] = Query(corpus.data, filters)
    st.session_state["_prepared"] = True
