"""The pattern set: every Dutch time expression the lexicon allows, found in a text, longest
leftmost first, with "van X tot Y" ranges merged."""

from __future__ import annotations

import functools
import re

from kroniek.data import lemmas
from kroniek.extract.money.numbers import number_word
from kroniek.extract.timex.lexicon import Lexicon, _alt, load_lexicon
from kroniek.extract.timex.readings import Found

_I = re.IGNORECASE
_CASED = 0  # digit codes ("K1", not "k1") and month names, whose capitals tell them from names

# (kind, flags, template): every pattern find() tries, in this order. A template names the
# shared pieces of _fragments() in braces, so a piece used by several patterns is written once;
# doubled braces are regex quantifiers ("\d{{4}}").
_TABLE: tuple[tuple[str, int, str], ...] = (
    ("year_range", _I, r"{B}(?:(?P<opener>van|tussen)\s+)?(?P<y1>{Y})\s*(?:{TO}|/)\s*(?P<y2>{Y}){E}"),
    ("day_range", _I, r"{B}(?:(?:van|tussen)\s+)?(?:(?:{WD})\s+)?(?P<d1>\d{{1,2}})\s*{TO}\s*(?:(?:{WD})\s+)?(?P<d2>\d{{1,2}})\s+{MONTH}{TRAIL_Y}{E}"),
    ("iso_month", _CASED, r"{B}(?P<y>{Y})\s?[-/]\s?(?P<m>{MNUM}){E}"),
    ("month_year_num", _CASED, r"{B}(?P<m>{MNUM})\s?[-/]\s?(?P<y>{Y}){E}"),
    ("day_month_num", _I, r"{B}(?<!/){LEAD_WD}(?P<d>[0-3]?\d)[/-](?P<m>{MNUM})(?![-/\d]|[.,]\d){E}"),
    ("day_month_abbr", _I, r"{B}(?P<day>[0-3]?\d)[-/]{MONTH}(?:[-/](?P<y>\d{{4}}))?{E}"),
    ("ordinal_day_month", _I, r"{B}{LEAD_WD}(?:de\s+)?{ORD_DAY}\s+(?:van\s+)?{MONTH}{TRAIL_Y}{E}"),
    ("ordinal_day_rel", _I, r"{B}(?:de\s+)?{ORD_DAY}\s+van\s+(?:de\s+)?{DIR}\s+maand{E}"),
    ("weekday_day", _I, r"{B}(?P<weekday>{WD})\s+de\s+{ORD_DAY}{E}"),
    ("word_day_month", _I, r"{B}{LEAD_WD}(?P<dayword>[a-zë]{{3,}})\s+{MONTH}{TRAIL_Y}{E}"),
    ("nth_weekday", _I, r"{B}(?:de\s+)?{NTH}\s+(?P<weekday>{WD})\s+(?:van|in)\s+(?:{MONTH}(?:\s+(?P<year>\d{{4}}))?|{REL_MONTH}|de\s+maand){E}"),
    ("week_number", _I, r"{B}week\s+(?P<wk>[1-9]|[1-4]\d|5[0-3]){CODE_YEAR}{E}"),
    ("nth_week", _I, r"{B}(?:de\s+)?{NTH}\s+week\s+van\s+(?:(?P<year>{Y})|{YDIR_JAAR}|{REL_MONTH}|{MONTH}){E}"),
    ("quarter_code", _CASED, r"{B}[KQ](?P<q>[1-4]){CODE_YEAR}{E}"),
    ("span", _I, r"{B}(?:(?:in|binnen|gedurende)\s+)?(?:de\s+)?{SPAN_DIR}\s+{NUMWORD}\s+{DUR}{E}"),
    ("span", _I, r"{B}binnen\s+{NUMWORD}\s+{DUR}{E}"),
    ("in_future", _I, r"{B}over\s+{NUMWORD}\s+{DUR}{E}"),
    ("iso_date", _CASED, r"{B}(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}){E}"),
    ("num_date", _CASED, r"{B}(?P<d>[0-3]?\d)(?P<sep>[-/.])(?P<m>{MNUM})(?P=sep)(?P<y>\d{{4}}|'?\d{{2}}){E}"),
    ("day_month", _I, r"{B}{LEAD_WD}(?P<day>\d{{1,2}})(?:e|ste|de)?\s+{MONTH}(?:,?\s+(?P<y>\d{{4}}|'\d{{2}})|\s+(?:van\s+)?{YDIR_JAAR}|\s+(?P<jl>{PAST_MARK})|\s+(?P<as>{NEXT_MARK}))?{E}"),
    # the first of two days sharing a month: "1 en 2 april", "zaterdag 25 en zondag 26 mei"
    ("day_first", _I, r"{B}{LEAD_WD}(?P<day>\d{{1,2}})(?:e|ste|de)?(?=\s+(?:en|of)\s+(?:(?:{WD})\s+)?\d{{1,2}}(?:e|ste|de)?\s+{MONTH}{TRAIL_Y}{E})"),
    ("dir_year_in_month", _I, r"{B}{DIR}\s+jaar\s+in\s+{MONTH}{E}"),
    ("month", _CASED, r"{B}{MOD}?(?:(?P<mdir>(?i:{DIRS}))\s+(?:(?P<ydir2>jaar)\s+)?)?{MONTH}(?:\s+(?:van\s+)?(?:{YEAR}|{YDIR_JAAR}|(?P<jl>{PAST_MARK})))?{E}"),
    ("earlier_later", _I, r"{B}(?P<el>eerder|later)\s+(?:deze|dit|in\s+de|in\s+het)\s+(?P<unit>week|maand|jaar|eeuw){E}"),
    ("dir_unit", _I, r"{B}{MOD}?(?:(?:de|het)\s+)?{DIR}\s+(?:{UNIT}|{SEASON}){E}"),
    ("quarter", _I, r"{B}(?:het\s+)?{ORD}\s+kwartaal{YEAR_REF}{E}"),
    ("half_year", _I, r"{B}(?:de\s+)?(?P<half>eerste|tweede)\s+(?:helft|jaarhelft)\s+van\s+{YEAR_OR_REL}{E}"),
    ("half_year", _I, r"{B}het\s+(?P<half>eerste|tweede)\s+halfjaar{YEAR_REF}{E}"),
    ("season", _I, r"{B}{MOD}?(?:(?:de|het)\s+)?{SEASON}(?:\s+(?:van\s+)?{YEAR}(?:/(?:\d{{4}}|\d{{2}}))?)?{E}"),
    ("century", _I, r"{B}{MOD}?(?:de\s+)?(?:(?P<cword>{DAY_ORDS})|(?P<cnum>[1-9]|1\d|2[01])(?:e|ste|de))\s+eeuw{E}"),
    ("weekend", _I, r"{B}het\s+(?P<unit>weekend|weekeinde){E}"),
    ("decade", _I, r"{B}{MOD}?(?:de\s+)?jaren\s+(?:(?P<dword>{DECADES})|(?P<dyear>1[89][0-9]0|20[0-9]0)|'?(?P<ddigit>[2-9])0)(?:\s+van\s+de\s+vorige\s+eeuw)?{E}"),
    ("weekday", _I, r"{B}(?:(?P<wdir>{DIRS})\s+)?(?:(?P<wkdir>{WEEK_DIRS})\s+week\s+(?:op\s+)?)?{WEEKDAY}(?:\s+(?P<wkdir2>{WEEK_DIRS_AFTER})\s+week|\s+(?P<wafter>{PAST_MARK}|{NEXT_MARK}))?{E}"),
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
        "PAST_MARK": r"jl\.?|j\.l\.|jongstleden",  # "zaterdag jl.", "3 maart j.l."
        "NEXT_MARK": r"a\.s\.|aanstaande",  # "dinsdag a.s.", "1 juli a.s."
        "DAY_ORDS": dayord,
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
        # "een zaterdag", "die dinsdag", "op de zaterdagavond", "een vroege zondagochtend"
        self.any_day_before = re.compile(rf"(?:^|(?P<prev>[^\W\d_]+)\s+)(?P<marker>{_alt([*lex.any_day_markers, *lex.set_quantifiers])})\s+(?:(?P<adjective>[^\W\d_]+e)\s+)?$", re.IGNORECASE)
        self.adjective_before = re.compile(r"\b(?P<prev>op|de|een|het)\s+(?P<adjective>[^\W\d_]+e)\s+$", re.IGNORECASE)

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
        if kind in ("day_month", "day_first"):
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
                if self.day_part_before.search(before) or self.future_in_general(m, text):
                    return False
            return True
        if kind == "season":
            return self.season_ok(m, text)
        if kind == "named":
            return True
        if kind == "day_month_num":
            return self.numeric_date_ok(m, text)
        if kind == "word_day_month":
            value = number_word(m.group("dayword").lower())
            return value is not None and 1 <= value <= 31
        if kind == "weekday":
            return bool(m.group("wdir") or m.group("wkdir") or m.group("wafter")) or self.weekday_ok(m, text)
        if kind in ("year_range", "day_range"):
            text_ = m.group(0).lower()
            if re.search(r"\sen\s", text_) and not text_.startswith("tussen"):
                return False  # "in 1990 en 2000" names two years, not a range
            return True
        if kind == "num_date":
            return len(m.group("y").lstrip("'")) == 4 or m.group("sep") != "."  # "1.2.19" is a version
        return True


    def weekday_ok(self, m: re.Match, text: str) -> bool:
        """A bare weekday names a date, except as any such day or one named before ("een
        zaterdag", "die dinsdag", "op de zaterdagavond"), in a name ("Paarse Vrijdag",
        "vleesvrije maandag") or capitalised inside a sentence ("WNL op Zondag").  A "die"
        after a noun is a relative pronoun: "een zaak die woensdag diende"."""
        before = text[max(0, m.start() - 40) : m.start()]
        word = m.group("weekday")
        prev_word = re.search(r"([^\W\d_]+)\s+$", before)
        if word[:1].isupper() and prev_word and (prev_word.group(1)[:1].islower() or prev_word.group(1).endswith("e")):
            return False  # "WNL op Zondag", "Paarse Vrijdag" (after a capitalised heading word it opens a sentence)
        marker = self.any_day_before.search(before)
        if marker is not None and marker.group("adjective") and not self._adjective(marker.group("adjective").lower()):
            marker = None  # "heeft de gemeente maandag": a noun, not "een vroege zondagochtend"
        if marker is not None:
            prev = (marker.group("prev") or "").lower()
            relative = marker.group("marker").lower() == "die" and prev and prev not in self.lex.demonstrative_openers
            return bool(relative)
        adjective = self.adjective_before.search(before)
        if adjective is not None and self._adjective(adjective.group("adjective").lower()):
            return False  # "op vleesvrije maandag" (any such Monday); "deze zonnige maandag" is a date
        return True

    def _adjective(self, word: str) -> bool:
        """An adjective with its -e ("vroege", "zwoele", "vleesvrije"): not a base form of the
        Dutch lemma table ("gemeente", "politie" are), nor a direction or an ordinal ("de
        laatste zondag", "de eerste vrijdag" place a day)."""
        return word not in lemmas() and word not in self.lex.directions and word not in self.lex.ordinals

    def future_in_general(self, m: re.Match, text: str) -> bool:
        """"de wereld van morgen", "de zorg van morgen": the future in general; "de
        wedstrijd van morgen" (a noun of an occasion) is tomorrow's."""
        noun = re.search(r"([^\W\d_]+)\s+van\s+$", text[max(0, m.start() - 40) : m.start()])
        return noun is not None and noun.group(1).lower() not in self.lex.tomorrow_nouns

    def season_ok(self, m: re.Match, text: str) -> bool:
        """A capitalised season alone is a heading or a name ("Voorjaar" over a section, "de
        Arabische Lente"), not a time, unless a sentence goes on after it ("Zomer is ...")."""
        season = m.group("season")
        if m.group(0) != season or not season[:1].isupper():
            return True
        after = re.match(r"\s+([^\W\d_]+)", text[m.end() : m.end() + 30])
        opens_sentence = re.search(r"(^|[.!?:]\s+|\n\s*)$", text[max(0, m.start() - 3) : m.start()]) is not None
        return opens_sentence and after is not None and after.group(1)[:1].islower()

    def numeric_date_ok(self, m: re.Match, text: str) -> bool:
        """"op 22/3", "sinds 1-4", "(Trouw, 22-3)": a day and month after a word that
        introduces a date, a weekday, a parenthesis or a comma, and not in a sentence about a
        score ("kwam op 3-1"); "2/3 deel", "24/7" and "9/11" (a named day) are no such date."""
        if m.group(0).lower() in self.lex.named_days:
            return False
        if re.match(r"\s*(deel|delen|van\s+de|meerderheid|%|procent|keer|uur)\b", text[m.end() : m.end() + 20].lower()):
            return False
        if m.group("wd"):
            return True  # "zaterdag 9/3"
        before = text[max(0, m.start() - 80) : m.start()]
        cue = re.search(r"([^\s(,]+|,)\s*$", before)
        word = cue.group(1).lower() if cue else ""
        source = re.search(r"\([^\W\d_][^()]*\s$", before) is not None  # "(AD 30-3)", "(Trouw, 22-3)"
        day, month = int(m.group("d")), int(m.group("m"))
        fraction = "/" in m.group(0) and day <= month  # "een meerderheid van 2/3"
        if fraction and word in self.lex.fraction_words:
            return False
        if word not in self.lex.numeric_date_cues and word not in self.lex.weekday_of and word != "," and not source:
            # without such a word only a day that is no fraction or low score: "ga 22/4 terug"
            if m.group(0) == "24/7" or fraction or day <= 12:
                return False
        cue_at = cue.start() if cue else len(before)
        words_before_cue = re.split(r"[.!?]\s", before[:cue_at])[-1].lower().split()[-2:]
        return not any(w.strip(",;:'\"") in self.lex.score_cues for w in words_before_cue)  # "de stand kwam op 3-1"


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
