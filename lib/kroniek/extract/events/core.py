"""Event rows of one article: triggers, their sense, roles, time, money and factuality.

A trigger word (``lexicon``) makes a candidate event; its sense rules may retype or
reject it.  Roles come from the dependency parse where one is loaded (``roles``),
otherwise from the nearest actor mentions before and after the trigger.  Time is the
time expression of the trigger's clause (``timing``), else the article date, and
``time_text`` then says ``(article date)``.  Money figures of the sentence are attached.
``factuality`` says whether the text asserts the event.  An event needs an actor or a
participant ("de politie", a named place): "ik ontmoet een baby'tje" is no news.
``confidence`` adds up the evidence found.

Why hand-written: no maintained Dutch event extractor exists (NewsReader's pipeline
is not installable here); the lexicons are data, so users can extend them.
"""

from __future__ import annotations

import hashlib

from spacy.tokens import Doc, Span

from kroniek.extract.events.factuality import factuality as factuality_of
from kroniek.extract.events.lexicon import Trigger, TriggerLexicon, apply_senses, find_triggers, load_triggers  # noqa: F401
from kroniek.extract.events.roles import RoleContext, Roles, find_roles, is_actor
from kroniek.extract.events.timing import ARTICLE_DATE, clause_head, pick_timex

MIN_CONFIDENCE = 0.45  # below this an event is a bare noun with no actor and no time of its own


def head_token(doc: Doc, trigger: Trigger):
    """The word of a (multi-word) trigger that the rest of the sentence attaches to."""
    span = doc[trigger.start : trigger.end]
    for token in span:
        if not (trigger.start <= token.head.i < trigger.end) or token.head == token:
            return token
    return span[0]


def _roles_by_position(trigger: Trigger, sentence_mentions: list[tuple[int, dict]]) -> Roles:
    before = [m for i, m in sentence_mentions if i < trigger.start and is_actor(m)]
    after = [m for i, m in sentence_mentions if i >= trigger.end and is_actor(m)]
    roles = Roles()
    if before:
        roles.add("source", [before[-1]])
    target = next((m for m in after if not before or m["actor_id"] != before[-1]["actor_id"]), None)
    if target is not None:
        roles.add("target", [target])
    roles.participant = bool(roles.sources or roles.targets or sentence_mentions)
    return roles


def _source_in_clause(doc: Doc, trigger: Trigger, token, sent_mentions: list[tuple[int, dict]], ctx: RoleContext, roles: Roles) -> None:
    """When the parse names no role: the last actor named before the trigger inside the
    trigger's own clause (a parse with a wrong arc still gets the clause right more
    often), never a nationality adjective or a place in a locative phrase."""
    head = clause_head(token)
    lo, hi = head.left_edge.i, head.right_edge.i
    for i, m in reversed(sent_mentions):
        if lo <= i < trigger.start and is_actor(m) and m["via"] != "adjective" and _bare_argument(doc[i], head):
            roles.add("source", [m])
            roles.participant = True
            return


def _bare_argument(word, head) -> bool:
    """On the way up to the clause head no preposition, no other noun's modifier, no
    embedded clause: the word is an argument of the clause itself, if any."""
    node, hops = word, 0
    while node != head and hops < 8:
        if any(c.dep_ == "case" for c in node.children) or node.dep_.split(":")[0] in ("nmod", "obl", "obj", "acl", "advcl", "ccomp", "xcomp", "amod"):
            return False
        if node.head == node:
            return False
        node = node.head
        hops += 1
    return node == head


def _nearest(rows: list[dict], char: int) -> dict | None:
    if not rows:
        return None
    return min(rows, key=lambda r: 0 if r["start"] <= char < r["end"] else min(abs(r["start"] - char), abs(r["end"] - char)))


def _names(mentions: list[dict]) -> str:
    """Every actor of a role, "|"-separated (coordinated subjects: "Loekasjenko en Poetin")."""
    return "|".join(dict.fromkeys(m["actor"] for m in mentions))


def event_id(content_key: str, sentence_id: int, trigger_start: int, code: str) -> str:
    """Stable across renames: built from the article's content hash, not its id."""
    raw = f"{content_key}\x00{sentence_id}\x00{trigger_start}\x00{code}"
    return hashlib.sha1(raw.encode()).hexdigest()[:16]


def extract_events(
    doc: Doc,
    article_id: str,
    sentences: list[Span],
    mentions: list[dict],
    timexes: list[dict],
    money: list[dict],
    article_interval: tuple[str, str] | None,
    content_key: str = "",
) -> list[dict]:
    """Event rows for one article, linked to its mentions, time expressions and money."""
    lex = load_triggers()
    has_parse = doc.has_annotation("DEP")
    char_to_token: dict[int, dict] = {}
    for m in mentions:
        span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
        if span is not None:
            for t in span:
                char_to_token[t.i] = m
    ordered = sorted(char_to_token.items())
    ctx = RoleContext(doc, char_to_token, ordered, lex)
    actor_tokens = {i for i, m in ordered if is_actor(m)}
    by_sentence: dict[str, dict[int, list]] = {"timexes": {}, "money": {}, "mentions": {}}
    for t in timexes:
        if t["begin_date"]:
            by_sentence["timexes"].setdefault(t["sentence_id"], []).append(t)
    for m in money:
        by_sentence["money"].setdefault(m["sentence_id"], []).append(m)
    for i, m in ordered:
        bucket = by_sentence["mentions"].setdefault(m["sentence_id"], [])
        if not bucket or bucket[-1][1] is not m:
            bucket.append((i, m))
    rows: list[dict] = []
    for sentence_id, sent in enumerate(sentences):
        triggers = find_triggers(sent, lex)
        if not triggers:
            continue
        sent_mentions = by_sentence["mentions"].get(sentence_id, [])
        placed_timexes = by_sentence["timexes"].get(sentence_id, [])
        sent_money = by_sentence["money"].get(sentence_id, [])
        seen_codes: set[str] = set()
        # a verb before a noun of the same type: "tijdens de persconferentie kondigden
        # Loekasjenko en Poetin ... aan" is one statement, told by its verb
        for trigger in sorted(triggers, key=lambda t: (not t.verbal, t.start)):
            token = head_token(doc, trigger)
            if has_parse:
                code = apply_senses(trigger, sent, lex, actor_tokens)
                if code is None:
                    continue
                trigger.code = code
            if trigger.code in seen_codes:
                continue
            if has_parse:
                roles = find_roles(doc, trigger, ctx, token)
                via_parse = bool(roles.sources or roles.targets)
                if not via_parse and trigger.verbal:
                    _source_in_clause(doc, trigger, token, sent_mentions, ctx, roles)
                roles.participant = roles.participant or bool(sent_mentions)
                if not roles.participant:
                    continue  # nobody named takes part: "ik ontmoet een baby'tje"
                fact = factuality_of(token)
            else:
                roles = _roles_by_position(trigger, sent_mentions)
                via_parse = False
                fact = "asserted"
            seen_codes.add(trigger.code)
            timex = pick_timex(doc, token, placed_timexes, has_parse)
            if timex is not None:
                begin, end, time_text = timex["begin_date"], timex["end_date"], timex["text"]
            elif article_interval is not None:
                begin, end = article_interval
                time_text = ARTICLE_DATE
            else:
                begin = end = None
                time_text = ""
            money_row = _nearest(sent_money, doc[trigger.start].idx)
            source, target = roles.sources, roles.targets
            confidence = (
                (0.5 if trigger.verbal else 0.3)
                + 0.2 * bool(source)
                + 0.1 * bool(target)
                + 0.15 * (timex is not None)
                + 0.05 * via_parse
                + 0.05 * (money_row is not None and trigger.code == "07")
                + 0.15 * (roles.participant and not (source or target))
            )
            confidence = round(min(confidence, 1.0), 2)
            if confidence < MIN_CONFIDENCE:
                continue
            if trigger.verbal and trigger.lemma in lex.needs_target and not target:
                continue
            rows.append(
                {
                    "event_id": event_id(content_key or article_id, sentence_id, trigger.start, trigger.code),
                    "article_id": article_id,
                    "sentence_id": sentence_id,
                    "event_type": lex.categories[trigger.code],
                    "event_code": trigger.code,
                    "trigger": doc[trigger.start : trigger.end].text,
                    "source_actor": _names(source),
                    "target_actor": _names(target),
                    "begin_date": begin,
                    "end_date": end,
                    "time_text": time_text,
                    "money_text": money_row["text"] if money_row else "",
                    "sentence": sent.text.strip(),
                    "confidence": confidence,
                    "factuality": fact,
                    "happening_id": "",  # set corpus-wide by happenings.group_events
                }
            )
    return rows
