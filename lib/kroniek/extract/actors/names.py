"""Shapes of names: family names with particles or written first, given names, titles.

Dutch news writes "Bart De Wever", "Van der Laan" (a particle starts the family name, also
at the start of a sentence), "Kim Jong-un" (family name first) and "zangeres Merol" (a
role noun before the name).  These helpers answer the questions the resolver asks of a
name; the word lists are data (``data/name_shapes.yaml``, ``data/roles.yaml``,
``data/common_words_nl.txt``, read by :mod:`kroniek.data.words`).

Why hand-written: no maintained library models Dutch name particles or tells a Dutch
common word from a name; the common-word list is built from the shared treebanks by
``training/common_words.py``.
"""

from __future__ import annotations

import re

from kroniek.data.words import (
    common_word_pos,
    family_first_korean,
    family_first_names,
    is_compound_noun,
    particles,
)

# Name particles that stay lower case inside Dutch and foreign names.
PARTICLES = particles("lower_case")


def is_acronym_like(text: str) -> bool:
    """"CPB", "FvD", "PvdA", "AIVD": two to eight letters, starting upper, two capitals."""
    return 2 <= len(text) <= 8 and text[:1].isupper() and sum(c.isupper() for c in text) >= 2 and " " not in text


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
    return korean_shape and words[0] in family_first_korean()


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


def is_full_name(name: str) -> bool:
    """A person name with a given name or initial before the family name ("Brigitte van
    Egten", "T. Baudet"), not a family name alone with its particles ("Van Egten")."""
    return bool(given_names(name))


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
        if not word[:1].isupper() or word.isupper() or (len(word) >= 6 and common_word_pos(word)) or is_compound_noun(word):
            return False
    return True


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
