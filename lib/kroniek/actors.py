"""Turn entity spans into canonical actors.

A mention is one entity span in one sentence; an actor is what the mentions refer to.
Resolution order for a span:

1. the gazetteer (``gazetteer.py``): known persons, organisations, countries, their
   variants (via ``gazetteer``), user aliases (``alias``), capitals and seats of power
   (``metonymy``), country adjectives and demonyms (``adjective``);
2. within the article, a surname or partial name links to the fullest name of the same
   person ("Poetin" -> "Vladimir Poetin");
3. otherwise a canonical id from the normalised name (case, accents, articles and
   legal suffixes such as N.V./B.V./Inc. removed), so "Shell N.V." and "Shell" merge.

Across articles, :func:`link_across_articles` merges a bare surname into the one full
name the corpus knows for it (same surname, compatible first name or initial).

Why hand-written: no maintained library links Dutch news names to canonical actors;
the country names themselves come from Babel (CLDR) through the gazetteer.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, Iterable

from spacy.tokens import Doc, Span

from kroniek.gazetteer import Gazetteer, normalise_name
from kroniek.nlp import canonical_label

ACTOR_TYPES = ("person", "organisation", "country", "place", "group")
VIA_VALUES = ("ner", "gazetteer", "alias", "metonymy", "adjective", "coref")

_TYPE_BY_LABEL = {"PER": "person", "ORG": "organisation", "LOC": "place", "MISC": "group"}
_PREFIX = {"person": "per", "organisation": "org", "place": "loc", "group": "grp", "country": "cty"}
# Name particles that stay lower case inside Dutch and foreign names.
_PARTICLES = {"van", "de", "der", "den", "het", "ter", "ten", "von", "al", "el", "bin", "da", "di", "du", "le", "la"}


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


@dataclass
class Resolved:
    actor_id: str
    actor: str
    actor_type: str
    country: str
    via: str


def _name_tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s]+", name.strip()) if t]


def surname_of(name: str) -> str:
    """The family name of a person name: the last word with its particles ("de Wever")."""
    words = _name_tokens(name)
    if not words:
        return ""
    i = len(words) - 1
    while i > 0 and words[i - 1].casefold() in _PARTICLES:
        i -= 1
    return " ".join(words[i:])


def compatible_first_names(short: str, full: str) -> bool:
    """True when the given names of ``short`` do not contradict those of ``full``."""
    s_words = _name_tokens(short)[: -len(_name_tokens(surname_of(short))) or None]
    f_words = _name_tokens(full)[: -len(_name_tokens(surname_of(full))) or None]
    for s in s_words:
        s_clean = s.rstrip(".")
        if not any(f.casefold().startswith(s_clean.casefold()) for f in f_words):
            return False
    return True


def resolve_span(text: str, label: str, gaz: Gazetteer) -> Resolved | None:
    """Resolve one span on its own (no article context)."""
    canon = canonical_label(label)
    if canon is None:
        return None
    hit = gaz.lookup(text)
    if hit is None and text.endswith("s") and canon in ("LOC", "ORG"):
        hit = gaz.lookup(text[:-1])  # genitive: "Ruslands", "Shells"
        if hit is not None and hit.via == "adjective":
            hit = None
    if hit is not None:
        actor_id = gaz.canonical_id(hit.actor_id)
        entry = gaz.entries.get(actor_id)
        if entry is not None:
            return Resolved(actor_id, entry.name, entry.actor_type, entry.country, hit.via)
    if canon == "MISC":
        return None  # events, works, products: not actors unless the gazetteer knows them
    actor_type = _TYPE_BY_LABEL[canon]
    name = re.sub(r"\s+", " ", text).strip(" .,;:'\"‘’“”")
    if actor_type != "person":
        key = normalise_name(name)
        name = _strip_article(name)
    else:
        key = normalise_name(name)
    if not key:
        return None
    actor_id = f"{_PREFIX[actor_type]}:{slug(key)}"
    actor_id = gaz.canonical_id(actor_id)
    entry = gaz.entries.get(actor_id)
    if entry is not None:
        return Resolved(actor_id, entry.name, entry.actor_type, entry.country, "gazetteer")
    return Resolved(actor_id, name, actor_type, "", "ner")


def _strip_article(name: str) -> str:
    return re.sub(r"^(de|het|De|Het)\s+", "", name)


def extract_mentions(
    doc: Doc,
    article_id: str,
    sentence_of: Callable[[int], int],
    gaz: Gazetteer,
) -> list[dict]:
    """Mention rows for every actor entity in the Doc, linked within the article."""
    resolved: list[tuple[Span, Resolved]] = []
    for ent in doc.ents:
        text = ent.text
        if not text.strip() or gaz.is_excluded(text):
            continue
        res = resolve_span(text, ent.label_, gaz)
        if res is None or gaz.is_excluded(text, res.actor_id):
            continue
        resolved.append((ent, res))
    link_persons_in_article(resolved)
    rows = []
    for ent, res in resolved:
        rows.append(
            {
                "article_id": article_id,
                "sentence_id": sentence_of(ent.start),
                "start": ent.start_char,
                "end": ent.end_char,
                "text": ent.text,
                "label": canonical_label(ent.label_) or ent.label_,
                "actor_id": res.actor_id,
                "actor": res.actor,
                "actor_type": res.actor_type,
                "country": res.country,
                "via": res.via,
            }
        )
    return rows


def link_persons_in_article(resolved: list[tuple[Span, Resolved]]) -> None:
    """Point short person names at the fullest compatible name of the same article."""
    persons = [r for _, r in resolved if r.actor_type == "person"]
    fullest: dict[str, Resolved] = {}
    for res in persons:
        key = surname_of(res.actor).casefold()
        best = fullest.get(key)
        if best is None or len(_name_tokens(res.actor)) > len(_name_tokens(best.actor)):
            fullest[key] = res
    for res in persons:
        best = fullest.get(surname_of(res.actor).casefold())
        if best is not None and best is not res and compatible_first_names(res.actor, best.actor):
            res.actor_id, res.actor, res.country = best.actor_id, best.actor, best.country or res.country
            if res.via == "ner" and best.via != "ner":
                res.via = best.via


def link_across_articles(mentions: list[dict] | Iterable[dict]) -> list[dict]:
    """Merge person actors named only by surname into the corpus's one full name for it.

    A surname is merged only when exactly one multi-word name in the corpus has it and
    the first names are compatible, so two different "Jansen"s are never merged.
    """
    rows = list(mentions)
    by_surname: dict[str, set[tuple[str, str]]] = {}
    for row in rows:
        if row["actor_type"] == "person" and len(_name_tokens(row["actor"])) > 1:
            by_surname.setdefault(surname_of(row["actor"]).casefold(), set()).add((row["actor_id"], row["actor"]))
    for row in rows:
        if row["actor_type"] != "person":
            continue
        candidates = by_surname.get(surname_of(row["actor"]).casefold(), set())
        if len(candidates) == 1:
            actor_id, actor = next(iter(candidates))
            if actor_id != row["actor_id"] and compatible_first_names(row["actor"], actor):
                row["actor_id"], row["actor"] = actor_id, actor
    return rows
