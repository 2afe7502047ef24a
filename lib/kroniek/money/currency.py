"""Which currency a figure without a currency word is in."""

from __future__ import annotations

import re
from typing import Sequence

from kroniek.money.grammar import Figure
from kroniek.money.lexicon import Lexicon, Tok

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
