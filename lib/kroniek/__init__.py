"""Kroniek: who is mentioned, how much money is at stake and what happened when, in Dutch news.

The packages follow the one data flow: read -> nlp -> extract -> store -> query -> charts ->
app (see DESIGN.md); ``data`` holds what every stage reads.
"""

from __future__ import annotations

import importlib
from typing import Callable, Mapping

__version__ = "0.1.0"
# Bump when extraction output changes, so cached rows of older code are not reused.
EXTRACTION_VERSION = "10"

__all__ = ["load_nlp", "extract_article", "ArticleExtraction", "Article", "read_corpus", "__version__"]


def lazy_exports(package: str, exports: Mapping[str, str]) -> Callable[[str], object]:
    """A module ``__getattr__`` that imports ``exports[name]`` on first use: the dashboard
    opening saved tables never pays for spaCy, which the extractors import."""

    def attribute(name: str) -> object:
        if name in exports:
            return getattr(importlib.import_module(exports[name]), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return attribute


__getattr__ = lazy_exports(__name__, {
    "load_nlp": "kroniek.nlp",
    "extract_article": "kroniek.extract.article",
    "ArticleExtraction": "kroniek.extract.article",
    "Article": "kroniek.read",
    "read_corpus": "kroniek.read",
})
