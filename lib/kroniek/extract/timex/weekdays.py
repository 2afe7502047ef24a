"""The direction of a bare weekday ("zaterdag", "dinsdagavond"): cues of its phrase and
clause that outweigh the verb's tense, and one date for one weekday name in an article.

A bare weekday names the nearest such day before or after the article date; the clause's
tense usually tells which (``tense.py``).  Its own phrase can tell more surely:

* a day that names an occasion, "de beslissing van maandag", "de gebeurtenissen van
  zaterdag", "(Het Parool van woensdag)": it has happened,
  unless the occasion is a scheduled one ("de wedstrijd van zondag") in a present or future
  clause;
* a plan, "Mays plan om vrijdag ... in stemming te brengen": ahead;
* a report, "aldus de minister maandag": behind;
* a perfect written with "hebben" and a participle in its clause ("hebben dinsdag ...
  vragen gesteld"), whatever the parser made of it: behind.

An article speaks of one Friday with "vrijdag" (its lead in the present, "loopt woensdag
de rechtbank binnen", and a later "die woensdag diende" are one day): a weekday whose
clause says nothing sure takes the date of the same weekday name said surely elsewhere
in the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from kroniek.data import lemma_table
from kroniek.extract.timex.lexicon import Lexicon
from kroniek.extract.timex.readings import Found

_WORD = re.compile(r"[^\W\d_]+")
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”]|\s[-–]\s")


def phrase_cue(f: Found, text: str, lex: Lexicon, clause_tense: str | None, is_noun: Callable[[int], bool] = lambda _c: True) -> str | None:
    """'past' or 'future' from the weekday's own phrase and clause, or None; ``is_noun(char)``
    says whether the word at a character is a noun (the parse's, when there is one)."""
    before = text[max(0, f.start - 80) : f.start]
    after = text[f.end : f.end + 100]
    occasion = re.search(r"([^\W\d_]+)\s+van\s+$", before)
    ranged = re.match(r"\s*(?:\d{1,2}[.:]\d{2}\s*(?:uur\s*)?)?(?:tot|t/m|-|–)\s", after)  # "van maandag 20.00 uur tot dinsdag"
    if occasion and not ranged and is_noun(max(0, f.start - 80) + occasion.start(1)):
        return _occasion_direction(occasion.group(1).lower(), lex, clause_tense)
    sentence_before = re.split(r"[.!?]\s", before)[-1].lower()
    if any(w in lex.report_cues for w in _WORD.findall(sentence_before)):
        return "past"  # "aldus de oud-partijleider maandagmiddag"
    if re.search(r"\bom\s+(?:[^\W\d_]+\s+){0,3}$", before.lower()) and re.search(r"^[^,;:.!?]*\bte\s+[^\W\d_]+", after.lower()):
        return "future"  # "plan om vrijdag haar deal in stemming te brengen"
    clause = clause_around(text, f)
    words = _WORD.findall(clause.lower())
    if any(w in lex.perfect_auxiliaries for w in words) and any(_participle(w) for w in words):
        return "past"  # "hebben dinsdag ... vragen gesteld", "zou zaterdag ... hebben bedreigd"
    return None


def _occasion_direction(noun: str, lex: Lexicon, clause_tense: str | None) -> str | None:
    """The day of an occasion named by a noun: a scheduled one ahead in a present or future
    clause, any other behind; a part of the day or week passes the clause's tense on."""
    if noun in lex.transparent_nouns:
        return None
    return "future" if noun in lex.occasion_nouns and clause_tense in ("present", "future", None) else "past"


def clause_around(text: str, f: Found) -> str:
    """The stretch of the sentence between punctuation around the expression."""
    start = max(0, f.start - 150)
    left = text[start : f.start]
    breaks = list(_CLAUSE_BREAK.finditer(left)) + list(re.finditer(r"[.!?]\s", left))
    begin = start + max((m.end() for m in breaks), default=0)
    right = text[f.end : f.end + 150]
    stop = min([m.start() for m in _CLAUSE_BREAK.finditer(right)] + [m.start() for m in re.finditer(r"[.!?](\s|$)", right)] + [len(right)])
    return text[begin : f.end + stop]


_INSEPARABLE = ("be", "ver", "ont", "her", "er", "ge")


def _participle(word: str) -> bool:
    """A past participle: a form the Dutch lemma table leads to a verb, shaped like one
    ("gesteld", "bedreigd", "aangekondigd", "verloren"; not "gemeenteraad")."""
    lemma = lemma_table().get(word)
    if lemma is None or lemma == word or not lemma.endswith("n") or not word.endswith(("d", "t", "en")):
        return False
    return word.startswith(_INSEPARABLE) or "ge" in word[2:]


@dataclass
class Mention:
    """A bare weekday placed in an article: its row, its weekday name and whether a sure
    cue or tense placed it."""

    row: dict
    name: str
    sure: bool


def one_date_per_name(mentions: list[Mention]) -> None:
    """A weekday placed without a sure cue takes the date of the same name placed surely
    before it in the article (the day is known by then: "... die woensdag diende. [...]
    Sanderink loopt woensdag de rechtbank binnen"); a first mention keeps its own."""
    for k, m in enumerate(mentions):
        if m.sure:
            continue
        earlier = [o for o in mentions[:k] if o.sure and o.name == m.name]
        if not earlier or earlier[-1].row["begin_date"] == m.row["begin_date"]:
            continue
        other = earlier[-1]
        for key in ("value", "begin_date", "end_date"):
            m.row[key] = other.row[key]
        m.row["anchor"] = (m.row["anchor"] + "; " if m.row["anchor"] else "") + f"the {m.name} named before"
