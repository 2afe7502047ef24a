"""Distil the NER vote into one NER, measured with the k-fold of ``kfold.py``.

The shipped NER is the majority vote of three seeds (``kroniek_ner_vote``): about 0.012
k-fold F1 over one seed, at three NERs' cost.  A student is one NER trained on the gold
articles plus unlabelled text labelled by the vote ("silver"):

* silver text: the dpg-news-2019 articles minus every id held out for blind evaluation
  (``tests/data/heldout_ids.txt`` and every dpg id of ``tests/data/*blind*`` files), and
  the text of the UD *train* files (no sentence whose words are in a UD dev or test file,
  and none found in MEANTIME, the out-of-domain evaluation);
* the teacher is the vote with Kroniek's stages on (gazetteer, titled names, one label per
  name per article), as users get it; each silver sentence records whether all three
  members gave the same names (``--silver agree`` keeps only those);
* k-fold honesty: fold k's teachers are ``kfold.py``'s fold-k seeds (trained on the other
  folds only), fold k's silver comes from fold k's vote, and fold k's student is scored on
  fold k's articles like the vote (``kroniek eval ner`` code, stages on).

    python training/distil.py teachers        # kfold.py's 3 seeds a fold, then each fold's silver
    python training/distil.py students --variant all --arch base small   # every fold + the final fit
    python training/distil.py students --variant agree gold2 gold --arch small --folds-only
    python training/distil.py score --names student-all-base ... [--meantime]   # seed 0, vote, students

(``label --fold K`` or ``--fold final`` labels one silver set; the commands above run it.)
Measured (``training/README.md``, "Distilling the vote"): every student scored below the vote
on both folds and on MEANTIME, so the shipped NER stays the vote.

At most two training or labelling processes run at once (``runs/slot*.lock``), whichever
command started them.
"""

from __future__ import annotations

import argparse
import csv
import fcntl
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "lib"))

CORPORA = ROOT.parent / "shared" / "corpora"
RUNS = HERE / "runs" / "kfold"
TEST_DATA = ROOT / "tests" / "data"
SLOTS = 2
SEEDS = 3
FOLDS = 2
# Student recipes: name -> (silver file, extra ``spacy train`` overrides, gold copies).
VARIANTS: dict[str, dict] = {
    "all": {"silver": "silver-all", "overrides": []},
    "agree": {"silver": "silver-agree", "overrides": []},
    "gold2": {"silver": "silver-all", "overrides": [], "gold_copies": 2},
    "gold": {"silver": None, "overrides": []},  # no silver: what the architecture alone costs
    "silveronly": {"silver": "silver-all", "overrides": [], "gold_copies": 0},  # the first stage of `ft`
}
ARCHITECTURES: dict[str, list[str]] = {
    "base": [],  # ner-tuned.cfg as the vote's members
    "narrow": ["--components.tok2vec.model.encode.width", "64"],
    "shallow": ["--components.tok2vec.model.encode.depth", "2"],
    "small": ["--components.tok2vec.model.encode.width", "64", "--components.tok2vec.model.encode.depth", "2"],
}


# ---------------------------------------------------------------- silver text


def excluded_ids() -> set[str]:
    """Every dpg id of a blind or held-out evaluation set."""
    ids: set[str] = set()
    for path in [*TEST_DATA.glob("heldout*"), *TEST_DATA.glob("*blind*")]:
        ids.update(re.findall(r"dpg-\d+", path.read_text(encoding="utf-8")))
    return ids


def silver_texts(corpora: Path = CORPORA) -> list[tuple[str, str]]:
    """(unit id, text) of the unlabelled text a student may learn from."""
    from prepare import read_conllu, sentence_key, sentence_text

    blind = excluded_ids()
    units = []
    for line in (corpora / "dpg-news-2019" / "articles.jsonl").open(encoding="utf-8"):
        article = json.loads(line)
        if article["id"] not in blind and article["text"].strip():
            units.append((article["id"], article["text"]))
    ud = corpora / "ud-nl"
    held = {sentence_key(s) for p in ud.glob("*.conllu") if "train" not in p.name for s in read_conllu(p)}
    meantime = " ".join(json.loads(line)["text"] for line in (corpora / "meantime-nl" / "articles.jsonl").open(encoding="utf-8"))
    seen = set(held)
    for path in sorted(ud.glob("*train*.conllu")):
        sentences = []
        for rows in read_conllu(path):
            key, text = sentence_key(rows), sentence_text(rows)
            if key in seen or (len(text) > 30 and text in meantime):
                continue
            seen.add(key)
            sentences.append(text)
        for j in range(0, len(sentences), 10):  # ten consecutive sentences a unit
            units.append((f"{path.stem}-{j // 10}", " ".join(sentences[j : j + 10])))
    return units


def label(teacher: str, out: Path, corpora: Path = CORPORA) -> None:
    """Tag the silver text with ``teacher`` (a vote pipeline), stages on; write every
    sentence with a name-or-not (``silver-all.spacy``) and those all members agree on
    (``silver-agree.spacy``), ten sentences a doc."""
    from spacy.tokens import Doc, DocBin

    from kroniek.nlp import load_nlp
    from kroniek.nlp import vote as ner_vote

    original = ner_vote.majority

    def recording(predictions, n_members):  # the members' own names, per doc
        recording.last.append([set(p) for p in predictions])
        return original(predictions, n_members)

    recording.last = []
    ner_vote.majority = recording
    nlp = load_nlp(teacher)
    units = silver_texts(corpora)
    all_docs, agree_docs, stats = [], [], {"units": len(units), "sentences": 0, "agree": 0, "names": 0, "words": 0}
    started = time.time()
    for unit_id, text in units:
        recording.last = []
        doc = nlp(text)
        members = recording.last[0] if recording.last else None
        chunk_all, chunk_agree = [], []
        for sent in doc.sents:
            words = [t.text for t in sent if not t.is_space]
            if not words:
                continue
            inside = lambda s, e: sent.start <= s and e <= sent.end  # noqa: E731
            agree = members is None or len({frozenset(v for v in m if inside(v[0], v[1])) for m in members}) == 1
            item = (sent, agree)
            chunk_all.append(item)
            stats["sentences"] += 1
            stats["agree"] += agree
            stats["words"] += len(sent)
            stats["names"] += sum(1 for e in doc.ents if inside(e.start, e.end))
        for j in range(0, len(chunk_all), 10):
            all_docs.append(sentences_doc(nlp.vocab, doc, [s for s, _ in chunk_all[j : j + 10]]))
        agreed = [s for s, a in chunk_all if a]
        for j in range(0, len(agreed), 10):
            agree_docs.append(sentences_doc(nlp.vocab, doc, agreed[j : j + 10]))
    out.mkdir(parents=True, exist_ok=True)
    DocBin(docs=all_docs, store_user_data=False).to_disk(out / "silver-all.spacy")
    DocBin(docs=agree_docs, store_user_data=False).to_disk(out / "silver-agree.spacy")
    stats["seconds"] = round(time.time() - started)
    (out / "silver.json").write_text(json.dumps(stats, indent=2))
    print(json.dumps(stats), flush=True)


def sentences_doc(vocab, doc, sents):
    """One training doc of ``sents`` (spans of ``doc``) with their names and sentence starts."""
    from spacy.tokens import Doc

    words, spaces, starts, ents = [], [], [], []
    for sent in sents:
        offset = len(words)
        kept = [t for t in sent if not t.is_space]
        index = {t.i: offset + k for k, t in enumerate(kept)}
        for k, t in enumerate(kept):
            words.append(t.text)
            spaces.append(True)
            starts.append(k == 0)
        for e in doc.ents:
            if sent.start <= e.start and e.end <= sent.end and e.start in index and e.end - 1 in index:
                ents.append((index[e.start], index[e.end - 1] + 1, e.label_))
    out = Doc(vocab, words=words, spaces=spaces, sent_starts=starts)
    from spacy.tokens import Span

    out.set_ents([Span(out, s, e, label=l) for s, e, l in ents], default="outside")
    return out


# ---------------------------------------------------------------- jobs, two at a time


class Slot:
    """One of ``SLOTS`` machine-wide places for a training or labelling process."""

    def __init__(self) -> None:
        self.fh = None

    def acquire(self) -> bool:
        RUNS.mkdir(parents=True, exist_ok=True)
        for i in range(SLOTS):
            fh = (RUNS / f"slot{i}.lock").open("w")
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                fh.close()
                continue
            self.fh = fh
            return True
        return False

    def release(self) -> None:
        if self.fh:
            fcntl.flock(self.fh, fcntl.LOCK_UN)
            self.fh.close()
            self.fh = None


def run_jobs(jobs: list[dict]) -> None:
    """Start each job (cmd, log, done: path, needs: paths) once its inputs exist and a slot is free."""
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    pending = [j for j in jobs if not j["done"].exists()]
    running: list[tuple[dict, subprocess.Popen, Slot, float]] = []
    while pending or running:
        for item in list(running):
            job, proc, slot, started = item
            if proc.poll() is not None:
                slot.release()
                running.remove(item)
                print(f"{time.strftime('%H:%M')} done {job['name']} (exit {proc.returncode}, {(time.time() - started) / 60:.0f} min)", flush=True)
        for job in list(pending):
            if not all(p.exists() for p in job.get("needs", [])) or not all(finished(log) for log in job.get("after", [])):
                continue
            slot = Slot()
            if not slot.acquire():
                break
            job["log"].parent.mkdir(parents=True, exist_ok=True)
            proc = subprocess.Popen(job["cmd"], env=env, stdout=job["log"].open("w"), stderr=subprocess.STDOUT)
            running.append((job, proc, slot, time.time()))
            pending.remove(job)
            print(f"{time.strftime('%H:%M')} started {job['name']}", flush=True)
        time.sleep(20)


def finished(log: Path) -> bool:
    """Whether the ``spacy train`` run writing ``log`` has ended (``model-best`` appears at its
    first evaluation, long before)."""
    return log.exists() and "Saved pipeline to output directory" in log.read_text(encoding="utf-8", errors="replace")


def train_cmd(out: Path, train: list[Path], stop: Path, seed: int, max_steps: int, extra: list[str]) -> list[str]:
    if len(train) > 1:  # spaCy reads every .spacy file of a folder: one link per part
        folder = out.parent / f"{out.name}-data"
        folder.mkdir(parents=True, exist_ok=True)
        for i, part in enumerate(train):
            link = folder / f"{i}-{part.name}"
            if not link.is_symlink():
                link.symlink_to(part.resolve())
        train = [folder]
    return [sys.executable, "-m", "spacy", "train", str(HERE / "configs" / "ner-tuned.cfg"), "-o", str(out),
            "--paths.train", str(train[0]), "--paths.dev", str(stop),
            "--system.seed", str(seed), "--training.max_steps", str(max_steps), "--training.eval_frequency", "400", *extra]


def fold_dir(k) -> Path:
    return RUNS / f"fold{k}"


def prepare_folds(corpora: Path) -> None:
    """The folds of ``kfold.py`` (same articles, same early-stopping tenth)."""
    import spacy

    from kfold import to_docbin, write_conll
    from prepare import read_conll2002

    conll = corpora / "conll2002-nl"
    articles = list(read_conll2002(conll / "ned.train")) + list(read_conll2002(conll / "ned.testa"))
    vocab = spacy.blank("nl").vocab
    for k in range(FOLDS):
        out = fold_dir(k)
        if (out / "stop.spacy").exists():
            continue
        out.mkdir(parents=True, exist_ok=True)
        held = [a for i, a in enumerate(articles) if i % FOLDS == k]
        rest = [a for i, a in enumerate(articles) if i % FOLDS != k]
        write_conll(held, out / "test.conll")
        to_docbin(vocab, [a for i, a in enumerate(rest) if i % 10 != 9], out / "train.spacy")
        to_docbin(vocab, [a for i, a in enumerate(rest) if i % 10 == 9], out / "stop.spacy")


def teacher_jobs(max_steps: int) -> list[dict]:
    from kfold import model_dir

    jobs = []
    for k in range(FOLDS):
        out = fold_dir(k)
        for seed in range(SEEDS):
            model = out / model_dir(seed)
            jobs.append({"name": f"fold{k} seed{seed}", "done": model / "model-best", "log": out / f"train-{seed}.log",
                         "cmd": train_cmd(model, [out / "train.spacy"], out / "stop.spacy", seed, max_steps, [])})
    return jobs


def label_job(k) -> dict:
    from kfold import model_dir

    out = fold_dir(k) if k != "final" else RUNS.parent / "distil-final"
    needs = [] if k == "final" else [fold_dir(k) / model_dir(s) / "model-best" for s in range(SEEDS)]
    return {"name": f"label fold{k}", "done": out / "silver.json", "log": out / "label.log", "needs": needs,
            "cmd": [sys.executable, str(HERE / "distil.py"), "label", "--fold", str(k)]}


def student_job(k, variant: str, arch: str, max_steps: int, seed: int = 0) -> dict:
    spec = VARIANTS[variant]
    name = f"student-{variant}-{arch}" + (f"-seed{seed}" if seed else "")
    if k == "final":
        out, corpus = RUNS.parent / "distil-final", HERE / "corpus"
        gold, stop = corpus / "ner-final-train.spacy", corpus / "ner-final-stop.spacy"
    else:
        out = fold_dir(k)
        gold, stop = out / "train.spacy", out / "stop.spacy"
    silver = [out / f"{spec['silver']}.spacy"] if spec["silver"] else []
    train = [gold] * spec.get("gold_copies", 1) + silver
    return {"name": f"fold{k} {name}", "done": out / name / "model-best", "log": out / f"{name}.log", "needs": [*silver, gold],
            "cmd": train_cmd(out / name, train, stop, seed, max_steps, spec["overrides"] + ARCHITECTURES[arch])}


def finetune(k, source: str, target: str, max_steps: int) -> None:
    """Train on fold ``k``'s gold alone, starting from the weights of ``source`` (a student
    trained on silver alone): silver as pretraining, gold last."""
    import spacy

    out = fold_dir(k)
    model = out / source / "model-best"
    config = spacy.util.load_config(model / "config.cfg")
    config["components"]["tok2vec"] = {"source": str(model)}
    config["components"]["ner"] = {"source": str(model)}
    config.to_disk(out / f"{target}.cfg")
    cmd = [sys.executable, "-m", "spacy", "train", str(out / f"{target}.cfg"), "-o", str(out / target),
           "--paths.train", str(out / "train.spacy"), "--paths.dev", str(out / "stop.spacy"),
           "--training.max_steps", str(max_steps), "--training.eval_frequency", "400"]
    subprocess.run(cmd, check=True)


def finetune_jobs(arch: str, max_steps: int) -> list[dict]:
    jobs = []
    for k in range(FOLDS):
        source, target = f"student-silveronly-{arch}", f"student-ft-{arch}"
        jobs.append(student_job(k, "silveronly", arch, max_steps))
        jobs.append({"name": f"fold{k} {target}", "done": fold_dir(k) / target / "model-best", "log": fold_dir(k) / f"{target}.log",
                     "needs": [fold_dir(k) / source / "model-best"], "after": [fold_dir(k) / f"{source}.log"],
                     "cmd": [sys.executable, str(HERE / "distil.py"), "finetune", "--fold", str(k), "--arch", arch, "--max-steps", str(max_steps)]})
    return jobs


# ---------------------------------------------------------------- scoring


def score(names: list[str], meantime: bool, corpora: Path, teachers: bool = True) -> None:
    from kfold import model_dir, prf, vote_pipeline

    try:  # kroniek.nlp.evaluation since lib/kroniek was laid out by stage
        from kroniek.nlp.evaluation import evaluate_ner, evaluate_ner_meantime
    except ImportError:
        from kroniek.evaluation import evaluate_ner, evaluate_ner_meantime

    table = {}
    for k in range(FOLDS):
        out = fold_dir(k)
        models = {"seed0": str(out / model_dir(0) / "model-best"), "vote": str(vote_pipeline(out, SEEDS))} if teachers else {}
        models.update({n: str(out / n / "model-best") for n in names if (out / n / "model-best").exists()})
        for name, model in models.items():
            row = prf(evaluate_ner(out / "test.conll", model))
            if meantime:
                row["meantime_recall"] = round(evaluate_ner_meantime(corpora / "meantime-nl", model)["recall"], 4)
            table.setdefault(name, {})[f"fold{k}"] = row
            print(f"fold {k} {name:32s} {json.dumps(row)}", flush=True)
    for name, folds in table.items():
        f = [v["f"] for v in folds.values()]
        print(f"{name:32s} mean F1 {sum(f) / len(f):.4f} " + " ".join(f"{v['f']:.3f}" for v in folds.values()))
    (RUNS / ("distil-summary.json" if teachers else "distil-summary-students.json")).write_text(json.dumps(table, indent=2))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["teachers", "label", "students", "finetune", "score"])
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--max-steps", type=int, default=3000)
    parser.add_argument("--final-steps", type=int, default=4800, help="the final fit (the vote's seeds 1 and 2 stopped at 4,800)")
    parser.add_argument("--fold", default=None, help="label: a fold number or 'final' (the shipped vote)")
    parser.add_argument("--variant", nargs="+", default=["all"], choices=sorted(VARIANTS))
    parser.add_argument("--arch", nargs="+", default=["base"], choices=sorted(ARCHITECTURES))
    parser.add_argument("--folds-only", action="store_true", help="students: no final fit")
    parser.add_argument("--final-only", action="store_true", help="students: the final fit only")
    parser.add_argument("--names", nargs="*", default=[], help="score: student run names")
    parser.add_argument("--meantime", action="store_true", help="score: MEANTIME recall of every model too")
    parser.add_argument("--students-only", action="store_true", help="score: not seed 0 and the vote again")
    args = parser.parse_args()
    if args.command == "teachers":
        prepare_folds(args.corpora)
        jobs = teacher_jobs(args.max_steps)
        run_jobs(jobs + [label_job(k) for k in range(FOLDS)])
    elif args.command == "label":
        if args.fold == "final":
            label(str(ROOT / "lib" / "kroniek" / "models" / "nl_news"), RUNS.parent / "distil-final", args.corpora)
        else:
            from kfold import vote_pipeline

            label(vote_pipeline(fold_dir(args.fold), SEEDS), fold_dir(args.fold), args.corpora)
    elif args.command == "finetune" and args.fold is not None:  # one fold's second stage
        finetune(int(args.fold), f"student-silveronly-{args.arch[0]}", f"student-ft-{args.arch[0]}", args.max_steps)
    elif args.command == "finetune":  # silver alone, then gold, every fold
        run_jobs([job for arch in args.arch for job in finetune_jobs(arch, args.max_steps)])
    elif args.command == "students":
        jobs = []
        folds = [] if args.final_only else list(range(FOLDS))
        for variant in args.variant:
            for arch in args.arch:
                jobs += [student_job(k, variant, arch, args.max_steps) for k in folds]
                if not args.folds_only:
                    jobs.append(student_job("final", variant, arch, args.final_steps))
        if not args.folds_only:
            corpus = HERE / "corpus"
            jobs.insert(0, {"name": "prepare", "done": corpus / "ner-final-stop.spacy", "log": RUNS / "prepare.log",
                            "cmd": [sys.executable, str(HERE / "prepare.py"), "--corpora", str(args.corpora)]})
            jobs.insert(1, label_job("final"))
        run_jobs(jobs)
    else:
        slot = Slot()  # scoring counts as one of the two processes too
        while not slot.acquire():
            time.sleep(20)
        score(args.names, args.meantime, args.corpora, teachers=not args.students_only)
        slot.release()


if __name__ == "__main__":
    main()
