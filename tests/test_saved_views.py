"""Saved corpus views: the first open builds one with its progress shown, ``kroniek extract``
saves the one the dashboard opens, and a corpus that grew by a few articles is joined to
its last view instead of being built again, with the tables a full build gives.

The corpus is the first 40 dpg-news-2019 articles outside the held-out set, with rows from
the session's extraction of that corpus (``dpg_cache``): no NLP runs here."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT, corpus_file

HELD_OUT = set((ROOT / "tests" / "data" / "heldout_ids.txt").read_text().split())


def _records(n: int) -> list[dict]:
    records = []
    for line in corpus_file("dpg-news-2019", "articles.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        if record["id"] not in HELD_OUT and record.get("text", "").strip():
            records.append(record)
        if len(records) == n:
            return records
    raise AssertionError("too few articles")


def _write(path: Path, records: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


@pytest.fixture()
def corpus_env(dpg_cache, tmp_path, monkeypatch):
    """A 40-article corpus file over the DPG cache, opened by the dashboard."""
    corpus = tmp_path / "corpus" / "articles.jsonl"
    corpus.parent.mkdir()
    monkeypatch.setenv("KRONIEK_CORPUS", str(corpus.parent))
    monkeypatch.setenv("KRONIEK_CACHE", str(dpg_cache.root))
    records = _records(41)
    _write(corpus, records[:40])
    return corpus, records, dpg_cache


def _open() -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _view_tables(store, paths) -> dict[str, pd.DataFrame]:
    from kroniek.query import CorpusData
    from kroniek.store.views import corpus_fingerprint, saved_view

    data = CorpusData.open(saved_view(store, corpus_fingerprint(paths)).folder)
    return {name: table.to_pandas() for name, table in data.tables.items()}


def _sorted(df: pd.DataFrame) -> pd.DataFrame:
    return df.sort_values(list(df.columns)).reset_index(drop=True)


def test_the_first_open_shows_its_progress_and_the_next_opens_the_saved_view(corpus_env):
    at = _open()
    (status,) = at.status
    assert status.state == "complete"
    assert status.label.startswith("Corpus ready: 40 articles (names linked across all 40 articles) in ")
    assert [p.proto.text for p in at.progress] == ["Done"]
    assert {m.label: m.value for m in at.metric}["Articles"] == "40"
    again = _open()
    assert len(again.status) == 0 and len(again.progress) == 0


def test_a_corpus_grown_by_one_article_joins_its_last_view(corpus_env, tmp_path):
    from kroniek.build import save_corpus_view, view_tables
    from kroniek.read import read_corpus
    from kroniek.store.views import corpus_fingerprint, latest_view

    corpus, records, cache = corpus_env
    paths = (str(corpus.parent),)
    _open()
    before = _view_tables(cache.store, paths)
    _write(corpus, records)  # one article more
    at = _open()
    (status,) = at.status
    assert status.label.startswith("Corpus ready: 41 articles (1 new article(s) joined to the last view) in ")
    assert {m.label: m.value for m in at.metric}["Articles"] == "41"
    grown = _view_tables(cache.store, paths)
    assert set(latest_view(cache.store, paths).hashes()) == {r["id"] for r in records}
    new_id = records[40]["id"]

    # the 40 articles keep their rows; counts and happenings are over all 41
    old_mentions = grown["mentions"][grown["mentions"]["article_id"] != new_id]
    pd.testing.assert_frame_equal(_sorted(old_mentions), _sorted(before["mentions"]), check_dtype=False)
    counted = grown["mentions"].groupby("actor_id").size()
    assert grown["actors"].set_index("actor_id")["n_mentions"].sort_index().tolist() == counted.sort_index().tolist()
    assert new_id in set(grown["sentences"]["article_id"]) and new_id not in set(before["sentences"]["article_id"])

    # what the corpus step does not decide (the new article's own rows) is what a full build gives
    full_corpus = tmp_path / "full" / "articles.jsonl"
    full_corpus.parent.mkdir()
    _write(full_corpus, records)
    articles = read_corpus([full_corpus]).articles
    full_paths = (str(full_corpus.parent),)
    save_corpus_view(cache.store, (full_paths, corpus_fingerprint(full_paths)), view_tables(articles, cache.store), articles, [])
    full = _view_tables(cache.store, full_paths)
    for name in ("articles", "money", "timexes", "sentences"):
        pd.testing.assert_frame_equal(_sorted(grown[name]), _sorted(full[name]), check_dtype=False, obj=name)
    spans = ["article_id", "sentence_id", "start", "end", "text", "label"]

    def found_by_ner(mentions: pd.DataFrame) -> pd.DataFrame:
        return _sorted(mentions.loc[(mentions["article_id"] == new_id) & (mentions["via"] != "corpus"), spans])

    pd.testing.assert_frame_equal(found_by_ner(grown["mentions"]), found_by_ner(full["mentions"]), check_dtype=False)


def test_a_touched_file_with_the_same_articles_reuses_the_view(corpus_env):
    from kroniek.store.views import latest_view

    corpus, records, cache = corpus_env
    _open()
    before = latest_view(cache.store, (str(corpus.parent),))
    os.utime(corpus, ns=(corpus.stat().st_atime_ns, corpus.stat().st_mtime_ns + 10**9))
    at = _open()
    assert at.status[0].label.startswith("Corpus ready: 40 articles (the same articles as before) in ")
    after = latest_view(cache.store, (str(corpus.parent),))
    assert after.fingerprint != before.fingerprint and after.folder == before.folder


def test_a_removed_article_builds_the_view_again(corpus_env):
    corpus, records, _ = corpus_env
    _open()
    _write(corpus, records[:39])  # its rows may have shaped the linking of the others
    at = _open()
    assert at.status[0].label.startswith("Corpus ready: 39 articles (names linked across all 39 articles) in ")
    assert {m.label: m.value for m in at.metric}["Articles"] == "39"


def test_kroniek_extract_saves_the_view_the_dashboard_opens(corpus_env, tmp_path, monkeypatch):
    from kroniek.cli import main

    corpus, records, cache = corpus_env
    monkeypatch.chdir(tmp_path)  # the corpus given as a relative path: the same view
    assert main(["extract", "corpus", "--out", str(tmp_path / "out"), "--cache", str(cache.root), "--quiet"]) == 0
    at = _open()
    assert len(at.status) == 0  # nothing to build
    assert {m.label: m.value for m in at.metric}["Articles"] == "40"
    written = pd.read_parquet(tmp_path / "out" / "actors.parquet")
    assert {m.label: m.value for m in at.metric}["Actors"] == f"{len(written):,}"
