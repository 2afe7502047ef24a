"""The user's corrections of actors, applied to stored mentions without running the NLP.

A journalist who sees "Baudet" apart from "Thierry Baudet", a club typed as a person or
"CO2" among the actors corrects it on the Actors page.  A correction is one row of the
user alias file (``KRONIEK_ALIASES``, columns ``action,name,target,note``):

* ``merge,<actor_id>,<actor_id>``: the first actor is the second one;
* ``type,<actor_id>,<actor type>``: the actor's type (person, organisation, ...);
* ``exclude,<actor_id>,``: not an actor, never counted.

:func:`apply_corrections` re-resolves the stored mention rows (the NER spans stay as
they were), so counts, charts and downloads change at once; undoing removes the row.
The rows are also honoured by ``kroniek extract`` (through the corpus step,
:func:`kroniek.extract.corpus.corpus_tables`).
Alias rows (``alias,<phrase>,<actor_id>``) change what the NER ruler tags and so need
a new extraction; they are not corrections in this sense.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pandas as pd

from kroniek.data import DATA_DIR
from kroniek.data.gazetteer import ALIASES_ENV, is_actor_id, load_gazetteer

ACTIONS = ("merge", "type", "exclude")
FIELDS = ("action", "name", "target", "note")


@dataclass(frozen=True)
class Correction:
    action: str  # merge / type / exclude
    actor_id: str
    target: str = ""  # the actor merged into, or the new type
    note: str = field(default="", compare=False)  # the actor's name when corrected

    def describe(self, names: dict[str, str] | None = None) -> str:
        """"Baudet → Thierry Baudet", "Feyenoord: organisation", "CO2: not an actor"."""
        names = names or {}
        name = names.get(self.actor_id) or self.note or self.actor_id  # a merged actor keeps its old name in the note
        if self.action == "merge":
            return f"{name} → {names.get(self.target, self.target)}"
        if self.action == "type":
            return f"{name}: {self.target}"
        return f"{name}: not an actor"


def parse_corrections(text: str, source: str = "aliases") -> list[Correction]:
    """The correction rows of an alias file's text; a malformed row raises with its line."""
    rows = []
    reader = csv.DictReader(io.StringIO(text))
    for line, row in enumerate(reader, start=2):
        action = (row.get("action") or "").strip()
        name = (row.get("name") or "").strip()
        if action not in ACTIONS or not is_actor_id(name):
            continue  # alias rows and excludes of a name belong to the gazetteer
        target = (row.get("target") or "").strip()
        if action in ("merge", "type") and not target:
            raise ValueError(f"{source}:{line}: '{action}' needs a target")
        rows.append(Correction(action, name, target, (row.get("note") or "").strip()))
    return rows


def read_corrections(path: Path | str | None) -> list[Correction]:
    if not path or not Path(path).exists():
        return []
    return parse_corrections(Path(path).read_text(encoding="utf-8"), str(path))


def writable_alias_file() -> Path | None:
    """The alias file corrections may be written to: ``$KRONIEK_ALIASES`` when it is set
    and writable (or can be created).  None on a deployment that did not configure one:
    corrections then stay in the browser session.  The file shipped inside the package
    is never written."""
    value = os.environ.get(ALIASES_ENV, "").strip()
    if not value:
        return None
    path = Path(value)
    if path.resolve().is_relative_to(DATA_DIR.resolve().parent):
        return None
    if path.exists():
        return path if os.access(path, os.W_OK) else None
    return path if path.parent.exists() and os.access(path.parent, os.W_OK) else None


def save_correction(path: Path, correction: Correction) -> None:
    """Append a correction row (the header is written when the file is new or empty)."""
    new = not path.exists() or path.stat().st_size == 0
    with path.open("a", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        if new:
            writer.writerow(FIELDS)
        writer.writerow([correction.action, correction.actor_id, correction.target, correction.note])


def remove_correction(path: Path, correction: Correction) -> None:
    """Undo: the file without the row of this correction (every other row kept as is)."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    key = [correction.action, correction.actor_id, correction.target]
    kept = [r for r in rows if [c.strip() for c in r[:3]] != key]
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(kept)


def apply_corrections(mentions: pd.DataFrame, corrections: Iterable[Correction], known: dict[str, tuple[str, str, str]] | None = None) -> pd.DataFrame:
    """The mention rows as the corrections say: merged actors take the target's id, name,
    type and country; a changed type changes every mention of the actor; excluded actors
    are gone.  ``known`` gives (name, type, country) of targets the mentions lack (the
    gazetteer's actors).  Later corrections apply after earlier ones ("A into B", then
    "B: organisation" types A's mentions too)."""
    corrections = list(corrections)
    if not corrections or mentions.empty:
        return mentions
    known = dict(known or {})
    out = mentions.copy()
    for c in corrections:
        ids = out["actor_id"]
        if c.action == "exclude":
            out = out[ids != c.actor_id]
        elif c.action == "type":
            out.loc[ids == c.actor_id, "actor_type"] = c.target
        elif c.action == "merge" and c.target != c.actor_id:
            hit = ids == c.actor_id
            if not hit.any():
                continue
            target_rows = out[ids == c.target]
            if len(target_rows):
                first = target_rows.iloc[0]
                name, actor_type, country = first["actor"], first["actor_type"], first["country"]
            elif c.target in known:
                name, actor_type, country = known[c.target]
            else:
                continue  # a target this corpus does not know: nothing to merge into
            out.loc[hit, ["actor_id", "actor", "actor_type", "country"]] = [c.target, name, actor_type, country]
    return out.reset_index(drop=True)


def known_actors() -> dict[str, tuple[str, str, str]]:
    """actor_id -> (name, type, country) of the gazetteer's actors (targets of merges)."""
    return {e.actor_id: (e.name, e.actor_type, e.country) for e in load_gazetteer().entries.values()}


def corrected_names(mentions: pd.DataFrame, corrections: Iterable[Correction], known: dict[str, tuple[str, str, str]] | None = None) -> dict[str, str | None]:
    """Actor names the corrections change: old name -> new name (None: not an actor).

    Events name their source and target actors by name (several joined by "|"), so a merge
    or an exclusion must reach them too."""
    corrections = list(corrections)
    if not corrections or mentions.empty:
        return {}
    actors = mentions.drop_duplicates("actor_id")[["actor_id", "actor", "actor_type", "country"]].assign(text="")
    actors["original"] = actors["actor"]
    fixed = apply_corrections(actors, corrections, known)
    renamed = dict(zip(fixed["original"], fixed["actor"]))
    return {name: renamed.get(name) for name in actors["actor"] if renamed.get(name) != name}


def correct_event_roles(events: pd.DataFrame, names: dict[str, str | None]) -> pd.DataFrame:
    """The events with their source and target actors renamed (or dropped) as ``names`` says."""
    if not names or events.empty:
        return events

    def fix(cell: object) -> str:
        kept: list[str] = []
        for name in str(cell or "").split("|"):
            new = names.get(name, name) if name else None
            if new and new not in kept:
                kept.append(new)
        return "|".join(kept)

    out = events.copy()
    for column in ("source_actor", "target_actor"):
        out[column] = out[column].map(fix)
    return out
