"""Load the spaCy pipeline used for extraction, and map its NER labels.

``load_nlp()`` picks, in order: the name passed in, the ``KRONIEK_MODEL`` environment
variable (an installed package such as ``nl_core_news_lg``, a path, or ``kroniek:fast``
for the shipped pipeline with one NER instead of the vote of three), the Dutch
pipeline shipped inside this package (``kroniek/models/nl_news``), and, when none of
those exists, a blank Dutch pipeline with a rule-based sentence splitter.  Whatever is
loaded gets two Kroniek stages added at load time, so that editing the data files
never requires retraining:

* ``kroniek_split_names`` splits name compounds such as "Ryanair-vliegtuig" into
  "Ryanair", "-", "vliegtuig", so the name becomes its own token and can be an entity;
* ``kroniek_gazetteer``, a spaCy EntityRuler before the statistical NER, with patterns
  from :mod:`kroniek.data.gazetteer`; the NER keeps the entities it sets.

All label mapping between CoNLL-2002 (PER/ORG/LOC/MISC) and OntoNotes
(PERSON/ORG/GPE/NORP/...) lives here, in :data:`LABEL_MAP`.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from kroniek import EXTRACTION_VERSION
from kroniek.data.gazetteer import load_gazetteer
from kroniek.read import MAX_ARTICLE_CHARS  # readers refuse longer articles with a message

if TYPE_CHECKING:  # spaCy is imported when a pipeline is loaded, not when the dashboard
    from spacy.language import Language  # opens saved tables (its import takes seconds)

MODEL_ENV = "KRONIEK_MODEL"
SHIPPED_MODEL = Path(__file__).resolve().parents[1] / "models" / "nl_news"
BLANK_NAME = "blank:nl"
# The shipped pipeline with the first member of its NER vote alone: about 1.5 times the
# speed for a corpus too large to wait for, at the one-model NER figure (model card).
FAST_NAME = "kroniek:fast"

# Canonical labels are CoNLL-2002's; other schemes map onto them.  None = not an actor.
LABEL_MAP: dict[str, str | None] = {
    "PER": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
    "MISC": "MISC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
    "DATE": None,
    "TIME": None,
    "MONEY": None,
    "PERCENT": None,
    "QUANTITY": None,
    "ORDINAL": None,
    "CARDINAL": None,
}


def canonical_label(label: str) -> str | None:
    """The CoNLL-2002 label for any pipeline's entity label (None: not an actor)."""
    return LABEL_MAP.get(label.upper(), "MISC")


@dataclass(frozen=True)
class PipelineInfo:
    name: str
    version: str
    source: str  # shipped / installed / blank
    components: tuple[str, ...]
    labels: tuple[str, ...]
    scores: dict
    key: str  # identifies the pipeline and the extraction code; part of the cache key


def resolve_name(name: str | None = None) -> str:
    if name:
        return name
    env = os.environ.get(MODEL_ENV, "").strip()
    if env:
        return env
    if (SHIPPED_MODEL / "config.cfg").exists():
        return str(SHIPPED_MODEL)
    return BLANK_NAME


def _read_meta(name: str) -> dict:
    """The pipeline's meta.json without loading it (for the cache key)."""
    if name == BLANK_NAME:
        return {"name": "blank_nl", "version": metadata.version("spacy")}
    if name == FAST_NAME:
        meta = _read_meta(str(SHIPPED_MODEL))
        return {**meta, "name": f"{meta.get('name', 'news')}_fast"}
    path = Path(name)
    if not path.exists():
        try:
            from spacy.util import get_package_path  # only for an installed package: spaCy's import takes seconds

            path = get_package_path(name)
            metas = sorted(path.glob("*/meta.json"))
            return json.loads(metas[-1].read_text()) if metas else {"name": name}
        except Exception:
            return {"name": name}
    meta = path / "meta.json"
    return json.loads(meta.read_text()) if meta.exists() else {"name": path.name}


def pipeline_key(name: str | None = None) -> str:
    """A stable key for (pipeline, Kroniek extraction code, gazetteer data)."""
    resolved = resolve_name(name)
    meta = _read_meta(resolved)
    return f"{meta.get('lang', 'nl')}_{meta.get('name', 'x')}-{meta.get('version', '0')}-x{EXTRACTION_VERSION}-g{load_gazetteer().fingerprint}"


def load_nlp(name: str | None = None, gazetteer: bool = True, consistent: bool = True) -> Language:
    """The spaCy pipeline for extraction, with Kroniek's stages around the NER.

    ``gazetteer`` puts the EntityRuler of known names before the NER (which keeps the
    entities it sets); ``consistent`` adds the one-label-per-name-per-article stage after
    it.  Both are on for extraction; ``kroniek eval ner`` can switch them off to measure
    what each does.
    """
    import spacy  # here, not at the top: reading a pipeline's name and key must not import spaCy

    import kroniek.nlp.components  # noqa: F401  (registers Kroniek's components; imports spaCy)

    resolved = resolve_name(name)
    if resolved == BLANK_NAME:
        nlp = spacy.blank("nl")
        nlp.add_pipe("sentencizer")
        source = "blank"
    elif resolved == FAST_NAME:
        members = spacy.util.load_config(SHIPPED_MODEL / "config.cfg")["components"]["ner"]["members"]
        nlp = spacy.load(SHIPPED_MODEL, config={"components.ner.members": members[:1]})
        source = _source(resolved)
    else:
        nlp = spacy.load(resolved)
        source = _source(resolved)
        if not {"parser", "senter", "sentencizer"} & set(nlp.pipe_names):
            nlp.add_pipe("sentencizer", first=True)
    nlp.max_length = MAX_ARTICLE_CHARS
    nlp.add_pipe("kroniek_split_names", first=True)
    has_ner = "ner" in nlp.pipe_names
    if gazetteer:
        position = {"before": "ner"} if has_ner else {}
        ruler = nlp.add_pipe("entity_ruler", name="kroniek_gazetteer", config={"overwrite_ents": True}, **position)
        with nlp.select_pipes(enable=[]):
            ruler.add_patterns(load_gazetteer().ruler_patterns())
    lemmatizer = next((p for p in ("trainable_lemmatizer", "lemmatizer") if p in nlp.pipe_names), None)
    if lemmatizer:
        nlp.add_pipe("kroniek_lemma_fallback", after=lemmatizer)
    if consistent and has_ner:
        nlp.add_pipe("kroniek_first_names", after="ner")
        nlp.add_pipe("kroniek_titled_names", after="kroniek_first_names")
        nlp.add_pipe("kroniek_consistent_names", after="kroniek_titled_names")
    nlp.meta.setdefault("kroniek", {})
    nlp.meta["kroniek"] = {"source": source, "resolved": resolved, "key": pipeline_key(name)}
    return nlp


def pipeline_info(nlp: Language) -> PipelineInfo:
    meta = nlp.meta
    labels = set()
    for pipe_name in nlp.pipe_names:
        pipe = nlp.get_pipe(pipe_name)
        if pipe_name == "ner" or pipe_name == "kroniek_gazetteer":
            labels.update(getattr(pipe, "labels", ()))
    kroniek_meta = meta.get("kroniek", {})
    return PipelineInfo(
        name=meta.get("name", "?"),
        version=meta.get("version", "?"),
        source=kroniek_meta.get("source", "installed"),
        components=tuple(nlp.pipe_names),
        labels=tuple(sorted(labels)),
        scores=meta.get("performance", {}) or {},
        key=kroniek_meta.get("key", ""),
    )


def _source(resolved: str) -> str:
    if resolved == BLANK_NAME:
        return "blank"
    if resolved == FAST_NAME:
        return "shipped, fast: one NER instead of the vote, so its NER figure is the one-model k-fold"
    return "shipped" if Path(resolved).resolve() == SHIPPED_MODEL else "installed"


def describe_pipeline(name: str | None = None) -> dict:
    """Name, version, source, description and scores of a pipeline, without loading it."""
    resolved = resolve_name(name)
    meta = _read_meta(resolved)
    source = _source(resolved)
    scores = {}
    for key, value in (meta.get("performance") or {}).items():
        if isinstance(value, (int, float)) and value is not None:
            scores[key] = round(float(value), 4)
    return {
        "name": meta.get("name", resolved),
        "version": meta.get("version", ""),
        "source": source,
        "description": meta.get("description", ""),
        "scores": scores,
    }
