"""Self-training, measured: does adding silver-labelled news to ``ned.train`` help the NER?

Silver labels come from a pipeline whose NER never saw ``ned.testa`` (``--teacher``, e.g.
pipeline 0.2.0), run over the unlabelled DPG news (minus the articles listed in
``--exclude``), with Kroniek's stages on.  A sentence is kept only when every name in it
has one label throughout its article (the consistency a news article gives for free) and it
holds at least one name.  Two runs of the same configuration, with and without the silver
sentences, are scored on ``ned.testa``; ``kroniek eval ner --meantime`` gives the
out-of-domain figure for each.

    python training/selftrain.py --teacher PATH [--max-sentences 5000]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "lib"))

from spacy.tokens import Doc, DocBin  # noqa: E402


def silver_docs(nlp, articles: list[dict], limit: int) -> list[Doc]:
    kept: list[Doc] = []
    for doc in nlp.pipe((a["text"] for a in articles), batch_size=16):
        labels: dict[str, set[str]] = defaultdict(set)
        for ent in doc.ents:
            labels[ent.text].add(ent.label_)
        for sent in doc.sents:
            ents = [e for e in doc.ents if sent.start <= e.start and e.end <= sent.end]
            if ents and all(len(labels[e.text]) == 1 for e in ents):
                words = [t.text for t in sent]
                spaces = [bool(t.whitespace_) for t in sent]
                silver = Doc(nlp.vocab, words=words, spaces=spaces)
                silver.ents = [silver.char_span(e.start_char - sent.start_char, e.end_char - sent.start_char, label=e.label_) for e in ents]
                kept.append(silver)
        if len(kept) >= limit:
            break
    return kept[:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--teacher", required=True)
    parser.add_argument("--corpora", type=Path, default=HERE.parent.parent / "shared" / "corpora")
    parser.add_argument("--exclude", type=Path, nargs="*", default=[], help="files of article ids to leave out")
    parser.add_argument("--max-sentences", type=int, default=5000)
    parser.add_argument("--max-steps", type=int, default=3000)
    parser.add_argument("--runs", type=Path, default=HERE / "runs" / "selftrain")
    args = parser.parse_args()
    from kroniek.nlp import load_nlp

    excluded = {line.strip() for f in args.exclude for line in f.read_text().splitlines() if line.strip()}
    articles = [a for a in map(json.loads, (args.corpora / "dpg-news-2019" / "articles.jsonl").open(encoding="utf-8")) if a["id"] not in excluded]
    teacher = load_nlp(args.teacher)
    silver = silver_docs(teacher, articles, args.max_sentences)
    args.runs.mkdir(parents=True, exist_ok=True)
    gold = list(DocBin().from_disk(HERE / "corpus" / "ner-train.spacy").get_docs(teacher.vocab))
    DocBin(docs=gold + silver, store_user_data=False).to_disk(args.runs / "train-silver.spacy")
    print(f"{len(silver)} silver sentences from {len(articles)} articles", flush=True)
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    jobs = []
    for name, train in (("gold", HERE / "corpus" / "ner-train.spacy"), ("silver", args.runs / "train-silver.spacy")):
        out = args.runs / name
        cmd = [sys.executable, "-m", "spacy", "train", str(HERE / "configs" / "ner-tuned.cfg"), "-o", str(out),
               "--paths.train", str(train), "--paths.dev", str(HERE / "corpus" / "ner-dev.spacy"),
               "--training.max_steps", str(args.max_steps), "--training.eval_frequency", "400"]
        if not (out / "model-best").exists():
            jobs.append(subprocess.Popen(cmd, env=env, stdout=open(args.runs / f"{name}.log", "w"), stderr=subprocess.STDOUT))
    for job in jobs:
        job.wait()
    from kroniek.nlp.evaluation import evaluate_ner, evaluate_ner_meantime

    for name in ("gold", "silver"):
        model = str(args.runs / name / "model-best")
        testa = evaluate_ner(args.corpora / "conll2002-nl" / "ned.testa", model)["overall"]["f"]
        meantime = evaluate_ner_meantime(args.corpora / "meantime-nl", model)["recall"]
        print(f"{name}: ned.testa F1 {testa:.3f}, MEANTIME recall {meantime:.3f}", flush=True)


if __name__ == "__main__":
    main()
