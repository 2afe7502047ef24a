"""Tables: the contract's tables as Arrow and in DuckDB, the forms the store writes and the
query layer reads.

The articles table gains ``date_begin``/``date_end``, the interval of each article's date
(a month date is the whole month), so date filters never parse a date again.  A DuckDB
database of a corpus also holds :data:`AGGREGATES`, computed once when it is filled.
"""

from __future__ import annotations

from typing import Mapping

import duckdb
import pandas as pd
import pyarrow as pa

from kroniek.data.schema import DATA_TABLES, conform
from kroniek.read import date_bounds


def arrow_table(table: str, df: pd.DataFrame) -> pa.Table:
    """``df`` with exactly the contract's columns, as Arrow (articles with their intervals)."""
    df = conform(table, df)
    if table == "articles":
        df = with_article_intervals(df)
    return pa.Table.from_pandas(df, preserve_index=False)


def with_article_intervals(articles: pd.DataFrame) -> pd.DataFrame:
    """``date_begin``/``date_end`` of each article's date (a month date is the whole month)."""
    bounds = [date_bounds(d) if isinstance(d, str) and d else None for d in articles["date"]]
    return articles.assign(
        date_begin=pd.to_datetime([b[0] if b else None for b in bounds]),
        date_end=pd.to_datetime([b[1] if b else None for b in bounds]),
    )


def arrow_tables(frames: Mapping[str, pd.DataFrame]) -> dict[str, pa.Table]:
    """Every data table of the contract as Arrow; a table not given (frames built before
    it existed) is empty."""
    return {name: arrow_table(name, frames[name] if name in frames else pd.DataFrame()) for name in DATA_TABLES}


def texts_table(texts: Mapping[str, str]) -> pa.Table:
    """The article texts by id, as the query layer and the saved views keep them."""
    ids = list(texts)
    return pa.table({"article_id": ids, "text": [texts[i] for i in ids]})


# Tables computed once per corpus for the filters: mentions per actor per article (an
# article filter then counts actors from a third of the rows).
AGGREGATES = {"actor_articles": "SELECT actor_id, article_id, count(*) AS n FROM mentions GROUP BY actor_id, article_id"}


def copy_into(db: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> None:
    """``table`` as DuckDB's own table ``name`` (columnar, compressed in a database file)."""
    db.register("source_table", table)
    db.execute(f"CREATE TABLE {name} AS SELECT * FROM source_table")
    db.unregister("source_table")


def fill_database(db: duckdb.DuckDBPyConnection, tables: Mapping[str, pa.Table], texts: pa.Table | None = None) -> None:
    """A corpus's tables (and its texts, as table ``texts``) and the aggregates into ``db``."""
    for name, table in tables.items():
        copy_into(db, name, table)
    if texts is not None:
        copy_into(db, "texts", texts)
    for name, sql in AGGREGATES.items():
        db.execute(f"CREATE TABLE {name} AS {sql}")
