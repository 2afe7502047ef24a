"""Corpus-level name consistency: one actor per referent across all articles.

Within an article :mod:`kroniek.extract.actors.mentions` links "Baudet" to "Thierry Baudet"; an
article that only writes "Baudet" (and whose NER typed it a place) cannot.  Here, over
the mentions of the whole corpus:

1. **type by evidence**: a name the NER typed differently in different articles
   ("Istanbul" as a place and as an organisation) takes the gazetteer's type if it knows
   one, else the type its context gave it (via "context": "Fastned, de keten" in one
   article outweighs the NER's "place" in two others), else the type of most mentions;
2. **short forms**: a surname or acronym that some article linked to a full name
   ("Baudet" -> Thierry Baudet, "CPB" -> Centraal Planbureau) is that full name
   everywhere, when exactly one full name was linked to it (so two "Jansen"s stay two);
   a genitive ("Baudets") counts as its base;
3. **surnames**: a bare surname merges into the corpus's one full name with it
   (:func:`surname_links`), named in the same period (:data:`SURNAME_PERIOD`).

All steps work on distinct (actor_id, actor, actor_type) values, so a corpus of a million
mentions costs as much as its few thousand distinct names.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable

import pandas as pd

from kroniek.data.gazetteer import Gazetteer, load_gazetteer, normalise_name
from kroniek.extract.actors.base import PREFIX, slug
from kroniek.extract.actors.names import (
    compatible_first_names,
    is_abbreviation_of,
    is_acronym_like,
    is_full_name,
    looks_like_person_name,
    name_tokens,
    surname_of,
)

_TYPE_PREFERENCE = ("person", "organisation", "place", "group")
_NER_PREFIXES = {PREFIX[t]: t for t in _TYPE_PREFERENCE}
_EVIDENCE_VIA = {"ner", "context", "alias", "gazetteer"}


def _is_ner_actor(actor_id: str, gaz: Gazetteer) -> bool:
    prefix = actor_id.split(":", 1)[0]
    return prefix in _NER_PREFIXES and actor_id not in gaz.entries


def type_links(mentions: pd.DataFrame, gaz: Gazetteer) -> dict[str, tuple[str, str, str]]:
    """actor_id -> (actor_id, actor, actor_type) for names typed differently across articles."""
    counts = mentions.groupby(["actor_id", "actor", "actor_type"], sort=False).size()
    by_key: dict[str, Counter] = defaultdict(Counter)
    names: dict[str, Counter] = defaultdict(Counter)
    spelled: dict[str, set[str]] = defaultdict(set)
    for (actor_id, actor, actor_type), n in counts.items():
        if _is_ner_actor(actor_id, gaz):
            key = actor_id.split(":", 1)[1]
            by_key[key][actor_type] += n
            spelled[key].add(str(actor).casefold())
    if not any(len(c) > 1 for c in by_key.values()):
        return {}
    by_context: dict[str, Counter] = defaultdict(Counter)
    for (actor_id, actor_type), n in mentions[mentions["via"] == "context"].groupby(["actor_id", "actor_type"]).size().items():
        by_context[actor_id.split(":", 1)[1]][actor_type] += n
    for (actor_id, actor), n in mentions.groupby(["actor_id", "actor"], sort=False).size().items():
        if _is_ner_actor(actor_id, gaz):
            names[actor_id.split(":", 1)[1]][actor] += n
    links = {}
    for key, types in by_key.items():
        if len(types) < 2 or len(spelled[key]) > 1:
            continue  # "Sanderink Holding" and "Sanderink" share a key, not a referent
        known = [t for t in _TYPE_PREFERENCE if f"{PREFIX[t]}:{key}" in gaz.entries
                 and slug(normalise_name(gaz.entries[f"{PREFIX[t]}:{key}"].name)) == key]
        evidence = by_context.get(key) or types
        if known:
            chosen = known[0]
        else:
            chosen = max(evidence, key=lambda t: (evidence[t], -_TYPE_PREFERENCE.index(t)))
        target = f"{PREFIX[chosen]}:{key}"
        entry = gaz.entries.get(target)
        name = entry.name if entry else names[key].most_common(1)[0][0]
        for actor_type in types:
            links[f"{PREFIX[actor_type]}:{key}"] = (target, name, entry.actor_type if entry else chosen)
    return links


def _collapse(candidates: dict[str, tuple]) -> dict[str, tuple]:
    """Without the candidates that abbreviate another ("T. Baudet" beside "Thierry Baudet")."""
    return {
        a: v for a, v in candidates.items() if not any(is_abbreviation_of(v[0], w[0]) for b, w in candidates.items() if b != a)
    }


def short_form_links(mentions: pd.DataFrame, gaz: Gazetteer) -> dict[str, tuple[str, str, str]]:
    """actor_id of a bare short form -> (actor_id, actor, actor_type) of the one full name
    that articles linked that short form to.

    A short form the NER typed as a place or organisation ("Baudet") becomes a person only
    when the full name has a person's shape and the articles that linked it hold at least
    half as many of its mentions as those that did not (evidence over all mentions).
    """
    linked = mentions[mentions["via"].isin(_EVIDENCE_VIA)]
    linked = linked.groupby(["text", "actor_id", "actor", "actor_type"], sort=False).size()
    evidence: dict[str, dict[str, tuple[str, str, int]]] = defaultdict(dict)
    for (text, actor_id, actor, actor_type), n in linked.items():
        short = str(text).strip(" .,;:'\"")
        if normalise_name(short) == normalise_name(str(actor)) or len(name_tokens(str(actor))) < 2:
            continue
        if actor_type == "person" and short.casefold() == surname_of(str(actor)).casefold():
            key = short.casefold()
        elif actor_type in ("organisation", "group") and is_acronym_like(short):
            key = short  # an acronym keeps its case: "MAX" is not "Max"
        else:
            continue
        old = evidence[key].get(actor_id)
        evidence[key][actor_id] = (actor, actor_type, n + (old[2] if old else 0))
    if not evidence:
        return {}
    links = {}
    sizes = mentions.groupby(["actor_id", "actor", "actor_type"], sort=False).size()
    typed_by_context = set(mentions.loc[mentions["via"] == "context", "actor_id"])  # "peilingbureau Hoekstra"
    for (actor_id, actor, actor_type), n in sizes.items():
        if not _is_ner_actor(actor_id, gaz):
            continue
        key = str(actor).casefold()
        targets = evidence.get(str(actor)) if is_acronym_like(str(actor)) else None
        targets = targets or evidence.get(key) or (evidence.get(key[:-1]) if key.endswith("s") else None)
        if not targets:
            continue
        targets = _collapse(targets)
        if len(targets) != 1:
            continue
        ((target_id, (target, target_type, support)),) = targets.items()
        if target_id == actor_id:
            continue
        if target_type == "person" and actor_type != "person":
            if not looks_like_person_name(target) or support * 2 < n or actor_id in typed_by_context:
                continue
        links[actor_id] = (target_id, target, target_type)
    return links


def surname_links(
    actors: Iterable[tuple[str, str, str]], known: Iterable[tuple[str, str]] = ()
) -> dict[tuple[str, str], tuple[str, str]]:
    """(actor_id, actor) -> the (actor_id, actor) it merges into, for distinct actors.

    A surname is merged only when exactly one multi-word name in the corpus has it and
    the first names are compatible, so two different "Jansen"s are never merged.
    """
    actors = list(actors)
    by_surname: dict[str, set[tuple[str, str]]] = {}
    for actor_id, actor, actor_type in actors:
        if actor_type == "person" and is_full_name(actor):
            by_surname.setdefault(surname_of(actor).casefold(), set()).add((actor_id, actor))
    for actor_id, actor in known:
        by_surname.setdefault(surname_of(actor).casefold(), set()).add((actor_id, actor))
    links: dict[tuple[str, str], tuple[str, str]] = {}
    for actor_id, actor, actor_type in actors:
        if actor_type != "person":
            continue
        candidates = by_surname.get(surname_of(actor).casefold(), set())
        if len(candidates) > 1:  # "T. Baudet" and "Thierry Baudet" are one candidate
            candidates = {c for c in candidates if not any(is_abbreviation_of(c[1], d[1]) for d in candidates if d != c)}
        if len(candidates) == 1:
            target_id, target = next(iter(candidates))
            if target_id != actor_id and compatible_first_names(actor, target):
                links[(actor_id, actor)] = (target_id, target)
    return links


def _apply(mentions: pd.DataFrame, links: dict[str, tuple[str, str, str]]) -> pd.DataFrame:
    if not links:
        return mentions
    mentions = mentions.copy()
    hit = mentions["actor_id"].isin(links.keys())
    targets = mentions.loc[hit, "actor_id"].map(links)
    mentions.loc[hit, "actor_id"] = [t[0] for t in targets]
    mentions.loc[hit, "actor"] = [t[1] for t in targets]
    mentions.loc[hit, "actor_type"] = [t[2] for t in targets]
    return mentions


# How far apart in time a bare surname and the one full name it joins may be named: the
# same "Timmermans" in one month's news, not a namesake of another year.
SURNAME_PERIOD = pd.Timedelta(days=60)


def _in_period(mentions: pd.DataFrame, hit: pd.Series, targets: pd.Series, dates: pd.Series | None) -> pd.Series:
    """Of the ``hit`` rows, those whose article is dated within :data:`SURNAME_PERIOD` of an
    article naming their target (undated articles link as before)."""
    if dates is None or not hit.any():
        return hit
    article_date = mentions["article_id"].map(dates)
    named_on: dict[str, list] = {}
    for actor_id, date in zip(mentions["actor_id"], article_date):
        if pd.notna(date):
            named_on.setdefault(actor_id, []).append(date)
    keep = hit.copy()
    for index in hit[hit].index:
        date, target = article_date.at[index], targets.at[index][0]
        if pd.notna(date):
            keep.at[index] = any(abs(date - d) <= SURNAME_PERIOD for d in named_on.get(target, ()))
    return keep


def resolve_corpus(
    mentions: pd.DataFrame, known: Iterable[tuple[str, str]] = (), gaz: Gazetteer | None = None, dates: pd.Series | None = None
) -> pd.DataFrame:
    """The mentions with types decided by evidence, short forms and surnames linked (a
    surname across articles only within :data:`SURNAME_PERIOD` of its full name, given the
    articles' ``dates``: article_id -> Timestamp)."""
    if mentions.empty:
        return mentions
    gaz = gaz or load_gazetteer()
    mentions = _apply(mentions, type_links(mentions, gaz))
    mentions = _apply(mentions, short_form_links(mentions, gaz))
    distinct = mentions[["actor_id", "actor", "actor_type"]].drop_duplicates()
    links = surname_links(distinct.itertuples(index=False, name=None), known=known)
    if links:
        mentions = mentions.copy()
        # Python lists: iterating Arrow-backed strings row by row is slow
        found = [links.get(key) for key in zip(mentions["actor_id"].tolist(), mentions["actor"].tolist())]
        targets = pd.Series(found, index=mentions.index, dtype=object)
        hit = _in_period(mentions, targets.notna(), targets, dates)
        mentions.loc[hit, "actor_id"] = [t[0] for t in targets[hit]]
        mentions.loc[hit, "actor"] = [t[1] for t in targets[hit]]
        mentions.loc[hit, "actor_type"] = "person"
    return mentions


def link_across_articles(mentions: list[dict] | Iterable[dict], known: Iterable[tuple[str, str]] = ()) -> list[dict]:
    """Merge person actors named only by surname into the corpus's one full name for it."""
    rows = list(mentions)
    links = surname_links({(r["actor_id"], r["actor"], r["actor_type"]) for r in rows}, known=known)
    for row in rows:
        target = links.get((row["actor_id"], row["actor"]))
        if target:
            row["actor_id"], row["actor"] = target
    return rows
