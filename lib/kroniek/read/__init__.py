"""Read: corpus files and uploads -> articles, with every refused input named (file, line).

The first stage: nothing here knows about language.  :mod:`kroniek.read.articles` holds the
article value and its dates, :mod:`kroniek.read.readers` one reader per format.
"""

from kroniek.read.articles import MAX_ARTICLE_CHARS, Article, CorpusError, Problem, ReadResult  # noqa: F401
from kroniek.read.articles import article_row, date_bounds, date_precision, parse_date  # noqa: F401
from kroniek.read.readers import COLUMNS, MAX_EXPANDED_BYTES, SUPPORTED_SUFFIXES  # noqa: F401
from kroniek.read.readers import drop_duplicates, iter_corpus_files, read_bytes, read_corpus  # noqa: F401
