"""Shares: the store of shared views, a session's own articles kept under an unguessable token.

A link with ``?share=<token>`` opens the deployment's corpus joined with the articles
someone uploaded and shared, read-only.  Kept here, without Streamlit:

* the token: ``secrets.token_urlsafe`` (192 random bits, never derived from content),
  checked against one strict pattern before it is used for anything; it is only ever
  compared with the names the store lists, so no token can name a path outside the
  store;
* the share: one object (:mod:`kroniek.store.share_parts`), a ZIP of ``meta.json`` and one
  Parquet file per table, so a viewer needs no pipeline and sees the rows exactly as the
  author did;
* the store: a folder (default ``<cache>/shares``) or any fsspec location such as
  ``s3://bucket/prefix``; a size cap per share, a total cap with oldest-first eviction,
  an expiry, and no way to list shares from outside.

Object names are ``<created, ms since 1970, 13 digits>-<token>.kshare``: the creation
time orders eviction and decides expiry without opening any share.  A local write goes
to a temporary name, is synced, then renamed; an object store writes an object whole
or not at all.  Either way a writer that dies mid-write leaves every earlier share
readable and adds nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import secrets
import time
import uuid
from dataclasses import dataclass
from typing import Callable

import fsspec
import pyarrow as pa
from filelock import FileLock
from fsspec.implementations.arrow import ArrowFSWrapper
from pyarrow import fs as pafs

from kroniek.store.share_parts import (  # noqa: F401  (a share's parts, named here for the store's users)
    DamagedShare,
    ExpiredShare,
    MalformedToken,
    SharedPart,
    ShareError,
    ShareTooLarge,
    SharingOff,
    StoreUnavailable,
    UnknownShare,
    corpus_signature,
    joined_rows,
    pack,
    part_of,
    unpack,
)

SHARE_STORE_ENV = "KRONIEK_SHARE_STORE"
SHARING_ENV = "KRONIEK_SHARING"  # "off" turns sharing off
SHARE_DAYS_ENV = "KRONIEK_SHARE_DAYS"
SHARE_MAX_MB_ENV = "KRONIEK_SHARE_MAX_MB"
SHARE_TOTAL_MB_ENV = "KRONIEK_SHARE_TOTAL_MB"

DEFAULT_DAYS = 30.0
DEFAULT_MAX_MB = 25.0
DEFAULT_TOTAL_MB = 1000.0
TOKEN_BYTES = 24  # 192 bits; token_urlsafe gives 32 characters for them
TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{32}")
_ENTRY_RE = re.compile(r"(\d{13})-([A-Za-z0-9_-]{32})\.kshare")
_TMP_PREFIX = ".tmp-"
STALE_TMP_SECONDS = 3600
_OFF = {"0", "off", "false", "no", "disabled"}


# --- configuration -----------------------------------------------------------------------


@dataclass(frozen=True)
class ShareConfig:
    """Where shares live and their limits; :meth:`from_env` reads the deployment's settings."""

    location: str
    enabled: bool = True
    max_age_days: float = DEFAULT_DAYS
    max_share_bytes: int = int(DEFAULT_MAX_MB * 1_000_000)
    max_total_bytes: int = int(DEFAULT_TOTAL_MB * 1_000_000)

    @classmethod
    def from_env(cls, cache_dir: str | os.PathLike, environ: dict | None = None) -> "ShareConfig":
        """A bad number falls back to its default (a deployment must still start)."""
        env = os.environ if environ is None else environ

        def number(name: str, default: float) -> float:
            try:
                value = float(env.get(name, "") or default)
            except ValueError:
                return default
            return value if value > 0 else default

        location = (env.get(SHARE_STORE_ENV) or "").strip() or os.path.join(os.fspath(cache_dir), "shares")
        total = int(number(SHARE_TOTAL_MB_ENV, DEFAULT_TOTAL_MB) * 1_000_000)
        return cls(
            location=location,
            enabled=(env.get(SHARING_ENV) or "on").strip().lower() not in _OFF,
            max_age_days=number(SHARE_DAYS_ENV, DEFAULT_DAYS),
            max_share_bytes=min(int(number(SHARE_MAX_MB_ENV, DEFAULT_MAX_MB) * 1_000_000), total),
            max_total_bytes=total,
        )


def new_token() -> str:
    """192 random bits from the operating system, URL-safe; nothing about the content."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def valid_token(token: object) -> bool:
    return isinstance(token, str) and TOKEN_RE.fullmatch(token) is not None


# --- the store -------------------------------------------------------------------------------


def _filesystem(location: str):
    """(fsspec filesystem, root path).  ``s3://`` goes through pyarrow's S3 filesystem
    wrapped for fsspec, so no extra package (s3fs, boto) is needed and the credentials
    come from the usual variables (``AWS_ACCESS_KEY_ID``, ``AWS_REGION``,
    ``AWS_ENDPOINT_URL``…), as for ``KRONIEK_TABLES``; any other protocol fsspec knows
    (``memory://``; ``gs://`` with gcsfs installed…) through fsspec itself."""
    if "://" not in location or location.startswith("file://"):
        fs = fsspec.filesystem("file")
        return fs, fs._strip_protocol(location)
    protocol = location.split("://", 1)[0]
    if protocol == "s3":
        arrow_fs, path = pafs.FileSystem.from_uri(location)
        return ArrowFSWrapper(arrow_fs), path.rstrip("/")
    fs, path = fsspec.core.url_to_fs(location)
    return fs, path.rstrip("/")


class ShareStore:
    """Shares under one location.  There is deliberately no public way to list them: a
    share is reached only by its token."""

    def __init__(self, config: ShareConfig, clock: Callable[[], float] = time.time):
        self.config = config
        self.clock = clock
        self._fs = None

    def _open(self) -> None:
        """The filesystem, made on first use: a deployment whose object store is down
        still starts, and says so only to whoever shares or opens a link."""
        if self._fs is None:
            try:
                self._fs, self._root = _filesystem(self.config.location)
            except (OSError, ValueError, ImportError, pa.ArrowException) as exc:  # unknown protocol, package missing
                raise StoreUnavailable() from exc
            protocol = self._fs.protocol
            self._local = "file" in (protocol if isinstance(protocol, tuple) else (protocol,))

    @property
    def fs(self):
        self._open()
        return self._fs

    @property
    def root(self) -> str:
        self._open()
        return self._root

    def save(self, part: SharedPart) -> str:
        """Store ``part`` under a new token and return the token (see :meth:`_save`)."""
        if not self.config.enabled:
            raise SharingOff()
        try:
            self._open()
            return self._save(part)
        except ShareError:
            raise
        except OSError as exc:  # a full disk, an unreachable bucket, a lock that timed out
            raise StoreUnavailable() from exc

    def load(self, token: object) -> SharedPart:
        """The share of ``token``, or a :class:`ShareError` saying why not (see :meth:`_load`)."""
        if not self.config.enabled:
            raise SharingOff()
        if not valid_token(token):
            raise MalformedToken()
        try:
            self._open()
            return self._load(token)
        except ShareError:
            raise
        except OSError as exc:
            raise StoreUnavailable() from exc

    # -- saving ------------------------------------------------------------------------

    def _save(self, part: SharedPart) -> str:
        """Expired shares go first, then the oldest ones until the new share fits the
        total cap; a share larger than the per-share cap is refused."""
        token = new_token()
        created = self.clock()
        data = pack(SharedPart(part.tables, part.texts, {**part.meta, "created": created}))
        if len(data) > self.config.max_share_bytes:
            raise ShareTooLarge(len(data), self.config.max_share_bytes)
        with self._lock():
            entries = self._entries()
            now_ms = int(created * 1000)
            kept = []
            for entry in entries:
                if self._expired(entry[0], now_ms):
                    self._remove(entry[2])
                else:
                    kept.append(entry)
            total = sum(entry[1] for entry in kept) + len(data)
            for _, size, path, _ in sorted(kept):  # oldest first
                if total <= self.config.max_total_bytes:
                    break
                self._remove(path)
                total -= size
            self._write(f"{now_ms:013d}-{token}.kshare", data)
        return token

    def _write(self, name: str, data: bytes) -> None:
        target = f"{self.root}/{name}"
        if not self._local:
            self.fs.pipe_file(target, data)  # an object store writes an object whole or not at all
            return
        tmp = f"{self.root}/{_TMP_PREFIX}{uuid.uuid4().hex}"
        with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as fh:  # readable by the server only
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)

    def _lock(self):
        """A file lock for writers on a local store (eviction reads, then removes)."""
        if not self._local:
            return contextlib.nullcontext()
        os.makedirs(self.root, mode=0o700, exist_ok=True)
        return FileLock(os.path.join(self.root, ".lock"), timeout=60)

    def _remove(self, path: str) -> None:
        try:
            self.fs.rm_file(path)
        except FileNotFoundError:
            pass

    def _entries(self) -> list[tuple[int, int, str, str]]:
        """(created ms, size, path, token) of every share; stale temporary files are removed."""
        try:
            listing = self.fs.ls(self.root, detail=True)
        except FileNotFoundError:
            return []
        entries = []
        now = self.clock()
        for info in listing:
            path = info["name"]
            name = path.rstrip("/").rsplit("/", 1)[-1]
            match = _ENTRY_RE.fullmatch(name)
            if match:
                entries.append((int(match.group(1)), int(info.get("size") or 0), path, match.group(2)))
            elif self._local and name.startswith(_TMP_PREFIX):
                try:
                    if now - os.stat(path).st_mtime > STALE_TMP_SECONDS:
                        os.remove(path)
                except OSError:
                    pass
        return entries

    def _expired(self, created_ms: int, now_ms: int) -> bool:
        return now_ms - created_ms > self.config.max_age_days * 86_400_000

    # -- loading -----------------------------------------------------------------------

    def _load(self, token: str) -> SharedPart:
        """The token has been checked against its pattern; here it is only compared with
        the names in the store's listing, never joined into a path."""
        found = [e for e in self._entries() if secrets.compare_digest(e[3], token)]
        if not found:
            raise UnknownShare()
        created_ms, _, path, _ = found[0]
        if self._expired(created_ms, int(self.clock() * 1000)):
            raise ExpiredShare(self.expires_on(created_ms / 1000), self.config.max_age_days)
        try:
            data = self.fs.cat_file(path)
        except FileNotFoundError as exc:  # evicted between listing and reading
            raise UnknownShare() from exc
        part = unpack(data)
        part.token, part.created = token, created_ms / 1000
        return part

    def expires_on(self, created: float) -> dt.date:
        """The day (UTC) a share made at ``created`` (seconds since 1970) stops opening."""
        return dt.datetime.fromtimestamp(created + self.config.max_age_days * 86_400, dt.timezone.utc).date()
