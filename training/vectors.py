"""Static word vectors trained here, on the unlabelled Dutch text of ../shared/corpora.

No Dutch vectors can be installed from a package registry, so Kroniek trains its own
with floret (spaCy's fastText fork: subword hashes in a small table, so a word never seen
still gets a vector from its pieces, which matters for Dutch compounds and names).

Text (tokenised by Kroniek's Dutch tokenizer, one paragraph per line): the DPG articles,
the words of ``ned.train`` and the UD sentences that are neither evaluation nor selection
data (LassySmall dev/test and the two 2017 train files).  Never ``ned.testa`` (it selects
the NER configuration), Alpino dev/test (selection and test of the parser) or MEANTIME
(the out-of-domain check).

    python training/vectors.py [--corpora DIR] [--out training/runs/vectors]

Writes ``text.txt``, ``vectors.floret`` and ``nl_vectors/`` (``spacy init vectors
--mode floret``), which the configs take as ``--paths.vectors``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import spacy

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from prepare import DEFAULT_CORPORA, read_conll2002, read_conllu  # noqa: E402

UD_FILES = (
    "nl_lassysmall-ud-dev.conllu",
    "nl_lassysmall-ud-test.conllu",
    "nl_lassysmall-ud-train.v2-2017.conllu",
    "nl_alpino-ud-train.fragment-2017.conllu",
)


def paragraphs(corpora: Path):
    """Every training text as one string per paragraph or sentence."""
    for line in (corpora / "dpg-news-2019" / "articles.jsonl").open(encoding="utf-8"):
        article = json.loads(line)
        yield article.get("title") or ""
        yield from (p for p in article["text"].split("\n") if p.strip())
    for article in read_conll2002(corpora / "conll2002-nl" / "ned.train"):
        for sentence in article:
            yield " ".join(word for word, _ in sentence)
    for name in UD_FILES:
        for rows in read_conllu(corpora / "ud-nl" / name):
            yield " ".join(r[1] for r in rows)


def write_text(corpora: Path, path: Path) -> int:
    tokenizer = spacy.blank("nl").tokenizer
    n_words = 0
    with path.open("w", encoding="utf-8") as fh:
        for paragraph in paragraphs(corpora):
            words = [t.text for t in tokenizer(paragraph) if not t.is_space]
            if words:
                fh.write(" ".join(words) + "\n")
                n_words += len(words)
    return n_words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--out", type=Path, default=HERE / "runs" / "vectors")
    parser.add_argument("--dim", type=int, default=100)
    parser.add_argument("--bucket", type=int, default=50000)
    parser.add_argument("--epoch", type=int, default=10)
    args = parser.parse_args()
    import floret  # a training-only dependency (training/requirements.txt)

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    text = out / "text.txt"
    print(f"{write_text(args.corpora, text):,} words of training text", flush=True)
    model = floret.train_unsupervised(
        str(text), model="cbow", mode="floret", hashCount=2, bucket=args.bucket,
        minn=3, maxn=5, dim=args.dim, epoch=args.epoch, minCount=2, thread=2, verbose=1,
    )
    model.save_floret_vectors(str(out / "vectors.floret"))
    subprocess.run([sys.executable, "-m", "spacy", "init", "vectors", "nl", str(out / "vectors.floret"),
                    str(out / "nl_vectors"), "--mode", "floret"], check=True)


if __name__ == "__main__":
    main()
