"""The money lexicon (``data/money.yaml``, ``data/currencies.csv``, ISO 4217 codes) and the
tokenizer the grammar reads: the language knowledge is data, this module only loads it."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import pycountry
from babel import Locale
from babel.numbers import get_currency_name

from kroniek.data import read_csv, read_yaml


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
    spread_words: frozenset[str]
    context_nouns: dict[str, str]  # any form -> lemma
    few_words: list[tuple[str, ...]]
    idioms: list[tuple[str, ...]]
    count_nouns: set[str]
    count_subjects: frozenset[str]
    money_hint_lemmas: frozenset[str] = frozenset()
    amount_suffixes: tuple[str, ...] = ()
    index_words: frozenset[str] = frozenset()
    amount_nouns: frozenset[str] = frozenset()
    count_units: frozenset[str] = frozenset()
    change_lemmas: frozenset[str] = frozenset()
    default_currency: str = "EUR"
    default_currency_before_euro: str = "NLG"
    euro_year: int = 2002
    era_currencies: dict[str, tuple[str, str | None]] = field(default_factory=dict)

    def before_euro(self, year: int | None) -> bool:
        return year is not None and year < self.euro_year

    def currency_default(self, year: int | None) -> str:
        """The currency of a figure without one of its own, in an article of ``year``."""
        return self.default_currency_before_euro if self.before_euro(year) else self.default_currency
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
    """Tokens with their lower case; a typographic apostrophe reads as a straight one
    ("euro’s", "zo’n" match the lexicon's "euro's", "zo'n")."""
    return [Tok(m.group(), m.group().lower().replace("’", "'"), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(t.low for t in tokenize(text))


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    config = read_yaml("money.yaml")
    currencies: dict[tuple[str, ...], CurrencyWord] = {}
    # Every ISO 4217 code (from pycountry), in capitals, before or after an amount.
    codes = set()
    for cur in pycountry.currencies:
        currencies[(cur.alpha_3.lower(),)] = CurrencyWord(cur.alpha_3, cur.alpha_3, 1.0, "both")
        codes.add(cur.alpha_3)
    first_words = set()
    for row in read_csv("currencies.csv"):
        phrase = _phrase(row["surface"])
        currencies[phrase] = CurrencyWord(row["surface"], row["currency"], float(row["factor"]), row["position"])
        first_words.add(phrase[0])
    for surface, code in _cldr_currency_names():
        phrase = _phrase(surface)
        if phrase not in currencies:  # currencies.csv decides where both name a word
            currencies[phrase] = CurrencyWord(surface, code, 1.0, "post")
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
        spread_words=frozenset(config["spread_words"]),
        context_nouns=context,
        few_words=sorted((_phrase(w) for w in config["few_words"]), key=len, reverse=True),
        idioms=[_phrase(w) for w in config["idioms"]],
        count_nouns=set(config["count_nouns"]),
        count_subjects=frozenset(config["count_subjects"]),
        money_hint_lemmas=frozenset(config.get("money_hint_lemmas", [])),
        amount_suffixes=tuple(config.get("amount_suffixes", [])),
        index_words=frozenset(w.lower() for w in config.get("index_words", [])),
        amount_nouns=frozenset(config.get("amount_nouns", [])),
        count_units=frozenset(config.get("count_units", [])),
        change_lemmas=frozenset(config.get("change_lemmas", [])),
        default_currency=config.get("default_currency", "EUR"),
        default_currency_before_euro=config["default_currency_before_euro"],
        euro_year=int(config["euro_year"]),
        era_currencies={word: (pair[0], pair[1]) for word, pair in config["era_currencies"].items()},
        # a figure of a million or more may be money without a currency word ("15 miljard")
        gate_words=frozenset(
            first_words | set(config["ton_words"]) | {"tonnen"}
            | {k for k, v in config["magnitudes"].items() if float(v) >= 1e6}
        ),
        gate_codes=frozenset(codes),
    )


def _cldr_currency_names() -> list[tuple[str, str]]:
    """(Dutch name, ISO 4217 code) of every current currency, singular and plural, from
    CLDR through Babel ("Argentijnse peso", "Zweedse kronen", "Thaise baht"): names of a
    country's currency have two words or a hyphen, so a name alone ("Goud") is no match.
    Codes starting with X are funds, metals and units of account, not money in news."""
    names = []
    dutch = Locale("nl")
    for currency in pycountry.currencies:
        code = currency.alpha_3
        singular = dutch.currencies.get(code)
        if not singular or code.startswith("X") or any(ch.isdigit() or ch == "(" for ch in singular):
            continue
        for name in {singular, get_currency_name(code, count=2, locale="nl")}:
            if " " in name or "-" in name:
                names.append((name, code))
    return names
