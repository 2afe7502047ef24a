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

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import yaml

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


@dataclass
class RoleLexicon:
    roles: dict[str, str]  # Dutch role noun -> role
    coref_roles: set[str]


@functools.lru_cache(maxsize=1)
def load_roles() -> RoleLexicon:
    config = yaml.safe_load((Path(__file__).resolve().parent / "data" / "roles.yaml").read_text(encoding="utf-8"))
    return RoleLexicon({k.lower(): v for k, v in config["roles"].items()}, set(config["coref_roles"]))


@dataclass
class MentionResult:
    rows: list[dict]
    roles: list[dict] = field(default_factory=list)  # article_id, actor_id, role, country


def _country_adjective(token, gaz: Gazetteer) -> str:
    hit = gaz.lookup(token.text) if token.text[:1].isupper() else None
    return gaz.canonical_id(hit.actor_id) if hit is not None and hit.via == "adjective" else ""


def role_of(doc: Doc, span: Span, gaz: Gazetteer, lex: RoleLexicon) -> tuple[str, str]:
    """(role, country) from "de Russische president Vladimir Poetin", "ambtgenoot
    Loekasjenko", "minister van Buitenlandse Zaken Lavrov" or "Rutte, de Nederlandse premier"."""
    i = span.start - 1
    skipped = 0
    while i >= 0 and skipped <= 4:
        token = doc[i]
        role = lex.roles.get(token.lower_)
        if role:
            country = _country_adjective(doc[i - 1], gaz) if i > 0 else ""
            return role, country
        if token.is_title or token.lower_ in ("van", "voor", "en") or token.is_upper:
            i -= 1
            skipped += 1
            continue
        break
    j = span.end
    if j < len(doc) and doc[j].text == ",":
        k = j + 1
        if k < len(doc) and doc[k].lower_ in ("de", "het"):
            k += 1
        country = ""
        if k < len(doc) and _country_adjective(doc[k], gaz):
            country = _country_adjective(doc[k], gaz)
            k += 1
        if k < len(doc) and doc[k].lower_ in lex.roles:
            return lex.roles[doc[k].lower_], country
    return "", ""


def extract_mentions(
    doc: Doc,
    article_id: str,
    sentence_of: Callable[[int], int],
    gaz: Gazetteer,
) -> MentionResult:
    """Mention rows for every actor entity in the Doc, linked within the article, plus
    the roles the article gives its persons and "de Russische president"-style
    references to them (via=coref)."""
    resolved: list[tuple[Span, Resolved]] = []
    for ent in doc.ents:
        text = ent.text
        if not text.strip() or gaz.is_excluded(text):
            continue
        if len(ent) > 1 and ent[-1].is_lower and ent[-1].lower_ in _PARTICLES | {"en", "of", "voor", "met"}:
            continue  # a span cut short ("Unie van" before "Rusland en Wit-Rusland")
        res = resolve_span(text, ent.label_, gaz)
        if res is None or gaz.is_excluded(text, res.actor_id):
            continue
        resolved.append((ent, res))
    resolved += propagate_names(doc, resolved)
    link_persons_in_article(resolved)
    link_organisations_in_article(doc, resolved)
    lex = load_roles()
    roles: dict[str, tuple[str, str]] = {}
    for ent, res in resolved:
        if res.actor_type != "person":
            continue
        role, country = role_of(doc, ent, gaz, lex)
        if role:
            roles.setdefault(res.actor_id, (role, country))
            if country and not res.country:
                res.country = country
    for ent, res in resolved:
        if res.actor_type == "person" and res.actor_id in roles and not res.country:
            res.country = roles[res.actor_id][1]
    rows = [
        _row(article_id, sentence_of(ent.start), ent.start_char, ent.end_char, ent.text, _label_of(ent, res), res)
        for ent, res in resolved
    ]
    rows += _role_references(doc, article_id, sentence_of, gaz, lex, resolved, roles)
    rows.sort(key=lambda r: r["start"])
    role_rows = [{"article_id": article_id, "actor_id": a, "role": r, "country": c} for a, (r, c) in roles.items()]
    return MentionResult(rows, role_rows)


def _label_of(span: Span, res: Resolved) -> str:
    if span.label_:
        return canonical_label(span.label_) or span.label_
    return {"person": "PER", "organisation": "ORG", "place": "LOC", "country": "LOC"}.get(res.actor_type, "MISC")


def _row(article_id: str, sentence_id: int, start: int, end: int, text: str, label: str, res: Resolved) -> dict:
    return {
        "article_id": article_id,
        "sentence_id": sentence_id,
        "start": start,
        "end": end,
        "text": text,
        "label": label,
        "actor_id": res.actor_id,
        "actor": res.actor,
        "actor_type": res.actor_type,
        "country": res.country,
        "via": res.via,
    }


def _role_references(doc, article_id, sentence_of, gaz, lex, resolved, roles) -> list[dict]:
    """"de Russische president" (no name after it) -> the article's Russian president,
    or the gazetteer's one when it knows exactly one."""
    in_entity = {t.i for ent, _ in resolved for t in ent}
    persons = {res.actor_id: res for _, res in resolved if res.actor_type == "person"}
    rows = []
    for token in doc:
        role = lex.roles.get(token.lower_)
        if token.lower_ not in lex.coref_roles or token.i == 0 or token.i in in_entity:
            continue
        country = _country_adjective(doc[token.i - 1], gaz)
        if not country:
            continue
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is not None and (nxt.i in in_entity or nxt.is_title):
            continue  # a name follows: the role belongs to that mention
        k = token.i - 2
        if k >= 0 and doc[k].lower_ in ("de", "het"):
            k -= 1
        if k >= 1 and doc[k].text == "," and doc[k - 1].i in in_entity:
            continue  # "Rutte, de Nederlandse premier,": an apposition to the name before
        matches = [a for a, (r, c) in roles.items() if r == role and c == country]
        if not matches:
            matches = [
                e.actor_id
                for e in gaz.entries.values()
                if e.actor_type == "person" and e.country == country and e.role.split(" of ")[0] == role
            ]
        if len(set(matches)) != 1:
            continue
        actor_id = matches[0]
        res = persons.get(actor_id)
        if res is None:
            entry = gaz.entries[actor_id]
            res = Resolved(actor_id, entry.name, "person", entry.country, "coref")
        span = doc[token.i - 1 : token.i + 1]
        coref = Resolved(res.actor_id, res.actor, "person", res.country or country, "coref")
        rows.append(_row(article_id, sentence_of(token.i), span.start_char, span.end_char, span.text, "PER", coref))
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


def propagate_names(doc: Doc, resolved: list[tuple[Span, Resolved]]) -> list[tuple[Span, Resolved]]:
    """Occurrences of a name the NER missed elsewhere in the same article.

    A news article that names "Karin Bakkerveld" and later writes "Bakkerveld" means the
    same person, even where the statistical NER did not tag the second occurrence (one
    name, one referent per article).  Added with via=alias.
    """
    taken = {t.i for span, _ in resolved for t in span}
    names: dict[str, Resolved] = {}
    for span, res in resolved:
        if res.actor_type == "person":
            last = surname_of(span.text)
            if len(last) >= 4 and last[:1].isupper():
                names.setdefault(last, res)
        elif res.actor_type == "organisation" and len(span) == 1 and len(span.text) >= 3 and span.text[:1].isupper():
            names.setdefault(span.text, res)
    if not names:
        return []
    found = []
    by_first: dict[str, list[tuple[list[str], Resolved]]] = {}
    for name, res in names.items():
        words = name.split()
        by_first.setdefault(words[0], []).append((words, res))
    for token in doc:
        for words, res in by_first.get(token.text, ()):
            end = token.i + len(words)
            if end > len(doc) or any(i in taken for i in range(token.i, end)):
                continue
            if [t.text for t in doc[token.i : end]] != words:
                continue
            span = doc[token.i : end]
            found.append((span, Resolved(res.actor_id, res.actor, res.actor_type, res.country, "alias")))
            taken.update(range(token.i, end))
    return found


def link_organisations_in_article(doc: Doc, resolved: list[tuple[Span, Resolved]]) -> None:
    """Short forms of organisations named in full earlier in the article.

    "United States Air Force (USAF) ... de USAF" and "Northrop Grumman ... Northrop"
    become one actor; names the gazetteer already resolves are left alone.
    """
    orgs = [(span, res) for span, res in resolved if res.actor_type == "organisation"]
    aliases: dict[str, Resolved] = {}
    for span, res in orgs:
        after = doc[span.end : span.end + 4]
        if len(after) >= 3 and after[0].text == "(" and after[2].text == ")" and after[1].is_upper:
            aliases.setdefault(after[1].text, res)
    for span, res in orgs:
        if res.via != "ner":
            continue
        target = aliases.get(span.text)
        if target is None and len(span) == 1 and len(span.text) > 3:
            longer = [r for s, r in orgs if len(s) > 1 and s[0].text == span.text and s.start != span.start]
            target = longer[0] if len({r.actor_id for r in longer}) == 1 else None
        if target is not None and target is not res:
            res.actor_id, res.actor, res.country = target.actor_id, target.actor, target.country


def link_across_articles(mentions: list[dict] | Iterable[dict], known: Iterable[tuple[str, str]] = ()) -> list[dict]:
    """Merge person actors named only by surname into the corpus's one full name for it.

    A surname is merged only when exactly one multi-word name in the corpus has it and
    the first names are compatible, so two different "Jansen"s are never merged.
    """
    rows = list(mentions)
    links = surname_links({(r["actor_id"], r["actor"], r["actor_type"]) for r in rows}, known=known)
    for row in rows:
        target = links.get((row["actor_id"], row["actor"]))
        if target:
            row["actor_id"], row["actor"] = target
    return rows


def surname_links(
    actors: Iterable[tuple[str, str, str]], known: Iterable[tuple[str, str]] = ()
) -> dict[tuple[str, str], tuple[str, str]]:
    """(actor_id, actor) -> the (actor_id, actor) it merges into, for distinct actors.

    Works on distinct (actor_id, actor, actor_type) triples so a corpus of a million
    mentions costs as much as its few thousand distinct names.
    """
    actors = list(actors)
    by_surname: dict[str, set[tuple[str, str]]] = {}
    for actor_id, actor, actor_type in actors:
        if actor_type == "person" and len(_name_tokens(actor)) > 1:
            by_surname.setdefault(surname_of(actor).casefold(), set()).add((actor_id, actor))
    for actor_id, actor in known:
        by_surname.setdefault(surname_of(actor).casefold(), set()).add((actor_id, actor))
    links: dict[tuple[str, str], tuple[str, str]] = {}
    for actor_id, actor, actor_type in actors:
        if actor_type != "person":
            continue
        candidates = by_surname.get(surname_of(actor).casefold(), set())
        if len(candidates) == 1:
            target_id, target = next(iter(candidates))
            if target_id != actor_id and compatible_first_names(actor, target):
                links[(actor_id, actor)] = (target_id, target)
    return links
