"""Extraction on a Dask cluster: batches of articles to the workers, the corpus step here.

``kroniek extract PATH --engine dask --scheduler tcp://host:8786 --out DIR`` sends
batches of articles to the workers; each worker loads the spaCy pipeline once (a
module-level cache, see :func:`_worker_nlp`) and returns the rows of its batch.  The
client then runs the corpus step (:func:`kroniek.extract.corpus.corpus_tables`); the
store writes the tables as a dataset partitioned by month (:mod:`kroniek.store.dataset`).
"""

from __future__ import annotations

import math
from typing import Callable, Sequence

import pandas as pd
from distributed import Client, as_completed

from kroniek.data.schema import ALL_TABLES, CORPUS_LEVEL
from kroniek.extract.article import ExtractionFailure, extract_articles_safely, to_frames
from kroniek.extract.corpus import corpus_tables
from kroniek.nlp import load_nlp
from kroniek.read import Article, Problem

_NLP: dict[str, object] = {}


def _worker_nlp(model: str | None):
    """The pipeline of this worker process, loaded on its first batch only."""
    key = model or ""
    if key not in _NLP:
        _NLP[key] = load_nlp(model)
    return _NLP[key]


def extract_batch(articles: list[Article], model: str | None) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Runs on a worker: one batch of articles -> per-table rows, and failures."""
    results, problems = [], []
    for result in extract_articles_safely(articles, _worker_nlp(model)):
        if isinstance(result, ExtractionFailure):
            problems.append(result.problem())
        else:
            results.append(result)
    return to_frames(results), problems


def extract_on_cluster(
    articles: Sequence[Article],
    scheduler: str | object,
    model: str | None = None,
    batch_size: int = 100,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """All tables for ``articles``, extracted by the workers of ``scheduler``
    (an address such as ``tcp://host:8786``, or a ``distributed.Client``)."""
    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    batches = [list(articles[i : i + batch_size]) for i in range(0, len(articles), batch_size)]
    futures = [client.submit(extract_batch, batch, model, pure=False) for batch in batches]
    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in ALL_TABLES if name not in CORPUS_LEVEL}
    problems: list[Problem] = []
    done = 0
    for future in as_completed(futures):
        frames, failed = future.result()
        problems.extend(failed)
        for name in parts:
            parts[name].append(frames[name])
        done += 1
        if progress:
            progress(done * batch_size, len(articles))
    tables = {name: pd.concat(frames, ignore_index=True) for name, frames in parts.items()}
    if not isinstance(scheduler, Client):
        client.close()
    return corpus_tables(tables, texts={a.article_id: a.text for a in articles}), problems


def batches_needed(n_articles: int, batch_size: int) -> int:
    return math.ceil(n_articles / batch_size)
