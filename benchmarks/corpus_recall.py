"""How many mentions corpus-level recall adds, how long it takes, and a sample to judge.

Runs the corpus step (``extract.corpus_tables``) on the per-article rows of a
``kroniek extract`` cache twice, without the article texts (no recall) and with them,
and prints the number of mentions with ``via="corpus"``, the actors they raise, the
seconds of each run (the ratio is the cost of recall), and a reproducible random sample
of added mentions with their context, to judge by hand (``tests/data/corpus_recall_judged.csv``
holds the judged sample; its figure is printed when the sample matches).

    python benchmarks/corpus_recall.py --cache DIR [--corpus PATH] [--sample 30] [--seed 14]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))
JUDGED = ROOT / "tests" / "data" / "corpus_recall_judged.csv"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, required=True, help="the --cache folder of a kroniek extract run")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "dpg-news-2019")
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()

    from kroniek.read import drop_duplicates, read_corpus
    from kroniek.extract import corpus_tables
    from kroniek.nlp import pipeline_key
    from kroniek.store.cache import Store

    articles = list(drop_duplicates(read_corpus([args.corpus])).articles)
    tables = Store(pipeline_key(None), args.cache).load(articles)
    texts = {a.article_id: a.text for a in articles}
    t0 = time.perf_counter()
    base = corpus_tables(tables, corrections=False)
    t1 = time.perf_counter()
    full = corpus_tables(tables, corrections=False, texts=texts)
    t2 = time.perf_counter()
    added = full["mentions"][full["mentions"]["via"] == "corpus"]
    print(f"{len(articles)} articles, {len(base['mentions'])} mentions before recall")
    print(f"added by corpus recall: {len(added)} mentions in {added['article_id'].nunique()} articles, {added['actor_id'].nunique()} actors")
    print(f"corpus step: {t1 - t0:.2f}s without recall, {t2 - t1:.2f}s with (ratio {(t2 - t1) / max(t1 - t0, 1e-9):.2f})")
    top = added.groupby(["actor", "actor_type"]).size().sort_values(ascending=False).head(15)
    print("most added:", ", ".join(f"{a} ({t}) {n}" for (a, t), n in top.items()))
    sample = added.sample(n=min(args.sample, len(added)), random_state=args.seed).sort_values(["article_id", "start"])
    judged = {}
    if JUDGED.exists():
        with JUDGED.open(encoding="utf-8", newline="") as fh:
            judged = {(r["article_id"], int(r["start"])): r for r in csv.DictReader(fh)}
    right = n_judged = 0
    verdicts: dict[str, int] = {}
    for row in sample.itertuples(index=False):
        text = texts[row.article_id]
        context = text[max(0, row.start - 60) : row.end + 40].replace("\n", " ")
        verdict = judged.get((row.article_id, int(row.start)))
        if verdict:
            n_judged += 1
            right += verdict["verdict"] == "right"
            verdicts[verdict["verdict"]] = verdicts.get(verdict["verdict"], 0) + 1
        mark = verdict["verdict"] if verdict else "UNJUDGED"
        print(f"{row.article_id}\t{row.start}\t{row.text}\t{row.actor_id}\t{mark}\t…{context}…")
    if n_judged:
        print(f"judged sample: {right} of {n_judged} right ({right / n_judged:.2f}); "
              + ", ".join(f"{v}: {n}" for v, n in sorted(verdicts.items())) + f"; {len(sample) - n_judged} unjudged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
