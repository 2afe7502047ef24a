"""Scoring the pipeline: NER on CoNLL-2002 files, tagging and parsing on CoNLL-U.

Evaluation runs on the gold tokenisation (the Doc is built from the file's words), so
Kroniek's name-compound splitter is switched off here; the gazetteer ruler stays on,
since it is part of the shipped NER.

LAS is reported twice: on universal relation labels (subtypes such as ``nsubj:pass``
stripped, as in the CoNLL 2018 shared task) and on full labels.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc
from spacy.training import Example, biluo_tags_to_spans, iob_to_biluo

from kroniek.data.words import pronouns
from kroniek.nlp.pipeline import canonical_label, load_nlp


def read_conll_ner(path: Path) -> list[list[tuple[list[str], list[str]]]]:
    """Articles (split at ``-DOCSTART-``) of sentences of (words, IOB tags) from a
    CoNLL-2002 file (word POS tag)."""
    articles: list[list[tuple[list[str], list[str]]]] = [[]]
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            if words:
                articles[-1].append((words, tags))
                words, tags = [], []
            if parts and articles[-1]:
                articles.append([])
            continue
        words.append(parts[0])
        tags.append(parts[-1])
    if words:
        articles[-1].append((words, tags))
    return [a for a in articles if a]


def _entities(doc: Doc, labels_map) -> set[tuple[int, int, str]]:
    out = set()
    for ent in doc.ents:
        label = labels_map(ent.label_)
        if label:
            out.add((ent.start, ent.end, label))
    return out


def _article_doc(vocab, sentences: list[tuple[list[str], list[str]]]) -> Doc:
    words = [w for ws, _ in sentences for w in ws]
    starts = [i == 0 for ws, _ in sentences for i in range(len(ws))]
    return Doc(vocab, words=words, sent_starts=starts)


def evaluate_ner(path: Path, model: str | None = None, gazetteer: bool = True, consistent: bool = True, by_article: bool = True) -> dict:
    """Entity-level precision, recall and F1 (exact span and label), overall and per label.

    Articles are tagged whole (``by_article``), as Kroniek reads news, so the stages that
    look across an article's sentences count; ``by_article=False`` tags each sentence
    alone, as most CoNLL-2002 scores are reported.
    """
    nlp = load_nlp(model, gazetteer=gazetteer, consistent=consistent)
    articles = read_conll_ner(path)
    units = articles if by_article else [[sentence] for article in articles for sentence in article]
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    n_words = sum(len(w) for a in articles for w, _ in a)
    docs = [_article_doc(nlp.vocab, unit) for unit in units]
    with nlp.select_pipes(disable=[p for p in nlp.pipe_names if p in ("kroniek_split_names", "parser")]):
        predicted = list(nlp.pipe(docs, batch_size=64))
    for unit, doc in zip(units, predicted):
        tags = [t for _, ts in unit for t in ts]
        gold_doc = Doc(nlp.vocab, words=[t.text for t in doc])
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
    n_sentences = sum(len(a) for a in articles)
    return {"overall": total, "per_label": per_label, "sentences": n_sentences, "articles": len(articles), "words": n_words}


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
    lines.append(f"({scores['articles']} articles, {scores['sentences']} sentences, {scores['words']} words)")
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


# What Dutch puts between the parts of a compound: "jeugdgezondheid-s-zorg", "boek-en-kast".
_LINKING_LETTERS = {"", "s", "e", "en", "n", "-", "'s"}


def plain_lemma(word: str, lemma: str) -> str:
    """A lemma without Alpino's compound marks, spelt as the word spells its parts.

    Alpino writes "jeugd_gezondheid_zorg" for "jeugdgezondheidszorg" and
    "risico_groep" for "risicogroepen"; a dictionary (and Kroniek's lexicons) says
    "jeugdgezondheidszorg" and "risicogroep": the word up to its last part, then that
    part's lemma.  Where the last part is not in the word ("aan_bieden" for
    "aangeboden"), or is there only after the participle's "ge" ("aan_houden" for
    "aangehouden", whose lemma is "aanhouden"), the parts are joined.
    """
    if "_" not in lemma.strip("_"):
        return lemma
    parts = [p for p in lemma.split("_") if p]
    last = parts[-1]
    surface = word if lemma[:1].isupper() else word.lower()
    for k in range(len(last), 2, -1):
        i = surface.lower().rfind(last[:k].lower())
        if i > 0:
            lead = "".join(parts[:-1]).lower()
            between = surface[:i].lower()[len(lead):] if surface[:i].lower().startswith(lead) else ""
            if between not in _LINKING_LETTERS:
                break  # "aange" + "houden": a separable verb's participle
            return surface[:i] + last
    return "".join(parts)


def evaluate_parse(path: Path, model: str | None = None) -> dict:
    """UPOS accuracy, UAS, LAS (universal labels) and LAS (full labels), punctuation included."""
    nlp = load_nlp(model)
    sentences = read_conllu(path)
    docs = [Doc(nlp.vocab, words=[r[1] for r in rows]) for rows in sentences]
    keep = {"tok2vec", "morphologizer", "tagger", "parser", "trainable_lemmatizer", "lemmatizer", "kroniek_lemma_fallback", "parser_tok2vec", "ud_tok2vec"}
    with nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in keep]):
        predicted = list(nlp.pipe(docs, batch_size=128))
    total = pos_ok = uas_ok = las_ok = las_full_ok = lemma_ok = plain_ok = 0
    for rows, doc in zip(sentences, predicted):
        for i, r in enumerate(rows):
            token = doc[i]
            total += 1
            gold_head = int(r[6]) - 1 if int(r[6]) else i
            pos_ok += token.pos_ == r[3]
            lemma_ok += token.lemma_ == r[2]
            plain_ok += plain_lemma(token.text, token.lemma_) == plain_lemma(r[1], r[2])
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
        "lemma_acc_plain": plain_ok / total if total else 0.0,
        "uas": uas_ok / total if total else 0.0,
        "las": las_ok / total if total else 0.0,
        "las_full": las_full_ok / total if total else 0.0,
    }


def format_parse(scores: dict) -> str:
    return (
        f"UPOS accuracy  {scores['pos_acc']:.3f}\n"
        f"lemma accuracy {scores['lemma_acc']:.3f}  ({scores['lemma_acc_plain']:.3f} without Alpino's compound marks)\n"
        f"UAS            {scores['uas']:.3f}\n"
        f"LAS            {scores['las']:.3f}  (universal labels)\n"
        f"LAS full       {scores['las_full']:.3f}  (with subtypes)\n"
        f"({scores['sentences']} sentences, {scores['tokens']} tokens)"
    )


# --- NER out of domain: MEANTIME's gold entity mentions ------------------------------

# MEANTIME's types in CoNLL-2002 labels; FINANCE and OTHER mentions are not names.
MEANTIME_LABELS = {"ORG": "ORG", "PER": "PER", "LOC": "LOC", "PRO": "MISC"}
_PRONOUNS = pronouns("not_a_name")


def _is_name(mention: dict) -> bool:
    """A gold mention that is a name ("Airbus", "Steve Jobs"), not "het bedrijf" or "zij"."""
    head = mention["mention_head"].strip("`'\" ")
    return mention["mention_type"] in MEANTIME_LABELS and head[:1].isupper() and head.lower() not in _PRONOUNS


def _name_span(text: str, mention: dict, cursor: int) -> tuple[int, int] | None:
    """Character span of a gold mention from ``cursor`` on, without a leading article
    or other lower-case words ("de United States Air Force" -> "United States Air Force"),
    as CoNLL-2002 marks names."""
    tokens = mention["tokens_str"].split()
    while tokens and not tokens[0][:1].isupper() and not tokens[0][:1].isdigit():
        tokens = tokens[1:]
    if not tokens:
        return None
    pattern = re.compile(r"\s*".join(re.escape(tok) for tok in tokens))
    found = pattern.search(text, cursor) or pattern.search(text)
    return (found.start(), found.end()) if found else None


def evaluate_ner_meantime(folder: Path, model: str | None = None, gazetteer: bool = True, consistent: bool = True) -> dict:
    """Recall of MEANTIME's gold named mentions (exact span and label) by the whole
    pipeline on each article's text, as users run it.

    MEANTIME annotates the participants of its events, not every name, so precision is
    measured only where it can be: over predicted entities that overlap a gold mention.
    """
    nlp = load_nlp(model, gazetteer=gazetteer, consistent=consistent)
    articles = [json.loads(line) for line in (folder / "articles.jsonl").open(encoding="utf-8")]
    by_doc: dict[str, list[dict]] = {}
    for line in (folder / "entity_mentions.jsonl").open(encoding="utf-8"):
        mention = json.loads(line)
        by_doc.setdefault(mention["doc"], []).append(mention)
    tp: Counter = Counter()
    fn: Counter = Counter()
    span_only = checked = checked_ok = 0
    for article, doc in zip(articles, nlp.pipe(a["text"] for a in articles)):
        mentions = sorted(by_doc.get(article["id"], []), key=lambda m: (m["sent_id"], m["tokens_number"][0]))
        gold, annotated, cursor = set(), [], 0
        for mention in mentions:
            span = _name_span(article["text"], mention, cursor)
            if span is None:
                continue
            cursor = span[0]
            annotated.append(span)
            if _is_name(mention):
                gold.add((*span, MEANTIME_LABELS[mention["mention_type"]]))
        predicted = {(e.start_char, e.end_char, canonical_label(e.label_)) for e in doc.ents if canonical_label(e.label_)}
        for item in gold:
            (tp if item in predicted else fn)[item[2]] += 1
        spans = {(s, e) for s, e, _ in predicted}
        span_only += sum((s, e) in spans for s, e, _ in gold)
        for s, e, label in predicted:
            if any(s < ge and e > gs for gs, ge in annotated):
                checked += 1
                checked_ok += (s, e, label) in gold
    n_gold = sum(tp.values()) + sum(fn.values())
    per_label = {label: {"recall": tp[label] / (tp[label] + fn[label]), "gold": tp[label] + fn[label]} for label in sorted(set(tp) | set(fn))}
    return {
        "gold": n_gold,
        "recall": sum(tp.values()) / n_gold if n_gold else 0.0,
        "span_recall": span_only / n_gold if n_gold else 0.0,
        "precision_annotated": checked_ok / checked if checked else 0.0,
        "checked": checked,
        "per_label": per_label,
        "articles": len(articles),
    }


def format_ner_meantime(scores: dict) -> str:
    lines = [f"{'label':<8}{'recall':>8}{'gold':>8}"]
    for label, s in scores["per_label"].items():
        lines.append(f"{label:<8}{s['recall']:>8.3f}{s['gold']:>8}")
    lines.append(f"{'ALL':<8}{scores['recall']:>8.3f}{scores['gold']:>8}   (span only: {scores['span_recall']:.3f})")
    lines.append(f"precision where MEANTIME annotates: {scores['precision_annotated']:.3f} of {scores['checked']} predicted names")
    lines.append(f"({scores['articles']} articles; exact character span and label)")
    return "\n".join(lines)
