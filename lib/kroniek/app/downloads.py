"""Downloads: CSV files of exactly the filtered rows, built only when a button is clicked."""

from __future__ import annotations

import io
import zipfile
from typing import Callable

import pandas as pd
import streamlit as st

from kroniek.charts import count_text
from kroniek.data.schema import PUBLIC_TABLES
from kroniek.query import Query
from kroniek.store.exports import csv_bytes


def _deferred(q: Query, make: Callable[[Query], bytes]) -> Callable[[], bytes]:
    """Bytes made when the button is clicked, from a fresh Query on the same filters
    (every filtered row, not the shown ones)."""
    data, filters = q.data, q.filters
    return lambda: make(Query(data, filters))


def download(q: Query, table: str, key: str, label: str | None = None) -> None:
    """A CSV download of exactly the filtered rows of ``table`` (formula cells neutralised)."""
    n = q.count(table)
    st.download_button(
        label or f"Download {table} ({count_text(n, 'row')}) as CSV",
        data=_deferred(q, lambda fresh: csv_bytes(fresh.rows(table))),
        file_name=f"kroniek-{table}.csv",
        mime="text/csv",
        key=key,
        on_click="ignore",
    )


def _zip_of_tables(query: Query) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in PUBLIC_TABLES:
            zf.writestr(f"{name}.csv", csv_bytes(query.rows(name)))
    return buffer.getvalue()


def download_all(q: Query, key: str) -> None:
    st.download_button(
        "Download all tables (ZIP of CSV)",
        data=_deferred(q, _zip_of_tables),
        file_name="kroniek-tables.zip",
        mime="application/zip",
        key=key,
        on_click="ignore",
    )


def download_frame(q: Query, build: Callable[[Query], pd.DataFrame], file_name: str, key: str, label: str) -> None:
    """A CSV download of a frame built (from a fresh Query on the same filters) only
    when the button is clicked; ``build(query) -> DataFrame``."""
    make = _deferred(q, lambda fresh: csv_bytes(build(fresh)))
    st.download_button(label, data=make, file_name=file_name, mime="text/csv", key=key, on_click="ignore")
