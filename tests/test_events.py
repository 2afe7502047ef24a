"""Events: the seed article's chronology, and the trigger lexicon's behaviour."""

from __future__ import annotations

import csv

import pytest

from kroniek import extract_article


def _within(event, begin, end):
    return event["begin_date"] is not None and begin <= event["begin_date"] <= event["end_date"] <= end


SEED_EVENTS = [
    # (what, codes, triggers, interval must lie within, extra checks)
    ("the union becomes a confederation", {"05"}, {"uniestaat", "confederatie"}, ("2021-10-01", "2021-10-31"), {}),
    ("Putin's reservation at the meeting with Loekasjenko", {"01", "04"}, {"voorbehoud", "ontmoeting"}, ("2021-09-01", "2021-09-30"),
     {"source_actor": "Vladimir Poetin", "target_actor": "Aleksandr Loekasjenko"}),
    ("the loan pledge of 630-640 million dollar", {"07"}, {"leningen", "zegde toe", "toe"}, ("2021-09-01", "2021-09-30"),
     {"money_text": "tussen de 630 en 640 miljoen dollar", "source_actor": "Vladimir Poetin"}),
    ("the repression of protests after the August 2020 elections", {"17", "14"}, {"repressie", "straatprotest"}, ("2020-08-01", "2020-08-31"), {}),
    ("the press conference announcing 28 measures", {"01"}, {"persconferentie", "kondigden"}, ("2021-09-01", "2021-09-30"), {}),
    ("the joint exercise until the end of next week", {"15"}, {"militaire oefening", "gezamenlijke militaire oefening"}, ("2021-09-01", "2021-10-10"),
     {"time_text": "eind volgende week"}),
    ("the expected shipment of military equipment from Russia", {"06", "15"}, {"lading", "legermaterieel"}, ("2021-09-01", "2021-09-30"), {}),
]


@pytest.mark.parametrize("what, codes, triggers, interval, extra", SEED_EVENTS, ids=[e[0] for e in SEED_EVENTS])
def test_seed_event(seed_extraction, what, codes, triggers, interval, extra):
    candidates = [
        e
        for e in seed_extraction.events
        if e["event_code"] in codes and e["trigger"].lower() in triggers and _within(e, *interval)
        and all(e[k] == v for k, v in extra.items())
    ]
    assert candidates, [(e["event_code"], e["trigger"], e["source_actor"], e["target_actor"], e["begin_date"], e["end_date"], e["money_text"]) for e in seed_extraction.events]


def test_every_event_row_has_its_sentence_and_a_known_type(seed_article, seed_extraction):
    from kroniek.extract.events import load_triggers

    categories = load_triggers().categories
    for e in seed_extraction.events:
        assert e["sentence"] in seed_article.text
        assert categories[e["event_code"]] == e["event_type"]
        assert 0 < e["confidence"] <= 1


def test_words_inside_names_are_not_triggers(nlp):
    ex = extract_article("De Europese Unie en de NAVO vergaderden in Brussel.", "2019-03-01", nlp)
    assert [e["trigger"] for e in ex.events if e["trigger"].lower() == "unie"] == []


def test_light_verb_takes_its_meaning_from_the_object(nlp):
    ex = extract_article("Beide landen houden volgende week een gezamenlijke militaire oefening.", "2019-03-13", nlp)
    (event,) = [e for e in ex.events if e["event_code"] == "15"]
    assert (event["trigger"], event["time_text"], event["begin_date"], event["end_date"]) == ("militaire oefening", "volgende week", "2019-03-18", "2019-03-24")


def test_event_without_time_takes_the_article_date(nlp):
    ex = extract_article("De politie arresteerde drie betogers.", "2019-03", nlp)
    (event,) = [e for e in ex.events if e["event_code"] == "17"]
    assert (event["begin_date"], event["end_date"], event["time_text"]) == ("2019-03-01", "2019-03-31", "(article date)")


# --- development set: 126 events from dpg-news-2019, judged by hand -----------------------

from pathlib import Path  # noqa: E402

from conftest import corpus_file  # noqa: E402

DEV = Path(__file__).parent / "data" / "events_dev.csv"


def test_dev_set_precision(nlp):
    """Precision of type, factuality, source, target and time on the annotated events.

    The file names 126 events the extractor once produced on random dpg-news-2019
    sentences (by trigger offset), with the right type ("none" when there is no event),
    factuality, actors and interval.  Events the extractor no longer produces drop out:
    the non-events (23 of them) should, and at least 75 of the 103 real ones must remain.
    """
    from kroniek.read import read_corpus
    from kroniek.extract.events.scoring import read_gold, score
    from kroniek.extract import extract_articles

    gold = read_gold(DEV)
    path = corpus_file("dpg-news-2019", "articles.jsonl")
    wanted = {k[0] for k in gold}
    articles = [a for a in read_corpus([path]).articles if a.article_id in wanted]
    result = score(gold, {a.article_id: a.text for a in articles}, extract_articles(articles, nlp))
    precision = result.precision()
    print("\nevents dev set: " + result.line())
    assert result.real_found >= 75
    assert precision["type"][0] >= 0.90
    assert precision["shown"][0] >= 0.85
    assert precision["time"][0] >= 0.85


# --- factuality, senses, roles and time, one class per row (sentences written for the test) ---

FACTUALITY = [
    ("Poetin ontmoette Loekasjenko vrijdag in Sotsji.", "04", "asserted"),
    ("Poetin ontmoette Loekasjenko vrijdag niet.", "04", "negated"),
    ("De Europese Unie kan eisen dat Polen de wet intrekt.", "10", "possible"),
    ("Rutte wil met Macron samenwerken.", "03", "possible"),
    ("Als Rusland de aanval op Oekraïne inzet, volgen sancties.", "18", "possible"),
    ("Heeft de NAVO Rusland gewaarschuwd?", "01", "possible"),  # a warning is a statement (docs/events.md)
    ("Wie zich bij de Nederlandse ambassade meldt, wordt door de politie gearresteerd.", "17", "generic"),
    ("Volgens de NCTV is er nog steeds een dreiging van een aanslag in Nederland.", "18", "possible"),
    ("In deze zaak wordt nog geen straf geëist tegen Jansen door het Openbaar Ministerie.", "10", "negated"),
]


@pytest.mark.parametrize("text, code, expected", FACTUALITY, ids=[f[0] for f in FACTUALITY])
def test_factuality_from_the_parse(nlp, text, code, expected):
    ex = extract_article(text, "2019-03-13", nlp)
    assert [(e["event_code"], e["factuality"]) for e in ex.events if e["event_code"] == code] == [(code, expected)], ex.events


@pytest.mark.xfail(
    strict=True,
    reason="a known miss of the trained sense model: in the judged data the present 'dreigt'/'dreigen' is mostly "
    "'at risk of' ('dreigt te verdwijnen'), and 'dreigen met' + a noun is rare (9 in 1,141 DPG articles)",
)
def test_a_threat_in_the_present_tense_is_a_threat(nlp):
    for text in ("De Verenigde Staten dreigen Iran met nieuwe sancties.", "De vakbond dreigt met een staking bij KLM."):
        ex = extract_article(text, "2019-03-13", nlp)
        assert "13" in {e["event_code"] for e in ex.events if e["confident"]}, (text, ex.events)


def test_senses_choose_or_reject_the_type(nlp):
    """"staken" of a campaign is stopping; support for a motion is no event between
    actors (docs/events.md, section 7); rerouted traffic is no coercion; "dreigt ... te
    worden" is a risk, not a threat; research is no investigation."""
    cases = {
        "De partijen staakten vrijdag hun campagne na de aanslag.": set(),
        "De motie van de SP kreeg steun van GroenLinks.": set(),
        "De Partij van de Arbeid gaf geen steun aan de motie van de VVD.": set(),
        "Het onderzoek laat zien dat scholieren slechter slapen, aldus minister Van Engelshoven.": set(),
        "Het verkeer wordt vanaf maandag omgeleid via de A2.": set(),
        "Het plan van Rutte dreigt een mislukking te worden.": set(),
        "Trump dreigde China met hogere importheffingen.": {"13"},
    }
    for text, codes in cases.items():
        ex = extract_article(text, "2019-03-13", nlp)
        assert {e["event_code"] for e in ex.events} & {"14", "07", "17", "13", "05", "16", "09"} == codes, (text, ex.events)


def test_pair_and_coordinated_subjects_name_both_actors(nlp):
    ex = extract_article(
        "Rusland en Wit-Rusland praten al jaren over een unie. Beide landen houden volgende week een gezamenlijke militaire oefening.",
        "2019-03-13",
        nlp,
    )
    (exercise,) = [e for e in ex.events if e["event_code"] == "15"]
    assert set(exercise["source_actor"].split("|")) | set(exercise["target_actor"].split("|")) - {""} == {"Rusland", "Wit-Rusland"}


def test_a_country_one_goes_to_is_no_target(nlp):
    ex = extract_article("Daarna werd Jansen vrijgelaten door de politie en moest hij terug naar Nederland.", "2019-04-04", nlp)
    assert [(e["event_code"], e["target_actor"]) for e in ex.events] == [("08", "Jansen")]


def test_a_place_in_a_locative_phrase_is_no_actor(nlp):
    ex = extract_article("In Nigeria doet Human Rights Watch onderzoek naar het geweld.", "2019-04-01", nlp)
    assert "Nigeria" not in {e["source_actor"] for e in ex.events} | {e["target_actor"] for e in ex.events}


def test_time_before_the_verb_of_the_clause(nlp):
    ex = extract_article("Vorige week vrijdag openden de Koerden het offensief tegen IS.", "2019-03-04", nlp)
    (event,) = [e for e in ex.events if e["event_code"] == "19"]
    assert (event["begin_date"], event["end_date"], event["time_text"]) == ("2019-03-01", "2019-03-01", "Vorige week vrijdag")


def test_an_event_needs_an_actor_or_a_participant(nlp):
    ex = extract_article("Op het scherm ontmoet een kijker een schattig baby'tje.", "2019-04-09", nlp)
    assert [e for e in ex.events if e["event_code"] == "04"] == []


def test_an_article_whose_parse_holds_a_cycle_is_still_extracted(nlp):
    """dpg-10791653 (EU-China summit): spaCy's Span.root raised E039 on one of its
    time expressions and the article was skipped."""
    import json

    from conftest import corpus_file
    from kroniek import extract_article

    path = corpus_file("dpg-news-2019", "articles.jsonl")
    article = next(a for a in map(json.loads, path.open(encoding="utf-8")) if a["id"] == "dpg-10791653")
    extraction = extract_article(article["text"], article["date"], nlp, article_id=article["id"])
    assert {"China", "Brussel"} <= {m["text"] for m in extraction.mentions}
    assert extraction.events


def test_no_held_out_article_is_judged_for_training_or_development():
    """The blind samples (events_heldout_*.csv) are drawn from articles no table that
    trains or tunes the event decision uses."""
    data = Path(__file__).parent / "data"
    held_out = {line.strip() for line in (data / "heldout_ids.txt").open() if line.strip() and not line.startswith("#")}
    judged = Path(__file__).parents[1] / "training" / "events" / "judged.csv"
    with judged.open(encoding="utf-8", newline="") as fh:
        trained = {row["article_id"] for row in csv.DictReader(fh)}
    with DEV.open(encoding="utf-8", newline="") as fh:
        developed = {row["article_id"] for row in csv.DictReader(fh)}
    assert len(trained) == 896 and not (trained | developed) & held_out
    for sample in sorted(data.glob("events_heldout_*.csv")):
        with sample.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert len(rows) == 80 and {r["article_id"] for r in rows} <= held_out, sample.name
