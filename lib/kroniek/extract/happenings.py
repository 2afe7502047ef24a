"""Events -> happenings: one row per thing that happened, however many articles report it.

Two event rows report the same happening when they have the same CAMEO root code, their
actors are compatible (they share an actor and do not contradict each other's source
and target) and their intervals overlap.  Every asserted event the extractor is sure of
(``confident``) belongs to a happening, so the Chronology, the About page and the CLI
count the same rows: a denied or hypothetical meeting is no evidence that a meeting
happened, and an event without actors cannot be told apart from any other of its type,
so it is a happening of its own.  A happening's label is the summary of its best report
(sure, with a named source, dated by its own text).

Grouping is a single pass over the events in report order (article date, then event
id), each event joining the first open happening it fits, else opening one.  Events
dated only by their article's date need more: both parties in common, or the same
trigger word with a party in the same role, or the same sentence (one agency story
printed by two papers).  A
happening's interval is the most precise interval of its members (not their union), so
a chain of loosely dated reports cannot drift across a month.  The id is derived from
the first member's event id: articles added later in time (a growing corpus) join
existing happenings without renaming them.

Corpus-level, like the actors table: computed in the corpus step (``extract.corpus``) after every
article's rows are in, never cached per article.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from typing import Callable
from dataclasses import dataclass, field

import pandas as pd

from kroniek.data import read_yaml
from kroniek.data.schema import ARTICLE_DATE, conform, frame

GROUPED_FACTUALITY = "asserted"
# An event dated only by its article happened around that date: reports of the same
# happening may be dated a few days apart ("gisteren" in one, the day's paper in another).
ARTICLE_DATE_SLACK_DAYS = 2
# CAMEO roots whose two actors take part alike (consult, cooperate, agree): reports
# may name them in either order.
SYMMETRIC_CODES = frozenset(str(c) for c in read_yaml("events.yaml")["symmetric_codes"])


def _day(value) -> dt.date | None:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA or value == "":
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _surname(name: str) -> str:
    return name.split()[-1].casefold() if name.split() else ""


def same_actor(a: str, b: str) -> bool:
    """Equal names, or a surname against the full name ("Poetin" / "Vladimir Poetin"):
    the per-article rows are written before names are linked across articles."""
    if not a or not b:
        return False
    if a.casefold() == b.casefold():
        return True
    short, long_ = sorted((a, b), key=len)
    return " " not in short and " " in long_ and _surname(long_) == short.casefold()


@dataclass
class _Open:
    happening_id: str
    code: str
    sources: set[str]
    targets: set[str]
    begin: dt.date
    end: dt.date
    span_days: int
    members: list[int] = field(default_factory=list)
    dated: bool = False  # has a member dated by the text itself
    sentences: set[str] = field(default_factory=set)
    triggers: set[str] = field(default_factory=set)

    def actors(self) -> set[str]:
        return self.sources | self.targets


def _contains(names: set[str], name: str) -> bool:
    return any(same_actor(n, name) for n in names)


def _compatible(h: _Open, sources: list[str], targets: list[str]) -> bool:
    """Share an actor, in a compatible role: a meeting or an agreement may be reported
    either way round ("May ontmoette Tusk", "Tusk sprak met May"), a directed act
    (criticism, sanctions, an attack) only the same way round.  A role may name several
    actors ("Loekasjenko|Poetin"): one of them in common is enough."""
    mine = sources + targets
    if not any(_contains(h.actors(), n) for n in mine):
        return False
    if h.code in SYMMETRIC_CODES:
        if sources and targets and h.sources and h.targets:
            same_way = any(_contains(h.sources, s) for s in sources) and any(_contains(h.targets, t) for t in targets)
            other_way = any(_contains(h.sources, t) for t in targets) and any(_contains(h.targets, s) for s in sources)
            return same_way or other_way
        return True
    if any(_contains(h.targets, s) and not _contains(h.sources, s) for s in sources):
        return False
    if any(_contains(h.sources, t) and not _contains(h.targets, t) for t in targets):
        return False
    if sources and targets and h.sources and h.targets:
        return any(_contains(h.sources, s) for s in sources) and any(_contains(h.targets, t) for t in targets)
    return True


def _shared(h: _Open, names: list[str]) -> int:
    """How many distinct actors of an event the happening already has."""
    return sum(1 for n in dict.fromkeys(names) if _contains(h.actors(), n))


def happening_id_of(event_id: str) -> str:
    return "h" + hashlib.sha1(event_id.encode()).hexdigest()[:15]


@dataclass
class _Report:
    """One eligible event as the grouping sees it."""

    index: object
    code: str
    begin: dt.date
    end: dt.date
    sources: list[str]
    targets: list[str]
    dated: bool  # dated by the text itself, not only by its article
    sentence: str
    trigger: str


def group_events(events: pd.DataFrame, articles: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(events with ``happening_id`` set, the happenings table)."""
    events = conform("events", events)
    if events.empty:
        return events, frame("happenings")
    dates = {}
    if articles is not None and len(articles):
        dates = dict(zip(articles["article_id"].astype(str), articles["date"].fillna("").astype(str)))
    reported = events["article_id"].astype(str).map(lambda a: dates.get(a, "")).fillna("")
    eligible = (
        (events["factuality"].fillna(GROUPED_FACTUALITY) == GROUPED_FACTUALITY)
        & events["confident"].fillna(True).astype(bool)
        & events["begin_date"].notna()
    )
    # plain dicts: a pandas cell lookup per event costs more than the grouping itself
    reported_on, event_ids = _by_row(reported), _by_row(events["event_id"].astype(str))
    position = {i: k for k, i in enumerate(events.index)}
    order = sorted(events.index[eligible], key=lambda i: (reported_on[i], event_ids[i]))
    open_by_code: dict[str, list[_Open]] = {}
    ids = [""] * len(events)
    made: list[_Open] = []
    columns = {c: _by_row(events[c]) for c in _REPORT_COLUMNS}
    for i in order:
        report = _report(columns, i)
        if report is None:
            continue
        home = _home(open_by_code.get(report.code, []), report) if report.sources or report.targets else None
        if home is None:
            home = _Open(happening_id_of(event_ids[i]), report.code, set(), set(), report.begin, report.end, (report.end - report.begin).days)
            if report.sources or report.targets:  # an event without actors is a happening of its own
                open_by_code.setdefault(report.code, []).append(home)
            made.append(home)
        _join(home, report)
        ids[position[i]] = home.happening_id
    events = events.assign(happening_id=pd.Series(ids, index=events.index, dtype="string"))
    rows = [_row(h, columns, reported_on) for h in made]
    return events, frame("happenings", rows).sort_values(["begin_date", "happening_id"]).reset_index(drop=True)


def _by_row(column: pd.Series) -> dict:
    """{row label: value}, through a list (Series.to_dict walks Arrow strings one by one)."""
    return dict(zip(column.index, column.tolist()))


_REPORT_COLUMNS = (
    "begin_date", "end_date", "time_text", "event_code", "source_actor", "target_actor", "sentence", "trigger", "event_type",
    "article_id", "summary", "confidence",
)


def _report(events: dict[str, dict], i) -> _Report | None:
    """The report of row ``i``; ``events`` maps each of _REPORT_COLUMNS to {row: value}."""
    begin, end = _day(events["begin_date"][i]), _day(events["end_date"][i])
    if begin is None or end is None:
        return None
    if str(events["time_text"][i]) == ARTICLE_DATE:
        begin -= dt.timedelta(days=ARTICLE_DATE_SLACK_DAYS)
        end += dt.timedelta(days=ARTICLE_DATE_SLACK_DAYS)
    return _Report(
        i,
        str(events["event_code"][i]),
        begin,
        end,
        [n for n in str(events["source_actor"][i] or "").split("|") if n],
        [n for n in str(events["target_actor"][i] or "").split("|") if n],
        str(events["time_text"][i]) != ARTICLE_DATE,
        " ".join(str(events["sentence"][i] or "").split()).casefold(),
        str(events["trigger"][i]).casefold(),
    )


def _home(candidates: list[_Open], r: _Report) -> _Open | None:
    """The first open happening of the report's code it fits."""
    for h in candidates:
        if not (h.begin <= r.end and r.begin <= h.end and _compatible(h, r.sources, r.targets)):
            continue
        # Dated only by their articles, two reports of the same type by one actor
        # are often two happenings ("een akkoord met de EU" on trade and on
        # migration): then both parties must match, or the trigger word and one
        # party in the same role, or the sentence (one agency story in two papers).
        same_word = r.trigger in h.triggers and (
            any(_contains(h.sources, n) for n in r.sources) or any(_contains(h.targets, n) for n in r.targets)
        )
        if (r.dated and h.dated) or r.sentence in h.sentences or _shared(h, r.sources + r.targets) >= 2 or same_word:
            return h
    return None


def _join(home: _Open, r: _Report) -> None:
    if (r.end - r.begin).days < home.span_days:  # the most precise report dates it
        home.begin, home.end, home.span_days = max(r.begin, home.begin), min(r.end, home.end), (r.end - r.begin).days
    home.dated = home.dated or r.dated
    home.sentences.add(r.sentence)
    home.triggers.add(r.trigger)
    home.sources.update(r.sources)
    home.targets.update(r.targets)
    home.members.append(r.index)


def _row(h: _Open, events: dict[str, dict], reported_on: dict) -> dict:
    """The happenings row of ``h``; ``events`` maps each of _REPORT_COLUMNS to {row: value}."""

    def members(column: str) -> list:
        return [events[column][i] for i in h.members]

    begin_dates, end_dates = members("begin_date"), members("end_date")
    begins = [d for d in begin_dates if _day(d)]
    ends = [d for d in end_dates if _day(d)]
    # the interval shown: that of the most precise member, on the calendar (no slack)
    spans = sorted(
        ((_day(e) - _day(b)).days, b, e, str(t) == ARTICLE_DATE)
        for b, e, t in zip(begin_dates, end_dates, members("time_text"))
        if _day(b) and _day(e)
    )
    dated = [s for s in spans if not s[3]] or spans
    begin, end = (dated[0][1], dated[0][2]) if dated else (min(begins), max(ends))
    days = sorted(d for d in (reported_on[i] for i in h.members) if d)
    actors = _merged_names(h.sources | h.targets)
    event_type = str(members("event_type")[0])
    return {
        "happening_id": h.happening_id,
        "event_code": h.code,
        "event_type": event_type,
        "actors": "|".join(actors),
        "begin_date": begin,
        "end_date": end,
        "n_articles": len(set(members("article_id"))),
        "first_reported": days[0] if days else "",
        "last_reported": days[-1] if days else "",
        "label": _label(members, actors),
    }


def _text(value) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)) else str(value)


def _label(members: Callable[[str], list], actors: list[str]) -> str:
    """The summary of the best report: sure, with a named source, dated by its own text;
    where no report has a summary (older tables), the most frequent trigger word and the
    actors.  ``members(column)`` lists a column's values of the happening's reports."""
    summaries = [_text(s) for s in members("summary")]
    if not any(summaries):
        trigger = Counter(t.lower() for t in members("trigger")).most_common(1)[0][0]
        return f"{trigger}: {' – '.join(actors)}" if actors else trigger
    confidences = [float(c) if _text(c) else 0.0 for c in members("confidence")]
    sources = [_text(s) != "" for s in members("source_actor")]
    dated = [_text(t) != ARTICLE_DATE for t in members("time_text")]
    rank = [c + 0.2 * s + 0.1 * d + 0.2 * (m != "") for c, s, d, m in zip(confidences, sources, dated, summaries)]
    return summaries[rank.index(max(rank))]


def _merged_names(names: set[str]) -> list[str]:
    """Each actor once, by its longest name ("Poetin" folds into "Vladimir Poetin")."""
    kept: list[str] = []
    for name in sorted(names, key=lambda n: (-len(n), n)):
        if not any(same_actor(name, k) for k in kept):
            kept.append(name)
    return sorted(kept)
