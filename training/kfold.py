"""An NER figure no training choice touched: k-fold over ned.train + ned.testa articles.

The shipped NER is fitted on all of ``ned.train`` + ``ned.testa`` after its
configuration was chosen on ``ned.testa``, so neither file can score it.  Here the
articles of both are dealt into k folds; each fold is tagged by a model trained (same
configuration, same early-stopping rule: one training article in ten held out) on the
other folds, and scored by ``kroniek eval ner`` with the gazetteer and consistency stages
on, as users get them.

    python training/kfold.py [--folds 2] [--max-steps 3000] [--seeds 3]

With ``--seeds N`` each fold trains N models (seeds 0..N-1) and scores their majority vote
(``kroniek_ner_vote``, as shipped) beside the seed-0 model alone.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from spacy.tokens import DocBin

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from prepare import DEFAULT_CORPORA, conll_sentences_to_doc, read_conll2002  # noqa: E402

import spacy  # noqa: E402


def write_conll(articles, path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for article in articles:
            fh.write("-DOCSTART- -DOCSTART- O\n")
            for sentence in article:
                fh.writelines(f"{word} _ {tag}\n" for word, tag in sentence)
                fh.write("\n")


def to_docbin(vocab, articles, path: Path) -> None:
    docs = [conll_sentences_to_doc(vocab, a[j : j + 10]) for a in articles for j in range(0, len(a), 10)]
    DocBin(docs=docs, store_user_data=False).to_disk(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--folds", type=int, default=2)
    parser.add_argument("--max-steps", type=int, default=3000)
    parser.add_argument("--seeds", type=int, default=1, help="models per fold; more than one are scored as a vote")
    parser.add_argument("--runs", type=Path, default=HERE / "runs" / "kfold")
    args = parser.parse_args()
    conll = args.corpora / "conll2002-nl"
    articles = list(read_conll2002(conll / "ned.train")) + list(read_conll2002(conll / "ned.testa"))
    vocab = spacy.blank("nl").vocab
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    jobs = []
    for k in range(args.folds):
        out = args.runs / f"fold{k}"
        out.mkdir(parents=True, exist_ok=True)
        held = [a for i, a in enumerate(articles) if i % args.folds == k]
        rest = [a for i, a in enumerate(articles) if i % args.folds != k]
        write_conll(held, out / "test.conll")
        to_docbin(vocab, [a for i, a in enumerate(rest) if i % 10 != 9], out / "train.spacy")
        to_docbin(vocab, [a for i, a in enumerate(rest) if i % 10 == 9], out / "stop.spacy")
        for seed in range(args.seeds):
            model = out / model_dir(seed)
            cmd = [sys.executable, "-m", "spacy", "train", str(HERE / "configs" / "ner-tuned.cfg"), "-o", str(model),
                   "--paths.train", str(out / "train.spacy"), "--paths.dev", str(out / "stop.spacy"), "--system.seed", str(seed),
                   "--training.max_steps", str(args.max_steps), "--training.eval_frequency", "400"]
            if not (model / "model-best").exists():
                jobs.append(subprocess.Popen(cmd, env=env, stdout=(out / f"train-{seed}.log").open("w"), stderr=subprocess.STDOUT))
    for job in jobs:
        job.wait()
    sys.path.insert(0, str(HERE.parent / "lib"))
    from kroniek.nlp.evaluation import evaluate_ner, format_ner

    scores, votes = [], []
    for k in range(args.folds):
        out = args.runs / f"fold{k}"
        result = evaluate_ner(out / "test.conll", str(out / model_dir(0) / "model-best"))
        print(f"== fold {k} of {args.folds}, seed 0\n{format_ner(result)}", flush=True)
        scores.append(prf(result))
        if args.seeds > 1:
            result = evaluate_ner(out / "test.conll", vote_pipeline(out, args.seeds))
            print(f"== fold {k} of {args.folds}, vote of {args.seeds} seeds\n{format_ner(result)}", flush=True)
            votes.append(prf(result))
    summary = {"folds": scores, "f": mean_f(scores)}
    if votes:  # the shipped NER is the vote: its figure is the headline
        summary = {"seeds": args.seeds, "folds": votes, "f": mean_f(votes), "seed0": summary}
    (args.runs / "summary.json").write_text(json.dumps(summary, indent=2))  # read by assemble.py
    print(f"mean F1 {summary['f']:.3f} over {args.folds} folds" + (f" (seed 0 alone {summary['seed0']['f']:.3f})" if votes else ""))


def model_dir(seed: int) -> str:
    return "model" if seed == 0 else f"model-seed{seed}"


def prf(result: dict) -> dict:
    return {name: round(result["overall"][name], 4) for name in ("p", "r", "f")}


def mean_f(scores: list[dict]) -> float:
    return round(sum(s["f"] for s in scores) / len(scores), 4)


def vote_pipeline(fold: Path, seeds: int) -> str:
    """A blank Dutch pipeline whose NER is the vote of the fold's seed models."""
    from assemble import ner_only_pipeline

    return str(ner_only_pipeline([fold / model_dir(seed) / "model-best" for seed in range(seeds)], fold / "vote"))


if __name__ == "__main__":
    main()
