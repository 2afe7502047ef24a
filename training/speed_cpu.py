"""Words per CPU second of several pipelines, interleaved in one process, beside the blank one.

    python training/speed_cpu.py [--articles 200] [--repeat 2] MODEL ...

``benchmarks/pipeline_speed.py`` measures wall time, which other jobs on a shared machine
move by a factor of two or more between runs minutes apart.  This script loads every
pipeline first and then times them in turn, each ``--repeat`` times, by the CPU time of
this process (one thread): waiting for the processor no longer counts.  The best pass of
each is printed (``""`` or ``default`` is the shipped pipeline).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("models", nargs="+")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = parser.parse_args()
    import spacy

    from kroniek.nlp import load_nlp

    path = args.corpora / "dpg-news-2019" / "articles.jsonl"
    texts = [t for t in (json.loads(line)["text"] for line in path.open(encoding="utf-8")) if t.strip()][: args.articles]
    words = sum(len(t.split()) for t in texts)
    pipelines = {"blank": spacy.blank("nl")}
    for name in args.models:
        nlp = load_nlp(None if name in ("", "default") else name)
        list(nlp.pipe(texts[:10]))  # warm up
        pipelines[name or "default"] = nlp
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        for name, nlp in pipelines.items():
            t0 = time.process_time()
            for _ in nlp.pipe(texts, batch_size=64):
                pass
            best[name] = min(best.get(name, float("inf")), time.process_time() - t0)
    print(f"{args.articles} DPG articles, {words:,} words; best of {args.repeat} passes; CPU time of one thread")
    for name, seconds in best.items():
        print(f"  {name:40s} {words / seconds:10,.0f} words per CPU second")


if __name__ == "__main__":
    main()
