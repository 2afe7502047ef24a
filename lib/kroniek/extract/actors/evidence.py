"""What a capitalised span is when it is not a name: a portfolio, a language, a word that
is capitalised only because it starts a sentence.

* "minister van Justitie", "minister van Handel Ruhsar Pekcan", "Hanke Bruins Slot van
  Buitenlandse Zaken": the portfolio after a person's role noun is part of the role, not
  the ministry and not part of the name (``roles.yaml``: ``portfolios``, ``person_roles``);
* "in het Engels", "het Duits": a language (CLDR's Dutch names of languages, through
  :mod:`kroniek.data.lexicons`), not the United Kingdom or Germany;
* "Let op ...", "Onderwijs is ...": a frequent Dutch word (wordfreq) whose capital comes
  from the start of the sentence, written nowhere else in the article with a capital;
* "Boeing 737 Max": a product's model after its maker, not an actor;
* "body mass index (BMI)", "persoonsgebonden budget (pgb)": an acronym the article defines
  by common words is a measure or a thing, not an organisation;
* "de Syrische Koerden", "honderden Joden", "De Koerden vechten": a people, a group of
  persons named by one plural word, not a place or a person.

Why hand-written: no maintained library tells these uses apart in Dutch text; the words
are data and the frequencies come from wordfreq.
"""

from __future__ import annotations

import functools
import re
from typing import Callable

from spacy.tokens import Doc, Span

from kroniek.data import read_yaml
from kroniek.data.lexicons import frequent_word_zipf, is_first_name, language_names, zipf_nl
from kroniek.data.words import common_word_pos
from kroniek.extract.actors.base import starts_clause


@functools.lru_cache(maxsize=1)
def _portfolio_words() -> frozenset[str]:
    return frozenset(w for phrase in read_yaml("roles.yaml")["portfolios"] for w in phrase.split())


@functools.lru_cache(maxsize=1)
def _person_roles() -> frozenset[str]:
    config = read_yaml("roles.yaml")
    return frozenset([*(k.lower() for k in config["roles"]), *config["person_roles"]])


# Parts of speech of a common word that never is a name or starts one ("Geef Forum", "Ook Rutte", "Het").
NEVER_NAME_POS = {"VERB", "AUX", "INTJ", "ADV", "ADP", "PRON", "DET", "SCONJ", "CCONJ", "NUM"}
_PORTFOLIO_GLUE = {"en", ",", "&", "/"}
_PORTFOLIO_OF = {"van", "voor"}


def portfolio_end(doc: Doc, i: int) -> int:
    """End of the portfolio that starts at token ``i`` ("Buitenlandse Zaken", "Justitie en
    Veiligheid"), or ``i`` when none does."""
    end = j = i
    words = _portfolio_words()
    while j < len(doc):
        if doc[j].text in words:
            end = j = j + 1
        elif doc[j].lower_ in _PORTFOLIO_GLUE and j + 1 < len(doc) and doc[j + 1].text in words and end > i:
            j += 1
        else:
            break
    return end


def after_person_role(doc: Doc, i: int) -> bool:
    """Whether token ``i`` follows "minister van", "staatssecretaris voor", "wethouder van"."""
    return i >= 2 and doc[i - 1].lower_ in _PORTFOLIO_OF and doc[i - 2].lower_ in _person_roles()


@functools.lru_cache(maxsize=1)
def _ministry_nouns() -> frozenset[str]:
    return frozenset(read_yaml("roles.yaml")["ministry_nouns"])


def without_portfolio(doc: Doc, span: Span) -> Span | None:
    """The span without the portfolio a role gives it: "ministerie van Onderwijs" (the
    ministry in full) for "Onderwijs" after "het ministerie van"; None for "Justitie" in
    "minister van Justitie" and "Onderwijs" in "minister Arie Slob (Onderwijs)", "Ruhsar Pekcan" (a person) for "Handel Ruhsar Pekcan" after "minister van",
    "Hanke Bruins Slot" for "Hanke Bruins Slot van Buitenlandse Zaken" and "Louis Gallois"
    for "Louis Gallois van EADS" (an organisation's acronym after the name)."""
    is_portfolio = portfolio_end(doc, span.start) >= span.end
    before = [t for t in doc[max(0, span.start - 2) : span.start]]
    if is_portfolio and len(before) == 2 and before[0].lower_ in _ministry_nouns() and before[1].lower_ in _PORTFOLIO_OF:
        return Span(doc, span.start - 2, span.end, label="ORG")  # "het ministerie van Onderwijs", in full
    after_name = len(before) == 2 and before[1].lower_ in _PORTFOLIO_OF | {"("} and before[0].ent_type_ in ("PER", "PERSON")
    if after_name and is_portfolio:
        return None  # "minister Florence Parly van Defensie", "minister Arie Slob (Onderwijs)"
    if after_person_role(doc, span.start):
        end = portfolio_end(doc, span.start)
        if end >= span.end:
            return None
        if end > span.start:
            return Span(doc, end, span.end, label="PER")
    for k in range(span.start + 1, span.end - 1 if span.label_ in ("PER", "PERSON") else span.start):
        rest = doc[k + 1 : span.end]
        if doc[k].lower_ in _PORTFOLIO_OF and (portfolio_end(doc, k + 1) >= span.end or rest.text.isupper()):
            return Span(doc, span.start, k, label="PER")  # "... van Buitenlandse Zaken", "Louis Gallois van EADS"
    return span


def names_a_language(doc: Doc, span: Span) -> bool:
    """"in het Engels", "het Nederlands", "vertaald naar het Duits": a language name after
    "het" (a language is a het-word; the adjective before a het-noun takes -e, "het Engelse
    parlement") and not followed by a noun."""
    if span.text not in language_names() or span.start == 0 or doc[span.start - 1].lower_ != "het":
        return False
    after = doc[span.end] if span.end < len(doc) else None
    return after is None or after.pos_ not in ("NOUN", "PROPN")


def capital_only_at_clause_start(doc: Doc, span: Span, label: str) -> bool:
    """"Let op", "Onderwijs is ...": one frequent Dutch word at the start of a sentence
    that the article writes nowhere else with a capital inside a sentence (a given name
    the NER calls a person keeps its capital's benefit of the doubt)."""
    if len(span) != 1 or not starts_clause(doc, span.start) or not span.text[:1].isupper() or span.text.isupper():
        return False
    if label == "PER" and is_first_name(span.text):
        return False
    if zipf_nl(span.text.lower()) < frequent_word_zipf():
        return False
    return not any(t.text == span.text and not starts_clause(doc, t.i) for t in doc)


def product_model(doc: Doc, span: Span) -> bool:
    """"Boeing 737 Max", "de 737 Max", "Airbus A380 Neo": a name right after a model
    number is a product, not an actor."""
    i = span.start
    if i < 1 or not any(c.isdigit() for c in doc[i - 1].text) or not doc[i - 1].text[:1].isalnum():
        return False
    maker = i >= 2 and doc[i - 2].text[:1].isupper()  # "Boeing 737 Max"
    model = i >= 2 and doc[i - 2].lower_ in _MODEL_WORDS and not span.text.endswith(_PLURAL_ENDINGS)  # "de 737 Max", not "de 150 Friezen"
    return maker or model


def imperative_shape(doc: Doc, span: Span) -> bool:
    """A bare word followed by a preposition, adverb or pronoun ("Let op", "Let wel"): the
    shape of an imperative, not of a demonym or an adjective, which a noun or verb follows."""
    after = doc[span.end] if span.end < len(doc) else None
    return len(span) == 1 and not span.text.endswith("e") and after is not None and after.pos_ in ("ADP", "ADV", "PRON", "DET")


_MODEL_WORDS = {"de", "het", "een", "type"}
_PLURAL_ENDINGS = ("en", "ers")  # Dutch plurals of peoples: Koerden, Joden, Friezen, Amsterdammers
_QUANTIFIERS = {"veel", "vele", "alle", "sommige", "enkele", "honderden", "duizenden", "tienduizenden", "miljoenen", "talloze", "meeste"}


def names_a_people(doc: Doc, span: Span, is_adjective: Callable[[str], bool]) -> bool:
    """Whether a one-word name in a Dutch plural form is a people by the grammar around
    it: a plural verb agrees with it alone ("De Koerden vechten"), a number or quantifier
    counts it ("150 Friezen", "honderden Joden") or a country adjective
    qualifies it ("Syrische Koerden")."""
    if len(span) == 2 and span[0].lower_ == "de":
        span = span[1:]  # "De Koerden" at the start of a sentence
    if len(span) != 1 or span.start == 0 or not span.text.endswith(_PLURAL_ENDINGS):
        return False
    if span.end < len(doc) and doc[span.end].text == "-":
        return False  # "twee Fastned-vlinders": a compound
    word, before = span[0], doc[span.start - 1]
    if is_first_name(word.text) or common_word_pos(word.text):
        return False  # "Ruben", "Gemeenten"
    if word.dep_ == "nsubj" and "Plur" in word.head.morph.get("Number") and not any(c.dep_ == "conj" for c in word.children):
        return True
    return before.pos_ == "NUM" or before.lower_ in _QUANTIFIERS or (before.is_title and before.text.endswith("e") and is_adjective(before.text))


def function_word(span: Span) -> bool:
    """"Het", "Ook", "Geef": one word that Dutch uses as a function word or a verb (the
    treebanks' common words), never a name on its own."""
    return len(span) == 1 and common_word_pos(span.text) in NEVER_NAME_POS


@functools.lru_cache(maxsize=1)
def _cabinet_name() -> re.Pattern:
    return re.compile(read_yaml("name_shapes.yaml")["cabinet_name"])


def is_cabinet_name(text: str) -> bool:
    """"Rutte-II", "Balkenende-IV": a numbered cabinet, an organisation."""
    return _cabinet_name().fullmatch(text) is not None


def acronyms_of_common_words(doc: Doc) -> set[str]:
    """Acronyms the article defines by lower-case words whose initials spell them:
    "body mass index (BMI)", "persoonsgebonden budget (pgb)"."""
    found = set()
    for tok in doc[1:-1]:
        if doc[tok.i - 1].text != "(" or doc[tok.i + 1].text != ")" or not 2 <= len(tok.text) <= 6 or not tok.is_alpha:
            continue
        letters = tok.text.casefold()
        words = [t for t in doc[max(0, tok.i - 1 - len(letters)) : tok.i - 1]]
        if len(words) == len(letters) and all(t.is_lower and t.is_alpha for t in words):
            if "".join(t.text[0] for t in words) == letters:
                found.add(tok.text)
    return found
