"""Build ``kroniek/data/common_words_nl.txt``: Dutch words that are common words, not names.

A name span such as "Geef Forum" (a verb at the start of a sentence, capitalised there)
or "Succes Thierry" looks like a two-word person name to the NER; the actor resolver
drops such a first word when the word is a common Dutch word.  Each word keeps its most frequent part of speech (a verb or interjection before a name
is always dropped, a noun only when the rest is a known name).  A word counts as common
when, in CoNLL-2002 (train) and the UD Dutch training treebanks, it occurs in lower case
inside sentences at least as often as it occurs capitalised inside a name ("rob" is rare,
"Rob" frequent: a name; "geef" frequent, "Geef" inside a name never: a common word).

    python training/common_words.py [--corpora DIR]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "lib" / "kroniek" / "data" / "common_words_nl.txt"


_CONLL_POS = {"N": "NOUN", "V": "VERB", "Adj": "ADJ", "Adv": "ADV", "Int": "INTJ", "Pron": "PRON", "Prep": "ADP",
              "Conj": "CCONJ", "Num": "NUM", "Art": "DET"}


def sentences_conll(path: Path):
    sent = []
    for line in path.open(encoding="utf-8"):
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            if sent:
                yield sent
            sent = []
            continue
        sent.append((parts[0], parts[-1] != "O", _CONLL_POS.get(parts[1], "X")))
    if sent:
        yield sent


def sentences_conllu(path: Path):
    sent = []
    for line in path.open(encoding="utf-8"):
        if line.startswith("#"):
            continue
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 4:
            if sent:
                yield sent
            sent = []
            continue
        if "-" in parts[0] or "." in parts[0]:
            continue
        sent.append((parts[1], parts[3] == "PROPN", parts[3]))
    if sent:
        yield sent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = parser.parse_args()
    lower: Counter[str] = Counter()
    pos: dict[str, Counter[str]] = {}
    in_name: Counter[str] = Counter()
    sources = [sentences_conll(args.corpora / "conll2002-nl" / "ned.train")]
    sources += [sentences_conllu(p) for p in sorted((args.corpora / "ud-nl").glob("*train*.conllu"))]
    for source in sources:
        for sent in source:
            for k, (word, name, tag) in enumerate(sent):
                if not word.isalpha():
                    continue
                if word.islower() and k > 0:
                    lower[word] += 1
                    pos.setdefault(word, Counter())[tag] += 1
                elif word[:1].isupper() and name:
                    in_name[word.casefold()] += 1
    words = sorted(w for w, n in lower.items() if len(w) >= 3 and n >= in_name[w])
    OUT.write_text(
        "# Dutch common words (lower case inside sentences at least as often as inside names),\n"
        "# from CoNLL-2002 train and the UD Dutch training treebanks; built by training/common_words.py\n"
        + "# word<TAB>its most frequent part of speech (UD tags)\n"
        + "\n".join(f"{w}\t{pos[w].most_common(1)[0][0]}" for w in words) + "\n",
        encoding="utf-8",
    )
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
