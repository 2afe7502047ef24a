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
are dropped.  Corpus-level steps live in :mod:`kroniek.actors.corpus`.

Why hand-written: no maintained library links Dutch news names to canonical actors;
the country names themselves come from Babel (CLDR) through the gazetteer.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import yaml
from spacy.tokens import Doc, Span

from kroniek.actors.names import (
    PARTICLES,
    common_word_pos,
    compatible_first_names,
    given_names,
    is_organisation_head,
    is_organisation_noun,
    is_particle_name,
    is_title_word,
    looks_like_person_name,
    name_tokens,
    surname_of,
)
from kroniek.actors.not_actors import load_not_actors
from kroniek.gazetteer import Gazetteer, normalise_name
from kroniek.nlp import canonical_label

ACTOR_TYPES = ("person", "organisation", "country", "place", "group")
VIA_VALUES = ("ner", "gazetteer", "alias", "metonymy", "adjective", "coref")

TYPE_BY_LABEL = {"PER": "person", "ORG": "organisation", "LOC": "place", "MISC": "group"}
PREFIX = {"person": "per", "organisation": "org", "place": "loc", "group": "grp", "country": "cty"}
# Particles that make "Van Wijk", "Ter Horst" a family name even where the NER says ORG or
# LOC; "De" and "Het" also start names of things ("De Kuip"), so they need other evidence.
_PERSON_PARTICLES = {"van", "ter", "ten", "von", "van der", "van den", "van de"}
_QUOTES = {"'", '"', "‘", "’", "“", "”", "(", ":", "-", "–", "«"}
# Parts of speech of a common word that never start a name ("Geef Forum", "Ook Rutte").
_NEVER_NAME_POS = {"VERB", "AUX", "INTJ", "ADV", "ADP", "PRON", "DET", "SCONJ", "CCONJ", "NUM"}


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
    if canon == "MISC":
        return None  # events, works, products: not actors unless the gazetteer knows them
    actor_type = TYPE_BY_LABEL[canon]
    name = re.sub(r"\s+", " ", text).strip(" .,;:'\"‘’“”")
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


def _strip_article(name: str) -> str:
    return re.sub(r"^(de|het|De|Het)\s+", "", name)


@dataclass
class RoleLexicon:
    roles: dict[str, str]  # Dutch role noun -> role
    coref_roles: set[str]


@functools.lru_cache(maxsize=1)
def load_roles() -> RoleLexicon:
    path = Path(__file__).resolve().parents[1] / "data" / "roles.yaml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
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


def _starts_clause(doc: Doc, i: int) -> bool:
    return i == 0 or doc[i].is_sent_start or doc[i - 1].text in _QUOTES


def clean_span(doc: Doc, span: Span, gaz: Gazetteer, person_words: set[str]) -> Span | None:
    """The span without the role nouns and common words the NER took into a name.

    "zangeres Merol" -> "Merol"; "Syriëganger Yago R." -> "Yago R."; at the start of a
    clause, "Geef Forum" -> "Forum" (a verb never starts a name) and "Succes Thierry" ->
    "Thierry" (a noun is dropped when the rest is a known name: the gazetteer's, or a
    given name of a person the article names).  Particles ("Van Wijk") are kept.
    """
    if gaz.lookup(span.text) is not None:
        return span
    if span.end < len(doc) and is_organisation_head(doc[span.end].text) and span[-1].text[:1].isupper():
        span = Span(doc, span.start, span.end + 1, label="ORG")  # "Comenius" + "Lyceum"
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
        if pos and _starts_clause(doc, first.i):
            known = gaz.lookup(rest.text) is not None or rest.text in person_words
            if pos in _NEVER_NAME_POS or (pos in ("NOUN", "ADJ") and known):
                span = Span(doc, span.start + 1, span.end, label=span.label_)
                continue
        break
    if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in span):
        return None
    if len(span) == 1 and canon == "PER" and is_title_word(span.text):
        return None  # "Trainer" alone is a role, not a name
    return span


def _product_model(doc: Doc, span: Span) -> bool:
    """"Boeing 737 Max", "Airbus A380 Neo": a name after a maker and a model number is a
    product, not an actor."""
    i = span.start
    return i >= 2 and doc[i - 1].text[:1].isdigit() and any(c.isdigit() for c in doc[i - 1].text) and doc[i - 2].text[:1].isupper()


def _person_label(doc: Doc, span: Span, label: str, lex: RoleLexicon) -> str:
    """PER for "Van Wijk" (particle family name) and "minister Hoekstra" (role noun before
    a bare name), ORG for "het zorgbedrijf Siza Nova" (a kind of organisation before the
    name), whatever the NER said; the NER label otherwise."""
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.is_lower and is_organisation_noun(prev.text) and canonical_label(label) in ("PER", "LOC", "MISC"):
        return "ORG"
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
    person_words = {t.text for ent in doc.ents if canonical_label(ent.label_) == "PER" and len(ent) > 1 for t in ent[:1]}
    resolved: list[tuple[Span, Resolved]] = []
    context_typed: set[int] = set()  # mentions typed by their context, not by the NER label
    for ent in doc.ents:
        if not ent.text.strip() or gaz.is_excluded(ent.text):
            continue
        if len(ent) > 1 and ent[-1].is_lower and ent[-1].lower_ in PARTICLES | {"en", "of", "voor", "met"}:
            continue  # a span cut short ("Unie van" before "Rusland en Wit-Rusland")
        span = clean_span(doc, ent, gaz, person_words)
        if span is None or _product_model(doc, span):
            continue
        label = _person_label(doc, span, span.label_, lex)
        res = resolve_span(span.text, label, gaz)
        if res is None or gaz.is_excluded(span.text, res.actor_id):
            continue
        if label != ent.label_:
            context_typed.add(id(res))
        resolved.append((Span(doc, span.start, span.end, label=label), res))
    resolved += propagate_names(doc, resolved)
    resolved.sort(key=lambda pair: pair[0].start)
    expand_person_names(doc, resolved, gaz)
    link_persons_in_article(resolved)
    link_organisations_in_article(doc, resolved)
    resolved.sort(key=lambda pair: pair[0].start)
    harmonise_types(resolved, context_typed)
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


def harmonise_types(resolved: list[tuple[Span, Resolved]], context_typed: set[int]) -> None:
    """One type per name within an article: "het zorgbedrijf Siza Nova" (typed by its
    context) and a later "Siza Nova" the NER called a person are one organisation.
    Context evidence wins, else the type of most mentions (ties: the first mention's)."""
    groups: dict[str, list[Resolved]] = {}
    for _, res in resolved:
        if res.via in _LINKABLE_VIA and res.actor_id.split(":", 1)[0] in _NER_PREFIX_TYPES:
            groups.setdefault(res.actor_id.split(":", 1)[1], []).append(res)
    for key, group in groups.items():
        types = [r.actor_type for r in group]
        if len(set(types)) < 2:
            continue
        by_context = [r.actor_type for r in group if id(r) in context_typed]
        pool = by_context or types
        chosen = max(dict.fromkeys(pool), key=pool.count)
        for r in group:
            r.actor_type, r.actor_id = chosen, f"{PREFIX[chosen]}:{key}"


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


_LINKABLE_VIA = ("ner", "alias")
_NER_PREFIX_TYPES = {"per": "person", "org": "organisation", "loc": "place", "grp": "group"}


def link_persons_in_article(resolved: list[tuple[Span, Resolved]]) -> None:
    """Point short forms of persons at the one fitting full name of the same article.

    A surname ("Bakkerveld", "Van Wijk"), a family-name-first short form ("Kim"), a
    genitive ("Baudets") or, for a name the NER typed as a person, a given name alone
    ("Kevin" for "Kevin Wevers") links to the full name, whatever type the NER gave the
    short form ("Baudet" as a place is Thierry Baudet when the article names him).  Two
    full names that fit ("Jan Jansen", "Piet Jansen") leave the short form alone.
    """
    full = {}
    for _, res in resolved:
        if res.actor_type == "person" and len(name_tokens(res.actor)) > 1:
            full.setdefault(res.actor_id, res)
    by_surname: dict[str, set[str]] = {}
    by_given: dict[str, set[str]] = {}
    for actor_id, res in full.items():
        by_surname.setdefault(surname_of(res.actor).casefold(), set()).add(actor_id)
        given = given_names(res.actor)
        if given and not given[0].endswith("."):
            by_given.setdefault(given[0].casefold(), set()).add(actor_id)
    for _, res in resolved:
        if res.via not in _LINKABLE_VIA or res.actor_type == "country" or res.actor_id in full:
            continue
        name = res.actor
        if res.actor_type == "person" and len(name_tokens(name)) > 1:
            key = surname_of(name).casefold()
            targets = {a for a in by_surname.get(key, ()) if compatible_first_names(name, full[a].actor)}
        else:
            key = name.casefold()
            targets = set(by_surname.get(key, ()))
            if res.actor_type != "person":
                targets = {a for a in targets if looks_like_person_name(full[a].actor)}
            if not targets and key.endswith("s"):
                targets = set(by_surname.get(key[:-1], ()))
            if not targets and res.actor_type == "person" and len(name_tokens(name)) == 1:
                targets = set(by_given.get(key, ()))
        if len(targets) == 1:
            best = full[targets.pop()]
            res.actor_id, res.actor, res.actor_type = best.actor_id, best.actor, "person"
            res.country = best.country or res.country
            if best.via != "ner":
                res.via = "alias"


def _name_word(doc: Doc, i: int, gaz: Gazetteer) -> bool:
    """Whether token ``i`` can be the missing half of a person's name: a capitalised word
    inside a sentence that is not a common word, a role noun or a known name of its own."""
    if i < 0 or i >= len(doc):
        return False
    t = doc[i]
    return (
        t.is_alpha and t.is_title and not _starts_clause(doc, i) and not common_word_pos(t.text)
        and not is_title_word(t.text) and gaz.lookup(t.text) is None and t.ent_type_ in ("", "PER", "PERSON")
    )


def expand_person_names(doc: Doc, resolved: list[tuple[Span, Resolved]], gaz: Gazetteer) -> None:
    """A person the NER found only as "Kevin" or "Van Wijk", where the article once writes
    the full "Kevin Wevers" or "Désiree van Wijk" without the NER tagging it: every mention
    takes the full name (when the article holds exactly one such full form)."""
    full_names = {surname_of(r.actor).casefold() for _, r in resolved if r.actor_type == "person" and len(name_tokens(r.actor)) > 1}
    full_names |= {given_names(r.actor)[0].casefold() for _, r in resolved if r.actor_type == "person" and len(given_names(r.actor)) > 0}
    short: dict[str, list[Resolved]] = {}
    for _, res in resolved:
        words = name_tokens(res.actor)
        if res.actor_type == "person" and res.via in _LINKABLE_VIA and (len(words) == 1 or is_particle_name(words)):
            if res.actor.casefold() not in full_names and not is_title_word(words[-1]) and not common_word_pos(words[-1]):
                short.setdefault(res.actor, []).append(res)
    for name, group in short.items():
        words = name.split()
        forms = set()
        for tok in doc:
            end = tok.i + len(words)
            if end > len(doc) or not all(
                t.text == w or (w.casefold() in PARTICLES and t.lower_ == w.casefold()) for t, w in zip(doc[tok.i : end], words)
            ):
                continue
            if len(words) == 1 and _name_word(doc, end, gaz):
                forms.add(f"{doc[tok.i : end].text} {doc[end].text}")
            if _name_word(doc, tok.i - 1, gaz):
                forms.add(f"{doc[tok.i - 1].text} {doc[tok.i : end].text}")
        if len(forms) == 1:
            full = forms.pop()
            actor_id = f"per:{slug(normalise_name(full))}"
            for res in group:
                res.actor_id, res.actor = actor_id, full


def propagate_names(doc: Doc, resolved: list[tuple[Span, Resolved]]) -> list[tuple[Span, Resolved]]:
    """Occurrences of a name the NER missed elsewhere in the same article.

    A news article that names "Karin Bakkerveld" and later writes "Bakkerveld" means the
    same person, even where the statistical NER did not tag the second occurrence (one
    name, one referent per article).  Full person names, surnames and organisation names
    (one word of three letters or more, or several words) are searched; added with
    via=alias.
    """
    taken = {t.i for span, _ in resolved for t in span}
    names: dict[str, Resolved] = {}
    for span, res in resolved:
        if res.actor_type == "person":
            last = surname_of(span.text)
            if len(last) >= 4 and last[:1].isupper():
                names.setdefault(last, res)
            if len(span) > 1:
                names.setdefault(span.text, res)
        elif res.actor_type == "organisation" and span.text[:1].isupper() and (len(span) > 1 or len(span.text) >= 3):
            names.setdefault(span.text, res)
    if not names:
        return []
    found = []
    by_first: dict[str, list[tuple[list[str], Resolved]]] = {}
    for name, res in names.items():
        words = name.split()
        by_first.setdefault(words[0], []).append((words, res))
    for options in by_first.values():
        options.sort(key=lambda o: -len(o[0]))  # the longest name first: "Thierry Baudet" before "Baudet"
    for token in doc:
        for words, res in by_first.get(token.text, ()):
            end = token.i + len(words)
            if end > len(doc) or any(i in taken for i in range(token.i, end)):
                continue
            if [t.text for t in doc[token.i : end]] != words:
                continue
            span = Span(doc, token.i, end, label={"person": "PER", "organisation": "ORG"}.get(res.actor_type, ""))
            found.append((span, Resolved(res.actor_id, res.actor, res.actor_type, res.country, "alias")))
            taken.update(range(token.i, end))
            break
    return found


def _acronym_like(text: str) -> bool:
    """"CPB", "FvD", "PvdA", "AIVD": two to eight letters, starting upper, two capitals."""
    return 2 <= len(text) <= 8 and text[:1].isupper() and sum(c.isupper() for c in text) >= 2 and " " not in text


def _defines(acronym: str, name: str) -> bool:
    """Whether "ACR" can abbreviate ``name``: an acronym whose first letter starts the name
    ("CPB" for "Centraal Planbureau", not "BAS" for a name cut to "Schiphol")."""
    return _acronym_like(acronym) and acronym[:1].casefold() == name[:1].casefold()


def initials(name: str) -> str:
    """"Centraal Planbureau" -> "CP"; "Partij van de Arbeid" -> "PvdA" (particles lower)."""
    out = []
    for word in re.split(r"[\s-]+", name):
        if not word:
            continue
        if word.casefold() in PARTICLES | {"voor", "en", "of", "and", "the"}:
            out.append(word[0].lower())
        elif word[:1].isalpha():
            out.append(word[0].upper())
    return "".join(out)


_NAME_GLUE = {"van", "voor", "de", "der", "den", "het", "en", "of", "and", "the", "for"}


def defined_acronyms(doc: Doc, resolved: list[tuple[Span, Resolved]]) -> list[tuple[Span, Resolved]]:
    """Organisations the text defines by an acronym but the NER did not tag in full:
    "de Nederlandse Vereniging van Ziekenhuizen (NVZ)" is the organisation NVZ names,
    when the capitalised words before the brackets have the acronym's initials."""
    taken = {t.i for span, res in resolved for t in span if res.via != "adjective"}
    found = []
    for tok in doc[2:-1]:
        if doc[tok.i - 1].text != "(" or doc[tok.i + 1].text != ")" or not _acronym_like(tok.text):
            continue
        end = tok.i - 1
        start = end
        while start > 0 and (doc[start - 1].is_title or doc[start - 1].lower_ in _NAME_GLUE) and end - start < 10:
            start -= 1
        while start < end and doc[start].lower_ in _NAME_GLUE:
            start += 1
        words = [t for t in doc[start:end]]
        if len(words) < 2:
            continue
        for k in range(len(words) - 1):  # the shortest tail whose initials spell the acronym
            tail = words[k:]
            capitals = "".join(t.text[0] for t in tail if t.is_title)
            if tail[0].is_title and capitals.casefold() == tok.text.casefold().replace("-", ""):
                span = Span(doc, tail[0].i, end, label="ORG")
                if any(t.i in taken for t in span):
                    break
                name = span.text
                res = Resolved(f"org:{slug(normalise_name(name))}", name, "organisation", "", "ner")
                found.append((span, res))
                taken.update(t.i for t in span)
                break
    return found


def link_organisations_in_article(doc: Doc, resolved: list[tuple[Span, Resolved]]) -> None:
    """Short forms of organisations named in full in the same article.

    Acronyms defined in the text ("United States Air Force (USAF)", "USAF (United States
    Air Force)"), initials of a full name ("Centraal Bureau voor de Statistiek" -> "CBS")
    and a first word ("Northrop Grumman ... Northrop") become one actor; names the
    gazetteer already resolves are left alone.
    """
    defined = defined_acronyms(doc, resolved)
    if defined:
        covered = {t.i for span, _ in defined for t in span}
        resolved[:] = [(s, r) for s, r in resolved if not (r.via == "adjective" and s.start in covered)] + defined
    orgs = [(span, res) for span, res in resolved if res.actor_type in ("organisation", "group")]
    aliases: dict[str, Resolved] = {}
    for span, res in orgs:
        after = doc[span.end : span.end + 4]
        if len(after) >= 3 and after[0].text == "(" and after[2].text == ")" and _defines(after[1].text, res.actor):
            aliases.setdefault(after[1].text, res)
    for span, res in orgs:  # "ACR (Full Name)": the full name inside the brackets
        if span.start >= 2 and doc[span.start - 1].text == "(" and _defines(doc[span.start - 2].text, res.actor) and len(span) > 1:
            if span.end < len(doc) and doc[span.end].text == ")":
                aliases.setdefault(doc[span.start - 2].text, res)
    full = {res.actor_id: res for span, res in orgs if len(name_tokens(res.actor)) > 1}
    by_initials: dict[str, set[str]] = {}
    for actor_id, res in full.items():
        by_initials.setdefault(initials(res.actor).casefold(), set()).add(actor_id)
    for span, res in resolved:
        if res.via not in _LINKABLE_VIA or res.actor_type == "country":
            continue
        target = aliases.get(span.text)
        if target is None and res.actor_type in ("organisation", "group") and _acronym_like(span.text):
            ids = by_initials.get(span.text.casefold(), set())
            target = full[next(iter(ids))] if len(ids) == 1 else None
        if target is None and res.actor_type in ("organisation", "person", "place") and len(span) == 1 and len(span.text) > 3 and res.actor == span.text:
            # "Northrop Grumman ... Northrop"; "het Comenius Lyceum ... het Comenius" (typed a person)
            longer = [r for s, r in orgs if len(name_tokens(r.actor)) > 1 and name_tokens(r.actor)[0] == span.text and r.actor_type == "organisation"]
            target = longer[0] if len({r.actor_id for r in longer}) == 1 else None
        if target is not None and target is not res:
            res.actor_id, res.actor, res.actor_type = target.actor_id, target.actor, target.actor_type
            res.country = target.country
