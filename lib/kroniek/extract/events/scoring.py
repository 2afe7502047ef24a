"""Precision of extracted events against hand-judged ones (development and blind sets).

A judged event is named by its article, the character offset of its trigger and the
trigger text, so a judgement survives a change of sentence splitting.  Gold actor
fields may list alternatives separated by ``;`` (a person by full name or surname).
Each figure is the share of the system's answers that are right, over the judged
events the system still produces:

* type: the CAMEO root code is the judged one (``none``: no event at all);
* factuality: among real events, the judged factuality;
* source / target: among real events where the system names one, the judged actor;
* time: among real events with a judged interval, exactly that interval;
* shown: among events the Chronology shows by default (asserted), the share that are
  real asserted events of the right type; shown+actor: the same among those with an actor.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from kroniek.extract.happenings import same_actor

COLUMNS = ["article_id", "start", "trigger", "gold_code", "gold_factuality", "gold_source", "gold_target", "gold_begin", "gold_end", "note"]


def read_gold(path: Path) -> dict[tuple[str, int, str], dict]:
    rows = {}
    with path.open(encoding="utf-8") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            missing = [c for c in COLUMNS[:5] if c not in row]
            if missing:
                raise ValueError(f"{path}:{line}: missing columns {missing}")
            rows[(row["article_id"], int(row["start"]), row["trigger"].lower())] = row
    return rows


def trigger_start(event: dict, text: str, sentence_start: int) -> int:
    """Character offset of an event's trigger in the article text."""
    at = text.find(event["trigger"], sentence_start)
    if at < 0:
        at = text.lower().find(event["trigger"].lower(), sentence_start)
    return at


def _actor_ok(system: str, gold: str) -> bool:
    return any(same_actor(system, g.strip()) for g in gold.split(";") if g.strip())


def is_shown(event: dict) -> bool:
    """What the Chronology shows by default: asserted events the extractor is sure of."""
    return event.get("factuality", "asserted") == "asserted" and bool(event.get("confident", True))


@dataclass
class Score:
    judged: dict[str, list[bool]] = field(default_factory=lambda: {k: [] for k in ("type", "factuality", "source", "target", "time", "shown", "shown+actor")})
    found: int = 0
    gold: int = 0
    real_found: int = 0  # produced events the judge called real (of any type)

    def add(self, event: dict, g: dict) -> None:
        self.found += 1
        real = g["gold_code"] != "none"
        self.real_found += real
        self.judged["type"].append(event["event_code"] == g["gold_code"])
        if is_shown(event):
            right = real and event["event_code"] == g["gold_code"] and g["gold_factuality"] == "asserted"
            self.judged["shown"].append(right)
            if event["source_actor"] or event["target_actor"]:
                self.judged["shown+actor"].append(right)
        if not real:
            return
        if g.get("gold_factuality"):
            self.judged["factuality"].append(event.get("factuality", "asserted") == g["gold_factuality"])
        if g.get("gold_begin"):
            self.judged["time"].append((event["begin_date"], event["end_date"]) == (g["gold_begin"], g["gold_end"]))
        if event["source_actor"]:
            self.judged["source"].append(_actor_ok(event["source_actor"], g["gold_source"]))
        if event["target_actor"]:
            self.judged["target"].append(_actor_ok(event["target_actor"], g["gold_target"]))

    def precision(self) -> dict[str, tuple[float, int]]:
        return {k: (sum(v) / len(v) if v else 0.0, len(v)) for k, v in self.judged.items()}

    def line(self) -> str:
        parts = [f"{k} {p:.3f} (n={n})" for k, (p, n) in self.precision().items()]
        return f"{self.found}/{self.gold} judged events produced; " + ", ".join(parts)


def score(gold: dict[tuple[str, int, str], dict], texts: dict[str, str], extractions) -> Score:
    """Match each system event to its judgement by (article, trigger offset, trigger)."""
    result = Score(gold=len(gold))
    for ex in extractions:
        article_id = ex.article["article_id"]
        text = texts[article_id]
        starts = {s["sentence_id"]: s["start"] for s in ex.sentences}
        for e in ex.events:
            key = (article_id, trigger_start(e, text, starts.get(e["sentence_id"], 0)), e["trigger"].lower())
            g = gold.get(key)
            if g is not None:
                result.add(e, g)
    return result
