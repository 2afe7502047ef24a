"""Filtered, aggregated and limited views of the corpus tables, computed by DuckDB.

The tables live in one in-memory DuckDB database per corpus; the article texts stay
in a Parquet file and are read only for a text search, the reader and source sentences.
A page never receives a whole table: it asks for the aggregate it charts (mentions per
month, actors per sentence pair) or for a limited number of rows, so a corpus of 120,000
articles costs a few hundred milliseconds per filter change, not a copy of millions of
rows.  :class:`Query` applies one :class:`~kroniek.filters.Filters` value to every table
the same way (semantics in ``filters.py``).
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from kroniek.query_views import ViewQueries
from kroniek.schema import ALL_TABLES, TABLES, conform

ARTICLE_DATE = "(article date)"  # events.time_text of an event dated only by its article

DATA_TABLES = ("articles", "mentions", "actors", "money", "timexes", "events", "happenings", "sentences", "roles")


def _arrow(table: str, df: pd.DataFrame) -> pa.Table:
    df = conform(table, df)
    if table == "articles":
        df = with_article_intervals(df)
    return pa.Table.from_pandas(df, preserve_index=False)


def with_article_intervals(articles: pd.DataFrame) -> pd.DataFrame:
    """``date_begin``/``date_end`` of each article's date (a month date is the whole month)."""
    from kroniek.corpus import date_bounds

    bounds = [date_bounds(d) if isinstance(d, str) and d else None for d in articles["date"]]
    return articles.assign(
        date_begin=pd.to_datetime([b[0] if b else None for b in bounds]),
        date_end=pd.to_datetime([b[1] if b else None for b in bounds]),
    )


class CorpusData:
    """All tables of a corpus in one in-memory DuckDB database, and where its texts are.

    The tables are copied once into DuckDB's own columnar storage: scanning registered
    Arrow tables converts every column again on every query, which at 120k articles
    (two million mentions) cost seconds per page.  Each session's :class:`Query` works
    on its own cursor, so its filtered views never meet another session's.
    """

    def __init__(self, tables: dict[str, pa.Table] | None, texts: pa.Table, db: duckdb.DuckDBPyConnection | None = None):
        self._tables = tables
        self.texts = texts  # article_id, text (memory-mapped when opened from a folder)
        self._db = db
        self._lock = threading.Lock()

    @classmethod
    def from_frames(cls, frames: dict[str, pd.DataFrame], texts: dict[str, str]) -> "CorpusData":
        # a table not given (frames built before it existed) is empty
        tables = {name: _arrow(name, frames[name] if name in frames else pd.DataFrame()) for name in DATA_TABLES}
        ids = list(texts)
        return cls(tables, pa.table({"article_id": ids, "text": [texts[i] for i in ids]}))

    @classmethod
    def open(cls, folder: Path) -> "CorpusData":
        """A saved corpus view: Parquet straight into DuckDB, no Arrow copy in between."""
        db = duckdb.connect()
        for name in DATA_TABLES:
            if not (folder / f"{name}.parquet").exists():  # saved before the table existed
                db.register("source_table", _arrow(name, conform(name, pd.DataFrame())))
                db.execute(f"CREATE TABLE {name} AS SELECT * FROM source_table")
                db.unregister("source_table")
                continue
            db.execute(f"CREATE TABLE {name} AS SELECT * FROM read_parquet(?)", [str(folder / f"{name}.parquet")])
        _derive(db)
        texts = pq.read_table(folder / "texts.parquet", memory_map=True)
        return cls(None, texts, db)

    @classmethod
    def open_dataset(cls, location: str) -> "CorpusData":
        """A folder (or ``s3://`` location) written by ``kroniek extract --engine dask``:
        one Hive-partitioned Parquet dataset per table (``month=YYYY-MM``)."""
        import pyarrow.dataset as ds

        def read(name: str) -> pa.Table:
            try:
                table = ds.dataset(f"{location.rstrip('/')}/{name}", format="parquet", partitioning="hive").to_table()
            except FileNotFoundError:  # a dataset written before the table existed
                return _arrow(name, pd.DataFrame())
            return table.drop_columns(["month"]) if "month" in table.column_names else table

        return cls({name: read(name) for name in DATA_TABLES}, read("texts"))

    @property
    def tables(self) -> dict[str, pa.Table]:
        """The tables as Arrow (for writing them out or joining uploads to them)."""
        with self._lock:
            if self._tables is None:
                con = self._db.cursor()
                self._tables = {name: con.execute(f"SELECT * FROM {name}").to_arrow_table() for name in DATA_TABLES}
            return self._tables

    def save(self, folder: Path) -> None:
        from kroniek.store import write_table_atomic

        folder.mkdir(parents=True, exist_ok=True)
        for name, table in self.tables.items():
            write_table_atomic(table, folder / f"{name}.parquet")
        write_table_atomic(self.texts, folder / "texts.parquet")

    def _database(self) -> duckdb.DuckDBPyConnection:
        with self._lock:
            if self._db is None:
                db = duckdb.connect()
                for name, table in self._tables.items():
                    db.register("source_table", table)
                    db.execute(f"CREATE TABLE {name} AS SELECT * FROM source_table")
                    db.unregister("source_table")
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


def _derive(db: duckdb.DuckDBPyConnection) -> None:
    """Tables computed once per corpus for the filters: mentions per actor per article
    (an article filter then counts actors from a third of the rows)."""
    db.execute("CREATE TABLE actor_articles AS SELECT actor_id, article_id, count(*) AS n FROM mentions GROUP BY actor_id, article_id")


def sql_list(values) -> str:
    """A DuckDB list literal of strings; quotes doubled, the standard SQL escape (views
    cannot take prepared parameters, and these values come from URLs)."""
    return "[" + ", ".join("'" + str(v).replace("'", "''") + "'" for v in values) + "]"


class Query(ViewQueries):
    """The corpus seen through one Filters value."""

    def __init__(self, data: CorpusData, filters):
        self.data = data
        self.filters = filters
        self.con = data.connection()
        self._create_views()

    # -- the filtered views -------------------------------------------------------------

    def _create_views(self) -> None:
        f = self.filters
        where, params = ["TRUE"], []
        if f.date_from:
            where.append("date_end >= ?")
            params.append(dt.datetime.combine(f.date_from, dt.time()))
        if f.date_to:
            where.append("date_begin <= ?")
            params.append(dt.datetime.combine(f.date_to, dt.time()))
        if f.sources:
            where.append("coalesce(source, '') = ANY(?)")
            params.append(list(f.sources))
        if f.query:
            needle = f"%{f.query.casefold()}%"
            where.append("(lower(coalesce(title, '')) LIKE ? OR article_id IN (SELECT article_id FROM texts WHERE lower(text) LIKE ?))")
            params += [needle, needle]
        if len(where) > 1:
            self.con.execute(f"CREATE OR REPLACE TEMP TABLE base_ids AS SELECT article_id FROM articles WHERE {' AND '.join(where)}", params)
            in_base = "article_id IN (SELECT article_id FROM base_ids)"
        else:  # every article: no semi-join over millions of rows
            in_base = "TRUE"

        m_where = [in_base]
        if f.actor_types:
            m_where.append(f"actor_type = ANY({sql_list(f.actor_types)})")
        if f.via:
            m_where.append(f"via = ANY({sql_list(f.via)})")
        if f.actors:
            m_where.append(f"actor_id = ANY({sql_list(f.actors)})")
        self.con.execute(f"CREATE OR REPLACE TEMP VIEW f_mentions AS SELECT * FROM mentions WHERE {' AND '.join(m_where)}")

        if f.actors:
            self.con.execute("CREATE OR REPLACE TEMP TABLE actor_sentences AS SELECT DISTINCT article_id, sentence_id FROM f_mentions")
            in_sentence = "(article_id, sentence_id) IN (SELECT article_id, sentence_id FROM actor_sentences)"
            for table in ("money", "timexes", "sentences"):
                self.con.execute(f"CREATE OR REPLACE TEMP VIEW f_{table} AS SELECT * FROM {table} WHERE {in_base} AND {in_sentence}")
            chosen = sql_list(f.actors)
            self.con.execute(
                f"CREATE OR REPLACE TEMP VIEW f_events AS SELECT * FROM events WHERE {in_base} AND ({in_sentence} "
                # a role may name several actors, "|"-separated ("Loekasjenko|Poetin")
                f"OR list_has_any(string_split(source_actor, '|'), (SELECT list(actor) FROM actors WHERE actor_id = ANY({chosen}))) "
                f"OR list_has_any(string_split(target_actor, '|'), (SELECT list(actor) FROM actors WHERE actor_id = ANY({chosen}))))"
            )
            self.con.execute(
                f"CREATE OR REPLACE TEMP VIEW f_articles AS SELECT * FROM articles WHERE {in_base} "
                "AND article_id IN (SELECT DISTINCT article_id FROM f_mentions)"
            )
        else:
            for table in ("money", "timexes", "events", "sentences", "articles"):
                self.con.execute(f"CREATE OR REPLACE TEMP VIEW f_{table} AS SELECT * FROM {table} WHERE {in_base}")

        self.con.execute(f"CREATE OR REPLACE TEMP VIEW f_roles AS SELECT * FROM roles WHERE {in_base}")
        # a happening is in view when one of its reports is
        self.con.execute(
            "CREATE OR REPLACE TEMP VIEW f_happenings AS SELECT * FROM happenings WHERE happening_id IN "
            "(SELECT DISTINCT happening_id FROM f_events WHERE happening_id IS NOT NULL AND happening_id <> '')"
        )
        self._actors_pending = False
        kept = ["TRUE"]
        if f.actor_types:
            kept.append(f"actor_type = ANY({sql_list(f.actor_types)})")
        if f.actors:
            kept.append(f"actor_id = ANY({sql_list(f.actors)})")
        self._kept_actors = " AND ".join(kept)
        self._in_base = in_base
        if in_base == "TRUE" and not f.via:
            # no mention is dropped inside an actor: the corpus counts stand, only actors go
            self.con.execute(f"CREATE OR REPLACE TEMP VIEW f_actors AS SELECT * FROM actors WHERE {self._kept_actors}")
        else:
            self._actors_pending = True  # counted again, once, on first use

    def _count_actors(self) -> None:
        if self.filters.via:  # a mention-level filter: count the filtered mentions themselves
            counts = (
                "SELECT actor_id, count(*) AS n_mentions, count(DISTINCT article_id) AS n_articles "
                "FROM f_mentions GROUP BY actor_id"
            )
        else:  # whole articles drop out: sum the per-article counts (a third of the rows)
            counts = (
                "SELECT actor_id, CAST(sum(n) AS BIGINT) AS n_mentions, count(*) AS n_articles "
                f"FROM actor_articles WHERE {self._in_base} GROUP BY actor_id"
            )
        self.con.execute(
            "CREATE OR REPLACE TEMP TABLE f_actors AS "
            "SELECT a.actor_id, a.actor, a.actor_type, a.country, a.role, a.aliases, c.n_mentions, c.n_articles "
            f"FROM (SELECT * FROM actors WHERE {self._kept_actors}) a JOIN ({counts}) c USING (actor_id) "
            "ORDER BY n_mentions DESC, actor"
        )
        self._actors_pending = False

    def _sql(self, sql: str) -> str:
        if self._actors_pending and "f_actors" in sql:
            self._count_actors()
        return sql

    def df(self, sql: str, params: list | None = None) -> pd.DataFrame:
        return self.con.execute(self._sql(sql), params or []).fetch_df()

    # -- rows -----------------------------------------------------------------------------

    def count(self, table: str) -> int:
        return int(self.con.execute(self._sql(f"SELECT count(*) FROM f_{table}")).fetchone()[0])

    def rows(self, table: str, limit: int | None = None, order: str | None = None) -> pd.DataFrame:
        """Rows of a table with exactly the contract's columns (all, or the first ``limit``)."""
        columns = ", ".join(f'"{c}"' for c in ALL_TABLES[table])
        order_by = f" ORDER BY {order}" if order else (" ORDER BY n_mentions DESC, actor" if table == "actors" else "")
        limit_sql = f" LIMIT {int(limit)}" if limit is not None else ""
        return conform(table, self.df(f"SELECT {columns} FROM f_{table}{order_by}{limit_sql}"))

    def all_tables(self) -> dict[str, pd.DataFrame]:
        return {name: self.rows(name) for name in TABLES}

    def with_sentences(self, df: pd.DataFrame) -> pd.DataFrame:
        """Add each row's source sentence text (rows need article_id and sentence_id)."""
        if df.empty:
            return df.assign(sentence=pd.Series(dtype="string"))
        keys = pa.Table.from_pandas(df[["article_id", "sentence_id"]].drop_duplicates(), preserve_index=False)
        self.con.register("wanted_keys", keys)
        texts = self.df(
            "SELECT k.article_id, k.sentence_id, trim(substr(t.text, s.start + 1, s.\"end\" - s.start)) AS sentence "
            "FROM wanted_keys k JOIN sentences s USING (article_id, sentence_id) JOIN texts t USING (article_id)"
        )
        self.con.unregister("wanted_keys")
        out = df.merge(texts, on=["article_id", "sentence_id"], how="left")
        out["sentence"] = out["sentence"].fillna("")
        return out

    # -- aggregates the charts draw ---------------------------------------------------------

    def overview(self) -> dict:
        row = self.con.execute(
            "SELECT count(*), coalesce(sum(n_words), 0), min(nullif(date, '')), max(nullif(date, '')) FROM f_articles"
        ).fetchone()
        return {"articles": int(row[0]), "words": int(row[1]), "first": row[2], "last": row[3]}

    def top_actors(self, limit: int) -> pd.DataFrame:
        return self.rows("actors", limit)

    def mentions_by_period(self, top: int = 6, unit: str = "month") -> pd.DataFrame:
        """Mentions per period of the ``top`` most mentioned actors (in dated articles)."""
        return self.df(
            "WITH top AS (SELECT actor_id FROM f_actors ORDER BY n_mentions DESC, actor LIMIT ?) "
            f"SELECT date_trunc('{unit}', a.date_begin) AS period, any_value(m.actor) AS actor, m.actor_id, count(*) AS n "
            "FROM (SELECT actor_id, actor, article_id FROM f_mentions WHERE actor_id IN (SELECT actor_id FROM top)) m "
            "JOIN f_articles a USING (article_id) WHERE a.date_begin IS NOT NULL "
            "GROUP BY period, m.actor_id ORDER BY period, m.actor_id",
            [top],
        )

    def cooccurrence(self, top: int = 30) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The ``top`` actors and how many sentences name each pair of them."""
        nodes = self.df(
            "SELECT actor_id, actor, actor_type, n_mentions AS n FROM f_actors ORDER BY n_mentions DESC, actor LIMIT ?",
            [top],
        )
        self.con.register("top_nodes", pa.Table.from_pandas(nodes[["actor_id"]], preserve_index=False))
        edges = self.df(
            "WITH s AS (SELECT DISTINCT article_id, sentence_id, actor_id FROM f_mentions WHERE actor_id IN (SELECT actor_id FROM top_nodes)) "
            "SELECT a.actor_id AS a, b.actor_id AS b, count(*) AS w FROM s a JOIN s b "
            "ON a.article_id = b.article_id AND a.sentence_id = b.sentence_id AND a.actor_id < b.actor_id GROUP BY 1, 2 ORDER BY 1, 2"
        )
        self.con.unregister("top_nodes")
        return nodes, edges

    def country_counts(self) -> pd.DataFrame:
        return self.df(
            "SELECT country, count(*) AS n, string_agg(DISTINCT actor, ', ' ORDER BY actor) AS names "
            "FROM f_mentions WHERE length(country) = 3 GROUP BY country ORDER BY country"
        )

    def money_by_currency(self) -> pd.DataFrame:
        return self.df(
            "SELECT currency, count(*) AS n, coalesce(sum(high_eur), 0) AS eur, count(high_eur) AS converted "
            "FROM f_money GROUP BY currency ORDER BY n DESC, currency"
        )

    def events_by_period(self, unit: str = "month", factualities: tuple[str, ...] | list[str] | None = None) -> pd.DataFrame:
        only = f" AND coalesce(factuality, 'asserted') = ANY({sql_list(factualities)})" if factualities is not None else ""
        return self.df(
            f"SELECT date_trunc('{unit}', CAST(begin_date AS DATE)) AS period, event_type, count(*) AS n "
            f"FROM f_events WHERE begin_date IS NOT NULL{only} GROUP BY 1, 2 ORDER BY 1, 2"
        )

    def events(
        self,
        factualities: tuple[str, ...] | list[str] | None = ("asserted",),
        article_dated: bool = True,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Event rows (contract columns) of the given factualities (None: all); without
        ``article_dated`` the events dated only by their article's date are left out."""
        where = ["TRUE"]
        if factualities is not None:
            where.append(f"coalesce(factuality, 'asserted') = ANY({sql_list(factualities)})")
        if not article_dated:
            where.append(f"coalesce(time_text, '') <> '{ARTICLE_DATE}'")
        columns = ", ".join(f'"{c}"' for c in ALL_TABLES["events"])
        limit_sql = f" LIMIT {int(limit)}" if limit is not None else ""
        return conform("events", self.df(
            f"SELECT {columns} FROM f_events WHERE {' AND '.join(where)} "
            f"ORDER BY begin_date NULLS LAST, article_id, sentence_id, event_id{limit_sql}"
        ))

    def factuality_counts(self) -> pd.DataFrame:
        """How many filtered events each factuality has (for a toggle's labels)."""
        return self.df(
            "SELECT coalesce(factuality, 'asserted') AS factuality, count(*) AS n FROM f_events GROUP BY 1 ORDER BY 1"
        )

    def happenings(self, min_articles: int = 1, limit: int | None = None) -> pd.DataFrame:
        """Happenings with at least one report under the filters, most reported first;
        ``n_articles`` counts the whole corpus."""
        columns = ", ".join(f'"{c}"' for c in ALL_TABLES["happenings"])
        limit_sql = f" LIMIT {int(limit)}" if limit is not None else ""
        return conform("happenings", self.df(
            f"SELECT {columns} FROM f_happenings WHERE n_articles >= ? "
            f"ORDER BY n_articles DESC, begin_date, happening_id{limit_sql}",
            [int(min_articles)],
        ))

    def happening_events(self, happening_id: str) -> pd.DataFrame:
        """Every report (event row, with its sentence) of one happening, in report order."""
        columns = ", ".join(f'e."{c}"' for c in ALL_TABLES["events"])
        return conform("events", self.df(
            f"SELECT {columns} FROM events e LEFT JOIN articles a USING (article_id) WHERE e.happening_id = ? "
            "ORDER BY a.date_begin NULLS LAST, e.article_id, e.sentence_id",
            [happening_id],
        ))

    def sentence_keys_for_actors(self, actor_ids: list[str], limit: int = 200) -> list[tuple[str, int]]:
        rows = self.con.execute(
            "SELECT DISTINCT article_id, sentence_id FROM f_mentions WHERE actor_id = ANY(?) ORDER BY article_id, sentence_id LIMIT ?",
            [actor_ids, limit],
        ).fetchall()
        return [(a, int(s)) for a, s in rows]

    def distinct(self, table: str, column: str, limit: int = 5000) -> list:
        sql = f'SELECT DISTINCT "{column}" FROM f_{table} WHERE "{column}" IS NOT NULL AND "{column}" <> \'\' ORDER BY 1 LIMIT ?'
        rows = self.con.execute(self._sql(sql), [limit]).fetchall()
        return [r[0] for r in rows]


def apply(tables: dict[str, pd.DataFrame], filters, texts: dict[str, str] | None = None) -> dict[str, pd.DataFrame]:
    """Every table cut by ``filters`` (pandas in, pandas out), through the same SQL."""
    frames = {name: tables.get(name, pd.DataFrame(columns=list(ALL_TABLES[name]))) for name in DATA_TABLES}
    if texts is None:
        texts = {a: "" for a in frames["articles"]["article_id"]}
    q = Query(CorpusData.from_frames(frames, texts), filters)
    return {name: q.rows(name) for name in DATA_TABLES if name in tables}  # the tables given
