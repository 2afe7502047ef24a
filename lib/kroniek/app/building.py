"""Building: what the cache lacks extracted, and a corpus's saved view built, with progress shown.

A corpus opens from its saved view (:mod:`kroniek.store.views`).  Without one (the first
open of a corpus version), the view is built here while the page shows what is being
done: reading, extracting new articles, linking names across the corpus, saving.  A
corpus that only gained a few articles since its last view is not built again: the new
articles go through the corpus step on their own (their surnames may link to the persons
the corpus knows, as an upload's do) and join the last view, with actors counted and
events grouped again over the whole.  Linking across the whole corpus is done again when
it changed more (an article removed or edited, or more than
:data:`GROWTH_JOINED` of it new).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Callable, Sequence

import streamlit as st

from kroniek.app.corpus import join_tables
from kroniek.build import save_corpus_view, view_tables
from kroniek.charts import count_text, number_text
from kroniek.extract.corpus import corpus_tables
from kroniek.nlp import load_nlp
from kroniek.query import CorpusData
from kroniek.read import Article, Problem, read_corpus
from kroniek.store.cache import Store
from kroniek.store.shares import SharedPart
from kroniek.store.views import SavedView, latest_view, point_view, save_view, saved_view

# Articles the pipeline failed on in this server process: listed, not retried every rerun.
FAILED: dict[str, Problem] = {}
# A corpus grown by at most this share of its last view (nothing removed or changed) joins it.
GROWTH_JOINED = 0.05
# One view is built at a time in a server: a second session opening the same corpus
# meanwhile waits, then finds the view saved.
_BUILDING = threading.Lock()


@st.cache_resource(show_spinner="Loading the Dutch pipeline…")
def get_nlp(name: str):
    return load_nlp(name)


def extract_with_progress(articles: list[Article], store: Store, model: str, label: str) -> list[Problem]:
    """Extract what the cache lacks, with a progress bar; returns the failures."""
    cached = store.cached_hashes()
    missing = [a for a in articles if a.content_hash not in cached and a.content_hash not in FAILED]
    if missing:
        # imported here: extraction imports spaCy, which a start on saved tables never needs
        from kroniek.build import extract_missing

        bar = st.progress(0.0, text=f"{label}: extracting {count_text(len(missing), 'article')}…")
        shown = [-1]

        def progress(done: int, total: int) -> None:
            percent = 100 * done // total
            if percent != shown[0]:  # at most 100 messages: each one is a browser re-render
                shown[0] = percent
                bar.progress(done / total, text=f"{label}: extracted {number_text(done)} of {count_text(total, 'article')}")

        failures: list[Problem] = []
        extract_missing(missing, store, lambda: get_nlp(model), progress=progress, failures=failures)
        by_place = {(a.path or a.article_id, a.line): a.content_hash for a in missing}
        for problem in failures:
            FAILED[by_place.get((problem.path, problem.line), problem.path)] = problem
        bar.empty()
    return [FAILED[a.content_hash] for a in articles if a.content_hash in FAILED]


def joined(base: CorpusData, articles: Sequence[Article], store: Store) -> CorpusData:
    """``base`` plus the rows of ``articles`` (cached already), put through the corpus step
    on their own and joined: actors counted and happenings grouped again over both."""
    usable = [a for a in articles if a.content_hash not in FAILED]
    texts = {a.article_id: a.text for a in usable}
    frames = corpus_tables(store.load(usable), known=base.known_persons(), corrections=False, texts=texts)
    extra = CorpusData.from_frames(frames, texts)
    return CorpusData(*join_tables(base.tables, base.texts, SharedPart(extra.tables, extra.texts)))


def open_or_build(paths: tuple[str, ...], fingerprint: str, model: str, store: Store) -> SavedView:
    """The saved view of this corpus version, built first when there is none."""
    saved = saved_view(store, fingerprint)
    if saved is not None:
        return saved
    with _BUILDING:
        return saved_view(store, fingerprint) or _build(paths, fingerprint, model, store)


def _build(paths: tuple[str, ...], fingerprint: str, model: str, store: Store) -> SavedView:
    started = time.perf_counter()
    with st.status("Preparing the corpus: once per version of its files…", expanded=True) as status:
        bar = st.progress(0.0, text="Reading the corpus…")
        result = read_corpus(paths)
        articles = list(result.articles)
        failures = extract_with_progress(articles, store, model, "Corpus")
        usable = [a for a in articles if a.content_hash not in FAILED]
        problems = list(result.problems) + failures

        def step(what: str, share: float) -> None:
            bar.progress(min(1.0, 0.05 + 0.95 * share), text=what)

        folder, how = grown_view(latest_view(store, paths), usable, store, (paths, fingerprint), problems, step)
        if folder is None:
            tables = view_tables(usable, store, progress=lambda what, share: step(what, 0.9 * share))
            step("Saving the corpus tables…", 0.92)
            folder = save_corpus_view(store, (paths, fingerprint), tables, usable, problems)
            how = f"names linked across all {len(usable):,} articles"
        bar.progress(1.0, text="Done")
        status.update(label=f"Corpus ready: {len(usable):,} articles ({how}) in {time.perf_counter() - started:.0f} s", state="complete", expanded=False)
    return SavedView(folder, problems, fingerprint)


def grown_view(
    previous: SavedView | None, articles: list[Article], store: Store, view: tuple, problems: list, step: Callable[[str, float], None]
) -> tuple[Path | None, str]:
    """The view of a corpus that only gained a few articles since ``previous``: the new
    ones joined to it (None when the corpus changed otherwise, or grew more)."""
    held = previous.hashes() if previous is not None else {}
    if not held:
        return None, ""
    current = {a.article_id: a.content_hash for a in articles}
    if any(current.get(article_id) != h for article_id, h in held.items()):
        return None, ""  # an article removed or edited: its rows may have shaped the linking
    added = [a for a in articles if a.article_id not in held]
    paths, fingerprint = view
    if not added:  # the same articles (a file touched, a bad line fixed): the same tables
        point_view(store, fingerprint, previous.folder, problems, paths)
        return previous.folder, "the same articles as before"
    if len(added) > GROWTH_JOINED * len(held):
        return None, ""
    step(f"Adding {len(added):,} new article(s) to the {len(held):,} of the last view…", 0.1)
    data = joined(CorpusData.open(previous.folder), added, store)
    step("Saving the corpus tables…", 0.8)
    folder = save_view(store, fingerprint, data.tables, data.texts, problems, {**held, **{a.article_id: a.content_hash for a in added}}, paths)
    return folder, f"{len(added):,} new article(s) joined to the last view"
