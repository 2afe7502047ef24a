"""Incremental extraction: extract a corpus, add one article, extract again; and the saved view.

    python benchmarks/incremental.py [--articles 300]
    python benchmarks/incremental.py --view --corpus /tmp/dpg120k --cache /tmp/kcache-120k

Prints the seconds of both runs and how many articles the second run processed (1:
the cache is keyed by article content, so only the new article goes through the pipeline).
With ``--view`` (a corpus whose articles the cache holds, e.g. ``make_scaled_corpus.py``'s):
the seconds to join one new article to the corpus's saved view, beside the seconds of
building that view from scratch, in the same run.
"""

from __future__ import annotations

import argparse
import shutil
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
    parser.add_argument("--view", action="store_true", help="the saved view: one article joined vs built again")
    parser.add_argument("--corpus", type=Path, help="with --view: the corpus (a JSONL file)")
    parser.add_argument("--cache", type=Path, help="with --view: a cache holding its articles")
    args = parser.parse_args()
    if args.view:
        return grown_view_seconds(args.corpus, args.cache)
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


def grown_view_seconds(corpus: Path, cache: Path) -> None:
    """Build the view of the corpus less its last article, then join that article to it."""
    import json

    from kroniek.app.building import grown_view
    from kroniek.build import save_corpus_view, view_tables
    from kroniek.nlp import pipeline_key
    from kroniek.read import read_corpus
    from kroniek.store.cache import Store
    from kroniek.store.views import corpus_fingerprint, latest_view

    articles = read_corpus([corpus]).articles
    store = Store(pipeline_key(), cache)
    with tempfile.TemporaryDirectory() as folder:
        grown = Path(folder) / "corpus" / "articles.jsonl"
        grown.parent.mkdir()
        with grown.open("w", encoding="utf-8") as fh:
            for a in articles[:-1]:
                fh.write(json.dumps({"id": a.article_id, "date": a.date, "title": a.title, "text": a.text, "source": a.source}, ensure_ascii=False) + "\n")
        paths = (str(grown.parent),)
        started = time.perf_counter()
        save_corpus_view(store, (paths, corpus_fingerprint(paths)), view_tables(articles[:-1], store), articles[:-1], [])
        full = time.perf_counter() - started
        started = time.perf_counter()
        built = latest_view(store, paths)
        folder_of, how = grown_view(built, list(articles), store, (paths, "grown-" + corpus_fingerprint(paths)), [], lambda what, share: None)
        joined = time.perf_counter() - started
        for made in (built.folder, folder_of):  # the benchmark's views are not the user's
            shutil.rmtree(made, ignore_errors=True)
    assert folder_of is not None, how
    print(f"saved view of {len(articles):,} articles, one of them new: joined in {joined:.1f}s vs {full:.1f}s to build it = {joined / full:.2f}x ({how})")


if __name__ == "__main__":
    main()
