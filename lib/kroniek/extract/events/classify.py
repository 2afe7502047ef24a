"""The trained event decision: is a trigger-word candidate an event, of which type, and
does the text assert it?

The trigger lexicon finds candidates for recall; a sense and a factuality model,
trained by ``training/events/train.py`` on judged candidates (``docs/events.md``),
decide.  Both are multinomial logistic regressions over features of the parse around
the trigger: the word and its lexicon type, its dependents and governor, negation,
modal and auxiliary verbs, the clause's conjunction, tense and mood, quotes and
questions, the subject's and object's kind of entity, the words nearby, and what the
hand-written sense and factuality rules say (so the model learns when to trust them).
Weights ship as JSON in ``models/events``; scoring is a sum of weights, no library.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Span, Token

from kroniek.extract.events.factuality import load_factuality

MODEL_PATH = Path(__file__).resolve().parents[2] / "models" / "events" / "event_model.json.gz"
WINDOW = 3
DENSE_WIDTH = 96  # the shipped tok2vec's width


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.lower_).lower()


def _dep(token: Token) -> str:
    return token.dep_.split(":")[0]


def clause_of(token: Token) -> Token:
    """The verb whose clause holds the token (a noun's governing verb, at most 4 up)."""
    node = token
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") and not node.dep_.startswith("aux") and node.dep_ != "cop":
            return node
        if node.head == node:
            return node
        node = node.head
    return node


def _entity_kind(token: Token, mentions_by_token: dict[int, dict]) -> str:
    """The kind of participant a phrase names: an actor type, a pronoun, a noun, none."""
    for t in token.subtree:
        m = mentions_by_token.get(t.i)
        if m is not None and abs(t.i - token.i) <= 6:
            return m["actor_type"] if m["via"] != "adjective" else "adjective"
    if token.pos_ == "PRON":
        return "pron"
    if token.ent_type_:
        return "ent"
    return "noun" if token.pos_ in ("NOUN", "PROPN") else "other"


def _in_quotes(sent: Span, token: Token) -> bool:
    marks = [t.i for t in sent if t.text in ('"', "“", "”", "'", "‘", "’", "„")]
    return sum(1 for i in marks if i < token.i) % 2 == 1


def _reference(token: Token) -> str:
    """How a noun phrase refers: definite ("de aanslag"), indefinite ("een aanslag"),
    a bare plural ("aanslagen": often generic), or a bare singular."""
    dets = {c.lower_ for c in token.children if _dep(c) == "det"}
    if dets & {"de", "het", "die", "deze", "dat", "dit"} or any(c.dep_ == "nmod:poss" for c in token.children):
        return "definite"
    if dets & {"een", "enkele", "sommige", "veel", "elke", "ieder", "iedere", "alle", "geen"}:
        return "quantified:" + sorted(dets)[0]
    return "bare_plural" if "Plur" in token.morph.get("Number") else "bare"


def _argument_features(clause: Token, mentions_by_token: dict[int, dict], out: dict[str, float]) -> None:
    for child in clause.children:
        dep = _dep(child)
        if dep in ("nsubj", "obj", "iobj"):
            kind = _entity_kind(child, mentions_by_token)
            out[f"{dep}.kind={kind}"] = 1.0
            if kind in ("noun", "pron", "other"):
                out[f"{dep}.lemma={_lemma(child)}"] = 1.0
                out[f"{dep}.ref={_reference(child)}"] = 1.0
        elif child.dep_ == "obl:agent":
            out[f"agent.kind={_entity_kind(child, mentions_by_token)}"] = 1.0


def _factuality_cues(token: Token, clause: Token, sent: Span, out: dict[str, float]) -> None:
    lex = load_factuality()
    near = list(token.children) + ([c for c in clause.children] if clause is not token else [])
    words = {w for c in near for w in (c.lower_, _lemma(c))}
    if words & lex.negation:
        out["neg"] = 1.0
    auxes = [c for c in near if c.dep_.startswith("aux")]
    for aux in auxes:
        out[f"aux={_lemma(aux)}"] = 1.0
        for tense in aux.morph.get("Tense"):
            out[f"aux={_lemma(aux)}:{tense}"] = 1.0  # "zou" (zullen, past): conditional, alleged
        if {aux.lower_, _lemma(aux)} & lex.modal_verbs:
            out["modal"] = 1.0
    for mark in (c for c in clause.children if c.dep_ == "mark"):
        out[f"mark={mark.lower_}"] = 1.0
    if words & lex.habitual_adverbs:
        out["habitual"] = 1.0
    if any(_lemma(c) in lex.uncertain_modifiers or c.lower_ in lex.uncertain_modifiers for c in token.children if _dep(c) == "amod"):
        out["uncertain_modifier"] = 1.0
    head = token.head
    if head != token and (_lemma(head) in lex.uncertain_nouns or _lemma(head) in lex.uncertain_governors):
        out["uncertain_governor"] = 1.0
    if any(c.dep_ == "case" and c.lower_ in lex.negating_prepositions for c in token.children):
        out["zonder"] = 1.0
    for feat in ("Tense", "VerbForm", "Mood"):
        for value in clause.morph.get(feat) + [v for a in auxes for v in a.morph.get(feat)]:
            out[f"{feat}={value}"] = 1.0
    out[f"clause.dep={clause.dep_}"] = 1.0
    _governing_chain(clause, lex, out)
    if sent.text.rstrip().endswith("?"):
        out["question"] = 1.0
    if _in_quotes(sent, token):
        out["quoted"] = 1.0


CLAUSE_LINKS = ("xcomp", "ccomp", "advcl", "acl", "csubj", "parataxis", "conj")


def _governing_chain(clause: Token, lex, out: dict[str, float]) -> None:
    """What the clauses above say of this one: "wil (dat) ...", "als ...", "zei niet dat ...":
    the link, the governing verb, its modal, negation and conjunction, up to three levels."""
    node = clause
    for level in range(3):
        dep = _dep(node)
        if dep not in CLAUSE_LINKS or node.head == node:
            return
        head = node.head
        out[f"up{level}.dep={dep}"] = 1.0
        out[f"up.lemma={_lemma(head)}"] = 1.0
        if _lemma(head) in lex.intent_heads:
            out["up.intent"] = 1.0
        for c in head.children:
            words = {c.lower_, _lemma(c)}
            if c.dep_.startswith("aux") and words & lex.modal_verbs:
                out["up.modal"] = 1.0
            if _dep(c) in ("advmod", "det") and words & lex.negation:
                out["up.neg"] = 1.0
        for mark in (c for c in node.children if c.dep_ == "mark"):
            out[f"up.mark={mark.lower_}"] = 1.0
        node = head


def article_features(doc) -> dict[str, float]:
    """The kind of text an article is, which sets how its events are told: an interview
    or column ("ik", "je", present tense throughout) says more in general than a report."""
    verbs = [t for t in doc if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")]
    present = sum("Pres" in t.morph.get("Tense") for t in verbs) / max(len(verbs), 1)
    persons = [t for t in doc if t.pos_ == "PRON" and "Prs" in t.morph.get("PronType")]
    first_second = sum(bool({"1", "2"} & set(t.morph.get("Person"))) for t in persons) / max(len(doc), 1)
    quotes = sum(t.text in ('"', "“", "”", "'", "‘", "’") for t in doc) / max(len(doc), 1)
    return {
        f"art.present={min(int(present * 5), 4)}": 1.0,
        f"art.first_second={min(int(first_second * 200), 4)}": 1.0,
        f"art.quotes={min(int(quotes * 200), 4)}": 1.0,
    }


def candidate_features(
    token: Token,
    sent: Span,
    lexicon_code: str,
    lemma: str,
    mentions_by_token: dict[int, dict],
    rule_code: str | None,
    rule_factuality: str,
    has_timex: bool,
    has_money: bool,
) -> dict[str, float]:
    """The features of one trigger candidate (``token`` is its head word)."""
    out: dict[str, float] = {
        "bias": 1.0,
        f"lex={lexicon_code}": 1.0,
        f"lemma={lemma}": 1.0,
        f"form={token.lower_}": 1.0,
        f"pos={token.pos_}": 1.0,
        f"dep={token.dep_}": 1.0,
        f"pos+lex={token.pos_}:{lexicon_code}": 1.0,
        f"rule.sense={rule_code or 'none'}": 1.0,
        f"rule.sense+lex={rule_code or 'none'}:{lexicon_code}": 1.0,
        f"rule.fact={rule_factuality}": 1.0,
    }
    if token.is_title and token.i > sent.start:
        out["capitalised"] = 1.0
    if token.pos_ in ("NOUN", "PROPN"):
        out[f"ref={_reference(token)}"] = 1.0
    head = token.head
    if head != token:
        out[f"head.lemma={_lemma(head)}"] = 1.0
        out[f"head.pos={head.pos_}"] = 1.0
        out[f"dep+head={token.dep_}:{_lemma(head)}"] = 1.0
    for child in token.children:
        dep = _dep(child)
        out[f"child={child.dep_}"] = 1.0
        if dep in ("case", "det", "amod", "advmod", "compound", "fixed", "nummod", "obj", "nsubj", "obl", "nmod", "xcomp", "mark"):
            out[f"child={dep}:{_lemma(child)}"] = 1.0
        if dep in ("nmod", "obl"):
            for case in (c for c in child.children if c.dep_ == "case"):
                out[f"pp={case.lower_}"] = 1.0
                out[f"pp={case.lower_}:{_entity_kind(child, mentions_by_token)}"] = 1.0
    clause = clause_of(token)
    if clause is not token:
        out[f"clause.lemma={_lemma(clause)}"] = 1.0
    _argument_features(clause, mentions_by_token, out)
    _factuality_cues(token, clause, sent, out)
    doc = token.doc
    for offset in range(-WINDOW, WINDOW + 1):
        i = token.i + offset
        if offset and sent.start <= i < sent.end:
            out[f"w{offset:+d}={_lemma(doc[i])}"] = 1.0
            out[f"win={_lemma(doc[i])}"] = 1.0
    actors = {m["actor_id"] for i, m in mentions_by_token.items() if sent.start <= i < sent.end and m["actor_type"] != "place"}
    out[f"sent.actors={min(len(actors), 3)}"] = 1.0
    if sent.start == 0:
        out["first_sentence"] = 1.0
    if has_timex:
        out["sent.timex"] = 1.0
    if has_money:
        out["sent.money"] = 1.0
    out.update(_conjunctions(out, lexicon_code, token))
    out.update(_dense(token, clause))
    return out


CUES = ("neg", "modal", "habitual", "question", "quoted", "uncertain_modifier", "uncertain_governor", "up.intent", "up.modal", "up.neg", "zonder")


def _conjunctions(out: dict[str, float], lexicon_code: str, token: Token) -> dict[str, float]:
    """Cues that mean one thing for one type and another for the next ("moet eisen" is
    possible, "moest aftreden" happened): each cue with the lexicon type and the word."""
    extra = {}
    tense = next((k for k in out if k.startswith("Tense=")), "Tense=none")
    for cue in CUES:
        if cue in out:
            extra[f"{cue}&lex={lexicon_code}"] = 1.0
            extra[f"{cue}&{tense}"] = 1.0
    extra[f"{tense}&lex={lexicon_code}"] = 1.0
    extra[f"{tense}&pos={token.pos_}"] = 1.0
    return extra


def _dense(token: Token, clause: Token) -> dict[str, float]:
    """The pipeline's contextual vectors of the trigger and its clause's verb (the shared
    tok2vec the tagger and parser read), when the shipped pipeline made the Doc."""
    tensor = token.doc.tensor
    if tensor is None or tensor.ndim != 2 or tensor.shape[0] != len(token.doc) or tensor.shape[1] != DENSE_WIDTH:
        return {}
    out = {f"t2v{k}": round(float(v), 4) for k, v in enumerate(tensor[token.i])}
    if clause is not token:
        out.update({f"c2v{k}": round(float(v), 4) for k, v in enumerate(tensor[clause.i])})
    return out


@dataclass(frozen=True)
class LinearModel:
    """Multinomial logistic regression: per feature, one weight per class."""

    classes: tuple[str, ...]
    weights: dict[str, list[float]]
    intercept: tuple[float, ...]

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        scores = list(self.intercept)
        for name, value in features.items():
            row = self.weights.get(name)
            if row is not None:
                for k, w in enumerate(row):
                    scores[k] += w * value
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps)}

    @classmethod
    def from_json(cls, data: dict) -> "LinearModel":
        return cls(tuple(data["classes"]), {k: list(v) for k, v in data["weights"].items()}, tuple(data["intercept"]))

    def to_json(self) -> dict:
        return {"classes": list(self.classes), "weights": self.weights, "intercept": list(self.intercept)}


@dataclass(frozen=True)
class EventModel:
    """The sense model (``none`` or a CAMEO root code), the factuality model and, when
    trained, one model of what the chronicle shows (an asserted event's code, ``other``
    for an event not asserted, or ``none``), with the probability an event must reach to
    be shown (chosen by k-fold)."""

    sense: LinearModel
    factuality: LinearModel
    shown: LinearModel | None
    threshold: float
    version: str
    rule_veto: bool = False  # a negation, modal, question or conditional the rules see wins

    def decide(self, features: dict[str, float], rule_factuality: str = "asserted") -> tuple[str | None, str, float]:
        """(code or None, factuality, probability of the row: an event of that code with
        that factuality); the chronicle shows asserted rows whose probability reaches
        ``threshold``."""
        code, fact, probability = self._decide(features)
        if self.rule_veto and fact == "asserted" and rule_factuality != "asserted":
            return code, rule_factuality, probability
        return code, fact, probability

    def _decide(self, features: dict[str, float]) -> tuple[str | None, str, float]:
        senses = self.sense.probabilities(features)
        facts = self.factuality.probabilities(features)
        if self.shown is not None:
            shown = self.shown.probabilities(features)
            label = max(shown, key=shown.get)
            if label == "none":
                return None, "", 0.0
            if label != "other":
                return label, "asserted", shown[label]
            code = max((c for c in senses if c != "none"), key=senses.get)
            return code, max((f for f in facts if f != "asserted"), key=facts.get), 0.0
        code = max(senses, key=senses.get)
        if code == "none":
            return None, "", 0.0
        fact = max(facts, key=facts.get)
        return code, fact, senses[code] * facts[fact]


@functools.lru_cache(maxsize=1)
def load_event_model(path: Path = MODEL_PATH) -> EventModel | None:
    """The shipped model, or None where none is trained (the rules decide then)."""
    if not path.exists():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    shown = LinearModel.from_json(data["shown"]) if data.get("shown") else None
    return EventModel(
        LinearModel.from_json(data["sense"]),
        LinearModel.from_json(data["factuality"]),
        shown,
        float(data["threshold"]),
        str(data["version"]),
        bool(data.get("rule_veto", False)),
    )
