"""The command line as a new user meets it: bare `kroniek`, `extract --help`, a cached run."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "lib")}


def _kroniek(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kroniek.cli", *args], capture_output=True, text=True, cwd=ROOT, env=ENV, timeout=600, **kwargs)


def test_bare_kroniek_prints_its_help():
    out = _kroniek()
    assert out.returncode == 0 and out.stderr == ""
    assert out.stdout.startswith("usage: kroniek") and "extract" in out.stdout and "eval" in out.stdout


def test_extract_help_names_the_tables_an_example_the_defaults_and_the_fast_pipeline():
    out = _kroniek("extract", "--help").stdout
    for table in ("articles", "mentions", "actors", "money", "timexes", "events", "happenings"):
        assert f"\n  {table} " in out, table
    assert "kroniek extract seeds --out out/" in out
    assert "kroniek:fast" in out
    assert "(default: 1)" in " ".join(out.split())  # --processes


def test_a_cached_run_shows_no_empty_progress_bar(tmp_path):
    args = ("extract", str(ROOT / "seeds"), "--out", str(tmp_path / "out"), "--cache", str(tmp_path / "cache"))
    first = _kroniek(*args)
    assert first.returncode == 0, first.stderr
    assert "extracting:" in first.stderr and "1/1" in first.stderr  # the bar while the one article is extracted
    again = _kroniek(*args)
    assert again.returncode == 0, again.stderr
    assert "extracting" not in again.stderr and "0article" not in again.stderr
    assert again.stdout.strip().startswith("1 article (0 extracted, 1 from cache)")
