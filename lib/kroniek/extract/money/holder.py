"""Whose figure it is: the actor a money figure belongs to, from the parse of its sentence.

A sentence often names several actors beside an amount ("doordat Baudet steeds zijn 1000
miljard aan kosten noemde, gebeurde hetzelfde als met Trump"); the figure is the one
the grammar attaches it to, on UD v2 relations:

* the possessor or ``van``-phrase of the amount or of the noun it belongs to ("de
  begroting van Defensie", "Mays deal"), never the ``van``-phrase that is the amount itself
  ("een schuldenberg van 2300 miljard");
* else the subject of the clause the amount stands in (through an ``xcomp`` or a verb
  without a subject of its own, "FvD wil 15 miljard uitgeven"), or in a passive clause
  its ``door``-phrase; a relative pronoun stands for its antecedent ("De Golfstaat, die 1
  miljard euro aan Frankrijk betaalde"); a subject that names no actor may own one by possessor or
  ``van``-phrase ("De waarde van Nederlandse export was ..." is the Netherlands');
* a phrase names an actor by the mention on its head word, a name beside a title
  ("Directeur Mikhail Friedman") or a nationality adjective on its head.

A clause whose subject names no actor, or is the amount itself, ends the search ("dat
het klimaatakkoord 1000 miljard kost": the agreement's): the figure then has no holder, and the dashboard says
the actors of the sentence are only named there.  Rows get ``holder_start`` and
``holder_end``, the offsets of the holder's mention (equal when there is none).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kroniek.nlp.tree import case_words as _cases
from kroniek.nlp.tree import relation as _dep
from kroniek.nlp.tree import span_root

MAX_STEPS = 6  # head links climbed from the amount: a clause or two, never the whole sentence
NAME_LINKS = ("flat", "appos", "compound", "nmod")  # a name beside a title: "Directeur Mikhail Friedman"


def _inside(token: Token, span: Span) -> bool:
    return any(span.start <= t.i < span.end for t in token.subtree)


class _Holders:
    """Mentions by token, and the rules above on one Doc."""

    def __init__(self, doc: Doc, mentions: list[dict]):
        self.by_token: dict[int, dict] = {}
        for mention in mentions:
            span = doc.char_span(int(mention["start"]), int(mention["end"]), alignment_mode="expand")
            for token in span or ():
                self.by_token.setdefault(token.i, mention)

    def named(self, phrase: Token) -> dict | None:
        """The actor a phrase names (see the module docstring), or None."""
        mention = self.by_token.get(phrase.i)
        if mention is not None and mention["via"] != "adjective":
            return mention
        for child in phrase.children:
            found = self.by_token.get(child.i)
            if found is not None and found["via"] != "adjective" and _dep(child) in NAME_LINKS and not _cases(child):
                return found
        for child in phrase.children:
            found = self.by_token.get(child.i)
            if found is not None and found["via"] == "adjective" and _dep(child) == "amod":
                return found
        return None

    def owner(self, noun: Token, amount: Span) -> dict | None:
        """The possessor or ``van``-phrase of a noun that names an actor (not the amount's own phrase)."""
        for child in noun.children:
            if _inside(child, amount):
                continue
            if child.dep_ == "nmod:poss" or (_dep(child) == "nmod" and "van" in _cases(child)):
                found = self.named(child)
                if found is not None:
                    return found
        return None

    def of_clause(self, head: Token, amount: Span) -> tuple[bool, dict | None]:
        """(whether ``head`` has a subject, the actor it names or owns) for a clause head.
        A clause whose subject is the amount itself ("dat miljarden aan subsidies illegaal
        waren") has no other holder: the search ends there."""
        if any(_dep(c) == "nsubj" and _inside(c, amount) for c in head.children):
            return True, None
        children = [c for c in head.children if not _inside(c, amount)]
        if any(c.dep_ in ("aux:pass", "nsubj:pass") for c in head.children):
            for agent in children:
                if agent.dep_ == "obl:agent" or (_dep(agent) == "obl" and "door" in _cases(agent)):
                    return True, self.named(agent)
        subjects = [c for c in children if _dep(c) == "nsubj" and c.pos_ in ("NOUN", "PROPN", "PRON", "X")]
        if not subjects:
            return False, None
        subject = subjects[0]
        if "Rel" in subject.morph.get("PronType") and _dep(head) == "acl" and head.head.i != head.i:
            subject = head.head  # "De Golfstaat, die 1 miljard euro betaalde": the relative pronoun stands for its antecedent
        return True, self.named(subject) or self.owner(subject, amount)

    def holder(self, amount: Span) -> dict | None:
        token = span_root(amount)
        for _ in range(MAX_STEPS):
            if token.pos_ in ("NOUN", "PROPN", "NUM"):
                found = self.owner(token, amount)
                if found is not None:
                    return found
            has_subject, found = self.of_clause(token, amount)
            if has_subject:
                return found
            if token.head.i == token.i:
                return None
            token = token.head
        return None


def attach_holders(doc: Doc, money: list[dict], mentions: list[dict]) -> None:
    """Set ``holder_start``/``holder_end`` of every money row (offsets into the text) to
    the mention of the actor the figure belongs to, or to 0, 0 when the parse names none."""
    holders = _Holders(doc, mentions) if doc.has_annotation("DEP") else None
    for row in money:
        row["holder_start"] = row["holder_end"] = 0
        amount = doc.char_span(int(row["start"]), int(row["end"]), alignment_mode="expand") if holders else None
        found = holders.holder(amount) if amount is not None and len(amount) else None
        if found is not None:
            row["holder_start"], row["holder_end"] = int(found["start"]), int(found["end"])
