"""Saved corpus views: a corpus's tables after the corpus step, keyed by its files' fingerprint.

A second start with unchanged files opens them directly, without reading the corpus or
the per-article rows.  ``kroniek extract`` saves one too, so the dashboard's first open
after it is such a start.  Layout under the store's folder::

    views/<fingerprint>.json            the folder of that corpus version, its problems
    views/corpus-<paths key>.json       the latest version of the corpus at these paths
    views/<fingerprint>-<random>/       corpus.duckdb, hashes.parquet

``corpus.duckdb`` holds every table, the texts and the aggregates the filters read, in
DuckDB's compressed columns: the dashboard opens it read-only, in no time, and reads only
the blocks its queries touch (views saved before it hold ``<table>.parquet`` and
``texts.parquet``).  ``hashes.parquet`` (article_id, content_hash) says which articles a
view holds, so a corpus that grew by a few articles can be joined to its latest view
instead of being built again (:func:`latest_view`).
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Sequence

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from kroniek.read import Problem
from kroniek.store.cache import Store, write_table_atomic
from kroniek.store.tables import fill_database

DATABASE = "corpus.duckdb"


def _files(raw: str) -> list[Path]:
    root = Path(raw)
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []


def corpus_fingerprint(paths: Sequence[str]) -> str:
    """Changes when a corpus file is added, removed or modified (file names, sizes, times);
    the same for the same files however the paths are written (relative or absolute)."""
    digest = hashlib.sha256()
    for raw in paths:
        digest.update(str(Path(raw).resolve()).encode())
        for f in _files(raw):
            stat = f.stat()
            digest.update(f"{f.resolve()}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:24]


def paths_key(paths: Sequence[str]) -> str:
    """The same for every version of the corpus at these paths."""
    return hashlib.sha256("\n".join(str(Path(p).resolve()) for p in paths).encode()).hexdigest()[:16]


@dataclass
class SavedView:
    """A saved view's folder, the problems met building it, and which articles it holds."""

    folder: Path
    problems: list[Problem]
    fingerprint: str = ""
    meta: dict = field(default_factory=dict)

    def hashes(self) -> dict[str, str]:
        """article_id -> content hash of the articles in the view ({} for a view saved
        before views recorded them)."""
        file = self.folder / "hashes.parquet"
        if not file.exists():
            return {}
        table = pq.read_table(file)
        return dict(zip(table.column("article_id").to_pylist(), table.column("content_hash").to_pylist()))


def _problems(meta: dict) -> list[Problem]:
    return [Problem(p["path"], p["line"], p["reason"], p["skipped"]) for p in meta["problems"]]


def _read_index(store: Store, fingerprint: str) -> SavedView | None:
    index = store.dir / "views" / f"{fingerprint}.json"
    if not index.exists():
        return None
    meta = json.loads(index.read_text(encoding="utf-8"))
    folder = store.dir / "views" / meta["folder"]
    if not (folder / DATABASE).exists() and not (folder / "texts.parquet").exists():
        return None
    return SavedView(folder, _problems(meta), fingerprint, meta)


def saved_view(store: Store, fingerprint: str) -> SavedView | None:
    """The view of exactly this corpus version, if saved."""
    return _read_index(store, fingerprint)


def latest_view(store: Store, paths: Sequence[str]) -> SavedView | None:
    """The view saved last for the corpus at these paths, whatever its version."""
    pointer = store.dir / "views" / f"corpus-{paths_key(paths)}.json"
    if not pointer.exists():
        return None
    return _read_index(store, json.loads(pointer.read_text(encoding="utf-8"))["fingerprint"])


def _write_json(payload: dict, target: Path) -> None:
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    tmp.write_text(json.dumps(payload), encoding="utf-8")
    os.replace(tmp, target)


def save_view(
    store: Store,
    fingerprint: str,
    tables: Mapping[str, pa.Table],
    texts: pa.Table,
    problems: Sequence[Problem],
    hashes: Mapping[str, str] | None = None,
    paths: Sequence[str] = (),
) -> Path:
    """Write the tables, texts and article hashes into a new folder, then point the
    fingerprint (and the corpus at ``paths``) to it; a reader never sees half a view."""
    folder = store.dir / "views" / f"{fingerprint}-{uuid.uuid4().hex[:8]}"
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{DATABASE}.tmp"
    db = duckdb.connect(str(tmp))
    try:
        fill_database(db, tables, texts)
    finally:
        db.close()
    os.replace(tmp, folder / DATABASE)
    if hashes is not None:
        write_table_atomic(pa.table({"article_id": list(hashes), "content_hash": list(hashes.values())}), folder / "hashes.parquet")
    point_view(store, fingerprint, folder, problems, paths)
    return folder


def point_view(store: Store, fingerprint: str, folder: Path, problems: Sequence[Problem], paths: Sequence[str] = ()) -> None:
    """Make ``folder`` the view of the corpus version ``fingerprint`` (and the latest of the
    corpus at ``paths``): also for a new version holding the same articles (a file
    touched, a bad line fixed), which needs no new folder."""
    with store.lock:
        payload = {"folder": folder.name, "problems": [{"path": p.path, "line": p.line, "reason": p.reason, "skipped": p.skipped} for p in problems]}
        _write_json(payload, store.dir / "views" / f"{fingerprint}.json")
        if paths:
            _write_json({"fingerprint": fingerprint}, store.dir / "views" / f"corpus-{paths_key(paths)}.json")
