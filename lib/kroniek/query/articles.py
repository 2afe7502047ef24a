"""Articles: the questions the article reader asks (the filtered list, one article and its rows)."""

from __future__ import annotations

import pandas as pd

from kroniek.query.shared import shared

READER_TABLES = ("mentions", "money", "timexes", "events")


class ArticleViews:
    """Queries behind the Articles page and the source-sentence panel (a mixin of
    :class:`~kroniek.query.filtered.Query`).  One article is read whatever the filters: a
    shared link to an article outside them still opens it."""

    @shared(mentions=False)
    def article_list(self, limit: int) -> pd.DataFrame:
        """Id and title of the latest ``limit`` filtered articles."""
        return self._df(f"SELECT article_id, title FROM f_articles ORDER BY date DESC, article_id LIMIT {int(limit)}")

    @shared(unfiltered=True)
    def has_article(self, article_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE article_id = ?", [article_id]).fetchall() != []

    @shared(unfiltered=True)
    def article(self, article_id: str) -> pd.Series:
        """The articles row of one article."""
        return self._df("SELECT * FROM articles WHERE article_id = ?", [article_id]).iloc[0]

    @shared(unfiltered=True)
    def sentence_span(self, article_id: str, sentence_id: int) -> tuple[int, int] | None:
        """Start and end offset of one sentence in its article's text."""
        row = next(iter(self.con.execute('SELECT start, "end" FROM sentences WHERE article_id = ? AND sentence_id = ?', [article_id, sentence_id]).fetchall()), None)
        return (int(row[0]), int(row[1])) if row else None

    @shared(unfiltered=True)
    def article_rows(self, article_id: str) -> dict[str, pd.DataFrame]:
        """One article's rows of the mentions, money, timexes and events tables."""
        return {name: self._df(f"SELECT * FROM {name} WHERE article_id = ?", [article_id]) for name in READER_TABLES}

    @shared(unfiltered=True)
    def titles(self, article_ids: list[str]) -> pd.DataFrame:
        """Title and date of some articles (the source-sentence panel's captions)."""
        return self._df("SELECT article_id, title, date FROM articles WHERE article_id = ANY(?)", [article_ids])
