"""Extraction throughput: ``kroniek extract``'s work against the bare ``nlp.pipe``.

    python benchmarks/extraction_throughput.py [--articles N] [--processes 1 2]

For each process count, the same articles of dpg-news-2019 go once through the bare
pipeline (``nlp.pipe``, nothing else) and once through Kroniek's extraction with an
empty cache (pipeline, all extractors, cache writes, corpus-level tables).  Prints
words/s of both and their ratio, measured in the same run.
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
    parser.add_argument("--articles", type=int, default=0, help="0 = all")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--model", default=None)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = parser.parse_args()
    path = args.corpora / "dpg-news-2019" / "articles.jsonl"
    if not path.exists():
        raise SystemExit(f"skipped: {path} not found")

    from kroniek.read import read_corpus
    from kroniek.nlp import load_nlp, pipeline_key
    from kroniek.build import build_tables
    from kroniek.store.cache import Store

    articles = read_corpus([path]).articles
    if args.articles:
        articles = articles[: args.articles]
    words = sum(a.n_words for a in articles)
    nlp = load_nlp(args.model)
    print(f"{len(articles)} articles, {words:,} words, pipeline {nlp.meta.get('name')} {nlp.meta.get('version')}")
    for n in args.processes:
        started = time.perf_counter()
        for _ in nlp.pipe((a.text for a in articles), batch_size=32, n_process=n):
            pass
        bare = words / (time.perf_counter() - started)
        with tempfile.TemporaryDirectory() as cache:
            started = time.perf_counter()
            build_tables(articles, Store(pipeline_key(args.model), cache), lambda: nlp, n_process=n)
            full = words / (time.perf_counter() - started)
        print(f"{n} process(es): bare nlp.pipe {bare:,.0f} words/s, kroniek extract {full:,.0f} words/s, ratio {full / bare:.2f}")


if __name__ == "__main__":
    main()
