"""Corpus-level recall (``actors.recall``): a known name of the corpus is found where the
NER missed it, except at a sentence start, inside a longer name or in a compound.
Real examples are DPG 2019 articles (by id, offsets into their text); made-up sentences
cover the edge cases one by one."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from conftest import corpus_file
from kroniek.extract.actors import VIA_VALUES
from kroniek.extract.actors.recall import find_in_article, known_names, recall_mentions


def _starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"[.!?]\s+", text)]


def _text(article_id: str) -> str:
    for line in corpus_file("dpg-news-2019", "articles.jsonl").open(encoding="utf-8"):
        if f'"{article_id}"' in line:
            record = json.loads(line)
            if record["id"] == article_id:
                return record["text"]
    pytest.fail(f"{article_id} not in the corpus")


@pytest.mark.parametrize(
    "article_id, name, found",
    [
        # "Forum voor Democratie (FvD)" at 365: inside brackets after the name; 2400 starts a sentence
        ("dpg-10730806", "FvD", [459, 670, 893, 1882, 2232, 2856]),
        # 0 starts the article
        ("dpg-10730806", "Forum voor Democratie", [342, 2878]),
        # "(PvdA," at 644 follows an opening bracket; "PvdA-leider" at 5195 is a compound
        ("dpg-10742655", "PvdA", [804, 2237, 2453, 2914, 3450, 5586, 5608]),
        # 344 and 799 start sentences; 646 is "de beslissing van Van Nieuwenhuizen"
        ("dpg-10800766", "Van Nieuwenhuizen", [646]),
        # "Alex en Luna Johnson": after a capitalised given name, part of a longer name
        ("dpg-10686404", "Johnson", []),
    ],
)
def test_real_occurrences(article_id, name, found):
    text = _text(article_id)
    got = find_in_article(text, {name: ("x", name, "organisation", "")}, [], _starts(text))
    assert [s for s, _, _ in got] == found
    assert all(text[s:e] == name for s, e, _ in got)


NAMES = {n: ("x", n, "person", "") for n in ("May", "Theresa May", "Dam", "Trump")}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Gisteren sprak premier May in Londen.", ["May"]),
        ("May sprak gisteren in Londen.", []),  # sentence start
        ("Hij zei: May wint.", []),  # after a colon
        ('Hij zei "May wint".', []),  # after an opening quote
        ("Gisteren sprak Theresa May in Londen.", ["Theresa May"]),  # the longest name
        ("Gisteren sprak Kamerlid Chris van Dam in Den Haag.", []),  # particles of a longer name
        ("De opvolging van May is onzeker.", ["May"]),  # "van" after a common word
        ("Gisteren kwam May Day in het nieuws.", []),  # a longer capitalised name follows
        ("Hij steunt de Trump-regering niet.", []),  # a compound
        ("Hij sprak de May- en Trump-aanhangers toe.", []),  # compounds
        ("Hij las het boek van Ronde van Trump niet.", []),  # after particles and a capital
    ],
)
def test_edge_cases(sentence, expected):
    assert [n for _, _, n in find_in_article(sentence, NAMES, [], _starts(sentence))] == expected


def test_a_covered_occurrence_is_not_added_again():
    sentence = "Gisteren sprak premier May in Londen."
    start = sentence.index("May")
    assert find_in_article(sentence, NAMES, [(start, start + 3)], [0]) == []


def _mentions(rows):
    cols = ["article_id", "sentence_id", "start", "end", "text", "label", "actor_id", "actor", "actor_type", "country", "via"]
    return pd.DataFrame([dict(zip(cols, r)) for r in rows])


def test_known_names_need_several_articles_and_no_common_word():
    rows = []
    for k in range(3):  # "Baudet" in three articles, "Forum" (a common word) in three, "Stint" in one
        rows.append((f"a{k}", 0, 10, 16, "Baudet", "PER", "per:thierry-baudet", "Thierry Baudet", "person", "", "ner"))
        rows.append((f"a{k}", 0, 20, 25, "Forum", "ORG", "org:fvd", "Forum voor Democratie", "organisation", "", "ner"))
        rows.append(("a0", 0, 30 + 10 * k, 35 + 10 * k, "Stint", "LOC", "loc:stint", "Stint", "place", "", "ner"))
        rows.append((f"a{k}", 0, 60, 68, "Haagse", "ORG", "org:haagse", "Haagse", "organisation", "", "ner"))
    names = known_names(_mentions(rows))
    assert set(names) == {"Baudet"}
    assert names["Baudet"] == ("per:thierry-baudet", "Thierry Baudet", "person", "")


def test_recall_adds_corpus_mentions_with_their_sentence():
    rows = [(f"a{k}", 0, 0, 6, "Baudet", "PER", "per:thierry-baudet", "Thierry Baudet", "person", "NLD", "ner") for k in range(3)]
    texts = {f"a{k}": "Baudet sprak." for k in range(3)}
    texts["b"] = "Het regent. Dat zei Baudet niet. Baudet zwijgt."
    sentences = pd.DataFrame({"article_id": ["b", "b", "b"], "sentence_id": [0, 1, 2], "start": [0, 12, 33], "end": [11, 32, 47]})
    out = recall_mentions(_mentions(rows), texts, sentences)
    added = out[out["via"] == "corpus"]
    assert added[["article_id", "sentence_id", "start", "end", "actor_id", "country"]].values.tolist() == [["b", 1, 20, 26, "per:thierry-baudet", "NLD"]]
    assert "corpus" in VIA_VALUES
