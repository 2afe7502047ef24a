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
        return int(self.con.execute(f"SELECT count(*) FROM {self._page_money()}").fetchone()[0])

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
        with how often and where first it was reported."""
        lo, hi = ("low_eur", "high_eur") if unit == "EUR" else ("low", "high")
        cond, params = (f"{hi} IS NOT NULL", []) if unit == "EUR" else ("currency = ? AND high IS NOT NULL", [unit])
        inferred = "bool_or(coalesce(currency_inferred, false))" if self.has_column("f_money", "currency_inferred") else "NULL::BOOLEAN"
        sql = (
            f"WITH occ AS (SELECT x.*, {lo} AS flo, {hi} AS fhi, coalesce(x.context, '') AS ctx, a.date_begin AS reported "
            f"FROM {self._page_money()} x JOIN articles a USING (article_id) WHERE {cond}), "
            "counts AS (SELECT flo, fhi, currency, ctx, count(*) AS n, count(DISTINCT article_id) AS n_articles, "
            f"min(reported) AS first_reported, max(reported) AS last_reported, {inferred} AS currency_inferred FROM occ GROUP BY 1, 2, 3, 4), "
            "firsts AS (SELECT flo, fhi, currency, ctx, text, article_id, sentence_id, kind FROM occ "
            "QUALIFY row_number() OVER (PARTITION BY flo, fhi, currency, ctx ORDER BY reported NULLS LAST, article_id, sentence_id) = 1) "
            "SELECT c.flo AS low, c.fhi AS high, c.currency, c.ctx AS context, f.text, f.kind, c.n, c.n_articles, c.first_reported, "
            "c.last_reported, c.currency_inferred, f.article_id, f.sentence_id "
            "FROM counts c JOIN firsts f USING (flo, fhi, currency, ctx)"
        )
        return sql, params

    @shared(cut="page_cut", mentions=_names_actors)
    def distinct_figures(self, unit: str = "EUR", limit: int = 1000) -> tuple[pd.DataFrame, int]:
        """The largest ``limit`` distinct figures in ``unit`` ("EUR": converted), and how
        many distinct figures there are."""
        sql, params = self._figures_sql(unit)
        total = int(self.con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0])
        return self._df(f"{sql} ORDER BY high DESC, low DESC, n DESC LIMIT {int(limit)}", params), total

    @shared(cut="page_cut")
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
        return self._df(
            f"SELECT label, arg_max(text, high) AS text, max(high) AS high, arg_max(n, high) AS n, count(*) AS n_figures, sum(high) AS distinct_total "
            f"FROM ({labelled}) GROUP BY label ORDER BY high DESC, label LIMIT {int(limit)}",
            params,
        )

    @shared(cut="page_cut", mentions=_names_actors)
    def figure_sentences(self, unit: str, low: float, high: float, currency: str, context: str, limit: int = 200) -> list[tuple[str, int]]:
        """Every sentence reporting one distinct figure (as :meth:`distinct_figures` groups them)."""
        lo, hi = ("low_eur", "high_eur") if unit == "EUR" else ("low", "high")
        return self._keys(
            f"SELECT DISTINCT article_id, sentence_id FROM {self._page_money()} WHERE {lo} = ? AND {hi} = ? AND currency = ? AND coalesce(context, '') = ? "
            "ORDER BY 1, 2 LIMIT ?",
            [low, high, currency, context, limit],
        )
