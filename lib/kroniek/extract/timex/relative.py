"""Resolvers of expressions relative to the article day: "vorige week", "eerder deze maand",
weekdays, "gisteren", "drie jaar geleden", "de afgelopen vijf dagen", "over twee weken"."""

from __future__ import annotations

import datetime as dt

from kroniek.extract.timex.anchors import count_of, day_of, direction_of, modifier_of, season_reading
from kroniek.extract.timex.lexicon import Lexicon
from kroniek.extract.timex.periods import (
    ONE,
    D,
    add_months,
    add_units,
    interval_value,
    month_interval,
    part_of,
    quarter_interval,
    week_interval,
    year_interval,
)
from kroniek.extract.timex.readings import Reading


def _week_of(anchor: D, direction: int) -> tuple[D, D]:
    return week_interval(anchor + dt.timedelta(weeks=direction))


def _weekend_of(anchor: D, direction: int) -> tuple[D, D]:
    monday, _ = week_interval(anchor + dt.timedelta(weeks=direction))
    if direction > 0 and anchor.isoweekday() < 6:
        monday, _ = week_interval(anchor)  # "komend weekend" on a weekday: this week's
    if direction < 0 and anchor.isoweekday() == 7:
        monday, _ = week_interval(anchor)  # "afgelopen weekend" on a Sunday: today's
    return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)


def _month_of(anchor: D, direction: int) -> tuple[D, D]:
    return month_interval(*add_months(anchor.year, anchor.month, direction))


def _quarter_of(anchor: D, direction: int) -> tuple[D, D]:
    q = (anchor.month - 1) // 3 + 1 + direction
    return quarter_interval(anchor.year + (q - 1) // 4, (q - 1) % 4 + 1)


def _half_year_of(anchor: D, direction: int) -> tuple[D, D]:
    h = (anchor.month - 1) // 6 + direction
    y = anchor.year + h // 2
    return (D(y, 1, 1), D(y, 6, 30)) if h % 2 == 0 else (D(y, 7, 1), D(y, 12, 31))


def _years_of(size: int):
    def interval(anchor: D, direction: int) -> tuple[D, D]:
        start = (anchor.year // size + direction) * size
        return D(start, 1, 1), D(start + size - 1, 12, 31)

    return interval


# The period of each granularity ``direction`` steps from the one holding the anchor day,
# and its TIMEX3 value from its first day.
_INTERVAL = {
    "week": _week_of,
    "weekend": _weekend_of,
    "month": _month_of,
    "year": lambda anchor, direction: year_interval(anchor.year + direction),
    "quarter": _quarter_of,
    "half-year": _half_year_of,
    "decade": _years_of(10),
    "century": _years_of(100),
}
_VALUE = {
    "week": lambda b: "{:04d}-W{:02d}".format(*b.isocalendar()[:2]),
    "weekend": lambda b: "{:04d}-W{:02d}-WE".format(*b.isocalendar()[:2]),
    "month": lambda b: f"{b.year:04d}-{b.month:02d}",
    "year": lambda b: f"{b.year:04d}",
    "quarter": lambda b: f"{b.year:04d}-Q{(b.month - 1) // 3 + 1}",
    "half-year": lambda b: f"{b.year:04d}-H{1 if b.month <= 6 else 2}",
    "decade": lambda b: f"{b.year // 10:03d}",
    "century": lambda b: f"{b.year // 100:02d}",
}
# How part_of splits a period of each granularity (the others, a decade or a century
# named by its unit, in thirds).
_PART_KIND = {"year": "year", "month": "month", "week": "week", "weekend": "week"}


def _grain(g: dict, lex: Lexicon) -> str:
    """The granularity of the unit word of a match ("weekeinde" -> weekend)."""
    unit = lex.unit_synonyms.get(g["unit"].lower(), g["unit"].lower())
    return lex.unit_granularity.get(unit, unit)


def _unit_interval(grain: str, anchor: D, direction: int) -> tuple[D, D]:
    if grain not in _INTERVAL:
        raise ValueError(grain)
    return _INTERVAL[grain](anchor, direction)


def _r_earlier_later(g, anchor, tense, lex):
    grain = _grain(g, lex)
    b, e = _unit_interval(grain, anchor, 0)
    if g["el"].lower() == "eerder":
        end = anchor - ONE
        if end < b:
            end = b
        return Reading(b, end, interval_value(b, end), grain + "-part", note="EARLIER")
    begin = anchor + ONE
    if begin > e:
        begin = e
    return Reading(begin, e, interval_value(begin, e), grain + "-part", note="LATER")


def _r_dir_unit(g, anchor, tense, lex):
    direction = direction_of(g, "dir", lex) or 0
    mod = modifier_of(g, lex)
    if g.get("season"):
        return season_reading(g["season"].lower(), direction, anchor, lex, mod)
    grain = _grain(g, lex)
    b, e = _unit_interval(grain, anchor, direction)
    if direction == 0 and tense == "past" and b > anchor:
        b, e = _unit_interval(grain, anchor, -1)  # "had dit weekeinde ..." on a Tuesday: the one just past
    value = _VALUE[grain](b) if grain in _VALUE else interval_value(b, b)
    if mod in ("START", "MID", "END"):
        b, e = part_of(b, e, _PART_KIND.get(grain, "thirds"), mod)
        return Reading(b, e, value, grain + "-part", note=mod)
    return Reading(b, e, value, grain)


def _r_weekday(g, anchor, tense, lex):
    weekday = lex.weekday_of[g["weekday"].lower()]
    wk = (g.get("wkdir") or g.get("wkdir2") or "").lower()
    if wk:
        week_shift = lex.directions[wk]
        monday, _ = week_interval(anchor + dt.timedelta(weeks=week_shift))
        day = monday + dt.timedelta(days=weekday - 1)
    else:
        direction = direction_of(g, "wdir", lex)
        if g.get("wafter"):
            direction = -1 if g["wafter"].lower().startswith("j") else 1  # "zaterdag jl.", "dinsdag a.s."
        if direction is None:
            direction = -1 if tense == "past" else 1 if tense in ("future", "present") else -1
        if direction == 0:
            monday, _ = week_interval(anchor)
            day = monday + dt.timedelta(days=weekday - 1)
        elif direction < 0:
            back = (anchor.isoweekday() - weekday) % 7
            if (g.get("wdir") or g.get("wafter")) and back == 0:
                back = 7  # "afgelopen vrijdag" on a Friday: a week ago
            day = anchor - dt.timedelta(days=back)
        else:
            ahead = (weekday - anchor.isoweekday()) % 7
            if (g.get("wdir") or g.get("wafter")) and ahead == 0:
                ahead = 7
            day = anchor + dt.timedelta(days=ahead)
    return Reading(day, day, day.isoformat(), "day", day_sized=True)


def _r_weekend(g, anchor, tense, lex):
    """"het weekend": the one just past when told in the past, else the coming one (this
    one on a Saturday or Sunday)."""
    direction = -1 if tense in ("past", None) else 0 if anchor.isoweekday() >= 6 else 1
    b, e = _weekend_of(anchor, direction)
    return Reading(b, e, _VALUE["weekend"](b), "weekend")


def _r_day_word(g, anchor, tense, lex):
    word = g["dayword"].lower()
    offset = lex.day_words.get(word, -1 if word == "gister" else 1 if word == "morgen" else 0)
    day = anchor + dt.timedelta(days=offset)
    return Reading(day, day, day.isoformat(), "day", day_sized=True)


def _r_ago(g, anchor, tense, lex):
    n = count_of(g["num"], lex)
    unit = lex.duration_units[g["durunit"].lower()]
    if n is None or unit not in ("D", "W", "M", "Y"):
        return None
    if unit == "D":
        day = anchor - dt.timedelta(days=int(n))
        return Reading(day, day, day.isoformat(), "day")
    if unit == "W":
        b, e = week_interval(anchor - dt.timedelta(weeks=int(n)))
        return Reading(b, e, interval_value(b, e), "week")
    if unit == "M":
        y, mo = add_months(anchor.year, anchor.month, -int(n))
        b, e = month_interval(y, mo)
        return Reading(b, e, f"{y:04d}-{mo:02d}", "month")
    b, e = year_interval(anchor.year - int(n))
    return Reading(b, e, f"{anchor.year - int(n):04d}", "year")


def _r_ordinal_day_rel(g, anchor, tense, lex):
    if anchor is None:
        return None
    y, mo = add_months(anchor.year, anchor.month, lex.directions[g["dir"].lower()])
    try:
        d = D(y, mo, day_of(g, lex))
    except ValueError:
        return None
    return Reading(d, d, d.isoformat(), "day")


def _r_span(g, anchor, tense, lex):
    """"de afgelopen drie jaar": up to the day before the article date; "de komende
    vijf dagen" / "binnen vijf dagen": from the day after it."""
    if anchor is None:
        return None
    n = count_of(g["num"], lex)
    unit = lex.duration_units[g["durunit"].lower()]
    if n is None or n != int(n):
        return None
    back = g.get("sdir") and g["sdir"].lower() in lex.span_back
    if not g.get("sdir"):
        b, e = anchor, add_units(anchor, int(n), unit) - ONE  # "binnen vijf dagen" counts today
        return Reading(b, e, interval_value(b, e), "span")
    if back:
        b, e = add_units(anchor, -int(n), unit), anchor - ONE
    else:
        b, e = anchor + ONE, add_units(anchor, int(n), unit)
    return Reading(b, e, interval_value(b, e), "span")


def _r_in_future(g, anchor, tense, lex):
    """"over drie weken": the unit that far ahead (a week, a month), not an invented day."""
    if anchor is None:
        return None
    n = count_of(g["num"], lex)
    unit = lex.duration_units[g["durunit"].lower()]
    if n is None or n != int(n) or unit not in ("D", "W", "M", "Y"):
        return None
    target = add_units(anchor, int(n), unit)
    if unit == "D":
        return Reading(target, target, target.isoformat(), "day")
    if unit == "W":
        b, e = week_interval(target)
        return Reading(b, e, interval_value(b, e), "week")
    if unit == "M":
        b, e = month_interval(target.year, target.month)
        return Reading(b, e, f"{target.year:04d}-{target.month:02d}", "month")
    return Reading(*year_interval(target.year), f"{target.year:04d}", "year")


# kind of expression -> resolver(groups, anchor day, tense, lexicon)
RELATIVE_RESOLVERS = {
    "earlier_later": _r_earlier_later,
    "dir_unit": _r_dir_unit,
    "weekday": _r_weekday,
    "weekend": _r_weekend,
    "day_word": _r_day_word,
    "gister_part": _r_day_word,
    "ago": _r_ago,
    "ordinal_day_rel": _r_ordinal_day_rel,
    "span": _r_span,
    "in_future": _r_in_future,
}
RELATIVE_NEEDS_ANCHOR = {"earlier_later", "dir_unit", "weekday", "weekend", "day_word", "gister_part", "ago"}
