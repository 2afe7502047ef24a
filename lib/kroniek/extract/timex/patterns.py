"""The pattern set: every Dutch time expression the lexicon allows, found in a text, longest
leftmost first, with "van X tot Y" ranges merged."""

from __future__ import annotations

import functools
import re

from kroniek.extract.money.numbers import number_word
from kroniek.extract.timex.lexicon import Lexicon, _alt, load_lexicon
from kroniek.extract.timex.readings import Found

_I = re.IGNORECASE
_CASED = 0  # digit codes ("K1", not "k1") and month names, whose capitals tell them from names

# (kind, flags, template): every pattern find() tries, in this order. A template names the
# shared pieces of _fragments() in braces, so a piece used by several patterns is written once;
# doubled braces are regex quantifiers ("\d{{4}}").
_TABLE: tuple[tuple[str, int, str], ...] = (
    ("year_range", _I, r"{B}(?:(?P<opener>van|tussen)\s+)?(?P<y1>{Y})\s*{TO}\s*(?P<y2>{Y}){E}"),
    ("day_range", _I, r"{B}(?:(?:van|tussen)\s+)?(?:(?:{WD})\s+)?(?P<d1>\d{{1,2}})\s*{TO}\s*(?:(?:{WD})\s+)?(?P<d2>\d{{1,2}})\s+{MONTH}{TRAIL_Y}{E}"),
    ("iso_month", _CASED, r"{B}(?P<y>{Y})\s?[-/]\s?(?P<m>{MNUM}){E}"),
    ("month_year_num", _CASED, r"{B}(?P<m>{MNUM})\s?[-/]\s?(?P<y>{Y}){E}"),
    ("day_month_num", _I, r"{B}(?P<d>[0-3]?\d)/(?P<m>{MNUM})(?![/\d])|(?<=\bop )(?P<d2>[0-3]?\d)-(?P<m2>{MNUM})(?![-\d]){E}"),
    ("day_month_abbr", _I, r"{B}(?P<day>[0-3]?\d)[-/]{MONTH}(?:[-/](?P<y>\d{{4}}))?{E}"),
    ("ordinal_day_month", _I, r"{B}{LEAD_WD}(?:de\s+)?{ORD_DAY}\s+(?:van\s+)?{MONTH}{TRAIL_Y}{E}"),
    ("ordinal_day_rel", _I, r"{B}(?:de\s+)?{ORD_DAY}\s+van\s+(?:de\s+)?{DIR}\s+maand{E}"),
    ("weekday_day", _I, r"{B}(?P<weekday>{WD})\s+de\s+{ORD_DAY}{E}"),
    ("word_day_month", _I, r"{B}{LEAD_WD}(?P<dayword>[a-zë]{{3,}})\s+{MONTH}{TRAIL_Y}{E}"),
    ("nth_weekday", _I, r"{B}(?:de\s+)?{NTH}\s+(?P<weekday>{WD})\s+(?:van|in)\s+(?:{MONTH}(?:\s+(?P<year>\d{{4}}))?|{REL_MONTH}){E}"),
    ("week_number", _I, r"{B}week\s+(?P<wk>[1-9]|[1-4]\d|5[0-3]){CODE_YEAR}{E}"),
    ("nth_week", _I, r"{B}(?:de\s+)?{NTH}\s+week\s+van\s+(?:(?P<year>{Y})|{YDIR_JAAR}|{REL_MONTH}|{MONTH}){E}"),
    ("quarter_code", _CASED, r"{B}[KQ](?P<q>[1-4]){CODE_YEAR}{E}"),
    ("span", _I, r"{B}(?:(?:in|binnen|gedurende)\s+)?(?:de\s+)?{SPAN_DIR}\s+{NUMWORD}\s+{DUR}{E}"),
    ("span", _I, r"{B}binnen\s+{NUMWORD}\s+{DUR}{E}"),
    ("in_future", _I, r"{B}over\s+{NUMWORD}\s+{DUR}{E}"),
    ("iso_date", _CASED, r"{B}(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}){E}"),
    ("num_date", _CASED, r"{B}(?P<d>[0-3]?\d)(?P<sep>[-/.])(?P<m>{MNUM})(?P=sep)(?P<y>\d{{4}}|'?\d{{2}}){E}"),
    ("day_month", _I, r"{B}{LEAD_WD}(?P<day>\d{{1,2}})(?:e|ste|de)?\s+{MONTH}(?:,?\s+(?P<y>\d{{4}}|'\d{{2}})|\s+(?:van\s+)?{YDIR_JAAR})?{E}"),
    ("dir_year_in_month", _I, r"{B}{DIR}\s+jaar\s+in\s+{MONTH}{E}"),
    ("month", _CASED, r"{B}{MOD}?(?:(?P<mdir>(?i:{DIRS}))\s+(?:(?P<ydir2>jaar)\s+)?)?{MONTH}(?:\s+(?:van\s+)?(?:{YEAR}|{YDIR_JAAR}|(?P<jl>jl\.?|jongstleden)))?{E}"),
    ("earlier_later", _I, r"{B}(?P<el>eerder|later)\s+(?:deze|dit|in\s+de|in\s+het)\s+(?P<unit>week|maand|jaar|eeuw){E}"),
    ("dir_unit", _I, r"{B}{MOD}?(?:(?:de|het)\s+)?{DIR}\s+(?:{UNIT}|{SEASON}){E}"),
    ("quarter", _I, r"{B}(?:het\s+)?{ORD}\s+kwartaal{YEAR_REF}{E}"),
    ("half_year", _I, r"{B}(?:de\s+)?(?P<half>eerste|tweede)\s+(?:helft|jaarhelft)\s+van\s+{YEAR_OR_REL}{E}"),
    ("half_year", _I, r"{B}het\s+(?P<half>eerste|tweede)\s+halfjaar{YEAR_REF}{E}"),
    ("season", _I, r"{B}{MOD}?(?:(?:de|het)\s+)?{SEASON}(?:\s+(?:van\s+)?{YEAR})?{E}"),
    ("decade", _I, r"{B}{MOD}?(?:de\s+)?jaren\s+(?:(?P<dword>{DECADES})|(?P<dyear>1[89][0-9]0|20[0-9]0)|'?(?P<ddigit>[2-9])0)(?:\s+van\s+de\s+vorige\s+eeuw)?{E}"),
    ("weekday", _I, r"{B}(?:(?P<wdir>{DIRS})\s+)?(?:(?P<wkdir>{WEEK_DIRS})\s+week\s+(?:op\s+)?)?{WEEKDAY}(?:\s+(?P<wkdir2>{WEEK_DIRS_AFTER})\s+week)?{E}"),
    ("day_word", _I, r"{B}(?P<dayword>{DAY_WORDS}){DAYPART}?{E}"),
    ("gister_part", _I, r"{B}(?P<dayword>gister|morgen){DAYPART}{E}"),
    ("named", _I, r"{B}(?:{DIR}\s+)?{NAMED}(?:\s+{YEAR})?{E}"),
    ("year", _I, r"{B}{MOD}?(?:het\s+jaar\s+)?{YEAR}{E}"),
    ("ago", _I, r"{B}{NUMWORD}\s+{DUR}\s+geleden{E}"),
    ("duration", _I, r"{B}{NUMWORD}\s+{DUR}(?:\s+lang)?{E}|{B}(?P<durword>{DURATION_WORDS}){E}"),
    ("set", _I, r"{B}(?:(?P<q>{SET_QUANTIFIERS})\s+(?P<setunit>{SET_UNITS}|{WD})|(?P<setword>{SET_WORDS})){E}"),
)


def _fragments(lex: Lexicon) -> dict[str, str]:
    """The named pieces the templates of _TABLE are filled with: the lexicon's word lists as
    alternations, and the sub-patterns several kinds share."""
    months_full = [w for w in lex.month_of if len(w) > 4 or w in ("mei", "juni", "juli")]
    months_abbr = [w for w in lex.month_of if w not in months_full]
    wd, dirs, dayord = _alt(lex.weekday_of), _alt(lex.directions), _alt(lex.day_ordinals)
    year, ydir_jaar = r"(?P<year>1[5-9]\d\d|20\d\d)", rf"(?P<ydir>{dirs})\s+jaar"
    daypart = rf"(?P<daypart>{_alt(lex.day_parts)})"
    year_or_rel = rf"(?:{year}|{ydir_jaar}|het\s+jaar)"
    return {
        "B": r"(?<![\w\-])",
        "E": r"(?![\w\-])",
        "WD": wd,
        "DIRS": dirs,
        "DIR": rf"(?P<dir>{dirs})",
        "MONTH": rf"(?P<month>{_alt(months_full)}|(?:{_alt(months_abbr)})\.?)",
        "MNUM": r"0?[1-9]|1[0-2]",
        "Y": r"1[89]\d\d|20\d\d",
        "YEAR": year,
        "YDIR_JAAR": ydir_jaar,
        "YEAR_OR_REL": year_or_rel,
        "YEAR_REF": rf"(?:\s+(?:van\s+)?{year_or_rel})?",
        "CODE_YEAR": r"(?:\s+(?:van\s+)?(?P<year>1[89]\d\d|20\d\d))?",
        "TRAIL_Y": r"(?:,?\s+(?P<y>\d{4}))?",
        "TO": r"(?:[-–]|tot(?:\s+en\s+met)?|t/m|en)",
        "LEAD_WD": rf"(?:(?P<wd>{wd}),?\s+)?",
        "ORD_DAY": rf"(?:(?P<dayord>{dayord})|(?P<day>\d{{1,2}})(?:e|ste|de))",
        "NTH": r"(?P<nth>eerste|tweede|derde|vierde|laatste)",
        "REL_MONTH": rf"(?:de\s+)?(?P<mdir>{dirs})\s+maand",
        "DAYPART": daypart,
        "WEEKDAY": rf"(?P<weekday>{wd}){daypart}?",
        # "(?i:...)": a modifier or direction may open a sentence ("Begin april") in the case-
        # sensitive month pattern (capitalised months alone are names: "Augustus")
        "MOD": rf"(?:(?P<mod>(?i:{_alt(lex.modifiers)}))\s+(?:van\s+)?(?:de\s+|het\s+)?)",
        "UNIT": rf"(?P<unit>{_alt(lex.units)})",
        "SEASON": rf"(?P<season>{_alt(lex.seasons)})",
        "ORD": rf"(?P<ord>{_alt(lex.ordinals)})",
        "NAMED": rf"(?P<named>{_alt(lex.named_days)})",
        "DUR": rf"(?P<durunit>{_alt(lex.duration_units)})",
        "NUMWORD": rf"(?P<num>\d+|{_alt(lex.count_words)})",
        "SPAN_DIR": rf"(?P<sdir>{_alt(lex.span_back + lex.span_forward)})",
        "DECADES": _alt(lex.decades),
        "DAY_WORDS": _alt(lex.day_words),
        "DURATION_WORDS": _alt(lex.duration_words),
        "SET_WORDS": _alt(lex.set_words),
        "SET_QUANTIFIERS": _alt(lex.set_quantifiers),
        "SET_UNITS": _alt(lex.set_units),
        "WEEK_DIRS": _alt(lex.week_directions),
        "WEEK_DIRS_AFTER": _alt(lex.week_directions_after),
    }


class _Patterns:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        fragments = _fragments(lex)
        self.patterns: list[tuple[str, re.Pattern]] = [
            (kind, re.compile(template.format_map(fragments), flags)) for kind, flags, template in _TABLE
        ]
        self.day_part_before = re.compile(rf"({_alt([*lex.day_part_markers, *lex.weekday_of])})\s*$")
        self.any_day_before = re.compile(rf"\b({_alt([*lex.any_day_markers, *lex.set_quantifiers])})\s+$")

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
            if re.match(r"\s*(%|procent|euro|dollar|mensen|man|keer|meter|kilo|km|stuks|punten|personen|huizen|woningen|leden|deelnemers|banen)\b", after):
                return False
            if re.search(r"\b(in|sinds|vanaf|sedert|tot|uit|na|rond|begin|eind|medio|tussen)\s*$", before):
                return True  # "In 2010 werden", "in 2016 een fout"
            if re.match(r"\s*\w+en\b", after):
                return False  # "2000 huizen", "1500 leerlingen"
            if re.search(r"(van|voor|jaar|en|of|t/m|-)\s*$", before):
                return True
            return bool(re.match(r"\s*($|[.,;:)!?]|en\s|-|–|/)", after)) or before.rstrip().endswith("(")
        if kind == "day_word":
            word = m.group("dayword").lower()
            if word in self.lex.day_parts and not m.group("daypart"):  # "morgen": tomorrow, or the morning
                if self.day_part_before.search(before):
                    return False
            return True
        if kind in ("season", "named"):
            return True
        if kind == "word_day_month":
            value = number_word(m.group("dayword").lower())
            return value is not None and 1 <= value <= 31
        if kind == "weekday":
            # "een zaterdag" is any Saturday, "die dinsdag" one named before: no date here
            return not self.any_day_before.search(before) or bool(m.group("wdir") or m.group("wkdir"))
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
