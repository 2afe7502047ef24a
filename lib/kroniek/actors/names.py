"""Shapes of names: family names with particles or written first, given names, titles.

Dutch news writes "Bart De Wever", "Van der Laan" (a particle starts the family name, also
at the start of a sentence), "Kim Jong-un" (family name first) and "zangeres Merol" (a
role noun before the name).  These helpers answer the questions the resolver asks of a
name; the word lists are data (``data/name_shapes.yaml``, ``data/roles.yaml``,
``data/common_words_nl.txt``).

Why hand-written: no maintained library models Dutch name particles or tells a Dutch
common word from a name; the common-word list is built from the shared treebanks by
``training/common_words.py``.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
# Name particles that stay lower case inside Dutch and foreign names.
PARTICLES = {"van", "de", "der", "den", "het", "ter", "ten", "von", "al", "el", "bin", "da", "di", "du", "le", "la", "'t", "in", "op"}


@functools.lru_cache(maxsize=1)
def _shapes() -> dict:
    return yaml.safe_load((DATA_DIR / "name_shapes.yaml").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def family_first_names() -> frozenset[str]:
    return frozenset(_shapes()["family_first"])


@functools.lru_cache(maxsize=1)
def common_words() -> dict[str, str]:
    """Dutch words that are common words rather than names (lower case) -> part of speech."""
    lines = (DATA_DIR / "common_words_nl.txt").read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t", 1) for line in lines if line and not line.startswith("#"))


@functools.lru_cache(maxsize=1)
def _role_nouns() -> tuple[str, ...]:
    """The role nouns of roles.yaml, lower case."""
    roles = yaml.safe_load((DATA_DIR / "roles.yaml").read_text(encoding="utf-8"))["roles"]
    return tuple(k.lower() for k in roles)


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
    return w in nouns or any(w.endswith(n) and len(w) > len(n) + 2 for n in nouns if len(n) >= 5)


def is_territorial_noun(word: str) -> bool:
    """"gemeente", "provincie": an organisation noun that also names the place it governs."""
    return word.casefold() in _shapes()["territorial_nouns"]


def is_organisation_head(word: str) -> bool:
    """"Lyceum", "Ziekenhuis": a capitalised noun that ends an organisation's name."""
    return word in _shapes()["organisation_heads"]


def common_word_pos(word: str) -> str:
    """The part of speech of ``word`` as a common Dutch word ("VERB" for "Geef"), or ""."""
    return common_words().get(word.casefold(), "")


def name_tokens(name: str) -> list[str]:
    return [t for t in re.split(r"\s+", name.strip()) if t]


def is_family_first(name: str) -> bool:
    """"Kim Jong-un", "Xi Jinping", "Moon Jae-in": the family name comes first."""
    words = name_tokens(name)
    if not 2 <= len(words) <= 3:
        return False
    if words[0] in family_first_names():
        return True
    korean_shape = len(words) == 3 or "-" in words[1]
    return korean_shape and words[0] in _shapes()["family_first_korean"]


def surname_of(name: str) -> str:
    """The family name of a person name: the last word with its particles ("de Wever"),
    or the first word of a family-name-first name ("Kim" of "Kim Jong-un")."""
    words = name_tokens(name)
    if not words:
        return ""
    if is_family_first(name):
        return words[0]
    i = len(words) - 1
    while i > 0 and words[i - 1].casefold() in PARTICLES:
        i -= 1
    return " ".join(words[i:])


def given_names(name: str) -> list[str]:
    """The words of a person name before its family name ("Vladimir" of "Vladimir Poetin")."""
    words = name_tokens(name)
    if is_family_first(name):
        return words[1:]
    n = len(name_tokens(surname_of(name)))
    return words[: len(words) - n]


def compatible_first_names(short: str, full: str) -> bool:
    """True when the given names of ``short`` do not contradict those of ``full``."""
    f_words = given_names(full)
    for s in given_names(short):
        s_clean = s.rstrip(".")
        if not any(f.casefold().startswith(s_clean.casefold()) for f in f_words):
            return False
    return True


def is_particle_name(words: list[str]) -> bool:
    """"Van Wijk", "Van der Laan", "De Groot": particles then one capitalised family name."""
    if len(words) < 2 or not words[-1][:1].isupper():
        return False
    return all(w.casefold() in PARTICLES for w in words[:-1])


def looks_like_person_name(name: str) -> bool:
    """Whether a multi-word name has the shape of a person's name: given names that are
    capitalised words or initials, not acronyms or common words ("Hoogkamp Energie
    Arnhem" and "SIZ Twente" are organisations the NER took for persons).  Used before a
    short form the NER typed as a place or organisation is taken for the person."""
    given = given_names(name)
    if not given:
        return False
    for word in given:
        bare = word.rstrip(".")
        if len(bare) <= 2:
            continue  # an initial: "J.", "JD"
        if not word[:1].isupper() or word.isupper() or (len(word) >= 6 and common_word_pos(word)) or _compound_noun(word):
            return False
    return True


def _compound_noun(word: str) -> bool:
    """"Burgerbelangen", "Syriëganger": a word that ends in a common noun of five letters or more."""
    w = word.casefold()
    words = common_words()
    return any(w[i:] in words and words[w[i:]] == "NOUN" for i in range(3, len(w) - 4))


def is_abbreviation_of(short: str, full: str) -> bool:
    """"T. Baudet" of "Thierry Baudet": the same family name, given names as initials."""
    given = given_names(short)
    return (
        bool(given)
        and all(len(g.rstrip(".")) <= 2 for g in given)
        and surname_of(short).casefold() == surname_of(full).casefold()
        and short != full
        and compatible_first_names(short, full)
    )
