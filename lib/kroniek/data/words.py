"""Words: the word lists of ``name_shapes.yaml``, ``roles.yaml``, ``pronouns.yaml`` and
``common_words_nl.txt`` as the questions the NLP stages and the extractors ask of a word.

Why here and not beside each caller: the titled-names stage of the pipeline and the actor
resolver ask the same questions ("is this a role noun?"), and each list must live once.
"""

from __future__ import annotations

import functools

from kroniek.data import DATA_DIR, read_yaml, word_set


def _shapes() -> dict:
    return read_yaml("name_shapes.yaml")


def particles(kind: str) -> frozenset[str]:
    """A list of name particles of ``name_shapes.yaml`` (``lower_case``, ``titled_name``,
    ``inside_name``, ``family_only``, ``person``)."""
    return word_set("name_shapes.yaml", "particles", kind)


def shape_words(key: str) -> frozenset[str]:
    """Any other word list of ``name_shapes.yaml`` (``name_glue``, ``cut_short_endings``...)."""
    return word_set("name_shapes.yaml", key)


def pronouns(kind: str) -> frozenset[str]:
    """A list of ``pronouns.yaml``: ``personal``, ``human_subject`` or ``not_a_name``."""
    return word_set("pronouns.yaml", kind)


@functools.lru_cache(maxsize=1)
def family_first_names() -> frozenset[str]:
    return frozenset(_shapes()["family_first"])


def family_first_korean() -> list[str]:
    return _shapes()["family_first_korean"]


@functools.lru_cache(maxsize=1)
def common_words() -> dict[str, str]:
    """Dutch words that are common words rather than names (lower case) -> part of speech."""
    lines = (DATA_DIR / "common_words_nl.txt").read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t", 1) for line in lines if line and not line.startswith("#"))


def common_word_pos(word: str) -> str:
    """The part of speech of ``word`` as a common Dutch word ("VERB" for "Geef"), or ""."""
    return common_words().get(word.casefold(), "")


@functools.lru_cache(maxsize=1)
def _role_nouns() -> tuple[str, ...]:
    """The role nouns of roles.yaml, lower case."""
    return tuple(k.lower() for k in read_yaml("roles.yaml")["roles"])


@functools.lru_cache(maxsize=1)
def title_suffixes() -> tuple[str, ...]:
    """Endings that make a compound a role noun: the listed suffixes and every role noun of
    roles.yaml of five letters or more ("Kamer-voorzitter", "Klimaat-minister",
    "Fastned-oprichter"), since Dutch writes such compounds as one word."""
    return tuple(dict.fromkeys([*_shapes()["title_suffixes"], *(k for k in _role_nouns() if len(k) >= 5)]))


@functools.lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    return frozenset([*(w.lower() for w in _shapes()["title_words"]), *_role_nouns()])


@functools.lru_cache(maxsize=65536)  # called for every token by the titled-names stage
def is_title_word(word: str) -> bool:
    """"zangeres", "Oud-premier", "Syriëganger", "Kamervoorzitter": a word naming a role
    or kind of person."""
    w = word.casefold().rstrip(".")
    if w in title_words():
        return True
    return any(w.endswith(s) and len(w) > len(s) + 2 for s in title_suffixes())


def is_organisation_noun(word: str) -> bool:
    """"zorgbedrijf", "omroep": a noun that names a kind of organisation."""
    w = word.casefold()
    nouns = _shapes()["organisation_nouns"]
    return w in nouns or any(w.endswith(n) and len(w) > len(n) + 2 for n in nouns if len(n) >= 4)


def is_place_noun(word: str) -> bool:
    """"stadion", "poppodium", "dorp": a noun that names a kind of place."""
    return word.casefold() in _shapes()["place_nouns"]


def is_territorial_noun(word: str) -> bool:
    """"gemeente", "provincie": an organisation noun that also names the place it governs."""
    return word.casefold() in _shapes()["territorial_nouns"]


def is_organisation_head(word: str) -> bool:
    """"Lyceum", "Ziekenhuis": a capitalised noun that ends an organisation's name."""
    return word in _shapes()["organisation_heads"]


def is_compound_noun(word: str) -> bool:
    """"Burgerbelangen", "Syriëganger": a word that ends in a common noun of five letters or more."""
    w = word.casefold()
    words = common_words()
    return any(w[i:] in words and words[w[i:]] == "NOUN" for i in range(3, len(w) - 4))
