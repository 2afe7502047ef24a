"""The per-article step: Article -> ArticleExtraction, the pipeline once, then every extractor.

``extract_articles`` streams a corpus through ``nlp.pipe`` (optionally with several
processes) and yields one :class:`ArticleExtraction` per article; what needs every
article (linking names across articles, the actors table, happenings) is the corpus
step, :func:`kroniek.extract.corpus.corpus_tables`.
"""

from __future__ import annotations

import bisect
import multiprocessing
from dataclasses import dataclass, field
from typing import Iterable, Iterator

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from kroniek.data.gazetteer import load_gazetteer
from kroniek.data.schema import frame
from kroniek.extract.actors import extract_mentions
from kroniek.extract.events import extract_events
from kroniek.extract.money import extract_money
from kroniek.extract.timex import extract_timexes
from kroniek.nlp import load_nlp
from kroniek.read import Article, Problem, article_row, date_bounds, parse_date


@dataclass
class ArticleExtraction:
    """Rows of the tables for one article (lists of dicts, columns as in schema.py)."""

    article: dict
    mentions: list[dict] = field(default_factory=list)
    money: list[dict] = field(default_factory=list)
    timexes: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    sentences: list[dict] = field(default_factory=list)
    roles: list[dict] = field(default_factory=list)

    @property
    def articles(self) -> list[dict]:
        return [self.article]

    def rows(self, table: str) -> list[dict]:
        return getattr(self, table)


def _sentences(doc: Doc):
    """Sentences that hold text; whitespace between paragraphs joins the previous one."""
    return [s for s in doc.sents if s.text.strip()]


@dataclass
class SentenceIndex:
    """Which sentence a character or token falls in (bisect over sentence starts)."""

    doc: Doc
    sents: list = field(init=False)

    def __post_init__(self) -> None:
        self.sents = _sentences(self.doc)
        self._starts_char = [s.start_char for s in self.sents]
        self._starts_tok = [s.start for s in self.sents]

    def of_char(self, char: int) -> int:
        return max(0, bisect.bisect_right(self._starts_char, char) - 1)

    def of_token(self, i: int) -> int:
        return max(0, bisect.bisect_right(self._starts_tok, i) - 1)

    def bounds(self, char: int) -> tuple[int, int]:
        if not self.sents:
            return 0, len(self.doc.text)
        s = self.sents[self.of_char(char)]
        return s.start_char, s.end_char


def extract_doc(doc: Doc, article: Article) -> ArticleExtraction:
    """Run every extractor on an already processed Doc."""
    text = article.text
    index = SentenceIndex(doc)
    sents = index.sents
    sentence_of_char, sentence_of_token, sentence_bounds = index.of_char, index.of_token, index.bounds

    gaz = load_gazetteer()
    interval = date_bounds(article.date) if article.date else None
    found = extract_mentions(doc, article.article_id, sentence_of_token, gaz)
    mentions = found.rows
    money = extract_money(text, doc, article.article_id, sentence_of_char, interval)
    timexes = extract_timexes(text, doc, article.article_id, article.date, sentence_of_char, sentence_bounds)
    iso_interval = (interval[0].isoformat(), interval[1].isoformat()) if interval else None
    roles = list(found.roles)
    named = {r["actor_id"] for r in roles}
    for actor_id in sorted({m["actor_id"] for m in mentions} - named):
        entry = gaz.entry(actor_id)
        if entry is not None and entry.role:
            roles.append({"article_id": article.article_id, "actor_id": actor_id, "role": entry.role, "country": entry.country})
    events = extract_events(doc, article.article_id, sents, mentions, timexes, money, iso_interval, article.content_hash, roles)
    sentences = [
        {"article_id": article.article_id, "sentence_id": k, "start": s.start_char, "end": s.end_char}
        for k, s in enumerate(sents)
    ]
    return ArticleExtraction(article_row(article), mentions, money, timexes, events, sentences, roles)


def extract_article(text: str, date: str | None = None, nlp: Language | None = None, article_id: str = "article") -> ArticleExtraction:
    """Extract one article's rows (the public single-article entry point)."""
    nlp = nlp or load_nlp()
    iso, _ = parse_date(date or "")
    article = Article(article_id, text, iso)
    return extract_doc(nlp(text), article)


@dataclass
class ExtractionFailure:
    """An article the pipeline or an extractor could not process, and why."""

    article: Article
    reason: str

    def problem(self) -> Problem:
        """The failure as a reader's problem: the article's file (or id) and line, and why."""
        return Problem(self.article.path or self.article.article_id, self.article.line, self.reason)


def extract_articles(
    articles: Iterable[Article],
    nlp: Language,
    n_process: int = 1,
    batch_size: int = 32,
) -> Iterator[ArticleExtraction]:
    """Stream articles through ``nlp.pipe`` and the extractors, in input order.

    Raises on the first failure; :func:`extract_articles_safely` lists failures instead.
    """
    for result in extract_articles_safely(articles, nlp, n_process, batch_size, raise_errors=True):
        assert isinstance(result, ArticleExtraction)
        yield result


def extract_articles_safely(
    articles: Iterable[Article],
    nlp: Language,
    n_process: int = 1,
    batch_size: int = 32,
    raise_errors: bool = False,
) -> Iterator[ArticleExtraction | ExtractionFailure]:
    """Like :func:`extract_articles`, but one failing article never stops the others:
    it is retried on its own and, if it still fails, yielded as an ExtractionFailure.

    With ``n_process`` > 1 each worker process runs the pipeline *and* the extractors on
    its share and sends back only rows: spaCy's own ``n_process`` would send every parsed
    Doc back to this process and run the extractors here, one core for all of them.
    """
    items = list(articles)
    if n_process > 1 and len(items) > batch_size:
        yield from _extract_in_workers(items, nlp, n_process, batch_size, raise_errors)
        return
    for start in range(0, len(items), max(batch_size * max(n_process, 1) * 8, 1)):
        chunk = items[start : start + max(batch_size * max(n_process, 1) * 8, 1)]
        try:
            docs = list(nlp.pipe(((a.text, a) for a in chunk), as_tuples=True, n_process=n_process, batch_size=batch_size))
        except Exception:
            if raise_errors:
                raise
            docs = []
            for a in chunk:
                try:
                    docs.append((nlp(a.text), a))
                except Exception as exc:  # the pipeline itself failed on this article
                    docs.append((None, a, f"NLP pipeline failed: {type(exc).__name__}: {exc}"))  # type: ignore[arg-type]
        for item in docs:
            if item[0] is None:
                yield ExtractionFailure(item[1], item[2])  # type: ignore[misc]
                continue
            doc, article = item[0], item[1]
            try:
                yield extract_doc(doc, article)
            except Exception as exc:
                if raise_errors:
                    raise
                yield ExtractionFailure(article, f"extraction failed: {type(exc).__name__}: {exc}")


_WORKER_NLP: Language | None = None


def _extract_chunk(args: tuple[list[Article], int, bool]) -> list[ArticleExtraction | ExtractionFailure]:
    chunk, batch_size, raise_errors = args
    return list(extract_articles_safely(chunk, _WORKER_NLP, 1, batch_size, raise_errors))


def _extract_in_workers(
    items: list[Article], nlp: Language, n_process: int, batch_size: int, raise_errors: bool
) -> Iterator[ArticleExtraction | ExtractionFailure]:
    """Forked workers inherit the loaded pipeline (no second load, pages shared); results
    come back in input order."""
    global _WORKER_NLP
    _WORKER_NLP = nlp
    chunks = [(items[i : i + batch_size], batch_size, raise_errors) for i in range(0, len(items), batch_size)]
    with multiprocessing.get_context("fork").Pool(n_process) as pool:
        for results in pool.imap(_extract_chunk, chunks):
            yield from results


def to_frames(extractions: Iterable[ArticleExtraction]) -> dict[str, pd.DataFrame]:
    """Per-article rows -> one DataFrame per table (before corpus-level steps)."""
    collected: dict[str, list[dict]] = {name: [] for name in ("articles", "mentions", "money", "timexes", "events", "sentences", "roles")}
    for ex in extractions:
        for name in collected:
            collected[name].extend(ex.rows(name))
    return {name: frame(name, rows) for name, rows in collected.items()}
