"""Shared results: what a page asks under some filters, computed once per corpus for every session.

Every browser session makes its own :class:`~kroniek.query.filtered.Query`, and every
rerun a new one; yet sessions under the same filters ask the same questions (the
Overview's first chart, the Chronology's first page of happenings) and get the same
answer, which at 100,000 articles takes up to seconds.  A method marked :func:`shared`
keeps its answers on the corpus (:class:`~kroniek.query.database.CorpusData`), keyed by
the method, the filters, the page's own cut where it has one and the arguments; the
corpus is never changed in place (an upload or a correction makes a new one), so an
answer stays right.  Each caller gets its own copy of a DataFrame.
"""

from __future__ import annotations

import copy
import functools
import threading
from collections import OrderedDict
from dataclasses import replace
from typing import Any, Callable, Hashable

from kroniek.query.filters import Filters

# Answers kept per corpus: each is a chart's aggregate or a limited number of rows.
KEPT = 512


class SharedResults:
    """A bounded map of answers (least recently used dropped first), safe across threads."""

    def __init__(self, size: int = KEPT):
        self.size = size
        self._answers: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                return copy.deepcopy(self._answers[key])
        answer = compute()  # outside the lock: other sessions' questions go on meanwhile
        with self._lock:
            self._answers[key] = answer
            while len(self._answers) > self.size:
                self._answers.popitem(last=False)
        return copy.deepcopy(answer)


def _hashable(value: Any) -> Hashable:
    if isinstance(value, (list, tuple)):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    return value


def _articles_only(filters: Filters) -> Filters:
    """The filters a question that reads no mentions depends on: without chosen actors,
    actor types and "found via" select mentions only (semantics in ``filters.py``)."""
    return filters if filters.actors else replace(filters, actor_types=(), via=())


def shared(
    method: Callable | None = None, *, cut: str | None = None, unfiltered: bool = False, mentions: bool | Callable[..., bool] = True
) -> Callable:
    """Keep ``method``'s answers on the corpus, for every Query under the same filters.

    ``unfiltered``: the method reads whole tables, its answers are the same under any
    filters; ``mentions=False`` (or a test of the Query and the arguments): it reads no mentions, so the
    mention-level filters do not change its answers; ``cut`` names the Query's attribute
    holding the page's own cut the method reads (the Money page's currencies, contexts
    and actors)."""

    def wrap(method: Callable) -> Callable:
        @functools.wraps(method)
        def answer(self, *args, **kwargs):
            reads_mentions = mentions(self, *args, **kwargs) if callable(mentions) else mentions
            filters = None if unfiltered else self.filters if reads_mentions else _articles_only(self.filters)
            page = getattr(self, cut, None) if cut else None
            key = (method.__qualname__, filters, page, _hashable(args), _hashable(kwargs))
            return self.data.shared.get(key, lambda: method(self, *args, **kwargs))

        return answer

    return wrap(method) if method is not None else wrap
