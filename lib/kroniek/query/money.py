"""Money: the questions the Money page asks of the filtered figures (distinct figures,
the largest per context or actor, the reports of one figure)."""

from __future__ import annotations

import pandas as pd

from kroniek.query.shared import shared
from kroniek.query.sql import sql_list


def _names_actors(query, *args, **kwargs) -> bool:
    """Whether the Money page's cut reads mentions (an actor named in the sentence)."""
    return bool(query.page_cut[2])


class MoneyViews:
    """Queries behind the money charts (a mixin of :class:`~kroniek.query.filtered.Query`).
    :meth:`money_view` makes the page's own cut, ``page_money``, that the others read."""

    @shared(mentions=False)
    def money_by_currency(self) -> pd.DataFrame:
        return self._df(
            "SELECT currency, count(*) AS n, coalesce(sum(high_eur), 0) AS eur, count(high_eur) AS converted "
            "FROM f_money GROUP BY currency ORDER BY n DESC, currency"
        )

    def money_view(self, currencies=(), contexts=(), actors=()) -> int:
        """The Money page's own cut of the filtered figures (``page_money``); its size.
        The view itself is made when a question reads it (:meth:`_page_money`)."""
        self.page_cut = (tuple(currencies), tuple(contexts), tuple(actors))
        return self._page_money_size()

    @shared(cut="page_cut", mentions=_names_actors)
    def _page_money_size(self) -> int:
        return int(self.con.execute(f"SELECT count(*) FROM {self._page_money()}").fetchall()[0][0])

    def _page_money(self) -> str:
        """The name of the view of the page's cut, made for the current cut."""
        currencies, contexts, actors = getattr(self, "page_cut", ((), (), ()))
        where = ["TRUE"]
        if currencies:
            where.append(f"currency = ANY({sql_list(currencies)})")
        if contexts:
            where.append(f"context = ANY({sql_list(contexts)})")
        if actors:
            where.append(f"(article_id, sentence_id) IN (SELECT article_id, sentence_id FROM f_mentions WHERE actor = ANY({sql_list(actors)}))")
        if self.__dict__.get("_page_money_made") != self.page_cut:
            self.con.execute(f"CREATE OR REPLACE TEMP VIEW page_money AS SELECT * FROM f_money WHERE {' AND '.join(where)}")
            self._page_money_made = self.page_cut
        return "page_money"

    @shared
    def money_actor_names(self, limit: int = 3000) -> list[str]:
        return self._df(
            f"SELECT DISTINCT m.actor FROM f_mentions m SEMI JOIN f_money x USING (article_id, sentence_id) ORDER BY 1 LIMIT {int(limit)}"
        )["actor"].tolist()

    def _figures_sql(self, unit: str) -> tuple[str, list]:
        """Distinct figures of ``page_money``: one row per (amount, currency, context)
        with how often and where first it was reported (and that report's figure as
        written: written_low, written_high, written_currency)."""
        lo, hi = ("low_eur", "high_eur") if unit == "EUR" else ("low", "high")
        cond, params = (f"{hi} IS NOT NULL", []) if unit == "EUR" else ("currency = ? AND high IS NOT NULL", [unit])
        inferred = "bool_or(coalesce(currency_inferred, false))" if self.has_column("f_money", "currency_inferred") else "NULL::BOOLEAN"
        sql = (
            f"WITH occ AS (SELECT x.*, {lo} AS flo, {hi} AS fhi, coalesce(x.context, '') AS ctx, a.date_begin AS reported "
            f"FROM {self._page_money()} x JOIN articles a USING (article_id) WHERE {cond}), "
            "counts AS (SELECT flo, fhi, currency, ctx, count(*) AS n, count(DISTINCT article_id) AS n_articles, "
            f"min(reported) AS first_reported, max(reported) AS last_reported, {inferred} AS currency_inferred FROM occ GROUP BY 1, 2, 3, 4), "
            "firsts AS (SELECT flo, fhi, currency, ctx, text, article_id, sentence_id, kind, low AS written_low, high AS written_high FROM occ "
            "QUALIFY row_number() OVER (PARTITION BY flo, fhi, currency, ctx ORDER BY reported NULLS LAST, article_id, sentence_id, start) = 1) "
            "SELECT c.flo AS low, c.fhi AS high, c.currency, c.ctx AS context, f.text, f.kind, c.n, c.n_articles, c.first_reported, "
            "c.last_reported, c.currency_inferred, f.article_id, f.sentence_id, f.written_low, f.written_high, c.currency AS written_currency "
            "FROM counts c JOIN firsts f USING (flo, fhi, currency, ctx)"
        )
        return sql, params

    @shared(cut="page_cut", mentions=_names_actors)
    def distinct_figures(self, unit: str = "EUR", limit: int = 1000) -> tuple[pd.DataFrame, int]:
        """The largest ``limit`` distinct figures in ``unit`` ("EUR": converted), and how
        many distinct figures there are (in one total order: see ``ROW_ORDER``)."""
        sql, params = self._figures_sql(unit)
        total = int(self.con.execute(f"SELECT count(*) FROM ({sql})", params).fetchall()[0][0])
        order = "high DESC, low DESC, n DESC, currency, context, article_id, sentence_id"
        return self._df(f"{sql} ORDER BY {order} LIMIT {int(limit)}", params), total

    @shared(cut="page_cut")
    def largest_figures(self, by: str = "context", unit: str = "EUR", limit: int = 15) -> pd.DataFrame:
        """Per context, or per actor (see :meth:`_figures_by_actor`): its largest distinct
        figure (low, high, currency, context, text, n), how many distinct figures it has
        and their sum, each figure counted once.  An actor with figures of its own is
        shown with those ("holder"), else with those it is named beside ("named")."""
        sql, params = self._figures_sql(unit)
        if by == "context":
            labelled = f"SELECT context AS label, '' AS basis, * FROM ({sql}) WHERE context <> ''"
        else:
            labelled = self._figures_by_actor(sql, unit)
        return self._df(
            # an actor's own figures, where it has some, before those it is only named beside
            f"WITH labelled AS ({labelled}), "
            "l AS (SELECT * FROM labelled QUALIFY basis <> 'named' OR NOT bool_or(basis = 'holder') OVER (PARTITION BY label)), "
            "agg AS (SELECT label, count(*) AS n_figures, sum(high) AS distinct_total FROM l GROUP BY label), "
            "top AS (SELECT * FROM l QUALIFY row_number() OVER (PARTITION BY label ORDER BY high DESC, low DESC, n DESC, currency, context, text) = 1) "
            "SELECT top.label, top.basis, top.text, top.low, top.high, top.currency, top.context, top.n, agg.n_figures, agg.distinct_total "
            f"FROM top JOIN agg USING (label) ORDER BY top.high DESC, top.label LIMIT {int(limit)}",
            params,
        )

    def _figures_by_actor(self, figures_sql: str, unit: str) -> str:
        """Distinct figures labelled by actor: the actor a report attributes the figure to
        (the mention at ``holder_start``-``holder_end``: the subject of its verb, its
        possessor or van-phrase), basis "holder"; where a report names no holder, every
        actor named in its sentence, basis "named".  An actor takes a figure as its own
        when any report says so."""
        lo, hi = ("low_eur", "high_eur") if unit == "EUR" else ("low", "high")
        holder = (
            "SELECT DISTINCT o.fl AS low, o.fh AS high, o.currency, o.ctx AS context, m.actor_id, 'holder' AS basis "
            'FROM occ o JOIN f_mentions m ON m.article_id = o.article_id AND m.start = o.holder_start AND m."end" = o.holder_end '
            "WHERE o.holder_end > o.holder_start"
        )
        if not self.has_column("f_money", "holder_start"):
            holder = "SELECT NULL::DOUBLE AS low, NULL::DOUBLE AS high, '' AS currency, '' AS context, '' AS actor_id, 'holder' AS basis WHERE FALSE"
            holder_cols = "-1 AS holder_start, -1 AS holder_end"
        else:
            holder_cols = "x.holder_start, x.holder_end"
        return (
            f"SELECT a.actor AS label, attributed.basis, d.* FROM (SELECT * FROM ({figures_sql})) d JOIN ("
            "SELECT low, high, currency, context, actor_id, min(basis) AS basis FROM ("  # 'holder' < 'named'
            f"WITH occ AS (SELECT x.article_id, x.sentence_id, x.{lo} AS fl, x.{hi} AS fh, x.currency, coalesce(x.context, '') AS ctx, {holder_cols} FROM {self._page_money()} x), "
            f"owned AS ({holder}), "
            # reports whose holder is no actor in view: every actor of the sentence, as named only
            "unowned AS (SELECT o.* FROM occ o WHERE o.holder_end <= o.holder_start OR NOT EXISTS (SELECT 1 FROM f_mentions m "
            'WHERE m.article_id = o.article_id AND m.start = o.holder_start AND m."end" = o.holder_end)) '
            "SELECT * FROM owned UNION ALL SELECT DISTINCT u.fl, u.fh, u.currency, u.ctx, m.actor_id, 'named' FROM unowned u "
            "JOIN f_mentions m USING (article_id, sentence_id)) GROUP BY 1, 2, 3, 4, 5"
            ") attributed USING (low, high, currency, context) JOIN actors a USING (actor_id)"
        )

    @shared(cut="page_cut", mentions=_names_actors)
    def figure_sentences(self, unit: str, low: float, high: float, currency: str, context: str, limit: int = 200):
        """Every sentence reporting one distinct figure (as :meth:`distinct_figures` groups
        them), spread over articles (a :class:`~kroniek.query.filtered.Sentences`)."""
        lo, hi = ("low_eur", "high_eur") if unit == "EUR" else ("low", "high")
        return self._spread(
            f"SELECT article_id, sentence_id FROM {self._page_money()} WHERE {lo} = ? AND {hi} = ? AND currency = ? AND coalesce(context, '') = ?",
            [low, high, currency, context],
            limit,
        )

    @shared
    def currency_sentences(self, currency: str, limit: int = 200):
        """Sentences of the filtered figures in one currency (a bar of "Money figures by currency")."""
        return self._spread("SELECT article_id, sentence_id FROM f_money WHERE currency = ?", [currency], limit)
