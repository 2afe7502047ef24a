"""Extraction on a Dask cluster (a LocalCluster with two workers) into a dataset
partitioned by month, which the dashboard's data layer opens unchanged."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    records = [
        {"id": "a1", "date": "2019-02-12", "title": "Eén", "text": "Premier Mark Rutte sprak gisteren met Angela Merkel over 5 miljoen euro.", "source": "AD"},
        {"id": "a2", "date": "2019-03-01", "title": "Twee", "text": "Rutte vloog vrijdag naar Berlijn; de NAVO betaalde 2 miljard dollar.", "source": "AD"},
        {"id": "a3", "date": "2019-03-20", "title": "Drie", "text": "De EU kondigde vorige week sancties aan tegen Rusland.", "source": "NRC"},
    ]
    (folder / "news.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    (folder / "seed.txt").write_text((ROOT / "seeds" / "000_8432a360b6a1ac58.txt").read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_cli_extracts_on_the_cluster_into_monthly_partitions(cluster, tmp_path):
    corpus = _corpus(tmp_path / "corpus")
    out = tmp_path / "dataset"
    proc = subprocess.run(
        [sys.executable, "-m", "kroniek.cli", "extract", str(corpus), "--out", str(out), "--engine", "dask", "--scheduler", cluster.scheduler_address, "--quiet"],
        capture_output=True, text=True, timeout=900, env={"PYTHONPATH": str(ROOT / "lib"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1].startswith(f"4 articles (extracted on {cluster.scheduler_address}), 0 skipped:")
    months = sorted(p.name for p in (out / "mentions").iterdir())
    assert months == ["month=2019-02", "month=2019-03", "month=2021-09"]

    from kroniek.query import CorpusData, Query
    from kroniek.query.filters import Filters

    data = CorpusData.open_dataset(str(out))
    q = Query(data, Filters())
    assert sorted(q.rows("articles")["article_id"]) == ["a1", "a2", "a3", "seed.txt"]
    assert set(q.rows("money")["text"]) >= {"5 miljoen euro", "2 miljard dollar", "tussen de 630 en 640 miljoen dollar"}
    rutte = q.rows("actors").set_index("actor_id").loc["per:mark-rutte"]
    assert (rutte["n_mentions"], rutte["n_articles"]) == (2, 2)  # "Rutte" in a2 linked to "Mark Rutte" of a1
    assert data.text("a3").startswith("De EU kondigde")


def test_the_dashboard_opens_the_dataset(cluster, tmp_path, monkeypatch):
    from kroniek.extract.cluster import extract_on_cluster
    from kroniek.read import read_corpus
    from kroniek.store.dataset import write_dataset

    corpus = _corpus(tmp_path / "corpus")
    articles = read_corpus([corpus]).articles
    from distributed import Client

    with Client(cluster.scheduler_address) as client:
        tables, problems = extract_on_cluster(articles, client, batch_size=2)
    assert problems == []
    write_dataset(tables, {a.article_id: a.text for a in articles}, tmp_path / "ds")
    monkeypatch.setenv("KRONIEK_TABLES", str(tmp_path / "ds"))
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
    at.run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Articles"] == "4"
