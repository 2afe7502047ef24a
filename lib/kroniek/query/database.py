"""Database: a corpus's tables in one in-memory DuckDB database, and where its texts are.

The tables are copied once into DuckDB's own columnar storage: scanning registered Arrow
tables converts every column again on every query, which at 120k articles (two million
mentions) cost seconds per page.  Each session's :class:`~kroniek.query.filtered.Query`
works on its own cursor, so its filtered views never meet another session's.  The
questions the app asks of the whole corpus (is this upload a duplicate, which persons
does it know, the sidebar's choices) are named methods here.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Mapping

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from kroniek.data.schema import DATA_TABLES, conform
from kroniek.store.tables import arrow_table, arrow_tables, texts_table


class CorpusData:
    """All tables of a corpus in one in-memory DuckDB database, and its texts."""

    def __init__(self, tables: dict[str, pa.Table] | None, texts: pa.Table, db: duckdb.DuckDBPyConnection | None = None):
        self._tables = tables
        self.texts = texts  # article_id, text (memory-mapped when opened from a folder)
        self._db = db
        self._lock = threading.Lock()

    @classmethod
    def from_frames(cls, frames: Mapping[str, pd.DataFrame], texts: Mapping[str, str]) -> "CorpusData":
        return cls(arrow_tables(frames), texts_table(texts))

    @classmethod
    def open(cls, folder: Path) -> "CorpusData":
        """A saved corpus view: Parquet straight into DuckDB, no Arrow copy in between."""
        db = duckdb.connect()
        for name in DATA_TABLES:
            if not (folder / f"{name}.parquet").exists():  # saved before the table existed
                _copy_into(db, name, arrow_table(name, conform(name, pd.DataFrame())))
                continue
            db.execute(f"CREATE TABLE {name} AS SELECT * FROM read_parquet(?)", [str(folder / f"{name}.parquet")])
        _derive(db)
        texts = pq.read_table(folder / "texts.parquet", memory_map=True)
        return cls(None, texts, db)

    @classmethod
    def open_dataset(cls, location: str) -> "CorpusData":
        """A folder (or ``s3://`` location) written by ``kroniek extract --engine dask``:
        one Hive-partitioned Parquet dataset per table (``month=YYYY-MM``)."""

        def read(name: str) -> pa.Table:
            try:
                table = ds.dataset(f"{location.rstrip('/')}/{name}", format="parquet", partitioning="hive").to_table()
            except FileNotFoundError:  # a dataset written before the table existed
                return arrow_table(name, pd.DataFrame())
            return table.drop_columns(["month"]) if "month" in table.column_names else table

        return cls({name: read(name) for name in DATA_TABLES}, read("texts"))

    @property
    def tables(self) -> dict[str, pa.Table]:
        """The tables as Arrow (for writing them out or joining uploads to them)."""
        with self._lock:
            if self._tables is None:
                con = self._db.cursor()
                self._tables = {name: con.sql(f"SELECT * FROM {name}").to_arrow_table() for name in DATA_TABLES}
            return self._tables

    def frames(self, names: tuple[str, ...]) -> dict[str, pd.DataFrame]:
        """Some tables as pandas frames (what the corpus step reads)."""
        return {name: self.tables[name].to_pandas() for name in names}

    def replaced(self, frames: Mapping[str, pd.DataFrame], texts: pa.Table | None = None) -> "CorpusData":
        """This corpus with some tables replaced by ``frames`` (each cast to the columns
        and types of the table it replaces), and optionally other texts."""
        tables = dict(self.tables)
        for name, df in frames.items():
            tables[name] = pa.Table.from_pandas(df, preserve_index=False).cast(tables[name].schema)
        return CorpusData(tables, self.texts if texts is None else texts)

    def _database(self) -> duckdb.DuckDBPyConnection:
        with self._lock:
            if self._db is None:
                db = duckdb.connect()
                for name, table in self._tables.items():
                    _copy_into(db, name, table)
                _derive(db)
                self._db = db
            return self._db

    def connection(self) -> duckdb.DuckDBPyConnection:
        """A new cursor on the corpus database, with the texts registered (cheap)."""
        con = self._database().cursor()
        con.register("texts", self.texts)
        return con

    def count(self, table: str) -> int:
        return int(self.connection().execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def text(self, article_id: str) -> str:
        row = self.connection().execute("SELECT text FROM texts WHERE article_id = ?", [article_id]).fetchone()
        return row[0] if row else ""

    @property
    def article_ids(self) -> list[str]:
        return self.texts.column("article_id").to_pylist()

    def has_article(self, article_id: str) -> bool:
        return self.connection().execute("SELECT 1 FROM articles WHERE article_id = ?", [article_id]).fetchone() is not None

    def article_with_text(self, text: str) -> str | None:
        """The id of an article whose text is exactly ``text`` (an upload's duplicate)."""
        row = self.connection().execute("SELECT article_id FROM texts WHERE text = ?", [text]).fetchone()
        return row[0] if row else None

    def known_persons(self) -> list[tuple[str, str]]:
        """(actor_id, full name) of the persons named with several words: an upload's
        surnames may link to them."""
        return self.connection().execute(
            "SELECT DISTINCT actor_id, actor FROM mentions WHERE actor_type = 'person' AND contains(actor, ' ')"
        ).fetchall()

    def facets(self) -> dict:
        """Date limits, actor and source choices for the sidebar."""
        con = self.connection()
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


def _copy_into(db: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> None:
    db.register("source_table", table)
    db.execute(f"CREATE TABLE {name} AS SELECT * FROM source_table")
    db.unregister("source_table")


def _derive(db: duckdb.DuckDBPyConnection) -> None:
    """Tables computed once per corpus for the filters: mentions per actor per article
    (an article filter then counts actors from a third of the rows)."""
    db.execute("CREATE TABLE actor_articles AS SELECT actor_id, article_id, count(*) AS n FROM mentions GROUP BY actor_id, article_id")
