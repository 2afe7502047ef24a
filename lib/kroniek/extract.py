"""Article -> ArticleExtraction: run the pipeline once, then every extractor on the Doc.

``extract_articles`` streams a corpus through ``nlp.pipe`` (optionally with several
processes) and yields one :class:`ArticleExtraction` per article; corpus-level steps
(linking surnames across articles, the actors table, happenings) happen in :func:`corpus_tables`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Mapping

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from kroniek.actors import extract_mentions, resolve_corpus
from kroniek.actors.corrections import apply_corrections, correct_event_roles, corrected_names, known_actors, read_corrections
from kroniek.actors.recall import recall_mentions
from kroniek.corpus import Article, date_bounds
from kroniek.events import extract_events
from kroniek.gazetteer import alias_file_path, load_gazetteer
from kroniek.happenings import group_events
from kroniek.money import extract_money
from kroniek.schema import conform, frame
from kroniek.timex import extract_timexes


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


def article_row(article: Article) -> dict:
    return {
        "article_id": article.article_id,
        "title": article.title,
        "date": article.date,
        "date_precision": article.date_precision,
        "source": article.source,
        "path": article.path,
        "n_words": article.n_words,
    }


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
    events = extract_events(doc, article.article_id, sents, mentions, timexes, money, iso_interval, article.content_hash)
    sentences = [
        {"article_id": article.article_id, "sentence_id": k, "start": s.start_char, "end": s.end_char}
        for k, s in enumerate(sents)
    ]
    roles = list(found.roles)
    named = {r["actor_id"] for r in roles}
    for actor_id in sorted({m["actor_id"] for m in mentions} - named):
        entry = gaz.entry(actor_id)
        if entry is not None and entry.role:
            roles.append({"article_id": article.article_id, "actor_id": actor_id, "role": entry.role, "country": entry.country})
    return ArticleExtraction(article_row(article), mentions, money, timexes, events, sentences, roles)


def extract_article(text: str, date: str | None = None, nlp: Language | None = None, article_id: str = "article") -> ArticleExtraction:
    """Extract one article's rows (the public single-article entry point)."""
    from kroniek.corpus import parse_date
    from kroniek.nlp import load_nlp

    nlp = nlp or load_nlp()
    iso, _ = parse_date(date or "")
    article = Article(article_id, text, iso)
    return extract_doc(nlp(text), article)


@dataclass
class ExtractionFailure:
    """An article the pipeline or an extractor could not process, and why."""

    article: Article
    reason: str


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
    import multiprocessing

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


def corpus_tables(
    tables: dict[str, pd.DataFrame],
    known: Iterable[tuple[str, str]] = (),
    corrections: bool = True,
    texts: Mapping[str, str] | None = None,
) -> dict[str, pd.DataFrame]:
    """Corpus-level steps: link surnames across articles, find the corpus's known names
    where the NER missed them (``actors.recall``, needs the article ``texts`` by id),
    build the actors table and group the events into happenings (``happenings.group_events``).

    ``known`` adds (actor_id, full name) pairs of persons named elsewhere (the corpus an
    upload joins), so a surname in the new articles can link to them.  ``corrections``
    applies the user's corrections of the alias file; the dashboard applies them itself
    on top of its saved tables (so an undo needs no new corpus step).
    """
    mentions = tables["mentions"]
    events = tables.get("events")
    if len(mentions):
        mentions = link_mentions(mentions, known)
        if texts:
            mentions = recall_mentions(mentions, texts, tables.get("sentences"))
        if corrections:
            fixes = read_corrections(alias_file_path())
            if events is not None:
                events = correct_event_roles(events, corrected_names(mentions, fixes, known_actors()))
            mentions = apply_corrections(mentions, fixes, known_actors())
    out = dict(tables)
    out["mentions"] = mentions
    out["actors"] = actors_table(mentions, tables.get("roles"))
    if events is not None:
        out["events"], out["happenings"] = group_events(events, tables.get("articles"))
    return out


def link_mentions(mentions: pd.DataFrame, known: Iterable[tuple[str, str]] = ()) -> pd.DataFrame:
    """The mentions with one actor per referent across the corpus (see ``actors.corpus``)."""
    return resolve_corpus(mentions, known)


def actors_table(mentions: pd.DataFrame, roles: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per actor; aggregations without per-group Python so 120k articles stay fast."""
    if mentions.empty:
        return frame("actors")
    grouped = mentions.groupby("actor_id", sort=False)
    actors = grouped.agg(
        actor=("actor", "first"),
        actor_type=("actor_type", "first"),
        n_mentions=("text", "size"),
        n_articles=("article_id", "nunique"),
    )
    with_country = mentions[mentions["country"].fillna("") != ""]
    actors["country"] = with_country.groupby("actor_id", sort=False)["country"].first()
    aliases = mentions[["actor_id", "text"]].drop_duplicates().sort_values(["actor_id", "text"])
    actors["aliases"] = aliases.groupby("actor_id", sort=False)["text"].agg("|".join)
    actors["role"] = ""
    if roles is not None and len(roles):
        named = roles[roles["role"].fillna("") != ""][["actor_id", "role"]].drop_duplicates()
        role_text = named.sort_values(["actor_id", "role"]).groupby("actor_id", sort=False)["role"].agg("|".join)
        actors["role"] = role_text.reindex(actors.index)
    actors = actors.reset_index()
    actors["country"] = actors["country"].fillna("")
    actors["role"] = actors["role"].fillna("")
    actors = actors.sort_values(["n_mentions", "actor"], ascending=[False, True])
    return conform("actors", actors)
