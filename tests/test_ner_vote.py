"""The NER vote: a name is kept when more than half of the member models predict it."""

from __future__ import annotations

import pytest
import spacy

from kroniek.nlp.vote import majority
from kroniek.nlp import SHIPPED_MODEL, load_nlp

# (start, end, label) per member: one case per kind of disagreement between members
MAJORITY_CASES = [
    ("all three agree", [{(0, 2, "PER")}, {(0, 2, "PER")}, {(0, 2, "PER")}], [(0, 2, "PER")]),
    ("one member imagines a name", [{(0, 2, "PER")}, {(0, 2, "PER"), (5, 6, "ORG")}, {(0, 2, "PER")}], [(0, 2, "PER")]),
    ("two against one on the label", [{(3, 4, "ORG")}, {(3, 4, "PER")}, {(3, 4, "ORG")}], [(3, 4, "ORG")]),
    ("three labels: the first member's", [{(3, 4, "ORG")}, {(3, 4, "PER")}, {(3, 4, "LOC")}], [(3, 4, "ORG")]),
    # "Het Comenius Lyceum ...": seeds 0 and 1 found the name with two labels, seed 2 a longer span
    ("two agree on the span, not the label", [{(1, 3, "PER")}, {(1, 3, "LOC")}, {(0, 3, "MISC")}], [(1, 3, "PER")]),
    ("three spans, no majority", [{(1, 3, "PER")}, {(1, 2, "PER")}, {(0, 3, "PER")}], []),
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
def one_member_pipelines(tmp_path_factory) -> dict[str, str]:
    """The shipped pipeline once per member of its vote, with that member as its only voter."""
    import kroniek.nlp.components  # noqa: F401

    members = spacy.load(SHIPPED_MODEL).get_pipe("ner").members
    paths = {}
    for member in members:
        path = tmp_path_factory.mktemp(member)
        spacy.load(SHIPPED_MODEL, config={"components.ner.members": [member]}).to_disk(path)
        paths[member] = str(path)
    return paths


def test_the_shipped_ner_is_a_vote_of_three_seeds():
    nlp = load_nlp()
    vote = nlp.get_pipe("ner")
    assert vote.members == ["ner_seed0", "ner_seed1", "ner_seed2"] and vote.labels == ("LOC", "MISC", "ORG", "PER")
    assert not {"ner_seed0", "ner_seed1", "ner_seed2"} & set(nlp.pipe_names)  # run by the vote only


def test_the_shipped_vote_keeps_what_two_of_its_members_find(one_member_pipelines, seed_article):
    """On the seed article one member labels a name otherwise than the other two; the vote
    gives exactly the majority of the three models run alone."""
    alone = [{(e.start, e.end, e.label_) for e in load_nlp(path, consistent=False)(seed_article.text).ents}
             for path in one_member_pipelines.values()]
    voted = list(load_nlp(consistent=False).pipe([seed_article.text] * 2, batch_size=1))
    assert len({frozenset(a) for a in alone}) > 1  # the members disagree somewhere
    for doc in voted:
        assert [(e.start, e.end, e.label_) for e in doc.ents] == majority(alone, 3)


def test_the_fast_pipeline_runs_the_first_member_alone_under_its_own_cache_key(one_member_pipelines, seed_article):
    """``kroniek:fast`` (for corpora too large to wait for) gives exactly what the seed-0
    NER gives alone, and its rows are cached apart from the vote's."""
    from kroniek.nlp import FAST_NAME, describe_pipeline, pipeline_key

    fast = load_nlp(FAST_NAME, consistent=False)
    assert fast.get_pipe("ner").members == ["ner_seed0"]
    seed0 = load_nlp(one_member_pipelines["ner_seed0"], consistent=False)
    assert [(e.start, e.end, e.label_) for e in fast(seed_article.text).ents] == [
        (e.start, e.end, e.label_) for e in seed0(seed_article.text).ents]
    assert pipeline_key(FAST_NAME) != pipeline_key() and "_fast-" in pipeline_key(FAST_NAME)
    assert describe_pipeline(FAST_NAME)["source"].startswith("shipped, fast")
