"""An event told in words: the trigger's clause, who first, cut to what happened.

"Tijdens de persconferentie donderdag in het Kremlin kondigden Loekasjenko en Poetin de
ondertekening aan van een pakket van 28 maatregelen" becomes "Loekasjenko en Poetin
kondigden de ondertekening aan van een pakket van 28 maatregelen": the subject moves to
the front, the finite verb after it (so a subordinate clause reads as a main clause,
and a separable verb splits: "dat Poetin leningen toezegt" -> "Poetin zegt leningen
toe"), and asides, other clauses, time expressions and adverbs of telling drop out.  A
pronoun that stands for an actor is replaced by its name.  A statement with a quote is
"Loekasjenko: 'Een doorbraak'".  Where the parse gives no clause with a subject or an
object, the words around the trigger beat a garbled sentence.  Knowledge:
``data/clauses.yaml``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kroniek.data import read_yaml
STATEMENT = "01"
FALLBACK_WINDOW = 7  # words either side of the trigger when the parse gives no clause


@dataclass(frozen=True)
class ClauseLexicon:
    particles: tuple[str, ...]
    dropped: frozenset[str]
    kept_prepositions: frozenset[str]
    dropped_adverbs: frozenset[str]
    max_words: int
    quote_marks: frozenset[str]
    relative_words: frozenset[str]


@functools.lru_cache(maxsize=1)
def load_clauses() -> ClauseLexicon:
    data = read_yaml("clauses.yaml")
    return ClauseLexicon(
        tuple(sorted(data["separable_particles"], key=len, reverse=True)),
        frozenset(data["dropped_dependents"]),
        frozenset(data["kept_prepositions"]),
        frozenset(data["dropped_adverbs"]),
        int(data["max_words"]),
        frozenset(data["quote_marks"]),
        frozenset(data["relative_words"]),
    )


def _dep(token: Token) -> str:
    return token.dep_.split(":")[0]


def _is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and not token.dep_.startswith("aux") and token.dep_ != "cop"


def clause_root(trigger: Token) -> Token:
    """The verb whose clause tells the event: the trigger itself, or the verb a nominal
    trigger is the subject or object of ("hield een oefening", "de top vond plaats")."""
    if _is_verb(trigger):
        return trigger
    head = trigger.head
    if head != trigger and _is_verb(head) and _dep(trigger) in ("obj", "nsubj"):
        return head
    return trigger


CONTENT_CODES = {"01", "02", "03", "10", "12", "13"}  # what is said, asked or refused is the news
CLAUSE_LEVEL = {"cc", "mark"}  # dropped where they link clauses, kept inside a phrase ("Moskou en Minsk", "te verwachten")


def _dropped(token: Token, lex: ClauseLexicon, skip: frozenset[int], root: Token, keep_content: bool) -> bool:
    if token.i in skip:
        return True
    dep = _dep(token)
    if dep in CLAUSE_LEVEL:
        return token.head == root and (_is_verb(root) or token.i < root.i)
    if token.head == root and token.i < root.i and token.lower_ in lex.relative_words:
        return True  # "waar de autoriteiten ... arresteerden": the word that links the clause
    if token.dep_ in lex.dropped or dep in lex.dropped:
        return True
    if dep == "ccomp" and not keep_content:
        return True
    if _dep(token) == "advmod" and token.lower_ in lex.dropped_adverbs:
        return True
    if _dep(token) in ("obl", "nmod"):
        cases = {c.lower_ for c in token.children if c.dep_ == "case"}
        return bool(cases) and not cases & lex.kept_prepositions
    return False


def _collect(token: Token, root: Token, lex: ClauseLexicon, skip: frozenset[int], keep_content: bool, out: list[Token]) -> None:
    if token != root and _dropped(token, lex, skip, root, keep_content):
        return
    out.append(token)
    for child in token.children:
        if child.dep_ == "conj" and _is_verb(child):
            continue  # another clause: "en riep op tot kalmte"
        if token == root and not _is_verb(root) and child.dep_ == "case" and child.i < root.i:
            continue  # the preposition a noun phrase hangs from: "(van) een ontmoeting met ..."
        _collect(child, root, lex, skip, keep_content, out)


def _subject(root: Token, hint: Token | None) -> Token | None:
    """The subject: the parse's, else the source the role finder found in the clause
    ("kondigden Loekasjenko en Poetin ... aan" where the parse has no subject arc)."""
    if hint is not None and any(t.i == hint.i for t in root.subtree):
        # the parser may hang an inverted subject from the auxiliary ("hebben Moskou en
        # Minsk de banden aangehaald": Moskou under "hebben"): the subject is then the
        # phrase under the auxiliary, not the auxiliary itself
        stops = {root.i} | {c.i for c in root.children if c.dep_.startswith("aux")}
        node = hint
        while node.head.i not in stops and node.head != node:
            node = node.head
        if node.head.i in stops and node.i not in stops:
            return node
    for child in root.children:
        if _dep(child) == "nsubj":
            return child
    for child in root.children:  # an inverted subject the parser did not label
        if child.i > root.i and child.pos_ == "PROPN" and _dep(child) in ("appos", "dep", "nmod", "flat"):
            return child
    return None


def _finite(root: Token) -> Token:
    for child in root.children:
        if child.dep_.startswith("aux") and "Fin" in child.morph.get("VerbForm"):
            return child
    return root


def _split_particle(finite: Token, lex: ClauseLexicon) -> tuple[str, str]:
    """"toezegt" -> ("zegt", "toe") when the lemma is a particle verb written as one word."""
    lemma = (finite.lemma_ or "").lower()
    if finite.dep_.startswith("aux") or any(c.dep_ == "compound:prt" for c in finite.children) or "Fin" not in finite.morph.get("VerbForm"):
        return finite.text, ""  # a participle or infinitive keeps its particle: "heeft aangekondigd"
    for p in lex.particles:
        if lemma.startswith(p) and finite.lower_.startswith(p) and len(finite.text) > len(p) + 2:
            return finite.text[len(p) :], p
    return finite.text, ""


def _words(tokens: list[Token], names: dict[int, str]) -> list[str]:
    words, replaced = [], set()
    for t in tokens:
        if t.i in names:
            if names[t.i] not in replaced:
                words.append(names[t.i])
                replaced.add(names[t.i])
            continue
        words.append(t.text)
    return words


def _cut(words: list[str], limit: int) -> list[str]:
    return words if len(words) <= limit else words[:limit] + ["…"]


def _join(words: list[str]) -> str:
    text = " ".join(w.strip() for w in words if w.strip())
    for mark in (" ,", " .", " :", " ;", " )"):
        text = text.replace(mark, mark[1:])
    text = text.replace("( ", "(").strip(" ,.;:-–")
    return text[:1].upper() + text[1:]


def _quote(sent: Span, lex: ClauseLexicon) -> str:
    marks = [t.i for t in sent if t.text in lex.quote_marks or t.text in ("'", "’", "”")]
    if len(marks) < 2 or marks[1] - marks[0] < 2:
        return ""
    inside = [t.text for t in sent.doc[marks[0] + 1 : marks[1]]]
    return _join(_cut(inside, lex.max_words - 2))


def _fallback(trigger: Token, sent: Span) -> str:
    lo = max(sent.start, trigger.i - FALLBACK_WINDOW)
    hi = min(sent.end, trigger.i + FALLBACK_WINDOW + 1)
    words = [t.text for t in sent.doc[lo:hi]]
    return ("…" if lo > sent.start else "") + _join(words) + ("…" if hi < sent.end else "")


def summarize(
    trigger: Token,
    sent: Span,
    code: str,
    source: str = "",
    names: dict[int, str] | None = None,
    skip: frozenset[int] = frozenset(),
    source_token: Token | None = None,
) -> str:
    """The summary of one event.  ``names``: token index -> actor name for words that
    stand for an actor (a resolved pronoun); ``skip``: tokens of time expressions;
    ``source_token``: a word of the source phrase, when the role finder found one."""
    lex = load_clauses()
    names = names or {}
    if code == STATEMENT and source:
        quote = _quote(sent, lex)
        if quote:
            return f"{source}: '{quote}'"
    root = clause_root(trigger)
    if not _is_verb(root):
        return _nominal(trigger, sent, source, names, skip, lex)
    subject = _subject(root, source_token)
    has_object = any(_dep(c) in ("obj", "iobj", "obl", "xcomp", "ccomp") for c in root.children)
    if subject is None and not has_object:
        return _fallback(trigger, sent)
    tokens: list[Token] = []
    _collect(root, root, lex, skip, code in CONTENT_CODES, tokens)
    tokens.sort(key=lambda t: t.i)
    if subject is None:
        return _join(_cut(_words(tokens, names), lex.max_words))  # no subject to put first: the words in their order
    finite = _finite(root)
    subject_ids = {t.i for t in subject.subtree}
    head_words = _words([t for t in tokens if t.i in subject_ids], names)
    verb, particle = _split_particle(finite, lex)
    rest = _words([t for t in tokens if t.i not in subject_ids and t.i != finite.i], names)
    words = head_words + [verb] + rest + ([particle] if particle else [])
    return _join(_cut(words, lex.max_words))


def _nominal(trigger: Token, sent: Span, source: str, names: dict[int, str], skip: frozenset[int], lex: ClauseLexicon) -> str:
    """A nominal trigger outside a clause of its own: its noun phrase, who first."""
    tokens: list[Token] = []
    _collect(trigger, trigger, lex, skip, False, tokens)
    tokens.sort(key=lambda t: t.i)
    words = _words(tokens, names)
    phrase = _join(_cut(words, lex.max_words))
    if len(words) < 2:
        return _fallback(trigger, sent)
    if source and source.split("|")[0] not in phrase:
        return f"{source.replace('|', ' en ')}: {phrase[:1].lower() + phrase[1:]}"
    return phrase
