"""Convert the shared Dutch corpora into spaCy training files.

Reads ``../shared/corpora`` (or ``--corpora``) and writes into ``training/corpus/``:

* ``ner-train.spacy`` / ``ner-dev.spacy``: CoNLL-2002 ``ned.train`` / ``ned.testa``
  (PER/ORG/LOC/MISC), ten sentences per Doc, article boundaries kept.
* ``ud-train.spacy`` / ``ud-dev.spacy`` / ``ud-test.spacy``: UD Dutch for the
  morphologizer, lemmatizer and parser.  LassySmall release 1.4 is in UD v1 and is
  converted to v2 labels first (see :func:`v1_to_v2`).  Alpino ``test`` is kept for
  evaluation only; Alpino ``dev`` is split 4:1 into training and development.
* ``unlabelled.jsonl``: raw text for ``spacy pretrain``; it never contains the NER
  development text (``ned.testa``) or the parser test text (Alpino ``test``), so that
  pretraining cannot leak evaluation data.

Run ``python training/prepare.py`` from the repository root.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from typing import Iterable, Iterator

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import iob_to_biluo, biluo_tags_to_spans

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lib"))
from kroniek.nlp.evaluation import plain_lemma  # noqa: E402

ROOT = Path(__file__).resolve().parent
DEFAULT_CORPORA = ROOT.parent.parent / "shared" / "corpora"

NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", ")", "]", "}", "%", "'s"}


def read_conll2002(path: Path) -> Iterator[list[list[tuple[str, str]]]]:
    """Yield articles as lists of sentences of (word, iob-tag)."""
    article: list[list[tuple[str, str]]] = []
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            if sentence:
                article.append(sentence)
                sentence = []
            continue
        parts = line.split(" ")
        if parts[0] == "-DOCSTART-":
            if sentence:
                article.append(sentence)
                sentence = []
            if article:
                yield article
            article = []
            continue
        sentence.append((parts[0], parts[-1]))
    if sentence:
        article.append(sentence)
    if article:
        yield article


def conll_sentences_to_doc(vocab, sentences: list[list[tuple[str, str]]]) -> Doc:
    words: list[str] = []
    tags: list[str] = []
    sent_starts: list[bool] = []
    for sentence in sentences:
        for i, (word, tag) in enumerate(sentence):
            words.append(word)
            tags.append(tag)
            sent_starts.append(i == 0)
    spaces = [nxt not in NO_SPACE_BEFORE for nxt in words[1:]] + [False]
    doc = Doc(vocab, words=words, spaces=spaces, sent_starts=sent_starts)
    doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(tags))
    return doc


def ner_docs(vocab, path: Path, per_doc: int = 10) -> list[Doc]:
    docs = []
    for article in read_conll2002(path):
        for i in range(0, len(article), per_doc):
            docs.append(conll_sentences_to_doc(vocab, article[i : i + per_doc]))
    return docs


# --- Universal Dependencies -------------------------------------------------------

V1_TO_V2_DEPS = {
    "dobj": "obj",
    "nsubjpass": "nsubj:pass",
    "csubjpass": "csubj:pass",
    "auxpass": "aux:pass",
    "name": "flat",
    "mwe": "fixed",
    "neg": "advmod",
    "foreign": "flat:foreign",
}
PREDICATE_POS = {"VERB", "AUX", "ADJ", "ADV"}


def read_conllu(path: Path) -> Iterator[list[list[str]]]:
    """Yield sentences as lists of the ten CoNLL-U columns (multiword ranges dropped)."""
    rows: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if rows:
                yield rows
                rows = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        rows.append(cols)
    if rows:
        yield rows


def v1_to_v2(rows: list[list[str]]) -> list[list[str]]:
    """Map a UD v1 sentence to UD v2 labels.

    Renamed relations are mapped one to one; a v1 ``nmod`` on a predicate becomes
    ``obl`` (``obl:agent`` with ``door`` in a passive clause); ``compound`` of a particle
    on a verb becomes ``compound:prt``; ``acl`` with a relative pronoun becomes
    ``acl:relcl``; a possessive determiner becomes ``nmod:poss``; ``CONJ`` becomes ``CCONJ``.
    """
    rows = [list(r) for r in rows]
    upos = {r[0]: r[3] for r in rows}
    children: dict[str, list[list[str]]] = {}
    for r in rows:
        children.setdefault(r[6], []).append(r)
    passive_heads = {r[6] for r in rows if r[7] in ("auxpass", "nsubjpass", "csubjpass")}
    for r in rows:
        if r[3] == "CONJ":
            r[3] = "CCONJ"
        dep, head = r[7], r[6]
        head_pos = upos.get(head, "")
        if dep in V1_TO_V2_DEPS:
            r[7] = V1_TO_V2_DEPS[dep]
        elif dep == "nmod" and head_pos in PREDICATE_POS:
            case_words = {c[2].lower() for c in children.get(r[0], []) if c[7] == "case"}
            r[7] = "obl:agent" if ("door" in case_words and head in passive_heads) else "obl"
        elif dep == "compound" and head_pos == "VERB" and r[3] in ("ADP", "ADV", "PART", "ADJ"):
            r[7] = "compound:prt"
        elif dep == "acl" and any("PronType=Rel" in c[5] for c in children.get(r[0], [])):
            r[7] = "acl:relcl"
        elif dep == "det" and "Poss=Yes" in r[5]:
            r[7] = "nmod:poss"
    return rows


POSSESSIVE_PERSON = {"mijn": "1", "m'n": "1", "ons": "1", "onze": "1", "jouw": "2", "je": "2", "uw": "2",
                     "jullie": "2", "zijn": "3", "z'n": "3", "haar": "3", "hun": "3"}


def harmonise_2017(rows: list[list[str]]) -> list[list[str]]:
    """Bring a 2017 UD v2 sentence to today's Dutch UD conventions.

    The 2017 conversions predate three relation subtypes that today's Alpino and
    LassySmall use and that Kroniek's extractors read: ``flat:name`` became ``flat``;
    possessive determiners became ``PRON`` with ``nmod:poss`` and ``Poss=Yes``; the
    ``door`` phrase of a passive became ``obl:agent``.  ``obl:arg`` cannot be told from
    ``obl`` without the Alpino source trees, so it stays ``obl`` (universal LAS does not
    see the difference).
    """
    rows = [list(r) for r in rows]
    children: dict[str, list[list[str]]] = {}
    for r in rows:
        children.setdefault(r[6], []).append(r)
    passive_heads = {r[6] for r in rows if r[7] in ("aux:pass", "nsubj:pass")}
    for r in rows:
        if r[7] == "flat:name":
            r[7] = "flat"
        elif r[7] == "det" and r[3] == "DET" and r[2].lower() in POSSESSIVE_PERSON:
            r[3], r[7] = "PRON", "nmod:poss"
            r[5] = f"Person={POSSESSIVE_PERSON[r[2].lower()]}|Poss=Yes|PronType=Prs"
        elif r[7] == "obl" and r[6] in passive_heads:
            if any(c[7] == "case" and c[2].lower() == "door" for c in children.get(r[0], [])):
                r[7] = "obl:agent"
    return rows


def sentence_key(rows: list[list[str]]) -> str:
    """The words of a sentence, for deduplication (the 2017 files mark no SpaceAfter)."""
    return " ".join(r[1] for r in rows).lower()


def deduplicated(sentences: list[list[list[str]]], exclude: set[str]) -> list[list[list[str]]]:
    """Sentences whose words are new (first copy kept) and not in ``exclude``."""
    seen = set(exclude)
    kept = []
    for rows in sentences:
        text = sentence_key(rows)
        if text not in seen:
            seen.add(text)
            kept.append(rows)
    return kept


def strip_subtypes(rows: list[list[str]]) -> list[list[str]]:
    """Universal relations only ("nsubj:pass" -> "nsubj")."""
    return [[*r[:7], r[7].split(":")[0], *r[8:]] for r in rows]


def conllu_to_doc(vocab, sentences: list[list[list[str]]], tags: bool = True) -> Doc:
    words, spaces, lemmas, pos, morphs, heads, deps, sent_starts = [], [], [], [], [], [], [], []
    offset = 0
    for rows in sentences:
        for i, r in enumerate(rows):
            words.append(r[1])
            spaces.append("SpaceAfter=No" not in r[9])
            # Today's Alpino and LassySmall mark compound parts in lemmas, the 2017 files
            # do not; Kroniek looks lemmas up as words, so it learns them unmarked.
            lemmas.append(plain_lemma(r[1], r[2]) if r[2] != "_" else r[1])
            pos.append(r[3] if r[3] != "_" else "X")
            morphs.append(r[5] if r[5] != "_" else "")
            head = int(r[6])
            heads.append(offset + head - 1 if head else offset + i)
            deps.append(r[7].lower() if r[7] != "_" else "dep")
            sent_starts.append(i == 0)
        offset += len(rows)
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        lemmas=lemmas,
        pos=pos if tags else None,  # without tags: POS and features missing, not empty
        morphs=morphs if tags else None,
        heads=heads,
        deps=deps,
        sent_starts=sent_starts,
    )


def chunks(items: list, size: int) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def ud_docs(vocab, sentences: list[list[list[str]]], per_doc: int = 10, tags: bool = True) -> list[Doc]:
    return [conllu_to_doc(vocab, group, tags) for group in chunks(sentences, per_doc)]


def sentence_text(rows: list[list[str]]) -> str:
    out = []
    for r in rows:
        out.append(r[1])
        if "SpaceAfter=No" not in r[9]:
            out.append(" ")
    return "".join(out).strip()


def text_chunks(text: str, max_words: int = 120) -> Iterator[str]:
    """Split raw text at sentence ends into chunks of at most ``max_words`` words."""
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z'\"‘“(])", text.strip())
    chunk: list[str] = []
    size = 0
    for sentence in sentences:
        words = len(sentence.split())
        if chunk and size + words > max_words:
            yield " ".join(chunk)
            chunk, size = [], 0
        chunk.append(sentence)
        size += words
    if chunk and size >= 3:
        yield " ".join(chunk)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--out", type=Path, default=ROOT / "corpus")
    args = parser.parse_args()
    corpora: Path = args.corpora
    if not corpora.is_dir():
        raise SystemExit(f"corpora folder not found: {corpora}")
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("nl")
    rng = random.Random(0)

    conll = corpora / "conll2002-nl"
    train = ner_docs(nlp.vocab, conll / "ned.train")
    dev = ner_docs(nlp.vocab, conll / "ned.testa")
    DocBin(docs=train, store_user_data=False).to_disk(out / "ner-train.spacy")
    DocBin(docs=dev, store_user_data=False).to_disk(out / "ner-dev.spacy")
    print(f"ner: {len(train)} train docs, {len(dev)} dev docs")

    ud = corpora / "ud-nl"
    lassy_v1 = [v1_to_v2(s) for s in read_conllu(ud / "nl_lassysmall-ud-train.r1.4-udv1.conllu")]
    lassy_v2 = list(read_conllu(ud / "nl_lassysmall-ud-dev.conllu")) + list(
        read_conllu(ud / "nl_lassysmall-ud-test.conllu")
    )
    alpino_dev = list(read_conllu(ud / "nl_alpino-ud-dev.conllu"))
    alpino_test = list(read_conllu(ud / "nl_alpino-ud-test.conllu"))
    rng.shuffle(alpino_dev)
    cut = len(alpino_dev) * 4 // 5
    ud_train = lassy_v1 + lassy_v2 + alpino_dev[:cut]
    ud_dev = alpino_dev[cut:]
    rng.shuffle(ud_train)
    DocBin(docs=ud_docs(nlp.vocab, ud_train)).to_disk(out / "ud-train.spacy")
    # The same without the converted UD v1 file: a measure of what the conversion costs.
    v2_only = lassy_v2 + alpino_dev[:cut]
    DocBin(docs=ud_docs(nlp.vocab, v2_only)).to_disk(out / "ud-train-v2only.spacy")
    # All of it with universal relations only (subtypes such as obl:arg, which UD v1
    # cannot express, stripped everywhere) and the v1 file's features left out (missing,
    # not wrong): the parser learns from every tree without contradictory labels.
    universal = ud_docs(nlp.vocab, [strip_subtypes(s) for s in v2_only])
    universal += ud_docs(nlp.vocab, [strip_subtypes(s) for s in lassy_v1], tags=False)
    rng.shuffle(universal)
    DocBin(docs=universal).to_disk(out / "ud-train-universal.spacy")
    DocBin(docs=ud_docs(nlp.vocab, [strip_subtypes(s) for s in ud_dev])).to_disk(out / "ud-dev-universal.spacy")
    DocBin(docs=ud_docs(nlp.vocab, ud_dev)).to_disk(out / "ud-dev.spacy")
    # the same development sentences as CoNLL-U, for `kroniek eval parse` (universal LAS)
    (out / "ud-dev.conllu").write_text("".join("\n".join("\t".join(r) for r in s) + "\n\n" for s in ud_dev), encoding="utf-8")
    DocBin(docs=ud_docs(nlp.vocab, alpino_test)).to_disk(out / "ud-test.spacy")
    print(f"ud: {len(ud_train)} train, {len(ud_dev)} dev, {len(alpino_test)} test sentences")

    # Every UD v2 tree: today's LassySmall dev+test and 4/5 of Alpino dev first (the newest
    # annotation wins a duplicate), then the 2017 LassySmall train and Alpino train fragment
    # harmonised; deduplicated by sentence text, and nothing whose text is in the held-out
    # Alpino dev fifth or in Alpino test.
    held_out = {sentence_key(s) for s in ud_dev + alpino_test}
    v2_2017 = [harmonise_2017(s) for name in ("nl_lassysmall-ud-train.v2-2017.conllu", "nl_alpino-ud-train.fragment-2017.conllu")
               for s in read_conllu(ud / name)]
    full = deduplicated(v2_only + v2_2017, held_out)
    rng.shuffle(full)
    DocBin(docs=ud_docs(nlp.vocab, full)).to_disk(out / "ud-train-full.spacy")
    print(f"ud full v2: {len(full)} train sentences ({len(v2_only) + len(v2_2017) - len(full)} duplicates or held out)")

    # The final NER fit: ned.train + ned.testa, with one article in ten held out for
    # early stopping only (the configuration was chosen on ned.testa before).
    final_docs = list(read_conll2002(conll / "ned.train")) + list(read_conll2002(conll / "ned.testa"))
    final_train, final_stop = [], []
    for i, article in enumerate(final_docs):
        target = final_stop if i % 10 == 9 else final_train
        target.extend(conll_sentences_to_doc(nlp.vocab, article[j : j + 10]) for j in range(0, len(article), 10))
    DocBin(docs=final_train, store_user_data=False).to_disk(out / "ner-final-train.spacy")
    DocBin(docs=final_stop, store_user_data=False).to_disk(out / "ner-final-stop.spacy")
    print(f"ner final fit: {len(final_train)} train docs, {len(final_stop)} early-stopping docs")

    n_lines = 0
    with (out / "unlabelled.jsonl").open("w", encoding="utf-8") as fh:

        def write(text: str) -> None:
            nonlocal n_lines
            for chunk in text_chunks(text):
                fh.write(json.dumps({"text": chunk}, ensure_ascii=False) + "\n")
                n_lines += 1

        for name in ("dpg-news-2019", "meantime-nl"):
            path = corpora / name / "articles.jsonl"
            if path.exists():
                for line in path.open(encoding="utf-8"):
                    article = json.loads(line)
                    write(article["text"])
        for article in read_conll2002(conll / "ned.train"):
            for sentence in article:
                write(" ".join(w for w, _ in sentence))
        for sentence in ud_train:
            write(sentence_text(sentence))
    print(f"unlabelled: {n_lines} texts")


if __name__ == "__main__":
    main()
