"""Database: a corpus's tables in one DuckDB database, and its texts.

The tables are in DuckDB's own columnar storage: scanning registered Arrow tables
converts every column again on every query, which at 120k articles (two million
mentions) cost seconds per page.  A saved view is a database file opened read-only: the
server holds the blocks its queries read, once, however many sessions read them; other
corpora (an upload joined, a share, corrections) are copied into memory.  Each session's :class:`~kroniek.query.filtered.Query`
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
from kroniek.query.shared import SharedResults
from kroniek.store.tables import arrow_table, arrow_tables, copy_into, fill_database, texts_table
from kroniek.store.views import DATABASE


class CorpusData:
    """All tables of a corpus in one DuckDB database, and its texts."""

    def __init__(self, tables: dict[str, pa.Table] | None, texts: pa.Table | None, db: duckdb.DuckDBPyConnection | None = None):
        self._tables = tables
        self._texts = texts  # None: the database holds them (a saved view)
        self._texts_in_db = texts is None
        self._db = db
        self._lock = threading.Lock()
        self.shared = SharedResults()  # answers under some filters, for every session

    @classmethod
    def from_frames(cls, frames: Mapping[str, pd.DataFrame], texts: Mapping[str, str]) -> "CorpusData":
        return cls(arrow_tables(frames), texts_table(texts))

    @classmethod
    def open(cls, folder: Path) -> "CorpusData":
        """A saved corpus view: its database file, opened read-only (every session's
        cursor reads the same blocks, cached once); a view saved before views had one is
        read from its Parquet files into memory."""
        if (folder / DATABASE).exists():
            return cls(None, None, duckdb.connect(str(folder / DATABASE), read_only=True))
        db = duckdb.connect()
        for name in DATA_TABLES:
            if not (folder / f"{name}.parquet").exists():  # saved before the table existed
                copy_into(db, name, arrow_table(name, conform(name, pd.DataFrame())))
                continue
            db.execute(f"CREATE TABLE {name} AS SELECT * FROM read_parquet(?)", [str(folder / f"{name}.parquet")])
        fill_database(db, {})
        return cls(None, pq.read_table(folder / "texts.parquet", memory_map=True), db)

    @property
    def texts(self) -> pa.Table:
        """article_id, text of every article (read from the database on first use there)."""
        with self._lock:
            if self._texts is None:
                self._texts = self._db.cursor().sql("SELECT article_id, text FROM texts").to_arrow_table()
            return self._texts

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
                fill_database(db, self._tables)
                self._db = db
            return self._db

    def connection(self) -> duckdb.DuckDBPyConnection:
        """A new cursor on the corpus database, with the texts registered (cheap) unless
        the database holds them."""
        con = self._database().cursor()
        if not self._texts_in_db:
            con.register("texts", self._texts)
        return con

    def count(self, table: str) -> int:
        return int(self.connection().execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])

    def text(self, article_id: str) -> str:
        row = next(iter(self.connection().execute("SELECT text FROM texts WHERE article_id = ?", [article_id]).fetchall()), None)
        return row[0] if row else ""

    @property
    def article_ids(self) -> list[str]:
        return [r[0] for r in self.connection().execute("SELECT article_id FROM texts").fetchall()]

    def has_article(self, article_id: str) -> bool:
        return self.connection().execute("SELECT 1 FROM articles WHERE article_id = ?", [article_id]).fetchall() != []

    def article_with_text(self, text: str) -> str | None:
        """The id of an article whose text is exactly ``text`` (an upload's duplicate)."""
        row = next(iter(self.connection().execute("SELECT article_id FROM texts WHERE text = ?", [text]).fetchall()), None)
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
        lo, hi = con.execute("SELECT min(date_begin), max(date_end) FROM articles").fetchall()[0]
        actors = con.execute("SELECT actor_id, actor FROM actors ORDER BY n_mentions DESC, actor LIMIT 3000").fetchall()
        sources = [r[0] for r in con.execute("SELECT DISTINCT source FROM articles WHERE coalesce(source, '') <> '' ORDER BY 1 LIMIT 500").fetchall()]
        today = dt.date.today()
        return {
            "lo": lo.date() if lo is not None else today,
            "hi": hi.date() if hi is not None else today,
            "actors": dict(actors),
            "sources": sources,
        }
