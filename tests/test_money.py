"""Money: tables of real examples, named by where they came from.

* ``CONVENTIONS``: one example per documented convention (the module docstring);
* ``tests/data/money_dev.csv``: the development set, sentences of dpg-news-2019 and
  meantime-nl located by article id and character offsets (the text itself stays in
  ``../shared/corpora``), with every expected figure, or none for the 81 sentences
  whose numbers are not money;
* the Microsoft Recognizers-Text Dutch number specification (MIT), as a pass rate;
* the seed article.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from conftest import CORPORA, corpus_file
from kroniek.money import extract_money, read_number, to_eur

SEPT_2021 = (dt.date(2021, 9, 1), dt.date(2021, 9, 30))

# (text, expected figures as (span, low, high, currency, kind, approx))
CONVENTIONS = [
    ("tussen de 630 en 640 miljoen dollar", [("tussen de 630 en 640 miljoen dollar", 630e6, 640e6, "USD", "range", False)]),
    ("Het kostte 1.500.000 euro.", [("1.500.000 euro", 1.5e6, 1.5e6, "EUR", "single", False)]),
    ("Dat is 2,5 miljoen euro.", [("2,5 miljoen euro", 2.5e6, 2.5e6, "EUR", "single", False)]),
    ("ruim 1,25 miljard euro", [("ruim 1,25 miljard euro", 1.25e9, 1.25e9, "EUR", "at_least", True)]),
    ("zeshonderddertig euro", [("zeshonderddertig euro", 630, 630, "EUR", "single", False)]),
    ("een biljoen dollar", [("een biljoen dollar", 1e12, 1e12, "USD", "single", False)]),
    ("€ 5 en 5 € en $5 en US$ 5 en EUR 5", [("€ 5", 5, 5, "EUR", "single", False), ("5 €", 5, 5, "EUR", "single", False), ("$5", 5, 5, "USD", "single", False), ("US$ 5", 5, 5, "USD", "single", False), ("EUR 5", 5, 5, "EUR", "single", False)]),
    ("£ 3 of 4 Britse pond", [("£ 3", 3, 3, "GBP", "single", False), ("4 Britse pond", 4, 4, "GBP", "single", False)]),
    ("30 mln. euro en 2 mrd dollar", [("30 mln. euro", 30e6, 30e6, "EUR", "single", False), ("2 mrd dollar", 2e9, 2e9, "USD", "single", False)]),
    ("Hij kreeg 10 à 16 miljoen euro.", [("10 à 16 miljoen euro", 10e6, 16e6, "EUR", "range", False)]),
    ("een schade van 10-16 miljoen euro", [("10-16 miljoen euro", 10e6, 16e6, "EUR", "range", False)]),
    ("van 5 tot 6 miljoen Zwitserse frank", [("5 tot 6 miljoen Zwitserse frank", 5e6, 6e6, "CHF", "range", False)]),
    ("De omzet steeg van 5 tot 6 miljoen euro.", [("5", 5e6, 5e6, "EUR", "single", False), ("6 miljoen euro", 6e6, 6e6, "EUR", "single", False)]),
    ("bijna 3 miljoen yen", [("bijna 3 miljoen yen", 3e6, 3e6, "JPY", "at_most", True)]),
    ("minder dan 200 roebel", [("minder dan 200 roebel", 200, 200, "RUB", "at_most", True)]),
    ("meer dan 4 miljard Russische roebels", [("meer dan 4 miljard Russische roebels", 4e9, 4e9, "RUB", "at_least", True)]),
    ("tot wel 400 euro", [("tot wel 400 euro", 400, 400, "EUR", "at_most", False)]),
    ("maximaal 20 yuan", [("maximaal 20 yuan", 20, 20, "CNY", "at_most", False)]),
    ("minimaal 7 renminbi", [("minimaal 7 renminbi", 7, 7, "CNY", "at_least", False)]),
    ("zo'n 30 lira", [("zo'n 30 lira", 30, 30, "TRY", "single", True)]),
    ("circa 8 euro en ca. 9 euro en ongeveer 10 euro", [("circa 8 euro", 8, 8, "EUR", "single", True), ("ca. 9 euro", 9, 9, "EUR", "single", True), ("ongeveer 10 euro", 10, 10, "EUR", "single", True)]),
    ("maar liefst 3 miljoen euro", [("3 miljoen euro", 3e6, 3e6, "EUR", "single", False)]),
    ("slechts 50 cent", [("50 cent", 0.5, 0.5, "EUR", "single", False)]),
    ("honderden miljoenen euro", [("honderden miljoenen euro", 200e6, 999e6, "EUR", "range", True)]),
    ("een boete van een ton", [("een ton", 1e5, 1e5, "EUR", "single", False)]),
    ("5 gulden en 100 Belgische frank", [("5 gulden", 5, 5, "NLG", "single", False), ("100 Belgische frank", 100, 100, "BEF", "single", False)]),
    ("20 eurocent per kilo", [("20 eurocent", 0.2, 0.2, "EUR", "single", False)]),
    ("Dat kostte 2,5 miljard euro. Daarvan ging 744 miljoen naar Shell.", [("2,5 miljard euro", 2.5e9, 2.5e9, "EUR", "single", False), ("744 miljoen", 744e6, 744e6, "EUR", "single", False)]),
    ("450 miljoen dollar (ongeveer 397 miljoen euro)", [("450 miljoen dollar", 450e6, 450e6, "USD", "single", False), ("ongeveer 397 miljoen euro", 397e6, 397e6, "EUR", "single", True)]),
    ("twee en een half miljoen euro", [("twee en een half miljoen euro", 2.5e6, 2.5e6, "EUR", "single", False)]),
]

NOT_MONEY = [
    "een pakket van 28 maatregelen",
    "De twee hebben elkaar dit jaar al vijf keer ontmoet.",
    "het geld, genoteerd in Russische roebels, los te krijgen",
    "Er verdwijnen 10.000 banen.",
    "Het land heeft 3 miljoen inwoners.",
    "De inflatie was 2,5 procent en de rente 3%.",
    "In 2019 en 2020 bleef het rustig.",
    "Op 12-03-2019 won Ajax met 3-1.",
    "Miljoenen mensen keken naar de wedstrijd.",
    "Het schip van 5 ton zonk.",
    "een fluitje van een cent",
    "Het aantal passagiers stijgt tot 70 miljoen.",
]


@pytest.mark.parametrize("text, expected", CONVENTIONS, ids=[c[0][:40] for c in CONVENTIONS])
def test_conventions(text, expected):
    got = [(r["text"], r["low"], r["high"], r["currency"], r["kind"], r["approx"]) for r in extract_money(text)]
    assert got == [(t, float(lo), float(hi), c, k, a) for t, lo, hi, c, k, a in expected]


@pytest.mark.parametrize("text", NOT_MONEY)
def test_not_money(text):
    assert extract_money(text) == []


def test_legacy_currency_before_2002():
    rows = extract_money("Het kostte 500 frank en 20 lira.", date_interval=(dt.date(1999, 5, 1), dt.date(1999, 5, 1)))
    assert [(r["currency"], r["low_eur"]) for r in rows] == [("BEF", pytest.approx(500 / 40.3399, abs=1e-6)), ("ITL", pytest.approx(20 / 1936.27, abs=1e-6))]


def test_conversion_uses_the_ecb_rate_of_the_article_date_and_never_invents_one():
    rows = extract_money("tussen de 630 en 640 miljoen dollar", date_interval=SEPT_2021)
    assert rows[0]["low_eur"] == pytest.approx(to_eur(630e6, "USD", dt.date(2021, 9, 15)))
    assert rows[0]["low_eur"] == pytest.approx(532.8e6, rel=0.002)  # ECB: 1 EUR = 1.1824 USD on 2021-09-15
    assert extract_money("10 bitcoin", date_interval=SEPT_2021)[0]["low_eur"] is None
    assert extract_money("10 dollar")[0]["low_eur"] is None  # no article date, no rate
    assert extract_money("10 euro")[0]["low_eur"] == 10.0
    assert extract_money("100 gulden")[0]["low_eur"] == pytest.approx(100 / 2.20371)


def test_seed_has_exactly_one_figure(seed_extraction):
    assert [(r["text"], r["low"], r["high"], r["currency"], r["kind"], r["context"]) for r in seed_extraction.money] == [
        ("tussen de 630 en 640 miljoen dollar", 630e6, 640e6, "USD", "range", "lening")
    ]


# --- the development set -------------------------------------------------------------

DEV = Path(__file__).parent / "data" / "money_dev.csv"


def _dev_sentences():
    groups = defaultdict(list)
    for row in csv.DictReader(DEV.open(encoding="utf-8")):
        key = (row["corpus"], row["article_id"], int(row["sent_start"]), int(row["sent_end"]))
        if row["text"]:
            groups[key].append((row["text"], float(row["low"]), float(row["high"]), row["currency"], row["kind"]))
        else:
            groups.setdefault(key, [])
    return groups


_ARTICLES: dict[str, dict] = {}


def _article(corpus: str, article_id: str) -> dict:
    if not _ARTICLES:
        for name in ("dpg-news-2019", "meantime-nl"):
            path = CORPORA / name / "articles.jsonl"
            if path.exists():
                for line in path.open(encoding="utf-8"):
                    a = json.loads(line)
                    _ARTICLES[a["id"]] = a
    if article_id not in _ARTICLES:
        corpus_file(corpus, "articles.jsonl")
    return _ARTICLES[article_id]


DEV_CASES = _dev_sentences()


def test_dev_set_size():
    figures = sum(len(v) for v in DEV_CASES.values())
    empty = sum(1 for v in DEV_CASES.values() if not v)
    assert (len(DEV_CASES), figures, empty) == (145, 80, 80)


@pytest.mark.corpora
@pytest.mark.parametrize("key", list(DEV_CASES), ids=[f"{k[1]}@{k[2]}" for k in DEV_CASES])
def test_dev_sentence(key):
    corpus, article_id, start, end = key
    article = _article(corpus, article_id)
    got = [
        (r["text"], r["low"], r["high"], r["currency"], r["kind"])
        for r in extract_money(article["text"])
        if start <= r["start"] < end
    ]
    assert got == DEV_CASES[key]


# --- Microsoft Recognizers-Text Dutch number specification ----------------------------

# Classes left out on purpose: fractions and ratios ("twee derde", "1 op de 3"), ordinal
# fractions ("een eenentwintigste"), dozens, scientific and power notation, negative
# numbers, English "b" suffixes and IP-like strings.  None of them write money in news.
OUT_OF_SCOPE = re.compile(r"derde|kwart|achtste|vijfde|vierde|ste\b|sten\b|honderdste|dozijn|/|\^|\de|\be\+|^\s*-|\d, \d|\.\d+\.|\b(uit|op de|van de)\b|\db$|^,")


def test_recognizers_number_spec_pass_rate():
    path = corpus_file("recognizers-nl", "Number", "Dutch", "NumberModel.json")
    cases = json.loads(path.read_text(encoding="utf-8"))
    passed = total = 0
    failures = []
    for case in cases:
        if len(case["Results"]) != 1:
            continue
        result = case["Results"][0]
        text = result["Text"]
        if text.strip() != case["Input"].strip() or OUT_OF_SCOPE.search(text):
            continue
        expected = float(result["Resolution"]["value"].replace(",", "."))
        total += 1
        got = read_number(text)
        if got is not None and abs(got - expected) <= 1e-9 * max(1.0, abs(expected)):
            passed += 1
        else:
            failures.append((text, expected, got))
    rate = passed / total
    print(f"\nRecognizers-Text Dutch NumberModel: {passed}/{total} = {rate:.3f} in scope; failures: {failures}")
    assert total >= 45
    assert rate >= 0.95, failures
