"""What each extraction stage adds to the spaCy pipeline's time, as a ratio.

    python benchmarks/stage_overhead.py [--articles 300]

The same dpg-news-2019 articles go through ``nlp.pipe`` once (the baseline, timed), then
each Kroniek stage runs on the finished Docs and is timed on its own: money, time
expressions, actors, events (events take the other stages' rows, as in extraction).
Prints each stage's seconds and its share of the pipeline's time in the same run; the
money stage's target is at most 10 %.
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
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--model", default=None)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = parser.parse_args()
    path = args.corpora / "dpg-news-2019" / "articles.jsonl"
    if not path.exists():
        sys.exit(f"{path} not found: the benchmark needs ../shared/corpora/dpg-news-2019")

    from kroniek.extract.actors import extract_mentions
    from kroniek.read import date_bounds
    from kroniek.extract.events import extract_events
    from kroniek.extract import SentenceIndex
    from kroniek.data.gazetteer import load_gazetteer
    from kroniek.extract.money import extract_money
    from kroniek.nlp import load_nlp
    from kroniek.extract.timex import extract_timexes

    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    rows = [r for r in rows if r.get("text", "").strip()][: args.articles]
    nlp = load_nlp(args.model)
    gaz = load_gazetteer()
    # one-time loads (lexicons, the ECB rates file) are startup, not per-article cost
    warm = nlp("Op 3 mei 2019 kostte het tussen de 630 en 640 miljoen dollar, zei Poetin vrijdag.")
    started = time.perf_counter()
    extract_money(warm.text, warm, "warm-up", lambda _c: 0, date_bounds("2019-05-03"))
    extract_timexes(warm.text, warm, "warm-up", "2019-05-03", lambda _c: 0, lambda _c: (0, len(warm.text)))
    print(f"one-time loading of lexicons and exchange rates: {time.perf_counter() - started:.2f}s (not counted below)")

    started = time.perf_counter()
    docs = list(nlp.pipe([r["text"] for r in rows], batch_size=32))
    pipeline = time.perf_counter() - started
    words = sum(len(d) for d in docs)

    spent = {"money": 0.0, "time expressions": 0.0, "actors": 0.0, "events": 0.0}
    for row, doc in zip(rows, docs):
        text, article_id, date = row["text"], row["id"], row.get("date") or None
        index = SentenceIndex(doc)
        sents, sentence_of_char, sentence_of_token, sentence_bounds = index.sents, index.of_char, index.of_token, index.bounds

        interval = date_bounds(date) if date else None
        t0 = time.perf_counter()
        money = extract_money(text, doc, article_id, sentence_of_char, interval)
        t1 = time.perf_counter()
        timexes = extract_timexes(text, doc, article_id, date, sentence_of_char, sentence_bounds)
        t2 = time.perf_counter()
        mentions = extract_mentions(doc, article_id, sentence_of_token, gaz).rows
        t3 = time.perf_counter()
        iso = (interval[0].isoformat(), interval[1].isoformat()) if interval else None
        extract_events(doc, article_id, sents, mentions, timexes, money, iso, "")
        t4 = time.perf_counter()
        spent["money"] += t1 - t0
        spent["time expressions"] += t2 - t1
        spent["actors"] += t3 - t2
        spent["events"] += t4 - t3

    print(f"pipeline (nlp.pipe, baseline): {pipeline:.2f}s for {len(docs)} articles, {words:,} tokens ({words / pipeline:,.0f} tokens/s)")
    for stage, seconds in spent.items():
        print(f"  {stage:<17} {seconds:6.2f}s = {100 * seconds / pipeline:5.1f}% of the pipeline's time")
    total = sum(spent.values())
    print(f"  {'all stages':<17} {total:6.2f}s = {100 * total / pipeline:5.1f}% of the pipeline's time")


if __name__ == "__main__":
    main()
