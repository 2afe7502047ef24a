"""Entity spans of one article -> mention rows of canonical actors.

A mention is one entity span in one sentence; an actor is what the mentions refer to.
For each span of the Doc:

1. its shape is cleaned: a role noun or a common word the NER took into a person name
   is dropped ("zangeres Merol", "Geef Forum", "Syriëganger Yago R."), and a family
   name with particles ("Van Wijk") or after a role noun ("minister Hoekstra") is a
   person whatever the NER label;
2. the gazetteer (``gazetteer.py``) resolves known persons, organisations, countries,
   user aliases, capitals and seats of power (metonymy) and country adjectives;
3. otherwise a canonical id comes from the normalised name (case, accents, articles and
   legal forms such as N.V./B.V./Inc. removed), so "Shell N.V." and "Shell" merge.

Then, within the article: a name found once is found at every occurrence; a surname,
a given name alone, a genitive ("Baudets") or a family-name-first short form ("Kim")
links to the one full name of the article that fits, whatever type the NER gave it;
acronyms defined in the text ("Full Name (ACR)", "ACR (Full Name)") and initials of an
organisation named in full link to it; names that are not actors (``not_actors.py``)
are dropped.  Corpus-level steps live in :mod:`kroniek.extract.actors.corpus`.

Why hand-written: no maintained library links Dutch news names to canonical actors;
the country names themselves come from Babel (CLDR) through the gazetteer.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Callable

from spacy.tokens import Doc, Span

from kroniek.data import read_yaml
from kroniek.data.gazetteer import Gazetteer, normalise_name
from kroniek.data.lexicons import big_city_population, is_first_name, world_city
from kroniek.data.words import (
    common_word_pos,
    is_organisation_head,
    is_organisation_noun,
    is_place_noun,
    is_territorial_noun,
    is_title_word,
    particles,
    shape_words,
)
from kroniek.extract.actors.base import (
    PREFIX,
    TYPE_BY_LABEL,
    Resolved,
    slug,
    starts_clause,
)
from kroniek.extract.actors.evidence import (
    NEVER_NAME_POS,
    acronyms_of_common_words,
    capital_only_at_clause_start,
    function_word,
    imperative_shape,
    is_cabinet_name,
    names_a_language,
    names_a_people,
    product_model,
    without_portfolio,
)
from kroniek.extract.actors.linking import (
    expand_person_names,
    harmonise_types,
    link_organisations_in_article,
    link_persons_in_article,
    propagate_names,
)
from kroniek.extract.actors.metonymy import acts
from kroniek.extract.actors.names import PARTICLES, is_acronym_like, is_particle_name
from kroniek.extract.actors.not_actors import load_not_actors
from kroniek.nlp import canonical_label

# Particles that make "Van Wijk", "Ter Horst" a family name even where the NER says ORG or LOC.
_PERSON_PARTICLES = particles("person")
_CUT_SHORT_ENDINGS = PARTICLES | shape_words("cut_short_endings")


def resolve_span(text: str, label: str, gaz: Gazetteer) -> Resolved | None:
    """Resolve one span on its own (no article context)."""
    canon = canonical_label(label)
    if canon is None:
        return None
    hit = gaz.lookup(text)
    if hit is None and text.endswith("s") and not text.isupper() and canon in ("LOC", "ORG", "PER"):
        hit = gaz.lookup(text[:-1])  # genitive: "Ruslands", "Shells", "Trumps"
        if hit is not None and hit.via == "adjective":
            hit = None
    if hit is not None:
        actor_id = gaz.canonical_id(hit.actor_id)
        entry = gaz.entries.get(actor_id)
        if entry is not None:
            return Resolved(actor_id, entry.name, entry.actor_type, entry.country, hit.via)
    foreign = gaz.foreign_country(text) if canon in ("LOC", "MISC") else None
    if foreign is not None:
        return Resolved(foreign.actor_id, foreign.name, "country", foreign.country, "gazetteer")
    if canon == "MISC":
        return None  # events, works, products: not actors unless the gazetteer knows them
    actor_type = TYPE_BY_LABEL[canon]
    name = re.sub(r"\s+", " ", text).strip(" .,;:'\"‘’“”[](){}")
    city = world_city(name) if canon in ("LOC", "PER") else None
    if city is not None and canon == "LOC" and slug(city[0])[:3] == slug(name)[:3]:
        return Resolved(f"loc:{slug(normalise_name(city[0]))}", name, "place", "", "ner")  # "İstanbul" is Istanbul
    if city is not None and city[1] >= big_city_population() and " " not in name and not is_first_name(name):
        return Resolved(f"loc:{slug(normalise_name(name))}", name, "place", "", "ner")  # a city is never a person
    key = normalise_name(name)
    if actor_type != "person":
        name = _strip_article(name)
    if not key:
        return None
    actor_id = gaz.canonical_id(f"{PREFIX[actor_type]}:{slug(key)}")
    entry = gaz.entries.get(actor_id)
    if entry is not None and slug(normalise_name(entry.name)) == slug(key):
        return Resolved(actor_id, entry.name, entry.actor_type, entry.country, "gazetteer")
    return Resolved(actor_id, name, actor_type, "", "ner")


def _organisation_head_after(doc: Doc, span: Span) -> bool:
    """"Comenius" before "Lyceum", "Singapore" before "Airlines": a head word that ends the
    name (not "Air" in "Air Force", which a capitalised word continues)."""
    end = span.end
    if end >= len(doc) or not is_organisation_head(doc[end].text) or not span[-1].text[:1].isupper():
        return False
    return end + 1 >= len(doc) or not doc[end + 1].is_title


def _place_of(text: str, gaz: Gazetteer) -> Resolved | None:
    """"Den Haag" as the city it names where it does not act for the government."""
    entry = gaz.metonym_place(text)
    return Resolved(entry.actor_id, entry.name, "place", entry.country, "gazetteer") if entry else None


def _strip_article(name: str) -> str:
    return re.sub(r"^(de|het|De|Het)\s+", "", name)


@dataclass
class RoleLexicon:
    roles: dict[str, str]  # Dutch role noun -> role
    coref_roles: set[str]


@functools.lru_cache(maxsize=1)
def load_roles() -> RoleLexicon:
    config = read_yaml("roles.yaml")
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


def clean_span(doc: Doc, span: Span, gaz: Gazetteer, person_words: set[str]) -> Span | None:
    """The span without the role nouns and common words the NER took into a name.

    "zangeres Merol" -> "Merol"; "Syriëganger Yago R." -> "Yago R."; at the start of a
    clause, "Geef Forum" -> "Forum" (a verb never starts a name) and "Succes Thierry" ->
    "Thierry" (a noun is dropped when the rest is a known name: the gazetteer's, or a
    given name of a person the article names).  Particles ("Van Wijk") are kept.
    """
    known = gaz.lookup(span.text)
    if _organisation_head_after(doc, span) and (known is None or known.via != "adjective"):
        span = Span(doc, span.start, span.end + 1, label="ORG")  # "Comenius" + "Lyceum", "Singapore" + "Airlines"
    elif known is not None:
        return span
    elif len(span) > 1 and is_organisation_head(span[-1].text) and canonical_label(span.label_) != "ORG":
        span = Span(doc, span.start, span.end, label="ORG")  # "Comenius Lyceum" typed a person
    canon = canonical_label(span.label_)
    if canon == "PER" and len(span) > 1 and span[0].lower_ == "het":
        span = Span(doc, span.start + 1, span.end, label=span.label_)  # "Het Mueller(-rapport)"
    while len(span) > 1:
        first = span[0]
        rest = doc[span.start + 1 : span.end]
        if first.lower_ in PARTICLES or not rest.text[:1].isupper():
            break
        if is_title_word(first.text):
            span = Span(doc, span.start + 1, span.end, label=span.label_)
            continue
        if is_organisation_noun(first.text):  # "Kledingketen CoolCat": the name of an organisation
            span = Span(doc, span.start + 1, span.end, label="ORG")
            continue
        pos = common_word_pos(first.text) if first.is_title and canon == "PER" else ""
        if pos and starts_clause(doc, first.i):
            known = gaz.lookup(rest.text) is not None or rest.text in person_words
            if pos in NEVER_NAME_POS or (pos in ("NOUN", "ADJ") and known):
                span = Span(doc, span.start + 1, span.end, label=span.label_)
                continue
        break
    if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in span):
        return None
    if len(span) == 1 and canon == "PER" and is_title_word(span.text):
        return None  # "Trainer" alone is a role, not a name
    return span


_APPOSITION_ARTICLES = {"de", "het", "een"}


def _organisation_apposition(doc: Doc, span: Span, max_modifiers: int = 2) -> str | None:
    """The organisation noun of an apposition after the name: "keten" of "Fastned, de
    keten die ...", "instituut" of "Elabe, een instituut dat ...": a comma, an article, at
    most two modifiers, then the noun."""
    after = doc[span.end : span.end + 3 + max_modifiers]
    if len(after) < 3 or after[0].text != "," or after[1].lower_ not in _APPOSITION_ARTICLES:
        return None
    for token in after[2:]:
        if token.is_lower and is_organisation_noun(token.text):
            return token.text
        if not (token.is_lower or token.pos_ == "ADJ") or not token.is_alpha:
            return None
    return None


def _person_label(doc: Doc, span: Span, label: str, lex: RoleLexicon) -> str:
    """PER for "Van Wijk" (particle family name) and "minister Hoekstra" (role noun before
    a bare name), ORG for "het zorgbedrijf Siza Nova" (a kind of organisation before the
    name) and "Fastned, de keten" (one in apposition after it), LOC when that noun names
    the council of a place ("de gemeente Wijchen"), whatever the NER said; the NER label
    otherwise."""
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.is_lower and is_place_noun(prev.text) and canonical_label(label) in ("PER", "ORG", "MISC"):
        return "LOC"  # "stadion Het Kasteel", "poppodium Doornroosje"
    kind_before = prev.text if prev is not None and prev.is_lower and is_organisation_noun(prev.text) else None
    kind = kind_before or _organisation_apposition(doc, span)
    if kind and is_territorial_noun(kind):
        return "LOC"  # "de gemeente Wijchen", "Wijchen, de gemeente waar ...": the place
    if kind and canonical_label(label) in ("PER", "LOC", "MISC"):
        return "ORG"
    if canonical_label(label) == "PER" and len(span) == 1 and (is_organisation_noun(span.text) or is_acronym_like(span.text)):
        return "ORG"  # "Consumentenbond", "Rabobank": a compound naming a kind of organisation; "GL", "AH": an acronym
    if canonical_label(label) not in ("ORG", "LOC"):
        return label
    words = [t.text for t in span]
    if is_particle_name(words) and " ".join(words[:-1]).casefold() in _PERSON_PARTICLES:
        return "PER"
    if prev is not None and prev.is_lower and prev.lower_ in lex.roles and (len(span) == 1 or is_particle_name(words)):
        return "PER"
    return label


def extract_mentions(
    doc: Doc,
    article_id: str,
    sentence_of: Callable[[int], int],
    gaz: Gazetteer,
) -> MentionResult:
    """Mention rows for every actor entity in the Doc, linked within the article, plus
    the roles the article gives its persons and "de Russische president"-style
    references to them (via=coref)."""
    lex = load_roles()
    is_adjective = lambda word: (hit := gaz.lookup(word)) is not None and hit.via == "adjective"  # noqa: E731
    person_words = {t.text for ent in doc.ents if canonical_label(ent.label_) == "PER" and len(ent) > 1 for t in ent[:1]}
    things = acronyms_of_common_words(doc)
    resolved: list[tuple[Span, Resolved]] = []
    for ent in doc.ents:
        if not ent.text.strip() or gaz.is_excluded(ent.text):
            continue
        if len(ent) > 1 and ent[-1].is_lower and ent[-1].lower_ in _CUT_SHORT_ENDINGS:
            continue  # a span cut short ("Unie van" before "Rusland en Wit-Rusland")
        span = without_portfolio(doc, ent)
        span = clean_span(doc, span, gaz, person_words) if span is not None else None
        if span is None or product_model(doc, span) or names_a_language(doc, span):
            continue
        label = "ORG" if is_cabinet_name(span.text) else _person_label(doc, span, span.label_, lex)
        res = resolve_span(span.text, label, gaz)
        if res is None or gaz.is_excluded(span.text, res.actor_id) or (span.text in things and res.via != "gazetteer"):
            continue
        verb_like = res.via == "adjective" and imperative_shape(doc, span)  # "Let op": not a Latvian
        if (res.via == "ner" or verb_like) and (capital_only_at_clause_start(doc, span, label) or function_word(span)):
            continue
        if label != ent.label_ and res.via == "ner":
            res.via = "context"  # typed by a noun beside the name, not by the NER label
        if res.via == "ner" and res.actor_type in ("place", "person") and names_a_people(doc, span, is_adjective):
            res = Resolved(f"grp:{slug(normalise_name(span.text))}", _strip_article(span.text), "group", "", "context")
        if res.via == "metonymy" and not acts(span):
            res = _place_of(span.text, gaz) or res
        resolved.append((Span(doc, span.start, span.end, label=label), res))
    resolved += propagate_names(doc, resolved)
    resolved.sort(key=lambda pair: pair[0].start)
    expand_person_names(doc, resolved, gaz)
    link_persons_in_article(resolved)
    link_organisations_in_article(doc, resolved)
    resolved.sort(key=lambda pair: pair[0].start)
    harmonise_types(resolved)
    resolved = drop_not_actors(resolved, gaz)
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


def drop_not_actors(resolved: list[tuple[Span, Resolved]], gaz: Gazetteer) -> list[tuple[Span, Resolved]]:
    """Without formulas, units, events, books, laws and schemes ("CO2", "Brexit",
    "Bijbel", "AOW", "Klimaatwet"); what the gazetteer knows is kept ("D66", "G20")."""
    lexicon = load_not_actors()
    kept = []
    for span, res in resolved:
        if res.actor_id not in gaz.entries and (lexicon.kind(res.actor) or lexicon.kind(span.text)):
            continue
        kept.append((span, res))
    return kept


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


