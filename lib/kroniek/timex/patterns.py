"""The pattern set: every Dutch time expression the lexicon allows, found in a text, longest
leftmost first, with "van X tot Y" ranges merged."""

from __future__ import annotations

import functools
import re

from kroniek.timex.lexicon import Lexicon, _alt, load_lexicon
from kroniek.timex.readings import Found


class _Patterns:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        months_full = [w for w in lex.month_of if len(w) > 4 or w in ("mei", "juni", "juli")]
        months_abbr = [w for w in lex.month_of if w not in months_full]
        MONTH = rf"(?P<month>{_alt(months_full)}|(?:{_alt(months_abbr)})\.?)"
        WEEKDAY = rf"(?P<weekday>{_alt(lex.weekday_of)})(?P<daypart>{_alt(lex.day_parts)})?"
        DIR = rf"(?P<dir>{_alt(lex.directions)})"
        # "(?i:...)": a modifier or direction may open a sentence ("Begin april") in the case-
        # sensitive month pattern (capitalised months alone are names: "Augustus")
        MOD = rf"(?:(?P<mod>(?i:{_alt(lex.modifiers)}))\s+(?:van\s+)?(?:de\s+|het\s+)?)"
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
                    rf"{B}(?:(?P<wd>{_alt(lex.weekday_of)}),?\s+)?(?P<day>\d{{1,2}})(?:e|ste|de)?\s+{MONTH}(?:,?\s+(?P<y>\d{{4}}|'\d{{2}})|\s+(?:van\s+)?(?P<ydir>{_alt(lex.directions)})\s+jaar)?{E}",
                    flags,
                ),
            ),
            ("dir_year_in_month", re.compile(rf"{B}{DIR}\s+jaar\s+in\s+{MONTH}{E}", flags)),
            (
                "month",
                re.compile(
                    rf"{B}{MOD}?(?:(?P<mdir>(?i:{_alt(lex.directions)}))\s+(?:(?P<ydir2>jaar)\s+)?)?{MONTH}(?:\s+(?:van\s+)?(?:{YEAR}|(?P<ydir>{_alt(lex.directions)})\s+jaar|(?P<jl>jl\.?|jongstleden)))?{E}"
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
                    rf"{B}(?:(?P<q>{_alt(lex.set_quantifiers)})\s+(?P<setunit>dag|week|maand|jaar|kwartaal|{_alt(lex.weekday_of)}|ochtend|avond|nacht|weekend|weekeinde)|(?P<setword>{_alt(lex.set_words)})){E}",
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
