"""Streamlit glue shared by ``dashboard.py`` and the pages.

Loading (corpus, cache, pipeline), the sidebar filters and their URL round-trip, the
source-sentence panel and the download buttons live here so each page stays a thin
sequence of chart calls.  Nothing here parses article text: it only reads the tables.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import os
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from kroniek.corpus import Article, Problem, drop_duplicates, read_bytes, read_corpus, ReadResult
from kroniek.exporting import csv_bytes
from kroniek.filters import Filters, apply
from kroniek.nlp import load_nlp, pipeline_key, resolve_name
from kroniek.schema import PUBLIC_TABLES
from kroniek.store import Store, build_tables

APP_DIR = Path(__file__).resolve().parents[2]
CORPUS_ENV = "KRONIEK_CORPUS"
UPLOAD_LIMIT_MB = 50
VIA_LABELS = {
    "ner": "named entity",
    "gazetteer": "gazetteer",
    "alias": "alias file",
    "metonymy": "metonymy (Moskou → Rusland)",
    "adjective": "adjective (Russische → Rusland)",
    "coref": "coreference",
}


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


def corpus_fingerprint(paths: tuple[str, ...]) -> str:
    """Changes when a corpus file is added, removed or modified."""
    parts = []
    for raw in paths:
        root = Path(raw)
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []
        for f in files:
            stat = f.stat()
            parts.append(f"{f}:{stat.st_size}:{stat.st_mtime_ns}")
    return str(hash(tuple(parts)))


# --- loading ---------------------------------------------------------------------------


@dataclass
class Corpus:
    """Everything the pages read: tables, texts, what was skipped, which pipeline."""

    tables: dict[str, pd.DataFrame]
    texts: dict[str, str]
    problems: list[Problem]
    pipeline: str
    pipeline_key: str
    paths: tuple[str, ...] = ()
    uploaded: list[str] = field(default_factory=list)


@st.cache_resource(show_spinner="Loading the Dutch pipeline…")
def get_nlp(name: str):
    return load_nlp(name)


@st.cache_resource(show_spinner="Reading the corpus…")
def read_base_corpus(paths: tuple[str, ...], fingerprint: str) -> ReadResult:
    return read_corpus(paths)


# Articles the pipeline failed on in this server process: listed, not retried every rerun.
FAILED: dict[str, Problem] = {}


def _extract_missing(articles: list[Article], store: Store, model: str, label: str) -> int:
    """Extract what the cache lacks, with a progress bar; returns how many were extracted."""
    cached = store.cached_hashes()
    missing = [a for a in articles if a.content_hash not in cached and a.content_hash not in FAILED]
    if not missing:
        return 0
    bar = st.progress(0.0, text=f"{label}: extracting {len(missing)} article(s)…")

    def progress(done: int, total: int) -> None:
        bar.progress(done / total, text=f"{label}: extracted {done} of {total} article(s)")

    failures: list[Problem] = []
    build_tables(missing, store, lambda: get_nlp(model), progress=progress, failures=failures)
    by_place = {(a.path or a.article_id, a.line): a.content_hash for a in missing}
    for problem in failures:
        FAILED[by_place.get((problem.path, problem.line), problem.path)] = problem
    bar.empty()
    return len(missing)


@st.cache_resource(show_spinner="Loading tables…", max_entries=8)
def _tables_for(key: str, _articles: tuple[Article, ...], _store_key: str) -> dict[str, pd.DataFrame]:
    from kroniek.extract import corpus_tables

    return corpus_tables(Store(_store_key).load(list(_articles)))


def load_corpus() -> Corpus:
    """The session's corpus: the configured folder(s) plus this session's uploads."""
    paths = corpus_paths()
    model = resolve_name()
    key = pipeline_key(model)
    base = read_base_corpus(paths, corpus_fingerprint(paths))
    uploads: ReadResult = st.session_state.setdefault("uploads", ReadResult())
    articles = list(base.articles) + list(uploads.articles)
    store = Store(key)
    _extract_missing(articles, store, model, "Corpus")
    failed = [FAILED[a.content_hash] for a in articles if a.content_hash in FAILED]
    articles = [a for a in articles if a.content_hash not in FAILED]
    tables_key = f"{key}|{hash(tuple(a.content_hash + a.article_id for a in articles))}"
    tables = _tables_for(tables_key, tuple(articles), key)
    texts = {a.article_id: a.text for a in articles}
    return Corpus(
        tables=tables,
        texts=texts,
        problems=list(base.problems) + list(uploads.problems) + failed,
        pipeline=model,
        pipeline_key=key,
        paths=paths,
        uploaded=[a.article_id for a in uploads.articles],
    )


def add_uploads(files) -> bool:
    """Read uploaded files into this session's corpus (never shared with other sessions).

    Returns True when something new was read (the page then reruns to extract it).
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
        name = Path(f.name).name  # never a path: only the file name is kept
        if f.size > UPLOAD_LIMIT_MB * 1024 * 1024:
            uploads.problems.append(Problem(f"upload/{name}", None, f"larger than {UPLOAD_LIMIT_MB} MB"))
            continue
        result = read_bytes(f.getvalue(), f"upload/{name}")
        uploads.problems.extend(result.problems)
        known = list(read_base_corpus(corpus_paths(), corpus_fingerprint(corpus_paths())).articles) + list(uploads.articles)
        merged = drop_duplicates(ReadResult(result.articles, []), known=known)
        uploads.articles.extend(merged.articles)
        uploads.problems.extend(merged.problems)
    return changed


# --- filters ---------------------------------------------------------------------------

_WIDGETS = {"from": "f_from", "to": "f_to", "type": "f_types", "actor": "f_actors", "source": "f_sources", "q": "f_q", "via": "f_via"}


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


def date_limits(corpus: Corpus) -> tuple[dt.date, dt.date]:
    from kroniek.filters import article_intervals

    iv = article_intervals(corpus.tables["articles"]).dropna()
    if iv.empty:
        today = dt.date.today()
        return today, today
    return iv["begin"].min().date(), iv["end"].max().date()


def sidebar_filters(corpus: Corpus) -> Filters:
    """The global filters; their values are mirrored into the URL on every run."""
    _init_widgets_from_url(corpus)
    tables = corpus.tables
    lo, hi = date_limits(corpus)
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
    actors_df = tables["actors"].head(2000)
    names = dict(zip(actors_df["actor_id"], actors_df["actor"]))
    for a in st.session_state.get(_WIDGETS["actor"], []):
        names.setdefault(a, a)
    actors = sb.multiselect("Actors", list(names), format_func=lambda a: names.get(a, a), key=_WIDGETS["actor"])
    sources = sorted(s for s in tables["articles"]["source"].dropna().unique() if s)
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


@st.cache_resource(max_entries=64, show_spinner=False)
def _filtered(key: str, _corpus: Corpus, filters: Filters) -> dict[str, pd.DataFrame]:
    return apply(_corpus.tables, filters, _corpus.texts if filters.query else None)


def filtered_tables(corpus: Corpus, filters: Filters) -> dict[str, pd.DataFrame]:
    return _filtered(corpus.pipeline_key + str(len(corpus.texts)) + str(corpus.uploaded), corpus, filters)


# --- shared page parts -------------------------------------------------------------------


PAGES = (
    # file, title, icon, url path
    ("pages/overview.py", "Overview", ":material/dashboard:", "overview"),
    ("pages/actors.py", "Actors", ":material/groups:", "actors"),
    ("pages/money.py", "Money", ":material/euro:", "money"),
    ("pages/chronology.py", "Chronology", ":material/timeline:", "chronology"),
    ("pages/articles.py", "Articles", ":material/article:", "articles"),
    ("pages/about.py", "About & quality", ":material/info:", "about"),
)


def navigation():
    """The app's pages (the first is the default)."""
    pages = [
        st.Page(str(APP_DIR / path), title=title, icon=icon, url_path=url, default=(i == 0))
        for i, (path, title, icon, url) in enumerate(PAGES)
    ]
    return st.navigation(pages)


def view() -> tuple[Corpus, dict[str, pd.DataFrame], Filters]:
    """What ``dashboard.py`` prepared for the page being shown.

    When a server's very first request is a page URL, Streamlit runs the file in
    ``pages/`` on its own (its older multipage mode, chosen because a ``pages/`` folder
    exists).  Declaring the navigation switches that mode off; the rerun then goes
    through ``dashboard.py`` and lands on the same page.
    """
    if not st.session_state.pop("_prepared", False):
        navigation()
        st.rerun()
    return st.session_state["corpus"], st.session_state["view"], st.session_state["filters"]


def sentence_text(corpus: Corpus, article_id: str, sentence_id: int) -> str:
    sents = corpus.tables["sentences"]
    row = sents[(sents["article_id"] == article_id) & (sents["sentence_id"] == sentence_id)]
    if row.empty:
        return ""
    start, end = int(row["start"].iloc[0]), int(row["end"].iloc[0])
    return corpus.texts.get(article_id, "")[start:end].strip()


def with_sentences(corpus: Corpus, df: pd.DataFrame) -> pd.DataFrame:
    """Add the source sentence text to rows that have article_id and sentence_id."""
    if df.empty:
        return df.assign(sentence=pd.Series(dtype="string"))
    sents = corpus.tables["sentences"]
    merged = df.merge(sents, on=["article_id", "sentence_id"], how="left", suffixes=("", "_s"))
    texts = [
        corpus.texts.get(a, "")[int(s) : int(e)].strip() if pd.notna(s) else ""
        for a, s, e in zip(merged["article_id"], merged["start_s"], merged["end_s"])
    ]
    return df.assign(sentence=texts)


def article_link(article_id: str, sentence_id: int | None = None) -> str:
    params = {"article": article_id}
    if sentence_id is not None:
        params["sentence"] = str(sentence_id)
    return "articles?" + urlencode(params)


def show_sources(corpus: Corpus, keys: list[tuple[str, int]], heading: str = "Source sentences", limit: int = 25) -> None:
    """The sentences behind a selection, escaped, each with a link into the reader."""
    if not keys:
        return
    titles = corpus.tables["articles"].set_index("article_id")
    parts = [f"<p><b>{html.escape(heading)}</b> ({len(keys)})</p>"]
    for article_id, sentence_id in keys[:limit]:
        text = sentence_text(corpus, article_id, sentence_id)
        title = titles["title"].get(article_id, "") if article_id in titles.index else ""
        date = titles["date"].get(article_id, "") if article_id in titles.index else ""
        # st.html, not st.markdown: article text is escaped and never read as Markdown
        parts.append(
            f'<blockquote style="margin:0.4em 0;border-left:3px solid #ccc;padding-left:0.8em">{html.escape(text)}</blockquote>'
            f"<small>{html.escape(str(date or ''))} · {html.escape(str(title or article_id))} · "
            f'<a href="{html.escape(article_link(article_id, sentence_id))}" target="_self">open in reader</a></small>'
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


def download(df: pd.DataFrame, name: str, key: str, label: str | None = None) -> None:
    """A CSV download of exactly these rows (formula cells neutralised)."""
    st.download_button(
        label or f"Download {name} ({len(df)} rows) as CSV",
        data=csv_bytes(df),
        file_name=f"kroniek-{name}.csv",
        mime="text/csv",
        key=key,
        on_click="ignore",
    )


def download_all(tables: dict[str, pd.DataFrame], key: str) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in PUBLIC_TABLES:
            zf.writestr(f"{name}.csv", csv_bytes(tables[name]))
    st.download_button(
        "Download all tables (ZIP of CSV)",
        data=buffer.getvalue(),
        file_name="kroniek-tables.zip",
        mime="application/zip",
        key=key,
        on_click="ignore",
    )


def table(df: pd.DataFrame, key: str, height: int = 360):
    """A dataframe with row selection; returns the selected row positions."""
    event = st.dataframe(df, key=key, on_select="rerun", selection_mode="multi-row", hide_index=True, height=height, width="stretch")
    try:
        return list(event.selection.rows)
    except AttributeError:
        return []
