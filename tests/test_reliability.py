"""Reliability and security: hostile content, uploads, session isolation, the cache."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT
from kroniek.read import Article
from kroniek.store.exports import csv_bytes, write_tables
from kroniek.data.schema import frame

HOSTILE_TITLE = '<script>alert("title")</script><img src=x onerror=alert(1)>'
HOSTILE_TEXT = (
    "Poetin betaalde 5 miljoen euro aan [klik hier](javascript:alert(1)). "
    "<script>alert('tekst')</script> <img src=x onerror=alert(2)> "
    "=HYPERLINK(\"http://evil\",\"x\") @SUM(1+1) +31 -2 "
)
FORMULAS = ["=SUM(A1:A2)", "+31612345678", "-2+3", "@cmd", "\tx", "\rx"]


def test_csv_cells_that_start_like_formulas_are_neutralised_and_parquet_keeps_them(tmp_path):
    df = frame("mentions", [{"article_id": f, "sentence_id": 0, "start": 0, "end": 1, "text": f, "label": "PER", "actor_id": "a", "actor": f, "actor_type": "person", "country": "", "via": "ner"} for f in FORMULAS])
    csv = pd.read_csv(io.BytesIO(csv_bytes(df)), keep_default_na=False, dtype=str)
    assert list(csv["text"]) == ["'" + f for f in FORMULAS]
    tables = {name: frame(name) for name in ("articles", "actors", "money", "timexes", "events")}
    tables["mentions"] = df
    write_tables(tables, tmp_path)
    assert list(pd.read_parquet(tmp_path / "mentions.parquet")["text"]) == FORMULAS
    assert pd.read_csv(tmp_path / "mentions.csv", keep_default_na=False, dtype=str)["text"].str.startswith("'").all()


def test_numbers_stay_numbers_in_csv():
    money = frame("money", [{"article_id": "a", "sentence_id": 0, "start": 0, "end": 1, "text": "-5 euro", "low": -5.0, "high": -5.0, "currency": "EUR", "kind": "single", "approx": False, "context": ""}])
    csv = pd.read_csv(io.BytesIO(csv_bytes(money)))
    assert csv["low"].tolist() == [-5.0]
    assert csv["text"].tolist() == ["'-5 euro"]


@pytest.fixture()
def hostile_corpus(tmp_path, monkeypatch):
    folder = tmp_path / "hostile"
    folder.mkdir()
    record = {"id": "=cmd|' /C calc'!A0", "date": "2021-09-10", "title": HOSTILE_TITLE, "text": HOSTILE_TEXT, "source": "<b>bron</b>"}
    (folder / "news.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    monkeypatch.setenv("KRONIEK_CORPUS", str(folder))
    return folder


def test_cli_on_hostile_input(hostile_corpus, tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "kroniek.cli", "extract", str(hostile_corpus), "--out", str(out), "--quiet", "--cache", str(tmp_path / "c")],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "lib")}, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    articles_csv = pd.read_csv(out / "articles.csv", keep_default_na=False, dtype=str)
    articles_pq = pd.read_parquet(out / "articles.parquet")
    assert articles_csv["article_id"].tolist() == ["'=cmd|' /C calc'!A0"]
    assert articles_pq["article_id"].tolist() == ["=cmd|' /C calc'!A0"]
    assert articles_pq["title"].tolist() == [HOSTILE_TITLE]
    assert pd.read_parquet(out / "money.parquet")["text"].tolist() == ["5 miljoen euro"]


@pytest.mark.parametrize("page", ["pages/overview.py", "pages/actors.py", "pages/money.py", "pages/chronology.py", "pages/articles.py", "pages/about.py"])
def test_dashboard_shows_hostile_content_as_text(hostile_corpus, page):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
    at.run()
    if page != "pages/overview.py":
        at.switch_page(page)
        at.run()
    assert not at.exception
    for element in at.get("html"):
        body = element.proto.body
        assert "<script>" not in body and "<img src=x" not in body
    for element in at.get("markdown"):
        assert "<script>" not in element.value and "javascript:" not in element.value
    for chart in at.get("plotly_chart"):
        spec = chart.proto.spec if hasattr(chart.proto, "spec") else str(chart.proto)
        assert "<script>" not in spec and "<img" not in spec


def test_reader_escapes_the_hostile_article(hostile_corpus):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
    at.run()
    at.switch_page("pages/articles.py")
    at.run()
    reader = next(h.proto.body for h in at.get("html") if "kr-reader" in h.proto.body)
    import re

    text_only = re.sub(r"</?span[^>]*>", "", reader.split("</style>", 1)[1])  # our highlight marks removed
    assert "<script>" not in text_only and "<img" not in text_only
    assert "&lt;script&gt;alert(&#x27;tekst&#x27;)&lt;/script&gt;" in text_only
    assert "&lt;img src=x onerror=alert(2)&gt;" in text_only
    assert "[klik hier](javascript:alert(1))" in text_only  # shown literally, not as a link
    header = next(h.proto.body for h in at.get("html") if "<h3>" in h.proto.body)
    assert "&lt;script&gt;" in header and "<script>" not in header


# --- uploads ---------------------------------------------------------------------------


def _uploader(at: AppTest):
    return at.get("file_uploader")[0]


def _actors(at: AppTest) -> set[str]:
    return set(at.session_state["query"].rows("actors")["actor"])


def _article_ids(at: AppTest) -> set[str]:
    return set(at.session_state["query"].rows("articles")["article_id"])


def test_uploads_stay_in_their_session(monkeypatch, tmp_path):
    monkeypatch.setenv("KRONIEK_CORPUS", str(ROOT / "seeds"))
    first, second = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300), AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
    first.run()
    second.run()
    record = {"id": "geheim-1", "date": "2019-03-01", "title": "Geheim", "text": "Premier Mark Rutte sprak gisteren met Angela Merkel over 5 miljoen euro.", "source": "eigen"}
    _uploader(first).set_value(("geheim.jsonl", json.dumps(record).encode(), "application/json"))
    first.run()
    assert "Mark Rutte" in _actors(first)
    assert "geheim-1" in _article_ids(first)
    second.run()
    assert "Mark Rutte" not in _actors(second)
    assert "geheim-1" not in _article_ids(second)
    assert not any("geheim" in str(p) for p in second.session_state["corpus"].problems)


def test_upload_names_never_become_paths_and_bad_uploads_are_explained(monkeypatch):
    monkeypatch.setenv("KRONIEK_CORPUS", str(ROOT / "seeds"))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
    at.run()
    big = b"x" * (51 * 1024 * 1024)
    zipped = b"PK\x03\x04" + b"\x00" * 2048
    text = "date 2019-03-01 Het kabinet trok 2 miljard euro uit.".encode()
    _uploader(at).set_value([("../../etc/evil.txt", text, "text/plain"), ("huge.csv", big, "text/csv"), ("corpus.csv", zipped, "text/csv")])
    at.run()
    corpus = at.session_state["corpus"]
    assert "upload/evil.txt" in corpus.uploaded
    messages = sorted(str(p) for p in corpus.problems)
    assert messages == ["upload/corpus.csv: skipped: binary file, not text", "upload/huge.csv: skipped: larger than 50 MB"]
    about = at.switch_page("pages/about.py").run()
    table = about.dataframe[-1].value
    assert sorted(table["file"]) == ["upload/corpus.csv", "upload/huge.csv"]


def test_parquet_decompression_bomb_is_refused(tmp_path, monkeypatch):
    from kroniek.read import readers as corpus

    df = pd.DataFrame({"id": ["a"], "text": ["x" * 2_000_000]})
    path = tmp_path / "bomb.parquet"
    df.to_parquet(path, compression="zstd")
    assert path.stat().st_size < 10_000
    monkeypatch.setattr(corpus, "MAX_EXPANDED_BYTES", 1_000_000)
    result = corpus.read_corpus([path])
    assert result.articles == []
    assert [p.reason for p in result.problems] == ["would expand to 2 MB in memory (limit 1 MB)"]


# --- the cache -------------------------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {lib!r})
    from kroniek.store import cache as store_module
    from kroniek.read import Article
    from kroniek.extract import ArticleExtraction
    store = store_module.Store("kill-test", {root!r})
    def rows(a):
        ex = ArticleExtraction({{"article_id": a.article_id}})
        ex.sentences = [{{"article_id": a.article_id, "sentence_id": 0, "start": 0, "end": len(a.text)}}]
        return ex
    first = Article("a", "Eerste artikel.", "2019-01-01")
    store.save([(first, rows(first))])
    original = store_module._write_atomic
    def slow(table, target):
        original(table, target)
        print("wrote", target.name, flush=True)
        time.sleep(30)
    store_module._write_atomic = slow
    second = Article("b", "Tweede artikel.", "2019-01-02")
    store.save([(second, rows(second))])
    """
)


def test_a_writer_killed_mid_write_leaves_the_previous_cache_usable(tmp_path):
    from kroniek.store.cache import Store

    proc = subprocess.Popen([sys.executable, "-c", WRITER.format(lib=str(ROOT / "lib"), root=str(tmp_path))], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().startswith("wrote")  # the second segment is half written
    proc.kill()
    proc.wait(timeout=30)
    store = Store("kill-test", tmp_path)
    assert store.cached_hashes() == {Article("a", "Eerste artikel.", "2019-01-01").content_hash}
    tables = store.load([Article("a", "Eerste artikel.", "2019-01-01"), Article("b", "Tweede artikel.", "2019-01-02")])
    assert tables["sentences"]["article_id"].tolist() == ["a"]


CONCURRENT = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {lib!r})
    from kroniek.read import read_corpus
    from kroniek.nlp import load_nlp
    from kroniek.build import build_tables
    from kroniek.store.cache import Store
    articles = read_corpus([{corpus!r}]).articles
    tables, n = build_tables(articles, Store("concurrent", {root!r}), lambda: load_nlp("blank:nl"), segment_size=2)
    print(n, len(tables["mentions"]))
    """
)


def test_two_processes_extracting_at_once_do_not_corrupt_the_cache(tmp_path):
    from kroniek.read import read_corpus
    from kroniek.extract import corpus_tables
    from kroniek.store.cache import Store

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(8):
        (corpus / f"{i}.txt").write_text(f"date 2019-03-0{i + 1} Rutte sprak met Merkel over {i + 1} miljoen euro en de NAVO.", encoding="utf-8")
    script = CONCURRENT.format(lib=str(ROOT / "lib"), corpus=str(corpus), root=str(tmp_path / "cache"))
    procs = [subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=300)[0].split() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    articles = read_corpus([corpus]).articles
    tables = corpus_tables(Store("concurrent", tmp_path / "cache").load(articles))
    assert len(tables["articles"]) == 8
    assert len(tables["money"]) == 8
    assert tables["mentions"].duplicated(["article_id", "start", "end"]).sum() == 0
    assert {o[1] for o in outputs} == {str(len(tables["mentions"]))}


def test_the_gazetteer_data_is_part_of_the_pipeline_key(tmp_path, monkeypatch):
    from kroniek.nlp import pipeline_key

    before = pipeline_key("blank:nl")
    alias = tmp_path / "aliases.csv"
    alias.write_text("action,name,target,note\nexclude,Rutte,,\n", encoding="utf-8")
    monkeypatch.setenv("KRONIEK_ALIASES", str(alias))
    assert pipeline_key("blank:nl") != before
