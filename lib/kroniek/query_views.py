"""The chart views' queries: the chronicle, time axes, distinct money figures, the network.

A mixin of :class:`kroniek.query.Query` (the SQL stays with the query layer; this file
only keeps the view queries apart from the filter machinery).  Every method reads the
session's filtered views (``f_events``, ``f_money``, ...).
"""

from __future__ import annotations

import pandas as pd


def sql_list(values) -> str:
    from kroniek.query import sql_list as quote

    return quote(values)


# The middle day of an item's date interval: it belongs to the corpus period when this
# day does ("the past four years", 2015-2019, is background to news of March 2019).
MIDDLE = "(CAST(begin_date AS DATE) + CAST((CAST(end_date AS DATE) - CAST(begin_date AS DATE)) // 2 AS INTEGER))"


def _unit(unit: str) -> str:
    """A DuckDB date_trunc part from a chart unit (only these three reach the SQL)."""
    if unit not in ("day", "week", "month"):
        raise ValueError(f"unknown time unit {unit!r}")
    return unit


class ViewQueries:
    """Queries behind the Overview, Actors, Money and Chronology charts (``self.con``,
    ``self.df`` come from :class:`~kroniek.query.Query`)."""

    def has_column(self, table: str, column: str) -> bool:
        """Whether a table (or filtered view) has a column: newer contract columns such
        as events.factuality or money.currency_inferred are used when present."""
        cache = self.__dict__.setdefault("_columns", {})
        if table not in cache:
            cache[table] = {r[0] for r in self.con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()}
        return column in cache[table]

    def article_dates(self) -> tuple:
        """First and last day of the filtered articles' dates (None, None without dates)."""
        lo, hi = self.con.execute("SELECT min(date_begin), max(date_end) FROM f_articles").fetchone()
        return lo, hi

    def articles_by_period(self, unit: str = "month") -> pd.DataFrame:
        """Filtered articles published per period (the denominator of 'per 100 articles')."""
        return self.df(
            f"SELECT date_trunc('{_unit(unit)}', date_begin) AS period, count(*) AS n_articles FROM f_articles "
            "WHERE date_begin IS NOT NULL GROUP BY 1 ORDER BY 1"
        )

    def events_in_window(self, unit: str, lo, hi, factuality: tuple[str, ...] | None = None) -> tuple[pd.DataFrame, int]:
        """Events per period and type whose date's middle falls in [lo, hi], and how many
        are dated outside it (the background: history, plans years ahead)."""
        where = "begin_date IS NOT NULL" + self._factuality_sql(factuality)
        counts = self.df(
            f"SELECT date_trunc('{_unit(unit)}', CAST(begin_date AS DATE)) AS period, event_type, count(*) AS n FROM f_events "
            f"WHERE {where} AND {MIDDLE} BETWEEN ? AND ? GROUP BY 1, 2 ORDER BY 1, 2",
            [lo, hi],
        )
        outside = self.con.execute(
            f"SELECT count(*) FROM f_events WHERE {where} AND NOT ({MIDDLE} BETWEEN ? AND ?)", [lo, hi]
        ).fetchone()[0]
        return counts, int(outside)

    def _factuality_sql(self, factuality: tuple[str, ...] | None) -> str:
        if factuality and self.has_column("f_events", "factuality"):
            return f" AND coalesce(factuality, 'asserted') = ANY({sql_list(factuality)})"
        return ""

    def _happenings_sql(self, factuality: tuple[str, ...] | None, types: tuple[str, ...] = ()) -> str:
        """One row per happening of the filtered events, in the happenings table's shape.

        Events carry ``happening_id`` once reports of one happening are grouped; until
        then (or for an event without one) each event is its own happening.  Article
        counts and report dates come from the filtered events, so they follow the filters."""
        hid = "coalesce(nullif(e.happening_id, ''), e.event_id)" if self.has_column("f_events", "happening_id") else "e.event_id"
        where = "e.begin_date IS NOT NULL" + self._factuality_sql(factuality).replace("coalesce(factuality", "coalesce(e.factuality")
        if types:
            where += f" AND e.event_type = ANY({sql_list(types)})"
        grouped = (
            f"SELECT {hid} AS happening_id, mode(e.event_code) AS event_code, mode(e.event_type) AS event_type, "
            # a role may name several actors, "|"-separated
            "array_to_string(list_sort(list_filter(list_distinct(flatten(list(list_concat(string_split(coalesce(e.source_actor, ''), '|'), "
            "string_split(coalesce(e.target_actor, ''), '|'))))), lambda x: x <> '')), ', ') AS actors, "
            "min(e.begin_date) AS begin_date, max(e.end_date) AS end_date, count(DISTINCT e.article_id) AS n_articles, count(*) AS n_reports, "
            "min(a.date_begin) AS first_reported, max(a.date_begin) AS last_reported, arg_max(e.trigger, e.confidence) AS trigger "
            f"FROM f_events e JOIN articles a USING (article_id) WHERE {where} GROUP BY 1"
        )
        label = "g.trigger || CASE WHEN g.actors <> '' THEN ' — ' || g.actors ELSE '' END"
        if self.has_table("happenings"):
            return (
                "SELECT g.happening_id, coalesce(h.event_code, g.event_code) AS event_code, coalesce(h.event_type, g.event_type) AS event_type, "
                "coalesce(nullif(replace(h.actors, '|', ', '), ''), g.actors) AS actors, coalesce(h.begin_date, g.begin_date) AS begin_date, "
                "coalesce(h.end_date, g.end_date) AS end_date, g.n_articles, g.first_reported, g.last_reported, "
                f"coalesce(nullif(h.label, ''), {label}) AS label, g.n_reports FROM ({grouped}) g LEFT JOIN happenings h USING (happening_id)"
            )
        return (
            "SELECT g.happening_id, g.event_code, g.event_type, g.actors, g.begin_date, g.end_date, g.n_articles, "
            f"g.first_reported, g.last_reported, {label} AS label, g.n_reports FROM ({grouped}) g"
        )

    def _happenings_view(self, factuality: tuple[str, ...] | None, types: tuple[str, ...] = ()) -> str:
        """The filtered happenings as a temp table, computed once per Query and choice
        (the chronicle asks for a count, a page and the background of the same rows)."""
        made = self.__dict__.setdefault("_happening_tables", {})
        key = (tuple(factuality) if factuality else None, tuple(types))
        if key not in made:
            name = f"page_happenings_{len(made)}"
            self.con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {self._happenings_sql(factuality, types)}")
            made[key] = name
        return made[key]

    def has_table(self, name: str) -> bool:
        return bool(self.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()[0])

    @staticmethod
    def _scope_sql(scope: str, period) -> tuple[str, list]:
        if scope == "all" or period is None:
            return "TRUE", []
        inside = f"({MIDDLE} BETWEEN ? AND ?)"
        return (inside if scope == "period" else f"NOT {inside}"), [period[0], period[1]]

    def chronicle(
        self,
        period=None,
        scope: str = "period",
        factuality: tuple[str, ...] | None = ("asserted",),
        types: tuple[str, ...] = (),
        limit: int = 50,
        offset: int = 0,
        min_articles: int = 1,
    ) -> tuple[pd.DataFrame, int]:
        """A page of happenings sorted by date, and how many there are in ``scope``:
        "period" (the middle of its date in the corpus period), "background" (not) or
        "all"; ``min_articles``: only happenings reported in at least that many articles.
        Columns: those of the happenings table, plus n_reports."""
        cond, params = self._scope_sql(scope, period)
        base = f"SELECT * FROM {self._happenings_view(factuality, types)} WHERE {cond} AND n_articles >= {int(min_articles)}"
        total = int(self.con.execute(f"SELECT count(*) FROM ({base})", params).fetchone()[0])
        rows = self.df(f"{base} ORDER BY begin_date, end_date, happening_id LIMIT {int(limit)} OFFSET {int(offset)}", params)
        return rows, total

    def chronicle_table(
        self, period=None, scope: str = "all", factuality: tuple[str, ...] | None = ("asserted",), types: tuple[str, ...] = (), min_articles: int = 1
    ) -> pd.DataFrame:
        """The chronicle as a table to download: date, what, who, type, articles, sources."""
        cond, params = self._scope_sql(scope, period)
        cond += f" AND n_articles >= {int(min_articles)}"
        hid = "coalesce(nullif(happening_id, ''), event_id)" if self.has_column("f_events", "happening_id") else "event_id"
        return self.df(
            f"WITH h AS (SELECT * FROM ({self._happenings_sql(factuality, types)}) WHERE {cond}), "
            f"src AS (SELECT {hid} AS happening_id, string_agg(DISTINCT article_id, '; ' ORDER BY article_id) AS sources FROM f_events GROUP BY 1) "
            "SELECT h.begin_date, h.end_date, h.label AS what, h.actors AS who, h.event_type, h.event_code, h.n_articles, "
            "h.first_reported, h.last_reported, src.sources, h.happening_id FROM h JOIN src USING (happening_id) "
            "ORDER BY h.begin_date, h.end_date, h.happening_id",
            params,
        )

    def happening_sentences(self, happening_id: str, factuality: tuple[str, ...] | None = None, limit: int = 500) -> list[tuple[str, int]]:
        """Every (article, sentence) reporting one happening, earliest article first."""
        hid = "coalesce(nullif(e.happening_id, ''), e.event_id)" if self.has_column("f_events", "happening_id") else "e.event_id"
        where = self._factuality_sql(factuality).replace("coalesce(factuality", "coalesce(e.factuality")
        rows = self.con.execute(
            f"SELECT DISTINCT e.article_id, e.sentence_id, a.date_begin FROM f_events e JOIN articles a USING (article_id) "
            f"WHERE {hid} = ? {where} ORDER BY a.date_begin, e.article_id, e.sentence_id LIMIT ?",
            [happening_id, limit],
        ).fetchall()
        return [(a, int(s)) for a, s, _ in rows]

    def money_view(self, currencies=(), contexts=(), actors=()) -> int:
        """The Money page's own cut of the filtered figures (``page_money``); its size."""
        where = ["TRUE"]
        if currencies:
            where.append(f"currency = ANY({sql_list(currencies)})")
        if contexts:
            where.append(f"context = ANY({sql_list(contexts)})")
        if actors:
            where.append(f"(article_id, sentence_id) IN (SELECT article_id, sentence_id FROM f_mentions WHERE actor = ANY({sql_list(actors)}))")
        self.con.execute(f"CREATE OR REPLACE TEMP VIEW page_money AS SELECT * FROM f_money WHERE {' AND '.join(where)}")
        return int(self.con.execute("SELECT count(*) FROM page_money").fetchone()[0])

    def money_actor_names(self, limit: int = 3000) -> list[str]:
        return self.df(
            f"SELECT DISTINCT m.actor FROM f_mentions m SEMI JOIN f_money x USING (article_id, sentence_id) ORDER BY 1 LIMIT {int(limit)}"
        )["actor"].tolist()

    def _figures_sql(self, unit: str) -> tuple[str, list]:
        """Distinct figures of ``page_money``: one row per (amount, currency, context)
        with how often and where first it was reported."""
        lo, hi = ("low_eur", "high_eur") if unit == "EUR" else ("low", "high")
        cond, params = (f"{hi} IS NOT NULL", []) if unit == "EUR" else ("currency = ? AND high IS NOT NULL", [unit])
        inferred = "bool_or(coalesce(currency_inferred, false))" if self.has_column("f_money", "currency_inferred") else "NULL::BOOLEAN"
        sql = (
            f"WITH occ AS (SELECT x.*, {lo} AS flo, {hi} AS fhi, coalesce(x.context, '') AS ctx, a.date_begin AS reported "
            f"FROM page_money x JOIN articles a USING (article_id) WHERE {cond}), "
            "counts AS (SELECT flo, fhi, currency, ctx, count(*) AS n, count(DISTINCT article_id) AS n_articles, "
            f"min(reported) AS first_reported, max(reported) AS last_reported, {inferred} AS currency_inferred FROM occ GROUP BY 1, 2, 3, 4), "
            "firsts AS (SELECT flo, fhi, currency, ctx, text, article_id, sentence_id, kind FROM occ "
            "QUALIFY row_number() OVER (PARTITION BY flo, fhi, currency, ctx ORDER BY reported NULLS LAST, article_id, sentence_id) = 1) "
            "SELECT c.flo AS low, c.fhi AS high, c.currency, c.ctx AS context, f.text, f.kind, c.n, c.n_articles, c.first_reported, "
            "c.last_reported, c.currency_inferred, f.article_id, f.sentence_id "
            "FROM counts c JOIN firsts f USING (flo, fhi, currency, ctx)"
        )
        return sql, params

    def distinct_figures(self, unit: str = "EUR", limit: int = 1000) -> tuple[pd.DataFrame, int]:
        """The largest ``limit`` distinct figures in ``unit`` ("EUR": converted), and how
        many distinct figures there are."""
        sql, params = self._figures_sql(unit)
        total = int(self.con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0])
        return self.df(f"{sql} ORDER BY high DESC, low DESC, n DESC LIMIT {int(limit)}", params), total

    def largest_figures(self, by: str = "context", unit: str = "EUR", limit: int = 15) -> pd.DataFrame:
        """Per context (or per actor named in the figure's sentences): its largest distinct
        figure, how many distinct figures it has and their sum, each figure counted once."""
        sql, params = self._figures_sql(unit)
        if by == "context":
            labelled = f"SELECT context AS label, * FROM ({sql}) WHERE context <> ''"
        else:
            lo, hi = ("low_eur", "high_eur") if unit == "EUR" else ("low", "high")
            labelled = (
                f"WITH d AS ({sql}), named AS (SELECT DISTINCT x.{lo} AS low, x.{hi} AS high, x.currency, coalesce(x.context, '') AS context, m.actor "
                # the money rows are few: join the mentions to them first, distinct after
                "FROM page_money x JOIN f_mentions m USING (article_id, sentence_id)) "
                "SELECT named.actor AS label, d.* FROM d JOIN named USING (low, high, currency, context)"
            )
        return self.df(
            f"SELECT label, arg_max(text, high) AS text, max(high) AS high, arg_max(n, high) AS n, count(*) AS n_figures, sum(high) AS distinct_total "
            f"FROM ({labelled}) GROUP BY label ORDER BY high DESC, label LIMIT {int(limit)}",
            params,
        )

    def figure_sentences(self, unit: str, low: float, high: float, currency: str, context: str, limit: int = 200) -> list[tuple[str, int]]:
        """Every sentence reporting one distinct figure (as :meth:`distinct_figures` groups them)."""
        lo, hi = ("low_eur", "high_eur") if unit == "EUR" else ("low", "high")
        rows = self.con.execute(
            f"SELECT DISTINCT article_id, sentence_id FROM page_money WHERE {lo} = ? AND {hi} = ? AND currency = ? AND coalesce(context, '') = ? "
            "ORDER BY 1, 2 LIMIT ?",
            [low, high, currency, context, limit],
        ).fetchall()
        return [(a, int(s)) for a, s in rows]

    def shared_sentences(self, actor_id: str, others: list[str], limit: int = 200) -> list[tuple[str, int]]:
        """Sentences naming ``actor_id`` together with any of ``others`` (a network node's edges)."""
        rows = self.con.execute(
            "SELECT DISTINCT a.article_id, a.sentence_id FROM f_mentions a JOIN f_mentions b USING (article_id, sentence_id) "
            "WHERE a.actor_id = ? AND b.actor_id = ANY(?) AND b.actor_id <> a.actor_id ORDER BY 1, 2 LIMIT ?",
            [actor_id, others, limit],
        ).fetchall()
        return [(a, int(s)) for a, s in rows]

