"""The extraction cache: a second start does no NLP work; new articles only are extracted."""

from __future__ import annotations

from kroniek.read import Article
from kroniek.nlp import load_nlp
from kroniek.build import build_tables
from kroniek.store.cache import Store

TEXTS = [
    "Premier Rutte sprak dinsdag met Poetin over een lening van 5 miljoen euro.",
    "De Europese Unie kondigde vorige week sancties aan tegen Wit-Rusland.",
]


def _articles():
    return [Article(f"a{i}", t, "2019-02-12", f"titel {i}", "AD", f"a{i}.txt") for i, t in enumerate(TEXTS)]


class Factory:
    """Counts how often the pipeline had to be loaded."""

    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return load_nlp()


def test_second_run_loads_no_pipeline_and_gives_the_same_tables(tmp_path):
    store = Store("test-key", tmp_path)
    first_factory, second_factory = Factory(), Factory()
    first, n_first = build_tables(_articles(), store, first_factory)
    second, n_second = build_tables(_articles(), store, second_factory)
    assert (n_first, first_factory.calls) == (2, 1)
    assert (n_second, second_factory.calls) == (0, 0)
    for name in first:
        assert first[name].equals(second[name]), name
    assert list(second["money"]["text"]) == ["5 miljoen euro"]


def test_adding_one_article_extracts_only_that_one(tmp_path):
    store = Store("test-key", tmp_path)
    build_tables(_articles(), store, Factory())
    more = _articles() + [Article("a2", "Gisteren betaalde Shell een boete van 2 miljard dollar.", "2019-02-13")]
    tables, n_new = build_tables(more, store, Factory())
    assert n_new == 1
    assert sorted(tables["articles"]["article_id"]) == ["a0", "a1", "a2"]
    assert sorted(tables["money"]["article_id"]) == ["a0", "a2"]


def test_renamed_article_reuses_its_rows_under_the_new_id(tmp_path):
    store = Store("test-key", tmp_path)
    build_tables(_articles(), store, Factory())
    renamed = [Article("nieuw", TEXTS[0], "2019-02-12", "titel 0", "AD", "nieuw.txt")]
    tables, n_new = build_tables(renamed, store, Factory())
    assert n_new == 0
    assert set(tables["mentions"]["article_id"]) == {"nieuw"}


def test_a_changed_date_is_a_new_extraction(tmp_path):
    store = Store("test-key", tmp_path)
    build_tables(_articles(), store, Factory())
    moved = [Article("a0", TEXTS[0], "2019-03-12")]
    _, n_new = build_tables(moved, store, Factory())
    assert n_new == 1


def test_pipeline_key_separates_caches(tmp_path):
    build_tables(_articles(), Store("model-a", tmp_path), Factory())
    factory = Factory()
    _, n_new = build_tables(_articles(), Store("model-b", tmp_path), factory)
    assert (n_new, factory.calls) == (2, 1)


def test_worker_processes_give_the_rows_of_one_process_in_input_order(nlp):
    from kroniek.extract import ExtractionFailure, extract_articles_safely

    texts = [
        "Minister Karin Bakkerveld opende vrijdag de brug van 12 miljoen euro.",
        "Poetin sprak in Moskou met Loekasjenko over een lening van 630 miljoen dollar.",
        "Ryanair landde vorig jaar in augustus in Minsk.",
        "De NAVO vergaderde dinsdag in Brussel.",
        "Het kabinet trok tussen de 5 en 6 miljard euro uit.",
    ]
    articles = [Article(article_id=f"a{k}", text=t, date="2021-09-10") for k, t in enumerate(texts)]
    one = list(extract_articles_safely(articles, nlp, n_process=1, batch_size=2))
    two = list(extract_articles_safely(articles, nlp, n_process=2, batch_size=2))
    assert not any(isinstance(r, ExtractionFailure) for r in one + two)
    assert [r.article["article_id"] for r in two] == ["a0", "a1", "a2", "a3", "a4"]
    for name in ("mentions", "money", "timexes", "events", "sentences"):
        assert [r.rows(name) for r in two] == [r.rows(name) for r in one]
    assert [m["text"] for m in two[4].money] == ["tussen de 5 en 6 miljard euro"]
