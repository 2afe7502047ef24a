"""Measure one training lever at a time against the configuration it would change.

    python training/levers.py ner-vectors ud-vectors   # names from LEVERS below
    python training/levers.py --vote ner-vectors ner-vectors-seed1 ner-vectors-seed2
    python training/levers.py --list

An NER lever is trained on ``ned.train`` (``ned.testa`` picks the checkpoint, as for every
row of the NER table in README) and scored on ``ned.testa`` and on MEANTIME's gold names; a
UD lever is trained on today's UD v2 trees and scored on the held-out fifth of Alpino dev
and on Alpino test.  Runs go to ``training/runs/levers/<name>`` and are skipped when their
``model-best`` exists; two run at a time unless ``--parallel`` says otherwise.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
VECTORS = HERE / "runs" / "vectors" / "nl_vectors"  # written by vectors.py
STATIC = ["--components.tok2vec.model.embed.include_static_vectors", "true", "--paths.vectors", str(VECTORS)]
NER = ["configs/ner-tuned.cfg", "--paths.train", str(CORPUS / "ner-train.spacy"), "--paths.dev", str(CORPUS / "ner-dev.spacy"),
       "--training.max_steps", "3000", "--training.eval_frequency", "400"]
UD = ["configs/ud.cfg", "--paths.train", str(CORPUS / "ud-train-v2only.spacy"), "--paths.dev", str(CORPUS / "ud-dev.spacy"),
      "--training.eval_frequency", "400"]
# The tok2vec and parser-size levers are compared with the 0.2.0 recipe stopped at the same step.
UD_CAPPED = [*UD, "--training.max_steps", "3200"]
UD_SEPARATE = ["configs/ud-separate.cfg", *UD[1:], "--training.max_steps", "3200"]

LEVERS: dict[str, list[str]] = {
    "ner-tuned": NER,
    "ner-tuned-seed1": [*NER, "--system.seed", "1"],
    "ner-tuned-seed2": [*NER, "--system.seed", "2"],
    "ner-vectors": [*NER, *STATIC],
    "ner-vectors-seed1": [*NER, *STATIC, "--system.seed", "1"],
    "ner-vectors-wide": [*NER, *STATIC, "--components.tok2vec.model.encode.width", "128"],
    "ud-vectors": [*UD, *STATIC],
    "ud-capped": UD_CAPPED,
    "ud-separate-tok2vec": UD_SEPARATE,
    "ud-wide-tok2vec": [*UD_CAPPED, "--components.tok2vec.model.encode.width", "128"],
    "ud-deep-tok2vec": [*UD_CAPPED, "--components.tok2vec.model.encode.depth", "6"],
    "ud-wide-parser": [*UD_CAPPED, "--components.parser.model.hidden_width", "256"],
}


def train(name: str, runs: Path) -> subprocess.Popen | None:
    out = runs / name
    if (out / "model-best").exists():
        return None
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    cmd = [sys.executable, "-m", "spacy", "train", *LEVERS[name][:1], "-o", str(out), *LEVERS[name][1:]]
    return subprocess.Popen(cmd, cwd=HERE, env=env, stdout=(out / "train.log").open("w"), stderr=subprocess.STDOUT)


def score(name: str, runs: Path, corpora: Path) -> str:
    sys.path.insert(0, str(HERE.parent / "lib"))
    from kroniek.nlp.evaluation import evaluate_ner, evaluate_ner_meantime, evaluate_parse

    model = str(runs / name / "model-best")
    if name.startswith(("ner", "vote")):
        testa = evaluate_ner(corpora / "conll2002-nl" / "ned.testa", model)["overall"]["f"]
        meantime = evaluate_ner_meantime(corpora / "meantime-nl", model)["recall"]
        return f"{name}: ned.testa F1 {testa:.3f}, MEANTIME recall {meantime:.3f}"
    dev = evaluate_parse(CORPUS / "ud-dev.conllu", model)
    test = evaluate_parse(corpora / "ud-nl" / "nl_alpino-ud-test.conllu", model)
    keys = ("las", "uas", "pos_acc", "lemma_acc_plain")
    return f"{name}: dev " + " ".join(f"{k} {dev[k]:.3f}" for k in keys) + " | test " + " ".join(f"{k} {test[k]:.3f}" for k in keys)


def build_vote(names: list[str], runs: Path) -> str:
    """A blank Dutch pipeline whose NER is the vote of the named NER runs (for scoring)."""
    sys.path.insert(0, str(HERE))
    from assemble import ner_only_pipeline

    out = runs / ("vote-" + "+".join(names))
    ner_only_pipeline([runs / name / "model-best" for name in names], out / "model-best")
    return out.name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--vote", action="store_true", help="also score the majority vote of the NER runs named")
    parser.add_argument("--corpora", type=Path, default=HERE.parent.parent / "shared" / "corpora")
    parser.add_argument("--runs", type=Path, default=HERE / "runs" / "levers")
    parser.add_argument("--parallel", type=int, default=2, help="runs trained at once (this machine has two cores)")
    args = parser.parse_args()
    if args.list or not args.names:
        print("\n".join(LEVERS))
        return
    for i in range(0, len(args.names), args.parallel):
        jobs = [job for job in (train(name, args.runs) for name in args.names[i : i + args.parallel]) if job]
        for job in jobs:
            job.wait()
    names = list(args.names)
    if args.vote:
        names.append(build_vote(args.names, args.runs))
    for name in names:
        print(score(name, args.runs, args.corpora), flush=True)


if __name__ == "__main__":
    main()
