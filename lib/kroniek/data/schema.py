"""Schema: the table contract, names, columns and types of the seven tables (see DESIGN.md).

Extraction, the cache, filters, CSV export and evaluation all read this one place, so
a column can only change here; it lives in ``data`` because extraction writes the rows
and every later stage reads them.  ``sentences`` is internal: the dashboard needs sentence
offsets to show a chart point's source sentence without parsing text again.
"""

from __future__ import annotations

import pandas as pd

TABLES: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": "string", "title": "string", "date": "string", "date_precision": "string",
        "source": "string", "path": "string", "n_words": "int64",
    },
    "mentions": {
        "article_id": "string", "sentence_id": "int64", "start": "int64", "end": "int64", "text": "string",
        "label": "string", "actor_id": "string", "actor": "string", "actor_type": "string",
        "country": "string", "via": "string",
    },
    "actors": {
        "actor_id": "string", "actor": "string", "actor_type": "string", "country": "string", "role": "string",
        "aliases": "string", "n_mentions": "int64", "n_articles": "int64",
    },
    "money": {
        "article_id": "string", "sentence_id": "int64", "start": "int64", "end": "int64", "text": "string",
        "low": "float64", "high": "float64", "currency": "string", "currency_inferred": "bool", "approx": "bool",
        "kind": "string",
        "low_eur": "float64", "high_eur": "float64", "context": "string",
    },
    "timexes": {
        "article_id": "string", "sentence_id": "int64", "start": "int64", "end": "int64", "text": "string",
        "value": "string", "begin_date": "string", "end_date": "string", "granularity": "string",
        "anchor": "string",
    },
    "events": {
        "event_id": "string", "article_id": "string", "sentence_id": "int64", "event_type": "string",
        "event_code": "string", "trigger": "string", "source_actor": "string", "target_actor": "string",
        "participant": "string", "summary": "string", "begin_date": "string", "end_date": "string", "time_text": "string", "money_text": "string",
        "sentence": "string", "confidence": "float64", "confident": "bool", "factuality": "string",
        "happening_id": "string",
    },
    "happenings": {
        "happening_id": "string", "event_code": "string", "event_type": "string", "actors": "string",
        "begin_date": "string", "end_date": "string", "n_articles": "int64", "first_reported": "string",
        "last_reported": "string", "label": "string",
    },
}
PUBLIC_TABLES = tuple(TABLES)
FACTUALITIES = ("asserted", "negated", "possible", "generic")
ACTOR_TYPES = ("person", "organisation", "country", "place", "group")
VIA_VALUES = ("ner", "context", "gazetteer", "alias", "metonymy", "adjective", "coref", "corpus")
ARTICLE_DATE = "(article date)"  # events.time_text of an event dated only by its article

INTERNAL_TABLES: dict[str, dict[str, str]] = {
    "sentences": {"article_id": "string", "sentence_id": "int64", "start": "int64", "end": "int64"},
    "roles": {"article_id": "string", "actor_id": "string", "role": "string", "country": "string"},
}
ALL_TABLES = {**TABLES, **INTERNAL_TABLES}
# The tables a saved corpus holds, and those built from every article's rows, not per article.
DATA_TABLES = ("articles", "mentions", "actors", "money", "timexes", "events", "happenings", "sentences", "roles")
CORPUS_LEVEL = ("actors", "happenings")


def frame(table: str, rows: list[dict] | None = None) -> pd.DataFrame:
    """A DataFrame with exactly the contract's columns and dtypes, in order."""
    columns = ALL_TABLES[table]
    df = pd.DataFrame(rows or [], columns=list(columns))
    return conform(table, df)


# A flag missing from older tables takes the value that changes nothing: events extracted
# before the trained decision were all put on the chronicle.
BOOL_DEFAULTS = {"confident": True}


def conform(table: str, df: pd.DataFrame) -> pd.DataFrame:
    columns = ALL_TABLES[table]
    df = df.reindex(columns=list(columns))
    for name, dtype in columns.items():
        if dtype == "string":
            df[name] = df[name].astype("string")
        elif dtype == "int64":
            df[name] = pd.to_numeric(df[name], errors="coerce").fillna(0).astype("int64")
        elif dtype == "float64":
            df[name] = pd.to_numeric(df[name], errors="coerce").astype("float64")
        elif dtype == "bool":
            df[name] = df[name].fillna(BOOL_DEFAULTS.get(name, False)).astype("bool")
    return df.reset_index(drop=True)
