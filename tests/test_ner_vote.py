"""The NER vote: a name is kept when more than half of the member models predict it."""

from __future__ import annotations

import pytest
import spacy

from kroniek.ner_vote import majority
from kroniek.nlp import SHIPPED_MODEL, load_nlp

# (start, end, label) per member: one case per kind of disagreement between members
MAJORITY_CASES = [
    ("all three agree", [{(0, 2, "PER")}, {(0, 2, "PER")}, {(0, 2, "PER")}], [(0, 2, "PER")]),
    ("one member imagines a name", [{(0, 2, "PER")}, {(0, 2, "PER"), (5, 6, "ORG")}, {(0, 2, "PER")}], [(0, 2, "PER")]),
    ("two against one on the label", [{(3, 4, "ORG")}, {(3, 4, "PER")}, {(3, 4, "ORG")}], [(3, 4, "ORG")]),
    ("three labels, no majority", [{(3, 4, "ORG")}, {(3, 4, "PER")}, {(3, 4, "LOC")}], []),
    ("two against one on the span", [{(3, 5, "ORG")}, {(3, 4, "ORG")}, {(3, 5, "ORG")}], [(3, 5, "ORG")]),
    ("a name two members find beside one all find", [{(0, 1, "LOC"), (7, 9, "MISC")}, {(0, 1, "LOC"), (7, 9, "MISC")}, {(0, 1, "LOC")}],
     [(0, 1, "LOC"), (7, 9, "MISC")]),
]


@pytest.mark.parametrize("case, predictions, expected", MAJORITY_CASES, ids=[c[0] for c in MAJORITY_CASES])
def test_majority(case, predictions, expected):
    assert majority(predictions, len(predictions)) == expected


def test_two_of_four_is_no_majority():
    assert majority([{(0, 1, "PER")}, {(0, 1, "PER")}, set(), set()], 4) == []


@pytest.fixture(scope="module")
def voting_model(tmp_path_factory):
    """The shipped pipeline with its NER three times as the members of a vote."""
    import kroniek.components  # noqa: F401

    nlp = spacy.load(SHIPPED_MODEL)
    if nlp.get_pipe("ner").__class__.__name__ == "NERVote":
        pytest.skip("the shipped NER is already a vote")
    source = spacy.load(SHIPPED_MODEL)
    nlp.rename_pipe("ner", "ner_seed0")
    for k in (1, 2):
        nlp.add_pipe("ner", source=source, name=f"ner_seed{k}", after="ner_seed0")
    nlp.add_pipe("kroniek_ner_vote", name="ner", config={"members": ["ner_seed0", "ner_seed1", "ner_seed2"]}, after="ner_seed2")
    for k in range(3):
        nlp.disable_pipe(f"ner_seed{k}")
    path = tmp_path_factory.mktemp("vote") / "model"
    nlp.to_disk(path)
    return path


def test_a_vote_of_identical_members_gives_the_single_model_its_names(voting_model, seed_article, nlp):
    voting = load_nlp(str(voting_model))
    assert voting.get_pipe("ner").labels == ("LOC", "MISC", "ORG", "PER")
    assert "kroniek_gazetteer" in voting.pipe_names and "ner_seed0" not in voting.pipe_names
    single = [(e.start, e.end, e.label_) for e in nlp(seed_article.text).ents]
    voted_docs = list(voting.pipe([seed_article.text, seed_article.text], batch_size=1))
    assert single and all([(e.start, e.end, e.label_) for e in doc.ents] == single for doc in voted_docs)
