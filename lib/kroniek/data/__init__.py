"""Data: Kroniek's language knowledge as editable files, and the readers Python uses for them.

Every word list, gazetteer, lexicon and pattern lives here once, as CSV, YAML or text;
code names concepts and reads the words from these files.  Every stage may import this
package (it imports no other part of Kroniek).
"""

from __future__ import annotations

import csv
import functools
import gzip
import json
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent


@functools.lru_cache(maxsize=None)
def read_yaml(name: str) -> dict:
    """A YAML file of this folder, parsed once per process (callers must not change it)."""
    return yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))


def read_csv(path: Path | str) -> list[dict[str, str]]:
    """The rows of a CSV file (a name in this folder, or a path), text cells stripped
    (cells beyond the header stay a list under the key None, as ``csv`` gives them)."""
    path = Path(path) if Path(path).is_absolute() else DATA_DIR / path
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: v if isinstance(v, list) else (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def word_set(file: str, *keys: str) -> frozenset[str]:
    """A word list of a YAML file, by its keys ("name_shapes.yaml", "particles", "lower")."""
    value = read_yaml(file)
    for key in keys:
        value = value[key]
    return frozenset(value)


@functools.lru_cache(maxsize=1)
def lemma_table() -> dict[str, str]:
    """Dutch word form -> lemma: the lookup table of spaCy's ``spacy-lookups-data`` (MIT,
    ``nl_lemma_lookup.json.gz``), read once per process."""
    with gzip.open(DATA_DIR / "nl_lemma_lookup.json.gz", "rt", encoding="utf-8") as fh:
        return json.load(fh)


@functools.lru_cache(maxsize=1)
def lemmas() -> frozenset[str]:
    """Every lemma of :func:`lemma_table`: the base forms of Dutch words."""
    return frozenset(lemma_table().values())
