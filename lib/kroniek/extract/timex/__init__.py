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
* Tense comes from the parse: a past tense, a perfect ("heeft gestemd", "is gaan
  roken") or a present verb of saying ("zegt de minister dinsdag") looks back; "zal",
  "gaat ... doen" and a present tense look ahead, a present tense at most 240 days (a day
  and month further ahead lie in the past: "gaat hij op 29 januari" in April); in an
  article told in the past, a present-tense weekday looks back and a present-tense date
  takes the nearest year.  A past verb beats a "vanaf"/"tot" before the expression.
  "zou" + infinitive is hearsay or a plan told in the past: the story's tense decides.
* A bare weekday looking back = the most recent such day up to six days before the
  article date; looking ahead = the next such day within six days; "afgelopen vrijdag en
  zaterdag" share their direction.  Its own phrase looks surely: a day of an occasion
  ("de beslissing van maandag", "(Het Parool van woensdag)", "(Het Parool, zaterdag)")
  lies behind unless the occasion is scheduled ("de wedstrijd van zondag wordt ...");
  "aldus de minister maandag" behind; a plan ("om vrijdag ... te brengen") ahead; "hebben
  ... gesteld" behind, however the parser read it.  A weekday whose clause says nothing
  sure takes the date of the same weekday said surely before it in the article.  "de
  zaterdagavond", "een zaterdag", "op vleesvrije maandag", "Paarse Vrijdag" and "op
  maandag" said of a habit ("vergaderen alleen op maandag") are no dates.  "vanavond",
  "gistermiddag" = that day.  "dit weekend" told in the past = the weekend just past;
  "het weekend" = the one just past told in the past, else the coming one.
* A weekday with a date ("vrijdag 7 juni", "zaterdag 9/3") pins the year: the year
  before, of or after the article's in which that day falls on that weekday.
* Numeric dates: "11-09-2001", "11/09/2001" and "11.09.2001" are day-month-year; "9/11" is
  11 September 2001; a short "22-3" or "22/3" is a day and month after a word that
  introduces a date ("op", "sinds", "tot", a weekday), in a source's citation ("(AD 30-3)",
  "(Trouw, 22-3)") or, alone, when the day cannot be a fraction or a low score ("ga 22/4
  terug"); never a score ("de stand kwam op 3-1", "(2-1)"), a ratio ("2/3", "24/7") or a
  telephone number.  "1 en 2 april", "zaterdag 25 en zondag 26 mei": both days, the first
  in the second's month.
* Centuries: "de negentiende eeuw", "de 19de eeuw" = 1800-1899 (TIMEX3 "18"), their
  begin/midden/eind the first, middle and last third in whole years.
* Not time expressions: a capitalised season alone is a heading or a name ("Voorjaar", "de
  Arabische Lente"); "de wereld van morgen", "de zorg van morgen" are the future in general
  (only after a noun of an occasion is "van morgen" tomorrow's: "de wedstrijd van
  morgen"); a season said of every year ("in de zomer is het druk op het strand", "elk
  voorjaar") is recognised as a set, not placed.
* Article dates of month or year precision: day-sized expressions (weekdays,
  "gisteren") resolve to the article's own month or year, never to an invented day;
  other relative expressions resolve to the hull of their readings for every day the
  article date allows (the widest interval the evidence supports).
* A month or day without a year takes the year that puts it nearest to the article
  date in the direction of the tense; "3 november vorig jaar" is that day of last year,
  "14 februari jl." the last 14 February.
  Modifiers read in any case ("Begin april", "Eind vorig jaar").
* Leading prepositions ("in", "op", "sinds", "vanaf", "tot") are not part of the span;
  determiners ("het derde kwartaal", "de zomer") are.
* Durations ("drie jaar lang") and sets ("elke week") are recognised, with a TIMEX3
  value, but get no interval and are not placed on the timeline.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

from kroniek.extract.timex.lexicon import Lexicon, load_lexicon
from kroniek.extract.timex.patterns import _patterns
from kroniek.extract.timex.periods import interval_value
from kroniek.extract.timex.readings import Found, Reading
from kroniek.extract.timex.resolution import duration_or_set, resolve_over
from kroniek.extract.timex.tense import (
    _sentence_words_near,
    direction_from_preposition,
    narrative_tense,
    tense_from_doc,
    tense_from_words,
)
from kroniek.extract.timex.weekdays import Mention, clause_around, one_date_per_name, phrase_cue
from kroniek.read import date_bounds, date_precision

_DAY_SIZED = ("weekday", "day_month", "day_first", "ordinal_day_month", "word_day_month", "day_month_abbr")
_COORDINATED = re.compile(r"^\s*(?:,|en|of|,\s*en)\s*$")

__all__ = ["Found", "Lexicon", "Reading", "extract_timexes", "load_lexicon"]


@dataclass
class _Context:
    """The article a time expression is resolved in: its text, date and parse."""

    text: str
    doc: object
    lex: Lexicon
    anchor_interval: tuple | None
    precision: str
    sentence_bounds: Callable[[int], tuple[int, int]]
    parsed: bool
    narrative: str | None

    def is_noun(self, char: int) -> bool:
        """The word at a character is a noun in the parse (true without a parse)."""
        if not self.parsed:
            return True
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span is not None and len(span) > 0 and span[0].pos_ in ("NOUN", "PROPN")

    def clause_tense(self, f: Found) -> str | None:
        """The verb's tense wins over a preposition when it is past ("was vanaf zaterdag
        gesloten"); otherwise "sinds" looks back and "tot"/"vanaf" look ahead."""
        verb = tense_from_doc(self.doc, f.start, self.parsed, self.lex)
        prep = direction_from_preposition(self.text, f.start)
        if verb == "past" and prep == "future":
            return verb
        return prep or verb


def extract_timexes(
    text: str,
    doc=None,
    article_id: str = "",
    article_date: str = "",
    sentence_of_char: Callable[[int], int] | None = None,
    sentence_bounds: Callable[[int], tuple[int, int]] | None = None,
) -> list[dict]:
    """Time-expression rows for ``text`` resolved against ``article_date``."""
    parsed = doc is not None and doc.has_annotation("DEP") and doc.has_annotation("MORPH")
    ctx = _Context(
        text, doc, load_lexicon(),
        date_bounds(article_date) if article_date else None,
        date_precision(article_date) if article_date else "",
        sentence_bounds or (lambda _c: (0, len(text))),
        parsed,
        narrative_tense(doc) if parsed else None,
    )
    sentence_of_char = sentence_of_char or (lambda _c: 0)
    rows = []
    weekdays: list[Mention] = []
    previous: tuple[Found, Reading, str | None, bool] | None = None
    generic_end = -1  # "op woensdag en donderdag": a weekday joined to a habitual one is one too
    previous_first: dict | None = None
    for f in _patterns().find(text):
        sure = False
        if f.kind in ("duration", "set"):
            reading, anchor_text = duration_or_set(f, ctx.lex), ""
        elif f.kind == "merged":
            reading, anchor_text = _merged(f, ctx)
        elif _generic(f, ctx) or (f.kind == "weekday" and generic_end >= 0 and _COORDINATED.match(text[generic_end : f.start])):
            reading, anchor_text = _generic_reading(f, ctx.lex), ""
            generic_end = f.end
        else:
            reading, anchor_text, previous, sure = _placed(f, ctx, previous)
        if reading is None:
            continue
        if reading.note in ("START", "MID", "END", "EARLIER", "LATER"):
            anchor_text = (anchor_text + "; " if anchor_text else "") + f"mod {reading.note}"
        if previous_first is not None and reading.begin is not None and reading.granularity == "day":
            _share_month(previous_first, reading.begin)  # "14 en 16 mei": the first day in the second's month
        rows.append(_row(article_id, sentence_of_char(f.start), f, text, reading, anchor_text))
        previous_first = rows[-1] if f.kind == "day_first" and reading.begin is not None else None
        if _bare_weekday(f) and ctx.precision == "day" and reading.begin is not None:
            weekdays.append(Mention(rows[-1], f.m.group("weekday").lower(), sure))
    one_date_per_name(weekdays)
    return rows


def _share_month(first: dict, second: dt.date) -> None:
    """Give the row of the first of two days that share a month ("14 en 16 mei") the
    second's month and year."""
    try:
        day = second.replace(day=int(first["begin_date"][8:10]))
    except ValueError:
        return
    if day <= second:
        first["begin_date"] = first["end_date"] = first["value"] = day.isoformat()


def _bare_weekday(f: Found) -> bool:
    """"zaterdag", "dinsdagavond": a weekday without a word placing its week."""
    return f.kind == "weekday" and f.m is not None and not (f.m.group("wdir") or f.m.group("wkdir") or f.m.group("wkdir2") or f.m.group("wafter"))


_CITATION_BEFORE = re.compile(r"\(\s*[A-Z][^()\d]*[^\W\d_][,:]?\s+$")  # a source: "(Trouw, ", "(De Verdieping "

# "in de zomer is het druk op het strand": a state of affairs, said of every summer
_STATE_OF_AFFAIRS = re.compile(r"\b(?:is|wordt|blijft) het [^\W\d_]+\s*(?:[.,;:!?]|$|op\b|in\b|aan\b|bij\b|voor\b|met\b)", re.IGNORECASE)


def _generic(f: Found, ctx: _Context) -> bool:
    """A season, "het weekend" or "op" + weekday said of a habit or a general truth ("in de
    zomer is het altijd druk", "de Staten vergaderen alleen op maandag"): a set, not a date."""
    if f.kind not in ("season", "weekend", "weekday") or f.m is None:
        return False
    g = f.m.groupdict()
    if f.kind == "season" and g.get("year"):
        return False
    if f.kind == "weekday" and (g.get("wdir") or g.get("wkdir") or g.get("wkdir2") or g.get("wafter") or not re.search(r"\bop\s+$", ctx.text[max(0, f.start - 4) : f.start], re.IGNORECASE)):
        return False
    clause = clause_around(ctx.text, f)
    if any(w in ctx.lex.habitual_cues for w in re.findall(r"[^\W\d_]+", clause.lower())):
        return True
    begin, end = ctx.sentence_bounds(f.start)
    return f.kind == "season" and _STATE_OF_AFFAIRS.search(ctx.text[begin:end]) is not None


def _generic_reading(f: Found, lex: Lexicon) -> Reading:
    g = f.m.groupdict() if f.m is not None else {}
    if f.kind == "season":
        value = f"XXXX-{lex.seasons[g['season'].lower()][0]}"
    elif f.kind == "weekend":
        value = "XXXX-WXX-WE"
    else:
        value = f"XXXX-WXX-{lex.weekday_of[g['weekday'].lower()]}"
    return Reading(None, None, value, "set", relative=False)


def _merged(f: Found, ctx: _Context) -> tuple[Reading | None, str]:
    """A range of two expressions ("van 20 december tot 5 januari"): from the first's
    begin to the second's end."""
    assert f.parts is not None
    tense = ctx.clause_tense(f)
    first, anchor_text = resolve_over(f.parts[0], ctx.anchor_interval, tense, ctx.lex, ctx.precision)
    last, _ = resolve_over(f.parts[1], ctx.anchor_interval, tense, ctx.lex, ctx.precision)
    if first is None or last is None or first.begin is None or last.end is None:
        return None, anchor_text
    begin, end = first.begin, last.end
    if end < begin and f.parts[1].kind == "weekday":
        end += dt.timedelta(days=7)  # "van donderdag tot maandag"
    elif end < begin and last.relative and not (end.month == 2 and end.day == 29):
        end = end.replace(year=end.year + 1)  # "van 20 december tot 5 januari"
    return (Reading(begin, end, interval_value(begin, end), "range") if begin <= end else None), anchor_text


def _placed(f: Found, ctx: _Context, previous):
    """(reading, anchor text, the weekday context for the next expression, whether a sure
    cue placed it) of an expression placed on the calendar, in the direction its clause
    looks (for a bare weekday or weekend, its phrase first: ``weekdays.py``)."""
    tense = ctx.clause_tense(f)
    sure = tense in ("past", "future")
    if f.kind in _DAY_SIZED and _CITATION_BEFORE.search(ctx.text[max(0, f.start - 60) : f.start]) and re.match(r"\s*\)", ctx.text[f.end : f.end + 3]):
        tense, sure = "past", True  # a citation: "(Trouw, 20 maart)", "(De Verdieping 19 maart)", "(Het Parool, zaterdag)"
    elif (_bare_weekday(f) or f.kind == "weekend") and direction_from_preposition(ctx.text, f.start) is None:
        cue = phrase_cue(f, ctx.text, ctx.lex, tense, ctx.is_noun)
        if cue is not None:
            tense, sure = cue, True
    if tense is None:
        tense = tense_from_words(_sentence_words_near(ctx.text, f.start, f.end, ctx.sentence_bounds(f.start)), ctx.lex)
    if f.kind == "weekday" and previous is not None and previous[0].kind == "weekday" and _COORDINATED.match(ctx.text[previous[0].end : f.start]):
        tense, sure = previous[2], previous[3]  # "afgelopen vrijdag en zaterdag": the same direction
    elif tense == "present" and ctx.narrative == "past" and f.kind in _DAY_SIZED:
        # a story told in the past (its lead or a quote in the present: "Zaterdagavond
        # brandt ...", "De politieactie van maandag komt ..."): the day lies behind
        tense = "past" if f.kind == "weekday" else None  # a date: the nearest reading
    reading, anchor_text = resolve_over(f, ctx.anchor_interval, tense, ctx.lex, ctx.precision)
    if reading is not None and f.kind == "weekday":
        direction = f.m.group("wdir") if f.m is not None else None
        if direction:
            offset = ctx.lex.directions.get(direction.lower(), 0)
            tense = "past" if offset < 0 else "future" if offset > 0 else tense
            sure = True
        elif f.m is not None and f.m.group("wafter"):
            tense, sure = ("past" if f.m.group("wafter").lower().startswith("j") else "future"), True
        previous = (f, reading, tense, sure)
    return reading, anchor_text, previous, sure


def _row(article_id: str, sentence_id: int, f: Found, text: str, reading: Reading, anchor_text: str) -> dict:
    return {
        "article_id": article_id,
        "sentence_id": sentence_id,
        "start": f.start,
        "end": f.end,
        "text": text[f.start : f.end],
        "value": reading.value,
        "begin_date": reading.begin.isoformat() if reading.begin else None,
        "end_date": reading.end.isoformat() if reading.end else None,
        "granularity": reading.granularity,
        "anchor": anchor_text,
    }
