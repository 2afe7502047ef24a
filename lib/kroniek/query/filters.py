"""Filters: the one value of the user's filters, applied to every table the same way.

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


__all__ = ["Filters", "QUERY_KEYS"]
