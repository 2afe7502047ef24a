"""Who acts and who undergoes: source and target actors of a trigger, from the parse.

Rules on UD v2 relations, not on one model's habits:

* a verb: its subject (``nsubj``, every ``conj`` of it) is the source, its object the
  target; in a passive the subject is the target and the ``door`` phrase
  (``obl:agent``, or ``obl`` with case "door") the source;
* a relative clause (``acl:relcl``): the relative pronoun stands for the antecedent
  ("de regering-Trump, die zei ...": the antecedent acts; "het persbericht dat Philips
  verspreidde": Philips acts);
* an inverted subject with no ``nsubj`` arc ("kondigden Loekasjenko en Poetin ... aan"):
  the first named actor attached to the verb after it that is no object;
* a nominal trigger: its possessor (``nmod:poss``, "Mays deal"), its nationality
  adjective ("Amerikaanse sancties") or ``van``-phrase is the source (the target for an
  arrest), its ``aan``/``tegen``/``op``/``naar``/``met`` phrase the target, a ``tussen``
  phrase names both; as the object or subject of a light verb it takes the verb's roles;
  a meeting or an agreement "met" someone takes the clause's subject as the other party;
* "beide landen", "de twee", "beiden": the two actors of that type named just before;
* a place in a locative phrase ("zei in Berlijn", "in de VS") is never an actor.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from kroniek.data import word_set
from kroniek.data.words import pronouns
from kroniek.extract.events.lexicon import Trigger, TriggerLexicon, _dep, _governing_verb, _lemma
from kroniek.extract.events.participants import ArticleActors, counted_noun, describe, resolve_pronoun, resolve_reference

# the word lists of events.yaml's role_words (what each names is said there)
TARGET_PREPS = word_set("events.yaml", "role_words", "target_prepositions")
NO_ROLE_HEADS = word_set("events.yaml", "role_words", "no_role_heads")
LOCATIVE_PREPS = word_set("events.yaml", "role_words", "locative_prepositions")
PAIR_DETERMINERS = word_set("events.yaml", "role_words", "pair_determiners")
COPULAS = word_set("events.yaml", "role_words", "copulas")
# a specific someone named before (not "men", "je", "het": generic or empty)
PERSONAL_PRONOUNS = pronouns("personal")


@dataclass
class Roles:
    sources: list[dict] = field(default_factory=list)
    targets: list[dict] = field(default_factory=list)
    participant: bool = False  # a named or described participant, even without an actor
    described: dict[str, list[str]] = field(default_factory=lambda: {"source": [], "target": []})
    source_token: Token | None = None  # a word of the source phrase (the summary puts it first)
    names: dict[int, str] = field(default_factory=dict)  # pronoun token -> the actor it stands for

    def add(self, side: str, mentions: list[dict]) -> None:
        into = self.sources if side == "source" else self.targets
        for m in mentions:
            if m is not None and all(m["actor_id"] != k["actor_id"] for k in into):
                into.append(m)

    def describe(self, side: str, text: str) -> None:
        if text and text not in self.described[side]:
            self.described[side].append(text)


def is_actor(mention: dict | None) -> bool:
    """Persons, organisations, groups and countries act; a park or a street does not."""
    return mention is not None and (mention["actor_type"] != "place" or mention["via"] == "metonymy")


def _cases(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ == "case" or (c.dep_ == "fixed" and c.pos_ == "ADP")}


@dataclass
class RoleContext:
    """What role finding needs besides the parse: the mentions by token, the actors named
    so far in the article (for "beide landen"), the lexicon."""

    doc: Doc
    mentions_by_token: dict[int, dict]
    ordered: list[tuple[int, dict]]  # (token index, mention), in text order
    lex: TriggerLexicon
    actors: ArticleActors | None = None  # for pronouns and short references ("hij", "de minister")
    time_tokens: frozenset[int] = frozenset()  # words of time expressions: never a participant

    def mention(self, token: Token, trigger: Token | None = None) -> list[dict]:
        """The actors a phrase names: the mention on its head word (and every conjunct),
        else its first named actor; a nationality adjective only on a head that can act;
        else the actor a pronoun or a short reference stands for."""
        pair = self.pair(token)
        if pair:
            return pair
        if _lemma(token) in NO_ROLE_HEADS:
            return []
        found = self._one(token, trigger)
        if found is None and self.actors is not None:
            return [m for m in resolve_pronoun(token, self.actors) or resolve_reference(token, self.actors) if is_actor(m)]
        out = [found] if found is not None else []
        for conj in token.children:
            if conj.dep_ == "conj":
                extra = self._one(conj, trigger)
                # "Loekasjenko en Poetin", "Moskou en Minsk": conjuncts of one kind
                if extra is not None and found is not None and extra["actor_type"] == found["actor_type"] and all(extra["actor_id"] != m["actor_id"] for m in out):
                    out.append(extra)
        return [m for m in out if is_actor(m)]

    def _one(self, token: Token, trigger: Token | None) -> dict | None:
        m = self.mentions_by_token.get(token.i)
        if m is not None and m["via"] != "adjective":
            return m
        # a title before a name: "burgemeester Halsema", "minister Barr"
        nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if nxt is not None and token.pos_ == "NOUN" and nxt.i in self.mentions_by_token and self.mentions_by_token[nxt.i]["via"] != "adjective":
            return self.mentions_by_token[nxt.i]
        # the phrase's own words (its subtree, not the span between its edges, which a
        # non-projective parse can stretch over another clause), at most 40 each side
        words = sorted(t.i for t in token.subtree if abs(t.i - token.i) <= 40)
        named = []
        adjectives = []
        for i in words:
            mention = self.mentions_by_token.get(i)
            if mention is None or (named and named[-1] is mention):
                continue
            if mention["via"] == "adjective":
                head = token.doc[i].head
                if head.lower_ in self.lex.adjective_heads or (head.lemma_ or "").lower() in self.lex.adjective_heads or (trigger is not None and head.i == trigger.i):
                    adjectives.append(mention)
                continue
            if self._locative(token.doc[i], token) or self._possessor_of_other(token.doc[i], token, trigger):
                continue
            named.append(mention)
        return (named or adjectives or [None])[0]

    def _locative(self, word: Token, top: Token) -> bool:
        """A place inside a locative phrase below ``top`` ("de protesten in de VS")."""
        m = self.mentions_by_token.get(word.i)
        if m is None or m["actor_type"] not in ("place", "country"):
            return False
        node, hops = word, 0
        while node != top and node.head != node and hops < 12:
            if _dep(node) in ("obl", "nmod") and _cases(node) & LOCATIVE_PREPS:
                # "de regering in Teheran", "de autoriteiten in Minsk": the seat of power acts
                return _lemma(node.head) not in self.lex.adjective_heads
            node = node.head
            hops += 1
        return False

    def _possessor_of_other(self, word: Token, top: Token, trigger: Token | None) -> bool:
        """"hun dochter", "zijn buren": a possessive pronoun names someone else."""
        possessive = word.dep_ in ("nmod:poss", "det:poss") or (word.pos_ in ("PRON", "DET") and word.dep_ == "det")
        return possessive and word.head.pos_ == "NOUN" and word.head.i != top.i and (trigger is None or word.head.i != trigger.i)

    def pair(self, token: Token) -> list[dict]:
        """"beide landen", "de twee landen", "de twee", "beiden": the last two distinct
        actors of the noun's type named before this word (within the article)."""
        words = {token.lower_} | {c.lower_ for c in token.children if c.dep_ in ("det", "nummod", "amod")}
        if not (words & PAIR_DETERMINERS):
            return []
        noun = token.lower_
        if noun in ("beiden",) or (noun == "twee" and any(c.dep_ == "det" for c in token.children)):
            wanted = None
        elif noun in self.lex.pair_nouns:
            wanted = self.lex.pair_nouns[noun]
        else:
            return []
        picked: list[dict] = []
        for i, m in reversed(self.ordered):
            if i >= token.i or not is_actor(m) or m["via"] == "adjective":
                continue
            if wanted is not None and m["actor_type"] != wanted:
                continue
            if all(m["actor_id"] != p["actor_id"] for p in picked):
                picked.append(m)
            if len(picked) == 2:
                return list(reversed(picked))
        return []

    def participant(self, token: Token) -> bool:
        """A participant noun ("de politie", "demonstranten") or any named mention."""
        lemma = (token.lemma_ or token.lower_).lower()
        if token.lower_ in self.lex.participants or lemma in self.lex.participants:
            return True
        if token.pos_ == "PROPN":
            return True  # a name the recogniser missed: "de Koerden"
        if token.pos_ == "PRON" and token.lower_ in PERSONAL_PRONOUNS:
            return True  # "ze benadrukt": someone named before
        if any(c.dep_ == "det" and c.lower_ in ("die", "deze") for c in token.children):
            return True  # "die partij": one named before
        if token.pos_ == "NOUN" and (token.lower_ in self.lex.by_lemma or lemma in self.lex.by_lemma):
            return False  # an event named in passing ("de aanslag in Utrecht") takes no part in another
        # a name among the head's own modifiers ("de Amerikaanse regering"), not one in a
        # phrase hanging from it ("de leegstand in Arnhem")
        return any(t.i in self.mentions_by_token for t in _own_words(token))


def _own_words(token: Token) -> list[Token]:
    """A noun and the words that modify it directly (adjectives, compounds, flat names,
    possessors), without the phrases hanging from it."""
    words = [token]
    for child in token.children:
        if _dep(child) in ("amod", "compound", "flat", "nmod:poss", "det", "appos") or child.dep_ in ("nmod:poss", "flat:name"):
            words.extend(child.subtree)
    return words


def take(side: str, phrase: Token, ctx: RoleContext, roles: Roles, trigger: Token, found: list[dict] | None = None) -> bool:
    """Give ``side`` the actors a phrase names, else the words of a participant it
    describes ("de politie", "drie betogers"); True when the phrase gave either."""
    found = ctx.mention(phrase, trigger) if found is None else found
    people = counted_noun(phrase) or phrase  # "Honderden boeren": the boeren
    if found:
        roles.add(side, found)
        if phrase.pos_ == "PRON":
            roles.names[phrase.i] = " en ".join(m["actor"] for m in found)
    elif ctx.participant(people) and people.pos_ in ("NOUN", "PROPN") and phrase.i not in ctx.time_tokens:
        roles.describe(side, describe(phrase))
    else:
        return False
    if side == "source" and roles.source_token is None:
        roles.source_token = phrase
    return True


def _inverted_subject(verb: Token, ctx: RoleContext, trigger: Token) -> Token | None:
    """After a fronted phrase the subject follows the finite verb ("Tijdens de
    persconferentie kondigden Loekasjenko en Poetin ... aan"); when the parse gave it no
    subject arc, the actor named right after the verb, if it is none of its objects."""
    objects = {c.i for c in verb.children if _dep(c) in ("obj", "iobj")}
    for c in verb.children:
        if c.i > verb.i and _dep(c) in ("appos", "dep", "nmod", "flat") and ctx.mention(c, trigger):
            return c
    doc = verb.doc
    finite = next((c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i and "Fin" in c.morph.get("VerbForm")), verb)
    for i in range(finite.i + 1, min(finite.i + 3, len(doc))):
        m = ctx.mentions_by_token.get(i)
        if m is not None and i not in objects and is_actor(m) and m["via"] != "adjective":
            return doc[i]
    return None


def _not_a_destination(phrase: Token, found: list[dict]) -> list[dict]:
    """"terug naar Nederland", "op bezoek in Australië": a country or place after "naar"
    is where someone goes, not whom the event is aimed at ("onderzoek naar Boeing" is)."""
    if "naar" in _cases(phrase):
        return [m for m in found if m["actor_type"] not in ("country", "place")]
    return found


def _passive(verb: Token) -> bool:
    if any(c.dep_ in ("aux:pass", "nsubj:pass", "obl:agent") for c in verb.children):
        return True
    return "Part" in verb.morph.get("VerbForm") and any(
        c.dep_.startswith("aux") and (c.lemma_ or c.lower_).lower() in ("worden", "word", "wordt", "werd", "werden") for c in verb.children
    )


def _relative_pronoun(verb: Token) -> Token | None:
    for c in verb.children:
        if "Rel" in c.morph.get("PronType") or (c.lower_ in ("die", "dat", "welke", "wat") and c.i < verb.i and _dep(c) in ("nsubj", "obj", "mark")):
            return c
    return None


def verb_roles(verb: Token, ctx: RoleContext, roles: Roles, trigger: Token) -> None:
    """Subject, object and agent of a verb (and what a relative clause stands for)."""
    passive = _passive(verb)
    subjects = [c for c in verb.children if _dep(c) == "nsubj"]
    objects = [c for c in verb.children if _dep(c) in ("obj", "iobj")]
    agents = [c for c in verb.children if c.dep_ == "obl:agent" or (_dep(c) == "obl" and "door" in _cases(c))]
    if verb.dep_.startswith("acl") and verb.head.i < verb.i:
        antecedent = verb.head
        rel = _relative_pronoun(verb)
        others = [s for s in subjects if s != rel]
        if rel is not None and (_dep(rel) == "nsubj" or not others):
            subjects = [antecedent]  # "de kerk, die weigert": the antecedent does it
        elif rel is not None:
            objects = objects or [antecedent]  # "het persbericht dat Philips verspreidde"
            subjects = others
    if not subjects and not passive:
        inverted = _inverted_subject(verb, ctx, trigger)
        subjects = [inverted] if inverted is not None else []
    for s in subjects:
        roles.participant = roles.participant or ctx.participant(s)
        take("target" if passive else "source", s, ctx, roles, trigger)
    for a in agents:
        roles.participant = roles.participant or ctx.participant(a)
        take("source", a, ctx, roles, trigger)
    for o in objects:
        roles.participant = roles.participant or ctx.participant(o)
        if not roles.targets:
            take("target", o, ctx, roles, trigger)
    if not roles.targets:
        for c in verb.children:
            if _dep(c) in ("obl", "nmod") and c not in agents and _cases(c) & TARGET_PREPS:
                found = _not_a_destination(c, ctx.mention(c, trigger))
                if found:
                    roles.add("target", found)
                    break


def nominal_roles(token: Token, code: str, ctx: RoleContext, roles: Roles) -> None:
    """Roles a nominal trigger's own dependents give ("de steun van de VS aan ...")."""
    for child in token.children:
        dep, cases = _dep(child), _cases(child)
        if child.dep_ == "nmod:poss" or (dep == "det" and "Poss" in child.morph.get("Poss")):
            take("source", child, ctx, roles, token)
        elif dep == "nsubj":
            # a predicate noun: "de uniestaat tussen de twee landen kan een confederatie
            # worden": the subject phrase, or the parties its own phrases name, take part
            found = ctx.mention(child, token) or [m for g in child.children if _dep(g) == "nmod" for m in ctx.mention(g, token)]
            roles.participant = roles.participant or bool(found)
            take("source", child, ctx, roles, token, found)
        elif dep == "amod":
            m = ctx.mentions_by_token.get(child.i)
            if m is not None and m["via"] == "adjective" and is_actor(m):
                roles.add("source", [m])
        elif dep == "nmod":
            found = ctx.mention(child, token)
            roles.participant = roles.participant or ctx.participant(child)
            if "van" in cases or "door" in cases:
                # "de arrestatie van drie mannen door de politie": who, named or described
                take("target" if code == "17" and "door" not in cases else "source", child, ctx, roles, token, found)
            elif not found:
                continue
            elif "tussen" in cases:
                roles.add("source", found[:1])
                roles.add("target", found[1:2])
            elif cases & TARGET_PREPS:
                roles.add("target", _not_a_destination(child, found))
            elif not cases and child.pos_ in ("PROPN", "PRON"):
                roles.add("source", found)  # "Mays deal" parsed without a case word


def _other_event(verb: Token, code: str, lex: TriggerLexicon) -> bool:
    """The verb is a trigger word of another type (a reaction to the noun's event)."""
    hit = lex.by_lemma.get(_lemma(verb)) or lex.by_lemma.get(verb.lower_)
    particle = [c for c in verb.children if c.dep_ == "compound:prt"]
    if particle:
        hit = lex.by_lemma.get(particle[0].lower_ + _lemma(verb))
    return hit is not None and hit[0] != code


def _predicate_roles(token: Token, ctx: RoleContext, roles: Roles) -> None:
    """A noun under a copula ("de uniestaat tussen de twee landen kan een confederatie
    worden", however the parser attached it): the copula's subject phrase, or the parties
    its own phrases name, take part."""
    verb = _governing_verb(token)
    if verb is None or _lemma(verb) not in COPULAS:
        return
    for subject in (c for c in verb.children if _dep(c) == "nsubj" and c.i != token.i):
        found = ctx.mention(subject, token) or [m for g in subject.children if _dep(g) == "nmod" for m in ctx.mention(g, token)]
        if take("source", subject, ctx, roles, token, found):
            roles.participant = True


def find_roles(doc: Doc, trigger: Trigger, ctx: RoleContext, token: Token | None = None) -> Roles:
    token = token if token is not None else doc[trigger.start]
    roles = Roles()
    verbal = token.pos_ in ("VERB", "AUX")
    if verbal:
        verb_roles(token, ctx, roles, token)
    else:
        nominal_roles(token, trigger.code, ctx, roles)
        head = token.head
        if head != token and head.pos_ in ("VERB", "AUX") and _dep(token) in ("obj", "nsubj") and not _other_event(head, trigger.code, ctx.lex):
            # a light verb ("maakte een voorbehoud", "doet onderzoek"), "de top vond plaats";
            # not a verb that is an event of its own ("China veroordeelde de arrestatie")
            verb_roles(head, ctx, roles, token)
        elif trigger.code in ctx.lex.symmetric_codes and roles.targets and not roles.sources:
            # "na overleg met de ministers waarschuwde de Fransman", "in de marge van een
            # ontmoeting met Loekasjenko maakte Poetin ...": the clause's subject took part
            verb = _governing_verb(token)
            for c in verb.children if verb is not None else []:
                if _dep(c) == "nsubj":
                    take("source", c, ctx, roles, token)
    if not verbal and not (roles.sources or roles.targets):
        _predicate_roles(token, ctx, roles)
    roles.sources = [m for m in roles.sources if is_actor(m)]
    roles.targets = [m for m in roles.targets if is_actor(m) and all(m["actor_id"] != s["actor_id"] for s in roles.sources)]
    roles.participant = roles.participant or bool(roles.sources or roles.targets)
    return roles
