"""Which currency a figure without a currency word is in.

Dutch news often leaves the currency out once it is clear: "Daarvan ging 744 miljoen naar
Shell", "Forum wil 15 miljard uitgeven aan onderwijs", "een schuld van zo'n 30 miljoen".
Such a figure takes the currency of the figures just before it; in a sentence about money
(a money word, "aan" + a money noun, "66 miljard winst") it takes the article's latest
earlier currency, else the default of the news's country (``money.yaml``).  A figure right
before any other noun counts things ("16,5 miljoen klanten") and stays out, as do one after
such a count ("Vorig jaar waren dit er nog 12,5 miljoen") and a bare level in a sentence
about an index ("de AEX sloot op 1.234,56").  A figure with a magnitude and no evidence
either way is decided by the article's other amounts (:func:`decide_by_article`).  Every
such row says ``currency_inferred = true``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Sequence

from kroniek.extract.money.grammar import Figure
from kroniek.extract.money.lexicon import Lexicon, Tok

_FUNCTION_WORDS = {
    "aan", "voor", "in", "op", "per", "van", "en", "of", "bij", "is", "was", "wordt", "werd", "zijn",
    "waren", "naar", "uit", "om", "met", "tegen", "over", "door", "als", "dan", "die", "dat", "te",
    "extra", "meer", "minder", "ophalen", "opgehaald", "gaat", "gaan", "kost", "kostte", "kosten",
}


@dataclass
class Evidence:
    """What the article says around the figures: whether the sentence at a character is
    about money, the part of speech of the token at a character (from the parse, when there
    is one), the default currency and the currencies written so far."""

    money_sentence: Callable[[int], bool]
    pos_at: Callable[[int], str] = lambda _c: ""
    default: str = "EUR"
    written: list[str] = field(default_factory=list)
    sentence_of_char: Callable[[int], int] = lambda _c: 0
    participle_at: Callable[[int], bool] = lambda _c: False
    # figures with a magnitude that count things ("16,5 miljoen klanten"), with their sentence:
    # a bare figure right after one counts the same things ("Vorig jaar waren het 12,5 miljoen")
    counted: list[tuple[Figure, int]] = field(default_factory=list)


def next_word(toks: Sequence[Tok], end: int, lex: Lexicon, ev: Evidence) -> str:
    """What follows a figure: 'money' (a money noun: "winst"), 'noun' (anything counted:
    "klanten", "sociale huurwoningen"), or '' (a verb, a preposition, punctuation)."""
    if end >= len(toks):
        return ""
    nxt = toks[end]
    if not nxt.text[:1].isalpha():
        return ""
    if _money_noun(nxt.low, lex):
        return "money"
    if nxt.low in lex.count_nouns:
        return "noun"
    if nxt.low in lex.money_hints or ev.participle_at(nxt.start):
        return ""  # "honderden miljoenen witgewassen", "miljoenen betaald"
    pos = ev.pos_at(nxt.start)
    if pos:
        if pos == "ADJ" and end + 1 < len(toks):
            after = toks[end + 1]
            if _money_noun(after.low, lex):
                return "money"
            if ev.pos_at(after.start) in ("NOUN", "PROPN"):
                return "noun"  # "2,4 miljoen sociale huurwoningen"
            # an adjective used as a noun: "1,7 miljard volwassenen aan ..."
            return "noun" if nxt.low.endswith("en") and nxt.low not in _FUNCTION_WORDS else ""
        return "noun" if pos in ("NOUN", "PROPN", "NUM", "X") else ""  # X: a foreign noun ("starts")
    return "" if nxt.low in _FUNCTION_WORDS or nxt.low in lex.money_hints else "noun"


_YEAR_PREPOSITIONS = {"in", "sinds", "vanaf", "tot", "na", "voor", "rond", "begin", "eind", "medio", "uit", "van"}


def _is_year(toks: Sequence[Tok], fig: Figure) -> bool:
    """"oplopend naar 100 euro in 2030 en 200 euro in 2050": 2030 is a year, not an amount."""
    if fig.end - fig.start != 1 or not re.fullmatch(r"1[89]\d\d|20\d\d", toks[fig.start].text):
        return False
    return fig.start > 0 and toks[fig.start - 1].low in _YEAR_PREPOSITIONS


def _money_noun(word: str, lex: Lexicon) -> bool:
    """A noun an amount can stand right before: "winst", "subsidie", compounds ("planschade",
    "schadegeld", "prijzengeld")."""
    if word in lex.amount_nouns:
        return True
    return len(word) > 6 and any(word.endswith(suffix) for suffix in lex.amount_suffixes)


def _aan_money_noun(toks: Sequence[Tok], end: int, lex: Lexicon) -> bool:
    """"4 miljard aan uitgaven", "miljoenen aan leningen", "8 miljoen aan naheffingen"."""
    if end + 1 >= len(toks) or toks[end].low != "aan":
        return False
    for word in (t.low for t in toks[end + 1 : end + 3]):  # "miljarden aan ongeoorloofde staatssteun"
        if word in lex.amount_nouns or word in lex.context_nouns or word in lex.money_hints:
            return True
        if any(word.endswith(noun) for noun in lex.amount_nouns | set(lex.context_nouns) if len(noun) >= 5):
            return True
    return False


def _money_noun_van(toks: Sequence[Tok], start: int, lex: Lexicon) -> bool:
    """"een claim van 3 miljoen", "een strop van twee ton": a money noun, "van", the figure."""
    if start < 2 or toks[start - 1].low != "van":
        return False
    noun = toks[start - 2].low
    return noun in lex.context_nouns or _money_noun(noun, lex)


def infer_currency(
    fig: Figure,
    toks: Sequence[Tok],
    previous: Sequence[tuple[Figure, int]],
    following: Sequence[tuple[Figure, int]],
    sentence_index: int,
    lex: Lexicon,
    has_magnitude: bool,
    ev: Evidence,
) -> str | None:
    """The currency of a figure written without one, or None when it is not money.

    Sets ``fig.extra["verdict"]``: "count" when the text says it counts or measures
    something else, "unknown" when a figure with a magnitude has no evidence either way
    (the article's other figures decide it, see :func:`decide_by_article`)."""
    after = next_word(toks, fig.end, lex, ev)
    if after == "noun" or _is_year(toks, fig) or _counts_things(toks, fig, lex, ev, look_back=after != "money"):
        fig.extra["verdict"] = "count"
        return None
    if not has_magnitude and _in_sentence(toks, fig, ev, lambda t: t.low in lex.index_words):
        fig.extra["verdict"] = "count"  # "de AEX sloot op 1.234,56": a level, not money
        return None
    for nf, nf_sentence in following[:1]:
        if nf.currency and nf_sentence == sentence_index and _listed_together(toks[fig.end : nf.start]):
            return nf.currency  # "936 duizend en 926 duizend euro"
    if not has_magnitude and not looks_like_amount(toks[fig.start : fig.end]):
        return None
    about_money = (
        ev.money_sentence(toks[fig.start].start) or after == "money" or _aan_money_noun(toks, fig.end, lex) or _money_noun_van(toks, fig.start, lex)
    )
    if has_magnitude and not about_money and _after_count(fig, sentence_index, previous, ev):
        fig.extra["verdict"] = "count"
        return None
    if not fig.extra.get("vague_bare"):
        for prev, prev_sentence in reversed(previous[-3:]):
            if prev.currency and (sentence_index - prev_sentence <= 2 if has_magnitude else prev_sentence == sentence_index):
                return prev.currency  # "744 miljoen" after euro figures
    if about_money:
        return ev.written[-1] if ev.written else ev.default
    if has_magnitude:
        fig.extra["verdict"] = "unknown"
    return None


def _after_count(fig: Figure, sentence_index: int, money: Sequence[tuple[Figure, int]], ev: Evidence) -> bool:
    """The nearest figure before, within two sentences, counts things and no money figure
    stands between: "tot meer dan 16,5 miljoen klanten in 2022. Vorig jaar waren dit er
    nog 12,5 miljoen" (the same unit, as a currency carries over to "744 miljoen")."""
    counts = [(f, s) for f, s in ev.counted if f.end <= fig.start and sentence_index - s <= 2]
    if not counts:
        return False
    last_count = counts[-1][0].end
    return not any(last_count <= f.start < fig.start for f, _ in money)


def decide_by_article(
    undecided: Sequence[tuple[Figure, int]], decided: Sequence[tuple[Figure, int, str]], ev: Evidence
) -> list[tuple[Figure, int, str]]:
    """Figures with a magnitude and no evidence in their sentence ("Honderden miljoenen
    belandden in Nederland, vooral bij twee kleinere banken") are money in an article that
    names at least two amounts and where no figure counting things stands closer in the
    two sentences before; they take the currency of the nearest amount before, else after."""
    if len(decided) < 2:
        return []
    out = []
    for fig, sentence in undecided:
        if _after_count(fig, sentence, [(f, s) for f, s, _ in decided], ev):
            continue
        before = [c for f, _, c in decided if f.end <= fig.start]
        after = [c for f, _, c in decided if f.start >= fig.end]
        out.append((fig, sentence, before[-1] if before else after[0]))
    return out


def _counts_things(toks: Sequence[Tok], fig: Figure, lex: Lexicon, ev: Evidence, look_back: bool = True) -> bool:
    """A count noun near the figure in its sentence ("het aantal passagiers stijgt tot 70
    miljoen", "3 miljoen van de inwoners"), unless a money noun stands closer before it ("16
    duizend werknemers en een omzet van 2,5 miljard") or right after it (``look_back``
    false: "30 biljoen vermogen").  Units ("jaar", "procent") count only right after a number."""
    sentence = _sentence_tokens(toks, fig, ev)
    if any(t.low in lex.count_nouns and t.low not in lex.count_units for t in toks[fig.end : min(fig.end + 3, sentence.stop)]):
        return True
    if not look_back:
        return False
    if any(t.low in lex.count_subjects for t in toks[sentence.start : fig.start]):
        return True  # "het aantal Venezolanen ... is gedaald van 237 duizend"
    for t in reversed(toks[max(sentence.start, fig.start - 8) : fig.start]):
        if t.low in lex.context_nouns or t.low in lex.amount_nouns:
            return False
        if t.low in lex.count_nouns and t.low not in lex.count_units:
            return True
    return False


# Tokens looked at on either side of a figure for its sentence: a "sentence" longer than
# this is a list or a text without punctuation, and scanning all of it for every figure
# would take quadratic time on a megabyte written on one line.
SENTENCE_REACH = 80


def _sentence_tokens(toks: Sequence[Tok], fig: Figure, ev: Evidence) -> range:
    """The token range of the figure's sentence: by the parse's sentences, and never across
    a full stop, question or exclamation mark before a capital (without a parse)."""
    here = ev.sentence_of_char(toks[fig.start].start)

    def boundary(j: int) -> bool:
        ends = toks[j].text in (".", "!", "?") and j + 1 < len(toks) and toks[j + 1].text[:1].isupper()
        return ends or ev.sentence_of_char(toks[j].start) != here

    start = fig.start
    while start > max(0, fig.start - SENTENCE_REACH) and not boundary(start - 1):
        start -= 1
    stop = fig.end
    while stop < min(len(toks), fig.end + SENTENCE_REACH) and not boundary(stop):
        stop += 1
    return range(start, stop)


def _in_sentence(toks: Sequence[Tok], fig: Figure, ev: Evidence, test: Callable[[Tok], bool]) -> bool:
    return any(test(toks[j]) for j in _sentence_tokens(toks, fig, ev))


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


def looks_like_amount(toks: Sequence[Tok]) -> bool:
    """A number written with thousands separators ("133.000"): an amount, not a count word."""
    return any(re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", t.text) for t in toks)
