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
    day_ordinals: dict[str, int]
    span_back: list[str]
    span_forward: list[str]


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
        day_ordinals={w: i + 1 for i, w in enumerate(c["day_ordinals"])},
        span_back=list(c["span_back"]),
        span_forward=list(c["span_forward"]),
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
    m: re.Match | None
    parts: tuple["Found", "Found"] | None = None  # a "van X tot Y" range of two expressions


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
        DAYORD = rf"(?P<dayord>{_alt(lex.day_ordinals)})"
        ANYMONTH = rf"(?P<month>{_alt(months_full)}|(?:{_alt(months_abbr)})\.?)"
        SPAN_DIR = rf"(?P<sdir>{_alt(lex.span_back + lex.span_forward)})"
        self.patterns: list[tuple[str, re.Pattern]] = [
            ("year_range", re.compile(rf"{B}(?:(?P<opener>van|tussen)\s+)?(?P<y1>1[89]\d\d|20\d\d)\s*(?:[-–]|tot(?:\s+en\s+met)?|t/m|en)\s*(?P<y2>1[89]\d\d|20\d\d){E}", flags)),
            (
                "day_range",
                re.compile(
                    rf"{B}(?:(?:van|tussen)\s+)?(?:(?:{_alt(lex.weekday_of)})\s+)?(?P<d1>\d{{1,2}})\s*(?:[-–]|tot(?:\s+en\s+met)?|t/m|en)\s*(?:(?:{_alt(lex.weekday_of)})\s+)?(?P<d2>\d{{1,2}})\s+{ANYMONTH}(?:,?\s+(?P<y>\d{{4}}))?{E}",
                    flags,
                ),
            ),
            ("iso_month", re.compile(rf"{B}(?P<y>1[89]\d\d|20\d\d)\s?[-/]\s?(?P<m>0?[1-9]|1[0-2]){E}")),
            ("month_year_num", re.compile(rf"{B}(?P<m>0?[1-9]|1[0-2])\s?[-/]\s?(?P<y>1[89]\d\d|20\d\d){E}")),
            ("day_month_num", re.compile(rf"{B}(?P<d>[0-3]?\d)/(?P<m>0?[1-9]|1[0-2])(?![/\d])|(?<=\bop )(?P<d2>[0-3]?\d)-(?P<m2>0?[1-9]|1[0-2])(?![-\d]){E}", flags)),
            ("day_month_abbr", re.compile(rf"{B}(?P<day>[0-3]?\d)[-/]{ANYMONTH}(?:[-/](?P<y>\d{{4}}))?{E}", flags)),
            (
                "ordinal_day_month",
                re.compile(
                    rf"{B}(?:(?P<wd>{_alt(lex.weekday_of)}),?\s+)?(?:de\s+)?(?:{DAYORD}|(?P<day>\d{{1,2}})(?:e|ste|de))\s+(?:van\s+)?{ANYMONTH}(?:,?\s+(?P<y>\d{{4}}))?{E}",
                    flags,
                ),
            ),
            ("ordinal_day_rel", re.compile(rf"{B}(?:de\s+)?(?:{DAYORD}|(?P<day>\d{{1,2}})(?:e|ste|de))\s+van\s+(?:de\s+)?(?P<dir>{_alt(lex.directions)})\s+maand{E}", flags)),
            ("weekday_day", re.compile(rf"{B}(?P<weekday>{_alt(lex.weekday_of)})\s+de\s+(?:{DAYORD}|(?P<day>\d{{1,2}})(?:e|ste|de)){E}", flags)),
            (
                "word_day_month",
                re.compile(
                    rf"{B}(?:(?P<wd>{_alt(lex.weekday_of)}),?\s+)?(?P<dayword>[a-zë]{{3,}})\s+{ANYMONTH}(?:,?\s+(?P<y>\d{{4}}))?{E}",
                    flags,
                ),
            ),
            (
                "nth_weekday",
                re.compile(
                    rf"{B}(?:de\s+)?(?P<nth>eerste|tweede|derde|vierde|laatste)\s+(?P<weekday>{_alt(lex.weekday_of)})\s+(?:van|in)\s+(?:{ANYMONTH}(?:\s+(?P<year>\d{{4}}))?|(?:de\s+)?(?P<mdir>{_alt(lex.directions)})\s+maand){E}",
                    flags,
                ),
            ),
            ("week_number", re.compile(rf"{B}week\s+(?P<wk>[1-9]|[1-4]\d|5[0-3])(?:\s+(?:van\s+)?(?P<year>1[89]\d\d|20\d\d))?{E}", flags)),
            (
                "nth_week",
                re.compile(
                    rf"{B}(?:de\s+)?(?P<nth>eerste|tweede|derde|vierde|laatste)\s+week\s+van\s+(?:(?P<year>1[89]\d\d|20\d\d)|(?P<ydir>{_alt(lex.directions)})\s+jaar|(?:de\s+)?(?P<mdir>{_alt(lex.directions)})\s+maand|{ANYMONTH}){E}",
                    flags,
                ),
            ),
            ("quarter_code", re.compile(rf"{B}[KQ](?P<q>[1-4])(?:\s+(?:van\s+)?(?P<year>1[89]\d\d|20\d\d))?{E}")),
            ("span", re.compile(rf"{B}(?:(?:in|binnen|gedurende)\s+)?(?:de\s+)?{SPAN_DIR}\s+{NUMWORD}\s+{DUR}{E}", flags)),
            ("span", re.compile(rf"{B}binnen\s+{NUMWORD}\s+{DUR}{E}", flags)),
            ("in_future", re.compile(rf"{B}over\s+{NUMWORD}\s+{DUR}{E}", flags)),
            ("iso_date", re.compile(rf"{B}(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}){E}")),
            ("num_date", re.compile(rf"{B}(?P<d>[0-3]?\d)(?P<sep>[-/.])(?P<m>0?[1-9]|1[0-2])(?P=sep)(?P<y>\d{{4}}|'?\d{{2}}){E}")),
            (
                "day_month",
                re.compile(
                    rf"{B}(?:(?P<wd>{_alt(lex.weekday_of)}),?\s+)?(?P<day>\d{{1,2}})(?:e|ste|de)?\s+{MONTH}(?:,?\s+(?P<y>\d{{4}}|'\d{{2}}))?{E}",
                    flags,
                ),
            ),
            ("dir_year_in_month", re.compile(rf"{B}{DIR}\s+jaar\s+in\s+{MONTH}{E}", flags)),
            (
                "month",
                re.compile(
                    rf"{B}{MOD}?(?:(?P<mdir>{_alt(lex.directions)})\s+(?:(?P<ydir2>jaar)\s+)?)?{MONTH}(?:\s+(?:van\s+)?(?:{YEAR}|(?P<ydir>{_alt(lex.directions)})\s+jaar|(?P<jl>jl\.?|jongstleden)))?{E}"
                ),
            ),
            ("earlier_later", re.compile(rf"{B}(?P<el>eerder|later)\s+(?:deze|dit|in\s+de|in\s+het)\s+(?P<unit>week|maand|jaar|eeuw){E}", flags)),
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
                    rf"{B}{MOD}?(?:de\s+)?jaren\s+(?:(?P<dword>{_alt(lex.decades)})|(?P<dyear>1[89][0-9]0|20[0-9]0)|'?(?P<ddigit>[2-9])0)(?:\s+van\s+de\s+vorige\s+eeuw)?{E}",
                    flags,
                ),
            ),
            (
                "weekday",
                re.compile(
                    rf"{B}(?:(?P<wdir>{_alt(lex.directions)})\s+)?(?:(?P<wkdir>vorige|volgende|deze|komende|afgelopen)\s+week\s+(?:op\s+)?)?{WEEKDAY}(?:\s+(?P<wkdir2>vorige|volgende|deze|komende)\s+week)?{E}",
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
        taken = bytearray(len(text) + 1)
        for f in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
            if not any(taken[f.start : f.end]):
                taken[f.start : f.end] = b"\x01" * (f.end - f.start)
                chosen.append(f)
        return merge_ranges(sorted(chosen, key=lambda f: f.start), text)

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
            glued = m.start() >= 2 and text[m.start() - 1] in ".," and text[m.start() - 2].isdigit()
            return 1 <= day <= 31 and not glued  # "6,107.31 augustus" is not the 31st
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
            return True
        if kind == "word_day_month":
            from kroniek.money import number_word

            value = number_word(m.group("dayword").lower())
            return value is not None and 1 <= value <= 31
        if kind == "weekday":
            # "een zaterdag" is any Saturday, "die dinsdag" one named before: no date here
            return not re.search(r"\b(een|die|elke|iedere|ieder|elk)\s+$", before) or bool(m.group("wdir") or m.group("wkdir"))
        if kind in ("year_range", "day_range"):
            text_ = m.group(0).lower()
            if re.search(r"\sen\s", text_) and not text_.startswith("tussen"):
                return False  # "in 1990 en 2000" names two years, not a range
            return True
        if kind == "num_date":
            return len(m.group("y").lstrip("'")) == 4 or m.group("sep") != "."  # "1.2.19" is a version
        return True


_RANGE_BETWEEN = re.compile(r"^\s*(?:tot en met|tot|t/m|[-–])\s*$", re.IGNORECASE)
_RANGE_OPENER = re.compile(r"(?:van|tussen)\s+$", re.IGNORECASE)
_NOT_PLACED = ("duration", "set")


def merge_ranges(found: list[Found], text: str) -> list[Found]:
    """"29 maart tot 1 april", "van maandag tot en met vrijdag": one interval."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        f = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (
            nxt is not None
            and f.kind not in _NOT_PLACED
            and nxt.kind not in _NOT_PLACED
            and _RANGE_BETWEEN.match(text[f.end : nxt.start])
        ):
            opener = _RANGE_OPENER.search(text[max(0, f.start - 8) : f.start])
            start = f.start - len(opener.group(0)) if opener else f.start
            out.append(Found(start, nxt.end, "merged", None, (f, nxt)))
            i += 2
            continue
        out.append(f)
        i += 1
    return out


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
        distance = 0 if b <= anchor <= e else min(abs((b - anchor).days), abs((e - anchor).days))
        fits = not ((tense == "past" and b > anchor) or (tense == "future" and e < anchor))
        candidates.append((distance, y, fits))
    if not candidates:
        return anchor.year
    fitting = [c for c in candidates if c[2]]
    return min(fitting or candidates)[1]


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
    if "nth" in spec:
        month, weekday, nth = spec["nth"]
        day = nth_weekday_of_month(year, month, weekday, nth)
        return day, day
    return None


def nth_weekday_of_month(year: int, month: int, weekday: int, nth: int) -> D:
    """The n-th (1-based; -1 = last) ISO weekday of a month."""
    first, last = month_interval(year, month)
    days = [first + dt.timedelta(days=k) for k in range((last - first).days + 1)]
    return [d for d in days if d.isoweekday() == weekday][nth - 1 if nth > 0 else nth]


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
    if raw in ("paar", "enkele"):
        return 2.0 if raw == "paar" else 3.0  # "de afgelopen paar/enkele dagen", as Recognizers-Text reads them
    return float(_NUMBER_WORDS[raw]) if raw in _NUMBER_WORDS else None


def resolve(f: Found, anchor: D | None, tense: str | None, lex: Lexicon) -> Reading | None:
    """One reading of a found expression for one anchor day (None: not resolvable)."""
    m, kind = f.m, f.kind
    g = m.groupdict()
    if kind in _EXTRA_RESOLVERS:
        return _EXTRA_RESOLVERS[kind](g, anchor, tense, lex)
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
        if g.get("dyear"):
            start_year = int(g["dyear"])
            b, e = D(start_year, 1, 1), D(start_year + 9, 12, 31)
            return Reading(b, e, f"{start_year // 10:03d}", "decade", relative=False)
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


def add_units(day: D, n: int, unit: str) -> D:
    """``day`` moved by ``n`` days/weeks/months/years/decades/centuries (D/W/M/Y/DE/CE)."""
    if unit == "D":
        return day + dt.timedelta(days=n)
    if unit == "W":
        return day + dt.timedelta(weeks=n)
    months = {"M": 1, "Y": 12, "DE": 120, "CE": 1200}[unit] * n
    y, m = add_months(day.year, day.month, months)
    return D(y, m, min(day.day, calendar.monthrange(y, m)[1]))


def _month_of(raw: str, lex: Lexicon) -> int:
    return lex.month_of[raw.lower().rstrip(".")]


def _day_of(g: dict, lex: Lexicon) -> int:
    return lex.day_ordinals[g["dayord"].lower()] if g.get("dayord") else int(g["day"])


def _dated(year: int | None, month: int, day: int, anchor: D | None, tense: str | None) -> Reading | None:
    """A day from day and month, with the year given or inferred from the anchor."""
    relative = year is None
    if year is None:
        if anchor is None:
            return Reading(None, None, f"XXXX-{month:02d}-{day:02d}", "day")
        year = _nearest_year(month, day, anchor, tense)
    try:
        d = D(year, month, day)
    except ValueError:
        return None
    return Reading(d, d, d.isoformat(), "day", relative=relative)


def _r_year_range(g, anchor, tense, lex):
    y1, y2 = int(g["y1"]), int(g["y2"])
    if y2 <= y1:
        return None
    return Reading(D(y1, 1, 1), D(y2, 12, 31), f"{y1:04d}/{y2:04d}", "years", relative=False)


def _r_day_range(g, anchor, tense, lex):
    month, d1, d2 = _month_of(g["month"], lex), int(g["d1"]), int(g["d2"])
    first = _dated(int(g["y"]) if g.get("y") else None, month, d1, anchor, tense)
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
    day, month = int(g.get("d") or g["d2"]), int(g.get("m") or g["m2"])
    return _dated(None, month, day, anchor, tense)


def _r_day_month_abbr(g, anchor, tense, lex):
    return _dated(int(g["y"]) if g.get("y") else None, _month_of(g["month"], lex), int(g["day"]), anchor, tense)


def _r_ordinal_day_month(g, anchor, tense, lex):
    return _dated(int(g["y"]) if g.get("y") else None, _month_of(g["month"], lex), _day_of(g, lex), anchor, tense)


def _r_ordinal_day_rel(g, anchor, tense, lex):
    if anchor is None:
        return None
    y, mo = add_months(anchor.year, anchor.month, lex.directions[g["dir"].lower()])
    try:
        d = D(y, mo, _day_of(g, lex))
    except ValueError:
        return None
    return Reading(d, d, d.isoformat(), "day")


def _r_nth_weekday(g, anchor, tense, lex):
    if g.get("month"):
        month = _month_of(g["month"], lex)
        if g.get("year"):
            year = int(g["year"])
        elif anchor is None:
            return None
        else:
            year = _nearest_year(month, None, anchor, tense)
    else:
        if anchor is None:
            return None
        year, month = add_months(anchor.year, anchor.month, lex.directions[g["mdir"].lower()])
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
            month = _month_of(g["month"], lex)
            year = _nearest_year(month, None, anchor, tense)
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


def _r_span(g, anchor, tense, lex):
    """"de afgelopen drie jaar": up to the day before the article date; "de komende
    vijf dagen" / "binnen vijf dagen": from the day after it."""
    if anchor is None:
        return None
    n = _count(g["num"])
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
    n = _count(g["num"])
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


def _r_weekday_day(g, anchor, tense, lex):
    """"vrijdag de 15e": the 15th nearest the article date that falls on a Friday."""
    if anchor is None:
        return None
    day, weekday = _day_of(g, lex), lex.weekday_of[g["weekday"].lower()]
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
    from kroniek.money import number_word

    value = number_word(g["dayword"].lower())
    if value is None or not 1 <= value <= 31 or value != int(value):
        return None
    return _dated(int(g["y"]) if g.get("y") else None, _month_of(g["month"], lex), int(value), anchor, tense)


_EXTRA_RESOLVERS = {
    "weekday_day": _r_weekday_day,
    "word_day_month": _r_word_day_month,
    "year_range": _r_year_range,
    "day_range": _r_day_range,
    "iso_month": _r_month_num,
    "month_year_num": _r_month_num,
    "day_month_num": _r_day_month_num,
    "day_month_abbr": _r_day_month_abbr,
    "ordinal_day_month": _r_ordinal_day_month,
    "ordinal_day_rel": _r_ordinal_day_rel,
    "nth_weekday": _r_nth_weekday,
    "week_number": _r_week_number,
    "nth_week": _r_nth_week,
    "quarter_code": _r_quarter_code,
    "span": _r_span,
    "in_future": _r_in_future,
}


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


def tense_from_doc(doc, char: int, parsed: bool | None = None) -> str | None:
    """'past' / 'future' from the governing verb of the token at ``char``."""
    if doc is None:
        return None
    if parsed is None:
        parsed = doc.has_annotation("DEP") and doc.has_annotation("MORPH")
    if not parsed:
        return None
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span[0]
    if parsed:
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
            if verb.dep_ == "ROOT" and verb.morph.get("VerbForm") == ["Inf"] and len(group) == 1:
                return "future"  # a root "infinitive" is a present plural ("zetten de wijzers")
    return None


_PREPOSITION_DIRECTION = {"sinds": "past", "tot": "future", "vanaf": "future", "per": "future", "uiterlijk": "future"}


def direction_from_preposition(text: str, start: int) -> str | None:
    """"sinds maart" looks back, "tot november" and "vanaf mei" look ahead."""
    m = re.search(r"(\w+)\s+(?:(?:eind|begin|half|medio|zeker|uiterlijk)\s+)?$", text[max(0, start - 30) : start])
    return _PREPOSITION_DIRECTION.get(m.group(1).lower()) if m else None


_PARTICIPLE = re.compile(r"^(ge|be|ver|ont|her|er)\w+(d|t|en)$")


def tense_from_words(words: list[str], lex: Lexicon) -> str | None:
    """Tense from cue words, nearest first (used when no parser is loaded).

    "is"/"zijn" with a participle in the sentence is a perfect (past: "is vrijdag
    aangekomen"); without one it is a present, which with a weekday means the future
    ("de top is op donderdag").
    """
    lowered = [w.lower() for w in words]
    has_participle = any(_PARTICIPLE.match(w) for w in lowered)
    for w in lowered:
        if w in ("is", "zijn"):
            return "past" if has_participle else "future"
        if w in lex.past_cues:
            return "past"
        if w in lex.future_cues:
            return "future"
    return None


_WORD = re.compile(r"[^\W\d_]+")


def _sentence_words_near(text: str, start: int, end: int, sentence_bounds: tuple[int, int], reach: int = 150) -> list[str]:
    """Words of the sentence within ``reach`` characters, nearest to the expression first."""
    s_begin, s_end = max(sentence_bounds[0], start - reach), min(sentence_bounds[1], end + reach)
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
    parsed = doc is not None and doc.has_annotation("DEP") and doc.has_annotation("MORPH")
    rows = []
    for f in _patterns().find(text):
        reading: Reading | None
        anchor_text = ""
        if f.kind in ("duration", "set"):
            reading = duration_or_set(f, lex)
        elif f.kind == "merged":
            assert f.parts is not None
            tense = direction_from_preposition(text, f.start) or tense_from_doc(doc, f.start, parsed)
            first, anchor_text = resolve_over(f.parts[0], anchor_interval, tense, lex, precision)
            last, _ = resolve_over(f.parts[1], anchor_interval, tense, lex, precision)
            if first is None or last is None or first.begin is None or last.end is None:
                reading = None
            else:
                begin, end = first.begin, last.end
                if end < begin and f.parts[1].kind == "weekday":
                    end += dt.timedelta(days=7)  # "van donderdag tot maandag"
                elif end < begin and last.relative and not (end.month == 2 and end.day == 29):
                    end = end.replace(year=end.year + 1)  # "van 20 december tot 5 januari"
                reading = Reading(begin, end, interval_value(begin, end), "range") if begin <= end else None
        else:
            tense = direction_from_preposition(text, f.start) or tense_from_doc(doc, f.start, parsed)
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
