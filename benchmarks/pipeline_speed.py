"""Words per second of the loaded pipeline, next to the blank Dutch pipeline in the same run.

    python benchmarks/pipeline_speed.py [--model NAME] [--articles 400]

Prints the full pipeline's words/s (one process, as extraction uses it: Kroniek's name
splitter and gazetteer included), each component's share of the time, and the blank
pipeline (tokenizer only) as the baseline of this machine at this moment.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = parser.parse_args()
    path = args.corpora / "dpg-news-2019" / "articles.jsonl"
    if not path.exists():
        raise SystemExit(f"skipped: {path} not found")
    import spacy

    from kroniek.nlp import load_nlp

    texts = [t for t in (json.loads(line)["text"] for line in path.open(encoding="utf-8")) if t.strip()][: args.articles]
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp(args.model)
    list(nlp.pipe(texts[:20]))  # warm up

    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    full = words / (time.perf_counter() - started)

    docs = list(nlp.tokenizer.pipe(texts))
    shares = []
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=64)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        shares.append((name, time.perf_counter() - t0))

    blank = spacy.blank("nl")
    started = time.perf_counter()
    for _ in blank.pipe(texts, batch_size=64):
        pass
    base = words / (time.perf_counter() - started)

    total = sum(s for _, s in shares)
    print(f"pipeline {nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}: {full:,.0f} words/s over {words:,} words")
    print(f"blank Dutch pipeline (tokenizer only), same run: {base:,.0f} words/s")
    for name, seconds in shares:
        print(f"  {name:24s} {100 * seconds / total:5.1f}% of component time")


if __name__ == "__main__":
    main()
