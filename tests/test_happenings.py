"""Happenings: the same happening reported in several articles is one row."""

from __future__ import annotations

import pandas as pd

from kroniek.extract.happenings import group_events, happening_id_of, same_actor
from kroniek.data.schema import frame


def _event(event_id, article_id, code, source, target, begin, end, time_text="gisteren", factuality="asserted", trigger="ontmoeting"):
    return {
        "event_id": event_id, "article_id": article_id, "sentence_id": 0, "event_type": "consult" if code == "04" else "x",
        "event_code": code, "trigger": trigger, "source_actor": source, "target_actor": target,
        "begin_date": begin, "end_date": end, "time_text": time_text, "money_text": "", "sentence": "",
        "confidence": 0.9, "factuality": factuality, "happening_id": "",
    }


ARTICLES = frame("articles", [
    {"article_id": "a", "date": "2019-03-20"}, {"article_id": "b", "date": "2019-03-21"},
    {"article_id": "c", "date": "2019-03-22"}, {"article_id": "d", "date": "2019-04-15"},
])


def test_reports_of_one_meeting_in_three_articles_are_one_happening():
    events = frame("events", [
        _event("e1", "a", "04", "Theresa May", "Donald Tusk", "2019-03-19", "2019-03-19"),
        _event("e2", "b", "04", "May", "Tusk", "2019-03-19", "2019-03-19"),  # surnames only
        _event("e3", "c", "04", "Donald Tusk", "", "2019-03-17", "2019-03-23", time_text="vorige week"),
        # another meeting a month later, same pair: a new happening
        _event("e4", "d", "04", "Theresa May", "Donald Tusk", "2019-04-14", "2019-04-14"),
        # the same day, another type: not the meeting
        _event("e5", "a", "11", "Theresa May", "Donald Tusk", "2019-03-19", "2019-03-19", trigger="kritiek"),
        # denied: no evidence it happened
        _event("e6", "c", "04", "Theresa May", "Donald Tusk", "2019-03-19", "2019-03-19", factuality="negated"),
        # no actor: cannot be told apart from another meeting, a happening of its own
        _event("e7", "c", "04", "", "", "2019-03-19", "2019-03-19"),
    ])
    out, happenings = group_events(events, ARTICLES)
    ids = dict(zip(out["event_id"], out["happening_id"]))
    assert ids["e1"] == ids["e2"] == ids["e3"] == happening_id_of("e1")
    assert len({ids["e1"], ids["e4"], ids["e5"]}) == 3
    assert ids["e6"] == "" and ids["e7"] == happening_id_of("e7")
    row = happenings.set_index("happening_id").loc[ids["e1"]]
    assert row[["event_code", "actors", "begin_date", "end_date", "n_articles", "first_reported", "last_reported", "label"]].tolist() == [
        "04", "Donald Tusk|Theresa May", "2019-03-19", "2019-03-19", 3, "2019-03-20", "2019-03-22", "ontmoeting: Donald Tusk – Theresa May"]
    assert len(happenings) == 4


def test_opposite_roles_are_not_the_same_happening_and_ids_survive_a_growing_corpus():
    first = [
        _event("e1", "a", "11", "Rusland", "Oekraïne", "2019-03-20", "2019-03-20", trigger="kritiek"),
        _event("e2", "b", "11", "Oekraïne", "Rusland", "2019-03-20", "2019-03-20", trigger="kritiek"),
    ]
    out, _ = group_events(frame("events", first), ARTICLES)
    before = dict(zip(out["event_id"], out["happening_id"]))
    assert before["e1"] != before["e2"]  # criticism is directed
    grown = first + [_event("e9", "c", "11", "Rusland", "", "2019-03-20", "2019-03-20", trigger="kritiek")]
    out, happenings = group_events(frame("events", grown), ARTICLES)
    after = dict(zip(out["event_id"], out["happening_id"]))
    assert after["e1"] == before["e1"] == after["e9"] and after["e2"] == before["e2"]
    assert sorted(happenings["n_articles"].tolist()) == [1, 2]


def test_a_meeting_may_be_reported_either_way_round():
    events = frame("events", [
        _event("e1", "a", "04", "Theresa May", "Donald Tusk", "2019-03-19", "2019-03-19"),
        _event("e2", "b", "04", "Tusk", "May", "2019-03-19", "2019-03-19"),
    ])
    out, happenings = group_events(events, ARTICLES)
    assert out["happening_id"].nunique() == 1 and happenings["n_articles"].tolist() == [2]


def test_a_third_party_with_another_target_is_another_happening():
    events = frame("events", [
        _event("e1", "a", "16", "Verenigde Staten", "Iran", "2019-03-20", "2019-03-20", trigger="sancties"),
        _event("e2", "b", "16", "Verenigde Staten", "Venezuela", "2019-03-20", "2019-03-20", trigger="sancties"),
    ])
    out, happenings = group_events(events, ARTICLES)
    assert out["happening_id"].nunique() == 2 and len(happenings) == 2


def test_same_actor_folds_surnames_only():
    assert same_actor("Poetin", "Vladimir Poetin")
    assert not same_actor("Vladimir Poetin", "Jevgeni Poetin")
    assert not same_actor("Rusland", "")


def test_query_reads_happenings_and_filters_events_by_factuality():
    from kroniek.query.filters import Filters
    from kroniek.query import CorpusData, Query
    from kroniek.data.schema import TABLES

    events = frame("events", [
        _event("e1", "a", "04", "Theresa May", "Donald Tusk", "2019-03-19", "2019-03-19"),
        _event("e2", "b", "04", "May", "Tusk", "2019-03-19", "2019-03-19"),
        _event("e3", "b", "04", "May", "Tusk", "2019-03-21", "2019-03-21", time_text="(article date)", factuality="possible"),
    ])
    out, happenings = group_events(events, ARTICLES)
    frames = {name: frame(name) for name in ("mentions", "actors", "money", "timexes", "sentences", "roles")}
    frames.update(articles=ARTICLES, events=out, happenings=happenings)
    q = Query(CorpusData.from_frames(frames, {a: "" for a in ARTICLES["article_id"]}), Filters())
    assert q.events()["event_id"].tolist() == ["e1", "e2"]
    assert q.events(factualities=None, article_dated=False)["event_id"].tolist() == ["e1", "e2"]
    assert q.events(factualities=["possible"])["event_id"].tolist() == ["e3"]
    assert q.factuality_counts().to_dict("records") == [{"factuality": "asserted", "n": 2}, {"factuality": "possible", "n": 1}]
    (h,) = q.happenings().to_dict("records")
    assert (h["n_articles"], h["actors"]) == (2, "Donald Tusk|Theresa May")
    assert q.happening_events(h["happening_id"])["event_id"].tolist() == ["e1", "e2"]
    assert list(q.rows("happenings").columns) == list(TABLES["happenings"])
    assert q.happenings(min_articles=3).empty
