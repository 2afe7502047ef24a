"""Query: one :class:`Filters` value applied to the corpus tables, and every SQL statement.

The tables of a corpus live in one in-memory DuckDB database (:mod:`~kroniek.query.database`);
a :class:`Query` is one session's filtered view of them (:mod:`~kroniek.query.filtered`),
whose named methods answer the pages' questions (``actors.py``, ``money.py``,
``chronology.py``, ``articles.py``).  No SQL and no view name leaves this package.
"""

from kroniek.query.database import CorpusData
from kroniek.query.filtered import Query, apply
from kroniek.query.filters import Filters
from kroniek.query.sql import sql_list

__all__ = ["CorpusData", "Filters", "Query", "apply", "sql_list"]
