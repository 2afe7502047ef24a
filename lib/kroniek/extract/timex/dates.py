"""Resolvers of expressions that name a calendar date or period: a day and month, a month,
a year, a quarter, a season, a decade, a holiday (the year comes from the text or, when
absent, from the article date and the tense)."""

from __future__ import annotations

import datetime as dt
import re

from kroniek.extract.money.numbers import number_word
from kroniek.extract.timex.anchors import (
    dated,
    day_of,
    direction_of,
    explicit_date,
    modifier_of,
    month_of,
    named_interval,
    nearest_year,
    season_reading,
    weekday_of,
    year_from_ref,
    year_of,
)
from kroniek.extract.timex.periods import (
    D,
    add_months,
    interval_value,
    month_interval,
    nth_weekday_of_month,
    part_of,
    quarter_interval,
    season_interval,
    week_interval,
    year_interval,
)
from kroniek.extract.timex.readings import Reading


def _r_explicit(g, anchor, tense, lex):
    """A complete date: "12-03-2019", "2019-03-12", "9 september 2021"."""
    day = explicit_date(g["_text"])
    if day is None:
        try:
            if g.get("month"):
                month, day_n = lex.month_of[g["month"].lower().rstrip(".")], int(g["day"])
            else:
                month, day_n = int(g["m"]), int(g["d"])
            day = D(year_of(g["y"]), month, day_n)
        except ValueError:
            return None
    return Reading(day, day, day.isoformat(), "day", relative=False)


def _r_day_month(g, anchor, tense, lex):
    if g.get("y"):
        return _r_explicit(g, anchor, tense, lex)
    if g.get("jl") or g.get("as"):
        tense = "past" if g.get("jl") else "future"  # "14 februari jl.": the last 14 February; "1 juli a.s." the next
    year = None
    if g.get("ydir") and anchor is not None:
        year = anchor.year + lex.directions[g["ydir"].lower()]  # "3 november vorig jaar"
    return dated(year, month_of(g["month"], lex), int(g["day"]), anchor, tense, relative=True, weekday=weekday_of(g, lex))


def _r_month(g, anchor, tense, lex):
    """"maart", "begin april", "afgelopen september", "juni vorig jaar", "vorig jaar in augustus"."""
    month = lex.month_of[g["month"].lower().rstrip(".")]
    mod = modifier_of(g, lex)
    relative = True
    if g.get("year"):
        year, relative = int(g["year"]), False
    elif anchor is None:
        return Reading(None, None, f"XXXX-{month:02d}", "month")
    elif g.get("ydir") or g.get("dir"):
        direction = direction_of(g, "ydir", lex) if g.get("ydir") else direction_of(g, "dir", lex)
        year = anchor.year + (direction or 0)
    elif g.get("mdir"):
        direction = lex.directions[g["mdir"].lower()]
        if g.get("ydir2"):
            year = anchor.year + direction  # "volgend jaar juni"
        elif direction < 0:
            year = anchor.year if month < anchor.month else anchor.year - 1  # "afgelopen september"
        elif direction > 0:
            year = anchor.year if month > anchor.month else anchor.year + 1  # "volgende juni"
        else:
            year = anchor.year
    elif g.get("jl"):
        year = nearest_year(month, None, anchor, "past")
    else:
        year = nearest_year(month, None, anchor, tense)
    b, e = month_interval(year, month)
    b2, e2 = part_of(b, e, "month", mod) if mod else (b, e)
    return Reading(b2, e2, f"{year:04d}-{month:02d}", "month" if not mod else "month-part", relative=relative, note=mod or "")


def _r_year(g, anchor, tense, lex):
    year = int(g["year"])
    b, e = year_interval(year)
    mod = modifier_of(g, lex)
    b2, e2 = part_of(b, e, "year", mod) if mod else (b, e)
    return Reading(b2, e2, f"{year:04d}", "year" if not mod else "year-part", relative=False, note=mod or "")


def _r_quarter(g, anchor, tense, lex):
    q = lex.ordinals[g["ord"].lower()]
    year = year_from_ref(g, anchor, lex)
    b, e = quarter_interval(year, q)
    return Reading(b, e, f"{year:04d}-Q{q}", "quarter", relative=not g.get("year"))


def _r_half_year(g, anchor, tense, lex):
    half = 1 if g["half"].lower() == "eerste" else 2
    year = year_from_ref(g, anchor, lex)
    b, e = (D(year, 1, 1), D(year, 6, 30)) if half == 1 else (D(year, 7, 1), D(year, 12, 31))
    return Reading(b, e, f"{year:04d}-H{half}", "half-year", relative=not g.get("year"))


def _r_season(g, anchor, tense, lex):
    mod = modifier_of(g, lex)
    if g.get("year"):
        code, sb, se = lex.seasons[g["season"].lower()]
        b, e = season_interval(int(g["year"]), sb, se)
        if mod:
            b, e = part_of(b, e, "season", mod)
        return Reading(b, e, f"{g['year']}-{code}", "season", relative=False, note=mod or "")
    return season_reading(g["season"].lower(), None, anchor, lex, mod, tense)


def _r_decade(g, anchor, tense, lex):
    if g.get("dyear"):
        start_year = int(g["dyear"])
        b, e = D(start_year, 1, 1), D(start_year + 9, 12, 31)
        return Reading(b, e, f"{start_year // 10:03d}", "decade", relative=False)
    digit = lex.decades[g["dword"].lower()] if g.get("dword") else int(g["ddigit"])
    century = 1900 if digit >= 2 and anchor.year < 2100 else 2000
    if digit == 2 and anchor.year >= 2020 and "vorige eeuw" not in g["_text"]:
        century = 2000
    start_year = century + digit * 10
    b, e = D(start_year, 1, 1), D(start_year + 9, 12, 31)
    mod = modifier_of(g, lex)
    if mod:
        b, e = part_of(b, e, "decade", mod)
    return Reading(b, e, f"{start_year // 10:03d}", "decade", note=mod or "")


def _r_named(g, anchor, tense, lex):
    spec = lex.named_days[re.sub(r"\s+", " ", g["named"].lower())]
    if "date" in spec:  # a day in history ("9/11")
        day = D.fromisoformat(spec["date"])
        return Reading(day, day, day.isoformat(), "day", relative=False)
    direction = direction_of(g, "dir", lex)
    if g.get("year"):
        years = [int(g["year"])]
    elif direction is not None:
        years = [anchor.year + d for d in (-1, 0, 1)]
    else:
        years = [anchor.year - 1, anchor.year, anchor.year + 1]
    options = [iv for iv in (named_interval(spec, y) for y in years) if iv]
    if not options:
        return None
    if g.get("year"):
        b, e = options[0]
    elif direction is not None and direction < 0:
        past = [iv for iv in options if iv[1] < anchor]
        b, e = past[-1] if past else options[0]
    elif direction is not None and direction > 0:
        future = [iv for iv in options if iv[0] > anchor]
        b, e = future[0] if future else options[-1]
    else:
        b, e = min(options, key=lambda iv: min(abs((iv[0] - anchor).days), abs((iv[1] - anchor).days)))
    return Reading(b, e, interval_value(b, e), "day" if b == e else "days", relative=not g.get("year"))


def _r_century(g, anchor, tense, lex):
    """"de negentiende eeuw", "de 20ste eeuw": the hundred years 1800-1899, 1900-1999 (as
    "de vorige eeuw" and the decades: TIMEX3 "18", "19")."""
    number = lex.day_ordinals[g["cword"].lower()] if g.get("cword") else int(g["cnum"])
    start = (number - 1) * 100
    mod = modifier_of(g, lex)
    first, last = {"START": (0, 32), "MID": (33, 66), "END": (67, 99)}.get(mod or "", (0, 99))  # thirds, in whole years
    b, e = D(max(start + first, 1), 1, 1), D(start + last, 12, 31)
    return Reading(b, e, f"{start // 100:02d}", "century", relative=False, note=mod or "")


def _r_year_range(g, anchor, tense, lex):
    y1, y2 = int(g["y1"]), int(g["y2"])
    if y2 <= y1:
        return None
    return Reading(D(y1, 1, 1), D(y2, 12, 31), f"{y1:04d}/{y2:04d}", "years", relative=False)


def _r_day_range(g, anchor, tense, lex):
    month, d1, d2 = month_of(g["month"], lex), int(g["d1"]), int(g["d2"])
    first = dated(int(g["y"]) if g.get("y") else None, month, d1, anchor, tense)
    if first is None or first.begin is None or d2 <= d1:
        return None
    try:
        end = first.begin.replace(day=d2)
    except ValueError:
        return None
    return Reading(first.begin, end, interval_value(first.begin, end), "days", relative=first.relative)


def _r_month_num(g, anchor, tense, lex):
    y, mo = int(g["y"]), int(g["m"])
    b, e = month_interval(y, mo)
    return Reading(b, e, f"{y:04d}-{mo:02d}", "month", relative=False)


def _r_day_month_num(g, anchor, tense, lex):
    return dated(None, int(g["m"]), int(g["d"]), anchor, tense, weekday=weekday_of(g, lex))


def _r_day_month_abbr(g, anchor, tense, lex):
    return dated(int(g["y"]) if g.get("y") else None, month_of(g["month"], lex), int(g["day"]), anchor, tense)


def _r_ordinal_day_month(g, anchor, tense, lex):
    return dated(int(g["y"]) if g.get("y") else None, month_of(g["month"], lex), day_of(g, lex), anchor, tense, weekday=weekday_of(g, lex))


def _r_nth_weekday(g, anchor, tense, lex):
    if g.get("month"):
        month = month_of(g["month"], lex)
        if g.get("year"):
            year = int(g["year"])
        elif anchor is None:
            return None
        else:
            year = nearest_year(month, None, anchor, tense)
    else:
        if anchor is None:
            return None
        year, month = add_months(anchor.year, anchor.month, lex.directions[g["mdir"].lower()] if g.get("mdir") else 0)
    weekday = lex.weekday_of[g["weekday"].lower()]
    nth = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "laatste": -1}[g["nth"].lower()]
    d = nth_weekday_of_month(year, month, weekday, nth)
    return Reading(d, d, d.isoformat(), "day", relative=not g.get("year"))


def _r_week_number(g, anchor, tense, lex):
    if not g.get("year") and anchor is None:
        return None
    year = int(g["year"]) if g.get("year") else anchor.year
    try:
        monday = D.fromisocalendar(year, int(g["wk"]), 1)
    except ValueError:
        return None
    return Reading(monday, monday + dt.timedelta(days=6), f"{year:04d}-W{int(g['wk']):02d}", "week", relative=not g.get("year"))


def _r_nth_week(g, anchor, tense, lex):
    nth = g["nth"].lower()
    if g.get("month") or g.get("mdir"):
        if anchor is None:
            return None
        if g.get("month"):
            month = month_of(g["month"], lex)
            year = nearest_year(month, None, anchor, tense)
        else:
            year, month = add_months(anchor.year, anchor.month, lex.directions[g["mdir"].lower()])
        first, last = month_interval(year, month)
        thursdays = [first + dt.timedelta(days=k) for k in range((last - first).days + 1) if (first + dt.timedelta(days=k)).isoweekday() == 4]
        k = {"eerste": 0, "tweede": 1, "derde": 2, "vierde": 3, "laatste": -1}[nth]
        b = thursdays[k] - dt.timedelta(days=3)  # a week belongs to the month of its Thursday (as ISO weeks to years)
        y, w, _ = b.isocalendar()
        return Reading(b, b + dt.timedelta(days=6), f"{y:04d}-W{w:02d}", "week")
    else:
        if g.get("year"):
            year = int(g["year"])
        elif anchor is None:
            return None
        else:
            year = anchor.year + lex.directions[g["ydir"].lower()]
        first, last = D(year, 1, 4), D(year, 12, 28)  # inside ISO week 1 and the last ISO week
    if nth == "laatste":
        b, e = week_interval(last)
    else:
        k = {"eerste": 0, "tweede": 1, "derde": 2, "vierde": 3}[nth]
        b, e = week_interval(first + dt.timedelta(weeks=k))
    y, w, _ = b.isocalendar()
    return Reading(b, e, f"{y:04d}-W{w:02d}", "week", relative=not g.get("year"))


def _r_quarter_code(g, anchor, tense, lex):
    if not g.get("year") and anchor is None:
        return None
    year = int(g["year"]) if g.get("year") else anchor.year
    q = int(g["q"])
    b, e = quarter_interval(year, q)
    return Reading(b, e, f"{year:04d}-Q{q}", "quarter", relative=not g.get("year"))


def _r_weekday_day(g, anchor, tense, lex):
    """"vrijdag de 15e": the 15th nearest the article date that falls on a Friday."""
    if anchor is None:
        return None
    day, weekday = day_of(g, lex), lex.weekday_of[g["weekday"].lower()]
    options = []
    for delta in (-1, 0, 1):
        y, mo = add_months(anchor.year, anchor.month, delta)
        try:
            d = D(y, mo, day)
        except ValueError:
            continue
        if d.isoweekday() == weekday:
            options.append(d)
    if not options:
        return None
    d = min(options, key=lambda x: abs((x - anchor).days))
    return Reading(d, d, d.isoformat(), "day")


def _r_word_day_month(g, anchor, tense, lex):
    value = number_word(g["dayword"].lower())
    if value is None or not 1 <= value <= 31 or value != int(value):
        return None
    return dated(int(g["y"]) if g.get("y") else None, month_of(g["month"], lex), int(value), anchor, tense, weekday=weekday_of(g, lex))


# kind of expression -> resolver(groups, anchor day, tense, lexicon)
DATE_RESOLVERS = {
    "iso_date": _r_explicit,
    "num_date": _r_explicit,
    "day_month": _r_day_month,
    "day_first": _r_day_month,
    "month": _r_month,
    "dir_year_in_month": _r_month,
    "year": _r_year,
    "quarter": _r_quarter,
    "half_year": _r_half_year,
    "season": _r_season,
    "decade": _r_decade,
    "century": _r_century,
    "named": _r_named,
    "weekday_day": _r_weekday_day,
    "word_day_month": _r_word_day_month,
    "year_range": _r_year_range,
    "day_range": _r_day_range,
    "iso_month": _r_month_num,
    "month_year_num": _r_month_num,
    "day_month_num": _r_day_month_num,
    "day_month_abbr": _r_day_month_abbr,
    "ordinal_day_month": _r_ordinal_day_month,
    "nth_weekday": _r_nth_weekday,
    "week_number": _r_week_number,
    "nth_week": _r_nth_week,
    "quarter_code": _r_quarter_code,
}
# these read the article day even when they name a month or year ("het derde kwartaal")
DATE_NEEDS_ANCHOR = {"quarter", "half_year", "season", "decade", "named"}
