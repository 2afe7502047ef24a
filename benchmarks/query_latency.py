"""Milliseconds of each aggregate the pages ask for, under several filters, without the UI.

    python benchmarks/query_latency.py --cache /tmp/kcache-120k

Opens the newest saved corpus view in the cache (the dashboard writes one per corpus
version on its first start) and times every aggregate of the Overview and Actors pages
with no filter, an actor-type filter, a date range and a text search.  The baseline of
the same run is a full scan of the mentions table (``count(DISTINCT actor_id)``): what
one pass over the biggest table costs on this machine right now.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, required=True, help="extraction cache holding a saved view")
    args = parser.parse_args()
    from kroniek.query.filters import Filters
    from kroniek.query import CorpusData, Query

    views = sorted(args.cache.glob("*/views/*/corpus.duckdb"), key=lambda p: p.stat().st_mtime)
    if not views:
        sys.exit(f"no saved view in {args.cache}: open the dashboard on the corpus once first")
    started = time.perf_counter()
    data = CorpusData.open(views[-1].parent)
    print(f"open saved view: {time.perf_counter() - started:.2f}s; {data.count('articles'):,} articles, {data.count('mentions'):,} mentions")
    con = data.connection()
    started = time.perf_counter()
    con.execute("SELECT count(DISTINCT actor_id) FROM mentions").fetchone()
    base = time.perf_counter() - started
    print(f"baseline, one scan of mentions: {1000 * base:.0f} ms")
    first = con.execute("SELECT min(date_begin) FROM articles").fetchone()[0]
    filters = {
        "no filter": Filters(),
        "actor type = person": Filters(actor_types=("person",)),
        "four months": Filters(date_from=first.date(), date_to=first.date() + dt.timedelta(days=120)) if first else Filters(),
        "text search 'kabinet'": Filters(query="kabinet"),
    }
    for name, f in filters.items():
        t0 = time.perf_counter()
        q = Query(data, f)
        steps = {"views": time.perf_counter() - t0}
        for label, run in [
            ("overview", q.overview),
            ("count actors", lambda: q.count("actors")),
            ("top actors", lambda: q.top_actors(20)),
            ("mentions by month", q.mentions_by_period),
            ("co-occurrence", q.cooccurrence),
            ("countries", q.country_counts),
            ("money by currency", q.money_by_currency),
            ("events by month", q.events_by_period),
        ]:
            t0 = time.perf_counter()
            run()
            steps[label] = time.perf_counter() - t0
        total = sum(steps.values())
        detail = ", ".join(f"{k} {1000 * v:.0f}" for k, v in steps.items())
        print(f"{name:<24} {1000 * total:6.0f} ms = {total / base:5.1f}x baseline  ({detail})")


if __name__ == "__main__":
    main()
