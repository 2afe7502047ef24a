"""Actors: the questions the Overview and Actors pages ask of the filtered mentions."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from kroniek.query.shared import shared
from kroniek.query.sql import sql_list, time_unit


# How an actor is mentioned, by the ``via`` of its mentions: by a name or alias (the
# NER, the gazetteer, an alias, a name typed by its context, a known name of the corpus),
# by an adjective or demonym, by a capital acting for its government, by a role.
MENTION_KINDS = {
    "name": ("ner", "context", "gazetteer", "alias", "corpus"),
    "adjective": ("adjective",),
    "metonym": ("metonymy",),
    "role": ("coref",),
}


class ActorViews:
    """Queries behind the actor charts and the actor profile (a mixin of
    :class:`~kroniek.query.filtered.Query`, whose ``con`` and ``_df`` they use)."""

    @shared
    def top_actors(self, limit: int) -> pd.DataFrame:
        return self.rows("actors", limit)

    @shared
    def top_actors_by_kind(self, limit: int, indirect: bool = False) -> pd.DataFrame:
        """The ``limit`` most mentioned actors with their mentions split by kind (:data:`MENTION_KINDS`):
        ranked by names and aliases alone (what a journalist calls a mention), or with
        ``indirect`` by every mention, adjectives ("Nederlandse"), capitals acting for their
        government ("Den Haag wil") and role references ("de Russische president") included."""
        cases = ", ".join(
            f"count(*) FILTER (WHERE via IN ({', '.join(repr(v) for v in vias)})) AS n_{kind}" for kind, vias in MENTION_KINDS.items()
        )
        ranked = "n_mentions" if indirect else "n_name"
        return self._df(
            f"WITH k AS (SELECT actor_id, {cases}, count(*) AS n_mentions, count(DISTINCT article_id) AS n_articles "
            "FROM f_mentions GROUP BY actor_id) "
            "SELECT a.actor_id, a.actor, a.actor_type, k.* EXCLUDE (actor_id) FROM f_actors a JOIN k USING (actor_id) "
            f"WHERE k.{ranked} > 0 ORDER BY k.{ranked} DESC, a.actor LIMIT ?",
            [limit],
        )

    def actor_name(self, actor_id: str) -> str:
        """An actor's canonical name (its id when the corpus does not know it)."""
        row = next(iter(self.con.execute("SELECT actor FROM actors WHERE actor_id = ?", [actor_id]).fetchall()), None)
        return row[0] if row else actor_id

    @shared
    def mentions_by_period(self, top: int = 6, unit: str = "month") -> pd.DataFrame:
        """Mentions per period of the ``top`` most mentioned actors (in dated articles), one
        series per actor id named by its canonical name (an actor's mentions write it in
        several ways: "EU", "Europese Unie")."""
        return self._df(
            "WITH top AS (SELECT actor_id, actor FROM f_actors ORDER BY n_mentions DESC, actor, actor_id LIMIT ?) "
            f"SELECT date_trunc('{time_unit(unit)}', a.date_begin) AS period, t.actor, m.actor_id, count(*) AS n "
            "FROM (SELECT actor_id, article_id FROM f_mentions WHERE actor_id IN (SELECT actor_id FROM top)) m "
            "JOIN top t USING (actor_id) JOIN f_articles a USING (article_id) WHERE a.date_begin IS NOT NULL "
            "GROUP BY period, m.actor_id, t.actor ORDER BY period, m.actor_id",
            [top],
        )

    def _around_chosen(self) -> str:
        """The mentions the network reads: the filtered ones, but with actors chosen in the
        filters also every actor named beside them (a network of one node says nothing)."""
        if not self.filters.actors:
            return "f_mentions"
        self.con  # noqa: B018  (makes the filtered views and the base condition on first use)
        where = " AND ".join([self._in_base, *self._actor_conditions(via=True, chosen=False)])
        return f"(SELECT * FROM mentions WHERE {where})"

    @shared
    def cooccurrence(self, top: int = 30) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The ``top`` actors (with actors chosen in the filters: those and the actors
        most often named in their sentences) and how many sentences name each pair."""
        source = self._around_chosen()
        if self.filters.actors:
            chosen = sql_list(self.filters.actors)
            nodes = self._df(
                f"WITH m AS (SELECT DISTINCT article_id, sentence_id, actor_id FROM {source}), "
                f"chosen AS (SELECT DISTINCT article_id, sentence_id FROM m WHERE actor_id = ANY({chosen})), "
                f"near AS (SELECT actor_id FROM m JOIN chosen USING (article_id, sentence_id) WHERE NOT actor_id = ANY({chosen}) "
                "GROUP BY actor_id ORDER BY count(*) DESC, actor_id LIMIT ?), "
                f"ids AS (SELECT actor_id FROM m WHERE actor_id = ANY({chosen}) UNION SELECT actor_id FROM near), "
                f"counts AS (SELECT actor_id, count(*) AS n FROM {source} WHERE actor_id IN (SELECT actor_id FROM ids) GROUP BY actor_id) "
                "SELECT c.actor_id, a.actor, a.actor_type, c.n FROM counts c JOIN actors a USING (actor_id) ORDER BY c.n DESC, a.actor, c.actor_id",
                [max(0, top - len(self.filters.actors))],
            )
        else:
            nodes = self._df(
                "SELECT actor_id, actor, actor_type, n_mentions AS n FROM f_actors ORDER BY n_mentions DESC, actor, actor_id LIMIT ?",
                [top],
            )
        self.con.register("top_nodes", pa.Table.from_pandas(nodes[["actor_id"]], preserve_index=False))
        edges = self._df(
            f"WITH s AS (SELECT DISTINCT article_id, sentence_id, actor_id FROM {source} WHERE actor_id IN (SELECT actor_id FROM top_nodes)) "
            "SELECT a.actor_id AS a, b.actor_id AS b, count(*) AS w FROM s a JOIN s b "
            "ON a.article_id = b.article_id AND a.sentence_id = b.sentence_id AND a.actor_id < b.actor_id GROUP BY 1, 2 ORDER BY 1, 2"
        )
        self.con.unregister("top_nodes")
        return nodes, edges

    def _country_mentions(self) -> str:
        """The mentions the map counts: the filtered ones, or with actors chosen, every
        mention in the sentences that name them (where a person's story takes place)."""
        if not self.filters.actors:
            return "f_mentions"
        return f"(SELECT * FROM {self._around_chosen()} WHERE (article_id, sentence_id) IN (SELECT article_id, sentence_id FROM actor_sentences))"

    @shared
    def country_counts(self) -> pd.DataFrame:
        """Mentions per country (ISO 3166 alpha-3) of the country and its people, with the
        country's own name (its actor's) and every name counted."""
        return self._df(
            "SELECT c.country, coalesce(a.actor, c.country) AS country_name, c.n, c.names FROM ("
            "SELECT country, count(*) AS n, string_agg(DISTINCT actor, ', ' ORDER BY actor) AS names "
            f"FROM {self._country_mentions()} WHERE length(country) = 3 GROUP BY country) c LEFT JOIN actors a ON a.actor_id = c.country ORDER BY c.country"
        )

    @shared
    def via_counts(self, actor_id: str) -> list[tuple[str, int]]:
        """How the filtered mentions of one actor were found: (via, count), most first."""
        rows = self.con.execute(
            "SELECT via, count(*) AS n FROM f_mentions WHERE actor_id = ? GROUP BY via ORDER BY n DESC", [actor_id]
        ).fetchall()
        return [(via, int(n)) for via, n in rows]

    @shared
    def sentence_keys_for_actors(self, actor_ids: list[str], limit: int = 200):
        """Sentences naming any of ``actor_ids``, spread over their articles (a
        :class:`~kroniek.query.filtered.Sentences`)."""
        return self._spread("SELECT article_id, sentence_id FROM f_mentions WHERE actor_id = ANY(?)", [actor_ids], limit)

    @shared
    def shared_sentences(self, actor_id: str, others: list[str], limit: int = 200):
        """Sentences naming ``actor_id`` together with any of ``others`` (a network node's edges)."""
        return self._spread(
            f"SELECT a.article_id, a.sentence_id FROM {self._around_chosen()} a JOIN {self._around_chosen()} b USING (article_id, sentence_id) "
            "WHERE a.actor_id = ? AND b.actor_id = ANY(?) AND b.actor_id <> a.actor_id",
            [actor_id, others],
            limit,
        )

    @shared
    def actor_sentences_in_period(self, actor_id: str, unit: str, start, limit: int = 200):
        """Sentences naming ``actor_id`` in the articles of one ``unit`` (day, week or month)
        beginning at ``start`` (a point of "Mentions over time")."""
        return self._spread(
            "SELECT m.article_id, m.sentence_id FROM f_mentions m JOIN f_articles a USING (article_id) "
            f"WHERE m.actor_id = ? AND date_trunc('{time_unit(unit)}', a.date_begin) = CAST(? AS DATE)",
            [actor_id, str(start)[:10]],
            limit,
        )

    @shared
    def country_sentences(self, country: str, limit: int = 200):
        """Sentences naming an actor of one country (ISO 3166 alpha-3; a country on the map)."""
        return self._spread(f"SELECT article_id, sentence_id FROM {self._country_mentions()} WHERE country = ?", [country], limit)
