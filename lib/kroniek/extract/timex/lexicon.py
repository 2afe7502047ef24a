"""The time lexicon (``data/timex.yaml``): months, weekdays, modifiers, directions, named days,
units and the words around them, as one :class:`Lexicon` the patterns and resolvers read."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable

from kroniek.data import read_yaml


@dataclass
class Lexicon:
    month_of: dict[str, int]
    weekday_of: dict[str, int]
    day_parts: list[str]
    day_words: dict[str, int]
    directions: dict[str, int]
    units: list[str]
    modifiers: dict[str, str]
    seasons: dict[str, tuple[str, str, str]]
    ordinals: dict[str, int]
    decades: dict[str, int]
    named_days: dict[str, dict]
    duration_units: dict[str, str]
    duration_words: dict[str, str]
    set_words: dict[str, str]
    set_quantifiers: list[str]
    future_cues: set[str]
    past_cues: set[str]
    day_ordinals: dict[str, int]
    span_back: list[str]
    span_forward: list[str]
    unit_synonyms: dict[str, str]
    reporting_verbs: frozenset[str]
    unit_granularity: dict[str, str]
    week_directions: list[str]
    week_directions_after: list[str]
    set_units: dict[str, str]
    any_day_markers: list[str]
    day_part_markers: list[str]


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    c = read_yaml("timex.yaml")
    month_of = {w: int(m) for m, words in c["months"].items() for w in words}
    weekday_of = {w: int(d) for d, words in c["weekdays"].items() for w in words}
    return Lexicon(
        month_of=month_of,
        weekday_of=weekday_of,
        day_parts=list(c["day_parts"]),
        day_words={k: int(v) for k, v in c["day_words"].items()},
        directions={k: int(v) for k, v in c["directions"].items()},
        units=list(c["units"]),
        modifiers=dict(c["modifiers"]),
        seasons={k: tuple(v) for k, v in c["seasons"].items()},
        ordinals={str(k): int(v) for k, v in c["ordinals"].items()},
        decades={k: int(v) for k, v in c["decades"].items()},
        named_days=dict(c["named_days"]),
        duration_units=dict(c["duration_units"]),
        duration_words=dict(c["duration_words"]),
        set_words=dict(c["set_words"]),
        set_quantifiers=list(c["set_quantifiers"]),
        future_cues=set(c["future_cues"]),
        past_cues=set(c["past_cues"]),
        day_ordinals={w: i + 1 for i, w in enumerate(c["day_ordinals"])},
        span_back=list(c["span_back"]),
        span_forward=list(c["span_forward"]),
        unit_synonyms=dict(c.get("unit_synonyms") or {}),
        reporting_verbs=frozenset(c.get("reporting_verbs") or []),
        unit_granularity=dict(c["unit_granularity"]),
        week_directions=list(c["week_directions"]),
        week_directions_after=list(c["week_directions_after"]),
        set_units=dict(c["set_units"]),
        any_day_markers=list(c["any_day_markers"]),
        day_part_markers=list(c["day_part_markers"]),
    )


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
