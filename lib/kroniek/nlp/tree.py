"""Dependency-tree helpers that never fail on a broken parse.

spaCy's ``Span.root`` walks head pointers and raises E039 when the parse of a long,
odd article holds a cycle (seen on a DPG article about the EU-China summit); one bad
sentence must not cost the whole article.
"""

from __future__ import annotations

from spacy.tokens import Span, Token


def span_root(span: Span) -> Token:
    """The span's syntactic root: its first token whose head lies outside the span (or is
    itself), else its first token."""
    for token in span:
        if token.head.i == token.i or not span.start <= token.head.i < span.end:
            return token
    return span[0]


def relation(token: Token) -> str:
    """A token's UD relation without its subtype ("nsubj:pass" -> "nsubj")."""
    return token.dep_.split(":")[0]


def case_words(token: Token) -> set[str]:
    """The case words (prepositions) a phrase's head carries: {"van"} for "van Defensie"."""
    return {c.lower_ for c in token.children if relation(c) == "case"}
