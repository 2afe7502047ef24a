"""Who takes part in an event and how its row reads: pronouns, short references,
inverted subjects, described participants and summaries, one class per table row."""

from __future__ import annotations

import json

import pytest

from conftest import corpus_file
from kroniek import extract_article
from kroniek.extract.events.summary import summarize

# (article, trigger offset, trigger, source the row must name): a pronoun subject ("Hij",
# "Ze") resolved to the one person named in the sentence before (dpg-news-2019).
PRONOUNS = [
    ("dpg-10726005", "weigerde", "John Bercow"),  # "... beslissing van Lagerhuisvoorzitter John Bercow. Hij weigerde ..."
    ("dpg-10771396", "benadrukt", "Femke Halsema"),  # "Ook burgemeester Femke Halsema ... Ze benadrukt dat ..."
    ("dpg-10741846", "eist", "Geert Wilders"),
    ("dpg-10744690", "erkent", "Ralph Hamers"),
    ("dpg-10672752", "kondigde", "Beto O'Rourke"),
]


@pytest.fixture(scope="module")
def dpg_events(nlp):
    path = corpus_file("dpg-news-2019", "articles.jsonl")
    wanted = {aid for aid, _, _ in PRONOUNS}
    articles = {}
    for line in path.open(encoding="utf-8"):
        a = json.loads(line)
        if a["id"] in wanted and a["id"] not in articles:
            articles[a["id"]] = extract_article(a["text"], a["date"], nlp, article_id=a["id"])
    return articles


@pytest.mark.parametrize("article_id, trigger, source", PRONOUNS, ids=[f"{a} {t}" for a, t, _ in PRONOUNS])
def test_a_pronoun_subject_is_the_one_person_named_before(dpg_events, article_id, trigger, source):
    events = [e for e in dpg_events[article_id].events if e["trigger"] == trigger]
    assert events and events[0]["source_actor"] == source, [(e["trigger"], e["source_actor"], e["summary"]) for e in dpg_events[article_id].events]
    assert events[0]["summary"].startswith(source)


def test_a_pronoun_with_two_fitting_persons_before_it_is_not_guessed(nlp):
    text = "Theresa May sprak dinsdag in Brussel met Donald Tusk over de Brexit. Hij eiste een nieuwe stemming in het Lagerhuis."
    ex = extract_article(text, "2019-03-20", nlp)
    demands = [e for e in ex.events if e["event_code"] == "10"]
    assert demands and demands[0]["source_actor"] == ""


def test_inverted_subjects_after_a_fronted_phrase_are_the_source(seed_extraction):
    """"Tijdens de persconferentie donderdag in het Kremlin kondigden Loekasjenko en
    Poetin de ondertekening aan": the parse gives the verb no subject."""
    (event,) = [e for e in seed_extraction.events if e["trigger"] == "kondigden"]
    assert event["source_actor"] == "Aleksandr Loekasjenko|Vladimir Poetin"


def test_a_predicate_noun_takes_the_parties_of_its_subject(seed_extraction):
    """"De uniestaat tussen de twee landen kan ... een confederatie worden": the two
    countries named before."""
    (event,) = [e for e in seed_extraction.events if e["trigger"] == "confederatie"]
    assert (event["event_code"], event["factuality"], event["source_actor"]) == ("05", "possible", "Rusland|Wit-Rusland")


DESCRIBED = [
    # (sentence, trigger, participant words kept on the row)
    ("De politie arresteerde zaterdag drie betogers in Parijs.", "arresteerde", "De politie|drie betogers"),
    # a number heading the people ("Duizenden Venezolanen"): the parser makes the number the head
    ("Duizenden Venezolanen demonstreerden zaterdag in Caracas tegen de regering.", "demonstreerden", "Duizenden Venezolanen"),
    ("Honderden boeren protesteerden woensdag op het Malieveld.", "protesteerden", "Honderden boeren"),
    # real sentences of dpg-news-2019 (dpg-10776243, dpg-10791977)
    ("De politie heeft amateurspeurder Jan Huzen aangehouden.", "aangehouden", "De politie"),
    ("Ruim 130 artsen hebben voor de helmplicht gepleit.", "gepleit", "Ruim 130 artsen"),
]


@pytest.mark.parametrize("text, trigger, participant", DESCRIBED, ids=[d[0] for d in DESCRIBED])
def test_a_participant_without_a_name_is_kept_in_words(nlp, text, trigger, participant):
    ex = extract_article(text, "2019-03-20", nlp)
    (event,) = [e for e in ex.events if e["trigger"] == trigger]
    assert event["participant"] == participant
    assert "zaterdag" not in event["participant"]  # a time expression is nobody


def test_the_seed_events_read_as_sentences(seed_extraction):
    summaries = {}
    for e in seed_extraction.events:
        summaries.setdefault(e["trigger"], e["summary"])
    assert summaries["leningen"] == "Poetin zegde nieuwe leningen toe van tussen de 630 en 640 miljoen dollar aan de buur"
    assert summaries["arresteerden"] == "De autoriteiten arresteerden een dissident aan boord"
    assert summaries["militaire oefening"] == "Beide landen houden een gezamenlijke militaire oefening"
    # the parse hangs the inverted subject from the auxiliary: the subject still comes first, once
    assert summaries["banden aangehaald"] == "Moskou en Minsk hebben de banden aangehaald"


SUMMARIES = [
    # (sentence, trigger word, code, source, summary): a subordinate clause in main-clause
    # order, a separable verb split, a quote with its speaker, time expressions left out
    ("Volgens de krant zou Poetin hebben gezegd dat hij Wit-Rusland leningen toezegt.", "toezegt", "07", "", "Hij zegt Wit-Rusland leningen toe"),
    ("'Een doorbraak', verklaarde Loekasjenko vrijdag.", "verklaarde", "01", "Loekasjenko", "Loekasjenko: 'Een doorbraak'"),
    ("Betogers eisten het vertrek van de burgemeester.", "eisten", "10", "", "Betogers eisten het vertrek van de burgemeester"),
    ("Nadat de soldaten het gebouw hadden bestormd, werden de gijzelaars vrijgelaten.", "vrijgelaten", "08", "", "De gijzelaars werden vrijgelaten"),
]


@pytest.mark.parametrize("text, word, code, source, expected", SUMMARIES, ids=[s[0] for s in SUMMARIES])
def test_summaries(nlp, text, word, code, source, expected):
    doc = nlp(text)
    (token,) = [t for t in doc if t.text == word]
    assert summarize(token, next(doc.sents), code, source) == expected
