"""Cache: extracted rows per article, keyed by content hash and pipeline key.

Layout under the cache root (default ``.kroniek-cache/``, or ``KRONIEK_CACHE``)::

    <pipeline key>/
        tables/<table>/<segment>.parquet   rows of many articles, with a content_hash column
        commits/<segment>                  written last: a segment counts only once committed
        lock                               a file lock for writers

A run that extracts new articles writes one new segment; nothing is rewritten, so a
crash mid-write leaves the previous cache intact (each file is written to a temporary
name and renamed, and the commit marker comes last).  The pipeline key holds the
pipeline's name and version, the extraction code version and the gazetteer data, so
rows of an old model never mix with a new one.  Article metadata (id, title, source,
path) is not cached: it is taken from the corpus at load time, so renaming a file
costs no NLP work.
"""

from __future__ import annotations

import os
import re
import time
import uuid
from pathlib import Path
from typing import Iterable, Protocol, Sequence

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from filelock import FileLock

from kroniek.data.schema import conform, frame
from kroniek.read import Article, article_row

CACHE_ENV = "KRONIEK_CACHE"
DEFAULT_CACHE = ".kroniek-cache"
CACHED_TABLES = ("mentions", "money", "timexes", "events", "sentences", "roles")
HASH = "content_hash"


class ArticleRows(Protocol):
    """One article's extracted rows (an :class:`~kroniek.extract.article.ArticleExtraction`)."""

    def rows(self, table: str) -> list[dict]: ...


def cache_root(path: str | Path | None = None) -> Path:
    return Path(path or os.environ.get(CACHE_ENV) or DEFAULT_CACHE)


def _safe_key(key: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", key)[:120]


def write_table_atomic(table: pa.Table, target: Path) -> None:
    """Write to a temporary name, sync, then rename: a reader never sees half a file."""
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, target)


def _write_atomic(table: pa.Table, target: Path) -> None:
    write_table_atomic(table, target)


class Store:
    """Cached extraction rows for one pipeline key."""

    def __init__(self, key: str, root: str | Path | None = None):
        self.key = key
        self.dir = cache_root(root) / _safe_key(key)
        self.lock = FileLock(str(self.dir / "lock"), timeout=600)

    # -- reading -----------------------------------------------------------------------

    def segments(self) -> list[str]:
        commits = self.dir / "commits"
        if not commits.is_dir():
            return []
        return sorted(p.name for p in commits.iterdir() if not p.name.startswith("."))

    def _table_files(self, table: str) -> list[Path]:
        return [f for seg in self.segments() if (f := self.dir / "tables" / table / f"{seg}.parquet").exists()]

    def cached_hashes(self) -> set[str]:
        hashes: set[str] = set()
        for file in self._table_files("sentences"):
            hashes.update(pq.read_table(file, columns=[HASH]).column(HASH).to_pylist())
        for file in self._table_files("done"):
            hashes.update(pq.read_table(file, columns=[HASH]).column(HASH).to_pylist())
        return hashes

    def load(self, articles: Sequence[Article]) -> dict[str, pd.DataFrame]:
        """Rows of the given articles (those in the cache), article ids from the corpus.

        An article cached twice (two writers at once) is read from its first segment only.
        """
        id_of = {a.content_hash: a.article_id for a in articles}
        wanted = set(id_of)
        owner: dict[str, str] = {}
        whole: set[str] = set()  # segments all of whose articles are wanted: read without a filter
        for segment in self.segments():
            done = self.dir / "tables" / "done" / f"{segment}.parquet"
            if done.exists():
                hashes = pq.read_table(done, columns=[HASH]).column(HASH).to_pylist()
                owned = [owner.setdefault(h, segment) == segment for h in hashes if h in wanted]
                if len(owned) == len(hashes) and all(owned):
                    whole.add(segment)
        by_segment: dict[str, list[str]] = {}
        for h, segment in owner.items():
            by_segment.setdefault(segment, []).append(h)
        out: dict[str, pd.DataFrame] = {"articles": frame("articles", [article_row(a) for a in articles])}
        for table in CACHED_TABLES:
            parts = []
            for segment, hashes in by_segment.items():
                file = self.dir / "tables" / table / f"{segment}.parquet"
                if not file.exists():
                    continue
                data = pq.read_table(file)
                if segment not in whole:
                    data = data.filter(pc.is_in(data.column(HASH).cast(pa.string()), value_set=pa.array(hashes, pa.string())))
                if data.num_rows:
                    parts.append(data)
            if not parts:
                out[table] = frame(table)
                continue
            df = pa.concat_tables(parts, promote_options="default").to_pandas()
            df["article_id"] = df[HASH].map(id_of)
            out[table] = conform(table, df.drop(columns=[HASH]))
        return out

    # -- writing -----------------------------------------------------------------------

    def save(self, pairs: Iterable[tuple[Article, ArticleRows]]) -> int:
        """Write one committed segment holding these articles' rows; returns its size."""
        pairs = list(pairs)
        if not pairs:
            return 0
        rows: dict[str, list[dict]] = {t: [] for t in CACHED_TABLES}
        done = []
        for article, ex in pairs:
            h = article.content_hash
            done.append({HASH: h})
            for table in CACHED_TABLES:
                for row in ex.rows(table):
                    r = dict(row)
                    r[HASH] = h
                    rows[table].append(r)
        segment = f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
        with self.lock:
            for table, table_rows in rows.items():
                df = frame(table, table_rows)
                df[HASH] = pd.Series([r[HASH] for r in table_rows], dtype="string")
                target = self.dir / "tables" / table / f"{segment}.parquet"
                target.parent.mkdir(parents=True, exist_ok=True)
                _write_atomic(pa.Table.from_pandas(df, preserve_index=False), target)
            target = self.dir / "tables" / "done" / f"{segment}.parquet"
            target.parent.mkdir(parents=True, exist_ok=True)
            _write_atomic(pa.Table.from_pylist(done), target)
            commits = self.dir / "commits"
            commits.mkdir(parents=True, exist_ok=True)
            marker = commits / segment
            tmp = commits / f".{segment}.tmp"
            tmp.write_text(str(len(pairs)))
            os.replace(tmp, marker)
        return len(pairs)

    def size_bytes(self) -> int:
        return sum(f.stat().st_size for f in self.dir.rglob("*.parquet"))
