"""Kroniek's own spaCy pipeline stages, registered with spaCy when this module is imported.

Kept apart from :mod:`kroniek.nlp.pipeline` so that reading the pipeline's name and cache key
never imports spaCy.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

import kroniek.nlp.vote  # noqa: F401  (registers kroniek_ner_vote)
from kroniek.data import DATA_DIR, lemma_table
from kroniek.data.lexicons import is_first_name
from kroniek.data.words import common_word_pos, is_organisation_head, is_title_word, particles

_NAME_COMPOUND = re.compile(r"^([A-Z][\w&.']*?[\w&])-([a-z]{3,}\w*)$")


@Language.component("kroniek_split_names")
def split_name_compounds(doc: Doc) -> Doc:
    """Split "Ryanair-vliegtuig" into "Ryanair" "-" "vliegtuig".

    Dutch writes a name and a common noun as one hyphenated word; tokenizers keep it
    whole, which hides the name from NER.  Only a capitalised first part followed by a
    lower-case part is split, so "Wit-Rusland" and "Noord-Korea" stay whole.
    """
    with doc.retokenize() as retokenizer:
        for token in doc:
            m = _NAME_COMPOUND.match(token.text)
            if m:
                head, tail = m.group(1), m.group(2)
                words = [head, "-", tail]
                heads = [(token, 0), (token, 0), (token, 0)]
                retokenizer.split(token, words, heads=heads)
    return doc


@Language.component("kroniek_consistent_names")
def consistent_names(doc: Doc) -> Doc:
    """One name, one label per article; a name found once is found everywhere in it.

    News names the same organisation or person many times; a CPU NER labels each
    occurrence on its own and disagrees with itself ("Northrop Grumman" PER in one
    sentence, ORG in the next).  Each name text takes the label most of its occurrences
    have (ties: the first), and later occurrences the model missed are added when they
    do not start a sentence (a sentence-initial capital is no evidence of a name) and do
    not overlap another entity.
    """
    by_text: dict[str, Counter] = {}
    for ent in doc.ents:
        by_text.setdefault(ent.text, Counter())[ent.label_] += 1
    if not by_text:
        return doc
    label_of = {text: labels.most_common(1)[0][0] for text, labels in by_text.items()}
    entities = [Span(doc, e.start, e.end, label=label_of[e.text]) if e.label_ != label_of[e.text] else e for e in doc.ents]
    taken = {i for e in entities for i in range(e.start, e.end)}
    first_words: dict[str, list[tuple[str, int]]] = {}
    for text in label_of:
        words = text.split()
        if words:
            first_words.setdefault(words[0], []).append((text, len(words)))
    for token in doc:
        if token.i in taken or token.is_sent_start or token.text not in first_words:
            continue
        for text, n in sorted(first_words[token.text], key=lambda x: -x[1]):
            end = token.i + n
            if end <= len(doc) and doc[token.i:end].text == text and not any(i in taken for i in range(token.i, end)):
                if end < len(doc) and doc[end].text[:1].isupper() and not doc[end].is_punct:
                    break  # part of a longer capitalised name the model did not find
                entities.append(Span(doc, token.i, end, label=label_of[text]))
                taken.update(range(token.i, end))
                break
    doc.set_ents(sorted(entities, key=lambda s: s.start))
    return doc


LEMMA_LOOKUP = DATA_DIR / "nl_lemma_lookup.json.gz"
_lemma_table = lemma_table


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """Every form and lemma of the lookup table."""
    table = _lemma_table()
    return frozenset(table) | frozenset(table.values())


def _unknown_word(word: str) -> bool:
    known = _known_words()
    return word not in known and word.lower() not in known


@Language.component("kroniek_lemma_fallback")
def lemma_fallback(doc: Doc) -> Doc:
    """Take the lemma from the Dutch lookup table of spaCy's ``spacy-lookups-data`` (MIT;
    1.1 MB, shipped in ``data/``) where the trainable lemmatizer leaves a word as it is,
    or where its edit tree makes a word the table does not know ("aangehouden" ->
    "aangehouen", "beschikte" -> "beschiken") and the table has the form: the edit-tree
    lemmatizer learnt from 4k sentences knows too few inflections ("kinderen" -> "kind",
    "gebeten" -> "bijten").  On the held-out fifth of Alpino dev the first rule took lemma
    accuracy from 0.941 to 0.956, the second to 0.964.
    """
    table = _lemma_table()
    for token in doc:
        lemma = table.get(token.text) or table.get(token.lower_)
        if lemma and (token.lemma_ == token.text or _unknown_word(token.lemma_)):
            token.lemma_ = lemma
    return doc


_INITIAL = re.compile(r"^[A-Z]\.$")
_PARTICLES = particles("titled_name")


@Language.component("kroniek_titled_names")
def titled_names(doc: Doc) -> Doc:
    """A capitalised name right after a role noun is a person: "minister Dekker",
    "Zangeres Merol", "de Syriëganger Yago R.".

    The CoNLL-2002 NER often misses a bare surname after a title, or swallows the title
    into a MISC name; the role nouns are data (``roles.yaml``, ``name_shapes.yaml``).  The
    name must start with a capital ("minister van Financiën" is not a person); particles
    ("Van der Laan") and initials ("R.") continue it.  A name the NER or the gazetteer
    already typed PER is left alone, as is an entity that runs on past the name; one
    that takes the title in ("Syriëganger Yago R." as MISC) becomes the name alone.
    """
    entities = list(doc.ents)
    for token in doc:
        if token.i + 1 >= len(doc) or not is_title_word(token.text):
            continue
        end = _name_end(doc, token.i + 1)
        if end == token.i + 1:
            continue
        overlapping = [e for e in entities if e.start < end and e.end > token.i + 1]
        if any(e.end > end for e in overlapping) or any(e.label_ == "PER" and e.start == token.i + 1 for e in overlapping):
            continue
        entities = [e for e in entities if e not in overlapping] + [Span(doc, token.i + 1, end, label="PER")]
    doc.set_ents(sorted(entities, key=lambda s: s.start))
    return doc


def _name_end(doc: Doc, start: int) -> int:
    """End of the capitalised name starting at ``start`` (``start`` when there is none)."""
    first = doc[start]
    if first.is_sent_start or not first.text[:1].isupper() or first.is_punct or first.like_num:
        return start
    end = i = start + 1
    while i < len(doc) and not doc[i].is_sent_start:
        word = doc[i]
        if (word.text[:1].isupper() and not word.is_punct) or _INITIAL.match(word.text):
            end = i = i + 1
        elif word.lower_ in _PARTICLES:
            j = i + 1
            while j < len(doc) and doc[j].lower_ in _PARTICLES:  # "Roos van den Munckhof"
                j += 1
            if j >= len(doc) or not doc[j].text[:1].isupper() or doc[j].is_sent_start:
                break
            i = j
        else:
            break
    return end


def _family_name_after(doc: Doc, i: int) -> int:
    """End of the family name that starts at token ``i`` after a given name ("Timmermans",
    "van Egten", "Bruins Slot"), or ``i`` when the word there cannot start one: lower case
    (other than particles), a role noun, a common Dutch word ("Frans Bauer" yes, "Frans
    Parlement" no) or the head of an organisation's name."""
    if i >= len(doc) or doc[i].is_sent_start:
        return i
    word = doc[i]
    if word.lower_ in _PARTICLES and word.is_lower:
        end = _name_end_after_particles(doc, i)
        return end
    if not (word.is_alpha and word.is_title) or is_title_word(word.text) or is_organisation_head(word.text):
        return i
    if common_word_pos(word.text) and not is_first_name(word.text):
        return i
    end = i + 1  # capitalised words only: "Frans Swinkels van de Brabantse Milieufederatie" ends at Swinkels
    while end < len(doc) and doc[end].is_alpha and doc[end].is_title and not doc[end].is_sent_start and not is_organisation_head(doc[end].text):
        end += 1
    return end


def _name_end_after_particles(doc: Doc, i: int) -> int:
    j = i
    while j < len(doc) and doc[j].lower_ in _PARTICLES and doc[j].is_lower:
        j += 1
    if j >= len(doc) or not doc[j].is_title or doc[j].is_sent_start:
        return i
    return _name_end(doc, j)


@Language.component("kroniek_first_names")
def first_names(doc: Doc) -> Doc:
    """A known given name followed by a family name starts a person's name: "Frans
    Timmermans" (not the adjective "Frans" and a separate "Timmermans"), "Roos van den
    Munckhof", "Brigitte van Egten" at the start of a sentence.

    The given names come from gender-guesser's dictionary (:mod:`kroniek.data.lexicons`).
    The gazetteer ruler runs before the NER and tags "Frans" as a country adjective, which
    keeps the NER from seeing the name; here, after the NER, such a word and the name
    after it become one PER entity.  Entities inside the new span are replaced; one that
    runs on past it ("Frans Bauer Show") is left alone, as is a name the gazetteer knows
    as a whole.
    """
    entities = list(doc.ents)
    changed = False
    i = 0
    while i < len(doc) - 1:
        token = doc[i]
        if not is_first_name(token.text):
            i += 1
            continue
        end = _family_name_after(doc, i + 1)
        if end == i + 1:
            i += 1
            continue
        overlapping = [e for e in entities if e.start < end and e.end > i]
        known_other = doc[i + 1].ent_id_ and not doc[i + 1].ent_id_.startswith("per:")  # "Frans Guyana"
        if known_other or any(e.end > end or e.start < i or (e.label_ in ("PER", "PERSON") and e.start == i) for e in overlapping):
            i = end
            continue
        entities = [e for e in entities if e not in overlapping] + [Span(doc, i, end, label="PER")]
        changed = True
        i = end
    if changed:
        doc.set_ents(sorted(entities, key=lambda s: s.start))
    return doc
