"""Filtered: the corpus seen through one :class:`~kroniek.query.filters.Filters` value.

A :class:`Query` makes the session's filtered views of every table (semantics in
``filters.py``) and answers the pages' questions from them: a page never receives a whole
table, only the aggregate it charts or a limited number of rows, so a corpus of 120,000
articles costs a few hundred milliseconds per filter change.  The questions are grouped
by the page that asks them (``actors.py``, ``money.py``, ``chronology.py``,
``articles.py``); the views they read are named here only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Mapping

import pandas as pd
import pyarrow as pa

from kroniek.data.schema import ALL_TABLES, DATA_TABLES, TABLES, conform
from kroniek.query.actors import ActorViews
from kroniek.query.articles import ArticleViews
from kroniek.query.chronology import ChronologyViews
from kroniek.query.database import CorpusData
from kroniek.query.filters import Filters
from kroniek.query.money import MoneyViews
from kroniek.query.shared import shared
from kroniek.query.sql import columns, limit_sql, sql_list, time_unit


# Every listing in one total order: a chart's spec (and a table's rows) must be the same
# on every rerun, or Streamlit takes it for a new element and forgets the user's click.
ROW_ORDER = {
    "articles": "date, article_id",
    "mentions": 'article_id, start, "end", actor_id',
    "actors": "n_mentions DESC, actor, actor_id",
    "money": 'article_id, start, "end"',
    "timexes": 'article_id, start, "end"',
    "events": "article_id, sentence_id, event_id",
    "happenings": "happening_id",
}


@dataclass(frozen=True)
class Sentences:
    """Some source sentences of a selection, spread over its articles, and how many there are."""

    keys: list[tuple[str, int]]  # (article_id, sentence_id): one per article first, earliest article first
    total: int  # sentences in the selection
    articles: int  # articles they are in


def reads_mentions(query, table: str, *args, **kwargs) -> bool:
    """Whether the filtered view of ``table`` depends on the mention-level filters."""
    return table in ("mentions", "actors")


class Query(ActorViews, MoneyViews, ChronologyViews, ArticleViews):
    """The corpus seen through one Filters value."""

    def __init__(self, data: CorpusData, filters: Filters):
        self.data = data
        self.filters = filters
        self._con = None

    @property
    def con(self):
        """This Query's cursor, with the filtered views made on first use: a rerun whose
        answers are all shared (:mod:`~kroniek.query.shared`) never makes them."""
        if self._con is None:
            self._con = self.data.connection()
            self._create_views()
        return self._con

    # -- the filtered views -------------------------------------------------------------

    def _create_views(self) -> None:
        self._in_base = self._select_articles()
        self._create_mention_view()
        if self.filters.actors:
            self._create_actor_sentence_views()
        else:
            for table in ("money", "timexes", "events", "sentences", "articles"):
                self.con.execute(f"CREATE OR REPLACE TEMP VIEW f_{table} AS SELECT * FROM {table} WHERE {self._in_base}")
        self.con.execute(f"CREATE OR REPLACE TEMP VIEW f_roles AS SELECT * FROM roles WHERE {self._in_base}")
        # a happening is in view when one of its reports is
        self.con.execute(
            "CREATE OR REPLACE TEMP VIEW f_happenings AS SELECT * FROM happenings WHERE happening_id IN "
            "(SELECT DISTINCT happening_id FROM f_events WHERE happening_id IS NOT NULL AND happening_id <> '')"
        )
        self._create_actor_view()

    def _select_articles(self) -> str:
        """The articles the date range, sources and text search keep, as a condition."""
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
        if len(where) == 1:
            return "TRUE"  # every article: no semi-join over millions of rows
        self.con.execute(f"CREATE OR REPLACE TEMP TABLE base_ids AS SELECT article_id FROM articles WHERE {' AND '.join(where)}", params)
        return "article_id IN (SELECT article_id FROM base_ids)"

    def _actor_conditions(self, via: bool = False, chosen: bool = True) -> list[str]:
        """The conditions of the mention-level filters: actor types, ``via`` (when asked
        for), chosen actors (unless ``chosen`` is false: who is named beside them)."""
        f, kept = self.filters, []
        if f.actor_types:
            kept.append(f"actor_type = ANY({sql_list(f.actor_types)})")
        if via and f.via:
            kept.append(f"via = ANY({sql_list(f.via)})")
        if f.actors and chosen:
            kept.append(f"actor_id = ANY({sql_list(f.actors)})")
        return kept

    def _create_mention_view(self) -> None:
        where = " AND ".join([self._in_base, *self._actor_conditions(via=True)])
        self.con.execute(f"CREATE OR REPLACE TEMP VIEW f_mentions AS SELECT * FROM mentions WHERE {where}")

    def _create_actor_sentence_views(self) -> None:
        """Chosen actors cut money, time expressions and sentences to the sentences naming
        them, events also to those naming them as source or target, and articles to
        those mentioning them."""
        in_base = self._in_base
        self.con.execute("CREATE OR REPLACE TEMP TABLE actor_sentences AS SELECT DISTINCT article_id, sentence_id FROM f_mentions")
        in_sentence = "(article_id, sentence_id) IN (SELECT article_id, sentence_id FROM actor_sentences)"
        for table in ("money", "timexes", "sentences"):
            self.con.execute(f"CREATE OR REPLACE TEMP VIEW f_{table} AS SELECT * FROM {table} WHERE {in_base} AND {in_sentence}")
        chosen = sql_list(self.filters.actors)
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

    def _create_actor_view(self) -> None:
        self._kept_actors = " AND ".join(["TRUE", *self._actor_conditions()])
        self._actors_pending = False
        if self._in_base == "TRUE" and not self.filters.via:
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
            "ORDER BY n_mentions DESC, actor, actor_id"
        )
        self._actors_pending = False

    def _sql(self, sql: str) -> str:
        self.con  # noqa: B018  (the filtered views, made on first use, before they are read)
        if self._actors_pending and "f_actors" in sql:
            self._count_actors()
        return sql

    def _df(self, sql: str, params: list | None = None) -> pd.DataFrame:
        return self.con.execute(self._sql(sql), params or []).fetch_df()

    def _keys(self, sql: str, params: list) -> list[tuple[str, int]]:
        """(article_id, sentence_id) pairs a query selects, as Python values."""
        return [(row[0], int(row[1])) for row in self.con.execute(self._sql(sql), params).fetchall()]

    def _spread(self, keys_sql: str, params: list, limit: int) -> Sentences:
        """The (article_id, sentence_id) pairs ``keys_sql`` selects, spread over articles:
        each article's first sentence, earliest article first, then each one's second, ...;
        with how many sentences and articles there are (a reader sees the breadth of the
        selection, not ten sentences of one article)."""
        sql = self._sql(keys_sql)
        total, articles = self.con.execute(f"SELECT count(*), count(DISTINCT article_id) FROM (SELECT DISTINCT article_id, sentence_id FROM ({sql}))", params).fetchall()[0]
        keys = self._keys(
            f"WITH k AS (SELECT DISTINCT article_id, sentence_id FROM ({sql})), "
            "r AS (SELECT k.*, row_number() OVER (PARTITION BY article_id ORDER BY sentence_id) AS nth FROM k) "
            "SELECT r.article_id, r.sentence_id FROM r LEFT JOIN articles a USING (article_id) "
            f"ORDER BY r.nth, a.date_begin NULLS LAST, r.article_id LIMIT {int(limit)}",
            params,
        )
        return Sentences(keys, int(total), int(articles))

    def has_column(self, table: str, column: str) -> bool:
        """Whether a table (or filtered view) has a column: newer contract columns such
        as events.factuality or money.currency_inferred are used when present."""
        cache = self.__dict__.setdefault("_columns", {})
        if table not in cache:
            cache[table] = {r[0] for r in self.con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()}
        return column in cache[table]

    def has_table(self, name: str) -> bool:
        return bool(self.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchall()[0][0])

    # -- rows -----------------------------------------------------------------------------

    @shared(mentions=reads_mentions)
    def count(self, table: str) -> int:
        return int(self.con.execute(self._sql(f"SELECT count(*) FROM f_{table}")).fetchall()[0][0])

    def rows(self, table: str, limit: int | None = None, order: str | None = None) -> pd.DataFrame:
        """Rows of a table with exactly the contract's columns (all, or the first ``limit``)."""
        if limit is None:  # a download: every row, never kept
            return self._rows(table, None, order)
        return self._first_rows(table, limit, order)

    @shared(mentions=reads_mentions)
    def _first_rows(self, table: str, limit: int, order: str | None) -> pd.DataFrame:
        return self._rows(table, limit, order)

    def _rows(self, table: str, limit: int | None, order: str | None) -> pd.DataFrame:
        order_by = f" ORDER BY {order or ROW_ORDER.get(table, '1')}"
        return conform(table, self._df(f"SELECT {columns(table)} FROM f_{table}{order_by}{limit_sql(limit)}"))

    def all_tables(self) -> dict[str, pd.DataFrame]:
        return {name: self.rows(name) for name in TABLES}

    @shared(mentions=reads_mentions)
    def distinct(self, table: str, column: str, limit: int = 5000) -> list:
        sql = f'SELECT DISTINCT "{column}" FROM f_{table} WHERE "{column}" IS NOT NULL AND "{column}" <> \'\' ORDER BY 1 LIMIT ?'
        rows = self.con.execute(self._sql(sql), [limit]).fetchall()
        return [r[0] for r in rows]

    def with_sentences(self, df: pd.DataFrame) -> pd.DataFrame:
        """Add each row's source sentence text (rows need article_id and sentence_id)."""
        if df.empty:
            return df.assign(sentence=pd.Series(dtype="string"))
        keys = pa.Table.from_pandas(df[["article_id", "sentence_id"]].drop_duplicates(), preserve_index=False)
        self.con.register("wanted_keys", keys)
        texts = self._df(
            "SELECT k.article_id, k.sentence_id, trim(substr(t.text, s.start + 1, s.\"end\" - s.start)) AS sentence "
            "FROM wanted_keys k JOIN sentences s USING (article_id, sentence_id) JOIN texts t USING (article_id)"
        )
        self.con.unregister("wanted_keys")
        out = df.merge(texts, on=["article_id", "sentence_id"], how="left")
        out["sentence"] = out["sentence"].fillna("")
        return out

    # -- the filtered articles ------------------------------------------------------------

    @shared(mentions=False)
    def overview(self) -> dict:
        row = self.con.execute(
            "SELECT count(*), coalesce(sum(n_words), 0), min(nullif(date, '')), max(nullif(date, '')) FROM f_articles"
        ).fetchall()[0]
        return {"articles": int(row[0]), "words": int(row[1]), "first": row[2], "last": row[3]}

    @shared(mentions=False)
    def article_dates(self) -> tuple:
        """First and last day of the filtered articles' dates (None, None without dates)."""
        lo, hi = self.con.execute("SELECT min(date_begin), max(date_end) FROM f_articles").fetchall()[0]
        return lo, hi

    @shared(mentions=False)
    def articles_by_period(self, unit: str = "month") -> pd.DataFrame:
        """Filtered articles published per period (the denominator of 'per 100 articles')."""
        return self._df(
            f"SELECT date_trunc('{time_unit(unit)}', date_begin) AS period, count(*) AS n_articles FROM f_articles "
            "WHERE date_begin IS NOT NULL GROUP BY 1 ORDER BY 1"
        )


def apply(tables: Mapping[str, pd.DataFrame], filters: Filters, texts: Mapping[str, str] | None = None) -> dict[str, pd.DataFrame]:
    """Every table cut by ``filters`` (pandas in, pandas out), through the same SQL the
    dashboard uses (semantics in ``filters.py``)."""
    frames = {name: tables.get(name, pd.DataFrame(columns=list(ALL_TABLES[name]))) for name in DATA_TABLES}
    if texts is None:
        texts = {a: "" for a in frames["articles"]["article_id"]}
    q = Query(CorpusData.from_frames(frames, texts), filters)
    return {name: q.rows(name) for name in DATA_TABLES if name in tables}  # the tables given
