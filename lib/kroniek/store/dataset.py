"""Dataset: the tables as a Parquet dataset partitioned by the month of their article.

``kroniek extract --engine dask`` writes every table as a Hive-partitioned dataset::

    DIR/<table>/month=2019-03/part-0.parquet

plus ``texts`` for the reader.  ``streamlit run dashboard.py -- --tables DIR`` (or
``KRONIEK_TABLES``) opens that folder as it is, locally or on object storage
(``s3://bucket/path``), without reading the corpus again.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds

from kroniek.data.schema import CORPUS_LEVEL, DATA_TABLES
from kroniek.store.tables import arrow_table


def month_of(date: str) -> str:
    return date[:7] if isinstance(date, str) and len(date) >= 7 else (date[:4] if isinstance(date, str) and date else "undated")


def write_dataset(tables: dict[str, pd.DataFrame], texts: dict[str, str], out: str | Path) -> None:
    """Every table as a Parquet dataset partitioned by the month of its article."""
    months = dict(zip(tables["articles"]["article_id"], tables["articles"]["date"].map(month_of)))
    for name in DATA_TABLES:
        df = tables[name]
        table = arrow_table(name, df)
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
    ds.write_dataset(
        table,
        location,
        format="parquet",
        partitioning=ds.partitioning(pa.schema([("month", pa.string())]), flavor="hive"),
        existing_data_behavior="delete_matching",
    )
