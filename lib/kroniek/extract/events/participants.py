"""Who a role phrase stands for when it names nobody: a pronoun or a short definite
reference resolved to the actor named before, or the phrase itself as a described
participant.

"Poetin zegde leningen toe. Hij ..." makes Poetin the source of the second sentence;
"de minister" is the last person named before with that role; "de politie" or "drie
betogers" stays what the article calls it.  Resolution prefers the subject of the
nearest earlier clause (the actor the text is about) and never looks further back than
``sentences_back`` sentences.  Knowledge: ``data/pronouns.yaml`` (what each pronoun can stand for), ``data/references.yaml``,
``roles.yaml`` (role nouns).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from kroniek.data import read_yaml


@dataclass(frozen=True)
class ReferenceLexicon:
    pronouns: dict[str, dict[str, frozenset[str]]]  # word -> number -> actor types ("pair": two persons)
    role_nouns: dict[str, str]  # noun -> role ("premier" -> "prime minister")
    organisation_roles: dict[str, str]  # "het bedrijf" -> company
    sentences_back: int
    pronoun_sentences_back: int
    description_dependents: frozenset[str]
    description_max_words: int


@functools.lru_cache(maxsize=1)
def load_references() -> ReferenceLexicon:
    refs = read_yaml("references.yaml")
    antecedents = read_yaml("pronouns.yaml")["antecedents"]
    return ReferenceLexicon(
        pronouns={w: {n: frozenset(types) for n, types in spec.items()} for w, spec in antecedents.items()},
        role_nouns={k.lower(): v for k, v in read_yaml("roles.yaml")["roles"].items()},
        organisation_roles={k.lower(): v for k, v in refs["organisation_references"].items()},
        sentences_back=int(refs["sentences_back"]),
        pronoun_sentences_back=int(refs["pronoun_sentences_back"]),
        description_dependents=frozenset(refs["description_dependents"]),
        description_max_words=int(refs["description_max_words"]),
    )


@dataclass
class ArticleActors:
    """The actor mentions of an article in text order, with the sentence of each token
    and the roles the article gives its persons ("minister Hoekstra")."""

    ordered: list[tuple[int, dict]]  # (token index, mention)
    sentence_of_token: callable
    roles: dict[str, set[str]]  # actor_id -> roles

    def before(self, token: Token, back: int) -> list[tuple[int, dict]]:
        """Mentions before ``token`` within ``back`` sentences, nearest first; one per
        mention (a multi-token name counts once)."""
        first = self.sentence_of_token(token.i) - back
        seen: set[int] = set()
        out = []
        for i, m in reversed(self.ordered):
            if i >= token.i or id(m) in seen:
                continue
            if self.sentence_of_token(i) < first:
                break
            seen.add(id(m))
            out.append((i, m))
        return out


def _acts(m: dict) -> bool:
    return m["via"] != "adjective" and (m["actor_type"] != "place" or m["via"] == "metonymy")


def _number(token: Token) -> str:
    """Singular or plural from the pronoun, else from the verb it is the subject of."""
    for source in (token, token.head):
        number = source.morph.get("Number")
        if number:
            return "plural" if "Plur" in number else "singular"
    return "any"


def _salient(candidates: list[tuple[int, dict]], doc) -> dict | None:
    """The nearest candidate that is a subject, else the nearest one."""
    for i, m in candidates:
        if doc[i].dep_.split(":")[0] == "nsubj" or doc[i].head.dep_.split(":")[0] == "nsubj" and doc[i].dep_ in ("flat", "appos"):
            return m
    return candidates[0][1] if candidates else None


def _pair_before(candidates: list[tuple[int, dict]], doc) -> list[dict]:
    """Two persons named together just before: "Loekasjenko en Poetin"."""
    for i, m in candidates:
        if m["actor_type"] != "person":
            continue
        for j, other in candidates:
            if other is not m and other["actor_type"] == "person" and other["actor_id"] != m["actor_id"] and doc[j].head.i == doc[i].i and doc[j].dep_ == "conj":
                return [other, m] if j < i else [m, other]
            if other is not m and other["actor_type"] == "person" and doc[i].head.i == doc[j].i and doc[i].dep_ == "conj" and other["actor_id"] != m["actor_id"]:
                return [other, m] if j < i else [m, other]
    return []


def resolve_pronoun(token: Token, actors: ArticleActors) -> list[dict]:
    """"hij" after "Poetin ...": the actor a third-person pronoun stands for, when the
    text leaves one choice: a single actor of a fitting kind in this sentence before the
    pronoun and in the sentence before it (two fitting actors: no guess)."""
    lex = load_references()
    spec = lex.pronouns.get(token.lower_)
    if spec is None or token.pos_ != "PRON":
        return []
    number = _number(token)
    wanted = spec.get(number, frozenset()) if number != "any" else frozenset().union(*spec.values())
    candidates = [(i, m) for i, m in actors.before(token, lex.pronoun_sentences_back) if _acts(m)]
    if "pair" in wanted:
        pair = _pair_before(candidates, token.doc)
        if pair:
            return pair
    fitting = {m["actor_id"]: m for _, m in candidates if m["actor_type"] in wanted and _well_named(m)}
    return list(fitting.values()) if len(fitting) == 1 else []


def _well_named(m: dict) -> bool:
    """A person known by a full name, or an organisation, group or country: a lone word
    typed a person ("Charlotte", "Strafkamer") is too unsure to stand behind a pronoun."""
    return m["actor_type"] != "person" or " " in m["actor"].strip()


def _definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("de", "het", "die", "deze", "dat") for c in token.children)


def resolve_reference(token: Token, actors: ArticleActors) -> list[dict]:
    """"de minister", "de premier": the last person named before with that role;
    "de partij", "het bedrijf": the last organisation of that kind named before."""
    lex = load_references()
    lemma = (token.lemma_ or token.lower_).lower()
    if token.pos_ != "NOUN" or not _definite(token):
        return []
    candidates = [(i, m) for i, m in actors.before(token, lex.sentences_back) if _acts(m)]
    for nouns, actor_type in ((lex.role_nouns, "person"), (lex.organisation_roles, "organisation")):
        if lemma in nouns:
            role = nouns[lemma]
            return next(([m] for _, m in candidates if m["actor_type"] == actor_type and role in actors.roles.get(m["actor_id"], set())), [])
    return []


def counted_noun(token: Token) -> Token | None:
    """The people a number heads: "Honderden boeren", "Duizenden Venezolanen" (the parser
    often makes the number the head, with the people as its nmod)."""
    if token.pos_ != "NUM":
        return None
    return next((c for c in token.children if c.i == token.i + 1 and c.pos_ in ("NOUN", "PROPN")), None)


def describe(token: Token) -> str:
    """The words naming a participant without a name: "de Franse politie", "drie betogers"."""
    lex = load_references()
    counted = counted_noun(token)
    if counted is not None:
        return f"{token.text} {describe(counted)}"
    if token.pos_ not in ("NOUN", "PROPN"):
        return ""
    words = [token] + [c for c in token.children if c.dep_.split(":")[0] in lex.description_dependents or c.dep_ in lex.description_dependents]
    words = [w for w in words if w.i <= token.i or w.dep_ in ("flat", "compound")]
    words.sort(key=lambda t: t.i)
    words = [w for w in words if not w.is_punct][-lex.description_max_words :]
    return " ".join(w.text for w in words)
