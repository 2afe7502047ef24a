"""Several NER models, one answer: a name is kept when most of the models find it.

A CPU NER trained with another random seed makes other mistakes; a majority of three
keeps the names they agree on and drops the ones a single model imagines.  spaCy has no
ensemble component, so this one runs its member NERs (sourced into the pipeline under
their own names and disabled, so that only the vote runs them) one after another on the
same tokens, each starting from the entities set before it (the gazetteer's), and keeps
every span that more than half of them predict, with the label most of those give
(:func:`majority`).  Majority spans never overlap: two of them would share a member, and no
member predicts overlapping spans.

    nlp.add_pipe("kroniek_ner_vote", name="ner", config={"members": ["ner_seed0", ...]})
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Iterator

from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.language import Language
from spacy.tokens import Doc, Span

Vote = tuple[int, int, str]


@Language.factory("kroniek_ner_vote", default_config={"members": []})
def make_ner_vote(nlp: Language, name: str, members: list[str]) -> "NERVote":
    return NERVote(nlp, name, members)


def majority(predictions: list[set[Vote]], n_members: int) -> list[Vote]:
    """The spans more than half of ``n_members`` predicted, each with its most voted label.

    Spans and labels are voted apart: members that agree a name is there often disagree on
    its type ("Comenius Lyceum" PER by one seed, LOC by another), and dropping the name
    would lose more than a wrong type does (the actor rules retype organisations by their
    head noun).  A label tie goes to the earliest member that gave the span."""
    span_votes: dict[tuple[int, int], list[str]] = {}
    for prediction in predictions:
        for start, end, label in sorted(prediction):
            span_votes.setdefault((start, end), []).append(label)
    kept = []
    for (start, end), labels in span_votes.items():
        if 2 * len(labels) > n_members:
            counts = Counter(labels)
            best = max(counts.values())
            kept.append((start, end, next(label for label in labels if counts[label] == best)))
    return sorted(kept)


class NERVote:
    """Runs the member NERs and keeps their majority (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, members: list[str]) -> None:
        self.nlp, self.name, self.members = nlp, name, list(members)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(sorted({label for member in self._pipes() for label in member.labels}))

    def _pipes(self) -> list:
        return [self.nlp.get_pipe(member) for member in self.members]

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._vote(batch)
                batch = []
        if batch:
            yield from self._vote(batch)

    def _vote(self, docs: list[Doc]) -> list[Doc]:
        preset = [doc.to_array([ENT_IOB, ENT_TYPE]) for doc in docs]
        votes: list[list[set[Vote]]] = [[] for _ in docs]
        for member in self._pipes():
            for doc, array in zip(docs, preset):
                doc.from_array([ENT_IOB, ENT_TYPE], array)
            for i, doc in enumerate(member.pipe(docs)):
                votes[i].append({(e.start, e.end, e.label_) for e in doc.ents})
        for doc, doc_votes in zip(docs, votes):
            doc.set_ents([Span(doc, start, end, label=label) for start, end, label in majority(doc_votes, len(self.members))],
                         default="outside")
        return docs
