"""How well canonical actors reproduce MEANTIME's gold coreference chains (B³).

Named mentions are MEANTIME's gold ORG, PER and LOC mentions whose head word is
capitalised and not a pronoun (names, not "we" or descriptions).  Each is located in
the article text (in order, from its tokens), and takes the actor id of Kroniek's
mention that overlaps its head ("Airbus" in "Airbus-vliegtuigen"); a gold mention
Kroniek missed is a singleton.  B³ precision and recall are averaged
over the gold named mentions, across all 60 articles (chains are cross-document).

    python benchmarks/actors_b3_meantime.py [--model NAME] [--corpora DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))


def locate(text: str, mentions: list[dict]) -> list[tuple[dict, int, int]]:
    """Character spans of gold mentions, searched in reading order."""
    located = []
    cursor = 0
    for m in sorted(mentions, key=lambda m: (m["sent_id"], m["tokens_number"][0])):
        pattern = r"\s*".join(re.escape(tok) for tok in m["tokens_str"].split())
        found = re.compile(pattern).search(text, cursor)
        if found is None:
            found = re.compile(pattern).search(text)
            if found is None:
                continue
        else:
            cursor = found.start()
        head = m["mention_head"]
        h = text.find(head, found.start(), found.end())
        hs = h if h >= 0 else found.start()
        located.append((m, hs, hs + len(head)))
    return located


def b_cubed(gold: dict[str, str], predicted: dict[str, str]) -> tuple[float, float, float]:
    gold_sets: dict[str, set] = defaultdict(set)
    pred_sets: dict[str, set] = defaultdict(set)
    for item, cluster in gold.items():
        gold_sets[cluster].add(item)
    for item, cluster in predicted.items():
        pred_sets[cluster].add(item)
    p = r = 0.0
    for item in gold:
        g, s = gold_sets[gold[item]], pred_sets[predicted[item]]
        overlap = len(g & s)
        p += overlap / len(s)
        r += overlap / len(g)
    n = len(gold)
    p, r = p / n, r / n
    return p, r, 2 * p * r / (p + r)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = parser.parse_args()
    folder = args.corpora / "meantime-nl"
    if not folder.exists():
        raise SystemExit(f"skipped: {folder} not found")

    from kroniek.read import Article
    from kroniek.extract import corpus_tables, extract_articles, to_frames
    from kroniek.nlp import load_nlp

    articles = [json.loads(line) for line in (folder / "articles.jsonl").open(encoding="utf-8")]
    mentions = [json.loads(line) for line in (folder / "entity_mentions.jsonl").open(encoding="utf-8")]
    pronouns = {"we", "wij", "hij", "zij", "ze", "het", "dit", "dat", "die", "ik", "u", "jullie", "hem", "haar", "hen", "hun", "ons"}
    named = [
        m
        for m in mentions
        if m["mention_type"] in ("ORG", "PER", "LOC")
        and m["mention_head"][:1].isupper()
        and m["mention_head"].strip("`'\" ").lower() not in pronouns
    ]
    by_doc = defaultdict(list)
    for m in named:
        by_doc[m["doc"]].append(m)

    nlp = load_nlp(args.model)
    started = time.perf_counter()
    docs = [Article(a["id"], a["text"], a["date"]) for a in articles]
    tables = corpus_tables(to_frames(extract_articles(docs, nlp)))
    system = tables["mentions"]
    gold: dict[str, str] = {}
    predicted: dict[str, str] = {}
    found = 0
    for a in articles:
        ours = system[system["article_id"] == a["id"]]
        for k, (m, hs, he) in enumerate(locate(a["text"], by_doc[a["id"]])):
            key = f"{a['id']}#{k}"
            gold[key] = m["coref_chain"]
            cover = ours[(ours["start"] < he) & (ours["end"] > hs)]  # Kroniek's mention overlaps the head
            if len(cover):
                predicted[key] = str(cover["actor_id"].iloc[0])
                found += 1
            else:
                predicted[key] = f"missing:{key}"
    p, r, f = b_cubed(gold, predicted)
    print(f"MEANTIME named mentions: {len(gold)} located of {len(named)}, {found} found by Kroniek ({found / len(gold):.3f})")
    print(f"B3 precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}   ({time.perf_counter() - started:.1f}s, pipeline {nlp.meta.get('name')})")


if __name__ == "__main__":
    main()
