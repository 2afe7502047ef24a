"""Trigger-word candidates of one article with what the trained decision reads.

The lexicon (``lexicon.find_triggers``) proposes; each candidate carries the sense and
factuality the hand-written rules give and the features of ``classify`` so the same
code serves extraction and training (``training/events/train.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kroniek.extract.events.classify import article_features, candidate_features
from kroniek.extract.events.factuality import factuality as factuality_of
from kroniek.extract.events.lexicon import Trigger, apply_senses, find_triggers, load_triggers
from kroniek.extract.events.roles import is_actor


def head_token(doc: Doc, trigger: Trigger) -> Token:
    """The word of a (multi-word) trigger that the rest of the sentence attaches to."""
    span = doc[trigger.start : trigger.end]
    for token in span:
        if not (trigger.start <= token.head.i < trigger.end) or token.head == token:
            return token
    return span[0]


@dataclass
class Candidate:
    sentence_id: int
    sent: Span
    trigger: Trigger
    token: Token
    rule_code: str | None  # the sense rules' type, None: no event by the rules
    rule_factuality: str
    features: dict[str, float]

    @property
    def start(self) -> int:
        return self.sent.doc[self.trigger.start].idx


def mentions_by_token(doc: Doc, mentions: list[dict]) -> dict[int, dict]:
    """Each token inside an actor mention, with that mention."""
    out: dict[int, dict] = {}
    for m in mentions:
        span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
        if span is not None:
            for t in span:
                out[t.i] = m
    return out


def article_candidates(doc: Doc, sentences: list[Span], mentions: list[dict], timexes: list[dict], money: list[dict]) -> list[Candidate]:
    """Every trigger candidate of the article, in text order."""
    lex = load_triggers()
    by_token = mentions_by_token(doc, mentions)
    actor_tokens = {i for i, m in by_token.items() if is_actor(m)}
    dated = {t["sentence_id"] for t in timexes if t.get("begin_date")}
    with_money = {m["sentence_id"] for m in money}
    found = []
    article = article_features(doc)
    for sentence_id, sent in enumerate(sentences):
        for trigger in find_triggers(sent, lex):
            token = head_token(doc, trigger)
            rule_code = apply_senses(trigger, sent, lex, actor_tokens)
            rule_fact = factuality_of(token)
            features = candidate_features(
                token, sent, trigger.code, trigger.lemma, by_token, rule_code, rule_fact, sentence_id in dated, sentence_id in with_money
            )
            features.update(article)
            found.append(Candidate(sentence_id, sent, trigger, token, rule_code, rule_fact, features))
    return found
