"""The readers that turn corpus files into articles, one per format.

Every reader is strict about what it accepts and loud about what it refuses: a bad
input never disappears silently.  Each refusal becomes a :class:`Problem` naming the
file and, where it applies, the line, and every problem is reported by the CLI and
listed on the dashboard's About page.

Supported inputs: ``.txt`` (one article per file, optional ``date YYYY[-MM[-DD]]``
header on the first line), ``.jsonl`` / ``.csv`` / ``.parquet`` (one article per
line/row with the columns ``id``, ``date``, ``title``, ``text``, ``source``), and
folders holding any of these.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from pathlib import Path
from typing import Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from kroniek.read.articles import MAX_ARTICLE_CHARS, Article, CorpusError, Problem, ReadResult, parse_date

SUPPORTED_SUFFIXES = (".txt", ".jsonl", ".csv", ".parquet")
MAX_EXPANDED_BYTES = 1_000_000_000  # a Parquet file may not unpack to more than this
COLUMNS = ("id", "date", "title", "text", "source")
# A ``.txt`` header: optional leading whitespace, the word ``date``, the date, then
# whitespace; the article may follow on the same line (as in the seed).
_HEADER_RE = re.compile(r"^[ \t\ufeff]*date[ \t]+(\S+)(?:[ \t]+|\r?\n|$)")


# --- decoding --------------------------------------------------------------------


def decode_bytes(data: bytes, path: str) -> tuple[str, Problem | None]:
    """UTF-8 first, then cp1252 with a warning; binary content is refused."""
    if not data.strip():
        raise CorpusError(path, None, "empty file")
    if b"\x00" in data[:8192] or looks_binary(data[:8192]):
        raise CorpusError(path, None, "binary file, not text")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise CorpusError(path, line, "not UTF-8 and not cp1252 text") from None
        return text, Problem(path, line, "not valid UTF-8; read as cp1252", skipped=False)


def looks_binary(head: bytes) -> bool:
    """Text has few control bytes; images, archives and executables have many."""
    if not head:
        return False
    magic = (b"PK\x03\x04", b"\x1f\x8b", b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"BZh", b"7z\xbc\xaf")
    if head.startswith(magic):
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(head) > 0.05


# --- readers ---------------------------------------------------------------------


def _article_from_record(record: dict, fallback_id: str, path: str, line: int | None) -> Article:
    if not isinstance(record, dict):
        raise CorpusError(path, line, "not an object with id/date/title/text/source")
    text = record.get("text")
    if text is None or (isinstance(text, float) and text != text):
        raise CorpusError(path, line, "no 'text' field")
    if not isinstance(text, str):
        raise CorpusError(path, line, f"'text' is {type(text).__name__}, not a string")
    if not text.strip():
        raise CorpusError(path, line, "empty 'text'")
    if len(text) > MAX_ARTICLE_CHARS:
        raise CorpusError(path, line, f"article of {len(text):,} characters is longer than the {MAX_ARTICLE_CHARS:,} Kroniek reads")
    raw_date = record.get("date")
    raw_date = "" if raw_date is None or (isinstance(raw_date, float) and raw_date != raw_date) else str(raw_date)
    try:
        date, _ = parse_date(raw_date)
    except ValueError as exc:
        raise CorpusError(path, line, str(exc)) from None
    raw_id = record.get("id")
    article_id = str(raw_id).strip() if raw_id not in (None, "") and raw_id == raw_id else fallback_id

    def text_field(name: str) -> str:
        value = record.get(name)
        return "" if value is None or (isinstance(value, float) and value != value) else str(value)

    return Article(article_id, text, date, text_field("title"), text_field("source"), path, line)


def read_txt(data: bytes, rel_path: str) -> tuple[list[Article], list[Problem]]:
    text, warning = decode_bytes(data, rel_path)
    problems = [warning] if warning else []
    date = ""
    m = _HEADER_RE.match(text)
    if m:
        try:
            date, _ = parse_date(m.group(1))
        except ValueError as exc:
            raise CorpusError(rel_path, 1, f"date header: {exc}") from None
        text = text[m.end() :]
    elif re.match(r"^[ \t\ufeff]*date\b", text):
        raise CorpusError(rel_path, 1, "date header without a date (expected 'date YYYY[-MM[-DD]]')")
    if not text.strip():
        raise CorpusError(rel_path, None, "no article text after the header")
    if len(text) > MAX_ARTICLE_CHARS:
        raise CorpusError(rel_path, None, f"article of {len(text):,} characters is longer than the {MAX_ARTICLE_CHARS:,} Kroniek reads")
    return [Article(rel_path, text, date, "", "", rel_path)], problems


def _articles_of(records: Iterable[tuple[int, object]], rel_path: str, row_prefix: bool = False) -> tuple[list[Article], list[Problem]]:
    """Articles of numbered records; a record that is a :class:`Problem` already (a line
    that is not JSON) or that is not an article becomes a problem, in input order."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for number, record in records:
        if isinstance(record, Problem):
            problems.append(record)
            continue
        try:
            articles.append(_article_from_record(record, f"{rel_path}:{number}", rel_path, number))
        except CorpusError as exc:
            problems.append(Problem(rel_path, number, f"row {number}: {exc.reason}" if row_prefix else exc.reason))
    return articles, problems


def _json_lines(text: str, rel_path: str) -> Iterator[tuple[int, object]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, Problem(rel_path, number, f"not JSON ({exc.msg})")


def read_jsonl(data: bytes, rel_path: str) -> tuple[list[Article], list[Problem]]:
    text, warning = decode_bytes(data, rel_path)
    articles, problems = _articles_of(_json_lines(text, rel_path), rel_path)
    return articles, ([warning] if warning else []) + problems


def _csv_rows(reader: csv.DictReader) -> Iterator[tuple[int, dict]]:
    for record in reader:
        # A record's line number is where it ends; multi-line quoted cells are allowed.
        yield reader.line_num, {(k or "").strip(): v for k, v in record.items()}


def read_csv(data: bytes, rel_path: str) -> tuple[list[Article], list[Problem]]:
    text, warning = decode_bytes(data, rel_path)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "text" not in [f.strip() for f in reader.fieldnames]:
        raise CorpusError(rel_path, 1, "no 'text' column in the CSV header")
    articles, problems = _articles_of(_csv_rows(reader), rel_path)
    return articles, ([warning] if warning else []) + problems


def read_parquet(data: bytes, rel_path: str) -> tuple[list[Article], list[Problem]]:
    if not data:
        raise CorpusError(rel_path, None, "empty file")
    try:
        meta = pq.ParquetFile(pa.BufferReader(data)).metadata
        expanded = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
    except Exception as exc:  # pyarrow raises several types for a corrupt file
        raise CorpusError(rel_path, None, f"not a readable Parquet file ({exc})") from None
    if expanded > MAX_EXPANDED_BYTES:
        # a decompression bomb: a small file that would unpack to gigabytes
        raise CorpusError(rel_path, None, f"would expand to {expanded / 1e6:,.0f} MB in memory (limit {MAX_EXPANDED_BYTES / 1e6:,.0f} MB)")
    try:
        table = pq.read_table(pa.BufferReader(data))
    except Exception as exc:
        raise CorpusError(rel_path, None, f"not a readable Parquet file ({exc})") from None
    if "text" not in table.column_names:
        raise CorpusError(rel_path, None, "no 'text' column")
    return _articles_of(enumerate(table.to_pylist(), start=1), rel_path, row_prefix=True)


READERS = {".txt": read_txt, ".jsonl": read_jsonl, ".csv": read_csv, ".parquet": read_parquet}


def sniff_suffix(data: bytes, name: str) -> str | None:
    """Decide the format by content, with the file name only as a tie-breaker."""
    suffix = Path(name).suffix.lower()
    if data[:4] == b"PAR1":
        return ".parquet"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if suffix in (".txt", ".jsonl", ".csv"):
        if head.startswith(b"{") and suffix != ".csv":
            return ".jsonl"
        return suffix
    if head.startswith(b"{"):
        return ".jsonl"
    return None


def read_bytes(data: bytes, name: str) -> ReadResult:
    """Read one file's content (used for uploads and files on disk alike)."""
    result = ReadResult()
    suffix = sniff_suffix(data, name)
    if suffix is None:
        if data[:4] == b"PK\x03\x04" or looks_binary(data[:8192]):
            result.problems.append(Problem(name, None, "binary file, not a supported corpus format"))
        else:
            result.problems.append(Problem(name, None, f"unsupported file type (use {', '.join(SUPPORTED_SUFFIXES)})"))
        return result
    try:
        articles, problems = READERS[suffix](data, name)
    except CorpusError as exc:
        result.problems.append(Problem(exc.path, exc.line, exc.reason))
        return result
    result.articles.extend(articles)
    result.problems.extend(problems)
    return result


def iter_corpus_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str]]:
    """Yield (file, id-relative path) for every corpus file under the given paths."""
    for raw in paths:
        root = Path(raw)
        if root.is_dir():
            for file in sorted(p for p in root.rglob("*") if p.is_file()):
                if file.name.startswith("."):
                    continue
                yield file, file.relative_to(root).as_posix()
        else:
            yield root, root.name


def read_corpus(paths: Iterable[str | Path]) -> ReadResult:
    """Read files and folders; duplicates (same id or same content) are skipped and listed."""
    result = ReadResult()
    for file, rel in iter_corpus_files(paths):
        if not file.exists():
            result.problems.append(Problem(str(file), None, "no such file or folder"))
            continue
        if file.suffix.lower() not in SUPPORTED_SUFFIXES:
            result.problems.append(Problem(rel, None, f"unsupported file type {file.suffix or '(none)'}"))
            continue
        one = read_bytes(file.read_bytes(), rel)
        result.articles.extend(one.articles)
        result.problems.extend(one.problems)
    return drop_duplicates(result)


def drop_duplicates(result: ReadResult, known: Iterable[Article] = ()) -> ReadResult:
    """Keep the first article per id and per text; list every later copy as skipped."""
    seen_ids: dict[str, str] = {}
    seen_text: dict[str, str] = {}
    for article in known:
        seen_ids[article.article_id] = article.path
        seen_text[hashlib.sha256(article.text.encode()).hexdigest()] = article.article_id
    kept: list[Article] = []
    problems = list(result.problems)
    for article in result.articles:
        text_key = hashlib.sha256(article.text.encode()).hexdigest()
        if article.article_id in seen_ids:
            problems.append(
                Problem(article.path, article.line, f"duplicate id {article.article_id!r} (first in {seen_ids[article.article_id]})")
            )
            continue
        if text_key in seen_text:
            problems.append(
                Problem(article.path, article.line, f"duplicate text of article {seen_text[text_key]!r}")
            )
            continue
        seen_ids[article.article_id] = article.path
        seen_text[text_key] = article.article_id
        kept.append(article)
    return ReadResult(kept, problems)
