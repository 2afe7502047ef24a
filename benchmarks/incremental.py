"""Incremental extraction: extract a corpus, add one article, extract again.

    python benchmarks/incremental.py [--articles 300]

Prints the seconds of both runs and how many articles the second run processed (1:
the cache is keyed by article content, so only the new article goes through the pipeline).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = parser.parse_args()
    path = args.corpora / "dpg-news-2019" / "articles.jsonl"
    if not path.exists():
        raise SystemExit(f"skipped: {path} not found")
    from kroniek.read import read_corpus
    from kroniek.nlp import load_nlp, pipeline_key
    from kroniek.build import build_tables
    from kroniek.store.cache import Store

    articles = read_corpus([path]).articles[: args.articles + 1]
    first, extra = articles[:-1], articles[-1]
    nlp = load_nlp()
    with tempfile.TemporaryDirectory() as cache:
        store = Store(pipeline_key(), cache)
        started = time.perf_counter()
        _, n1 = build_tables(first, store, lambda: nlp)
        t1 = time.perf_counter() - started
        started = time.perf_counter()
        _, n2 = build_tables(first + [extra], store, lambda: nlp)
        t2 = time.perf_counter() - started
        print(f"first run: {n1} articles extracted in {t1:.1f}s")
        print(f"after adding one article: {n2} article(s) extracted in {t2:.1f}s ({len(first) + 1} in the tables)")
        print(f"cache: {store.size_bytes() / (len(first) + 1):,.0f} bytes per article")


if __name__ == "__main__":
    main()
