"""Trigger words and their senses, from ``data/events.yaml``.

A trigger word from the lexicon (verbs and nominalisations, by CAMEO root category)
makes a candidate event; a sense rule of the same file may then choose another type
or reject it by its neighbours in the parse ("staakte de subsidie" is stopping aid, "de
top van Boeing" is no summit).  The lexicon is data, so users can extend it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from kroniek.data import read_yaml
from kroniek.data.words import pronouns


@dataclass
class TriggerLexicon:
    categories: dict[str, str]
    by_lemma: dict[str, tuple[str, str]]  # lemma or form -> (code, lemma)
    phrases: dict[tuple[str, ...], tuple[str, str]]  # multi-word forms
    light_verbs: set[str]
    max_phrase: int
    not_events: list[tuple[str, ...]]
    needs_target: set[str]
    sentence_words: set[str]
    senses: dict[str, list[dict]] = field(default_factory=dict)  # word -> rules
    participants: set[str] = field(default_factory=set)
    adjective_heads: set[str] = field(default_factory=set)
    pair_nouns: dict[str, str] = field(default_factory=dict)
    sentence_marker: str = ""
    symmetric_codes: frozenset[str] = frozenset()
    lemma_senses: dict[str, list[dict]] = field(default_factory=dict)  # lemma -> rules


def _check_sense(entry: dict, index: int) -> None:
    known = {*_CONDITIONS, "code"}
    for rule in entry.get("rules", []):
        unknown = set(rule) - known
        if unknown or "code" not in rule:
            raise ValueError(f"events.yaml: senses[{index}]: rule {rule} has unknown conditions {sorted(unknown)} or no code")


@functools.lru_cache(maxsize=1)
def load_triggers() -> TriggerLexicon:
    config = read_yaml("events.yaml")
    by_lemma: dict[str, tuple[str, str]] = {}
    phrases: dict[tuple[str, ...], tuple[str, str]] = {}
    for code, triggers in config["triggers"].items():
        for lemma, forms in triggers.items():
            for form in [lemma.replace("_", " "), *(forms or [])]:
                words = tuple(form.lower().split())
                if "_" in lemma and form == lemma.replace("_", " "):
                    continue  # an identifier, not a word
                if len(words) == 1:
                    by_lemma.setdefault(words[0], (str(code), lemma))
                else:
                    phrases.setdefault(words, (str(code), lemma))
    senses: dict[str, list[dict]] = {}
    for index, entry in enumerate(config.get("senses", [])):
        _check_sense(entry, index)
        for word in entry["words"]:
            senses.setdefault(word.lower(), []).extend(entry["rules"])
    return TriggerLexicon(
        categories={str(k): v for k, v in config["categories"].items()},
        by_lemma=by_lemma,
        phrases=phrases,
        light_verbs=set(config["light_verbs"]),
        max_phrase=max((len(p) for p in phrases), default=1),
        not_events=[tuple(p.lower().split()) for p in config.get("not_events", [])],
        needs_target=set(config.get("needs_target", [])),
        sentence_words=set(config.get("sentence_words", [])),
        senses=senses,
        participants={w.lower() for w in config.get("participants", [])},
        adjective_heads={w.lower() for w in config.get("adjective_heads", [])},
        pair_nouns={str(k).lower(): str(v) for k, v in (config.get("pair_nouns") or {}).items()},
        sentence_marker=config["sentence_marker"],
        symmetric_codes=frozenset(str(c) for c in config["symmetric_codes"]),
        lemma_senses={lemma: list(rules) for lemma, rules in config["lemma_senses"].items()},
    )


@dataclass
class Trigger:
    start: int  # token index
    end: int
    code: str
    lemma: str
    verbal: bool = False  # a verb (or a multi-word verbal phrase), not a noun


def find_triggers(sent: Span, lex: TriggerLexicon) -> list[Trigger]:
    """Trigger words of a sentence; phrases first, then single words (lemma or form).

    Words inside a name ("Europese Unie", "Unie van Rusland en Wit-Rusland") are not
    triggers.  A phrase whose last word is a preposition heading a phrase of its own is
    no particle verb: "hield aan de wedstrijd een blessure over" is not "hield aan"."""
    tokens = list(sent)
    lowers = [t.lower_ for t in tokens]
    used = [bool(t.ent_type_) and t.ent_iob_ in ("B", "I") and t.ent_type_ not in ("MISC", "NORP") for t in tokens]
    found: list[Trigger] = []
    for n in range(lex.max_phrase, 1, -1):
        for i in range(len(tokens) - n + 1):
            key = tuple(lowers[i : i + n])
            if key in lex.phrases and not any(used[i : i + n]):
                last = tokens[i + n - 1]
                if last.dep_ == "case" and last.head.i > last.i:
                    continue  # "aan de wedstrijd": a preposition, not a particle
                code, lemma = lex.phrases[key]
                found.append(Trigger(tokens[i].i, tokens[i + n - 1].i + 1, code, lemma, verbal=tokens[i].pos_ in ("VERB", "AUX") or not tokens[i].pos_))
                for k in range(i, i + n):
                    used[k] = True
    for i, token in enumerate(tokens):
        if used[i] or not token.is_alpha:
            continue
        hit = lex.by_lemma.get(token.lemma_.lower()) if token.lemma_ else None
        hit = hit or lex.by_lemma.get(lowers[i])
        if hit is None:
            continue
        if i > 0 and tokens[i - 1].text in ("-", "–"):
            continue  # the tail of a compound: "ING-top", "EU-hulp"
        if token.dep_ == "amod" or (token.pos_ == "ADJ" and token.tag_ != "NOUN" and any(c.dep_ == "cop" for c in token.children)):
            continue  # a participle used as an adjective: "een bekritiseerd stuk", "het stuk is bekritiseerd"
        particle = [c for c in token.children if c.dep_ == "compound:prt"] if token.pos_ in ("VERB", "AUX") else []
        if particle:
            # "leverde ... op" is opleveren, not leveren: the verb with its particle decides
            hit = lex.by_lemma.get(particle[0].lower_ + (token.lemma_ or token.lower_).lower())
            if hit is None:
                continue
        code, lemma = hit
        code = _lemma_sense(lemma, code, token, sent, lex)
        found.append(Trigger(token.i, token.i + 1, code, lemma, verbal=token.pos_ in ("VERB", "AUX")))
    return sorted((t for t in found if not _in_not_event(sent, t, lex)), key=lambda t: t.start)


def _lemma_sense(lemma: str, code: str, token: Token, sent: Span, lex: TriggerLexicon) -> str:
    """The code of the first of the lemma's sense rules (``lemma_senses``) that holds, else ``code``."""
    for rule in lex.lemma_senses.get(lemma, []):
        if _lemma_rule_holds(rule, token, sent, lex):
            return str(rule["code"])
    return code


def _lemma_rule_holds(rule: dict, token: Token, sent: Span, lex: TriggerLexicon) -> bool:
    if "form_starts" in rule and not token.lower_.startswith(rule["form_starts"]):
        return False
    if rule.get("court_sentence") and not _is_court_sentence(sent, lex):
        return False
    if rule.get("without_number") and any(t.like_num for t in sent):
        return False
    unwanted = set(rule.get("without_context", []))
    return not any(t.lower_ in unwanted for t in sent)


def _is_court_sentence(sent: Span, lex: TriggerLexicon) -> bool:
    words = [t.lower_ for t in sent]
    marker = lex.sentence_marker
    return marker in words and any(w in lex.sentence_words for w in words[words.index(marker) :])


def _in_not_event(sent: Span, trigger: Trigger, lex: TriggerLexicon) -> bool:
    doc = sent.doc
    lowers = [t.lower_ for t in doc[max(sent.start, trigger.start - 4) : min(sent.end, trigger.end + 4)]]
    offset = max(sent.start, trigger.start - 4)
    for phrase in lex.not_events:
        n = len(phrase)
        for k in range(len(lowers) - n + 1):
            if tuple(lowers[k : k + n]) == phrase and offset + k < trigger.end and offset + k + n > trigger.start:
                return True
    return False


# -- senses ------------------------------------------------------------------------------


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.lower_).lower()


def _matches(words, token: Token) -> bool:
    return words == "*" or token.lower_ in words or _lemma(token) in words


def _context(sent: Span, words: list[str]) -> bool:
    lowers = [t.lower_ for t in sent]
    joined = " " + " ".join(lowers) + " "
    single = {w.lower() for w in words if " " not in w}
    if single & set(lowers) or single & {_lemma(t) for t in sent}:
        return True
    return any(f" {w.lower()} " in joined for w in words if " " in w)


def _governing_verb(token: Token) -> Token | None:
    """The verb or auxiliary at most three heads up: a sense rule's "head" names it, and the
    roles of a symmetric noun ("overleg met") take the subject of its clause from it."""
    head, hops = token, 0
    while hops < 3 and head.head != head:
        head = head.head
        hops += 1
        if head.pos_ in ("VERB", "AUX"):
            return head
    return None


HUMAN_PRONOUNS = pronouns("human_subject")


def _dep(token: Token) -> str:
    return token.dep_.split(":")[0]


@dataclass
class _Site:
    """Where a sense rule is tried: the trigger token, its sentence and what is known of it."""

    token: Token
    sent: Span
    actor_tokens: set[int]
    participants: set[str]

    @property
    def children(self) -> list[Token]:
        return list(self.token.children)

    @property
    def objects(self) -> list[Token]:
        return [c for c in self.token.children if _dep(c) == "obj"]


def _has_object(value, site: _Site) -> bool:
    return any(_matches([v.lower() for v in value] if value != "*" else "*", o) for o in site.objects)


def _no_object(value, site: _Site) -> bool:
    return bool(site.objects) != bool(value)


def _head(value, site: _Site) -> bool:
    verb = _governing_verb(site.token)
    return verb is not None and _lemma(verb) in {v.lower() for v in value}


def _case(value, site: _Site) -> bool:
    cases = {c.lower_ for c in site.children if c.dep_ == "case"}
    return bool(cases & {v.lower() for v in value})


def _bare(value, site: _Site) -> bool:
    named = any(_dep(c) in ("nmod", "amod", "appos", "flat", "conj") for c in site.children)
    return named != bool(value)


def _van(value, site: _Site) -> bool:
    has_van = any(_dep(c) == "nmod" and any(g.lower_ == "van" and g.dep_ == "case" for g in c.children) for c in site.children)
    return has_van == bool(value)


def _subject(value, site: _Site) -> bool:
    subjects = [c for c in site.children if _dep(c) == "nsubj"]
    has_actor = any(i in site.actor_tokens for s in subjects for i in range(s.left_edge.i, s.right_edge.i + 1))
    human = any(s.pos_ == "PRON" and s.lower_ in HUMAN_PRONOUNS for s in subjects) or any(
        _lemma(s) in site.participants or s.pos_ == "PROPN" for s in subjects
    )
    return not (value == "not_actor" and (has_actor or human))


def _complement(value, site: _Site) -> bool:
    te = any(_dep(c) == "xcomp" and any(m.lower_ == "te" for m in c.children) for c in site.children)
    return te or any(t.lower_ == "te" and t.i > site.token.i for t in site.sent)


def _complement_verbs(value, site: _Site) -> bool:
    wanted = {v.lower() for v in value}
    return any(_dep(c) == "xcomp" and _lemma(c) in wanted for c in site.children)


def _next_words(value, site: _Site) -> bool:
    wanted = {v.lower() for v in value}
    following = [t.lower_ for t in site.sent.doc[site.token.i + 1 : min(site.token.i + 4, site.sent.end)]]
    return bool(wanted & set(following))


def _complement_mark(value, site: _Site) -> bool:
    wanted = {v.lower() for v in value}
    clauses = [c for c in site.children if _dep(c) in ("ccomp", "advcl", "xcomp", "obj")]
    return any(m.dep_ == "mark" and m.lower_ in wanted for c in clauses for m in c.children)


def _passive(value, site: _Site) -> bool:
    token = site.token
    passive = any(c.dep_ in ("aux:pass", "nsubj:pass") for c in site.children) or (
        "Part" in token.morph.get("VerbForm") and any(c.dep_.startswith("aux") and _lemma(c) == "worden" for c in site.children)
    )
    return passive == bool(value)


# The conditions a sense rule may name (see ``senses`` in events.yaml), each a test that must hold.
_CONDITIONS = {
    "object": _has_object,
    "no_object": _no_object,
    "head": _head,
    "case": _case,
    "bare": _bare,
    "van": _van,
    "context": lambda value, site: _context(site.sent, value),
    "subject": _subject,
    "complement": _complement,
    "complement_verbs": _complement_verbs,
    "next_words": _next_words,
    "complement_mark": _complement_mark,
    "passive": _passive,
}


def _rule_holds(rule: dict, token: Token, sent: Span, actor_tokens: set[int], participants: set[str] = frozenset()) -> bool:
    site = _Site(token, sent, actor_tokens, participants)
    return all(_CONDITIONS[key](value, site) for key, value in rule.items() if key != "code")


def apply_senses(trigger: Trigger, sent: Span, lex: TriggerLexicon, actor_tokens: set[int]) -> str | None:
    """The code a trigger takes in this sentence, or None when it names no event."""
    token = sent.doc[trigger.start]
    rules = lex.senses.get(token.lower_) or lex.senses.get(_lemma(token)) or []
    for rule in rules:
        if _rule_holds(rule, token, sent, actor_tokens, lex.participants):
            code = str(rule["code"])
            return None if code == "none" else code
    return trigger.code
