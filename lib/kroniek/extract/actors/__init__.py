"""Actors: entity spans -> canonical actors, within an article and across the corpus.

* :mod:`kroniek.extract.actors.names`: shapes of names (particles, family name first, titles);
* :mod:`kroniek.extract.actors.not_actors`: formulas, units, events, books, laws: never actors;
* :mod:`kroniek.extract.actors.mentions`: one article's spans -> mention rows;
* :mod:`kroniek.extract.actors.linking`: one name, one referent within an article;
* :mod:`kroniek.extract.actors.corpus`: the same referent under one actor across articles;
* :mod:`kroniek.extract.actors.corrections`: the user's corrections applied to stored mentions.
"""

from kroniek import lazy_exports

_MODULES = {
    "kroniek.extract.actors.base": ("ACTOR_TYPES", "VIA_VALUES", "Resolved", "slug"),
    "kroniek.extract.actors.corpus": ("link_across_articles", "resolve_corpus", "surname_links"),
    "kroniek.extract.actors.linking": ("link_organisations_in_article", "link_persons_in_article", "propagate_names"),
    "kroniek.extract.actors.mentions": ("MentionResult", "extract_mentions", "resolve_span", "role_of"),
    "kroniek.extract.actors.names": ("compatible_first_names", "surname_of"),
}
# On first use: the corpus step reads the corpus-level modules without importing spaCy.
__getattr__ = lazy_exports(__name__, {name: module for module, names in _MODULES.items() for name in names})
