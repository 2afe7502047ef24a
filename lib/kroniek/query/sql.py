"""SQL: the pieces several queries share (quoting, the middle of an interval, time units)."""

from __future__ import annotations

from kroniek.data.schema import ALL_TABLES

# The middle day of an item's date interval: it belongs to the corpus period when this
# day does ("the past four years", 2015-2019, is background to news of March 2019).
MIDDLE = "(CAST(begin_date AS DATE) + CAST((CAST(end_date AS DATE) - CAST(begin_date AS DATE)) // 2 AS INTEGER))"


def sql_list(values) -> str:
    """A DuckDB list literal of strings; quotes doubled, the standard SQL escape (views
    cannot take prepared parameters, and these values come from URLs)."""
    return "[" + ", ".join("'" + str(v).replace("'", "''") + "'" for v in values) + "]"


def time_unit(unit: str) -> str:
    """A DuckDB date_trunc part from a chart unit (only these three reach the SQL)."""
    if unit not in ("day", "week", "month"):
        raise ValueError(f"unknown time unit {unit!r}")
    return unit


def columns(table: str, alias: str = "") -> str:
    """The contract's columns of ``table``, quoted, for a SELECT (``alias.`` before each)."""
    prefix = f"{alias}." if alias else ""
    return ", ".join(f'{prefix}"{c}"' for c in ALL_TABLES[table])


def limit_sql(limit: int | None) -> str:
    return f" LIMIT {int(limit)}" if limit is not None else ""
