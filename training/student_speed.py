"""What a smaller NER would save: CPU seconds of each shipped component and of untrained
student NERs of other sizes, on the same DPG articles.

    python training/student_speed.py [--articles 100]

Speed does not depend on the weights (an NER makes one transition a token, whatever it
predicts), so the candidates are initialised, not trained.  CPU time of this process
(``time.process_time``, one thread) is measured instead of wall time, so other jobs on the
machine move the figures less; each is the best of ``--repeat`` passes.  The last column
projects the pipeline's speed with the candidate in place of the shipped NER, as a factor
of ``kroniek:fast`` (seed 0 alone).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "lib"))

CANDIDATES = {  # name -> (tok2vec width, depth, hash rows, NER hidden width, maxout pieces)
    "as shipped (96 wide, 4 deep)": (96, 4, [20000, 5000, 10000, 2500], 64, 2),
    "64 wide, 4 deep": (64, 4, [20000, 5000, 10000, 2500], 64, 2),
    "96 wide, 2 deep": (96, 2, [20000, 5000, 10000, 2500], 64, 2),
    "64 wide, 2 deep": (64, 2, [20000, 5000, 10000, 2500], 64, 2),
    "96 wide, 4 deep, hidden 32, maxout 1": (96, 4, [20000, 5000, 10000, 2500], 32, 1),
    "64 wide, 2 deep, hidden 32, maxout 1": (64, 2, [20000, 5000, 10000, 2500], 32, 1),
    "96 wide, 3 deep": (96, 3, [20000, 5000, 10000, 2500], 64, 2),
}


def candidate(width: int, depth: int, rows: list[int], hidden: int, pieces: int, labels):
    import spacy

    nlp = spacy.blank("nl")
    tok2vec = {"@architectures": "spacy.Tok2Vec.v2",
               "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": width, "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
                         "rows": rows, "include_static_vectors": False},
               "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": width, "depth": depth, "window_size": 1, "maxout_pieces": 3}}
    model = {"@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
             "hidden_width": hidden, "maxout_pieces": pieces, "use_upper": True, "nO": None, "tok2vec": tok2vec}
    ner = nlp.add_pipe("ner", config={"model": model})
    for label in labels:
        ner.add_label(label)
    nlp.initialize()
    return ner


def run(proc, docs):
    return proc.pipe(docs, batch_size=64) if hasattr(proc, "pipe") else (proc(d) for d in docs)


def cpu_seconds(proc, docs, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        copies = [d.copy() for d in docs]
        t0 = time.process_time()
        for _ in run(proc, copies):
            pass
        best = min(best, time.process_time() - t0)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = parser.parse_args()
    from kroniek.nlp import FAST_NAME, load_nlp

    path = args.corpora / "dpg-news-2019" / "articles.jsonl"
    texts = [t for t in (json.loads(line)["text"] for line in path.open(encoding="utf-8")) if t.strip()][: args.articles]
    nlp = load_nlp(FAST_NAME)
    docs = list(nlp.tokenizer.pipe(texts))
    stages = {}
    for name, proc in nlp.pipeline:  # each stage on the output of the ones before it
        stages[name] = cpu_seconds(proc, docs, args.repeat)
        docs = list(run(proc, [d.copy() for d in docs]))
    total = sum(stages.values())
    words = sum(len(t.split()) for t in texts)
    print(f"kroniek:fast, {args.articles} articles, {words:,} words: {total:.2f} CPU s for the components ({words / total:,.0f} words per CPU s)")
    for name, seconds in stages.items():
        print(f"  {name:26s} {seconds:6.2f} s {100 * seconds / total:5.1f}%")
    shipped = stages["ner"]
    labels = nlp.get_pipe("ner").labels
    plain = [nlp.make_doc(t) for t in texts]
    print(f"\n{'student NER':40s} {'CPU s':>6s} {'vs shipped':>10s} {'pipeline speed x fast':>22s}")
    for name, spec in CANDIDATES.items():
        seconds = cpu_seconds(candidate(*spec, labels), plain, args.repeat)
        base = cpu_seconds(nlp.get_pipe("ner"), plain, 1) if name.startswith("as shipped") else None
        print(f"{name:40s} {seconds:6.2f} {seconds / shipped:10.2f} {total / (total - shipped + seconds):22.2f}" + (f"  (shipped NER alone on the same docs: {base:.2f} s)" if base else ""))


if __name__ == "__main__":
    main()
