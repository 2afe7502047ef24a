"""Build: a corpus -> its tables, extracting only the articles the cache lacks.

The one place that drives read -> nlp -> extract -> store: ``kroniek extract`` and the
dashboard call it.  The store only persists what the extractors return; the corpus step
(:func:`kroniek.extract.corpus.corpus_tables`) turns the stored rows into the tables.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping, Sequence

import pandas as pd

from kroniek.extract.corpus import Progress, corpus_tables, corrected_tables
from kroniek.read import Article, Problem
from kroniek.store.cache import Store
from kroniek.store.tables import arrow_tables, texts_table
from kroniek.store.views import save_view

if TYPE_CHECKING:  # imported where used: the per-article step imports spaCy, a saved view never needs it
    from kroniek.extract.article import ArticleExtraction, ExtractionFailure

Counted = Callable[[int, int], None]


def build_tables(
    articles: Sequence[Article],
    store: Store,
    nlp_factory: Callable[[], object],
    view: tuple[Sequence[str], str] | None = None,
    problems: Sequence[Problem] = (),
    **options: Any,
) -> tuple[dict[str, pd.DataFrame], int]:
    """All tables for ``articles``, extracting only those not yet cached.

    Returns (tables, number of articles extracted now).  ``nlp_factory`` is called only
    when something has to be extracted, so a warm start never loads the pipeline.
    ``options`` are those of :func:`extract_missing` (progress, processes, batch and
    segment size, a ``failures`` list).  Articles that fail are left out of the tables and
    appended to ``failures`` as :class:`~kroniek.read.Problem` (they are tried again next time).
    ``view`` (the corpus paths and their fingerprint, taken before reading them) also
    saves the dashboard's view of the corpus, with ``problems`` met reading it: the
    dashboard's first open after ``kroniek extract`` then opens it directly.
    """
    failures = options.get("failures")
    if failures is None:
        failures = options["failures"] = []
    n_new, failed = extract_missing(articles, store, nlp_factory, **options)
    usable = [a for a in articles if a.content_hash not in failed]
    tables = view_tables(usable, store)
    if view is not None:
        save_corpus_view(store, view, tables, usable, [*problems, *failures])
    return corrected_tables(tables), n_new


def view_tables(articles: Sequence[Article], store: Store, progress: Progress | None = None) -> dict[str, pd.DataFrame]:
    """The corpus tables of articles already in the store, linked and uncorrected: what a
    saved view holds (corrections apply over it, the alias file's and a session's)."""
    texts = {a.article_id: a.text for a in articles}
    return corpus_tables(store.load(articles), corrections=False, texts=texts, progress=progress)


def save_corpus_view(
    store: Store, view: tuple[Sequence[str], str], tables: Mapping[str, pd.DataFrame], articles: Sequence[Article], problems: Sequence[Problem]
) -> Path:
    """Save the corpus tables as the view of the corpus at ``view`` (paths, fingerprint)."""
    paths, fingerprint = view
    texts = {a.article_id: a.text for a in articles}
    hashes = {a.article_id: a.content_hash for a in articles}
    return save_view(store, fingerprint, arrow_tables(tables), texts_table(texts), problems, hashes, paths)


def extract_missing(
    articles: Sequence[Article],
    store: Store,
    nlp_factory: Callable[[], object],
    progress: Counted | None = None,
    n_process: int = 1,
    batch_size: int = 32,
    segment_size: int = 500,
    failures: list | None = None,
) -> tuple[int, set[str]]:
    """Extract the articles the store lacks into it, a segment per ``segment_size``.

    Returns how many were extracted now and the content hashes of those that failed
    (each also appended to ``failures`` as a :class:`~kroniek.read.Problem`)."""
    cached = store.cached_hashes()
    todo = list({a.content_hash: a for a in articles if a.content_hash not in cached}.values())
    failed: set[str] = set()
    if not todo:
        return 0, failed
    from kroniek.extract.article import ExtractionFailure, extract_articles_safely

    results = extract_articles_safely(todo, nlp_factory(), n_process=n_process, batch_size=batch_size)
    batch: list[tuple[Article, "ArticleExtraction"]] = []
    for article, result in _counted(todo, results, progress):
        if isinstance(result, ExtractionFailure):
            failed.add(article.content_hash)
            if failures is not None:
                failures.append(result.problem())
            continue
        batch.append((article, result))
        if len(batch) >= segment_size:
            store.save(batch)
            batch = []
    store.save(batch)
    return len(todo) - len(failed), failed


def _counted(
    todo: Sequence[Article], results: Iterator["ArticleExtraction | ExtractionFailure"], progress: Counted | None
) -> Iterator[tuple[Article, "ArticleExtraction | ExtractionFailure"]]:
    """Each result with its input article (results come in input order), reporting progress."""
    from kroniek.extract.article import ArticleExtraction

    for done, result in enumerate(results, start=1):
        article = todo[done - 1]
        if isinstance(result, ArticleExtraction):
            assert article.article_id == result.article["article_id"]
        if progress:
            progress(done, len(todo))
        yield article, result
