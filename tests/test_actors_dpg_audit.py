"""The 100 most mentioned actors of the DPG 2019 corpus, judged by hand.

``tests/data/dpg_top100_audit.csv`` holds one row per actor that has been among the 100
most mentioned: its id, name, the type it should have and the verdict (right: right
name, right type, a real actor, not a fragment of another listed actor; wrong: why).
The test counts the top 100 of the corpus without the articles held out for blind
evaluation (``heldout_ids.txt``: nobody looks at their actors) that match a "right" row
(same id, name and type); an actor no row judges counts as not right.  The figure may
only go up.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

AUDIT = Path(__file__).parent / "data" / "dpg_top100_audit.csv"
# Judged on the shipped code over the 585 articles not held out: 99 of 100 (before given
# names, metonymy by agency and the other actor classes: 97, with the same judgements).
# Read without the held-out file, duplicates keep 11 more articles: at least 98 then.
RIGHT_AT_LEAST = 98
HELDOUT = Path(__file__).parent / "data" / "heldout_ids.txt"


def _judgements() -> dict[str, dict]:
    with AUDIT.open(encoding="utf-8", newline="") as fh:
        return {r["actor_id"]: r for r in csv.DictReader(fh)}


def score(actors, judgements: dict[str, dict], top: int = 100) -> tuple[int, list[str]]:
    """Right count among the ``top`` actors, and a line for each that is not right."""
    right, misses = 0, []
    for row in actors.head(top).itertuples(index=False):
        j = judgements.get(row.actor_id)
        if j and j["verdict"] == "right" and (j["actor"], j["actor_type"]) == (row.actor, row.actor_type):
            right += 1
        else:
            misses.append(f"{row.actor_id} {row.actor} ({row.actor_type}): " + (j["reason"] if j else "not judged"))
    return right, misses


@pytest.mark.corpora
def test_dpg_top100_actors_judged_by_hand(dpg_cache):
    from kroniek.extract import corpus_tables

    held_out = {line.strip() for line in HELDOUT.read_text().splitlines() if line.strip() and not line.startswith("#")}
    articles = [a for a in dpg_cache.articles if a.article_id not in held_out]
    tables = corpus_tables(dpg_cache.store.load(articles), corrections=False)
    right, misses = score(tables["actors"], _judgements())
    assert right >= RIGHT_AT_LEAST, misses
