"""Retrain the shipped pipeline from ../shared/corpora in one command.

    python training/train.py [--corpora DIR] [--quick]

Steps (each skipped when its output already exists, so an interrupted run resumes):
1. ``prepare.py``: corpora -> spaCy training files (no evaluation text in any of them);
2. NER, the final fit: ``configs/ner-tuned.cfg`` (chosen on ``ned.testa``, see README) on
   ``ned.train`` + ``ned.testa``, one article in ten held out for early stopping only, once
   per seed (the shipped NER is their majority vote);
3. morphologizer, lemmatizer and parser on today's UD v2 trees (LassySmall dev+test, four
   fifths of Alpino dev; the other fifth selects the checkpoint; Alpino test unseen).  The
   2017 files (``ud-train-full.spacy``) scored lower on that fifth; see README;
4. ``assemble.py``: one pipeline in ``lib/kroniek/models/nl_news``, scored, with meta.json.

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
NER_SEEDS = 3  # the shipped NER is the majority vote of this many seeds (README: the vote)


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
    parser.add_argument("--runs", type=Path, default=HERE / "runs" / "recipe")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    started = time.time()
    runs: Path = args.runs
    runs.mkdir(parents=True, exist_ok=True)
    corpus = HERE / "corpus"
    steps = ["--training.max_steps", "300", "--training.eval_frequency", "100"] if args.quick else ["--training.eval_frequency", "400"]

    run([PY, "prepare.py", "--corpora", str(args.corpora)])

    ners = [runs / ("ner" if seed == 0 else f"ner-seed{seed}") for seed in range(NER_SEEDS)]
    for seed, ner in enumerate(ners):
        if not (ner / "model-best").exists():
            run([PY, "-m", "spacy", "train", "configs/ner-tuned.cfg", "-o", str(ner), "--system.seed", str(seed),
                 "--paths.train", str(corpus / "ner-final-train.spacy"), "--paths.dev", str(corpus / "ner-final-stop.spacy"),
                 *steps], runs / f"{ner.name}.log")

    ud = runs / "ud"
    if not (ud / "model-best").exists():
        run([PY, "-m", "spacy", "train", "configs/ud.cfg", "-o", str(ud),
             "--paths.train", str(corpus / "ud-train-v2only.spacy"), "--paths.dev", str(corpus / "ud-dev.spacy"),
             *steps], runs / "ud.log")

    run([PY, "assemble.py", "--ud", str(ud / "model-best"), "--ner", *(str(ner / "model-best") for ner in ners), "--corpora", str(args.corpora)])
    print(f"done in {(time.time() - started) / 60:.0f} minutes")


if __name__ == "__main__":
    main()
