"""The corpus step: per-article rows + the user's corrections -> the corpus tables.

Some knowledge needs every article: the same referent under one actor across articles
(:mod:`kroniek.extract.actors.corpus`), the corpus's known names found where the NER
missed them (:mod:`kroniek.extract.actors.recall`), the user's corrections of actors
(:mod:`kroniek.extract.actors.corrections`), the actors table, and events grouped into
happenings (:mod:`kroniek.extract.happenings`).  :func:`corpus_tables` is the one place
that does all of it, for the CLI, the dashboard (a corpus, uploads, corrections, shared
views) and the Dask engine alike.  It imports no Streamlit and no spaCy: it runs on
stored rows, never on text through the pipeline.
"""

from __future__ import annotations

from typing import Callable, Iterable, Mapping

import pandas as pd

from kroniek.data.gazetteer import alias_file_path
from kroniek.data.schema import conform, frame
from kroniek.extract.actors.corpus import resolve_corpus
from kroniek.extract.actors.corrections import (
    Correction,
    apply_corrections,
    correct_event_roles,
    corrected_names,
    known_actors,
    read_corrections,
)
from kroniek.extract.actors.recall import recall_mentions
from kroniek.extract.happenings import group_events


# What a corpus step reads of tables that were linked before, and what it counts again.
LINKED_INPUT = ("mentions", "roles", "events", "articles")
RECOUNTED = ("mentions", "actors", "events", "happenings")
# Reported through ``progress`` as (what is being done, share of the step done).
Progress = Callable[[str, float], None]


def corpus_tables(
    tables: Mapping[str, pd.DataFrame],
    known: Iterable[tuple[str, str]] = (),
    corrections: bool | Iterable[Correction] = True,
    texts: Mapping[str, str] | None = None,
    link: bool = True,
    progress: Progress | None = None,
) -> dict[str, pd.DataFrame]:
    """The corpus tables of per-article rows: linked mentions, the actors table, events
    grouped into happenings (``tables`` holds at least ``mentions``; ``events``,
    ``roles``, ``articles`` and ``sentences`` where there are any).

    ``link`` links names across articles and, given the article ``texts`` by id, finds
    the corpus's known names where the NER missed them; rows that were linked before (a
    saved corpus joined with uploads, or about to be corrected) skip it.  ``known`` adds
    (actor_id, full name) pairs of persons named elsewhere (the corpus an upload joins),
    so a surname in the new articles can link to them.  ``corrections``: True applies
    the alias file's, False none, or the given ones (a browser session's).  ``progress``
    hears what is being done, and how far (a corpus of 100,000 articles takes a while).
    """
    report = progress or (lambda what, share: None)
    mentions, events = tables["mentions"], tables.get("events")
    fixes = _corrections(corrections)
    if len(mentions):
        if link:
            report("Linking names across articles", 0.0)
            mentions = resolve_corpus(mentions, known, dates=_article_dates(tables.get("articles")))
            if texts:

                def searched(done: int, total: int) -> None:
                    report(f"Finding known names: {done:,} of {total:,} articles", 0.1 + 0.7 * done / total)

                mentions = recall_mentions(mentions, texts, tables.get("sentences"), progress=searched)
        if fixes:
            if events is not None:
                events = correct_event_roles(events, corrected_names(mentions, fixes, known_actors()))
            mentions = apply_corrections(mentions, fixes, known_actors())
    report("Counting actors", 0.8)
    out = dict(tables)
    out["mentions"] = mentions
    out["actors"] = actors_table(mentions, tables.get("roles"))
    if events is not None:
        report("Grouping events into happenings", 0.85)
        out["events"], out["happenings"] = group_events(events, tables.get("articles"))
    report("Corpus tables ready", 1.0)
    return out


def _article_dates(articles: pd.DataFrame | None) -> pd.Series | None:
    """article_id -> the article's date (its first day for a month or a year), or None."""
    if articles is None or articles.empty or "date" not in articles:
        return None
    dates = pd.to_datetime(articles["date"].astype("string").str.slice(0, 10), errors="coerce", format="mixed")
    return pd.Series(dates.to_numpy(), index=articles["article_id"].to_numpy())


def corrected_tables(tables: Mapping[str, pd.DataFrame], corrections: bool | Iterable[Correction] = True) -> dict[str, pd.DataFrame]:
    """Linked tables with corrections applied (True: the alias file's), actors counted and
    happenings grouped again; the tables themselves when there is nothing to correct."""
    fixes = _corrections(corrections)
    if not fixes:
        return dict(tables)
    again = corpus_tables({name: tables[name] for name in LINKED_INPUT if name in tables}, corrections=fixes, link=False)
    return {**tables, **{name: again[name] for name in RECOUNTED if name in again}}


def _corrections(corrections: bool | Iterable[Correction]) -> list[Correction]:
    if corrections is True:
        return read_corrections(alias_file_path())
    return list(corrections) if corrections else []


def _usual_names(mentions: pd.DataFrame) -> pd.Series:
    """actor_id -> the name most of its mentions give it ("Europese Unie" for 26 mentions
    named so and 7 of a headline's "Eu"); a tie goes to the longer name."""
    counts = mentions.groupby(["actor_id", "actor"], sort=False).size().rename("n").reset_index()
    counts["length"] = counts["actor"].str.len()
    best = counts.sort_values(["actor_id", "n", "length", "actor"], ascending=[True, False, False, True]).drop_duplicates("actor_id")
    return best.set_index("actor_id")["actor"]


def actors_table(mentions: pd.DataFrame, roles: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per actor; aggregations without per-group Python so 120k articles stay fast."""
    if mentions.empty:
        return frame("actors")
    grouped = mentions.groupby("actor_id", sort=False)
    actors = grouped.agg(
        actor_type=("actor_type", "first"),
        n_mentions=("text", "size"),
        n_articles=("article_id", "nunique"),
    )
    actors["actor"] = _usual_names(mentions)
    with_country = mentions[mentions["country"].fillna("") != ""]
    actors["country"] = with_country.groupby("actor_id", sort=False)["country"].first()
    aliases = mentions[["actor_id", "text"]].drop_duplicates().sort_values(["actor_id", "text"])
    actors["aliases"] = aliases.groupby("actor_id", sort=False)["text"].agg("|".join)
    actors["role"] = ""
    if roles is not None and len(roles):
        named = roles[roles["role"].fillna("") != ""][["actor_id", "role"]].drop_duplicates()
        role_text = named.sort_values(["actor_id", "role"]).groupby("actor_id", sort=False)["role"].agg("|".join)
        actors["role"] = role_text.reindex(actors.index)
    actors = actors.reset_index()
    actors["country"] = actors["country"].fillna("")
    actors["role"] = actors["role"].fillna("")
    actors = actors.sort_values(["n_mentions", "actor"], ascending=[False, True])
    return conform("actors", actors)
