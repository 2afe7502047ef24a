"""Turn entity spans into canonical actors.

* :mod:`kroniek.actors.names`: shapes of names (particles, family name first, titles);
* :mod:`kroniek.actors.not_actors`: formulas, units, events, books, laws: never actors;
* :mod:`kroniek.actors.mentions`: one article's spans -> mention rows;
* :mod:`kroniek.actors.linking`: one name, one referent within an article;
* :mod:`kroniek.actors.corpus`: the same referent under one actor across articles;
* :mod:`kroniek.actors.corrections`: the user's corrections applied to stored mentions.
"""

from kroniek.actors.corpus import link_across_articles, resolve_corpus, surname_links
from kroniek.actors.base import ACTOR_TYPES, VIA_VALUES, Resolved, slug
from kroniek.actors.linking import link_organisations_in_article, link_persons_in_article, propagate_names
from kroniek.actors.mentions import MentionResult, extract_mentions, resolve_span, role_of
from kroniek.actors.names import compatible_first_names, surname_of

__all__ = [
    "ACTOR_TYPES",
    "VIA_VALUES",
    "MentionResult",
    "Resolved",
    "compatible_first_names",
    "extract_mentions",
    "link_across_articles",
    "link_organisations_in_article",
    "link_persons_in_article",
    "propagate_names",
    "resolve_corpus",
    "resolve_span",
    "role_of",
    "slug",
    "surname_links",
    "surname_of",
]
