"""What the Chronology shows by default on held-out articles, judged by hand.

    python benchmarks/events_chronicle_blind.py --tables OUT    # a `kroniek extract` of dpg-news-2019
    python benchmarks/events_chronicle_blind.py --draw 80 --seed 24 --tables OUT > sample.jsonl

Judged samples (``tests/data/events_heldout_*.csv``) hold events drawn at random from
the default chronicle (asserted, confident events dated inside the corpus period) on
articles of ``tests/data/heldout_ids.txt``, judged against ``docs/events.md``: ``real``
(a concrete, asserted event of the system's type), the right type and factuality, the
right source and whether the row names a participant.  For each sample this prints:

* as judged: precision (real / shown), source right among rows naming one, participation;
* with the tables given: which of the judged events the extractor still shows (same
  article, same trigger offset), of which type, and how many of the judged real events
  are still shown with their type (recall against that sample).

``--draw`` prints a fresh random sample of the given tables' default view (JSON lines
with the context a judge needs) instead.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
CORPUS = ROOT.parent / "shared" / "corpora" / "dpg-news-2019" / "articles.jsonl"


def heldout_ids() -> set[str]:
    return {line.strip() for line in (DATA / "heldout_ids.txt").open() if line.strip() and not line.startswith("#")}


def texts(ids: set[str]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for line in CORPUS.open(encoding="utf-8"):
        a = json.loads(line)
        if a["id"] in ids and a["id"] not in out:
            out[a["id"]] = a
    return out


def default_view(tables: Path) -> pd.DataFrame:
    """Events the Chronology shows by default: asserted, confident, middle of the date in
    the corpus period (first article − 1 month to last + 2 months)."""
    events = pd.read_parquet(tables / "events.parquet")
    articles = pd.read_parquet(tables / "articles.parquet")
    dates = pd.to_datetime(articles["date"], errors="coerce")
    lo, hi = dates.min() - pd.DateOffset(months=1), dates.max() + pd.DateOffset(months=2)
    confident = events["confident"].astype(bool) if "confident" in events.columns else True
    shown = events[(events["factuality"] == "asserted") & confident].copy()
    begin, end = pd.to_datetime(shown["begin_date"], errors="coerce"), pd.to_datetime(shown["end_date"], errors="coerce")
    middle = begin + (end - begin) / 2
    return shown[(middle >= lo) & (middle <= hi)]


def with_offsets(events: pd.DataFrame, articles: dict[str, dict]) -> pd.DataFrame:
    starts = []
    for e in events.itertuples():
        text = articles[e.article_id]["text"]
        s = text.find(e.sentence)
        starts.append(text.find(e.trigger, max(s, 0)))
    return events.assign(start=starts)


def draw(tables: Path, n: int, seed: int) -> None:
    ids = heldout_ids()
    view = default_view(tables)
    view = view[view["article_id"].isin(ids)]
    articles = texts(set(view["article_id"]))
    picked = view.loc[random.Random(seed).sample(list(view.index), n)]
    for e in with_offsets(picked, articles).to_dict("records"):
        a = articles[e["article_id"]]
        s = a["text"].find(e["sentence"])
        e.update(title=a["title"], date=a["date"], before=a["text"][max(0, s - 400) : s], after=a["text"][s + len(e["sentence"]) : s + len(e["sentence"]) + 300])
        print(json.dumps({k: (v if isinstance(v, (str, int, float, bool)) or v is None else str(v)) for k, v in e.items()}, ensure_ascii=False))


def judged_figures(rows: list[dict]) -> str:
    n = len(rows)
    real = sum(r["real"] == "yes" for r in rows)
    named = [r for r in rows if r["system_source"]]
    right = sum(r["source_right"] == "yes" for r in named)
    part = sum(r["participant"] == "yes" for r in rows)
    return f"precision {real}/{n} = {real / n:.2f}; source right {right}/{len(named)}; participant {part}/{n} = {part / n:.2f}"


def still_shown(rows: list[dict], tables: Path) -> str:
    view = default_view(tables)
    articles = texts(set(r["article_id"] for r in rows))
    view = with_offsets(view[view["article_id"].isin(articles)], articles)
    shown = {(e.article_id, int(e.start)): e.event_code for e in view.itertuples()}
    kept = [r for r in rows if (r["article_id"], int(r["start"])) in shown]
    right = [r for r in kept if shown[(r["article_id"], int(r["start"]))] == r["gold_code"] and r["gold_factuality"] == "asserted"]
    real_before = [r for r in rows if r["real"] == "yes"]
    real_kept = [r for r in real_before if r in right]
    return (
        f"still shown {len(kept)}/{len(rows)}, of which right (type and asserted) {len(right)}/{len(kept)}"
        + (f" = {len(right) / len(kept):.2f}" if kept else "")
        + f"; real events of the sample still shown with their type {len(real_kept)}/{len(real_before)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tables", type=Path, required=True, help="a `kroniek extract` output folder")
    parser.add_argument("--samples", type=Path, nargs="*", default=sorted(DATA.glob("events_heldout_*.csv")))
    parser.add_argument("--draw", type=int, default=0, help="print a fresh sample of this many events to judge")
    parser.add_argument("--seed", type=int, default=24)
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 2
    if args.draw:
        draw(args.tables, args.draw, args.seed)
        return 0
    for path in args.samples:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        print(f"{path.name} ({len(rows)} events): as judged: {judged_figures(rows)}")
        print(f"  with {args.tables}: {still_shown(rows, args.tables)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
