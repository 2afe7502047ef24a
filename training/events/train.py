"""Train the event decision (``kroniek.extract.events.classify``) on judged candidates.

    python training/events/train.py                 # k-fold report, then the shipped model
    python training/events/train.py --report-only   # k-fold report only
    python training/events/train.py --variants      # every variant of the table in README.md
    python training/events/train.py --sweep         # shown precision and recall at thresholds 0.50-0.90

Reads ``training/events/judged.csv`` (docs/events.md, section 6), runs the shipped
pipeline over the judged articles (dpg-news-2019, MEANTIME, the seed, CoNLL-2002 train
and testa text, UD Dutch news and Wikipedia documents from ../shared/corpora; features cached in ``training/runs/events/``), scores the
hand-written rules and each model variant by k-fold over articles (no article in two
folds), and writes the chosen model to ``lib/kroniek/models/events/event_model.json.gz``.

Figures (per candidate): keep precision/recall (an event of some type or not), type
accuracy (on candidates both call an event), factuality accuracy (on judged events), and
what the chronicle shows: precision and recall of "an asserted event of the right type".
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "lib"))
sys.path.insert(0, str(HERE))
JUDGED = HERE / "judged.csv"
CACHE = ROOT / "training" / "runs" / "events" / "features.jsonl"
MODEL_OUT = ROOT / "lib" / "kroniek" / "models" / "events" / "event_model.json.gz"
VERSION = "1"


@dataclass
class Example:
    article_id: str
    start: int
    features: dict[str, float]
    rule_shown: bool  # what today's rules show (extract_events)
    rule_code: str
    gold_code: str  # "none" when not an event
    gold_fact: str


def read_judged(path: Path) -> dict[tuple[str, int], dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return {(r["article_id"], int(r["start"])): r for r in csv.DictReader(fh)}


def compute_features() -> list[dict]:
    """Run the pipeline over every article of the candidate pool; one record per candidate
    (judged or not: the cache serves every later judged table)."""
    from candidates import corpus_articles

    import kroniek.extract.events.core as events_core
    from kroniek.extract.events.candidates import article_candidates
    from kroniek.extract.article import SentenceIndex, extract_doc
    from kroniek.nlp.pipeline import load_nlp

    articles = list(corpus_articles(["dpg", "meantime", "seeds", "conll", "conll-testa", "ud"]))
    nlp = load_nlp()
    events_core.load_event_model = lambda: None  # the baseline is what the hand-written rules alone show
    records = []
    for doc, article in nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=32):
        extraction = extract_doc(doc, article)
        shown = {(e["sentence_id"], e["trigger"]): e for e in extraction.events}
        sents = SentenceIndex(doc).sents
        for cand in article_candidates(doc, sents, extraction.mentions, extraction.timexes, extraction.money):
            system = shown.get((cand.sentence_id, doc[cand.trigger.start : cand.trigger.end].text))
            records.append(
                {
                    "article_id": article.article_id,
                    "start": cand.start,
                    "features": cand.features,
                    "rule_shown": bool(system and system["factuality"] == "asserted"),
                    "rule_code": system["event_code"] if system else "none",
                }
            )
    return records


def load_examples(judged_path: Path, refresh: bool) -> list[Example]:
    judged = read_judged(judged_path)
    if refresh or not CACHE.exists():
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        with CACHE.open("w", encoding="utf-8") as fh:
            for record in compute_features():
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    examples = []
    for line in CACHE.open(encoding="utf-8"):
        r = json.loads(line)
        gold = judged.get((r["article_id"], r["start"]))
        if gold is None:
            continue
        keep = gold["keep"].strip().lower() == "yes"
        code = gold["code"].strip().zfill(2) if keep and gold["code"].strip() else "none"
        examples.append(Example(r["article_id"], r["start"], r["features"], r["rule_shown"], r["rule_code"], code, gold["factuality"].strip() if keep else ""))
    return examples


# --- models -----------------------------------------------------------------------------


@dataclass
class Variant:
    name: str
    drop_prefixes: tuple[str, ...] = ()
    C: float = 1.0
    min_count: int = 2
    joint: bool = False  # one model of what is shown: an asserted event's type, "other" event, or none
    rule_veto: bool = False  # the factuality rules' "not asserted" wins over the model's "asserted"


VARIANTS = [
    Variant("linear, sparse features, rules veto asserted", drop_prefixes=("t2v", "c2v"), rule_veto=True),
    Variant("linear, sparse features", drop_prefixes=("t2v", "c2v")),
    Variant("linear, sparse and contextual vectors", C=1.0),
    Variant("linear, sparse, one model of what is shown", drop_prefixes=("t2v", "c2v"), joint=True),
    Variant("linear, sparse and contextual vectors, one model of what is shown", joint=True),
    Variant("linear, sparse, C=0.3", drop_prefixes=("t2v", "c2v"), C=0.3),
    Variant("linear, sparse, C=3", drop_prefixes=("t2v", "c2v"), C=3.0),
    Variant("linear, sparse, no rule outputs", drop_prefixes=("t2v", "c2v", "rule.")),
    Variant("linear, sparse, no word window", drop_prefixes=("t2v", "c2v", "w-", "w+", "win=")),
    Variant("linear, no parse (words and lexicon only)", drop_prefixes=("dep", "child", "head.", "clause", "nsubj", "obj", "iobj", "agent", "pp=", "mark", "aux", "Tense", "VerbForm", "Mood", "rule.", "up", "t2v", "c2v")),
]


def _keep(features: dict[str, float], variant: Variant) -> dict[str, float]:
    return {k: v for k, v in features.items() if not k.startswith(variant.drop_prefixes)} if variant.drop_prefixes else features


def fit(examples: list[Example], variant: Variant):
    """(vectoriser, sense model, factuality model, kept features, shown model or None)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(k for e in examples for k in e.features)
    allowed = {k for k, n in counts.items() if n >= variant.min_count}
    X = [{k: v for k, v in _keep(e.features, variant).items() if k in allowed} for e in examples]
    vec = DictVectorizer()
    matrix = vec.fit_transform(X)
    sense = LogisticRegression(C=variant.C, max_iter=3000).fit(matrix, [e.gold_code for e in examples])
    kept = [i for i, e in enumerate(examples) if e.gold_code != "none" and e.gold_fact]
    fact = LogisticRegression(C=variant.C, max_iter=3000).fit(matrix[kept], [examples[i].gold_fact for i in kept])
    shown = LogisticRegression(C=variant.C, max_iter=3000).fit(matrix, [_joint_label(e) for e in examples]) if variant.joint else None
    return vec, sense, fact, allowed, shown


def predict(model, examples: list[Example], variant: Variant) -> list[tuple[str, str, float]]:
    vec, sense, fact, allowed, shown = model
    X = vec.transform([{k: v for k, v in _keep(e.features, variant).items() if k in allowed} for e in examples])
    ps, pf = sense.predict_proba(X), fact.predict_proba(X)
    if shown is not None:
        return _joint_predictions(shown, fact, shown.predict_proba(X), pf)
    out = []
    for i in range(len(examples)):
        k = int(np.argmax(ps[i]))
        code = str(sense.classes_[k])
        f = int(np.argmax(pf[i]))
        asserted = pf[i][list(fact.classes_).index("asserted")] if "asserted" in fact.classes_ else 0.0
        out.append((code, str(fact.classes_[f]), float(ps[i][k] * asserted) if code != "none" else 0.0))
    return out


def _joint_label(e: Example) -> str:
    if e.gold_code == "none":
        return "none"
    return e.gold_code if e.gold_fact == "asserted" else "other"


def _joint_predictions(sense, fact, ps, pf) -> list[tuple[str, str, float]]:
    classes = [str(c) for c in sense.classes_]
    out = []
    for i in range(len(ps)):
        k = int(np.argmax(ps[i]))
        label = classes[k]
        if label == "none":
            out.append(("none", "", 0.0))
        elif label == "other":
            f = str(fact.classes_[int(np.argmax(pf[i]))])
            out.append(("other", f if f != "asserted" else "possible", 0.0))
        else:
            out.append((label, "asserted", float(ps[i][k])))
    return out


# --- scoring ----------------------------------------------------------------------------


def scores(examples: list[Example], predictions: list[tuple[str, str, float]], threshold: float) -> dict[str, float]:
    gold_keep = [e.gold_code != "none" for e in examples]
    pred_keep = [p[0] != "none" for p in predictions]
    both = [i for i in range(len(examples)) if gold_keep[i] and pred_keep[i]]
    judged = [i for i in range(len(examples)) if gold_keep[i] and examples[i].gold_fact]
    gold_shown = [e.gold_code != "none" and e.gold_fact == "asserted" for e in examples]
    shown = [p[0] != "none" and p[1] == "asserted" and p[2] >= threshold for p in predictions]
    right = [shown[i] and gold_shown[i] and predictions[i][0] == examples[i].gold_code for i in range(len(examples))]
    tp_keep = sum(g and p for g, p in zip(gold_keep, pred_keep))
    return {
        "keep_p": tp_keep / max(sum(pred_keep), 1),
        "keep_r": tp_keep / max(sum(gold_keep), 1),
        "type_acc": sum(predictions[i][0] == examples[i].gold_code for i in both) / max(len(both), 1),
        "fact_acc": sum(predictions[i][1] == examples[i].gold_fact for i in judged) / max(len(judged), 1),
        "shown_p": sum(right) / max(sum(shown), 1),
        "shown_r": sum(right) / max(sum(gold_shown), 1),
        "n_shown": sum(shown),
    }


def rule_scores(examples: list[Example]) -> dict[str, float]:
    predictions = [(e.rule_code if e.rule_shown else "none", "asserted" if e.rule_shown else "", 1.0) for e in examples]
    out = scores(examples, predictions, 0.0)
    out["type_acc"] = out["fact_acc"] = float("nan")  # the rules give no type for what they drop
    return out


def _vetoed(examples: list[Example], predictions: list[tuple[str, str, float]]) -> list[tuple[str, str, float]]:
    """A negation, modal, question or conditional the rules see keeps an event off the chronicle."""
    out = []
    for e, (code, fact, p) in zip(examples, predictions):
        rule = next((k.split("=", 1)[1] for k in e.features if k.startswith("rule.fact=")), "asserted")
        out.append((code, rule if fact == "asserted" and rule != "asserted" else fact, p))
    return out


def kfold_predictions(examples: list[Example], variant: Variant, folds: int) -> list[tuple[str, str, float]]:
    from sklearn.model_selection import GroupKFold

    groups = [e.article_id for e in examples]
    out: list = [None] * len(examples)
    for train_idx, test_idx in GroupKFold(n_splits=folds).split(examples, groups=groups):
        model = fit([examples[i] for i in train_idx], variant)
        for i, p in zip(test_idx, predict(model, [examples[i] for i in test_idx], variant)):
            out[i] = p
    return _vetoed(examples, out) if variant.rule_veto else out


def choose_threshold(examples: list[Example], predictions, min_precision: float) -> float:
    """The lowest threshold whose k-fold shown precision reaches ``min_precision``."""
    for t in np.arange(0.0, 0.96, 0.02):
        if scores(examples, predictions, float(t))["shown_p"] >= min_precision:
            return float(round(t, 2))
    return 0.95


def line(name: str, s: dict[str, float]) -> str:
    fmt = lambda v: "–" if v != v else f"{v:.3f}"  # noqa: E731
    return f"| {name} | {fmt(s['keep_p'])} | {fmt(s['keep_r'])} | {fmt(s['type_acc'])} | {fmt(s['fact_acc'])} | {fmt(s['shown_p'])} | {fmt(s['shown_r'])} | {s['n_shown']} |"


def export(model, variant: Variant, threshold: float, path: Path) -> None:
    vec, sense, fact, _, shown = model
    names = vec.get_feature_names_out()

    def linear(clf) -> dict:
        coef = clf.coef_ if len(clf.classes_) > 2 else np.vstack([-clf.coef_[0] / 2, clf.coef_[0] / 2])
        icpt = clf.intercept_ if len(clf.classes_) > 2 else np.array([-clf.intercept_[0] / 2, clf.intercept_[0] / 2])
        weights = {str(n): [round(float(w), 5) for w in coef[:, j]] for j, n in enumerate(names) if np.any(np.abs(coef[:, j]) > 1e-4)}
        return {"classes": [str(c) for c in clf.classes_], "weights": weights, "intercept": [round(float(w), 5) for w in icpt]}

    data = {
        "version": VERSION,
        "variant": variant.name,
        "threshold": threshold,
        "rule_veto": variant.rule_veto,
        "sense": linear(sense),
        "factuality": linear(fact),
        "shown": linear(shown) if shown is not None else None,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--judged", type=Path, default=JUDGED)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--refresh", action="store_true", help="recompute the cached features")
    parser.add_argument("--variants", action="store_true", help="score every variant, not only the shipped one")
    parser.add_argument("--report-only", action="store_true")
    parser.add_argument("--only", type=int, nargs="*", help="score only these variants (their numbers in VARIANTS)")
    parser.add_argument("--sweep", action="store_true", help="print the shown precision and recall at thresholds 0.50-0.90")
    parser.add_argument("--threshold", type=float, help="ship this threshold instead of the one --min-precision chooses")
    # 0.84, not the chronicle's 0.85 aim: at 0.85 the threshold (0.80) keeps only 0.71 of the
    # real events the rules showed; at 0.84 (0.74-0.76) about 0.77 (the sweep in README.md)
    parser.add_argument("--min-precision", type=float, default=0.84, help="k-fold shown precision the threshold must reach")
    args = parser.parse_args()
    examples = load_examples(args.judged, args.refresh)
    print(f"{len(examples)} judged candidates in {len({e.article_id for e in examples})} articles; {sum(e.gold_code != 'none' for e in examples)} events, {sum(e.gold_fact == 'asserted' for e in examples)} asserted")
    print("| decision | keep P | keep R | type acc | factuality acc | shown P | shown R | shown |")
    print("|---|---|---|---|---|---|---|---|")
    print(line("hand-written rules (today)", rule_scores(examples)))
    best = None
    chosen_variants = [VARIANTS[i] for i in args.only] if args.only else VARIANTS if args.variants else VARIANTS[:1]
    for variant in chosen_variants:
        predictions = kfold_predictions(examples, variant, args.folds)
        threshold = args.threshold if args.threshold is not None else choose_threshold(examples, predictions, args.min_precision)
        if args.sweep:
            for t in np.arange(0.50, 0.91, 0.05):
                print(line(f"{variant.name}, threshold {t:.2f}", scores(examples, predictions, float(t))))
        at = scores(examples, predictions, threshold)
        print(line(f"{variant.name}, argmax", scores(examples, predictions, 0.0)))
        print(line(f"{variant.name}, threshold {threshold}", at))
        if best is None or at["shown_r"] > best[2]["shown_r"]:
            best = (variant, threshold, at)
    chosen, threshold, _ = best
    print(f"chosen: {chosen.name}, threshold {threshold}")
    if not args.report_only:
        export(fit(examples, chosen), chosen, threshold, MODEL_OUT)
        print(f"model -> {MODEL_OUT.relative_to(ROOT)} (threshold {threshold})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
