"""Retrain the shipped pipeline from ../shared/corpora in one command.

    python training/train.py [--corpora DIR] [--pretrain-epochs 13] [--quick]

Steps (each skipped when its output already exists, so an interrupted run resumes):
1. ``prepare.py``: corpora -> spaCy training files and unlabelled text (no evaluation text);
2. ``spacy pretrain``: the tok2vec learns to predict word starts and ends on ~0.9M words
   of unlabelled Dutch news;
3. NER on CoNLL-2002 ``ned.train`` (tuned on ``ned.testa``), starting from that tok2vec;
4. morphologizer, lemmatizer and parser on UD Dutch in v2 labels (their own tok2vec);
5. ``assemble.py``: one pipeline in ``lib/kroniek/models/nl_news``, scored, with meta.json.

``--quick`` trains for a few hundred steps only (to check the recipe, not to ship).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable


def run(cmd: list[str], log: Path | None = None) -> None:
    print("$", " ".join(str(c) for c in cmd), flush=True)
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    if log is None:
        subprocess.run(cmd, check=True, cwd=HERE, env=env)
        return
    with log.open("w") as fh:
        subprocess.run(cmd, check=True, cwd=HERE, env=env, stdout=fh, stderr=subprocess.STDOUT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--pretrain-epochs", type=int, default=13)
    parser.add_argument("--runs", type=Path, default=HERE / "runs" / "recipe")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    started = time.time()
    runs: Path = args.runs
    runs.mkdir(parents=True, exist_ok=True)
    corpus = HERE / "corpus"
    steps = ["--training.max_steps", "300", "--training.eval_frequency", "100"] if args.quick else []

    run([PY, "prepare.py", "--corpora", str(args.corpora)])

    pretrained = runs / "pretrain" / f"model{args.pretrain_epochs - 1}.bin"
    if not pretrained.exists():
        epochs = 1 if args.quick else args.pretrain_epochs
        pretrained = runs / "pretrain" / f"model{epochs - 1}.bin"
        run([PY, "-m", "spacy", "pretrain", "configs/ner-pretrain.cfg", str(runs / "pretrain"),
             "--paths.raw_text", str(corpus / "unlabelled.jsonl"), "--pretraining.max_epochs", str(epochs)], runs / "pretrain.log")

    ner = runs / "ner"
    if not (ner / "model-best").exists():
        run([PY, "-m", "spacy", "train", "configs/ner-pretrain.cfg", "-o", str(ner),
             "--paths.train", str(corpus / "ner-train.spacy"), "--paths.dev", str(corpus / "ner-dev.spacy"),
             "--paths.init_tok2vec", str(pretrained), "--paths.raw_text", str(corpus / "unlabelled.jsonl"), *steps], runs / "ner.log")

    ud = runs / "ud"
    if not (ud / "model-best").exists():
        # the pretrained tok2vec did not help the parser (dev LAS 75.1 vs 75.6, see README)
        run([PY, "-m", "spacy", "train", "configs/ud.cfg", "-o", str(ud),
             "--paths.train", str(corpus / "ud-train-v2only.spacy"), "--paths.dev", str(corpus / "ud-dev.spacy"), *steps], runs / "ud.log")

    run([PY, "assemble.py", "--ud", str(ud / "model-best"), "--ner", str(ner / "model-best"), "--corpora", str(args.corpora)])
    print(f"done in {(time.time() - started) / 60:.0f} minutes")


if __name__ == "__main__":
    main()
