"""Linking within one article: one name, one referent.

* a name the NER found once is found at every occurrence (:func:`propagate_names`);
* a short person name takes the full form the article writes once, tagged or not
  (:func:`expand_person_names`), and a surname, given name, genitive or family-name-first
  short form links to the one fitting full name (:func:`link_persons_in_article`);
* acronyms defined in the text, initials and first words of organisations link to them
  (:func:`link_organisations_in_article`);
* a name has one type in an article (:func:`harmonise_types`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kroniek.data.gazetteer import Gazetteer, normalise_name
from kroniek.data.lexicons import frequent_word_zipf, is_first_name, zipf_nl
from kroniek.data.words import common_word_pos, is_title_word, shape_words
from kroniek.extract.actors.base import LINKABLE_VIA, NER_PREFIX_TYPES, PREFIX, Resolved, slug, starts_clause
from kroniek.extract.actors.names import (
    PARTICLES,
    compatible_first_names,
    given_names,
    is_acronym_like,
    is_full_name,
    is_particle_name,
    looks_like_person_name,
    name_tokens,
    surname_of,
)


def _name_word(doc: Doc, i: int, gaz: Gazetteer) -> bool:
    """Whether token ``i`` can be the missing half of a person's name: a capitalised word
    that is not a common word, a role noun or a known name of its own; at the start of a
    sentence only a given name ("Brigitte van Egten") or a rare word ("Désiree van Wijk")."""
    if i < 0 or i >= len(doc):
        return False
    t = doc[i]
    if starts_clause(doc, i) and not (is_first_name(t.text) or zipf_nl(t.lower_) < frequent_word_zipf()):
        return False  # a capital at the start of a sentence is evidence only for a rare word
    return (
        t.is_alpha and t.is_title and not common_word_pos(t.text)
        and not is_title_word(t.text) and gaz.lookup(t.text) is None and t.ent_type_ in ("", "PER", "PERSON")
    )


def expand_person_names(doc: Doc, resolved: list[tuple[Span, Resolved]], gaz: Gazetteer) -> None:
    """A person the NER found only as "Kevin" or "Van Wijk", where the article once writes
    the full "Kevin Wevers" or "Désiree van Wijk" without the NER tagging it: every mention
    takes the full name (when the article holds exactly one such full form)."""
    full_names = {surname_of(r.actor).casefold() for _, r in resolved if r.actor_type == "person" and is_full_name(r.actor)}
    full_names |= {given_names(r.actor)[0].casefold() for _, r in resolved if r.actor_type == "person" and len(given_names(r.actor)) > 0}
    short: dict[str, list[Resolved]] = {}
    for _, res in resolved:
        words = name_tokens(res.actor)
        if res.actor_type == "person" and res.via in LINKABLE_VIA and (len(words) == 1 or is_particle_name(words)):
            common = len(words) == 1 and common_word_pos(words[-1])  # "Van Wijk" is a name, "Wijk" a word
            if res.actor.casefold() not in full_names and not is_title_word(words[-1]) and not common:
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


def _defines(acronym: str, name: str) -> bool:
    """Whether "ACR" can abbreviate ``name``: an acronym whose first letter starts the name
    ("CPB" for "Centraal Planbureau", not "BAS" for a name cut to "Schiphol")."""
    return is_acronym_like(acronym) and acronym[:1].casefold() == name[:1].casefold()


_LOWER_INITIALS = PARTICLES | shape_words("initials_lower_case")


def initials(name: str) -> str:
    """"Centraal Planbureau" -> "CP"; "Partij van de Arbeid" -> "PvdA" (particles lower)."""
    out = []
    for word in re.split(r"[\s-]+", name):
        if not word:
            continue
        if word.casefold() in _LOWER_INITIALS:
            out.append(word[0].lower())
        elif word[:1].isalpha():
            out.append(word[0].upper())
    return "".join(out)


_NAME_GLUE = shape_words("name_glue")


def defined_acronyms(doc: Doc, resolved: list[tuple[Span, Resolved]]) -> list[tuple[Span, Resolved]]:
    """Organisations the text defines by an acronym but the NER did not tag in full:
    "de Nederlandse Vereniging van Ziekenhuizen (NVZ)" is the organisation NVZ names,
    when the capitalised words before the brackets have the acronym's initials."""
    taken = {t.i for span, res in resolved for t in span if res.via != "adjective"}
    found = []
    for tok in doc[2:-1]:
        if doc[tok.i - 1].text != "(" or doc[tok.i + 1].text != ")" or not is_acronym_like(tok.text):
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
        if res.via not in LINKABLE_VIA or res.actor_type == "country":
            continue
        target = aliases.get(span.text)
        if target is None and res.actor_type in ("organisation", "group") and is_acronym_like(span.text):
            ids = by_initials.get(span.text.casefold(), set())
            target = full[next(iter(ids))] if len(ids) == 1 else None
        if target is None and res.actor_type in ("organisation", "person", "place") and len(span) == 1 and len(span.text) > 3 and res.actor == span.text:
            # "Northrop Grumman ... Northrop"; "het Comenius Lyceum ... het Comenius" (typed a person)
            longer = [r for s, r in orgs if len(name_tokens(r.actor)) > 1 and name_tokens(r.actor)[0] == span.text and r.actor_type == "organisation"]
            target = longer[0] if len({r.actor_id for r in longer}) == 1 else None
        if target is not None and target is not res:
            res.actor_id, res.actor, res.actor_type = target.actor_id, target.actor, target.actor_type
            res.country = target.country


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
        if res.actor_type == "person" and is_full_name(res.actor):
            full.setdefault(res.actor_id, res)
    by_surname: dict[str, set[str]] = {}
    by_given: dict[str, set[str]] = {}
    for actor_id, res in full.items():
        by_surname.setdefault(surname_of(res.actor).casefold(), set()).add(actor_id)
        given = given_names(res.actor)
        if given and not given[0].endswith("."):
            by_given.setdefault(given[0].casefold(), set()).add(actor_id)
    for _, res in resolved:
        if res.via not in LINKABLE_VIA or res.actor_type == "country" or res.actor_id in full:
            continue
        if res.via == "context" and res.actor_type != "person":
            continue  # "peilingbureau Hoekstra" is typed by its noun, not a short form of a person
        name = res.actor
        if res.actor_type == "person" and is_full_name(name):
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
            if best.via not in ("ner", "context"):
                res.via = "alias"


def harmonise_types(resolved: list[tuple[Span, Resolved]]) -> None:
    """One type per name within an article: "het zorgbedrijf Siza Nova" (typed by its
    context, via "context") and a later "Siza Nova" the NER called a person are one
    organisation.  Context evidence wins, else the type of most mentions (ties: the first
    mention's)."""
    groups: dict[str, list[Resolved]] = {}
    for _, res in resolved:
        if res.via in LINKABLE_VIA and res.actor_id.split(":", 1)[0] in NER_PREFIX_TYPES:
            groups.setdefault(res.actor_id.split(":", 1)[1], []).append(res)
    for key, group in groups.items():
        types = [r.actor_type for r in group]
        if len(set(types)) < 2:
            continue
        by_context = [r.actor_type for r in group if r.via == "context"]
        pool = by_context or types
        chosen = max(dict.fromkeys(pool), key=pool.count)
        for r in group:
            r.actor_type, r.actor_id = chosen, f"{PREFIX[chosen]}:{key}"
