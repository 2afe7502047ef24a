"""Extraction on a Dask cluster, written as a Parquet dataset partitioned by month.

``kroniek extract PATH --engine dask --scheduler tcp://host:8786 --out DIR`` sends
batches of articles to the workers; each worker loads the spaCy pipeline once (a
module-level cache, see :func:`_worker_nlp`) and returns the rows of its batch.  The
client then runs the corpus-level steps (linking surnames across articles, the actors
table) and writes every table as a Hive-partitioned dataset::

    DIR/<table>/month=2019-03/part-0.parquet

plus ``texts`` for the reader.  ``streamlit run dashboard.py -- --tables DIR`` (or
``KRONIEK_TABLES``) opens that folder as it is, locally or on object storage
(``s3://bucket/path``), without reading the corpus again.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Callable, Sequence

import pandas as pd

from kroniek.corpus import Article, Problem
from kroniek.schema import ALL_TABLES

_NLP: dict[str, object] = {}


def _worker_nlp(model: str | None):
    """The pipeline of this worker process, loaded on its first batch only."""
    key = model or ""
    if key not in _NLP:
        from kroniek.nlp import load_nlp

        _NLP[key] = load_nlp(model)
    return _NLP[key]


CORPUS_LEVEL = ("actors", "happenings")  # built from every article's rows, not per batch


def extract_batch(articles: list[Article], model: str | None) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Runs on a worker: one batch of articles -> per-table rows, and failures."""
    from kroniek.extract import ExtractionFailure, extract_articles_safely, to_frames

    results, problems = [], []
    for result in extract_articles_safely(articles, _worker_nlp(model)):
        if isinstance(result, ExtractionFailure):
            problems.append(Problem(result.article.path or result.article.article_id, result.article.line, result.reason))
        else:
            results.append(result)
    return to_frames(results), problems


def month_of(date: str) -> str:
    return date[:7] if isinstance(date, str) and len(date) >= 7 else (date[:4] if isinstance(date, str) and date else "undated")


def extract_on_cluster(
    articles: Sequence[Article],
    scheduler: str | object,
    model: str | None = None,
    batch_size: int = 100,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """All tables for ``articles``, extracted by the workers of ``scheduler``
    (an address such as ``tcp://host:8786``, or a ``distributed.Client``)."""
    from distributed import Client, as_completed

    from kroniek.extract import corpus_tables

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


def write_dataset(tables: dict[str, pd.DataFrame], texts: dict[str, str], out: str | Path) -> None:
    """Every table as a Parquet dataset partitioned by the month of its article."""
    import pyarrow as pa

    from kroniek.query import DATA_TABLES, _arrow

    months = dict(zip(tables["articles"]["article_id"], tables["articles"]["date"].map(month_of)))
    for name in DATA_TABLES:
        df = tables[name]
        table = _arrow(name, df)
        if name in CORPUS_LEVEL:
            table = table.append_column("month", pa.array(["all"] * table.num_rows, pa.string()))
        else:
            table = table.append_column("month", pa.array([months.get(a, "undated") for a in df["article_id"]], pa.string()))
        _write_by_month(table, f"{out}/{name}")
    ids = list(texts)
    text_table = pa.table(
        {"article_id": ids, "text": [texts[i] for i in ids], "month": [months.get(i, "undated") for i in ids]}
    )
    _write_by_month(text_table, f"{out}/texts")


def _write_by_month(table, location: str) -> None:
    """One Hive-partitioned Parquet dataset (``month=YYYY-MM``), replacing what was there."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    ds.write_dataset(
        table,
        location,
        format="parquet",
        partitioning=ds.partitioning(pa.schema([("month", pa.string())]), flavor="hive"),
        existing_data_behavior="delete_matching",
    )


def batches_needed(n_articles: int, batch_size: int) -> int:
    return math.ceil(n_articles / batch_size)
