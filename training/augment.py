"""Entity-substitution augmentation for NER training (``--code training/augment.py``).

Each training example is kept, and with probability ``prob`` a copy is added in which
every entity is replaced by another name of the same label: names seen in the training
data, plus the names Kroniek's gazetteer knows (today's leaders, countries, capitals,
organisations and companies).  The model so sees more names in the same contexts and
leans less on memorised ones.  Names are drawn from ``ner-train.spacy`` itself, never
from the development file.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Callable, Iterator

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import Example

ROOT = Path(__file__).resolve().parents[1]


def _name_pool(train_path: Path, nlp) -> dict[str, list[list[str]]]:
    pool: dict[str, set[tuple[str, ...]]] = {}
    for doc in DocBin().from_disk(train_path).get_docs(nlp.vocab):
        for ent in doc.ents:
            pool.setdefault(ent.label_, set()).add(tuple(t.text for t in ent))
    sys.path.insert(0, str(ROOT / "lib"))
    from kroniek.data.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    tokenizer = spacy.blank("nl").tokenizer
    for pattern in gaz.ruler_patterns():
        words = tuple(t.text for t in tokenizer(pattern["pattern"]))
        if words:
            pool.setdefault(pattern["label"], set()).add(words)
    return {label: sorted(list(w) for w in names) for label, names in pool.items()}


@spacy.registry.augmenters("kroniek.entity_swap.v1")
def create_entity_swap(train_path: str, prob: float = 0.5, seed: int = 0) -> Callable[..., Iterator[Example]]:
    rng = random.Random(seed)
    state: dict = {}

    def augment(nlp, example: Example) -> Iterator[Example]:
        yield example
        if rng.random() >= prob or not example.reference.ents:
            return
        if "pool" not in state:
            state["pool"] = _name_pool(Path(train_path), nlp)
        pool = state["pool"]
        ref = example.reference
        words: list[str] = []
        spaces: list[bool] = []
        sent_starts: list[bool | None] = []
        ents: list[tuple[str, int, int]] = []
        i = 0
        for ent in ref.ents:
            for token in ref[i : ent.start]:
                words.append(token.text)
                spaces.append(bool(token.whitespace_))
                sent_starts.append(token.is_sent_start)
            names = pool.get(ent.label_)
            new = rng.choice(names) if names else [t.text for t in ent]
            start = len(words)
            for k, w in enumerate(new):
                words.append(w)
                spaces.append(True if k < len(new) - 1 else bool(ent[-1].whitespace_))
                sent_starts.append(ent[0].is_sent_start if k == 0 else False)
            ents.append((ent.label_, start, len(words)))
            i = ent.end
        for token in ref[i:]:
            words.append(token.text)
            spaces.append(bool(token.whitespace_))
            sent_starts.append(token.is_sent_start)
        doc = Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=sent_starts)
        doc.ents = [doc.char_span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label=label) for label, s, e in ents]
        predicted = Doc(nlp.vocab, words=words, spaces=spaces)
        yield Example(predicted, doc)

    return augment
