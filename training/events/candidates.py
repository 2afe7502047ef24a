"""Event candidates for judging: every trigger-word hit of the lexicon, before any sense,
factuality or participant rule, with the context a judge needs.

    python training/events/candidates.py --out DIR [--corpus dpg|meantime|seeds|conll|conll-testa|ud ...]

Writes ``DIR/candidates.jsonl`` (one candidate per line, with the sentence and the one
before it, for judging; never committed: the texts are the corpora's) and
``DIR/system.csv`` (what today's extractor makes of each candidate: shown or not, type,
factuality, source, target), so a judged table can score the extractor.
Articles in ``tests/data/heldout_ids.txt`` and in the blind event set are never read.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "lib"))
CORPORA = ROOT.parent / "shared" / "corpora"


def excluded_ids() -> set[str]:
    """Blind evaluation articles: the held-out ids and the blind event set."""
    ids = {l.strip() for l in (ROOT / "tests/data/heldout_ids.txt").open() if l.strip() and not l.startswith("#")}
    with (ROOT / "tests/data/events_blind.csv").open(encoding="utf-8") as fh:
        ids |= {r["article_id"] for r in csv.DictReader(fh)}
    return ids


def corpus_articles(names: list[str]):
    from kroniek.read import read_corpus

    paths = {
        "dpg": CORPORA / "dpg-news-2019" / "articles.jsonl",
        "meantime": CORPORA / "meantime-nl" / "articles.jsonl",
        "seeds": ROOT / "seeds",
    }
    skip = excluded_ids()
    for name in names:
        if name in ("conll", "conll-testa"):
            yield from conll_articles("train" if name == "conll" else "testa")
            continue
        if name == "ud":
            yield from ud_articles()
            continue
        for article in read_corpus([paths[name]]).articles:
            if article.article_id not in skip:
                yield article


def conll_articles(part: str = "train"):
    """CoNLL-2002 articles (De Morgen, 2000) as plain text: tokens joined by spaces, one
    sentence per line; ids ``conll-<part>-<n>`` (the order of ned.train / ned.testa)."""
    from kroniek.read import Article

    sys.path.insert(0, str(ROOT / "training"))
    from prepare import read_conll2002

    path = CORPORA / "conll2002-nl" / ("ned.train" if part == "train" else "ned.testa")
    for n, sentences in enumerate(read_conll2002(path)):
        text = "\n".join(" ".join(word for word, _ in sentence) for sentence in sentences)
        yield Article(f"conll-{part}-{n}", text, "2000")


UD_TRAIN = ("nl_alpino-ud-train.fragment-2017.conllu", "nl_lassysmall-ud-train.v2-2017.conllu")


def ud_articles():
    """The documents of the UD training treebanks (Alpino news, LassySmall Wikipedia) as
    plain text, sentences in order; ids ``ud-<document>``.  No date."""
    import re

    from kroniek.read import Article

    docs: dict[str, list[tuple[tuple[int, ...], str]]] = {}
    for name in UD_TRAIN:
        sent_id, words = "", []
        for line in (CORPORA / "ud-nl" / name).read_text(encoding="utf-8").splitlines() + [""]:
            if line.startswith("#"):
                sent_id = line.split("=", 1)[-1].strip().lstrip("# ").strip() if "sent_id" in line or not sent_id else sent_id
            elif line.strip():
                cols = line.split("\t")
                if cols[0].isdigit():
                    words.append(cols[1] + ("" if "SpaceAfter=No" in cols[9] else " "))
            elif words:
                doc = re.sub(r"\.p\.\d+\.s\.\d+.*$", "", sent_id.split("_")[-1])
                order = tuple(int(n) for n in re.findall(r"\.[ps]\.(\d+)", sent_id))
                docs.setdefault(doc, []).append((order, "".join(words).strip()))
                sent_id, words = "", []
    for doc, sentences in sorted(docs.items()):
        yield Article(f"ud-{doc}", "\n".join(t for _, t in sorted(sentences)), "")


def candidates_of(doc, article, extraction) -> list[dict]:
    from kroniek.extract.events.lexicon import find_triggers, load_triggers
    from kroniek.extract.article import SentenceIndex

    lex = load_triggers()
    sents = SentenceIndex(doc).sents
    shown = {(e["sentence_id"], e["trigger"]): e for e in extraction.events}
    rows = []
    for k, sent in enumerate(sents):
        for trigger in find_triggers(sent, lex):
            span = doc[trigger.start : trigger.end]
            start, end = span.start_char, span.end_char
            system = shown.get((k, span.text))
            rows.append(
                {
                    "cand_id": f"{article.article_id}:{start}",
                    "article_id": article.article_id,
                    "date": article.date,
                    "title": article.title,
                    "start": start,
                    "end": end,
                    "trigger": span.text,
                    "lexicon_code": trigger.code,
                    "lemma": trigger.lemma,
                    "verbal": trigger.verbal,
                    "sentence_start": sent.start_char,
                    "sentence": sent.text,
                    "previous": sents[k - 1].text if k else "",
                    "system_shown": bool(system),
                    "system_code": system["event_code"] if system else "",
                    "system_factuality": system["factuality"] if system else "",
                    "system_source": system["source_actor"] if system else "",
                    "system_target": system["target_actor"] if system else "",
                }
            )
    return rows


def main() -> int:
    from kroniek.extract.article import extract_doc
    from kroniek.nlp.pipeline import load_nlp

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--corpus", nargs="+", default=["dpg", "meantime", "seeds", "conll"])
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    nlp = load_nlp()
    articles = list(corpus_articles(args.corpus))
    n = 0
    with (args.out / "candidates.jsonl").open("w", encoding="utf-8") as fh:
        for doc, article in nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=32):
            for row in candidates_of(doc, article, extract_doc(doc, article)):
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
                n += 1
    print(f"{len(articles)} articles, {n} candidates -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
