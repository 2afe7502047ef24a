"""The table contract of DESIGN.md: the CLI writes exactly these columns."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd

from conftest import ROOT
from kroniek.data.schema import TABLES

def design_tables() -> dict[str, list[str]]:
    """Column names of each table as DESIGN.md lists them (annotations in parentheses dropped)."""
    import re

    design = (ROOT / "DESIGN.md").read_text(encoding="utf-8")
    tables = {}
    for name, spec in re.findall(r"^\| (\w+) \| (.+) \|$", design, flags=re.M):
        if name == "table":
            continue
        spec = re.sub(r"\([^)]*\)", "", spec)
        tables[name] = [c.strip() for c in spec.split(",")]
    return tables


def test_schema_matches_design_md():
    assert design_tables() == {name: list(columns) for name, columns in TABLES.items()}


def test_cli_extract_writes_six_tables_with_the_contract_columns(tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "kroniek.cli", "extract", str(ROOT / "seeds"), "--out", str(out), "--quiet", "--cache", str(tmp_path / "cache")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**__import__("os").environ, "PYTHONPATH": str(ROOT / "lib")},
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    summary = proc.stdout.strip().splitlines()[-1]
    assert summary.startswith("1 article (1 extracted, 0 from cache), 0 skipped:")
    for table, columns in TABLES.items():
        csv = pd.read_csv(out / f"{table}.csv", keep_default_na=False)
        parquet = pd.read_parquet(out / f"{table}.parquet")
        assert list(csv.columns) == list(columns), table
        assert list(parquet.columns) == list(columns), table
        assert len(csv) == len(parquet)
    articles = pd.read_csv(out / "articles.csv", keep_default_na=False)
    assert articles.to_dict("records") == [
        {
            "article_id": "000_8432a360b6a1ac58.txt",
            "title": "",
            "date": "2021-09",
            "date_precision": "month",
            "source": "",
            "path": "000_8432a360b6a1ac58.txt",
            "n_words": 310,
        }
    ]
    money = pd.read_parquet(out / "money.parquet")
    assert money[["text", "low", "high", "currency", "currency_inferred"]].values.tolist() == [["tussen de 630 en 640 miljoen dollar", 630e6, 640e6, "USD", False]]


def test_offsets_point_at_the_row_text(seed_article, seed_extraction):
    text = seed_article.text
    for table in ("mentions", "money", "timexes"):
        rows = getattr(seed_extraction, table)
        assert rows, table
        for row in rows:
            assert text[row["start"] : row["end"]] == row["text"]


def test_cli_refuses_bad_input_unless_skip_bad(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("date 2019-02-12 Rutte sprak gisteren in Den Haag.", encoding="utf-8")
    (corpus / "bad.jsonl").write_text('{"id": "x1", "text": "Goed."}\nkapot\n', encoding="utf-8")
    env = {**__import__("os").environ, "PYTHONPATH": str(ROOT / "lib")}
    cmd = [sys.executable, "-m", "kroniek.cli", "extract", str(corpus), "--out", str(tmp_path / "out"), "--quiet", "--cache", str(tmp_path / "cache")]
    failed = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    assert failed.returncode == 2
    assert "error: bad.jsonl:2: not JSON (Expecting value)" in failed.stderr
    assert not (tmp_path / "out").exists()
    ok = subprocess.run(cmd + ["--skip-bad"], capture_output=True, text=True, env=env, timeout=600)
    assert ok.returncode == 0, ok.stderr
    assert "bad.jsonl:2: skipped: not JSON (Expecting value)" in ok.stderr
    assert ok.stdout.strip().splitlines()[-1].startswith("2 articles (2 extracted, 0 from cache), 1 skipped:")
