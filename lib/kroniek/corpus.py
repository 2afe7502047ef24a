"""Articles and the readers that turn corpus files into them.

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
import datetime as dt
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

SUPPORTED_SUFFIXES = (".txt", ".jsonl", ".csv", ".parquet")
MAX_ARTICLE_CHARS = 5_000_000  # the spaCy pipeline's max_length is set to the same
MAX_EXPANDED_BYTES = 1_000_000_000  # a Parquet file may not unpack to more than this
COLUMNS = ("id", "date", "title", "text", "source")

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# A ``.txt`` header: optional leading whitespace, the word ``date``, the date, then
# whitespace; the article may follow on the same line (as in the seed).
_HEADER_RE = re.compile(r"^[ \t\ufeff]*date[ \t]+(\S+)(?:[ \t]+|\r?\n|$)")


class CorpusError(ValueError):
    """A bad input, with the file and line it came from."""

    def __init__(self, path: str, line: int | None, reason: str):
        self.path, self.line, self.reason = path, line, reason
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True)
class Problem:
    """An input that was skipped (or read with a warning), and why."""

    path: str
    line: int | None
    reason: str
    skipped: bool = True

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        verb = "skipped" if self.skipped else "warning"
        return f"{where}: {verb}: {self.reason}"


@dataclass(frozen=True)
class Article:
    """One news article; ``text`` is the input text unchanged so offsets point into it."""

    article_id: str
    text: str
    date: str = ""
    title: str = ""
    source: str = ""
    path: str = ""
    line: int | None = None

    @property
    def date_precision(self) -> str:
        return date_precision(self.date)

    @property
    def n_words(self) -> int:
        return len(self.text.split())

    @property
    def content_hash(self) -> str:
        """Identity of everything extraction depends on (the date resolves relative times)."""
        payload = "\x00".join((self.text, self.date, self.title))
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


@dataclass
class ReadResult:
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def skipped(self) -> list[Problem]:
        return [p for p in self.problems if p.skipped]


def parse_date(value: str) -> tuple[str, str]:
    """Validate an article date; return (iso_string, precision).

    Accepts ``YYYY``, ``YYYY-MM`` and ``YYYY-MM-DD`` (and ``YYYY-MM-DDThh:mm...``,
    reduced to the day).  Raises ``ValueError`` with a readable reason otherwise.
    """
    value = (value or "").strip()
    if not value:
        return "", ""
    if "T" in value and len(value) > 10:
        value = value[:10]
    m = _DATE_RE.match(value)
    if not m:
        raise ValueError(f"malformed date {value!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = m.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise ValueError(f"impossible date {value!r}: {exc}") from None
    precision = "day" if day else "month" if month else "year"
    return value, precision


def date_precision(value: str) -> str:
    try:
        return parse_date(value)[1]
    except ValueError:
        return ""


def date_bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """The inclusive calendar interval an article date stands for."""
    try:
        iso, precision = parse_date(value)
    except ValueError:
        return None
    if not iso:
        return None
    parts = [int(p) for p in iso.split("-")]
    if precision == "day":
        d = dt.date(*parts)
        return d, d
    if precision == "month":
        first = dt.date(parts[0], parts[1], 1)
        nxt = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


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


def read_jsonl(data: bytes, rel_path: str) -> tuple[list[Article], list[Problem]]:
    text, warning = decode_bytes(data, rel_path)
    articles: list[Article] = []
    problems = [warning] if warning else []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Problem(rel_path, number, f"not JSON ({exc.msg})"))
            continue
        try:
            articles.append(_article_from_record(record, f"{rel_path}:{number}", rel_path, number))
        except CorpusError as exc:
            problems.append(Problem(rel_path, number, exc.reason))
    return articles, problems


def read_csv(data: bytes, rel_path: str) -> tuple[list[Article], list[Problem]]:
    text, warning = decode_bytes(data, rel_path)
    problems = [warning] if warning else []
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "text" not in [f.strip() for f in reader.fieldnames]:
        raise CorpusError(rel_path, 1, "no 'text' column in the CSV header")
    articles: list[Article] = []
    for record in reader:
        record = {(k or "").strip(): v for k, v in record.items()}
        # A record's line number is where it ends; multi-line quoted cells are allowed.
        number = reader.line_num
        try:
            articles.append(_article_from_record(record, f"{rel_path}:{number}", rel_path, number))
        except CorpusError as exc:
            problems.append(Problem(rel_path, number, exc.reason))
    return articles, problems


def read_parquet(data: bytes, rel_path: str) -> tuple[list[Article], list[Problem]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

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
    articles: list[Article] = []
    problems: list[Problem] = []
    for number, record in enumerate(table.to_pylist(), start=1):
        try:
            articles.append(_article_from_record(record, f"{rel_path}:{number}", rel_path, number))
        except CorpusError as exc:
            problems.append(Problem(rel_path, number, f"row {number}: {exc.reason}"))
    return articles, problems


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
