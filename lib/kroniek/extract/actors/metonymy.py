"""Metonymy: a capital or seat of power stands for its government only where it acts.

"Den Haag wil meer geld", "Washington eist uitlevering", "volgens het Kremlin": the name
is the subject of a verb of saying, deciding, wanting or demanding (or of an event verb of
``events.yaml``), or the source after "volgens", and counts as the government
(``metonyms.csv``: NLD, USA, RUS).  "een boekwinkel in Den Haag", "het hoofdkantoor van
Shell in Den Haag", "in het Kremlin": the place, an actor of type place.

Why hand-written: no maintained library reads Dutch metonymy; the verbs are data
(``data/metonymy.yaml``) and the subject comes from spaCy's dependency parse.
"""

from __future__ import annotations

import functools

from spacy.tokens import Span, Token

from kroniek.data import read_yaml


@functools.lru_cache(maxsize=1)
def agent_verbs() -> frozenset[str]:
    """Lemmas of verbs whose subject acts: metonymy.yaml's and the event triggers' verbs."""
    verbs = {v for group in read_yaml("metonymy.yaml")["agent_verbs"].values() for v in group}
    for triggers in read_yaml("events.yaml")["triggers"].values():
        verbs.update(lemma.split()[-1] for lemma in triggers if lemma.split()[-1].endswith("en"))
    return frozenset(verbs)


@functools.lru_cache(maxsize=1)
def _source_prepositions() -> frozenset[str]:
    return frozenset(read_yaml("metonymy.yaml")["source_prepositions"])


def _verb_lemmas(verb: Token) -> set[str]:
    """The lemmas a verb group can be looked up by: the verb, its separable particle joined
    ("aan" + "kondigen"), and its auxiliaries ("wil" of "wil ingrijpen")."""
    lemmas = {verb.lemma_.lower()}
    for child in verb.children:
        if child.dep_ == "compound:prt":
            lemmas.add(child.lower_ + verb.lemma_.lower())
        elif child.dep_ in ("aux", "aux:pass"):
            lemmas.add(child.lemma_.lower())
    return lemmas


def acts(span: Span) -> bool:
    """Whether the place named by ``span`` acts in its sentence (see the module docstring)."""
    root = span.root
    while root.dep_ in ("conj", "flat", "compound", "appos") and root.head is not root and root.head.i not in range(span.start, span.end):
        if root.dep_ == "conj" or root.head.dep_ in ("nsubj", "obl", "nmod"):
            root = root.head
        else:
            break
    if any(child.dep_ == "case" and child.lower_ in _source_prepositions() for child in root.children):
        return True
    if any(child.dep_ == "case" for child in root.children):
        return False  # "in Den Haag", "naar Minsk"
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.lemma_.lower() in agent_verbs() and after.pos_ != "NOUN":
        return True  # the finite verb right after its subject ("Het Kremlin ontkent"), whatever the parse
    before = _word_before(root)
    inverted = before is not None and before.pos_ in ("AUX", "VERB") and root.dep_ in ("nsubj", "obj")
    if root.dep_ != "nsubj" and not inverted:
        return False
    verb = root.head
    lemmas = _verb_lemmas(verb)
    if verb.dep_ == "xcomp":  # "Den Haag probeert te voorkomen"
        lemmas |= _verb_lemmas(verb.head)
    if inverted:  # "hebben Moskou en Minsk de banden aangehaald": subject after the finite verb
        lemmas |= _verb_lemmas(before) | _verb_lemmas(before.head) | _verb_lemmas(root.sent.root)
    return bool(lemmas & agent_verbs())


def _word_before(root: Token) -> Token | None:
    """The word before a name and its article ("hebben" of "hebben het Kremlin")."""
    i = root.i - 1
    while i >= 0 and (root.doc[i].dep_ == "det" or root.doc[i].head.i == root.i and root.doc[i].dep_ in ("flat", "compound")):
        i -= 1
    return root.doc[i] if i >= 0 and root.doc[i].sent == root.sent else None
