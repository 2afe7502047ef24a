"""Sharing in the dashboard: a link with ``?share=<token>`` joins articles someone uploaded
and shared to the corpus, read-only (storage, limits and token checks in
:mod:`kroniek.store.shares`).  A viewer's own uploads are joined on top and stay in the
viewer's session, like anyone's."""

from __future__ import annotations

import time
from urllib.parse import urlencode

import streamlit as st

from kroniek.app.corpus import Corpus, joined_share
from kroniek.charts import count_text, number_text
from kroniek.query import CorpusData
from kroniek.store import shares as sharing
from kroniek.store.cache import cache_root

SHARE_PARAM = "share"


@st.cache_resource(show_spinner=False, max_entries=4)
def _share_store(config: sharing.ShareConfig) -> sharing.ShareStore:
    return sharing.ShareStore(config)


def share_store() -> sharing.ShareStore:
    return _share_store(sharing.ShareConfig.from_env(cache_root()))


def shared_token() -> str:
    part = st.session_state.get("shared_view")
    return part.token if part is not None else ""


def with_shared_view(base: CorpusData, key: str) -> CorpusData:
    """The corpus plus the shared articles of the URL's ``share`` token, if any.

    The token is read once, on the session's first run; a token that does not open
    (malformed, unknown, expired, damaged, sharing off) leaves a message for
    :func:`share_controls` and the corpus unchanged, and is taken out of the URL.
    """
    state = st.session_state
    if not state.get("_share_checked"):
        state["_share_checked"] = True
        token = st.query_params.get(SHARE_PARAM)
        if token is not None:
            try:
                part = share_store().load(token)
                data = joined_share(part.token + key + str(id(base)), base, part)
            except sharing.ShareError as exc:
                state["share_notice"] = f"{exc} Showing the deployment's corpus without it."
                del st.query_params[SHARE_PARAM]
                return base
            state["shared_view"] = part
            base_ids = base.article_ids
            if part.meta.get("corpus") != sharing.corpus_signature(base_ids, key):
                then = part.meta.get("corpus_articles")
                state["share_note"] = (
                    f"The deployment's corpus has changed since this view was shared (it held {count_text(then, 'article') if then is not None else '? articles'} "
                    f"then, {number_text(len(base_ids))} now): the shared articles are as they were, counts over the whole corpus may differ."
                )
            return data
    part = state.get("shared_view")
    if part is None:
        return base
    if st.query_params.get(SHARE_PARAM) != part.token:  # page switches drop the query string
        st.query_params[SHARE_PARAM] = part.token
    return joined_share(part.token + key + str(id(base)), base, part)


def share_url(token: str) -> str:
    """This page's address with the current filters and ``share=<token>``."""
    params = {k: st.query_params.get_all(k) for k in st.query_params if k != SHARE_PARAM}
    params[SHARE_PARAM] = [token]
    page = (st.context.url or "").split("?", 1)[0]
    return f"{page}?{urlencode(params, doseq=True)}"


def share_controls(corpus: Corpus) -> None:
    """Why a shared link did not open; and, when the session holds uploaded articles,
    "Share this view": the session's own and shared articles stored under a new token,
    shown as a link that carries the filters (the link follows later filter changes)."""
    state = st.session_state
    if state.get("share_notice"):
        st.warning(state["share_notice"], icon=":material/link_off:")
    if state.get("share_note"):
        st.info(state["share_note"], icon=":material/info:")
    shared = state.get("shared_view")
    if shared is not None:
        st.sidebar.caption(f"Shared view: {count_text(len(shared.article_ids), 'article')} from the link, read-only.")
    store = share_store()
    if not corpus.uploaded or not store.config.enabled:
        return
    ids = sorted(set(corpus.uploaded) | set(shared.article_ids if shared is not None else []))
    signature = (corpus.pipeline_key, shared_token(), tuple(ids))
    mine = state.get("my_share")
    token, created = (mine[1], mine[2]) if mine and mine[0] == signature else (None, time.time())
    if token is None and state.pop("_share_requested", False):
        token = _save_share(store, corpus, ids)
        if token:
            state["my_share"] = (signature, token, created)
    if token is None:
        st.sidebar.button(
            "Share this view",
            key="share_view",
            icon=":material/share:",
            on_click=lambda: state.update(_share_requested=True),  # a flag: the corpus is known only later in the run
            help=f"Stores your {count_text(len(ids), 'article')} on this server and gives a link to this view; "
            f"anyone holding the link can open it for {store.config.max_age_days:g} days.",
        )
    if token:
        st.sidebar.code(share_url(token), language=None, wrap_lines=True)
        st.sidebar.caption(
            f"Anyone with this link sees your {count_text(len(ids), 'article')} with these filters, read-only, "
            f"until {store.expires_on(created).isoformat()}. Uploading more makes a new link."
        )


def _save_share(store: sharing.ShareStore, corpus: Corpus, ids: list[str]) -> str | None:
    """Store the session's articles ``ids`` under a new token (None, with a message, when
    the store refuses)."""
    base_ids = sorted(set(corpus.data.article_ids) - set(ids))
    meta = {"corpus": sharing.corpus_signature(base_ids, corpus.pipeline_key), "corpus_articles": len(base_ids), "pipeline": corpus.pipeline_key}
    try:
        return store.save(sharing.part_of(corpus.data.tables, corpus.data.texts, ids, meta))
    except sharing.ShareError as exc:
        st.sidebar.error(str(exc))
        return None
