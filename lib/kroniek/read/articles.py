"""Articles, their dates and the problems a reader reports: the values every stage reads.

An article's date may be a day, a month or a year; :func:`date_bounds` gives the
calendar interval it stands for, so later stages never invent a day.  A :class:`Problem`
names the file and line of an input that was skipped or read with a warning.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

MAX_ARTICLE_CHARS = 5_000_000  # the spaCy pipeline's max_length is set to the same

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


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




def article_row(article: Article) -> dict:
    """The article's row of the ``articles`` table."""
    return {
        "article_id": article.article_id,
        "title": article.title,
        "date": article.date,
        "date_precision": article.date_precision,
        "source": article.source,
        "path": article.path,
        "n_words": article.n_words,
    }
