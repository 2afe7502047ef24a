"""One ``Filters`` value, applied to every table the same way.

Semantics (shown in the sidebar help):

* date range, sources and text search select *articles* (an article is in the date
  range when its date interval overlaps it; a text search matches title or text,
  case-insensitively); every table is cut to those articles;
* actor types and ``via`` (how a mention was recognised) select *mentions* and actors;
* actors select mentions and actors of those actors, and cut money, time expressions
  and events to the sentences that mention them (events also where they are source or
  target), and articles to those that mention them.

``Filters`` round-trips through URL query parameters so a copied link reopens the
same view.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Mapping

import pandas as pd

from kroniek.schema import frame

QUERY_KEYS = ("from", "to", "type", "actor", "source", "q", "via")


@dataclass(frozen=True)
class Filters:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    actor_types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()  # actor ids
    sources: tuple[str, ...] = ()
    query: str = ""
    via: tuple[str, ...] = ()  # empty = every way of recognising a mention

    @property
    def is_empty(self) -> bool:
        return self == Filters()

    def to_query_params(self) -> dict[str, str | list[str]]:
        params: dict[str, str | list[str]] = {}
        if self.date_from:
            params["from"] = self.date_from.isoformat()
        if self.date_to:
            params["to"] = self.date_to.isoformat()
        if self.actor_types:
            params["type"] = list(self.actor_types)
        if self.actors:
            params["actor"] = list(self.actors)
        if self.sources:
            params["source"] = list(self.sources)
        if self.query:
            params["q"] = self.query
        if self.via:
            params["via"] = list(self.via)
        return params

    @classmethod
    def from_query_params(cls, params: Mapping[str, object]) -> "Filters":
        """Parse query parameters leniently: a bad value is ignored, never an error."""

        def many(key: str) -> tuple[str, ...]:
            getter = getattr(params, "get_all", None)
            raw = getter(key) if getter else params.get(key, [])
            if isinstance(raw, str):
                raw = [raw]
            return tuple(str(v) for v in (raw or []) if str(v))

        def one_date(key: str) -> dt.date | None:
            values = many(key)
            try:
                return dt.date.fromisoformat(values[-1]) if values else None
            except ValueError:
                return None

        query = many("q")
        return cls(
            date_from=one_date("from"),
            date_to=one_date("to"),
            actor_types=many("type"),
            actors=many("actor"),
            sources=many("source"),
            query=query[-1] if query else "",
            via=many("via"),
        )

    def with_(self, **changes) -> "Filters":
        return replace(self, **changes)


def article_intervals(articles: pd.DataFrame) -> pd.DataFrame:
    """begin/end dates (as datetime64) of every article's date interval."""
    from kroniek.corpus import date_bounds

    bounds = [date_bounds(d) if isinstance(d, str) and d else None for d in articles["date"]]
    begin = pd.to_datetime([b[0] if b else None for b in bounds])
    end = pd.to_datetime([b[1] if b else None for b in bounds])
    return pd.DataFrame({"article_id": articles["article_id"].to_numpy(), "begin": begin, "end": end})


def selected_articles(articles: pd.DataFrame, filters: Filters, texts: Mapping[str, str] | None = None) -> pd.Series:
    """Boolean mask over ``articles`` for the article-level filters."""
    mask = pd.Series(True, index=articles.index)
    if filters.date_from or filters.date_to:
        iv = article_intervals(articles)
        if filters.date_from:
            mask &= (iv["end"] >= pd.Timestamp(filters.date_from)).to_numpy()
        if filters.date_to:
            mask &= (iv["begin"] <= pd.Timestamp(filters.date_to)).to_numpy()
    if filters.sources:
        mask &= articles["source"].fillna("").isin(filters.sources)
    if filters.query:
        needle = filters.query.casefold()
        titles = articles["title"].fillna("").str.casefold().str.contains(needle, regex=False)
        if texts is not None:
            bodies = articles["article_id"].map(lambda a: needle in texts.get(a, "").casefold())
            titles = titles | bodies.astype(bool)
        mask &= titles
    return mask.fillna(False).astype(bool)


def apply(tables: Mapping[str, pd.DataFrame], filters: Filters, texts: Mapping[str, str] | None = None) -> dict[str, pd.DataFrame]:
    """Every table cut by the same filters (see the module docstring).

    One implementation serves the dashboard and this function: the SQL of
    :class:`kroniek.query.Query`, here over pandas frames.
    """
    from kroniek.query import apply as apply_sql

    return apply_sql(dict(tables), filters, dict(texts) if texts is not None else None)


def empty_tables() -> dict[str, pd.DataFrame]:
    from kroniek.schema import ALL_TABLES

    return {name: frame(name) for name in ALL_TABLES}


__all__ = ["Filters", "apply", "selected_articles", "article_intervals", "empty_tables", "QUERY_KEYS"]
