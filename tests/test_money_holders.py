"""Whose figure it is: the actor a money figure belongs to, read from the parse.

Real sentences of dpg-news-2019 articles outside the held-out set, MEANTIME and the seed, each
with the actor the figure belongs to, or None where the grammar gives it to no actor
(the dashboard then says the actors are only named beside it)."""

from __future__ import annotations

import pytest

from kroniek import extract_article

HOLDERS = [
    # the subject of the clause
    ("Poetin zegde nieuwe leningen toe van tussen de 630 en 640 miljoen dollar aan de buur, die al fors in het krijt staat.",
     "tussen de 630 en 640 miljoen dollar", "Poetin"),
    ("De gemeente Hengelo betaalde 440.000 euro mee aan de renovatie van het hoofdgebouw op Veldwijk.", "440.000 euro", "Hengelo"),
    ("Tata Steel in IJmuiden trekt ruim 100 miljoen euro extra uit om alle stof- en grafietuitstoot van het bedrijf aan te pakken.",
     "ruim 100 miljoen euro", "Tata Steel"),
    ("In juni 2018 maakte Brussel importheffingen bekend van 2,8 miljard euro op Amerikaanse producten: whisky, spijkerbroeken en "
     "motoren van Harley-Davidson werden duurder in Europa.", "2,8 miljard euro", "Brussel"),
    ("Vrijwillig doneert Smollett de borgsom van 10 duizend dollar aan de gemeente Chicago.", "10 duizend dollar", "Smollett"),
    # the subject, not the politician or president named elsewhere; a possessive pronoun passes it on
    ("Echter, doordat Baudet steeds zijn 1000 miljard aan kosten noemde, gebeurde hetzelfde als met Trump drie jaar geleden.",
     "1000 miljard", "Baudet"),
    # a verb without a subject of its own takes its governor's ("wil ... uitgeven")
    ("Forum voor Democratie wil liever 15 miljard uitgeven aan onderwijs en politie.", "15 miljard", "Forum voor Democratie"),
    # a name beside a title, not the source named beside it
    ("Directeur Mikhail Friedman bezit volgens zakenblad Forbes naar schatting 15 miljard dollar.", "naar schatting 15 miljard dollar",
     "Mikhail Friedman"),
    # the subject's van-phrase, a name beside "gemeente"
    ("Het jaarlijkse budget van de gemeente Istanbul bedraagt ruim 6,5 miljard euro - meer dan dat van het Turkse ministerie van "
     "volksgezondheid of van buitenlandse zaken.", "ruim 6,5 miljard euro", "Istanbul"),
    # the subject of the clause of a figure inside a van-phrase ("een schuldenberg van ...")
    ("Maar instanties blijven herhalen dat deze maatregelen tientallen miljarden kosten, terwijl Italië al stikt onder een "
     "schuldenberg van 2300 miljard euro.", "2300 miljard euro", "Italië"),
    # a relative pronoun stands for its antecedent, also through a verb without a subject of its own
    ("De Golfstaat, die 1 miljard euro aan Frankrijk betaalde om de naam van het Parijse Louvre te mogen gebruiken, jubelde dat het "
     "tentoonstellen van de Salvator Mundi hun 'geschenk aan de mensheid' zou zijn.", "1 miljard euro", "De Golfstaat"),
    # (MEANTIME, Wikinews)
    ("Boeing runt ook een ontwerpcentrum in Moskou met 1400 werknemers en een contract van 30 jaar voor de levering van titanium "
     "onderdelen met het Russische VSMPO-Avisma, dat volgens Boeing naar schatting $18 miljoen waard is.", "naar schatting $18 miljoen",
     "VSMPO-Avisma"),
    # the amount is its clause's subject: nobody's
    ("De WTO oordeelde in mei 2018 dat miljarden euro's aan Europese subsidies voor Airbus illegaal waren en dat de vliegtuigbouwer "
     "daarmee een oneerlijk voordeel had verworven in de concurrentie met Boeing.", "miljarden euro's", None),
]


@pytest.mark.parametrize("sentence, amount, holder", HOLDERS, ids=[h[2] or h[1] for h in HOLDERS])
def test_a_figure_belongs_to_the_actor_its_sentence_gives_it_to(nlp, sentence, amount, holder):
    extraction = extract_article(sentence, "2019-03-01", nlp)
    row = next(r for r in extraction.money if r["text"] == amount)
    found = sentence[row["holder_start"] : row["holder_end"]] if row["holder_end"] > row["holder_start"] else None
    assert found == holder
    if holder is not None:  # the offsets are a mention's, so the dashboard finds its actor
        assert any((m["start"], m["end"]) == (row["holder_start"], row["holder_end"]) for m in extraction.mentions)


def test_the_context_of_a_compound_is_its_money_part(nlp):
    """"een schuldenberg van 2300 miljard" is debt, not the costs named earlier in the sentence."""
    sentence = next(h[0] for h in HOLDERS if h[2] == "Italië")
    rows = {r["text"]: r["context"] for r in extract_article(sentence, "2019-03-01", nlp).money}
    assert rows == {"tientallen miljarden": "kosten", "2300 miljard euro": "schuld"}
