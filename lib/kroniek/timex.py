"""Dutch time expressions -> inclusive calendar intervals, resolved against the article date.

Split of work (why not dateparser alone): dateparser normalises explicit dates well
("9 september 2021", "12-03-2019", "9 sept.") and is used for exactly that; it returns
nothing or a wrong single day for most relative Dutch news phrasing ("eind volgende
maand", "vorig jaar in augustus", "eerder deze maand", "afgelopen zomer"), and it
cannot resolve against a month- or year-precision article date without inventing a
day.  Those are handled by the rules below; the language knowledge is in
``data/timex.yaml`` (HeidelTime-style: lexicons as data, a generic engine).

Conventions (shown to users on the About page)
-----------------------------------------------
* Intervals are inclusive ``[begin_date, end_date]``; weeks are ISO weeks (Monday-Sunday).
* Parts of a month: begin = days 1-10, midden/half = 11-20, eind = 21-last.  Parts of a
  year: begin = first quarter, midden = April-September, eind = last quarter.  Parts of
  a week: begin = Monday-Tuesday, midden = Wednesday-Thursday, eind = Friday-Sunday.
  Parts of a decade: begin = years 0-3, midden = 4-6, eind = 7-9.
* Seasons: lente/voorjaar 03-21..06-20, zomer 06-21..09-22, herfst/najaar 09-23..12-20,
  winter 12-21..03-20 (a winter belongs to the year it starts in).
* "eerder deze maand" = first of the month to the day before the article date; "later
  dit jaar" = the day after the article date to 31 December (likewise for week/month).
* A bare weekday in the past tense = the most recent such day up to six days before
  the article date; in the present or future tense = the next such day within six
  days.  "vanavond", "gistermiddag" = that day.
* Article dates of month or year precision: day-sized expressions (weekdays,
  "gisteren") resolve to the article's own month or year, never to an invented day;
  other relative expressions resolve to the hull of their readings for every day the
  article date allows (the widest interval the evidence supports).
* A month or day without a year takes the year that puts it nearest to the article
  date in the direction of the tense.
* Leading prepositions ("in", "op", "sinds", "vanaf", "tot") are not part of the span;
  determiners ("het derde kwartaal", "de zomer") are.
* Durations ("drie jaar lang") and sets ("elke week") are recognised, with a TIMEX3
  value, but get no interval and are not placed on the timeline.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
D = dt.date
ONE = dt.timedelta(days=1)


# --- lexicon -------------------------------------------------------------------------


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


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    c = yaml.safe_load((DATA_DIR / "timex.yaml").read_text(encoding="utf-8"))
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
    )


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# --- calendar arithmetic ---------------------------------------------------------------


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


# --- results -------------------------------------------------------------------------


@dataclass
class Reading:
    begin: D | None
    end: D | None
    value: str
    granularity: str
    relative: bool = True  # depends on the article date
    day_sized: bool = False  # resolves to the article's own period under coarse dates
    note: str = ""


@dataclass
class Found:
    start: int
    end: int
    kind: str
    m: re.Match


# --- the pattern set -----------------------------------------------------------------


class _Patterns:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        months_full = [w for w in lex.month_of if len(w) > 4 or w in ("mei", "juni", "juli")]
        months_abbr = [w for w in lex.month_of if w not in months_full]
        MONTH = rf"(?P<month>{_alt(months_full)}|(?:{_alt(months_abbr)})\.?)"
        WEEKDAY = rf"(?P<weekday>{_alt(lex.weekday_of)})(?P<daypart>{_alt(lex.day_parts)})?"
        DIR = rf"(?P<dir>{_alt(lex.directions)})"
        MOD = rf"(?:(?P<mod>{_alt(lex.modifiers)})\s+(?:van\s+)?(?:de\s+|het\s+)?)"
        UNIT = rf"(?P<unit>{_alt(lex.units)})"
        SEASON = rf"(?P<season>{_alt(lex.seasons)})"
        YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
        B = r"(?<![\w\-])"
        E = r"(?![\w\-])"
        ORD = rf"(?P<ord>{_alt(lex.ordinals)})"
        NAMED = rf"(?P<named>{_alt(lex.named_days)})"
        DUR = rf"(?P<durunit>{_alt(lex.duration_units)})"
        NUMWORD = r"(?P<num>\d+|één|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|twintig|dertig|veertig|vijftig|honderd|anderhalf|anderhalve|enkele|paar)"
        YEAR_REF = rf"(?:\s+(?:van\s+)?(?:{YEAR}|(?P<ydir>{_alt(lex.directions)})\s+jaar|het\s+jaar))?"
        flags = re.IGNORECASE
        self.patterns: list[tuple[str, re.Pattern]] = [
            ("iso_date", re.compile(rf"{B}(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}){E}")),
            ("num_date", re.compile(rf"{B}(?P<d>\d{{1,2}})[-/.](?P<m>\d{{1,2}})[-/.](?P<y>\d{{4}}|'\d{{2}}){E}")),
            (
                "day_month",
                re.compile(
                    rf"{B}(?:(?P<wd>{_alt(lex.weekday_of)})\s+)?(?P<day>\d{{1,2}})(?:e|ste|de)?\s+{MONTH}(?:\s+(?P<y>\d{{4}}|'\d{{2}}))?{E}",
                    flags,
                ),
            ),
            ("dir_year_in_month", re.compile(rf"{B}{DIR}\s+jaar\s+in\s+{MONTH}{E}", flags)),
            (
                "month",
                re.compile(
                    rf"{B}{MOD}?{MONTH}(?:\s+(?:van\s+)?(?:{YEAR}|(?P<ydir>{_alt(lex.directions)})\s+jaar|(?P<jl>jl\.?|jongstleden)))?{E}"
                ),
            ),
            ("earlier_later", re.compile(rf"{B}(?P<el>eerder|later)\s+(?:deze|dit)\s+(?P<unit>week|maand|jaar|eeuw){E}", flags)),
            ("dir_unit", re.compile(rf"{B}{MOD}?(?:(?:de|het)\s+)?{DIR}\s+(?:{UNIT}|{SEASON}){E}", flags)),
            ("quarter", re.compile(rf"{B}(?:het\s+)?{ORD}\s+kwartaal{YEAR_REF}{E}", flags)),
            (
                "half_year",
                re.compile(
                    rf"{B}(?:de\s+)?(?P<half>eerste|tweede)\s+(?:helft|jaarhelft)\s+van\s+(?:{YEAR}|(?P<ydir>{_alt(lex.directions)})\s+jaar|het\s+jaar){E}",
                    flags,
                ),
            ),
            ("half_year", re.compile(rf"{B}het\s+(?P<half>eerste|tweede)\s+halfjaar{YEAR_REF}{E}", flags)),
            ("season", re.compile(rf"{B}{MOD}?(?:(?:de|het)\s+)?{SEASON}(?:\s+(?:van\s+)?{YEAR})?{E}", flags)),
            (
                "decade",
                re.compile(
                    rf"{B}{MOD}?(?:de\s+)?jaren\s+(?:(?P<dword>{_alt(lex.decades)})|'?(?P<ddigit>[2-9])0)(?:\s+van\s+de\s+vorige\s+eeuw)?{E}",
                    flags,
                ),
            ),
            (
                "weekday",
                re.compile(
                    rf"{B}(?:(?P<wdir>{_alt(lex.directions)})\s+)?(?:(?P<wkdir>vorige|volgende|deze|komende|afgelopen)\s+week\s+)?{WEEKDAY}(?:\s+(?P<wkdir2>vorige|volgende|deze|komende)\s+week)?{E}",
                    flags,
                ),
            ),
            (
                "day_word",
                re.compile(
                    rf"{B}(?P<dayword>{_alt(lex.day_words)})(?P<daypart>{_alt(lex.day_parts)})?{E}",
                    flags,
                ),
            ),
            ("gister_part", re.compile(rf"{B}(?P<dayword>gister|morgen)(?P<daypart>{_alt(lex.day_parts)}){E}", flags)),
            ("named", re.compile(rf"{B}(?:{DIR}\s+)?{NAMED}(?:\s+{YEAR})?{E}", flags)),
            ("year", re.compile(rf"{B}{MOD}?(?:het\s+jaar\s+)?{YEAR}{E}", flags)),
            ("ago", re.compile(rf"{B}{NUMWORD}\s+{DUR}\s+geleden{E}", flags)),
            ("duration", re.compile(rf"{B}{NUMWORD}\s+{DUR}(?:\s+lang)?{E}|{B}(?P<durword>{_alt(lex.duration_words)}){E}", flags)),
            (
                "set",
                re.compile(
                    rf"{B}(?:(?P<q>{_alt(lex.set_quantifiers)})\s+(?P<setunit>dag|week|maand|jaar|kwartaal|{_alt(lex.weekday_of)}|ochtend|avond|nacht|weekend)|(?P<setword>{_alt(lex.set_words)})){E}",
                    flags,
                ),
            ),
        ]

    def find(self, text: str) -> list[Found]:
        found: list[Found] = []
        for kind, pattern in self.patterns:
            for m in pattern.finditer(text):
                if m.end() > m.start() and self.accept(kind, m, text):
                    found.append(Found(m.start(), m.end(), kind, m))
        # Longest leftmost wins; overlaps are dropped.
        found.sort(key=lambda f: (f.start, -(f.end - f.start)))
        chosen: list[Found] = []
        for f in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
            if all(f.end <= c.start or f.start >= c.end for c in chosen):
                chosen.append(f)
        return sorted(chosen, key=lambda f: f.start)

    def accept(self, kind: str, m: re.Match, text: str) -> bool:
        before = text[max(0, m.start() - 12) : m.start()].lower()
        after = text[m.end() : m.end() + 14].lower()
        if kind == "month":
            word = m.group("month")
            if word[:1].isupper() and not m.group("year") and not m.group("mod"):
                return False  # "Augustus", "Mei": names unless a year follows
            if word.rstrip(".") in ("mei",) and re.match(r"\s*[A-Z]", text[m.end() : m.end() + 2]):
                return False
            if len(word.rstrip(".")) <= 4 and word.rstrip(".") not in ("mei", "juni", "juli") and not word.endswith("."):
                # abbreviations need a dot or a year: "sept." / "sep 2019"
                return bool(m.group("year"))
            return True
        if kind == "day_month":
            day = int(m.group("day"))
            return 1 <= day <= 31
        if kind == "year":
            if m.group("mod") or text[m.start() : m.end()].lower().startswith("het jaar"):
                return True
            if re.match(r"\s*(%|procent|euro|dollar|mensen|man|keer|meter|kilo|km|stuks|punten|personen|huizen|woningen|leden|deelnemers|banen|\w+en\b)", after):
                return False
            if re.search(r"(in|sinds|vanaf|tot|van|uit|na|voor|rond|begin|eind|medio|jaar|tussen|en|of|t/m|-)\s*$", before):
                return True
            return bool(re.match(r"\s*($|[.,;:)!?]|en\s|-|–|/)", after)) or before.rstrip().endswith("(")
        if kind == "day_word":
            word = m.group("dayword").lower()
            if word == "morgen" and not m.group("daypart"):
                if re.search(r"('s|de|die|deze|elke|iedere|een|op|zondag|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag)\s*$", before):
                    return False
            return True
        if kind == "season":
            return True
        if kind == "named":
            named = m.group("named")
            return named[:1].isupper() or named.lower() in ("kerst", "pasen") or bool(m.group("dir"))
        if kind == "weekday":
            return True
        return True


@functools.lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    return _Patterns(load_lexicon())


# --- resolution ----------------------------------------------------------------------


@functools.lru_cache(maxsize=2048)
def explicit_date(text: str) -> D | None:
    """A complete explicit date through dateparser (it reads these well; see the docstring).

    Returns None where dateparser does not read it ("9 sept. 2021"); the caller then
    uses the lexicon.
    """
    import dateparser

    parsed = dateparser.parse(text, languages=["nl"], settings={"DATE_ORDER": "DMY", "STRICT_PARSING": True})
    return parsed.date() if parsed else None


def _year_of(raw: str) -> int:
    raw = raw.lstrip("'")
    y = int(raw)
    return y + (2000 if y < 50 else 1900) if len(raw) == 2 else y


def _nearest_year(month: int, day: int | None, anchor: D, tense: str | None) -> int:
    """The year that puts a month (and day) nearest to the anchor, tense first."""
    candidates = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            b, e = (D(y, month, day), D(y, month, day)) if day else month_interval(y, month)
        except ValueError:
            continue
        if tense == "past" and b > anchor:
            continue
        if tense == "future" and e < anchor:
            continue
        distance = 0 if b <= anchor <= e else min(abs((b - anchor).days), abs((e - anchor).days))
        candidates.append((distance, y))
    if not candidates:
        return anchor.year
    return min(candidates)[1]


def _mod(m: re.Match, lex: Lexicon) -> str | None:
    try:
        raw = m.group("mod")
    except IndexError:
        return None
    return lex.modifiers.get(re.sub(r"\s+", " ", raw.lower())) if raw else None


def _direction(m: re.Match, group: str, lex: Lexicon) -> int | None:
    try:
        raw = m.group(group)
    except IndexError:
        return None
    return lex.directions.get(raw.lower()) if raw else None


def _holiday_dates(names: list[str], year: int) -> list[D]:
    import holidays

    cal = holidays.country_holidays("NL", years=[year], language="nl")
    wanted = {n.lower() for n in names}
    return sorted(d for d, n in cal.items() if any(part.strip().lower() in wanted for part in n.split(";")))


def _named_interval(spec: dict, year: int) -> tuple[D, D] | None:
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
    if spec.get("rule") == "third_tuesday_of_september":
        first = D(year, 9, 1)
        first_tuesday = first + dt.timedelta(days=(1 - first.weekday()) % 7)
        day = first_tuesday + dt.timedelta(days=14)
        return day, day
    return None


_NUMBER_WORDS = {
    "één": 1, "een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
    "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "honderd": 100,
}


def _count(raw: str) -> float | None:
    raw = raw.lower()
    if raw.isdigit():
        return float(raw)
    if raw in ("anderhalf", "anderhalve"):
        return 1.5
    return float(_NUMBER_WORDS[raw]) if raw in _NUMBER_WORDS else None


def resolve(f: Found, anchor: D | None, tense: str | None, lex: Lexicon) -> Reading | None:
    """One reading of a found expression for one anchor day (None: not resolvable)."""
    m, kind = f.m, f.kind
    g = m.groupdict()
    if kind == "iso_date" or kind == "num_date" or (kind == "day_month" and g.get("y")):
        day = explicit_date(m.group(0))
        if day is None:
            try:
                month = int(g["m"]) if kind != "day_month" else lex.month_of[g["month"].lower().rstrip(".")]
                day = D(_year_of(g["y"]), month, int(g["d"] if kind != "day_month" else g["day"]))
            except ValueError:
                return None
        return Reading(day, day, day.isoformat(), "day", relative=False)
    if kind == "day_month":
        month = lex.month_of[g["month"].lower().rstrip(".")]
        day_n = int(g["day"])
        if g.get("y"):
            year = _year_of(g["y"])
            relative = False
        elif anchor is None:
            return Reading(None, None, f"XXXX-{month:02d}-{day_n:02d}", "day")
        else:
            year = _nearest_year(month, day_n, anchor, tense)
            relative = True
        try:
            day = D(year, month, day_n)
        except ValueError:
            return None
        return Reading(day, day, day.isoformat(), "day", relative=relative)
    if kind in ("month", "dir_year_in_month"):
        month = lex.month_of[g["month"].lower().rstrip(".")]
        mod = _mod(m, lex) if kind == "month" else None
        relative = True
        if g.get("year"):
            year, relative = int(g["year"]), False
        elif anchor is None:
            return Reading(None, None, f"XXXX-{month:02d}", "month")
        elif g.get("ydir") or g.get("dir"):
            direction = _direction(m, "ydir", lex) if g.get("ydir") else _direction(m, "dir", lex)
            year = anchor.year + (direction or 0)
        elif g.get("jl"):
            year = _nearest_year(month, None, anchor, "past")
        else:
            year = _nearest_year(month, None, anchor, tense)
        b, e = month_interval(year, month)
        b2, e2 = part_of(b, e, "month", mod) if mod else (b, e)
        return Reading(b2, e2, f"{year:04d}-{month:02d}", "month" if not mod else "month-part", relative=relative, note=mod or "")
    if kind == "year":
        year = int(g["year"])
        b, e = year_interval(year)
        mod = _mod(m, lex)
        b2, e2 = part_of(b, e, "year", mod) if mod else (b, e)
        return Reading(b2, e2, f"{year:04d}", "year" if not mod else "year-part", relative=False, note=mod or "")
    if anchor is None:
        return None
    if kind == "earlier_later":
        unit = g["unit"].lower()
        b, e = _unit_interval(unit, anchor, 0)
        if g["el"].lower() == "eerder":
            end = anchor - ONE
            if end < b:
                end = b
            return Reading(b, end, interval_value(b, end), _granularity(unit) + "-part", note="EARLIER")
        begin = anchor + ONE
        if begin > e:
            begin = e
        return Reading(begin, e, interval_value(begin, e), _granularity(unit) + "-part", note="LATER")
    if kind == "dir_unit":
        direction = _direction(m, "dir", lex) or 0
        mod = _mod(m, lex)
        if g.get("season"):
            return _season_reading(g["season"].lower(), direction, anchor, lex, mod)
        unit = g["unit"].lower()
        b, e = _unit_interval(unit, anchor, direction)
        value = _unit_value(unit, b)
        if mod in ("START", "MID", "END"):
            unit_kind = {"jaar": "year", "maand": "month", "week": "week", "weekend": "week"}.get(unit, unit)
            b, e = part_of(b, e, unit_kind, mod)
            return Reading(b, e, value, _granularity(unit) + "-part", note=mod)
        return Reading(b, e, value, _granularity(unit))
    if kind == "quarter":
        q = lex.ordinals[g["ord"].lower()]
        year = _year_from_ref(g, anchor, lex)
        b, e = quarter_interval(year, q)
        return Reading(b, e, f"{year:04d}-Q{q}", "quarter", relative=not g.get("year"))
    if kind == "half_year":
        half = 1 if g["half"].lower() == "eerste" else 2
        year = _year_from_ref(g, anchor, lex)
        b, e = (D(year, 1, 1), D(year, 6, 30)) if half == 1 else (D(year, 7, 1), D(year, 12, 31))
        return Reading(b, e, f"{year:04d}-H{half}", "half-year", relative=not g.get("year"))
    if kind == "season":
        mod = _mod(m, lex)
        if g.get("year"):
            code, sb, se = lex.seasons[g["season"].lower()]
            b, e = season_interval(int(g["year"]), sb, se)
            if mod:
                b, e = part_of(b, e, "season", mod)
            return Reading(b, e, f"{g['year']}-{code}", "season", relative=False, note=mod or "")
        return _season_reading(g["season"].lower(), None, anchor, lex, mod, tense)
    if kind == "decade":
        digit = lex.decades[g["dword"].lower()] if g.get("dword") else int(g["ddigit"])
        century = 1900 if digit >= 2 and anchor.year < 2100 else 2000
        if digit == 2 and anchor.year >= 2020 and "vorige eeuw" not in m.group(0):
            century = 2000
        start_year = century + digit * 10
        b, e = D(start_year, 1, 1), D(start_year + 9, 12, 31)
        mod = _mod(m, lex)
        if mod:
            b, e = part_of(b, e, "decade", mod)
        return Reading(b, e, f"{start_year // 10:03d}", "decade", note=mod or "")
    if kind == "weekday":
        weekday = lex.weekday_of[g["weekday"].lower()]
        wk = (g.get("wkdir") or g.get("wkdir2") or "").lower()
        if wk:
            week_shift = {"vorige": -1, "afgelopen": -1, "volgende": 1, "komende": 1, "deze": 0}[wk]
            monday, _ = week_interval(anchor + dt.timedelta(weeks=week_shift))
            day = monday + dt.timedelta(days=weekday - 1)
        else:
            direction = _direction(m, "wdir", lex)
            if direction is None:
                direction = -1 if tense == "past" else 1 if tense == "future" else -1
            if direction == 0:
                monday, _ = week_interval(anchor)
                day = monday + dt.timedelta(days=weekday - 1)
            elif direction < 0:
                back = (anchor.isoweekday() - weekday) % 7
                if g.get("wdir") and back == 0:
                    back = 7  # "afgelopen vrijdag" on a Friday: a week ago
                day = anchor - dt.timedelta(days=back)
            else:
                ahead = (weekday - anchor.isoweekday()) % 7
                if g.get("wdir") and ahead == 0:
                    ahead = 7
                day = anchor + dt.timedelta(days=ahead)
        return Reading(day, day, day.isoformat(), "day", day_sized=True)
    if kind in ("day_word", "gister_part"):
        word = g["dayword"].lower()
        offset = lex.day_words.get(word, -1 if word == "gister" else 1 if word == "morgen" else 0)
        day = anchor + dt.timedelta(days=offset)
        return Reading(day, day, day.isoformat(), "day", day_sized=True)
    if kind == "named":
        spec = lex.named_days[re.sub(r"\s+", " ", g["named"].lower())]
        direction = _direction(m, "dir", lex)
        if g.get("year"):
            years = [int(g["year"])]
        elif direction is not None:
            years = [anchor.year + d for d in (-1, 0, 1)]
        else:
            years = [anchor.year - 1, anchor.year, anchor.year + 1]
        options = [iv for iv in (_named_interval(spec, y) for y in years) if iv]
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
    if kind == "ago":
        n = _count(g["num"])
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
    return None


def _year_from_ref(g: dict, anchor: D | None, lex: Lexicon) -> int:
    if g.get("year"):
        return int(g["year"])
    if g.get("ydir"):
        return anchor.year + lex.directions[g["ydir"].lower()]
    return anchor.year


def _unit_interval(unit: str, anchor: D, direction: int) -> tuple[D, D]:
    if unit == "week":
        return week_interval(anchor + dt.timedelta(weeks=direction))
    if unit == "weekend":
        monday, _ = week_interval(anchor + dt.timedelta(weeks=direction))
        if direction > 0 and anchor.isoweekday() < 6:
            monday, _ = week_interval(anchor)  # "komend weekend" on a weekday: this week's
        if direction < 0 and anchor.isoweekday() == 7:
            monday, _ = week_interval(anchor)  # "afgelopen weekend" on a Sunday: today's
        return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
    if unit == "maand":
        y, m = add_months(anchor.year, anchor.month, direction)
        return month_interval(y, m)
    if unit in ("jaar",):
        return year_interval(anchor.year + direction)
    if unit == "kwartaal":
        q = (anchor.month - 1) // 3 + 1 + direction
        y = anchor.year + (q - 1) // 4
        q = (q - 1) % 4 + 1
        return quarter_interval(y, q)
    if unit == "halfjaar":
        h = (anchor.month - 1) // 6 + direction
        y = anchor.year + h // 2
        h = h % 2
        return (D(y, 1, 1), D(y, 6, 30)) if h == 0 else (D(y, 7, 1), D(y, 12, 31))
    if unit == "decennium":
        start = (anchor.year // 10 + direction) * 10
        return D(start, 1, 1), D(start + 9, 12, 31)
    if unit == "eeuw":
        start = (anchor.year // 100 + direction) * 100
        return D(start, 1, 1), D(start + 99, 12, 31)
    raise ValueError(unit)


def _unit_value(unit: str, begin: D) -> str:
    if unit == "week":
        y, w, _ = begin.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if unit == "weekend":
        y, w, _ = begin.isocalendar()
        return f"{y:04d}-W{w:02d}-WE"
    if unit == "maand":
        return f"{begin.year:04d}-{begin.month:02d}"
    if unit == "jaar":
        return f"{begin.year:04d}"
    if unit == "kwartaal":
        return f"{begin.year:04d}-Q{(begin.month - 1) // 3 + 1}"
    if unit == "halfjaar":
        return f"{begin.year:04d}-H{1 if begin.month <= 6 else 2}"
    if unit == "decennium":
        return f"{begin.year // 10:03d}"
    if unit == "eeuw":
        return f"{begin.year // 100:02d}"
    return interval_value(begin, begin)


def _granularity(unit: str) -> str:
    return {"jaar": "year", "maand": "month", "week": "week", "weekend": "weekend", "kwartaal": "quarter",
            "halfjaar": "half-year", "decennium": "decade", "eeuw": "century"}.get(unit, unit)


def _season_reading(name: str, direction: int | None, anchor: D, lex: Lexicon, mod: str | None, tense: str | None = None) -> Reading:
    code, sb, se = lex.seasons[name]
    instances = [(y, *season_interval(y, sb, se)) for y in (anchor.year - 2, anchor.year - 1, anchor.year, anchor.year + 1)]
    if direction is None:
        containing = [i for i in instances if i[1] <= anchor <= i[2]]
        if containing:
            chosen = containing[0]
        elif tense == "future":
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
        n = _count(g["num"])
        unit = lex.duration_units[g["durunit"].lower()]
        if n is None:
            value = f"PX{unit}"
        else:
            value = f"P{n:g}{unit}".replace(".", ",") if n != int(n) else f"P{int(n)}{unit}"
        return Reading(None, None, value, "duration", relative=False)
    if f.kind == "set":
        if g.get("setword"):
            return Reading(None, None, lex.set_words[g["setword"].lower()], "set", relative=False)
        unit = g["setunit"].lower()
        codes = {"dag": "P1D", "week": "P1W", "maand": "P1M", "jaar": "P1Y", "kwartaal": "P3M", "weekend": "XXXX-WXX-WE",
                 "ochtend": "TMO", "avond": "TEV", "nacht": "TNI"}
        if unit in lex.weekday_of:
            return Reading(None, None, f"XXXX-WXX-{lex.weekday_of[unit]}", "set", relative=False)
        return Reading(None, None, codes.get(unit, "SET"), "set", relative=False)
    return None


# --- tense -----------------------------------------------------------------------------


def tense_from_doc(doc, char: int) -> str | None:
    """'past' / 'future' from the governing verb of the token at ``char``."""
    if doc is None:
        return None
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span[0]
    if doc.has_annotation("DEP") and doc.has_annotation("MORPH"):
        verb = token
        for _ in range(6):
            if verb.pos_ in ("VERB", "AUX"):
                break
            if verb.head is verb:
                break
            verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            group = [verb, *[c for c in verb.children if c.dep_ in ("aux", "aux:pass", "cop")]]
            lemmas = {t.lemma_.lower() for t in group}
            if lemmas & {"zullen", "gaan"}:
                return "future"
            tenses = {t.morph.get("Tense")[0] for t in group if t.morph.get("Tense")}
            if "Past" in tenses:
                return "past"
            if verb.morph.get("VerbForm") == ["Part"] and lemmas & {"hebben", "zijn"}:
                return "past"
            if "Pres" in tenses:
                return "future"
    return None


def tense_from_words(words: list[str], lex: Lexicon) -> str | None:
    for word in words:
        w = word.lower()
        if w in lex.past_cues:
            return "past"
        if w in lex.future_cues:
            return "future"
    return None


_WORD = re.compile(r"[^\W\d_]+")


def _sentence_words_near(text: str, start: int, end: int, sentence_bounds: tuple[int, int]) -> list[str]:
    """Words of the sentence, nearest to the expression first."""
    s_begin, s_end = sentence_bounds
    items = []
    for m in _WORD.finditer(text, s_begin, s_end):
        if start <= m.start() < end:
            continue
        distance = start - m.end() if m.end() <= start else m.start() - end
        items.append((distance, m.group()))
    return [w for _, w in sorted(items)]


# --- public entry point --------------------------------------------------------------


def extract_timexes(
    text: str,
    doc=None,
    article_id: str = "",
    article_date: str = "",
    sentence_of_char: Callable[[int], int] | None = None,
    sentence_bounds: Callable[[int], tuple[int, int]] | None = None,
) -> list[dict]:
    """Time-expression rows for ``text`` resolved against ``article_date``."""
    from kroniek.corpus import date_bounds, date_precision

    lex = load_lexicon()
    anchor_interval = date_bounds(article_date) if article_date else None
    precision = date_precision(article_date) if article_date else ""
    sentence_of_char = sentence_of_char or (lambda _c: 0)
    sentence_bounds = sentence_bounds or (lambda _c: (0, len(text)))
    rows = []
    for f in _patterns().find(text):
        reading: Reading | None
        anchor_text = ""
        if f.kind in ("duration", "set"):
            reading = duration_or_set(f, lex)
        else:
            tense = tense_from_doc(doc, f.start)
            if tense is None:
                tense = tense_from_words(_sentence_words_near(text, f.start, f.end, sentence_bounds(f.start)), lex)
            reading, anchor_text = resolve_over(f, anchor_interval, tense, lex, precision)
        if reading is None:
            continue
        if reading.note in ("START", "MID", "END", "EARLIER", "LATER"):
            anchor_text = (anchor_text + "; " if anchor_text else "") + f"mod {reading.note}"
        rows.append(
            {
                "article_id": article_id,
                "sentence_id": sentence_of_char(f.start),
                "start": f.start,
                "end": f.end,
                "text": text[f.start : f.end],
                "value": reading.value,
                "begin_date": reading.begin.isoformat() if reading.begin else None,
                "end_date": reading.end.isoformat() if reading.end else None,
                "granularity": reading.granularity,
                "anchor": anchor_text,
            }
        )
    return rows
