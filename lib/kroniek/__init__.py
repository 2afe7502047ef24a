"""Kroniek: who is mentioned, how much money is at stake and what happened when, in Dutch news."""

from __future__ import annotations

__version__ = "0.1.0"
# Bump when extraction output changes, so cached rows of older code are not reused.
EXTRACTION_VERSION = "1"

from kroniek.nlp import load_nlp  # noqa: E402
from kroniek.extract import ArticleExtraction, extract_article  # noqa: E402
from kroniek.corpus import Article, read_corpus  # noqa: E402

__all__ = ["load_nlp", "extract_article", "ArticleExtraction", "Article", "read_corpus", "__version__"]
