"""Assemble the shipped pipeline from the trained UD and NER pipelines, score it, and
write it to ``lib/kroniek/models/nl_news`` with its meta.json.

The UD pipeline (tok2vec, morphologizer, trainable_lemmatizer, parser) keeps its shared
tok2vec; the NER gets its own copy of its tok2vec (``replace_listeners``), so the two
never interfere.  Scores are measured with Kroniek's own evaluation (the gazetteer
and consistency stages on, as users get them) on data no training choice was made on:
the NER on MEANTIME's gold names (out of domain; ``ned.testa`` is training data now),
tags, lemmas and parse on UD Alpino ``test``.

    python training/assemble.py --ud runs/ud/model-best --ner runs/ner/model-best
"""

from __future__ import annotations

import argparse
import importlib
import json
import shutil
import sys
import time
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT / "training"
sys.path.insert(0, str(ROOT / "lib"))
TARGET = ROOT / "lib" / "kroniek" / "models" / "nl_news"
VERSION = "0.3.1"


def share_vectors(source, target) -> None:
    """Give ``target`` the static vectors ``source``'s components were trained with.

    A component's static-vector layer reads ``doc.vocab.vectors`` when it runs, so a sourced
    NER trained with vectors needs the same table in the shipped vocab, and two components
    trained with different tables cannot share one pipeline."""
    theirs, ours = source.vocab.vectors, target.vocab.vectors
    if not theirs.shape[0] or theirs.to_bytes() == ours.to_bytes():
        return
    if ours.shape[0]:
        raise SystemExit("the UD and NER pipelines were trained with different static vectors")
    target.vocab.vectors = theirs


def add_ner(nlp, ner_paths: list[Path]) -> None:
    """The NER before the parser: one model, or a majority vote of several (``kroniek_ner_vote``).

    Before the parser because spaCy's NER never lets an entity cross a sentence start, and
    the parser's sentence starts cut names in two (testa F1 0.725 after the parser, 0.733
    before).  Each model gets its own copy of its tok2vec (``replace_listeners``)."""
    importlib.import_module("kroniek.nlp.components")  # registers kroniek_ner_vote

    names = ["ner"] if len(ner_paths) == 1 else [f"ner_seed{i}" for i in range(len(ner_paths))]
    position = {"before": "parser"} if "parser" in nlp.pipe_names else {}
    for name, path in zip(names, ner_paths):
        ner_nlp = spacy.load(path)
        if "tok2vec" in ner_nlp.pipe_names and "ner" in ner_nlp.get_pipe("tok2vec").listening_components:
            ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])  # else: a shipped NER, already its own
        share_vectors(ner_nlp, nlp)
        nlp.add_pipe("ner", source=ner_nlp, name=name, **position)
    if len(names) > 1:
        nlp.add_pipe("kroniek_ner_vote", name="ner", config={"members": names}, **position)
        for name in names:  # run by the vote only
            nlp.disable_pipe(name)


def ner_only_pipeline(ner_paths: list[Path], out: Path) -> Path:
    """A blank Dutch pipeline with only the NER (or the vote) of ``ner_paths``, for scoring."""
    nlp = spacy.blank("nl")
    add_ner(nlp, ner_paths)
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    return out


def assemble(ud_path: Path, ner_paths: list[Path], out: Path) -> None:
    nlp = spacy.load(ud_path)
    for name in sorted((n for n in nlp.component_names if n == "ner" or n.startswith("ner_seed")), key=lambda n: n != "ner"):  # the vote before its members
        nlp.remove_pipe(name)  # a shipped pipeline reused for its UD components
    add_ner(nlp, ner_paths)
    ner_kind = f": the majority vote of {len(ner_paths)} models trained with different seeds" if len(ner_paths) > 1 else ""
    nlp.meta.update(
        {
            "name": "news",
            "version": VERSION,
            "lang": "nl",
            "description": (
                "Kroniek's Dutch news pipeline: morphologizer (UPOS and features), trainable lemmatizer and "
                "dependency parser trained on UD Dutch v2 (LassySmall dev and test, four fifths of Alpino dev; "
                "Alpino test held out), and a CoNLL-2002 NER (PER, ORG, LOC, MISC) trained on ned.train and "
                f"ned.testa with its own tok2vec{ner_kind}."
            ),
            "author": "Kroniek",
            "license": "CC BY-SA 4.0 (UD parts); NER trained on CoNLL-2002, research use only",
            "sources": [
                {"name": "UD Dutch Alpino and LassySmall", "url": "https://universaldependencies.org", "license": "CC BY-SA 4.0"},
                {"name": "CoNLL-2002 Dutch NER", "url": "https://www.clips.uantwerpen.be/conll2002/ner/", "license": "research use only"},
            ],
        }
    )
    card = (out / "MODEL_CARD.md").read_text(encoding="utf-8") if (out / "MODEL_CARD.md").exists() else None
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    if card is not None:  # written by hand, kept across rebuilds
        (out / "MODEL_CARD.md").write_text(card, encoding="utf-8")


def score(out: Path, corpora: Path) -> dict:
    from kroniek.nlp import evaluation
    from kroniek.nlp import load_nlp

    ner = evaluation.evaluate_ner_meantime(corpora / "meantime-nl", str(out))
    parse = evaluation.evaluate_parse(corpora / "ud-nl" / "nl_alpino-ud-test.conllu", str(out))
    nlp = load_nlp(str(out))
    texts = [json.loads(line)["text"] for line in (corpora / "dpg-news-2019" / "articles.jsonl").open(encoding="utf-8")][:300]
    words = sum(len(t.split()) for t in texts)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    speed = words / (time.perf_counter() - started)
    kfold = TRAINING / "runs" / "kfold" / "summary.json"  # written by kfold.py
    performance = {}
    if kfold.exists():
        summary = json.loads(kfold.read_text())
        performance["ner_kfold_f1"] = summary["f"]  # the vote when kfold.py ran with --seeds
        if "seed0" in summary:
            performance["ner_kfold_f1_one_seed"] = summary["seed0"]["f"]
    performance.update({
        "ner_meantime_recall": round(ner["recall"], 4),
        "ner_meantime_span_recall": round(ner["span_recall"], 4),
        "ner_meantime_precision": round(ner["precision_annotated"], 4),
        "ner_meantime_per_type": {k: round(v["recall"], 4) for k, v in ner["per_label"].items()},
        "pos_acc": round(parse["pos_acc"], 4),
        "lemma_acc": round(parse["lemma_acc"], 4),
        "lemma_acc_plain": round(parse["lemma_acc_plain"], 4),
        "dep_uas": round(parse["uas"], 4),
        "dep_las": round(parse["las"], 4),
        "dep_las_full_labels": round(parse["las_full"], 4),
        "words_per_second": round(speed),
    })
    return performance


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ud", type=Path, required=True)
    parser.add_argument("--ner", type=Path, nargs="+", required=True, help="one NER, or several to vote")
    parser.add_argument("--out", type=Path, default=TARGET)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = parser.parse_args()
    assemble(args.ud, args.ner, args.out)
    performance = score(args.out, args.corpora)
    meta_path = args.out / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta["performance"] = performance
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False))
    size = sum(f.stat().st_size for f in args.out.rglob("*") if f.is_file())
    print(json.dumps(performance, indent=2))
    print(f"size {size / 1e6:.1f} MB -> {args.out}")


if __name__ == "__main__":
    main()
