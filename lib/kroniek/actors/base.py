"""What the actor modules share: the actor types, ids and the resolved form of a span."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from spacy.tokens import Doc

ACTOR_TYPES = ("person", "organisation", "country", "place", "group")
VIA_VALUES = ("ner", "context", "gazetteer", "alias", "metonymy", "adjective", "coref", "corpus")

TYPE_BY_LABEL = {"PER": "person", "ORG": "organisation", "LOC": "place", "MISC": "group"}
PREFIX = {"person": "per", "organisation": "org", "place": "loc", "group": "grp", "country": "cty"}
# Mentions that in-article and corpus linking may re-point (the gazetteer's stay as they are).
_LINKABLE_VIA = ("ner", "context", "alias")
_NER_PREFIX_TYPES = {"per": "person", "org": "organisation", "loc": "place", "grp": "group"}
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


def _starts_clause(doc: Doc, i: int) -> bool:
    return i == 0 or doc[i].is_sent_start or doc[i - 1].text in _QUOTES
