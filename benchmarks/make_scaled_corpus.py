"""Replicate dpg-news-2019 to a larger corpus, with a warm extraction cache.

    python benchmarks/make_scaled_corpus.py --factor 100 --out /tmp/dpg120k \\
        --source-cache /tmp/kcache-dpg --cache /tmp/kcache-120k

Copy k of every article gets the id ``<id>~k`` and the text ``<text> (kopie k)`` (copy 0
is the original), so every copy is a distinct article.  The source cache must hold the
original corpus extracted with the current pipeline (``kroniek extract ... --cache
SOURCE``); its rows are copied to each replica under the replica's content hash, which
is what extracting the replica would store (the suffix adds nothing extractable), so
the scaled corpus starts with a warm cache without hours of NLP.
"""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--factor", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--source-cache", type=Path, required=True)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = parser.parse_args()

    from kroniek.read import Article, read_corpus
    from kroniek.nlp import pipeline_key
    from kroniek.store.cache import CACHED_TABLES, HASH, Store, write_table_atomic

    originals = read_corpus([args.corpora / "dpg-news-2019" / "articles.jsonl"]).articles
    source = Store(pipeline_key(), args.source_cache)
    missing = [a for a in originals if a.content_hash not in source.cached_hashes()]
    if len(missing) > len(originals) // 100:
        raise SystemExit(f"{len(missing)} articles are not in the source cache: run kroniek extract with --cache {args.source_cache} first")
    if missing:  # articles the pipeline failed on (listed by kroniek extract): left out
        print(f"left out {len(missing)} article(s) the source cache lacks: {', '.join(a.article_id for a in missing)}")
        gone = {a.article_id for a in missing}
        originals = [a for a in originals if a.article_id not in gone]
    rows = {t: pa.concat_tables([pq.read_table(f) for f in source._table_files(t)]) for t in CACHED_TABLES}
    target = Store(pipeline_key(), args.cache)
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "articles.jsonl").open("w", encoding="utf-8") as fh:
        for k in range(args.factor):
            copies = [
                Article(a.article_id if k == 0 else f"{a.article_id}~{k}", a.text if k == 0 else f"{a.text} (kopie {k})", a.date, a.title, a.source)
                for a in originals
            ]
            for a in copies:
                fh.write(json.dumps({"id": a.article_id, "date": a.date, "title": a.title, "text": a.text, "source": a.source}, ensure_ascii=False) + "\n")
            mapping = {o.content_hash: c.content_hash for o, c in zip(originals, copies)}
            keys, values = pa.array(list(mapping)), pa.array(list(mapping.values()))
            segment = f"replica-{k:05d}-{uuid.uuid4().hex[:6]}"
            for table, data in rows.items():
                new_hash = pc.take(values, pc.index_in(data.column(HASH), value_set=keys))
                data = data.set_column(data.schema.get_field_index(HASH), HASH, new_hash)
                path = target.dir / "tables" / table / f"{segment}.parquet"
                path.parent.mkdir(parents=True, exist_ok=True)
                write_table_atomic(data, path)
            done = target.dir / "tables" / "done" / f"{segment}.parquet"
            done.parent.mkdir(parents=True, exist_ok=True)
            write_table_atomic(pa.table({HASH: values}), done)
            (target.dir / "commits").mkdir(parents=True, exist_ok=True)
            (target.dir / "commits" / segment).write_text(str(len(copies)))
    print(f"{args.factor * len(originals):,} articles -> {args.out / 'articles.jsonl'}; warm cache in {args.cache}")


if __name__ == "__main__":
    main()
