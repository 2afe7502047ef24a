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
from kroniek.extract.money import extract_money, read_number, to_eur

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
    assert (len(DEV_CASES), figures, empty) == (145, 79, 80)


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


# --- currency left out, "ton", change or range: real sentences of dpg-news-2019 ----------

# (article id, approximate offset, span, low, high, currency, kind, currency_inferred)
REAL = [
    # no currency word, in a sentence about money: the article's earlier currency, else the euro
    ("dpg-10762989", 1849, "tussen de 600 en 1000 miljard", 600e9, 1e12, "EUR", "range", True),
    ("dpg-10766157", 2300, "11 miljard", 11e9, 11e9, "EUR", "single", True),
    ("dpg-10779756", 640, "2,5 miljard", 2.5e9, 2.5e9, "EUR", "single", True),  # a money noun nearer than "werknemers"
    ("dpg-10777814", 2090, "8 miljoen", 8e6, 8e6, "EUR", "single", True),  # "aan naheffingen"
    ("dpg-10791819", 1240, "66 miljard", 66e9, 66e9, "EUR", "single", True),  # "66 miljard winst"
    ("dpg-10791640", 1815, "1000 miljard", 1e12, 1e12, "EUR", "single", True),  # "aan kosten"
    ("dpg-10667948", 935, "36 miljoen", 36e6, 36e6, "EUR", "single", True),  # "per jaar" is no count
    ("dpg-10592825", 2590, "miljarden", 2e9, 9999999999.0, "EUR", "range", True),
    ("dpg-10591867", 4505, "miljarden", 2e9, 9999999999.0, "EUR", "range", True),
    ("dpg-10670844", 140, "miljarden", 2e9, 9999999999.0, "EUR", "range", True),  # "aan geld"
    ("dpg-10754975", 4100, "miljoenen", 2e6, 9999999.0, "EUR", "range", True),
    ("dpg-10771635", 1935, "miljarden", 2e9, 9999999999.0, "EUR", "range", True),  # after "afgelopen jaren"
    ("dpg-10801537", 425, "miljarden", 2e9, 9999999999.0, "EUR", "range", True),  # "aan ongeoorloofde staatssteun"
    ("dpg-10742577", 685, "vele tientallen miljoenen", 20e6, 99e6, "EUR", "range", True),
    # no evidence in its sentence: the article names amounts, no count comes before
    ("dpg-10670838", 0, "Honderden miljoenen", 200e6, 999e6, "EUR", "range", True),  # "belandden in Nederland"
    # a money word right after ("witgewassen"), a money noun before "van" ("een potje van"),
    # a compound money noun after ("schadegeld")
    ("dpg-10723126", 1623, "honderden miljoenen", 200e6, 999e6, "EUR", "range", True),
    ("dpg-10765488", 2998, "een miljard", 1e9, 1e9, "EUR", "single", True),
    ("dpg-10730707", 1887, "een ton", 1e5, 1e5, "EUR", "single", True),
    # "ton" = 100,000 in a sentence about money
    ("dpg-10673427", 190, "meer dan zeven ton", 7e5, 7e5, "EUR", "at_least", True),
    ("dpg-10730707", 590, "ruim een ton", 1e5, 1e5, "EUR", "at_least", True),
    ("dpg-10751700", 890, "acht ton", 8e5, 8e5, "EUR", "single", True),
    ("dpg-10767936", 790, "zo'n 4,5 ton", 4.5e5, 4.5e5, "EUR", "single", True),
    ("dpg-10779005", 60, "een ton", 1e5, 1e5, "EUR", "single", True),
    ("dpg-10801594", 1250, "een paar ton", 2e5, 9e5, "EUR", "range", True),
    ("dpg-10803181", 2260, "tonnen", 2e5, 999999.0, "EUR", "range", True),
    # a change gives two amounts, a range stays one ("uiteenliepen", "een prijs van")
    ("dpg-10747048", 1190, "45", 45, 45, "EUR", "single", False),
    ("dpg-10747048", 1200, "150 euro", 150, 150, "EUR", "single", False),
    ("dpg-10791948", 475, "7146 euro tot ruim 108.000 euro", 7146, 108000, "EUR", "range", False),
    ("dpg-10796117", 1905, "15 tot 17 dollar", 15, 17, "USD", "range", False),
    ("dpg-10673481", 4240, "100.000 tot wel 200.000 euro", 100000, 200000, "EUR", "range", False),
]

# (article id, approximate offset, span): numbers near money words that count or weigh things
REAL_NOT_MONEY = [
    ("dpg-10791371", 4030, "1,8 miljoen"),  # laadpunten
    ("dpg-10591879", 930, "1 miljard"),  # "van 1 miljard naar 1,26 miljard mensen"
    ("dpg-10762991", 315, "2 miljoen"),  # minderjarige meisjes
    ("dpg-10765374", 420, "1,7 miljoen"),  # illegale sigaretten
    ("dpg-10767160", 4200, "15 miljoen"),  # personenauto's
    ("dpg-10791981", 480, "8 miljoen"),  # jaarlijkse bezoekers
    ("dpg-10686241", 990, "20 miljoen"),  # 'Mars van 20 miljoen'
    ("dpg-10793082", 1680, "500 miljoen"),  # liter
    ("dpg-10751315", 680, "33,1 miljard ton"),  # CO2
    ("dpg-10673481", 4755, "120 ton"),  # cocaïne
    ("dpg-10686008", 145, "twee ton"),  # van het broeikasgas
    ("dpg-10744652", 435, "35 ton"),  # aan materieel
    ("dpg-10762989", 1200, "miljoenen"),  # Nederlanders
    ("dpg-10777814", 1135, "miljoenen"),  # e-mails
    ("dpg-10761952", 700, "2030"),  # "naar 100 euro in 2030 en 200 euro in 2050"
    ("dpg-10775630", 3000, "1,7 miljard"),  # volwassenen
    ("dpg-10686865", 5816, "237 duizend"),  # "Het aantal Venezolanen ... is gedaald van 237 duizend"
    ("dpg-10686865", 5833, "29 duizend"),  # "... naar nog geen 29 duizend"
    ("dpg-10744690", 2051, "12,5 miljoen"),  # "Vorig jaar waren dit er nog 12,5 miljoen" (klanten)
    ("dpg-10801198", 796, "5 miljoen"),  # "5 miljoen extra bomen"
    ("dpg-10747795", 985, "25.000"),  # "25.000 starts en landingen"
]

_EXTRACTED: dict[str, list[dict]] = {}


def _money_rows(article_id: str, nlp) -> list[dict]:
    if article_id not in _EXTRACTED:
        from kroniek import extract_article

        article = _article("dpg-news-2019", article_id)
        _EXTRACTED[article_id] = extract_article(article["text"], article["date"], nlp, article_id).money
    return _EXTRACTED[article_id]


def _find(text: str, span: str, near: int) -> int:
    starts = [m.start() for m in re.finditer(re.escape(span), text)]
    assert starts, span
    return min(starts, key=lambda s: abs(s - near))


@pytest.mark.corpora
@pytest.mark.parametrize("case", REAL, ids=[f"{c[0]}:{c[2]}" for c in REAL])
def test_real_figures(case, nlp):
    article_id, near, span, low, high, currency, kind, inferred = case
    start = _find(_article("dpg-news-2019", article_id)["text"], span, near)
    got = [(r["text"], r["low"], r["high"], r["currency"], r["kind"], r["currency_inferred"]) for r in _money_rows(article_id, nlp) if r["start"] == start]
    assert got == [(span, float(low), float(high), currency, kind, inferred)]


@pytest.mark.corpora
@pytest.mark.parametrize("case", REAL_NOT_MONEY, ids=[f"{c[0]}:{c[2]}" for c in REAL_NOT_MONEY])
def test_real_counts_are_not_money(case, nlp):
    article_id, near, span = case
    start = _find(_article("dpg-news-2019", article_id)["text"], span, near)
    assert [r["text"] for r in _money_rows(article_id, nlp) if r["start"] < start + len(span) and r["end"] > start] == []


# the same classes in made-up sentences, without a parser
MORE_CONVENTIONS = [
    ("Het kost jaarlijks zo'n drie ton.", [("zo'n drie ton", 3e5, 3e5, "EUR", "single", True)]),
    ("Het bedrijf investeerde 12 miljoen in de fabriek.", [("12 miljoen", 12e6, 12e6, "EUR", "single", True)]),
    ("Het kostte 2 miljoen dollar. Daarna kwam er een fonds van twee miljard.", [("2 miljoen dollar", 2e6, 2e6, "USD", "single", False), ("twee miljard", 2e9, 2e9, "USD", "single", True)]),
    ("De club betaalde voor de transfer van 65 miljoen.", [("65 miljoen", 65e6, 65e6, "EUR", "single", True)]),
    ("De stichting doneerde een half miljoen.", [("een half miljoen", 5e5, 5e5, "EUR", "single", True)]),
    ("De verbouwing kost zo'n 4 à 5 miljoen.", [("zo'n 4 à 5 miljoen", 4e6, 5e6, "EUR", "range", True)]),
    ("De verbouwing kost '6- à 7 ton'.", [("6- à 7 ton", 6e5, 7e5, "EUR", "range", True)]),
    ("Een brood kost twee pence meer.", [("twee pence", 0.02, 0.02, "GBP", "single", False)]),
    ("De accijns gaat omhoog met 50 eurocent per liter.", [("50 eurocent", 0.5, 0.5, "EUR", "single", False)]),
    ("Het salaris ging van 3000 naar 3500 euro.", [("3000", 3000, 3000, "EUR", "single", False), ("3500 euro", 3500, 3500, "EUR", "single", False)]),
    ("De huur is van 500 tot 600 euro gestegen.", [("500", 500, 500, "EUR", "single", False), ("600 euro", 600, 600, "EUR", "single", False)]),
    ("Een kaartje kost van 500 tot 600 euro.", [("500 tot 600 euro", 500, 600, "EUR", "range", False)]),
    ("De provincies verdelen tussen de 200 miljoen (Drenthe) en 1 miljard euro (Utrecht).", [("tussen de 200 miljoen (Drenthe) en 1 miljard euro", 200e6, 1e9, "EUR", "range", False)]),
    ("Het Rode Kruis haalde 936 duizend en 926 duizend euro op.", [("936 duizend", 936e3, 936e3, "EUR", "single", True), ("926 duizend euro", 926e3, 926e3, "EUR", "single", False)]),
]

MORE_NOT_MONEY = [
    "Het aantal klanten moet groeien tot meer dan 16,5 miljoen in 2022.",
    "Vorig jaar waren dit er nog 12,5 miljoen.",
    "Er werden een half miljoen exemplaren verkocht.",
    "Elke euro die naar schuldeisers gaat, telt.",
    "De heffing per uitgestoten ton CO2 komt er niet.",
]


@pytest.mark.parametrize("text, expected", MORE_CONVENTIONS, ids=[c[0][:40] for c in MORE_CONVENTIONS])
def test_more_conventions(text, expected):
    got = [(r["text"], r["low"], r["high"], r["currency"], r["kind"], r["currency_inferred"]) for r in extract_money(text)]
    assert got == [(t, float(lo), float(hi), c, k, i) for t, lo, hi, c, k, i in expected]


@pytest.mark.parametrize("text", MORE_NOT_MONEY)
def test_more_not_money(text):
    assert extract_money(text) == []


def test_guilders_are_the_default_before_2002():
    rows = extract_money("De gemeente investeerde 12 miljoen in de haven.", date_interval=(dt.date(1998, 5, 1), dt.date(1998, 5, 1)))
    assert [(r["currency"], r["currency_inferred"]) for r in rows] == [("NLG", True)]


# --- implicit amounts, index levels, changes and ranges, numbers: made-up sentences --------

# (text, expected [(span, low, high, currency, kind)]); the parse reads separable verbs
IMPLICIT = [
    ("Ze haalt er drie ton subsidie mee binnen.", [("drie ton", 3e5, 3e5, "EUR", "single")]),
    ("Het pand is naar schatting vier ton waard.", [("naar schatting vier ton", 4e5, 4e5, "EUR", "single")]),
    ("De contributie levert jaarlijks zo'n twee miljoen op.", [("zo'n twee miljoen", 2e6, 2e6, "EUR", "single")]),
    ("Er ligt een pot van 300 miljoen klaar.", [("300 miljoen", 3e8, 3e8, "EUR", "single")]),
    ("De gemeente draagt jaarlijks een kwart miljoen bij.", [("een kwart miljoen", 2.5e5, 2.5e5, "EUR", "single")]),
    ("De club betaalde 45 miljoen voor de spits.", [("45 miljoen", 45e6, 45e6, "EUR", "single")]),
    ("Hij legde 45 miljoen neer voor de spits.", [("45 miljoen", 45e6, 45e6, "EUR", "single")]),
    ("De gemeente trekt er 12 miljoen voor uit.", [("12 miljoen", 12e6, 12e6, "EUR", "single")]),
    ("Er is een claim van 3 miljoen ingediend.", [("3 miljoen", 3e6, 3e6, "EUR", "single")]),
    ("Het kostte de stad 2 miljard euro. Honderden miljoenen verdwenen via Cyprus naar Rusland.",
     [("2 miljard euro", 2e9, 2e9, "EUR", "single"), ("Honderden miljoenen", 2e8, 999e6, "EUR", "range")]),
    # no evidence in the sentence or the two before: the article's amounts decide
    ("Honderden miljoenen belandden in Nederland. Dat blijkt uit onderzoek. Het gaat om banken in Amsterdam. "
     "Eén bank ontving 200 miljoen dollar. Een andere kreeg 38 miljoen dollar.",
     [("Honderden miljoenen", 2e8, 999e6, "USD", "range"), ("200 miljoen dollar", 2e8, 2e8, "USD", "single"), ("38 miljoen dollar", 38e6, 38e6, "USD", "single")]),
    ("Honderden miljoenen mensen keken. Eén zender ontving 200 miljoen dollar. Een andere kreeg 38 miljoen dollar.",
     [("200 miljoen dollar", 2e8, 2e8, "USD", "single"), ("38 miljoen dollar", 38e6, 38e6, "USD", "single")]),
    ("Het aantal klanten steeg tot 16,5 miljoen. Vorig jaar waren het er nog 12,5 miljoen.", []),
    ("De beurswaarde daalde tot 2 miljard euro. De AEX verloor 45,60 punten en eindigde op 9.870.",
     [("2 miljard euro", 2e9, 2e9, "EUR", "single")]),
    ("Het aandeel Philips sloot op 36,20 euro. De AEX sloot op 1.234,56, de Dow Jones op 25.450.",
     [("36,20 euro", 36.2, 36.2, "EUR", "single")]),
    ("De omzet steeg tot 3 miljard euro; de index zakte naar 12.345.", [("3 miljard euro", 3e9, 3e9, "EUR", "single")]),
]


@pytest.mark.parametrize("text, expected", IMPLICIT, ids=[c[0][:40] for c in IMPLICIT])
def test_implicit_amounts_and_levels(text, expected, nlp):
    from kroniek.extract.article import SentenceIndex

    doc = nlp(text)
    index = SentenceIndex(doc)
    rows = extract_money(text, doc, "", index.of_char, (dt.date(2019, 3, 1), dt.date(2019, 3, 1)))
    assert [(r["text"], r["low"], r["high"], r["currency"], r["kind"]) for r in rows] == [(t, float(lo), float(hi), c, k) for t, lo, hi, c, k in expected]


CHANGES_AND_RANGES = [
    ("De premie werd verhoogd van 40 tot 55 euro per maand.", [("40", 40, 40, "EUR", "single"), ("55 euro", 55, 55, "EUR", "single")]),
    ("Het aandeel zakte van 12 euro tot 80 eurocent.", [("12 euro", 12, 12, "EUR", "single"), ("80 eurocent", 0.8, 0.8, "EUR", "single")]),
    ("Het tekort liep op van 2 tot 3 miljard euro.", [("2", 2e9, 2e9, "EUR", "single"), ("3 miljard euro", 3e9, 3e9, "EUR", "single")]),
    ("De uitkering daalt met 5 euro tot 1200 euro.", [("5 euro", 5, 5, "EUR", "single"), ("1200 euro", 1200, 1200, "EUR", "single")]),
    ("De omzet steeg met 2 tot 3 miljoen euro.", [("2 tot 3 miljoen euro", 2e6, 3e6, "EUR", "range")]),
    ("De prijzen lopen uiteen van 40 tot 55 euro.", [("40 tot 55 euro", 40, 55, "EUR", "range")]),
    ("Het kost zo'n drie tot vier ton.", [("zo'n drie tot vier ton", 3e5, 4e5, "EUR", "range")]),
    ("Het kost drie à vier miljoen euro.", [("drie à vier miljoen euro", 3e6, 4e6, "EUR", "range")]),
    ("Zes tot acht miljoen mensen keken.", []),
]


@pytest.mark.parametrize("text, expected", CHANGES_AND_RANGES, ids=[c[0][:40] for c in CHANGES_AND_RANGES])
def test_changes_and_ranges(text, expected):
    got = [(r["text"], r["low"], r["high"], r["currency"], r["kind"]) for r in extract_money(text)]
    assert got == [(t, float(lo), float(hi), c, k) for t, lo, hi, c, k in expected]


NUMBERS_AND_NAMES = [
    ("een kwart miljoen euro", [("een kwart miljoen euro", 2.5e5, "EUR")]),
    ("driekwart miljard euro", [("driekwart miljard euro", 7.5e8, "EUR")]),
    ("Het kostte 2 1/2 miljoen euro en 2½ miljoen dollar.", [("2 1/2 miljoen euro", 2.5e6, "EUR"), ("2½ miljoen dollar", 2.5e6, "USD")]),
    ("Het kost een paar euro.", [("een paar euro", 2, "EUR")]),
    ("Het kost duizenden euro’s.", [("duizenden euro’s", 2000, "EUR")]),
    ("Het kost 100 Argentijnse peso en 5 Zweedse kronen.", [("100 Argentijnse peso", 100, "ARS"), ("5 Zweedse kronen", 5, "SEK")]),
    ("De kwart miljoen klanten van XS4All.", []),
]


@pytest.mark.parametrize("text, expected", NUMBERS_AND_NAMES, ids=[c[0][:40] for c in NUMBERS_AND_NAMES])
def test_numbers_and_currency_names(text, expected):
    assert [(r["text"], r["low"], r["currency"]) for r in extract_money(text)] == [(t, float(v), c) for t, v, c in expected]
