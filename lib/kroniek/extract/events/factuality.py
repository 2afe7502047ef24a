"""Does the text say the event happened?  ``asserted``, ``negated``, ``possible`` or
``generic``, read from the dependency parse around the trigger (UD v2 relations).

* negated: a negation word attached to the trigger's verb or to a nominal trigger
  ("pleit hij niet", "geen verklaring", "niemand kan hem beschuldigen"), or a nominal
  under "zonder";
* possible: a modal or future auxiliary ("kan eisen", "zullen worden opgepakt", "zou
  hebben deelgenomen"), the complement of a verb or noun of wanting, planning, fearing
  or demanding ("eiste dat Alliander zich zou terugtrekken", "de ambitie ... te
  onderzoeken", "vreest voor protesten"), a conditional or purpose clause ("als ...",
  "om te vechten"), an uncertain modifier ("vermeende steun"), a question;
* generic: present tense with a habitual adverb ("soms wordt er gewaarschuwd") or a
  generic subject ("wie zich meldt, wordt gearresteerd", "je dreigt", bare plurals).

Lexicons in ``data/event_factuality.yaml``.  Why hand-written: no Dutch factuality
tagger exists as a library (FactBank and its successors are English).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from kroniek.data import read_yaml

CLAUSE_LINKS = ("xcomp", "ccomp", "advcl", "acl", "csubj", "parataxis")


@dataclass(frozen=True)
class FactualityLexicon:
    negation: frozenset[str]
    negating_prepositions: frozenset[str]
    modal_verbs: frozenset[str]
    intent_heads: frozenset[str]
    conditional_marks: frozenset[str]
    uncertain_modifiers: frozenset[str]
    uncertain_governors: frozenset[str]
    negating_governors: frozenset[str]
    habitual_adverbs: frozenset[str]
    generic_subjects: frozenset[str]
    occurrence_verbs: frozenset[str]
    finding_verbs: frozenset[str]
    uncertain_nouns: frozenset[str]


@functools.lru_cache(maxsize=1)
def load_factuality() -> FactualityLexicon:
    config = read_yaml("event_factuality.yaml")
    return FactualityLexicon(**{k: frozenset(w.lower() for w in config.get(k, [])) for k in FactualityLexicon.__dataclass_fields__})


def _words(token: Token) -> set[str]:
    return {token.lower_, (token.lemma_ or "").lower()}


def _is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or any(c.dep_ == "cop" for c in token.children)


def _negated_by_children(token: Token, lex: FactualityLexicon) -> bool:
    for child in token.children:
        dep = child.dep_.split(":")[0]
        if dep in ("advmod", "det", "nsubj", "obj", "amod", "obl") and _words(child) & lex.negation:
            return True
        if dep in ("obj", "nsubj") and any(d.dep_ == "det" and _words(d) & lex.negation for d in child.children):
            return True  # "er wordt nog geen straf geëist", "gaf geen steun"
    return False


def _present(verb: Token) -> bool:
    """The clause's finite verb is in the present tense (the verb or an auxiliary)."""
    finite = [verb, *(c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop")]
    tenses = {t for f in finite for t in f.morph.get("Tense")}
    return "Pres" in tenses and "Past" not in tenses


def _generic_subject(verb: Token, lex: FactualityLexicon) -> bool:
    for child in verb.children:
        if child.dep_.split(":")[0] in ("advcl", "acl", "csubj") and child.left_edge.lower_ == "wie":
            return True  # "wie zich meldt, wordt gearresteerd"
        if child.dep_.split(":")[0] not in ("nsubj", "csubj", "expl"):
            continue
        if _words(child) & lex.generic_subjects or any(_words(t) & {"wie"} for t in child.subtree):
            return True
        bare_plural = (
            child.pos_ == "NOUN"
            and "Plur" in child.morph.get("Number")
            and not any(c.dep_ in ("det", "nmod:poss", "nummod", "flat", "appos", "conj") for c in child.children)
        )
        if bare_plural:
            return True
    return False


def _habitual(verb: Token, lex: FactualityLexicon) -> bool:
    return any(c.dep_.split(":")[0] in ("advmod", "obl", "amod") and _words(c) & lex.habitual_adverbs for c in verb.children)


def clause_factuality(verb: Token, lex: FactualityLexicon | None = None) -> str:
    """Factuality of a clause headed by ``verb``, looking up through the clauses that
    embed it (a conditional or a wanted complement makes everything below it possible)."""
    lex = lex or load_factuality()
    if _negated_by_children(verb, lex):
        return "negated"
    possible = False
    current, hops = verb, 0
    infinitival = True  # still in the trigger's clause or its infinitive chain
    while hops < 4:
        hops += 1
        if infinitival and any(c.dep_.startswith("aux") and _words(c) & lex.modal_verbs for c in current.children):
            possible = True
        marks = {m for c in current.children if c.dep_ == "mark" for m in _words(c)}
        dep = current.dep_.split(":")[0]
        if dep in CLAUSE_LINKS or current.dep_ == "acl:relcl":
            head = current.head
            if marks & lex.conditional_marks and dep in ("advcl", "xcomp", "acl", "ccomp"):
                possible = True
            infinitive = bool(marks & {"te", "om"}) or dep == "xcomp"
            if dep in ("xcomp", "ccomp", "acl", "csubj") and current.dep_ != "acl:relcl" and (
                _words(head) & (lex.intent_heads | lex.modal_verbs) or (infinitive and head.pos_ in ("NOUN", "ADJ"))
            ):
                possible = True
            infinitival = infinitival and dep == "xcomp"
            if head == current:
                break
            current = head
            continue
        break
    if possible:
        return "possible"
    sentence = verb.sent.text.strip().rstrip("\"'”’ ").rstrip()
    if sentence.endswith("?"):
        return "possible"
    if _present(verb) and (_habitual(verb, lex) or _generic_subject(verb, lex)):
        return "generic"
    return "asserted"


def governing_verb(token: Token, max_hops: int = 3) -> Token | None:
    """The verb (or copular head) whose clause a nominal trigger belongs to."""
    head, hops = token, 0
    while hops < max_hops and head.head != head:
        head = head.head
        hops += 1
        if _is_verb(head):
            return head
    return None


def factuality(token: Token, lex: FactualityLexicon | None = None) -> str:
    """Factuality of the event a trigger word names (verbal or nominal)."""
    lex = lex or load_factuality()
    if _is_verb(token) and token.pos_ != "NOUN":
        return clause_factuality(token, lex)
    # a nominal trigger: its own modifiers first ("geen verklaring", "vermeende steun")
    if _negated_by_children(token, lex):
        return "negated"
    for child in token.children:
        if child.dep_ == "case" and _words(child) & lex.negating_prepositions:
            return "negated"
        if child.dep_.split(":")[0] in ("amod", "advmod") and _words(child) & lex.uncertain_modifiers:
            return "possible"
    if token.head != token and token.head.pos_ == "NOUN" and _words(token.head) & lex.uncertain_nouns:
        return "possible"  # "de dreiging van een aanslag", "een oproep tot een boycot"
    verb = governing_verb(token)
    if verb is None:
        return "asserted"
    direct = token.head == verb or token.head.head == verb  # "vreest voor 'massale protesten'"
    if direct and token.dep_.split(":")[0] in ("obj", "obl", "nmod") and _words(verb) & lex.negating_governors:
        return "negated"  # "weigerde psychiatrisch onderzoek"
    if direct and token.dep_.split(":")[0] in ("obj", "obl", "nmod") and _words(verb) & lex.uncertain_governors:
        return "possible"
    if token.head == verb and token.dep_.split(":")[0] == "nsubj" and _words(verb) & lex.finding_verbs:
        return "generic"  # "onderzoek toont aan dat ...": findings, not an event
    if token.head == verb and token.dep_.split(":")[0] == "nsubj" and not _words(verb) & lex.occurrence_verbs:
        return "asserted"  # presupposed: "de uniestaat ... kan een confederatie worden"
    if token.head == verb and token.dep_.split(":")[0] in ("obj", "nsubj", "obl"):
        return clause_factuality(verb, lex)
    # deeper inside a phrase ("in de marge van een ontmoeting"): only what makes the
    # whole clause unreal, not its negation ("niet tijdens de top" is rare)
    result = clause_factuality(verb, lex)
    return result if result in ("possible", "generic") else "asserted"
