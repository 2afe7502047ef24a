"""Scoring the pipeline: NER on CoNLL-2002 files, tagging and parsing on CoNLL-U.

Evaluation runs on the gold tokenisation (the Doc is built from the file's words), so
Kroniek's name-compound splitter is switched off here; the gazetteer ruler stays on,
since it is part of the shipped NER.

LAS is reported twice: on universal relation labels (subtypes such as ``nsubj:pass``
stripped, as in the CoNLL 2018 shared task) and on full labels.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from spacy.tokens import Doc
from spacy.training import Example, biluo_tags_to_spans, iob_to_biluo


def read_conll_ner(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences of (words, IOB tags) from a CoNLL-2002 file (word POS tag)."""
    sentences: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            if words:
                sentences.append((words, tags))
                words, tags = [], []
            continue
        words.append(parts[0])
        tags.append(parts[-1])
    if words:
        sentences.append((words, tags))
    return sentences


def _entities(doc: Doc, labels_map) -> set[tuple[int, int, str]]:
    out = set()
    for ent in doc.ents:
        label = labels_map(ent.label_)
        if label:
            out.add((ent.start, ent.end, label))
    return out


def evaluate_ner(path: Path, model: str | None = None) -> dict:
    """Entity-level precision, recall and F1 (exact span and label), overall and per label."""
    from kroniek.nlp import canonical_label, load_nlp

    nlp = load_nlp(model)
    sentences = read_conll_ner(path)
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    n_words = 0
    docs = [Doc(nlp.vocab, words=w) for w, _ in sentences]
    with nlp.select_pipes(disable=[p for p in nlp.pipe_names if p in ("kroniek_split_names",)]):
        predicted = list(nlp.pipe(docs, batch_size=256))
    for (words, tags), doc in zip(sentences, predicted):
        n_words += len(words)
        gold_doc = Doc(nlp.vocab, words=words)
        gold = {(s.start, s.end, s.label_) for s in biluo_tags_to_spans(gold_doc, iob_to_biluo(tags))}
        pred = _entities(doc, canonical_label)
        for item in pred & gold:
            tp[item[2]] += 1
        for item in pred - gold:
            fp[item[2]] += 1
        for item in gold - pred:
            fn[item[2]] += 1
    labels = sorted(set(tp) | set(fp) | set(fn))
    per_label = {label: _prf(tp[label], fp[label], fn[label]) for label in labels}
    total = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return {"overall": total, "per_label": per_label, "sentences": len(sentences), "words": n_words}


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f": f, "tp": tp, "fp": fp, "fn": fn}


def format_ner(scores: dict) -> str:
    lines = [f"{'label':<8}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}"]
    for label, s in scores["per_label"].items():
        lines.append(f"{label:<8}{s['p']:>8.3f}{s['r']:>8.3f}{s['f']:>8.3f}{s['tp'] + s['fn']:>8}")
    s = scores["overall"]
    lines.append(f"{'ALL':<8}{s['p']:>8.3f}{s['r']:>8.3f}{s['f']:>8.3f}{s['tp'] + s['fn']:>8}")
    lines.append(f"({scores['sentences']} sentences, {scores['words']} words)")
    return "\n".join(lines)


def read_conllu(path: Path) -> list[list[list[str]]]:
    sentences, rows = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if rows:
                sentences.append(rows)
                rows = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        rows.append(cols)
    if rows:
        sentences.append(rows)
    return sentences


def evaluate_parse(path: Path, model: str | None = None) -> dict:
    """UPOS accuracy, UAS, LAS (universal labels) and LAS (full labels), punctuation included."""
    from kroniek.nlp import load_nlp

    nlp = load_nlp(model)
    sentences = read_conllu(path)
    docs = [Doc(nlp.vocab, words=[r[1] for r in rows]) for rows in sentences]
    keep = {"tok2vec", "morphologizer", "tagger", "parser", "trainable_lemmatizer", "lemmatizer", "parser_tok2vec", "ud_tok2vec"}
    with nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in keep]):
        predicted = list(nlp.pipe(docs, batch_size=128))
    total = pos_ok = uas_ok = las_ok = las_full_ok = lemma_ok = 0
    for rows, doc in zip(sentences, predicted):
        for i, r in enumerate(rows):
            token = doc[i]
            total += 1
            gold_head = int(r[6]) - 1 if int(r[6]) else i
            pos_ok += token.pos_ == r[3]
            lemma_ok += token.lemma_ == r[2]
            head_ok = token.head.i == gold_head
            uas_ok += head_ok
            gold_dep = r[7].lower()
            pred_dep = token.dep_.lower() if token.dep_ != "ROOT" else "root"
            las_full_ok += head_ok and pred_dep == gold_dep
            las_ok += head_ok and pred_dep.split(":")[0] == gold_dep.split(":")[0]
    return {
        "tokens": total,
        "sentences": len(sentences),
        "pos_acc": pos_ok / total if total else 0.0,
        "lemma_acc": lemma_ok / total if total else 0.0,
        "uas": uas_ok / total if total else 0.0,
        "las": las_ok / total if total else 0.0,
        "las_full": las_full_ok / total if total else 0.0,
    }


def format_parse(scores: dict) -> str:
    return (
        f"UPOS accuracy  {scores['pos_acc']:.3f}\n"
        f"lemma accuracy {scores['lemma_acc']:.3f}\n"
        f"UAS            {scores['uas']:.3f}\n"
        f"LAS            {scores['las']:.3f}  (universal labels)\n"
        f"LAS full       {scores['las_full']:.3f}  (with subtypes)\n"
        f"({scores['sentences']} sentences, {scores['tokens']} tokens)"
    )
