"""Actor resolution by class: name shapes, not-actors, short forms in the article and the
corpus, acronyms, legal forms, the Dutch news gazetteer.  Examples are the shapes seen in
the DPG 2019 corpus (the article id where a span was seen is named)."""

from __future__ import annotations

import pandas as pd
import pytest

from kroniek import extract_article
from kroniek.data.gazetteer import load_gazetteer, normalise_name
from kroniek.data.words import is_title_word
from kroniek.extract.actors import Resolved, link_persons_in_article, resolve_corpus
from kroniek.extract.actors.linking import initials
from kroniek.extract.actors.names import is_family_first, is_particle_name, looks_like_person_name, surname_of
from kroniek.extract.actors.not_actors import load_not_actors


@pytest.mark.parametrize(
    "text, kind",
    [
        ("CO2", "chemical formula"), ("CO²", "chemical formula"), ("NO2", "chemical formula"), ("kWh", "unit"),
        ("Brexit", "event"), ("Statenverkiezingen", "event"), ("Bijbel", "book"), ("AOW", "scheme"),
        ("Klimaatwet", "law"), ("Wet Bibob", "law"), ("Klimaatakkoord", "agreement"), ("Pensioenakkoord", "agreement"), ("Participatiewet", "law"),
        ("III", "numeral"), ("T", "numeral"), ("Syriëgangers", "plural group"),
        ("D66", "chemical formula"),  # looks like one: the gazetteer keeps the party (next test)
        ("Forum", ""), ("Baudet", ""), ("VVD", ""), ("Wouter", ""),
    ],
)
def test_not_actor_classes(text, kind):
    assert load_not_actors().kind(text) == kind


def test_not_actors_are_never_counted_but_the_gazetteer_keeps_d66(nlp):
    ex = extract_article("De CO2 van Tata Steel en de Brexit: D66 wil dat de Bijbel en de AOW blijven.", "2019-03-01", nlp)
    actors = {m["actor_id"] for m in ex.mentions}
    assert "org:d66" in actors and "org:tata-steel" in actors
    assert not {a for a in actors if a.split(":")[-1] in ("co2", "brexit", "bijbel", "aow")}


@pytest.mark.parametrize(
    "name, surname",
    [("Kim Jong-un", "Kim"), ("Xi Jinping", "Xi"), ("Moon Jae-in", "Moon"), ("Bart De Wever", "De Wever"),
     ("Désiree van Wijk", "van Wijk"), ("Ursula von der Leyen", "von der Leyen"), ("Kim Putters", "Putters")],
)
def test_family_names(name, surname):
    assert surname_of(name) == surname


def test_name_shapes():
    assert is_family_first("Kim Jong-un") and is_family_first("Xi Jinping") and not is_family_first("Kim Putters")
    assert is_particle_name(["Van", "der", "Laan"]) and is_particle_name(["De", "Groot"]) and not is_particle_name(["Thierry", "Baudet"])
    assert is_title_word("Zangeres") and is_title_word("Syriëganger") and is_title_word("IS-strijder") and not is_title_word("Merol")
    # organisations the NER took for persons (dpg-10783306 "Hoogkamp Energie Arnhem", "SIZ Twente")
    assert [looks_like_person_name(n) for n in ("Thierry Baudet", "JD Vance", "Frank de Boer", "Hoogkamp Energie Arnhem", "SIZ Twente", "Burgerbelangen Enschede")] == [
        True, True, True, False, False, False]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a verb at the start of a sentence is never part of a name (dpg "Geef Forum ...")
        ("Geef Forum een kans, zei hij.", [("Forum", "org:fvd")]),
        # a role noun before a name is not part of it
        ("Zangeres Merol stond in Paradiso.", [("Merol", "per:merol")]),
        ("De Syriëganger Yago R. werd opgepakt.", [("Yago R.", "per:yago-r")]),
    ],
)
def test_words_that_are_not_part_of_a_name(nlp, sentence, expected):
    ex = extract_article(sentence, "2019-03-01", nlp)
    got = [(m["text"], m["actor_id"]) for m in ex.mentions if m["actor_type"] in ("person", "organisation")]
    assert got[: len(expected)] == expected


def _pair(actor_id: str, actor: str, actor_type: str, via: str = "ner"):
    return (None, Resolved(actor_id, actor, actor_type, "", via))


def test_in_article_short_forms_take_the_full_name_whatever_their_ner_type():
    resolved = [
        _pair("per:thierry-baudet", "Thierry Baudet", "person"),
        _pair("loc:baudet", "Baudet", "place"),  # the NER typed the surname a place
        _pair("per:baudets", "Baudets", "person"),  # genitive
        _pair("per:thierry", "Thierry", "person"),  # the given name alone
        _pair("per:kevin-wevers", "Kevin Wevers", "person"),
        _pair("per:kevin", "Kevin", "person"),
        _pair("per:kim-jong-un", "Kim Jong-un", "person", "gazetteer"),
        _pair("per:kim", "Kim", "person"),  # family name first
    ]
    link_persons_in_article(resolved)
    assert [(r.actor_id, r.actor_type) for _, r in resolved] == [
        ("per:thierry-baudet", "person"), ("per:thierry-baudet", "person"), ("per:thierry-baudet", "person"),
        ("per:thierry-baudet", "person"), ("per:kevin-wevers", "person"), ("per:kevin-wevers", "person"),
        ("per:kim-jong-un", "person"), ("per:kim-jong-un", "person")]


def test_in_article_two_fitting_full_names_or_an_organisation_shaped_name_leave_the_short_form():
    resolved = [
        _pair("per:jan-jansen", "Jan Jansen", "person"),
        _pair("per:piet-jansen", "Piet Jansen", "person"),
        _pair("per:jansen", "Jansen", "person"),
        _pair("per:hoogkamp-energie-arnhem", "Hoogkamp Energie Arnhem", "person"),
        _pair("loc:arnhem", "Arnhem", "place"),
    ]
    link_persons_in_article(resolved)
    assert [r.actor_id for _, r in resolved][2:] == ["per:jansen", "per:hoogkamp-energie-arnhem", "loc:arnhem"]


def _mentions(rows):
    base = {"sentence_id": 0, "start": 0, "end": 1, "label": "PER", "country": ""}
    return pd.DataFrame([{**base, **dict(zip(("article_id", "text", "actor_id", "actor", "actor_type", "via"), r))} for r in rows])


def test_corpus_short_forms_follow_the_evidence_of_the_articles_that_name_them_in_full():
    m = _mentions([
        ("a", "Thierry Baudet", "per:thierry-baudet", "Thierry Baudet", "person", "ner"),
        ("a", "Baudet", "per:thierry-baudet", "Thierry Baudet", "person", "ner"),  # linked in article a
        ("a", "Baudet", "per:thierry-baudet", "Thierry Baudet", "person", "ner"),
        ("b", "Baudet", "loc:baudet", "Baudet", "place", "ner"),  # article b only says "Baudet", typed a place
        ("c", "Baudets", "per:baudets", "Baudets", "person", "ner"),
        ("c", "T. Baudet", "per:t-baudet", "T. Baudet", "person", "ner"),  # initials: the same person
        ("d", "Centraal Planbureau", "org:centraal-planbureau-x", "Centraal Planbureau X", "organisation", "ner"),
        ("d", "CPBX", "org:centraal-planbureau-x", "Centraal Planbureau X", "organisation", "ner"),
        ("e", "CPBX", "loc:cpbx", "CPBX", "place", "ner"),
        ("f", "Omroep Maxx", "org:omroep-maxx", "Omroep Maxx", "organisation", "ner"),
        ("f", "MAXX", "org:omroep-maxx", "Omroep Maxx", "organisation", "ner"),
        ("g", "Maxx", "loc:maxx", "Maxx", "place", "ner"),  # not the acronym: "Boeing 737 Max" (dpg-10726003)
    ])
    out = resolve_corpus(m, gaz=load_gazetteer())
    assert list(out["actor_id"]) == ["per:thierry-baudet"] * 6 + ["org:centraal-planbureau-x"] * 3 + ["org:omroep-maxx"] * 2 + ["loc:maxx"]
    assert list(out["actor_type"])[3] == "person"


def test_corpus_short_forms_need_support_and_a_unique_full_name():
    m = _mentions([
        ("a", "Jan Jansen", "per:jan-jansen", "Jan Jansen", "person", "ner"),
        ("a", "Jansen", "per:jan-jansen", "Jan Jansen", "person", "ner"),
        ("b", "Piet Jansen", "per:piet-jansen", "Piet Jansen", "person", "ner"),
        ("b", "Jansen", "per:piet-jansen", "Piet Jansen", "person", "ner"),
        ("c", "Jansen", "per:jansen", "Jansen", "person", "ner"),  # which Jansen: left alone
        ("d", "Mia Utrecht", "per:mia-utrecht", "Mia Utrecht", "person", "ner"),
        ("d", "Utrecht", "per:mia-utrecht", "Mia Utrecht", "person", "ner"),
        *[("e", "Utrecht", "loc:utrecht", "Utrecht", "place", "ner")] * 5,  # one article's link is too little evidence
    ])
    out = resolve_corpus(m, gaz=load_gazetteer())
    assert list(out["actor_id"])[4] == "per:jansen"
    assert set(out["actor_id"][out["article_id"] == "e"]) == {"loc:utrecht"}


def test_corpus_type_by_majority_and_gazetteer():
    m = _mentions([
        *[("a", "Kaapstad", "loc:kaapstad", "Kaapstad", "place", "ner")] * 3,
        ("b", "Kaapstad", "org:kaapstad", "Kaapstad", "organisation", "ner"),
        ("c", "Sanderink Holding", "org:sanderink", "Sanderink Holding", "organisation", "ner"),
        ("c", "Sanderink", "per:sanderink", "Sanderink", "person", "ner"),  # a holding is not its owner
    ])
    out = resolve_corpus(m, gaz=load_gazetteer())
    assert list(zip(out["actor_id"], out["actor_type"])) == [("loc:kaapstad", "place")] * 4 + [
        ("org:sanderink", "organisation"), ("per:sanderink", "person")]


def test_corpus_type_follows_the_context_over_the_majority():
    # dpg-10775643 writes "Fastned, de keten die ..." (typed by the apposition: via context);
    # dpg-10791371 writes Fastned 15 times without such a noun, and the NER called it a place
    m = _mentions([
        *[("dpg-10791371", "Fastned", "loc:fastned", "Fastned", "place", "ner")] * 15,
        ("dpg-10775643", "Fastned", "org:fastned", "Fastned", "organisation", "context"),
        *[("dpg-10775643", "Fastned", "org:fastned", "Fastned", "organisation", "ner")] * 6,
    ])
    out = resolve_corpus(m, gaz=load_gazetteer())
    assert set(zip(out["actor_id"], out["actor_type"])) == {("org:fastned", "organisation")}


def test_acronyms_defined_in_the_text_are_the_organisation(nlp):
    text = "De Nederlandse Vereniging van Ziekenhuizen (NVZ) is boos. De NVZ wil meer geld."
    ex = extract_article(text, "2019-03-01", nlp)
    nvz = {(m["text"], m["actor"]) for m in ex.mentions if m["actor_type"] == "organisation"}
    assert nvz == {("Nederlandse Vereniging van Ziekenhuizen", "Nederlandse Vereniging van Ziekenhuizen"), ("NVZ", "Nederlandse Vereniging van Ziekenhuizen")}
    assert initials("Partij van de Arbeid") == "PvdA" and initials("Centraal Planbureau") == "CP"


@pytest.mark.parametrize(
    "name, key",
    [("Boeing Company", "boeing"), ("Acme LLC", "acme"), ("Sanderink Holding B.V.", "sanderink"), ("Heineken N.V.", "heineken"), ("Siemens AG", "siemens")],
)
def test_legal_forms_are_stripped_for_matching(name, key):
    assert normalise_name(name) == key


@pytest.mark.parametrize(
    "surface, actor_id",
    [("Feyenoord", "org:feyenoord"), ("AD", "org:ad"), ("Algemeen Dagblad", "org:ad"), ("Defensie", "org:ministerie-defensie"),
     ("Financiën", "org:ministerie-financien"), ("Kamer", "org:tweede-kamer"), ("FvD", "org:fvd"), ("Forum", "org:fvd"),
     ("NOS", "org:nos"), ("de Volkskrant", "org:volkskrant"), ("OM", "org:om"), ("AIVD", "org:aivd"), ("DNB", "org:dnb"),
     ("Kim Jong Un", "per:kim-jong-un"), ("MAX", "org:omroep-max"), ("Ad", None), ("Om", None), ("Max", None)],
)
def test_dutch_news_gazetteer(surface, actor_id):
    hit = load_gazetteer().lookup(surface)
    assert (hit.actor_id if hit else None) == actor_id


def test_a_name_after_a_maker_and_model_number_is_a_product(nlp):
    # "de ramp met de Boeing 737 Max 8" (dpg-10726003): not the broadcaster MAX, not a place
    ex = extract_article("De ramp met de Boeing 737 Max 8 in Ethiopië.", "2019-03-01", nlp)
    assert [m["actor_id"] for m in ex.mentions] == ["org:boeing", "ETH"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a given name the NER found alone, the full name written once but not tagged
        ("Kevin houdt van procederen. Het bureau van Kevin Wevers groeit. Volgens Kevin kan het.", "Kevin Wevers"),
        # a role noun before the surname is not a given name (it stays "Dekker")
        ("Minister Dekker sprak. Dekker zei dat.", "Dekker"),
    ],
)
def test_a_short_name_takes_the_full_name_the_article_writes_once(nlp, text, expected):
    ex = extract_article(text, "2019-03-01", nlp)
    assert {m["actor"] for m in ex.mentions if m["actor_type"] == "person"} == {expected}


def test_an_organisation_head_noun_ends_the_name_and_the_short_form_follows(nlp):
    # "Het Comenius Lyceum ... het Comenius" (a school the NER typed as a person)
    ex = extract_article("Het Comenius Lyceum denkt na over een concurrent. Het Comenius trekt te weinig leerlingen.", "2019-03-01", nlp)
    assert {(m["actor"], m["actor_type"]) for m in ex.mentions} == {("Comenius Lyceum", "organisation")}


def test_a_dutch_municipality_is_a_place_whatever_the_ner_says(nlp):
    # "de gemeente Amsterdam" made the city an organisation by the majority of its mentions
    ex = extract_article("De gemeente Amsterdam wil minder toeristen. Amsterdam voert een taks in. Den Bosch volgt.", "2019-03-01", nlp)
    assert {(m["text"], m["actor_id"], m["actor_type"]) for m in ex.mentions} == {
        ("Amsterdam", "loc:amsterdam", "place"), ("Den Bosch", "loc:s-hertogenbosch", "place")}


@pytest.mark.parametrize(
    "source, sentence, name",
    [
        ("dpg-10761961", "Dat is ook het streven van de Rai, de vereniging rijwiel- en automobielindustrie.", "Rai"),
        ("dpg-10762991", "Monica Geuze wordt de nieuwe ambassadeur van Free A Girl, een organisatie die zich inzet voor de bevrijding van meisjes.", "Free A Girl"),
        ("dpg-10723123", '"De beelden vormen een bedreiging," aldus Bernard Sananès, verbonden aan Elabe, een instituut dat zich toelegt op opinieonderzoek.', "Elabe"),
        ("dpg-10742577", "Hofman zocht samenwerking met Firan, een dochtermaatschappij van netbeheerder Alliander.", "Firan"),
        ("dpg-10777828", "De activisten kregen daarbij steun van juristencollectief Pilp, een organisatie die procedeert voor mensenrechten.", "Pilp"),
        ("dpg-10796126", "Bpf Bouw, het pensioenfonds voor de bouwsector zegt dat het aantal 60-plussers dat arbeidsongeschikt raakt, stijgt.", "Bpf Bouw"),
        ("dpg-10670840", "Zavadnikov, de eigenaar van de boot, is naast senator ook bestuurder bij Troika Dialog, de bank die via Litouwen geld witwaste.", "Troika Dialog"),
        ("dpg-10765379", "Ze struint tussen tafels met stapels kleren op het hoofdkantoor van Elance Academy, een stichting die meisjes coacht.", "Elance Academy"),
    ],
)
def test_a_name_with_an_organisation_noun_in_apposition_is_an_organisation(nlp, source, sentence, name):
    # "Fastned, de keten die ...": the NER typed these as places or persons (Fastned as a
    # place entered the DPG top 100); the noun after the comma says what they are
    ex = extract_article(sentence, "2019-03-01", nlp)
    assert {m["actor_type"] for m in ex.mentions if m["text"] == name} == {"organisation"}


@pytest.mark.parametrize(
    "source, sentence, name, actor_type",
    [
        # a place described by its council is the place (the NER said person here)
        ("dpg-10806591", "Er is geen overleg vooraf geweest tussen de IND en Wijchen, de gemeente waar de kinderen wonen.", "Wijchen", "place"),
        ("written", "Een woordvoerder van de gemeente Wijchen bevestigt dat.", "Wijchen", "place"),
        # a person with a role in apposition stays a person
        ("written", "Rutte, de premier van het kabinet, sprak met Jan de Vries, de oprichter van het bedrijf.", "Jan de Vries", "person"),
    ],
)
def test_an_apposition_that_names_no_organisation_does_not_make_one(nlp, source, sentence, name, actor_type):
    ex = extract_article(sentence, "2019-03-01", nlp)
    assert {m["actor_type"] for m in ex.mentions if m["text"] == name} == {actor_type}


@pytest.mark.parametrize(
    "source, sentence, name",
    [
        ("dpg-10682821", "Kamervoorzitter Khadija Arib schoot de plannen af.", "Khadija Arib"),
        ("dpg-10686864", "Topdiplomaat Wang Yi keerde zich tegen nieuwe sancties tegen Caracas.", "Wang Yi"),
        ("dpg-10765374", "Politierechter Roos van den Munckhof oordeelde gisteren dat de hele situatie 'riekte naar uitbuiting'.", "Roos van den Munckhof"),
        ("dpg-10780464", "Premier Rutte kondigde in het bijzijn van Klimaatminister Wiebes een CO2-heffing aan.", "Wiebes"),
        ("dpg-10803263", "Fastnedoprichter Bart Lubbers domineert, via twee familievehikels heeft hij 59 procent van de aandelen in handen.", "Bart Lubbers"),
    ],
)
def test_a_compound_ending_in_a_role_noun_is_a_title_not_part_of_the_name(nlp, source, sentence, name):
    # Dutch writes "Kamer-voorzitter", "Klimaat-minister" as one word; the NER takes it into the name
    ex = extract_article(sentence, "2019-03-01", nlp)
    assert name in {m["actor"] for m in ex.mentions if m["actor_type"] == "person"}
    assert not any(m["actor"].endswith(name) and m["actor"] != name for m in ex.mentions)
