"""Chronology: the questions the Overview and Chronology pages ask of the filtered events,
happenings and time expressions."""

from __future__ import annotations

import pandas as pd

from kroniek.data.schema import ARTICLE_DATE, conform
from kroniek.query.shared import shared
from kroniek.query.sql import MIDDLE, columns, limit_sql, sql_list, time_unit


class ChronologyViews:
    """Queries behind the chronicle and the event charts (a mixin of
    :class:`~kroniek.query.filtered.Query`)."""

    @shared(mentions=False)
    def events_by_period(self, unit: str = "month", factualities: tuple[str, ...] | list[str] | None = None) -> pd.DataFrame:
        only = self._factuality_sql(factualities)
        return self._df(
            f"SELECT date_trunc('{time_unit(unit)}', CAST(begin_date AS DATE)) AS period, event_type, count(*) AS n "
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
        where = ["TRUE" + self._factuality_sql(factualities)]
        if not article_dated:
            where.append(f"coalesce(time_text, '') <> '{ARTICLE_DATE}'")
        return conform("events", self._df(
            f"SELECT {columns('events')} FROM f_events WHERE {' AND '.join(where)} "
            f"ORDER BY begin_date NULLS LAST, article_id, sentence_id, event_id{limit_sql(limit)}"
        ))

    def factuality_counts(self) -> pd.DataFrame:
        """How many filtered events each factuality has (for a toggle's labels)."""
        return self._df(
            "SELECT coalesce(factuality, 'asserted') AS factuality, count(*) AS n FROM f_events GROUP BY 1 ORDER BY 1"
        )

    def happenings(self, min_articles: int = 1, limit: int | None = None) -> pd.DataFrame:
        """Happenings with at least one report under the filters, most reported first;
        ``n_articles`` counts the whole corpus."""
        return conform("happenings", self._df(
            f"SELECT {columns('happenings')} FROM f_happenings WHERE n_articles >= ? "
            f"ORDER BY n_articles DESC, begin_date, happening_id{limit_sql(limit)}",
            [int(min_articles)],
        ))

    def happening_events(self, happening_id: str) -> pd.DataFrame:
        """Every report (event row, with its sentence) of one happening, in report order."""
        return conform("events", self._df(
            f"SELECT {columns('events', 'e')} FROM events e LEFT JOIN articles a USING (article_id) WHERE e.happening_id = ? "
            "ORDER BY a.date_begin NULLS LAST, e.article_id, e.sentence_id",
            [happening_id],
        ))

    @shared(mentions=False)
    def events_in_window(self, unit: str, lo, hi, factuality: tuple[str, ...] | None = None) -> tuple[pd.DataFrame, int]:
        """Events per period and type whose date's middle falls in [lo, hi], and how many
        are dated outside it (the background: history, plans years ahead)."""
        where = "begin_date IS NOT NULL" + self._factuality_sql(factuality)
        counts = self._df(
            f"SELECT date_trunc('{time_unit(unit)}', CAST(begin_date AS DATE)) AS period, event_type, count(*) AS n FROM f_events "
            f"WHERE {where} AND {MIDDLE} BETWEEN ? AND ? GROUP BY 1, 2 ORDER BY 1, 2",
            [lo, hi],
        )
        outside = self.con.execute(
            f"SELECT count(*) FROM f_events WHERE {where} AND NOT ({MIDDLE} BETWEEN ? AND ?)", [lo, hi]
        ).fetchall()[0][0]
        return counts, int(outside)

    def _factuality_sql(self, factuality: tuple[str, ...] | list[str] | None) -> str:
        """Events of these factualities; asserted ones alone (the chronicle's default) only
        where the extractor was sure enough (``confident``)."""
        if not factuality or not self.has_column("f_events", "factuality"):
            return ""
        sql = f" AND coalesce(factuality, 'asserted') = ANY({sql_list(factuality)})"
        if tuple(factuality) == ("asserted",) and self.has_column("f_events", "confident"):
            sql += " AND coalesce(confident, TRUE)"
        return sql

    def _happenings_sql(self, factuality: tuple[str, ...] | None, types: tuple[str, ...] = ()) -> str:
        """One row per happening of the filtered events, in the happenings table's shape.

        Events carry ``happening_id`` once reports of one happening are grouped; until
        then (or for an event without one) each event is its own happening.  Article
        counts and report dates come from the filtered events, so they follow the filters."""
        hid = "coalesce(nullif(e.happening_id, ''), e.event_id)" if self.has_column("f_events", "happening_id") else "e.event_id"
        where = "e.begin_date IS NOT NULL" + self._factuality_sql(factuality).replace("coalesce(factuality", "coalesce(e.factuality").replace("coalesce(confident", "coalesce(e.confident")
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

    @staticmethod
    def _scope_sql(scope: str, period) -> tuple[str, list]:
        if scope == "all" or period is None:
            return "TRUE", []
        inside = f"({MIDDLE} BETWEEN ? AND ?)"
        return (inside if scope == "period" else f"NOT {inside}"), [period[0], period[1]]

    @shared(mentions=False)
    def chronicle(
        self,
        period=None,
        scope: str = "period",
        factuality: tuple[str, ...] | None = ("asserted",),
        types: tuple[str, ...] = (),
        limit: int = 50,
        offset: int = 0,
        min_articles: int = 1,
        order: str = "date",
    ) -> tuple[pd.DataFrame, int]:
        """A page of happenings and how many there are in ``scope``: "period" (the middle
        of its date in the corpus period), "background" (not) or "all"; ``min_articles``:
        only happenings reported in at least that many articles.  ``order``: "date", or
        "reports" (the happenings most articles report first: the stories of the corpus).
        Columns: those of the happenings table, plus n_reports."""
        cond, params = self._scope_sql(scope, period)
        base = f"SELECT * FROM {self._happenings_view(factuality, types)} WHERE {cond} AND n_articles >= {int(min_articles)}"
        total = int(self.con.execute(f"SELECT count(*) FROM ({base})", params).fetchall()[0][0])
        by = "n_articles DESC, n_reports DESC, begin_date, end_date, happening_id" if order == "reports" else "begin_date, end_date, happening_id"
        rows = self._df(f"{base} ORDER BY {by} LIMIT {int(limit)} OFFSET {int(offset)}", params)
        return rows, total

    def chronicle_table(
        self, period=None, scope: str = "all", factuality: tuple[str, ...] | None = ("asserted",), types: tuple[str, ...] = (), min_articles: int = 1
    ) -> pd.DataFrame:
        """The chronicle as a table to download: date, what, who, type, articles, sources."""
        cond, params = self._scope_sql(scope, period)
        cond += f" AND n_articles >= {int(min_articles)}"
        hid = "coalesce(nullif(happening_id, ''), event_id)" if self.has_column("f_events", "happening_id") else "event_id"
        return self._df(
            f"WITH h AS (SELECT * FROM ({self._happenings_sql(factuality, types)}) WHERE {cond}), "
            f"src AS (SELECT {hid} AS happening_id, string_agg(DISTINCT article_id, '; ' ORDER BY article_id) AS sources FROM f_events GROUP BY 1) "
            "SELECT h.begin_date, h.end_date, h.label AS what, h.actors AS who, h.event_type, h.event_code, h.n_articles, "
            "h.first_reported, h.last_reported, src.sources, h.happening_id FROM h JOIN src USING (happening_id) "
            "ORDER BY h.begin_date, h.end_date, h.happening_id",
            params,
        )

    @shared(mentions=False)
    def happening_sentences(self, happening_id: str, factuality: tuple[str, ...] | None = None, limit: int = 500) -> list[tuple[str, int]]:
        """Every (article, sentence) reporting one happening, earliest article first."""
        hid = "coalesce(nullif(e.happening_id, ''), e.event_id)" if self.has_column("f_events", "happening_id") else "e.event_id"
        where = self._factuality_sql(factuality).replace("coalesce(factuality", "coalesce(e.factuality").replace("coalesce(confident", "coalesce(e.confident")
        return self._keys(
            f"SELECT DISTINCT e.article_id, e.sentence_id, a.date_begin FROM f_events e JOIN articles a USING (article_id) "
            f"WHERE {hid} = ? {where} ORDER BY a.date_begin, e.article_id, e.sentence_id LIMIT ?",
            [happening_id, limit],
        )

    def has_factuality(self) -> bool:
        """Whether these tables tell asserted from negated events (newer contract column)."""
        return self.has_column("f_events", "factuality")

    def dated_timexes(self, limit: int) -> pd.DataFrame:
        """The ``limit`` latest filtered time expressions that have an interval."""
        return self._df(f"SELECT * FROM f_timexes WHERE begin_date IS NOT NULL ORDER BY begin_date DESC, article_id, start LIMIT {int(limit)}")

    def event_sentences(self, unit: str, start, event_type: str, factuality: tuple[str, ...] | None = None, limit: int = 200):
        """Sentences of the events of one type dated in one ``unit`` beginning at ``start``
        (a bar of "Events over time"), spread over articles."""
        return self._spread(
            f"SELECT article_id, sentence_id FROM f_events WHERE event_type = ? AND begin_date IS NOT NULL "
            f"AND date_trunc('{time_unit(unit)}', CAST(begin_date AS DATE)) = CAST(? AS DATE){self._factuality_sql(factuality)}",
            [event_type, str(start)[:10]],
            limit,
        )
