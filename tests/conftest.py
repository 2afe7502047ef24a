"""Shared fixtures: the seed article, the shared corpora (skipped cleanly when absent)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))
sys.path.insert(0, str(ROOT / "scripts"))  # browsing: Chromium helpers shared with the screenshots
CORPORA = Path(os.environ.get("KRONIEK_CORPORA", ROOT.parent / "shared" / "corpora"))
SEED = ROOT / "seeds" / "000_8432a360b6a1ac58.txt"


def corpus_file(*parts: str) -> Path:
    """A file of ../shared/corpora, or skip the test with a clear reason."""
    path = CORPORA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared corpus file not available: {path}")
    return path


@pytest.fixture(scope="session")
def nlp():
    from kroniek import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_article():
    from kroniek.read import read_corpus

    result = read_corpus([ROOT / "seeds"])
    assert not result.problems
    return result.articles[0]


@pytest.fixture(scope="session")
def seed_extraction(nlp, seed_article):
    from kroniek import extract_article

    return extract_article(seed_article.text, seed_article.date, nlp, article_id=seed_article.article_id)


@pytest.fixture()
def downloads(monkeypatch) -> dict[str, object]:
    """What a click on a download button would fetch, by the button's file id.

    The dashboard builds its files only when a button is clicked (deferred downloads);
    the test asks for that file the way the browser does, through the media manager.
    Streamlit is imported here, not at the top, so tests without the dashboard skip it."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    captured: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def recording(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        file_id = original(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)
        captured[file_id] = data_callable
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", recording)
    return captured


@dataclass(frozen=True)
class CorpusCache:
    """A corpus extracted into an extraction cache (the dashboard's ``KRONIEK_CACHE``)."""

    root: Path
    articles: list
    store: object


@pytest.fixture(scope="session")
def dpg_cache(tmp_path_factory) -> CorpusCache:
    """dpg-news-2019 (1,141 articles) extracted once per session: the slowest step of the
    suite, shared by every test that needs the whole corpus (the dashboard reads the same
    cache as a user's second start would).  $KRONIEK_DPG_CACHE names a cache to reuse."""
    from kroniek.read import read_corpus
    from kroniek.nlp import load_nlp, pipeline_key
    from kroniek.build import build_tables
    from kroniek.store.cache import Store

    articles = read_corpus([corpus_file("dpg-news-2019", "articles.jsonl")]).articles
    root = Path(os.environ.get("KRONIEK_DPG_CACHE") or tmp_path_factory.mktemp("dpg-cache"))
    store = Store(pipeline_key(), root)
    failures: list = []
    build_tables(articles, store, load_nlp, n_process=2, failures=failures)
    assert not failures, failures
    return CorpusCache(root, articles, store)


@pytest.fixture(scope="session", autouse=True)
def isolated_cache(tmp_path_factory):
    """Every test session gets its own extraction cache."""
    path = tmp_path_factory.mktemp("kroniek-cache")
    os.environ["KRONIEK_CACHE"] = str(path)
    yield path


def open_dashboard(page: str | None = None, timeout: int = 300):
    """The dashboard in Streamlit's AppTest, switched to ``page``, with no exception shown."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=timeout)
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at
