"""Happenings judged by hand on dpg-news-2019: are a happening's events one happening?

    PYTHONPATH=lib python benchmarks/happenings_judged.py [--tables DIR]

``tests/data/happenings_judged.csv`` holds 30 happenings of a ``kroniek extract`` run on
the whole corpus (1,140 articles): every happening with two or more events (12) and 18
drawn at random among those with one.  For a grouped happening the judgement says whether
its events report one happening; for a single one, whether it is a real happening of
its type.  Prints those shares; with ``--tables`` (the output folder of a later
``kroniek extract`` run) it also says how many judged groups that run still forms
(every member in one happening) and how many of the wrong ones it splits.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "lib"))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--judged", type=Path, default=ROOT / "tests" / "data" / "happenings_judged.csv")
    parser.add_argument("--tables", type=Path, default=None)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "dpg-news-2019" / "articles.jsonl")
    args = parser.parse_args()
    rows = list(csv.DictReader(args.judged.open(encoding="utf-8")))
    grouped = [r for r in rows if r["kind"] == "grouped"]
    single = [r for r in rows if r["kind"] == "single"]
    one = sum(r["one_happening"] == "yes" for r in grouped)
    real = sum(r["real_event"] == "yes" for r in single)
    print(f"grouped happenings that are one happening: {one}/{len(grouped)} = {one / max(len(grouped), 1):.2f}")
    print(f"single-report happenings that are a real happening of their type: {real}/{len(single)} = {real / max(len(single), 1):.2f}")
    if args.tables:
        import pandas as pd

        from kroniek.read import read_corpus
        from kroniek.extract.events.scoring import trigger_start

        texts = {a.article_id: a.text for a in read_corpus([args.corpus]).articles}
        events = pd.read_csv(args.tables / "events.csv", keep_default_na=False)
        sentences = {}
        ids = {}
        for e in events.to_dict("records"):
            text = texts.get(e["article_id"], "")
            start = text.find(e["sentence"][:60])
            ids[(e["article_id"], trigger_start(e, text, max(start, 0)), e["trigger"])] = e["happening_id"]
        kept = split = 0
        for r in grouped:
            members = [tuple(m.rsplit(":", 2)) for m in r["members"].split(";")]
            found = {ids.get((a, int(s), t), "") for a, s, t in members}
            together = len(found) == 1 and "" not in found
            kept += together and r["one_happening"] == "yes"
            split += (not together) and r["one_happening"] == "no"
        print(f"with {args.tables}: right groups still formed {kept}/{one}, wrong groups split {split}/{len(grouped) - one}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
