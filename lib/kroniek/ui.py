"""Streamlit glue shared by ``dashboard.py`` and the pages.

Loading (corpus, cache, pipeline), the sidebar filters and their URL round-trip, the
source-sentence panel and the download buttons live here so each page stays a thin
sequence of chart calls.  Nothing here parses article text: it reads the tables through
:class:`kroniek.query.Query`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import os
import sys
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import pyarrow as pa
import streamlit as st

from kroniek import sharing
from kroniek.corpus import Article, Problem, ReadResult, drop_duplicates, read_bytes, read_corpus
from kroniek.exporting import csv_bytes
from kroniek.filters import Filters
from kroniek.nlp import load_nlp, pipeline_key, resolve_name
from kroniek.query import CorpusData, Query
from kroniek.schema import PUBLIC_TABLES
from kroniek.store import Store, build_tables, cache_root

APP_DIR = Path(__file__).resolve().parents[2]
CORPUS_ENV = "KRONIEK_CORPUS"
UPLOAD_LIMIT_MB = 50
TABLE_ROWS = 5000  # rows shown in a table on screen; downloads hold every filtered row
VIA_LABELS = {
    "ner": "named entity",
    "context": "named entity, typed by a noun beside it (Fastned, de keten)",
    "gazetteer": "gazetteer",
    "alias": "alias (same name in the article, alias file)",
    "metonymy": "metonymy (Moskou → Rusland)",
    "adjective": "adjective (Russische → Rusland)",
    "coref": "coreference (de Russische president)",
}
PAGES = (
    # file, title, icon, url path
    ("pages/overview.py", "Overview", ":material/dashboard:", "overview"),
    ("pages/actors.py", "Actors", ":material/groups:", "actors"),
    ("pages/money.py", "Money", ":material/euro:", "money"),
    ("pages/chronology.py", "Chronology", ":material/timeline:", "chronology"),
    ("pages/articles.py", "Articles", ":material/article:", "articles"),
    ("pages/about.py", "About & quality", ":material/info:", "about"),
)


# --- configuration ---------------------------------------------------------------------


def corpus_paths() -> tuple[str, ...]:
    """``streamlit run dashboard.py -- --corpus PATH ...``, else $KRONIEK_CORPUS, else seeds/."""
    argv = sys.argv[1:]
    if "--corpus" in argv:
        i = argv.index("--corpus")
        paths = [a for a in argv[i + 1 :] if not a.startswith("--")]
        if paths:
            return tuple(paths)
    env = os.environ.get(CORPUS_ENV, "").strip()
    if env:
        return tuple(p for p in env.split(os.pathsep) if p)
    return (str(APP_DIR / "seeds"),)


TABLES_ENV = "KRONIEK_TABLES"


def tables_location() -> str | None:
    """``-- --tables DIR`` or $KRONIEK_TABLES: a dataset written by ``kroniek extract
    --engine dask`` (a folder or an ``s3://`` location), opened instead of a corpus."""
    argv = sys.argv[1:]
    if "--tables" in argv and argv.index("--tables") + 1 < len(argv):
        return argv[argv.index("--tables") + 1]
    return os.environ.get(TABLES_ENV, "").strip() or None


@st.cache_resource(show_spinner="Opening the dataset…", max_entries=2)
def _open_dataset(location: str) -> CorpusData:
    return CorpusData.open_dataset(location)


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


# --- loading ---------------------------------------------------------------------------


@dataclass
class Corpus:
    """What the pages read: the tables (through queries), what was skipped, the pipeline."""

    data: CorpusData
    problems: list[Problem]
    pipeline: str
    pipeline_key: str
    paths: tuple[str, ...] = ()
    uploaded: list[str] = field(default_factory=list)

    def text(self, article_id: str) -> str:
        return self.data.text(article_id)


@st.cache_resource(show_spinner="Loading the Dutch pipeline…")
def get_nlp(name: str):
    return load_nlp(name)


@st.cache_resource(show_spinner="Reading the corpus…", max_entries=4)
def read_base_corpus(paths: tuple[str, ...], fingerprint: str) -> ReadResult:
    return read_corpus(paths)


@st.cache_resource(show_spinner="Opening the tables…", max_entries=4)
def _open_view(folder: str) -> CorpusData:
    return CorpusData.open(Path(folder))


# Articles the pipeline failed on in this server process: listed, not retried every rerun.
FAILED: dict[str, Problem] = {}


def _extract(articles: list[Article], store: Store, model: str, label: str) -> list[Problem]:
    """Extract what the cache lacks, with a progress bar; returns the failures."""
    cached = store.cached_hashes()
    missing = [a for a in articles if a.content_hash not in cached and a.content_hash not in FAILED]
    if missing:
        bar = st.progress(0.0, text=f"{label}: extracting {len(missing)} article(s)…")

        shown = [-1]

        def progress(done: int, total: int) -> None:
            percent = 100 * done // total
            if percent != shown[0]:  # at most 100 messages: each one is a browser re-render
                shown[0] = percent
                bar.progress(done / total, text=f"{label}: extracted {done} of {total} article(s)")

        failures: list[Problem] = []
        build_tables(missing, store, lambda: get_nlp(model), progress=progress, failures=failures)
        by_place = {(a.path or a.article_id, a.line): a.content_hash for a in missing}
        for problem in failures:
            FAILED[by_place.get((problem.path, problem.line), problem.path)] = problem
        bar.empty()
    return [FAILED[a.content_hash] for a in articles if a.content_hash in FAILED]


def _build(articles: list[Article], store: Store) -> CorpusData:
    from kroniek.extract import corpus_tables

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


@st.cache_resource(show_spinner="Adding your articles…", max_entries=32)
def _with_uploads(key: str, _base: CorpusData, _uploads: tuple[Article, ...], _store_key: str) -> CorpusData:
    """This session's corpus: the base tables plus the uploaded articles' rows."""
    from kroniek.extract import corpus_tables

    usable = [a for a in _uploads if a.content_hash not in FAILED]
    known = _base.connection().execute(
        "SELECT DISTINCT actor_id, actor FROM mentions WHERE actor_type = 'person' AND contains(actor, ' ')"
    ).fetchall()
    texts = {a.article_id: a.text for a in usable}
    extra = CorpusData.from_frames(corpus_tables(Store(_store_key).load(usable), known=known, corrections=False, texts=texts), texts)
    return CorpusData(*sharing.join_tables(_base.tables, _base.texts, sharing.SharedPart(extra.tables, extra.texts)))


def load_corpus(files=None) -> Corpus:
    """The session's corpus: the configured folder(s) plus this session's uploads
    (``files`` from the uploader are read first, checked against the corpus)."""
    model = resolve_name()
    key = pipeline_key(model)
    location = tables_location()
    if location:
        paths: tuple[str, ...] = (location,)
        base, problems = _open_dataset(location), []
    else:
        paths = corpus_paths()
        base, problems = open_base(paths, model, key)
    base = with_shared_view(base, key)
    if files:
        add_uploads(files, base)
    uploads: ReadResult = st.session_state.setdefault("uploads", ReadResult())
    data = base
    if uploads.articles:
        store = Store(key)
        problems = problems + _extract(list(uploads.articles), store, model, "Your articles")
        upload_key = key + shared_token() + hashlib.sha256("".join(a.content_hash + a.article_id for a in uploads.articles).encode()).hexdigest()
        data = _with_uploads(upload_key, base, tuple(uploads.articles), key)
    fixes = tuple(current_corrections())
    if fixes:
        data = _corrected(f"{id(data)}-{hash(fixes)}", data, fixes)
    return Corpus(data, problems + list(uploads.problems), model, key, paths, [a.article_id for a in uploads.articles])


# --- corrections of actors (merge, type, not an actor) -------------------------------------


def current_corrections() -> list:
    """The corrections in force: the alias file's, then this browser session's."""
    from kroniek.actors.corrections import read_corrections
    from kroniek.gazetteer import alias_file_path

    try:
        saved = [c for c in read_corrections(alias_file_path()) if not (c.action == "merge" and c.target == c.actor_id)]
    except ValueError as exc:
        st.warning(str(exc))
        saved = []
    return saved + list(st.session_state.get("corrections", []))


def add_correction(correction) -> str:
    """Keep a correction: in the user's alias file when one is configured and writable,
    else in this browser session.  Returns where it went."""
    from kroniek.actors.corrections import save_correction, writable_alias_file

    path = writable_alias_file()
    if path is not None:
        save_correction(path, correction)
        return str(path)
    st.session_state.setdefault("corrections", []).append(correction)
    return "this browser session"


def can_undo(correction) -> bool:
    """Corrections of this session or of a writable alias file can be undone here."""
    from kroniek.actors.corrections import writable_alias_file

    return correction in st.session_state.get("corrections", []) or writable_alias_file() is not None


def undo_correction(correction) -> None:
    from kroniek.actors.corrections import read_corrections, remove_correction, writable_alias_file

    session = st.session_state.get("corrections", [])
    if correction in session:
        session.remove(correction)
        return
    path = writable_alias_file()
    if path is not None and correction in read_corrections(path):
        remove_correction(path, correction)


@st.cache_resource(show_spinner="Applying your corrections…", max_entries=16)
def _corrected(key: str, _data: CorpusData, _fixes: tuple) -> CorpusData:
    """The corpus with the corrections applied to its stored mentions (no NLP runs)."""
    from kroniek.actors.corrections import apply_corrections, correct_event_roles, corrected_names, known_actors
    from kroniek.extract import actors_table
    from kroniek.happenings import group_events

    tables = dict(_data.tables)
    stored = tables["mentions"].to_pandas()
    mentions = apply_corrections(stored, _fixes, known_actors())
    roles = tables["roles"].to_pandas()
    tables["mentions"] = pa.Table.from_pandas(mentions, preserve_index=False).cast(tables["mentions"].schema)
    actors = actors_table(mentions, roles)
    tables["actors"] = pa.Table.from_pandas(actors, preserve_index=False).cast(_data.tables["actors"].schema)
    names = corrected_names(stored, _fixes, known_actors())
    if names and "events" in tables:
        events = correct_event_roles(tables["events"].to_pandas(), names)
        events, happenings = group_events(events, tables["articles"].to_pandas())
        tables["events"] = pa.Table.from_pandas(events, preserve_index=False).cast(_data.tables["events"].schema)
        tables["happenings"] = pa.Table.from_pandas(happenings, preserve_index=False).cast(_data.tables["happenings"].schema)
    return CorpusData(tables, _data.texts)


def add_uploads(files, base: CorpusData) -> bool:
    """Read uploaded files into this session's corpus (never shared with other sessions).

    Returns True when something new was read.  File names are kept as names only, never
    used as paths: nothing uploaded is written to disk.  An article whose id or text the
    corpus already holds is listed as a duplicate.
    """
    uploads: ReadResult = st.session_state.setdefault("uploads", ReadResult())
    seen = st.session_state.setdefault("upload_names", set())
    con = base.connection()
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
            same_id = con.execute("SELECT 1 FROM articles WHERE article_id = ?", [article.article_id]).fetchone()
            same_text = con.execute("SELECT article_id FROM texts WHERE text = ?", [article.text]).fetchone()
            if same_id:
                uploads.problems.append(Problem(article.path, article.line, f"duplicate id {article.article_id!r} (already in the corpus)"))
            elif same_text:
                uploads.problems.append(Problem(article.path, article.line, f"duplicate text of article {same_text[0]!r}"))
            else:
                uploads.articles.append(article)
    return changed


# --- shared views ------------------------------------------------------------------------
# A link with ?share=<token> joins articles someone uploaded and shared to the corpus,
# read-only (storage, limits and token checks in sharing.py).  A viewer's own uploads
# are joined on top and stay in the viewer's session, like anyone's.

SHARE_PARAM = "share"


@st.cache_resource(show_spinner=False, max_entries=4)
def _share_store(config: sharing.ShareConfig) -> sharing.ShareStore:
    return sharing.ShareStore(config)


def share_store() -> sharing.ShareStore:
    return _share_store(sharing.ShareConfig.from_env(cache_root()))


@st.cache_resource(show_spinner="Opening the shared view…", max_entries=16)
def _joined_share(key: str, _base: CorpusData, _part: sharing.SharedPart) -> CorpusData:
    return CorpusData(*sharing.join_tables(_base.tables, _base.texts, _part))


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
                data = _joined_share(part.token + key + str(id(base)), base, part)
            except sharing.ShareError as exc:
                state["share_notice"] = f"{exc} Showing the deployment's corpus without it."
                del st.query_params[SHARE_PARAM]
                return base
            state["shared_view"] = part
            base_ids = base.texts.column("article_id").to_pylist()
            if part.meta.get("corpus") != sharing.corpus_signature(base_ids, key):
                state["share_note"] = (
                    f"The deployment's corpus has changed since this view was shared (it held {part.meta.get('corpus_articles', '?')} "
                    f"article(s) then, {len(base_ids)} now): the shared articles are as they were, counts over the whole corpus may differ."
                )
            return data
    part = state.get("shared_view")
    if part is None:
        return base
    if st.query_params.get(SHARE_PARAM) != part.token:  # page switches drop the query string
        st.query_params[SHARE_PARAM] = part.token
    return _joined_share(part.token + key + str(id(base)), base, part)


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
        st.sidebar.caption(f"Shared view: {len(shared.article_ids)} article(s) from the link, read-only.")
    store = share_store()
    if not corpus.uploaded or not store.config.enabled:
        return
    ids = sorted(set(corpus.uploaded) | set(shared.article_ids if shared is not None else []))
    signature = (corpus.pipeline_key, shared_token(), tuple(ids))
    mine = state.get("my_share")
    token, created = (mine[1], mine[2]) if mine and mine[0] == signature else (None, time.time())
    if token is None and state.pop("_share_requested", False):
        texts = corpus.data.texts
        base_ids = sorted(set(texts.column("article_id").to_pylist()) - set(ids))
        meta = {"corpus": sharing.corpus_signature(base_ids, corpus.pipeline_key), "corpus_articles": len(base_ids), "pipeline": corpus.pipeline_key}
        try:
            token = store.save(sharing.part_of(corpus.data.tables, texts, ids, meta))
        except sharing.ShareError as exc:
            st.sidebar.error(str(exc))
        else:
            state["my_share"] = (signature, token, created)
    if token is None:
        st.sidebar.button(
            "Share this view",
            key="share_view",
            icon=":material/share:",
            on_click=lambda: state.update(_share_requested=True),  # a flag: the corpus is known only later in the run
            help=f"Stores your {len(ids)} article(s) on this server and gives a link to this view; "
            f"anyone holding the link can open it for {store.config.max_age_days:g} days.",
        )
    if token:
        st.sidebar.code(share_url(token), language=None, wrap_lines=True)
        st.sidebar.caption(
            f"Anyone with this link sees your {len(ids)} article(s) with these filters, read-only, "
            f"until {store.expires_on(created).isoformat()}. Uploading more makes a new link."
        )


# --- filters ---------------------------------------------------------------------------

_WIDGETS = {"from": "f_from", "to": "f_to", "type": "f_types", "actor": "f_actors", "source": "f_sources", "q": "f_q", "via": "f_via"}


@st.cache_resource(max_entries=16, show_spinner=False)
def _facets(_data: CorpusData, key: str) -> dict:
    """Date limits, actor and source choices for the sidebar (once per corpus)."""
    con = _data.connection()
    lo, hi = con.execute("SELECT min(date_begin), max(date_end) FROM articles").fetchone()
    actors = con.execute("SELECT actor_id, actor FROM actors ORDER BY n_mentions DESC, actor LIMIT 3000").fetchall()
    sources = [r[0] for r in con.execute("SELECT DISTINCT source FROM articles WHERE coalesce(source, '') <> '' ORDER BY 1 LIMIT 500").fetchall()]
    today = dt.date.today()
    return {
        "lo": lo.date() if lo is not None else today,
        "hi": hi.date() if hi is not None else today,
        "actors": dict(actors),
        "sources": sources,
    }


def facets(corpus: Corpus) -> dict:
    return _facets(corpus.data, corpus.pipeline_key + str(id(corpus.data)))


def date_limits(corpus: Corpus) -> tuple[dt.date, dt.date]:
    f = facets(corpus)
    return f["lo"], f["hi"]


def _init_widgets_from_url(corpus: Corpus) -> None:
    """On a session's first run, the URL's filters become the widgets' values."""
    if st.session_state.get("_filters_initialised"):
        return
    st.session_state["_filters_initialised"] = True
    f = Filters.from_query_params(st.query_params)
    lo, hi = date_limits(corpus)
    st.session_state[_WIDGETS["from"]] = f.date_from or lo
    st.session_state[_WIDGETS["to"]] = f.date_to or hi
    st.session_state[_WIDGETS["type"]] = list(f.actor_types)
    st.session_state[_WIDGETS["actor"]] = list(f.actors)
    st.session_state[_WIDGETS["source"]] = list(f.sources)
    st.session_state[_WIDGETS["q"]] = f.query
    st.session_state[_WIDGETS["via"]] = list(f.via)


def sidebar_filters(corpus: Corpus) -> Filters:
    """The global filters; their values are mirrored into the URL on every run."""
    _init_widgets_from_url(corpus)
    fac = facets(corpus)
    lo, hi = fac["lo"], fac["hi"]
    previous = st.session_state.get("_date_limits")
    if previous and previous != (lo, hi):
        # the corpus grew (an upload): an untouched date bound follows the new limits
        if st.session_state.get(_WIDGETS["from"]) == previous[0]:
            st.session_state[_WIDGETS["from"]] = lo
        if st.session_state.get(_WIDGETS["to"]) == previous[1]:
            st.session_state[_WIDGETS["to"]] = hi
    st.session_state["_date_limits"] = (lo, hi)
    sb = st.sidebar
    sb.header("Filters")
    date_from = sb.date_input("Published from", key=_WIDGETS["from"], min_value=dt.date(1800, 1, 1), max_value=dt.date(2200, 12, 31), format="YYYY-MM-DD")
    date_to = sb.date_input("Published until", key=_WIDGETS["to"], min_value=dt.date(1800, 1, 1), max_value=dt.date(2200, 12, 31), format="YYYY-MM-DD")
    types = sb.multiselect("Actor type", ["person", "organisation", "country", "place", "group"], key=_WIDGETS["type"])
    names = dict(fac["actors"])
    for a in st.session_state.get(_WIDGETS["actor"], []):
        names.setdefault(a, a)
    actors = sb.multiselect("Actors", list(names), format_func=lambda a: names.get(a, a), key=_WIDGETS["actor"])
    sources = list(fac["sources"])
    for s in st.session_state.get(_WIDGETS["source"], []):
        if s not in sources:
            sources.append(s)
    chosen_sources = sb.multiselect("Source", sources, key=_WIDGETS["source"])
    query = sb.text_input("Search text", key=_WIDGETS["q"], placeholder="word in title or text")
    via = sb.multiselect(
        "Count mentions found via",
        list(VIA_LABELS),
        format_func=VIA_LABELS.get,
        key=_WIDGETS["via"],
        help="Empty = all. Leave out metonymy or adjective to count only direct names.",
    )
    with sb.expander("How filters apply"):
        st.caption(
            "Dates, sources and search select articles; actor types and 'found via' select mentions; "
            "actors select their mentions and the money, time expressions and events of the sentences that name them."
        )
    filters = Filters(
        date_from=date_from if date_from and date_from != lo else None,
        date_to=date_to if date_to and date_to != hi else None,
        actor_types=tuple(types),
        actors=tuple(actors),
        sources=tuple(chosen_sources),
        query=query.strip(),
        via=tuple(via),
    )
    wanted = filters.to_query_params()
    current = {k: (st.query_params.get_all(k) if isinstance(wanted.get(k), list) else st.query_params.get(k)) for k in st.query_params}
    keep_extra = {k: st.query_params.get_all(k) for k in st.query_params if k not in _WIDGETS}
    if {k: v for k, v in current.items() if k in _WIDGETS} != wanted:
        st.query_params.from_dict({**keep_extra, **wanted})
    return filters


# --- shared page parts -------------------------------------------------------------------


def navigation():
    """The app's pages (the first is the default)."""
    pages = [
        st.Page(str(APP_DIR / path), title=title, icon=icon, url_path=url, default=(i == 0))
        for i, (path, title, icon, url) in enumerate(PAGES)
    ]
    return st.navigation(pages)


def view() -> tuple[Corpus, Query, Filters]:
    """What ``dashboard.py`` prepared for the page being shown.

    When a server's very first request is a page URL, Streamlit runs the file in
    ``pages/`` on its own (its older multipage mode, chosen because a ``pages/`` folder
    exists).  Declaring the navigation switches that mode off; the rerun then goes
    through ``dashboard.py`` and lands on the same page.
    """
    if not st.session_state.pop("_prepared", False):
        navigation()
        st.rerun()
    return st.session_state["corpus"], st.session_state["query"], st.session_state["filters"]


def article_link(article_id: str, sentence_id: int | None = None) -> str:
    params = {"article": article_id}
    if sentence_id is not None:
        params["sentence"] = str(sentence_id)
    return "articles?" + urlencode(params)


def show_sources(q: Query, keys: list[tuple[str, int]], heading: str = "Source sentences", limit: int = 25) -> None:
    """The sentences behind a selection, escaped, each with a link into the reader."""
    if not keys:
        return
    rows = pd.DataFrame(keys[:limit], columns=["article_id", "sentence_id"])
    ids = sorted(set(rows["article_id"]))
    titles = q.df("SELECT article_id, title, date FROM articles WHERE article_id = ANY(?)", [ids])
    rows = q.with_sentences(rows).merge(titles, on="article_id", how="left")
    parts = [f"<p><b>{html.escape(heading)}</b> ({len(keys)})</p>"]
    for r in rows.itertuples(index=False):
        # st.html, not st.markdown: article text is escaped and never read as Markdown
        parts.append(
            f'<blockquote style="margin:0.4em 0;border-left:3px solid #ccc;padding-left:0.8em">{html.escape(str(r.sentence))}</blockquote>'
            f"<small>{html.escape(str(r.date or ''))} · {html.escape(str(r.title or r.article_id))} · "
            f'<a href="{html.escape(article_link(r.article_id, int(r.sentence_id)))}" target="_self">open in reader</a></small>'
        )
    if len(keys) > limit:
        parts.append(f"<p><small>and {len(keys) - limit} more</small></p>")
    st.html("".join(parts))


def selected_points(event) -> list[dict]:
    try:
        return list(event.selection.points)  # type: ignore[union-attr]
    except AttributeError:
        try:
            return list(event["selection"]["points"])
        except (KeyError, TypeError):
            return []


def _deferred_csv(data: CorpusData, filters: Filters, table: str, transform=None):
    """Built when the button is clicked, from every filtered row (not the shown ones)."""

    def build() -> bytes:
        rows = Query(data, filters).rows(table)
        return csv_bytes(transform(rows) if transform else rows)

    return build


def download(q: Query, table: str, key: str, label: str | None = None) -> None:
    """A CSV download of exactly the filtered rows of ``table`` (formula cells neutralised)."""
    n = q.count(table)
    st.download_button(
        label or f"Download {table} ({n:,} rows) as CSV",
        data=_deferred_csv(q.data, q.filters, table),
        file_name=f"kroniek-{table}.csv",
        mime="text/csv",
        key=key,
        on_click="ignore",
    )


def download_all(q: Query, key: str) -> None:
    data, filters = q.data, q.filters

    def build() -> bytes:
        query = Query(data, filters)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            for name in PUBLIC_TABLES:
                zf.writestr(f"{name}.csv", csv_bytes(query.rows(name)))
        return buffer.getvalue()

    st.download_button(
        "Download all tables (ZIP of CSV)",
        data=build,
        file_name="kroniek-tables.zip",
        mime="application/zip",
        key=key,
        on_click="ignore",
    )


# Plotly fetches its world outline from a CDN unless told where it is: the app serves
# Plotly's own 110m topojson from static/topojson (Streamlit static serving), so the map
# draws without the internet.  Relative, so it also works under a server base path.
PLOTLY_CONFIG = {"topojsonURL": "app/static/topojson/", "displaylogo": False}


def corpus_period(q: Query):
    """The corpus period of the filtered articles (first date − 1 month … last + 2
    months) that every date axis opens on; None when no article has a date."""
    from kroniek.charts import corpus_period as period_of

    return period_of(*q.article_dates())


def per_hundred_toggle(key: str) -> bool:
    return st.toggle(
        "Per 100 articles",
        key=key,
        help="Counts divided by the articles published in each period, since the corpus volume varies from week to week.",
    )


def download_frame(q: Query, build, file_name: str, key: str, label: str) -> None:
    """A CSV download of a frame built (from a fresh Query on the same filters) only
    when the button is clicked; ``build(query) -> DataFrame``."""
    data, filters = q.data, q.filters

    def make() -> bytes:
        return csv_bytes(build(Query(data, filters)))

    st.download_button(label, data=make, file_name=file_name, mime="text/csv", key=key, on_click="ignore")


def table(df: pd.DataFrame, key: str, total: int | None = None, height: int = 360) -> list[int]:
    """A dataframe with row selection; returns the selected row positions."""
    if total is not None and total > len(df):
        st.caption(f"Showing the first {len(df):,} of {total:,} rows; the download holds all of them.")
    event = st.dataframe(df, key=key, on_select="rerun", selection_mode="multi-row", hide_index=True, height=height, width="stretch")
    try:
        return list(event.selection.rows)
    except AttributeError:
        return []
