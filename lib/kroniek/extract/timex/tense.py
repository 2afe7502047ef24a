"""Tense and direction of a time expression: past or future, from the governing verb in the
parse, a leading preposition ("sinds", "tot") or, without a parser, cue words."""

from __future__ import annotations

import re

from kroniek.extract.timex.lexicon import Lexicon

_PERFECT_AUX = {"hebben", "zijn"}


def tense_from_doc(doc, char: int, parsed: bool | None = None, lex: Lexicon | None = None) -> str | None:
    """The tense of the clause around ``char``, read from its verb group in the parse:

    * 'future': "zal", "gaat ... doen" (not "is gaan doen"); "zou" + infinitive is hearsay
      or a plan told in the past: 'present', the story's tense decides;
    * 'past': a past tense, a perfect ("heeft gestemd", "is opgepakt", "is gaan roken",
      "zou ... hebben bedreigd"), or a present verb of saying ("zegt de minister dinsdag":
      what was said lies behind us);
    * 'present': any other present tense ("komt", "wordt uitgevoerd"), which in news is as
      often historical as it is scheduled: the nearest reading wins;
    * None: no verb found (no parse, a phrase without a verb).

    The verb is the one governing the expression, or, where the parse hangs it under a
    noun that no verb governs (a mistagged "beet", "togen"), the nearest finite verb of
    its sentence.
    """
    if doc is None:
        return None
    if parsed is None:
        parsed = doc.has_annotation("DEP") and doc.has_annotation("MORPH")
    if not parsed:
        return None
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = _governing_verb(span[0])
    if verb is None:
        nearest = _nearest_finite(span[0])  # only its own tense: its group may be misparsed too
        tense = nearest.morph.get("Tense") if nearest is not None else []
        return {"Past": "past", "Pres": "present"}.get(tense[0]) if tense else None
    return _group_tense(verb, span[0], lex)


def _governing_verb(token):
    verb = token
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX"):
            return verb
        if verb.head is verb:
            return None
        verb = verb.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _nearest_finite(token):
    """The finite verb of the token's sentence nearest to it (by words), if any (a verb's
    lemma is an infinitive: a noun the tagger took for a verb is no such verb)."""
    finite = [t for t in token.sent if t.morph.get("VerbForm") == ["Fin"] and t.i != token.i and t.lemma_.lower().endswith("n")]
    return min(finite, key=lambda t: abs(t.i - token.i)) if finite else None


def _group_tense(verb, token, lex: Lexicon | None) -> str | None:
    group = [verb, *[c for c in verb.children if c.dep_ in ("aux", "aux:pass", "cop")]]
    lemmas = {t.lemma_.lower() for t in group}
    tenses = {t.morph.get("Tense")[0] for t in group if t.morph.get("Tense")}
    if any(t is not verb and t.dep_ in ("aux", "aux:pass") and t.lemma_.lower() in _PERFECT_AUX and t.morph.get("VerbForm") == ["Fin"] for t in group):
        return "past"  # a perfect, whatever the tagger made of the participle: "heeft ... bereikt"
    if "zullen" in lemmas:
        # "zal": ahead; "zou": hearsay or a plan told in the past, tense of the story
        return "present" if any(t.lemma_.lower() == "zullen" and t.morph.get("Tense") == ["Past"] for t in group) else "future"
    if "Past" in tenses:
        return "past"
    non_finite = verb.morph.get("VerbForm") in (["Part"], ["Inf"]) or verb.lower_ == verb.lemma_.lower()
    if "gaan" in lemmas and non_finite:
        return "future"
    reporting = lex.reporting_verbs if lex is not None else frozenset()
    if verb.lemma_.lower() in reporting and "Pres" in tenses and not _intention_after(token):
        return "past"
    if "Pres" in tenses:
        return "present"
    if verb.dep_ == "ROOT" and verb.morph.get("VerbForm") == ["Inf"] and len(group) == 1:
        return "present"  # a root "infinitive" is a present plural ("zetten de wijzers")
    return None


def _intention_after(token) -> bool:
    """"zegt vrijdag naar het Malieveld te gaan": what is said is a plan ("te" + infinitive)."""
    sent_end = token.sent.end if token.doc.has_annotation("SENT_START") or token.doc.has_annotation("DEP") else len(token.doc)
    tail = token.doc[token.i + 1 : sent_end]
    return any(t.lower_ == "te" and t.i + 1 < sent_end and token.doc[t.i + 1].pos_ in ("VERB", "AUX") for t in tail)


def narrative_tense(doc) -> str | None:
    """'past' when most finite clauses of the article are told in the past (a past tense or a
    perfect), 'present' otherwise; None without a parse."""
    if doc is None or not (doc.has_annotation("DEP") and doc.has_annotation("MORPH")):
        return None
    past = present = 0
    for token in doc:
        if token.morph.get("VerbForm") != ["Fin"] or token.dep_ in ("aux", "aux:pass", "cop") and token.lemma_.lower() not in _PERFECT_AUX:
            continue
        tense = token.morph.get("Tense")
        if tense == ["Past"]:
            past += 1
        elif tense == ["Pres"]:
            if token.lemma_.lower() in _PERFECT_AUX and token.dep_.startswith("aux") and token.head.morph.get("VerbForm") in (["Part"], ["Inf"]):
                past += 1  # "heeft ... gestemd"
            else:
                present += 1
    if past + present == 0:
        return None
    return "past" if past >= present else "present"


_PREPOSITION_DIRECTION = {"sinds": "past", "tot": "future", "vanaf": "future", "per": "future", "uiterlijk": "future"}


def direction_from_preposition(text: str, start: int) -> str | None:
    """"sinds maart" looks back, "tot november" and "vanaf mei" look ahead."""
    before = text[max(0, start - 30) : start]
    m = re.search(r"(\w+)\s+$", before)
    if m and m.group(1).lower() in ("eind", "begin", "half", "medio", "zeker"):
        m = re.search(r"(\w+)\s+\w+\s+$", before)  # "tot eind maart", "tot zeker november"
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
