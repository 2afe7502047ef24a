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
    """The time words of ``timex.yaml``, by what they name (see the comments there)."""

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
    count_words: dict[str, float]
    any_day_markers: list[str]
    day_part_markers: list[str]
    numeric_date_cues: list[str]
    score_cues: list[str]
    tomorrow_nouns: list[str]
    habitual_cues: list[str]
    occasion_nouns: list[str]
    transparent_nouns: list[str]
    report_cues: list[str]
    perfect_auxiliaries: list[str]
    demonstrative_openers: list[str]
    fraction_words: list[str]


# How each field of the Lexicon is read from timex.yaml: word lists and tables as they
# are, number tables with int values.
_LISTS = ("day_parts", "units", "set_quantifiers", "span_back", "span_forward", "week_directions", "week_directions_after",
          "any_day_markers", "day_part_markers", "numeric_date_cues", "score_cues", "tomorrow_nouns", "habitual_cues",
          "occasion_nouns", "transparent_nouns", "report_cues", "perfect_auxiliaries", "demonstrative_openers",
          "fraction_words")
_TABLES = ("modifiers", "named_days", "duration_units", "duration_words", "set_words", "unit_granularity", "set_units")
_NUMBERS = ("day_words", "directions", "decades")


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    c = read_yaml("timex.yaml")
    fields = {name: list(c[name]) for name in _LISTS}
    fields |= {name: dict(c[name]) for name in _TABLES}
    fields |= {name: {k: int(v) for k, v in c[name].items()} for name in _NUMBERS}
    return Lexicon(
        month_of={w: int(m) for m, words in c["months"].items() for w in words},
        weekday_of={w: int(d) for d, words in c["weekdays"].items() for w in words},
        seasons={k: tuple(v) for k, v in c["seasons"].items()},
        ordinals={str(k): int(v) for k, v in c["ordinals"].items()},
        future_cues=set(c["future_cues"]),
        past_cues=set(c["past_cues"]),
        day_ordinals={w: i + 1 for i, w in enumerate(c["day_ordinals"])},
        unit_synonyms=dict(c.get("unit_synonyms") or {}),
        reporting_verbs=frozenset(c.get("reporting_verbs") or []),
        count_words={k: float(v) for k, v in c["count_words"].items()},
        **fields,
    )


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
