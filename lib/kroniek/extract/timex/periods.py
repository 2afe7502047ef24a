"""Calendar arithmetic: months, ISO weeks, quarters, seasons, parts of a period, TIMEX3 values."""

from __future__ import annotations

import calendar
import datetime as dt

D = dt.date
ONE = dt.timedelta(days=1)


def month_interval(year: int, month: int) -> tuple[D, D]:
    return D(year, month, 1), D(year, month, calendar.monthrange(year, month)[1])


def year_interval(year: int) -> tuple[D, D]:
    return D(year, 1, 1), D(year, 12, 31)


def week_interval(day: D) -> tuple[D, D]:
    monday = day - dt.timedelta(days=day.isoweekday() - 1)
    return monday, monday + dt.timedelta(days=6)


def quarter_interval(year: int, quarter: int) -> tuple[D, D]:
    first = 3 * (quarter - 1) + 1
    return D(year, first, 1), month_interval(year, first + 2)[1]


def season_interval(year: int, begin: str, end: str) -> tuple[D, D]:
    b = D(year, int(begin[:2]), int(begin[3:]))
    e_year = year + 1 if end < begin else year
    return b, D(e_year, int(end[:2]), int(end[3:]))


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def add_units(day: D, n: int, unit: str) -> D:
    """``day`` moved by ``n`` days/weeks/months/years/decades/centuries (D/W/M/Y/DE/CE)."""
    if unit == "D":
        return day + dt.timedelta(days=n)
    if unit == "W":
        return day + dt.timedelta(weeks=n)
    months = {"M": 1, "Y": 12, "DE": 120, "CE": 1200}[unit] * n
    y, m = add_months(day.year, day.month, months)
    return D(y, m, min(day.day, calendar.monthrange(y, m)[1]))


def part_of(begin: D, end: D, unit: str, mod: str) -> tuple[D, D]:
    """The START / MID / END part of a period (conventions in the module docstring)."""
    if mod not in ("START", "MID", "END"):
        return begin, end
    if unit == "month":
        last = end.day
        spans = {"START": (1, 10), "MID": (11, 20), "END": (21, last)}
        a, b = spans[mod]
        return begin.replace(day=a), begin.replace(day=b)
    if unit == "year":
        y = begin.year
        spans = {"START": (D(y, 1, 1), D(y, 3, 31)), "MID": (D(y, 4, 1), D(y, 9, 30)), "END": (D(y, 10, 1), D(y, 12, 31))}
        return spans[mod]
    if unit in ("week", "weekend"):
        monday = begin - dt.timedelta(days=begin.isoweekday() - 1)
        spans = {"START": (0, 1), "MID": (2, 3), "END": (4, 6)}
        a, b = spans[mod]
        return monday + dt.timedelta(days=a), monday + dt.timedelta(days=b)
    if unit == "decade":
        y = begin.year
        spans = {"START": (0, 3), "MID": (4, 6), "END": (7, 9)}
        a, b = spans[mod]
        return D(y + a, 1, 1), D(y + b, 12, 31)
    # quarters, seasons, half years: thirds
    days = (end - begin).days + 1
    third = days // 3
    if mod == "START":
        return begin, begin + dt.timedelta(days=third - 1)
    if mod == "MID":
        return begin + dt.timedelta(days=third), end - dt.timedelta(days=third)
    return end - dt.timedelta(days=third - 1), end


def nth_weekday_of_month(year: int, month: int, weekday: int, nth: int) -> D:
    """The n-th (1-based; -1 = last) ISO weekday of a month."""
    first, last = month_interval(year, month)
    days = [first + dt.timedelta(days=k) for k in range((last - first).days + 1)]
    return [d for d in days if d.isoweekday() == weekday][nth - 1 if nth > 0 else nth]


def interval_value(begin: D, end: D) -> str:
    """A TIMEX3 value for an interval when it is one calendar unit, else ISO ``b/e``."""
    if begin == end:
        return begin.isoformat()
    if begin.day == 1 and end == month_interval(begin.year, begin.month)[1]:
        return f"{begin.year:04d}-{begin.month:02d}"
    if begin == D(begin.year, 1, 1) and end == D(begin.year, 12, 31):
        return f"{begin.year:04d}"
    if begin.isoweekday() == 1 and (end - begin).days == 6:
        y, w, _ = begin.isocalendar()
        return f"{y:04d}-W{w:02d}"
    for q in range(1, 5):
        if (begin, end) == quarter_interval(begin.year, q):
            return f"{begin.year:04d}-Q{q}"
    return f"{begin.isoformat()}/{end.isoformat()}"
