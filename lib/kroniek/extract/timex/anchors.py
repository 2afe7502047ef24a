"""The pieces every calendar resolver reads: explicit dates (through dateparser), the year,
month and day a match names, named days (through the holidays package), seasons, and the
direction and part-of-period modifiers of an expression."""

from __future__ import annotations

import datetime as dt
import functools
import re

import dateparser
import holidays

from kroniek.extract.timex.lexicon import Lexicon
from kroniek.extract.timex.periods import D, month_interval, nth_weekday_of_month, part_of, season_interval
from kroniek.extract.timex.readings import Reading


@functools.lru_cache(maxsize=2048)
def explicit_date(text: str) -> D | None:
    """A complete explicit date through dateparser (it reads these well; see the package docstring).

    Returns None where dateparser does not read it ("9 sept. 2021"); the caller then
    uses the lexicon.
    """
    parsed = dateparser.parse(text, languages=["nl"], settings={"DATE_ORDER": "DMY", "STRICT_PARSING": True})
    return parsed.date() if parsed else None


def year_of(raw: str) -> int:
    raw = raw.lstrip("'")
    y = int(raw)
    return y + (2000 if y < 50 else 1900) if len(raw) == 2 else y


PRESENT_HORIZON_DAYS = 240


def nearest_year(month: int, day: int | None, anchor: D, tense: str | None) -> int:
    """The year that puts a month (and day) nearest to the anchor, tense first."""
    candidates = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            b, e = (D(y, month, day), D(y, month, day)) if day else month_interval(y, month)
        except ValueError:
            continue
        distance = 0 if b <= anchor <= e else min(abs((b - anchor).days), abs((e - anchor).days))
        fits = not ((tense == "past" and b > anchor) or (tense == "future" and e < anchor))
        if tense == "present":
            # a present tense plans ahead ("zetten de wijzers in oktober terug"), but not by
            # most of a year: "gaat hij op 29 januari naar Antwerpen" in April tells the past
            fits = e >= anchor and (b - anchor).days <= PRESENT_HORIZON_DAYS
        candidates.append((distance, y, fits))
    if not candidates:
        return anchor.year
    fitting = [c for c in candidates if c[2]]
    return min(fitting or candidates)[1]


def modifier_of(g: dict, lex: Lexicon) -> str | None:
    raw = g.get("mod")
    return lex.modifiers.get(re.sub(r"\s+", " ", raw.lower())) if raw else None


def direction_of(g: dict, group: str, lex: Lexicon) -> int | None:
    raw = g.get(group)
    return lex.directions.get(raw.lower()) if raw else None


def _holiday_dates(names: list[str], year: int) -> list[D]:
    cal = holidays.country_holidays("NL", years=[year], language="nl")
    wanted = {n.lower() for n in names}
    return sorted(d for d, n in cal.items() if any(part.strip().lower() in wanted for part in n.split(";")))


def named_interval(spec: dict, year: int) -> tuple[D, D] | None:
    if "holiday" in spec:
        dates = _holiday_dates(spec["holiday"], year)
        return (dates[0], dates[-1]) if dates else None
    if "fixed" in spec:
        mm, dd = (int(x) for x in spec["fixed"].split("-"))
        begin = D(year, mm, dd)
        if "until" in spec:
            um, ud = (int(x) for x in spec["until"].split("-"))
            return begin, D(year + 1 if (um, ud) < (mm, dd) else year, um, ud)
        return begin, begin
    if "easter" in spec:
        easter = _holiday_dates(["Eerste paasdag"], year)
        if not easter:
            return None
        first, last = (easter[0] + dt.timedelta(days=int(k)) for k in spec["easter"])
        return first, last
    if "nth" in spec:
        month, weekday, nth = spec["nth"]
        day = nth_weekday_of_month(year, month, weekday, nth)
        return day, day
    return None


def count_of(raw: str, lex: Lexicon) -> float | None:
    """The number a count word or digits stand for ("drie", "anderhalf", "12")."""
    raw = raw.lower()
    if raw.isdigit():
        return float(raw)
    return lex.count_words.get(raw)


def month_of(raw: str, lex: Lexicon) -> int:
    return lex.month_of[raw.lower().rstrip(".")]


def day_of(g: dict, lex: Lexicon) -> int:
    return lex.day_ordinals[g["dayord"].lower()] if g.get("dayord") else int(g["day"])


def dated(
    year: int | None, month: int, day: int, anchor: D | None, tense: str | None, relative: bool | None = None, weekday: int | None = None
) -> Reading | None:
    """A day from day and month, with the year given or inferred from the anchor;
    ``relative`` (default: no year given) says the year came from the article date.  A
    weekday named with it ("vrijdag 7 juni") pins the year: the nearest year in which that
    day falls on that weekday, whatever the tense."""
    relative = year is None if relative is None else relative
    if year is None:
        if anchor is None:
            return Reading(None, None, f"XXXX-{month:02d}-{day:02d}", "day")
        year = _year_of_weekday(month, day, weekday, anchor) if weekday else None
        if year is None:
            year = nearest_year(month, day, anchor, tense)
    try:
        d = D(year, month, day)
    except ValueError:
        return None
    return Reading(d, d, d.isoformat(), "day", relative=relative)


def _year_of_weekday(month: int, day: int, weekday: int, anchor: D) -> int | None:
    """The year before, of or after the anchor's in which the day and month fall on the ISO
    weekday, the nearest if two do; None when none does (a misprint, or a date years
    away: the tense decides then)."""
    fits = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            d = D(y, month, day)
        except ValueError:
            continue
        if d.isoweekday() == weekday:
            fits.append((abs((d - anchor).days), y))
    return min(fits)[1] if fits else None


def weekday_of(g: dict, lex: Lexicon) -> int | None:
    """The ISO weekday named before a date ("vrijdag 7 juni"), if any."""
    return lex.weekday_of[g["wd"].lower()] if g.get("wd") else None


def year_from_ref(g: dict, anchor: D | None, lex: Lexicon) -> int:
    if g.get("year"):
        return int(g["year"])
    if g.get("ydir"):
        return anchor.year + lex.directions[g["ydir"].lower()]
    return anchor.year


def season_reading(name: str, direction: int | None, anchor: D, lex: Lexicon, mod: str | None, tense: str | None = None) -> Reading:
    code, sb, se = lex.seasons[name]
    instances = [(y, *season_interval(y, sb, se)) for y in (anchor.year - 2, anchor.year - 1, anchor.year, anchor.year + 1)]
    if direction is None:
        containing = [i for i in instances if i[1] <= anchor <= i[2]]
        if containing:
            chosen = containing[0]
        elif tense in ("future", "present"):  # "In de zomer stopt ...": the coming one
            chosen = next(i for i in instances if i[1] > anchor)
        else:
            past = [i for i in instances if i[2] < anchor]
            chosen = past[-1]
    elif direction < 0:
        chosen = [i for i in instances if i[2] < anchor][-1]
    elif direction > 0:
        chosen = next(i for i in instances if i[1] > anchor)
    else:
        containing = [i for i in instances if i[1] <= anchor <= i[2]]
        chosen = containing[0] if containing else next(i for i in instances if i[1] > anchor)
    y, b, e = chosen
    if mod:
        b, e = part_of(b, e, "season", mod)
    return Reading(b, e, f"{y:04d}-{code}", "season", note=mod or "")


