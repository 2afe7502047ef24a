"""What the actor modules share: the actor types, ids and the resolved form of a span."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kroniek.data.schema import ACTOR_TYPES, VIA_VALUES  # noqa: F401  (the actor modules' vocabulary)

if TYPE_CHECKING:  # the corpus step uses this module without spaCy
    from spacy.tokens import Doc

TYPE_BY_LABEL = {"PER": "person", "ORG": "organisation", "LOC": "place", "MISC": "group"}
PREFIX = {"person": "per", "organisation": "org", "place": "loc", "group": "grp", "country": "cty"}
# Mentions that in-article and corpus linking may re-point (the gazetteer's stay as they are).
LINKABLE_VIA = ("ner", "context", "alias")
NER_PREFIX_TYPES = {"per": "person", "org": "organisation", "loc": "place", "grp": "group"}
_QUOTES = {"'", '"', "‘", "’", "“", "”", "(", ":", "-", "–", "«"}


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


@dataclass
class Resolved:
    actor_id: str
    actor: str
    actor_type: str
    country: str
    via: str


def starts_clause(doc: Doc, i: int) -> bool:
    return i == 0 or doc[i].is_sent_start or doc[i - 1].text in _QUOTES
