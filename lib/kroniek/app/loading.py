"""Loading and uploads: the configured corpus (through the extraction cache and its saved
views) or a dataset, plus this session's uploaded articles, checked against the corpus."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import streamlit as st

from kroniek.app.corpus import Corpus, corrected, join_tables
from kroniek.app.corrections import current_corrections
from kroniek.app.sharing import shared_token, with_shared_view
from kroniek.charts import count_text, number_text
from kroniek.extract.corpus import corpus_tables
from kroniek.nlp import load_nlp, pipeline_key, resolve_name
from kroniek.query import CorpusData
from kroniek.read import Article, Problem, ReadResult, drop_duplicates, read_bytes, read_corpus
from kroniek.store.cache import Store
from kroniek.store.shares import SharedPart

CORPUS_ENV = "KRONIEK_CORPUS"
TABLES_ENV = "KRONIEK_TABLES"
UPLOAD_LIMIT_MB = 50
# Articles the pipeline failed on in this server process: listed, not retried every rerun.
FAILED: dict[str, Problem] = {}


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


def corpus_fingerprint(paths: tuple[str, ...]) -> str:
    """Changes when a corpus file is added, removed or modified (file names, sizes, times)."""
    digest = hashlib.sha256()
    for raw in paths:
        root = Path(raw)
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []
        digest.update(str(root.resolve()).encode())
        for f in files:
            stat = f.stat()
            digest.update(f"{f}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:24]


# --- the configured corpus -------------------------------------------------------------


@st.cache_resource(show_spinner="Opening the dataset…", max_entries=2)
def _open_dataset(location: str) -> CorpusData:
    return CorpusData.open_dataset(location)


@st.cache_resource(show_spinner="Loading the Dutch pipeline…")
def get_nlp(name: str):
    return load_nlp(name)


@st.cache_resource(show_spinner="Reading the corpus…", max_entries=4)
def read_base_corpus(paths: tuple[str, ...], fingerprint: str) -> ReadResult:
    return read_corpus(paths)


@st.cache_resource(show_spinner="Opening the tables…", max_entries=4)
def _open_view(folder: str) -> CorpusData:
    return CorpusData.open(Path(folder))


def _extract(articles: list[Article], store: Store, model: str, label: str) -> list[Problem]:
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


def _build(articles: list[Article], store: Store) -> CorpusData:
    usable = [a for a in articles if a.content_hash not in FAILED]
    texts = {a.article_id: a.text for a in usable}
    frames = corpus_tables(store.load(usable), corrections=False, texts=texts)
    return CorpusData.from_frames(frames, texts)


def open_base(paths: tuple[str, ...], model: str, key: str) -> tuple[CorpusData, list[Problem]]:
    """The configured corpus: straight from its saved tables when its files are unchanged."""
    store = Store(key)
    fingerprint = corpus_fingerprint(paths)
    saved = store.view(fingerprint)
    if saved is not None:
        folder, problems = saved
        return _open_view(str(folder)), problems
    result = read_base_corpus(paths, fingerprint)
    failures = _extract(list(result.articles), store, model, "Corpus")
    data = _build(list(result.articles), store)
    problems = list(result.problems) + failures
    folder = store.save_view(fingerprint, data, problems)
    return _open_view(str(folder)), problems


# --- this session's corpus ----------------------------------------------------------------


@st.cache_resource(show_spinner="Adding your articles…", max_entries=32)
def _with_uploads(key: str, _base: CorpusData, _uploads: tuple[Article, ...], _store_key: str) -> CorpusData:
    """This session's corpus: the base tables plus the uploaded articles' rows."""
    usable = [a for a in _uploads if a.content_hash not in FAILED]
    texts = {a.article_id: a.text for a in usable}
    frames = corpus_tables(Store(_store_key).load(usable), known=_base.known_persons(), corrections=False, texts=texts)
    extra = CorpusData.from_frames(frames, texts)
    return CorpusData(*join_tables(_base.tables, _base.texts, SharedPart(extra.tables, extra.texts)))


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
        problems = problems + _extract(list(uploads.articles), Store(key), model, "Your articles")
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
