"""Exports: tables as CSV that is safe to open in a spreadsheet, and Parquet that keeps raw values.

CSV cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``,
``@``, tab or carriage return) get a leading apostrophe, as the OWASP CSV-injection
guidance recommends.  Only text columns are touched: numbers stay numbers.  Parquet
keeps every value exactly as extracted.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Mapping

import pandas as pd

from kroniek.data.schema import PUBLIC_TABLES, conform, frame

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_for_spreadsheet(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutralise, na_action="ignore")
    return out


def csv_bytes(df: pd.DataFrame) -> bytes:
    """Text cells are always quoted, so a carriage return or tab inside one cannot split
    a row in any spreadsheet; numbers stay unquoted numbers."""
    return safe_for_spreadsheet(df).to_csv(index=False, quoting=csv.QUOTE_NONNUMERIC).encode("utf-8")


def write_tables(tables: Mapping[str, pd.DataFrame], out_dir: str | Path) -> list[Path]:
    """``<out>/<table>.csv`` and ``.parquet`` for each of the seven tables."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in PUBLIC_TABLES:
        df = conform(name, tables[name]) if name in tables else frame(name)  # absent: written empty
        csv_path, parquet_path = out / f"{name}.csv", out / f"{name}.parquet"
        csv_path.write_bytes(csv_bytes(df))
        df.to_parquet(parquet_path, index=False)
        written += [csv_path, parquet_path]
    return written
