"""Resolution of a found expression against the article date, of any precision (a day, a
month, a year): one reading per possible article day, then their hull."""

from __future__ import annotations

from kroniek.extract.timex.anchors import count_of
from kroniek.extract.timex.dates import DATE_NEEDS_ANCHOR, DATE_RESOLVERS
from kroniek.extract.timex.lexicon import Lexicon
from kroniek.extract.timex.periods import ONE, D, interval_value
from kroniek.extract.timex.readings import Found, Reading
from kroniek.extract.timex.relative import RELATIVE_NEEDS_ANCHOR, RELATIVE_RESOLVERS

RESOLVERS = {**DATE_RESOLVERS, **RELATIVE_RESOLVERS}
NEEDS_ANCHOR = DATE_NEEDS_ANCHOR | RELATIVE_NEEDS_ANCHOR


def resolve(f: Found, anchor: D | None, tense: str | None, lex: Lexicon) -> Reading | None:
    """One reading of a found expression for one anchor day (None: not resolvable)."""
    resolver = RESOLVERS.get(f.kind)
    if resolver is None or (anchor is None and f.kind in NEEDS_ANCHOR):
        return None
    g = f.m.groupdict()
    g["_text"] = f.m.group(0)
    return resolver(g, anchor, tense, lex)


def resolve_over(f: Found, anchor_interval: tuple[D, D] | None, tense: str | None, lex: Lexicon, precision: str) -> tuple[Reading | None, str]:
    """Resolve against an article date of any precision; returns (reading, anchor text)."""
    if anchor_interval is None:
        reading = resolve(f, None, tense, lex)
        if reading is None or reading.begin is None:
            return reading, "no article date"
        return reading, "absolute"
    begin, end = anchor_interval
    first = resolve(f, begin, tense, lex)
    if first is None:
        return None, ""
    if not first.relative:
        return first, "absolute"
    label = begin.isoformat() if precision == "day" else (
        f"{begin.year:04d}-{begin.month:02d}" if precision == "month" else f"{begin.year:04d}"
    )
    anchor_text = f"article date {label} ({precision})"
    if begin == end:
        return first, anchor_text
    if first.day_sized:
        value = label
        return Reading(begin, end, value, "month" if precision == "month" else "year", note=first.note), anchor_text + "; day not given, the article's period"
    readings = [first]
    day = begin + ONE
    while day <= end:
        r = resolve(f, day, tense, lex)
        if r is not None and r.begin is not None:
            readings.append(r)
        day += ONE
    b = min(r.begin for r in readings if r.begin)
    e = max(r.end for r in readings if r.end)
    values = {r.value for r in readings}
    value = values.pop() if len(values) == 1 else interval_value(b, e)
    return Reading(b, e, value, first.granularity, note=first.note), anchor_text + "; hull over the article's days"


def duration_or_set(f: Found, lex: Lexicon) -> Reading | None:
    g = f.m.groupdict()
    if f.kind == "duration":
        if g.get("durword"):
            return Reading(None, None, lex.duration_words[g["durword"].lower()], "duration", relative=False)
        n = count_of(g["num"], lex)
        unit = lex.duration_units[g["durunit"].lower()]
        if n is None:
            value = f"PX{unit}"
        else:
            value = f"P{n:g}{unit}".replace(".", ",") if n != int(n) else f"P{int(n)}{unit}"
        return Reading(None, None, value, "duration", relative=False)
    if f.kind == "set":
        if g.get("setword"):
            return Reading(None, None, lex.set_words[g["setword"].lower()], "set", relative=False)
        unit = lex.unit_synonyms.get(g["setunit"].lower(), g["setunit"].lower())
        if unit in lex.weekday_of:
            return Reading(None, None, f"XXXX-WXX-{lex.weekday_of[unit]}", "set", relative=False)
        return Reading(None, None, lex.set_units.get(unit, "SET"), "set", relative=False)
    return None
