"""Corpus-level recall: a known actor of the corpus is found where the NER missed it.

An article that writes "Forum voor Democratie" or "Baudet" once in passing may get no
mention at all from the statistical NER (it never saw the name in its training data),
while other articles of the corpus name the same actor dozens of times.  After the
mentions of every article are linked across the corpus (:mod:`kroniek.extract.actors.corpus`),
each *known name* is searched in every article's text, without re-running the NLP, and
an occurrence the stored mentions do not cover becomes a mention with ``via="corpus"``.

A known name is a mention text of the corpus that

* refers to one actor (at least :data:`MIN_SHARE` of its mentions) of type person,
  organisation, country or place, never through metonymy, an adjective or a role;
* was found in at least :data:`MIN_ARTICLES` articles (one article's own name is
  already found at its every occurrence there);
* starts with a capital and is several words, or one distinctive word: seen at least
  :data:`MIN_SINGLE` times, not a common Dutch word ("Kamer", "Forum", "Geef"), not a
  role noun, three letters or more unless an acronym ("OM", "AD").

An occurrence counts only where its capital says "name": not at the start of a sentence
or clause (after an opening quote, a colon or a dash), not inside a longer capitalised
name ("Ajax" in "Jong Ajax", "Rutte" in "Rutte Grondverzet"), not after the particles of a
longer name ("Dam" in "Chris van Dam"; but "de deal van May" is May), not part of a compound ("Trump-regering").

The search itself is an Aho-Corasick automaton (pyahocorasick) over every known name: one
pass in C per article finds each place a name is spelled, and only those places are
tokenised to judge them.  Why the judging is hand-written: no library knows which
capitals of a Dutch news text are names.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from typing import Callable, Mapping

import ahocorasick
import numpy as np
import pandas as pd

from kroniek.data.words import common_words, is_compound_noun, is_title_word, particles
from kroniek.extract.actors.not_actors import load_not_actors

MIN_SHARE = 0.9
MIN_SINGLE = 3
MIN_MULTI = 2
MIN_ARTICLES = 2
_TYPES = ("person", "organisation", "country", "place")
_LABEL = {"person": "PER", "organisation": "ORG", "country": "LOC", "place": "LOC"}
_EVIDENCE_VIA = ("ner", "context", "gazetteer", "alias")
# A word token keeps inner hyphens, apostrophes and dots ("Jong-un", "D66", "C.D.A"),
# so "Trump-regering" is one token and never an occurrence of "Trump".
_TOKEN = re.compile(r"\w+(?:[-'’.&]\w+)*|[^\w\s]")
_CLAUSE_OPENERS = {"'", '"', "‘", "’", "“", "”", "(", ":", "-", "–", "—", "«", "»", ".", "!", "?", "•", "*"}
# Particles inside names ("Chris van Dam", "Ronde van Vlaanderen", "Frank de Boer");
# those that occur only inside names make any name after them part of a longer one.
_INNER_PARTICLES = particles("inside_name")
_FAMILY_PARTICLES = particles("family_only")
_ADJECTIVE = re.compile(r"[^\Ws]s(ch)?e$")


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def known_names(mentions: pd.DataFrame) -> dict[str, tuple[str, str, str, str]]:
    """Mention text -> (actor_id, actor, actor_type, country) for the names worth searching."""
    evidence = mentions[mentions["via"].isin(_EVIDENCE_VIA)]
    if evidence.empty:
        return {}
    counts = evidence.groupby(["text", "actor_id"], sort=False).size()
    by_text: dict[str, Counter] = defaultdict(Counter)
    for (text, actor_id), n in counts.items():
        by_text[str(text)][actor_id] += n
    n_articles = evidence.groupby("text", sort=False)["article_id"].nunique()
    first = mentions.drop_duplicates("actor_id").set_index("actor_id")
    countries = mentions[mentions["country"].fillna("") != ""].groupby("actor_id")["country"].agg(lambda s: s.value_counts().index[0])
    common, not_actors = common_words(), load_not_actors()
    names = {}
    for text, actors in by_text.items():
        actor_id, n = min(actors.items(), key=lambda kv: (-kv[1], kv[0]))
        total = sum(actors.values())
        actor_type = first.at[actor_id, "actor_type"]
        if actor_type not in _TYPES or n < MIN_SHARE * total or n_articles[text] < MIN_ARTICLES:
            continue
        words = [t for _, _, t in _tokens(text)]
        if not words or not _capitalised(words[0]) or text != text.strip() or not_actors.kind(text):
            continue
        if len(words) == 1:
            word = words[0]
            if total < MIN_SINGLE or word.casefold() in common or is_title_word(word) or is_compound_noun(word):
                continue
            if _ADJECTIVE.search(word) and actor_type != "person":
                continue  # "Haagse", "Zeeuwse": an adjective of a place, not a name
            if len(word) < 3 and not word.isupper():
                continue
        elif total < MIN_MULTI or not _capitalised(words[-1]) and not words[-1][:1].isdigit():
            continue
        names[text] = (actor_id, str(first.at[actor_id, "actor"]), str(actor_type), str(countries.get(actor_id, "")))
    return names


def _index(names: Mapping[str, tuple]) -> ahocorasick.Automaton:
    """An automaton finding every known name whose first token is capitalised; each
    found name carries its number of tokens."""
    automaton = ahocorasick.Automaton()
    for name in names:
        words = _tokens(name)
        if words and _capitalised(words[0][2]):
            automaton.add_word(name, (len(words), name))
    automaton.make_automaton()
    return automaton


_JOINERS = "-'’.&"  # the characters _TOKEN keeps inside a word token


def _is_word(text: str, k: int) -> bool:
    """Whether ``text[k]`` is what ``\\w`` matches (alphanumeric or an underscore)."""
    return 0 <= k < len(text) and (text[k].isalnum() or text[k] == "_")


def _token_starts_at(text: str, k: int) -> bool:
    """Whether _TOKEN, run over the whole text, starts a word token at ``k``."""
    if _is_word(text, k - 1):
        return False
    return not (k >= 2 and text[k - 1] in _JOINERS and _is_word(text, k - 2))


def _token_ends_at(text: str, k: int) -> bool:
    """Whether a token of the whole text's tokens ends just before ``k``."""
    if not _is_word(text, k - 1):  # a sign is a token of its own, unless it joins two words
        return not (text[k - 1] in _JOINERS and _is_word(text, k - 2) and _is_word(text, k))
    if _is_word(text, k):
        return False
    return not (k < len(text) and text[k] in _JOINERS and _is_word(text, k + 1))


def _tokens_before(text: str, start: int, wanted: int = 4) -> list[tuple[int, int, str]]:
    """The last ``wanted`` tokens before ``start`` (fewer at the text's start), as the
    whole text's tokenisation has them: the window opens after a space, where a token
    always begins."""
    width = 64
    while True:
        lo = max(0, start - width)
        if lo > 0:
            space = re.search(r"\s", text[lo:start])
            lo = lo + space.end() if space else start
        found = [(m.start() + lo, m.end() + lo, m.group()) for m in _TOKEN.finditer(text, lo, start)]
        if len(found) >= wanted or start - width <= 0:
            return found[-wanted:]
        width *= 4


def _tokens_after(text: str, end: int, wanted: int = 4) -> list[tuple[int, int, str]]:
    """The first ``wanted`` tokens from ``end`` (a token end) on; the window closes at a
    space, so its last token is whole."""
    width = 64
    while True:
        hi = min(len(text), end + width)
        if hi < len(text):
            spaces = [m.start() for m in re.finditer(r"\s", text[end:hi])]
            hi = end + spaces[-1] if spaces else end
        found = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, end, hi)]
        if len(found) >= wanted or end + width >= len(text):
            return found[:wanted]
        width *= 4


def find_in_article(
    text: str,
    names: Mapping[str, tuple],
    covered: list[tuple[int, int]],
    sentence_starts: list[int],
    index: ahocorasick.Automaton | None = None,
) -> list[tuple[int, int, str]]:
    """(start, end, name) of the known names in ``text`` that no ``covered`` span
    overlaps and whose capital marks a name (see the module docstring).

    Where several names start at one token, the longest decides, taken or not; a name
    taken is skipped over, so no name is found inside another."""
    automaton = index if index is not None else _index(names)
    longest: dict[int, tuple[int, int, str]] = {}  # start -> (tokens, end, name)
    if len(automaton):
        for last, (n, name) in automaton.iter(text):
            start, end = last + 1 - len(name), last + 1
            if _token_starts_at(text, start) and _token_ends_at(text, end) and n > longest.get(start, (0,))[0]:
                longest[start] = (n, end, name)
    covered = sorted(covered)
    cover_starts = [s for s, _ in covered]
    found: list[tuple[int, int, str]] = []
    free_from = 0
    for start in sorted(longest):
        if start < free_from:
            continue
        n, end, name = longest[start]
        # the cheap tests first: most occurrences are already mentions
        if not _overlaps(covered, cover_starts, start, end) and _is_name_occurrence(text, start, end, sentence_starts):
            found.append((start, end, name))
            free_from = end
    return found


def _is_name_occurrence(text: str, start: int, end: int, sentence_starts: list[int]) -> bool:
    """Whether the name at [start, end) (whole tokens) is capitalised because it is a name."""
    k = bisect.bisect_right(sentence_starts, start) - 1
    first = sentence_starts[k] if k >= 0 else 0
    if not text[first:start].strip():
        return False  # the first word of a sentence
    before = _tokens_before(text, start)
    prev = before[-1][2] if before else ""
    if not prev or prev in _CLAUSE_OPENERS or _capitalised(prev) or _after_particles(before, len(before)):
        return False
    if any(c.isdigit() for c in prev):
        return False  # "Boeing 737 MAX": a product's model
    if text[start - 1 : start] == "-" or text[end : end + 1] in ("-", "'", "’"):
        return False  # "VVD- en D66-stemmer": part of a compound
    after = _tokens_after(text, end)
    if after and _capitalised(after[0][2]) and after[0][0] == end + 1:
        return False  # "Rutte Grondverzet": a longer name
    k = 0
    while k < len(after) and k < 3 and after[k][2] in _INNER_PARTICLES:
        k += 1
    if 0 < k < len(after) and _capitalised(after[k][2]):
        return False  # "Otto van der Bijl": a longer name with particles
    return True


def _after_particles(tokens: list, i: int) -> bool:
    """Whether particles before token ``i`` continue a longer name: "Chris van Dam",
    "Universiteit van Sint Maarten", "Krimpen aan den IJssel"; not "de deal van May"."""
    k = i
    while k > 0 and i - k < 3 and tokens[k - 1][2] in _INNER_PARTICLES:
        k -= 1
    if k == i:
        return False
    if any(tokens[m][2] in _FAMILY_PARTICLES for m in range(k, i)):
        return True
    return k > 0 and _capitalised(tokens[k - 1][2])


def _overlaps(covered: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    k = bisect.bisect_left(starts, end)
    return any(covered[m][1] > start for m in range(max(0, k - 8), k))


Progress = Callable[[int, int], None]


def _sentence_starts(sentences: pd.DataFrame | None) -> dict[str, tuple[list[int], list[int]]]:
    """Article id -> (sentence start offsets in order, their sentence ids)."""
    if sentences is None or not len(sentences):
        return {}
    ordered = sentences.sort_values(["article_id", "start"])
    ids = ordered["article_id"].to_numpy()
    starts, sentence_ids = ordered["start"].to_numpy().tolist(), ordered["sentence_id"].to_numpy().tolist()
    bounds = np.flatnonzero(ids[1:] != ids[:-1]) + 1
    edges = [0, *bounds.tolist(), len(ids)]
    return {ids[a]: (starts[a:b], sentence_ids[a:b]) for a, b in zip(edges[:-1], edges[1:])}


def recall_mentions(
    mentions: pd.DataFrame, texts: Mapping[str, str], sentences: pd.DataFrame | None, progress: Progress | None = None
) -> pd.DataFrame:
    """The corpus's mentions plus, with ``via="corpus"``, the occurrences of its known
    names that no mention covers, in article order and then by offset.  ``progress``
    hears (articles searched, articles) now and then."""
    if mentions.empty or not texts:
        return mentions
    names = known_names(mentions)
    if not names:
        return mentions
    index = _index(names)
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for article_id, start, end in zip(mentions["article_id"].tolist(), mentions["start"].tolist(), mentions["end"].tolist()):
        spans[article_id].append((start, end))
    starts = _sentence_starts(sentences)
    rows = []
    ordered = sorted(texts)
    for done, article_id in enumerate(ordered, start=1):
        sent_starts, sent_ids = starts.get(article_id, ([0], [0]))
        for start, end, name in find_in_article(texts[article_id], names, spans.get(article_id, []), sent_starts, index):
            actor_id, actor, actor_type, country = names[name]
            k = max(0, bisect.bisect_right(sent_starts, start) - 1)
            rows.append({
                "article_id": article_id, "sentence_id": sent_ids[k], "start": start, "end": end, "text": name,
                "label": _LABEL[actor_type], "actor_id": actor_id, "actor": actor, "actor_type": actor_type,
                "country": country, "via": "corpus",
            })
        if progress and (done % 2000 == 0 or done == len(ordered)):
            progress(done, len(ordered))
    if not rows:
        return mentions
    added = pd.DataFrame(rows).astype({c: mentions[c].dtype for c in rows[0] if c in mentions.columns})
    order = {a: k for k, a in enumerate(pd.unique(mentions["article_id"]))}
    out = pd.concat([mentions, added], ignore_index=True)
    out["_order"] = out["article_id"].map(order).fillna(len(order))
    out = out.sort_values(["_order", "article_id", "start"], kind="stable").drop(columns="_order")
    return out.reset_index(drop=True)
