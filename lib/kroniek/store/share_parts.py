"""Share parts: what a shared view holds (some articles' rows and texts), its bytes, its errors.

A share is one object, a ZIP of ``meta.json`` and one Parquet file per table (the rows of
the shared articles after linking, and their texts), so a viewer needs no pipeline and
sees the rows exactly as the author did.  Each error is a sentence a viewer can read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from typing import Iterable

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from kroniek.data.schema import CORPUS_LEVEL

FORMAT = 1


class ShareError(Exception):
    """A share that cannot be opened or saved; ``str()`` is the message shown."""

    message = ""

    def __init__(self, message: str = "") -> None:
        super().__init__(message or self.message)


class MalformedToken(ShareError):
    message = "This shared link is not valid: its token is malformed (it may have been cut off when copied)."


class UnknownShare(ShareError):
    message = "This shared link is unknown: it was mistyped, or the shared view has been removed to make room for newer ones."


class ExpiredShare(ShareError):
    def __init__(self, expired_on: dt.date, days: float) -> None:
        self.expired_on = expired_on
        super().__init__(f"This shared link expired on {expired_on.isoformat()} (shared views are kept {days:g} days).")


class DamagedShare(ShareError):
    message = "This shared link's stored view is damaged and cannot be opened."


class SharingOff(ShareError):
    message = "Sharing is turned off on this deployment."


class StoreUnavailable(ShareError):
    message = "The store of shared views cannot be reached right now; try again later."


class ShareTooLarge(ShareError):
    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"These articles make a shared view of {_mb(size)}; the limit is {_mb(limit)}.")


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


# --- what a share holds --------------------------------------------------------------------


@dataclass
class SharedPart:
    """Rows of some articles (every table with an ``article_id`` except ``actors``, which
    is recomputed over the joined corpus) and their texts, plus who/what made them."""

    tables: dict[str, pa.Table]
    texts: pa.Table
    meta: dict = field(default_factory=dict)
    token: str = ""
    created: float = 0.0

    @property
    def article_ids(self) -> list[str]:
        return self.texts.column("article_id").to_pylist()


def part_of(tables: dict[str, pa.Table], texts: pa.Table, article_ids: Iterable[str], meta: dict | None = None) -> SharedPart:
    """The rows of ``article_ids`` in a corpus's tables: what a share stores."""
    wanted = pa.array(sorted(set(article_ids)), pa.string())
    out = {}
    for name, table in tables.items():
        if name == "actors" or "article_id" not in table.column_names:
            continue
        out[name] = table.filter(pc.is_in(table.column("article_id").cast(pa.string()), value_set=wanted))
    kept = texts.filter(pc.is_in(texts.column("article_id").cast(pa.string()), value_set=wanted))
    return SharedPart(out, kept, dict(meta or {}))


def _conformed(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """``table`` with exactly ``schema``'s columns: one missing (a share made before a column
    was added) is null, one the deployment no longer has is dropped."""
    columns = [
        table.column(f.name).cast(f.type) if f.name in table.column_names else pa.nulls(table.num_rows, f.type)
        for f in schema
    ]
    return pa.Table.from_arrays(columns, schema=schema)


def joined_rows(base_tables: dict[str, pa.Table], base_texts: pa.Table, part: SharedPart) -> tuple[dict[str, pa.Table], pa.Table]:
    """The base corpus's rows plus the part's articles' rows and texts.

    The corpus-level tables (``actors``, ``happenings``) are the base's: the caller counts
    them again over both with the corpus step.  Articles whose id the base already holds
    are left out of the part (the base wins), so an id never appears twice.  Raises
    :class:`DamagedShare` when the part's rows do not fit the base's columns.
    """
    known = pa.array(base_texts.column("article_id").to_pylist(), pa.string())

    def new_rows(table: pa.Table) -> pa.Table:
        return table.filter(pc.invert(pc.is_in(table.column("article_id").cast(pa.string()), value_set=known)))

    try:
        tables = {}
        for name, table in base_tables.items():
            if name in part.tables and name not in CORPUS_LEVEL:
                tables[name] = pa.concat_tables([table, _conformed(new_rows(part.tables[name]), table.schema)])
            else:
                tables[name] = table
        texts = pa.concat_tables([base_texts, _conformed(new_rows(part.texts), base_texts.schema)])
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError, KeyError) as exc:
        raise DamagedShare() from exc
    return tables, texts


def corpus_signature(article_ids: Iterable[str], pipeline_key: str) -> str:
    """Names the deployment corpus a share was made on (its articles and pipeline), so a
    viewer can be told when the corpus around the shared articles has changed since."""
    digest = hashlib.sha256(pipeline_key.encode())
    for article_id in sorted(article_ids):
        digest.update(b"\0" + str(article_id).encode())
    return digest.hexdigest()[:32]


# --- the bytes of a share --------------------------------------------------------------------


def pack(part: SharedPart) -> bytes:
    """One ZIP: ``meta.json``, ``texts.parquet`` and ``<table>.parquet`` per table.

    Stored, not deflated: the Parquet files are already compressed."""
    buffer = io.BytesIO()
    meta = {**part.meta, "format": FORMAT, "tables": sorted(part.tables)}
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("meta.json", json.dumps(meta, sort_keys=True))
        for name, table in [*sorted(part.tables.items()), ("texts", part.texts)]:
            sink = io.BytesIO()
            pq.write_table(table, sink, compression="zstd")
            zf.writestr(f"{name}.parquet", sink.getvalue())
    return buffer.getvalue()


def unpack(data: bytes) -> SharedPart:
    """The part in a share's bytes; anything unexpected raises :class:`DamagedShare`."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            meta = json.loads(zf.read("meta.json"))
            if not isinstance(meta, dict) or meta.get("format") != FORMAT:
                raise DamagedShare()
            names = meta.get("tables")
            if not isinstance(names, list) or not all(isinstance(n, str) and re.fullmatch(r"[a-z_]+", n) for n in names):
                raise DamagedShare()
            tables = {name: pq.read_table(io.BytesIO(zf.read(f"{name}.parquet"))) for name in names}
            texts = pq.read_table(io.BytesIO(zf.read("texts.parquet")))
    except ShareError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, pa.ArrowException) as exc:
        raise DamagedShare() from exc
    if texts.column_names[:1] != ["article_id"] or any("article_id" not in t.column_names for t in tables.values()):
        raise DamagedShare()
    return SharedPart(tables, texts, meta)
