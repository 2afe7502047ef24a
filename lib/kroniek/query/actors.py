"""Actors: the questions the Overview and Actors pages ask of the filtered mentions."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from kroniek.query.shared import shared
from kroniek.query.sql import time_unit


class ActorViews:
    """Queries behind the actor charts and the actor profile (a mixin of
    :class:`~kroniek.query.filtered.Query`, whose ``con`` and ``_df`` they use)."""

    @shared
    def top_actors(self, limit: int) -> pd.DataFrame:
        return self.rows("actors", limit)

    @shared
    def mentions_by_period(self, top: int = 6, unit: str = "month") -> pd.DataFrame:
        """Mentions per period of the ``top`` most mentioned actors (in dated articles)."""
        return self._df(
            "WITH top AS (SELECT actor_id FROM f_actors ORDER BY n_mentions DESC, actor LIMIT ?) "
            f"SELECT date_trunc('{time_unit(unit)}', a.date_begin) AS period, any_value(m.actor) AS actor, m.actor_id, count(*) AS n "
            "FROM (SELECT actor_id, actor, article_id FROM f_mentions WHERE actor_id IN (SELECT actor_id FROM top)) m "
            "JOIN f_articles a USING (article_id) WHERE a.date_begin IS NOT NULL "
            "GROUP BY period, m.actor_id ORDER BY period, m.actor_id",
            [top],
        )

    @shared
    def cooccurrence(self, top: int = 30) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The ``top`` actors and how many sentences name each pair of them."""
        nodes = self._df(
            "SELECT actor_id, actor, actor_type, n_mentions AS n FROM f_actors ORDER BY n_mentions DESC, actor LIMIT ?",
            [top],
        )
        self.con.register("top_nodes", pa.Table.from_pandas(nodes[["actor_id"]], preserve_index=False))
        edges = self._df(
            "WITH s AS (SELECT DISTINCT article_id, sentence_id, actor_id FROM f_mentions WHERE actor_id IN (SELECT actor_id FROM top_nodes)) "
            "SELECT a.actor_id AS a, b.actor_id AS b, count(*) AS w FROM s a JOIN s b "
            "ON a.article_id = b.article_id AND a.sentence_id = b.sentence_id AND a.actor_id < b.actor_id GROUP BY 1, 2 ORDER BY 1, 2"
        )
        self.con.unregister("top_nodes")
        return nodes, edges

    @shared
    def country_counts(self) -> pd.DataFrame:
        return self._df(
            "SELECT country, count(*) AS n, string_agg(DISTINCT actor, ', ' ORDER BY actor) AS names "
            "FROM f_mentions WHERE length(country) = 3 GROUP BY country ORDER BY country"
        )

    @shared
    def via_counts(self, actor_id: str) -> list[tuple[str, int]]:
        """How the filtered mentions of one actor were found: (via, count), most first."""
        rows = self.con.execute(
            "SELECT via, count(*) AS n FROM f_mentions WHERE actor_id = ? GROUP BY via ORDER BY n DESC", [actor_id]
        ).fetchall()
        return [(via, int(n)) for via, n in rows]

    @shared
    def sentence_keys_for_actors(self, actor_ids: list[str], limit: int = 200) -> list[tuple[str, int]]:
        return self._keys(
            "SELECT DISTINCT article_id, sentence_id FROM f_mentions WHERE actor_id = ANY(?) ORDER BY article_id, sentence_id LIMIT ?",
            [actor_ids, limit],
        )

    @shared
    def shared_sentences(self, actor_id: str, others: list[str], limit: int = 200) -> list[tuple[str, int]]:
        """Sentences naming ``actor_id`` together with any of ``others`` (a network node's edges)."""
        return self._keys(
            "SELECT DISTINCT a.article_id, a.sentence_id FROM f_mentions a JOIN f_mentions b USING (article_id, sentence_id) "
            "WHERE a.actor_id = ? AND b.actor_id = ANY(?) AND b.actor_id <> a.actor_id ORDER BY 1, 2 LIMIT ?",
            [actor_id, others, limit],
        )
