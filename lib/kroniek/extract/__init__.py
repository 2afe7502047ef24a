"""Extract: spaCy Doc -> rows of the tables.  Four extractors (actors, money, timex, events),
the per-article step that runs them (:mod:`~kroniek.extract.article`), happenings, and the one
corpus-level step (:mod:`~kroniek.extract.corpus`) that turns per-article rows and the
user's corrections into the corpus tables.

Names are imported on first use: the corpus step needs no spaCy, the per-article step does.
"""

from kroniek import lazy_exports

_ARTICLE = "kroniek.extract.article"
_CORPUS = "kroniek.extract.corpus"
__getattr__ = lazy_exports(__name__, {
    "ArticleExtraction": _ARTICLE,
    "ExtractionFailure": _ARTICLE,
    "SentenceIndex": _ARTICLE,
    "extract_article": _ARTICLE,
    "extract_articles": _ARTICLE,
    "extract_articles_safely": _ARTICLE,
    "extract_doc": _ARTICLE,
    "to_frames": _ARTICLE,
    "actors_table": _CORPUS,
    "corpus_tables": _CORPUS,
})
