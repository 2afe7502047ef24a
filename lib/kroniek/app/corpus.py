"""The session's corpus assembled: a base corpus joined with uploads or a share, and the
user's corrections applied, each through the one corpus step.

Streamlit caches each combination (``st.cache_resource``) so that a rerun costs nothing;
the work itself is :func:`kroniek.extract.corpus.corpus_tables` on stored rows, never NLP.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa
import streamlit as st

from kroniek.extract.actors.corrections import Correction
from kroniek.extract.corpus import corpus_tables
from kroniek.query import CorpusData
from kroniek.read import Problem
from kroniek.store.shares import SharedPart, joined_rows

# What the corpus step reads of a corpus that was linked before, and what it recounts.
_STEP_INPUT = ("mentions", "roles", "events", "articles")
_RECOUNTED = ("actors", "events", "happenings")


@dataclass
class Corpus:
    """What the pages read: the tables (through queries), what was skipped, the pipeline."""

    data: CorpusData
    problems: list[Problem]
    pipeline: str
    pipeline_key: str
    paths: tuple[str, ...] = ()
    uploaded: list[str] = field(default_factory=list)

    def text(self, article_id: str) -> str:
        return self.data.text(article_id)


def recounted(data: CorpusData, corrections: tuple[Correction, ...] = ()) -> CorpusData:
    """``data`` with the corpus-level tables counted again (and ``corrections`` applied
    to its stored mentions), without linking names again."""
    frames = corpus_tables(data.frames(_STEP_INPUT), corrections=list(corrections), link=False)
    names = _RECOUNTED + (("mentions",) if corrections else ())
    return data.replaced({name: frames[name] for name in names})


def join_tables(base_tables: dict[str, pa.Table], base_texts: pa.Table, part: SharedPart) -> tuple[dict[str, pa.Table], pa.Table]:
    """The base corpus plus the part's articles; ``actors`` counted and ``happenings``
    grouped again over both (raises :class:`~kroniek.store.shares.DamagedShare` when the
    part's rows do not fit the base's columns)."""
    joined = recounted(CorpusData(*joined_rows(base_tables, base_texts, part)))
    return joined.tables, joined.texts


@st.cache_resource(show_spinner="Opening the shared view…", max_entries=16)
def joined_share(key: str, _base: CorpusData, _part: SharedPart) -> CorpusData:
    return CorpusData(*join_tables(_base.tables, _base.texts, _part))


@st.cache_resource(show_spinner="Applying your corrections…", max_entries=16)
def corrected(key: str, _data: CorpusData, _fixes: tuple) -> CorpusData:
    """The corpus with the corrections applied to its stored mentions (no NLP runs)."""
    return recounted(_data, _fixes)
