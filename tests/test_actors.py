"""Actors: the seed article, name linking, aliases, metonyms, adjectives and roles."""

from __future__ import annotations

import os
from collections import Counter

import pytest

from kroniek import extract_article
from kroniek.extract.actors import compatible_first_names, link_across_articles, surname_of
from kroniek.data.gazetteer import load_gazetteer, normalise_name


def by_actor(rows, via=None):
    return Counter(r["actor_id"] for r in rows if via is None or r["via"] in via)


def test_seed_loekasjenko_and_poetin_are_one_actor_each(seed_extraction):
    persons = [r for r in seed_extraction.mentions if r["actor_type"] == "person"]
    counts = by_actor(persons)
    assert counts["per:aleksandr-loekasjenko"] == 6
    assert counts["per:vladimir-poetin"] == 3
    assert {r["country"] for r in persons if r["actor_id"] == "per:aleksandr-loekasjenko"} == {"BLR"}
    assert {r["country"] for r in persons if r["actor_id"] == "per:vladimir-poetin"} == {"RUS"}
    assert {r["text"] for r in persons if r["actor_id"] == "per:vladimir-poetin"} == {"Vladimir Poetin", "Poetin"}


def test_seed_countries_metonyms_and_companies(seed_extraction):
    rows = seed_extraction.mentions
    countries = {(r["text"], r["actor_id"]) for r in rows if r["actor_type"] == "country" and r["via"] == "gazetteer"}
    assert ("Rusland", "RUS") in countries and ("Wit-Rusland", "BLR") in countries
    metonyms = {(r["text"], r["actor_id"]) for r in rows if r["via"] == "metonymy"}
    # "hebben Moskou en Minsk de banden aangehaald": the governments act; "de persconferentie
    # in het Kremlin" names the building, a place
    assert metonyms == {("Moskou", "RUS"), ("Minsk", "BLR")}
    assert ("Kremlin", "loc:kremlin", "place") in {(r["text"], r["actor_id"], r["actor_type"]) for r in rows}
    (ryanair,) = [r for r in rows if r["text"] == "Ryanair"]
    assert (ryanair["label"], ryanair["actor_type"], ryanair["actor_id"]) == ("ORG", "organisation", "org:ryanair")
    adjectives = {(r["text"], r["actor_id"]) for r in rows if r["via"] == "adjective"}
    assert adjectives == {("Wit-Russische", "BLR"), ("Russische", "RUS")}


def test_seed_roles(seed_extraction):
    roles = {r["actor_id"]: (r["role"], r["country"]) for r in seed_extraction.roles}
    assert roles["per:vladimir-poetin"] == ("president", "RUS")
    assert roles["per:aleksandr-loekasjenko"] == ("president", "BLR")


@pytest.mark.parametrize(
    "name, key",
    [("Shell N.V.", "shell"), ("de Volkskrant", "volkskrant"), ("ASML Holding", "asml"), ("Ahold Delhaize B.V.", "ahold delhaize"), ("Apple Inc.", "apple"), ("Café Noir", "cafe noir")],
)
def test_normalised_organisation_names(name, key):
    assert normalise_name(name) == key


def test_surnames_and_first_names():
    assert surname_of("Bart De Wever") == "De Wever"
    assert surname_of("Ursula von der Leyen") == "von der Leyen"
    assert compatible_first_names("V. Poetin", "Vladimir Poetin")
    assert not compatible_first_names("Piet Jansen", "Jan Jansen")


def test_within_article_surname_links_to_full_name(nlp):
    ex = extract_article("Minister Karin Bakkerveld opende de brug. Bakkerveld sprak kort.", "2019-03-01", nlp)
    persons = {(m["text"], m["actor"]) for m in ex.mentions if m["actor_type"] == "person"}
    assert persons == {("Karin Bakkerveld", "Karin Bakkerveld"), ("Bakkerveld", "Karin Bakkerveld")}


def test_across_articles_a_unique_full_name_wins_and_two_are_never_merged():
    row = lambda a, text, actor_id: {"article_id": a, "actor_id": actor_id, "actor": text, "actor_type": "person", "text": text}  # noqa: E731
    rows = link_across_articles([row("a", "Jan Bakkerveld", "per:jan-bakkerveld"), row("b", "Bakkerveld", "per:bakkerveld")])
    assert rows[1]["actor_id"] == "per:jan-bakkerveld"
    two = link_across_articles([row("a", "Jan Jansen", "per:jan-jansen"), row("b", "Piet Jansen", "per:piet-jansen"), row("c", "Jansen", "per:jansen")])
    assert two[2]["actor_id"] == "per:jansen"


def test_nominal_reference_with_country_adjective_is_coref(nlp):
    text = "De Russische president Vladimir Poetin kwam naar Minsk. Daar sprak de Russische president urenlang."
    ex = extract_article(text, "2021-09", nlp)
    coref = [(m["text"], m["actor_id"]) for m in ex.mentions if m["via"] == "coref"]
    assert coref == [("Russische president", "per:vladimir-poetin")]


def test_apposition_gives_a_role_but_no_extra_mention(nlp):
    ex = extract_article("Mark Rutte, de Nederlandse premier, was er ook.", "2019-03-01", nlp)
    assert [m["text"] for m in ex.mentions if m["actor_type"] == "person"] == ["Mark Rutte"]
    assert [(r["actor_id"], r["role"], r["country"]) for r in ex.roles] == [("per:mark-rutte", "prime minister", "NLD")]


def test_alias_file_from_the_environment_adds_merges_and_excludes(tmp_path, monkeypatch, nlp):
    alias = tmp_path / "aliases.csv"
    alias.write_text(
        "action,name,target,note\n"
        "alias,Het Kremlin-bolwerk,RUS,\n"
        "merge,org:ryanair,org:easyjet,a deliberately wrong merge\n"
        "exclude,Minsk,,\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("KRONIEK_ALIASES", str(alias))
    gaz = load_gazetteer()
    assert gaz.alias_file == str(alias)
    assert gaz.lookup("het kremlin-bolwerk").actor_id == "RUS"
    ex = extract_article("Ryanair vloog naar Minsk.", "2021-09", nlp)
    # the extraction holds the NLP's answer; the merge is a correction of stored mentions
    assert [(m["text"], m["actor_id"]) for m in ex.mentions] == [("Ryanair", "org:ryanair")]
    from kroniek.extract import corpus_tables, to_frames

    out = corpus_tables(to_frames([ex]))
    assert list(zip(out["mentions"]["text"], out["mentions"]["actor_id"], out["mentions"]["actor"])) == [("Ryanair", "org:easyjet", "easyJet")]
    # a correction never changes the cache key, so it never re-runs the NLP; an alias does
    before = gaz.fingerprint
    with alias.open("a", encoding="utf-8") as fh:
        fh.write("type,org:easyjet,group,\n")
    assert load_gazetteer().fingerprint == before
    with alias.open("a", encoding="utf-8") as fh:
        fh.write("alias,Ryanair-baas,per:elon-musk,\n")
    assert load_gazetteer().fingerprint != before
    monkeypatch.delenv("KRONIEK_ALIASES")
    assert load_gazetteer().alias_file.endswith(os.path.join("data", "aliases.csv"))


def test_corpus_tables_merge_surnames_and_aggregate_the_actors_table():
    from kroniek.extract import corpus_tables
    from kroniek.data.schema import frame

    base = {"start": 0, "end": 1, "sentence": "", "via": "ner", "country": ""}
    mentions = frame("mentions", [
        {**base, "article_id": "a", "actor_id": "per:jan-bakkerveld", "actor": "Jan Bakkerveld", "actor_type": "person", "text": "Jan Bakkerveld", "country": "NL"},
        {**base, "article_id": "b", "actor_id": "per:bakkerveld", "actor": "Bakkerveld", "actor_type": "person", "text": "Bakkerveld"},
        {**base, "article_id": "b", "actor_id": "org:navo", "actor": "NAVO", "actor_type": "organisation", "text": "NAVO"},
    ])
    roles = frame("roles", [{"article_id": "a", "actor_id": "per:jan-bakkerveld", "role": "minister"}])
    out = corpus_tables({"mentions": mentions, "roles": roles})
    assert list(out["mentions"]["actor_id"]) == ["per:jan-bakkerveld", "per:jan-bakkerveld", "org:navo"]
    actors = out["actors"].set_index("actor_id")
    assert actors.loc["per:jan-bakkerveld", ["aliases", "n_mentions", "n_articles", "country", "role"]].tolist() == [
        "Bakkerveld|Jan Bakkerveld", 2, 2, "NL", "minister"]
    assert actors.loc["org:navo", ["country", "role"]].tolist() == ["", ""]
