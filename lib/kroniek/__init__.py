"""Kroniek: who is mentioned, how much money is at stake and what happened when, in Dutch news."""

from __future__ import annotations

__version__ = "0.1.0"
# Bump when extraction output changes, so cached rows of older code are not reused.
EXTRACTION_VERSION = "5"

__all__ = ["load_nlp", "extract_article", "ArticleExtraction", "Article", "read_corpus", "__version__"]

_EXPORTS = {
    "load_nlp": "kroniek.nlp",
    "extract_article": "kroniek.extract",
    "ArticleExtraction": "kroniek.extract",
    "Article": "kroniek.corpus",
    "read_corpus": "kroniek.corpus",
}


def __getattr__(name: str):
    """Import on first use: the dashboard opening saved tables never pays for spaCy."""
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'kroniek' has no attribute {name!r}")
