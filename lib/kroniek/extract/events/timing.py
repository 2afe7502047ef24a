"""When: the time expression of the trigger's own clause, by the parse.

A time expression counts for a trigger when it hangs on the trigger itself ("de
aanslagen vrijdag"), on the trigger's clause before or after the verb ("De minister
deed die toezegging vorige week", "Vorige week vrijdag openden de Koerden het
offensief"), or on a clause the trigger's clause is coordinated with or adverbial to.
Not when it belongs to another noun ("aanmeldingen van de afgelopen vier jaar"), to a
relative clause, or to the speech verb above a reported clause ("zei gisteren geen
ruimte te zien voor zijn aftreden").  Without a parse: the nearest expression of the
sentence.  Without any: the article date, and ``time_text`` says so.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kroniek.nlp.tree import span_root

UP_LINKS = {"advcl", "conj"}  # a clause that shares the time of the one it hangs on


def _is_clause_head(token: Token) -> bool:
    if token.dep_.startswith("aux") or token.dep_ == "cop":
        return False  # "hebben ... ontmoet": the auxiliary belongs to its verb's clause
    return token.pos_ in ("VERB", "AUX") or any(c.dep_ == "cop" for c in token.children) or token.head == token


def clause_head(token: Token) -> Token:
    node, hops = token, 0
    while not _is_clause_head(node) and hops < 6:
        node = node.head
        hops += 1
    return node


def _rank(timex_root: Token, trigger: Token, head: Token) -> int | None:
    """0: on the trigger; 1: on its clause; 2: on a clause it is adverbial or
    coordinated to; None: elsewhere."""
    node, hops = timex_root, 0
    while hops < 8:
        if node.i == trigger.i:
            return 0
        if node != timex_root and node.pos_ in ("NOUN", "PROPN") and node.dep_.split(":")[0] != "obl":
            return None  # it dates another noun: "de aanmeldingen van de afgelopen vier jaar"
        if _is_clause_head(node) and node != timex_root:
            break
        if node.head == node:
            break
        node = node.head
        hops += 1
    if node.i == head.i:
        return 1
    if node.dep_.startswith("acl") and node.head.i == trigger.i:
        return 0  # a relative clause on the trigger: "de repressie die startte in augustus"
    clause, hops = head, 0
    while clause.dep_.split(":")[0] in UP_LINKS and clause.head != clause and hops < 3:
        clause = clause_head(clause.head)
        hops += 1
        if clause.i == node.i:
            return 2
    return None


def pick_timex(doc: Doc, trigger: Token, timexes: list[dict], has_parse: bool) -> dict | None:
    """The time expression dating a trigger, among those of its sentence."""
    if not timexes:
        return None
    char = trigger.idx
    if not has_parse:
        return min(timexes, key=lambda r: min(abs(r["start"] - char), abs(r["end"] - char)))
    head = clause_head(trigger)
    ranked = []
    for t in timexes:
        span = doc.char_span(t["start"], t["end"], alignment_mode="expand")
        if span is None or not len(span):
            continue
        rank = _rank(span_root(span), trigger, head)
        if rank is not None:
            ranked.append((rank, min(abs(t["start"] - char), abs(t["end"] - char)), t["start"], t))
    return min(ranked, key=lambda r: r[:3])[3] if ranked else None
