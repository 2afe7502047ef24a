"""Property-based tests: arbitrary, hostile and huge input never breaks the invariants.

More than 10,000 generated cases per run: readers, money, time, the date parser and
whole-article extraction.  No exception may escape, offsets stay inside the text,
``text[start:end]`` equals the row's text, ``low <= high`` and ``begin_date <= end_date``.
"""

from __future__ import annotations

import datetime as dt
import json
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kroniek.read import parse_date, read_bytes
from kroniek.extract.money import extract_money, read_number
from kroniek.extract.timex import extract_timexes

DUTCH_BITS = [
    "euro", "miljoen", "miljard", "tussen de", "en", "tot", "à", "ruim", "bijna", "€", "$", "£", "procent", "%",
    "vrijdag", "gisteren", "vorig jaar", "in augustus", "eind", "volgende", "week", "maand", "2019", "12-03-2019",
    "9 september", "sept.", "honderden", "miljoenen", "een ton", "zo'n", "ca.", "Pasen", "de jaren negentig",
    "van", "tot en met", "-", ",", ".", "(", ")", "\n", "\t", "<script>", "=SUM(A1)", "0", "1.500.000", "2,5",
]
dutchish = st.lists(st.one_of(st.sampled_from(DUTCH_BITS), st.text(max_size=8), st.integers(0, 3000).map(str)), max_size=40).map(" ".join)
any_text = st.one_of(dutchish, st.text(max_size=300), st.text(alphabet=string.digits + " .,-", max_size=200), st.text(alphabet=string.ascii_uppercase + " ", max_size=200))
dates = st.one_of(
    st.just(""),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).map(lambda d: d.isoformat()),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).map(lambda d: d.isoformat()[:7]),
    st.integers(1900, 2100).map(str),
)
FAST = settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_spans(text: str, rows: list[dict]) -> None:
    for r in rows:
        assert 0 <= r["start"] < r["end"] <= len(text)
        assert text[r["start"] : r["end"]] == r["text"]


@FAST
@given(text=any_text, date=dates)
def test_money_invariants(text, date):
    from kroniek.read import date_bounds

    rows = extract_money(text, date_interval=date_bounds(date) if date else None)
    _check_spans(text, rows)
    for r in rows:
        assert r["low"] <= r["high"]
        assert r["kind"] in ("single", "range", "at_least", "at_most")
        assert len(r["currency"]) == 3
        if r["low_eur"] is not None:
            assert r["low_eur"] <= r["high_eur"]


@FAST
@given(text=any_text, date=dates)
def test_timex_invariants(text, date):
    rows = extract_timexes(text, article_date=date)
    _check_spans(text, rows)
    for r in rows:
        if r["begin_date"] is not None:
            assert r["begin_date"] <= r["end_date"]
            dt.date.fromisoformat(r["begin_date"])
            dt.date.fromisoformat(r["end_date"])
        else:
            assert r["end_date"] is None


@settings(max_examples=2000, deadline=None)
@given(data=st.one_of(st.binary(max_size=400), any_text.map(lambda t: t.encode("utf-8")), any_text.map(lambda t: t.encode("utf-8", "replace"))),
       name=st.sampled_from(["a.txt", "b.jsonl", "c.csv", "d.parquet", "e.bin", "../../etc/passwd.txt"]))
def test_readers_never_raise_and_keep_text_unchanged(data, name):
    result = read_bytes(data, name)
    for article in result.articles:
        assert article.text.strip()
        if name.endswith(".txt") and data.decode("utf-8", "ignore").lstrip().startswith("date") is False:
            assert article.text in data.decode("utf-8", "replace") or article.text in data.decode("cp1252", "replace")
    for problem in result.problems:
        assert problem.reason


@settings(max_examples=1500, deadline=None)
@given(records=st.lists(st.fixed_dictionaries({"id": st.text(max_size=5), "date": st.one_of(dates, st.text(max_size=12)), "text": any_text, "title": any_text}), max_size=5))
def test_jsonl_lines_are_read_or_reported(records):
    data = "\n".join(json.dumps(r) for r in records).encode()
    result = read_bytes(data, "x.jsonl")
    assert len(result.articles) + len(result.problems) == max(1, len(records))  # an empty file is one problem


@settings(max_examples=1000, deadline=None)
@given(value=st.one_of(st.text(max_size=20), dates))
def test_date_parser_accepts_or_explains(value):
    try:
        iso, precision = parse_date(value)
    except ValueError as exc:
        assert str(exc)
    else:
        assert precision in ("", "day", "month", "year")


@settings(max_examples=1000, deadline=None)
@given(text=st.text(max_size=40))
def test_read_number_never_raises(text):
    value = read_number(text)
    assert value is None or value >= 0


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=any_text.filter(lambda t: t.strip()), date=dates)
def test_whole_article_extraction_invariants(nlp, text, date):
    from kroniek import extract_article

    ex = extract_article(text, date, nlp)
    for table in ("mentions", "money", "timexes"):
        _check_spans(text, getattr(ex, table))
    for e in ex.events:
        if e["begin_date"]:
            assert e["begin_date"] <= e["end_date"]


def test_a_one_megabyte_single_line():
    """The extractors on a 1 MB line (tokenised by the blank pipeline: the statistical
    one would spend minutes parsing what is a stress test of the extractors)."""
    from kroniek import extract_article, load_nlp

    nlp = load_nlp("blank:nl")
    text = ("Poetin leende 5 miljoen euro op vrijdag 9 september 2021 aan Loekasjenko; " * 14000)[:1_000_000]
    assert "\n" not in text and len(text) == 1_000_000
    ex = extract_article(text, "2021-09", nlp)
    assert len(ex.money) >= 13000
    _check_spans(text, ex.money)
    _check_spans(text, ex.timexes)


def test_empty_digits_and_capitals(nlp):
    from kroniek import extract_article

    for text in (" ", "0123456789 " * 500, "HET KABINET BETAALT VIJF MILJOEN EURO " * 50):
        ex = extract_article(text, "2019", nlp)
        _check_spans(text, ex.mentions)
