"""Tense and direction of a time expression: past or future, from the governing verb in the
parse, a leading preposition ("sinds", "tot") or, without a parser, cue words."""

from __future__ import annotations

import re

from kroniek.timex.lexicon import Lexicon


def tense_from_doc(doc, char: int, parsed: bool | None = None) -> str | None:
    """'past' / 'future' from the governing verb of the token at ``char``."""
    if doc is None:
        return None
    if parsed is None:
        parsed = doc.has_annotation("DEP") and doc.has_annotation("MORPH")
    if not parsed:
        return None
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span[0]
    if parsed:
        verb = token
        for _ in range(6):
            if verb.pos_ in ("VERB", "AUX"):
                break
            if verb.head is verb:
                break
            verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            group = [verb, *[c for c in verb.children if c.dep_ in ("aux", "aux:pass", "cop")]]
            lemmas = {t.lemma_.lower() for t in group}
            if lemmas & {"zullen", "gaan"}:
                return "future"
            tenses = {t.morph.get("Tense")[0] for t in group if t.morph.get("Tense")}
            if "Past" in tenses:
                return "past"
            if verb.morph.get("VerbForm") == ["Part"] and lemmas & {"hebben", "zijn"}:
                return "past"
            if "Pres" in tenses:
                return "future"
            if verb.dep_ == "ROOT" and verb.morph.get("VerbForm") == ["Inf"] and len(group) == 1:
                return "future"  # a root "infinitive" is a present plural ("zetten de wijzers")
    return None


_PREPOSITION_DIRECTION = {"sinds": "past", "tot": "future", "vanaf": "future", "per": "future", "uiterlijk": "future"}


def direction_from_preposition(text: str, start: int) -> str | None:
    """"sinds maart" looks back, "tot november" and "vanaf mei" look ahead."""
    m = re.search(r"(\w+)\s+(?:(?:eind|begin|half|medio|zeker|uiterlijk)\s+)?$", text[max(0, start - 30) : start])
    return _PREPOSITION_DIRECTION.get(m.group(1).lower()) if m else None


_PARTICIPLE = re.compile(r"^(ge|be|ver|ont|her|er)\w+(d|t|en)$")


def tense_from_words(words: list[str], lex: Lexicon) -> str | None:
    """Tense from cue words, nearest first (used when no parser is loaded).

    "is"/"zijn" with a participle in the sentence is a perfect (past: "is vrijdag
    aangekomen"); without one it is a present, which with a weekday means the future
    ("de top is op donderdag").
    """
    lowered = [w.lower() for w in words]
    has_participle = any(_PARTICIPLE.match(w) for w in lowered)
    for w in lowered:
        if w in ("is", "zijn"):
            return "past" if has_participle else "future"
        if w in lex.past_cues:
            return "past"
        if w in lex.future_cues:
            return "future"
    return None


_WORD = re.compile(r"[^\W\d_]+")


def _sentence_words_near(text: str, start: int, end: int, sentence_bounds: tuple[int, int], reach: int = 150) -> list[str]:
    """Words of the sentence within ``reach`` characters, nearest to the expression first."""
    s_begin, s_end = max(sentence_bounds[0], start - reach), min(sentence_bounds[1], end + reach)
    items = []
    for m in _WORD.finditer(text, s_begin, s_end):
        if start <= m.start() < end:
            continue
        distance = start - m.end() if m.end() <= start else m.start() - end
        items.append((distance, m.group()))
    return [w for _, w in sorted(items)]
