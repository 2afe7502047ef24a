"""Money and time expressions on articles no development set uses: precision, recall, exactness.

    python benchmarks/blind_money_time.py [--model NAME] [--corpora DIR] [--misses]

Gold: ``tests/data/money_blind.csv`` (every monetary amount in 55 dpg-news-2019 articles,
annotated by hand, plus numbers in them that are not money: the "traps") and
``tests/data/timex_blind.csv`` (every time expression in 48 dpg-news-2019 articles;
``scored = 0`` marks durations, clock times and vague spans that are not placed on the
calendar, which count neither for nor against).  An article row with an empty span
says the article was read and holds nothing.  The ids of these articles appear in no
development set or test; do not tune rules on them.

A prediction matches a gold row when their spans overlap (one to one, in text order).
Money: precision = matched predictions / predictions; recall = matched gold / gold;
value-and-currency exact = gold whose match has the same low, high and currency, over
all gold; traps taken = traps overlapped by a prediction.  Time: only predictions with
an interval count (durations and sets are not placed); recall = scored gold matched by
a placed prediction; interval-exact = scored gold whose match has the same begin and
end date, over all scored gold; precision = placed predictions that match scored gold,
over placed predictions not overlapping an unscored row.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))
DATA = ROOT / "tests" / "data"


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _read(path: Path) -> dict[str, list[dict]]:
    by_article: dict[str, list[dict]] = defaultdict(list)
    for row in csv.DictReader(path.open(encoding="utf-8")):
        if row["start"] != "":
            row["start"], row["end"] = int(row["start"]), int(row["end"])
            by_article[row["article_id"]].append(row)
        else:
            by_article.setdefault(row["article_id"], [])
    return by_article


def _pair(gold: list[dict], pred: list[dict]) -> dict[int, int]:
    """Gold index -> prediction index, one to one, first overlapping prediction in order."""
    used: set[int] = set()
    pairs = {}
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used and _overlap(g["start"], g["end"], p["start"], p["end"]):
                pairs[gi] = pi
                used.add(pi)
                break
    return pairs


def _same(a: float, b: float) -> bool:
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


def score_money(gold_by_article, extractions, misses: bool) -> None:
    n_gold = n_pred = matched = exact = kind_exact = traps = traps_taken = 0
    bare = bare_matched = bare_exact = 0  # amounts without a currency word of their own
    for article_id, rows in gold_by_article.items():
        pred = extractions[article_id].money
        gold = [r for r in rows if not r["trap"]]
        trap_rows = [r for r in rows if r["trap"]]
        pairs = _pair(gold, pred)
        n_gold += len(gold)
        n_pred += len(pred)
        matched += len(pairs)
        for gi, g in enumerate(gold):
            p = pred[pairs[gi]] if gi in pairs else None
            ok = p is not None and _same(p["low"], g["low"]) and _same(p["high"], g["high"]) and p["currency"] == g["currency"]
            exact += ok
            kind_exact += ok and p["kind"] == g["kind"]
            if g.get("currency_less"):
                bare += 1
                bare_matched += p is not None
                bare_exact += ok
            if misses and not ok:
                got = (p["text"], p["low"], p["high"], p["currency"], p["kind"]) if p else None
                print(f"  money miss {article_id}@{g['start']} {g['text']!r} gold=({g['low']}, {g['high']}, {g['currency']}, {g['kind']}) got={got}")
        taken_pred = set()
        for t in trap_rows:
            traps += 1
            hit = [i for i, p in enumerate(pred) if _overlap(t["start"], t["end"], p["start"], p["end"])]
            traps_taken += bool(hit)
            taken_pred.update(hit)
            if misses and hit:
                print(f"  trap taken {article_id}@{t['start']} {t['text']!r} by {[pred[i]['text'] for i in hit]}")
        if misses:
            for pi, p in enumerate(pred):
                if pi not in pairs.values() and pi not in taken_pred:
                    print(f"  money extra {article_id}@{p['start']} {p['text']!r} ({p['low']}, {p['currency']})")
    print(f"money ({len(gold_by_article)} articles, {n_gold} amounts, {traps} traps; {n_pred} predicted)")
    if bare:
        print(f"  without a currency word: {bare} amounts, recall {bare_matched / bare:.3f}, value-and-currency exact {bare_exact / bare:.3f}")
    print(f"  precision {matched / n_pred:.3f}  recall {matched / n_gold:.3f}  value-and-currency exact {exact / n_gold:.3f}"
          f"  (and kind {kind_exact / n_gold:.3f})  traps taken {traps_taken}/{traps}")


def score_time(gold_by_article, extractions, misses: bool) -> None:
    n_gold = n_pred = matched = exact = matched_pred = 0
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # kind -> [gold, exact]
    for article_id, rows in gold_by_article.items():
        pred = [r for r in extractions[article_id].timexes if r["begin_date"]]
        scored = [r for r in rows if r["scored"] == "1"]
        unscored = [r for r in rows if r["scored"] == "0"]
        pairs = _pair(scored, pred)
        n_gold += len(scored)
        matched += len(pairs)
        for gi, g in enumerate(scored):
            p = pred[pairs[gi]] if gi in pairs else None
            ok = p is not None and (p["begin_date"], p["end_date"]) == (g["begin_date"], g["end_date"])
            exact += ok
            if g.get("kind"):
                by_kind[g["kind"]][0] += 1
                by_kind[g["kind"]][1] += ok
            if misses and not ok:
                got = (p["text"], p["begin_date"], p["end_date"]) if p else None
                print(f"  time miss {article_id}@{g['start']} {g['text']!r} gold=({g['begin_date']}, {g['end_date']}) got={got}")
        for pi, p in enumerate(pred):
            if pi in pairs.values():
                n_pred += 1
                matched_pred += 1
            elif not any(_overlap(u["start"], u["end"], p["start"], p["end"]) for u in unscored):
                n_pred += 1
                if misses:
                    print(f"  time extra {article_id}@{p['start']} {p['text']!r} ({p['begin_date']}, {p['end_date']})")
    print(f"time ({len(gold_by_article)} articles, {n_gold} scored expressions; {n_pred} placed predictions)")
    print(f"  recall {matched / n_gold:.3f}  interval-exact {exact / n_gold:.3f}  precision {matched_pred / n_pred:.3f}")
    if by_kind:
        print("  interval-exact by kind: " + ", ".join(f"{k} {e}/{n}" for k, (n, e) in sorted(by_kind.items())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--misses", action="store_true", help="print every miss, extra and trap taken")
    parser.add_argument("--money-gold", type=Path, default=DATA / "money_blind.csv", help="e.g. tests/data/money_heldout.csv")
    parser.add_argument("--time-gold", type=Path, default=DATA / "timex_blind.csv", help="e.g. tests/data/timex_heldout.csv")
    args = parser.parse_args()
    path = args.corpora / "dpg-news-2019" / "articles.jsonl"
    if not path.exists():
        sys.exit(f"{path} not found: the benchmark needs ../shared/corpora/dpg-news-2019")

    from kroniek import extract_article
    from kroniek.nlp import load_nlp

    money_gold = _read(args.money_gold)
    time_gold = _read(args.time_gold)
    wanted = set(money_gold) | set(time_gold)
    articles = {}
    for line in path.open(encoding="utf-8"):
        a = json.loads(line)
        if a["id"] in wanted:
            articles[a["id"]] = a
    nlp = load_nlp(args.model)
    extractions = {aid: extract_article(a["text"], a["date"], nlp, aid) for aid, a in articles.items()}
    score_money(money_gold, extractions, args.misses)
    score_time(time_gold, extractions, args.misses)


if __name__ == "__main__":
    main()
