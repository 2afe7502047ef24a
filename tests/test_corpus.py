"""Readers and bad input: one clear message per problem, nothing dropped silently."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from conftest import ROOT, SEED, corpus_file
from kroniek.read import date_bounds, parse_date, read_bytes, read_corpus


def test_seed_txt_header_is_removed_and_offsets_point_into_the_text():
    result = read_corpus([ROOT / "seeds"])
    assert result.problems == []
    (article,) = result.articles
    assert article.article_id == "000_8432a360b6a1ac58.txt"
    assert article.date == "2021-09"
    assert article.date_precision == "month"
    assert article.text.startswith("Rusland lijkt de controle")
    raw = SEED.read_text(encoding="utf-8")
    assert raw.endswith(article.text)
    assert article.n_words == 310


@pytest.mark.parametrize(
    "value, iso, precision",
    [("2021", "2021", "year"), ("2021-09", "2021-09", "month"), ("2021-09-10", "2021-09-10", "day"), ("2019-02-12T10:00:00", "2019-02-12", "day")],
)
def test_dates_of_every_precision(value, iso, precision):
    assert parse_date(value) == (iso, precision)


def test_month_date_stands_for_the_whole_month():
    import datetime as dt

    assert date_bounds("2021-09") == (dt.date(2021, 9, 1), dt.date(2021, 9, 30))
    assert date_bounds("2020-02") == (dt.date(2020, 2, 1), dt.date(2020, 2, 29))
    assert date_bounds("2019") == (dt.date(2019, 1, 1), dt.date(2019, 12, 31))


def test_jsonl_reader_uses_ids_and_reports_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "a1", "date": "2019-02-12", "title": "T", "text": "Rutte zei dinsdag iets.", "source": "AD"}),
        "{not json",
        json.dumps({"id": "a2", "date": "2019-02-12", "title": "No text"}),
        json.dumps({"id": "a3", "date": "12/02/2019", "text": "Bad date."}),
        json.dumps({"id": "a1", "text": "Same id again."}),
        json.dumps({"id": "a4", "text": "Rutte zei dinsdag iets."}),
    ]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = read_corpus([tmp_path])
    assert [a.article_id for a in result.articles] == ["a1"]
    assert result.articles[0].source == "AD"
    messages = sorted(str(p) for p in result.problems)
    assert messages == sorted(
        [
            "news.jsonl:2: skipped: not JSON (Expecting property name enclosed in double quotes)",
            "news.jsonl:3: skipped: no 'text' field",
            "news.jsonl:4: skipped: malformed date '12/02/2019' (expected YYYY, YYYY-MM or YYYY-MM-DD)",
            "news.jsonl:5: skipped: duplicate id 'a1' (first in news.jsonl)",
            "news.jsonl:6: skipped: duplicate text of article 'a1'",
        ]
    )


def test_csv_and_parquet_readers_take_the_same_columns(tmp_path):
    df = pd.DataFrame(
        [
            {"id": "c1", "date": "2019-03", "title": "Eén", "text": "Eerste artikel.", "source": "Trouw"},
            {"id": "c2", "date": "", "title": "Twee", "text": "Tweede artikel,\nmet een regel.", "source": ""},
        ]
    )
    df.to_csv(tmp_path / "a.csv", index=False)
    df.assign(id=["p1", "p2"], text=["Derde.", "Vierde."]).to_parquet(tmp_path / "b.parquet")
    result = read_corpus([tmp_path])
    assert result.problems == []
    assert [(a.article_id, a.date, a.text) for a in result.articles] == [
        ("c1", "2019-03", "Eerste artikel."),
        ("c2", "", "Tweede artikel,\nmet een regel."),
        ("p1", "2019-03", "Derde."),
        ("p2", "", "Vierde."),
    ]


def test_csv_without_text_column_is_refused(tmp_path):
    (tmp_path / "x.csv").write_text("id,body\n1,hallo\n", encoding="utf-8")
    result = read_corpus([tmp_path])
    assert result.articles == []
    assert [str(p) for p in result.problems] == ["x.csv:1: skipped: no 'text' column in the CSV header"]


def test_csv_row_without_text_names_its_line(tmp_path):
    (tmp_path / "x.csv").write_text('id,text\n1,"hallo\nwereld"\n2,\n3,goed\n', encoding="utf-8")
    result = read_corpus([tmp_path])
    assert [a.article_id for a in result.articles] == ["1", "3"]
    assert [str(p) for p in result.problems] == ["x.csv:4: skipped: empty 'text'"]


def test_empty_binary_and_header_problems(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "baddate.txt").write_text("date 2021-13 Tekst van het artikel.", encoding="utf-8")
    (tmp_path / "nodate.txt").write_text("date \nTekst.", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04rest")
    result = read_corpus([tmp_path])
    assert result.articles == []
    assert sorted(str(p) for p in result.problems) == [
        "baddate.txt:1: skipped: date header: impossible date '2021-13': month must be in 1..12",
        "empty.txt: skipped: empty file",
        "image.txt: skipped: binary file, not text",
        "nodate.txt:1: skipped: date header without a date (expected 'date YYYY[-MM[-DD]]')",
        "notes.docx: skipped: unsupported file type .docx",
    ]


def test_cp1252_text_is_read_with_a_warning(tmp_path):
    (tmp_path / "oud.txt").write_bytes("date 2001-05-04 Het café in Gent kostte € 5.".encode("cp1252"))
    result = read_corpus([tmp_path])
    (article,) = result.articles
    assert article.text == "Het café in Gent kostte € 5."
    assert [str(p) for p in result.problems] == ["oud.txt:1: warning: not valid UTF-8; read as cp1252"]
    assert result.skipped == []


def test_upload_type_is_detected_by_content_not_name():
    payload = json.dumps({"id": "u1", "text": "Tekst."}).encode()
    result = read_bytes(payload, "upload/data.txt")
    assert [a.article_id for a in result.articles] == ["u1"]
    zipped = read_bytes(b"PK\x03\x04" + b"\x00" * 100, "upload/corpus.csv")
    assert zipped.articles == []
    assert [str(p) for p in zipped.problems] == ["upload/corpus.csv: skipped: binary file, not text"]


def test_shared_dpg_corpus_reads_completely():
    path = corpus_file("dpg-news-2019", "articles.jsonl")
    result = read_corpus([path])
    # The DPG release has 34 articles with an empty body and 25 texts published twice
    # under different ids: each is listed with its line.
    assert len(result.articles) == 1141
    reasons = sorted(p.reason.split(" 'dpg")[0] for p in result.problems)
    assert reasons == ["duplicate text of article"] * 25 + ["empty 'text'"] * 34
    assert all(p.line for p in result.problems)
    assert len(result.articles) + len(result.problems) == 1200
    assert {a.date_precision for a in result.articles} == {"day"}
