"""Names that are not actors: chemical formulas, units, events, books, laws, schemes.

The NER tags "CO2", "Brexit", "Bijbel" and "AOW" as organisations; counted, they would
crowd the top of the actors chart.  ``data/not_actors.csv`` lists single names with their
kind and ``data/not_actors.yaml`` pattern classes (any "...wet", "...akkoord", any formula
with a digit); a span that matches is never counted as an actor, unless the gazetteer
knows it as one (D66 and G20 look like formulas).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kroniek.data import read_csv, read_yaml
from kroniek.data.gazetteer import normalise_name


@dataclass(frozen=True)
class NotActors:
    names: dict[str, str]  # normalised name -> kind
    patterns: tuple[tuple[str, re.Pattern], ...]

    def kind(self, text: str) -> str:
        """The kind of non-actor ``text`` names ("chemical formula", "event"...), or ""."""
        clean = re.sub(r"\s+", " ", text).strip(" .,;:'\"‘’“”-")
        if not clean:
            return ""
        key = normalise_name(clean)
        if key in self.names:
            return self.names[key]
        for kind, pattern in self.patterns:
            if pattern.fullmatch(clean) and (kind != "chemical formula" or any(c.isdigit() or c in "₀₁₂₃₄₅₆₇₈₉²³" for c in clean)):
                return kind
        return ""


@functools.lru_cache(maxsize=1)
def load_not_actors() -> NotActors:
    names = {normalise_name(r["name"]): r["kind"] for r in read_csv("not_actors.csv") if r["name"]}
    config = read_yaml("not_actors.yaml")
    patterns = tuple((kind, re.compile(p)) for kind, p in config["patterns"].items())
    return NotActors(names, patterns)
