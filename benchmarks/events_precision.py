"""Precision of the event extractor on hand-judged events (type, factuality, roles, time).

    PYTHONPATH=lib python benchmarks/events_precision.py tests/data/events_blind.csv
    PYTHONPATH=lib python benchmarks/events_precision.py tests/data/events_dev.csv
    PYTHONPATH=lib python benchmarks/events_precision.py tests/data/events_blind.csv --tables OUT  # a saved run

``events_blind.csv`` judges 64 events drawn at random (seed 15) from the output of the
extractor on 147 dpg-news-2019 articles no development set uses, judged before the
extractor was changed; ``events_dev.csv`` is the development set.  Prints one line of
figures (see ``kroniek.extract.events.scoring``).  Needs ../shared/corpora (dpg-news-2019).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "lib"))


def _saved(folder: Path, texts: dict[str, str]):
    """The events of a saved extraction, shaped like ArticleExtraction (older outputs
    have no factuality column: every event counts as asserted)."""
    from types import SimpleNamespace

    import pandas as pd

    events = pd.read_csv(folder / "events.csv", keep_default_na=False, dtype={"event_code": str})
    for article_id, rows in events.groupby("article_id"):
        if article_id not in texts:
            continue
        rows = rows.to_dict("records")
        sentences = [{"sentence_id": r["sentence_id"], "start": max(texts[article_id].find(r["sentence"]), 0)} for r in rows]
        yield SimpleNamespace(article={"article_id": article_id}, events=rows, sentences=sentences)


def main() -> int:
    from kroniek.read import read_corpus
    from kroniek.extract.events.scoring import read_gold, score
    from kroniek.extract import extract_articles
    from kroniek.nlp import load_nlp

    parser = argparse.ArgumentParser()
    parser.add_argument("gold", type=Path)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "dpg-news-2019" / "articles.jsonl")
    parser.add_argument("--model", default=None)
    parser.add_argument("--tables", type=Path, default=None, help="score a saved `kroniek extract` output instead of extracting")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    gold = read_gold(args.gold)
    wanted = {k[0] for k in gold}
    articles = [a for a in read_corpus([args.corpus]).articles if a.article_id in wanted]
    texts = {a.article_id: a.text for a in articles}
    if args.tables:
        result = score(gold, texts, _saved(args.tables, texts))
    else:
        result = score(gold, texts, extract_articles(articles, load_nlp(args.model)))
    print(f"{args.gold.name}: {result.line()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
