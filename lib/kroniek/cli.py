"""``kroniek``: extract tables from a corpus, and evaluate the pipeline.

    kroniek extract PATH... --out DIR [--skip-bad] [--model NAME] [--cache DIR] [--processes N]
    kroniek eval ner --conll FILE [--model NAME]
    kroniek eval ner --meantime DIR [--model NAME]
    kroniek eval parse --conllu FILE [--model NAME]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from tqdm import tqdm

from kroniek.build import build_tables
from kroniek.nlp import evaluation, load_nlp, pipeline_key, resolve_name
from kroniek.read import read_corpus
from kroniek.store.cache import Store
from kroniek.store.dataset import write_dataset
from kroniek.store.exports import write_tables
from kroniek.store.views import corpus_fingerprint


def _extract(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    fingerprint = corpus_fingerprint(args.paths)  # before reading: a file changed meanwhile gives a new one
    result = read_corpus(args.paths)
    skipped = result.skipped
    warnings = [p for p in result.problems if not p.skipped]
    for problem in warnings:
        print(problem, file=sys.stderr)
    if skipped and not args.skip_bad:
        for problem in skipped:
            print(f"error: {problem.path}{':' + str(problem.line) if problem.line else ''}: {problem.reason}", file=sys.stderr)
        print(f"{len(skipped)} bad input(s); nothing written (use --skip-bad to skip them)", file=sys.stderr)
        return 2
    for problem in skipped:
        print(problem, file=sys.stderr)
    if not result.articles:
        print("no articles to extract", file=sys.stderr)
        return 2
    model = resolve_name(args.model)
    if args.engine == "dask":
        return _extract_dask(args, result, skipped, model, started)
    store = Store(pipeline_key(model), args.cache)
    bars: list[tqdm] = []  # made on the first article extracted: a cached run shows no bar

    def progress(done: int, total: int) -> None:
        if not bars:
            bars.append(tqdm(total=total, unit=" articles", desc="extracting", file=sys.stderr, disable=args.quiet))
        bars[0].total = total
        bars[0].n = done
        bars[0].refresh()

    failures: list = []
    tables, n_new = build_tables(
        result.articles,
        store,
        lambda: load_nlp(model),
        view=(args.paths, fingerprint),
        problems=result.problems,
        progress=progress,
        n_process=args.processes,
        failures=failures,
    )
    for bar in bars:
        bar.close()
    for problem in failures:
        print(f"{'failed' if not args.skip_bad else 'skipped'}: {problem.path}{':' + str(problem.line) if problem.line else ''}: {problem.reason}", file=sys.stderr)
    write_tables(tables, args.out)
    seconds = time.perf_counter() - started
    done = len(result.articles) - len(failures)
    print(
        f"{done} article{'' if done == 1 else 's'} ({n_new} extracted, {done - n_new} from cache), "
        f"{len(skipped) + len(failures)} skipped: {len(tables['mentions'])} mentions, {len(tables['actors'])} actors, "
        f"{len(tables['money'])} money, {len(tables['timexes'])} timexes, {len(tables['events'])} events, "
        f"{len(tables['happenings'])} happenings -> {args.out} in {seconds:.1f}s"
    )
    return 1 if failures and not args.skip_bad else 0


def _extract_dask(args: argparse.Namespace, result, skipped: list, model: str, started: float) -> int:
    from kroniek.extract.cluster import extract_on_cluster  # imports Dask, which only this engine needs

    if not args.scheduler:
        print("--engine dask needs --scheduler ADDRESS (e.g. tcp://host:8786)", file=sys.stderr)
        return 2
    bar = tqdm(total=len(result.articles), unit=" articles", desc="extracting on the cluster", file=sys.stderr, disable=args.quiet)

    def progress(done: int, total: int) -> None:
        bar.n = min(done, total)
        bar.refresh()

    tables, failures = extract_on_cluster(result.articles, args.scheduler, None if model == "blank:nl" else model, progress=progress)
    bar.close()
    for problem in failures:
        print(f"{'failed' if not args.skip_bad else 'skipped'}: {problem}", file=sys.stderr)
    failed_ids = {p.path for p in failures}
    texts = {a.article_id: a.text for a in result.articles if (a.path or a.article_id) not in failed_ids}
    write_dataset(tables, texts, args.out)
    if "://" not in str(args.out):  # the flat CSV/Parquet copies only on a local disk
        write_tables(tables, args.out)
    done = len(result.articles) - len(failures)
    print(
        f"{done} article{'' if done == 1 else 's'} (extracted on {args.scheduler}), {len(skipped) + len(failures)} skipped: "
        f"{len(tables['mentions'])} mentions, {len(tables['actors'])} actors, {len(tables['money'])} money, "
        f"{len(tables['timexes'])} timexes, {len(tables['events'])} events -> {args.out} (partitioned by month) "
        f"in {time.perf_counter() - started:.1f}s"
    )
    return 1 if failures and not args.skip_bad else 0


def _eval(args: argparse.Namespace) -> int:
    if args.what == "ner":
        if args.meantime:
            scores = evaluation.evaluate_ner_meantime(Path(args.meantime), args.model, not args.no_gazetteer, not args.no_consistency)
            print(evaluation.format_ner_meantime(scores))
            return 0
        if not args.conll:
            print("eval ner needs --conll FILE or --meantime DIR", file=sys.stderr)
            return 2
        scores = evaluation.evaluate_ner(Path(args.conll), args.model, not args.no_gazetteer, not args.no_consistency, not args.by_sentence)
        print(evaluation.format_ner(scores))
    else:
        if not args.conllu:
            print("eval parse needs --conllu FILE", file=sys.stderr)
            return 2
        scores = evaluation.evaluate_parse(Path(args.conllu), args.model)
        print(evaluation.format_parse(scores))
    return 0


EXTRACT_EPILOG = """\
tables written to --out, each as <table>.csv and <table>.parquet (columns in DESIGN.md):
  articles    one row per article: id, title, date and its precision, source, words
  mentions    every name of an actor, with its sentence and offsets
  actors      one row per actor: canonical name, type, country, role, aliases, counts
  money       amounts, ranges and currencies, converted to euro at the article date
  timexes     time expressions resolved to calendar intervals
  events      typed events with who, whom, when and whether the text asserts them
  happenings  events reported in several articles, grouped into one row each

examples:
  kroniek extract seeds --out out/
  kroniek extract corpus/ --out out/ --skip-bad --processes 2
  kroniek extract corpus/ --out out/ --model kroniek:fast

A second run reads every article it extracted before from the cache: only new or
changed articles go through the pipeline.
"""


def _extract_parser(sub) -> None:
    ex = sub.add_parser(
        "extract",
        help="write the seven tables as CSV and Parquet",
        description="Read a corpus, extract actors, money, time expressions and events, and write the seven tables.",
        epilog=EXTRACT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ex.add_argument("paths", nargs="+", help="files or folders (.txt, .jsonl, .csv, .parquet)")
    ex.add_argument("--out", required=True, help="output folder (or s3://... with --engine dask)")
    ex.add_argument("--skip-bad", action="store_true", help="skip bad inputs (each is listed) instead of failing")
    ex.add_argument(
        "--model",
        default=None,
        help="spaCy pipeline: the shipped one (default, or $KRONIEK_MODEL), kroniek:fast (the shipped one with one NER "
        "instead of the vote of three: about 1.5x faster, slightly lower NER F1), an installed name or a path",
    )
    ex.add_argument("--cache", default=None, help="cache folder (default: $KRONIEK_CACHE, else .kroniek-cache)")
    ex.add_argument("--processes", type=int, default=1, help="worker processes for the NLP pipeline, one per core (default: 1)")
    ex.add_argument("--quiet", action="store_true", help="no progress bar")
    ex.add_argument("--engine", choices=["local", "dask"], default="local", help="where the NLP runs (default: local)")
    ex.add_argument("--scheduler", default=None, help="Dask scheduler address for --engine dask (tcp://host:8786)")
    ex.set_defaults(func=_extract)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kroniek",
        description="Actors, money and chronology from Dutch news.",
        epilog="Run `kroniek extract --help` for the tables and examples; the dashboard: streamlit run dashboard.py",
    )
    sub = parser.add_subparsers(dest="command", metavar="{extract,eval}")
    _extract_parser(sub)
    ev = sub.add_parser("eval", help="score the pipeline on annotated data")
    ev.add_argument("what", choices=["ner", "parse"])
    ev.add_argument("--conll", help="CoNLL-2002 file (word POS tag)")
    ev.add_argument("--meantime", help="MEANTIME folder (articles.jsonl, entity_mentions.jsonl): NER recall out of domain")
    ev.add_argument("--conllu", help="CoNLL-U file")
    ev.add_argument("--model", default=None)
    ev.add_argument("--no-gazetteer", action="store_true", help="without the gazetteer's EntityRuler before the NER")
    ev.add_argument("--no-consistency", action="store_true", help="without the one-label-per-article stage")
    ev.add_argument("--by-sentence", action="store_true", help="tag each sentence alone instead of whole articles")
    ev.set_defaults(func=_eval)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:  # bare `kroniek`: what it can do, not an error
        parser.print_help()
        return 0
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
