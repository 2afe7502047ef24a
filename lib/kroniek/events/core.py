"""Sentences -> typed events: who did what to whom, when, for how much.

A trigger word from ``data/events.yaml`` (verbs and nominalisations, by CAMEO root
category) makes an event; light verbs ("een oefening houden") take their meaning from
their object.  Roles come from the dependency parse where one is loaded (subject ->
source; object or an "aan"/"met"/"tegen" phrase -> target), otherwise from the nearest
actor mentions before and after the trigger.  Time is the time expression of the same
clause, else of the sentence, else the article date; ``time_text`` says which.  Money
figures of the sentence are attached.  ``confidence`` adds up the evidence found.

Why hand-written: no maintained Dutch event extractor exists (NewsReader's pipeline
is not installable here); the lexicon is data, so users can extend it.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
ROLE_TARGET_PREPS = {"aan", "met", "tegen", "voor", "naar", "op"}


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


@functools.lru_cache(maxsize=1)
def load_triggers() -> TriggerLexicon:
    config = yaml.safe_load((DATA_DIR / "events.yaml").read_text(encoding="utf-8"))
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
    return TriggerLexicon(
        categories={str(k): v for k, v in config["categories"].items()},
        by_lemma=by_lemma,
        phrases=phrases,
        light_verbs=set(config["light_verbs"]),
        max_phrase=max((len(p) for p in phrases), default=1),
        not_events=[tuple(p.lower().split()) for p in config.get("not_events", [])],
        needs_target=set(config.get("needs_target", [])),
        sentence_words=set(config.get("sentence_words", [])),
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
    triggers."""
    tokens = list(sent)
    lowers = [t.lower_ for t in tokens]
    used = [bool(t.ent_type_) and t.ent_iob_ in ("B", "I") and t.ent_type_ not in ("MISC", "NORP") for t in tokens]
    found: list[Trigger] = []
    for n in range(lex.max_phrase, 1, -1):
        for i in range(len(tokens) - n + 1):
            key = tuple(lowers[i : i + n])
            if key in lex.phrases and not any(used[i : i + n]):
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
        if token.dep_ == "amod" or (token.pos_ == "ADJ" and token.tag_ != "NOUN"):
            continue  # a participle used as an adjective: "een bekritiseerd stuk"
        particle = [c for c in token.children if c.dep_ == "compound:prt"] if token.pos_ in ("VERB", "AUX") else []
        if particle:
            # "leverde ... op" is opleveren, not leveren: the verb with its particle decides
            hit = lex.by_lemma.get(particle[0].lower_ + (token.lemma_ or token.lower_).lower())
            if hit is None:
                continue
        code, lemma = hit
        if lemma == "bekritiseren" and token.lower_.startswith("veroordeel") and _is_court_sentence(sent, lex):
            continue
        if lemma == "toezeggen" and not any(t.like_num or t.lower_ in ("lening", "leningen", "steun", "hulp", "geld") for t in sent):
            code = "03"  # a promise to do something, not aid
        found.append(Trigger(token.i, token.i + 1, code, lemma, verbal=token.pos_ in ("VERB", "AUX")))
    return sorted((t for t in found if not _in_not_event(sent, t, lex)), key=lambda t: t.start)


def _is_court_sentence(sent: Span, lex: TriggerLexicon) -> bool:
    words = [t.lower_ for t in sent]
    return "tot" in words and any(w in lex.sentence_words for w in words[words.index("tot") :])


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


MIN_CONFIDENCE = 0.45  # below this an event is a bare noun with no actor and no time of its own


def _is_actor(mention: dict | None) -> bool:
    """Persons, organisations, groups and countries act; a park or a street does not."""
    return mention is not None and (mention["actor_type"] != "place" or mention["via"] == "metonymy")


def _roles_from_parse(doc: Doc, trigger: Trigger, mentions_by_token: dict[int, dict]) -> tuple[dict | None, dict | None]:
    """(source, target) mentions from the dependency parse around the trigger."""
    token = doc[trigger.start]
    # A nominal trigger takes the roles of its verb ("Poetin maakte een voorbehoud").
    verb = token
    hops = 0
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb and hops < 3:
        verb = verb.head
        hops += 1
    source = target = None
    # A passive ("werd gearresteerd door de politie"): the subject undergoes, "door" acts.
    # Read from the auxiliary, so it works with or without relation subtypes.
    passive = verb.morph.get("VerbForm") == ["Part"] and any(
        c.dep_.startswith("aux") and c.lemma_.lower() in ("worden", "zijn") for c in verb.children
    ) or any(c.dep_ == "aux:pass" for c in verb.children)
    agent = None
    for child in verb.children:
        dep = child.dep_.split(":")[0]
        if dep == "nsubj":
            mention = _first_mention(child, mentions_by_token)
            if passive:
                target = target or mention
            else:
                source = source or mention
        elif dep in ("obj", "iobj") and target is None:
            target = _first_mention(child, mentions_by_token)
        elif dep in ("obl", "nmod"):
            case = {c.lower_ for c in child.children if c.dep_ == "case"}
            if "door" in case and passive:
                agent = _first_mention(child, mentions_by_token)
            elif case & ROLE_TARGET_PREPS and target is None:
                target = _first_mention(child, mentions_by_token)
    if agent is not None:
        source = agent
    if token is not verb:
        for child in token.children:
            if child.dep_.split(":")[0] == "nmod":
                case = {c.lower_ for c in child.children if c.dep_ == "case"}
                mention = _first_mention(child, mentions_by_token)
                if mention is None:
                    continue
                if child.dep_ == "nmod:poss" or (child.pos_ == "PRON" and not case) or "van" in case and source is None and trigger.code not in ("17", "18"):
                    source = source or mention
                elif case & ROLE_TARGET_PREPS or "van" in case:
                    target = target or mention
    source = source if _is_actor(source) else None
    target = target if _is_actor(target) else None
    if source is not None and target is not None and source["actor_id"] == target["actor_id"]:
        target = None
    return source, target


def _first_mention(token, mentions_by_token: dict[int, dict]) -> dict | None:
    """The actor a phrase names: the mention on its head word, else its first named
    actor, an adjective ("de Russische president Poetin") only when nothing else is there."""
    if token.i in mentions_by_token and mentions_by_token[token.i]["via"] != "adjective":
        return mentions_by_token[token.i]
    # the phrase's span from its edges (O(1)), at most 40 tokens each side
    lo, hi = max(token.left_edge.i, token.i - 40), min(token.right_edge.i, token.i + 40)
    found = [mentions_by_token[i] for i in range(lo, hi + 1) if i in mentions_by_token]
    named = [m for m in found if m["via"] != "adjective"]
    return (named or found or [None])[0]


def _roles_by_position(trigger: Trigger, sentence_mentions: list[tuple[int, dict]]) -> tuple[dict | None, dict | None]:
    before = [m for i, m in sentence_mentions if i < trigger.start and _is_actor(m)]
    after = [m for i, m in sentence_mentions if i >= trigger.end and _is_actor(m)]
    source = before[-1] if before else None
    target = next((m for m in after if source is None or m["actor_id"] != source["actor_id"]), None)
    return source, target


def _clause_bounds(doc: Doc, trigger: Trigger, has_parse: bool) -> tuple[int, int] | None:
    """Character span of the clause of the trigger's verb (dependency subtree)."""
    if not has_parse:
        return None
    token = doc[trigger.start]
    verb = token
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    left, right = verb.left_edge, verb.right_edge
    return left.idx, right.idx + len(right)


def _nearest(rows: list[dict], char: int) -> dict | None:
    if not rows:
        return None
    return min(rows, key=lambda r: 0 if r["start"] <= char < r["end"] else min(abs(r["start"] - char), abs(r["end"] - char)))


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
    char_to_token = {}
    for m in mentions:
        span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
        if span is not None:
            for t in span:
                char_to_token[t.i] = m
    by_sentence: dict[str, dict[int, list]] = {"timexes": {}, "money": {}, "mentions": {}}
    for t in timexes:
        if t["begin_date"]:
            by_sentence["timexes"].setdefault(t["sentence_id"], []).append(t)
    for m in money:
        by_sentence["money"].setdefault(m["sentence_id"], []).append(m)
    for i, m in sorted(char_to_token.items()):
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
        for trigger in triggers:
            if trigger.code in seen_codes:
                continue
            seen_codes.add(trigger.code)
            if has_parse:
                source, target = _roles_from_parse(doc, trigger, char_to_token)
                if source is None and target is None:
                    source, target = _roles_by_position(trigger, sent_mentions)
                    via_parse = False
                else:
                    via_parse = True
            else:
                source, target = _roles_by_position(trigger, sent_mentions)
                via_parse = False
            trigger_char = doc[trigger.start].idx
            clause = _clause_bounds(doc, trigger, has_parse)
            in_clause = [t for t in placed_timexes if clause and clause[0] <= t["start"] < clause[1]]
            timex = _nearest(in_clause or placed_timexes, trigger_char)
            if timex is not None:
                begin, end, time_text = timex["begin_date"], timex["end_date"], timex["text"]
            elif article_interval is not None:
                begin, end = article_interval
                time_text = "(article date)"
            else:
                begin = end = None
                time_text = ""
            money_row = _nearest(sent_money, trigger_char)
            confidence = (
                (0.5 if trigger.verbal else 0.3)
                + 0.2 * (source is not None)
                + 0.1 * (target is not None)
                + 0.15 * (timex is not None)
                + 0.05 * via_parse
                + 0.05 * (money_row is not None and trigger.code == "07")
            )
            confidence = round(min(confidence, 1.0), 2)
            if confidence < MIN_CONFIDENCE:
                continue
            if trigger.verbal and trigger.lemma in lex.needs_target and target is None:
                continue
            rows.append(
                {
                    "event_id": event_id(content_key or article_id, sentence_id, trigger.start, trigger.code),
                    "article_id": article_id,
                    "sentence_id": sentence_id,
                    "event_type": lex.categories[trigger.code],
                    "event_code": trigger.code,
                    "trigger": doc[trigger.start : trigger.end].text,
                    "source_actor": source["actor"] if source else "",
                    "target_actor": target["actor"] if target else "",
                    "begin_date": begin,
                    "end_date": end,
                    "time_text": time_text,
                    "money_text": money_row["text"] if money_row else "",
                    "sentence": sent.text.strip(),
                    "confidence": round(min(confidence, 1.0), 2),
                    "factuality": "asserted",
                    "happening_id": "",  # set corpus-wide by happenings.group_events
                }
            )
    return rows
