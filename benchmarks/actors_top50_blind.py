"""How many of the 50 most mentioned actors are right on articles no development set uses.

The articles are the DPG 2019 ids in ``tests/data/blind_actors_ids.txt``; each actor that
has appeared in their top 50 is judged by hand in ``tests/data/blind_actors_top50.csv``
(right name, right type, a real actor, not a fragment of another actor).  An actor of the
top 50 with no judgement is listed as unjudged (judge it, then re-run).

    python benchmarks/actors_top50_blind.py [--tables DIR] [--corpora DIR] [--top 50]

``--tables`` reads an existing ``kroniek extract`` output folder instead of extracting.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))
DATA = ROOT / "tests" / "data"


def load_judgements(path: Path = DATA / "blind_actors_top50.csv") -> dict[tuple[str, str], tuple[str, str]]:
    """(actor, actor_type) -> (verdict, reason)."""
    with path.open(encoding="utf-8", newline="") as fh:
        return {(r["actor"], r["actor_type"]): (r["verdict"], r["reason"]) for r in csv.DictReader(fh)}


def score(actors, judgements: dict, top: int = 50) -> tuple[int, list[tuple[str, str, int, str, str]]]:
    """Right count among the ``top`` most mentioned actors, and one line per actor."""
    lines = []
    right = 0
    for row in actors.head(top).itertuples(index=False):
        verdict, reason = judgements.get((row.actor, row.actor_type), ("unjudged", ""))
        right += verdict == "right"
        lines.append((row.actor, row.actor_type, int(row.n_mentions), verdict, reason))
    return right, lines


def extract_blind(corpora: Path, out: Path) -> Path:
    from kroniek.read import Article
    from kroniek.extract import corpus_tables, extract_articles, to_frames
    from kroniek.nlp import load_nlp

    ids = {line.strip() for line in (DATA / "blind_actors_ids.txt").open() if line.strip() and not line.startswith("#")}
    articles = []
    for line in (corpora / "dpg-news-2019" / "articles.jsonl").open(encoding="utf-8"):
        a = json.loads(line)
        if a["id"] in ids and a["text"].strip():
            articles.append(Article(a["id"], a["text"], a["date"]))
    tables = corpus_tables(to_frames(extract_articles(articles, load_nlp())), texts={a.article_id: a.text for a in articles})
    tables["actors"].to_csv(out / "actors.csv", index=False)
    return out


def main() -> None:
    import pandas as pd

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tables", type=Path, default=None)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--top", type=int, default=50)
    args = parser.parse_args()
    if args.tables is None:
        if not (args.corpora / "dpg-news-2019").exists():
            raise SystemExit(f"skipped: {args.corpora / 'dpg-news-2019'} not found")
        args.tables = extract_blind(args.corpora, Path(tempfile.mkdtemp()))
    actors = pd.read_csv(args.tables / "actors.csv", keep_default_na=False)
    right, lines = score(actors, load_judgements(), args.top)
    for k, (actor, actor_type, n, verdict, reason) in enumerate(lines, 1):
        mark = {"right": " ", "wrong": "x"}.get(verdict, "?")
        print(f"{k:3d} {mark} {actor} ({actor_type}, {n}) {reason}")
    unjudged = sum(v == "unjudged" for *_, v, _ in lines)
    print(f"top-{args.top} actors right: {right}/{len(lines)}" + (f"  ({unjudged} unjudged)" if unjudged else ""))


if __name__ == "__main__":
    main()
