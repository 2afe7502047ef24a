"""Language knowledge about actors, loaded from editable data files.

The statistical NER of the shipped pipeline was trained on news from 2000; it has never
seen today's heads of state, and no NER model knows that "Moskou" often stands for the
Russian government.  This module turns the data files in ``kroniek/data/`` into
lookups that the NER ruler (:mod:`kroniek.nlp.pipeline`) and the actor resolver
(:mod:`kroniek.extract.actors`) share:

* ``actors.csv``: organisations, companies and persons with aliases, role and country;
* country names in Dutch from Babel's CLDR data (maintained, complete), plus
  ``countries_nl.csv`` for the variants, adjectives and demonyms that news uses and CLDR
  lacks ("VS", "Wit-Rusland", "Russische", "Wit-Russen");
* ``places.csv``: Dutch municipalities, provinces and regions (and a few cities abroad),
  so "Amsterdam" is a place even where the NER says ORG ("de gemeente Amsterdam");
* ``metonyms.csv``: capitals and seats of power that stand for a country or body where
  they act, and the place they are otherwise (:mod:`kroniek.extract.actors.metonymy`);
* a user alias file (``aliases.csv`` here, or the path in ``KRONIEK_ALIASES``) whose
  ``alias`` rows (a phrase counted as an actor) and ``exclude`` rows of a name override
  all of the above; its corrections of actor ids (``merge``, ``type``, ``exclude``) are
  applied to stored mentions by :mod:`kroniek.extract.actors.corrections`, without new NLP.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
from babel import Locale

from kroniek.data import DATA_DIR, read_csv

ALIASES_ENV = "KRONIEK_ALIASES"
# The data files whose content is part of the pipeline key: they change what the NER
# ruler tags or which spans count as actors.
KEYED_FILES = (
    "actors.csv", "countries_nl.csv", "metonyms.csv", "places.csv", "not_actors.csv", "not_actors.yaml",
    "name_shapes.yaml", "common_words_nl.txt", "roles.yaml", "metonymy.yaml", "lexicons.yaml",
)

_ARTICLES = re.compile(r"^(de|het|the|'t)\s+", re.IGNORECASE)
_LEGAL_SUFFIX = re.compile(
    r"[\s,]+(n\.?\s?v\.?|b\.?\s?v\.?|inc\.?|ltd\.?|limited|llc|plc|s\.?a\.?|se|ag|gmbh|&\s?co\.?|co\.?|corp\.?|corporation|company|holding|holdings|groep|group)$",
    re.IGNORECASE,
)


def normalise_name(name: str) -> str:
    """A comparison key for names: case, accents, articles and legal suffixes removed."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip(" .,;:'\"‘’“”")
    text = _ARTICLES.sub("", text)
    previous = None
    while previous != text:
        previous = text
        text = _LEGAL_SUFFIX.sub("", text).strip(" .,")
    return text.casefold()


@dataclass(frozen=True)
class Entry:
    """A known actor."""

    actor_id: str
    name: str
    actor_type: str  # person / organisation / country / place / group
    label: str  # CoNLL label the ruler assigns: PER / ORG / LOC / MISC
    country: str = ""
    role: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Surface:
    """A surface form that points at an actor, and how."""

    actor_id: str
    via: str  # gazetteer / metonymy / adjective / alias
    label: str


@dataclass
class Gazetteer:
    entries: dict[str, Entry] = field(default_factory=dict)
    surfaces: dict[str, Surface] = field(default_factory=dict)  # normalised surface -> target
    excluded: set[str] = field(default_factory=set)  # normalised names and actor ids
    merges: dict[str, str] = field(default_factory=dict)  # actor_id -> actor_id
    metonym_places: dict[str, str] = field(default_factory=dict)  # normalised metonym -> its place's actor_id
    alias_file: str = ""
    fingerprint: str = ""

    def lookup(self, surface: str) -> Surface | None:
        """The actor a surface form names.  Case is ignored, except that a short name
        known only in capitals (an acronym: "AD", "OM", "ING") does not match the same
        letters written as a word ("Ad", "Om")."""
        key = normalise_name(surface)
        hit = self.surfaces.get(key)
        if hit is not None and len(key) <= 5 and not surface.strip().isupper():
            forms = self._display_forms.get(key, ())
            if forms and all(f.isupper() for f in forms):
                return None
        return hit

    def foreign_country(self, surface: str) -> Entry | None:
        """"España", "Deutschland": a country named in another language (for a span the NER
        calls a place; not in the ruler, so "Jordan" in "Michael Jordan" stays a name)."""
        iso3 = foreign_country_names().get(normalise_name(surface))
        return self.entries.get(iso3) if iso3 else None

    def metonym_place(self, surface: str) -> Entry | None:
        """The place a metonym names when it does not act: "Den Haag" (the city), not NLD."""
        key = normalise_name(surface)
        place_id = self.metonym_places.get(key) or (self.metonym_places.get(key[:-1]) if key.endswith("s") else None)
        return self.entries.get(place_id) if place_id else None

    def entry(self, actor_id: str) -> Entry | None:
        return self.entries.get(self.canonical_id(actor_id))

    def canonical_id(self, actor_id: str) -> str:
        seen = set()
        while actor_id in self.merges and actor_id not in seen:
            seen.add(actor_id)
            actor_id = self.merges[actor_id]
        return actor_id

    def is_excluded(self, surface: str, actor_id: str = "") -> bool:
        return normalise_name(surface) in self.excluded or (actor_id and actor_id in self.excluded)

    def ruler_patterns(self) -> list[dict]:
        """EntityRuler patterns for every capitalised surface form (CoNLL labels)."""
        patterns = []
        for key, surface in self.surfaces.items():
            for text in self._display_forms.get(key, ()):
                if text[:1].isupper() or text[:1].isdigit():
                    patterns.append({"label": surface.label, "pattern": text, "id": surface.actor_id})
        patterns.sort(key=lambda p: (p["pattern"], p["label"]))
        return patterns

    _display_forms: dict[str, set[str]] = field(default_factory=dict)

    def add_surface(self, text: str, actor_id: str, via: str, label: str, override: bool = False) -> None:
        key = normalise_name(text)
        if not key:
            return
        if override or key not in self.surfaces:
            self.surfaces[key] = Surface(actor_id, via, label)
        self._display_forms.setdefault(key, set()).add(text.strip())


def alias_file_path() -> Path:
    """The user alias file in use: ``$KRONIEK_ALIASES`` if set, else the shipped one."""
    override = os.environ.get(ALIASES_ENV)
    return Path(override) if override else DATA_DIR / "aliases.csv"


def _babel_countries() -> dict[str, str]:
    """ISO 3166 alpha-3 -> Dutch country name, from CLDR via Babel."""
    names = {}
    for alpha2, name in Locale("nl").territories.items():
        country = pycountry.countries.get(alpha_2=alpha2) if len(alpha2) == 2 and alpha2.isalpha() else None
        if country is not None:
            names[country.alpha_3] = name
    return names


# Languages whose names of countries news quotes ("España", "Deutschland", "United Kingdom").
_FOREIGN_LOCALES = ("en", "de", "fr", "es", "it", "pt")


@functools.lru_cache(maxsize=1)
def foreign_country_names() -> dict[str, str]:
    """Normalised name of a country in another language -> ISO 3166 alpha-3 (CLDR via Babel)."""
    names = {}
    for locale in _FOREIGN_LOCALES:
        for alpha2, name in Locale(locale).territories.items():
            country = pycountry.countries.get(alpha_2=alpha2) if len(alpha2) == 2 and alpha2.isalpha() else None
            if country is not None:
                names.setdefault(normalise_name(name), country.alpha_3)
    return names


def _fingerprint(paths: list[Path], extra: str = "") -> str:
    digest = hashlib.sha256(extra.encode())
    for path in paths:
        digest.update(path.name.encode())
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@functools.lru_cache(maxsize=4)
def _load(alias_path: str, mtime: float) -> Gazetteer:
    gaz = Gazetteer()
    gaz.alias_file = alias_path

    for iso3, name in _babel_countries().items():
        gaz.entries[iso3] = Entry(iso3, name, "country", "LOC", iso3)
        gaz.add_surface(name, iso3, "gazetteer", "LOC")
    for row in read_csv("countries_nl.csv"):
        iso3 = row["iso3"]
        gaz.entries[iso3] = Entry(iso3, row["name"], "country", "LOC", iso3)
        for variant in [row["name"], *row["variants"].split("|")]:
            if variant:
                gaz.add_surface(variant, iso3, "gazetteer", "LOC", override=True)
        for word in [*row["adjectives"].split("|"), *row["demonyms"].split("|")]:
            if word:
                gaz.add_surface(word, iso3, "adjective", "MISC")
    for row in read_csv("actors.csv"):
        aliases = tuple(a for a in row["aliases"].split("|") if a)
        entry = Entry(row["actor_id"], row["name"], row["actor_type"], row["label"], row["country"], row["role"], aliases)
        gaz.entries[entry.actor_id] = entry
        for alias in (entry.name, *aliases):
            gaz.add_surface(alias, entry.actor_id, "gazetteer", entry.label, override=True)
    for row in read_csv("places.csv"):  # Dutch municipalities, provinces, regions; a few cities abroad
        actor_id = _place_id(row["name"])
        gaz.entries.setdefault(actor_id, Entry(actor_id, row["name"], "place", "LOC"))
        for name in [row["name"], *row["variants"].split("|")]:
            if name and normalise_name(name) not in gaz.surfaces:
                gaz.add_surface(name, actor_id, "gazetteer", "LOC")
    for row in read_csv("metonyms.csv"):  # the government where the place acts, the place otherwise
        gaz.add_surface(row["name"], row["actor_id"], "metonymy", "LOC", override=True)
        place = row["place"] or row["name"]
        place_id = gaz.surfaces[normalise_name(place)].actor_id if normalise_name(place) in gaz.surfaces else ""
        if not place_id.startswith("loc:"):
            place_id = _place_id(place)
            gaz.entries.setdefault(place_id, Entry(place_id, place, "place", "LOC"))
        gaz.metonym_places[normalise_name(row["name"])] = place_id

    path = Path(alias_path)
    used = []
    if path.exists():
        for line, row in enumerate(read_csv(path), start=2):
            action, name, target = row.get("action", ""), row.get("name", ""), row.get("target", "")
            if action == "alias" and name and target:
                label = gaz.entries[target].label if target in gaz.entries else "MISC"
                gaz.add_surface(name, target, "alias", label, override=True)
            elif action == "exclude" and name and not is_actor_id(name):
                gaz.excluded.add(normalise_name(name))
            elif action in ("merge", "type", "exclude"):
                continue  # corrections of actors: applied to stored mentions (actors/corrections.py)
            elif action:
                raise ValueError(f"{path}:{line}: unknown action '{action}' (alias, merge, type or exclude)")
            else:
                continue
            used.append(f"{action},{name},{target}")
    # Only what changes the NER ruler or the spans counted is part of the cache key, so a
    # correction (merge, type, exclude of an actor id) never re-runs the NLP.
    gaz.fingerprint = _fingerprint([DATA_DIR / name for name in KEYED_FILES], extra="\n".join(used))
    return gaz


def _place_id(name: str) -> str:
    key = normalise_name(name)
    return "loc:" + re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()).strip("-")


def is_actor_id(name: str) -> bool:
    """"per:thierry-baudet", "org:co2", "NLD" (a country's ISO code) are actor ids."""
    return ":" in name or (len(name) == 3 and name.isalpha() and name.isupper())


def load_gazetteer() -> Gazetteer:
    """The gazetteer for the current alias file (reloaded when the file changes)."""
    path = alias_file_path()
    mtime = path.stat().st_mtime if path.exists() else 0.0
    return _load(str(path), mtime)
