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

import bisect
import hashlib
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kroniek.data.schema import ARTICLE_DATE
from kroniek.extract.events.candidates import Candidate, article_candidates, head_token, mentions_by_token
from kroniek.extract.events.classify import EventModel, load_event_model
from kroniek.extract.events.lexicon import Trigger, TriggerLexicon, find_triggers, load_triggers
from kroniek.extract.events.participants import ArticleActors
from kroniek.extract.events.roles import RoleContext, Roles, find_roles, is_actor
from kroniek.extract.events.summary import summarize
from kroniek.extract.events.timing import clause_head, pick_timex

MIN_CONFIDENCE = 0.45  # below this an event is a bare noun with no actor and no time of its own


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
    lo = head.left_edge.i
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


@dataclass
class _Article:
    """What every sentence's events are read against: the Doc, its mentions by token, the
    time expressions, money and mentions of each sentence, and the trained decision."""

    doc: Doc
    article_id: str
    content_key: str
    article_interval: tuple[str, str] | None
    lex: TriggerLexicon
    ctx: RoleContext
    actor_tokens: set[int]
    by_sentence: dict[str, dict[int, list]]
    model: EventModel | None

    @property
    def has_parse(self) -> bool:
        return self.doc.has_annotation("DEP")


def extract_events(
    doc: Doc,
    article_id: str,
    sentences: list[Span],
    mentions: list[dict],
    timexes: list[dict],
    money: list[dict],
    article_interval: tuple[str, str] | None,
    content_key: str = "",
    person_roles: list[dict] = (),
) -> list[dict]:
    """Event rows for one article, linked to its mentions, time expressions and money.
    ``person_roles``: the roles the article gives its actors ("minister Hoekstra"), so
    "de minister" later on can be resolved."""
    article = _index_article(doc, article_id, content_key, article_interval, mentions, timexes, money, sentences, person_roles)
    if not article.has_parse:
        return [row for k, sent in enumerate(sentences) for row in _sentence_events_by_position(article, k, sent)]
    rows: list[dict] = []
    by_sentence: dict[int, list[Candidate]] = {}
    for cand in article_candidates(doc, sentences, mentions, timexes, money):
        by_sentence.setdefault(cand.sentence_id, []).append(cand)
    for sentence_id, cands in by_sentence.items():
        rows += _sentence_events(article, sentence_id, cands)
    return rows


def _index_article(doc, article_id, content_key, article_interval, mentions, timexes, money, sentences, person_roles) -> _Article:
    lex = load_triggers()
    char_to_token = mentions_by_token(doc, mentions)
    ordered = sorted(char_to_token.items())
    starts = [s.start for s in sentences]
    roles_by_actor: dict[str, set[str]] = {}
    for r in person_roles:
        roles_by_actor.setdefault(r["actor_id"], set()).add(r["role"])
    actors = ArticleActors(ordered, lambda i: max(0, bisect.bisect_right(starts, i) - 1), roles_by_actor)
    by_sentence: dict[str, dict[int, list]] = {"timexes": {}, "money": {}, "mentions": {}, "time_tokens": {}}
    for t in timexes:
        if t["begin_date"]:
            by_sentence["timexes"].setdefault(t["sentence_id"], []).append(t)
        span = doc.char_span(t["start"], t["end"], alignment_mode="expand")
        if span is not None:
            by_sentence["time_tokens"].setdefault(t["sentence_id"], []).extend(tok.i for tok in span)
    time_tokens = frozenset(i for words in by_sentence["time_tokens"].values() for i in words)
    ctx = RoleContext(doc, char_to_token, ordered, lex, actors, time_tokens)
    actor_tokens = {i for i, m in ordered if is_actor(m)}
    for m in money:
        by_sentence["money"].setdefault(m["sentence_id"], []).append(m)
    for i, m in ordered:
        bucket = by_sentence["mentions"].setdefault(m["sentence_id"], [])
        if not bucket or bucket[-1][1] is not m:
            bucket.append((i, m))
    model = load_event_model() if doc.has_annotation("DEP") else None
    return _Article(doc, article_id, content_key, article_interval, lex, ctx, actor_tokens, by_sentence, model)


def _decide(article: _Article, cand: Candidate) -> tuple[str, str, float | None] | None:
    """(code, factuality, probability) of a candidate, or None when it is no event: the
    trained decision where one ships, else the sense and factuality rules."""
    model = article.model
    if model is None:
        return (cand.rule_code, cand.rule_factuality, None) if cand.rule_code is not None else None
    code, fact, probability = model.decide(cand.features, cand.rule_factuality)
    return None if code is None else (code, fact, probability)


def _sentence_events(article: _Article, sentence_id: int, cands: list[Candidate]) -> list[dict]:
    sent_mentions = article.by_sentence["mentions"].get(sentence_id, [])
    rows, seen_codes = [], set()
    # a verb before a noun of the same type: "tijdens de persconferentie kondigden
    # Loekasjenko en Poetin ... aan" is one statement, told by its verb
    for cand in sorted(cands, key=lambda c: (not c.trigger.verbal, c.trigger.start)):
        decision = _decide(article, cand)
        if decision is None or decision[0] in seen_codes:
            continue
        code, fact, probability = decision
        cand.trigger.code = code
        found = _roles(article, cand.trigger, cand.token, sent_mentions)
        if found is None:
            continue  # nobody named or described takes part: "ik ontmoet een baby'tje"
        roles, via_parse = found
        row = _event_row(article, cand, roles, via_parse, fact, probability)
        if row is not None:
            seen_codes.add(code)
            rows.append(row)
    return rows


def _sentence_events_by_position(article: _Article, sentence_id: int, sent: Span) -> list[dict]:
    """Without a parse: every trigger word, roles by position, asserted (a pipeline with
    no parser cannot tell more)."""
    rows = []
    sent_mentions = article.by_sentence["mentions"].get(sentence_id, [])
    for trigger in find_triggers(sent, article.lex):
        token = head_token(article.doc, trigger)
        roles = _roles_by_position(trigger, sent_mentions)
        cand = Candidate(sentence_id, sent, trigger, token, trigger.code, "asserted", {})
        row = _event_row(article, cand, roles, False, "asserted", None)
        if row is not None:
            rows.append(row)
    return rows


def _roles(article: _Article, trigger: Trigger, token, sent_mentions: list[tuple[int, dict]]) -> tuple[Roles, bool] | None:
    """(roles, whether the parse gave them); None when nobody named or described takes part."""
    roles = find_roles(article.doc, trigger, article.ctx, token)
    via_parse = bool(roles.sources or roles.targets)
    if not via_parse and trigger.verbal:
        _source_in_clause(article.doc, trigger, token, sent_mentions, article.ctx, roles)
    roles.participant = roles.participant or bool(sent_mentions)
    if not roles.participant:
        return None
    return roles, via_parse


def _event_time(article: _Article, token, sentence_id: int) -> tuple[dict | None, str | None, str | None, str]:
    """(the time expression, begin, end, time_text): the clause's own, else the article date."""
    timex = pick_timex(article.doc, token, article.by_sentence["timexes"].get(sentence_id, []), article.has_parse)
    if timex is not None:
        return timex, timex["begin_date"], timex["end_date"], timex["text"]
    if article.article_interval is not None:
        begin, end = article.article_interval
        return None, begin, end, ARTICLE_DATE
    return None, None, None, ""


def _confidence(trigger: Trigger, roles: Roles, dated: bool, via_parse: bool, money_row: dict | None) -> float:
    """Without a trained decision, the evidence found, added up: a verb, a source, a
    target, a time of its own..."""
    source, target = roles.sources, roles.targets
    confidence = (
        (0.5 if trigger.verbal else 0.3)
        + 0.2 * bool(source)
        + 0.1 * bool(target)
        + 0.15 * dated
        + 0.05 * via_parse
        + 0.05 * (money_row is not None and trigger.code == "07")
        + 0.15 * (roles.participant and not (source or target))
    )
    return round(min(confidence, 1.0), 2)


def _summary(article: _Article, cand: Candidate, roles: Roles, money_row: dict | None) -> str:
    source = _names(roles.sources) or "|".join(roles.described["source"])
    skip = frozenset(article.by_sentence["time_tokens"].get(cand.sentence_id, []))
    return summarize(cand.token, cand.sent, cand.trigger.code, source, roles.names, skip, roles.source_token)


def _event_row(article: _Article, cand: Candidate, roles: Roles, via_parse: bool, fact: str, probability: float | None) -> dict | None:
    doc, lex, trigger, sentence_id = article.doc, article.lex, cand.trigger, cand.sentence_id
    timex, begin, end, time_text = _event_time(article, cand.token, sentence_id)
    money_row = _nearest(article.by_sentence["money"].get(sentence_id, []), doc[trigger.start].idx)
    if probability is None:
        confidence = _confidence(trigger, roles, timex is not None, via_parse, money_row)
        if confidence < MIN_CONFIDENCE:
            return None
        if trigger.verbal and trigger.lemma in lex.needs_target and not roles.targets:
            return None
        confident = True
    else:
        confidence = round(probability, 2)
        confident = probability >= article.model.threshold
    source, target = _names(roles.sources), _names(roles.targets)
    described = "|".join(roles.described["source"] + roles.described["target"]) if not (roles.sources and roles.targets) else ""
    # an event noun nobody is named or described in is mostly an event named in passing
    # ("na de aanslag", "het protest van vorige week", docs/events.md section 7): it stays
    # in the table, not in the default view; a verb tells its event even without a name
    confident = confident and (trigger.verbal or bool(source or target or described))
    return {
        "event_id": event_id(article.content_key or article.article_id, sentence_id, trigger.start, trigger.code),
        "article_id": article.article_id,
        "sentence_id": sentence_id,
        "event_type": lex.categories[trigger.code],
        "event_code": trigger.code,
        "trigger": doc[trigger.start : trigger.end].text,
        "source_actor": source,
        "target_actor": target,
        "participant": described,
        "summary": _summary(article, cand, roles, money_row) if doc.has_annotation("DEP") else cand.sent.text.strip(),
        "begin_date": begin,
        "end_date": end,
        "time_text": time_text,
        "money_text": money_row["text"] if money_row else "",
        "sentence": cand.sent.text.strip(),
        "confidence": confidence,
        "confident": confident,
        "factuality": fact,
        "happening_id": "",  # set corpus-wide by happenings.group_events
    }
