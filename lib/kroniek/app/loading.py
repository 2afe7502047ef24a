"""Loading and uploads: the configured corpus (through the extraction cache and its saved
views) or a dataset, plus this session's uploaded articles, checked against the corpus."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import streamlit as st

from kroniek.app.building import extract_with_progress, joined, open_or_build
from kroniek.app.corpus import Corpus, corrected
from kroniek.app.corrections import current_corrections
from kroniek.app.sharing import shared_token, with_shared_view
from kroniek.nlp import pipeline_key, resolve_name
from kroniek.query import CorpusData
from kroniek.read import Article, Problem, ReadResult, drop_duplicates, read_bytes
from kroniek.store.cache import Store
from kroniek.store.views import corpus_fingerprint

CORPUS_ENV = "KRONIEK_CORPUS"
TABLES_ENV = "KRONIEK_TABLES"
UPLOAD_LIMIT_MB = 50


# --- configuration ---------------------------------------------------------------------


def corpus_paths(default: Path) -> tuple[str, ...]:
    """``streamlit run dashboard.py -- --corpus PATH ...``, else $KRONIEK_CORPUS, else ``default``."""
    argv = sys.argv[1:]
    if "--corpus" in argv:
        i = argv.index("--corpus")
        paths = [a for a in argv[i + 1 :] if not a.startswith("--")]
        if paths:
            return tuple(paths)
    env = os.environ.get(CORPUS_ENV, "").strip()
    if env:
        return tuple(p for p in env.split(os.pathsep) if p)
    return (str(default),)


def tables_location() -> str | None:
    """``-- --tables DIR`` or $KRONIEK_TABLES: a dataset written by ``kroniek extract
    --engine dask`` (a folder or an ``s3://`` location), opened instead of a corpus."""
    argv = sys.argv[1:]
    if "--tables" in argv and argv.index("--tables") + 1 < len(argv):
        return argv[argv.index("--tables") + 1]
    return os.environ.get(TABLES_ENV, "").strip() or None


# --- the configured corpus -------------------------------------------------------------


@st.cache_resource(show_spinner="Opening the dataset…", max_entries=2)
def _open_dataset(location: str) -> CorpusData:
    return CorpusData.open_dataset(location)


@st.cache_resource(show_spinner="Opening the tables…", max_entries=2)
def _open_view(folder: str) -> CorpusData:
    return CorpusData.open(Path(folder))


def _fingerprint(paths: tuple[str, ...]) -> str:
    """The corpus files' fingerprint, looked at on a session's first run: a folder of
    100,000 files takes a while to list, and a session keeps the corpus version it opened
    (a new session, or a reload, sees files changed since)."""
    seen = st.session_state.setdefault("_corpus_fingerprints", {})
    if paths not in seen:
        seen[paths] = corpus_fingerprint(paths)
    return seen[paths]


def open_base(paths: tuple[str, ...], model: str, key: str) -> tuple[CorpusData, list]:
    """The configured corpus: straight from its saved tables when its files are unchanged,
    else from the view built now (progress shown)."""
    saved = open_or_build(paths, _fingerprint(paths), model, Store(key))
    return _open_view(str(saved.folder)), saved.problems


# --- this session's corpus ----------------------------------------------------------------


@st.cache_resource(show_spinner="Adding your articles…", max_entries=32)
def _with_uploads(key: str, _base: CorpusData, _uploads: tuple[Article, ...], _store_key: str) -> CorpusData:
    """This session's corpus: the base tables plus the uploaded articles' rows."""
    return joined(_base, _uploads, Store(_store_key))


def load_corpus(files=None, default_corpus: Path = Path("seeds")) -> Corpus:
    """The session's corpus: the configured folder(s) (``default_corpus`` when none is
    configured) plus this session's uploads (``files`` from the uploader are read first,
    checked against the corpus), with the corrections in force applied."""
    model = resolve_name()
    key = pipeline_key(model)
    location = tables_location()
    if location:
        paths: tuple[str, ...] = (location,)
        base, problems = _open_dataset(location), []
    else:
        paths = corpus_paths(default_corpus)
        base, problems = open_base(paths, model, key)
    base = with_shared_view(base, key)
    if files:
        add_uploads(files, base)
    uploads: ReadResult = st.session_state.setdefault("uploads", ReadResult())
    data = base
    if uploads.articles:
        problems = problems + extract_with_progress(list(uploads.articles), Store(key), model, "Your articles")
        contents = "".join(a.content_hash + a.article_id for a in uploads.articles)
        upload_key = key + shared_token() + hashlib.sha256(contents.encode()).hexdigest()
        data = _with_uploads(upload_key, base, tuple(uploads.articles), key)
    fixes = tuple(current_corrections())
    if fixes:
        data = corrected(f"{id(data)}-{hash(fixes)}", data, fixes)
    return Corpus(data, problems + list(uploads.problems), model, key, paths, [a.article_id for a in uploads.articles])


def add_uploads(files, base: CorpusData) -> bool:
    """Read uploaded files into this session's corpus (never shared with other sessions).

    Returns True when something new was read.  File names are kept as names only, never
    used as paths: nothing uploaded is written to disk.  An article whose id or text the
    corpus already holds is listed as a duplicate.
    """
    uploads: ReadResult = st.session_state.setdefault("uploads", ReadResult())
    seen = st.session_state.setdefault("upload_names", set())
    changed = False
    for f in files:
        ident = (f.name, f.size, getattr(f, "file_id", ""))
        if ident in seen:
            continue
        seen.add(ident)
        changed = True
        name = Path(f.name).name
        if f.size > UPLOAD_LIMIT_MB * 1024 * 1024:
            uploads.problems.append(Problem(f"upload/{name}", None, f"larger than {UPLOAD_LIMIT_MB} MB"))
            continue
        result = read_bytes(f.getvalue(), f"upload/{name}")
        uploads.problems.extend(result.problems)
        merged = drop_duplicates(ReadResult(result.articles, []), known=list(uploads.articles))
        uploads.problems.extend(merged.problems)
        for article in merged.articles:
            _add_unless_known(article, base, uploads)
    return changed


def _add_unless_known(article: Article, base: CorpusData, uploads: ReadResult) -> None:
    """An uploaded article joins the session's uploads unless the corpus holds its id or text."""
    same_text = base.article_with_text(article.text)
    if base.has_article(article.article_id):
        uploads.problems.append(Problem(article.path, article.line, f"duplicate id {article.article_id!r} (already in the corpus)"))
    elif same_text:
        uploads.problems.append(Problem(article.path, article.line, f"duplicate text of article {same_text!r}"))
    else:
        uploads.articles.append(article)
