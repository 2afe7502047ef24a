"""The pipeline: the shipped one, any installed spaCy pipeline by name, label mapping, eval."""

from __future__ import annotations

import subprocess
import sys

import pytest
import spacy

from conftest import ROOT
from kroniek import extract_article
from kroniek.nlp import LABEL_MAP, SHIPPED_MODEL, canonical_label, load_nlp


def test_the_shipped_pipeline_loads_offline_with_every_component():
    nlp = load_nlp()
    assert nlp.meta["kroniek"]["source"] == "shipped"
    assert {"morphologizer", "trainable_lemmatizer", "parser", "ner", "kroniek_gazetteer", "kroniek_split_names"} <= set(nlp.pipe_names)
    assert nlp.get_pipe("ner").labels == ("LOC", "MISC", "ORG", "PER")
    size = sum(f.stat().st_size for f in SHIPPED_MODEL.rglob("*") if f.is_file())
    assert size < 60 * 1024 * 1024


def test_seed_entities(seed_article, nlp):
    doc = nlp(seed_article.text)
    labels: dict[str, set[str]] = {}
    for ent in doc.ents:
        labels.setdefault(ent.text, set()).add(ent.label_)
    assert labels["Poetin"] == {"PER"} and labels["Vladimir Poetin"] == {"PER"}
    assert labels["Loekasjenko"] == {"PER"} and labels["Aleksandr Loekasjenko"] == {"PER"}
    for place in ("Rusland", "Wit-Rusland", "Moskou", "Minsk", "Kremlin"):
        assert labels[place] == {"LOC"}, place
    assert labels["Ryanair"] == {"ORG"}


@pytest.mark.parametrize("label, expected", [("PERSON", "PER"), ("GPE", "LOC"), ("NORP", "MISC"), ("ORG", "ORG"), ("MONEY", None), ("DATE", None), ("PER", "PER")])
def test_label_mapping(label, expected):
    assert canonical_label(label) == expected
    assert set(LABEL_MAP.values()) <= {"PER", "ORG", "LOC", "MISC", None}


@pytest.fixture()
def ontonotes_pipeline(tmp_path):
    """A spaCy pipeline on disk with OntoNotes labels, as nl_core_news_* would give."""
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns(
        [
            {"label": "PERSON", "pattern": "Karin Bakkerveld"},
            {"label": "GPE", "pattern": "Utrecht"},
            {"label": "NORP", "pattern": "Nederlandse"},
            {"label": "MONEY", "pattern": [{"TEXT": "5"}, {"LOWER": "euro"}]},
        ]
    )
    path = tmp_path / "nl_fake_news_lg"
    nlp.meta["name"] = "fake_news_lg"
    nlp.to_disk(path)
    return path


def test_any_installed_pipeline_by_name_or_environment(ontonotes_pipeline, monkeypatch):
    text = "De Nederlandse Karin Bakkerveld betaalde 5 euro in Utrecht."
    nlp = load_nlp(str(ontonotes_pipeline))
    assert nlp.meta["kroniek"]["source"] == "installed"
    ex = extract_article(text, "2019-03-01", nlp)
    assert [(m["text"], m["label"], m["actor_type"]) for m in ex.mentions] == [
        ("Nederlandse", "MISC", "country"),
        ("Karin Bakkerveld", "PER", "person"),
        ("Utrecht", "LOC", "place"),
    ]
    assert [m["text"] for m in ex.money] == ["5 euro"]
    monkeypatch.setenv("KRONIEK_MODEL", str(ontonotes_pipeline))
    assert load_nlp().meta["name"] == "fake_news_lg"


def test_eval_commands(tmp_path):
    conll = tmp_path / "mini.conll"
    conll.write_text("-DOCSTART- -DOCSTART- O\nPoetin N B-PER\nbezocht V O\nMinsk N B-LOC\n. Punc O\n\nRyanair N B-ORG\nvloog V O\n. Punc O\n", encoding="utf-8")
    env = {"PYTHONPATH": str(ROOT / "lib"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-m", "kroniek.cli", "eval", "ner", "--conll", str(conll)], capture_output=True, text=True, env=env, timeout=600)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[-2].startswith("ALL        1.000   1.000   1.000       3")
    conllu = tmp_path / "mini.conllu"
    conllu.write_text(
        "1\tPoetin\tPoetin\tPROPN\t_\t_\t2\tnsubj\t_\t_\n2\tkwam\tkomen\tVERB\t_\t_\t0\troot\t_\t_\n3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n",
        encoding="utf-8",
    )
    out = subprocess.run([sys.executable, "-m", "kroniek.cli", "eval", "parse", "--conllu", str(conllu)], capture_output=True, text=True, env=env, timeout=600)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0].startswith("UPOS accuracy")
    assert out.stdout.splitlines()[-1] == "(1 sentences, 3 tokens)"


def _tagged(words: list[str], sentence_starts: set[int], ents: list[tuple[int, int, str]]):
    """A Doc as the statistical NER leaves it: words, sentence starts, entities."""
    from spacy.tokens import Doc, Span

    doc = Doc(spacy.blank("nl").vocab, words=words, sent_starts=[i in sentence_starts for i in range(len(words))])
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


# dpg-10649311: "... in het assortiment van Decathlon te veroordelen. (...) Dat werd
# Decathlon allemaal te veel. (...) Maar Decathlon zou wel het eerste Franse merk ..."
DECATHLON = "in het assortiment van Decathlon te veroordelen . Dat werd Decathlon allemaal te veel . Maar Decathlon zou wel het eerste Franse merk zijn".split()


def test_one_label_per_name_per_article():
    import kroniek.nlp.components as stages

    doc = _tagged(DECATHLON, {0, 8, 15}, [(4, 5, "LOC"), (10, 11, "ORG"), (16, 17, "ORG")])
    doc = stages.consistent_names(doc)
    assert [(e.text, e.label_, e.start) for e in doc.ents] == [("Decathlon", "ORG", 4), ("Decathlon", "ORG", 10), ("Decathlon", "ORG", 16)]


def test_a_name_found_once_is_found_where_the_model_missed_it():
    import kroniek.nlp.components as stages

    doc = stages.consistent_names(_tagged(DECATHLON, {0, 8, 15}, [(4, 5, "ORG")]))
    assert [(e.text, e.label_, e.start) for e in doc.ents] == [("Decathlon", "ORG", 4), ("Decathlon", "ORG", 10), ("Decathlon", "ORG", 16)]


def test_no_name_added_at_a_sentence_start_or_inside_a_longer_name():
    import kroniek.nlp.components as stages

    # dpg-10592825: "een reis naar Mars gaan maken: Mars One Ventures, ..."; the planet is LOC,
    # the company a longer name the model missed; "Lansdorp" starts the last sentence.
    words = "een reis naar Mars gaan maken : Mars One Ventures is failliet , zegt Bas Lansdorp . Lansdorp zwijgt".split()
    doc = stages.consistent_names(_tagged(words, {0, 17}, [(3, 4, "LOC"), (14, 16, "PER")]))
    assert [(e.text, e.start) for e in doc.ents] == [("Mars", 3), ("Bas Lansdorp", 14)]


@pytest.mark.parametrize(
    "sentence, word, raw, lemma",
    [
        # sentences of the held-out fifth of UD Alpino dev, where the edit tree makes a non-word
        ("Atkins , die beschikte over een unieke speelstijl , was zeer gewild .", "beschikte", "beschiken", "beschikken"),
        ("Honderden mensen zijn naar buurland Oeganda gevlucht .", "gevlucht", "gevluchten", "vluchten"),
        ("De gouden C aan haar halsketting herinnert aan een belofte .", "herinnert", "herinnren", "herinneren"),
        ("De twee vriendinnetjes bevonden zich in een doucheruimte bij een caravan .", "vriendinnetjes", "vriendinnet", "vriendin"),
        ("Toen die hoorden van het annuleren van de Copa , lieten ze hem terstond vrij .", "hoorden", "hoorid", "horen"),
    ],
)
def test_the_lookup_table_replaces_a_lemma_that_is_no_dutch_word(nlp, sentence, word, raw, lemma):
    with nlp.select_pipes(disable=["kroniek_lemma_fallback"]):
        assert [t.lemma_ for t in nlp(sentence) if t.text == word] == [raw]
    assert [t.lemma_ for t in nlp(sentence) if t.text == word] == [lemma]


@pytest.mark.parametrize(
    "word, alpino_lemma, plain",
    [
        ("jeugdgezondheidszorg", "jeugd_gezondheid_zorg", "jeugdgezondheidszorg"),  # the linking s stays
        ("risicogroepen", "risico_groep", "risicogroep"),
        ("boekenkast", "boek_kast", "boekenkast"),
        ("aangeboden", "aan_bieden", "aanbieden"),  # the last part is not in the word
        ("aangehouden", "aan_houden", "aanhouden"),  # it is, after the participle's "ge"
        ("afgelost", "af_lossen", "aflossen"),
        ("doorgaat", "door_gaan", "doorgaan"),
    ],
)
def test_plain_lemma_drops_alpinos_compound_marks(word, alpino_lemma, plain):
    from kroniek.nlp.evaluation import plain_lemma

    assert plain_lemma(word, alpino_lemma) == plain
